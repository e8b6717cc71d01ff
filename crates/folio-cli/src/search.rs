//! `folio search`: the app's search engine, run natively over a data folder.

use std::path::Path;

use folio_core::index::SearchIndex;
use folio_core::search::{SearchOptions, SearchResults, Searcher};

use crate::inspect::load;

pub fn run(dir: &Path, query: &str, limit: usize, json: bool) -> Result<(), String> {
    let ingested = load(dir)?;
    let index = SearchIndex::build(&ingested.corpus);
    let searcher = Searcher::new(&ingested.corpus, &index).ok_or("the search index is damaged")?;
    let options = SearchOptions {
        limit,
        ..SearchOptions::default()
    };
    let results = searcher.search(query, &options);
    if json {
        let value = serde_json::json!({
            "query": query,
            "total": results.total,
            "suggestion": results.suggestion,
            "results": results.hits.iter().map(|h| serde_json::json!({
                "document": h.doc_id,
                "id": h.section_id,
                "title": h.title,
                "score": h.score,
                "matched": h.matched,
                "snippet": h.snippet.text,
                "matches": h.snippet.highlights,
                "offset": h.snippet.offset,
            })).collect::<Vec<_>>(),
        });
        crate::emit_json(&value)?;
    } else {
        crate::emit(&summary(query, &results))?;
    }
    Ok(())
}

/// Results as text, matches in «guillemets».
pub fn summary(query: &str, results: &SearchResults) -> String {
    let mut out = format!(
        "{} section{} match `{query}`",
        results.total,
        if results.total == 1 { "" } else { "s" }
    );
    if let Some(s) = &results.suggestion {
        out.push_str(&format!(" — did you mean `{s}`?"));
    }
    out.push('\n');
    for (i, hit) in results.hits.iter().enumerate() {
        let snippet = &hit.snippet;
        let mut marked = String::new();
        let mut last = 0;
        for &(a, b) in &snippet.highlights {
            marked.push_str(&snippet.text[last..a]);
            marked.push('«');
            marked.push_str(&snippet.text[a..b]);
            marked.push('»');
            last = b;
        }
        marked.push_str(&snippet.text[last..]);
        let before = if snippet.cut_before { "…" } else { "" };
        let after = if snippet.cut_after { "…" } else { "" };
        out.push_str(&format!(
            "\n{:>2}. {}  [{}/{}]  score {:.2}\n    {before}{}{after}\n",
            i + 1,
            hit.title,
            hit.doc_id,
            hit.section_id,
            hit.score,
            marked.replace('\n', " ")
        ));
    }
    out
}
