//! Names of people, organisations and places, found from capitalisation across the corpus.
//!
//! A word is name-like when it is capitalised in the middle of sentences and rarely written in
//! lower case; a word capitalised only at sentence starts is not. Runs of capitalised words
//! (with "of", "for", "the", "and" between them) are candidate names; acronyms stand alone.
//! `variants.rs` merges the forms of one name into a topic.

pub use super::capitals::{words, Usage, Word};
use super::lexicon::{contains, NOT_NAMES, PERSON_TITLES};

/// Words that name a part of a document, or of a law.
const PART_WORDS: &[&str] = &[
    "appendix", "article", "chapter", "example", "exercise", "fig", "figure", "lesson", "listing",
    "page", "part", "section", "step", "table", "unit", "vol", "volume",
];

/// Small words that join the words of a name ("Bank of England").
pub(super) const CONNECTORS: &[&str] = &["de", "for", "of", "the", "van", "von"];

/// Words that, with "of" after them, stand before the name of a place: "the treaty of
/// Guadalupe Hidalgo", "the port of Callao".
const PLACE_BEFORE: &[&str] = &[
    "bay", "city", "coast", "gulf", "harbor", "harbour", "island", "islands", "isthmus", "port",
    "province", "republic", "strait", "straits", "town", "treaty",
];

/// Articles, conjunctions and prepositions: in capitals, a heading's words, never acronyms.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "the", "to", "upon", "with",
];

/// Latin abbreviations, without their dots: in capitals ("E.G.", "I.E."), never acronyms.
const ABBREVIATIONS: &[&str] = &["cf", "eg", "etc", "ie", "nb", "viz", "vs"];

/// A name found in the text: its words, and whether a person's title stood before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub words: Vec<String>,
    pub titled: bool,
    /// A word for a place and "of" stood before it, in lower case: "the treaty of Ghent".
    pub placed: bool,
    /// An acronym standing right after it in parentheses: "Peoples Labour Federation (PLF)".
    pub defines: Option<String>,
}

