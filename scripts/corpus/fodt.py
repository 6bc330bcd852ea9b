"""Write a ``Doc`` as a flat OpenDocument text (.fodt) for LibreOffice.

Layout follows Decree 30/2020/NĐ-CP, Appendix I: A4, margins 20/20/30/20 mm,
Liberation Serif (metric-compatible with Times New Roman) 13-14 pt, the
two-column header as a borderless table, justified body with a first-line
indent, real Writer footnotes, "Nơi nhận" and the signature block as a
two-column borderless table, page numbers centred in the header from page 2.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from .documents import Doc
from .seedparse import FN
from . import kpi004

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"'
)


def _pstyle(name: str, size: float = 14, bold: bool = False, italic: bool = False,
            align: str = "justify", indent: str = "0cm", before: str = "0pt",
            after: str = "0pt", left: str = "0cm", line: str = "100%",
            extra: str = "", underline: bool = False) -> str:
    t = [f'fo:font-size="{size}pt"', f'style:font-size-complex="{size}pt"']
    if bold:
        t.append('fo:font-weight="bold" style:font-weight-complex="bold"')
    if italic:
        t.append('fo:font-style="italic" style:font-style-complex="italic"')
    if underline:
        t.append('style:text-underline-style="solid" style:text-underline-width="auto" '
                 'style:text-underline-color="font-color"')
    return (
        f'<style:style style:name="{name}" style:family="paragraph" '
        f'style:parent-style-name="Standard" {extra}>'
        f'<style:paragraph-properties fo:text-align="{align}" fo:text-indent="{indent}" '
        f'fo:margin-left="{left}" fo:margin-right="0cm" fo:margin-top="{before}" '
        f'fo:margin-bottom="{after}" fo:line-height="{line}" fo:orphans="2" fo:widows="2"/>'
        f'<style:text-properties {" ".join(t)}/></style:style>'
    )


STYLES = "".join([
    _pstyle("Body", indent="1cm", after="6pt", line="115%"),
    _pstyle("BodyB", bold=True, indent="1cm", after="6pt", line="115%"),
    _pstyle("BodyI", italic=True, indent="1cm", after="6pt", line="115%"),
    _pstyle("BodyBI", bold=True, italic=True, indent="1cm", after="6pt", line="115%"),
    _pstyle("HdrL", 13, align="center"),
    _pstyle("HdrLB", 13, bold=True, align="center"),
    _pstyle("HdrNum", 13, align="center", before="6pt"),
    _pstyle("HdrVv", 12, align="center"),
    _pstyle("HdrR", 13, bold=True, align="center"),
    _pstyle("HdrMotto", 14, bold=True, align="center"),
    _pstyle("HdrParty", 15, bold=True, align="center", underline=True),
    _pstyle("HdrDate", 14, italic=True, align="center", before="10pt"),
    _pstyle("Kind", 14, bold=True, align="center", before="18pt"),
    _pstyle("Title", 14, bold=True, align="center", after="0pt"),
    _pstyle("TitleLast", 14, bold=True, align="center", after="14pt"),
    _pstyle("Center", 14, align="center", after="10pt"),
    _pstyle("CenterItalic", 14, italic=True, align="center", after="6pt"),
    _pstyle("KgHead", 14, align="left", left="3cm", before="12pt"),
    _pstyle("KgItem", 14, align="left", left="5cm", after="0pt"),
    _pstyle("NoiHead", 12, bold=True, italic=True, align="left", before="12pt"),
    _pstyle("NoiItem", 11, align="left"),
    _pstyle("SigAuth", 14, bold=True, align="center"),
    _pstyle("SigName", 14, bold=True, align="center", before="80pt"),
    _pstyle("Footnote", 10, align="justify", indent="0.5cm"),
    _pstyle("PageNo", 13, align="center"),
    _pstyle("AppKind", 14, bold=True, align="center", extra='style:master-page-name="Standard"'),
    _pstyle("AppKindLand", 14, bold=True, align="center", extra='style:master-page-name="Landscape"'),
    _pstyle("Cell", 12, align="left"),
    _pstyle("CellC", 12, align="center"),
    _pstyle("CellB", 12, bold=True, align="left"),
    _pstyle("CellHead", 12, bold=True, align="center"),
])

AUTO = """
<style:style style:name="AppBreak" style:family="paragraph" style:parent-style-name="AppKind">
 <style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="HdrTbl" style:family="table" style:master-page-name="FirstPage">
 <style:table-properties style:width="16.6cm" table:align="center"/></style:style>
<style:style style:name="HdrTbl.A" style:family="table-column"><style:table-column-properties style:column-width="6.6cm"/></style:style>
<style:style style:name="HdrTbl.B" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
<style:style style:name="SigTbl" style:family="table">
 <style:table-properties style:width="16cm" table:align="left" fo:margin-top="12pt" fo:keep-with-next="always"/></style:style>
