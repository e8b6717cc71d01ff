//! The fixed query mix of a corpus, drawn from its own vocabulary with a fixed seed.

use std::collections::HashMap;

use folio_core::text::{is_stop_word, tokenize};
use folio_core::Corpus;

use super::KINDS;

/// How many queries of each generated kind.
const PER_KIND: usize = 8;
/// The seed of the query generator.
const SEED: u64 = 0x5EED_F011_0000_0001;

/// Queries for the default corpus (data/), known to exercise each path of the engine.
const FIXED: [(&str, &str); 8] = [
    ("1-word", "PTCL"),
    ("2-word", "stock option"),
    ("phrase", "\"minimum wage\""),
    ("prefix", "Liebk"),
    ("prefix", "trade uni"),
    ("typo", "Jonathon"),
    ("typo", "Musharaf"),
    ("exclude", "PPP -Zardari"),
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A word of a section's body: its normalised term and its text as written.
struct Word {
    term: String,
    surface: String,
}

/// The fixed query mix of a corpus: for each kind, `PER_KIND` queries drawn from terms of middle
/// frequency (neither stop words nor rare words), then the fixed queries of the default corpus
/// when the vocabulary shows it is that one.
pub(super) fn query_mix(corpus: &Corpus) -> Vec<(&'static str, String)> {
    // Per section: its words, in order.
    let mut sections: Vec<Vec<Word>> = Vec::new();
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for doc in &corpus.documents {
        for section in &doc.sections {
            let body = section.body_text();
            let words: Vec<Word> = tokenize(&body)
                .into_iter()
                .map(|t| Word {
                    surface: body[t.span.clone()].to_string(),
                    term: t.term,
                })
                .collect();
            for w in &words {
                *frequency.entry(w.term.clone()).or_default() += 1;
            }
            sections.push(words);
        }
    }
    let is_word = |t: &str| t.len() >= 4 && t.chars().all(|c| c.is_ascii_lowercase());
    let mut candidates: Vec<(&str, usize)> = frequency
        .iter()
        .filter(|(t, _)| is_word(t) && !is_stop_word(t))
        .map(|(t, n)| (t.as_str(), *n))
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Middle frequency: below the most common twentieth, above the rarest half.
    let band: Vec<&str> = {
        let n = candidates.len();
        let (from, to) = (n / 20, (n / 2).max(n / 20 + 1).min(n));
        candidates[from..to].iter().map(|(t, _)| *t).collect()
    };
    let in_band: std::collections::HashSet<&str> = band.iter().copied().collect();
    let mut rng = Rng(SEED);
    let mut mix: Vec<(&'static str, String)> = Vec::new();
    if band.is_empty() || sections.iter().all(Vec::is_empty) {
        return mix;
    }

    // Words of middle frequency that occur together in one (randomly chosen) section.
    let together = |rng: &mut Rng, count: usize| -> Vec<String> {
        for _ in 0..100 {
            let words = &sections[rng.below(sections.len())];
            let mut picked: Vec<String> = Vec::new();
            for _ in 0..words.len().min(400) {
                let w = &words[rng.below(words.len())];
                if in_band.contains(w.term.as_str()) && !picked.contains(&w.term) {
                    picked.push(w.term.clone());
                    if picked.len() == count {
                        return picked;
                    }
                }
            }
        }
        (0..count)
            .map(|_| band[rng.below(band.len())].to_string())
            .collect()
    };

    for _ in 0..PER_KIND {
        mix.push(("1-word", band[rng.below(band.len())].to_string()));
    }
    for _ in 0..PER_KIND {
        mix.push(("2-word", together(&mut rng, 2).join(" ")));
    }
    for _ in 0..PER_KIND {
        mix.push(("3-word", together(&mut rng, 3).join(" ")));
    }
    // Phrases: two or three consecutive words as written, at least one of middle frequency.
    let mut phrases = 0;
    for _ in 0..10_000 {
        if phrases == PER_KIND {
            break;
        }
        let words = &sections[rng.below(sections.len())];
        let len = 2 + rng.below(2);
        if words.len() < len {
            continue;
        }
        let at = rng.below(words.len() - len + 1);
        let run = &words[at..at + len];
        if run.iter().any(|w| in_band.contains(w.term.as_str()))
            && run
                .iter()
                .all(|w| w.surface.chars().all(char::is_alphanumeric))
        {
            let text: Vec<&str> = run.iter().map(|w| w.surface.as_str()).collect();
            mix.push(("phrase", format!("\"{}\"", text.join(" "))));
            phrases += 1;
        }
    }
    // Prefixes, as while typing: a cut word alone, or after a whole word.
    let long: Vec<&str> = band.iter().copied().filter(|t| t.len() >= 6).collect();
    let long = if long.is_empty() { band.clone() } else { long };
    for i in 0..PER_KIND {
        let word = long[rng.below(long.len())];
        let cut = (3 + rng.below(3)).min(word.len());
        if i % 2 == 0 {
            mix.push(("prefix", word[..cut].to_string()));
        } else {
            let pair = together(&mut rng, 2);
            let cut = (3 + rng.below(3)).min(pair[1].len());
            mix.push(("prefix", format!("{} {}", pair[0], &pair[1][..cut])));
        }
    }
    // Typos: one edit (two in words of nine letters or more), never in the first letter.
    let typoable: Vec<&str> = band.iter().copied().filter(|t| t.len() >= 5).collect();
    let typoable = if typoable.is_empty() {
        band.clone()
    } else {
        typoable
    };
    for _ in 0..PER_KIND {
        let word = typoable[rng.below(typoable.len())];
        let mut typo = misspell(word, &mut rng);
        if word.len() >= 9 {
            typo = misspell(&typo, &mut rng);
        }
        mix.push(("typo", typo));
    }
    for _ in 0..PER_KIND {
        let pair = together(&mut rng, 2);
        mix.push(("exclude", format!("{} -{}", pair[0], pair[1])));
    }

    if frequency.contains_key("ptcl") && frequency.contains_key("zardari") {
        mix.extend(FIXED.iter().map(|(k, q)| (*k, q.to_string())));
        mix.sort_by_key(|(k, _)| KINDS.iter().position(|x| x == k));
    }
    mix
}

/// `word` with one edit — a letter replaced, dropped, doubled or swapped with the next —
/// somewhere after its first letter.
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_string();
    }
    let at = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => {
            let c = chars[at];
            let mut r = (b'a' + rng.below(26) as u8) as char;
            if r == c {
                r = if c == 'z' { 'a' } else { (c as u8 + 1) as char };
            }
            chars[at] = r;
        }
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ => {
            if chars[at] == chars[at + 1] {
                chars.remove(at);
            } else {
                chars.swap(at, at + 1);
            }
        }
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_keep_the_first_letter_and_change_the_word() {
        let mut rng = Rng(SEED);
        for _ in 0..100 {
            let typo = misspell("government", &mut rng);
            assert!(typo.starts_with('g'));
            assert_ne!(typo, "government");
        }
    }
}
