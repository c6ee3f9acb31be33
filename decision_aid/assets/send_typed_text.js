/* Text typed into a box reaches the app when the typing pauses, not only when the box loses the
   focus. Streamlit sends a text box's text on blur or Ctrl+Enter; Back pressed while typing
   took the page away first, and the note with it. After $pause ms without a key, the box is sent
   as Ctrl+Enter sends it: the focus and the keyboard stay. (Sending it on Back itself raced
   Streamlit's page change, which then showed the wrong page.)
   Text areas only: a figure or an age half typed must not be read (those boxes send on Enter,
   or when the focus leaves them). Static text: no answer in it. */
(() => {
  if (window.hfsSendTypedText) return;
  window.hfsSendTypedText = true;
  let box = null;
  let timer = 0;
  const send = () => {
    clearTimeout(timer);
    const typed = box;
    box = null;
    if (typed && typed.isConnected) {
      const keys = { key: "Enter", code: "Enter", ctrlKey: true, bubbles: true, cancelable: true };
      typed.dispatchEvent(new KeyboardEvent("keydown", keys));
    }
  };
  document.addEventListener(
    "input",
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLTextAreaElement) || !target.closest('[data-testid="stTextArea"]')) return;
      if (box !== target) send();
      box = target;
      clearTimeout(timer);
      if (!event.isComposing) timer = setTimeout(send, $pause);
    },
    true,
  );
  /* A box that loses the focus sends its text itself (a tap on Next, Tab): nothing is left to
     send, and a send after it could reach the app once the page had changed. */
  document.addEventListener(
    "focusout",
    (event) => {
      if (event.target !== box) return;
      clearTimeout(timer);
      box = null;
    },
    true,
  );
})();
