//! From the names found in each record to topics: variants of one name are merged —
//! possessives, other letter cases, short forms ("Manzoor" → "Manzoor Ahmed" when only one
//! longer name begins or ends with it), and an acronym with the expansion the text defines for
//! it ("Peoples Labour Federation (PLF)") — and each topic is given its group.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::groups::{group_of, Context};
use super::lexicon::{contains, DEMONYMS, PLACES, TECHNICAL_ACRONYMS, TECHNICAL_WORDS};
use super::names::{abbreviates, Found, Usage};
use super::Group;

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
    // Name → (forms, mentions per record, whether a title ever stood before it, the mentions
    // after a word for a place).
    type Seen = (BTreeSet<String>, BTreeMap<usize, u32>, bool, u32);
    let mut names: BTreeMap<String, Seen> = BTreeMap::new();
    for (record, f) in found {
        let entry = names.entry(f.name()).or_default();
        entry.0.insert(f.name());
        *entry.1.entry(*record).or_default() += 1;
        entry.2 |= f.titled;
        entry.3 += u32::from(f.placed);
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
    // An acronym the text never defines stands for the one name of three capitalised words or
    // more whose initials it is, written in a record where the acronym is: "IEC" for
    // "International Executive Committee". Not a word ("NEW", "YES"), nor a person's initials.
    let mut by_initials: HashMap<String, Vec<&String>> = HashMap::new();
    for k in &keys {
        let words: Vec<&str> = k
            .split(' ')
            .filter(|w| w.starts_with(char::is_uppercase))
            .collect();
        if words.len() >= 3 && !words.iter().any(|w| is_initial(w)) {
            let initials = words.iter().filter_map(|w| w.chars().next()).collect();
            by_initials.entry(initials).or_default().push(k);
        }
    }
    let together = |a: &String, b: &String| {
        let (a, b) = (&names[a].1, &names[b].1);
        a.keys().any(|record| b.contains_key(record))
    };
    let implied: BTreeMap<String, String> = keys
        .iter()
        .filter(|k| !acronyms.contains_key(*k) && !usage.common(&k.to_lowercase()))
        .filter_map(|k| match by_initials.get(k).map(Vec::as_slice) {
            Some([long]) if together(k, long) => Some((k.clone(), (*long).clone())),
            _ => None,
        })
        .collect();
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
    let mentions = |n: &str| names.get(n).map_or(0, |e| e.1.values().sum::<u32>());
    for k in &keys {
        let best = by_lower.entry(k.to_lowercase()).or_insert(k);
        if mentions(k) > mentions(best) {
            *best = k;
        }
    }
    for name in &keys {
        let words: Vec<&str> = name.split(' ').collect();
        // A word for a people alone: "the Chilean Government" is an organisation of its own.
        let demonym = words.len() == 1 && contains(DEMONYMS, &name.to_lowercase());
        let goes_to = if let Some(long) = acronyms.get(name).or(implied.get(name)) {
            Some(long.clone())
        } else if let Some(other) = by_lower.get(&name.to_lowercase()).filter(|o| **o != name) {
            Some((*other).clone())
        } else if let Some(plural) = Some(format!("{name}s")).filter(|p| {
            // A name of several words written mostly as a plural is named so: "Google Fonts",
            // "GitHub Pages".
            words.len() > 1 && names.contains_key(p) && !names[p].2 && mentions(p) > mentions(name)
        }) {
            Some(plural)
        } else if let Some(base) = name.strip_suffix('s').filter(|b| {
            names.contains_key(*b)
                && !names[name].2
                && !(words.len() > 1 && mentions(name) > mentions(b))
        }) {
            // "Manzoors", "Left Oppositions": a possessive written without its apostrophe; or
            // a plural, "Cherokees". A title before it makes it a surname: "Mr. Adams" is not
            // "Adam".
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
            // A person goes by one word of the name; anything else only by what comes before "of"
            // or "for" ("National Government" for "National Government of the United States"):
            // "Brazil" is not short for "Brazil Steamship Company", nor "California" for
            // "California Institute of Technology".
            let person = |long: &String| {
                let context = Context {
                    titled: names.get(long).is_some_and(|e| e.2),
                    placed: false,
                };
                group_of(long, context, &|w| usage.common(w)) == Group::People
            };
            // Of two words or more, and no place: "Spain" is not short for "Spain for Cuba".
            let qualified = |long: &String| {
                let rest = long.strip_prefix(name.as_str()).unwrap_or_default();
                words.len() > 1
                    && !contains(PLACES, &name.to_lowercase())
                    && (rest.starts_with(" of ") || rest.starts_with(" for "))
            };
            // A person's short form is one word, or ends in an initial ("John W."): "George
            // Washington" is a person of their own, not "George Washington Carver".
            let short = words.len() == 1 || words.last().is_some_and(|w| is_initial(w));
            // A first name follows the full name: a word written sections before it is a name
            // of its own ("Rust", long before "Rust Rover"). A surname alone may come first: a
            // text speaks of "Nixon" before it gives "Richard Nixon".
            let first = |n: &String| names.get(n).and_then(|e| e.1.keys().next().copied());
            let follows = |long: &String| first(name) >= first(long);
            if starts.len() == 1
                && follows(starts[0])
                && (qualified(starts[0]) || short && person(starts[0]))
            {
                Some(starts[0].clone())
            } else if starts.is_empty()
                && ends.len() == 1
                && words.len() == 1
                && !contains(PLACES, &name.to_lowercase())
                && person(ends[0])
            {
                // A surname alone, unless it names a place: "Jordan" is not "Barbara Jordan".
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
    // Canonical name → (whether a title ever stood before it, mentions after a word for a
    // place).
    let mut told: BTreeMap<String, (bool, u32)> = BTreeMap::new();
    for (name, (forms, mentions, was_titled, placed)) in names {
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
        let told = told.entry(canonical).or_default();
        told.0 |= was_titled;
        told.1 += placed;
    }
    let expansions: BTreeMap<&String, (&String, bool)> = acronyms
        .iter()
        .map(|(a, long)| (long, (a, true)))
        .chain(implied.iter().map(|(a, long)| (long, (a, false))))
        .collect();
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
            let (titled, placed) = told.get(&t.name).copied().unwrap_or_default();
            let mentions: u32 = t.mentions.values().sum();
            let context = Context {
                titled,
                // Most of its mentions: "the city of Lincoln" once does not make Lincoln a place.
                placed: placed * 2 > mentions,
            };
            t.group = group_of(&t.name, context, &common);
            // A name the text abbreviates is shown with its acronym; one defined in the text
            // ("Peoples Labour Federation (PLF)") names an organisation, unless it names a
            // technical thing ("Hypertext Transfer Protocol (HTTP)").
            if let Some((acronym, defined)) = expansions.get(&t.name) {
                let last = t.name.rsplit(' ').next().unwrap_or_default();
                let technical = contains(TECHNICAL_ACRONYMS, &acronym.to_lowercase())
                    || contains(TECHNICAL_WORDS, &last.to_lowercase());
                if technical {
                    t.group = Group::Other;
                } else if *defined {
                    t.group = Group::Organisations;
                }
                t.name = format!("{} ({acronym})", t.name);
            }
            t
        })
        .collect()
}

/// Whether a word of a name is an initial: "W." or "W".
fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_merge() {
        let found = found(&[
            ("Manzoor Ahmed", false),
            ("Manzoor", false),
            ("Manzoors", false),
            ("Benazir Bhutto", false),
            ("Benazir", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Benazir Bhutto", "Manzoor Ahmed"]);
        assert_eq!(topics[1].forms.len(), 3);
        assert_eq!(topics[1].group, Group::People);
    }

    fn found(names: &[(&str, bool)]) -> Vec<(usize, Found)> {
        names
            .iter()
            .enumerate()
            .map(|(i, &(n, placed))| {
                let words = n.split(' ').map(String::from).collect();
                let found = Found {
                    words,
                    titled: false,
                    placed,
                    defines: None,
                };
                (i, found)
            })
            .collect()
    }

    #[test]
    fn short_forms_stand_for_people_or_what_of_qualifies() {
        let found = found(&[
            ("Brazil Steamship Company", false),
            ("Brazil", false),
            ("War Department", false),
            ("War Department Brevet Captain Fremont", false),
            ("Commemoration Committee for the Chicago Martyrs", false),
            ("Commemoration Committee", false),
            ("Middle East", false),
            ("Middle East of the Baghdad Pact", false),
            ("Arbitration", false),
            ("Arbitration of the Claims", false),
            ("Benazir Bhutto", false),
            ("Benazir", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Arbitration",
                "Arbitration of the Claims",
                "Benazir Bhutto",
                "Brazil",
                "Brazil Steamship Company",
                "Commemoration Committee for the Chicago Martyrs",
                "Middle East",
                "Middle East of the Baghdad Pact",
                "War Department",
                "War Department Brevet Captain Fremont"
            ]
        );
    }

    #[test]
    fn an_acronym_never_defined_joins_the_one_name_it_abbreviates() {
        let found = found(&[
            ("International Executive Committee", false),
            ("IEC", false),
            ("IEC", false),
            ("National Aeronautics and Space Administration", false),
            ("NASA", false),
            ("Grand Old Party", false),
            ("Great Oak Park", false),
            ("GOP", false),
            ("IS", false),
            ("Islamic State", false),
            ("John Q. Public", false),
            ("JQP", false),
            ("Federal Reserve Board", false),
            ("FRB", false),
        ]);
        // Each name is found in a record of its own: these acronyms share one with their names,
        // "FRB" does not.
        let mut found = found;
        for i in [1, 2] {
            found[i].0 = 0;
        }
        found[4].0 = 3;
        found[11].0 = 10;
        let topics = topics(&found, &Usage::default());
        let names: Vec<(&str, usize)> = topics
            .iter()
            .map(|t| (t.name.as_str(), t.mentions.values().sum::<u32>() as usize))
            .collect();
        assert_eq!(
            names,
            [
                ("FRB", 1),
                ("Federal Reserve Board", 1),
                ("GOP", 1),
                ("Grand Old Party", 1),
                ("Great Oak Park", 1),
                ("IS", 1),
                ("International Executive Committee (IEC)", 3),
                ("Islamic State", 1),
                ("JQP", 1),
                ("John Q. Public", 1),
                ("National Aeronautics and Space Administration (NASA)", 2),
            ]
        );
    }

    #[test]
    fn a_person_of_two_names_and_a_place_are_no_short_forms() {
        let found = found(&[
            ("George Washington", false),
            ("George Washington Carver", false),
            ("Jordan", false),
            ("Barbara Jordan", false),
            ("John W. Davis", false),
            ("John W.", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let names: Vec<(&str, Group)> = topics
            .iter()
            .map(|t| (t.name.as_str(), t.group.clone()))
            .collect();
        assert_eq!(
            names,
            [
                ("Barbara Jordan", Group::People),
                ("George Washington", Group::People),
                ("George Washington Carver", Group::People),
                ("John W. Davis", Group::People),
                ("Jordan", Group::Places),
            ]
        );
    }

    #[test]
    fn a_short_form_follows_its_full_name() {
        let found = found(&[
            ("Rust", false),
            ("Rust Rover", false),
            ("Rust", false),
            ("Nixon", false),
            ("Manzoor Ahmed", false),
            ("Richard Nixon", false),
            ("Manzoor", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let names: Vec<(&str, u32)> = topics
            .iter()
            .map(|t| (t.name.as_str(), t.mentions.values().sum()))
            .collect();
        assert_eq!(
            names,
            [
                ("Manzoor Ahmed", 2),
                ("Richard Nixon", 2),
                ("Rust", 2),
                ("Rust Rover", 1)
            ]
        );
    }

    #[test]
    fn a_titled_name_ending_in_s_is_its_own() {
        let mut found = found(&[("Adams", false), ("Adam", false), ("Cherokees", false)]);
        found[0].1.titled = true;
        found.push((3, found[2].1.clone()));
        found[3].1.words = vec!["Cherokee".to_string()];
        let topics = topics(&found, &Usage::default());
        let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Adam", "Adams", "Cherokee"]);
    }

    #[test]
    fn a_word_for_a_people_alone_joins_its_place() {
        let found = found(&[
            ("Chile", false),
            ("Chilean", false),
            ("Chilean Government", false),
            ("Chilean Government", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let names: Vec<(&str, usize)> = topics
            .iter()
            .map(|t| (t.name.as_str(), t.forms.len()))
            .collect();
        assert_eq!(names, [("Chile", 2), ("Chilean Government", 1)]);
        assert_eq!(topics[1].group, Group::Organisations);
    }

    #[test]
    fn names_mostly_after_a_word_for_a_place_are_places() {
        let found = found(&[
            ("Guadalupe Hidalgo", true),
            ("Guadalupe Hidalgo", true),
            ("Guadalupe Hidalgo", false),
            ("Abraham Lincoln", true),
            ("Abraham Lincoln", false),
        ]);
        let topics = topics(&found, &Usage::default());
        let groups: Vec<(&str, &Group)> =
            topics.iter().map(|t| (t.name.as_str(), &t.group)).collect();
        assert_eq!(
            groups,
            [
                ("Abraham Lincoln", &Group::People),
                ("Guadalupe Hidalgo", &Group::Places)
            ]
        );
    }
}
