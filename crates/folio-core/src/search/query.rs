//! The query language: words, `"quoted phrases"` and `-excluded` words or phrases.
//!
//! Parsing never fails. An unclosed quote is read as plain words, a lone `-` is ignored, words with no
//! letters or digits vanish, and very long queries are cut to a bounded number of clauses.

use crate::text::tokenize;

/// Queries longer than this many bytes are cut (at a character boundary).
pub const MAX_QUERY_BYTES: usize = 1024;
/// At most this many clauses are kept.
pub const MAX_CLAUSES: usize = 12;

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A normalised word. `prefix` is set on the last word while it is still being typed.
    Word { term: String, prefix: bool },
    /// Normalised words that must stand next to each other, in order.
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<Clause>,
    pub exclude: Vec<Clause>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty()
    }
}

/// The words of `text` as terms, leaving out the joined forms of hyphenated compounds.
fn words(text: &str) -> Vec<String> {
    let mut next = 0;
    let mut out = Vec::new();
    for token in tokenize(text) {
        if token.position == next {
            out.push(token.term);
            next += 1;
        }
    }
    out
}

fn clause(text: &str, quoted: bool) -> Option<Clause> {
    let mut terms = words(text);
    match terms.len() {
        0 => None,
        1 if !quoted => Some(Clause::Word {
            term: terms.pop().expect("one"),
            prefix: false,
        }),
        _ => Some(Clause::Phrase(terms)),
    }
}

/// Parses a query as typed.
pub fn parse(input: &str) -> Query {
    let mut end = input.len().min(MAX_QUERY_BYTES);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let input = &input[..end];
    let mut query = Query::default();
    let mut rest = input.trim_start();
    // Whether the input ends inside a plain word being typed, which then matches as a prefix.
    let mut typing = false;
    while !rest.is_empty() && query.include.len() + query.exclude.len() < MAX_CLAUSES {
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
        }
        let (text, quoted, after) = if let Some(inner) = rest.strip_prefix('"') {
            match inner.find('"') {
                Some(close) => (&inner[..close], true, &inner[close + 1..]),
                // An unclosed quote (often a phrase still being typed) reads as plain words.
                None => {
                    rest = inner.trim_start();
                    continue;
                }
            }
        } else {
            let stop = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            (&rest[..stop], false, &rest[stop..])
        };
        typing = false;
        if let Some(clause) = clause(text, quoted) {
            if negated {
                query.exclude.push(clause);
            } else {
                typing = after.is_empty() && matches!(clause, Clause::Word { .. });
                query.include.push(clause);
            }
        }
        rest = after.trim_start();
    }
    if typing {
        if let Some(Clause::Word { prefix, .. }) = query.include.last_mut() {
            *prefix = true;
        }
    }
    query
}

/// The query as text that parses back to it (used for suggestions).
pub fn render(query: &Query) -> String {
    let clause = |c: &Clause| match c {
        Clause::Word { term, .. } => term.clone(),
        Clause::Phrase(words) => format!("\"{}\"", words.join(" ")),
    };
    let include = query.include.iter().map(clause);
    let exclude = query.exclude.iter().map(|c| format!("-{}", clause(c)));
    include.chain(exclude).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str, prefix: bool) -> Clause {
        Clause::Word {
            term: t.into(),
            prefix,
        }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse(r#"PPP "minimum wage" -Zardari strike"#);
        assert_eq!(
            q.include,
            [
                word("ppp", false),
                Clause::Phrase(vec!["minimum".into(), "wage".into()]),
                word("strike", true)
            ]
        );
        assert_eq!(q.exclude, [word("zardari", false)]);
    }

    #[test]
    fn the_last_word_is_a_prefix_until_a_space() {
        assert_eq!(parse("Liebk").include, [word("liebk", true)]);
        assert_eq!(parse("Liebk ").include, [word("liebk", false)]);
        assert_eq!(parse("ppp -zard").include, [word("ppp", false)]);
    }

    #[test]
    fn hyphenated_words_are_phrases_of_their_parts() {
        assert_eq!(
            parse("vote-rigging ").include,
            [Clause::Phrase(vec!["vote".into(), "rigging".into()])]
        );
    }

    #[test]
    fn renders_back() {
        let q = parse(r#"PPP "minimum wage" -Zardari"#);
        assert_eq!(render(&q), r#"ppp "minimum wage" -zardari"#);
        assert_eq!(parse(&render(&q)).include, q.include);
    }

    #[test]
    fn degenerate_queries() {
        assert!(parse("").is_empty());
        assert!(parse("   ").is_empty());
        assert!(parse("-").is_empty());
        assert!(parse("?!…").is_empty());
        assert!(parse("🙂🙂").is_empty());
        assert_eq!(
            parse("\"unbalanced quote").include,
            [word("unbalanced", false), word("quote", true)]
        );
        assert_eq!(
            parse("\"single\"").include,
            [Clause::Phrase(vec!["single".into()])]
        );
        assert_eq!(parse("שלום עולם").include.len(), 2);
        let long = "word ".repeat(2000);
        assert_eq!(parse(&long).include.len(), MAX_CLAUSES);
        let long = "é".repeat(5000);
        assert!(parse(&long).include.len() <= 1);
    }
}
