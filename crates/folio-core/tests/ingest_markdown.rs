//! The Markdown reader: front matter, nested headings, blocks, inline styles, and the rule that
//! the title comes from the first `#` heading, else front matter, else the file name.

mod common;

use common::{one, outline};
use folio_core::{Align, Block, Text};

#[test]
fn fixture_guide() {
    let text = include_str!("fixtures/guide.md");
    let doc = one("guide.md", text);
    assert_eq!(doc.title, "Getting Started");
    assert_eq!(doc.meta.author.as_deref(), Some("Ada Lovelace"));
    assert_eq!(doc.meta.written.as_ref().unwrap().iso, "2021-03-04");
    assert_eq!(doc.meta.tags, ["setup", "install guide"]);
    assert_eq!(
        outline(&doc),
        "  ~ Intro with emphasis… [intro-with-emphasis] P\n\
         \x20 # Install [install] OL(1. 2.) OL(3)) Q(P UL(-)) Pre T(2 rows) P\n\
         \x20   # Deep heading [deep-heading] P\n\
         \x20 # Empty section [empty-section]\n\
         \x20 # Last [last] P"
    );
}

#[test]
fn inline_styles_and_links() {
    let doc = one(
        "s.md",
        "Some *em* and **strong** and `code` and ~~gone~~ and [a link](https://x.org).\n",
    );
    let Block::Paragraph(text) = &doc.sections[0].blocks[0] else {
        panic!("paragraph")
    };
    type Styled<'a> = (&'a str, bool, bool, bool, bool, Option<&'a str>);
    let styled: Vec<Styled> = text
        .spans
        .iter()
        .map(|s| {
            (
                s.text.as_str(),
                s.style.emphasis,
                s.style.strong,
                s.style.code,
                s.style.strikethrough,
                s.link.as_deref(),
            )
        })
        .collect();
    assert!(styled.contains(&("em", true, false, false, false, None)));
    assert!(styled.contains(&("strong", false, true, false, false, None)));
    assert!(styled.contains(&("code", false, false, true, false, None)));
    assert!(styled.contains(&("gone", false, false, false, true, None)));
    assert!(styled.contains(&("a link", false, false, false, false, Some("https://x.org"))));
}

#[test]
fn code_blocks_keep_language_and_layout() {
    let doc = one("c.md", "# T\n\n```rust\nfn main() {\n    body();\n}\n```\n");
    let Block::Preformatted(pre) = &doc.sections[0].blocks[0] else {
        panic!("pre")
    };
    assert_eq!(pre.info.as_deref(), Some("rust"));
    assert_eq!(pre.text, "fn main() {\n    body();\n}");
}

#[test]
fn tables_keep_their_rows_cells_alignment_and_styles() {
    let doc = one(
        "t.md",
        "# T\n\n| Command | What it *does* |\n|:--|--:|\n| `make` | builds **all** |\n| x | |\n\nAfter.\n",
    );
    let blocks = &doc.sections[0].blocks;
    let Block::Table(table) = &blocks[0] else {
        panic!("a table, not {:?}", blocks[0])
    };
    assert_eq!(table.head, 1);
    assert_eq!(table.align, [Align::Left, Align::Right]);
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(Text::to_plain).collect())
        .collect();
    assert_eq!(
        cells,
        [
            ["Command", "What it does"],
            ["make", "builds all"],
            ["x", ""]
        ]
    );
    assert!(table.rows[1][0].spans[0].style.code);
    assert!(table.rows[1][1].spans[1].style.strong);
    assert!(
        matches!(blocks[1], Block::Paragraph(_)),
        "the text after the table"
    );
    // Each cell is a line of the section's text, so search finds and marks it there.
    assert_eq!(
        doc.sections[0].body_text(),
        "Command\nWhat it does\nmake\nbuilds all\nx\n\nAfter."
    );
}

#[test]
fn title_from_front_matter_or_file_name() {
    assert_eq!(
        one("a.md", "---\ntitle: From YAML\n---\n\nText.\n").title,
        "From YAML"
    );
    assert_eq!(
        one("b.md", "+++\ntitle = \"From TOML\"\n+++\n\nText.\n").title,
        "From TOML"
    );
    assert_eq!(
        one("release-notes_2024.md", "## Section\n\nText.\n").title,
        "Release notes 2024"
    );
}

#[test]
fn a_later_h1_is_a_section_not_the_title() {
    let doc = one("later.md", "Opening text.\n\n# Part\n\nMore.\n");
    assert_eq!(doc.title, "Later");
    assert_eq!(
        outline(&doc),
        "~ Opening text… [opening-text] P\n# Part [part] P"
    );
}

