/* $moves */ (() => {
  const target = document.querySelector($target);
  const main = document.querySelector('[data-testid="stMain"]');
  if (!target || !main) return;
  const bar = document.querySelector('[data-testid="stSidebar"]');
  const page = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (bar && page) {  // a phone's sidebar lies over the page: close it, as a menu closes
    const b = bar.getBoundingClientRect();
    if (b.width > 0 && b.right > 0 && page.getBoundingClientRect().left < b.right - 1) {
      document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
    }
  }
  main.scrollTop = 0;
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
})();
