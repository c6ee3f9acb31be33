"""The command line: exit codes, stdout and stderr, as a user sees them.

Most tests call `cli.main` in this process through `run` (a subprocess costs about 0.3 s of
interpreter start-up each, and there are dozens of calls). A few run the real command
(`python -m decision_aid`) through `run_command`: `check` on the shipped dataset, the summary
writing a PDF file, and, in test_fuzz.py and test_cli_input.py, hostile input from the real
argv and standard input. test_fuzz.py and test_cli_input.py import both helpers from here.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import pytest
import yaml

from decision_aid import cli
from decision_aid.engine import anchors_for, evaluate
from decision_aid.evidence import DEFAULT_DATASET, load_evidence
from decision_aid.grid import timing_text
from decision_aid.profile import Profile
from decision_aid.words.cli import HOW_MATCH_WORKS
from decision_aid.words.common import CHANCE_LABELS, per_100

ROOT = Path(__file__).resolve().parent.parent
CLI_TIMEOUT_S = 60


class Ran(NamedTuple):
    """What one run of the command gave."""

    code: int
    out: str
    err: str


def _exit_code(exc: SystemExit) -> int:
    """The process exit code `sys.exit(exc.code)` would give (None is 0, a message is 1)."""
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def run(capsys: pytest.CaptureFixture[str], *argv: str | bytes, timeout: float = CLI_TIMEOUT_S) -> Ran:
    """`python -m decision_aid ARGV`, in this process.

    A bytes argument is decoded as Python decodes a command line on a UTF-8 system (bytes that
    are not UTF-8 become lone surrogates). SystemExit becomes its exit code, should `main` ever
    raise it; any other exception propagates and fails the test, as a traceback on the real
    command's stderr would. The wall-clock limit is the subprocess's.
    """
    capsys.readouterr()  # only this run's output
    args = [a.decode("utf-8", "surrogateescape") if isinstance(a, bytes) else a for a in argv]
    start = time.monotonic()
    try:
        code = cli.main(args)
    except SystemExit as exc:
        code = _exit_code(exc)
    took = time.monotonic() - start
    out, err = capsys.readouterr()
    assert took < timeout, f"the command took {took:.1f} s (limit {timeout} s)"
    return Ran(code, out, err)


def run_command(*argv: str | bytes, stdin: str | None = None, timeout: float = CLI_TIMEOUT_S) -> Ran:
    """The real command in a fresh interpreter: UTF-8 locale, this checkout's code, nothing else
    from the environment. Output is decoded strictly: the command writes UTF-8."""
    done = subprocess.run(
        [sys.executable, "-m", "decision_aid", *argv],
        cwd=ROOT,
        input=None if stdin is None else stdin.encode("utf-8"),
        capture_output=True,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)},
    )
    return Ran(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@functools.cache
def _shipped() -> dict:
    return yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))


def shipped_data() -> dict:
    """A fresh copy of the shipped dataset's YAML content, to break (parsed once: ~0.25 s)."""
    return copy.deepcopy(_shipped())


# ----------------------------------------------------------------------------- the real command


def test_check_shipped_dataset():
    out = run_command("check")
    assert out.code == 0, out.err
    (line,) = out.out.strip().splitlines()
    assert "valid" in line and "3 options" in line
    assert out.err == ""


@pytest.mark.parametrize("command", [[], ["summary"]])
def test_a_reader_that_stops_reading_gets_no_traceback(command):
    # `python -m decision_aid --format json | head -1`: the reader closes the pipe before the
    # command writes. Closed here before the command starts writing, so the write always fails.
    argv = [*command, "--query", "relief=5", "--format", "json"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "decision_aid", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)},
    )
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=CLI_TIMEOUT_S) == cli.EXIT_OUTPUT_CLOSED
    assert err == ""


def test_summary_writes_a_pdf_file(tmp_path):
    path = tmp_path / "summary.pdf"
    out = run_command("summary", "--query", "relief=8&cause=vascular", "--out", str(path))
    assert out.code == 0, out.err
    assert "Traceback" not in out.err
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert out.out.strip() == f"wrote {path} ({len(pdf):,} bytes)"


