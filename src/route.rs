//! The address of what the app shows, kept in the URL hash so that any static host works:
//! `#/d/<doc>/<section>` is a place, `?q=<query>` after it highlights a search in that place,
//! and `#/search?q=<query>` is the list of results. Either may also carry `t=<id>,<id>`: the
//! active topic filter, as topic ids in the order they were chosen.

use crate::outline::hash_of;

/// What a URL hash asks for. `doc: None` is the first document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    pub doc: Option<String>,
    pub section: Option<String>,
    /// The search query the address carries (`?q=`); empty when there is none.
    pub query: String,
    /// Whether the address is the list of results (`#/search`) rather than a place.
    pub results: bool,
    /// The ids of the active topics (`&t=`), in the order they were chosen, without repeats.
    pub topics: Vec<String>,
}

impl Route {
    pub fn document(doc: &str) -> Route {
        Route {
            doc: Some(doc.into()),
            ..Route::default()
        }
    }

    pub fn section(doc: &str, section: &str) -> Route {
        Route {
            doc: Some(doc.into()),
            section: Some(section.into()),
            ..Route::default()
        }
    }

    /// The list of results for `query`.
    pub fn search(query: &str) -> Route {
        Route {
            query: query.into(),
            results: true,
            ..Route::default()
        }
    }

    /// The same route carrying `query`.
    pub fn with_query(mut self, query: &str) -> Route {
        self.query = query.into();
        self
    }

    /// The same route filtered by `topics`.
    pub fn with_topics(mut self, topics: &[String]) -> Route {
        self.topics = topics.to_vec();
        self
    }

    /// Reads a location hash. `""`, `#` and `#/` are the first document; `#/d/<doc>` and
    /// `#/d/<doc>/<section>` name a place; `#/search` is the list of results. Each may end in
    /// `?q=<query>` and `&t=<ids>`. Any other hash (an in-page anchor such as `#content`) is not a route: `None`.
    pub fn parse(hash: &str) -> Option<Route> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, params) = match hash.split_once('?') {
            Some((path, params)) => (path, Some(params)),
            None => (hash, None),
        };
        let query = params.map(query_param).unwrap_or_default();
        let topics = params.map(topics_param).unwrap_or_default();
        if path.trim_end_matches('/') == "/search" {
            return Some(Route::search(&query).with_topics(&topics));
        }
        let mut route = Route {
            query,
            topics,
            ..Route::default()
        };
        if path.is_empty() || path == "/" {
            return Some(route);
        }
        let rest = path.strip_prefix("/d/")?.trim_end_matches('/');
        let (doc, section) = match rest.split_once('/') {
            Some((doc, section)) => (doc, Some(section)),
            None => (rest, None),
        };
        if !doc.is_empty() {
            route.doc = Some(percent_decode(doc));
            route.section = section.filter(|s| !s.is_empty()).map(percent_decode);
        }
        Some(route)
    }

    /// The hash that [`Route::parse`] reads back as this route.
    pub fn to_hash(&self) -> String {
        let mut hash = if self.results {
            "#/search".to_string()
        } else {
            match &self.doc {
                None => "#/".into(),
                Some(doc) => hash_of(doc, self.section.as_deref()),
            }
        };
        if !self.query.is_empty() {
            hash.push_str("?q=");
            hash.push_str(&percent_encode(&self.query));
        }
        if !self.topics.is_empty() {
            hash.push_str(if self.query.is_empty() { "?t=" } else { "&t=" });
            let ids: Vec<String> = self.topics.iter().map(|id| percent_encode(id)).collect();
            hash.push_str(&ids.join(","));
        }
        hash
    }
}

