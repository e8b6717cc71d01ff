//! The blob format: what the writer encodes through serde, the hand-written reader reads back
//! exactly, and reads as serde's own postcard deserialiser does, for real corpora and for a
//! bundle holding every variant of every type. Damaged blobs give errors, never panics.

mod common;

use std::fs;

use common::file;
use folio_core::format::{decode, encode, Bundle, MAGIC};
use folio_core::ingest::{ingest, SourceFile};
use folio_core::model::{
    Alert, AlertKind, Align, Block, Corpus, Document, List, ListItem, Metadata, Preformatted,
    Section, SourceFormat, Span, Stamp, Style, Table, Text,
};
use folio_core::topics::{Group, Source, Topic, TopicSection, Topics};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn folder(dir: &str) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| SourceFile {
            path: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: fs::read(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn bundle_of(files: &[SourceFile]) -> Bundle {
    let ingested = ingest(files).unwrap_or_else(|e| panic!("{e}"));
    Bundle::new(ingested.corpus).with_topics(ingested.topics)
}

/// Reads `blob` with the hand-written reader, checks that serde's deserialiser reads the same,
/// and returns what was read.
fn read_both_ways(blob: &[u8]) -> Bundle {
    let read = decode(blob).unwrap_or_else(|e| panic!("{e}"));
    let by_serde: Bundle = postcard::from_bytes(&blob[MAGIC.len() + 1..]).unwrap();
    assert_eq!(read, by_serde, "the reader and serde disagree");
    read
}

fn span(text: &str, style: Style, link: Option<&str>) -> Span {
    Span {
        text: text.into(),
        style,
        link: link.map(Into::into),
    }
}

fn stamp(iso: &str, text: &str) -> Option<Stamp> {
    Some(Stamp {
        iso: iso.into(),
        text: text.into(),
    })
}

/// A bundle with every variant of every enum, every option both ways, and nested blocks.
fn every_variant() -> Bundle {
    let all = Style {
        emphasis: true,
        strong: true,
        code: true,
        strikethrough: true,
        note: true,
        image: true,
    };
    let text = Text {
        spans: vec![
            span("plain “quoted” – \u{a0}", Style::default(), None),
            span("all styles", all, Some("#/d/a/b")),
            span("", Style::default(), Some("")),
        ],
    };
    let mut blocks = vec![
        Block::Paragraph(text.clone()),
        Block::List(List {
            ordered: true,
            notes: true,
            items: vec![
                ListItem {
                    marker: "1.".into(),
                    task: Some(true),
                    blocks: vec![Block::Quote(vec![Block::Paragraph(text.clone())])],
                },
                ListItem {
                    marker: "-".into(),
                    task: Some(false),
                    blocks: vec![],
                },
                ListItem {
                    marker: "*".into(),
                    task: None,
                    blocks: vec![Block::Paragraph(Text::default())],
                },
            ],
        }),
        Block::Preformatted(Preformatted {
            info: Some("rust".into()),
            text: "fn main() {}\n".into(),
        }),
        Block::Preformatted(Preformatted {
            info: None,
            text: String::new(),
        }),
        Block::Table(Table {
            align: vec![Align::None, Align::Left, Align::Center, Align::Right],
            head: 300,
            rows: vec![vec![text.clone(), Text::default()], vec![]],
        }),
    ];
    blocks.extend(AlertKind::ALL.iter().map(|&kind| {
        Block::Alert(Alert {
            kind,
            blocks: vec![Block::Paragraph(text.clone())],
        })
    }));
    let document = |id: &str, format, meta| Document {
        id: id.into(),
        title: format!("Title of {id}"),
        source: format!("{id}.src"),
        format,
        meta,
        header: vec!["a header line".into(), String::new()],
        sections: vec![
            Section {
                id: "s".into(),
                title: "Section".into(),
                level: 255,
                untitled: true,
                blocks: blocks.clone(),
            },
            Section {
                id: "empty".into(),
                title: String::new(),
                level: 0,
                untitled: false,
                blocks: vec![],
            },
        ],
        footer: vec!["(a note)".into()],
    };
    let full = Metadata {
        categories: vec!["Topics".into(), "India, Pakistan".into()],
        posted: stamp("2012-03-04T12:27", "4 Mar 2012, 12:27"),
        updated: stamp("", "someday"),
        poster: Some("Admin uk".into()),
        author: Some("Jonathan Clyne".into()),
        written: stamp("2010-05-20", "20 May, 2010"),
        tags: vec!["tag".into()],
        notes: vec!["note".into()],
        ..Metadata::default()
    };
    let corpus = Corpus {
        documents: vec![
            document("text", SourceFormat::Text, full),
            document("markdown", SourceFormat::Markdown, Metadata::default()),
            document("html", SourceFormat::Html, Metadata::default()),
        ],
    };
    let groups: Vec<Group> = Group::KNOWN
        .into_iter()
        .chain([Group::Custom("Ships".into())])
        .collect();
    let sources = [Source::Curated, Source::Metadata, Source::Discovered];
    let topics = groups
        .iter()
        .enumerate()
        .map(|(i, group)| Topic {
            id: format!("t{i}"),
            name: format!("Topic {i}"),
            group: group.clone(),
            source: sources[i % 3],
            description: (i % 2 == 0).then(|| "described".into()),
            forms: vec![format!("topic {i}")],
            mentions: u32::MAX - i as u32,
            sections: vec![TopicSection {
                doc: i as u32 % 3,
                section: 1,
                mentions: 128,
                weight: 0.1 + i as f32,
            }],
        })
        .collect();
    Bundle::new(corpus).with_topics(Topics { topics })
}

#[test]
fn every_variant_reads_back_as_written() {
    let bundle = every_variant();
    let blob = encode(&bundle).unwrap();
    assert_eq!(read_both_ways(&blob), bundle);
}

#[test]
fn the_default_corpus_and_the_fixtures_read_back_as_written() {
    for dir in [DATA, FIXTURES] {
        let bundle = bundle_of(&folder(dir));
        assert!(!bundle.corpus.documents.is_empty(), "{dir}");
        let blob = encode(&bundle).unwrap();
        // What ingest keeps only for itself (`#[serde(skip)]`) is not in the blob: the bundle
        // read back writes the same blob again.
        let read = read_both_ways(&blob);
        assert_eq!(
            read.corpus.documents.len(),
            bundle.corpus.documents.len(),
            "{dir}"
        );
        assert_eq!(encode(&read).unwrap(), blob, "{dir}");
    }
}

#[test]
fn every_shortened_blob_is_refused() {
    let blob = encode(&bundle_of(&[file(
        "a.md",
        "# A\n\n> [!NOTE]\n> - item\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n",
    )]))
    .unwrap();
    for end in 0..blob.len() {
        assert!(
            decode(&blob[..end]).is_err(),
            "{end} of {} bytes",
            blob.len()
        );
    }
    // Any byte changed: an error or another bundle, never a panic.
    for at in MAGIC.len() + 1..blob.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut damaged = blob.clone();
            damaged[at] ^= flip;
            let _ = decode(&damaged);
        }
    }
}

