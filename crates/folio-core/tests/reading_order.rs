//! The reading order of a folder's documents: folder order (index pages first, front-matter
//! weights, names compared as people sort them), a book's `SUMMARY.md`, and the pages that ask
//! not to be published.

mod common;

use common::{file, order, run, warnings};
use folio_core::ingest::{ingest, SourceFile};

fn md(path: &str, front: &str) -> SourceFile {
    let name = path.rsplit('/').next().unwrap();
    let front = if front.is_empty() {
        String::new()
    } else {
        format!("---\n{front}\n---\n")
    };
    file(path, &format!("{front}# {name}\n\nThe text of {path}.\n"))
}

#[test]
fn folders_read_index_first_then_names_with_numbers_by_value() {
    let ingested = run(&[
        md("10-deploy.md", ""),
        md("2-setup.md", ""),
        md("Appendix.md", ""),
        md("about.md", ""),
        md("guide/zeta.md", ""),
        md("guide/README.md", ""),
        md("guide/alpha.md", ""),
        md("guide.md", ""),
        md("index.md", ""),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "index.md",
            "2-setup.md",
            "10-deploy.md",
            "about.md",
            "Appendix.md",
            "guide.md",
            "guide/README.md",
            "guide/alpha.md",
            "guide/zeta.md",
        ]
    );
    assert!(ingested.warnings.is_empty(), "{:?}", warnings(&ingested));
    assert_eq!(ingested.listing, None);
}

#[test]
fn front_matter_weights_come_first_lowest_first_and_folders_take_their_index_pages() {
    let ingested = run(&[
        md("a.md", ""),
        md("b.md", "weight: 20"),
        md("c.md", "nav_order: 1.5"),
        md("d.md", "sidebar_position: 3"),
        md("tour/index.md", "weight: 2"),
        md("tour/stop.md", ""),
        md("z.md", "order: 1"),
        md("y.md", "order: asc"),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "z.md",
            "c.md",
            "tour/index.md",
            "tour/stop.md",
            "d.md",
            "b.md",
            "a.md",
            "y.md",
        ]
    );
}

#[test]
fn docusaurus_category_files_place_their_folders() {
    let ingested = run(&[
        md("intro.md", "sidebar_position: 5"),
        md("a-extras/more.md", ""),
        file(
            "a-extras/_category_.json",
            "{\n  \"label\": \"Extras\",\n  \"position\": 3,\n  \"link\": {\"type\": \"generated-index\"}\n}\n",
        ),
        md("b-basics/first.md", "sidebar_position: 2"),
        md("b-basics/index.md", "sidebar_position: 9"),
        file("b-basics/_category_.yml", "label: Basics\nposition: 2.5\n"),
        md("c-unplaced/page.md", ""),
        file("c-unplaced/_category_.yaml", "label: Later\n"),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "b-basics/index.md",
            "b-basics/first.md",
            "a-extras/more.md",
            "intro.md",
            "c-unplaced/page.md",
        ]
    );
    assert!(ingested.warnings.is_empty(), "{:?}", warnings(&ingested));

    let err = ingest(&[
        md("guide/a.md", ""),
        file("guide/_category_.json", "{\"position\": \"second\"}"),
    ])
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        "guide/_category_.json: `position` must be a number (the folder's place among its \
         siblings), not \"second\""
    );
}

#[test]
fn toml_front_matter_gives_a_weight_too() {
    let ingested = run(&[
        md("a.md", ""),
        file("b.md", "+++\ntitle = \"B\"\nweight = 1\n+++\n\nText.\n"),
    ]);
    assert_eq!(order(&ingested), ["b.md", "a.md"]);
}

#[test]
fn a_weight_that_is_not_a_number_names_the_file_and_the_field() {
    let err = ingest(&[md("a.md", ""), md("b.md", "weight: first")])
        .unwrap_err()
        .to_string();
    for part in ["b.md", "`weight`", "must be a number", "\"first\""] {
        assert!(err.contains(part), "{part:?} not in {err:?}");
    }
}

#[test]
fn the_coverage_reports_follow_their_documents() {
    let ingested = run(&[md("b.md", ""), md("a.md", "weight: 1")]);
    let sources: Vec<&str> = ingested.coverage.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(sources, order(&ingested));
}