def test_summary_in_large_print_is_the_same_paper_with_more_pages(capsys, tmp_path):
    from pypdf import PdfReader

    pages = {}
    for flags in ((), ("--large-print",)):
        path = tmp_path / f"summary{len(flags)}.pdf"
        out = run(capsys, "summary", "--query", "relief=8", "--paper", "Letter", "--out", str(path), *flags)
        assert out.code == 0, out.err
        reader = PdfReader(path)
        assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {(612.0, 792.0)}
        pages[flags] = len(reader.pages)
    assert pages[("--large-print",)] > 2 * pages[()]


def test_summary_says_when_its_link_works_only_on_this_computer(tmp_path):
    """The default link (localhost) went into the PDF and its QR code without a word: a patient's
    phone cannot open it. The PDF is still written; stderr says how to give the real address."""
    path = tmp_path / "summary.pdf"
    local = run_command("summary", "--query", "relief=8", "--out", str(path))
    assert local.code == 0 and "http://localhost:8501/" in local.err and "--base-url" in local.err
    served = run_command(
        "summary", "--query", "relief=8", "--out", str(path), "--base-url", "https://clinic.example.org/aid/"
    )
    assert served.code == 0 and served.err == ""


# ----------------------------------------------------------------------------- in this process


def test_in_process_run_gives_the_code_of_a_system_exit(capsys, monkeypatch):
    # `run` stands in for the process boundary: an exit from inside is a code, not a crash.
    def exits(argv: list[str]) -> int:
        print("partial")
        sys.exit(3)

    monkeypatch.setattr(cli, "main", exits)
    assert run(capsys, "check") == Ran(3, "partial\n", "")


def test_check_broken_copy_exits_2_naming_file_and_field(capsys, tmp_path):
    data = shipped_data()
    data["options"]["mvd"]["risks"][1]["per_100"]["high"] = 250
    data["options"]["botulinum"]["benefits"][0]["sources"] = ["ghost"]
    bad = tmp_path / "clinic.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = run(capsys, "check", str(bad))
    assert out.code == 2
    assert "Traceback" not in out.err
    lines = out.err.strip().splitlines()
    assert any(f"{bad}: options.mvd.risks[1].per_100.high:" in line for line in lines)
    assert any("options.botulinum.benefits[0].sources[0]" in line and "'ghost'" in line for line in lines)


