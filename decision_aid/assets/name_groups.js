/* Controls under one question form a group named by it. Streamlit draws the question as a
   paragraph and each control with its own label only, so a screen reader heard "Medicines
   (tablets), checkbox" with no word that it meant "tried before" (WCAG 1.3.1; accessibility
   pass). A container whose key starts with "group_" (tried before) or "box_" (a priority's box)
   becomes role=group, named by its first paragraph, again after each run redraws it.
   Each button in such a group also carries the question in its own name: the six priorities'
   "Clear my answer" buttons were six buttons of one name in a screen reader's list (WCAG 2.4.6),
   and the name still starts with the words on the button (WCAG 2.5.3). Static text: no answer
   in it. */
(() => {
  if (window.hfsNameGroups) return;
  window.hfsNameGroups = true;
  let made = 0;
  const name = () => {
    for (const box of document.querySelectorAll('[class*="st-key-group_"], [class*="st-key-box_"]')) {
      const question = box.querySelector('[data-testid="stMarkdownContainer"] p');
      if (!question) continue;
      if (!question.id) question.id = `hfs-group-${++made}`;
      if (box.getAttribute("role") !== "group") box.setAttribute("role", "group");
      if (box.getAttribute("aria-labelledby") !== question.id) box.setAttribute("aria-labelledby", question.id);
      for (const button of box.querySelectorAll("button")) {
        const words = button.querySelector('[data-testid="stMarkdownContainer"]');
        if (!words) continue;
        const label = `${words.textContent.trim()}: ${question.textContent.trim()}`;
        if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
      }
    }
  };
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
  name();
})();
