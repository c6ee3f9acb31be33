"""How many pages random answer sets' summaries take on A4 and US Letter, with or without pictures.

README ("The summary keeps its pictures when they fit") states these counts; a change to the
dataset or the layout changes them, so they are measured again here, not kept by hand:

    .venv/bin/python bench/pdf_pages.py              # 24 answer sets, seed 24
    .venv/bin/python bench/pdf_pages.py --n 48 --seed 7

The answer sets are bench/run.py's random profiles (every priority stated, random situation
answers). A summary "keeps its pictures" when it embeds a picture of more than two colours
(the icon arrays and the match chart; the QR code has two).
"""

from __future__ import annotations

import argparse
import collections
import io
import random

from pypdf import PdfReader
from run import random_profile  # bench/run.py (Python puts a script's own folder on sys.path)

from decision_aid import report
from decision_aid.engine import evaluate
from decision_aid.evidence import DEFAULT_DATASET, load_evidence
from devkit.pdf import chart_images

PAPERS = ("A4", "Letter")


def has_pictures(reader: PdfReader) -> bool:
    """Whether the summary kept its charts (devkit.pdf.chart_images: the QR code is no chart)."""
    return bool(chart_images(reader))


def tally(n: int, seed: int) -> collections.Counter[tuple[str, int, bool]]:
    """(paper, pages, pictures kept) -> how many of `n` random answer sets' summaries."""
    evidence = load_evidence(DEFAULT_DATASET)
    rng = random.Random(seed)
    counts: collections.Counter[tuple[str, int, bool]] = collections.Counter()
    for _ in range(n):
        result = evaluate(evidence, random_profile(rng))
        for paper in PAPERS:
            pdf = report.build_pdf(evidence, result, base_url="https://hfs.example.org/", paper=paper)
            reader = PdfReader(io.BytesIO(pdf))
            counts[(paper, len(reader.pages), has_pictures(reader))] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=24, help="answer sets (default 24)")
    ap.add_argument("--seed", type=int, default=24, help="random seed (default 24)")
    args = ap.parse_args()
    counts = tally(args.n, args.seed)
    version = load_evidence(DEFAULT_DATASET).meta.version
    print(f"{args.n} random answer sets (seed {args.seed}), dataset {version}")
    for paper in PAPERS:
        for (p, pages, pictures), k in sorted(counts.items()):
            if p == paper:
                print(f"  {paper:6} {pages} pages, {'with' if pictures else 'without'} pictures: {k}")


if __name__ == "__main__":
    main()
