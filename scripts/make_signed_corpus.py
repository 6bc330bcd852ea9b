#!/usr/bin/env python3
"""Build the signed-PDF test corpus in tests/data/signed/ and its expected verdicts.

What it makes (all from one short Vietnamese directive converted by LibreOffice):
a self-made CA, a personal signer "Nguyễn Văn Â" and an organisation signer
"ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"; PDFs signed once (SHA-256, SHA-1, adbe.pkcs7.sha1, and once
with the CMS written by cryptography's own PKCS#7 encoder),
twice (the office's stamp as an incremental update whose widget writes the number
"228" and the day "28" into the header's blanks), tampered inside the signed range,
changed after signing by an appended revision, with a broken RSA signature value,
with an ECDSA key and with BER-encoded /Contents. expected.json holds the verdicts this
script knows it built, independently of the Rust reader.

Prerequisites (only to regenerate; the Rust tests read the committed output):
  - python3 with `cryptography` >= 41: Debian `apt-get install python3-cryptography`
    or `pip install cryptography`;
  - LibreOffice `soffice` (Debian `libreoffice-writer-nogui`) for the base PDF;
  - poppler-utils: `pdftotext` finds the header blanks; `pdfsig` checks the output by hand.

Run from the repository root:  python3 scripts/make_signed_corpus.py
Keys are new on every run, so the PDF bytes change but the verdicts do not.

The CMS SignedData is assembled here with a small DER writer rather than a library so
that the corpus carries what real signers emit and libraries avoid: SHA-1, signed
attributes not in DER (sorted) order, BER indefinite lengths, ECDSA.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

OUT = os.path.join("tests", "data", "signed")

BASE_TEXT = """ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK
Số: ........./CT-UBND
Đắk Lắk, ngày ...... tháng 3 năm 2025

CHỈ THỊ
Về việc tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2025

1. Giao Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu bố trí kinh phí, hoàn thành trước ngày 30/6/2025.
2. Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.