/// The topic ids of the `t` parameter in `a=b&t=x,y`: the first `t` wins, ids keep their
/// order, repeats and anything that is not a slug (ASCII letters, digits, `-`, `_`) are dropped.
fn topics_param(params: &str) -> Vec<String> {
    let Some(value) = params.split('&').find_map(|pair| pair.strip_prefix("t=")) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = Vec::new();
    for id in value.split(',').map(percent_decode) {
        let slug = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if slug && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The value of the `q` parameter in `a=b&q=c`; the first one wins.
fn query_param(params: &str) -> String {
    params
        .split('&')
        .find_map(|pair| pair.strip_prefix("q="))
        .map(|value| percent_decode(&value.replace('+', " ")))
        .unwrap_or_default()
}

/// Escapes every byte but the unreserved ones (`A–Z a–z 0–9 - . _ ~`) as `%XX`, so that a query
/// survives in any part of a URL: spaces, quotes, `#`, `&`, `?`, `+` and non-ASCII included.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes `%XX` escapes, which browsers may add to a typed hash. Malformed escapes stay as
/// written; bytes that do not make UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_places() {
        let home = Some(Route::default());
        assert_eq!(Route::parse(""), home);
        assert_eq!(Route::parse("#"), home);
        assert_eq!(Route::parse("#/"), home);
        assert_eq!(Route::parse("#/d/"), home);
        assert_eq!(Route::parse("#/d/a"), Some(Route::document("a")));
        assert_eq!(Route::parse("#/d/a/"), Some(Route::document("a")));
        assert_eq!(Route::parse("#/d/a/b"), Some(Route::section("a", "b")));
        assert_eq!(Route::parse("#/d/a/b/"), Some(Route::section("a", "b")));
        assert_eq!(
            Route::parse("#/d/a%2Db/c%20d"),
            Some(Route::section("a-b", "c d"))
        );
        assert_eq!(
            Route::parse("#/d/a/100%"),
            Some(Route::section("a", "100%"))
        );
        assert_eq!(Route::parse("#content"), None);
        assert_eq!(Route::parse("#/x/a"), None);
        assert_eq!(Route::parse("#/x/a?q=b"), None);
    }

    #[test]
    fn parses_queries() {
        assert_eq!(
            Route::parse("#/search?q=ptcl%20strike"),
            Some(Route::search("ptcl strike"))
        );
        assert_eq!(Route::parse("#/search/?q=a+b"), Some(Route::search("a b")));
        assert_eq!(Route::parse("#/search"), Some(Route::search("")));
        assert_eq!(
            Route::parse("#/search?x=1&q=c&q=d"),
            Some(Route::search("c"))
        );
        assert_eq!(
            Route::parse("#/d/a/b?q=ptcl"),
            Some(Route::section("a", "b").with_query("ptcl"))
        );
        assert_eq!(
            Route::parse("#/d/a?q=x"),
            Some(Route::document("a").with_query("x"))
        );
        assert_eq!(
            Route::parse("#/?q=x"),
            Some(Route::default().with_query("x"))
        );
        // A browser may leave characters unescaped in a typed address.
        assert_eq!(
            Route::parse("#/search?q=\"a b\" -c"),
            Some(Route::search("\"a b\" -c"))
        );
        assert_eq!(
            Route::parse("#/search?q=%E2%80%9"),
            Some(Route::search("\u{fffd}%9"))
        );
    }

    #[test]
    fn encodes_queries() {
        assert_eq!(
            Route::search("ptcl strike").to_hash(),
            "#/search?q=ptcl%20strike"
        );
        assert_eq!(
            Route::search(r#""a b" -c #1 & d+e?"#).to_hash(),
            "#/search?q=%22a%20b%22%20-c%20%231%20%26%20d%2Be%3F"
        );
        assert_eq!(Route::search("Zoë").to_hash(), "#/search?q=Zo%C3%AB");
        assert_eq!(
            Route::section("doc", "sec").with_query("x y").to_hash(),
            "#/d/doc/sec?q=x%20y"
        );
        assert_eq!(Route::search("").to_hash(), "#/search");
    }

    #[test]
    fn hashes_round_trip() {
        for route in [
            Route::default(),
            Route::document("a"),
            Route::section("a", "b-c"),
            Route::section("a", "b").with_query("ptcl"),
            Route::document("a").with_query("minimum wage"),
            Route::search("ptcl strike"),
            Route::search(r#""exact phrase" -zardari"#),
            Route::search("# & ? = + % / \\ ' < >"),
            Route::search("Zoë 日本語 שלום 🙂"),
            Route::search("  spaces  around  "),
            Route::search("ptcl").with_topics(&ids(&["ptcl", "manzoor-ahmed"])),
            Route::search("").with_topics(&ids(&["islamabad"])),
            Route::section("a", "b").with_topics(&ids(&["x_1"])),
            Route::default().with_topics(&ids(&["ppp"])),
        ] {
            assert_eq!(Route::parse(&route.to_hash()), Some(route));
        }
        assert_eq!(Route::section("doc", "sec").to_hash(), "#/d/doc/sec");
    }

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn topics_follow_the_query_in_the_order_chosen() {
        let place = Route::section("d", "s")
            .with_query("strike")
            .with_topics(&ids(&["ptcl", "manzoor-ahmed"]));
        assert_eq!(place.to_hash(), "#/d/d/s?q=strike&t=ptcl,manzoor-ahmed");
        assert_eq!(
            Route::section("d", "s")
                .with_topics(&ids(&["b", "a"]))
                .to_hash(),
            "#/d/d/s?t=b,a"
        );
        assert_eq!(
            Route::search("x y").with_topics(&ids(&["ptcl"])).to_hash(),
            "#/search?q=x%20y&t=ptcl"
        );
        assert_eq!(
            Route::search("").with_topics(&ids(&["ptcl"])).to_hash(),
            "#/search?t=ptcl"
        );
    }

    #[test]
    fn parses_topics_and_drops_what_is_not_an_id() {
        let parsed = |hash: &str| Route::parse(hash).unwrap().topics;
        assert_eq!(
            parsed("#/d/d/s?q=strike&t=ptcl,manzoor-ahmed"),
            ["ptcl", "manzoor-ahmed"]
        );
        assert_eq!(parsed("#/search?t=b,a&q=x"), ["b", "a"]);
        assert_eq!(parsed("#/d/d?t=a,,a,b,a"), ["a", "b"], "empty and repeats");
        assert_eq!(parsed("#/?t=ok,<b>,x%20y,%C3%A9t%C3%A9,z"), ["ok", "z"]);
        assert_eq!(
            parsed("#/?t=a%2Db&t=c"),
            ["a-b"],
            "escapes; the first t wins"
        );
        assert!(
            parsed("#/d/d/s?q=t=a").is_empty(),
            "t= inside the query is no filter"
        );
        assert!(parsed("#/d/d/s").is_empty());
        let route = Route::parse("#/search?q=ptcl&t=islamabad").unwrap();
        assert_eq!(
            route,
            Route::search("ptcl").with_topics(&ids(&["islamabad"]))
        );
    }
}
