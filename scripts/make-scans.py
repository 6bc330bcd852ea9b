#!/usr/bin/env python3
"""Make scanned-document test PDFs from text PDFs: each page rendered by pdftoppm at DPI in
gray and wrapped, as a scanner writes them, as the one JPEG image of an image-only page.

Usage: scripts/make-scans.py [--dpi 300] OUT_DIR PDF...   (writes OUT_DIR/<stem>-scan.pdf)
Needs poppler-utils (pdftoppm). tests/ocr.rs builds the same scans (and black-and-white and
garbled-layer ones) in Rust; this script is for the benchmark and for looking at them.
"""
import argparse, glob, os, struct, subprocess, tempfile


def jpeg_info(b):
    i = 2
    while i + 9 < len(b):
        marker, length = b[i + 1], struct.unpack(">H", b[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xC3:
            h, w = struct.unpack(">HH", b[i + 5:i + 9])
            return w, h, b[i + 9]
        i += 2 + length
    raise ValueError("no JPEG frame")


def image_pdf(jpegs, dpi):
    n = len(jpegs)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            ("<< /Type /Pages /Kids [%s] /Count %d >>"
             % (" ".join("%d 0 R" % (3 + 3 * i) for i in range(n)), n)).encode()]
    for i, j in enumerate(jpegs):
        w, h, comps = jpeg_info(j)
        pw, ph = w * 72 / dpi, h * 72 / dpi
        space = "/DeviceRGB" if comps == 3 else "/DeviceGray"
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources "
                     "<< /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                     % (pw, ph, 4 + 3 * i, 5 + 3 * i)).encode())
        objs.append(("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                     "/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                     % (w, h, space, len(j))).encode() + j + b"\nendstream")
        draw = "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objs.append(("<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw)).encode())
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (k + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("out")
    ap.add_argument("pdfs", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for pdf in a.pdfs:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", str(a.dpi), "-gray", "-jpeg", pdf,
                            os.path.join(tmp, "p")], check=True)
            jpegs = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(tmp, "p-*.jpg")))]
        stem = os.path.splitext(os.path.basename(pdf))[0]
        with open(os.path.join(a.out, stem + "-scan.pdf"), "wb") as f:
            f.write(image_pdf(jpegs, a.dpi))


if __name__ == "__main__":
    main()
