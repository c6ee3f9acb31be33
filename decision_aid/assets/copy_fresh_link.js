/* A code box's copy button (the link to the answers) copies the text as it is at the click. A
   click there while typing in a box (an age, a note, a local figure) also takes the focus off the
   box, which sends it, and the link changes a moment later: the clipboard held the link without
   that answer, and the box beside it showed the new one (found by a red-team pass). So after such
   a click, the box's new text is copied too, once, within $wait ms. Static text: no answer in it. */
(() => {
  if (window.hfsCopyFreshLink) return;
  window.hfsCopyFreshLink = true;
  const copyButton = (el) => el instanceof Element && el.closest('[data-testid="stCode"] button');
  let typing = false;
  document.addEventListener(
    "pointerdown",
    (event) => {
      if (!copyButton(event.target)) return;
      const el = document.activeElement; // the focus has not moved yet
      typing = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== "range");
    },
    true,
  );
  document.addEventListener(
    "click",
    (event) => {
      const button = copyButton(event.target);
      if (!button || !typing) return;
      typing = false;
      const code = button.closest('[data-testid="stCode"]').querySelector("code");
      if (!code) return;
      const copied = code.textContent;
      const started = Date.now();
      const watch = () => {
        if (code.isConnected && code.textContent !== copied) {
          if (navigator.clipboard) navigator.clipboard.writeText(code.textContent).catch(() => {});
          return;
        }
        if (Date.now() - started < $wait) setTimeout(watch, 50);
      };
      setTimeout(watch, 50);
    },
    true,
  );
})();
