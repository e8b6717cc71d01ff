//! URL-safe identifiers: slugs made from titles and names, made unique where they repeat.

/// Lower-case ASCII letters, digits and `_`, other runs become one `-`: a URL-safe slug.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(
                fold_latin(c)
                    .to_lowercase()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_'),
            );
        } else {
            dash = true;
        }
    }
    out
}

/// Latin letters with diacritics to their base letter, so that slugs stay readable ASCII.
fn fold_latin(c: char) -> char {
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
    const TO: &str = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Makes each id in turn unique by appending `-2`, `-3`… to repeats; empty ids become `section`.
pub fn unique_ids(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for id in ids {
        let base = if id.is_empty() {
            "section".to_string()
        } else {
            id
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while !seen.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("The Benazir Stock Option Scheme (BESOS)"),
            "the-benazir-stock-option-scheme-besos"
        );
        assert_eq!(slug("Ünïcödé – “x”"), "unicode-x");
        assert_eq!(slug("  --  "), "");
    }

    #[test]
    fn unique_ids_number_repeats() {
        let ids = unique_ids(["a".into(), "a".into(), "".into(), "a-2".into()]);
        assert_eq!(ids, ["a", "a-2", "section", "a-2-2"]);
    }
}