const SUMMARY: &str = "# Summary\n\n[Preface](preface.md)\n\n---\n\n# User guide\n\n\
- [Start](guide/start.md)\n  - [Install](guide/install.md)\n- [Draft]()\n\
- [Gone](guide/gone.md)\n\n[Credits](credits.md)\n";

#[test]
fn a_book_summary_sets_the_order_and_is_not_a_document() {
    let ingested = run(&[
        file("SUMMARY.md", SUMMARY),
        md("credits.md", ""),
        md("guide/install.md", ""),
        md("guide/start.md", ""),
        md("preface.md", ""),
        md("notes.md", ""),
        md("a-loose-page.md", ""),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "preface.md",
            "guide/start.md",
            "guide/install.md",
            "credits.md",
            "a-loose-page.md",
            "notes.md",
        ]
    );
    let listing = ingested.listing.as_ref().unwrap();
    assert_eq!(listing.file, "SUMMARY.md");
    assert_eq!(listing.entries.len(), 5);
    assert_eq!(
        warnings(&ingested),
        [
            "SUMMARY.md: line 12 lists guide/gone.md, which is not a document of the folder",
            "SUMMARY.md: 2 documents are not listed, so they come after the listed ones: \
             a-loose-page.md, notes.md",
        ]
    );
}

