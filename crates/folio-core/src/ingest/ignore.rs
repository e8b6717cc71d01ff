//! Files a folder asks to leave out: the patterns of `.folioignore` at the top of the data
//! folder, and MkDocs' `exclude_docs`, both in the syntax of `.gitignore`.
//!
//! One pattern per line; blank lines and lines starting with `#` are not patterns. `*` matches
//! any run of characters but `/`, `?` one character but `/`, `[a-z]` and `[!a-z]` one of (or
//! none of) a set. A pattern with a `/` at its start or in its middle is matched against the
//! whole path from the folder; one without is matched against each name in the path. `**/` at
//! the start matches in every folder, `/**` at the end everything inside, `/**/` any number of
//! folders. A trailing `/` matches folders only. A leading `!` takes a path back in, unless a
//! folder above it is left out. The last pattern that matches a path decides.

/// The file of patterns at the top of a data folder.
pub const FILE_NAME: &str = ".folioignore";

/// The patterns of one file, for the paths below `base`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patterns {
    /// The file the patterns were read from, relative to the data folder.
    pub file: String,
    /// The folder the patterns are relative to, empty or ending with `/`.
    base: String,
    pub rules: Vec<Rule>,
}

/// One pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Its line in the file, from 1; 0 for a pattern that applies without being written.
    pub line: usize,
    /// The pattern as written.
    pub text: String,
    negated: bool,
    folders_only: bool,
    anchored: bool,
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `?`
    One,
    /// `*`
    Run,
    /// `**/`: nothing, or any folders.
    Folders,
    /// `/**` at the end: `/` and then anything.
    Inside,
    /// `**` alone: anything.
    All,
    /// `[...]`: ranges, negated.
    Set(Vec<(char, char)>, bool),
}

impl Patterns {
    /// Reads the patterns of `text`, relative to the folder `base` of the data folder.
    pub fn parse(file: &str, base: &str, text: &str) -> Patterns {
        let rules = text
            .lines()
            .enumerate()
            .filter_map(|(i, line)| Rule::parse(i + 1, line))
            .collect();
        Patterns {
            file: file.to_string(),
            base: base.to_string(),
            rules,
        }
    }

    /// Adds a pattern that applies without being written (MkDocs' own exclusions).
    pub fn with_default(mut self, pattern: &str) -> Patterns {
        if let Some(rule) = Rule::parse(0, pattern) {
            self.rules.insert(0, rule);
        }
        self
    }

    /// The index of the rule that leaves out the file at `path` (relative to the data folder),
    /// or `None` when the file stays. A file in a folder left out is left out, whatever a later
    /// pattern says of the file.
    pub fn excluding(&self, path: &str) -> Option<usize> {
        let path = path.strip_prefix(&self.base)?;
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash;
            if let Some(rule) = self.decide(&path[..end], true) {
                return Some(rule);
            }
            end += 1;
        }
        self.decide(path, false)
    }

    /// The rule that leaves out `path`, if the last rule to match it is not a negation.
    fn decide(&self, path: &str, folder: bool) -> Option<usize> {
        let (i, rule) = self
            .rules
            .iter()
            .enumerate()
            .rev()
            .find(|(_, rule)| rule.matches(path, folder))?;
        (!rule.negated).then_some(i)
    }
}

impl Rule {
    fn parse(line: usize, written: &str) -> Option<Rule> {
        let mut text = written.trim_end_matches(['\r', '\n']);
        // Trailing spaces go, unless the last is escaped.
        while text.ends_with(' ') && !text.ends_with("\\ ") {
            text = &text[..text.len() - 1];
        }
        if text.is_empty() || text.starts_with('#') {
            return None;
        }
        let (negated, mut pattern) = match text.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let folders_only = pattern.ends_with('/') && !pattern.ends_with("\\/");
        if folders_only {
            pattern = &pattern[..pattern.len() - 1];
        }
        let anchored = pattern.contains('/');
        let pattern = pattern.strip_prefix('/').unwrap_or(pattern);
        if pattern.is_empty() {
            return None;
        }
        Some(Rule {
            line,
            text: text.to_string(),
            negated,
            folders_only,
            anchored,
            tokens: tokens(pattern),
        })
    }

    fn matches(&self, path: &str, folder: bool) -> bool {
        if self.folders_only && !folder {
            return false;
        }
        let path: Vec<char> = if self.anchored {
            path.chars().collect()
        } else {
            path.rsplit('/').next().unwrap_or(path).chars().collect()
        };
        matches(&self.tokens, &path)
    }
}

fn tokens(pattern: &str) -> Vec<Token> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0 || chars[i - 1] == '/';
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                out.push(Token::Char(chars[i + 1]));
                i += 2;
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                let end = i + 2;
                if at_start && chars.get(end) == Some(&'/') {
                    out.push(Token::Folders);
                    i = end + 1;
                } else if at_start && end == chars.len() && i > 0 {
                    // `a/**`: the `/` before was pushed as a character; it becomes part of this.
                    out.pop();
                    out.push(Token::Inside);
                    i = end;
                } else if at_start && end == chars.len() {
                    out.push(Token::All);
                    i = end;
                } else {
                    out.push(Token::Run);
                    i = end;
                }
            }
            '*' => {
                out.push(Token::Run);
                i += 1;
            }
            '?' => {
                out.push(Token::One);
                i += 1;
            }
            '[' => match set(&chars[i + 1..]) {
                Some((token, used)) => {
                    out.push(token);
                    i += 1 + used;
                }
                None => {
                    out.push(Token::Char('['));
                    i += 1;
                }
            },
            c => {
                out.push(Token::Char(c));
                i += 1;
            }
        }
    }
    out
}

