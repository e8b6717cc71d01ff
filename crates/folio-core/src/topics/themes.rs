//! Themes: key phrases that stand out statistically. Candidate phrases are runs of one to three
//! content words between stop words, punctuation, numbers and names (as in RAKE); each is scored
//! by how often it occurs, discounted for words common in English at large (the built-in
//! background list) and raised for longer phrases. Plural and singular forms meet by stem.

use std::collections::{BTreeMap, HashMap};

use super::lexicon::{contains, COMMON};
use super::names::Word;
use crate::text::{is_stop_word, stem};

/// At most this many themes are kept.
pub const MAX_THEMES: usize = 30;

#[derive(Debug, Clone, Default)]
struct Candidate {
    /// Surface forms (lower-case) and how often each was written.
    forms: BTreeMap<String, u32>,
    mentions: BTreeMap<usize, u32>,
    words: usize,
    common: usize,
}

impl Candidate {
    fn count(&self) -> u32 {
        self.mentions.values().sum()
    }

    /// Frequency (dampened), discounted for common words and for phrases spread over all sections
    /// (`records`: how many there are), raised for phrases whose words mostly occur together
    /// (`cohesion`: the phrase's count over its rarest word's count).
    fn score(&self, cohesion: f32, records: usize) -> f32 {
        let rarity = 0.25f32.powi(self.common as i32);
        let spread = (1.0 + records as f32 / self.mentions.len().max(1) as f32).ln();
        (self.count() as f32).sqrt() * rarity * spread * self.words as f32 * (1.0 + cohesion)
    }
}

/// A discovered theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub forms: Vec<String>,
    pub mentions: BTreeMap<usize, u32>,
}

/// Words of number, quantity and measure: like digits, they end a phrase and are no theme
/// ("per cent", "billion dollars", "cubic yards").
const MEASURES: &[&str] = &[
    "acres",
    "annum",
    "billion",
    "billions",
    "capita",
    "cent",
    "cents",
    "cubic",
    "dollar",
    "dollars",
    "dozen",
    "dozens",
    "eight",
    "eighty",
    "eleven",
    "fifty",
    "five",
    "forty",
    "four",
    "gallons",
    "hundred",
    "hundreds",
    "kilometers",
    "kilometres",
    "miles",
    "million",
    "millions",
    "nine",
    "ninety",
    "ounces",
    "per",
    "percent",
    "pounds",
    "seven",
    "seventy",
    "six",
    "sixty",
    "ten",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "tons",
    "trillion",
    "trillions",
    "twelve",
    "twenty",
    "two",
    "yards",
];

/// With this many records or more, a phrase found in more than four in five of them is no
/// theme: choosing it would narrow nothing.
const UBIQUITY_FROM: usize = 10;

fn breaks_phrase(w: &Word<'_>) -> bool {
    is_stop_word(&w.key)
        || contains(MEASURES, &w.key)
        || (w.capital && !w.start)
        || w.acronym
        || w.text.chars().count() < 3
        || !w.text.chars().all(char::is_alphabetic)
}

/// Collects candidate phrases from one record's words.
#[derive(Debug, Default)]
pub struct Themes {
    candidates: HashMap<String, Candidate>,
    records: usize,
    stems: HashMap<String, String>,
}