CHỦ TỊCH
Nguyễn Văn Â
"""

ORG = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
PERSON = "Nguyễn Văn Â"
CA_NAME = "Cơ quan chứng thực thử nghiệm nhiemvu"
SIGN_TIME = datetime.datetime(2025, 3, 28, 2, 15, 0, tzinfo=datetime.timezone.utc)
PDF_TIME_1 = "D:20250328091500+07'00'"
PDF_TIME_2 = "D:20250328103000+07'00'"
CONTENTS_RESERVE = 4096  # bytes of DER room in each /Contents

# ---------------------------------------------------------------- DER writer


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    return bytes([tag]) + der_len(len(body)) + body


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_of(*items):
    return tlv(0x31, b"".join(sorted(items)))


def oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7F]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(enc))
    return tlv(0x06, body)


def integer(n):
    return tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big"))


def octets(b):
    return tlv(0x04, b)


NULL = b"\x05\x00"
OID_DATA = "1.2.840.113549.1.7.1"
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SIGNING_TIME = "1.2.840.113549.1.9.5"
OID_SIGNING_CERT_V2 = "1.2.840.113549.1.9.16.2.47"
OID_RSA = "1.2.840.113549.1.1.1"
OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"
DIGESTS = {
    "sha1": ("1.3.14.3.2.26", hashes.SHA1),
    "sha256": ("2.16.840.1.101.3.4.2.1", hashes.SHA256),
}


def cms_signed_data(
    content,
    signer,
    chain,
    digest,
    *,
    embed=False,
    attr_order="der",
    cades=False,
    ber=False,
    break_signature=False,
    sid_by_key_id=False,
):
    """CMS SignedData over `content` (detached unless `embed`), signed attributes included."""
    key, cert = signer
    cert_der = cert.public_bytes(serialization.Encoding.DER)
    oid_hash, hash_cls = DIGESTS[digest]
    alg = seq(oid(oid_hash), NULL)
    ct = seq(oid(OID_CONTENT_TYPE), set_of(oid(OID_DATA)))
    st = seq(oid(OID_SIGNING_TIME), set_of(tlv(0x17, SIGN_TIME.strftime("%y%m%d%H%M%SZ").encode())))
    md = seq(oid(OID_MESSAGE_DIGEST), set_of(octets(hashlib.new(digest, content).digest())))
    attrs = [ct, st, md]
    if cades:
        ess = seq(seq(seq(octets(hashlib.sha256(cert_der).digest()))))
        attrs.append(seq(oid(OID_SIGNING_CERT_V2), set_of(ess)))
    if attr_order == "der":
        attrs.sort()
    else:  # as many signers write them: contentType, messageDigest, signingTime
        attrs = [ct, md, st] + attrs[3:]
    attr_body = b"".join(attrs)
    to_sign = tlv(0x31, attr_body)
    if isinstance(key, rsa.RSAPrivateKey):
        sig = key.sign(to_sign, padding.PKCS1v15(), hash_cls())
        sig_alg = seq(oid(OID_RSA), NULL)
    else:
        sig = key.sign(to_sign, ec.ECDSA(hashes.SHA256()))
        sig_alg = seq(oid(OID_ECDSA_SHA256))
    if break_signature:
        sig = sig[:-8] + bytes([sig[-8] ^ 0x01]) + sig[-7:]
    if sid_by_key_id:  # SignerInfo version 3, [0] IMPLICIT SubjectKeyIdentifier
        ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
        sid, version = tlv(0x80, ski), 3
    else:
        sid, version = seq(cert.issuer.public_bytes(), integer(cert.serial_number)), 1
    signer_info = seq(integer(version), sid, alg, tlv(0xA0, attr_body), sig_alg, octets(sig))
    certs = tlv(0xA0, cert_der + b"".join(c.public_bytes(serialization.Encoding.DER) for c in chain))
    encap = seq(oid(OID_DATA), tlv(0xA0, octets(content))) if embed else seq(oid(OID_DATA))
    signed_data = seq(integer(version), set_of(alg), encap, certs, set_of(signer_info))
    if ber:  # indefinite lengths on the two outer layers, as some signers write
        return b"\x30\x80" + oid(OID_SIGNED_DATA) + b"\xa0\x80" + signed_data + b"\x00\x00\x00\x00"
    return seq(oid(OID_SIGNED_DATA), tlv(0xA0, signed_data))


# ---------------------------------------------------------------- keys and certificates


def name(attrs):
    out = []
    for oid_, value, *typ in attrs:
        if typ:
            out.append(x509.NameAttribute(oid_, value, _type=typ[0]))
        else:
            out.append(x509.NameAttribute(oid_, value))
    return x509.Name(out)


def make_cert(subject, issuer_name, pub, issuer_key, serial, ca=False):
    b = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(pub)
        .serial_number(serial)
        .not_valid_before(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc))
        .not_valid_after(datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
    )
    return b.sign(issuer_key, hashes.SHA256())


def make_identities():
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = name([(NameOID.COMMON_NAME, CA_NAME), (NameOID.ORGANIZATION_NAME, "nhiemvu test"), (NameOID.COUNTRY_NAME, "VN")])
    ca = make_cert(ca_name, ca_name, ca_key.public_key(), ca_key, 1, ca=True)
    person_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    person_name = name(
        [
            (NameOID.COUNTRY_NAME, "VN"),
            (NameOID.STATE_OR_PROVINCE_NAME, "Đắk Lắk"),
            (NameOID.LOCALITY_NAME, "Buôn Ma Thuột"),
            (NameOID.ORGANIZATION_NAME, ORG),
            (NameOID.ORGANIZATIONAL_UNIT_NAME, "Văn phòng", _ASN1Type.BMPString),
            (NameOID.COMMON_NAME, PERSON),
            (NameOID.EMAIL_ADDRESS, "nva@daklak.gov.vn"),
        ]
    )
    person = make_cert(person_name, ca_name, person_key.public_key(), ca_key, 0x2025032801)
    org_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    org_name = name([(NameOID.COUNTRY_NAME, "VN"), (NameOID.ORGANIZATION_NAME, ORG), (NameOID.COMMON_NAME, ORG)])
    org = make_cert(org_name, ca_name, org_key.public_key(), ca_key, 0x2025032802)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_name = name([(NameOID.COUNTRY_NAME, "VN"), (NameOID.ORGANIZATION_NAME, ORG), (NameOID.COMMON_NAME, "Trần Thị Ơn")])
    ec_cert = make_cert(ec_name, ca_name, ec_key.public_key(), ca_key, 0x2025032803)
    return {"ca": ca, "person": (person_key, person), "org": (org_key, org), "ec": (ec_key, ec_cert)}


# ---------------------------------------------------------------- PDF incremental writer


def pdf_text(s):
    """A PDF text string: literal for ASCII, UTF-16BE with BOM otherwise."""
    if s.isascii():
        return b"(" + s.encode().replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


class Pdf:
    """A PDF held as bytes, grown by incremental updates."""

    def __init__(self, data):
        self.data = data
        trailer = data[data.rindex(b"trailer") :]
        self.size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))
        self.root = int(re.search(rb"/Root\s+(\d+)\s+0\s+R", trailer).group(1))
        self.info = int(re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer).group(1))
        self.ident = re.search(rb"/ID\s*(\[[^\]]*\])", trailer).group(1)
        self.startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        self.bodies = {}

    def body(self, num):
        """The latest text of a plain dictionary object (no stream)."""
        if num in self.bodies:
            return self.bodies[num]
        found = re.findall(rb"(?:^|\n)%d 0 obj\s*(<<.*?>>)\s*endobj" % num, self.data, re.S)
        return found[-1]

    def new_num(self):
        self.size += 1
        return self.size - 1

    def first_page(self):
        pages = int(re.search(rb"/Pages\s+(\d+)\s+0\s+R", self.body(self.root)).group(1))
        return int(re.search(rb"/Kids\s*\[\s*(\d+)\s+0\s+R", self.body(pages)).group(1))

    def append(self, objects):
        """Append one revision holding `objects` ({num: bytes}); returns the new file bytes."""
        out = bytearray(self.data)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets = {}
        for num, content in objects.items():
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + content + b"\nendobj\n"
            if content.startswith(b"<<") and b"stream" not in content:
                self.bodies[num] = content
        xref_at = len(out)
        out += b"xref\n"
        for num in sorted(offsets):
            out += b"%d 1\n%010d 00000 n \n" % (num, offsets[num])
        out += b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID %s/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
            self.size,
            self.root,
            self.info,
            self.ident,
            self.startxref,
            xref_at,
        )
        self.data = bytes(out)
        self.startxref = xref_at
        return self.data


def set_key(dict_bytes, key, value):
    """Put `/key value` into a dictionary's text, replacing a simple old value."""
    dict_bytes = re.sub(rb"/%s\s*(\[[^\]]*\]|\d+\s+0\s+R)" % key, b"", dict_bytes)
    return dict_bytes[:-2] + b"/" + key + b" " + value + b">>"


