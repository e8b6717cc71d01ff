//! Browser tests: components rendered into a real DOM in headless Chromium.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use folio_app::components::article::{Article, ArticleProps};
use folio_app::components::results::{Results, ResultsProps};
use folio_app::components::toc::{Toc, TocProps};
use folio_core::search::snippet::Snippet;
use folio_core::search::{Hit, SearchResults};
use folio_core::{
    Block, Corpus, Document, List, ListItem, Metadata, Section, SourceFormat, Span, Stamp, Style,
    Text,
};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn section(id: &str, title: &str, level: u8, untitled: bool, blocks: Vec<Block>) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        level,
        untitled,
        blocks,
    }
}

fn link(text: &str, href: &str) -> Span {
    Span {
        text: text.into(),
        style: Style::default(),
        link: Some(href.into()),
    }
}

fn corpus() -> Rc<Corpus> {
    let strong = Span {
        text: "bold".into(),
        style: Style {
            strong: true,
            ..Style::default()
        },
        link: None,
    };
    let doc = Document {
        id: "doc".into(),
        title: "A <i>document</i>".into(),
        source: "doc.txt".into(),
        format: SourceFormat::Text,
        meta: Metadata {
            author: Some("Ann Author".into()),
            written: Some(Stamp {
                iso: "2010-05-20".into(),
                text: "20 May, 2010".into(),
            }),
            categories: vec!["Topics".into(), "Travel".into()],
            ..Metadata::default()
        },
        header: vec![],
        sections: vec![
            section(
                "opening",
                "Opening words…",
                1,
                true,
                vec![Block::Paragraph(Text::plain("<b>not html</b>"))],
            ),
            section(
                "links",
                "Links",
                1,
                false,
                vec![Block::Paragraph(Text {
                    spans: vec![
                        link("safe", "https://example.org/"),
                        link("unsafe", "javascript:alert(1)"),
                        strong,
                    ],
                })],
            ),
            section(
                "list",
                "A list",
                2,
                false,
                vec![Block::List(List {
                    ordered: true,
                    items: ["3.", "4."]
                        .iter()
                        .map(|m| ListItem {
                            marker: m.to_string(),
                            blocks: vec![Block::Paragraph(Text::plain("item"))],
                        })
                        .collect(),
                })],
            ),
        ],
        footer: vec![],
    };
    Rc::new(Corpus {
        documents: vec![doc],
    })
}

fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::dyn_into(list.item(i).unwrap()).unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn toc_has_one_link_per_section() {
    let div = root();
    let props = TocProps {
        corpus: corpus(),
        doc: 0,
        current: Some("links".into()),
        on_click: Default::default(),
    };
    yew::Renderer::<Toc>::with_root_and_props(div.clone(), props).render();
    tick().await;

    let links = all(&div, "nav#toc[aria-label='Contents'] a[data-section]");
    let hrefs: Vec<_> = links
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["#/d/doc/opening", "#/d/doc/links", "#/d/doc/list"]);
    let untitled: Vec<_> = links
        .iter()
        .map(|a| a.get_attribute("data-untitled"))
        .collect();
    assert_eq!(untitled, [Some("true".to_string()), None, None]);
    let current = all(&div, "a[aria-current='location']");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].get_attribute("data-section").as_deref(),
        Some("links")
    );
    // "A list" is level 2, so it nests under "Links".
    assert_eq!(
        all(&div, "nav > ul > li > ul > li > a[data-section='list']").len(),
        1
    );
}

#[wasm_bindgen_test]
async fn article_renders_corpus_text_as_text() {
    let div = root();
    let props = ArticleProps {
        corpus: corpus(),
        doc: 0,
        highlights: None,
    };
    yew::Renderer::<Article>::with_root_and_props(div.clone(), props).render();
    tick().await;

    let h1 = div.query_selector("header h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "A <i>document</i>");
    assert!(
        div.query_selector("i, b").unwrap().is_none(),
        "no markup from text"
    );
    let first = div
        .query_selector("section[data-section='opening'] p")
        .unwrap()
        .unwrap();
    assert_eq!(first.text_content().unwrap(), "<b>not html</b>");

    let meta = div
        .query_selector("header p.meta")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        meta.contains("Ann Author") && meta.contains("20 May, 2010"),
        "{meta}"
    );
    let time = div.query_selector("p.meta time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2010-05-20")
    );
}

