//! Themes: key phrases that stand out statistically. Candidate phrases are runs of one to three
//! content words between stop words, punctuation, numbers and names (as in RAKE); each is scored
//! by how often it occurs, discounted for words common in English at large (the built-in
//! background list) and raised for longer phrases. Plural and singular forms meet by stem.

use std::collections::{BTreeMap, HashMap};

use super::lexicon::{contains, COMMON};
use super::names::Word;
use crate::hash::IdMap;
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
    /// One more mention, in `record`, written `form`, of `words` words of which `common` are
    /// common in English at large.
    fn add(&mut self, form: &str, record: usize, words: usize, common: usize) {
        match self.forms.get_mut(form) {
            Some(count) => *count += 1,
            None => {
                self.forms.insert(form.to_string(), 1);
            }
        }
        *self.mentions.entry(record).or_default() += 1;
        self.words = words;
        self.common = self.common.max(common);
    }

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

/// What a word is, whatever its place: its stem, whether it is common in English at large, and
/// whether it is listed as ending a phrase (a stop word or a measure).
#[derive(Debug)]
struct Known {
    /// Found when the word is first counted in a phrase: most words that break phrases never
    /// are.
    stem: Option<String>,
    common: bool,
    listed: bool,
}

impl Known {
    fn of(key: &str) -> Known {
        Known {
            stem: None,
            common: contains(COMMON, key),
            listed: is_stop_word(key) || contains(MEASURES, key),
        }
    }
}

/// A word that no phrase goes through: listed, a capital inside a sentence, an acronym, shorter
/// than three letters, or not all letters.
fn breaks_phrase(w: &Word<'_>, known: &Known) -> bool {
    known.listed
        || (w.capital && !w.start)
        || w.acronym
        || w.text.chars().count() < 3
        || !w.text.chars().all(char::is_alphabetic)
}

/// Collects candidate phrases from one record's words.
#[derive(Debug, Default)]
pub struct Themes {
    candidates: IdMap<String, Candidate>,
    records: usize,
    /// Each distinct word, found once for the whole corpus: its number in `facts`.
    known: IdMap<String, usize>,
    facts: Vec<Known>,
    /// The phrase being counted, as its stems (its candidate's key) and as written.
    key: String,
    form: String,
}

impl Themes {
    /// Adds the words of one record; `is_name` tells the words that belong to names.
    pub fn add(&mut self, record: usize, words: &[Word<'_>], is_name: impl Fn(&Word<'_>) -> bool) {
        self.records += 1;
        let mut chunk: Vec<(&Word<'_>, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let fact = match self.known.get(w.key.as_str()) {
                Some(&fact) => fact,
                None => {
                    self.facts.push(Known::of(&w.key));
                    self.known.insert(w.key.clone(), self.facts.len() - 1);
                    self.facts.len() - 1
                }
            };
            let joined = i > 0 && w.joined && !words[i - 1].possessive;
            let breaks = breaks_phrase(w, &self.facts[fact]) || is_name(w);
            if breaks || !joined {
                self.chunk(record, &chunk);
                chunk.clear();
            }
            if !breaks {
                chunk.push((w, fact));
            }
        }
        self.chunk(record, &chunk);
    }

    /// Counts every run of one to three words of `chunk`. Keys and forms are built in buffers
    /// and copied only when new.
    fn chunk(&mut self, record: usize, chunk: &[(&Word<'_>, usize)]) {
        let Themes {
            candidates,
            facts,
            key,
            form,
            ..
        } = self;
        for &(w, fact) in chunk {
            if facts[fact].stem.is_none() {
                facts[fact].stem = Some(stem(&w.key));
            }
        }
        for n in 1..=3.min(chunk.len()) {
            for i in 0..=chunk.len() - n {
                key.clear();
                form.clear();
                let mut common = 0;
                for (j, &(w, fact)) in chunk[i..i + n].iter().enumerate() {
                    if j > 0 {
                        key.push(' ');
                        form.push(' ');
                    }
                    key.push_str(facts[fact].stem.as_deref().unwrap_or_default());
                    form.push_str(&w.key);
                    common += usize::from(facts[fact].common);
                }
                match candidates.get_mut(key.as_str()) {
                    Some(c) => c.add(form, record, n, common),
                    None => {
                        let mut c = Candidate::default();
                        c.add(form, record, n, common);
                        candidates.insert(key.clone(), c);
                    }
                }
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
        // Each score is found once, not at every comparison of the sort.
        let mut kept: Vec<(f32, Candidate)> = self
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
            .map(|(k, c)| (c.score(cohesion(&k, &c), records), c))
            .collect();
        kept.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then_with(|| a.forms.cmp(&b.forms)));
        let mut kept: Vec<Candidate> = kept.into_iter().map(|(_, c)| c).collect();
        // A word that mostly occurs inside a longer phrase among the best is that phrase's theme.
        kept.truncate(MAX_THEMES * 2);
        let longer: Vec<(String, usize, u32)> = kept
            .iter()
            .map(|c| (top_form(c).to_string(), c.words, c.count()))
            .collect();
        let mut out: Vec<Candidate> = Vec::new();
        for c in kept {
            let name = top_form(&c).to_string();
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
                name: top_form(&c).to_string(),
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
fn top_form(c: &Candidate) -> &str {
    c.forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map_or("", |(f, _)| f.as_str())
}
