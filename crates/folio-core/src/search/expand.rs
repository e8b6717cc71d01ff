//! From a query word to the terms of the dictionary that can stand for it, each with a trust:
//! the word itself, words of the same stem, words it begins (while typing), and words one or two
//! edits away (a transposition is one edit).

use std::sync::OnceLock;

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

use crate::text::stem;

/// How much a matching term is to be believed, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trust {
    Typo = 0,
    Prefix = 1,
    Stem = 2,
    Exact = 3,
}

impl Trust {
    /// The weight a match of this trust gives its occurrences.
    pub fn weight(self) -> f32 {
        match self {
            Trust::Exact => 1.0,
            Trust::Stem => 0.8,
            Trust::Prefix => 0.6,
            Trust::Typo => 0.4,
        }
    }
}

/// A dictionary term standing for a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion {
    pub term: u32,
    pub trust: Trust,
}

/// At most this many prefix or typo terms are taken for one word (the most frequent ones).
pub const MAX_EXPANSIONS: usize = 48;
/// A prefix scan stops after this many terms.
const MAX_PREFIX_SCAN: usize = 4096;

/// The number of edits allowed for a word of `chars` characters.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

/// A Levenshtein DFA as an automaton over the term FST.
pub struct Lev(pub DFA);

impl Automaton for Lev {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// A Levenshtein automaton for `word` within `distance` edits (1 or 2).
pub fn levenshtein(word: &str, distance: u8) -> Lev {
    Lev(builder(distance).build_dfa(word))
}

/// The dictionary a searcher looks words up in.
pub struct Dictionary<'a> {
    pub terms: fst::Map<&'a [u8]>,
    pub stems: fst::Map<&'a [u8]>,
    pub stem_terms: &'a [Vec<u32>],
    pub cf: &'a [u32],
}

impl Dictionary<'_> {
    pub fn exact(&self, word: &str) -> Option<u32> {
        self.terms.get(word).map(|id| id as u32)
    }

    /// Terms sharing the stem of `word`.
    pub fn same_stem(&self, word: &str) -> &[u32] {
        match self.stems.get(stem(word)) {
            Some(id) => self.stem_terms.get(id as usize).map_or(&[], Vec::as_slice),
            None => &[],
        }
    }

    /// Up to `MAX_EXPANSIONS` most frequent terms that start with `word`.
    pub fn with_prefix(&self, word: &str) -> Vec<u32> {
        let automaton = Str::new(word).starts_with();
        let mut stream = self.terms.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((_, id)) = stream.next() {
            found.push(id as u32);
            if found.len() >= MAX_PREFIX_SCAN {
                break;
            }
        }
        self.most_frequent(found)
    }

    /// Terms within the typo budget of `word`, with their edit distances, most frequent first.
    pub fn near(&self, word: &str, distance: u8) -> Vec<(u32, u8)> {
        if distance == 0 {
            return Vec::new();
        }
        let lev = levenshtein(word, distance);
        let mut stream = self.terms.search_with_state(&lev).into_stream();
        let mut found = Vec::new();
        while let Some((_, id, state)) = stream.next() {
            if let Distance::Exact(d) = lev.0.distance(state) {
                found.push((id as u32, d));
            }
        }
        found.sort_by_key(|&(id, d)| {
            (
                d,
                std::cmp::Reverse(self.cf.get(id as usize).copied().unwrap_or(0)),
            )
        });
        found.truncate(MAX_EXPANSIONS);
        found
    }

    fn most_frequent(&self, mut ids: Vec<u32>) -> Vec<u32> {
        ids.sort_by_key(|&id| std::cmp::Reverse(self.cf.get(id as usize).copied().unwrap_or(0)));
        ids.truncate(MAX_EXPANSIONS);
        ids
    }

    /// Everything that can stand for `word`, each term once with its highest trust.
    pub fn expand(&self, word: &str, prefix: bool) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        let mut add = |term: u32, trust: Trust| {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion { term, trust });
            }
        };
        if let Some(term) = self.exact(word) {
            add(term, Trust::Exact);
        }
        for &term in self.same_stem(word) {
            add(term, Trust::Stem);
        }
        if prefix {
            for term in self.with_prefix(word) {
                add(term, Trust::Prefix);
            }
        }
        for (term, _) in self.near(word, typo_budget(word.chars().count())) {
            add(term, Trust::Typo);
        }
        out
    }

    /// Only the word itself and words of its stem: what phrases and exclusions use.
    pub fn expand_strict(&self, word: &str) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = self
            .exact(word)
            .map(|term| Expansion {
                term,
                trust: Trust::Exact,
            })
            .into_iter()
            .collect();
        for &term in self.same_stem(word) {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion {
                    term,
                    trust: Trust::Stem,
                });
            }
        }
        out
    }
}
