//! Ranking cases on the default corpus, one line each, covering every query feature: words,
//! stems, spelling variants, typos, prefixes, phrases, exclusions, hyphenated words, numbers,
//! stop words, "did you mean" and degenerate input.

use std::path::Path;
use std::time::{Duration, Instant};

use folio_core::format::Bundle;
use folio_core::ingest::{ingest, SourceFile};
use folio_core::search::{SearchOptions, SearchResults, Searcher};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
const REPORT: &str = "000_15142d29402a5562.txt";

const STRIKE: &str = "The PTCL strike";
const BESOS: &str = "The Benazir Stock Option Scheme (BESOS)";
const OPENING: &str = "Back in 2009…";
const FIRST_STOP: &str = "My first stop in Pakistan…";
const ELECTION: &str = "The election campaign";
const BHUTTO: &str = "When Benazir Bhutto returned…";
const STRATEGY: &str = "Strategy to build a mass revolutionary party";

/// What a query must give.
enum Check {
    /// This section comes first.
    First(&'static str),
    /// This section is among the results.
    Has(&'static str),
    /// This section is among the first n results.
    Top(usize, &'static str),
    /// Exactly this many sections match.
    Total(usize),
    /// Nothing matches.
    Nothing,
    /// The results offer this corrected query.
    Suggests(&'static str),
    /// Some result's matched terms include this normalised term.
    Matches(&'static str),
    /// No result's section text contains this word.
    NoneContain(&'static str),
    /// The first result's snippet highlights this text.
    Highlights(&'static str),
    /// The same results, in the same order, as this other query.
    SameAs(&'static str),
}
use Check::*;

const CASES: &[(&str, Check)] = &[
    ("PTCL", First(STRIKE)),
    ("ptcl", First(STRIKE)),
    ("PTCL", Highlights("PTCL")),
    ("stock option", First(BESOS)),
    ("BESOS", First(BESOS)),
    ("privatization", Has(BESOS)),
    ("privatization", Has(OPENING)),
    ("privatisation", First(BESOS)),
    ("Jonathon", First(OPENING)),
    ("Jonathon", Matches("jonathon")),
    ("Jonathon", Matches("jonathan")),
    ("Jonathan", Matches("jonathon")),
    ("\"minimum wage\"", First(FIRST_STOP)),
    ("\"minimum wage\"", Total(1)),
    ("\"minimum wage\"", Highlights("minimum")),
    ("\"wage minimum\"", Nothing),
    ("PPP -Zardari", NoneContain("Zardari")),
    ("PPP -Zardari", Has("The character of the PPP")),
    ("PPP -\"trade unions\"", NoneContain("trade unions")),
    ("Manzoors", SameAs("Manzoor's")),
    ("Manzoor’s", SameAs("Manzoor's")),
    ("Manzoor", Has("The question of Manzoors positions…")),
    ("Liebk", First(ELECTION)),
    ("Liebknecht", First(ELECTION)),
    ("Luxembourg", First(ELECTION)),
    ("strikes", First(STRIKE)),
    ("strke", First(STRIKE)),
    ("Musharaf", First(STRIKE)),
    // A typo in the first letter counts as two edits: forgiven in words of nine letters or more.
    ("orivatisation", First(BESOS)),
    ("rpivatisation", First(BESOS)),
    ("Kiebknecht", First(ELECTION)),
    ("xtrike", Nothing),
    ("\"Benazir Bhutto\"", First(BHUTTO)),
    ("Benazir", Top(2, BESOS)),
    (
        "coalition government",
        First("Call for a coalition government"),
    ),
    (
        "degeneration",
        First("The degeneration of the old organisation"),
    ),
    ("trade unions", First(STRATEGY)),
    ("Chicago Martyrs", First(FIRST_STOP)),
    ("Islamabad", Has(BHUTTO)),
    ("founder-member", First(OPENING)),
    ("founder member", First(OPENING)),
    ("foundermember", First(OPENING)),
    ("anti-labour", First(FIRST_STOP)),
    ("2010", First(OPENING)),
    ("the", Total(14)),
    ("Clyne", Total(14)),
    ("PTCK", Suggests("ptcl")),
    ("minimum wgae", Suggests("minimum wage")),
    ("zzzzqqq", Nothing),
    ("", Nothing),
    ("-", Nothing),
    ("-PPP", Nothing),
    ("\"", Nothing),
    ("?!…", Nothing),
    ("🙂", Nothing),
    ("שלום עולם", Nothing),
    ("\"unbalanced PTCL", First(STRIKE)),
];

fn corpus() -> Bundle {
    let text = std::fs::read(Path::new(DATA).join(REPORT)).unwrap();
    let ingested = ingest(&[SourceFile {
        path: REPORT.into(),
        bytes: text,
    }])
    .unwrap();
    Bundle::new(ingested.corpus)
}

fn titles(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.title.as_str()).collect()
}

fn check(bundle: &Bundle, searcher: &Searcher, query: &str, check: &Check) -> Result<(), String> {
    let options = SearchOptions {
        limit: 50,
        ..SearchOptions::default()
    };
    let r = searcher.search(query, &options);
    let t = titles(&r);
    let ok = match check {
        First(title) => t.first() == Some(title),
        Has(title) => t.contains(title),
        Top(n, title) => t.iter().take(*n).any(|x| x == title),
        Total(n) => r.total == *n && r.hits.len() == (*n).min(50),
        Nothing => r.total == 0 && r.hits.is_empty(),
        Suggests(s) => r.suggestion.as_deref() == Some(*s),
        Matches(term) => r.hits.iter().any(|h| h.terms.iter().any(|x| x == term)),
        NoneContain(word) => {
            !r.hits.is_empty()
                && r.hits.iter().all(|h| {
                    let section = &bundle.corpus.documents[h.doc].sections[h.section];
                    !section.body_text().contains(word) && !section.title.contains(word)
                })
        }
        Highlights(text) => r.hits.first().is_some_and(|h| {
            h.snippet
                .highlights
                .iter()
                .any(|&(a, b)| h.snippet.text[a..b].eq_ignore_ascii_case(text))
        }),
        SameAs(other) => {
            let o = searcher.search(other, &options);
            titles(&o) == t && o.total == r.total
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{query}`: total {}, suggestion {:?}, results {t:?}",
            r.total, r.suggestion
        ))
    }
}

#[test]
fn ranking_cases() {
    let bundle = corpus();
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(q, c)| check(&bundle, &searcher, q, c).err())
        .collect();
    assert!(CASES.len() >= 30);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn hits_carry_ids_and_snippets_that_point_into_the_body() {
    let bundle = corpus();
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    let r = searcher.search("PTCL strike", &SearchOptions::default());
    assert!(r.total >= 1);
    for hit in &r.hits {
        let section = &bundle.corpus.documents[hit.doc].sections[hit.section];
        assert_eq!(section.id, hit.section_id);
        let body = section.body_text();
        assert_eq!(
            &body[hit.snippet.offset..hit.snippet.offset + hit.snippet.text.len()],
            hit.snippet.text
        );
        assert!(
            hit.snippet.text.split_whitespace().count() <= 32,
            "{}",
            hit.snippet.text
        );
        for &(a, b) in &hit.snippet.highlights {
            assert!(a < b && b <= hit.snippet.text.len());
        }
    }
    assert!(r
        .hits
        .windows(2)
        .all(|w| (w[0].matched, w[0].score) >= (w[1].matched, w[1].score)
            || w[0].matched > w[1].matched));
}

#[test]
fn a_very_long_query_is_answered_quickly() {
    let bundle = corpus();
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    let long = "Manzoor privatisation \"trade union\" -PPP Liebknecht ".repeat(200);
    let started = Instant::now();
    let r = searcher.search(&long, &SearchOptions::default());
    // A generous bound that only a runaway (say, quadratic in the query) would break.
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(r.total <= 14);
}

#[test]
fn a_filter_restricts_results_and_their_count() {
    let bundle = corpus();
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    let all = searcher.search("PPP", &SearchOptions::default());
    assert_eq!(all.matching.len(), all.total);
    assert!(all.total > 3);
    // Keep only two of the matching sections, and one that does not match.
    let mut within: Vec<(u32, u32)> = all.matching[..2].iter().copied().chain([(0, 13)]).collect();
    within.sort_unstable();
    let options = SearchOptions {
        within: Some(within.clone()),
        ..SearchOptions::default()
    };
    let some = searcher.search("PPP", &options);
    assert_eq!(some.total, 2);
    assert_eq!(some.matching, all.matching[..2]);
    for hit in &some.hits {
        assert!(within.contains(&(hit.doc as u32, hit.section as u32)));
    }
    let none = searcher.search(
        "PPP",
        &SearchOptions {
            within: Some(Default::default()),
            ..SearchOptions::default()
        },
    );
    assert_eq!((none.total, none.hits.len()), (0, 0));
}

#[test]
fn the_title_of_a_document_heads_its_untitled_opening() {
    let page = "# Closures\n\nAnonymous functions that capture what is around them.\n\n\
                ## Capturing\n\nA closure captures. Closures borrow, and closures move.\n";
    let ingested = ingest(&[SourceFile {
        path: "closures.md".into(),
        bytes: page.as_bytes().to_vec(),
    }])
    .unwrap();
    let bundle = Bundle::new(ingested.corpus);
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    let results = searcher.search("closures", &SearchOptions::default());
    assert_eq!(
        titles(&results),
        ["Anonymous functions that capture what…", "Capturing"]
    );
}