#[test]
fn a_summary_of_prose_is_an_ordinary_document() {
    let ingested = run(&[
        file(
            "SUMMARY.md",
            "# Summary\n\nWe found that [cats](cats.md) sleep.\n",
        ),
        md("cats.md", ""),
    ]);
    assert_eq!(order(&ingested), ["cats.md", "SUMMARY.md"]);
    assert_eq!(ingested.listing, None);
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Page</title></head>\
<body><h1>Page</h1><p>Read me.</p></body></html>";

#[test]
fn pages_that_ask_not_to_be_indexed_or_redirect_are_skipped_with_a_warning() {
    let ingested = run(&[
        file("page.html", PAGE),
        file(
            "print.html",
            "<html><head><meta name=\"robots\" content=\"noindex\"><title>All</title></head>\
             <body><h1>All</h1><p>Everything again.</p></body></html>",
        ),
        file(
            "moved.html",
            "<html><head><meta http-equiv=\"refresh\" content=\"0; URL='page.html'\">\
             </head><body></body></html>",
        ),
        file(
            "old.html",
            "<html><head><meta name=\"ROBOTS\" content=\"NoIndex, follow\"></head>\
             <body><p>This page has moved.</p></body></html>",
        ),
    ]);
    assert_eq!(order(&ingested), ["page.html"]);
    assert_eq!(
        warnings(&ingested),
        [
            "moved.html: skipped: the page redirects to page.html",
            "2 pages: skipped, as the page asks not to be indexed: old.html, print.html",
        ]
    );
}

#[test]
fn the_sites_page_for_missing_addresses_is_skipped() {
    let ingested = run(&[
        file("404.html", "<h1>Page not found</h1><p>Nothing here.</p>"),
        file("index.md", "# Home\n\nWelcome.\n"),
        file("404.txt", "The 404th letter of the series.\n"),
        file("errors/404.html", "<h1>Codes</h1><p>What 404 means.</p>"),
    ]);
    assert_eq!(order(&ingested), ["index.md", "404.txt", "errors/404.html"]);
    assert_eq!(
        warnings(&ingested),
        ["404.html: skipped: the site shows it for addresses it does not have (404)"]
    );
    let ingested = run(&[
        file("404.md", "---\npermalink: /404.html\n---\n# Lost\n"),
        file("about.md", "# About\n\nUs.\n"),
    ]);
    assert_eq!(order(&ingested), ["about.md"]);
}

#[test]
fn pages_a_generator_fills_are_skipped_when_they_have_no_text() {
    let ingested = run(&[
        file(
            "blog/_index.md",
            "---\ntitle: Blog\nmenu: { main: { weight: 50 } }\n---\n",
        ),
        file(
            "docs/_index.md",
            "+++\ntitle = \"Docs\"\n+++\n\nThe docs.\n",
        ),
        file(
            "search.md",
            "---\ntitle: Search Results\nlayout: search\n---\n",
        ),
        file("about.md", "---\nlayout: page\n---\n# About\n\nUs.\n"),
    ]);
    assert_eq!(order(&ingested), ["about.md", "docs/_index.md"]);
    assert_eq!(
        warnings(&ingested),
        [
            "blog/_index.md: skipped: a section's list page, with no text of its own (`_index.md`)",
            "search.md: skipped: a page its layout fills, with no text of its own (`layout: search`)",
        ]
    );
    // A link to a skipped list page leads to the first document of its section.
    let ingested = run(&[
        file("docs/_index.md", "---\ntitle: Docs\n---\n"),
        file("docs/b.md", "---\nweight: 1\n---\n# B\n\nFirst.\n"),
        file("docs/a.md", "# A\n\nSecond.\n"),
        file(
            "index.md",
            "# Home\n\nSee [the docs](docs/) and [A](docs/a.md).\n",
        ),
    ]);
    assert_eq!(order(&ingested), ["index.md", "docs/b.md", "docs/a.md"]);
    assert_eq!(
        warnings(&ingested),
        ["docs/_index.md: skipped: a section's list page, with no text of its own (`_index.md`)"]
    );
    let folio_core::Block::Paragraph(text) = &ingested.corpus.documents[0].sections[0].blocks[0]
    else {
        panic!("a paragraph");
    };
    let links: Vec<&str> = text
        .spans
        .iter()
        .filter_map(|s| s.link.as_deref())
        .collect();
    assert_eq!(links, ["#/d/docs-b", "#/d/docs-a"]);
    // Any other file with no text still stops the build.
    let err = ingest(&[file("empty.md", "---\ntitle: Empty\n---\n")])
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty.md: no body text"), "{err}");
}

#[test]
fn a_page_that_only_refreshes_itself_is_published() {
    let ingested = run(&[file(
        "live.html",
        "<html><head><meta http-equiv=\"refresh\" content=\"30\"></head>\
         <body><p>Scores.</p></body></html>",
    )]);
    assert_eq!(order(&ingested), ["live.html"]);
}

#[test]
fn a_folder_of_skipped_pages_has_no_document() {
    let err = ingest(&[file(
        "print.html",
        "<html><head><meta name=\"robots\" content=\"noindex\"></head><body><p>All.</p></body></html>",
    )])
    .unwrap_err()
    .to_string();
    assert!(err.contains("no document"), "{err}");
}

const MKDOCS: &str = "site_name: My Docs
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - Home: index.md
  - 'User Guide':
      - 'Writing': 'user-guide/writing.md'
      - user-guide/styling.md
  - About:
      - 'License': about/license.md#terms
      - Missing: about/missing.md
  - Issues: https://example.com/issues
";

#[test]
fn an_mkdocs_nav_above_the_folder_sets_the_order() {
    let ingested = run(&[
        file("../mkdocs.yml", MKDOCS),
        md("about/license.md", ""),
        md("index.md", ""),
        md("user-guide/styling.md", ""),
        md("user-guide/writing.md", ""),
        md("changelog.md", ""),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "index.md",
            "user-guide/writing.md",
            "user-guide/styling.md",
            "about/license.md",
            "changelog.md",
        ]
    );
    assert_eq!(ingested.listing.as_ref().unwrap().file, "../mkdocs.yml");
    assert_eq!(
        warnings(&ingested),
        [
            "../mkdocs.yml: line 14 lists about/missing.md, which is not a document of the folder",
            "../mkdocs.yml: 1 document is not listed, so it comes after the listed ones: \
             changelog.md",
        ]
    );
}

#[test]
fn an_mkdocs_nav_in_the_folder_is_read_from_its_docs_dir() {
    let config = "site_name: S\ndocs_dir: site\nnav:\n  - b.md\n  - a.md\n";
    let ingested = run(&[
        file("mkdocs.yml", config),
        md("site/a.md", ""),
        md("site/b.md", ""),
    ]);
    assert_eq!(order(&ingested), ["site/b.md", "site/a.md"]);
    assert!(ingested.warnings.is_empty(), "{:?}", warnings(&ingested));
}

#[test]
fn an_mkdocs_configuration_without_a_nav_leaves_folder_order() {
    let ingested = run(&[
        file("../mkdocs.yml", "site_name: S\n"),
        md("b.md", ""),
        md("a.md", ""),
    ]);
    assert_eq!(order(&ingested), ["a.md", "b.md"]);
    assert_eq!(ingested.listing, None);
    assert!(ingested.warnings.is_empty(), "{:?}", warnings(&ingested));
}

#[test]
fn an_mkdocs_configuration_that_is_not_yaml_is_named_in_a_warning() {
    let ingested = run(&[
        file("../mkdocs.yml", "nav: [\n"),
        md("b.md", ""),
        md("a.md", ""),
    ]);
    assert_eq!(order(&ingested), ["a.md", "b.md"]);
    let said = warnings(&ingested);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("../mkdocs.yml: not valid YAML (line ")
            && said[0].ends_with("; its nav and exclusions are not used"),
        "{said:?}"
    );
}

