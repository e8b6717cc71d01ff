//! What a folder asks to leave out (`.folioignore`, MkDocs' `exclude_docs`, `draft_docs` and
//! `not_in_nav`), and how the build reports what it skips: by pattern, by kind of file, by
//! kind of reason; and documents that repeat another, word for word.

mod common;

use common::{file, order, run, warnings};
use folio_core::ingest::{ingest, SourceFile};
use folio_core::Block;

fn md(path: &str) -> SourceFile {
    file(path, &format!("# {path}\n\nThe text of {path}.\n"))
}

#[test]
fn folioignore_leaves_out_documents_images_and_whole_folders() {
    let ingested = run(&[
        file(
            ".folioignore",
            "\u{feff}# generated pages\nprint.html\n/drafts/\n*.png\n!keep.png\nnothing-here.md\n",
        ),
        md("index.md"),
        file(
            "print.html",
            "<html><body><h1>Everything</h1><p>All again.</p></body></html>",
        ),
        file("book/print.html", "<h1>Again</h1><p>And again.</p>"),
        md("drafts/one.md"),
        md("drafts/deep/two.md"),
        md("notes/drafts.md"),
        file("shot.png", "\u{89}PNG"),
        file("keep.png", "\u{89}PNG"),
    ]);
    assert_eq!(order(&ingested), ["index.md", "notes/drafts.md"]);
    assert_eq!(ingested.media, ["keep.png"]);
    assert_eq!(
        warnings(&ingested),
        [
            ".folioignore: line 2 (`print.html`): 2 files left out: book/print.html, print.html",
            ".folioignore: line 3 (`/drafts/`): 2 files left out: drafts/deep/two.md, \
             drafts/one.md",
            ".folioignore: line 4 (`*.png`): 1 file left out: shot.png",
            ".folioignore: line 6 (`nothing-here.md`) matches no file",
        ]
    );
}

#[test]
fn a_page_the_build_cannot_take_can_be_left_out() {
    let heading_only = file("appendices.html", "<h1>Appendices</h1>");
    let twin = md("addons.html");
    let files = [md("index.md"), md("addons.md"), twin, heading_only];
    let err = ingest(&files).unwrap_err().to_string();
    assert!(err.contains(".folioignore"), "{err}");
    let mut with_ignore = files.to_vec();
    with_ignore.push(file(".folioignore", "appendices.html\naddons.html\n"));
    assert_eq!(
        order(&run(&with_ignore)),
        ["index.md", "addons.md"],
        "the folder order puts index first"
    );
}

#[test]
fn a_folioignore_that_is_not_utf8_names_itself() {
    let mut ignore = file(".folioignore", "a.md\n");
    ignore.bytes.push(0xff);
    let err = ingest(&[ignore, md("a.md")]).unwrap_err().to_string();
    assert!(
        err.starts_with(".folioignore: invalid UTF-8 at byte offset 5"),
        "{err}"
    );
}

#[test]
fn mkdocs_exclusions_drafts_and_pages_not_in_the_nav() {
    let config = "site_name: S
exclude_docs: |
  *.py
  /api/
draft_docs: |
  _unpublished/
not_in_nav: |
  /extras/
nav:
  - index.md
";
    let ingested = run(&[
        file("../mkdocs.yml", config),
        md("index.md"),
        md("api/reference.md"),
        file("tool.py", "print('hi')\n"),
        md("_unpublished/soon.md"),
        md("extras/more.md"),
        md("other.md"),
        file(
            "templates/main.html",
            "<h1>{{ page.title }}</h1><p>{{ content }}</p>",
        ),
    ]);
    assert_eq!(order(&ingested), ["index.md", "extras/more.md", "other.md"]);
    assert_eq!(
        warnings(&ingested),
        [
            "../mkdocs.yml: MkDocs' own `/templates/`: 1 file left out: templates/main.html",
            "../mkdocs.yml: line 3 (`*.py`): 1 file left out: tool.py",
            "../mkdocs.yml: line 4 (`/api/`): 1 file left out: api/reference.md",
            "../mkdocs.yml: line 6 (`_unpublished/`): 1 file left out as drafts: \
             _unpublished/soon.md",
            "../mkdocs.yml: 1 document is not listed, so it comes after the listed ones: \
             other.md",
        ]
    );
}

