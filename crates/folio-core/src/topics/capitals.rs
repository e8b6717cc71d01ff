//! How words are written: each word of a text with its capitalisation, place in the sentence
//! and surroundings, and across the corpus how often each word is capitalised inside sentences
//! against written in lower case, which tells names from common words.

use super::lexicon::{contains, NOT_NAMES, PERSON_TITLES};
use crate::hash::IdMap;
use crate::text::{is_stop_word, word_indices};

/// A word of running text, as topic discovery sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word, without a possessive ending.
    pub text: &'t str,
    /// Lower-case form of `text`.
    pub key: String,
    /// First word of a sentence.
    pub start: bool,
    /// Begins with a capital letter.
    pub capital: bool,
    /// Two or more letters, all capitals: an acronym.
    pub acronym: bool,
    /// Separated from the word before by spaces only.
    pub joined: bool,
    /// Joined to the word before by a hyphen alone: "Fellow-Citizens".
    pub hyphenated: bool,
    /// Ended by 's or ’s.
    pub possessive: bool,
    /// Followed directly by `(` or `,` — where an acronym may be defined.
    pub defining_after: bool,
    /// The line (paragraph) of the text the word stands on.
    pub line: usize,
}

/// The words of `text` with the facts discovery needs.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut last_end = 0;
    let mut line = 0;
    for (start, raw) in word_indices(text) {
        let gap = &text[last_end..start];
        line += gap.matches('\n').count();
        let first = out.is_empty();
        let spaces = |s: &str| !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\u{a0}');
        // The full stop of an initial or of a title's abbreviation ("John F. Kennedy",
        // "Mr. Smith") ends no sentence: the word keeps it, and the name goes on.
        let initial = out.last_mut().filter(|w| {
            let mut letters = w.text.chars();
            let letter = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
            !w.possessive && (letter || matches!(w.key.as_str(), "dr" | "mr" | "mrs" | "ms"))
        });
        let after_initial = initial.is_some() && gap.strip_prefix('.').is_some_and(spaces);
        if let (true, Some(w)) = (after_initial, initial) {
            w.text = &text[last_end - w.text.len()..last_end + 1];
        }
        let sentence_start =
            first || (!after_initial && gap.contains(['.', '!', '?', ':', '\n', '•']));
        let joined = !first && (spaces(gap) || after_initial);
        let (word, possessive) = match raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (raw, false),
        };
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let end = start + raw.len();
        let after = text[end..].trim_start_matches([' ', '\u{a0}']);
        let defining_after = after.starts_with('(') || after.starts_with(", ");
        out.push(Word {
            text: word,
            key: word.to_lowercase(),
            start: sentence_start,
            capital: word.chars().next().is_some_and(char::is_uppercase),
            acronym: letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()),
            joined,
            hyphenated: !first && matches!(gap, "-" | "\u{2010}"),
            possessive,
            defining_after,
            line,
        });
        last_end = end;
    }
    out
}

/// How each word is written across the corpus.
#[derive(Debug, Default)]
pub struct Usage {
    capital_inside: IdMap<String, u32>,
    lower: IdMap<String, u32>,
}

impl Usage {
    pub fn add(&mut self, words: &[Word<'_>]) {
        for w in words {
            let counts = if w.capital && !w.start {
                &mut self.capital_inside
            } else if !w.capital {
                &mut self.lower
            } else {
                continue;
            };
            // A word's key is copied only the first time it is seen.
            match counts.get_mut(w.key.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(w.key.clone(), 1);
                }
            }
        }
    }

    /// Written in lower case at least as often as capitalised inside sentences.
    pub fn common(&self, key: &str) -> bool {
        let capital = self.capital_inside.get(key).copied().unwrap_or(0);
        let lower = self.lower.get(key).copied().unwrap_or(0);
        lower > 0 && lower * 2 >= capital
    }

    /// Capitalised inside sentences more often than written in lower case.
    pub fn name_like(&self, word: &Word<'_>) -> bool {
        if !word.capital {
            return false;
        }
        let capital = self.capital_inside.get(&word.key).copied().unwrap_or(0);
        let lower = self.lower.get(&word.key).copied().unwrap_or(0);
        capital >= 1
            && capital >= lower * 2
            && !is_stop_word(&word.key)
            && !contains(NOT_NAMES, &word.key)
            && !contains(PERSON_TITLES, &word.key)
            && word.text.chars().any(char::is_alphabetic)
    }
}