def stream(dict_entries, data):
    return b"<<" + dict_entries + b"/Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def sign(pdf, signer, chain, *, field, digest="sha256", sub_filter="adbe.pkcs7.detached", reason, location,
         when, rect=(0, 0, 0, 0), appearance=None, fields=(), **cms_options):
    """Add a signature field (and its widget) as a new revision and sign it; returns the widget number."""
    page = pdf.first_page()
    sig_num, widget_num = pdf.new_num(), pdf.new_num()
    objects = {}
    placeholder_range = b"[0 0000000000 0000000000 0000000000]"
    objects[sig_num] = (
        b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/" + sub_filter.encode() + b"/ByteRange " + placeholder_range
        + b"/Contents <" + b"0" * (2 * CONTENTS_RESERVE) + b">/M" + pdf_text(when)
        + b"/Reason" + pdf_text(reason) + b"/Location" + pdf_text(location)
        + b"/Name" + pdf_text(signer[1].subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value) + b">>"
    )
    widget = b"<</Type/Annot/Subtype/Widget/FT/Sig/T%s/V %d 0 R/Rect[%s]/F 132/P %d 0 R" % (
        pdf_text(field), sig_num, " ".join("%.2f" % v for v in rect).encode(), page)
    if appearance is not None:
        ap_num = pdf.new_num()
        w, h = rect[2] - rect[0], rect[3] - rect[1]
        objects[ap_num] = stream(
            b"/Type/XObject/Subtype/Form/BBox[0 0 %.2f %.2f]" % (w, h)
            + b"/Resources<</Font<</Helv<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>>>>>",
            appearance,
        )
        widget += b"/AP<</N %d 0 R>>" % ap_num
    objects[widget_num] = widget + b">>"
    all_fields = list(fields) + [widget_num]
    catalog = pdf.body(pdf.root)
    acroform = re.search(rb"/AcroForm\s+(\d+)\s+0\s+R", catalog)
    if acroform:
        form_num = int(acroform.group(1))
    else:
        form_num = pdf.new_num()
        objects[pdf.root] = set_key(catalog, b"AcroForm", b"%d 0 R" % form_num)
    objects[form_num] = b"<</Fields[%s]/SigFlags 3>>" % b" ".join(b"%d 0 R" % f for f in all_fields)
    objects[page] = set_key(pdf.body(page), b"Annots", b"[%s]" % b" ".join(b"%d 0 R" % f for f in all_fields))
    data = bytearray(pdf.append(objects))
    # Fill in /ByteRange and /Contents of this revision's signature dictionary.
    start = data.rindex(placeholder_range)
    hole_start = data.index(b"/Contents <", start) + len(b"/Contents ")
    hole_end = data.index(b">", hole_start) + 1
    byte_range = [0, hole_start, hole_end, len(data) - hole_end]
    text = ("[%d %d %d %d]" % tuple(byte_range)).encode().ljust(len(placeholder_range))
    data[start : start + len(text)] = text
    signed = bytes(data[: byte_range[1]]) + bytes(data[byte_range[2] :])
    if cms_options.pop("library_cms", False):  # cryptography's own PKCS#7 encoder, for interop
        der = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(signed)
            .add_signer(signer[1], signer[0], DIGESTS[digest][1]())
            .add_certificate(chain[0])
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
        )
    elif sub_filter == "adbe.pkcs7.sha1":
        der = cms_signed_data(hashlib.sha1(signed).digest(), signer, chain, "sha1", embed=True, **cms_options)
    else:
        der = cms_signed_data(signed, signer, chain, digest, **cms_options)
    assert len(der) <= CONTENTS_RESERVE, len(der)
    hexed = der.hex().upper().encode().ljust(2 * CONTENTS_RESERVE, b"0")
    data[hole_start + 1 : hole_end - 1] = hexed
    pdf.data = bytes(data)
    return widget_num


