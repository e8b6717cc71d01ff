//! The group a name belongs to — a person, an organisation, a place — as far as its words and
//! the corpus's use of them tell.

use super::lexicon::{
    contains, COMPANIES, DEMONYMS, GIVEN_NAMES, ORGANISATION_WORDS, PERSON_TITLES, PLACES,
    TECHNICAL_ACRONYMS, TECHNICAL_WORDS,
};
use super::names::CONNECTORS;
use super::Group;

/// Last words that make a name a place.
const GEOGRAPHY: &[&str] = &[
    "basin",
    "bay",
    "beach",
    "canal",
    "city",
    "coast",
    "confederation",
    "county",
    "desert",
    "empire",
    "ferry",
    "gulf",
    "harbor",
    "harbour",
    "indies",
    "island",
    "islands",
    "isthmus",
    "kingdom",
    "lake",
    "mountains",
    "ocean",
    "peninsula",
    "pike",
    "province",
    "provinces",
    "republic",
    "river",
    "sea",
    "seaway",
    "shoals",
    "states",
    "strait",
    "straits",
    "territory",
    "valley",
];

/// First words that make a name a place (the Spanish articles as in El Paso, La Plata, Los
/// Angeles).
const PLACE_FIRST: &[&str] = &[
    "bahia", "cape", "capitol", "el", "fort", "la", "lake", "lakes", "las", "los", "mount", "port",
    "porto", "puerto", "punta", "rio", "san", "santa", "santo", "sierra",
];

/// Directions that, before a place or another direction, make a region: North Atlantic, South
/// Pacific, North West.
const COMPASS: &[&str] = &["central", "east", "north", "south", "west"];

/// Words that, before a place or a direction, make a region: "Western Europe", "Far East".
const REGIONAL: &[&str] = &[
    "eastern", "far", "lower", "near", "northern", "southern", "upper", "western",
];

/// Words no person's name holds: faiths and what they worship, laws, treaties and policies.
const IMPERSONAL: &[&str] = &[
    "act",
    "almighty",
    "amendment",
    "constitution",
    "declaration",
    "doctrine",
    "god",
    "islam",
    "plan",
    "policy",
    "porte",
    "program",
    "programme",
    "protocol",
    "providence",
    "treaty",
];

/// Creeds: alone a theme ("Marxist"), in a longer name no person ("Communist Sandinista").
const CREEDS: &[&str] = &[
    "communist",
    "communists",
    "fascist",
    "fascists",
    "marxist",
    "nazi",
    "nazis",
    "sandinista",
    "sandinistas",
];

/// What the text says around a name's mentions.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Context {
    /// A person's title stood before it, at least once.
    pub titled: bool,
    /// A word for a place and "of" stood before most of its mentions.
    pub placed: bool,
}