#[wasm_bindgen_test]
async fn sections_have_ids_headings_copy_links_and_pagers() {
    let div = root();
    let props = ArticleProps {
        corpus: corpus(),
        doc: 0,
        highlights: None,
    };
    yew::Renderer::<Article>::with_root_and_props(div.clone(), props).render();
    tick().await;

    let sections = all(&div, "section[data-section]");
    let ids: Vec<_> = sections.iter().map(Element::id).collect();
    assert_eq!(ids, ["doc--opening", "doc--links", "doc--list"]);
    let headings: Vec<_> = sections
        .iter()
        .map(|s| s.first_element_child().unwrap().tag_name())
        .collect();
    assert_eq!(headings, ["H2", "H2", "H3"]);
    for s in &sections {
        assert_eq!(
            all(
                s,
                "button.copy-link[aria-label='Copy link to this section']"
            )
            .len(),
            1
        );
    }
    let first_pager = sections[0].query_selector("nav.pager").unwrap().unwrap();
    assert!(first_pager.query_selector("a[rel=prev]").unwrap().is_none());
    let next = first_pager.query_selector("a[rel=next]").unwrap().unwrap();
    assert_eq!(next.get_attribute("href").as_deref(), Some("#/d/doc/links"));
    assert_eq!(next.text_content().unwrap(), "Links →");
}

#[wasm_bindgen_test]
async fn only_safe_links_become_anchors_and_list_markers_are_kept() {
    let div = root();
    let props = ArticleProps {
        corpus: corpus(),
        doc: 0,
        highlights: None,
    };
    yew::Renderer::<Article>::with_root_and_props(div.clone(), props).render();
    tick().await;

    let links = all(&div, "section[data-section='links'] p a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://example.org/")
    );
    assert_eq!(links[0].get_attribute("rel").as_deref(), Some("noopener"));
    let p = div
        .query_selector("section[data-section='links'] p")
        .unwrap()
        .unwrap();
    assert_eq!(p.text_content().unwrap(), "safeunsafebold");
    assert_eq!(all(&div, "section[data-section='links'] p strong").len(), 1);

    let items = all(&div, "section[data-section='list'] ol > li");
    let values: Vec<_> = items.iter().map(|li| li.get_attribute("value")).collect();
    assert_eq!(values, [Some("3".to_string()), Some("4".to_string())]);
}

fn hit(section: usize, id: &str, title: &str, snippet: Snippet, terms: &[&str]) -> Hit {
    Hit {
        doc: 0,
        doc_id: "doc".into(),
        section,
        section_id: id.into(),
        title: title.into(),
        score: 1.0,
        matched: 1,
        snippet,
        terms: terms.iter().map(|t| t.to_string()).collect(),
    }
}

fn render_results(results: SearchResults, query: &str, active: usize) -> Element {
    let div = root();
    let props = ResultsProps {
        corpus: corpus(),
        results: Rc::new(results),
        query: query.to_string().into(),
        active,
        on_suggest: Default::default(),
    };
    yew::Renderer::<Results>::with_root_and_props(div.clone(), props).render();
    div
}

#[wasm_bindgen_test]
async fn results_mark_matches_as_text_and_link_to_their_sections() {
    let text = "a <b>safe</b> link & bold text";
    let results = SearchResults {
        total: 3,
        hits: vec![
            hit(
                1,
                "links",
                "Links",
                Snippet {
                    text: text.into(),
                    highlights: vec![(5, 9), (21, 25)],
                    offset: 0,
                    cut_before: true,
                    cut_after: false,
                },
                &["safe"],
            ),
            hit(
                0,
                "opening",
                "Opening words…",
                Snippet {
                    text: "not html".into(),
                    highlights: vec![(4, 8)],
                    offset: 0,
                    cut_before: false,
                    cut_after: true,
                },
                &["html"],
            ),
        ],
        suggestion: None,
        matching: Vec::new(),
    };
    let div = render_results(results, "safe \"b c\" #1", 1);
    tick().await;
    check_listed(&div, text);
}

