#!/usr/bin/env python3
"""Build the malformed / hostile PDFs in tests/data/robustness/.

Each file exercises one way a reader can fail on real-world input; the tool
must answer every one with a typed error or a (possibly empty) result, never a
panic, a hang or an abort. See tests/data/robustness/README.md (written by
this script) for the file list and the expected behaviour.

  not_a_pdf.pdf               UTF-8 text with a .pdf name
  empty.pdf                   0 bytes
  truncated.pdf               a valid PDF cut in half (no xref, no trailer)
  broken_xref.pdf             valid objects, every xref offset wrong (needs reconstruction)
  encrypted_empty_password.pdf AES-256, empty user password: must be readable
  encrypted_password.pdf      AES-256, user password "secret": must be refused cleanly
  scanned_image_only.pdf      one page holding only a 1-bit scan image, no text
  many_pages.pdf              3000 short pages
  deep_nesting.pdf            Form XObjects nested 200 deep (text at the bottom)
  xobject_cycle.pdf           a Form XObject that draws itself. WARNING: naive
                              readers recurse until the stack overflows and the
                              whole process ABORTS (pdf-extract 0.12 does);
                              no catch_unwind can stop that. Walk the XObject
                              graph first and reject cycles.

Prerequisites: poppler-utils (pdftoppm), qpdf, fonts-liberation2 (Debian);
pip install pikepdf fonttools. The base text is drawn with Liberation Serif
embedded as a Type0/Identity-H font (see scripts/corpus/stamps.py).

Run from the repository root:
    python3 scripts/make_robustness.py
qpdf encryption uses random salts, so the two encrypted files differ byte-wise
between runs; everything else is deterministic.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pikepdf  # noqa: E402
from pikepdf import Array, Dictionary, Name  # noqa: E402

from corpus.stamps import Font  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "robustness"

# Fictional short directive used as the text of the readable files.
LINES = [
    "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM",
    "Số: 01/UBND-VP            V/v kiểm thử đọc tệp PDF",
    "",
    "1. Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã",
    "rà soát dữ liệu dân cư, hoàn thành trước ngày 31/12/2025.",
    "2. Giao Phòng Kinh tế xã báo cáo kết quả định kỳ hằng quý.",
    "",
    "CHỦ TỊCH",
    "Nguyễn Văn Thử",
]
ALL_TEXT = "".join(LINES) + "Trang0123456789/ Lớp"
A4 = [0, 0, 595.28, 841.89]


def _text_ops(font: Font, lines: list[str], size: float = 13, top: float = 780) -> str:
    ops = ["BT", f"/F1 {size} Tf"]
    y = top
    for line in lines:
        if line:
            ops.append(f"1 0 0 1 72 {y:.1f} Tm {font.hex(line)} Tj")
        y -= size * 1.5
    ops.append("ET")
    return "\n".join(ops)


def _page(pdf: pikepdf.Pdf, content: str, resources: Dictionary) -> pikepdf.Page:
    page = pikepdf.Page(Dictionary(Type=Name.Page, MediaBox=Array(A4), Resources=resources,
                                   Contents=pdf.make_stream(content.encode("latin-1"))))
    pdf.pages.append(page)
    return page


def base_pdf(path: Path) -> None:
    """A small valid one-page PDF with Vietnamese text."""
    pdf = pikepdf.new()
    font = Font(pdf, ALL_TEXT)
    _page(pdf, _text_ops(font, LINES), Dictionary(Font=Dictionary(F1=font.obj)))
    pdf.save(path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
             compress_streams=True)


def truncated(base: Path, dst: Path) -> None:
    data = base.read_bytes()
    dst.write_bytes(data[: len(data) // 2])


def broken_xref(base: Path, dst: Path) -> None:
    """Keep every object intact but make each in-use xref offset wrong."""
    data = base.read_bytes()
    start = data.rindex(b"\nxref") + 1

    def wrong(m: re.Match) -> bytes:
        off = int(m.group(1))
        return b"%010d %s n" % (off + 13 if off else 0, m.group(2))

    dst.write_bytes(data[:start] + re.sub(rb"(\d{10}) (\d{5}) n", wrong, data[start:]))


def encrypted(base: Path, dst: Path, user: str) -> None:
    subprocess.run(["qpdf", "--encrypt", user, "owner-robustness", "256", "--", str(base), str(dst)],
                   check=True)


def scanned(dst: Path) -> None:
    """Rasterise page 1 of the seed-003 corpus PDF (or the base text) to a 1-bit image page."""
    src = ROOT / "corpus" / "003_40982fe340064d63.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        if not src.exists():
            src = Path(tmp) / "base.pdf"
            base_pdf(src)
        subprocess.run(["pdftoppm", "-mono", "-r", "120", "-f", "1", "-l", "1", str(src),
                        str(Path(tmp) / "scan")], check=True)
        pbm = next(Path(tmp).glob("scan*.pbm")).read_bytes()
    m = re.match(rb"P4\s+(?:#.*\s+)*(\d+)\s+(\d+)\s", pbm)
    width, height = int(m.group(1)), int(m.group(2))
    bits = pbm[m.end():]
    pdf = pikepdf.new()
    img = pdf.make_stream(zlib.compress(bits, 9))
    img.Type, img.Subtype = Name.XObject, Name.Image
    img.Width, img.Height = width, height
    img.ColorSpace, img.BitsPerComponent = Name.DeviceGray, 1
    img.Decode = Array([1, 0])                     # PBM: 1 = black
    img.Filter = Name.FlateDecode
    _page(pdf, f"q {A4[2]} 0 0 {A4[3]} 0 0 cm /Im0 Do Q",
          Dictionary(XObject=Dictionary(Im0=img)))
    pdf.save(dst, deterministic_id=True)


def many_pages(dst: Path, n: int = 3000) -> None:
    pdf = pikepdf.new()
    font = Font(pdf, ALL_TEXT)
    res = pdf.make_indirect(Dictionary(Font=Dictionary(F1=font.obj)))
    for i in range(1, n + 1):
        _page(pdf, _text_ops(font, [f"Trang {i}/{n}"], 12), res)
    _page(pdf, _text_ops(font, LINES), res)     # the directive on the last page
    pdf.save(dst, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _form(pdf: pikepdf.Pdf, content: str, resources: Dictionary) -> pikepdf.Stream:
    x = pdf.make_stream(content.encode("latin-1"))
    x.Type, x.Subtype = Name.XObject, Name.Form
    x.BBox = Array(A4)
    x.Resources = resources
    return x


def deep_nesting(dst: Path, depth: int = 200) -> None:
    pdf = pikepdf.new()
    font = Font(pdf, ALL_TEXT)
    fonts = Dictionary(F1=font.obj)
    inner = _form(pdf, _text_ops(font, LINES), Dictionary(Font=fonts))
    for _ in range(depth - 1):
        inner = _form(pdf, "q /X Do Q", Dictionary(XObject=Dictionary(X=inner)))
    _page(pdf, "q /X Do Q", Dictionary(XObject=Dictionary(X=inner)))
    pdf.save(dst, deterministic_id=True)


def xobject_cycle(dst: Path) -> None:
    pdf = pikepdf.new()
    font = Font(pdf, ALL_TEXT)
    loop = _form(pdf, "q 0.9 0 0 0.9 10 10 cm /Loop Do Q", Dictionary())
    loop.Resources = Dictionary(XObject=Dictionary(Loop=loop))   # draws itself
    _page(pdf, _text_ops(font, LINES) + "\nq /Loop Do Q",
          Dictionary(Font=Dictionary(F1=font.obj), XObject=Dictionary(Loop=loop)))
    pdf.save(dst, deterministic_id=True)


README = """# Robustness PDFs