/// The group a name belongs to, as far as the text allows. `common` tells the words the
/// corpus also writes in lower case, which a person's name is not made of.
pub(super) fn group_of(name: &str, context: Context, common: &dyn Fn(&str) -> bool) -> Group {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let connected = words.iter().any(|w| CONNECTORS.contains(&w.as_str()));
    // "the ABIs Rust supports": a plural acronym is no part of a person's name.
    let plural_acronym = name.split(' ').any(|w| {
        w.strip_suffix('s')
            .is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
    });
    let last = words.last().map_or("", String::as_str);
    let first = words.first().map_or("", String::as_str);
    // The last word before "of" (or another connector), if there is one.
    let head_last = words
        .iter()
        .position(|w| CONNECTORS.contains(&w.as_str()))
        .and_then(|at| words[..at].last())
        .map_or("", String::as_str);
    if name.contains('_')
        || words.len() == 1 && contains(TECHNICAL_ACRONYMS, first)
        || words.len() > 1 && contains(TECHNICAL_WORDS, last)
    {
        // A name from code (FOLIO_DATA), a unit, a file format, a technical thing ("Transmission
        // Control Protocol").
        Group::Other
    } else if contains(PLACES, &words.join(" "))
        || words.len() > 1
            && (COMPASS.contains(&first) || REGIONAL.contains(&first))
            && (contains(PLACES, &words[1..].join(" "))
                || words[1..].iter().all(|w| COMPASS.contains(&w.as_str())))
        // A direction alone names a region: "the South", "the West".
        || words.len() == 1 && COMPASS.contains(&first) && first != "central"
    {
        Group::Places
    } else if context.placed && !context.titled && !acronym {
        // "the treaty of Guadalupe Hidalgo", "the port of Callao".
        Group::Places
    } else if acronym
        || words.iter().any(|w| contains(ORGANISATION_WORDS, w))
        || contains(COMPANIES, first)
    {
        Group::Organisations
    } else if words.len() > 1 && (GEOGRAPHY.contains(&last) || PLACE_FIRST.contains(&first))
        || connected && GEOGRAPHY.contains(&head_last)
    {
        // "Rio Grande", "Mexico City"; "Isthmus of Panama", "United States of America".
        Group::Places
    } else if words.len() > 1 && plural_acronym {
        Group::Other
    } else if (2..=3).contains(&words.len())
        && contains(GIVEN_NAMES, first)
        && !words[1..]
            .iter()
            .any(|w| common(w) || contains(PERSON_TITLES, w) || contains(DEMONYMS, w))
    {
        // A given name first makes a person, even with a place's word after it: "George
        // Washington", "Virginia Woolf".
        Group::People
    } else if words
        .iter()
        .any(|w| contains(DEMONYMS, w) || contains(PLACES, w))
    {
        Group::Other
    } else if words.len() == 1 && GEOGRAPHY.contains(&first)
        || words.iter().any(|w| IMPERSONAL.contains(&w.as_str()))
        || words.len() > 1 && words.iter().any(|w| CREEDS.contains(&w.as_str()))
    {
        // A lone word of geography ("the Provinces"), a faith, a law ("Declaration of
        // Independence"): a topic, not a person.
        Group::Other
    } else if connected {
        // "House of Representatives", "Bank of England": institutions, not people.
        Group::Organisations
    } else if (2..=3).contains(&words.len())
        && !words
            .iter()
            .any(|w| common(w) || contains(PERSON_TITLES, w))
        || (context.titled && words.len() == 1 && !common(&words[0]))
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

    /// Asserts the group of each name, not titled, in a corpus with no common words.
    fn assert_group(names: &[&str], group: Group) {
        for name in names {
            assert_eq!(
                group_of(name, Context::default(), &|_| false),
                group,
                "{name}"
            );
        }
    }

    #[test]
    fn places_by_their_first_or_last_word() {
        let places = [
            "Argentine Republic",
            "Lake Erie",
            "San Juan",
            "Formosa Straits",
        ];
        assert_group(&places, Group::Places);
        assert_group(&["Harry Truman"], Group::People);
    }

    #[test]
    fn spanish_articles_and_directions_make_places() {
        let places = [
            "El Paso",
            "La Plata",
            "Los Angeles",
            "Rio Grande",
            "Lakes Ontario",
            "North Atlantic",
            "South Pacific",
            "North West",
            "West",
            "South",
            "Mediterranean",
            "Prussia",
            "Western Hemisphere",
            "Western Europe",
            "Far East",
            "New Mexico",
            "Omaha Beach",
            "Caribbean Basin",
            "Harpers Ferry",
            "Lawrence Seaway",
            "Punta Arenas",
            "Bahia Honda",
            "Capitol Hill",
            "Mexico City",
            "Isthmus of Tehuantepec",
            "Republic of New Granada",
            "Gulf of Mexico",
            "United States of America",
        ];
        assert_group(&places, Group::Places);
    }

    #[test]
    fn faiths_laws_and_lone_geography_are_not_people() {
        let names = [
            "Almighty God",
            "Federal Constitution",
            "Sublime Porte",
            "Shi'a Islam",
            "Declaration of Independence",
            "Monroe Doctrine",
            "Communist Sandinista",
            "South Vietnamese",
        ];
        assert_group(&names, Group::Other);
        assert_group(&["Marxist", "Communist"], Group::Themes);
        let never = |_: &str| false;
        let titled = Context {
            titled: true,
            ..Context::default()
        };
        assert_eq!(group_of("Provinces", titled, &never), Group::Other);
        assert_eq!(group_of("Lincoln", titled, &never), Group::People);
    }

    #[test]
    fn technical_acronyms_and_names_from_code_are_not_organisations() {
        assert_group(
            &["URL", "MB", "JSON", "FOLIO_DATA", "IDE", "CRLF"],
            Group::Other,
        );
        assert_group(
            &[
                "Transmission Control Protocol",
                "Open Font License",
                "Foreign Function Interface",
            ],
            Group::Other,
        );
        assert_group(&["NATO", "PTCL"], Group::Organisations);
        assert_group(&["Security Policy", "Marshall Plan"], Group::Other);
    }

    #[test]
    fn products_are_no_people() {
        assert_group(
            &[
                "Google Analytics",
                "Python Markdown",
                "Rust Analyzer Plugin",
            ],
            Group::Other,
        );
        assert_group(
            &["Google Lighthouse", "GitHub Pages", "Microsoft"],
            Group::Organisations,
        );
        assert_group(&["Martin Donath", "Grace Hopper"], Group::People);
    }

    #[test]
    fn plural_acronyms_and_languages_make_no_names() {
        // "the ABIs Rust supports", "strings to Pig Latin".
        assert_group(&["ABIs Rust", "URLs Sam", "Pig Latin"], Group::Other);
        assert_group(&["Sam Urls", "Chris Evans"], Group::People);
    }

    #[test]
    fn peoples_and_their_groups_are_not_people() {
        assert_group(&["Fox Indians"], Group::Other);
        assert_group(&["Al Qaida"], Group::Organisations);
    }
}
