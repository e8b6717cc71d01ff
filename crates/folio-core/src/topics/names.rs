//! Names of people, organisations and places, found from capitalisation across the corpus.
//!
//! A word is name-like when it is capitalised in the middle of sentences and rarely written in
//! lower case; a word capitalised only at sentence starts is not. Runs of capitalised words
//! (with "of", "for", "the", "and" between them) are candidate names; acronyms stand alone.
//! Variants are merged into one topic: possessives, short forms ("Manzoor" → "Manzoor Ahmed"
//! when only one longer name begins or ends with it), and an acronym with the expansion the text
//! defines for it ("Peoples Labour Federation (PLF)").

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use super::capitals::{words, Usage, Word};
use super::lexicon::{contains, DEMONYMS, NOT_NAMES, ORGANISATION_WORDS, PERSON_TITLES, PLACES};
use super::Group;

const CONNECTORS: &[&str] = &["de", "for", "of", "the", "van", "von"];

/// A name found in the text: its words, and whether a person's title stood before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub words: Vec<String>,
    pub titled: bool,
    /// An acronym standing right after it in parentheses: "Peoples Labour Federation (PLF)".
    pub defines: Option<String>,
}

impl Found {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }
}

/// The names in one run of text.
pub fn find(words: &[Word<'_>], usage: &Usage) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // A long word in capitals that the text also writes in lower case is shouted, as in a
        // heading ("NATIONAL PARKS"), not an acronym.
        let shouted = w.text.chars().count() > 3 && usage.common(&w.key);
        if w.acronym && w.text.chars().count() <= 8 && !shouted {
            out.push(Found {
                words: vec![w.text.to_string()],
                titled: false,
                defines: None,
            });
            i += 1;
            continue;
        }
        if !w.capital || contains(NOT_NAMES, &w.key) {
            i += 1;
            continue;
        }
        // Gather capitalised words, with connectors between them.
        let mut j = i + 1;
        let mut end = i + 1;
        while j < words.len() && words[j].joined && !words[j - 1].possessive {
            let next = &words[j];
            // After an initial only a name-like word goes on: "Vitamin D. Then" ends at "D.".
            let after_initial = words[j - 1].text.ends_with('.');
            if next.capital
                && !next.acronym
                && !contains(NOT_NAMES, &next.key)
                && (!after_initial || usage.name_like(next))
            {
                end = j + 1;
                j += 1;
            } else if CONNECTORS.contains(&next.key.as_str())
                && (next.key != "the" || matches!(words[j - 1].key.as_str(), "of" | "for"))
                && j + 1 < words.len()
                && words[j + 1].joined
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut run: Vec<&Word<'_>> = words[i..end].iter().collect();
        // A sentence's first word joins a name only if it is name-like itself, or a title.
        if run[0].start && !usage.name_like(run[0]) && !contains(PERSON_TITLES, &run[0].key) {
            run.remove(0);
        }
        // A title before a name ("President Zardari") says it is a person's.
        let mut titled =
            i > 0 && w.joined && words[i - 1].capital && contains(PERSON_TITLES, &words[i - 1].key);
        while let Some(first) = run.first() {
            if contains(PERSON_TITLES, &first.key) {
                titled = true;
            } else if CONNECTORS.contains(&first.key.as_str()) {
                // A title with "of" names an office and its domain ("King of Prussia",
                // "Secretary of the Interior"): what follows is not a person.
                titled = false;
            } else {
                break;
            }
            run.remove(0);
        }
        let keep = match run.len() {
            0 => false,
            // A lone letter is an initial, not a name.
            1 => {
                usage.name_like(run[0])
                    && run[0].text.chars().filter(|c| c.is_alphabetic()).count() > 1
            }
            _ => true,
        };
        if keep {
            let defines = run.last().filter(|w| w.defining_after).and_then(|_| {
                words
                    .get(end)
                    .filter(|a| a.acronym)
                    .map(|a| a.text.to_string())
            });
            out.push(Found {
                words: run.iter().map(|w| w.text.to_string()).collect(),
                titled,
                defines,
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether `acronym` can be read off `words`: each word gives its first letter and perhaps more
/// of its letters, in order ("BESOS" from "Benazir Stock Option Scheme").
pub fn abbreviates(acronym: &str, words: &[String]) -> bool {
    fn go(acr: &[char], words: &[Vec<char>], w: usize, at: usize) -> bool {
        if acr.is_empty() {
            return w == words.len() - 1;
        }
        // Continue inside the current word, at a later letter.
        let word = &words[w];
        if (at + 1..word.len()).any(|k| word[k] == acr[0] && go(&acr[1..], words, w, k)) {
            return true;
        }
        // Or start the next word with its first letter.
        w + 1 < words.len()
            && words[w + 1].first() == Some(&acr[0])
            && go(&acr[1..], words, w + 1, 0)
    }
    let acr: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    let words: Vec<Vec<char>> = words
        .iter()
        .filter(|w| !CONNECTORS.contains(&w.to_lowercase().as_str()))
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    !acr.is_empty()
        && !words.is_empty()
        && words[0].first() == acr.first()
        && go(&acr[1..], &words, 0, 0)
}

/// A discovered name topic.
#[derive(Debug, Clone, PartialEq)]
pub struct NameTopic {
    pub name: String,
    pub group: Group,
    /// Every way the text writes it.
    pub forms: BTreeSet<String>,
    /// Mentions per record.
    pub mentions: BTreeMap<usize, u32>,
}

/// Merges the names found in each record into topics.
pub fn topics(found: &[(usize, Found)], usage: &Usage) -> Vec<NameTopic> {
    // Canonical name → (forms, mentions, titled, is acronym)
    // Name → (forms, mentions per record, whether a title ever stood before it).
    type Seen = (BTreeSet<String>, BTreeMap<usize, u32>, bool);
    let mut names: BTreeMap<String, Seen> = BTreeMap::new();
    for (record, f) in found {
        let entry = names.entry(f.name()).or_default();
        entry.0.insert(f.name());
        *entry.1.entry(*record).or_default() += 1;
        entry.2 |= f.titled;
    }
    let acronyms: BTreeMap<String, String> = found
        .iter()
        .filter_map(|(_, f)| {
            f.defines
                .as_ref()
                .filter(|a| abbreviates(a, &f.words))
                .map(|a| (a.clone(), f.name()))
        })
        .collect();
    // Where each name goes: itself, or the longer name it is a variant of.
    let keys: Vec<String> = names.keys().cloned().collect();
    // Longer names by their first word and by their last word, for short forms.
    let mut by_first: HashMap<&str, Vec<&String>> = HashMap::new();
    let mut by_last: HashMap<&str, Vec<&String>> = HashMap::new();
    for k in &keys {
        if let (Some((first, _)), Some((_, last))) = (k.split_once(' '), k.rsplit_once(' ')) {
            by_first.entry(first).or_default().push(k);
            by_last.entry(last).or_default().push(k);
        }
    }
    let mut target: BTreeMap<String, String> = BTreeMap::new();
    // The same name in other letter cases ("CONGRESS", "Congress"): the most written one wins.
    let mut by_lower: HashMap<String, &String> = HashMap::new();
    for k in &keys {
        let best = by_lower.entry(k.to_lowercase()).or_insert(k);
        let mentions = |n: &String| names.get(n).map_or(0, |e| e.1.values().sum::<u32>());
        if mentions(k) > mentions(best) {
            *best = k;
        }
    }
    for name in &keys {
        let words: Vec<&str> = name.split(' ').collect();
        let demonym = words.iter().any(|w| contains(DEMONYMS, &w.to_lowercase()));
        let goes_to = if let Some(long) = acronyms.get(name) {
            Some(long.clone())
        } else if let Some(other) = by_lower.get(&name.to_lowercase()).filter(|o| **o != name) {
            Some((*other).clone())
        } else if let Some(base) = name.strip_suffix('s').filter(|b| names.contains_key(*b)) {
            // "Manzoors", "Left Oppositions": a possessive written without its apostrophe.
            Some(base.to_string())
        } else if demonym {
            // "Pakistani" is about Pakistan when the text names Pakistan.
            let lower = name.to_lowercase();
            (4..lower.len())
                .rev()
                .map(|n| &name[..name.char_indices().nth(n).map_or(name.len(), |(i, _)| i)])
                .find(|prefix| {
                    names.contains_key(*prefix) && contains(PLACES, &prefix.to_lowercase())
                })
                .map(str::to_string)
        } else if name.chars().all(|c| !c.is_lowercase()) {
            None
        } else {
            // A short form: the one longer name that begins (or else ends) with it.
            let prefix = format!("{name} ");
            let starts: Vec<&String> = by_first
                .get(words[0])
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|k| k.starts_with(&prefix))
                        .collect()
                })
                .unwrap_or_default();
            let ends = by_last.get(name.as_str()).map_or(&[][..], Vec::as_slice);
            if starts.len() == 1 {
                Some(starts[0].clone())
            } else if starts.is_empty() && ends.len() == 1 && words.len() == 1 {
                Some(ends[0].clone())
            } else {
                None
            }
        };
        target.insert(name.clone(), goes_to.unwrap_or_else(|| name.clone()));
    }
    // Follow chains (Manzoors → Manzoor → Manzoor Ahmed), guarding against cycles.
    let resolve = |name: &String| -> String {
        let mut current = name.clone();
        for _ in 0..4 {
            match target.get(&current) {
                Some(next) if *next != current => current = next.clone(),
                _ => break,
            }
        }
        current
    };
    let mut merged: BTreeMap<String, NameTopic> = BTreeMap::new();
    let mut titled: BTreeMap<String, bool> = BTreeMap::new();
    for (name, (forms, mentions, was_titled)) in names {
        let canonical = resolve(&name);
        let topic = merged
            .entry(canonical.clone())
            .or_insert_with(|| NameTopic {
                name: canonical.clone(),
                group: Group::Other,
                forms: BTreeSet::new(),
                mentions: BTreeMap::new(),
            });
        topic.forms.extend(forms);
        for (record, n) in mentions {
            *topic.mentions.entry(record).or_default() += n;
        }
        *titled.entry(canonical).or_default() |= was_titled;
    }
    let expansions: BTreeMap<&String, &String> =
        acronyms.iter().map(|(a, long)| (long, a)).collect();
    merged
        .into_values()
        // A name made only of words for peoples ("Eastern European") is an adjective, not a topic.
        .filter(|t| {
            !t.name
                .split(' ')
                .all(|w| contains(DEMONYMS, &w.to_lowercase()))
        })
        .map(|mut t| {
            let common = |w: &str| usage.common(w);
            t.group = group_of(
                &t.name,
                titled.get(&t.name).copied().unwrap_or(false),
                &common,
            );
            if let Some(acronym) = expansions.get(&t.name) {
                t.group = Group::Organisations;
                t.name = format!("{} ({acronym})", t.name);
            }
            t
        })
        .collect()
}

/// Last words that make a name a place.
const GEOGRAPHY: &[&str] = &[
    "bay",
    "canal",
    "coast",
    "confederation",
    "county",
    "desert",
    "empire",
    "gulf",
    "indies",
    "island",
    "islands",
    "kingdom",
    "lake",
    "mountains",
    "ocean",
    "peninsula",
    "province",
    "provinces",
    "republic",
    "river",
    "sea",
    "shoals",
    "states",
    "strait",
    "straits",
    "territory",
    "valley",
];

/// First words that make a name a place.
const PLACE_FIRST: &[&str] = &[
    "cape", "fort", "lake", "mount", "port", "porto", "puerto", "san", "santa", "santo",
];

/// The group a name belongs to, as far as the text allows. `common` tells the words the
/// corpus also writes in lower case, which a person's name is not made of.
fn group_of(name: &str, titled: bool, common: &dyn Fn(&str) -> bool) -> Group {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let connected = words.iter().any(|w| CONNECTORS.contains(&w.as_str()));
    let last = words.last().map_or("", String::as_str);
    let first = words.first().map_or("", String::as_str);
    if contains(PLACES, &words.join(" ")) {
        Group::Places
    } else if acronym || words.iter().any(|w| contains(ORGANISATION_WORDS, w)) {
        Group::Organisations
    } else if words.len() > 1 && (GEOGRAPHY.contains(&last) || PLACE_FIRST.contains(&first)) {
        Group::Places
    } else if words
        .iter()
        .any(|w| contains(DEMONYMS, w) || contains(PLACES, w))
    {
        Group::Other
    } else if connected {
        // "House of Representatives", "Bank of England": institutions, not people.
        Group::Organisations
    } else if (2..=3).contains(&words.len())
        && !words
            .iter()
            .any(|w| common(w) || contains(PERSON_TITLES, w))
        || (titled && words.len() == 1 && !common(&words[0]))
    {
        Group::People
    } else if words.len() == 1
        && (words[0].ends_with("ist") || words[0].ends_with("ists") || words[0].ends_with("ism"))
    {
        Group::Themes
    } else {
        Group::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(texts: &[&str]) -> Vec<String> {
        let mut usage = Usage::default();
        let all: Vec<Vec<Word<'_>>> = texts.iter().map(|t| words(t)).collect();
        all.iter().for_each(|w| usage.add(w));
        all.iter()
            .flat_map(|w| find(w, &usage))
            .map(|f| f.name())
            .collect()
    }

    #[test]
    fn sentence_starts_are_not_names() {
        let found =
            names_in(&["However, the PPP won. The vote was held in Karachi by Manzoor Ahmed."]);
        assert_eq!(found, ["PPP", "Karachi", "Manzoor Ahmed"]);
    }

    #[test]
    fn connectors_inside_names() {
        let found =
            names_in(&["They met the Commemoration Committee for the Chicago Martyrs today."]);
        assert_eq!(found, ["Commemoration Committee for the Chicago Martyrs"]);
    }

    #[test]
    fn possessives_end_a_name() {
        let found = names_in(&["It was Manzoor's campaign, and Manzoor Ahmed knew it."]);
        assert_eq!(found, ["Manzoor", "Manzoor Ahmed"]);
    }

    #[test]
    fn acronyms_read_off_their_expansions() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(abbreviates("PLF", &w("Peoples Labour Federation")));
        assert!(abbreviates("BESOS", &w("Benazir Stock Option Scheme")));
        assert!(abbreviates("CBA", &w("Collective Bargaining Agent")));
        assert!(abbreviates("TUC", &w("Trades Union Congress")));
        assert!(!abbreviates("PTCL", &w("Peoples Labour Federation")));
        assert!(!abbreviates("PL", &w("Peoples Labour Federation")));
    }

    #[test]
    fn variants_merge() {
        let found: Vec<(usize, Found)> = [
            "Manzoor Ahmed",
            "Manzoor",
            "Manzoors",
            "Benazir Bhutto",
            "Benazir",
        ]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                i,
                Found {
                    words: n.split(' ').map(String::from).collect(),
                    titled: false,
                    defines: None,
                },
            )
        })
        .collect();
        let topics = topics(&found, &Usage::default());
        let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Benazir Bhutto", "Manzoor Ahmed"]);
        assert_eq!(topics[1].forms.len(), 3);
        assert_eq!(topics[1].group, Group::People);
    }

    #[test]
    fn initials_stay_inside_names() {
        let found = names_in(&["In 1961 John F. Kennedy spoke. Later George W. Bush did."]);
        assert_eq!(found, ["John F. Kennedy", "George W. Bush"]);
        // A lone letter is no name.
        assert!(names_in(&["Vitamin D. Then plan B and plan C."]).is_empty());
        let text = "Mr. Smith met Dr. Jones.";
        let w = words(text);
        let mut usage = Usage::default();
        usage.add(&w);
        let titled: Vec<(String, bool)> = find(&w, &usage)
            .iter()
            .map(|f| (f.name(), f.titled))
            .collect();
        assert_eq!(
            titled,
            [("Smith".to_string(), true), ("Jones".to_string(), true)]
        );
    }

    #[test]
    fn a_title_with_of_names_an_office() {
        let found: Vec<Found> = {
            let text = "We wrote to the King of Prussia and to President Lincoln, and Lincoln \
                        answered the Secretary of the Interior in Prussia.";
            let w = words(text);
            let mut usage = Usage::default();
            usage.add(&w);
            find(&w, &usage)
        };
        let titled: Vec<(String, bool)> = found.iter().map(|f| (f.name(), f.titled)).collect();
        assert_eq!(
            titled,
            [
                ("Prussia".to_string(), false),
                ("Lincoln".to_string(), true),
                ("Lincoln".to_string(), false),
                ("Interior".to_string(), false),
                ("Prussia".to_string(), false),
            ]
        );
    }

    #[test]
    fn shouted_words_are_not_acronyms() {
        let found = names_in(&[
            "NATIONAL PARKS. The national parks and the parks of the PTCL.",
            "The national debt.",
        ]);
        assert_eq!(found, ["PTCL"]);
    }

    #[test]
    fn places_by_their_first_or_last_word() {
        let never = |_: &str| false;
        for place in [
            "Argentine Republic",
            "Lake Erie",
            "San Juan",
            "Formosa Straits",
        ] {
            assert_eq!(group_of(place, false, &never), Group::Places, "{place}");
        }
        assert_eq!(group_of("Harry Truman", false, &never), Group::People);
    }
}
