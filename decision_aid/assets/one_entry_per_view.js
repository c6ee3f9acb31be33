/* One history entry per page and per compare topic. Streamlit adds a browser history entry each
   time the script changes the link, and the app writes every answer into the link, so after
   three answers Back did nothing visible three times (the app wrote the answers straight back),
   then left the app. A change of link that keeps the page ($param unchanged too) now replaces
   the entry it is on; a new page or a new topic still adds one. Static text: no answer in it. */
(() => {
  if (window.hfsOneEntryPerView) return;
  window.hfsOneEntryPerView = true;
  const param = $param;
  const push = window.history.pushState.bind(window.history);
  window.history.pushState = (data, unused, url) => {
    if (url != null) {
      const next = new URL(url, window.location.href);
      const now = new URL(window.location.href);
      if (next.pathname === now.pathname && next.searchParams.get(param) === now.searchParams.get(param)) {
        window.history.replaceState(data, unused, url);
        return;
      }
    }
    push(data, unused, url);
  };
})();