#[test]
fn heading_levels_are_kept() {
    let doc = one(
        "l.md",
        "# Title\n\n## Two\n\nx\n\n### Three\n\ny\n\n###### Six\n\nz\n",
    );
    let levels: Vec<u8> = doc.sections.iter().map(|s| s.level).collect();
    assert_eq!(levels, [2, 3, 6]);
}

#[test]
fn entities_and_escapes_are_decoded_and_still_lossless() {
    let doc = one(
        "e.md",
        "# T\n\nFish &amp; chips &copy; 2024, \\*not emphasis\\*.\n",
    );
    let Block::Paragraph(text) = &doc.sections[0].blocks[0] else {
        panic!("paragraph")
    };
    assert_eq!(text.to_plain(), "Fish & chips © 2024, *not emphasis*.");
}

#[test]
fn raw_html_gives_its_text_and_never_its_tags() {
    let doc = one(
        "h.md",
        "<p align=\"center\">\n  <img src=\"logo.png\" alt=\"Logo\">\n</p>\n\n\
         <!-- a note\n  for editors -->\n\n\
         <details>\n<summary>More &amp; less</summary>\n\n\
         Press <kbd>Ctrl</kbd> and <b>C</b>,<br>then paste.\n\n</details>\n\n\
         > <div>Quoted <i>html</i>\n> text</div>\n\n\
         <script>alert(1)</script>\n",
    );
    let texts: Vec<String> = doc.sections[0]
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => format!("P {}", text.to_plain()),
            Block::Quote(inner) => match &inner[..] {
                [Block::Paragraph(text)] => format!("Q {}", text.to_plain()),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "P More & less",
            "P Press Ctrl and C,\nthen paste.",
            "Q Quoted html text",
        ]
    );
}

#[test]
fn wrapped_lines_join_and_hard_breaks_stay() {
    let doc = one(
        "b.md",
        "One line\nwrapped here.  \nA hard break\\\nand <br/>an HTML one.\n",
    );
    let Block::Paragraph(text) = &doc.sections[0].blocks[0] else {
        panic!("paragraph")
    };
    assert_eq!(
        text.to_plain(),
        "One line wrapped here.\nA hard break\nand \nan HTML one."
    );
}

#[test]
fn links_between_documents_become_addresses_of_the_explorer() {
    use common::file;
    use folio_core::ingest::ingest;
    let readme = "# Project\n\nRead [the setup](docs/setup.md#on-linux), [usage](#usage) \
                  and [the licence](LICENSE).\n\n## Usage\n\nRun it. See [the site](https://x.org).\n";
    let setup = "# Setup\n\n## On Linux\n\nBack to [the start](../README.md) \
                 or [usage](../README.md#usage); [nowhere](#nowhere).\n";
    let ingested =
        ingest(&[file("README.md", readme), file("docs/setup.md", setup)]).expect("ingests");
    let links: Vec<(String, Option<String>)> = ingested
        .corpus
        .documents
        .iter()
        .flat_map(|d| &d.sections)
        .flat_map(|s| &s.blocks)
        .flat_map(|b| match b {
            Block::Paragraph(text) => text.spans.clone(),
            _ => Vec::new(),
        })
        .filter(|s| s.link.is_some())
        .map(|s| (s.text, s.link))
        .collect();
    let want = [
        ("the setup", "#/d/docs-setup/on-linux"),
        ("usage", "#/d/readme/usage"),
        ("the licence", "LICENSE"),
        ("the site", "https://x.org"),
        ("the start", "#/d/readme"),
        ("usage", "#/d/readme/usage"),
        ("nowhere", "#nowhere"),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(t, l)| (t.to_string(), Some(l.to_string())))
        .collect();
    assert_eq!(links, want);
    let warnings: Vec<String> = ingested.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "README.md: link \"LICENSE\" kept as written: no document of the corpus is at \"LICENSE\"",
            "docs/setup.md: link \"#nowhere\" kept as written: no heading of this document is #nowhere",
        ]
    );
}

