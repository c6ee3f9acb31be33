"""The one home of every word a patient or clinician reads, in English, each inside `_()`.

One module per reader's place: `common` (labels, answers, "out of 100" phrasing, certainty,
shared by every view) and one module for each view that has words of its own. Code elsewhere
imports its words from here; `tests/words/test_every_word.py` fails when a sentence is written anywhere
else, and `make messages` extracts these into the catalogue a translator starts from
(`decision_aid.i18n`)."""
