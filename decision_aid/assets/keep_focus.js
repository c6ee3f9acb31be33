/* A button Streamlit disables while it works (the summary's download, built on the click) lost the
   keyboard focus to the page: after the download, Tab and a screen reader started again from the
   top. When such a button is enabled again and the focus is still nowhere, it goes back to the
   button, without scrolling. Only a button that was disabled as the focus left it: a click on the
   page's background, or leaving the browser window, is not followed. Static text: no answer. */
(() => {
  if (window.hfsKeepFocus) return;
  window.hfsKeepFocus = true;
  let left = null;
  document.addEventListener(
    "focusout",
    (event) => {
      const button = event.target;
      left = button instanceof HTMLButtonElement && button.disabled && event.relatedTarget === null ? button : null;
    },
    true,
  );
  document.addEventListener("focusin", () => {
    left = null;
  }, true);
  new MutationObserver((changes) => {
    if (!left || !changes.some((change) => change.target === left) || left.disabled) return;
    const button = left;
    left = null;
    const active = document.activeElement;
    if (button.isConnected && (active === null || active === document.body)) button.focus({ preventScroll: true });
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
})();
