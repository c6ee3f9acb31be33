"""Developer tooling shared by the tests and the benchmarks, installed with the project.

Not part of the app: nothing in `decision_aid/` imports it, and it imports nothing from
`decision_aid/`. `devkit.server` starts, checks and stops a Streamlit server (the one start-up
routine every test and benchmark uses); `devkit.browser` names Debian's Chromium, its flags and
the page selectors both the browser tests and `bench/` rely on.
"""
