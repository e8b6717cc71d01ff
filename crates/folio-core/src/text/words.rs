//! Word segmentation: the words of a text by Unicode word boundaries (UAX #29), keeping the
//! segments that hold a letter or a digit, fast on text that is mostly ASCII with a few curly
//! quotes, dashes or no-break spaces.
//!
//! The text is cut into pieces, each a run of non-whitespace and the whitespace after it. A cut
//! is only made between an ASCII whitespace character and an ASCII character that is not
//! whitespace: UAX #29 always breaks there, and none of its rules looks across a whitespace
//! character, so the pieces' words are exactly those of the whole text. ASCII pieces are
//! segmented here, by the rules as they apply to ASCII; the others by `segment`, the rules in
//! full.

use super::segment;

/// The words of `text` with their byte offsets, in order.
pub fn word_indices(text: &str) -> WordIndices<'_> {
    WordIndices {
        text,
        next_piece: 0,
        piece: Piece::Done,
    }
}

pub struct WordIndices<'t> {
    text: &'t str,
    /// Where the piece after the current one starts.
    next_piece: usize,
    piece: Piece<'t>,
}

enum Piece<'t> {
    Done,
    /// An ASCII piece: its end, and where to look for the next word.
    Ascii {
        at: usize,
        end: usize,
    },
    /// Any other piece: its start in the text, and its words.
    Unicode(usize, segment::Words<'t>),
}

/// Whether a piece ends before byte `i`.
fn is_cut(bytes: &[u8], i: usize) -> bool {
    bytes[i - 1].is_ascii_whitespace() && bytes[i].is_ascii() && !bytes[i].is_ascii_whitespace()
}

/// The end of the piece starting at `start` (the next cut or the end), and whether it is ASCII.
fn piece(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut ascii = bytes[start].is_ascii();
    let mut i = start + 1;
    while i < bytes.len() && !is_cut(bytes, i) {
        ascii &= bytes[i].is_ascii();
        i += 1;
    }
    (i, ascii)
}

impl<'t> Iterator for WordIndices<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        loop {
            match &mut self.piece {
                Piece::Ascii { at, end } => {
                    if let Some(range) = next_ascii_word(&self.text.as_bytes()[..*end], at) {
                        return Some((range.start, &self.text[range]));
                    }
                }
                Piece::Unicode(offset, words) => {
                    if let Some((start, word)) = words.next() {
                        return Some((*offset + start, word));
                    }
                }
                Piece::Done => {}
            }
            let bytes = self.text.as_bytes();
            let start = self.next_piece;
            if start >= bytes.len() {
                self.piece = Piece::Done;
                return None;
            }
            let (end, ascii) = piece(bytes, start);
            self.next_piece = end;
            self.piece = if ascii {
                Piece::Ascii { at: start, end }
            } else {
                // Cuts fall on ASCII bytes, hence on character boundaries.
                Piece::Unicode(start, segment::words(&self.text[start..end]))
            };
        }
    }
}

/// The word break property of an ASCII byte, as far as words are concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`, which joins letters and digits (ExtendNumLet).
    Joiner,
    /// `:`, between letters (MidLetter).
    MidLetter,
    /// `,` and `;`, between digits (MidNum).
    MidNum,
    /// `.` and `'`, between letters or between digits (MidNumLet, Single_Quote).
    Mid,
    Other,
}

/// The class of every ASCII byte.
const CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Joiner,
            b':' => Class::MidLetter,
            b',' | b';' => Class::MidNum,
            b'.' | b'\'' => Class::Mid,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b & 0x7f)]
}

/// Whether there is no word break between `s[i - 1]` and `s[i]` (rules WB5 to WB13b; the
/// others do not apply within ASCII words).
fn joined(s: &[u8], i: usize) -> bool {
    use Class::*;
    let (a, b) = (class(s[i - 1]), class(s[i]));
    let before = || (i >= 2).then(|| class(s[i - 2]));
    let after = || s.get(i + 1).map(|&c| class(c));
    match (a, b) {
        (Letter | Digit, Letter | Digit) => true,
        (Letter | Digit | Joiner, Joiner) | (Joiner, Letter | Digit) => true,
        (Letter, MidLetter | Mid) => after() == Some(Letter),
        (MidLetter | Mid, Letter) => before() == Some(Letter),
        (Digit, MidNum | Mid) => after() == Some(Digit),
        (MidNum | Mid, Digit) => before() == Some(Digit),
        _ => false,
    }
}

/// The next word of the ASCII text `s` at or after `*at`, advancing `*at` past it.
fn next_ascii_word(s: &[u8], at: &mut usize) -> Option<std::ops::Range<usize>> {
    while *at < s.len() {
        let start = *at;
        let first = class(s[start]);
        let mut end = start + 1;
        while end < s.len() && joined(s, end) {
            end += 1;
        }
        *at = end;
        // A segment is a word when it holds a letter or a digit; it can only start with one
        // of those or a joiner.
        let word = match first {
            Class::Letter | Class::Digit => true,
            Class::Joiner => s[start..end].iter().any(u8::is_ascii_alphanumeric),
            _ => false,
        };
        if word {
            return Some(start..end);
        }
    }
    None
}
