//! Topics: what a reader of the default corpus expects to find (and never to find), merging of
//! name variants, curated topics from `topics.toml`, and topics from document metadata.

use folio_core::ingest::{ingest, Ingested, SourceFile};
use folio_core::topics::{Group, Source, Topic};

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn ingest_files(files: &[SourceFile]) -> Ingested {
    ingest(files).unwrap_or_else(|e| panic!("{e}"))
}

fn report() -> Ingested {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/000_15142d29402a5562.txt"
    );
    ingest_files(&[file("report.txt", &std::fs::read_to_string(path).unwrap())])
}

/// The names of the topics of a corpus.
fn names(ingested: &Ingested) -> Vec<&str> {
    ingested
        .topics
        .topics
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn find<'a>(topics: &'a [Topic], name: &str) -> Option<&'a Topic> {
    topics.iter().find(|t| t.name == name)
}

#[test]
fn the_reports_actors_organisations_places_and_themes() {
    let ingested = report();
    let topics = &ingested.topics.topics;
    let expected: &[(&str, Group)] = &[
        ("Manzoor Ahmed", Group::People),
        ("Lal Khan", Group::People),
        ("Benazir Bhutto", Group::People),
        ("Zardari", Group::People),
        ("Alan Woods", Group::People),
        ("PPP", Group::Organisations),
        ("IMT", Group::Organisations),
        ("PTCL", Group::Organisations),
        (
            "International Executive Committee (IEC)",
            Group::Organisations,
        ),
        ("Left Opposition", Group::Organisations),
        ("Peoples Labour Federation (PLF)", Group::Organisations),
        ("Collective Bargaining Agent (CBA)", Group::Organisations),
        ("Pakistan", Group::Places),
        ("Islamabad", Group::Places),
        ("Kasur", Group::Places),
        ("privatisation", Group::Themes),
        ("minimum wage", Group::Themes),
        ("socialist revolution", Group::Themes),
        ("India, Pakistan, Bangla", Group::Categories),
    ];
    let missing: Vec<String> = expected
        .iter()
        .filter(|(name, group)| find(topics, name).is_none_or(|t| t.group != *group))
        .map(|(name, group)| format!("{name} ({group:?})"))
        .collect();
    assert!(missing.is_empty(), "missing or misgrouped: {missing:?}");
    assert!(
        topics
            .iter()
            .any(|t| t.group == Group::Themes && t.name.starts_with("trade union")),
        "trade unions"
    );
    // Variants meet in one topic; so do an acronym and the name it abbreviates.
    let iec = find(topics, "International Executive Committee (IEC)").unwrap();
    assert_eq!(
        iec.forms,
        ["IEC", "International Executive Committee"],
        "the forms of the IEC"
    );
    let manzoor = find(topics, "Manzoor Ahmed").unwrap();
    for form in ["Manzoor", "Manzoor Ahmed", "Manzoors"] {
        assert!(
            manzoor.forms.iter().any(|f| f == form),
            "{form} in {:?}",
            manzoor.forms
        );
    }
    assert!(manzoor.sections.len() >= 10);
}

#[test]
fn no_junk_topics() {
    let ingested = report();
    let never = [
        "however",
        "the",
        "The",
        "one",
        "time",
        "Topics",
        "I",
        "May",
        "April",
        "In",
        "It",
        "This",
        "But",
        "first",
        "people",
        "way",
        "manzoor",
        "Manzoor",
        "Manzoors",
        "Mel and Heiko",
        "Eastern European",
        "unions affiliated",
    ];
    for topic in &ingested.topics.topics {
        assert!(
            !never.contains(&topic.name.as_str()),
            "junk topic `{}` ({:?})",
            topic.name,
            topic.group
        );
        assert!(
            topic.name.chars().any(char::is_alphabetic),
            "`{}`",
            topic.name
        );
        if topic.group == Group::People {
            assert!(
                topic.name.chars().next().unwrap().is_uppercase(),
                "`{}`",
                topic.name
            );
        }
    }
}

#[test]
fn sections_and_topics_know_each_other() {
    let ingested = report();
    for topic in &ingested.topics.topics {
        assert!(!topic.sections.is_empty(), "{}", topic.name);
        assert_eq!(
            topic.mentions,
            topic.sections.iter().map(|s| s.mentions).sum::<u32>()
        );
        for s in &topic.sections {
            assert!(
                s.weight > 0.0 && s.weight <= 1.0,
                "{} {}",
                topic.name,
                s.weight
            );
            let doc = &ingested.corpus.documents[s.doc as usize];
            assert!((s.section as usize) < doc.sections.len());
        }
    }
    let ids: std::collections::HashSet<&str> = ingested
        .topics
        .topics
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids.len(), ingested.topics.topics.len(), "ids are unique");
}