# ---------------------------------------------------------------- the corpus


def base_pdf(tmp):
    txt = os.path.join(tmp, "chi_thi.txt")
    with open(txt, "w", encoding="utf-8") as f:
        f.write(BASE_TEXT)
    subprocess.run(
        ["soffice", "--headless", "--infilter=Text (encoded):UTF8", "--convert-to", "pdf", "--outdir", tmp, txt],
        check=True,
        capture_output=True,
    )
    with open(os.path.join(tmp, "chi_thi.pdf"), "rb") as f:
        return f.read()


def header_blanks(path):
    """PDF-space boxes (x0, y0, x1, y1) of the number blank and the day blank."""
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    words = [
        (float(a), float(b), float(c), float(d), w)
        for a, b, c, d, w in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)
    ]
    number = next(w for w in words if w[4].endswith("/CT-UBND"))
    dots = number[4].index("/")
    number_box = (number[0], height - number[3], number[0] + (number[2] - number[0]) * dots / len(number[4]), height - number[1])
    ngay = next(i for i, w in enumerate(words) if w[4] == "ngày")
    day = words[ngay + 1]
    day_box = (day[0], height - day[3], day[2], height - day[1])
    deadline = next(w for w in words if w[4] == "30/6/2025.")
    deadline_box = (deadline[0], height - deadline[3], deadline[2], height - deadline[1])
    return number_box, day_box, deadline_box


