/* One history entry per page and per compare topic. Streamlit adds a browser history entry each
   time the script changes the link, and the app writes every answer into the link, so after
   three answers Back did nothing visible three times (the app wrote the answers straight back),
   then left the app. A change of link that keeps the page ($param unchanged too) now replaces
   the entry it is on; a new page or a new topic still adds one.
   Back or Forward pressed while a change was on its way (a slider moved, a note sent as typing
   paused) met that change's run, for the page left: it moved the link to its own page, and the
   next run moved it back. Two new entries, the page flicked, and Forward was lost; or, when
   Streamlit joined the two requests, the page left stayed, under Back's link. So, until the
   patient next acts in the page, a write that would change the page or the topic is left out,
   and once that run is over the step is asked for again: the page the link names is drawn.
   Static text: no answer in it. */
(() => {
  if (window.hfsOneEntryPerView) return;
  window.hfsOneEntryPerView = true;
  const param = $param;
  const push = window.history.pushState.bind(window.history);
  const replace = window.history.replaceState.bind(window.history);
  let stepped = false; // Back or Forward, and nothing done in the page since
  let stray = false; // a write left out: step again once the run is over
  window.addEventListener("popstate", () => { stepped = true; });
  // a click too: a screen reader's browse mode presses a button with a click alone. The app's
  // own events (send_typed_text.js sends a note with a made-up Ctrl+Enter) are not the patient's.
  for (const type of ["pointerdown", "keydown", "click", "input"]) {
    document.addEventListener(type, (event) => { if (event.isTrusted) stepped = false; }, true);
  }
  const idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute("data-test-script-state") === "notRunning";
  };
  const stepAgain = () => {
    if (!stray || !idle()) return;
    stray = false;
    window.dispatchEvent(new PopStateEvent("popstate", { state: window.history.state }));
  };
  new MutationObserver(stepAgain).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-test-script-state"] });
  const sameView = (url) => {
    const next = new URL(url, window.location.href);
    const now = new URL(window.location.href);
    return next.pathname === now.pathname && next.searchParams.get(param) === now.searchParams.get(param);
  };
  const leftOut = (url) => {
    if (!stepped || url == null || sameView(url)) return false;
    stray = true;
    setTimeout(stepAgain, 0); // in case that run is over already
    return true;
  };
  window.history.pushState = (data, unused, url) => {
    if (leftOut(url)) return;
    if (url != null && sameView(url)) replace(data, unused, url);
    else push(data, unused, url);
  };
  // Streamlit replaces the entry, not adds one, while it follows Back or Forward: a late run's
  // link for the topic left took the place of the topic Back had gone to.
  window.history.replaceState = (data, unused, url) => {
    if (!leftOut(url)) replace(data, unused, url);
  };
})();
