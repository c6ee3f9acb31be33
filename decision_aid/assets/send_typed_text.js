/* Text typed into a box reaches the app when the typing pauses, not only when the box loses the
   focus. Streamlit sends a text box's text on blur or Ctrl+Enter; Back pressed while typing
   took the page away first, and the note with it. After $pause ms without a key, the box is sent
   as Ctrl+Enter sends it: the focus and the keyboard stay.
   Back or Forward within that pause, or after an age typed without Enter, still lost it: the
   browser's buttons move no focus. (Sending it as Streamlit changed the page raced the change,
   which then showed the wrong page.) So that step waits, before the link changes: the box is
   sent, and once the app has written its link the step is taken.
   Text areas only while typing: a figure or an age half typed must not be read (those boxes
   send on Enter, when the focus leaves them, or on Back). Static text: no answer in it. */
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
      if (event.target === number) number = null;
      if (event.target !== box) return;
      clearTimeout(timer);
      box = null;
    },
    true,
  );
  /* A number box typed in and not sent yet (Enter, or the focus leaving, sends it). */
  let number = null;
  const isNumber = (el) => el instanceof HTMLInputElement && el.closest('[data-testid="stNumberInput"]');
  document.addEventListener("input", (event) => { if (isNumber(event.target)) number = event.target; }, true);
  document.addEventListener("keydown", (event) => { if (event.key === "Enter" && event.target === number) number = null; }, true);
  /* Whether the app has written its link since `wrote` was cleared. */
  let wrote = false;
  for (const name of ["pushState", "replaceState"]) {
    const write = window.history[name].bind(window.history);
    window.history[name] = (...args) => {
      wrote = true;
      return write(...args);
    };
  }
  /* The browser's Back or Forward, as it starts (the Navigation API's "navigate" event comes
     before the link changes and before Streamlit hears of it): with typed text the app has not
     had, the step waits; the box is sent, and once the app has written its link the step is
     taken. Without the Navigation API (some browsers), Back within the pause still loses it. */
  if (window.navigation) {
    window.navigation.addEventListener("navigate", (event) => {
      if (event.navigationType !== "traverse" || !event.cancelable) return;
      const typed = box && box.isConnected ? box : number && number.isConnected ? number : null;
      if (!typed) return;
      event.preventDefault();
      const key = event.destination.key;
      wrote = false;
      if (typed === box) send();
      else {
        number = null;
        typed.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
      }
      const started = Date.now();
      const go = () => {
        if (!wrote && Date.now() - started < $wait) return void setTimeout(go, 50);
        // gone if the app added an entry after a Forward: the answer is kept, the step is not taken
        const step = window.navigation.traverseTo(key);
        step.committed.catch(() => {});
        step.finished.catch(() => {});
      };
      setTimeout(go, 50);
    });
  }
})();