#[test]
fn mkdocs_patterns_in_the_folder_are_relative_to_its_docs_dir() {
    let config = "site_name: S\nexclude_docs: |\n  /old/\n";
    let ingested = run(&[
        file("mkdocs.yml", config),
        md("docs/index.md"),
        md("docs/old/page.md"),
        md("old/notes.md"),
    ]);
    assert_eq!(order(&ingested), ["docs/index.md", "old/notes.md"]);
}

#[test]
fn files_of_one_unread_kind_make_one_warning() {
    let mut files = vec![
        md("index.md"),
        file("LICENSE", "MIT"),
        file("notes.docx", "x"),
    ];
    for i in 0..8 {
        files.push(file(&format!("css/s{i}.css"), "p {}"));
    }
    let said = warnings(&run(&files));
    assert_eq!(
        said,
        [
            "LICENSE: skipped: not a supported kind of file (.txt, .text, .md, .markdown, .html, \
             .htm)",
            "*.css: 8 files skipped, not a supported kind of file (.txt, .text, .md, .markdown, \
             .html, .htm): css/s0.css, css/s1.css, css/s2.css, css/s3.css, css/s4.css and 3 more",
            "notes.docx: skipped: not a supported kind of file (.txt, .text, .md, .markdown, \
             .html, .htm)",
        ]
    );
}

#[test]
fn pages_skipped_for_one_kind_of_reason_make_one_warning() {
    let redirect = |to: &str| {
        format!("<html><head><meta http-equiv=\"refresh\" content=\"0; url={to}\"></head></html>")
    };
    let ingested = run(&[
        md("index.md"),
        file("a.html", &redirect("index.html")),
        file("b.html", &redirect("index.html#x")),
        file("draft.md", "---\ndraft: true\n---\n# Soon\n\nText.\n"),
    ]);
    assert_eq!(
        warnings(&ingested),
        [
            "2 pages: skipped, as the page redirects elsewhere: a.html, b.html",
            "draft.md: skipped: a draft (`draft: true` in its front matter)",
        ]
    );
}

#[test]
fn links_above_the_folder_make_one_warning() {
    let one = run(&[file("a.md", "# A\n\nSee [std](../std/index.html).\n")]);
    assert_eq!(
        warnings(&one),
        ["a.md: link \"../std/index.html\" kept as written: it leads outside the folder"]
    );
    let many = run(&[
        file(
            "a.md",
            "# A\n\n[x](../std/x.html) [y](../std/y.html) [x](../std/x.html)\n",
        ),
        file(
            "b/c.md",
            "# C\n\n[z](../../z.md) [a](../a.md) [gone](gone.md)\n",
        ),
    ]);
    assert_eq!(
        warnings(&many),
        [
            "b/c.md: link \"gone.md\" kept as written: no document of the corpus is at \
             \"b/gone.md\"",
            "3 links: kept as written, as they lead outside the folder: ../std/x.html (in a.md), \
             ../std/y.html (in a.md), ../../z.md (in b/c.md)",
        ]
    );
}

#[test]
fn pages_left_out_on_purpose_are_not_missing_from_the_nav_nor_from_links() {
    let config = "site_name: S\nnav:\n  - index.md\n  - blog/index.md\n  - old.md\n";
    let ingested = run(&[
        file("../mkdocs.yml", config),
        file(".folioignore", "/blog/index.md\n"),
        file(
            "index.md",
            "# Home\n\nSee [the blog](blog/index.md), [the old page](old.md) and [gone](gone.md).\n",
        ),
        file("blog/index.md", "# Blog\n"),
        file("old.md", "---\nredirect_to: index.md\n---\n# Old\n\nMoved.\n"),
    ]);
    assert_eq!(order(&ingested), ["index.md"]);
    assert_eq!(
        warnings(&ingested),
        [
            "old.md: skipped: the page redirects to index.md",
            ".folioignore: line 1 (`/blog/index.md`): 1 file left out: blog/index.md",
            "index.md: link \"blog/index.md\" kept as written: blog/index.md is left out of the \
             corpus",
            "index.md: link \"old.md\" kept as written: old.md is left out of the corpus",
            "index.md: link \"gone.md\" kept as written: no document of the corpus is at \
             \"gone.md\"",
        ]
    );
}