#[test]
fn the_old_names_a_chapter_keeps_before_a_heading_lead_to_it() {
    use common::file;
    use folio_core::ingest::ingest;
    // As mdBook's chapters keep the ids of renamed headings.
    let deref = "# Deref\n\nIntro.\n\n## First\n\nOne <span id=\"inline\">marked</span>.\n\n\
                 <!-- Old headings. Do not remove or links may break. -->\n\n\
                 <a id=\"implicit-deref\"></a>\n<a id=\"using-deref\"></a>\n\n\
                 ## Second\n\nTwo, and [back](#using-deref).\n\n\
                 <div id=\"block\">\n\nIn a block.\n\n</div>\n";
    let links = "# Links\n\n[a](deref.md#implicit-deref) [b](deref.md#inline) \
                 [c](deref.md#block) [d](deref.md#nothing)\n";
    let ingested = ingest(&[file("deref.md", deref), file("links.md", links)]).unwrap();
    let addresses = |id: &str| -> Vec<String> {
        let doc = ingested.corpus.document(id).unwrap();
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .flat_map(|b| match b {
                Block::Paragraph(text) => text.spans.clone(),
                _ => Vec::new(),
            })
            .filter_map(|s| s.link)
            .collect()
    };
    assert_eq!(
        addresses("links"),
        [
            "#/d/deref/second",
            "#/d/deref/first",
            "#/d/deref/second",
            "deref.md#nothing"
        ]
    );
    assert_eq!(addresses("deref"), ["#/d/deref/second"]);
}

#[test]
fn task_items_keep_whether_they_are_done() {
    let doc = one(
        "t.md",
        "# T\n\n- [ ] to do\n- [x] done\n- plain\n\n1. [X] ordered and done\n",
    );
    let tasks: Vec<Vec<(Option<bool>, String)>> = doc.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::List(list) => list
                .items
                .iter()
                .map(|i| (i.task, i.blocks.iter().map(plain).collect()))
                .collect(),
            _ => panic!("lists only"),
        })
        .collect();
    assert_eq!(
        tasks,
        [
            vec![
                (Some(false), "to do".to_string()),
                (Some(true), "done".to_string()),
                (None, "plain".to_string()),
            ],
            vec![(Some(true), "ordered and done".to_string())],
        ]
    );
}

#[test]
fn notes_stay_where_they_are_written_and_references_lead_to_them() {
    let doc = one(
        "n.md",
        "# Notes\n\nA claim[^1] and another[^Big].\n\n## Sources\n\nText.\n\n\
         [^1]: The first note.\n[^big]: A longer note\n\n    with a second paragraph.\n",
    );
    let Block::Paragraph(claim) = &doc.sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    let refs: Vec<(&str, Option<&str>)> = claim
        .spans
        .iter()
        .filter(|s| s.style.note)
        .map(|s| (s.text.as_str(), s.link.as_deref()))
        .collect();
    assert_eq!(
        refs,
        [("1", Some("#/d/n/sources")), ("Big", Some("#/d/n/sources"))]
    );
    // The labels are no words of the text.
    assert_eq!(doc.sections[0].body_text(), "A claim and another.");
    assert_eq!(doc.sections[0].title, "A claim and another…");
    let [Block::Paragraph(_), Block::List(notes)] = &doc.sections[1].blocks[..] else {
        panic!(
            "a paragraph, then one list of notes: {:?}",
            doc.sections[1].blocks
        )
    };
    assert!(notes.notes && notes.ordered);
    let items: Vec<(&str, usize)> = notes
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.blocks.len()))
        .collect();
    assert_eq!(items, [("1", 1), ("big", 2)]);
}

fn plain(block: &Block) -> String {
    let mut out = String::new();
    block.push_plain(&mut out);
    out
}

#[test]
fn call_outs_keep_their_kind_and_plain_quotes_stay_quotes() {
    let doc = one(
        "a.md",
        "# A\n\n> [!NOTE]\n> Know this.\n\n> [!warning]\n> Mind this.\n\n> A plain quote.\n\n\
         > [!NOPE]\n> Not a kind.\n",
    );
    assert_eq!(
        outline(&doc),
        "~ Know this… [know-this] A:note(P) A:warning(P) Q(P) Q(P)"
    );
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        [
            "Know this.",
            "Mind this.",
            "A plain quote.",
            "[!NOPE] Not a kind."
        ]
    );
}

#[test]
fn a_reference_to_a_note_in_a_heading_keeps_its_label_apart() {
    let doc = one("h.md", "# T\n\n## Results[^1]\n\nText.\n\n[^1]: Note.\n");
    assert_eq!(doc.sections[0].title, "Results 1");
    assert_eq!(doc.sections[0].id, "results-1");
}

