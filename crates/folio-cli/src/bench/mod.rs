//! `folio bench`: how fast ingest, indexing and search are on a data folder, and how big the
//! embedded blob is.
//!
//! Ingest and index build are timed on one core (both are single-threaded) and reported in MB/s
//! of source text. The blob is encoded and its parts measured raw and gzip -9, then decoded as
//! the app decodes it, with the postings rebuilt from the stored word lists. Then a fixed mix
//! of queries runs on the decoded index, each warmed up and repeated, timed with `Instant`;
//! the table gives the p50 / p95 / max latency per kind of query and overall. The queries are drawn from the
//! corpus's own vocabulary with a fixed seed, so the same folder always gets the same queries.
//! They run as typed, with no trailing space, so their last word also matches as a prefix.

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

mod mix;
mod report;

use flate2::write::GzEncoder;
use flate2::Compression;
use folio_core::format::{decode, encode, Bundle};
use folio_core::index::SearchIndex;
use folio_core::search::{SearchOptions, Searcher};
use mix::query_mix;

/// Index build throughput to reach, in MB of source text per second.
const TARGET_INDEX_MBPS: f64 = 10.0;
/// Query p95 to reach, in µs: small corpora (under `SMALL_CORPUS_BYTES` of source text) and others.
const TARGET_P95_SMALL_US: f64 = 50.0;
const TARGET_P95_LARGE_US: f64 = 2000.0;
const SMALL_CORPUS_BYTES: usize = 1_000_000;

/// Each query runs for about this long after warm-up, within `MIN_RUNS..=MAX_RUNS` runs.
const QUERY_BUDGET: Duration = Duration::from_millis(40);
const MIN_RUNS: usize = 20;
const MAX_RUNS: usize = 400;

/// The kinds of query, in the order of the table.
const KINDS: [&str; 7] = [
    "1-word", "2-word", "3-word", "phrase", "prefix", "typo", "exclude",
];

pub fn run(dir: &Path, json: bool) -> Result<(), String> {
    let report = measure(dir)?;
    if json {
        crate::emit_json(&report.to_json())?;
    } else {
        crate::emit(&report.table())?;
    }
    Ok(())
}

/// A timed phase: the median of several runs.
struct Phase {
    median: Duration,
    runs: usize,
}

impl Phase {
    fn mbps(&self, bytes: usize) -> f64 {
        bytes as f64 / 1e6 / self.median.as_secs_f64().max(1e-9)
    }
}

/// Runs `f` at least three times and until about a second has passed (at most 50 times).
fn time_phase<T>(mut f: impl FnMut() -> T) -> (Phase, T) {
    let mut times = Vec::new();
    let started = Instant::now();
    let mut last;
    loop {
        let t = Instant::now();
        last = black_box(f());
        times.push(t.elapsed());
        if times.len() >= 50 || (times.len() >= 3 && started.elapsed() >= Duration::from_secs(1)) {
            break;
        }
    }
    times.sort();
    let phase = Phase {
        median: times[times.len() / 2],
        runs: times.len(),
    };
    (phase, last)
}

struct Sizes {
    source: usize,
    corpus: usize,
    corpus_gzip: usize,
    total: usize,
    total_gzip: usize,
    source_gzip: usize,
}

struct QueryRun {
    kind: &'static str,
    query: String,
    total: usize,
    runs: usize,
    /// Sorted, in µs.
    samples: Vec<f64>,
}

struct Latency {
    queries: usize,
    samples: usize,
    p50: f64,
    p95: f64,
    max: f64,
}

struct Report {
    dir: String,
    load_average: Option<String>,
    documents: usize,
    sections: usize,
    words: usize,
    files: usize,
    load: Duration,
    ingest: Phase,
    topics: Phase,
    index: Phase,
    encode: Phase,
    decode: Phase,
    terms: usize,
    sizes: Sizes,
    queries: Vec<QueryRun>,
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::new(9));
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

