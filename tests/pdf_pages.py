"""Measures of the PDF edition's page layout, for the tests and for an author:
``python tests/pdf_pages.py _build/latex`` prints them.

- pages of the example chapters whose text area is more than 40% empty (the longest run of
  blank pixel rows, from ``pdftoppm`` at 20 dpi), and which of them are followed by a page that
  opens with a diagram (a drawing in the palette's blue in the top fifth of the text area);
- "Overfull \\hbox" lines of the LaTeX log whose paragraph lies inside a listing;
- continuation lines of wrapped listing lines (``pdftotext -layout``: they start with the
  continuation mark) that break inside a word: a letter, digit or ``_`` on both sides;
- listings split by a page break (Sphinx marks them "(continues on next page)" and
  "(continued from previous page)"): how many of their lines are on each side of the break.
"""

from __future__ import annotations

import functools
import itertools
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: The text area of an A4 page of this book, as fractions of the page height (below the
#: running head's rule, above the foot's rule), measured on the rendered pages.
TEXT_TOP, TEXT_BOTTOM = 0.074, 0.926
NEAR_EMPTY = 0.40
CONTINUATION = "˓→"
VISIBLE_SPACE = "␣"


@dataclass
class Page:
    number: int
    blank: float  # the longest blank run of rows, as a fraction of the text area's height
    diagram_at_top: bool


def _ppm(data: bytes) -> tuple[int, int, bytes]:
    fields = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert fields, "not a binary PPM"
    return int(fields.group(1)), int(fields.group(2)), data[fields.end():]


def _page(number: int, data: bytes) -> Page:
    width, height, pixels = _ppm(data)
    top, bottom = int(height * TEXT_TOP), int(height * TEXT_BOTTOM)
    longest = run = 0
    first_diagram = None
    for y in range(top, bottom):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        if min(row) < 200:
            run = 0
        else:
            run += 1
            longest = max(longest, run)
        if first_diagram is None:
            blue = sum(1 for i in range(0, len(row) - 2, 3)
                       if abs(row[i] - 1) < 30 and abs(row[i + 1] - 115) < 30
                       and abs(row[i + 2] - 178) < 30)
            if blue > 8:
                first_diagram = y
    diagram_at_top = first_diagram is not None and first_diagram < top + (bottom - top) / 5
    return Page(number, longest / (bottom - top), diagram_at_top)


def example_pages(pdf: Path) -> range:
    """From Example 1's page to the page before the first chapter after Example 85."""
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                           check=True).stdout

    def page_of(name: str) -> int:
        return int(re.search(rf'^\s*(\d+) .*"{name}"', dests, re.M).group(1))  # type: ignore

    first, last = page_of("ex-01"), page_of("ex-85")
    chapters = sorted(int(p) for p in re.findall(r'^\s*(\d+) .*"chapter\*?\.[\d.]+"', dests, re.M)
                      if int(p) > last)
    return range(first, chapters[0] if chapters else last + 1)


def pages(pdf: Path, numbers: range) -> list[Page]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "20", "-f", str(numbers.start), "-l",
                        str(numbers.stop - 1), str(pdf), f"{tmp}/p"], check=True)
        files = sorted(Path(tmp).glob("p-*.ppm"))
        return [_page(int(f.stem.split("-")[1]), f.read_bytes()) for f in files]


def near_empty(measured: list[Page]) -> list[Page]:
    return [p for p in measured if p.blank > NEAR_EMPTY]


def emptied_by_diagram(measured: list[Page]) -> list[Page]:
    """Near-empty pages whose next page opens with a diagram (one that did not fit)."""
    return [page for page, after in itertools.pairwise(measured)
            if page.blank > NEAR_EMPTY and after.diagram_at_top]