<style:style style:name="SigTbl.A" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
<style:style style:name="Plain" style:family="table-cell">
 <style:table-cell-properties fo:padding="0cm" fo:border="none" style:vertical-align="top"/></style:style>
<style:style style:name="KpiTbl" style:family="table">
 <style:table-properties style:width="26.2cm" table:align="center" fo:margin-top="8pt"/></style:style>
<style:style style:name="KpiTbl.A" style:family="table-column"><style:table-column-properties style:column-width="1.1cm"/></style:style>
<style:style style:name="KpiTbl.B" style:family="table-column"><style:table-column-properties style:column-width="7.0cm"/></style:style>
<style:style style:name="KpiTbl.C" style:family="table-column"><style:table-column-properties style:column-width="2.1cm"/></style:style>
<style:style style:name="KpiTbl.D" style:family="table-column"><style:table-column-properties style:column-width="4.4cm"/></style:style>
<style:style style:name="KpiTbl.E" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
<style:style style:name="KpiRow" style:family="table-row">
 <style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="Box" style:family="table-cell">
 <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
<style:style style:name="BoxMid" style:family="table-cell">
 <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
"""

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document {ns}>
<office:meta><dc:title>{title}</dc:title><meta:generator>nhiemvu scripts/make_corpus.py</meta:generator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt" fo:language="vi" fo:country="VN"
   style:font-name-complex="Liberation Serif" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 {styles}
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pmPortrait">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
   fo:margin-top="1.2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"
   style:footnote-max-height="0cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"
    style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.2cm"/></style:header-style>
 </style:page-layout>
 <style:page-layout style:name="pmLandscape">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"
   fo:margin-top="1.2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="1.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.2cm"/></style:header-style>
 </style:page-layout>
 {auto}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="FirstPage" style:page-layout-name="pmPortrait" style:next-style-name="Standard">
  <style:header><text:p text:style-name="PageNo"/></style:header>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pmPortrait">
  <style:header><text:p text:style-name="PageNo"><text:page-number text:select-page="current">2</text:page-number></text:p></style:header>
 </style:master-page>
 <style:master-page style:name="Landscape" style:page-layout-name="pmLandscape">
  <style:header><text:p text:style-name="PageNo"><text:page-number text:select-page="current">2</text:page-number></text:p></style:header>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""


def _text(s: str, footnotes: list[str] | None = None) -> str:
    """Escape text, keep runs of spaces (text:s) and expand footnote anchors."""
    out = []
    i = 0
    parts = re.split(f"({FN}.)", s)
    for part in parts:
        if part.startswith(FN) and len(part) == 2:
            idx = ord(part[1]) - 0xE100
            assert footnotes is not None
            body = _text(footnotes[idx])
            out.append(
                f'<text:note text:id="ftn{idx + 1}" text:note-class="footnote">'
                f'<text:note-citation>{idx + 1}</text:note-citation><text:note-body>'
                f'<text:p text:style-name="Footnote">{body}</text:p></text:note-body></text:note>'
            )
            continue
        esc = escape(part)
        esc = re.sub(r" {2,}", lambda m: " " + f'<text:s text:c="{len(m.group()) - 1}"/>', esc)
        out.append(esc)
        i += 1
    return "".join(out)


def _p(style: str, s: str, footnotes: list[str] | None = None) -> str:
    return f'<text:p text:style-name="{style}">{_text(s, footnotes)}</text:p>'


def body_style(p: str) -> str:
    """Pick the paragraph style from the outline marker and the shape of the text."""
    ends = p.rstrip()[-1:]
    if re.match(r"^[IVX]+\.\s", p):
        return "BodyB"
    if re.match(r"^\d+(\.\d+)*\.\s", p) and (ends not in ".;" and len(p) < 300):
        return "BodyB"
    if re.match(r"^[a-zđ]\)\s", p) and ends not in ".;:" and len(p) < 80:
        return "BodyBI"
    if p.startswith("(") and p.rstrip().endswith(")") and len(p) < 120:
        return "BodyI"
    return "Body"


def _header(doc: Doc) -> str:
    h = doc.header
    left = [_p("HdrL", s) for s in h.issuer_top] + [_p("HdrLB", s) for s in h.issuer]
    left.append(_p("HdrNum", h.number))
    left += [_p("HdrVv", s) for s in h.subject]
    if h.party:
        right = [_p("HdrParty", "ĐẢNG CỘNG SẢN VIỆT NAM")]
    else:
        right = [_p("HdrR", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                 _p("HdrMotto", "Độc lập - Tự do - Hạnh phúc")]
    right.append(_p("HdrDate", h.date))
    return (
        '<table:table table:name="Header" table:style-name="HdrTbl">'
        '<table:table-column table:style-name="HdrTbl.A"/><table:table-column table:style-name="HdrTbl.B"/>'
        '<table:table-row>'
        f'<table:table-cell table:style-name="Plain" office:value-type="string">{"".join(left)}</table:table-cell>'
        f'<table:table-cell table:style-name="Plain" office:value-type="string">{"".join(right)}</table:table-cell>'
        '</table:table-row></table:table>'
    )


def _closing(doc: Doc) -> str:
    left = [_p("NoiHead", "Nơi nhận:")] + [_p("NoiItem", s) for s in doc.noi_nhan]
    right = [_p("SigAuth", s) for s in doc.authority] + [_p("SigName", doc.signer)]
    return (
        '<table:table table:name="Signature" table:style-name="SigTbl">'
        '<table:table-column table:style-name="SigTbl.A" table:number-columns-repeated="2"/>'
        '<table:table-row>'
        f'<table:table-cell table:style-name="Plain" office:value-type="string">{"".join(left)}</table:table-cell>'
        f'<table:table-cell table:style-name="Plain" office:value-type="string">{"".join(right)}</table:table-cell>'
        '</table:table-row></table:table>'
    )


def _cell(style: str, text: str, cell: str = "Box", span: int = 1, rows: int = 1) -> str:
    attrs = ""
    if span > 1:
        attrs += f' table:number-columns-spanned="{span}"'
    if rows > 1:
        attrs += f' table:number-rows-spanned="{rows}"'
    paras = "".join(_p(style, t) for t in text.split("\n")) if text else f'<text:p text:style-name="{style}"/>'
    c = f'<table:table-cell table:style-name="{cell}" office:value-type="string"{attrs}>{paras}</table:table-cell>'
    c += "<table:covered-table-cell/>" * (span - 1)
    return c


def _kpi_table(rows: list[tuple]) -> str:
    cols = ('<table:table-column table:style-name="KpiTbl.A"/><table:table-column table:style-name="KpiTbl.B"/>'
            '<table:table-column table:style-name="KpiTbl.C" table:number-columns-repeated="5"/>'
            '<table:table-column table:style-name="KpiTbl.D"/><table:table-column table:style-name="KpiTbl.E"/>')
    h = kpi004.HEAD
    head1 = ("<table:table-row>" + _cell("CellHead", h[0], "BoxMid", rows=2)
             + _cell("CellHead", h[1], "BoxMid", rows=2) + _cell("CellHead", h[2], "BoxMid", span=5)
             + _cell("CellHead", h[3], "BoxMid", rows=2) + _cell("CellHead", h[4], "BoxMid", rows=2)
             + "</table:table-row>")
    head2 = ("<table:table-row>" + "<table:covered-table-cell/>" * 2
             + "".join(_cell("CellHead", m, "BoxMid") for m in kpi004.MILESTONES)
             + "<table:covered-table-cell/>" * 2 + "</table:table-row>")
    body = []
    for row in rows:
        if len(row) == 2:
            body.append('<table:table-row table:style-name="KpiRow">' + _cell("CellHead", row[0])
                        + _cell("CellB", row[1], span=8) + "</table:table-row>")
        else:
            stt, ind, vals, resp, mon = row
            body.append('<table:table-row table:style-name="KpiRow">' + _cell("CellC", stt) + _cell("Cell", ind)
                        + "".join(_cell("CellC", v) for v in vals)
                        + _cell("CellC", resp) + _cell("CellC", mon) + "</table:table-row>")
    return ('<table:table table:name="KPI" table:style-name="KpiTbl">' + cols
            + "<table:table-header-rows>" + head1 + head2 + "</table:table-header-rows>"
            + "".join(body) + "</table:table>")


def render(doc: Doc) -> str:
    """The complete .fodt document for ``doc``."""
    out = [_header(doc)]
    if doc.kind:
        out.append(_p("Kind", doc.kind))
    for i, t in enumerate(doc.title):
        last = i == len(doc.title) - 1
        out.append(_p("Center" if t == "-----" else ("TitleLast" if last else "Title"), t))
    if doc.recipients_to:
        out.append(_p("KgHead", "Kính gửi:"))
        out += [_p("KgItem", r) for r in doc.recipients_to]
        out.append(_p("Center", ""))
    for para in doc.body:
        out.append(_p(body_style(para), para, doc.footnotes))
    out.append(_closing(doc))
    first = True
    for style, text in doc.appendix:
        if first:
            style = "AppKindLand" if doc.landscape_appendix else "AppKind"
            first = False
        elif style == "Body":
            style = body_style(text)
        out.append(_p(style, text, doc.footnotes))
    if doc.table:
        out.append(_kpi_table(doc.table))
    return TEMPLATE.format(ns=_NS, title=escape(doc.stem), styles=STYLES, auto=AUTO,
                           body="\n".join(out))
