"""The patient's answers, and the one parser that reads them from a query string.

The CLI (`--query`) and the app's URL use the same names and the same parser, so a link
copied from the app works on the command line and the other way round. Parsing never
raises: each bad parameter becomes a `ParamProblem` naming it and its allowed values; the
CLI turns those into exit 2, the app into a visible notice and the default value.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args, get_origin
from urllib.parse import parse_qsl, urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from decision_aid.evidence import AGE_RANGE, OPTION_IDS
from decision_aid.words import profile as W

PRIORITIES: tuple[str, ...] = ("relief", "lasting", "serious_risk", "side_effects", "burden", "recovery")
"""The six priority weights, in the order every view shows them."""

DEFAULT_WEIGHT = 5
"""The weight an unstated priority counts with once the patient has stated another one."""
MAX_NOTE_CHARS = 1000
MIN_AGE, MAX_AGE = AGE_RANGE
"""The ages the aid asks about, the same range a dataset rule's `when.age_at_least` may name."""

OPTION_LISTS = ("tried", "avoid")
LOCAL_FIGURES = ("mvd_success", "mvd_hearing_loss")

PARAMS: tuple[str, ...] = (
    *PRIORITIES,
    "cause",
    "anesthesia",
    "mri",
    "pregnant",
    *OPTION_LISTS,
    "mode",
    *LOCAL_FIGURES,
    "leaning",
    "note",
    "sure_s",
    "sure_u",
    "sure_r",
    "sure_e",
    "age",
    "blood_thinners",
    "sides",
    "mvd_result",
    "quiz",
    "topic",
)
"""Every query parameter the aid understands, in a stable order for links (new names go last,
so links made before them keep their order). The link's check (`link_check`) counts these: a
name dropped one day must still be counted there, or every old link holding it reads as changed."""

CHECK = "check"
"""The link's check: a short digest of the answers a link carries, first in every link the aid
writes. A link cut short (a text message or a copy that stopped early) or changed afterwards no
longer matches it, even where what is left still reads as answers: `relief=10` cut to
`relief=1`, a note cut mid-sentence, a cut between two answers. Then the app says so instead of
showing other answers as the patient's. A link without it (typed by hand, or made before it) is
read as it comes. Not a secret and not a signature: anyone can make one."""
CHECK_CHARS = 6


