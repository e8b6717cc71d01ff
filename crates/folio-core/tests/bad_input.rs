//! Bad input stops ingest with a message naming the file and the cause; unsupported files are
//! skipped with a warning; a corpus is all or nothing.

mod common;

use common::{file, ingest_one};
use folio_core::ingest::{ingest, SourceFile};

fn error_of(files: &[SourceFile]) -> String {
    match ingest(files) {
        Ok(_) => panic!("ingest should have failed"),
        Err(e) => e.to_string(),
    }
}

fn assert_says(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "`{message}` should say `{part}`");
    }
}

#[test]
fn empty_files() {
    assert_says(&error_of(&[file("empty.txt", "")]), &["empty.txt", "empty"]);
    assert_says(
        &error_of(&[file("blank.md", " \n\n\t\n")]),
        &["blank.md", "empty"],
    );
}

#[test]
fn binary_files() {
    let bytes = b"PK\x03\x04\x00\x00binary".to_vec();
    let message = error_of(&[SourceFile {
        path: "archive.txt".into(),
        bytes,
    }]);
    assert_says(&message, &["archive.txt", "binary", "byte offset 4"]);
}

#[test]
fn invalid_utf8_gives_the_byte_offset() {
    let mut bytes = b"Title\n\nCaf".to_vec();
    bytes.push(0xe9); // Latin-1 é
    bytes.extend_from_slice(b" au lait.\n");
    let message = error_of(&[SourceFile {
        path: "latin1.txt".into(),
        bytes,
    }]);
    assert_says(&message, &["latin1.txt", "invalid UTF-8", "byte offset 10"]);
}

#[test]
fn files_with_no_body_text() {
    assert_says(
        &error_of(&[file("title-only.txt", "Topics > A >\n\nJust a title\n")]),
        &["title-only.txt", "no body text"],
    );
    assert_says(
        &error_of(&[file("front-only.md", "---\ntitle: Only\n---\n# Heading\n")]),
        &["front-only.md", "no body text"],
    );
}

#[test]
fn duplicate_ids_name_both_files() {
    let message = error_of(&[
        file("notes.md", "Some text."),
        file("notes.txt", "Other text."),
    ]);
    assert_says(&message, &["notes.md", "notes.txt", "`notes`"]);
}

#[test]
fn every_file_that_cannot_be_read_is_named_at_once() {
    let message = error_of(&[
        file("a.md", "# Only a heading\n"),
        file("b.txt", ""),
        file("good.md", "# Good\n\nText.\n"),
        file("good.txt", "Other text."),
    ]);
    assert_eq!(
        message.lines().collect::<Vec<_>>(),
        [
            "3 files cannot be read:",
            "  a.md: no body text: the file has a title or metadata but nothing to read; give it \
             some, or leave it out with a line in .folioignore",
            "  b.txt: the file is empty",
            "  good.txt: document id `good` is already used by good.md; rename one of the \
             files, or leave one out in .folioignore",
        ]
    );
}

#[test]
fn a_file_name_with_nothing_to_make_an_id_from() {
    assert_says(
        &error_of(&[file("---.md", "Text.")]),
        &["---.md", "document id"],
    );
}

#[test]
fn one_bad_file_fails_the_whole_corpus() {
    let files = [
        file("good.txt", "Title\n\nFine text.\n"),
        file("bad.txt", ""),
    ];
    assert!(ingest(&files).is_err());
}

#[test]
fn unsupported_files_are_skipped_with_a_warning() {
    let files = [
        file("a.txt", "Title\n\nText.\n"),
        file("picture.png", "\u{89}PNG"),
        file("notes.docx", "x"),
        file("data.csv", "a,b"),
    ];
    let ingested = ingest(&files).unwrap();
    assert_eq!(ingested.corpus.documents.len(), 1);
    // Images are published, not skipped.
    let warnings: Vec<String> = ingested.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_says(
        &warnings.join("\n"),
        &["notes.docx: skipped", "data.csv: skipped"],
    );
}

#[test]
fn a_folder_with_no_document() {
    assert_says(&error_of(&[]), &["no document"]);
    assert_says(&error_of(&[file("x.csv", "a,b")]), &["no document"]);
}

#[test]
fn malformed_front_matter_names_the_file_and_line() {
    let message = ingest_one("bad-yaml.md", "---\ntitle: [unclosed\n---\n\nText.\n")
        .unwrap_err()
        .to_string();
    assert_says(&message, &["bad-yaml.md", "YAML", "line"]);
    let message = ingest_one("bad-toml.md", "+++\ntitle = \n+++\n\nText.\n")
        .unwrap_err()
        .to_string();
    assert_says(&message, &["bad-toml.md", "TOML", "line"]);
}

#[test]
fn a_byte_order_mark_is_not_text() {
    let doc = common::one("bom.txt", "\u{feff}Title\n\nBody.\n");
    assert_eq!(doc.title, "Title");
}
