"""Signing-service marks added after conversion, as Widget annotations.

Vietnamese practice (Decree 30/2020, App. I §II.8.b): the issuing body's
digital signature writes the document number and the day into the blanks of
the header ("Số:      /UBND-KGVX", "ngày      tháng 10 năm 2025") and shows a
stamp box ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …"). These are NOT page
content: each is a signature field (/FT /Sig, no /V) whose widget has a normal
appearance stream (/AP /N Form XObject). The text is drawn with Liberation
Serif embedded as a Type0/Identity-H font (subset, original glyph ids kept)
with a ToUnicode CMap, so any Vietnamese letter can be drawn and extracted.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name, String

from .documents import Doc

FONT_PATHS = [
    Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
]


@dataclass
class Word:
    """One word box from ``pdftotext -bbox`` (PDF user space, y up)."""
    text: str
    x0: float
    x1: float
    base: float   # baseline y
    size: float   # font size estimate


def words(pdf: Path, page: int) -> tuple[list[Word], float, float]:
    """Words of one page (0-based) with their boxes, and the page size."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(pdf), "-"],
        check=True, capture_output=True, text=True).stdout
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(m.group(1)), float(m.group(2))
    out = []
    for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html):
        x0, y0, x1, y1 = map(float, w.groups()[:4])
        text = (w.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", '"').replace("&apos;", "'"))
        size = (y1 - y0) / 1.107            # Liberation Serif ascent+descent = 1.107 em
        out.append(Word(text, x0, x1, height - y1 + 0.216 * size, size))
    return out, width, height


class Font:
    """Liberation Serif as an embedded Type0 (Identity-H) font in ``pdf``."""

    def __init__(self, pdf: pikepdf.Pdf, text: str):
        path = next(p for p in FONT_PATHS if p.exists())
        self.tt = TTFont(str(path))
        self.cmap = self.tt.getBestCmap()
        self.upm = self.tt["head"].unitsPerEm
        self.hmtx = self.tt["hmtx"]
        chars = sorted(set(unicodedata.normalize("NFC", text)) | {" "})
        gids = {self.tt.getGlyphID(self.cmap[ord(c)]) for c in chars}
        opts = subset.Options()
        opts.retain_gids = True
        opts.notdef_outline = True
        opts.name_IDs = ["*"]
        opts.drop_tables += ["FFTM"]
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=[ord(c) for c in chars])
        font = TTFont(str(path), recalcTimestamp=False)
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        base = Name("/NVSTMP+LiberationSerif")
        os2 = self.tt["OS/2"]
        head = self.tt["head"]
        k = 1000 / self.upm
        desc = pdf.make_indirect(Dictionary(
            Type=Name.FontDescriptor, FontName=base, Flags=6,
            FontBBox=Array([int(head.xMin * k), int(head.yMin * k), int(head.xMax * k), int(head.yMax * k)]),
            ItalicAngle=0, Ascent=int(os2.sTypoAscender * k), Descent=int(os2.sTypoDescender * k),
            CapHeight=int(getattr(os2, "sCapHeight", 662) * k), StemV=80,
            FontFile2=pdf.make_stream(buf.getvalue()),
        ))
        widths = []
        tounicode = []
        for c in chars:
            gid = self.tt.getGlyphID(self.cmap[ord(c)])
            widths += [gid, Array([round(self.hmtx[self.cmap[ord(c)]][0] * k)])]
            tounicode.append(f"<{gid:04X}> <{c.encode('utf-16-be').hex().upper()}>")
        cid = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=base,
            CIDSystemInfo=Dictionary(Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0),
            FontDescriptor=desc, W=Array(widths), DW=1000, CIDToGIDMap=Name.Identity,
        ))
        cmap = (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{len(tounicode)} beginbfchar\n" + "\n".join(tounicode) + "\nendbfchar\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        )
        self.obj = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.Type0, BaseFont=base, Encoding=Name("/Identity-H"),
            DescendantFonts=Array([cid]), ToUnicode=pdf.make_stream(cmap.encode()),
        ))

    def hex(self, s: str) -> str:
        """The string as <gid gid …> for an Identity-H Tj."""
        s = unicodedata.normalize("NFC", s)
        return "<" + "".join(f"{self.tt.getGlyphID(self.cmap[ord(c)]):04X}" for c in s) + ">"

    def width(self, s: str, size: float) -> float:
        s = unicodedata.normalize("NFC", s)
        return sum(self.hmtx[self.cmap[ord(c)]][0] for c in s) * size / self.upm


def _wrap(font: Font, line: str, size: float, maxw: float) -> list[str]:
    out, cur = [], ""
    for tok in re.split(r"(?<=[ ,])", line):
        if cur and font.width(cur + tok, size) > maxw:
            out.append(cur.rstrip())
            cur = tok
        else:
            cur += tok
    if cur.strip():
        out.append(cur.rstrip())
    return out


def _widget(pdf: pikepdf.Pdf, page: pikepdf.Page, font: Font, rect: list[float],
            content: str, name: str, signed: str, tip: str) -> Dictionary:
    x0, y0, x1, y1 = rect
    ap = pdf.make_stream(content.encode("latin-1"))
    ap.Type = Name.XObject
    ap.Subtype = Name.Form
    ap.BBox = Array([0, 0, round(x1 - x0, 2), round(y1 - y0, 2)])
    ap.Resources = Dictionary(Font=Dictionary(F1=font.obj))
    annot = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Sig, T=String(name), TU=String(tip),
        Rect=Array([round(v, 2) for v in rect]), F=4, P=page.obj, M=String(signed),
        AP=Dictionary(N=ap),
    ))
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    page.obj.Annots.append(annot)
    return annot