/// (text, a name that must be a topic, the forms it must have)
const MERGES: &[(&str, &str, &[&str])] = &[
    (
        "Title\n\nWe met Manzoor Ahmed in Lahore. Later Manzoor spoke. Manzoor's speech was long. The crowd cheered Manzoors words.\n",
        "Manzoor Ahmed",
        &["Manzoor", "Manzoor Ahmed", "Manzoors"],
    ),
    (
        "Title\n\nThe workers formed the Collective Bargaining Agent, CBA for short. The CBA won. The CBA lost.\n",
        "Collective Bargaining Agent (CBA)",
        &["CBA", "Collective Bargaining Agent"],
    ),
    (
        "Title\n\nThey joined the Peoples Labour Federation (PLF) in May. The PLF grew. The PLF split.\n",
        "Peoples Labour Federation (PLF)",
        &["PLF", "Peoples Labour Federation"],
    ),
    (
        "Title\n\nWhen Benazir Bhutto returned, crowds came. Later Benazir spoke to them. Benazir was killed.\n",
        "Benazir Bhutto",
        &["Benazir", "Benazir Bhutto"],
    ),
];

#[test]
fn variants_merge_into_one_topic() {
    for (text, name, forms) in MERGES {
        let ingested = ingest_files(&[file("t.txt", text)]);
        let topics = &ingested.topics.topics;
        let topic = find(topics, name).unwrap_or_else(|| {
            panic!(
                "{name} in {:?}",
                topics.iter().map(|t| &t.name).collect::<Vec<_>>()
            )
        });
        for form in *forms {
            assert!(
                topic.forms.iter().any(|f| f == form),
                "{name}: {form} in {:?}",
                topic.forms
            );
        }
    }
}

#[test]
fn a_word_capitalised_only_at_sentence_starts_is_not_a_name() {
    let text = "Title\n\nMeanwhile the strike went on. Meanwhile the talks failed. The strike ended in Karachi. Karachi was calm.\n";
    let ingested = ingest_files(&[file("t.txt", text)]);
    let names = names(&ingested);
    assert!(!names.contains(&"Meanwhile"), "{names:?}");
    assert!(names.contains(&"Karachi"), "{names:?}");
}

#[test]
fn curated_topics_tag_matching_sections_and_win_over_discovery() {
    let toml = "[[topic]]\nname = \"Privatisation\"\ngroup = \"Themes\"\naliases = [\"sell-off\"]\npatterns = [\"privati*\"]\ndescription = \"Selling state firms.\"\n\n[[topic]]\nname = \"Nothing here\"\ngroup = \"Places\"\n\n[[topic]]\nname = \"<b>Bold</b> unions\"\ngroup = \"Labour\"\naliases = [\"unions\"]\n";
    let doc = "Title\n\nThe privatization of the telephone company. Privatised firms. A sell-off.\n\nUnions\n\nThe unions objected.\n";
    let ingested = ingest_files(&[file("topics.toml", toml), file("doc.txt", doc)]);
    let topics = &ingested.topics.topics;
    let p = find(topics, "Privatisation").unwrap();
    assert_eq!(
        (p.source, p.group.clone()),
        (Source::Curated, Group::Themes)
    );
    assert_eq!(p.description.as_deref(), Some("Selling state firms."));
    assert_eq!(p.mentions, 3);
    assert!(
        topics
            .iter()
            .filter(|t| t.name.to_lowercase() == "privatisation")
            .count()
            == 1
    );
    let bold = find(topics, "<b>Bold</b> unions").unwrap();
    assert_eq!(bold.group, Group::Custom("Labour".into()));
    assert!(find(topics, "Nothing here").is_none());
    let warnings: Vec<String> = ingested.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w.contains("topics.toml")
            && w.contains("Nothing here")
            && w.contains("matches no section")),
        "{warnings:?}"
    );
}

#[test]
fn a_malformed_topic_file_stops_ingest_with_file_and_line() {
    let bad = "[[topic]]\nname = \"A\"\ngroup = \"Themes\"\n\n[[topic]]\nname = \n";
    let err = ingest(&[
        file("topics.toml", bad),
        file("doc.txt", "Title\n\nText.\n"),
    ])
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("topics.toml: line 6"), "{err}");
    let unknown = "[[topic]]\nname = \"A\"\ncolour = \"red\"\n";
    let err = ingest(&[
        file("topics.toml", unknown),
        file("doc.txt", "Title\n\nText.\n"),
    ])
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("topics.toml") && err.contains("line 3") && err.contains("colour"),
        "{err}"
    );
}

#[test]
fn metadata_topics_cover_their_whole_document() {
    let md = "---\ntitle: Guide\ntags: [setup, install]\ncategories: [Docs]\n---\n\n# Guide\n\nIntro.\n\n## One\n\nText.\n\n## Two\n\nMore.\n";
    let txt = "Topics > Travel >\n\nTrip\n\nposted 1 May 2020 by Admin\n\nA trip.\n";
    let ingested = ingest_files(&[file("guide.md", md), file("trip.txt", txt)]);
    let topics = &ingested.topics.topics;
    let setup = find(topics, "setup").unwrap();
    assert_eq!(
        (setup.group.clone(), setup.source),
        (Group::Tags, Source::Metadata)
    );
    assert_eq!(setup.sections.len(), 3);
    assert_eq!(find(topics, "Docs").unwrap().group, Group::Categories);
    assert_eq!(find(topics, "Travel").unwrap().sections.len(), 1);
    assert!(
        find(topics, "Topics").is_none(),
        "a breadcrumb's root is the site's section"
    );
}