impl Themes {
    /// Adds the words of one record; `is_name` tells the words that belong to names.
    pub fn add(&mut self, record: usize, words: &[Word<'_>], is_name: impl Fn(&Word<'_>) -> bool) {
        self.records += 1;
        let mut chunk: Vec<&Word<'_>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let joined = i > 0 && w.joined && !words[i - 1].possessive;
            let breaks = breaks_phrase(w) || is_name(w);
            if breaks || !joined {
                self.chunk(record, &chunk);
                chunk.clear();
            }
            if !breaks {
                chunk.push(w);
            }
        }
        self.chunk(record, &chunk);
    }

    fn chunk(&mut self, record: usize, chunk: &[&Word<'_>]) {
        // Each distinct word is stemmed once for the whole corpus.
        let stems: Vec<String> = chunk
            .iter()
            .map(|w| {
                self.stems
                    .entry(w.key.clone())
                    .or_insert_with(|| stem(&w.key))
                    .clone()
            })
            .collect();
        for n in 1..=3.min(chunk.len()) {
            for (i, gram) in chunk.windows(n).enumerate() {
                let key = stems[i..i + n].join(" ");
                let form = gram
                    .iter()
                    .map(|w| w.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let c = self.candidates.entry(key).or_default();
                *c.forms.entry(form).or_default() += 1;
                *c.mentions.entry(record).or_default() += 1;
                c.words = n;
                c.common = c
                    .common
                    .max(gram.iter().filter(|w| contains(COMMON, &w.key)).count());
            }
        }
    }

    /// The best themes, strongest first.
    pub fn best(self) -> Vec<Theme> {
        let records = self.records;
        let singles: HashMap<String, u32> = self
            .candidates
            .iter()
            .filter(|(_, c)| c.words == 1)
            .map(|(k, c)| (k.clone(), c.count()))
            .collect();
        let cohesion = |key: &str, c: &Candidate| -> f32 {
            if c.words == 1 {
                return 0.0;
            }
            let rarest = key
                .split(' ')
                .filter_map(|w| singles.get(w))
                .copied()
                .min()
                .unwrap_or(1);
            c.count() as f32 / rarest.max(1) as f32
        };
        let mut kept: Vec<(String, Candidate)> = self
            .candidates
            .into_iter()
            .filter(|(_, c)| {
                let count = c.count();
                // A phrase ends on a noun-like word, not a participle ("unions affiliated").
                let form = top_form(c);
                let last = form.rsplit(' ').next().unwrap_or("");
                let ends_well = if c.words == 1 {
                    !last.ends_with("ed")
                } else {
                    !(last.ends_with("ed") || last.ends_with("ing"))
                };
                let everywhere = records >= UBIQUITY_FROM && c.mentions.len() * 5 > records * 4;
                ends_well
                    && !everywhere
                    && c.common < c.words
                    // A single word is a theme only if it recurs across sections.
                    && (c.words > 1 || c.mentions.len() >= 2 || records < 4)
                    && if c.words == 1 {
                        count >= 3 && c.forms.keys().all(|f| f.len() >= 4)
                    } else {
                        count >= 2
                    }
            })
            .collect();
        kept.sort_by(|(ka, a), (kb, b)| {
            b.score(cohesion(kb, b), records)
                .total_cmp(&a.score(cohesion(ka, a), records))
                .then_with(|| a.forms.cmp(&b.forms))
        });
        let kept: Vec<Candidate> = kept.into_iter().map(|(_, c)| c).collect();
        let mut kept = kept;
        // A word that mostly occurs inside a longer phrase among the best is that phrase's theme.
        kept.truncate(MAX_THEMES * 2);
        let longer: Vec<(String, usize, u32)> = kept
            .iter()
            .map(|c| (top_form(c), c.words, c.count()))
            .collect();
        let mut out: Vec<Candidate> = Vec::new();
        for c in kept {
            let name = top_form(&c);
            let inside: u32 = longer
                .iter()
                .filter(|(form, words, _)| *words > c.words && contains_phrase(form, &name))
                .map(|(_, _, count)| count)
                .sum();
            if inside * 2 >= c.count() {
                continue;
            }
            out.push(c);
            if out.len() >= MAX_THEMES {
                break;
            }
        }
        out.into_iter()
            .map(|c| Theme {
                name: top_form(&c),
                forms: c.forms.keys().cloned().collect(),
                mentions: c.mentions,
            })
            .collect()
    }
}

fn contains_phrase(long: &str, short: &str) -> bool {
    format!(" {long} ").contains(&format!(" {short} "))
}

/// The most written surface form.
fn top_form(c: &Candidate) -> String {
    c.forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(f, _)| f.clone())
        .unwrap_or_default()
}
