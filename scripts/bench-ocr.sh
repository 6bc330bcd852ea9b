#!/usr/bin/env bash
# OCR benchmark: pages per second per core and peak RSS of `nhiemvu extract` on scanned
# copies of corpus PDFs (scripts/make-scans.py, 300 dpi gray), pinned to one core; and the
# cost of `--ocr auto` against `--ocr never` on the corpus PDFs themselves (text layers:
# OCR must add nothing), median of --repeat runs.
#
# Usage: scripts/bench-ocr.sh [BINARY] [--docs N] [--repeat N] [--work DIR]
#   BINARY      the nhiemvu binary (default target/release/nhiemvu, else target/debug)
#   --docs N    corpus PDFs to scan (default all)
# Needs: poppler-utils, tesseract-ocr tesseract-ocr-vie, python3, GNU time, taskset.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=""
docs=0
repeat=3
work="${TMPDIR:-/tmp}/nhiemvu-bench-ocr"
while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs=${2:?}; shift 2 ;;
        --repeat) repeat=${2:?}; shift 2 ;;
        --work) work=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) bin=$1; shift ;;
    esac
done
if [ -z "$bin" ]; then
    bin="$repo/target/release/nhiemvu"
    [ -x "$bin" ] || bin="$repo/target/debug/nhiemvu"
fi
mapfile -t pdfs < <(ls "$repo"/corpus/*.pdf)
[ "$docs" -gt 0 ] && pdfs=("${pdfs[@]:0:$docs}")
rm -rf "$work"; mkdir -p "$work/scans" "$work/text"
"$repo/scripts/make-scans.py" --dpi 300 "$work/scans" "${pdfs[@]}"
cp "${pdfs[@]}" "$work/text/"
pages=0
for f in "$work"/scans/*.pdf; do
    pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done

# One run: wall seconds and peak RSS (KiB) of `extract DIR` with the given options (the
# RSS is nhiemvu's: its worker and Tesseract children are measured apart, below).
measure() {
    local dir=$1; shift
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 \
        "$bin" extract "$dir" --out "$work/out" -j 1 -q "$@" >/dev/null
    cat "$work/time"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

read -r secs rss < <(measure "$work/scans" --ocr auto)
echo "OCR: $pages scanned pages in ${secs}s on one core: $(awk -v p="$pages" -v s="$secs" \
    'BEGIN {printf "%.2f", p / s}') pages/s per core, peak RSS of nhiemvu $((rss / 1024)) MiB"
# Tesseract's own peak memory on one 300 dpi page (it runs as a child, one per page at once
# per core): the whole pipeline's peak is nhiemvu's plus this, times the cores.
first=$(ls "$work"/scans/*.pdf | head -1)
pdftoppm -r 300 -gray -singlefile -f 1 -l 1 "$first" "$work/page"
OMP_THREAD_LIMIT=1 /usr/bin/time -f "%e %M" -o "$work/time" \
    tesseract "$work/page.pgm" "$work/page" -l vie --psm 6 --dpi 300 tsv 2>/dev/null
read -r tsecs trss < "$work/time"
echo "Tesseract, one 300 dpi page: ${tsecs}s, peak RSS $((trss / 1024)) MiB"
for mode in never auto; do
    t=$(for _ in $(seq "$repeat"); do measure "$work/text" --ocr "$mode" | cut -d' ' -f1; done | median)
    echo "text-layer corpus PDFs, --ocr $mode: ${t}s (median of $repeat)"
done