/// A chapter as mdBook builds it, with a link to one of its own headings.
const CHAPTER: &str = "<html><head><title>Introduction - The Book</title></head><body>\
    <nav><a href=\"introduction.html\">Introduction</a></nav><main><h1>Introduction</h1>\
    <p>Read the <a href=\"#conventions\">conventions</a> first.</p>\
    <h2 id=\"conventions\">Conventions</h2><p>Words in bold are new.</p></main></body></html>";

#[test]
fn a_page_that_repeats_another_word_for_word_is_read_once() {
    let ingested = run(&[
        // mdBook's index page is a copy of the first chapter.
        file("index.html", CHAPTER),
        file("introduction.html", CHAPTER),
        file(
            "notes.md",
            "# Notes\n\nSee [the conventions](introduction.html#conventions).\n",
        ),
        // The same title over other words, or the same words under another title: kept.
        file("other.md", "# Introduction\n\nAnother text.\n"),
        file("again.md", "# Again\n\nWords in bold are new.\n"),
    ]);
    assert_eq!(
        order(&ingested),
        ["index.html", "again.md", "notes.md", "other.md"]
    );
    assert_eq!(ingested.coverage.len(), 4);
    assert_eq!(
        warnings(&ingested),
        ["introduction.html: left out: it repeats index.html, word for word"]
    );
    let notes = &ingested.corpus.documents[2];
    let Block::Paragraph(text) = &notes.sections[0].blocks[0] else {
        panic!("{:?}", notes.sections[0].blocks);
    };
    let link = text.spans.iter().find_map(|s| s.link.as_deref());
    assert_eq!(link, Some("#/d/index/conventions"));
}

#[test]
fn copies_make_one_warning() {
    let ingested = run(&[
        md("a.md"),
        file("b.md", "# a.md\n\nThe text of a.md.\n"),
        file("c.markdown", "# Same\n\nThe same words.\n"),
        file("d.md", "# Same\n\nThe same words.\n"),
    ]);
    assert_eq!(order(&ingested), ["a.md", "c.markdown"]);
    assert_eq!(
        warnings(&ingested),
        [
            "2 documents: left out, as each repeats another word for word: b.md (repeats a.md), \
          d.md (repeats c.markdown)"
        ]
    );
}

#[test]
fn a_site_sphinx_built_leaves_out_its_copies_of_sources_and_its_indexes() {
    let page = |title: &str, next: &str| {
        format!(
            "<html><head><title>{title} &#8212; Zoo documentation</title>\
             <link rel=\"next\" href=\"{next}\"></head><body><div role=\"main\">\
             <h1>{title}</h1><p>About {title}.</p></div></body></html>"
        )
    };
    let ingested = run(&[
        file("objects.inv", "# Sphinx inventory version 2\n"),
        file("index.html", &page("Zoo", "welcome.html")),
        file("welcome.html", &page("Welcome", "animals/zebras.html")),
        file("animals/zebras.html", &page("Zebras", "")),
        file("_sources/index.rst.txt", "Zoo\n===\n\nAbout Zoo.\n"),
        file("_sources/animals/zebras.rst.txt", "Zebras\n======\n"),
        // An index with no entries has no body text: it would stop the build.
        file(
            "genindex.html",
            "<html><head><title>Index</title></head><body><h1>Index</h1></body></html>",
        ),
        file("py-modindex.html", &page("Python Module Index", "")),
        file(
            "notes/_sources/kept.txt",
            "Kept: only the top folder's are copies.\n",
        ),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "index.html",
            "welcome.html",
            "animals/zebras.html",
            "notes/_sources/kept.txt",
        ]
    );
    assert_eq!(
        warnings(&ingested),
        [
            "objects.inv: skipped: not a supported kind of file (.txt, .text, .md, .markdown, \
             .html, .htm)",
            "objects.inv: Sphinx's own `/_sources/`: 2 files left out: \
             _sources/animals/zebras.rst.txt, _sources/index.rst.txt",
            "objects.inv: Sphinx's own `/genindex.html`: 1 file left out: genindex.html",
            "objects.inv: Sphinx's own `/py-modindex.html`: 1 file left out: py-modindex.html",
        ]
    );
}

#[test]
fn without_sphinx_inventory_those_names_are_documents() {
    let ingested = run(&[
        file("_sources/a.txt", "A note of the folder.\n"),
        file("genindex.html", "<h1>Genes</h1><p>An index of genes.</p>"),
    ]);
    assert_eq!(order(&ingested), ["_sources/a.txt", "genindex.html"]);
}