/// The 1, 5 and 15 minute load averages, where the system tells them (Linux): figures taken on
/// a busy machine are not comparable.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn measure(dir: &Path) -> Result<Report, String> {
    let load_average = load_average();
    let started = Instant::now();
    let files = folio_load::load_dir(dir).map_err(|e| e.to_string())?;
    let load = started.elapsed();
    let source: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut all_source = Vec::with_capacity(source);
    files
        .iter()
        .for_each(|f| all_source.extend_from_slice(&f.bytes));

    let (ingest, ingested) = time_phase(|| folio_load::ingest(&files));
    let corpus = ingested.map_err(|e| e.to_string())?.corpus;
    // Topic discovery is part of ingest; timed again alone, to tell its share.
    let (topics, _) = time_phase(|| folio_core::topics::discover(&corpus));
    let (index_phase, index) = time_phase(|| SearchIndex::build(&corpus));

    let bundle = Bundle {
        corpus: corpus.clone(),
        index,
        ..Bundle::default()
    };
    let (encode_phase, blob) = time_phase(|| encode(&bundle));
    let blob = blob.map_err(|e| e.to_string())?;
    // Read back as the app reads it, postings rebuilt: what a first search waits for.
    let (decode_phase, decoded) = time_phase(|| {
        let bundle = decode(&blob);
        if let Ok(bundle) = &bundle {
            black_box(bundle.index.prepare().is_ok());
        }
        bundle
    });
    let bundle = decoded.map_err(|e| e.to_string())?;
    let corpus_blob = encode(&Bundle {
        corpus: corpus.clone(),
        index: SearchIndex::default(),
        ..Bundle::default()
    })
    .map_err(|e| e.to_string())?;
    let sizes = Sizes {
        source,
        source_gzip: gzip(&all_source),
        corpus: corpus_blob.len(),
        corpus_gzip: gzip(&corpus_blob),
        total: blob.len(),
        total_gzip: gzip(&blob),
    };

    let searcher =
        Searcher::new(&bundle.corpus, &bundle.index).ok_or("the search index is damaged")?;
    let mix = query_mix(&corpus);
    let options = SearchOptions {
        limit: 10,
        ..SearchOptions::default()
    };
    let mut queries = Vec::new();
    for (kind, query) in mix {
        // Warm-up: a few runs, which also size the repetitions.
        let t = Instant::now();
        let mut total = 0;
        for _ in 0..3 {
            total = black_box(searcher.search(black_box(&query), &options)).total;
        }
        let once = t.elapsed() / 3;
        let runs = (QUERY_BUDGET.as_nanos() / once.as_nanos().max(1)) as usize;
        let runs = runs.clamp(MIN_RUNS, MAX_RUNS);
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            black_box(searcher.search(black_box(&query), &options));
            samples.push(t.elapsed().as_secs_f64() * 1e6);
        }
        samples.sort_by(f64::total_cmp);
        queries.push(QueryRun {
            kind,
            query,
            total,
            runs,
            samples,
        });
    }

    let docs = &corpus.documents;
    Ok(Report {
        dir: dir.display().to_string(),
        load_average,
        documents: docs.len(),
        sections: docs.iter().map(|d| d.sections.len()).sum(),
        words: docs.iter().map(folio_core::Document::word_count).sum(),
        files: files.len(),
        load,
        ingest,
        topics,
        index: index_phase,
        encode: encode_phase,
        decode: decode_phase,
        terms: bundle.index.term_count(),
        sizes,
        queries,
    })
}

/// The value at quantile `q` of sorted `samples` (nearest rank).
fn quantile(samples: &[f64], q: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
    samples[rank - 1]
}

fn latency<'a>(runs: impl Iterator<Item = &'a QueryRun>) -> Latency {
    let mut queries = 0;
    let mut all = Vec::new();
    for run in runs {
        queries += 1;
        all.extend_from_slice(&run.samples);
    }
    all.sort_by(f64::total_cmp);
    Latency {
        queries,
        samples: all.len(),
        p50: quantile(&all, 0.5),
        p95: quantile(&all, 0.95),
        max: all.last().copied().unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_use_the_nearest_rank() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(quantile(&samples, 0.5), 50.0);
        assert_eq!(quantile(&samples, 0.95), 95.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }
}