Generated by `python3 scripts/make_robustness.py` (do not edit by hand). Each
file is a way real input breaks PDF readers. Expected behaviour of nhiemvu:
a typed error or a result, never a panic, a hang or a process abort.
The readable files carry a short fictional directive in Vietnamese
("1. Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã rà soát
dữ liệu dân cư, hoàn thành trước ngày 31/12/2025. 2. Giao Phòng Kinh tế xã
báo cáo kết quả định kỳ hằng quý.") drawn with an embedded Type0 Liberation
Serif font with a ToUnicode map.

| file | what it is | expected |
|---|---|---|
{rows}

**Warning — `xobject_cycle.pdf`:** its Form XObject `/Loop` lists itself in
its own `/Resources` and draws itself (`/Loop Do`). A reader that follows
`Do` recursively without a depth limit or a visited set overflows the stack,
and Rust then ABORTS the whole process (pdf-extract 0.12 does this); no
`catch_unwind` can intercept it. Walk the XObject graph (e.g. with lopdf)
before extraction and reject cycles and excessive depth, or isolate the
extraction in a child process.
"""

FILES = [
    ("not_a_pdf.pdf", "UTF-8 text bytes, no `%PDF-` header", "error: not a PDF"),
    ("empty.pdf", "0 bytes", "error: empty / not a PDF"),
    ("truncated.pdf", "the first half of a valid one-page PDF (no xref, no trailer)",
     "error, or recovery of what is readable; no panic"),
    ("broken_xref.pdf", "valid objects, classic xref table whose in-use offsets are all off by 13 bytes",
     "recover by scanning for objects (as qpdf/poppler do) and read the text, or a typed error"),
    ("encrypted_empty_password.pdf", "AES-256 (R6), empty user password, owner password set",
     "opened with the empty password; the text is readable"),
    ("encrypted_password.pdf", "AES-256 (R6), user password `secret`",
     "typed error \"encrypted / password required\"; no garbage text"),
    ("scanned_image_only.pdf", "one A4 page holding only a 1-bit image (page 1 of corpus 003 rasterised at 120 dpi)",
     "no text layer: report \"no extractable text (scanned?)\", no tasks"),
    ("many_pages.pdf", "3001 pages: \"Trang N/3000\" on each, the directive on the last page",
     "finishes in bounded time and memory; finds the 2 tasks on the last page"),
    ("deep_nesting.pdf", "page → Form XObject nested 200 deep → the directive text",
     "either reads the text or stops at a depth limit with a typed error; no stack overflow "
     "(poppler's pdftotext stops at its own form-depth limit and prints nothing)"),
    ("xobject_cycle.pdf", "directive text in the page, then a Form XObject that draws itself",
     "detect the cycle; read the page text or give a typed error. ABORTS naive readers (see below)"),
]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.pdf"
        base_pdf(base)
        (OUT / "not_a_pdf.pdf").write_bytes(
            "Đây không phải là tệp PDF.\nThis is plain UTF-8 text with a .pdf name.\n".encode("utf-8"))
        (OUT / "empty.pdf").write_bytes(b"")
        truncated(base, OUT / "truncated.pdf")
        broken_xref(base, OUT / "broken_xref.pdf")
        encrypted(base, OUT / "encrypted_empty_password.pdf", "")
        encrypted(base, OUT / "encrypted_password.pdf", "secret")
    scanned(OUT / "scanned_image_only.pdf")
    many_pages(OUT / "many_pages.pdf")
    deep_nesting(OUT / "deep_nesting.pdf")
    xobject_cycle(OUT / "xobject_cycle.pdf")
    rows = "\n".join(f"| `{f}` | {what} | {exp} |" for f, what, exp in FILES)
    (OUT / "README.md").write_text(README.format(rows=rows), encoding="utf-8")
    total = 0
    for f, *_ in FILES:
        size = (OUT / f).stat().st_size
        total += size
        print(f"{f:32} {size:>9} bytes")
    print(f"{'total':32} {total:>9} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