def stamp_appearance(number_box, day_box):
    """Widget rectangle over both blanks, and a content stream writing 228 and 28 into them."""
    rect = (number_box[0] - 4, day_box[1] - 4, max(number_box[2], day_box[2]) + 4, number_box[3] + 4)
    ops = []
    for text, box in (("228", number_box), ("28", day_box)):
        width = 0.556 * 11 * len(text)
        x = (box[0] + box[2]) / 2 - width / 2 - rect[0]
        y = box[1] + 3.2 - rect[1]
        ops.append("BT /Helv 11 Tf 0.8 0 0 rg %.2f %.2f Td (%s) Tj ET" % (x, y, text))
    return rect, ("\n".join(ops)).encode()


def page_rewrite(pdf, deadline_box):
    """An appended revision that blanks the first task's deadline and writes a later one over it."""
    page = pdf.first_page()
    page_body = pdf.body(page)
    res = int(re.search(rb"/Resources\s+(\d+)\s+0\s+R", page_body).group(1))
    fonts_ref = int(re.search(rb"/Font\s+(\d+)\s+0\s+R", pdf.body(res)).group(1))
    fonts = pdf.body(fonts_ref)[2:-2]
    contents = re.search(rb"/Contents\s+(\d+\s+0\s+R)", page_body).group(1)
    font_num, content_num = pdf.new_num(), pdf.new_num()
    x0, y0, x1, y1 = deadline_box
    new_ops = b"q 1 1 1 rg %.2f %.2f %.2f %.2f re f Q BT /FX 10 Tf 0 0 0 rg %.2f %.2f Td (31/12/2026.) Tj ET" % (
        x0 - 1, y0, x1 - x0 + 2, y1 - y0, x0, y0 + 3)
    page_body = re.sub(rb"/Contents\s+\d+\s+0\s+R", b"", page_body)
    page_body = re.sub(rb"/Resources\s+\d+\s+0\s+R", b"", page_body)
    page_body = page_body[:-2] + b"/Resources<</Font<<%s/FX %d 0 R>>/ProcSet[/PDF/Text]>>/Contents[%s %d 0 R]>>" % (
        fonts, font_num, contents, content_num)
    pdf.append({
        font_num: b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
        content_num: stream(b"", new_ops),
        page: page_body,
    })


def person_signature(pdf, ids, **options):
    options.setdefault("reason", "Ký ban hành văn bản")
    return sign(pdf, ids["person"], [ids["ca"]], field="Chữ ký Chủ tịch", location="Đắk Lắk", when=PDF_TIME_1, **options)


def expect(field, sub_filter, digest, status, whole, signer, org, *, appended=None, stamp=(), reason="Ký ban hành văn bản",
           location="Đắk Lắk", when=PDF_TIME_1, unsupported=None):
    return {
        "field": field,
        "sub_filter": sub_filter,
        "digest_algorithm": digest,
        "status": status,
        "covers_whole_file": whole,
        "signer_name": signer,
        "signer_org": org,
        "issuer_cn": CA_NAME,
        "reason": reason,
        "location": location,
        "signing_time": when,
        "appended_change": appended,
        "stamp_contains": list(stamp),
        "unsupported_mentions": unsupported,
    }


