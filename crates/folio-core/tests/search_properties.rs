//! Properties of search, over indexes read back from their blobs as the app reads them: the
//! fast top-k equals brute-force scoring of every section; the ranking rules hold on small
//! made-up corpora; the query parser and the analyser never panic.

use std::path::Path;

use folio_core::format::{decode, encode, Bundle};
use folio_core::ingest::{ingest, SourceFile};
use folio_core::search::query::parse;
use folio_core::search::score::{brute_force, Ranking};
use folio_core::search::{SearchOptions, Searcher, Tuning};
use folio_core::text::{tokenize, word_indices};
use proptest::prelude::*;

/// The bundle of `files`, read back from its blob.
fn bundle_of(files: &[(&str, String)]) -> Bundle {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(p, t)| SourceFile {
            path: p.to_string(),
            bytes: t.as_bytes().to_vec(),
        })
        .collect();
    let built = Bundle::new(ingest(&files).unwrap().corpus);
    decode(&encode(&built).unwrap()).unwrap()
}

/// The default corpus and the Markdown and text fixtures together: several documents.
fn build_corpus() -> Bundle {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    bundle_of(&[
        ("report.txt", read("../../data/000_15142d29402a5562.txt")),
        ("guide.md", read("tests/fixtures/guide.md")),
        ("notes.txt", read("tests/fixtures/field-notes.txt")),
    ])
}

thread_local! {
    /// Built once per test thread: every generated case searches the same corpus.
    static CORPUS: Bundle = build_corpus();
}