/// A set after its `[`: the token and how many characters it took, `]` included; `None` when
/// the set is not closed.
fn set(chars: &[char]) -> Option<(Token, usize)> {
    let mut i = 0;
    let negated = matches!(chars.first(), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let start = i;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && i > start {
            return Some((Token::Set(ranges, negated), i + 1));
        }
        let c = if c == '\\' && i + 1 < chars.len() {
            i += 1;
            chars[i]
        } else {
            c
        };
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|&e| e != ']') {
            ranges.push((c, chars[i + 2]));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    None
}

fn matches(tokens: &[Token], path: &[char]) -> bool {
    let Some((token, rest)) = tokens.split_first() else {
        return path.is_empty();
    };
    match token {
        Token::Char(c) => path.first() == Some(c) && matches(rest, &path[1..]),
        Token::One => path.first().is_some_and(|&c| c != '/') && matches(rest, &path[1..]),
        Token::Set(ranges, negated) => {
            path.first().is_some_and(|&c| {
                c != '/' && ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated
            }) && matches(rest, &path[1..])
        }
        Token::Run => (0..=path.len())
            .take_while(|&n| n == 0 || path[n - 1] != '/')
            .any(|n| matches(rest, &path[n..])),
        Token::Folders => {
            matches(rest, path)
                || (0..path.len())
                    .filter(|&n| path[n] == '/')
                    .any(|n| matches(rest, &path[n + 1..]))
        }
        Token::Inside => path.first() == Some(&'/') && path.len() > 1,
        Token::All => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left_out(patterns: &str, path: &str) -> bool {
        Patterns::parse(FILE_NAME, "", patterns)
            .excluding(path)
            .is_some()
    }

    #[test]
    fn a_name_matches_at_every_level() {
        assert!(left_out("print.html", "print.html"));
        assert!(left_out("print.html", "book/print.html"));
        assert!(!left_out("print.html", "reprint.html"));
        assert!(left_out("*.html", "a/b/c.html"));
        assert!(!left_out("*.html", "a/b/c.md"));
    }

    #[test]
    fn a_path_is_anchored_to_the_folder() {
        assert!(left_out("/notes.md", "notes.md"));
        assert!(!left_out("/notes.md", "old/notes.md"));
        assert!(left_out("old/*.md", "old/notes.md"));
        assert!(!left_out("old/*.md", "x/old/notes.md"));
        assert!(!left_out("old/*.md", "old/deep/notes.md"));
    }

    #[test]
    fn folders_and_what_is_inside_them() {
        assert!(left_out("drafts/", "drafts/a.md"));
        assert!(left_out("drafts/", "x/drafts/a.md"));
        assert!(!left_out("drafts/", "drafts.md"));
        assert!(left_out("drafts", "drafts/deep/a.md"));
        assert!(left_out("/2018-edition/", "2018-edition/ch01.html"));
        assert!(!left_out("/2018-edition/", "book/2018-edition/ch01.html"));
        assert!(left_out("old/**", "old/a/b.md"));
        assert!(!left_out("old/**", "old.md"));
    }

    #[test]
    fn double_stars() {
        assert!(left_out("**/tmp.md", "tmp.md"));
        assert!(left_out("**/tmp.md", "a/b/tmp.md"));
        assert!(left_out("a/**/z.md", "a/z.md"));
        assert!(left_out("a/**/z.md", "a/b/c/z.md"));
        assert!(!left_out("a/**/z.md", "b/a/z.md"));
        assert!(left_out("**", "anything/at/all.md"));
    }

    #[test]
    fn sets_and_single_characters() {
        assert!(left_out("ch0[1-3].md", "ch02.md"));
        assert!(!left_out("ch0[1-3].md", "ch04.md"));
        assert!(left_out("ch0[!1-3].md", "ch04.md"));
        assert!(left_out("ch?.md", "ch1.md"));
        assert!(!left_out("ch?.md", "ch10.md"));
        assert!(left_out("[ab.md", "[ab.md"));
    }

    #[test]
    fn the_last_pattern_decides_but_a_folder_left_out_stays_out() {
        assert!(!left_out("*.md\n!keep.md", "keep.md"));
        assert!(left_out("*.md\n!keep.md", "drop.md"));
        assert!(left_out("!keep.md\n*.md", "keep.md"));
        assert!(left_out("old/\n!old/keep.md", "old/keep.md"));
        assert!(!left_out("old/*\n!old/keep.md", "old/keep.md"));
    }

    #[test]
    fn comments_blank_lines_escapes_and_spaces() {
        let patterns = Patterns::parse(FILE_NAME, "", "# a comment\n\n  \n\\#hash.md\nsp.md   \n");
        assert_eq!(patterns.rules.len(), 2);
        assert_eq!(patterns.rules[0].line, 4);
        assert!(patterns.excluding("#hash.md").is_some());
        assert!(patterns.excluding("sp.md").is_some());
        assert!(left_out("\\!bang.md", "!bang.md"));
        assert!(left_out("a\\*.md", "a*.md"));
        assert!(!left_out("a\\*.md", "ab.md"));
    }

    #[test]
    fn patterns_of_a_subfolder_apply_below_it() {
        let patterns =
            Patterns::parse("mkdocs.yml", "docs/", "/blog/\n").with_default("/templates/");
        assert_eq!(patterns.excluding("docs/blog/post.md"), Some(1));
        assert_eq!(patterns.excluding("docs/templates/main.html"), Some(0));
        assert_eq!(patterns.excluding("blog/post.md"), None);
        assert_eq!(patterns.excluding("docs/index.md"), None);
    }
}