def main():
    if not os.path.isdir(os.path.join("crates", "extractor")):
        sys.exit("run from the repository root")
    os.makedirs(OUT, exist_ok=True)
    ids = make_identities()
    expected = {}
    person = ("Chữ ký Chủ tịch",)
    with tempfile.TemporaryDirectory() as tmp:
        base = base_pdf(tmp)
        base_path = os.path.join(tmp, "chi_thi.pdf")
        number_box, day_box, deadline_box = header_blanks(base_path)

    def write(fname, data, sigs):
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        expected[fname] = sigs

    write("unsigned.pdf", base, [])

    pdf = Pdf(base)
    person_signature(pdf, ids)
    sha256_single = pdf.data
    write("sha256_single.pdf", sha256_single, [
        expect(*person, "adbe.pkcs7.detached", "sha256", "valid", True, PERSON, ORG)])

    pdf = Pdf(base)
    person_signature(pdf, ids, digest="sha1", attr_order="signer")
    write("sha1_single.pdf", pdf.data, [expect(*person, "adbe.pkcs7.detached", "sha1", "valid", True, PERSON, ORG)])

    pdf = Pdf(base)
    person_signature(pdf, ids, sub_filter="adbe.pkcs7.sha1")
    write("pkcs7_sha1_subfilter.pdf", pdf.data, [expect(*person, "adbe.pkcs7.sha1", "sha1", "valid", True, PERSON, ORG)])

    pdf = Pdf(base)
    first = person_signature(pdf, ids)
    rect, ops = stamp_appearance(number_box, day_box)
    sign(pdf, ids["org"], [ids["ca"]], field="Dấu Ủy ban", sub_filter="ETSI.CAdES.detached", cades=True,
         reason="Phát hành văn bản", location="Đắk Lắk", when=PDF_TIME_2, rect=rect, appearance=ops, fields=[first])
    write("two_signatures_stamp.pdf", pdf.data, [
        expect(*person, "adbe.pkcs7.detached", "sha256", "valid", False, PERSON, ORG, appended="signatures_only"),
        expect("Dấu Ủy ban", "ETSI.CAdES.detached", "sha256", "valid", True, ORG, ORG, stamp=["228", "28"],
               reason="Phát hành văn bản", when=PDF_TIME_2),
    ])

    pdf = Pdf(base)
    person_signature(pdf, ids, library_cms=True)
    write("library_cms.pdf", pdf.data, [expect(*person, "adbe.pkcs7.detached", "sha256", "valid", True, PERSON, ORG)])

    # poppler's pdfsig answers "Unknown Validation Failure." here; openssl cms -verify accepts it.
    pdf = Pdf(base)
    person_signature(pdf, ids, sid_by_key_id=True)
    write("signer_by_key_id.pdf", pdf.data, [expect(*person, "adbe.pkcs7.detached", "sha256", "valid", True, PERSON, ORG)])

    tampered = bytearray(sha256_single)
    producer = tampered.index(b"/Producer<FEFF") + len(b"/Producer<FEFF") + 3  # low digit of the first letter
    tampered[producer] = ord("D") if tampered[producer] != ord("D") else ord("E")
    write("tampered_byte.pdf", bytes(tampered), [
        expect(*person, "adbe.pkcs7.detached", "sha256", "digest_mismatch", True, PERSON, ORG)])

    pdf = Pdf(sha256_single)
    page_rewrite(pdf, deadline_box)
    write("page_changed_after_signing.pdf", pdf.data, [
        expect(*person, "adbe.pkcs7.detached", "sha256", "valid", False, PERSON, ORG, appended="page_content")])

    pdf = Pdf(base)
    person_signature(pdf, ids, break_signature=True)
    write("bad_signature.pdf", pdf.data, [expect(*person, "adbe.pkcs7.detached", "sha256", "bad_signature", True, PERSON, ORG)])

    pdf = Pdf(base)
    sign(pdf, ids["ec"], [ids["ca"]], field="Chữ ký Chủ tịch", reason="Ký ban hành văn bản", location="Đắk Lắk", when=PDF_TIME_1)
    write("ecdsa_p256.pdf", pdf.data, [
        expect(*person, "adbe.pkcs7.detached", "sha256", "unsupported", True, "Trần Thị Ơn", ORG, unsupported="ECDSA")])

    pdf = Pdf(base)
    person_signature(pdf, ids, ber=True)
    ber = expect(*person, "adbe.pkcs7.detached", None, "unsupported", True, None, None, unsupported="BER")
    ber["issuer_cn"] = None  # nothing inside BER /Contents is read
    write("ber_contents.pdf", pdf.data, [ber])

    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    if shutil.which("pdfsig"):
        for fname in sorted(expected):
            out = subprocess.run(["pdfsig", os.path.join(OUT, fname)], capture_output=True, text=True).stdout
            verdicts = re.findall(r"Signature Validation: (.*)|(Total document signed|Not total document signed)", out)
            print(fname, [a or b for a, b in verdicts])


if __name__ == "__main__":
    main()
