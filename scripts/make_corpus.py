#!/usr/bin/env python3
"""Build realistic PDFs of the five seed documents: corpus/<NNN>_<hash>.pdf.

The seeds (tests/data/seeds/*.txt) are text extracted from signed Vietnamese
directive PDFs that we do not have. This script typesets them again the way
Vietnamese offices do (Decree 30/2020/NĐ-CP form for state bodies, HD 36 form
for Party bodies): A4, Liberation Serif 13-14 pt, the two-column header as a
borderless table, bold centred kind and title, bold numbered headings,
justified body with a first-line indent, real Writer footnotes, the KPI
appendix of 004 as a real table on landscape pages, "Kính gửi:" for the Công
văn, "Nơi nhận:" + signature block as a borderless two-column table, page
numbers in the header from page 2. Body wording is byte-identical to the
seeds (decomposed letters included); only line wrapping changes.

After conversion, signing-service marks are added as signature-field widgets
(not page content): for 003 (and 001, 004) the number and day written into the
header blanks, and stamp boxes ("Ký bởi: …", or the X.509 stamp text that
ends seed 001).

What is INVENTED (the seeds' extracted text lacks it) is marked in
scripts/corpus/documents.py:
  000  whole header: "ĐẢNG BỘ TỈNH ĐẮK LẮK / ĐẢNG ỦY PHƯỜNG EA KAO / BAN CHỈ ĐẠO 84",
       "Số 12-TB/BCĐ", "Ea Kao, ngày 26 tháng 01 năm 2026", kind "THÔNG BÁO" and title.
  001  header: "ĐẢNG BỘ TỈNH ĐẮK LẮK / ĐẢNG ỦY PHƯỜNG EA KAO", number and day left
       blank ("Số -TB/ĐU", "ngày tháng 01 năm 2026") and stamped "15" / "09".
  002  header: "ĐẢNG BỘ TỈNH LÂM ĐỒNG / ĐẢNG ỦY XÃ ĐẠ HUOAI / BAN CHỈ ĐẠO …",
       "Số 15-BC/BCĐ", "Đạ Huoai, ngày 29 tháng 12 năm 2025".
  003  issuer lines "ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK" (number, V/v, date are the
       seed's; number and day stay blank in the page, stamped "228" / "28").
  004  header "ỦY BAN NHÂN DÂN / XÃ EA WY", number and day blank (as the
       appendix reference in the seed), stamped "168" / "10"; its stamp box.

Prerequisites (Debian/Ubuntu):
    apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils qpdf
    pip install pikepdf fonttools

Run (from the repository root):
    python3 scripts/make_corpus.py            # build corpus/*.pdf, then check
    python3 scripts/make_corpus.py --check    # only check the committed PDFs

The check: for every quote in fixtures/gold/*.gold.json, the quote NFC-
normalised, lowercased and with all whitespace removed must be a substring of
the same normalisation of `pdftotext` output of the matching PDF. Table rows
are searched in `pdftotext -raw` (content-stream order) when the default
reading-order mode reorders table columns; such quotes are listed as "raw".
It also checks that the stamp texts are NOT in the page text and that the
widget appearance streams exist.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "fixtures" / "gold"


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s).lower())


def pdftotext(pdf: Path, *opts: str) -> str:
    return subprocess.run(["pdftotext", *opts, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def build() -> None:
    from corpus import documents, fodt, stamps

    CORPUS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = [f() for f in documents.ALL]
        for doc in docs:
            (tmp / f"{doc.stem}.fodt").write_text(fodt.render(doc), encoding="utf-8")
        profile = tmp / "lo-profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp)]
            + [str(tmp / f"{d.stem}.fodt") for d in docs],
            check=True, capture_output=True)
        for doc in docs:
            src = tmp / f"{doc.stem}.pdf"
            dst = CORPUS / f"{doc.stem}.pdf"
            if doc.stamp:
                for line in stamps.apply(src, dst, doc):
                    print(f"{doc.stem}: {line}")
            else:
                stamps.normalise(src, dst, "D:20260101000000+07'00'")
            pages = len(re.findall(r"\f", pdftotext(dst)))
            print(f"{doc.stem}: {pages} pages, {dst.stat().st_size} bytes -> {dst.relative_to(ROOT)}")


def check() -> bool:
    import pikepdf
    from corpus import documents

    ok = True
    for gold in sorted(GOLD.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pdf = CORPUS / f"{stem}.pdf"
        if not pdf.exists():
            print(f"FAIL {stem}: {pdf} missing")
            ok = False
            continue
        plain, raw = _norm(pdftotext(pdf)), _norm(pdftotext(pdf, "-raw"))
        quotes = [t["quote"] for t in json.loads(gold.read_text(encoding="utf-8"))["tasks"]]
        bad = [q for q in quotes if _norm(q) not in plain and _norm(q) not in raw]
        viaraw = [q for q in quotes if _norm(q) not in plain and _norm(q) in raw]
        status = "ok  " if not bad else "FAIL"
        print(f"{status} {stem}: {len(quotes) - len(bad)}/{len(quotes)} gold quotes found"
              + (f" ({len(viaraw)} only in -raw order: {viaraw})" if viaraw else ""))
        for q in bad:
            print(f"     missing: {q!r}")
        ok &= not bad

    # stamps: in widget appearances, not in the page text
    for make in documents.ALL:
        doc = make()
        if not doc.stamp:
            continue
        pdf = CORPUS / f"{doc.stem}.pdf"
        # page content only: the same PDF with its annotations removed
        with tempfile.TemporaryDirectory() as tmp, pikepdf.open(pdf) as p:
            for page in p.pages:
                if "/Annots" in page.obj:
                    del page.obj["/Annots"]
            bare = Path(tmp) / "bare.pdf"
            p.save(bare)
            text = _norm(pdftotext(bare) + pdftotext(bare, "-raw"))
        leaked = [l for _, lines, _ in doc.stamp.boxes for l in lines if _norm(l) in text]
        shown = _norm(pdftotext(pdf))
        drawn = sum(_norm(l) in shown for _, lines, _ in doc.stamp.boxes for l in lines)
        with pikepdf.open(pdf) as p:
            widgets = [a for page in p.pages for a in page.obj.get("/Annots", [])
                       if a.get("/Subtype") == "/Widget" and a.get("/FT") == "/Sig"]
            with_ap = [a for a in widgets if "/AP" in a and "/N" in a.AP
                       and a.AP.N.get("/Subtype") == "/Form" and len(a.AP.N.read_bytes()) > 0]
        expect = len(doc.stamp.boxes) + len({p for *_, p in doc.stamp.fills})
        good = not leaked and len(with_ap) >= expect
        print(f"{'ok  ' if good else 'FAIL'} {doc.stem}: {len(with_ap)}/{len(widgets)} /Sig widgets with "
              f"/AP /N appearance (expected >= {expect}); stamp text in page content: {leaked or 'none'}; "
              f"stamp lines drawn by pdftotext from the appearances: {drawn}")
        ok &= good
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing corpus/*.pdf")
    args = ap.parse_args()
    for tool in ("pdftotext",) + (() if args.check else ("soffice",)):
        if not shutil.which(tool):
            print(f"missing prerequisite: {tool}", file=sys.stderr)
            return 2
    if not args.check:
        build()
    return 0 if check() else 1


if __name__ == "__main__":
    sys.exit(main())
