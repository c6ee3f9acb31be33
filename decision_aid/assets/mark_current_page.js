/* The page links mark the page on view as the current one (aria-current="page"): Streamlit shows
   it by a grey background and bold type alone, which a screen reader does not say (accessibility
   pass). A link's page is its address up to the "?" (the first page's is empty), compared with
   the last part of the page's own path. Again after each run redraws them. Static text. */
(() => {
  if (window.hfsMarkCurrentPage) return;
  window.hfsMarkCurrentPage = true;
  const mark = () => {
    const here = window.location.pathname.split("/").pop();
    for (const link of document.querySelectorAll('[data-testid="stPageLink-NavLink"]')) {
      const page = (link.getAttribute("href") || "").split("?")[0].split("/").pop();
      const current = page === here;
      if (current && link.getAttribute("aria-current") !== "page") link.setAttribute("aria-current", "page");
      else if (!current && link.hasAttribute("aria-current")) link.removeAttribute("aria-current");
    }
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("popstate", () => setTimeout(mark, 0));
  mark();
})();
