#!/usr/bin/env bash
# The README quality table: task F1, assignee, coordinators, due and target recall on the
# seeds (text and office-layout PDFs), on ../shared/realdev texts, and on the realdev PDFs
# with a usable text layer. Usage: scripts/quality.sh [path/to/nhiemvu]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/nhiemvu}
[ -x "$bin" ] || cargo build --release -q -p nhiemvu
shared=../shared/realdev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # name, gold dir, inputs...
    local name=$1 gold=$2
    shift 2
    mkdir -p "$work/$name/in" "$work/$name/gold"
    for f in "$@"; do
        cp "$f" "$work/$name/in/"
        local stem
        stem=$(basename "$f")
        stem=${stem%.*}
        cp "$gold/$stem.gold.json" "$work/$name/gold/"
    done
    "$bin" extract "$work/$name/in" --out "$work/$name/out" -q || true
    printf '%-14s ' "$name"
    "$bin" eval --gold "$work/$name/gold" "$work/$name/out" 2>/dev/null | grep '^TOTAL'
}

echo "set            TOTAL gold pred hit P R F1 assignee coord due start recur target"
run seeds-text fixtures/gold tests/data/seeds/*.txt
run seeds-pdf fixtures/gold corpus/*.pdf
run validation fixtures/gold-validation tests/data/validation/*.txt
if [ -d "$shared" ]; then
    run realdev-text "$shared/gold" "$shared"/docs/*.txt
    run realdev-pdf "$shared/gold" "$shared"/pdf/D17_*.pdf "$shared"/pdf/D23_*.pdf "$shared"/pdf/D25_*.pdf
else
    echo "note: $shared not found; realdev rows skipped" >&2
fi
