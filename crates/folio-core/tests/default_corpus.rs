//! The default corpus in `data/`: its structure as the report's reader expects it, and a golden
//! snapshot of the whole processed model so that no change to ingest alters it unnoticed.
//! Set `UPDATE_SNAPSHOTS=1` to rewrite the snapshot after an intended change.

mod common;

use std::path::Path;

use common::{file, outline};
use folio_core::ingest::ingest;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
const REPORT: &str = "000_15142d29402a5562.txt";

fn report() -> folio_core::Document {
    let text = std::fs::read_to_string(Path::new(DATA).join(REPORT)).unwrap();
    common::one(REPORT, &text)
}

#[test]
fn fourteen_sections_in_order() {
    let doc = report();
    let titles: Vec<(&str, bool)> = doc
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.untitled))
        .collect();
    assert_eq!(
        titles,
        [
            ("Back in 2009…", true),
            ("My first stop in Pakistan…", true),
            ("The character of the PPP", false),
            ("Strategy to build a mass revolutionary party", false),
            ("When Benazir Bhutto returned…", true),
            ("The election campaign", false),
            ("The PTCL strike", false),
            ("The Benazir Stock Option Scheme (BESOS)", false),
            ("Call for a coalition government", false),
            ("State financing", false),
            ("The question of Manzoors positions…", true),
            ("Public profile", false),
            ("The degeneration of the old organisation", false),
            ("Before going to Pakistan…", true),
        ]
    );
}

#[test]
fn metadata_of_the_report() {
    let doc = report();
    let meta = &doc.meta;
    assert_eq!(doc.id, "000_15142d29402a5562");
    assert_eq!(
        doc.title,
        "Manzoor Ahmed and the IMT - report of a visit to Pakistan"
    );
    assert_eq!(meta.categories, ["Topics", "India, Pakistan, Bangla"]);
    assert_eq!(meta.author.as_deref(), Some("Jonathan Clyne"));
    assert_eq!(meta.written.as_ref().unwrap().iso, "2010-05-20");
    assert_eq!(meta.written.as_ref().unwrap().text, "20 May, 2010");
    assert_eq!(meta.posted.as_ref().unwrap().iso, "2012-03-04T12:27");
    assert_eq!(meta.updated.as_ref().unwrap().iso, "2012-03-04T14:56");
    assert_eq!(meta.poster.as_deref(), Some("Admin uk"));
    assert_eq!(meta.notes.len(), 1);
    assert!(meta.notes[0].starts_with("(There are further reports"));
}

#[test]
fn the_ptcl_strike_holds_the_four_point_list() {
    let doc = report();
    let strike = doc.section("the-ptcl-strike").unwrap();
    let lists: Vec<&folio_core::List> = strike
        .blocks
        .iter()
        .filter_map(|b| match b {
            folio_core::Block::List(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(lists.len(), 1);
    assert!(lists[0].ordered);
    let markers: Vec<&str> = lists[0].items.iter().map(|i| i.marker.as_str()).collect();
    assert_eq!(markers, ["1.", "2.", "3.", "4."]);
    let first = lists[0].items[0].blocks[0].clone();
    let folio_core::Block::Paragraph(text) = first else {
        panic!("a paragraph")
    };
    assert_eq!(
        text.to_plain(),
        "All suspended workers should be reinstated."
    );
}

#[test]
fn every_file_in_data_is_lossless() {
    let files = std::fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            file(
                &p.file_name().unwrap().to_string_lossy(),
                &std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect::<Vec<_>>();
    let ingested = ingest(&files).unwrap();
    assert!(ingested.warnings.is_empty(), "{:?}", ingested.warnings);
    for report in &ingested.coverage {
        assert!(report.is_lossless(), "{}", report.describe_loss());
        assert_eq!(report.matched_chars, report.source_chars, "{}", report.file);
    }
}

/// A stable text rendering of everything ingest decided about the report.
fn snapshot() -> String {
    let doc = report();
    let meta = serde_json::to_string_pretty(&doc.meta).unwrap();
    let words: Vec<String> = doc
        .sections
        .iter()
        .map(|s| format!("{}: {} words", s.id, s.word_count()))
        .collect();
    format!(
        "id: {}\ntitle: {}\nheader: {:?}\nfooter: {:?}\nmeta: {meta}\n\n{}\n\n{}\n",
        doc.id,
        doc.title,
        doc.header,
        doc.footer,
        outline(&doc),
        words.join("\n")
    )
}

#[test]
fn golden_snapshot_of_the_processed_report() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/default_corpus.txt");
    let got = snapshot();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("snapshot exists (UPDATE_SNAPSHOTS=1 writes it)");
    assert_eq!(
        got, want,
        "the processed default corpus changed; review and UPDATE_SNAPSHOTS=1"
    );
}