def test_check_broken_yaml_exits_2(capsys, tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("options: {mvd: [\n", encoding="utf-8")
    out = run(capsys, "check", str(bad))
    assert out.code == 2 and "not valid YAML" in out.err and "Traceback" not in out.err


def test_query_json_contract(capsys):
    out = run(capsys, "--query", "relief=8&lasting=10&cause=vascular", "--format", "json")
    assert out.code == 0, out.err
    data = json.loads(out.out)
    assert data["profile"]["relief"] == 8 and data["profile"]["burden"] is None  # as said: not said
    assert data["priorities_stated"] is True and data["weights"]["burden"] == 5  # as counted
    assert [o["rank"] for o in sorted(data["options"], key=lambda o: o["rank"])] == [1, 2, 3]
    measures = {o["success"]["measure"] for o in data["options"]}
    assert len(measures) == 1  # the match compares one measure for every option
    for o in data["options"]:
        assert o["match_low"] <= o["match"] <= o["match_high"]
        for sid in o["success"]["sources"]:
            assert sid in data["sources"]
        for b in o["benefits"]:
            assert {
                "measure",
                "label",
                "low",
                "central",
                "high",
                "timeframe",
                "while_treated",
                "certainty",
            } <= set(b)
            assert all(sid in data["sources"] for sid in b["sources"])
    assert data["no_treatment"]["figures"] and "no_treatment" in data["projection"]["options"]


def test_text_gives_options_shown_level_one_place(capsys):
    """Medicines 49.8 and botulinum toxin 50.0 are both shown as 50: one place, said to be shared
    (the fixed option order or a fraction of a point would otherwise split them)."""
    text = run(capsys, "--query", "relief=0&burden=0", "--format", "text").out
    places = re.findall(r"Lines up with what matters to you: (\d+) out of 100 .*?; (number .*)", text)
    assert places == [
        ("50", "number 1 of 3, level with Botulinum toxin"),
        ("50", "number 1 of 3, level with Medicines"),
        ("43", "number 3 of 3"),
    ]


def test_query_json_has_no_match_or_rank_before_a_priority_or_for_an_unsuitable_option(capsys):
    out = run(capsys, "--query", "anesthesia=unfit", "--format", "json")
    data = json.loads(out.out)
    assert data["priorities_stated"] is False and data["weights"] is None
    assert all(o[k] is None for o in data["options"] for k in ("match", "match_low", "match_high", "rank"))
    data = json.loads(run(capsys, "--query", "anesthesia=unfit&relief=7", "--format", "json").out)
    mvd = next(o for o in data["options"] if o["id"] == "mvd")
    assert mvd["suitable"] is False and mvd["match"] is None and mvd["rank"] is None
    assert sorted(o["rank"] for o in data["options"] if o["id"] != "mvd") == [1, 2]


def test_text_format_matches_nothing_before_a_priority_and_shows_no_treatment(capsys):
    before = run(capsys, "--query", "mri=vessel", "--format", "text").out
    assert "Lines up" not in before and "none stated yet" in before
    assert "No treatment for now" in before
    after = run(capsys, "--query", "mri=vessel&anesthesia=unfit&relief=8", "--format", "text").out
    mvd_part = after[after.index("Surgery") :]
    assert "Lines up" not in mvd_part.split("No treatment for now")[0]
    assert after.count("Lines up with what matters to you") == 2


def test_text_format_says_how_the_match_is_worked_out_only_with_a_match(capsys):
    """The match's value judgements are shown wherever it is (the fit topic, the PDF): the text
    output ranked the options without them."""
    said = run(capsys, "--query", "relief=8&age=70", "--format", "text").out
    result = evaluate(load_evidence(), Profile(relief=8, age=70))
    assert HOW_MATCH_WORKS in said
    for anchor in anchors_for(result):
        assert f"  - {anchor}" in said, anchor
    assert said.index(HOW_MATCH_WORKS) > said.rindex("Lines up with what matters to you")
    assert HOW_MATCH_WORKS not in run(capsys, "--query", "mri=vessel", "--format", "text").out


def test_text_format_says_why_mvd_is_not_matched_when_its_figures_may_not_apply(capsys):
    text = run(capsys, "--query", "cause=ms&relief=8", "--format", "text").out
    mvd_part = text[text.index("Surgery") : text.index("No treatment for now")]
    assert "Lines up" not in mvd_part and f"  {cli.NOT_MATCHED_FIGURES}\n" in mvd_part
    assert "number 1 of 2" in text and "number 2 of 2" in text


@pytest.mark.parametrize(
    ("mri", "said"),
    [
        ("not_done", "A scan first is still wise"),
        ("vessel", None),
        ("other_finding", "Even if you wait, see your specialist about what your scan found"),
    ],
)
def test_text_format_says_what_waiting_involves_with_the_scan_advice_where_it_holds(capsys, mri, said):
    """As the PDF and the About page: the options' cautions give the scan advice for treatment,
    and waiting had none in the terminal."""
    text = run(capsys, "--query", f"mri={mri}", "--format", "text").out
    waiting = text[text.index("No treatment for now") :]
    nt = load_evidence().no_treatment
    assert f"  {nt.involves.text}" in waiting
    for extra in nt.involves_also:
        assert (extra.text in waiting) is (said is not None and extra.text.startswith(said))


def test_text_format_says_why_the_natural_course_figures_add_up_to_101(capsys):
    text = run(capsys, "--query", "relief=8", "--format", "text").out
    course = text[text.index("No treatment for now") :]
    assert "  Each figure is rounded to a whole number, so together they add up to 101, not 100.\n" in course


def test_text_format_gives_every_harm_in_the_same_detail_as_the_benefits(capsys):
    """Benefits and harms in equal detail: the text listed each option's benefits, with figure,
    range and time frame, and none of its harms."""
    text = run(capsys, "--query", "relief=8", "--format", "text").out
    ev = load_evidence()
    for oid, opt in ev.ordered():
        part = text[text.index(opt.name) :].split("\n\n")[0]
        passing = [r for r in opt.risks if not (r.serious or r.permanent)]
        lasting = [r for r in opt.risks if r.serious or r.permanent]
        for kind, mine in (("Side effects that pass", passing), ("Serious or lasting harms", lasting)):
            if not mine:
                assert f"{kind}: none reported in the studies used." in part, (oid, kind)
                continue
            below = part[part.index(f"{kind}:") :]
            for r in mine:
                line = next(x for x in below.splitlines() if x.strip().startswith(r.name + ":"))
                assert per_100(r.per_100.central) in line and f"[{r.timeframe}]" in line, line
                assert ("per injection" in line) == (r.per == "injection"), line
    assert "Double vision: 2 out of 100 people per injection (range 0 to 3 out of 100)" in text


def test_text_format_gives_how_long_each_option_lasts_and_its_chances_later_on(capsys):
    """The text gave no option's time course: nowhere did it say an operation's spasm comes back
    in 2 of 100 it helped, or that 9 in 100 have a second one, though the match scores "a result
    that lasts" on the first. Each option now says how soon and how long, then each chance later
    on with its range and time frame, or why no study counted it."""
    text = run(capsys, "--query", "relief=8", "--format", "text").out
    ev = load_evidence()
    for oid, opt in ev.ordered():
        part = text[text.index("\n\n" + opt.name) + 2 :].split("\n\n")[0]  # its own block
        assert f"  How soon it works and how long it lasts: {timing_text(oid, opt)}\n" in part, oid
        assert ("  Later on:\n" in part) == bool(opt.chances()), oid
        for field, ch in opt.chances():
            line = next(x for x in part.splitlines() if x.startswith(f"    {CHANCE_LABELS[field]}: "))
            if ch.per_100 is None:
                assert line.endswith(ch.reason), line
            else:
                assert per_100(ch.per_100.central) in line and line.endswith(f"[{ch.timeframe}]"), line
        assert part.index("How soon it works") < part.index("Side effects that pass"), oid
    assert (
        "    Comes back, of those it made spasm-free: 2 out of 100 people (range fewer than 1 to 10" in text
    )
    assert "    A second operation (the spasm stayed or came back): 9 out of 100 people (range 1 to" in text
    assert "    Stopped because of side effects: No study has counted" in text


def test_unknown_name_is_ignored_with_a_warning(capsys):
    out = run(capsys, "--query", "relief=8&flavour=mint")
    assert out.code == 0
    assert "flavour" in out.err
    assert any("flavour" in w for w in json.loads(out.out)["warnings"])


@pytest.mark.parametrize(
    ("query", "param", "allowed"),
    [
        ("relief=abc", "relief", "0 to 10"),
        ("lasting=99", "lasting", "0 to 10"),
        ("cause=<script>", "cause", "vascular"),
        ("tried=acupuncture", "tried", "medication, botulinum, mvd"),
        ("age=12", "age", "18 to 110"),
        ("sides=left", "sides", "one, both"),
        ("mvd_result=failed", "mvd_result", "no_help, came_back"),
        ("pregnant=soon", "pregnant", "planning"),
    ],
)
def test_bad_value_exits_2_with_one_line(capsys, query, param, allowed):
    out = run(capsys, "--query", query)
    assert out.code == 2
    assert out.out == ""
    (line,) = out.err.strip().splitlines()
    assert line.startswith(f"error: {param}=") and allowed in line


def test_text_format_is_readable_and_in_fixed_order(capsys):
    out = run(capsys, "--query", "avoid=mvd", "--format", "text")
    assert out.code == 0
    text = out.out
    names = ["Medicines", "Botulinum", "MVD"]
    positions = [text.lower().find(n.lower()) for n in names]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "ruled this out" in text and "not medical advice" in text


def test_bad_format_is_a_usage_error(capsys):
    out = run(capsys, "--format", "xml")
    assert out.code == 2 and "Traceback" not in out.err
    assert re.search(r"argument --format: invalid choice: '?xml'?", out.err), out.err


def test_text_gives_no_range_where_the_app_gives_none():
    """One rule with the app (`words.common.has_range`): a figure whose ends differ by less than
    the rounding is not given as a range from itself to itself."""
    fig = SimpleNamespace(low=7.0, central=7.0, high=7.02)
    assert cli._range_words(fig) == "7 out of 100 people"
    fig = SimpleNamespace(low=5.0, central=7.0, high=9.0)
    assert cli._range_words(fig) == "7 out of 100 people (range 5 to 9 out of 100)"


def test_text_gives_a_local_figure_the_published_range_not_a_widened_one(capsys):
    """The team's figures (spasm gone 60, hearing loss 8) lie outside the studies' ranges (63 to
    91, 2 to 6); the text gave the ranges the engine widened to take them in, "range 60 to 91" and
    "range 2 to 8", which no study found."""
    text = run(capsys, "--query", "relief=9&mvd_success=60&mvd_hearing_loss=8", "--format", "text").out
    assert "60 out of 100 people (published range 63 to 91 out of 100) (local figure)" in text
    assert "8 out of 100 people (published range 2 to 6 out of 100) (local figure)" in text
    assert "range 60 to" not in text and "range 2 to 8" not in text
    # the match compares "clearly better" for every option: the team's spasm-free figure is not in it
    assert "MVD surgery's match does not use your team's spasm-free figure" in text


def test_text_says_good_news_as_good_to_know_and_json_keeps_it_out_of_the_cautions(capsys):
    text = run(capsys, "--query", "cause=bells_trauma", "--format", "text").out
    assert "Good to know: Botulinum toxin injections work on the face muscles" in text
    assert "Caution: Botulinum toxin injections work" not in text
    data = json.loads(run(capsys, "--query", "cause=bells_trauma").out)
    botulinum = next(o for o in data["options"] if o["id"] == "botulinum")
    assert not any("face muscles" in c for c in botulinum["cautions"])
    assert any(c["effect"] == "good_to_know" for c in botulinum["caution_details"])


def test_text_format_gives_a_label_warning_under_none_reported(capsys):
    text = run(capsys, "--query", "relief=8", "--format", "text").out
    warning = " ".join(load_evidence().options["botulinum"].label_warning.text.split())
    part = text[text.index("Botulinum toxin injections") :].split("\n\n")[0]
    below = part[part.index("Serious or lasting harms: none reported in the studies used.") :]
    assert below.splitlines()[1].strip() == warning


def test_a_query_cut_part_way_through_an_answer_exits_2_naming_where(capsys):
    """The app takes it for a link cut short and says so; typed on a command line it is refused
    as a bad value was (age=6 exited 2 before the app learned to tell a cut link)."""
    out = run(capsys, "--query", "relief=8&age=6")
    assert out.code == 2 and "cut short" in out.err and "'age=6'" in out.err
    assert out.out == ""


def test_a_query_that_no_longer_matches_its_check_exits_2_and_says_the_way_out(capsys):
    """A link copied from the app and cut inside a number (`relief=10` to `relief=1`) reads as an
    answer; its check tells. Without the check the same answers are read as typed."""
    link = Profile(relief=10, burden=3).to_query()
    out = run(capsys, "--query", link.replace("relief=10", "relief=1"))
    assert out.code == 2 and out.out == ""
    assert "does not match its check" in out.err and "leave out check=..." in out.err
    assert run(capsys, "--query", link).code == 0
    assert run(capsys, "--query", link.split("&", 1)[1].replace("relief=10", "relief=1")).code == 0
    # a whole link from the app's copy-link box: its address is not part of the first answer
    whole = "https://clinic.example.org/aid/compare?" + link
    assert run(capsys, "--query", whole).out == run(capsys, "--query", link).out
    cut = run(capsys, "--query", whole.replace("relief=10", "relief=1"))
    assert cut.code == 2 and "does not match its check" in cut.err


# ------------------------------------------------------------------------- where it reads and writes


@pytest.mark.parametrize(
    ("argv", "ends"),
    [
        (["summary", "--query", "relief=8", "--out", "-"], (b"%PDF-", b"%%EOF\n")),
        (["review", "--out", "-"], (b"<!DOCTYPE html>", b"</html>\n")),
    ],
)
def test_out_dash_writes_to_standard_output_and_no_file(capsysbinary, monkeypatch, tmp_path, argv, ends):
    """`--out -` wrote a file named "-" and said "wrote -": standard output, as `--query-file -`
    is standard input, with nothing else printed there to spoil the PDF or the page."""
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 0
    out, _ = capsysbinary.readouterr()
    assert out.startswith(ends[0]) and out.endswith(ends[1])  # nothing else printed around it
    assert list(tmp_path.iterdir()) == []


def _clinic_dataset(tmp_path: Path) -> Path:
    data = shipped_data()
    data["meta"]["version"] = "7.7.7-clinic"
    path = tmp_path / "clinic_evidence.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_command_reads_the_dataset_the_app_reads(capsys, monkeypatch, tmp_path):
    """In a clinic's container the app reads `HFS_EVIDENCE_PATH`; the review pack and the summary
    came from the shipped figures unless given --data, so a clinician could sign off figures
    their patients never see. --data still wins."""
    clinic = _clinic_dataset(tmp_path)
    monkeypatch.setenv("HFS_EVIDENCE_PATH", str(clinic))
    checked = run(capsys, "check")
    assert checked.code == 0 and checked.out.startswith(f"{clinic}: valid: version 7.7.7-clinic")
    assert json.loads(run(capsys, "--query", "relief=8").out)["evidence_version"] == "7.7.7-clinic"
    assert run(capsys, "review", "--out", str(tmp_path / "pack.html")).code == 0
    assert "7.7.7-clinic" in (tmp_path / "pack.html").read_text(encoding="utf-8")
    data = json.loads(run(capsys, "summary", "--query", "relief=8", "--format", "json").out)
    assert "7.7.7-clinic" in json.dumps(data)
    shipped = json.loads(run(capsys, "--query", "relief=8", "--data", str(DEFAULT_DATASET)).out)
    assert shipped["evidence_version"] == load_evidence().meta.version
    assert run(capsys, "--help").out.count("HFS_EVIDENCE_PATH") == 1


def test_help_names_every_command(capsys):
    """The program's help is the compare command's: check, summary and review were nowhere in it."""
    out = run(capsys, "--help").out
    assert all(command in out for command in ("check [PATH]", "summary", "review --out FILE"))


# ------------------------------------------------------------------------- the text says it once, fairly


def test_text_says_each_caution_once_under_the_options_it_concerns(capsys):
    """With no scan result yet, the caution that a scan comes first holds for all three
    treatments, and the text said it three times, once per option."""
    text = run(capsys, "--query", "relief=8&mri=not_done", "--format", "text").out
    cautions = [line for line in text.splitlines() if line.strip().startswith("Caution:")]
    assert cautions and len(cautions) == len(set(cautions))
    block = text[text.index("Cautions from your answers:") : text.index("No treatment for now")]
    assert "  All three treatments:\n    Caution: " in block
    assert text.index("Cautions from your answers:") > text.index(load_evidence().options["mvd"].name)


def test_text_marks_the_expert_estimate_and_says_what_the_figures_are(capsys):
    """The grid and the PDF mark the medicines' control figure as an expert's estimate and say the
    figures come from different studies, and say whom no treatment's figures count; the text did
    none of these."""
    text = run(capsys, "--query", "relief=8", "--format", "text").out
    medicines = text[text.index("Medicines") : text.index("Botulinum toxin")]
    lines = medicines.splitlines()
    control = next(i for i, line in enumerate(lines) if "clearly better" in line.lower())
    following = lines[control + 1]
    assert following.strip() == "An expert's estimate, not a study result."
    assert text.count("An expert's estimate") == 1
    assert "No study has compared these options in the same people." in text
    note = " ".join(load_evidence().no_treatment.figures_note.text.split())
    assert f"  {note}" in text[text.index("No treatment for now") :]


@pytest.mark.parametrize(("fmt", "on_stderr"), [("text", 0), ("json", 1)])
def test_a_query_warning_is_said_once(capsys, fmt, on_stderr):
    """The text format says a warning in its own output ("Note: ..."), and said it on stderr too."""
    ran = run(capsys, "--query", "relief=8&flavour=mint", "--format", fmt)
    assert ran.err.count("flavour") == on_stderr
    assert (ran.out + ran.err).count("flavour") == 1 + (fmt == "json")  # the JSON's warnings list
