"""The compare page's topics, one drawn at a time (issue 12): each module has `render(ctx)`.

Only the chosen topic's module runs, so a topic costs what it shows and no more. `TOPICS` is the
order of home mode's steps ("figures" is reachable from the last step and in consult mode).
"""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.words.topics import TOPIC_TITLES


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    """The button and heading text."""
    step: bool = True
    """One of home mode's steps (Back / Next topic)."""


TOPICS: tuple[Topic, ...] = (
    Topic("glance", TOPIC_TITLES["glance"]),
    Topic("works", TOPIC_TITLES["works"]),
    Topic("harms", TOPIC_TITLES["harms"]),
    Topic("years", TOPIC_TITLES["years"]),
    Topic("fit", TOPIC_TITLES["fit"]),
    Topic("figures", TOPIC_TITLES["figures"], step=False),
)
BY_ID = {t.id: t for t in TOPICS}
STEPS: tuple[Topic, ...] = tuple(t for t in TOPICS if t.step)


def neighbours(topic_id: str) -> tuple[Topic | None, Topic | None]:
    """The home-mode step before and after this topic ("figures" comes back to the last step)."""
    ids = [t.id for t in STEPS]
    if topic_id not in ids:
        return STEPS[-1], None
    i = ids.index(topic_id)
    return (STEPS[i - 1] if i > 0 else None), (STEPS[i + 1] if i + 1 < len(STEPS) else None)