#[test]
fn damage_is_named() {
    let blob = encode(&every_variant()).unwrap();
    let header = MAGIC.len() + 1;
    let error = |bytes: &[u8]| decode(bytes).unwrap_err().to_string();
    // The first document's id claims more bytes than there are.
    let mut long = blob[..header].to_vec();
    long.extend([1, 0xff, 0xff, 0xff, 0x0f]);
    assert!(
        error(&long).contains("a length past the end"),
        "{}",
        error(&long)
    );
    // A number of more than five bytes.
    let mut endless = blob[..header].to_vec();
    endless.extend([0xff; 8]);
    assert!(error(&endless).contains("a number"), "{}", error(&endless));
    // A bad UTF-8 string: one document whose id is a lone continuation byte.
    let mut utf8 = blob[..header].to_vec();
    utf8.extend([1, 1, 0x80]);
    assert!(error(&utf8).contains("UTF-8"), "{}", error(&utf8));
    // Bytes left over.
    let mut extra = blob.clone();
    extra.push(0);
    assert!(
        error(&extra).contains("unexpected bytes"),
        "{}",
        error(&extra)
    );
}

#[test]
fn blocks_nested_too_deep_are_refused_not_a_stack_overflow() {
    let mut bundle = every_variant();
    let mut block = Block::Paragraph(Text::plain("deep"));
    for _ in 0..100 {
        block = Block::Quote(vec![block]);
    }
    bundle.corpus.documents[0].sections[0].blocks = vec![block];
    let blob = encode(&bundle).unwrap();
    let message = decode(&blob).unwrap_err().to_string();
    assert!(message.contains("nested too deep"), "{message}");
}
