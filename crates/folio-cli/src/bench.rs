//! `folio bench`: how fast ingest, indexing and search are on a data folder, and how big the
//! embedded blob is.
//!
//! Ingest and index build are timed on one core (both are single-threaded) and reported in MB/s
//! of source text. The blob is encoded and its parts measured raw and gzip -9. Then a fixed
//! mix of queries runs, each warmed up and repeated, timed with `Instant`; the table gives the
//! p50 / p95 / max latency per kind of query and overall. The queries are drawn from the
//! corpus's own vocabulary with a fixed seed, so the same folder always gets the same queries.
//! They run as typed, with no trailing space, so their last word also matches as a prefix.

use std::collections::HashMap;
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use flate2::Compression;
use folio_core::format::{encode, Bundle};
use folio_core::index::SearchIndex;
use folio_core::search::{SearchOptions, Searcher};
use folio_core::text::{is_stop_word, tokenize};
use folio_core::Corpus;

/// Index build throughput to reach, in MB of source text per second.
const TARGET_INDEX_MBPS: f64 = 10.0;
/// Query p95 to reach, in µs: small corpora (under `SMALL_CORPUS_BYTES` of source text) and others.
const TARGET_P95_SMALL_US: f64 = 50.0;
const TARGET_P95_LARGE_US: f64 = 2000.0;
const SMALL_CORPUS_BYTES: usize = 1_000_000;

/// How many queries of each generated kind.
const PER_KIND: usize = 8;
/// The seed of the query generator.
const SEED: u64 = 0x5EED_F011_0000_0001;
/// Each query runs for about this long after warm-up, within `MIN_RUNS..=MAX_RUNS` runs.
const QUERY_BUDGET: Duration = Duration::from_millis(40);
const MIN_RUNS: usize = 20;
const MAX_RUNS: usize = 400;

/// The kinds of query, in the order of the table.
const KINDS: [&str; 7] = [
    "1-word", "2-word", "3-word", "phrase", "prefix", "typo", "exclude",
];

/// Queries for the default corpus (data/), known to exercise each path of the engine.
const FIXED: [(&str, &str); 8] = [
    ("1-word", "PTCL"),
    ("2-word", "stock option"),
    ("phrase", "\"minimum wage\""),
    ("prefix", "Liebk"),
    ("prefix", "trade uni"),
    ("typo", "Jonathon"),
    ("typo", "Musharaf"),
    ("exclude", "PPP -Zardari"),
];

pub fn run(dir: &Path, json: bool) -> Result<(), String> {
    let report = measure(dir)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report.to_json()).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table());
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

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A word of a section's body: its normalised term and its text as written.
struct Word {
    term: String,
    surface: String,
}

