"""The Streamlit layer: the only part of decision_aid that imports streamlit."""
