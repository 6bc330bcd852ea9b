"""Turn a hard-wrapped seed text back into paragraphs.

The seeds are `pdftotext`-style extractions: lines are hard-wrapped, some
seeds put a blank line after every line, page breaks fall mid-sentence (the
first line of a new page starts with a space), footnote bodies sit in the
middle of a paragraph and footnote markers are glued to words. This module
only re-joins lines; it never changes a word. Footnote markers are replaced by
the placeholder ``FN`` + footnote index so that the ODT writer can put a real
Writer footnote there.
"""

from __future__ import annotations

import re
import statistics

# Private-use character marking "a footnote anchor goes here"; the next
# character is chr(0xE100 + index).
FN = "\ue000"

# List / outline markers that always start a new paragraph.
MARKER_RE = re.compile(
    r"^(?:[IVX]+\.\s|\d+(?:\.\d+)*\.\s|\d+\)\s|\(\d+\)\s|[a-zđ]\)\s|[-+]\s)"
)


def fn_anchor(index: int) -> str:
    """Placeholder for footnote number ``index`` (0-based)."""
    return FN + chr(0xE100 + index)


def cut_footnote(raw: str, marked: str, unmarked: str, body_start: str,
                 body_end: str, index: int) -> tuple[str, str]:
    """Remove one footnote body from ``raw`` and anchor it in the text.

    ``marked`` is the exact seed text containing the glued marker (e.g.
    ``"hồ sơ1;"``), ``unmarked`` the same text without the marker (``"hồ sơ;"``
    with the anchor inserted where ``FN`` placeholder ``{fn}`` stands).
    ``body_start`` .. ``body_end`` (inclusive) delimit the footnote body in
    the seed. Returns (new raw text, footnote body with its marker removed).
    """
    if raw.count(marked) != 1:
        raise ValueError(f"footnote anchor {marked!r} not unique")
    raw = raw.replace(marked, unmarked.replace("{fn}", fn_anchor(index)))
    start = raw.index(body_start)
    end = raw.index(body_end, start) + len(body_end)
    body = raw[start:end]
    raw = raw[:start] + raw[end:]
    return raw, body


def lines_of(raw: str) -> list[str]:
    """Non-empty lines, right-stripped; a leading single space (page start) removed."""
    out = []
    for line in raw.split("\n"):
        line = line.rstrip()
        if line.strip():
            out.append(line.strip(" "))
    return out


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with one space; a line ending in a glued hyphen
    ("01-", "1253/UBND-") continues without a space."""
    text = ""
    for line in lines:
        line = line.strip(" ")
        if not text:
            text = line
        elif re.search(r"\S-$", text) and not line.startswith("-"):
            text += line
        elif text.endswith(FN) or (len(text) >= 2 and text[-2] == FN):
            # anchor placeholder at the end: punctuation may follow directly
            text += line if line[:1] in ");,.:" else " " + line
        else:
            text += " " + line
    return text


def _starts_upper(line: str) -> bool:
    c = line[:1]
    return c.isupper() or c.isdigit() or c in "(“\"«"


def paragraphs(raw: str, mode: str, join: tuple[str, ...] = (),
               split: tuple[str, ...] = ()) -> list[str]:
    """Re-join the wrapped lines of ``raw`` into paragraphs.

    mode "blank": a blank line separates paragraphs (except before a
    lowercase continuation); "line": every line is a paragraph unless it
    starts lowercase; "wrapped": every line is followed by a blank line, so
    paragraph starts are found from outline markers and short previous lines.
    ``join``/``split`` are line prefixes forcing continuation / a new paragraph.
    """
    raw_lines = raw.split("\n")
    items: list[tuple[str, bool]] = []  # (line, blank line before it)
    blank = True
    for line in raw_lines:
        if not line.strip():
            blank = True
            continue
        items.append((line.rstrip().strip(" "), blank))
        blank = False
    if not items:
        return []
    lengths = sorted(len(l) for l, _ in items)
    ref = lengths[int(len(lengths) * 0.9)] if len(lengths) > 4 else max(lengths)
    ref = max(ref, statistics.median(lengths))

    paras: list[list[str]] = []
    prev = None
    for line, blank_before in items:
        new = False
        if prev is None:
            new = True
        elif any(line.startswith(p) for p in split):
            new = True
        elif any(line.startswith(p) for p in join):
            new = False
        elif MARKER_RE.match(line):
            new = True
        elif line[:1].islower():
            new = False
        elif mode == "line":
            new = True
        elif mode == "blank":
            new = blank_before or (len(prev) < 0.6 * ref and _starts_upper(line)
                                   and not prev.endswith(","))
        else:  # wrapped
            new = (len(prev) < 0.78 * ref and _starts_upper(line)
                   and prev[-1:] in ".:;!?)”")
        if new:
            paras.append([line])
        else:
            paras[-1].append(line)
        prev = line
    return [join_lines(p) for p in paras]
