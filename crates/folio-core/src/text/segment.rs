//! Word boundaries, by the rules of Unicode Standard Annex #29 (WB1 to WB999), over the
//! Word_Break property of `word_breaks.rs`. The segments that hold a letter or a digit are the
//! words.

use std::sync::OnceLock;

use super::word_breaks::{RUNS, TABLE};
use crate::index::read_varint;

/// A character's Word_Break class: its number in the generated table.
type Class = u8;

const ANY: Class = 0;
const CR: Class = 1;
const LF: Class = 2;
const NEWLINE: Class = 3;
const EXTEND: Class = 4;
const ZWJ: Class = 5;
const REGIONAL_INDICATOR: Class = 6;
const FORMAT: Class = 7;
const KATAKANA: Class = 8;
const HEBREW_LETTER: Class = 9;
const A_LETTER: Class = 10;
const SINGLE_QUOTE: Class = 11;
const DOUBLE_QUOTE: Class = 12;
const MID_NUM_LET: Class = 13;
const MID_LETTER: Class = 14;
const MID_NUM: Class = 15;
const NUMERIC: Class = 16;
const EXTEND_NUM_LET: Class = 17;
const W_SEG_SPACE: Class = 18;

/// The flag added to a class's number for an Extended_Pictographic character.
const PICTOGRAPHIC: u8 = 0x20;

/// The characters whose values are looked up directly: the alphabets of Europe, and the
/// general punctuation (curly quotes, dashes, spaces) that text around the world uses.
const DIRECT: usize = 0x2070;

/// The property table, decoded: runs covering every character from U+0000 on, each given by
/// its first character and its value; and the values of the characters below `DIRECT`.
struct Table {
    starts: Vec<u32>,
    values: Vec<u8>,
    direct: Vec<u8>,
}

fn table() -> &'static Table {
    static DECODED: OnceLock<Table> = OnceLock::new();
    DECODED.get_or_init(|| {
        let mut table = Table {
            starts: Vec::with_capacity(2 * RUNS + 1),
            values: Vec::with_capacity(2 * RUNS + 1),
            direct: Vec::new(),
        };
        // Any before the first run, so that some entry starts at or before every character.
        table.starts.push(0);
        table.values.push(0);
        let (mut at, mut after) = (0, 0);
        for _ in 0..RUNS {
            let first = after + read_varint(TABLE, &mut at);
            let last = first + read_varint(TABLE, &mut at);
            if first > after {
                table.starts.push(after);
                table.values.push(0);
            }
            table.starts.push(first);
            table.values.push(TABLE.get(at).copied().unwrap_or(0));
            at += 1;
            after = last + 1;
        }
        table.starts.push(after);
        table.values.push(0);
        table.direct = (0..DIRECT as u32).map(|c| table.lookup(c)).collect();
        table
    })
}

impl Table {
    fn lookup(&self, c: u32) -> u8 {
        // starts[0] is 0: some entry starts at or before `c`.
        self.values[self.starts.partition_point(|&s| s <= c) - 1]
    }
}

/// A character's class and whether it is Extended_Pictographic.
fn property(c: char) -> (Class, bool) {
    let table = table();
    let value = match table.direct.get(c as usize) {
        Some(&value) => value,
        None => table.lookup(u32::from(c)),
    };
    (value & !PICTOGRAPHIC, value & PICTOGRAPHIC != 0)
}

/// Whether a class is ignored after the character it follows (WB4).
fn ignored(class: Class) -> bool {
    matches!(class, EXTEND | FORMAT | ZWJ)
}

fn letter(class: Class) -> bool {
    matches!(class, A_LETTER | HEBREW_LETTER)
}

/// The class of the first character of `rest` that is not ignored (WB4), Any at the end; and
/// whether it is a pictograph right after a ZWJ.
fn next_kept(rest: &str) -> (Class, bool) {
    let mut zwj = false;
    for c in rest.chars() {
        let (class, pictographic) = property(c);
        if !ignored(class) {
            return (class, zwj && pictographic);
        }
        zwj = class == ZWJ;
    }
    (ANY, false)
}

