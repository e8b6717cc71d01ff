//! The group a name belongs to — a person, an organisation, a place — as far as its words and
//! the corpus's use of them tell.

use super::lexicon::{contains, DEMONYMS, ORGANISATION_WORDS, PERSON_TITLES, PLACES};
use super::names::CONNECTORS;
use super::Group;

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
pub(super) fn group_of(name: &str, titled: bool, common: &dyn Fn(&str) -> bool) -> Group {
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
