"""Hemifacial spasm decision aid: the thin shell.

Page config, the dataset (a plain error page if it cannot be used), the answers from the
link, the sidebar and the five pages. Everything else lives in decision_aid/ui/.
"""

import logging

import streamlit as st

from decision_aid.evidence import DatasetError
from decision_aid.ui import components, state
from decision_aid.ui.nav import BY_URL, PAGES
from decision_aid.words import app as w

# An emoji icon: Streamlit draws it as a data: URL. A ":material/...:" icon would make every
# browser fetch the favicon from fonts.gstatic.com (found by tests/e2e/test_privacy.py).
st.set_page_config(page_title=w.APP_NAME, page_icon="🩺")
components.page_style()

try:
    evidence = state.evidence()
except DatasetError as err:
    log = logging.getLogger("decision_aid")  # for the operators; nothing about a patient
    log.error("the dataset cannot be used:\n%s", err)
    name, problems = err.for_page()
    components.heading(w.APP_NAME, 1)
    st.error(w.CANNOT_START)
    st.markdown(w.BROKEN_FILE.format(path=components.md(name)))
    st.markdown("\n".join("- " + components.md(line) for line in problems))
    st.stop()

state.restore_from_link()
changed = state.changed_by_widget()
state.follow_history(changed)  # Back and Forward show the link's topic, with the latest answers
profile = state.profile()

# The sidebar's page links are the app's own (components.sidebar): Streamlit's menu would clear
# the link's answers on every page change.
current = st.navigation(components.streamlit_pages(), position="hidden")
here = BY_URL.get(current.url_path, PAGES[0])  # the default page's url_path is ""
# The layout is set once a run, here: when the compare page asked for "wide" after this shell's
# "centered", the browser showed the page wide after some reruns and centered after others
# (about half of them at 1280 px), so the content, and the control under the pointer, jumped.
st.set_page_config(
    page_title=w.PAGE_TITLE.format(page=current.title, app=w.APP_NAME),
    layout=here.layout,
)
# The page a Back / Next page button asked for, or the page a change sent late came from: on a
# phone the tap on a page button or link blurs the note box, and the note's change came after the page
# change, for the page left behind. The change is kept (its callback ran); the page the patient
# asked for stays (state.go_to and state.page_asked say how).
asked = state.page_asked(here.url_path, changed)
if asked is not None:
    st.switch_page(BY_URL[asked].path, query_params=profile.to_params())
slots = components.sidebar()
components.mode_notice(profile)
components.link_notices()
state.sync_url(profile)  # answers change only in widget callbacks, which run before this script
current.run()
components.answer_links(profile, slots)
# A tab that reconnected to a new server session sent its widgets' values with its first request
# (maybe with the patient's next change): they become the answers now (state.py says why).
state.adopt_browser_values()
