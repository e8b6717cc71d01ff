//! Helpers shared by the ingest tests: reading sources and describing documents compactly.

#![allow(dead_code)]

use folio_core::ingest::{ingest, Ingested, SourceFile};
use folio_core::{Block, Document};

pub fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// Ingests one file and returns its document, failing the test with the error otherwise.
pub fn one(path: &str, text: &str) -> Document {
    let ingested = ingest(&[file(path, text)]).unwrap_or_else(|e| panic!("{path}: {e}"));
    ingested.corpus.documents.into_iter().next().unwrap()
}

pub fn ingest_one(path: &str, text: &str) -> folio_core::Result<Ingested> {
    ingest(&[file(path, text)])
}

/// Ingests a folder, failing the test with the error otherwise.
pub fn run(files: &[SourceFile]) -> Ingested {
    ingest(files).unwrap_or_else(|e| panic!("{e}"))
}

/// The source paths of the corpus's documents, in reading order.
pub fn order(ingested: &Ingested) -> Vec<&str> {
    ingested
        .corpus
        .documents
        .iter()
        .map(|d| d.source.as_str())
        .collect()
}

/// What the build says, one line per warning.
pub fn warnings(ingested: &Ingested) -> Vec<String> {
    ingested.warnings.iter().map(ToString::to_string).collect()
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(_) => "P".into(),
        Block::Preformatted(_) => "Pre".into(),
        Block::Table(table) => format!("T({} rows)", table.rows.len()),
        Block::Alert(alert) => format!(
            "A:{}({})",
            alert.kind.name(),
            alert.blocks.iter().map(block).collect::<Vec<_>>().join(" ")
        ),
        Block::Quote(blocks) => format!(
            "Q({})",
            blocks.iter().map(block).collect::<Vec<_>>().join(" ")
        ),
        Block::List(list) => format!(
            "{}({})",
            if list.ordered { "OL" } else { "UL" },
            list.items
                .iter()
                .map(|i| i.marker.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

/// One line per section: `# Title [id] P P OL(1. 2.)`, `~ Label… [id] P` for untitled ones,
/// indented by level.
pub fn outline(doc: &Document) -> String {
    doc.sections
        .iter()
        .map(|s| {
            format!(
                "{}{} {} [{}] {}",
                "  ".repeat(usize::from(s.level.saturating_sub(1))),
                if s.untitled { "~" } else { "#" },
                s.title,
                s.id,
                s.blocks.iter().map(block).collect::<Vec<_>>().join(" ")
            )
            .trim_end()
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
