#!/usr/bin/env bash
# Whole-pipeline benchmark: nhiemvu extract against pdftotext on the same files and cores.
#
# Builds, from corpus/*.pdf, a 960-page PDF (the corpus repeated with pdfunite, cut with
# qpdf) and a batch of 10,000 documents (hard links to the corpus PDFs under distinct
# names), then runs, for each core count, pinned with taskset and measured with
# /usr/bin/time -v:
#   nhiemvu extract INPUT --out FRESH_DIR -j N -q
#   pdftotext on the same files: for the batch, `xargs -P N` one process per file; for the
#   960-page PDF, N processes over N equal page ranges (-f/-l), since pdftotext is single
#   threaded (with one core: one process over the whole file).
# and prints wall time, pages/s, documents/s, peak RSS and CPU use, the ratio
# nhiemvu/pdftotext in pages/s and nhiemvu's scaling from 1 core to the others.
#
# Peak RSS is /usr/bin/time's "Maximum resident set size": for the pdftotext runs with
# several processes it is the largest single process, not the sum.
#
# Usage: scripts/bench.sh [--docs N] [--pages N] [--cores "1 2"] [--work DIR]
#                         [--markdown FILE] [--only big|batch] [--no-build] [--repeat N]
#   --docs N       batch size (default 10000; e.g. --docs 1000 for a quick run)
#   --pages N      pages of the long document (default 960)
#   --cores LIST   core counts to run with, space separated (default "1 2"); N pins to CPUs 0..N-1
#   --work DIR     where inputs and outputs go (default ${TMPDIR:-/tmp}/nhiemvu-bench);
#                  inputs are kept between runs, outputs are deleted after each run
#   --markdown F   also write the table as markdown to F
#   --only WHAT    run only the long document (big) or only the batch (batch)
#   --no-build     use the existing release binary
#   --repeat N     runs of each long-document measurement, the median kept (default 3);
#                  the batch runs once
#
# Needs: cargo, poppler-utils (pdfunite, pdftotext, pdfinfo), qpdf (optional: falls back
# to pdfseparate + pdfunite), util-linux (taskset), GNU time (/usr/bin/time).
# On Debian/Ubuntu: apt-get install -y poppler-utils qpdf time util-linux
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
docs=10000
pages=960
cores_list="1 2"
work="${TMPDIR:-/tmp}/nhiemvu-bench"
markdown=""
only=""
build=1
repeat=3

die() { echo "bench.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs=${2:?}; shift 2 ;;
        --pages) pages=${2:?}; shift 2 ;;
        --cores) cores_list=${2:?}; shift 2 ;;
        --work) work=${2:?}; shift 2 ;;
        --markdown) markdown=${2:?}; shift 2 ;;
        --only) only=${2:?}; shift 2 ;;
        --no-build) build=0; shift ;;
        --repeat) repeat=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
case "$only" in ""|big|batch) ;; *) die "--only takes big or batch" ;; esac
[[ "$docs" =~ ^[1-9][0-9]*$ ]] || die "--docs needs a positive number"
[[ "$pages" =~ ^[1-9][0-9]*$ ]] || die "--pages needs a positive number"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive number"

for tool in pdfunite pdftotext pdfinfo taskset xargs awk; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y poppler-utils util-linux)"
done
/usr/bin/time -v true >/dev/null 2>&1 || die "GNU time not found at /usr/bin/time (apt-get install -y time)"
ncpu=$(nproc)
for n in $cores_list; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "--cores: '$n' is not a number"
    [ "$n" -le "$ncpu" ] || die "--cores: $n is more than the $ncpu CPUs here"
done