/// Checks the list rendered by `results_mark_matches_as_text_and_link_to_their_sections`.
fn check_listed(div: &Element, text: &str) {
    let region = div
        .query_selector("[role='region'][aria-label='Search results']")
        .unwrap()
        .expect("a results region");
    let status = region.query_selector("[role='status']").unwrap().unwrap();
    assert_eq!(
        status.text_content().unwrap(),
        "3 sections match; the best 2 are listed"
    );
    // One document: its title shows once, above both results.
    assert_eq!(all(div, ".results-group").len(), 1);
    assert_eq!(
        all(div, ".results-doc")[0].text_content().unwrap(),
        "A <i>document</i>"
    );
    assert!(
        div.query_selector("b, i").unwrap().is_none(),
        "no markup from text"
    );

    let options = all(div, "[role='listbox'] a[role='option']");
    let hrefs: Vec<_> = options
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "#/d/doc/links?q=safe%20%22b%20c%22%20%231",
            "#/d/doc/opening?q=safe%20%22b%20c%22%20%231"
        ]
    );
    let selected: Vec<_> = options
        .iter()
        .map(|a| a.get_attribute("aria-selected").unwrap())
        .collect();
    assert_eq!(selected, ["false", "true"]);
    assert!(options[1]
        .class_name()
        .split_whitespace()
        .any(|c| c == "active"));
    assert_eq!(options[1].id(), "result-1");

    let first_snippet = options[0]
        .query_selector(".result-snippet")
        .unwrap()
        .unwrap();
    assert_eq!(first_snippet.text_content().unwrap(), format!("…{text}"));
    let marks: Vec<_> = all(&first_snippet, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["safe", "bold"]);
    // The title marks the hit's terms too; an untitled section's label is left as it is.
    let titles = all(div, ".result-title");
    assert_eq!(titles[0].get_attribute("data-untitled"), None);
    assert_eq!(
        titles[1].get_attribute("data-untitled").as_deref(),
        Some("true")
    );
    assert_eq!(all(&titles[1], "mark").len(), 0);
    let second = options[1]
        .query_selector(".result-snippet")
        .unwrap()
        .unwrap();
    assert_eq!(second.text_content().unwrap(), "not html…");
    assert_eq!(all(&second, "mark")[0].text_content().unwrap(), "html");
}

#[wasm_bindgen_test]
async fn no_results_say_so_and_offer_the_suggestion() {
    let results = SearchResults {
        total: 0,
        hits: vec![],
        suggestion: Some("coalition".into()),
        matching: Vec::new(),
    };
    let div = render_results(results, "coaliton", 0);
    tick().await;
    let status = div.query_selector("[role='status']").unwrap().unwrap();
    assert_eq!(
        status.text_content().unwrap(),
        "No sections match “coaliton”."
    );
    assert!(all(&div, "[role='option']").is_empty());
    let suggestion = div.query_selector(".suggestion").unwrap().unwrap();
    assert_eq!(
        suggestion.text_content().unwrap(),
        "Did you mean coalition?"
    );
    assert_eq!(all(&suggestion, "button").len(), 1);
}

#[wasm_bindgen_test]
async fn an_article_marks_the_search_terms_of_its_found_sections() {
    use folio_app::search::Highlights;
    let div = root();
    let highlights = Highlights {
        sections: [(1, vec!["links".to_string(), "bold".to_string()])].into(),
    };
    let props = ArticleProps {
        corpus: corpus(),
        doc: 0,
        highlights: Some(Rc::new(highlights)),
    };
    yew::Renderer::<Article>::with_root_and_props(div.clone(), props).render();
    tick().await;
    let marks: Vec<_> = all(&div, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    if folio_app::search::ENABLED {
        assert_eq!(
            marks,
            ["Links", "bold"],
            "the heading and the text of one section"
        );
        assert_eq!(
            all(&div, "section[data-section='links'] p strong mark").len(),
            1
        );
    } else {
        assert!(marks.is_empty(), "a build without search marks nothing");
    }
    // Leaf blocks are numbered within their section.
    let numbers: Vec<_> = all(&div, "section[data-section='list'] [data-block]")
        .iter()
        .map(|b| b.get_attribute("data-block").unwrap())
        .collect();
    assert_eq!(numbers, ["0", "1"]);
}
