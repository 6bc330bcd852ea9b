#!/usr/bin/env python3
"""Build the small test PDFs under tests/data/pdf/ (committed, so tests need no LibreOffice).

Needs: libreoffice-writer (soffice), poppler-utils (pdftocairo), qpdf, fonts-liberation2.
Run from the repository root:  python3 scripts/make_test_pdfs.py

Outputs:
  header_footnote.pdf      two-page Kế hoạch from LibreOffice: borderless two-column header
                           table, a paragraph with a real footnote, a page-number footer
                           (simple TrueType fonts, as LibreOffice writes them)
  header_footnote_cid.pdf  the same through pdftocairo (Identity-H CID fonts, like Word output)
  encrypted_empty.pdf      header_footnote.pdf, AES-256, empty user password
  encrypted_user.pdf       header_footnote.pdf, AES-256, user password "secret"
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "pdf")

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
    style:font-family-generic="roman" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Footnote" style:family="paragraph">
   <style:text-properties fo:font-size="10pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="left"/>
  </style:style>
  <style:style style:name="TblA" style:family="table-column">
   <style:table-column-properties style:column-width="6.5cm"/>
  </style:style>
  <style:style style:name="TblB" style:family="table-column">
   <style:table-column-properties style:column-width="10cm"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.05cm" fo:border="none"/>
  </style:style>
  <style:style style:name="HL" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="HLB" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HRB" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HRI" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.8cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"
     fo:margin-top="0.15cm" fo:line-height="130%"/>
  </style:style>
  <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:style style:name="Foot" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:page-layout style:name="PL">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
     fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
   <style:footer-style/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="PL">
   <style:footer><text:p text:style-name="Foot"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <table:table table:name="Header" table:style-name="Tbl">
   <table:table-column table:style-name="TblA"/>
   <table:table-column table:style-name="TblB"/>
   <table:table-row>
    <table:table-cell table:style-name="Cell" office:value-type="string">
     <text:p text:style-name="HL">ỦY BAN NHÂN DÂN</text:p>
     <text:p text:style-name="HLB">TỈNH ĐẮK LẮK</text:p>
    </table:table-cell>
    <table:table-cell table:style-name="Cell" office:value-type="string">
     <text:p text:style-name="HLB">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
     <text:p text:style-name="HRB">Độc lập - Tự do - Hạnh phúc</text:p>
    </table:table-cell>
   </table:table-row>
   <table:table-row>
    <table:table-cell table:style-name="Cell" office:value-type="string">
     <text:p text:style-name="HRI">Số: 146/KH-UBND</text:p>
    </table:table-cell>
    <table:table-cell table:style-name="Cell" office:value-type="string">
     <text:p text:style-name="HRI">Đắk Lắk, ngày 12 tháng 10 năm 2025</text:p>
    </table:table-cell>
   </table:table-row>
  </table:table>
  <text:p text:style-name="Title">KẾ HOẠCH</text:p>
  <text:p text:style-name="Title">Triển khai chuyển đổi số năm 2026</text:p>
  <text:p text:style-name="Body">Kết quả giải quyết thủ tục hành chính từ 01/7/2025 đến 30/12/2025: trả kết quả 8.608 hồ sơ<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Số liệu từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đắk Lắk.</text:p></text:note-body></text:note>; cụ thể: trả kết quả trực tuyến 4.796/5.050 hồ sơ, đạt 94,97%.</text:p>
  <text:p text:style-name="Body">1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số, hoàn thành trước ngày 31/12/2026.</text:p>
  <text:p text:style-name="Break">2. Các sở, ban, ngành thường xuyên cập nhật dữ liệu lên Cổng thông tin điện tử của tỉnh.</text:p>
 </office:text></office:body>
</office:document>
"""


def run(*args, **kw):
    print("+", " ".join(args), file=sys.stderr)
    subprocess.run(args, check=True, **kw)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "header_footnote.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(FODT)
        # A private profile so a running LibreOffice or a missing home does not interfere.
        profile = "file://" + os.path.join(tmp, "profile")
        run("soffice", f"-env:UserInstallation={profile}", "--headless",
            "--convert-to", "pdf", "--outdir", tmp, src, stdout=subprocess.DEVNULL)
        plain = os.path.join(OUT, "header_footnote.pdf")
        shutil.copyfile(os.path.join(tmp, "header_footnote.pdf"), plain)
    run("pdftocairo", "-pdf", plain, os.path.join(OUT, "header_footnote_cid.pdf"))
    run("qpdf", "--encrypt", "", "owner-pass", "256", "--", plain,
        os.path.join(OUT, "encrypted_empty.pdf"))
    run("qpdf", "--encrypt", "secret", "owner-pass", "256", "--", plain,
        os.path.join(OUT, "encrypted_user.pdf"))


if __name__ == "__main__":
    main()