# --- the binary -------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-$repo/target}
case "$target_dir" in /*) ;; *) target_dir="$repo/$target_dir" ;; esac
bin="$target_dir/release/nhiemvu"
if [ "$build" = 1 ]; then
    (cd "$repo" && cargo build --release -p nhiemvu) >&2
fi
[ -x "$bin" ] || die "$bin not found (build with cargo build --release -p nhiemvu)"

mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- inputs -------------------------------------------------------------------------------
shopt -s nullglob
corpus=("$repo"/corpus/*.pdf)
[ ${#corpus[@]} -gt 0 ] || die "no PDFs in $repo/corpus"
declare -A corpus_pages
corpus_total=0
for f in "${corpus[@]}"; do
    n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
    corpus_pages[$f]=$n
    corpus_total=$((corpus_total + n))
done

pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

big="$work/big$pages.pdf"
if [ "$only" != batch ] && [ "$(pdf_pages "$big" || true)" != "$pages" ]; then
    echo "building $big from ${#corpus[@]} corpus PDFs ($corpus_total pages)" >&2
    repeats=$(((pages + corpus_total - 1) / corpus_total))
    parts=()
    for _ in $(seq "$repeats"); do parts+=("${corpus[@]}"); done
    if [ ${#parts[@]} -eq 1 ]; then
        cp "${parts[0]}" "$work/long.pdf"
    else
        pdfunite "${parts[@]}" "$work/long.pdf"
    fi
    if command -v qpdf >/dev/null; then
        # qpdf exits 3 on warnings (the cut drops the signature fields' pages).
        qpdf --empty --pages "$work/long.pdf" "1-$pages" -- "$big" || [ $? -eq 3 ]
    else
        echo "qpdf not found: cutting with pdfseparate + pdfunite" >&2
        rm -rf "$work/sep" && mkdir -p "$work/sep"
        pdfseparate -l "$pages" "$work/long.pdf" "$work/sep/p%06d.pdf"
        pdfunite "$work"/sep/p*.pdf "$big"
        rm -rf "$work/sep"
    fi
    rm -f "$work/long.pdf"
    [ "$(pdf_pages "$big")" = "$pages" ] || die "$big does not have $pages pages"
fi

batch="$work/batch$docs"
batch_pages=0
if [ "$only" != big ]; then
    if [ ! -f "$batch/.complete" ]; then
        echo "building $batch: $docs documents (hard links to the corpus PDFs)" >&2
        rm -rf "$batch" && mkdir -p "$batch"
        for ((i = 0; i < docs; i++)); do
            f=${corpus[$((i % ${#corpus[@]}))]}
            printf -v name 'd%06d_%s' "$i" "${f##*/}"
            ln "$f" "$batch/$name" 2>/dev/null || cp "$f" "$batch/$name"
        done
        touch "$batch/.complete"
    fi
    for ((i = 0; i < docs; i++)); do
        batch_pages=$((batch_pages + ${corpus_pages[${corpus[$((i % ${#corpus[@]}))]}]}))
    done
    # pdftotext jobs: one line "input output" per document, for xargs -L 1.
    (cd "$work" && for f in "batch$docs"/*.pdf; do
        b=${f##*/}
        echo "$f txt/${b%.pdf}.txt"
    done) >"$work/batch$docs.jobs"
fi

# --- runs ---------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
# Other work on the machine skews every number: say how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

cpus_for() { # 1 → 0, 2 → 0,1, …
    seq -s, 0 $(($1 - 1))
}

# measure LABEL TOOL CORES DOCS PAGES CMD...: run CMD (from $work) under taskset and
# /usr/bin/time -v, append a result row.
measure() {
    local input=$1 tool=$2 cores=$3 ndocs=$4 npages=$5
    shift 5
    local tfile="$work/time.$tool.$cores.txt" status=0
    echo "running: $input, $tool, $cores core(s)" >&2
    sync
    (cd "$work" && taskset -c "$(cpus_for "$cores")" /usr/bin/time -v -o "$tfile" "$@") \
        >"$work/run.log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        echo "  exit status $status (see $work/run.log); the row is still reported" >&2
    fi
    awk -F': ' -v input="$input" -v tool="$tool" -v cores="$cores" -v docs="$ndocs" \
        -v pages="$npages" -v status="$status" '
        /Elapsed \(wall clock\)/ {
            n = split($NF, p, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + p[i]
        }
        /Maximum resident set size/ { rss = $NF / 1024 }
        /Percent of CPU this job got/ { cpu = $NF }
        END { printf "%s\t%s\t%d\t%.2f\t%.1f\t%.2f\t%.0f\t%s\t%d\t%d\t%d\n",
              input, tool, cores, wall, pages / wall, docs / wall, rss, cpu, docs, pages, status }
        ' "$tfile" >>"${row_file:-$results}"
}

# median_of N CMD...: run a `measure ...` command N times and keep the row with the median
# wall time (short runs vary with what the machine did just before; the first may also meet
# a cold page cache).
median_of() {
    local n=$1 i
    shift
    row_file="$work/rows.tsv"
    : >"$row_file"
    for ((i = 0; i < n; i++)); do
        "$@"
    done
    sort -t$'\t' -k4,4n "$row_file" | sed -n "$(((n + 1) / 2))p" >>"$results"
    rm -f "$row_file"
    unset row_file
}

# The long document with N cores, into a fresh output folder (a kept one would be skipped).
measure_big() {
    rm -rf "$work/out" && mkdir -p "$work/out"
    measure "$pages-page PDF" nhiemvu "$1" 1 "$pages" \
        "$bin" extract "$big" --out out -j "$1" -q --summary-json summary.json
}

for n in $cores_list; do
    if [ "$only" != batch ]; then
        median_of "$repeat" measure_big "$n"
        rm -rf "$work/out" "$work/txt" && mkdir -p "$work/txt"
        # N processes over N page ranges of the same file.
        awk -v n="$n" -v pages="$pages" -v f="$(basename "$big")" 'BEGIN {
            for (k = 0; k < n; k++) {
                a = int(k * pages / n) + 1; b = int((k + 1) * pages / n)
                if (a <= b) printf "-f %d -l %d %s txt/part%d.txt\n", a, b, f, k
            }}' >"$work/big.jobs"
        median_of "$repeat" measure "$pages-page PDF" pdftotext "$n" 1 "$pages" \
            xargs -a big.jobs -P "$n" -L 1 pdftotext
        rm -rf "$work/txt"
    fi
    if [ "$only" != big ]; then
        rm -rf "$work/out" && mkdir -p "$work/out"
        measure "$docs documents" nhiemvu "$n" "$docs" "$batch_pages" \
            "$bin" extract "batch$docs" --out out -j "$n" -q --summary-json summary.json
        got=$(find "$work/out" -name '*.json' | wc -l)
        [ "$got" -eq "$docs" ] || echo "  warning: $got outputs for $docs documents" >&2
        rm -rf "$work/out" "$work/txt" && mkdir -p "$work/txt"
        measure "$docs documents" pdftotext "$n" "$docs" "$batch_pages" \
            xargs -a "batch$docs.jobs" -P "$n" -L 1 pdftotext
        rm -rf "$work/txt"
    fi
done
rm -f "$work/run.log" "$work/summary.json" "$work"/time.*.txt "$work/big.jobs"

# --- report -------------------------------------------------------------------------------
report() {
    awk -F'\t' -v md="$1" '
    function row(a, b, c, d, e, f, g, h) {
        if (md) printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", a, b, c, d, e, f, g, h
        else printf "%-16s %-10s %5s %9s %9s %9s %12s %6s\n", a, b, c, d, e, f, g, h
    }
    {
        key = $1 SUBSEP $3; order[++n] = $0
        if ($2 == "nhiemvu") { nv[key] = $5; nvc[$1, $3] = $5; inputs[$1] = 1 }
        else pt[key] = $5
        if ($11 != 0) failed[n] = $11
    }
    END {
        row("input", "tool", "cores", "wall s", "pages/s", "docs/s", "peak RSS MB", "CPU")
        if (md) print "|---|---|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            split(order[i], f, "\t")
            row(f[1], f[2] (i in failed ? " (exit " failed[i] ")" : ""), f[3], f[4], f[5], f[6], f[7], f[8])
        }
        print ""
        for (i = 1; i <= n; i++) {
            split(order[i], f, "\t")
            key = f[1] SUBSEP f[3]
            if (f[2] == "nhiemvu" && (key in pt) && pt[key] > 0)
                printf "%s%s, %d core(s): nhiemvu/pdftotext pages/s = %.3f\n", (md ? "- " : ""), f[1], f[3], nv[key] / pt[key]
        }
        for (i = 1; i <= n; i++) {
            split(order[i], f, "\t")
            if (f[2] == "nhiemvu" && f[3] != 1 && ((f[1], 1) in nvc) && nvc[f[1], 1] > 0)
                printf "%s%s: nhiemvu %d cores / 1 core = %.2fx\n", (md ? "- " : ""), f[1], f[3], f[5] / nvc[f[1], 1]
        }
    }' "$results"
}

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
machine="$(nproc) CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo),"
machine+=" $(rustc --version 2>/dev/null | cut -d' ' -f1-2); load average before $load_before, after $load_after"
echo
echo "$machine"
report 0
if [ -n "$markdown" ]; then
    { echo "$machine"; echo; report 1; } >"$markdown"
    echo "markdown table written to $markdown" >&2
fi
echo "raw results: $results" >&2
