"""The parsed-font sharing in `decision_aid.report.fontcache` relies on fpdf2's private `TTFFont`
fields: these tests fail loudly when fpdf2 changes them, before a document silently shares state."""

from fpdf import FPDF
from fpdf.fonts import TTFFont

from decision_aid.report.fontcache import FONT_REGULAR, _add_font, _parsed_font

# Every field of fpdf2 2.8's TTFFont. `_add_font` gives each document its own copy of the fields
# a document changes (PER_DOCUMENT); the rest are read only and shared with the parsed template.
PER_DOCUMENT = {"i", "fontkey", "ttfont", "_hbfont", "desc", "subset", "missing_glyphs", "biggest_size_pt"}
SHARED = {
    "type", "name", "glyph_ids", "sp", "ss", "up", "ut", "cw", "ttffile", "emphasis", "scale", "cmap",
    "color_font", "unicode_range", "palette_index", "is_compressed", "is_cff", "is_cid_keyed", "is_symbol",
    "cff_ros", "collection_font_number",
}  # fmt: skip


def test_ttffont_still_has_the_fields_add_font_knows() -> None:
    fields = set(getattr(TTFFont, "__slots__", ()))
    assert fields == PER_DOCUMENT | SHARED, (
        "fpdf2's TTFFont changed shape: check that decision_aid.report.fontcache._add_font copies "
        f"or resets every field a document changes. New: {sorted(fields - PER_DOCUMENT - SHARED)}; "
        f"gone: {sorted((PER_DOCUMENT | SHARED) - fields)}"
    )


def test_each_document_gets_its_own_copy_of_what_it_changes() -> None:
    template = _parsed_font(str(FONT_REGULAR), "", 0)  # the key `_add_font` uses
    docs = []
    for text in ("abc", "xyz \u2265"):
        pdf = FPDF()
        _add_font(pdf, "", FONT_REGULAR)
        pdf.add_page()
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(text=text)
        pdf.output()
        docs.append(pdf.fonts["dejavu"])
    a, b = docs
    for field in PER_DOCUMENT - {"i", "fontkey", "biggest_size_pt", "_hbfont"}:
        assert getattr(a, field) is not getattr(b, field), field
        assert getattr(a, field) is not getattr(template, field), field
    for field in ("cw", "cmap", "glyph_ids"):
        assert getattr(a, field) is getattr(template, field), field  # read only: shared, not copied
    assert template.missing_glyphs == [] and template.biggest_size_pt == 0  # the template stays clean