/// Whether the rules after WB4 join a kept character of class `class` to the text before it:
/// `last` and `before` are the classes of the last two kept characters, `odd_flags` whether
/// the regional indicators that end the text are odd in number, and `after` tells whether the
/// next kept character is of a class wanted after `class`.
///
/// As in unicode-segmentation, a pictograph after a ZWJ meets any want (UAX #29 would break
/// before `class`, then join the ZWJ and the pictograph to it).
fn kept_joined(
    before: Class,
    last: Class,
    class: Class,
    odd_flags: bool,
    after: impl Fn(fn(Class) -> bool) -> bool,
) -> bool {
    let mid_letter = matches!(class, MID_LETTER | MID_NUM_LET | SINGLE_QUOTE);
    let mid_num = matches!(class, MID_NUM | MID_NUM_LET | SINGLE_QUOTE);
    match last {
        _ if letter(last) && letter(class) => true, // WB5
        _ if letter(last) && mid_letter && after(letter) => true, // WB6
        MID_LETTER | MID_NUM_LET | SINGLE_QUOTE if letter(before) && letter(class) => true, // WB7
        HEBREW_LETTER if class == SINGLE_QUOTE => true, // WB7a
        HEBREW_LETTER if class == DOUBLE_QUOTE => after(|c| c == HEBREW_LETTER), // WB7b
        DOUBLE_QUOTE => before == HEBREW_LETTER && class == HEBREW_LETTER, // WB7c
        NUMERIC if class == NUMERIC || letter(class) => true, // WB8, WB10
        _ if letter(last) && class == NUMERIC => true, // WB9
        MID_NUM | MID_NUM_LET | SINGLE_QUOTE => before == NUMERIC && class == NUMERIC, // WB11
        NUMERIC if mid_num => after(|c| c == NUMERIC), // WB12
        KATAKANA if class == KATAKANA => true,      // WB13
        A_LETTER | HEBREW_LETTER | NUMERIC | KATAKANA | EXTEND_NUM_LET
            if class == EXTEND_NUM_LET =>
        {
            true // WB13a
        }
        EXTEND_NUM_LET => matches!(class, A_LETTER | HEBREW_LETTER | NUMERIC | KATAKANA), // WB13b
        REGIONAL_INDICATOR => class == REGIONAL_INDICATOR && odd_flags, // WB15, WB16
        _ => false,                                                     // WB999
    }
}

/// Where the word segment of `text` starting at byte `start` ends.
fn segment_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices();
    let Some((_, first)) = chars.next() else {
        return start;
    };
    // The class of the character before, as written; the classes of the last two characters
    // kept after WB4 (Any before the first); whether the regional indicators that end the
    // text so far are odd in number.
    let mut raw = property(first).0;
    let (mut before, mut last) = (ANY, raw);
    let mut odd_flags = raw == REGIONAL_INDICATOR;
    for (i, c) in chars {
        let (class, pictographic) = property(c);
        let at = start + i;
        let joined = match (raw, class) {
            (CR, LF) => true,                                         // WB3
            (CR | LF | NEWLINE, _) | (_, CR | LF | NEWLINE) => false, // WB3a, WB3b
            (ZWJ, _) if pictographic => true,                         // WB3c
            (W_SEG_SPACE, W_SEG_SPACE) => true,                       // WB3d
            (_, EXTEND | FORMAT | ZWJ) => true,                       // WB4
            _ => kept_joined(before, last, class, odd_flags, |wanted| {
                let (next, pictograph) = next_kept(&text[at + c.len_utf8()..]);
                wanted(next) || pictograph
            }),
        };
        if !joined {
            return at;
        }
        if !ignored(class) {
            odd_flags = class == REGIONAL_INDICATOR && !(last == REGIONAL_INDICATOR && odd_flags);
            before = last;
            // A pictograph joined to a ZWJ ends an emoji sequence, even the two that are also
            // letters (ℹ, Ⓜ), as in unicode-segmentation; UAX #29 would let a letter follow.
            last = match raw == ZWJ && pictographic {
                true => ANY,
                false => class,
            };
        }
        raw = class;
    }
    text.len()
}

/// The word segments of `text` with their byte offsets, in order: every character is in one.
#[cfg(test)]
fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        (at < text.len()).then(|| {
            let start = at;
            at = segment_end(text, start);
            (start, &text[start..at])
        })
    })
}

/// The words of `text` with their byte offsets: the segments holding a letter or a digit.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

