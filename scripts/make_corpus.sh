#!/usr/bin/env bash
# Build corpus/*.pdf from the seed texts in tests/data/seeds/.
#
# Prerequisites (Debian): apt-get install libreoffice-writer-nogui fonts-liberation2
# Run from the repository root:  bash scripts/make_corpus.sh
#
# This first version prints each seed text as it is (plain layout, Liberation fonts) so the
# pipeline and the fixtures exercise real PDF text extraction. It does NOT yet lay documents
# out as offices do (two-column header table, real footnotes, the KPI table as a table):
# see the open work on issue 2 in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p corpus
for f in tests/data/seeds/*.txt; do
  cp "$f" "$work/"
done
(cd "$work" && soffice --headless --convert-to pdf ./*.txt >/dev/null)
for p in "$work"/*.pdf; do
  cp "$p" corpus/
done
ls -l corpus
