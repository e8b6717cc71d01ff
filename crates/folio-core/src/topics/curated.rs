//! Curated topics: a `topics.toml` in the data folder names topics, their group, aliases and
//! word patterns, and an optional description. A section whose text matches the name, an
//! alias or a pattern is tagged with the topic.
//!
//! ```toml
//! [[topic]]
//! name = "Privatisation"
//! group = "Themes"
//! aliases = ["privatization", "sell-off"]
//! patterns = ["privati*"]
//! description = "Selling state enterprises to private owners."
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{records, Draft, Group, Source};
use crate::error::{Error, Result};
use crate::model::Corpus;
use crate::text::tokenize;

/// The name the data folder's topic file must have.
pub const FILE_NAME: &str = "topics.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    #[serde(default)]
    topic: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    group: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    description: Option<String>,
}

/// A curated topic, ready to match.
#[derive(Debug, Clone, PartialEq)]
pub struct Curated {
    pub name: String,
    pub group: Group,
    /// The name and aliases as sequences of normalised words.
    pub phrases: Vec<Vec<String>>,
    /// Normalised word patterns, with `*` for any letters and `?` for one.
    pub patterns: Vec<String>,
    pub description: Option<String>,
}

fn words(text: &str) -> Vec<String> {
    let mut next = 0;
    let mut out = Vec::new();
    for t in tokenize(text) {
        if t.position == next {
            out.push(t.term);
            next += 1;
        }
    }
    out
}

/// The line of the `n`-th `[[topic]]` table, for messages.
fn line_of_topic(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[topic]]"))
        .nth(n)
        .map_or(1, |(i, _)| i + 1)
}

/// Reads a topic file; `path` names it in errors.
pub fn parse(path: &str, text: &str) -> Result<Vec<Curated>> {
    let file: FileFormat = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        Error::Source {
            file: path.to_string(),
            cause: format!("line {line}: {}", e.message()),
        }
    })?;
    file.topic
        .into_iter()
        .enumerate()
        .map(|(n, entry)| {
            let line = line_of_topic(text, n);
            let fail = |cause: String| Error::Source { file: path.to_string(), cause: format!("line {line}: {cause}") };
            let name = entry.name.trim().to_string();
            let mut phrases = vec![words(&name)];
            if phrases[0].is_empty() {
                return Err(fail("a topic needs a name with letters or digits".into()));
            }
            for alias in &entry.aliases {
                let alias_words = words(alias);
                if alias_words.is_empty() {
                    return Err(fail(format!("topic `{name}`: the alias `{alias}` has no words")));
                }
                phrases.push(alias_words);
            }
            let patterns = entry
                .patterns
                .iter()
                .map(|p| {
                    let pattern: String = p.trim().to_lowercase();
                    if pattern.is_empty() || pattern.contains(char::is_whitespace) || pattern.chars().all(|c| c == '*' || c == '?') {
                        Err(fail(format!("topic `{name}`: the pattern `{p}` must be one word, with `*` or `?` at most in part of it")))
                    } else {
                        Ok(pattern)
                    }
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Curated {
                group: entry.group.as_deref().map_or(Group::Other, Group::from_label),
                name,
                phrases,
                patterns,
                description: entry.description.filter(|d| !d.trim().is_empty()),
            })
        })
        .collect()
}

/// Whether `word` fits `pattern` (`*` any run of characters, `?` one character).
pub fn glob(pattern: &str, word: &str) -> bool {
    fn go(p: &[char], w: &[char]) -> bool {
        match p.first() {
            None => w.is_empty(),
            Some('*') => (0..=w.len()).any(|k| go(&p[1..], &w[k..])),
            Some('?') => !w.is_empty() && go(&p[1..], &w[1..]),
            Some(c) => w.first() == Some(c) && go(&p[1..], &w[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let w: Vec<char> = word.chars().collect();
    go(&p, &w)
}

/// The curated topics as drafts, and a warning for each that matches nothing.
pub fn drafts(corpus: &Corpus, curated: &[Curated]) -> (Vec<Draft>, Vec<String>) {
    if curated.is_empty() {
        // Nothing to look for: the texts are not read.
        return (Vec::new(), Vec::new());
    }
    let records = records(corpus);
    let texts: Vec<Vec<String>> = records
        .iter()
        .map(|&(d, s)| {
            let section = &corpus.documents[d as usize].sections[s as usize];
            let heading = if section.untitled { "" } else { &section.title };
            words(&format!("{heading}\n{}", section.body_text()))
        })
        .collect();
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    for topic in curated {
        let mut mentions: BTreeMap<usize, u32> = BTreeMap::new();
        for (r, text) in texts.iter().enumerate() {
            let mut n = 0;
            for phrase in &topic.phrases {
                n += text.windows(phrase.len()).filter(|w| w == phrase).count() as u32;
            }
            for pattern in &topic.patterns {
                n += text.iter().filter(|w| glob(pattern, w)).count() as u32;
            }
            if n > 0 {
                mentions.insert(r, n);
            }
        }
        if mentions.is_empty() {
            warnings.push(format!("the topic `{}` matches no section", topic.name));
        }
        let mut forms: Vec<String> = topic.phrases.iter().map(|p| p.join(" ")).collect();
        forms.extend(topic.patterns.iter().cloned());
        out.push(Draft {
            name: topic.name.clone(),
            group: topic.group.clone(),
            source: Source::Curated,
            description: topic.description.clone(),
            forms,
            mentions,
        });
    }
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("privati*", "privatisation"));
        assert!(glob("privati?ation", "privatization"));
        assert!(!glob("privati?ation", "privatsation"));
        assert!(glob("*union*", "unions"));
    }

    #[test]
    fn parses_and_reports_lines() {
        let ok = parse("topics.toml", "[[topic]]\nname = \"Trade unions\"\ngroup = \"themes\"\naliases = [\"trade union\"]\npatterns = [\"union*\"]\n").unwrap();
        assert_eq!(ok[0].group, Group::Themes);
        assert_eq!(
            ok[0].phrases,
            vec![
                vec!["trade".to_string(), "unions".to_string()],
                vec!["trade".into(), "union".into()]
            ]
        );
        let err = parse(
            "topics.toml",
            "[[topic]]\nname = \"A\"\n\n[[topic]]\nnme = \"B\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("topics.toml: line 5"), "{err}");
        let err = parse("topics.toml", "[[topic]]\nname = \"!!!\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1") && err.contains("name"), "{err}");
        let err = parse("topics.toml", "[[topic]\nname = 1")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("topics.toml: line 1"), "{err}");
        let err = parse(
            "topics.toml",
            "[[topic]]\nname = \"X\"\npatterns = [\"*\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("pattern"), "{err}");
    }
}