/// Runs `f` with a searcher over the shared corpus.
fn with_searcher<T>(f: impl FnOnce(&Searcher<'_>) -> T) -> T {
    CORPUS.with(|bundle| f(&Searcher::new(&bundle.corpus, &bundle.index).unwrap()))
}

const WORDS: &[&str] = &[
    "ptcl",
    "strike",
    "strikes",
    "manzoor",
    "manzoors",
    "ppp",
    "workers",
    "the",
    "of",
    "trade",
    "union",
    "unions",
    "government",
    "privatisation",
    "privatization",
    "benazir",
    "bhutto",
    "imt",
    "lal",
    "khan",
    "minimum",
    "wage",
    "pakistan",
    "marxist",
    "organisation",
    "party",
    "liebk",
    "zardari",
    "coast",
    "harbour",
    "install",
    "guide",
    "emphasis",
    "step",
    "jonathon",
    "comrades",
    "congress",
    "revolution",
    "revolutionary",
];

fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS).prop_map(String::from);
    let typo = prop::sample::select(WORDS).prop_map(|w| {
        let mut c: Vec<char> = w.chars().collect();
        if c.len() > 3 {
            c.swap(1, 2);
        }
        c.into_iter().collect::<String>()
    });
    let clause = prop_oneof![
        5 => word.clone(),
        1 => typo,
        1 => (word.clone(), word.clone()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        1 => word.clone().prop_map(|w| format!("-{w}")),
        1 => word.prop_map(|w| w.chars().take(3).collect::<String>()),
    ];
    (prop::collection::vec(clause, 1..4), any::<bool>()).prop_map(|(clauses, space)| {
        let mut q = clauses.join(" ");
        if space {
            q.push(' ');
        }
        q
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fast_top_k_equals_brute_force(q in query(), k in 1usize..12) {
        let tuning = Tuning::default();
        let parsed = parse(&q);
        let (fast, slow, all) = with_searcher(|searcher| {
            (
                Ranking::new(searcher, &parsed, &tuning).top(k),
                brute_force(searcher, &parsed, &tuning, k),
                brute_force(searcher, &parsed, &tuning, usize::MAX),
            )
        });
        let close = |a: f32, b: f32| (a - b).abs() <= 1e-3 * b.abs().max(1.0);
        prop_assert_eq!(fast.len(), slow.len(), "query {:?}", q);
        for (f, s) in fast.iter().zip(&slow) {
            // Rank by rank the same tier and score; the record may differ only where two
            // sections tie (their scores then differ by float rounding alone).
            prop_assert_eq!((f.matched, f.trust), (s.matched, s.trust), "query {:?}", q);
            prop_assert!(close(f.score, s.score), "query {:?}: {} vs {}", q, f.score, s.score);
            let reference = all.iter().find(|r| r.record == f.record);
            prop_assert!(
                reference.is_some_and(|r| close(r.score, f.score) && (r.matched, r.trust) == (f.matched, f.trust)),
                "query {:?}: record {} scored {} fast, {:?} by brute force", q, f.record, f.score, reference
            );
        }
    }

    #[test]
    fn any_query_is_answered_without_panic(q in "\\PC{0,200}") {
        let r = with_searcher(|searcher| searcher.search(&q, &SearchOptions::default()));
        prop_assert!(r.hits.len() <= r.total);
    }

    #[test]
    fn query_syntax_soup_parses(q in "[\"\\- a-zA-Z0-9'’–]{0,300}") {
        let parsed = parse(&q);
        prop_assert!(parsed.include.len() + parsed.exclude.len() <= folio_core::search::query::MAX_CLAUSES);
    }

    #[test]
    fn tokens_point_at_words_in_order(text in "\\PC{0,300}") {
        let tokens = tokenize(&text);
        let mut next = 0;
        for t in &tokens {
            prop_assert!(text.get(t.span.clone()).is_some());
            prop_assert!(!t.term.is_empty());
            // Words take positions in order; a hyphenated compound, listed after its parts,
            // repeats the position of its first part.
            if t.position == next {
                next += 1;
            } else {
                prop_assert!(t.position < next, "{:?}", t);
            }
        }
    }
}

/// Pieces of text where word segmentation has rules: whitespace of every kind, marks that
/// attach to what precedes them, mid-word punctuation, digits, scripts and flags.
const PIECES: &[&str] = &[
    "a", "Bc", "é", "ß", "3", "10", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{b}", "\u{c}",
    "\u{a0}", "-", "‐", "–", "'", "’", "‘", ".", ",", ":", ";", "_", "\"", "(", "\u{301}",
    "\u{93e}", "\u{200d}", "\u{5d0}", "カ", "日本", "🇺", "🇸", "😀", "ꨀ",
];

fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Segmenting chunk by chunk gives exactly the words of the whole text.
#[test]
fn word_indices_are_those_of_the_whole_text_on_the_default_corpus() {
    use unicode_segmentation::UnicodeSegmentation;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("../../data/000_15142d29402a5562.txt")).unwrap();
    let fast: Vec<(usize, &str)> = word_indices(&text).collect();
    let whole: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    assert_eq!(fast, whole);
}

proptest! {
    #[test]
    fn word_indices_are_those_of_the_whole_text(text in pieces()) {
        use unicode_segmentation::UnicodeSegmentation;
        let fast: Vec<(usize, &str)> = word_indices(&text).collect();
        let whole: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        prop_assert_eq!(fast, whole);
    }

    #[test]
    fn ascii_word_indices_are_those_of_the_whole_text(text in "[ -~\t\n\r\u{b}\u{c}]{0,80}") {
        use unicode_segmentation::UnicodeSegmentation;
        let fast: Vec<(usize, &str)> = word_indices(&text).collect();
        let whole: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        prop_assert_eq!(fast, whole);
    }
}

fn ranked_titles(files: &[(&str, String)], q: &str) -> Vec<String> {
    let bundle = bundle_of(files);
    let searcher = Searcher::new(&bundle.corpus, &bundle.index).unwrap();
    searcher
        .search(q, &SearchOptions::default())
        .hits
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn page(title: &str, body: &str) -> String {
    format!("Title {title}\n\n{body}\n")
}

#[test]
fn all_words_rank_above_many_of_one() {
    let filler = "filler words here. ".repeat(40);
    let titles = ranked_titles(
        &[
            (
                "a.txt",
                page(
                    "a",
                    &format!("Only alpha alpha alpha alpha alpha.\n\nRepeat\n\n{filler}"),
                ),
            ),
            (
                "b.txt",
                page(
                    "b",
                    &format!("Both alpha and beta appear once.\n\nBoth\n\n{filler}{filler}"),
                ),
            ),
        ],
        "alpha beta ",
    );
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Both alpha and beta appear…")
    );
}

#[test]
fn exact_outranks_stem_and_stem_outranks_typo() {
    let titles = ranked_titles(
        &[
            (
                "a.txt",
                page(
                    "a",
                    &format!(
                        "One mention of running, and a long text after it. {}",
                        "More text. ".repeat(60)
                    ),
                ),
            ),
            ("b.txt", page("b", "Runs runs runs runs runs.")),
            ("c.txt", page("c", "Runnign runnign runnign runnign.")),
        ],
        "running ",
    );
    assert_eq!(
        titles,
        [
            "One mention of running…",
            "Runs runs runs runs runs…",
            "Runnign runnign runnign runnign…"
        ]
    );
}

#[test]
fn a_typo_never_outranks_an_exact_match() {
    let titles = ranked_titles(
        &[
            (
                "a.txt",
                page(
                    "a",
                    &format!("The organisation, once. {}", "Padding words. ".repeat(80)),
                ),
            ),
            (
                "b.txt",
                page("b", "Organisatoin organisatoin organisatoin organisatoin."),
            ),
        ],
        "organisation ",
    );
    assert_eq!(
        titles.first().map(String::as_str),
        Some("The organisation…")
    );
    assert_eq!(titles.len(), 2);
}

#[test]
fn headings_weigh_more_than_body() {
    let titles = ranked_titles(
        &[(
            "a.txt",
            "Doc\n\nIntro text mentions nothing.\n\nBudget\n\nThe numbers.\n\nOther\n\nA budget was discussed here at length, with words.\n"
                .to_string(),
        )],
        "budget ",
    );
    assert_eq!(titles.first().map(String::as_str), Some("Budget"));
}