/// A built page: its links to the next and previous pages as `rel` attributes (`(next, prev)`,
/// empty for none), in the page's head and in its navigation as generators write them.
fn built(path: &str, next: &str, previous: &str) -> SourceFile {
    let mut head = String::new();
    if !next.is_empty() {
        head.push_str(&format!("<link rel=\"next\" href=\"{next}\">"));
    }
    let mut nav = String::new();
    if !previous.is_empty() {
        nav.push_str(&format!(
            "<a rel=\"prev prefetch\" href=\"{previous}\">Previous</a>"
        ));
    }
    file(
        path,
        &format!(
            "<html><head><title>{path}</title>{head}</head><body><nav>{nav}</nav><main>\
             <h1>{path}</h1><p>The text of {path}.</p></main></body></html>"
        ),
    )
}

#[test]
fn built_pages_are_read_in_the_order_of_their_next_links() {
    let ingested = run(&[
        built("index.html", "zeta.html#top", ""),
        built("zeta.html", "b/", "index.html"),
        built("b/index.html", "../apple.html", "../zeta.html"),
        built(
            "apple.html",
            "https://example.com/elsewhere.html",
            "b/index.html",
        ),
        built("notes.html", "", ""),
        md("about.md", ""),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "index.html",
            "zeta.html",
            "b/index.html",
            "apple.html",
            "about.md",
            "notes.html",
        ]
    );
    assert!(ingested.warnings.is_empty(), "{:?}", warnings(&ingested));
}

#[test]
fn a_previous_link_alone_joins_two_pages() {
    let ingested = run(&[
        built("a.html", "", ""),
        built("m.html", "", "z.html"),
        built("z.html", "", "a.html"),
    ]);
    assert_eq!(order(&ingested), ["a.html", "z.html", "m.html"]);
}

#[test]
fn a_page_left_out_between_two_others_does_not_break_their_order() {
    let skipped = "<html><head><meta name=\"robots\" content=\"noindex\"></head>\
                   <body><p>Everything.</p></body></html>";
    let ingested = run(&[
        file(".folioignore", "part.html\n"),
        built("index.html", "part.html", ""),
        built("part.html", "zz.html", "index.html"),
        built("zz.html", "print.html", "part.html"),
        file("print.html", skipped),
        built("b.html", "", "print.html"),
        built("m.html", "", ""),
    ]);
    assert_eq!(
        order(&ingested),
        ["index.html", "zz.html", "b.html", "m.html"]
    );
}

#[test]
fn the_first_of_two_pages_with_one_next_page_leads_to_it_and_rings_are_read_too() {
    // mdBook's index page is a copy of the first chapter, with the same next page.
    let ingested = run(&[
        built("index.html", "two.html", ""),
        built("one.html", "two.html", ""),
        built("two.html", "", "one.html"),
        built("ring/a.html", "b.html", ""),
        built("ring/b.html", "a.html", ""),
        built("self.html", "self.html#again", "self.html"),
    ]);
    assert_eq!(
        order(&ingested),
        [
            "index.html",
            "two.html",
            "one.html",
            "self.html",
            "ring/a.html",
            "ring/b.html",
        ]
    );
}

#[test]
fn a_book_summary_comes_before_the_links_of_pages() {
    let ingested = run(&[
        file("SUMMARY.md", "- [B](b.md)\n- [A](a.md)\n"),
        md("a.md", ""),
        md("b.md", ""),
        built("x.html", "", "y.html"),
        built("y.html", "", ""),
    ]);
    assert_eq!(order(&ingested), ["b.md", "a.md", "x.html", "y.html"]);
}
