#!/usr/bin/env bash
# `make bench`: every benchmark of folio, then one combined table.
#
#   1. the SOTU corpus (tools/bench/sotu.mjs) into target/bench/sotu
#   2. `folio bench` on data/ and on the SOTU corpus (ingest, index, blob sizes, query latency)
#   3. search builds of the app for both corpora, into target/bench/dist-{default,sotu}, and
#      tools/bench/browser.mjs on each (first results after navigation, time per keystroke)
#   4. with BENCH_CRITERION=1, `cargo bench -p folio-core` (slow on two cores), printed last
#
# Results go to target/bench/*.json; tools/bench/report.py prints the table. dist/ is never
# touched. Run through make, which puts the tools on PATH and sets Trunk's tool versions.
# BENCH_SKIP_BROWSER=1 leaves out step 3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out=target/bench
mkdir -p "$out"
say() { printf '\nbench: %s\n' "$*" >&2; }

say "SOTU corpus"
node tools/bench/sotu.mjs "$out/sotu"

say "building the CLI (profile native)"
cargo build --quiet --profile native -p folio-cli
folio=target/native/folio

for corpus in default sotu; do
    dir=data
    if [ "$corpus" = sotu ]; then dir="$out/sotu"; fi
    say "folio bench $dir"
    "$folio" bench "$dir" --json > "$out/cli-$corpus.json"
done

if [ "${BENCH_SKIP_BROWSER:-}" != 1 ]; then
    for corpus in default sotu; do
        data=(env -u FOLIO_DATA)
        if [ "$corpus" = sotu ]; then data=(env "FOLIO_DATA=$root/$out/sotu"); fi
        dist="$out/dist-$corpus"
        say "search build of the app for the $corpus corpus into $dist"
        # A target folder of its own, so that these builds neither wait for nor invalidate the
        # ones of `make dist`; the search feature comes from the command line.
        "${data[@]}" CARGO_TARGET_DIR="$root/$out/cargo" \
            trunk build --release --features search --dist "$dist" > "$out/trunk-$corpus.log" 2>&1 \
            || { tail -n 30 "$out/trunk-$corpus.log" >&2; exit 1; }
        python3 tools/sizes.py "$dist" 1000000 > "$out/sizes-$corpus.txt"
    done
    for corpus in default sotu; do
        if [ "$corpus" = sotu ]; then
            args=(--query "federal reserve" --type "constitutional amendment")
        else
            args=(--query "PTCL" --type "trade union")
        fi
        say "browser bench of $out/dist-$corpus"
        node tools/bench/browser.mjs "$out/dist-$corpus" "${args[@]}" --runs "${BENCH_RUNS:-12}" \
            --json > "$out/browser-$corpus.json"
    done
fi

crit=""
if [ "${BENCH_CRITERION:-}" = 1 ]; then
    say "cargo bench -p folio-core (criterion)"
    cargo bench --quiet --profile native -p folio-core --bench search -- --noplot 2>&1 | tee "$out/criterion.txt" >&2
    crit="$out/criterion.txt"
fi

say "results"
python3 tools/bench/report.py "$out" ${crit:+--criterion "$crit"}