#[test]
fn themes_leave_out_measures_and_what_every_section_says() {
    // Twelve sections: each speaks of the granary and of a rise in per cent, four of them of
    // irrigation canals.
    let mut md = String::from("# Harvests\n\n");
    for i in 0..12 {
        md.push_str(&format!(
            "## Year {}\n\nThe granary stores grain. ",
            1900 + i
        ));
        md.push_str("The harvest rose by eight per cent, worth a million dollars to farmers.");
        if i % 3 == 0 {
            md.push_str(" The irrigation canals watered the orchards.");
        }
        md.push_str("\n\n");
    }
    let ingested = ingest_files(&[file("harvests.md", &md)]);
    let themes: Vec<&str> = ingested
        .topics
        .topics
        .iter()
        .filter(|t| t.group == Group::Themes)
        .map(|t| t.name.as_str())
        .collect();
    assert!(themes.contains(&"irrigation canals"), "{themes:?}");
    for word in ["per", "cent", "million", "dollars", "eight", "granary"] {
        assert!(
            !themes.iter().any(|t| t.split(' ').any(|w| w == word)),
            "`{word}` in {themes:?}"
        );
    }
}

#[test]
fn a_theme_outweighs_a_name_of_the_same_words_seen_once() {
    let mut md = String::from("# Reforms\n\n");
    for i in 0..8 {
        md.push_str(&format!("## Year {}\n\n", 1950 + i));
        if i == 0 {
            md.push_str("Congress heard the Health Insurance plan of the governors.\n\n");
        } else if i % 2 == 1 {
            md.push_str("Families asked again for health insurance and cheaper medicine.\n\n");
        } else {
            md.push_str("Roads and bridges were built across the valley.\n\n");
        }
    }
    let ingested = ingest_files(&[file("reforms.md", &md)]);
    let topic = ingested
        .topics
        .topics
        .iter()
        .find(|t| t.name.eq_ignore_ascii_case("health insurance"))
        .expect("a health insurance topic");
    assert_eq!(
        (topic.name.as_str(), &topic.group, topic.sections.len()),
        ("health insurance", &Group::Themes, 5)
    );
}

#[test]
fn code_is_no_prose_for_topics() {
    // Identifiers and commands in code look like names and phrases; prose around them names
    // the one real topic.
    let mut text = String::new();
    for n in 0..4 {
        text.push_str(&format!(
            "## Part {n}\n\nThe Ferris Project returns `None` or `Some(Value)` here, as \
             Ferris Project maintainers say.\n\n```rust\nlet Value = Some(Token::Open);\nmatch \
             Token::Close {{ None => Vec::new() }}\n// cargo run --release\n```\n\n    cargo run \
             --release\n\n"
        ));
    }
    let ingested = ingest_files(&[file("guide.md", &text)]);
    let names = names(&ingested);
    assert!(names.contains(&"Ferris Project"), "{names:?}");
    for code in [
        "None",
        "Some",
        "Value",
        "Token",
        "Vec",
        "cargo run",
        "Token::Open",
    ] {
        assert!(!names.contains(&code), "{code} in {names:?}");
    }
}

#[test]
fn technical_documents_name_no_parts_cross_references_or_protocols_as_actors() {
    let files: Vec<SourceFile> = (0..3)
        .map(|n| {
            file(
                &format!("ch{n}.md"),
                &format!(
                    "# Chapter {n}\n\n## Networking\n\nSee Appendix B, Part II and Listing 4-{n}, \
                     and the [Paths for Referring to an Item](ch0.md#networking) section. The \
                     Transmission Control Protocol (TCP) and the Hypertext Transfer Protocol \
                     (HTTP) carry it; your IDE shows CRLF line ends, as Grace Hopper said to \
                     Alan Kay at the Rust Foundation.\n"
                ),
            )
        })
        .collect();
    let ingested = ingest_files(&files);
    let topics = &ingested.topics.topics;
    let names = names(&ingested);
    for part in [
        "Appendix B",
        "Part II",
        "Listing 4-1",
        "Paths for Referring",
        "Item",
    ] {
        assert!(
            !names.iter().any(|n| n.starts_with(part)),
            "{part} in {names:?}"
        );
    }
    let group = |name: &str| find(topics, name).map(|t| t.group.clone());
    assert_eq!(group("Grace Hopper"), Some(Group::People), "{names:?}");
    assert_eq!(group("Alan Kay"), Some(Group::People), "{names:?}");
    assert_eq!(
        group("Rust Foundation"),
        Some(Group::Organisations),
        "{names:?}"
    );
    for technical in [
        "Transmission Control Protocol (TCP)",
        "Hypertext Transfer Protocol (HTTP)",
        "IDE",
        "CRLF",
    ] {
        assert_eq!(
            group(technical),
            Some(Group::Other),
            "{technical} in {names:?}"
        );
    }
}
