"""The PDF's sections, each drawn from the summary's content: header, answers, note box,
glance grid, what the figures say, comparison, match, cautions and sources (the pictures of 100
people are `arrays.py`'s, the questions and the SURE test `ending.py`'s).
"""

from __future__ import annotations

import io

from fpdf.enums import Align, WrapMode, XPos, YPos

from decision_aid.grid import NO_TREATMENT_NAME
from decision_aid.report.ending import _questions
from decision_aid.report.fontcache import FONT
from decision_aid.report.images import PRINTED_LINK_MAX, _png_size_mm, _without_note
from decision_aid.report.layout import (
    _PDF,
    BODY,
    GREY_FILL,
    SMALL,
    SPLIT_TALLER_THAN,
    TINY,
    _Cell,
    _Layout,
    _lh,
    _numbered_columns,
    _table,
)
from decision_aid.report.note import _note_box
from decision_aid.report.words import (
    PER_INJECTION_NOTE,
    certainty_words,
)
from decision_aid.results import once_per_wording, under_whom
from decision_aid.words import report as words
from decision_aid.words.common import (
    LOCAL_SUCCESS_NOT_MATCHED,
    PRIORITY_AND_WEIGHT,
    options_named,
    per_100,
    whole,
    whole_parts,
)
from decision_aid.words.grid import REFERENCE_NOTE


