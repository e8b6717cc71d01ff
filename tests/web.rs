//! Browser tests: components rendered into a real DOM in headless Chromium.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use folio_app::components::article::{Article, ArticleProps};
use folio_app::components::results::{Results, ResultsProps};
use folio_app::components::toc::{toc, Toc};
use folio_core::search::snippet::Snippet;
use folio_core::search::{Hit, SearchResults};
use folio_core::{
    Alert, AlertKind, Align, Block, Corpus, Document, List, ListItem, Metadata, Preformatted,
    Section, SourceFormat, Span, Stamp, Style, Table, Text,
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
                vec![
                    Block::List(List {
                        ordered: true,
                        notes: false,
                        items: ["3.", "4."]
                            .iter()
                            .map(|m| ListItem {
                                marker: m.to_string(),
                                task: None,
                                blocks: vec![Block::Paragraph(Text::plain("item"))],
                            })
                            .collect(),
                    }),
                    Block::Table(Table {
                        align: vec![Align::None, Align::Right],
                        head: 1,
                        rows: vec![
                            vec![Text::plain("Name"), Text::plain("Count")],
                            vec![Text::plain("<b>cell</b>"), Text::plain("12")],
                        ],
                    }),
                ],
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

/// Renders the sample corpus's document into `div` as an `Article`, and waits for it.
async fn render_article(
    div: &Element,
    highlights: Option<Rc<folio_app::search::Highlights>>,
    filter: Option<Rc<folio_app::topics::Filter>>,
) {
    render_article_of(div, corpus(), highlights, filter).await;
}

/// Renders the first document of `corpus` into `div`.
async fn render_article_of(
    div: &Element,
    corpus: Rc<Corpus>,
    highlights: Option<Rc<folio_app::search::Highlights>>,
    filter: Option<Rc<folio_app::topics::Filter>>,
) {
    let props = ArticleProps {
        corpus,
        doc: 0,
        highlights,
        filter,
        on_topic: Default::default(),
    };
    yew::Renderer::<Article>::with_root_and_props(div.clone(), props).render();
    tick().await;
}

/// The contents of the sample corpus, at its section "links".
#[component]
fn TocHost() -> Html {
    toc(Toc {
        corpus: corpus(),
        doc: 0,
        current: Some("links".into()),
        on_click: Callback::default(),
        filter: None,
        counts: Rc::default(),
        on_topic: Callback::default(),
        on_clear_topics: Callback::default(),
    })
}

#[wasm_bindgen_test]
async fn toc_has_one_link_per_section() {
    let div = root();
    yew::Renderer::<TocHost>::with_root(div.clone()).render();
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
        all(
            &div,
            "nav > .toc-entries > ul > li > ul > li > a[data-section='list']"
        )
        .len(),
        1
    );
}

#[wasm_bindgen_test]
async fn markdown_documents_show_their_hard_breaks() {
    for (format, class) in [
        (SourceFormat::Markdown, "document hard-breaks"),
        (SourceFormat::Text, "document"),
    ] {
        let div = root();
        let mut corpus = (*corpus()).clone();
        corpus.documents[0].format = format;
        render_article_of(&div, Rc::new(corpus), None, None).await;
        let article = all(&div, "article");
        assert_eq!(article[0].get_attribute("class").as_deref(), Some(class));
    }
}

