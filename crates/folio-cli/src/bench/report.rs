//! The benchmark's report: one table for people, or JSON.

use std::time::Duration;

use super::*;

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

    pub(super) fn table(&self) -> String {
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
            "{:<22} {:>12} {:>12.1}\n",
            format!("encode blob (×{})", self.encode.runs),
            ms(self.encode.median),
            self.encode.mbps(s.source)
        ));
        out.push_str(&format!(
            "{:<22} {:>12} {:>12.1}\n\n",
            format!("decode, postings (×{})", self.decode.runs),
            ms(self.decode.median),
            self.decode.mbps(s.source)
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

    pub(super) fn to_json(&self) -> serde_json::Value {
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
            "decode": phase(&self.decode),
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
