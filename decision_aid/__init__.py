"""Hemifacial spasm decision aid: a functional core (evidence, profile, engine, charts, report).

Only `decision_aid.ui` imports Streamlit.
"""