pub(super) struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        while self.at < self.text.len() {
            let start = self.at;
            self.at = segment_end(self.text, start);
            let segment = &self.text[start..self.at];
            if segment.chars().any(char::is_alphanumeric) {
                return Some((start, segment));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Segments and words as unicode-segmentation finds them, which implements the same rules
    /// over its own tables.
    fn same_as_reference(text: &str) -> Result<(), String> {
        same_segments(text)?;
        let ours: Vec<_> = words(text).collect();
        let theirs: Vec<_> = text.unicode_word_indices().collect();
        if ours != theirs {
            return Err(format!("{text:?}: words {ours:?}, reference {theirs:?}"));
        }
        Ok(())
    }

    fn same_segments(text: &str) -> Result<(), String> {
        if segments(text).ne(text.split_word_bound_indices()) {
            let ours: Vec<_> = segments(text).collect();
            let theirs: Vec<_> = text.split_word_bound_indices().collect();
            return Err(format!("{text:?}: segments {ours:?}, reference {theirs:?}"));
        }
        Ok(())
    }

    /// Every character, in contexts that tell every class apart (Extend from Format, which the
    /// rules treat alike, aside).
    #[test]
    fn every_character_segments_as_the_reference() {
        let contexts: [(&str, &str); 13] = [
            ("", ""),
            ("a", "a"),
            ("1", "1"),
            ("", "@@"),
            ("\u{5d0}", "\u{5d0}"),
            ("\u{5d0}", ""),
            ("\u{200d}", ""),
            ("_", "_"),
            ("カ", "カ"),
            ("\r", ""),
            ("", "\n"),
            (" ", " "),
            ("", "\u{301}"),
        ];
        let mut failures = Vec::new();
        let mut text = String::new();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for (before, after) in contexts {
                text.clear();
                text.push_str(before);
                text.push(c);
                // "@@" stands for the character twice more.
                match after {
                    "@@" => text.extend([c, c]),
                    _ => text.push_str(after),
                }
                // The words are the segments holding a letter or digit, by the same test in
                // both: the segments decide.
                if let Err(failure) = same_segments(&text) {
                    failures.push(failure);
                }
            }
        }
        // After an update of unicode-segmentation, `python3 tools/word_breaks.py` rewrites the
        // table from its own.
        assert!(
            failures.is_empty(),
            "{} differences; the table may need rewriting by tools/word_breaks.py. The first: {:#?}",
            failures.len(),
            &failures[..failures.len().min(20)]
        );
    }

    /// Characters of every class, and of both sides of a rule's context.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "é",
        "\u{5d0}",
        "\u{5d1}",
        "1",
        "٣",
        "カ",
        "ー",
        "_",
        "\u{202f}",
        "'",
        "\"",
        ".",
        ":",
        "·",
        ",",
        ";",
        "\u{37e}",
        " ",
        "\u{3000}",
        "\r",
        "\n",
        "\u{b}",
        "\u{85}",
        "\u{2028}",
        "\u{301}",
        "\u{93e}",
        "\u{200d}",
        "\u{ad}",
        "\u{200b}",
        "\u{fe0f}",
        "🇺",
        "🇸",
        "🇫",
        "😀",
        "👍",
        "©",
        "ℹ",
        "\u{1f3fb}",
        "日",
        "本",
        "-",
        "’",
        "‘",
        "“",
        "(",
        "%",
        "\u{a0}",
        "ꨀ",
        "㌀",
    ];

    proptest! {
        #[test]
        fn mixed_text_segments_as_the_reference(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
        ) {
            let text = parts.concat();
            prop_assert!(same_as_reference(&text).is_ok(), "{}", same_as_reference(&text).unwrap_err());
        }
    }

    /// Where unicode-segmentation departs from UAX #29, with a ZWJ before a pictograph.
    #[test]
    fn emoji_sequences_segment_as_the_reference() {
        for text in [
            "a.\u{200d}😀a",
            "1,\u{200d}😀",
            "\u{5d0}\"\u{200d}😀",
            "a.\u{200d}\u{301}😀",
            "a.\u{301}\u{200d}😀",
            "\u{200d}ℹa",
            "a\u{200d}Ⓜb",
            "ꨀ.\u{200d}😀",
        ] {
            same_as_reference(text).unwrap();
        }
    }

    #[test]
    fn words_follow_the_rules() {
        let words = |text| words(text).map(|(_, w)| w).collect::<Vec<_>>();
        assert_eq!(words("can’t stop"), ["can’t", "stop"]);
        assert_eq!(words("3.14 and 1,000"), ["3.14", "and", "1,000"]);
        assert_eq!(words("e.g. a–b"), ["e.g", "a", "b"]);
        assert_eq!(words("日本語"), ["日", "本", "語"]);
        assert_eq!(words("カタカナ"), ["カタカナ"]);
        assert_eq!(words("naïve café"), ["naïve", "café"]);
        assert_eq!(words("snake_case 👍🏽 x"), ["snake_case", "x"]);
    }
}
