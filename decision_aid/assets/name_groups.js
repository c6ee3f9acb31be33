/* Checkboxes under one question form a group named by it. Streamlit draws the question as a
   paragraph and each checkbox with its own label only, so a screen reader heard "Medicines
   (tablets), checkbox" with no word that it meant "tried before" (WCAG 1.3.1; accessibility
   pass). A container whose key starts with "group_" becomes role=group, named by its first
   paragraph, again after each run redraws it. Static text: no answer in it. */
(() => {
  if (window.hfsNameGroups) return;
  window.hfsNameGroups = true;
  let made = 0;
  const name = () => {
    for (const box of document.querySelectorAll('[class*="st-key-group_"]')) {
      const question = box.querySelector('[data-testid="stMarkdownContainer"] p');
      if (!question) continue;
      if (!question.id) question.id = `hfs-group-${++made}`;
      if (box.getAttribute("role") !== "group") box.setAttribute("role", "group");
      if (box.getAttribute("aria-labelledby") !== question.id) box.setAttribute("aria-labelledby", question.id);
    }
  };
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
  name();
})();