def _header(pdf: _PDF, data: dict, qr: dict) -> None:
    ds = data["dataset"]
    qr_png, qr_full = qr["png"], qr["full"]
    qr_size = 27.0
    top = pdf.get_y()
    text_w = pdf.body_w - qr_size - 8
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(text_w, 7.5, data["title"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(text_w, 4.8, data["decision"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_font(FONT, "", SMALL)
    pdf.multi_cell(
        text_w,
        _lh(SMALL),
        words.PRINTED.format(
            date=data["generated"],
            version=ds["version"],
            last_reviewed=ds["last_reviewed"],
            next_review=ds["next_review"],
            reviewed=ds["reviewed"],
        ),
        align=Align.L,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(1)
    pdf.set_font(FONT, "B", BODY)
    pdf.multi_cell(
        text_w, _lh(BODY), data["conversation"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font(FONT, "", BODY)
    pdf.multi_cell(
        text_w, _lh(BODY), data["not_a_verdict"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    text_bottom = pdf.get_y()

    x = pdf.w - pdf.r_margin - qr_size
    pdf.image(
        io.BytesIO(qr_png),
        x=x,
        y=top,
        w=qr_size,
        h=qr_size,
        link=data["link"],
        alt_text=words.QR_ALT,
    )
    pdf.set_xy(x - 4, top + qr_size)
    pdf.set_font(FONT, "", TINY)
    caption = words.SCAN_TO_REOPEN if qr_full else words.SCAN_TO_REOPEN_NO_NOTE
    pdf.multi_cell(qr_size + 8, 2.9, caption, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(text_bottom, pdf.get_y()) + 0.5)
    for w in data["warnings"]:
        pdf.para(words.NOTE.format(note=w), size=SMALL)


def _what_you_said(pdf: _PDF, data: dict, layout: _Layout) -> None:
    a = data["answers"]
    pdf.heading(words.WHAT_YOU_TOLD_US, keep=60)
    mode = words.ANSWERED_HOW["consult" if a["mode"] == "consult" else "home"]
    top = pdf.get_y()

    # Left (large print: above): the situation, as label and answer lines.
    left_w = 66.0 if layout.side_by_side else pdf.body_w - 2
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(left_w, _lh(BODY) + 0.6, words.YOUR_SITUATION, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    items = [(s["question"], s["answer"]) for s in a["situation"]]
    local = a["local_figures"]
    items += [(name, per_100(local[key])) for key, name in words.LOCAL_ANSWERS.items() if key in local]
    items.append((a["quiz"]["label"], a["quiz"]["words"]))
    items.append((words.ANSWERED, mode))
    old_r = pdf.r_margin
    pdf.set_right_margin(pdf.w - pdf.l_margin - left_w + 2)
    for q, ans in items:
        pdf.labelled(words.ANSWER.format(question=q), ans, size=SMALL)
    pdf.set_right_margin(old_r)
    left_bottom = pdf.get_y()

    # Right (large print: below): the six priorities in words and numbers.
    x = pdf.l_margin + left_w + 2
    if not layout.side_by_side:
        pdf.set_y(left_bottom + 1.5)
        pdf.need(30)  # its heading and a first row, or a new page
        x, top = pdf.l_margin, pdf.get_y()
    right_w = pdf.w - pdf.r_margin - x
    pdf.set_xy(x, top)
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(
        right_w,
        _lh(BODY) + 0.6,
        words.WHAT_MATTERS,
        new_x=XPos.LEFT,
        new_y=YPos.NEXT,
    )
    old_margin = pdf.l_margin
    pdf.set_left_margin(x)
    _table(
        pdf,
        [_Cell(h, "B", SMALL) for h in (words.PRIORITY, words.HOW_MUCH, words.OUT_OF_10_HEADER)],
        [
            [
                _Cell(pr["label"], "", SMALL),
                # one not set: no words for how much, and the weight the way every view gives it
                _Cell(pr["words"] if pr["weight"] is not None else "", "", SMALL),
                _Cell(pr["text"], "", SMALL),
            ]
            for pr in a["priorities"]
        ],
        (right_w - 48, 20, 28),
        line_h=_lh(SMALL),
        padding=(0.9, 1.0, 0.9, 1.0),
        fill=GREY_FILL,
        grid=False,
        middle=True,
    )
    pdf.set_left_margin(old_margin)
    pdf.set_y(max(left_bottom, pdf.get_y()) + 1.5)

    if a["quiz"]["to_review"]:
        pdf.para(words.QUIZ_LOOK_AGAIN, size=SMALL, bold=True)
        items = [
            words.QUIZ_ITEM.format(question=q["question"], answer=q["answer"]) for q in a["quiz"]["to_review"]
        ]
        pdf.bullets(items, size=SMALL)
        pdf.ln(0.8)
    breakers = a["deal_breakers"]
    pdf.labelled(
        words.NOT_WANTED,
        ", ".join(breakers) if breakers else words.NONE_NOT_WANTED,
    )
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(
        0,
        _lh(BODY) + 0.4,
        words.OWN_WORDS,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    _note_box(pdf, a["note"])
    pdf.ln(1.2)
    link = data["link"]
    printed = link if len(link) <= PRINTED_LINK_MAX else _without_note(link)
    pdf.set_font(FONT, "B", SMALL)
    intro = words.LINK_INTRO if printed == link else words.LINK_INTRO_NO_NOTE
    pdf.multi_cell(0, _lh(SMALL), intro, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", TINY)
    pdf.set_text_color(0, 0, 140)
    pdf.multi_cell(
        0,
        _lh(TINY),
        printed,
        align=Align.L,
        link=printed,
        wrapmode=WrapMode.CHAR,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    if printed != link:
        # On screen, this line opens the aid with everything, the note included.
        pdf.set_font(FONT, "B", TINY)
        pdf.cell(
            0,
            _lh(TINY) + 0.4,
            words.LINK_WITH_NOTE,
            link=link,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_text_color(0)


def _option_heading(o: dict) -> str:
    return words.OPTION_WITH_STATUS.format(name=o["name"], status=o["status"]) if o["status"] else o["name"]


CAUTION_MARK = "(!)"


def _grid_cell(cell: dict) -> str:
    """A grid answer: its few words, its one figure (marked per injection or local), how sure."""
    parts = [cell["text"]]
    figure = cell.get("figure")
    if figure and figure not in cell["text"]:
        parts.append(words.FIGURE_LOCAL.format(figure=figure) if cell.get("local") else figure)
    elif cell.get("local"):
        parts.append(words.LOCAL_FIGURE)
    if cell.get("certainty") and figure:
        parts.append(certainty_words(cell["certainty"], short=True))
    text = "\n".join(p for p in parts if p)
    return f"{CAUTION_MARK} {text}" if cell.get("caution") else text


def _glance(pdf: _PDF, data: dict, layout: _Layout) -> None:
    """Page 1: the Option-Grid-style grid, the questions people ask as rows, a column per option
    with 'No treatment for now' first for reference."""
    grid = data["grid"]
    pdf.heading(words.GLANCE, keep=60)
    pdf.para(" ".join(t for t in (data["different_studies"], grid["unlike_note"]) if t), size=TINY)
    pdf.ln(0.8)
    label_w = 26.0
    n = len(grid["columns"])
    col_w = (pdf.body_w - label_w) / n
    size = layout.grid_pt
    by_id = {o["id"]: o for o in data["options"]}
    head = [_Cell("", "B", SMALL)]
    for c in grid["columns"]:
        status = by_id[c["id"]]["status"] if c["id"] in by_id else words.FOR_REFERENCE
        name = words.OPTION_WITH_STATUS.format(name=c["name"], status=status) if status else c["name"]
        head.append(_Cell(name, "B", SMALL))
    rows = [
        [_Cell(r["question"], "B", size), *(_Cell(_grid_cell(cell), "", size) for cell in r["cells"])]
        for r in grid["rows"]
    ]
    _table(
        pdf,
        head,
        rows,
        (label_w, *(col_w,) * n),
        line_h=_lh(size) * 0.98,
        padding=(0.8, 1.0, 0.8, 1.0),
        fill=GREY_FILL,
    )
    if grid["reference_note"]:
        pdf.para(REFERENCE_NOTE.format(name=NO_TREATMENT_NAME, note=grid["reference_note"]), size=TINY)
    if any(cell.get("caution") for r in grid["rows"] for cell in r["cells"]):
        pdf.para(
            words.CAUTION_CONCERNS.format(mark=CAUTION_MARK, cautions=words.CAUTIONS),
            size=TINY,
        )
    if data["local_figures_used"]:
        pdf.para(words.GLANCE_LOCAL, size=TINY)
    pdf.set_font(FONT, size=BODY)


def _leaning_and_questions(pdf: _PDF, data: dict) -> None:
    a = data["answers"]
    pdf.ln(1)
    pdf.labelled(words.LEANING_NOW, a["leaning"]["words"])
    _questions(pdf, data)


def _comparison(pdf: _PDF, data: dict, layout: _Layout) -> None:
    """The options side by side in detail, after 'No treatment for now' as a reference (its column
    of the table, printed as a block above it so the option columns keep their width)."""
    comp = data["comparison"]
    nt = data["no_treatment"]
    pdf.heading(words.IN_MORE_DETAIL, keep=25)
    pdf.para(
        words.DETAIL_INTRO.format(
            different_studies=data["different_studies"],
            reference_class=data["reference_class"],
            per_injection=PER_INJECTION_NOTE,
        ),
        size=TINY,
    )
    pdf.ln(0.8)
    pdf.para(
        words.FOR_REFERENCE_NOT_SCORED.format(
            name=nt["name"], summary=nt["summary"], involves=nt["involves"]["text"]
        ),
        size=SMALL,
    )
    pdf.bullets([words.NAMED.format(name=f["name"], figure=f["words"]) for f in nt["figures"]], size=SMALL)
    if nt["rounded_note"]:
        pdf.para(nt["rounded_note"], size=SMALL)
    pdf.ln(0.6)
    label_w = 22.0
    opts = data["options"]
    col_w = (pdf.body_w - label_w) / len(opts)
    size = layout.table_pt
    head = [_Cell("", "B", 7.4), *(_Cell(_option_heading(o), "B", 7.4) for o in opts)]
    rows = [
        [_Cell(r["label"], "B", size), *(_Cell(text, "", size) for text in r["cells"][1:])]
        for r in comp["rows"]
        if any(r["cells"][1:])  # the no-treatment rows are printed above the table
    ]
    rows.append(
        [
            _Cell(words.SOURCES_ROW, "B", size),
            *(_Cell(", ".join(str(n) for n in o["source_numbers"]), "", size) for o in opts),
        ]
    )
    _table(
        pdf,
        head,
        rows,
        (label_w, *(col_w,) * len(opts)),
        line_h=_lh(size) * 0.98,
        padding=(0.8, 1.0, 0.8, 1.0),
        fill=GREY_FILL,
        split_taller_than=SPLIT_TALLER_THAN,
    )
    pdf.set_font(FONT, size=BODY)


def _fit_image(img: dict, max_w: float, max_h: float) -> tuple[float, float]:
    w, h = _png_size_mm(img["png"], img["scale"])
    k = min(1.0, max_w / w, max_h / h)
    return w * k, h * k


def _match(pdf: _PDF, data: dict, img: dict | None, layout: _Layout) -> None:
    """How the options line up with what the patient said: only once priorities are stated and
    only for the options that may suit; the chart, a plain table of how each option fits each
    priority beside it (so the picture does not depend on colour), what would change the
    picture, and the scale's value judgements in plain words."""
    m = data["match"]
    opts = [o for o in data["options"] if o["match"] is not None]
    if img is None or not opts:
        pdf.heading(words.LINE_UP, keep=30)
        pdf.para(m["text"], size=SMALL, bold=True)
        _not_matched(pdf, m, pdf.body_w)
        _anchors(pdf, m, pdf.body_w)
        return
    if layout.match_chart:
        w, h = _fit_image(img, layout.match_w, 110)
        pdf.heading(img["heading"], keep=h)
        top = pdf.get_y()
        pdf.image(io.BytesIO(img["png"]), x=pdf.l_margin, y=top, w=w, h=h, alt_text=img["description"])
        x = pdf.l_margin + w + 4
        if not layout.side_by_side:  # large print: too narrow a page for both
            top, h, x = top + h + 2, 0.0, pdf.l_margin
    else:  # the table alone says everything the chart shows
        pdf.heading(img["heading"], keep=45)
        top, h, x = pdf.get_y(), 0.0, pdf.l_margin
    start_page = pdf.page
    right_w = pdf.w - pdf.r_margin - x
    pdf.set_xy(x, top)
    pdf.para(m["text"], size=SMALL, bold=True, w=right_w)
    pdf.ln(1)
    pdf.set_x(x)
    pdf.para(words.MATCH_TABLE_INTRO, size=SMALL, w=right_w)
    pdf.ln(0.6)
    old_margin = pdf.l_margin
    pdf.set_left_margin(x)
    col = 27.0
    first = right_w - len(opts) * col
    shown = {o["id"]: whole_parts(o["contributions"], o["match"]) for o in opts}
    rows = [
        [
            _Cell(
                PRIORITY_AND_WEIGHT.format(label=pr["label"], weight=pr["text"]),
                "",
                TINY,
            ),
            *(_Cell(_fit_points(o, shown[o["id"]], pr["id"]), "", TINY) for o in opts),
        ]
        for pr in data["answers"]["priorities"]
    ]
    rows.append(
        [
            _Cell(words.MATCH_TOTAL_LABEL, "B", TINY),
            *(
                _Cell(
                    words.MATCH_TOTAL.format(
                        match=whole(o["match"]), low=whole(o["match_low"]), high=whole(o["match_high"])
                    ),
                    "B",
                    TINY,
                )
                for o in opts
            ),
        ]
    )
    _table(
        pdf,
        [
            _Cell(words.PRIORITY_WEIGHT_HEAD, "B", TINY),
            *(
                _Cell(
                    words.LOCAL_FIGURES_NAME.format(name=o["short_name"])
                    if _uses_local(o)
                    else o["short_name"],
                    "B",
                    TINY,
                )
                for o in opts
            ),
        ],
        rows,
        (first, *(col,) * len(opts)),
        line_h=_lh(TINY),
        padding=(0.7, 0.9, 0.7, 0.9),
        fill=GREY_FILL,
        middle=True,
    )
    pdf.set_left_margin(old_margin)
    for o in opts:
        if o["local_not_matched"]:
            pdf.set_x(x)
            pdf.para(LOCAL_SUCCESS_NOT_MATCHED.format(name=o["short_name"]), size=TINY, w=right_w)
    pdf.set_x(x)
    _not_matched(pdf, m, right_w)
    if data["what_would_change"]:
        pdf.ln(1.2)
        pdf.set_x(x)
        pdf.para(words.WHAT_WOULD_CHANGE, size=SMALL, bold=True, w=right_w)
        pdf.set_x(x)
        pdf.bullets(data["what_would_change"], size=TINY, indent=3, w=right_w)
    # Under the chart and the table, whichever ends lower (the table may have run onto a new page).
    pdf.set_xy(pdf.l_margin, (max(top + h, pdf.get_y()) if pdf.page == start_page else pdf.get_y()) + 1)
    _anchors(pdf, m, pdf.body_w)


def _fit_points(o: dict, points: dict[str, int], priority: str) -> str:
    """'Fits well: 23': how the option fits one priority, and the whole points that adds to its
    bar (`whole_parts`: the column adds up to the total under it)."""
    fit = o["fit"][priority]
    return words.FIT_POINTS.format(fit=words.FIT_CAPITALISED.get(fit, fit), points=points[priority])


def _uses_local(o: dict) -> bool:
    return bool(o["success"].get("local") or any(r.get("local") for r in o["risks"]))


def _not_matched(pdf: _PDF, m: dict, w: float) -> None:
    x = pdf.get_x()
    for o in m["not_matched"]:
        pdf.ln(0.8)
        pdf.set_x(x)
        pdf.para(words.NAMED.format(name=o["short_name"], figure=o["reason"]), size=TINY, w=w)


def _anchors(pdf: _PDF, m: dict, w: float) -> None:
    """The scale's value judgements (`engine.anchors_for`): what counts as the worst score on each
    priority, how the weights count and, where it decides a place, that ruled-out options come last."""
    pdf.ln(1)
    pdf.para(words.HOW_MATCH_WORKS, size=TINY, bold=True, w=w)
    pdf.bullets(m["anchors"], size=TINY, indent=3, w=w)


def _about_figures(pdf: _PDF, data: dict) -> None:
    """Where the figures come from, who checked them, and any figure the care team entered."""
    ds = data["dataset"]
    pdf.heading(words.ABOUT_FIGURES, keep=15)
    pdf.para(
        words.WHO_CHECKED.format(reviewed=ds["reviewed"], made_by=ds["made_by"], funding=ds["funding"]),
        size=TINY,
    )
    policy = ds["update_policy"]
    pdf.para(
        words.UPDATES.format(interval=policy["interval"], report_errors=policy["report_errors"]), size=TINY
    )
    if data["local_figures_used"]:
        pdf.para(words.LOCAL_USED, size=TINY, bold=True)
        pdf.bullets(data["local_figures_used"], size=TINY, indent=3)


def _cautions(pdf: _PDF, data: dict) -> None:
    """Every caution from the patient's situation, once per wording, under the name of the
    options it concerns, as in the app's panel under the grid (the same caution often applies to all three,
    and a caution's own words often name its option)."""
    pdf.heading(words.CAUTIONS, keep=20)
    grouped = once_per_wording(
        ((o["short_name"], o["caution_details"]) for o in data["options"]), lambda c: (c["effect"], c["text"])
    )
    if not grouped:
        pdf.para(words.NO_CAUTIONS)
        return
    for names, cautions in under_whom(grouped):
        items = []
        for c in cautions:
            item = {
                "not_suitable": words.CAUTION_ITEM_NOT_SUITABLE,
                "good_to_know": words.CAUTION_ITEM_GOOD_TO_KNOW,
            }.get(c["effect"], words.CAUTION_ITEM)
            numbers = f" [{', '.join(str(n) for n in c['source_numbers'])}]" if c["source_numbers"] else ""
            items.append(item.format(text=c["text"], sources=numbers))
        pdf.ln(0.8)
        pdf.need(_lh(SMALL) * 3)  # the name never sits alone at the foot of a page
        pdf.para(options_named(names, len(data["options"])), size=SMALL, bold=True)
        pdf.bullets(items, size=SMALL)


def _sources(pdf: _PDF, data: dict, layout: _Layout) -> None:
    pdf.ln(0.8)
    pdf.para(words.SOURCES_INTRO, size=TINY, bold=True)
    pdf.ln(0.5)
    _numbered_columns(pdf, list(data["sources"].values()), layout.sources_pt)
    pdf.set_font(FONT, size=BODY)