def listing_overfull(tex: Path, log: Path) -> list[str]:
    """The log's "Overfull \\hbox" lines of listing lines (a paragraph inside a sphinxVerbatim,
    not its caption)."""
    inside = set()
    start = None
    for number, line in enumerate(tex.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(r"\begin{sphinxVerbatim}"):
            start = number
        elif line.startswith(r"\end{sphinxVerbatim}") and start is not None:
            inside.update(range(start, number + 1))
            start = None
    text = log.read_text(encoding="latin-1")
    # a listing's caption (a long file name) is a paragraph of its own, in the text font
    found = re.findall(
        r"^Overfull \\hbox .* in paragraph at lines (\d+)--\d+\n(?!.*Listing \d+:)",
        text, re.M)
    return [n for n in found if int(n) in inside]


@functools.cache
def pdf_text(pdf: Path, layout: bool = True, numbers: range | None = None) -> str:
    """The PDF's text from pdftotext: laid out as on the page, or in reading order (a table
    cell's lines together); all pages or ``numbers``. Cached: the tests read one PDF often."""
    pages = ["-f", str(numbers.start), "-l", str(numbers.stop - 1)] if numbers else []
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def continuations(pdf: Path, numbers: range) -> list[tuple[str, str]]:
    """(the line before, the continuation line) of every wrapped listing line."""
    text = pdf_text(pdf, numbers=numbers)
    pairs, before = [], ""
    for line in text.splitlines():
        if line.strip().startswith(CONTINUATION):
            pairs.append((before, line.strip()[len(CONTINUATION):]))
        if line.strip():  # pdftotext -layout puts blank lines between some listing lines
            before = line.rstrip()
    return pairs


def inside_word(pair: tuple[str, str]) -> bool:
    before, after = pair
    if not before or not after or before.endswith(VISIBLE_SPACE):
        return False
    return bool(re.match(r"\w", before[-1]) and re.match(r"\w", after[0]))


CONTINUES, CONTINUED = "(continues on next page)", "(continued from previous page)"


@dataclass
class Split:
    page: int  # the page the listing continues from
    before: int  # its lines on that page, blank ones included (as the preamble's rule counts)
    after: int  # its lines on the next page, blank ones included
    text_before: int  # the same without the blank lines at the break's side
    text_after: int


def _rows(pdf: Path) -> dict[int, list[tuple[int, bool, str]]]:
    """Every page's text rows, top to bottom: (baseline, a listing row?, text). A row is a
    listing's when at least three quarters of its characters are in a typewriter font (an
    annotation's apostrophe falls back to a text font); ``pdftohtml -xml`` gives each run of
    text with its font and position."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)],
                         capture_output=True, check=True).stdout
    fonts: dict[str, str] = {}
    out = {}
    for page in ET.fromstring(xml).iter("page"):
        for spec in page.iter("fontspec"):
            family = str(spec.get("family")).split("+")[-1].lower()
            fonts[str(spec.get("id"))] = ("mono" if "tt" in family else
                                         "sign" if family.startswith("cm") else "text")
        runs = sorted((int(str(t.get("top"))) + int(str(t.get("height"))),
                       fonts[str(t.get("font"))], "".join(t.itertext()))
                      for t in page.iter("text"))
        grouped: list[tuple[int, Counter[str], list[str]]] = []
        for baseline, kind, text in runs:  # a run up to 4 px off a row's baseline is on it
            if not grouped or baseline - grouped[-1][0] > 4:
                grouped.append((baseline, Counter(), []))
            grouped[-1][1][kind] += len(text.strip())
            grouped[-1][2].append(text)
        out[int(str(page.get("number")))] = [
            (y, kinds["mono"] > 0 and kinds["mono"] >= 3 * kinds["text"], " ".join(words))
            for y, kinds, words in grouped]
    return out


def listing_splits(pdf: Path) -> list[Split]:
    """Every listing split by a page break, with its lines on either side. Blank lines leave
    no text: they are counted from the distances, in units of the listings' line pitch (the
    commonest distance between two listing rows), between the listing's first and last rows
    and from the continuation marks (whose distance to an adjacent line, measured on this
    book: 15-26 px before the mark, 18-19 px after it)."""
    rows = _rows(pdf)
    found = []
    for number, page in rows.items():
        for i, (mark_y, _, text) in enumerate(page):
            if CONTINUES not in text:
                continue
            before = []
            for y, listing, _ in reversed(page[:i]):
                if not listing:
                    break
                before.insert(0, y)
            after, next_mark = [], None
            for k, (y, _, text2) in enumerate(rows.get(number + 1, [])):
                if CONTINUED in text2:
                    next_mark = y
                    for y2, listing, _ in rows[number + 1][k + 1:]:
                        if not listing:
                            break
                        after.append(y2)
                    break
            found.append((number, before, after, mark_y, next_mark))
    pitches = Counter(b - a for _, before, after, _, _ in found for ys in (before, after)
                      for a, b in itertools.pairwise(ys))
    pitch = pitches.most_common(1)[0][0] if pitches else 18

    def lines(ys: list[int]) -> int:
        return round((ys[-1] - ys[0]) / pitch) + 1 if ys else 0

    splits = []
    for number, before, after, mark_y, next_mark in found:
        blank_before = round((mark_y - before[-1] - 20) / pitch) if before else 0
        blank_after = round((after[0] - next_mark - 19) / pitch) if after and next_mark else 0
        splits.append(Split(number, lines(before) + max(blank_before, 0),
                            lines(after) + max(blank_after, 0), lines(before), lines(after)))
    return splits


def main(outdir: Path) -> None:
    pdf = outdir / "alembic-by-example.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    numbers = example_pages(pdf)
    measured = pages(pdf, numbers)
    wrapped = continuations(pdf, numbers)
    print(re.search(r"^Pages:.*$", info, re.M).group(0))  # type: ignore[union-attr]
    print(f"example pages: {numbers.start}-{numbers.stop - 1} ({len(measured)})")
    print(f"  over {NEAR_EMPTY:.0%} empty: {len(near_empty(measured))} "
          f"{[(p.number, round(p.blank, 2)) for p in near_empty(measured)]}")
    print(f"  of them followed by a page opening with a diagram: "
          f"{[p.number for p in emptied_by_diagram(measured)]}")
    print(f"  blank (over 90% empty): {sum(p.blank > 0.9 for p in measured)}")
    overfull = listing_overfull(pdf.with_suffix(".tex"), pdf.with_suffix(".log"))
    print(f"overfull hbox from listing lines: {len(overfull)}")
    broken = [pair for pair in wrapped if inside_word(pair)]
    at_space = sum(before.endswith(VISIBLE_SPACE) for before, _ in wrapped)
    print(f"continuation lines: {len(wrapped)}, after a space {at_space}, "
          f"inside a word {len(broken)}")
    for pair in broken[:10]:
        print("   ", pair)
    splits = listing_splits(pdf)
    short = [s for s in splits if min(s.before, s.after) < 4]
    short_text = [s for s in splits if min(s.text_before, s.text_after) < 4]
    print(f"listings split by a page break: {len(splits)}; fewer than 4 lines on a side: "
          f"{len(short)} {[s.page for s in short]}; fewer than 4 lines of text (blank lines "
          f"at the break not counted): {len(short_text)} {[s.page for s in short_text]}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/latex"))