/// The fixed query mix of a corpus: for each kind, `PER_KIND` queries drawn from terms of middle
/// frequency (neither stop words nor rare words), then the fixed queries of the default corpus
/// when the vocabulary shows it is that one.
fn query_mix(corpus: &Corpus) -> Vec<(&'static str, String)> {
    // Per section: its words, in order.
    let mut sections: Vec<Vec<Word>> = Vec::new();
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for doc in &corpus.documents {
        for section in &doc.sections {
            let body = section.body_text();
            let words: Vec<Word> = tokenize(&body)
                .into_iter()
                .map(|t| Word {
                    surface: body[t.span.clone()].to_string(),
                    term: t.term,
                })
                .collect();
            for w in &words {
                *frequency.entry(w.term.clone()).or_default() += 1;
            }
            sections.push(words);
        }
    }
    let is_word = |t: &str| t.len() >= 4 && t.chars().all(|c| c.is_ascii_lowercase());
    let mut candidates: Vec<(&str, usize)> = frequency
        .iter()
        .filter(|(t, _)| is_word(t) && !is_stop_word(t))
        .map(|(t, n)| (t.as_str(), *n))
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Middle frequency: below the most common twentieth, above the rarest half.
    let band: Vec<&str> = {
        let n = candidates.len();
        let (from, to) = (n / 20, (n / 2).max(n / 20 + 1).min(n));
        candidates[from..to].iter().map(|(t, _)| *t).collect()
    };
    let in_band: std::collections::HashSet<&str> = band.iter().copied().collect();
    let mut rng = Rng(SEED);
    let mut mix: Vec<(&'static str, String)> = Vec::new();
    if band.is_empty() || sections.iter().all(Vec::is_empty) {
        return mix;
    }

    // Words of middle frequency that occur together in one (randomly chosen) section.
    let together = |rng: &mut Rng, count: usize| -> Vec<String> {
        for _ in 0..100 {
            let words = &sections[rng.below(sections.len())];
            let mut picked: Vec<String> = Vec::new();
            for _ in 0..words.len().min(400) {
                let w = &words[rng.below(words.len())];
                if in_band.contains(w.term.as_str()) && !picked.contains(&w.term) {
                    picked.push(w.term.clone());
                    if picked.len() == count {
                        return picked;
                    }
                }
            }
        }
        (0..count)
            .map(|_| band[rng.below(band.len())].to_string())
            .collect()
    };

    for _ in 0..PER_KIND {
        mix.push(("1-word", band[rng.below(band.len())].to_string()));
    }
    for _ in 0..PER_KIND {
        mix.push(("2-word", together(&mut rng, 2).join(" ")));
    }
    for _ in 0..PER_KIND {
        mix.push(("3-word", together(&mut rng, 3).join(" ")));
    }
    // Phrases: two or three consecutive words as written, at least one of middle frequency.
    let mut phrases = 0;
    for _ in 0..10_000 {
        if phrases == PER_KIND {
            break;
        }
        let words = &sections[rng.below(sections.len())];
        let len = 2 + rng.below(2);
        if words.len() < len {
            continue;
        }
        let at = rng.below(words.len() - len + 1);
        let run = &words[at..at + len];
        if run.iter().any(|w| in_band.contains(w.term.as_str()))
            && run
                .iter()
                .all(|w| w.surface.chars().all(char::is_alphanumeric))
        {
            let text: Vec<&str> = run.iter().map(|w| w.surface.as_str()).collect();
            mix.push(("phrase", format!("\"{}\"", text.join(" "))));
            phrases += 1;
        }
    }
    // Prefixes, as while typing: a cut word alone, or after a whole word.
    let long: Vec<&str> = band.iter().copied().filter(|t| t.len() >= 6).collect();
    let long = if long.is_empty() { band.clone() } else { long };
    for i in 0..PER_KIND {
        let word = long[rng.below(long.len())];
        let cut = (3 + rng.below(3)).min(word.len());
        if i % 2 == 0 {
            mix.push(("prefix", word[..cut].to_string()));
        } else {
            let pair = together(&mut rng, 2);
            let cut = (3 + rng.below(3)).min(pair[1].len());
            mix.push(("prefix", format!("{} {}", pair[0], &pair[1][..cut])));
        }
    }
    // Typos: one edit (two in words of nine letters or more), never in the first letter.
    let typoable: Vec<&str> = band.iter().copied().filter(|t| t.len() >= 5).collect();
    let typoable = if typoable.is_empty() {
        band.clone()
    } else {
        typoable
    };
    for _ in 0..PER_KIND {
        let word = typoable[rng.below(typoable.len())];
        let mut typo = misspell(word, &mut rng);
        if word.len() >= 9 {
            typo = misspell(&typo, &mut rng);
        }
        mix.push(("typo", typo));
    }
    for _ in 0..PER_KIND {
        let pair = together(&mut rng, 2);
        mix.push(("exclude", format!("{} -{}", pair[0], pair[1])));
    }

    if frequency.contains_key("ptcl") && frequency.contains_key("zardari") {
        mix.extend(FIXED.iter().map(|(k, q)| (*k, q.to_string())));
        mix.sort_by_key(|(k, _)| KINDS.iter().position(|x| x == k));
    }
    mix
}

/// `word` with one edit — a letter replaced, dropped, doubled or swapped with the next —
/// somewhere after its first letter.
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_string();
    }
    let at = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => {
            let c = chars[at];
            let mut r = (b'a' + rng.below(26) as u8) as char;
            if r == c {
                r = if c == 'z' { 'a' } else { (c as u8 + 1) as char };
            }
            chars[at] = r;
        }
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ => {
            if chars[at] == chars[at + 1] {
                chars.remove(at);
            } else {
                chars.swap(at, at + 1);
            }
        }
    }
    chars.into_iter().collect()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

fn kb(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} kB", bytes as f64 / 1e3)
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

impl Report {
    fn p95_target(&self) -> f64 {
        if self.sizes.source < SMALL_CORPUS_BYTES {
            TARGET_P95_SMALL_US
        } else {
            TARGET_P95_LARGE_US
        }
    }

    fn by_kind(&self) -> Vec<(&'static str, Latency)> {
        KINDS
            .iter()
            .map(|k| (*k, latency(self.queries.iter().filter(|q| q.kind == *k))))
            .filter(|(_, l)| l.queries > 0)
            .collect()
    }