def with_check(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A link's answers as the aid writes them: its check first, so that a cut anywhere after it
    leaves the check to tell (no answers: no check, nothing to lose)."""
    return [(CHECK, link_check(pairs)), *pairs] if pairs else []


def link_check(pairs: Iterable[tuple[str, str]]) -> str:
    """The check of a link's answers: every (name, value) pair the aid reads, in any order
    (a mail program's own tracking part is not an answer, and leaves the check whole)."""
    answers = sorted((k, v) for k, v in pairs if k in PARAMS)
    text = "\n".join(f"{k}={v}" for k, v in answers)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:CHECK_CHARS]


Weight = Field(default=None, ge=0, le=10)
"""None = the patient has not stated this priority (left out of the link)."""


class Profile(BaseModel):
    """Everything the patient (and, in a consult, the clinician) said. Frozen: a new
    answer makes a new profile, so cached results can never be changed under a view.

    Each choice's Literal lists its allowed values with the default first; `CHOICES` is read
    from these fields, so the model is the one copy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relief: int | None = Weight
    lasting: int | None = Weight
    serious_risk: int | None = Weight
    side_effects: int | None = Weight
    burden: int | None = Weight
    recovery: int | None = Weight
    cause: Literal["unknown", "vascular", "bells_trauma", "ms"] = "unknown"
    anesthesia: Literal["unsure", "fit", "unfit"] = "unsure"
    mri: Literal["not_done", "vessel", "no_vessel", "other_finding"] = "not_done"
    pregnant: Literal["", "no", "yes", "planning"] = ""
    """"" = not answered: the summary says so rather than print a "No" the patient never chose."""
    tried: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    mode: Literal["home", "consult"] = "home"
    topic: Literal["glance", "works", "harms", "years", "fit", "figures"] = "glance"
    """Which topic the compare page shows (one at a time); kept in the link."""
    mvd_success: float | None = Field(default=None, ge=0, le=100)
    mvd_hearing_loss: float | None = Field(default=None, ge=0, le=100)
    leaning: Literal["", "medication", "botulinum", "mvd", "no_treatment", "unsure"] = ""
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    sure_s: Literal["", "yes", "no"] = ""
    sure_u: Literal["", "yes", "no"] = ""
    sure_r: Literal["", "yes", "no"] = ""
    sure_e: Literal["", "yes", "no"] = ""
    age: int | None = Field(default=None, ge=MIN_AGE, le=MAX_AGE)
    blood_thinners: Literal["", "yes", "no"] = ""
    sides: Literal["one", "both"] = "one"
    mvd_result: Literal["", "no_help", "came_back"] = ""  # how an earlier MVD went: used only with tried=mvd
    quiz: tuple[str, ...] = ()  # the knowledge check's results, "id:right" or "id:wrong" (see QUIZ_ITEM)

    @property
    def priorities_stated(self) -> bool:
        """True once the patient has said how much at least one thing matters: before that
        nothing is matched or ranked, so the defaults cannot lean the comparison."""
        return bool(self.priorities_set)

    @property
    def priorities_set(self) -> tuple[str, ...]:
        """The priorities the patient has set, in the fixed order. The others count as the
        middle (`weights`), which the aid says, but it never calls them the patient's wishes."""
        return tuple(p for p in PRIORITIES if getattr(self, p) is not None)

    @property
    def mvd_result_used(self) -> str:
        """`mvd_result` where it means something (an earlier MVD was tried), otherwise ""."""
        return self.mvd_result if "mvd" in self.tried else ""

    def quiz_results(self) -> dict[str, bool]:
        """The knowledge check as answered: question id -> answered right (unanswered are absent)."""
        return {i.split(":")[0]: i.endswith(":right") for i in self.quiz}

    def weights(self) -> dict[str, int]:
        """The weight of each priority; an unstated one counts as the middle of the scale."""
        return {p: DEFAULT_WEIGHT if (w := getattr(self, p)) is None else w for p in PRIORITIES}

    def to_params(self, *, include_defaults: bool = False) -> dict[str, str]:
        """Query parameters for this profile, the link's check first (`with_check`); defaults
        are left out to keep links short."""
        default = Profile()
        out: dict[str, str] = {}
        for name in PARAMS:
            value = getattr(self, name)
            if not include_defaults and value == getattr(default, name):
                continue
            out[name] = _format_value(value)
        return dict(with_check(list(out.items())))

    def to_query(self, *, include_defaults: bool = False) -> str:
        return urlencode(self.to_params(include_defaults=include_defaults))

    @field_validator(*LOCAL_FIGURES)
    @classmethod
    def _four_decimals(cls, value: float | None) -> float | None:
        """A local figure keeps the four decimals a link can carry, so the figure used is
        exactly the one the link brings back (issue 14, point 4)."""
        return None if value is None else round(value, 4) + 0.0


def format_number(value: float) -> str:
    """A local figure as the parser reads it back: plain digits, at most four decimals, no
    exponent ("0.004", "85.5", "100"). `f"{v:g}"` wrote "1e-05" and cut "1.2345679" to six
    digits, which the link's own parser then refused (issue 14, point 4)."""
    text = f"{value + 0.0:.4f}".rstrip("0").rstrip(".")  # + 0.0 turns -0.0 into 0.0
    return text or "0"


def shown_in_notice(text: str, most: int = 40) -> str:
    """`text` cut to `most` characters, the last three "...": a notice quotes what was typed or
    linked, and a pasted paragraph would bury the notice itself."""
    return text if len(text) <= most else text[: most - 3] + "..."


def _choices() -> dict[str, tuple[str, ...]]:
    """Allowed values of every Literal field of the Profile, default first."""
    out = {}
    for name, info in Profile.model_fields.items():
        if get_origin(info.annotation) is Literal:
            values = get_args(info.annotation)
            if values[0] != info.default:  # the model is the contract: keep the default first
                raise TypeError(W.DEFAULT_NOT_FIRST.format(name=name))
            out[name] = values
    return out


CHOICES: dict[str, tuple[str, ...]] = _choices()
"""Allowed values of each choice parameter; the first is the default."""


def _format_value(value: object) -> str:
    if isinstance(value, tuple):
        return ",".join(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


@dataclass(frozen=True)
class ParamProblem:
    """One bad parameter: the CLI prints it and exits 2; the app shows it and uses the default."""

    param: str
    value: str
    allowed: str

    def message(self) -> str:
        return W.NOT_ALLOWED.format(
            param=self.param, value=repr(shown_in_notice(self.value)), allowed=self.allowed
        )


@dataclass(frozen=True)
class ParsedQuery:
    profile: Profile
    problems: list[ParamProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cut_part: str = ""
    """Where the link stops, quoted, when it ends part-way through an answer (a link cut short);
    its warning is `W.CUT_SHORT` with it, so the app can say it in its own words."""
    changed: bool = False
    """The link has a check (`CHECK`) its answers no longer match: cut short or changed after the
    aid wrote it. Its warning is `W.CHANGED`; a cut already told, by `cut_part` or by the warning
    that the link was too long to read whole, is not told again."""


_INT = re.compile(r"^\s*\d{1,2}\s*$")
_AGE = re.compile(r"^\s*\d{1,3}\s*$")
_NUM = re.compile(r"^\s*\d{1,3}(\.\d{1,4})?\s*$")
QUIZ_ITEM = re.compile(r"^[a-z][a-z_]{0,29}:(right|wrong)$")
"""One knowledge-check result in the link: the question's id and how it was answered."""
MAX_QUIZ_ITEMS = 10
MAX_QUERY_CHARS = 20_000


def allowed_text(name: str) -> str:
    """The allowed values of a parameter, as shown in every error message."""
    if name in PRIORITIES:
        return W.ALLOWED_WEIGHT
    if name == "age":
        return W.ALLOWED_AGE.format(youngest=MIN_AGE, oldest=MAX_AGE)
    if name in CHOICES:
        return ", ".join(v if v else W.ALLOWED_EMPTY for v in CHOICES[name])
    if name in OPTION_LISTS:
        return W.ALLOWED_OPTIONS.format(ids=", ".join(OPTION_IDS))
    if name in LOCAL_FIGURES:
        return W.ALLOWED_LOCAL_FIGURE
    if name == "note":
        return W.ALLOWED_NOTE.format(most=MAX_NOTE_CHARS)
    if name == "quiz":
        return W.ALLOWED_QUIZ.format(most=MAX_QUIZ_ITEMS)
    return W.UNKNOWN


def _parse_one(name: str, raw: str) -> object:
    """Return the typed value, or raise ValueError when it is not allowed."""
    if name in PRIORITIES:
        if not raw.strip():
            return None
        if not _INT.match(raw) or not 0 <= int(raw) <= 10:
            raise ValueError
        return int(raw)
    if name == "age":
        if not raw.strip():
            return None
        if not _AGE.match(raw) or not MIN_AGE <= int(raw) <= MAX_AGE:
            raise ValueError
        return int(raw)
    if name in CHOICES:
        value = raw.strip()
        if value not in CHOICES[name]:
            raise ValueError
        return value
    if name in OPTION_LISTS:
        ids = [part.strip() for part in raw.split(",") if part.strip()]
        if any(i not in OPTION_IDS for i in ids):
            raise ValueError
        return tuple(i for i in OPTION_IDS if i in ids)  # fixed order, no repeats
    if name in LOCAL_FIGURES:
        if not raw.strip():
            return None
        if not _NUM.match(raw) or not 0 <= float(raw) <= 100:
            raise ValueError
        return float(raw)
    if name == "note":
        return clean_note(raw)[:MAX_NOTE_CHARS]  # never refused: a patient's words are kept
    if name == "quiz":
        items = tuple(part.strip() for part in raw.split(",") if part.strip())
        ids = [i.split(":")[0] for i in items]
        if len(items) > MAX_QUIZ_ITEMS or len(set(ids)) < len(ids) or not all(map(QUIZ_ITEM.match, items)):
            raise ValueError
        return items
    raise KeyError(name)


LINE_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")
"""Characters that end a line, besides "\n": a lone carriage return, the vertical tab a word
processor uses for a manual line break, form feed, NEL and the Unicode line and paragraph
separators. Each becomes "\n"; "\r\n" becomes one "\n"."""


def clean_note(text: str) -> str:
    """The patient's note made safe to keep, show and print, with every word kept: line breaks
    of every kind become "\n", other control characters (NUL, ESC, DEL, C1 codes) a space, a
    lone surrogate (not text) U+FFFD; tabs stay. The box and the link clean a note the same way,
    so a note reads back as it was typed. Not cut: see `note_cut_warning`."""
    text = text.replace("\r\n", "\n")
    out = []
    for c in text:
        if c in LINE_BREAKS:
            out.append("\n")
        elif c in "\n\t":
            out.append(c)
        elif unicodedata.category(c) == "Cc":
            out.append(" ")
        elif 0xD800 <= ord(c) <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(c)
    return "".join(out)


def note_cut_warning(raw: str) -> str | None:
    """The notice for a note longer than MAX_NOTE_CHARS (None if it fits): what was kept and why.
    Says how much, never what: warnings may be printed where the note must not go (stderr)."""
    length = len(clean_note(raw))
    if length <= MAX_NOTE_CHARS:
        return None
    return W.NOTE_CUT.format(
        length=f"{length:,}", most=f"{MAX_NOTE_CHARS:,}", left_out=f"{length - MAX_NOTE_CHARS:,}"
    )


_PART_OF_QUIZ_ITEM = re.compile(r"^[a-z][a-z_]{0,29}(:(r(i(g(ht?)?)?)?|w(r(o(ng?)?)?)?)?)?$")
"""The start of a knowledge-check item ("success:ri"): a quiz cut part-way through one."""


def _cut_short(key: str, raw: str) -> bool:
    """The link's last part is the start of an answer's name, or of an allowed value, and not
    itself allowed: the link was cut short (a text message or a copy that stopped early), so that
    answer and any after it are missing, which a notice must say (not "unknown", not "wrong")."""
    if key not in PARAMS:
        return raw == "" and bool(key) and any(p.startswith(key) for p in PARAMS)
    value = raw.strip()
    if not value:
        return False
    if key in CHOICES:
        return value not in CHOICES[key] and any(v.startswith(value) for v in CHOICES[key])
    if key == "age":  # "6" of "65": too young to be an answer, the start of one
        ages = range(MIN_AGE, MAX_AGE + 1)
        # isdecimal, not isdigit: "²" is a digit that int() refuses (a traceback from `?age=²`)
        return value.isdecimal() and int(value) not in ages and any(str(a).startswith(value) for a in ages)
    *whole, last = [part.strip() for part in value.split(",")]
    if key in OPTION_LISTS:
        known = all(i in OPTION_IDS for i in whole)
        return known and last not in OPTION_IDS and any(i.startswith(last) for i in OPTION_IDS if last)
    if key == "quiz":
        known = all(QUIZ_ITEM.match(i) for i in whole)
        return known and not QUIZ_ITEM.match(last) and bool(_PART_OF_QUIZ_ITEM.match(last))
    return False


def _part_of_check_name(key: str, raw: str) -> bool:
    """The link's last part is the start of the check's name and of no answer's ("chec")."""
    return raw == "" and bool(key) and CHECK.startswith(key) and not any(p.startswith(key) for p in PARAMS)


def _not_allowed(key: str, raw: str) -> bool:
    if key not in PARAMS:
        return False
    try:
        _parse_one(key, raw)
    except ValueError:
        return True
    return False


MAX_NAMED = 5
"""The most unknown names one notice lists; it says how many more there were."""
MAX_NAMED_CHARS = 120
"""And at most this many characters of them (a quoted name shows unprintable characters as
escapes, ten characters for one): the notice stays short enough to read."""


def unknown_names(names: list[str]) -> str:
    """One notice for the names the aid does not know (each quoted as the link gives it)."""
    if len(names) == 1:
        return W.UNKNOWN_PARAMETER.format(name=shown_in_notice(names[0], MAX_NAMED_CHARS))
    listed = [shown_in_notice(names[0], MAX_NAMED_CHARS)]
    for name in names[1:MAX_NAMED]:
        if len(", ".join([*listed, name])) > MAX_NAMED_CHARS:
            break
        listed.append(name)
    text = ", ".join(listed)
    if len(names) > len(listed):
        text = W.AND_MORE.format(names=text, more=len(names) - len(listed))
    return W.UNKNOWN_PARAMETERS.format(count=len(names), names=text)


def parse_query(query: str | Mapping[str, str | list[str]]) -> ParsedQuery:
    """Parse a query string (or a mapping such as Streamlit's query params).

    Unknown names are ignored with a warning; a bad, empty or repeated value is a
    problem for that name only, and the profile keeps the default for it.
    """
    pairs: list[tuple[str, str]]
    warnings: list[str] = []
    too_long = False
    if isinstance(query, str):
        text = query[1:] if query.startswith("?") else query
        if len(text) > MAX_QUERY_CHARS:
            too_long = True
            warnings.append(W.LINK_CUT.format(length=f"{len(text):,}", kept=f"{MAX_QUERY_CHARS:,}"))
            text = text[:MAX_QUERY_CHARS]
        pairs = parse_qsl(text, keep_blank_values=True, errors="replace")
    else:
        pairs = []
        for key, value in query.items():
            values = value if isinstance(value, list) else [value]
            pairs.extend((str(key), str(v)) for v in values)

    seen: dict[str, list[str]] = {}
    for key, value in pairs:
        seen.setdefault(key, []).append(value)
    last = pairs[-1] if pairs else None
    checks = seen.pop(CHECK, None)
    if last is not None and _part_of_check_name(*last):  # "?chec": cut inside the check's name
        seen.pop(last[0], None)
        checks = checks or [""]
    digest = link_check((k, v) for k, v in pairs if k != CHECK)
    mismatch = checks is not None and {c.strip().lower() for c in checks} != {digest}

    values: dict[str, object] = {}
    problems: list[ParamProblem] = []
    unknown: list[str] = []
    # With a check that no longer fits, a last value that is not allowed is a cut too, as in
    # "tried=mvd%2" (the %2C before a second item) or "mvd_success=85.": said once, as a cut.
    cut = last if last is not None and (_cut_short(*last) or (mismatch and _not_allowed(*last))) else None
    cut_part = ""
    for key, raws in seen.items():
        if cut is not None and key == cut[0] and raws[-1] == cut[1]:
            cut_part = repr(shown_in_notice(f"{key}={cut[1]}" if key in PARAMS else key))
            warnings.append(W.CUT_SHORT.format(part=cut_part))
            # what came before the cut stays: a list's whole items, a repeated name's other values
            whole = cut[1].rsplit(",", 1)[0] if key in (*OPTION_LISTS, "quiz") and "," in cut[1] else None
            raws = raws[:-1] + ([whole] if whole is not None else [])
            if not raws:
                continue
        if key not in PARAMS:
            unknown.append(repr(shown_in_notice(key)))
            continue
        if len(raws) > 1 and len(set(raws)) > 1:
            problems.append(
                ParamProblem(key, " & ".join(raws), W.ONE_VALUE_ONLY.format(allowed=allowed_text(key)))
            )
            continue
        try:
            values[key] = _parse_one(key, raws[0])
            if key == "note" and (note_cut := note_cut_warning(raws[0])):
                warnings.append(note_cut)
        except ValueError:
            problems.append(ParamProblem(key, raws[0], allowed_text(key)))
    if unknown:
        warnings.append(unknown_names(unknown))
    changed = mismatch and not cut_part and not too_long  # a cut already said is not said twice
    if changed:
        warnings.append(W.CHANGED)
    return ParsedQuery(_build(values, seen, problems), problems, warnings, cut_part, changed)


def _build(values: dict[str, object], raw: dict[str, list[str]], problems: list[ParamProblem]) -> Profile:
    """The profile from the values that passed; anything the model still rejects becomes a
    problem for its parameter, so parsing can never raise."""
    while True:
        try:
            return Profile(**values)
        except ValidationError as err:
            bad = {str(e["loc"][0]) for e in err.errors() if e["loc"]}
            if not bad & values.keys():
                return Profile()
            for name in bad & values.keys():
                problems.append(ParamProblem(name, raw[name][0], allowed_text(name)))
                del values[name]