#[wasm_bindgen_test]
async fn article_renders_corpus_text_as_text() {
    let div = root();
    render_article(&div, None, None).await;

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
async fn tables_show_their_header_and_cells_as_text() {
    let div = root();
    render_article(&div, None, None).await;

    let table = "section[data-section='list'] .table table";
    let texts = |selector: &str| -> Vec<String> {
        all(&div, selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(texts(&format!("{table} thead th")), ["Name", "Count"]);
    assert_eq!(texts(&format!("{table} tbody td")), ["<b>cell</b>", "12"]);
    assert!(
        all(&div, &format!("{table} b")).is_empty(),
        "no markup from text"
    );
    let right = all(&div, &format!("{table} [data-align='right']"));
    assert_eq!(right.len(), 2, "the second column, head and body");
    // The cells are leaves after the list's two items, numbered as the body text joins them.
    let leaves: Vec<Option<String>> = all(&div, &format!("{table} [data-block]"))
        .iter()
        .map(|e| e.get_attribute("data-block"))
        .collect();
    let expected: Vec<Option<String>> = (2..6).map(|n| Some(n.to_string())).collect();
    assert_eq!(leaves, expected);
}

#[wasm_bindgen_test]
async fn sections_have_ids_headings_copy_links_and_pagers() {
    let div = root();
    render_article(&div, None, None).await;

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
    render_article(&div, None, None).await;

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
        topics: Default::default(),
        within: None,
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
    render_article(&div, Some(Rc::new(highlights)), None).await;
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
    // Leaf blocks (two list items, then four table cells) are numbered within their section.
    let numbers: Vec<_> = all(&div, "section[data-section='list'] [data-block]")
        .iter()
        .map(|b| b.get_attribute("data-block").unwrap())
        .collect();
    assert_eq!(numbers, ["0", "1", "2", "3", "4", "5"]);
}

// Topics

use folio_app::components::topic_panel::{TopicPanel, SHOWN};
use folio_app::topics::{self, Filter};
use folio_core::topics::{Group, Source, Topic, TopicSection, Topics};
use yew::prelude::*;

fn topic(id: &str, name: &str, group: Group, sections: &[u32]) -> Topic {
    Topic {
        id: id.into(),
        name: name.into(),
        group,
        source: Source::Discovered,
        description: None,
        forms: vec![name.into()],
        mentions: sections.len() as u32,
        sections: sections
            .iter()
            .map(|&section| TopicSection {
                doc: 0,
                section,
                mentions: 1,
                weight: 1.0,
            })
            .collect(),
    }
}

/// Fourteen topics over the three sections of `corpus()`: eight people (one with markup in its
/// name), two places, four themes.
fn sample_topics() -> Rc<Topics> {
    let mut list = vec![
        topic("ann", "<b>Ann</b>", Group::People, &[0, 1]),
        topic("bob", "Bob", Group::People, &[1, 2]),
    ];
    for i in 0..6 {
        list.push(topic(
            &format!("p{i}"),
            &format!("P{i}"),
            Group::People,
            &[2],
        ));
    }
    list.push(topic("oslo", "Oslo", Group::Places, &[0]));
    list.push(topic("rome", "Rome", Group::Places, &[2]));
    for i in 0..4 {
        list.push(topic(
            &format!("t{i}"),
            &format!("T{i}"),
            Group::Themes,
            &[1],
        ));
    }
    Rc::new(Topics { topics: list })
}

/// The panel with its filter state kept here, as the app keeps it in the address.
#[component]
fn PanelHost() -> Html {
    let topics = use_memo((), |_| sample_topics());
    let ids = use_state(Vec::<String>::new);
    let active = topics::active(&topics, &ids);
    let counts = topics::counts(&topics, &active, None);
    let on_toggle = {
        let ids = ids.clone();
        Callback::from(move |id: String| ids.set(topics::toggle(&ids, &id)))
    };
    let on_clear = {
        let ids = ids.clone();
        Callback::from(move |()| ids.set(Vec::new()))
    };
    html! {
        <TopicPanel
            topics={(*topics).clone()}
            active={Rc::new(active)}
            counts={Rc::new(counts)}
            {on_toggle}
            {on_clear}
        />
    }
}

fn click(root: &Element, selector: &str) {
    let element = root.query_selector(selector).unwrap().unwrap();
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
        .unwrap()
        .click();
}

fn pressed(root: &Element, id: &str) -> String {
    root.query_selector(&format!("button.topic[data-topic='{id}']"))
        .unwrap()
        .unwrap()
        .get_attribute("aria-pressed")
        .unwrap()
}

fn count(root: &Element, id: &str) -> String {
    root.query_selector(&format!("button.topic[data-topic='{id}'] .topic-count"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_topic_panel_toggles_topics_and_recounts() {
    let div = root();
    yew::Renderer::<PanelHost>::with_root(div.clone()).render();
    tick().await;

    let panel = div
        .query_selector("[role='group'][aria-label='Topics']")
        .unwrap()
        .expect("the panel is a group called Topics");
    assert!(
        panel
            .query_selector("input[aria-label='Filter topics']")
            .unwrap()
            .is_some(),
        "fourteen topics can be filtered"
    );
    let labels: Vec<_> = all(&panel, ".topic-group-label")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(labels, ["People", "Places", "Themes"]);
    // Eight people: the first few show, the rest behind "more".
    let people = all(&panel, ".topic-group[data-group='People'] button.topic");
    assert_eq!(people.len(), SHOWN);
    let more = panel.query_selector(".topics-more").unwrap().unwrap();
    assert_eq!(more.text_content().unwrap(), "Show 2 more");

    // A name with markup is text.
    let ann = panel
        .query_selector("button[data-topic='ann'] .topic-name")
        .unwrap()
        .unwrap();
    assert_eq!(ann.text_content().unwrap(), "<b>Ann</b>");
    assert!(
        panel.query_selector("b").unwrap().is_none(),
        "no markup from names"
    );

    assert_eq!(pressed(&panel, "ann"), "false");
    assert_eq!(
        (
            count(&panel, "ann"),
            count(&panel, "oslo"),
            count(&panel, "t0")
        ),
        ("2".into(), "1".into(), "1".into())
    );
    assert!(panel.query_selector(".topics-clear").unwrap().is_none());

    click(&panel, "button.topic[data-topic='ann']");
    tick().await;
    assert_eq!(pressed(&panel, "ann"), "true");
    // Other groups count within Ann's sections {0, 1}; Ann's own group does not shrink.
    assert_eq!(count(&panel, "bob"), "2");
    assert_eq!(
        (count(&panel, "oslo"), count(&panel, "rome")),
        ("1".into(), "0".into())
    );
    let chip = panel
        .query_selector("button.topic-chip[aria-label='Remove topic <b>Ann</b>']")
        .unwrap()
        .expect("a chip removes the topic");
    assert!(chip.text_content().unwrap().contains("<b>Ann</b>"));

    // A second group narrows: places count within Ann, people within Oslo {0}.
    click(&panel, "button.topic[data-topic='oslo']");
    tick().await;
    assert_eq!(
        (pressed(&panel, "ann"), pressed(&panel, "oslo")),
        ("true".into(), "true".into())
    );
    assert_eq!(
        (count(&panel, "ann"), count(&panel, "bob")),
        ("1".into(), "0".into())
    );
    assert_eq!(all(&panel, "button.topic-chip").len(), 2);

    // The chip turns its topic off; "Clear all" turns off the rest.
    click(&panel, "button.topic-chip[data-topic='ann']");
    tick().await;
    assert_eq!(
        (pressed(&panel, "ann"), pressed(&panel, "oslo")),
        ("false".into(), "true".into())
    );
    click(&panel, ".topics-clear");
    tick().await;
    assert_eq!(pressed(&panel, "oslo"), "false");
    assert!(panel.query_selector(".topic-chips").unwrap().is_none());

    click(&panel, ".topics-more");
    tick().await;
    assert_eq!(
        all(&panel, ".topic-group[data-group='People'] button.topic").len(),
        8
    );
}

#[wasm_bindgen_test]
async fn an_article_tags_its_sections_and_marks_active_names() {
    let div = root();
    let mut list = (*sample_topics()).clone();
    // A name as the first section writes it (inside its text "<b>not html</b>").
    list.topics
        .push(topic("nh", "not html", Group::Organisations, &[0]));
    let list = Rc::new(list);
    let tags = Rc::new(topics::section_tags(&list));
    let filter = Filter::new(list, tags, &["nh".to_string(), "nope".to_string()]);
    render_article(&div, None, Some(Rc::new(filter))).await;

    let tags: Vec<_> = all(&div, "section[data-section='opening'] .topic-tags button")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(tags, ["<b>Ann</b>", "Oslo", "not html"]);
    let on = all(&div, ".topic-tags button[aria-pressed='true']");
    assert_eq!(on.len(), 1);
    assert_eq!(on[0].get_attribute("data-topic").as_deref(), Some("nh"));
    let marks: Vec<_> = all(&div, "mark.topic")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["not html"]);
    let text = div
        .query_selector("section[data-section='opening'] p")
        .unwrap()
        .unwrap();
    assert_eq!(text.text_content().unwrap(), "<b>not html</b>");
    let matched: Vec<_> = all(&div, "section[data-section]")
        .iter()
        .map(|s| s.get_attribute("data-match").unwrap())
        .collect();
    assert_eq!(matched, ["true", "false", "false"]);
}

#[wasm_bindgen_test]
async fn markdown_blocks_tasks_notes_call_outs_and_code() {
    let note_ref = Span {
        text: "1".into(),
        style: Style {
            note: true,
            ..Style::default()
        },
        link: Some("#/d/doc/notes".into()),
    };
    let item = |task: Option<bool>, marker: &str, text: &str| ListItem {
        marker: marker.into(),
        task,
        blocks: vec![Block::Paragraph(Text::plain(text))],
    };
    let mut corpus = (*corpus()).clone();
    corpus.documents[0].sections.push(section(
        "notes",
        "Notes",
        2,
        false,
        vec![
            Block::Paragraph(Text {
                spans: vec![Text::plain("A claim").spans[0].clone(), note_ref],
            }),
            Block::List(List {
                ordered: false,
                notes: false,
                items: vec![
                    item(Some(false), "-", "to do"),
                    item(Some(true), "-", "done"),
                    item(None, "-", "plain"),
                ],
            }),
            Block::List(List {
                ordered: true,
                notes: true,
                items: vec![item(None, "1", "The note.")],
            }),
            Block::Alert(Alert {
                kind: AlertKind::Warning,
                blocks: vec![Block::Paragraph(Text::plain("Mind the gap."))],
            }),
            Block::Preformatted(Preformatted {
                info: Some("sh".into()),
                text: "make dist".into(),
            }),
            Block::Paragraph(Text {
                spans: vec![
                    image("A diagram", "media/img/a%20b.svg"),
                    image("Remote", "https://x.org/r.png"),
                ],
            }),
        ],
    ));
    let div = root();
    render_article_of(&div, Rc::new(corpus), None, None).await;

    let refs = all(&div, "section[data-section='notes'] p sup.note-ref a");
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].text_content().as_deref(), Some("1"));
    assert_eq!(
        refs[0].get_attribute("href").as_deref(),
        Some("#/d/doc/notes")
    );
    let p = div
        .query_selector("section[data-section='notes'] p")
        .unwrap()
        .unwrap();
    assert_eq!(p.text_content().as_deref(), Some("A claim1"));

    let boxes: Vec<(bool, bool)> = all(&div, "section[data-section='notes'] li > input")
        .iter()
        .map(|i| {
            let input: &web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_ref(i);
            (input.checked(), input.disabled())
        })
        .collect();
    assert_eq!(boxes, [(false, true), (true, true)]);
    assert_eq!(all(&div, "section[data-section='notes'] ul > li").len(), 3);

    let notes = all(&div, "section[data-section='notes'] ol > li[data-note]");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].get_attribute("data-note").as_deref(), Some("1"));
    assert_eq!(notes[0].get_attribute("data-marker").as_deref(), Some("1"));
    assert_eq!(notes[0].text_content().as_deref(), Some("The note."));

    let alerts = all(&div, "section[data-section='notes'] blockquote[data-alert]");
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        alerts[0].get_attribute("data-alert").as_deref(),
        Some("warning")
    );
    assert_eq!(alerts[0].text_content().as_deref(), Some("Mind the gap."));

    // A block of code comes with its copy button and a status line.
    let code = all(&div, "section[data-section='notes'] .code");
    assert_eq!(code.len(), 1);
    let parts: Vec<String> = (0..code[0].child_element_count())
        .filter_map(|i| code[0].children().item(i))
        .map(|e| format!("{}.{}", e.tag_name(), e.class_name()))
        .collect();
    assert_eq!(parts, ["PRE.", "BUTTON.copy-code", "SPAN.copy-status"]);
    assert_eq!(code[0].text_content().as_deref(), Some("make dist"));

    // An image of the data folder shows; another image shows its text, as a link.
    let images = all(&div, "section[data-section='notes'] p img");
    assert_eq!(images.len(), 1);
    assert_eq!(
        images[0].get_attribute("src").as_deref(),
        Some("media/img/a%20b.svg")
    );
    assert_eq!(images[0].get_attribute("alt").as_deref(), Some("A diagram"));
    let remote = all(
        &div,
        "section[data-section='notes'] p a[href='https://x.org/r.png']",
    );
    assert_eq!(remote.len(), 1);
    assert_eq!(remote[0].text_content().as_deref(), Some("Remote"));
}

/// A span that is an image: its alternative text and its address.
fn image(alt: &str, src: &str) -> Span {
    Span {
        text: alt.into(),
        style: Style {
            image: true,
            ..Style::default()
        },
        link: Some(src.into()),
    }
}

#[wasm_bindgen_test]
fn a_corpus_that_cannot_be_read_is_said_so_as_text() {
    let div = root();
    folio_app::app::show_error(Some(div.clone()), "bad <b>bytes</b>");
    let main = div
        .query_selector("main#content.load-error")
        .unwrap()
        .unwrap();
    let title = main.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        title.text_content().as_deref(),
        Some("This corpus cannot be shown")
    );
    let alert = main.query_selector("p[role='alert']").unwrap().unwrap();
    assert_eq!(
        alert.text_content().as_deref(),
        Some("The embedded corpus could not be read: bad <b>bytes</b>.")
    );
    assert!(
        main.query_selector("b").unwrap().is_none(),
        "the message is text"
    );
}
