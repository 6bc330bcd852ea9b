"""Per-document structure of the five seeds: header, title, body, closing.

The body wording comes from tests/data/seeds/*.txt unchanged (only line
wrapping changes). What the seeds do not contain is INVENTED here and marked
``# INVENTED`` — mostly the header of 000, 001, 002 and 004, whose extracted
text starts below the header, and the stamp values (numbers/days written into
blank fields by the signing service).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .seedparse import cut_footnote, join_lines, lines_of, paragraphs
from . import kpi004

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "data" / "seeds"


@dataclass
class Header:
    """Two-column header of Decree 30/2020 (state) or HD 36 (Party) form."""
    issuer_top: list[str]        # upper-level body, regular weight
    issuer: list[str]            # the issuing body, bold
    number: str                  # "Số: 146/KH-UBND" (may contain a blank)
    subject: list[str]           # "V/v …" lines of a Công văn
    party: bool                  # "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the motto
    date: str                    # italic place/date line


@dataclass
class Stamp:
    """Values a signing service writes over blank fields, plus stamp boxes."""
    fills: list[tuple[str, str, str, int]] = field(default_factory=list)
    # (word before blank, word after blank, value, page index) e.g. ("Số:", "/UBND-KGVX", "228", 0)
    boxes: list[tuple[str, list[str], int]] = field(default_factory=list)
    # (anchor: "signature" | "bottom", lines, page index (-1 = signature page))
    signed: str = ""             # D:YYYYMMDDHHmmSS+07'00' for the widget /M


@dataclass
class Doc:
    """Everything needed to typeset one seed document."""
    stem: str
    header: Header
    kind: str                    # "THÔNG BÁO" …; "" for a Công văn
    title: list[str]
    recipients_to: list[str]     # "Kính gửi:" list
    body: list[str]              # paragraphs (footnote placeholders inside)
    footnotes: list[str]
    noi_nhan: list[str]
    authority: list[str]
    signer: str
    appendix: list[tuple[str, str]] = field(default_factory=list)  # (style, text)
    table: list | None = None
    landscape_appendix: bool = False
    stamp: Stamp | None = None


def _seed(prefix: str) -> tuple[str, str]:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return path.stem, path.read_text(encoding="utf-8")


def _between(raw: str, start: str, end: str | None) -> str:
    i = raw.index(start)
    j = raw.index(end, i) if end else len(raw)
    return raw[i:j]


def _closing(raw: str, start: str = "Nơi nhận:") -> tuple[list[str], list[str], str]:
    """Split "Nơi nhận: …" + signature block into recipients, authority, name."""
    lines = lines_of(raw[raw.index(start) + len(start):])
    rec: list[list[str]] = []
    i = 0
    while i < len(lines) and (lines[i].startswith("- ") or (rec and not lines[i].isupper())):
        if lines[i].startswith("- "):
            rec.append([lines[i]])
        else:
            rec[-1].append(lines[i])
        i += 1
    rest = lines[i:]
    return [join_lines(r) for r in rec], rest[:-1], rest[-1]


def _footnote_text(body: str, marker: str) -> str:
    text = join_lines(lines_of(body))
    if not text.startswith(marker):
        raise ValueError(f"footnote body does not start with {marker!r}: {text[:30]!r}")
    return text[len(marker):].strip()


def doc000() -> Doc:
    stem, raw = _seed("000")
    raw, fn = cut_footnote(raw, "8.608 hồ sơ1;", "8.608 hồ sơ{fn};",
                           "1 Trong đó:", "3.558 hồ sơ.", 0)
    body = paragraphs(_between(raw, "Ngày 22/01/2026", "Nơi nhận:"), "blank")
    noi, auth, name = _closing(raw)
    return Doc(
        stem=stem,
        header=Header(                                   # INVENTED (seed has no header)
            issuer_top=["ĐẢNG BỘ TỈNH ĐẮK LẮK", "ĐẢNG ỦY PHƯỜNG EA KAO"],
            issuer=["BAN CHỈ ĐẠO 84", "*"],
            number="Số 12-TB/BCĐ",
            subject=[],
            party=True,
            date="Ea Kao, ngày 26 tháng 01 năm 2026",
        ),
        kind="THÔNG BÁO",                                # INVENTED
        title=["KẾT LUẬN CỦA TRƯỞNG BAN CHỈ ĐẠO 84",       # INVENTED
               "tại Hội nghị tổng kết công tác năm 2025 và phương hướng, nhiệm vụ năm 2026",
               "-----"],
        recipients_to=[],
        body=body,
        footnotes=[_footnote_text(fn, "1")],
        noi_nhan=noi, authority=auth, signer=name,
    )


# The 7 signature stamps at the end of 001 (text kept verbatim for the widgets).
def _stamps001(raw: str) -> list[list[str]]:
    tail = raw[raw.index("\t\tdanggiaduan@tudaclac"):]
    blocks = [b for b in re.split(r"\n\s*\n", tail) if b.strip()]
    return [[l.strip() for l in b.split("\n") if l.strip()] for b in blocks]


def doc001() -> Doc:
    stem, raw = _seed("001")
    stamps = _stamps001(raw)
    raw = raw[:raw.index("\t\tdanggiaduan@tudaclac")]    # stamp text is NOT page content
    raw, fn = cut_footnote(raw, "năm 20251;", "năm 2025{fn};",
                           "1 Chi bộ Tổ dân phố 4A", "buôn Hdrat.", 0)
    title_lines = lines_of(_between(raw, "Kết luận Hội nghị", "-----"))
    body = paragraphs(_between(raw, "Ngày 06/01/2025", "Nơi nhận:"), "blank")
    closing = _between(raw, "Nơi nhận:", " PHỤ LỤC")
    noi, auth, name = _closing(closing)
    app_raw = raw[raw.index(" PHỤ LỤC"):]
    app_lines = lines_of(app_raw)
    # PHỤ LỤC / two title lines / (kèm theo …) / -----
    appendix = [("AppKind", app_lines[0]),
                ("Title", join_lines(app_lines[1:3])),
                ("CenterItalic", app_lines[3]),
                ("Center", app_lines[4])]
    app_body = app_raw[app_raw.index("1. Chi bộ tổ dân phố 3:"):]
    appendix += [("Body", p) for p in paragraphs(app_body, "blank")]
    boxes = [("signature", stamps[0], -1)]
    # the organisation's stamps: page marks on the other pages
    for k, st in enumerate(stamps[1:]):
        boxes.append(("bottom", st, k))
    return Doc(
        stem=stem,
        header=Header(                                   # INVENTED (seed starts at "THÔNG BÁO")
            issuer_top=["ĐẢNG BỘ TỈNH ĐẮK LẮK"],
            issuer=["ĐẢNG ỦY PHƯỜNG EA KAO", "*"],
            number="Số        -TB/ĐU",                    # blank, stamped after signing
            subject=[],
            party=True,
            date="Ea Kao, ngày       tháng 01 năm 2026",  # day blank, stamped
        ),
        kind="THÔNG BÁO",
        title=[join_lines(title_lines), "-----"],
        recipients_to=[],
        body=body,
        footnotes=[_footnote_text(fn, "1")],
        noi_nhan=noi, authority=auth, signer=name,
        appendix=appendix,
        stamp=Stamp(
            fills=[("Số", "-TB/ĐU", "15", 0),             # INVENTED values (15, 09)
                   ("ngày", "tháng", "09", 0),
                   ("số", "-TB/ĐU,", "15", -1),
                   ("ngày", "/01/2026", "09", -1)],
            boxes=boxes,
            signed="D:20260109165242+07'00'",
        ),
    )


def doc002() -> Doc:
    stem, raw = _seed("002")
    raw, f1 = cut_footnote(raw, "xã Đa Huoai¹.", "xã Đa Huoai{fn}.",
                           "¹ Kế hoạch số 90/KH-UBND",
                           "Chuyển đổi số quốc gia năm 2025 trên địa bàn xã Đa Huoai.", 0)
    raw, f2 = cut_footnote(raw, "cộng đồng² với", "cộng đồng{fn} với",
                           "² Kế hoạch số 73/KH-UBND", "trên địa bàn xã Đa Huoai", 1)
    raw, f3 = cut_footnote(raw, "2025 - 2030³.", "2025 - 2030{fn}.",
                           "³ Kế hoạch số 95/KH-UBND", "Ủy ban nhân dân xã Đa Huoai.", 2)
    lines = lines_of(raw)
    body = paragraphs(_between(raw, "Căn cứ Công văn số 06-CV/BCĐ", "Nơi nhận:"), "line")
    noi, auth, name = _closing(raw)
    return Doc(
        stem=stem,
        header=Header(                                   # INVENTED (seed has no header)
            issuer_top=["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG ỦY XÃ ĐẠ HUOAI"],
            issuer=["BAN CHỈ ĐẠO PHÁT TRIỂN",
                    "KHOA HỌC, CÔNG NGHỆ,",
                    "ĐỔI MỚI SÁNG TẠO",
                    "VÀ CHUYỂN ĐỔI SỐ", "*"],
            number="Số 15-BC/BCĐ",
            subject=[],
            party=True,
            date="Đạ Huoai, ngày 29 tháng 12 năm 2025",
        ),
        kind=lines[0],
        title=[lines[1]],
        recipients_to=[],
        body=body,
        footnotes=[_footnote_text(f1, "¹"), _footnote_text(f2, "²"), _footnote_text(f3, "³")],
        noi_nhan=noi, authority=auth, signer=name,
    )


def doc003() -> Doc:
    stem, raw = _seed("003")
    # footnote marker "1" alone on its own line after "quá hạn"
    raw, fn = cut_footnote(raw, "quá hạn\n1\n); phối hợp", "quá hạn{fn}); phối hợp",
                           "                                                 \n1\n (1) Tập trung",
                           "Công nghệ). ", 0)
    fn = fn.strip(" ").lstrip()
    lines = lines_of(raw)
    number = lines[0]                                    # "Số:               /UBND-KGVX" (blank kept)
    vv = join_lines(lines[1:5])
    date = lines[7]
    kg = _between(raw, "Kính gửi:", "Thực hiện Kết luận")
    to = [l for l in lines_of(kg) if l.startswith("- ")]
    body = paragraphs(_between(raw, "Thực hiện Kết luận", "Nơi nhận:"), "wrapped")
    noi, auth, name = _closing(raw)
    return Doc(
        stem=stem,
        header=Header(
            issuer_top=["ỦY BAN NHÂN DÂN"],              # INVENTED (lost in the seed extraction)
            issuer=["TỈNH ĐẮK LẮK"],                     # INVENTED
            number=number,
            subject=[vv],
            party=False,
            date=date,
        ),
        kind="",
        title=[],
        recipients_to=to,
        body=body,
        footnotes=[_footnote_text(fn, "1")],
        noi_nhan=noi, authority=auth, signer=name,
        stamp=Stamp(
            fills=[("Số:", "/UBND-KGVX", "228", 0), ("ngày", "tháng", "28", 0)],
            boxes=[("signature", ["Ký bởi: Văn phòng Ủy ban nhân dân tỉnh",
                                  "Cơ quan: Tỉnh Đắk Lắk",
                                  "Thời gian ký: 28/10/2025 15:53:50"], -1)],
            signed="D:20251028155350+07'00'",
        ),
    )


def doc004() -> Doc:
    stem, raw = _seed("004")
    lines = lines_of(raw)
    title = join_lines(lines[1:lines.index("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ về sửa đổi, bổ sung")])
    body = paragraphs(_between(raw, "Căn cứ Nghị quyết số 71/NQ-CP", "Nơi nhận:"), "wrapped",
                      join=("- tư để triển khai",))
    noi, auth, name = _closing(_between(raw, "Nơi nhận:", "Phụ lục \n\n DANH MỤC"))
    app = lines_of(_between(raw, "Phụ lục \n\n DANH MỤC", "STT Chỉ tiêu"))
    appendix = [("AppKind", app[0]), ("Title", app[1]), ("CenterItalic", app[2])]
    return Doc(
        stem=stem,
        header=Header(                                   # INVENTED (seed starts at "KẾ HOẠCH")
            issuer_top=["ỦY BAN NHÂN DÂN"],
            issuer=["XÃ EA WY"],
            number="Số:        /KH-UBND",                 # blank as in the appendix reference
            subject=[],
            party=False,
            date="Ea Wy, ngày       tháng 7 năm 2025",
        ),
        kind=lines[0],
        title=[title],
        recipients_to=[],
        body=body,
        footnotes=[],
        noi_nhan=noi, authority=auth, signer=name,
        appendix=appendix,
        table=kpi004.resolved_rows(raw),
        landscape_appendix=True,
        stamp=Stamp(
            fills=[("Số:", "/KH-UBND", "168", 0),         # INVENTED values (168, 10)
                   ("ngày", "tháng", "10", 0),
                   ("số", "/KH-UBND", "168", -1),
                   ("ngày", "/7/2025", "10", -1)],
            boxes=[("signature", ["Ký bởi: Ủy ban nhân dân xã Ea Wy",
                                  "Cơ quan: Tỉnh Đắk Lắk",
                                  "Thời gian ký: 10/07/2025 09:12:31"], -1)],   # INVENTED
            signed="D:20250710091231+07'00'",
        ),
    )


ALL = [doc000, doc001, doc002, doc003, doc004]