#[test]
fn an_inline_tag_of_any_characters_is_markup() {
    let doc = one("t.md", "A<?ங?> b <br> c<ब>\n");
    // `<ब>` is no tag (tag names are ASCII letters): it stays text.
    assert_eq!(doc.sections[0].body_text(), "A b \n c<ब>");
}

#[test]
fn images_of_the_folder_are_published_and_others_keep_their_text() {
    use common::file;
    use folio_core::ingest::{ingest, SourceFile};
    let page =
        "# Guide\n\n![The *main* window](img/main%20window.png) and ![a](img/main%20window.png) \
                beside ![Remote](https://x.org/r.png), ![Gone](img/gone.png) and \
                [the logo](../logo.svg).\n";
    let png = SourceFile {
        path: "docs/img/main window.png".into(),
        bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2],
    };
    let logo = file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    let ingested = ingest(&[file("docs/guide.md", page), png, logo]).expect("ingests");
    let Block::Paragraph(text) = &ingested.corpus.documents[0].sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    let spans: Vec<(&str, bool, bool, Option<&str>)> = text
        .spans
        .iter()
        .filter(|s| s.link.is_some())
        .map(|s| {
            (
                s.text.as_str(),
                s.style.image,
                s.style.emphasis,
                s.link.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (
                "The main window",
                true,
                false,
                Some("media/docs/img/main%20window.png")
            ),
            ("a", true, false, Some("media/docs/img/main%20window.png")),
            ("Remote", true, false, Some("https://x.org/r.png")),
            ("Gone", true, false, Some("img/gone.png")),
            ("the logo", false, false, Some("media/logo.svg")),
        ]
    );
    // Images are published, not skipped; a missing one is named.
    let warnings: Vec<String> = ingested.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["docs/guide.md: link \"img/gone.png\" kept as written: no image of the folder is at \"docs/img/gone.png\""]
    );
}

#[test]
fn mkdocs_admonitions_are_call_outs_with_their_titles() {
    let source = "# A\n\nBefore.\n\n!!! warning \"Mind the cache\"\n    The cache *keeps* old files.\n\n    - one\n    - two\n\n    ```sh\n    rm -r cache\n    ```\n\n\
                  ??? tip\n    Folded.\n\n    !!! danger \"\"\n        Nested.\n\n    Outer again.\n\nAfter.\n\n    indented code\n";
    let doc = one("a.md", source);
    assert_eq!(
        outline(&doc),
        "~ Before… [before] P A:warning(P P UL(- -) Pre) A:tip(P A:caution(P) P) P Pre"
    );
    let blocks = &doc.sections[0].blocks;
    let Block::Alert(warning) = &blocks[1] else {
        panic!("{blocks:?}")
    };
    let Block::Paragraph(title) = &warning.blocks[0] else {
        panic!("{warning:?}")
    };
    assert_eq!(title.spans[0].text, "Mind the cache");
    assert!(title.spans[0].style.strong);
    assert_eq!(plain(&warning.blocks[1]), "The cache keeps old files.");
    let Block::Preformatted(code) = &warning.blocks[3] else {
        panic!("{warning:?}")
    };
    assert_eq!(
        (code.info.as_deref(), code.text.as_str()),
        (Some("sh"), "rm -r cache")
    );
    let texts: Vec<String> = blocks[2..].iter().map(plain).collect();
    assert_eq!(
        texts,
        ["Folded.\nNested.\nOuter again.", "After.", "indented code"]
    );
}

#[test]
fn an_admonition_marker_in_code_or_running_text_stays_text() {
    let doc = one(
        "a.md",
        "# A\n\n```\n!!! note\n    body\n```\n\nWow!!! note\n    this.\n",
    );
    assert_eq!(outline(&doc), "~ note body Wow… [note-body-wow] Pre P");
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(texts, ["!!! note\n    body", "Wow!!! note this."]);
}

#[test]
fn an_html_block_inside_a_tight_list_item_comes_after_its_text() {
    let doc = one("a.md", "# T\n\n- A\n- B is\n  <!-- md:version 4.6.3 -->.\n");
    let Block::List(list) = &doc.sections[0].blocks[0] else {
        panic!("{doc:?}")
    };
    let texts: Vec<String> = list.items[1].blocks.iter().map(plain).collect();
    assert_eq!(texts, ["B is", "."]);
}