def _find_blank(ws: list[Word], before: str, after: str) -> tuple[Word, Word] | None:
    for i, w in enumerate(ws):
        if w.text != before:
            continue
        cands = [v for v in ws if v.text.startswith(after) and v.x0 > w.x1 and abs(v.base - w.base) < 2]
        if cands:
            return w, min(cands, key=lambda v: v.x0)
    return None


def apply(src: Path, dst: Path, doc: Doc) -> list[str]:
    """Add the stamp widgets of ``doc`` to ``src``, write ``dst``; return a log."""
    st = doc.stamp
    log = []
    pdf = pikepdf.open(src)
    text = "".join(v for _, _, v, _ in st.fills) + "".join("".join(l) for _, l, _ in st.boxes)
    font = Font(pdf, text + "0123456789")
    fields = []
    npages = len(pdf.pages)
    page_words = {p: words(src, p) for p in range(npages)}

    # (a) numbers/days written into the blanks: one widget per page
    by_page: dict[int, list[tuple[Word, Word, str]]] = {}
    for before, after, value, page in st.fills:
        pages = [page] if page >= 0 else list(range(1, npages))
        for p in pages:
            hit = _find_blank(page_words[p][0], before, after)
            if hit:
                by_page.setdefault(p, []).append((hit[0], hit[1], value))
                break
        else:
            raise ValueError(f"{doc.stem}: blank between {before!r} and {after!r} not found")
    for n, (p, fills) in enumerate(sorted(by_page.items())):
        size = fills[0][0].size
        items = []
        for a, b, value in fills:
            w = font.width(value, a.size)
            x = (a.x1 + b.x0 - w) / 2
            items.append((x, a.base, a.size, value))
        rx0 = min(x for x, *_ in items) - 2
        ry0 = min(y for _, y, *_ in items) - 0.3 * size
        rx1 = max(x + font.width(v, s) for x, _, s, v in items) + 2
        ry1 = max(y for _, y, *_ in items) + 0.95 * size
        ops = ["q 0 0 0 rg BT"]
        for x, y, s, v in items:
            ops.append(f"/F1 {s:.2f} Tf 1 0 0 1 {x - rx0:.2f} {y - ry0:.2f} Tm {font.hex(v)} Tj")
        ops.append("ET Q")
        fields.append(_widget(pdf, pdf.pages[p], font, [rx0, ry0, rx1, ry1], "\n".join(ops),
                              f"SoVaNgay{n + 1}", st.signed, "Số, ngày văn bản"))
        log.append(f"page {p + 1}: number/day {[v for *_, v in fills]} at "
                   f"{[(round(x), round(y)) for x, y, _, _ in items]}")

    # (b) visible signature stamps
    for n, (anchor, lines, page) in enumerate(st.boxes):
        size, lead, pad = (8.0, 9.6, 4.0) if len(lines) <= 4 else (7.0, 8.2, 3.0)
        if anchor == "signature":
            p = next(i for i in reversed(range(npages))
                     if any(w.text == doc.signer.split()[-1] for w in page_words[i][0]))
            ws = page_words[p][0]
            parts = doc.signer.split()
            starts = [i for i in range(len(ws) - len(parts) + 1)
                      if [w.text for w in ws[i:i + len(parts)]] == parts]
            name = ws[starts[-1]:starts[-1] + len(parts)]
            cx = (min(w.x0 for w in name) + max(w.x1 for w in name)) / 2
            top_of_name = max(w.base for w in name) + name[0].size
            boxw = 215.0
        else:
            p = page % npages
            ws, pw, ph = page_words[p]
            boxw = 300.0
            cx = pw - 60 - boxw / 2
            top_of_name = None
        body = [l for line in lines for l in _wrap(font, line, size, boxw - 2 * pad)]
        boxh = len(body) * lead + 2 * pad
        if top_of_name is not None:
            y0 = top_of_name + 6
        else:
            y0 = 14.0
        rect = [cx - boxw / 2, y0, cx + boxw / 2, y0 + boxh]
        ops = ["q 0.75 w 0.85 0.1 0.1 RG", f"0.5 0.5 {boxw - 1:.2f} {boxh - 1:.2f} re S",
               "0 0 0.55 rg BT"]
        y = boxh - pad - size
        for l in body:
            ops.append(f"/F1 {size} Tf 1 0 0 1 {pad:.2f} {y:.2f} Tm {font.hex(l)} Tj")
            y -= lead
        ops.append("ET Q")
        fields.append(_widget(pdf, pdf.pages[p], font, rect, "\n".join(ops),
                              f"Signature{n + 1}", st.signed, "Chữ ký số"))
        log.append(f"page {p + 1}: stamp box {len(body)} lines at ({round(rect[0])}, {round(rect[1])})")

    pdf.Root.AcroForm = pdf.make_indirect(Dictionary(Fields=Array(fields)))
    _fix_metadata(pdf, st.signed)
    pdf.save(dst, deterministic_id=True, compress_streams=True)
    return log


def _fix_metadata(pdf: pikepdf.Pdf, date: str) -> None:
    """Fixed dates so that rebuilding gives the same bytes."""
    for key in ("/DocChecksum", "/ID"):             # LibreOffice's, vary per run
        if key in pdf.trailer:
            del pdf.trailer[key]
    if date:
        pdf.docinfo[Name.CreationDate] = String(date)
        pdf.docinfo[Name.ModDate] = String(date)


def normalise(src: Path, dst: Path, date: str) -> None:
    """Rewrite a plain LibreOffice PDF with fixed dates and a deterministic /ID."""
    pdf = pikepdf.open(src)
    _fix_metadata(pdf, date)
    pdf.save(dst, deterministic_id=True, compress_streams=True)