impl Found {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }

    /// A reference to a part of a document, not a name: a word such as "Appendix", "Chapter"
    /// or "Listing", alone (the number after it is no word of a name: "Listing 4-1") or with
    /// numbers or a letter ("Appendix B", "Part II").
    pub fn is_part_reference(&self) -> bool {
        let [first, rest @ ..] = self.words.as_slice() else {
            return false;
        };
        let number = |w: &String| {
            let w = w.trim_end_matches(['.', ':']);
            let digits = w.chars().all(|c| c.is_ascii_digit() || "-.".contains(c));
            let roman = w.chars().all(|c| "IVXLC".contains(c));
            !w.is_empty() && (digits || roman || w.chars().count() == 1)
        };
        contains(PART_WORDS, &first.to_lowercase()) && rest.iter().all(number)
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
        // Nor are small words in capitals ("THE", "OF"), roman numerals ("World War II") or a
        // person's title ("two MPs").
        if w.acronym
            && (SMALL_WORDS.contains(&w.key.as_str())
                || ABBREVIATIONS.contains(&w.key.replace('.', "").as_str())
                || w.key.chars().all(|c| "ivx".contains(c))
                || contains(PERSON_TITLES, &w.key)
                || colour(w.text))
        {
            i += 1;
            continue;
        }
        if w.acronym && w.text.chars().count() <= 8 && !shouted {
            out.push(Found {
                words: vec![w.text.to_string()],
                titled: false,
                placed: false,
                defines: None,
            });
            i += 1;
            continue;
        }
        // "I've", "I'm": the pronoun, always in capitals.
        let pronoun = w.key.starts_with("i'") || w.key.starts_with("i’");
        // A capital after a hyphen and a capitalised common word styles a compound
        // ("Fellow-Citizens of the Senate"), it starts no name; after a name it may
        // ("Austria-Hungary"), and after a lower-case word the hyphen is a dash ("now-Charlie").
        let compound = w.hyphenated && words[i - 1].capital && usage.common(&words[i - 1].key);
        if !w.capital || pronoun || compound || contains(NOT_NAMES, &w.key) {
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
            // A word said twice ("Zensical Zensical", across a label and its text) is not
            // one name.
            if next.capital
                && !next.acronym
                && next.key != words[j - 1].key
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
        let placed = i >= 2
            && w.joined
            && words[i - 1].joined
            && words[i - 1].text == "of"
            && PLACE_BEFORE.contains(&words[i - 2].text);
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
                placed,
                defines,
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether a word in capitals is a colour's hexadecimal code ("EF5350", "F0F"), as style
/// guides write them: three, six or eight hexadecimal digits, some of them numbers.
fn colour(text: &str) -> bool {
    let hex = text.strip_prefix('#').unwrap_or(text);
    matches!(hex.len(), 3 | 6 | 8)
        && hex.chars().all(|c| c.is_ascii_hexdigit())
        && hex.chars().any(|c| c.is_ascii_digit())
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

    /// The names found in one text, with what `find` tells of each.
    fn found_in(text: &str) -> Vec<Found> {
        let w = words(text);
        let mut usage = Usage::default();
        usage.add(&w);
        find(&w, &usage)
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
    fn initials_stay_inside_names() {
        let found = names_in(&["In 1961 John F. Kennedy spoke. Later George W. Bush did."]);
        assert_eq!(found, ["John F. Kennedy", "George W. Bush"]);
        // A lone letter is no name.
        assert!(names_in(&["Vitamin D. Then plan B and plan C."]).is_empty());
        let titled: Vec<(String, bool)> = found_in("Mr. Smith met Dr. Jones.")
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
        let found = found_in(
            "We wrote to the King of Prussia and to President Lincoln, and Lincoln answered the \
             Secretary of the Interior in Prussia.",
        );
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
    fn a_word_for_a_place_and_of_place_a_name() {
        let text = "The treaty of Guadalupe Hidalgo, the port of Callao and the city of Lincoln \
                    were named by Lincoln, not by the Treaty of Ghent or the head of Callao.";
        let placed: Vec<(String, bool)> = found_in(text)
            .iter()
            .map(|f| (f.name(), f.placed))
            .collect();
        let expected = [
            ("Guadalupe Hidalgo", true),
            ("Callao", true),
            ("Lincoln", true),
            ("Lincoln", false),
            ("Treaty of Ghent", false),
            ("Callao", false),
        ];
        assert_eq!(placed, expected.map(|(n, p)| (n.to_string(), p)));
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
    fn a_capital_after_a_hyphen_and_a_common_word_starts_no_name() {
        let found = names_in(&[
            "Fellow-Citizens of the Senate: a fellow came. Then Austria-Hungary signed, and \
             now-Charlie Bennett.",
        ]);
        assert_eq!(found, ["Senate", "Austria", "Hungary", "Charlie Bennett"]);
    }

    #[test]
    fn colour_codes_and_a_word_said_twice_are_not_names() {
        let found = names_in(&[
            "Use EF5350 or EE0F0F for red, and see the NASA site.",
            "Read about Zensical Zensical here.",
        ]);
        assert_eq!(found, ["NASA", "Zensical", "Zensical"]);
    }

    #[test]
    fn the_pronoun_i_is_no_name() {
        let found = names_in(&["I've said it and I'm saying it to the Congress. I’d agree."]);
        assert_eq!(found, ["Congress"]);
    }

    #[test]
    fn small_words_and_roman_numerals_in_capitals_are_not_acronyms() {
        let found = names_in(&["THE STATE OF THE UNION. After World War II the UN and NATO met."]);
        assert_eq!(found, ["STATE", "UNION", "World War", "UN", "NATO"]);
    }

    #[test]
    fn latin_abbreviations_in_capitals_are_not_acronyms() {
        let found = names_in(&["E.G., the NGO works; I.E. it helps. VIZ. the CIA, ETC."]);
        assert_eq!(found, ["NGO", "CIA"]);
    }

    #[test]
    fn a_title_in_capitals_is_no_acronym() {
        let found = names_in(&["Two MP's and the CEO of ACME met an MEP."]);
        assert_eq!(found, ["ACME"]);
    }
}
