//! Data-driven cases for the plain-text reader: each case is a source and the outline of the
//! document it must give (see `common::outline`).

mod common;

use common::{one, outline};

/// (name, source, title, outline)
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "title line, heading between blank lines",
        "A title\n\nFirst paragraph.\n\nA heading\n\nBody text here.\n",
        "A title",
        "~ First paragraph… [first-paragraph] P\n# A heading [a-heading] P",
    ),
    (
        "no title line: the title comes from the file name",
        "A paragraph that runs on, and ends with a period.\n\nAnother one.\n",
        "Case",
        "~ A paragraph that runs… [a-paragraph-that-runs] P P",
    ),
    (
        "three blank lines start an untitled section",
        "Title\n\nOne.\n\n\nStill the first section.\n\n\n\nA new start here.\n",
        "Title",
        "~ One… [one] P P\n~ A new start here… [a-new-start-here] P",
    ),
    (
        "a short line at the very end is text, not a heading",
        "Title\n\nBody text.\n\nThe end\n",
        "Title",
        "~ Body text… [body-text] P P",
    ),
    (
        "a line ending in a colon is not a heading",
        "Title\n\nIt had four points:\n\n  1. One.\n  2. Two.\n\nAfter.\n",
        "Title",
        "~ It had four points… [it-had-four-points] P OL(1. 2.) P",
    ),
    (
        "a lead-in line directly followed by a bulleted list",
        "Title\n\nThings:\n- apples\n- pears\n",
        "Title",
        "~ Things… [things] P UL(- -)",
    ),
    (
        "an unindented numbered line alone is a paragraph",
        "Title\n\n2010. A year like no other.\n",
        "Title",
        "~ 2010… [2010] P",
    ),
    (
        "two headings in a row: the first is text",
        "Title\n\nIntro text.\n\nPart one\n\nChapter one\n\nBody.\n",
        "Title",
        "~ Intro text… [intro-text] P P\n# Chapter one [chapter-one] P",
    ),
    (
        "repeated headings get distinct ids",
        "Title\n\nNotes\n\nBody one.\n\nNotes\n\nBody two.\n",
        "Title",
        "# Notes [notes] P\n# Notes [notes-2] P",
    ),
    (
        "indented lines keep their layout",
        "Title\n\n    let x = 1;\n    let y = 2;\n\nDone.\n",
        "Title",
        "~ let x 1… [let-x-1] Pre P",
    ),
    (
        "a paragraph that is one quotation",
        "Title\n\n“To be or not to be.”\n\nSaid he.\n",
        "Title",
        "~ To be or… [to-be-or] Q(P) P",
    ),
    (
        "Windows line endings",
        "Title\r\n\r\nHeading here\r\n\r\nBody text.\r\n",
        "Title",
        "# Heading here [heading-here] P",
    ),
];

#[test]
fn text_cases() {
    let mut failures = Vec::new();
    for (name, source, title, want) in CASES {
        let doc = one("case.txt", source);
        let got = (doc.title.as_str(), outline(&doc));
        if got != (*title, want.to_string()) {
            failures.push(format!(
                "case `{name}`:\n  want {title:?} {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn breadcrumb_dateline_and_signature() {
    let source = "Topics > India, Pakistan, Bangla > \n\nThe title\n\nposted 4 Mar 2012, 12:27 by Admin uk \u{a0} [ updated 4 Mar 2012, 14:56 ]\n\nBody text.\n\nJane Doe\n\n20 May, 2010\n\n(A note.)\n";
    let doc = one("page.txt", source);
    let meta = &doc.meta;
    assert_eq!(doc.title, "The title");
    assert_eq!(meta.categories, ["Topics", "India, Pakistan, Bangla"]);
    let posted = meta.posted.as_ref().unwrap();
    assert_eq!(
        (posted.iso.as_str(), posted.text.as_str()),
        ("2012-03-04T12:27", "4 Mar 2012, 12:27")
    );
    assert_eq!(meta.updated.as_ref().unwrap().iso, "2012-03-04T14:56");
    assert_eq!(meta.poster.as_deref(), Some("Admin uk"));
    assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(meta.written.as_ref().unwrap().iso, "2010-05-20");
    assert_eq!(meta.notes, ["(A note.)"]);
    assert_eq!(doc.header.len(), 3);
    assert_eq!(doc.footer, ["Jane Doe", "20 May, 2010", "(A note.)"]);
    assert_eq!(outline(&doc), "~ Body text… [body-text] P");
}

#[test]
fn a_date_without_a_name_stays_in_the_body() {
    let doc = one("d.txt", "Title\n\nBody text.\n\n20 May, 2010\n");
    assert!(doc.meta.written.is_none());
    assert!(doc.footer.is_empty());
}

#[test]
fn text_is_kept_exactly_as_written() {
    let body = "\u{a0}Curly “quotes” – dashes,  double  spaces.";
    let doc = one("t.txt", &format!("Title\n\n{body}\n"));
    let folio_core::Block::Paragraph(text) = &doc.sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    assert_eq!(text.to_plain(), body);
}