#[test]
fn a_heading_attribute_list_gives_the_section_its_id_and_is_markup() {
    let doc = one(
        "a.md",
        "# A\n\nSee [pip](#with-pip).\n\n## Install { #setup .wide data-toc-label=\"with pip\" }\n\nText.\n\n\
         ### with pip <small>recommended</small> {: #with-pip }\n\nText.\n\n## Sets {a, b}\n\nText.\n\n\
         ## Plain { .wide }\n\nText.\n\n## Navigation path <small>Breadcrumbs</small> { id=nav-path }\n\n\
         Text.\n",
    );
    let sections: Vec<(&str, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("see-pip", "See pip…"),
            ("setup", "Install"),
            ("with-pip", "with pip recommended"),
            ("sets-a-b", "Sets {a, b}"),
            ("plain", "Plain"),
            ("nav-path", "Navigation path Breadcrumbs"),
        ]
    );
    let Block::Paragraph(text) = &doc.sections[0].blocks[0] else {
        panic!("{doc:?}")
    };
    assert_eq!(text.spans[1].link.as_deref(), Some("#/d/a/with-pip"));
}

#[test]
fn content_tabs_read_as_their_labels_then_their_bodies() {
    let doc = one(
        "a.md",
        "# A\n\nPick one:\n\n=== \"C\"\n\n    ```c\n    int x;\n    ```\n\n    Compile it.\n\n\
         === \"Rust\"\n    ```rust\n    let x = 1;\n    ```\n\nAfter.\n",
    );
    assert_eq!(outline(&doc), "~ Pick one… [pick-one] P P Pre P P Pre P");
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        [
            "Pick one:",
            "C",
            "int x;",
            "Compile it.",
            "Rust",
            "let x = 1;",
            "After."
        ]
    );
    let Block::Paragraph(label) = &doc.sections[0].blocks[1] else {
        panic!("{doc:?}")
    };
    assert!(label.spans[0].style.strong);
}

#[test]
fn icon_shortcodes_are_markup_outside_code() {
    let doc = one(
        "a.md",
        "# A\n\n- :fontawesome-brands-firefox: **Firefox**, :material-check:done at 10:30: ok\n\
         - `:material-check:` :smile: :material-:\n",
    );
    let Block::List(list) = &doc.sections[0].blocks[0] else {
        panic!("{doc:?}")
    };
    let texts: Vec<String> = list.items.iter().map(|i| plain(&i.blocks[0])).collect();
    assert_eq!(
        texts,
        [
            "Firefox, done at 10:30: ok",
            ":material-check: :smile: :material-:"
        ]
    );
}

#[test]
fn titles_and_labels_are_lines_of_markdown() {
    let doc = one(
        "a.md",
        "# A\n\n=== \":octicons-file-code-16: `base.html`\"\n\n    Body.\n\n\
         !!! note \"Mind *this* :material-alert:\"\n    Body.\n\n=== \":material-x:\"\n    Body.\n",
    );
    let blocks = &doc.sections[0].blocks;
    let Block::Paragraph(label) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    let spans: Vec<(&str, bool, bool)> = label
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.style.code, s.style.strong))
        .collect();
    assert_eq!(spans, [("base.html", true, true)]);
    let Block::Alert(note) = &blocks[2] else {
        panic!("{blocks:?}")
    };
    assert_eq!(plain(&note.blocks[0]), "Mind this");
    let texts: Vec<String> = blocks.iter().map(plain).collect();
    assert_eq!(texts[3..], ["Body."]);
}

#[test]
fn directive_containers_are_call_outs() {
    let doc = one(
        "a.md",
        "# A\n\nBefore.\n\n:::tip[Did *you* know?]\nBody with a list:\n\n- one\n- two\n:::\n\n\
         ::: warning Mind this\n::::note\nInner.\n::::\nOuter.\n:::\n\n::: code-group\n```sh\nls\n```\n:::\n\n\
         After.\n\n:::danger\nLeft open.\n",
    );
    assert_eq!(
        outline(&doc),
        "~ Before… [before] P A:tip(P P UL(- -)) A:warning(P A:note(P) P) Pre P A:caution(P)"
    );
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        [
            "Before.",
            "Did you know?\nBody with a list:\none\ntwo",
            "Mind this\nInner.\nOuter.",
            "ls",
            "After.",
            "Left open."
        ]
    );
}

#[test]
fn definition_lists_read_as_terms_in_bold_then_their_definitions() {
    let doc = one(
        "a.md",
        "# Glossary\n\nTerms.\n\n`Borrow`\n:   To use a value.\n\nMove\n\n:   To give it.\n\n    \
         For good.\n\n:   A second sense.\n\nAfter the list: a colon inside a line is text.\n",
    );
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        [
            "Terms.",
            "Borrow",
            "To use a value.",
            "Move",
            "To give it.",
            "For good.",
            "A second sense.",
            "After the list: a colon inside a line is text.",
        ]
    );
    let strong: Vec<bool> = doc.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(text) => text.spans.iter().all(|s| s.style.strong),
            _ => false,
        })
        .collect();
    assert_eq!(
        strong,
        [false, true, false, true, false, false, false, false]
    );
}

