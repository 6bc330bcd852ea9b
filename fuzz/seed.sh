#!/usr/bin/env bash
# Fill the fuzz corpora (fuzz/corpus/<target>/, git-ignored) from the repository's test data.
# Run from anywhere; safe to re-run (files are copied under content-hash names).
#   text_pipeline, normalizer: tests/data/seeds, tests/data/validation (UTF-8 text)
#   pdf_ingest: corpus/*.pdf, tests/data/{robustness,pdf,signed}, plus an uncompressed
#               copy of each (qpdf --qdf, when qpdf is installed) so mutations reach the
#               page content instead of breaking Flate streams.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

add() { # add FILE DIR: copy under its sha1 name
    local sum
    sum="$(sha1sum "$1" | cut -c1-40)"
    cp "$1" "$2/$sum"
}

for target in text_pipeline normalizer; do
    mkdir -p "fuzz/corpus/$target"
    for f in tests/data/seeds/*.txt tests/data/validation/*.txt; do add "$f" "fuzz/corpus/$target"; done
done

mkdir -p fuzz/corpus/pdf_ingest
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in corpus/*.pdf tests/data/robustness/*.pdf tests/data/pdf/*.pdf tests/data/signed/*.pdf; do
    # The 500-page bomb is a limit test, too slow to be a useful seed.
    case "$f" in */many_pages.pdf) continue ;; esac
    add "$f" fuzz/corpus/pdf_ingest
    if command -v qpdf >/dev/null; then
        # qpdf exits 3 on warnings; encrypted inputs without the password fail: skip those.
        qpdf --qdf --object-streams=disable --decode-level=generalized "$f" "$tmp/u.pdf" 2>/dev/null || [ $? -eq 3 ] || continue
        [ -s "$tmp/u.pdf" ] && add "$tmp/u.pdf" fuzz/corpus/pdf_ingest
        rm -f "$tmp/u.pdf"
    fi
done
for d in fuzz/corpus/*/; do echo "$d: $(ls "$d" | wc -l) files, $(du -sh "$d" | cut -f1)"; done
