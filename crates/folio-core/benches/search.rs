//! Criterion benchmarks of the engine on the default corpus (data/): ingest, index build and a
//! handful of representative queries. Run with `cargo bench -p folio-core`; for the whole
//! picture on any folder (throughput, blob sizes, latency percentiles) see `folio bench`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use folio_core::format::{encode, Bundle};
use folio_core::index::SearchIndex;
use folio_core::ingest::{ingest, SourceFile};
use folio_core::search::{SearchOptions, Searcher};

const PATH: &str = "000_15142d29402a5562.txt";
const TEXT: &str = include_str!("../../../data/000_15142d29402a5562.txt");

/// One query of each kind the engine handles.
const QUERIES: [(&str, &str); 8] = [
    ("word", "PTCL"),
    ("two words", "stock option"),
    ("three words", "trade union workers"),
    ("phrase", "\"minimum wage\""),
    ("prefix", "Liebk"),
    ("typo", "Jonathon"),
    ("exclude", "PPP -Zardari"),
    ("short prefix", "pa"),
];

fn files() -> Vec<SourceFile> {
    vec![SourceFile {
        path: PATH.to_string(),
        bytes: TEXT.as_bytes().to_vec(),
    }]
}

fn build(c: &mut Criterion) {
    let files = files();
    let corpus = ingest(&files).expect("the default corpus ingests").corpus;
    let mut group = c.benchmark_group("build");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("ingest", |b| b.iter(|| ingest(black_box(&files))));
    group.bench_function("index", |b| {
        b.iter(|| SearchIndex::build(black_box(&corpus)))
    });
    let bundle = Bundle::new(corpus.clone());
    group.bench_function("encode", |b| b.iter(|| encode(black_box(&bundle))));
    group.finish();
}

fn search(c: &mut Criterion) {
    let corpus = ingest(&files()).expect("the default corpus ingests").corpus;
    let index = SearchIndex::build(&corpus);
    let searcher = Searcher::new(&corpus, &index).expect("a fresh index");
    let options = SearchOptions {
        limit: 10,
        ..SearchOptions::default()
    };
    let mut group = c.benchmark_group("search");
    for (name, query) in QUERIES {
        group.bench_function(name, |b| {
            b.iter(|| searcher.search(black_box(query), &options))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: the figures are stable to a few percent well before criterion's defaults.
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .sample_size(50);
    targets = build, search
}
criterion_main!(benches);