#[test]
fn hugo_shortcodes_make_call_outs_labels_markup_and_links() {
    let ingested = folio_core::ingest::ingest(&[
        common::file(
            "docs/intro.md",
            "# Intro\n\nRead the [guide]({{< ref \"install.md#linux\" >}}) first.\n\n\
             {{% alert title=\"Mind the version\" color=\"warning\" %}}\nHugo 0.120 or **later**.\n\
             {{% /alert %}}\n\n{{< tabpane >}}\n{{< tab header=\"Linux\" >}}\napt install hugo\n\
             {{< /tab >}}\n{{< /tabpane >}}\n\n{{% notice tip %}}\nUse `hugo server`.\n\
             {{% /notice %}}\n\n{{< figure src=\"x.png\" caption=\"A figure\" >}}\n\n\
             ```\n{{< ref \"code.md\" >}}\n```\n\n{{% notice note %}} never closed.\n\n\
             {{< tabpane >}}\n{{% tab header=\"a.yaml\" %}}\nA yaml.\n{{% /tab %}} {{% tab header=\"b.toml\" %}}\n\
             B toml.\n{{% /tab %}}\n{{< /tabpane >}}\n\n\
             {{% blocks/cover title=\"Welcome!\" height=\"full\" %}}\nCover text.\n{{% /blocks/cover %}}\n",
        ),
        common::file("docs/install.md", "# Install\n\n## Linux\n\nInstall it.\n"),
    ])
    .unwrap();
    let doc = &ingested.corpus.documents[1];
    assert_eq!(doc.source, "docs/intro.md");
    assert!(ingested.coverage[1].is_lossless());
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        [
            "Read the guide first.",
            "Mind the version\nHugo 0.120 or later.",
            "Linux",
            "apt install hugo",
            "Use hugo server.",
            "{{< figure src=\"x.png\" caption=\"A figure\" >}}",
            "{{< ref \"code.md\" >}}",
            "{{% notice note %}} never closed.",
            "a.yaml",
            "A yaml.",
            "b.toml",
            "B toml.",
            "Welcome!",
            "Cover text.",
        ]
    );
    let kinds: Vec<Option<&str>> = doc.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Alert(alert) => Some(alert.kind.name()),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [
            None,
            Some("warning"),
            None,
            None,
            Some("tip"),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None
        ]
    );
    let Block::Paragraph(first) = &doc.sections[0].blocks[0] else {
        panic!("{:?}", doc.sections[0].blocks[0]);
    };
    let link = first.spans.iter().find_map(|s| s.link.as_deref());
    assert_eq!(link, Some("#/d/docs-install/linux"));
}

#[test]
fn hugo_references_lead_to_documents_on_a_page_without_call_outs() {
    let ingested = folio_core::ingest::ingest(&[
        common::file(
            "_index.md",
            "---\ntitle: Home\n---\n\nSee [install]({{< ref \"/docs/install\" >}}) and \
             [the post]({{< relref \"blog/first.md#hello\" >}}).\n\n{{< tabpane >}}\n\n\
             Text after a line of markup.\n",
        ),
        common::file("blog/first.md", "# First post\n\n## Hello\n\nHello.\n"),
        common::file("docs/install/index.md", "# Install\n\nRun it.\n"),
    ])
    .unwrap();
    assert!(ingested.warnings.is_empty(), "{:?}", ingested.warnings);
    let doc = &ingested.corpus.documents[0];
    assert_eq!(doc.source, "_index.md");
    assert!(ingested.coverage[0].is_lossless());
    let texts: Vec<String> = doc.sections[0].blocks.iter().map(plain).collect();
    assert_eq!(
        texts,
        ["See install and the post.", "Text after a line of markup."]
    );
    let Block::Paragraph(first) = &doc.sections[0].blocks[0] else {
        panic!("{:?}", doc.sections[0].blocks[0]);
    };
    let links: Vec<&str> = first
        .spans
        .iter()
        .filter_map(|s| s.link.as_deref())
        .collect();
    assert_eq!(links, ["#/d/docs-install-index", "#/d/blog-first/hello"]);
}
