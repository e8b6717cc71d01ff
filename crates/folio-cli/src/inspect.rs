//! `folio inspect`: a human summary of a data folder, or the whole model as JSON.

use std::path::Path;

use folio_core::format::{encode, Bundle};
use folio_core::ingest::{Coverage, Ingested};
use folio_core::{Document, SourceFormat, Stamp};

/// Loads and ingests `dir`, or says why not.
pub fn load(dir: &Path) -> Result<Ingested, String> {
    let files = folio_load::load_dir(dir).map_err(|e| e.to_string())?;
    folio_load::ingest(&files).map_err(|e| e.to_string())
}

pub fn run(dir: &Path, json: bool) -> Result<(), String> {
    let ingested = load(dir)?;
    for warning in &ingested.warnings {
        eprintln!("warning: {warning}");
    }
    if json {
        let value = serde_json::json!({
            "documents": ingested.corpus.documents,
            "coverage": ingested.coverage,
            "warnings": ingested.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        });
        crate::emit_json(&value)?;
    } else {
        crate::emit(&summary(dir, &ingested))?;
    }
    Ok(())
}

/// The first `n` items, quoted, then "…" if there are more.
fn list(items: &[String], n: usize) -> String {
    let mut shown: Vec<String> = items.iter().take(n).map(|i| format!("{i:?}")).collect();
    if items.len() > n {
        shown.push("…".into());
    }
    shown.join(", ")
}

fn stamp(stamp: &Stamp) -> String {
    if stamp.iso.is_empty() || stamp.iso == stamp.text {
        stamp.text.clone()
    } else {
        format!("{} ({})", stamp.iso, stamp.text)
    }
}

/// The summary `folio inspect` prints.
pub fn summary(dir: &Path, ingested: &Ingested) -> String {
    let docs = &ingested.corpus.documents;
    let sections: usize = docs.iter().map(|d| d.sections.len()).sum();
    let words: usize = docs.iter().map(Document::word_count).sum();
    let mut out = format!(
        "{}: {} document{}, {} sections, {} words\n",
        dir.display(),
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        sections,
        words
    );
    let bundle = Bundle::new(ingested.corpus.clone());
    let corpus_only = Bundle {
        corpus: bundle.corpus.clone(),
        ..Bundle::default()
    };
    if let (Ok(blob), Ok(corpus)) = (encode(&bundle), encode(&corpus_only)) {
        out.push_str(&format!(
            "embedded blob: {} bytes (corpus {}, search index of {} terms {})\n",
            blob.len(),
            corpus.len(),
            bundle.index.term_count(),
            blob.len() - corpus.len()
        ));
    }
    if !ingested.media.is_empty() {
        let n = ingested.media.len();
        out.push_str(&format!(
            "images: {n} published with the app in media/ ({})\n",
            list(&ingested.media, 3)
        ));
    }
    if let Some(listing) = &ingested.listing {
        out.push_str(&format!(
            "order: as {} lists them ({} of {})\n",
            listing.file,
            docs.iter()
                .filter(|d| listing.entries.iter().any(|(path, _)| *path == d.source))
                .count(),
            docs.len()
        ));
    }
    for (doc, coverage) in docs.iter().zip(&ingested.coverage) {
        out.push_str(&document(doc, coverage));
    }
    out
}

fn document(doc: &Document, coverage: &Coverage) -> String {
    let meta = &doc.meta;
    let mut out = format!("\n{}  {}\n", doc.id, doc.title);
    let mut field = |name: &str, value: String| out.push_str(&format!("  {name:<10}{value}\n"));
    let format = match doc.format {
        SourceFormat::Text => "plain text",
        SourceFormat::Markdown => "Markdown",
        SourceFormat::Html => "HTML",
    };
    field("source", format!("{} ({format})", doc.source));
    if !meta.categories.is_empty() {
        field("category", meta.categories.join(" › "));
    }
    if let Some(posted) = &meta.posted {
        let by = meta
            .poster
            .as_ref()
            .map(|p| format!(" by {p}"))
            .unwrap_or_default();
        field("posted", format!("{}{by}", stamp(posted)));
    }
    if let Some(updated) = &meta.updated {
        field("updated", stamp(updated));
    }
    if let Some(author) = &meta.author {
        field("author", author.clone());
    }
    if let Some(written) = &meta.written {
        field("written", stamp(written));
    }
    if let Some(weight) = meta.weight {
        field("weight", weight.0.to_string());
    }
    if !meta.tags.is_empty() {
        field("tags", meta.tags.join(", "));
    }
    for note in &meta.notes {
        field("note", note.clone());
    }
    // What a page keeps apart from its text: its title and metadata, menus, footers.
    if doc.format == SourceFormat::Html && !(doc.header.is_empty() && doc.footer.is_empty()) {
        let lines = |n: usize| format!("{n} line{}", if n == 1 { "" } else { "s" });
        let mut apart = format!("{} before the text", lines(doc.header.len()));
        if !doc.header.is_empty() {
            apart.push_str(&format!(" ({})", list(&doc.header, 3)));
        }
        apart.push_str(&format!(", {} after", lines(doc.footer.len())));
        if !doc.footer.is_empty() {
            apart.push_str(&format!(" ({})", list(&doc.footer, 2)));
        }
        field("apart", apart);
    }
    field(
        "coverage",
        format!(
            "{:.1}% — {} of {} text characters kept, {} markup characters{}",
            coverage.ratio() * 100.0,
            coverage.matched_chars,
            coverage.source_chars - coverage.markup_chars,
            coverage.markup_chars,
            if coverage.is_lossless() {
                ", lossless"
            } else {
                ", TEXT LOST"
            }
        ),
    );
    out.push_str(&format!("  sections  {}\n", doc.sections.len()));
    for (i, section) in doc.sections.iter().enumerate() {
        let indent = "  ".repeat(usize::from(section.level.saturating_sub(1)));
        out.push_str(&format!(
            "    {:>3}. {indent}{}{}  [{}]  {} words\n",
            i + 1,
            section.title,
            if section.untitled { " (untitled)" } else { "" },
            section.id,
            section.word_count()
        ));
    }
    out
}
