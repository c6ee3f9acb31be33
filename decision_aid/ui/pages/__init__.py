"""Page scripts run by st.navigation (one file per page, in the order of ui.nav.PAGES)."""
