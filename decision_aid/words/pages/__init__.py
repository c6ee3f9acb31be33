"""The words of the app's five pages, one module per page, named as its script in
`decision_aid/ui/pages/`. Each module's `TITLE` is the page's name in the menu, its heading and
the label of links to it; the review pack lists each module's words under its page's name."""
