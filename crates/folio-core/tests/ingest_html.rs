//! The HTML reader: a page as its reader sees it — sections from headings, blocks from block
//! elements, the page's chrome kept apart, metadata from `<meta>`, and nothing that is markup.

mod common;

use common::{file, ingest_one, one, outline};
use folio_core::ingest::ingest;
use folio_core::{Block, Document, Text};

/// The plain text of every block of every section, one line per block, nested blocks indented.
fn blocks(doc: &Document) -> String {
    fn walk(blocks: &[Block], depth: usize, out: &mut Vec<String>) {
        for block in blocks {
            let pad = "  ".repeat(depth);
            match block {
                Block::Paragraph(text) => out.push(format!("{pad}{}", styled(text))),
                Block::Preformatted(pre) => {
                    out.push(format!("{pad}pre({:?}) {:?}", pre.info, pre.text))
                }
                Block::Quote(blocks) => {
                    out.push(format!("{pad}quote"));
                    walk(blocks, depth + 1, out);
                }
                Block::Alert(alert) => {
                    out.push(format!("{pad}{}", alert.kind.name()));
                    walk(&alert.blocks, depth + 1, out);
                }
                Block::List(list) => {
                    out.push(format!("{pad}{}", if list.ordered { "ol" } else { "ul" }));
                    for item in &list.items {
                        out.push(format!("{pad}  -"));
                        walk(&item.blocks, depth + 2, out);
                    }
                }
                Block::Table(table) => {
                    out.push(format!("{pad}table, {} header row(s)", table.head));
                    for row in &table.rows {
                        let cells: Vec<String> = row.iter().map(styled).collect();
                        out.push(format!("{pad}| {} |", cells.join(" | ")));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for section in &doc.sections {
        out.push(format!("§ {}", section.title));
        walk(&section.blocks, 1, &mut out);
    }
    out.join("\n")
}

/// Running text with its styles and links marked: `*em*`, `**strong**`, `` `code` ``,
/// `~struck~`, `[text](link)`; a line break is `⏎`.
fn styled(text: &Text) -> String {
    text.spans
        .iter()
        .map(|s| {
            let mut t = s.text.replace('\n', "⏎");
            if s.style.code {
                t = format!("`{t}`");
            }
            if s.style.emphasis {
                t = format!("*{t}*");
            }
            if s.style.strong {
                t = format!("**{t}**");
            }
            if s.style.strikethrough {
                t = format!("~{t}~");
            }
            if s.style.note {
                t = format!("^{t}");
            }
            match &s.link {
                Some(link) => format!("[{t}]({link})"),
                None => t,
            }
        })
        .collect()
}

#[test]
fn fixture_field_guide() {
    let doc = one(
        "field-guide.html",
        include_str!("fixtures/field-guide.html"),
    );
    assert_eq!(doc.title, "Field guide");
    assert_eq!(doc.meta.author.as_deref(), Some("Ada Lovelace"));
    assert_eq!(doc.meta.written.as_ref().unwrap().iso, "2024-03-05T10:00");
    assert_eq!(doc.meta.tags, ["birds", "moths"]);
    // The chrome before the text, the title and the metadata are the header; the site's
    // footer is the footer.
    assert_eq!(
        doc.header,
        [
            "Field guide — Example site",
            "Ada Lovelace",
            "2024-03-05T10:00:00Z",
            "birds, moths",
            "Example site",
            "Home",
            "About",
            "Field guide"
        ]
    );
    assert_eq!(doc.footer, ["© 2024 Example — all rights reserved"]);
    assert_eq!(
        outline(&doc),
        "  ~ An opening paragraph with emphasis… [an-opening-paragraph-with-emphasis] P\n\
         \x20 # Birds & their songs [birds] UL(  ) OL( ) Q(P P) Pre\n\
         \x20 # Moths [moths] P T(3 rows) P P P P P OL()"
    );
    assert_eq!(
        blocks(&doc),
        "§ An opening paragraph with emphasis…\n\
         \x20 An opening paragraph with *emphasis*, **strong** and `code`, a [link to moths](#/d/field-guide/moths) and a [site](https://example.com). A second line\u{a0}here.⏎After a break.\n\
         § Birds & their songs\n\
         \x20 ul\n\
         \x20   -\n\
         \x20     Robin\n\
         \x20   -\n\
         \x20     Wren\n\
         \x20     ul\n\
         \x20       -\n\
         \x20         Winter wren\n\
         \x20   -\n\
         \x20     Blackbird\n\
         \x20 ol\n\
         \x20   -\n\
         \x20     First\n\
         \x20   -\n\
         \x20     Second\n\
         \x20 quote\n\
         \x20   A quote.\n\
         \x20   — Someone\n\
         \x20 pre(Some(\"rust\")) \"fn main() {\\n    println!(\\\"<hi>\\\");\\n}\"\n\
         § Moths\n\
         \x20 Moths seen\n\
         \x20 table, 1 header row(s)\n\
         \x20 | Name | Count |\n\
         \x20 | Luna | 3 |\n\
         \x20 | Atlas **big** | 1 |\n\
         \x20 See [a moth](moth.png) and done[^1](#/d/field-guide/moths).\n\
         \x20 Loose text in a div\n\
         \x20 then a paragraph\n\
         \x20 **Term**\n\
         \x20 Definition\n\
         \x20 ol\n\
         \x20   -\n\
         \x20     The note."
    );
}

#[test]
fn the_title_is_the_first_h1_else_title_else_the_file_name() {
    let doc = one(
        "a.html",
        "<title>Tab text</title><h1>Page</h1><p>Body.</p><h1>Later</h1><p>More.</p>",
    );
    assert_eq!(doc.title, "Page");
    assert_eq!(doc.header, ["Tab text", "Page"]);
    assert_eq!(outline(&doc), "~ Body… [body] P\n# Later [later] P");

    let doc = one(
        "b.html",
        "<title> Tab\n  text </title><h2>Part</h2><p>Body.</p>",
    );
    assert_eq!(doc.title, "Tab text");
    assert_eq!(outline(&doc), "  # Part [part] P");

    let doc = one(
        "field-notes.html",
        "<p>Body first.</p><h1>Not the title</h1><p>x</p>",
    );
    assert_eq!(doc.title, "Field notes");
    assert_eq!(
        outline(&doc),
        "~ Body first… [body-first] P\n# Not the title [not-the-title] P"
    );

    // A first heading of another level that the `<title>` names, alone or with the site's
    // name, is the title too (mdBook's sections start with an `<h2>`).
    for title in ["Borrowing - The Book", "The Book | Borrowing", "Borrowing"] {
        let doc = one(
            "c.html",
            &format!(
                "<title>{title}</title><main><h2 id=\"borrowing\">Borrowing</h2><p>Body.</p>\
                 <h3>Rules</h3><p>More.</p></main>"
            ),
        );
        assert_eq!(doc.title, "Borrowing", "{title}");
        assert_eq!(doc.header, [title, "Borrowing"]);
        assert_eq!(outline(&doc), "    ~ Body… [body] P\n    # Rules [rules] P");
    }
    let doc = one(
        "d.html",
        "<title>Borrowing rules - The Book</title><h2>Borrowing</h2><p>Body.</p>",
    );
    assert_eq!(doc.title, "Borrowing rules - The Book");
    assert_eq!(outline(&doc), "  # Borrowing [borrowing] P");
}

#[test]
fn a_links_mark_to_its_own_place_is_markup() {
    let doc = one(
        "p.html",
        "<h2 id=install>Install<a class=headerlink href=\"#install\">¶</a></h2>\
         <p>Text <a href=#install>#</a> and <a href=https://x.org>#</a>.</p>\
         <h2 id=use><a class=header href=#use>Use</a><span><a href=#use>#</a></span></h2><p>x</p>",
    );
    assert_eq!(outline(&doc), "  # Install [install] P\n  # Use [use] P");
    assert_eq!(
        blocks(&doc).lines().nth(1).unwrap(),
        "  Text and [#](https://x.org)."
    );
}

#[test]
fn the_sites_name_goes_from_the_titles_of_its_pages() {
    let ingested = ingest(&[
        file("a.html", "<title>Install - My Project</title><p>x</p>"),
        file(
            "b.html",
            "<title>Use it | well - My Project</title><p>x</p>",
        ),
        file("c.html", "<title>Docs · Intro</title><p>x</p>"),
        file("d.html", "<title>Docs · Reference · API</title><p>x</p>"),
        file("e.html", "<title>Alone - Here</title><p>x</p>"),
        file("f.md", "# Notes - My Project\n\nx\n"),
    ])
    .unwrap();
    let titles: Vec<&str> = ingested
        .corpus
        .documents
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Install",
            "Use it | well",
            "Intro",
            "Reference · API",
            "Alone - Here",
            "Notes - My Project"
        ]
    );
    // The title as written stays in the header.
    assert_eq!(
        ingested.corpus.documents[0].header,
        ["Install - My Project"]
    );
}

#[test]
fn the_pages_chrome_is_kept_apart() {
    // Without <main>: <nav>, and <header> and <footer> outside an article.
    let doc = one(
        "a.html",
        "<header><a href=/>Site</a><nav><a href=a.html>A</a> · <a href=b.html>B</a></nav></header>\
         <article><header><h1>Title</h1><p>By me</p></header><p>Text.</p>\
         <footer>Article footer</footer></article>\
         <footer><p>Site footer</p><p>© me</p></footer>",
    );
    assert_eq!(doc.title, "Title");
    assert_eq!(doc.header, ["Site", "A · B", "Title"]);
    assert_eq!(
        blocks(&doc),
        "§ By me Text…\n  By me\n  Text.\n  Article footer"
    );
    assert_eq!(doc.footer, ["Site footer", "© me"]);

    // With <main>: everything outside it.
    let doc = one(
        "b.html",
        "<div class=menu>Menu <b>one</b></div><main><h1>T</h1><p>In.</p></main>\
         <div>Related</div><aside>Aside</aside>",
    );
    assert_eq!(doc.header, ["Menu one", "T"]);
    assert_eq!(blocks(&doc), "§ In…\n  In.");
    assert_eq!(doc.footer, ["Related", "Aside"]);

    // By their roles: a menu made of <div>s, the main content, the page's footer.
    let doc = one(
        "r.html",
        "<div role=navigation><div><a href=a.html>A</a></div><div>B</div></div>\
         <div role=main><div><h1>T</h1></div><div><p>In.</p></div></div>\
         <div role=contentinfo><div>© me</div></div>",
    );
    assert_eq!(doc.header, ["A", "B", "T"]);
    assert_eq!(blocks(&doc), "§ In…\n  In.");
    assert_eq!(doc.footer, ["© me"]);

    // As marked for Pagefind.
    let doc = one(
        "f.html",
        "<div>Menu</div><article data-pagefind-body><p>In.</p>\
         <div data-pagefind-ignore>Share this</div><p>More.</p></article>",
    );
    assert_eq!(doc.header, ["Menu"]);
    assert_eq!(blocks(&doc), "§ In…\n  In.\n  Share this\n  More.");

    // Chrome between two parts of the text stays where it is.
    let doc = one("c.html", "<p>One.</p><nav>Jump</nav><p>Two.</p>");
    assert_eq!(blocks(&doc), "§ One…\n  One.\n  Jump\n  Two.");
    assert!(doc.footer.is_empty());
}

#[test]
fn markup_scripts_and_hidden_elements_are_not_text() {
    let doc = one(
        "a.html",
        "<!DOCTYPE html><html><head><style>p { x: '<p>' }</style>\
         <script>document.write('<p>no</p>')</script></head><body>\
         <!-- <p>comment</p> --><p>Shown <span class=x data-y='a > b'>here</span>.</p>\
         <template><p>Template</p></template>\
         <div hidden><div>Hidden</div><p>too</p></div>\
         <p hidden>A paragraph marked hidden<p>is closed by the next.</p>\
         <noscript>Enable scripts</noscript><p>End.</p></body></html>",
    );
    // `hidden` on an element whose end tag may be left out is not followed: where it ends is
    // not known.
    assert_eq!(
        blocks(&doc),
        "§ Shown here…\n  Shown here.\n  A paragraph marked hidden\n  is closed by the next.\n  End."
    );
}

#[test]
fn tables_from_their_rows_and_cells() {
    let doc = one(
        "t.html",
        "<table><caption>Counts</caption>\
         <tr><th>Name<th>Count\
         <tr><td><p>Luna</p><p>moth</p><td>3<br>or 4\
         <tr><td>Nested <table><tr><td>inner</td></tr></table> cell<td>1</table>\
         <table>stray<tr><td>a</td></tr></table>",
    );
    assert_eq!(
        blocks(&doc),
        "§ Counts Name Count Luna moth…\n\
         \x20 Counts\n\
         \x20 table, 1 header row(s)\n\
         \x20 | Name | Count |\n\
         \x20 | Luna moth | 3⏎or 4 |\n\
         \x20 | Nested inner cell | 1 |\n\
         \x20 table, 0 header row(s)\n\
         \x20 | stray |\n\
         \x20 | a |"
    );
}

#[test]
fn white_space_folds_as_in_a_browser_except_in_pre() {
    let doc = one(
        "w.html",
        "<p>  Two\n   lines,\ta&nbsp;&nbsp;b <b> bold </b> end<br>\n next </p>\
         <pre>\n  keep   this\n    layout\n</pre>",
    );
    assert_eq!(
        blocks(&doc),
        "§ Two lines…\n\
         \x20 Two lines, a\u{a0}\u{a0}b **bold **end⏎next\n\
         \x20 pre(None) \"  keep   this\\n    layout\""
    );
}

#[test]
fn links_lead_to_the_section_that_holds_their_target() {
    let files = [
        file(
            "index.html",
            "<h1>Home</h1><p>See <a href=\"#note\">the note</a>, <a href=#top>the top</a>, \
             <a href=\"about.html#team\">the team</a> and <a href=about.html#people>people</a>.</p>\
             <h2 id=\"More\">More</h2><p id=note>A note.</p><p><a name=old>Old anchor</a></p>\
             <h2 id=More>Again</h2><p>x</p>",
        ),
        file(
            "about.html",
            "<h1>About</h1><h2 id=team>Our team</h2><p><a href=index.html#old>back</a></p>",
        ),
    ];
    let ingested = ingest(&files).unwrap();
    let index = ingested.corpus.document("index").unwrap();
    // A heading's id is its section's id, made unique.
    let ids: Vec<&str> = index.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["see-the-note", "more", "more-2"]);
    assert_eq!(
        blocks(index).lines().nth(1).unwrap(),
        "  See [the note](#/d/index/more), [the top](#top), [the team](#/d/about/team) and \
         [people](about.html#people)."
    );
    // A link into another page to an element that is no heading leads to its section.
    let about = ingested.corpus.document("about").unwrap();
    assert!(blocks(about).contains("[back](#/d/index/more)"));
    let warned: Vec<String> = ingested.warnings.iter().map(|w| w.to_string()).collect();
    assert!(warned.iter().any(|w| w.contains("#people")), "{warned:?}");
    assert!(warned.iter().any(|w| w.contains("#top")), "{warned:?}");
}

#[test]
fn the_old_names_a_page_keeps_before_a_heading_lead_to_it() {
    // As mdBook's pages keep the ids of renamed headings: empty links just before the heading.
    let deref = "<h1>Deref</h1><p>Intro.</p><h2 id=first>First</h2><p>One.</p>\
                 <!-- Old headings. Do not remove or links may break. -->\
                 <p><a id=\"implicit-deref\"></a>\n<a id=\"using-deref\"></a></p>\
                 <h2 id=second>Second</h2><p>Two <a id=inline>marked</a>.</p>\
                 <p><a id=after></a>Text after.</p><h2 id=third>Third</h2><p>Three.</p>";
    let links = "<h1>Links</h1><p><a href=deref.html#implicit-deref>a</a> \
                 <a href=deref.html#using-deref>b</a> <a href=deref.html#inline>c</a> \
                 <a href=deref.html#after>d</a> <a href=deref.html#nothing>e</a></p>";
    let ingested = ingest(&[file("deref.html", deref), file("links.html", links)]).unwrap();
    let links = ingested.corpus.document("links").unwrap();
    assert_eq!(
        blocks(links).lines().nth(1).unwrap(),
        "  [a](#/d/deref/second) [b](#/d/deref/second) [c](#/d/deref/second) \
         [d](#/d/deref/second) [e](deref.html#nothing)"
    );
}

#[test]
fn a_raised_link_into_the_page_is_a_reference_to_a_note() {
    let doc = one(
        "n.html",
        "<p>Claim<sup><a href=\"#fn1\"> 1 </a></sup> <b>and</b> x<sup>2</sup>          <sup><a href=https://x.org>web</a></sup>.</p><ol><li id=fn1>The note.</li></ol>",
    );
    assert_eq!(
        blocks(&doc).lines().nth(1).unwrap(),
        "  Claim[^1](#/d/n/claim-and-x2-web) **and** x2 [web](https://x.org)."
    );
    // A label is no word of the text.
    assert_eq!(doc.sections[0].body_text(), "Claim and x2 web.\nThe note.");
}

#[test]
fn meta_gives_author_dates_section_and_keywords() {
    let doc = one(
        "m.html",
        "<meta name=author content='Jane Doe'><meta property=article:section content=Travel>\
         <meta name=DATE content='May 20, 2010'><meta name=last-modified content=2011-01-02>\
         <meta name=keywords content='a, b ,,c'><meta name=viewport content=width=device-width>\
         <p>Body.</p><meta name=author content=Late>",
    );
    assert_eq!(doc.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(doc.meta.categories, ["Travel"]);
    assert_eq!(doc.meta.written.as_ref().unwrap().iso, "2010-05-20");
    assert_eq!(doc.meta.updated.as_ref().unwrap().iso, "2011-01-02");
    assert_eq!(doc.meta.tags, ["a", "b", "c"]);
    assert_eq!(
        doc.header,
        [
            "Jane Doe",
            "Travel",
            "May 20, 2010",
            "2011-01-02",
            "a, b ,,c"
        ]
    );
}

#[test]
fn a_page_declared_latin_1_is_read_as_browsers_read_it() {
    let mut bytes = b"<meta charset=\"ISO-8859-1\"><p>Caf\xe9 \x93quoted\x94</p>".to_vec();
    let source = folio_core::ingest::SourceFile {
        path: "latin.html".into(),
        bytes: bytes.clone(),
    };
    let doc = ingest(&[source]).unwrap().corpus.documents.remove(0);
    assert_eq!(blocks(&doc), "§ Café quoted…\n  Café “quoted”");

    // Undeclared, or another encoding: refused, saying what to do.
    bytes.drain(..27);
    let undeclared = folio_core::ingest::SourceFile {
        path: "plain.html".into(),
        bytes: bytes.clone(),
    };
    let message = ingest(&[undeclared]).unwrap_err().to_string();
    assert!(message.contains("plain.html"), "{message}");
    assert!(
        message.contains("invalid UTF-8 at byte offset 6"),
        "{message}"
    );
    assert!(message.contains("declares no encoding"), "{message}");
    let mut other =
        b"<meta http-equiv=Content-Type content='text/html; charset=Shift_JIS'>".to_vec();
    other.extend_from_slice(&bytes);
    let other = folio_core::ingest::SourceFile {
        path: "sjis.html".into(),
        bytes: other,
    };
    let message = ingest(&[other]).unwrap_err().to_string();
    assert!(message.contains("\"shift_jis\""), "{message}");
}

#[test]
fn bad_pages_are_refused_by_name() {
    let message = ingest_one("empty.html", "<title>Only a title</title><p> </p>")
        .unwrap_err()
        .to_string();
    assert!(message.contains("empty.html") && message.contains("no body text"));
    let message = ingest(&[file("a.md", "# A\n\nx\n"), file("a.html", "<p>y</p>")])
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("a.html") && message.contains("a.md"),
        "{message}"
    );
}

#[test]
fn an_image_of_the_folder_is_published_with_its_alternative_text() {
    let ingested = ingest(&[
        file("site/page.html", "<p><img src=\"pics/a.jpg\" alt=\"A photo\"><img src=pics/a.jpg alt=\"Again\"> <img src=b.png alt=B></p>"),
        file("site/pics/a.jpg", "jpeg bytes"),
    ])
    .unwrap();
    let Block::Paragraph(text) = &ingested.corpus.documents[0].sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    let images: Vec<(&str, bool, Option<&str>)> = text
        .spans
        .iter()
        .filter(|s| s.link.is_some())
        .map(|s| (s.text.as_str(), s.style.image, s.link.as_deref()))
        .collect();
    assert_eq!(
        images,
        [
            ("A photo", true, Some("media/site/pics/a.jpg")),
            ("Again", true, Some("media/site/pics/a.jpg")),
            ("B", true, Some("b.png")),
        ]
    );
    assert_eq!(ingested.warnings.len(), 1, "{:?}", ingested.warnings);
}

#[test]
fn call_outs_of_sphinx_mkdocs_github_and_docusaurus_keep_their_kind() {
    let doc = one(
        "p.html",
        "<main><h1>T</h1><p>Before.</p>\
         <div class=\"admonition note\"><p class=\"admonition-title\">Note</p><p>Sphinx.</p></div>\
         <div class=\"admonition danger\"><p class=\"admonition-title\">Mind <em>this</em></p>\
         <div class=x><p>Nested div.</p></div><p>Still in.</p></div>\
         <div class=\"markdown-alert markdown-alert-tip\"><p class=\"markdown-alert-title\">Tip:</p>\
         <p>GitHub.</p></div>\
         <div class=\"theme-admonition theme-admonition-warning alert\"><p>Docusaurus.</p></div>\
         <div class=admonition><p>No kind.</p></div><p>After.</p></main>",
    );
    assert_eq!(
        blocks(&doc),
        "§ Before…\n  Before.\n  note\n    Sphinx.\n  caution\n    **Mind *****this***\n    Nested div.\n    \
         Still in.\n  tip\n    GitHub.\n  warning\n    Docusaurus.\n  note\n    No kind.\n  After."
    );
}

#[test]
fn terms_and_disclosure_labels_are_strong_and_a_collapsible_call_outs_label_is_its_title() {
    let doc = one(
        "p.html",
        "<main><h1>T</h1><dl><dt>Borrow<dd>To use a value.<dt>Move</dt><dd><p>To give it.</p>\
         <p>For good.</p></dd></dl><p>Plain.</p>\
         <details><summary>More</summary><p>Folded.</p></details>\
         <details class=\"tip\"><summary>Tip</summary><p>Material.</p></details>\
         <details class=\"note\"><summary>Open me</summary><p>Inside.</p></details>\
         <p>After.</p></main>",
    );
    assert_eq!(
        blocks(&doc),
        "§ Borrow To use a value…\n  **Borrow**\n  To use a value.\n  **Move**\n  To give it.\n  For good.\n  \
         Plain.\n  **More**\n  Folded.\n  tip\n    Material.\n  note\n    **Open me**\n    \
         Inside.\n  After."
    );
}

#[test]
fn an_ordered_list_that_does_not_count_from_one_says_where_it_starts() {
    let doc = one(
        "steps.html",
        "<h1>Steps</h1><ol start=\"3\"><li>Third</li><li>Fourth</li></ol>\
         <ol><li>One</li><li value=10>Ten</li><li>Eleven</li></ol>\
         <ul start=4><li>Bullet</li></ul><ol start=x><li>Plain</li></ol>",
    );
    let markers: Vec<Vec<&str>> = doc.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::List(list) => list.items.iter().map(|i| i.marker.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(
        markers,
        [vec!["3", ""], vec!["", "10", ""], vec![""], vec![""]]
    );
}

#[test]
fn what_is_open_in_the_main_content_ends_with_it() {
    let doc = one(
        "open.html",
        "<main><h1>Open</h1><p>Body.</p><pre><code>let x = 1;\n</main>\
         <p><img alt=\"Logo\" src=logo.png> After.</p>",
    );
    assert_eq!(blocks(&doc), "§ Body…\n  Body.\n  pre(None) \"let x = 1;\"");
    assert_eq!(doc.footer, ["Logo After."]);
}