    fn table(&self) -> String {
        let s = &self.sizes;
        let index_mbps = self.index.mbps(s.source);
        let mut out = format!(
            "folio bench {}: {} files, {} documents, {} sections, {} words, {} terms\n\n",
            self.dir, self.files, self.documents, self.sections, self.words, self.terms
        );
        if let Some(load) = &self.load_average {
            out.insert_str(
                out.len() - 1,
                &format!("load average at start: {load} ({} cores)\n", cores()),
            );
        }
        out.push_str(&format!(
            "{:<22} {:>12} {:>12}  {}\n",
            "phase (one core)", "median", "MB/s", "target"
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12}\n",
            "read folder (once)",
            ms(self.load),
            ""
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12.1}\n",
            format!("ingest (×{})", self.ingest.runs),
            ms(self.ingest.median),
            self.ingest.mbps(s.source)
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12.1}\n",
            "  of which topics",
            ms(self.topics.median),
            self.topics.mbps(s.source)
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12.1}  ≥ {TARGET_INDEX_MBPS} MB/s {}\n",
            format!("index build (×{})", self.index.runs),
            ms(self.index.median),
            index_mbps,
            mark(index_mbps >= TARGET_INDEX_MBPS)
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12.1}\n\n",
            format!("encode blob (×{})", self.encode.runs),
            ms(self.encode.median),
            self.encode.mbps(s.source)
        ));

        let ratio = |n: usize| n as f64 / s.source.max(1) as f64;
        out.push_str(&format!(
            "{:<22} {:>12} {:>12}  {:>8} {:>8}\n",
            "size", "raw", "gzip -9", "raw/text", "gz/text"
        ));
        let mut size = |name: &str, raw: usize, gz: usize| {
            out.push_str(&format!(
                "{:<22} {:>12} {:>12}  {:>7.2}× {:>7.2}×\n",
                name,
                kb(raw),
                kb(gz),
                ratio(raw),
                ratio(gz)
            ))
        };
        size("source text", s.source, s.source_gzip);
        size("corpus (blob)", s.corpus, s.corpus_gzip);
        size(
            "index (blob)",
            s.total - s.corpus,
            s.total_gzip.saturating_sub(s.corpus_gzip),
        );
        size("blob total", s.total, s.total_gzip);
        out.push_str("  (index gzip = blob gzip − corpus-only gzip)\n\n");

        let target = self.p95_target();
        out.push_str(&format!(
            "{:<10} {:>7} {:>8} {:>10} {:>10} {:>10}  target\n",
            "query", "queries", "samples", "p50 µs", "p95 µs", "max µs"
        ));
        let row = |name: &str, l: &Latency, tail: String| {
            format!(
                "{:<10} {:>7} {:>8} {:>10.1} {:>10.1} {:>10.1}  {tail}\n",
                name, l.queries, l.samples, l.p50, l.p95, l.max
            )
        };
        for (kind, l) in self.by_kind() {
            out.push_str(&row(kind, &l, String::new()));
        }
        let all = latency(self.queries.iter());
        out.push_str(&row(
            "overall",
            &all,
            format!("p95 ≤ {target} µs {}", mark(all.p95 <= target)),
        ));

        out.push_str("\nqueries (median µs, sections matched):\n");
        for q in &self.queries {
            out.push_str(&format!(
                "  {:<8} {:>9.1} {:>6}  {}\n",
                q.kind,
                quantile(&q.samples, 0.5),
                q.total,
                q.query
            ));
        }
        out
    }

    fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let s = &self.sizes;
        let lat = |l: &Latency| {
            json!({
                "queries": l.queries, "samples": l.samples,
                "p50_us": l.p50, "p95_us": l.p95, "max_us": l.max,
            })
        };
        let kinds: serde_json::Map<String, serde_json::Value> = self
            .by_kind()
            .iter()
            .map(|(k, l)| (k.to_string(), lat(l)))
            .collect();
        let all = latency(self.queries.iter());
        let phase = |p: &Phase| {
            json!({
                "median_ms": p.median.as_secs_f64() * 1e3,
                "runs": p.runs,
                "mb_per_s": p.mbps(s.source),
            })
        };
        json!({
            "dir": self.dir,
            "load_average": self.load_average,
            "cores": cores(),
            "files": self.files,
            "documents": self.documents,
            "sections": self.sections,
            "words": self.words,
            "terms": self.terms,
            "read_ms": self.load.as_secs_f64() * 1e3,
            "ingest": phase(&self.ingest),
            "topics": phase(&self.topics),
            "index": phase(&self.index),
            "encode": phase(&self.encode),
            "sizes": {
                "source": s.source,
                "source_gzip": s.source_gzip,
                "corpus": s.corpus,
                "corpus_gzip": s.corpus_gzip,
                "index": s.total - s.corpus,
                "index_gzip": s.total_gzip.saturating_sub(s.corpus_gzip),
                "total": s.total,
                "total_gzip": s.total_gzip,
            },
            "latency": { "kinds": kinds, "overall": lat(&all) },
            "targets": {
                "index_mb_per_s": TARGET_INDEX_MBPS,
                "p95_us": self.p95_target(),
                "index_met": self.index.mbps(s.source) >= TARGET_INDEX_MBPS,
                "p95_met": all.p95 <= self.p95_target(),
            },
            "queries": self.queries.iter().map(|q| json!({
                "kind": q.kind,
                "query": q.query,
                "total": q.total,
                "runs": q.runs,
                "p50_us": quantile(&q.samples, 0.5),
                "p95_us": quantile(&q.samples, 0.95),
                "max_us": q.samples.last().copied().unwrap_or(0.0),
            })).collect::<Vec<_>>(),
        })
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

    #[test]
    fn misspellings_keep_the_first_letter_and_change_the_word() {
        let mut rng = Rng(SEED);
        for _ in 0..100 {
            let typo = misspell("government", &mut rng);
            assert!(typo.starts_with('g'));
            assert_ne!(typo, "government");
        }
    }
}
