#!/usr/bin/env bash
# The foreign-corpus measure of issue 16: over the test PDFs of pdf.js (test/pdfs), qpdf
# (qpdf/qtest), pdfium (testing/resources) and py-pdf (sample-files), the share of files where
# poppler's pdftotext finds >= 20 characters and nhiemvu (--ocr never) finds fewer.
#
# usage: scripts/foreign_corpus.sh [NHIEMVU_BINARY] [CACHE_DIR]
#   The PDFs are copied into CACHE_DIR (default $XDG_CACHE_HOME/nhiemvu-foreign), outside
#   the repository; nothing of them is committed. Each repository is taken from a git
#   directory named by $FOREIGN_GIT_<NAME> (pdfjs, qpdf, pdfium, pypdf) when set, else cloned
#   with `git clone --depth 1` from its public address.
# Prints the share, and writes CACHE_DIR/report.tsv (file, pdftotext chars, nhiemvu chars,
# nhiemvu error or warnings) for the files counted as short.
set -euo pipefail
BIN=${1:-target/debug/nhiemvu}
CACHE=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/nhiemvu-foreign}
mkdir -p "$CACHE/pdfs" "$CACHE/git"

# name  address  folder of test PDFs
SOURCES="pdfjs https://github.com/mozilla/pdf.js test/pdfs
qpdf https://github.com/qpdf/qpdf qpdf/qtest
pdfium https://github.com/chromium/pdfium testing/resources
pypdf https://github.com/py-pdf/sample-files ."

while read -r name url under; do
  [ -n "$(ls -A "$CACHE/pdfs/$name" 2>/dev/null)" ] && continue
  var="FOREIGN_GIT_${name^^}"
  gitdir=${!var:-}
  if [ -z "$gitdir" ]; then
    gitdir="$CACHE/git/$name.git"
    [ -d "$gitdir" ] || git clone -q --bare --depth 1 "$url" "$gitdir"
  fi
  # Every PDF under the folder, flattened into one name per file; the folder takes its
  # name only once complete, so an interrupted copy is made again.
  part="$CACHE/pdfs/.$name.part"
  rm -rf "$part"
  mkdir -p "$part"
  git --git-dir "$gitdir" ls-tree -r --name-only HEAD -- "$under" | grep -i '\.pdf$' |
    while read -r path; do
      git --git-dir "$gitdir" show "HEAD:$path" >"$part/${path//\//__}" 2>/dev/null || true
    done
  rm -rf "$CACHE/pdfs/$name"
  mv "$part" "$CACHE/pdfs/$name"
done <<<"$SOURCES"

OUT="$CACHE/out"
rm -rf "$OUT"
mkdir -p "$OUT"
"$BIN" extract "$CACHE/pdfs" --out "$OUT" -q --ocr never ${FOREIGN_JOBS:+-j "$FOREIGN_JOBS"} >/dev/null 2>&1 || true

python3 - "$CACHE" <<'EOF'
import json, os, subprocess, sys
cache = sys.argv[1]
root, out = os.path.join(cache, "pdfs"), os.path.join(cache, "out")
def chars(s):
    return sum(1 for c in s if not c.isspace())
total = with_text = short = 0
rows = []
for src in sorted(os.listdir(root)):
    for f in sorted(os.listdir(os.path.join(root, src))):
        path = os.path.join(root, src, f)
        total += 1
        try:
            p = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, timeout=60)
            theirs = chars(p.stdout.decode("utf-8", "replace"))
        except subprocess.TimeoutExpired:
            theirs = 0
        if theirs < 20:
            continue
        with_text += 1
        ours, why = 0, "no output"
        rec = None
        for cand in (os.path.join(out, src, f + ".json"), os.path.join(out, f + ".json")):
            if os.path.exists(cand):
                rec = json.load(open(cand))
                break
        if rec is not None:
            text = ""
            for page in rec.get("pages", []):
                text += page.get("text", "")
                for a in page.get("annotations", []):
                    text += a.get("text", "")
            ours = chars(text)
            err = rec.get("error")
            kinds = sorted({w["kind"] for w in rec.get("warnings", [])})
            why = (err.get("kind", "error") + ": " + err.get("message", "")[:80]) if err else ",".join(kinds)
        if ours < 20 and ours < theirs:
            short += 1
            rows.append(f"{src}/{f}\t{theirs}\t{ours}\t{why}")
with open(os.path.join(cache, "report.tsv"), "w") as fh:
    fh.write("file\tpdftotext_chars\tnhiemvu_chars\tnhiemvu_error_or_warnings\n")
    fh.write("\n".join(rows) + "\n")
share = short / with_text if with_text else 0.0
print(f"{total} PDFs; pdftotext finds >= 20 characters in {with_text}; "
      f"nhiemvu finds fewer than 20 in {short} ({100 * share:.1f} %)")
print(f"short files: {os.path.join(cache, 'report.tsv')}")
EOF
