//! Lower-casing of single characters, as `char::to_lowercase` does it, from a table of ranges.
//!
//! The standard library's own table pairs every upper-case character with its lower case
//! (about 12 kB in the WASM); almost all of those pairs come in runs with one difference, either
//! contiguous (A–Z → a–z) or alternating (Ā ā Ă ă …), so 185 runs hold them all. The test
//! `matches_the_standard_library` checks every character against `char::to_lowercase`;
//! `print_table` (run with `--ignored --nocapture`) writes the table again after a Unicode update.

/// The runs: (first character, difference to its lower case, how many, step between them).
#[rustfmt::skip]
static RANGES: [(u32, i32, u8, u8); 185] = [
    (0x0041, 32, 26, 1),
    (0x00C0, 32, 23, 1),
    (0x00D8, 32, 7, 1),
    (0x0100, 1, 24, 2),
    (0x0132, 1, 3, 2),
    (0x0139, 1, 8, 2),
    (0x014A, 1, 23, 2),
    (0x0178, -121, 1, 1),
    (0x0179, 1, 3, 2),
    (0x0181, 210, 1, 1),
    (0x0182, 1, 2, 2),
    (0x0186, 206, 1, 1),
    (0x0187, 1, 1, 1),
    (0x0189, 205, 2, 1),
    (0x018B, 1, 1, 1),
    (0x018E, 79, 1, 1),
    (0x018F, 202, 1, 1),
    (0x0190, 203, 1, 1),
    (0x0191, 1, 1, 1),
    (0x0193, 205, 1, 1),
    (0x0194, 207, 1, 1),
    (0x0196, 211, 1, 1),
    (0x0197, 209, 1, 1),
    (0x0198, 1, 1, 1),
    (0x019C, 211, 1, 1),
    (0x019D, 213, 1, 1),
    (0x019F, 214, 1, 1),
    (0x01A0, 1, 3, 2),
    (0x01A6, 218, 1, 1),
    (0x01A7, 1, 1, 1),
    (0x01A9, 218, 1, 1),
    (0x01AC, 1, 1, 1),
    (0x01AE, 218, 1, 1),
    (0x01AF, 1, 1, 1),
    (0x01B1, 217, 2, 1),
    (0x01B3, 1, 2, 2),
    (0x01B7, 219, 1, 1),
    (0x01B8, 1, 1, 1),
    (0x01BC, 1, 1, 1),
    (0x01C4, 2, 1, 1),
    (0x01C5, 1, 1, 1),
    (0x01C7, 2, 1, 1),
    (0x01C8, 1, 1, 1),
    (0x01CA, 2, 1, 1),
    (0x01CB, 1, 9, 2),
    (0x01DE, 1, 9, 2),
    (0x01F1, 2, 1, 1),
    (0x01F2, 1, 2, 2),
    (0x01F6, -97, 1, 1),
    (0x01F7, -56, 1, 1),
    (0x01F8, 1, 20, 2),
    (0x0220, -130, 1, 1),
    (0x0222, 1, 9, 2),
    (0x023A, 10795, 1, 1),
    (0x023B, 1, 1, 1),
    (0x023D, -163, 1, 1),
    (0x023E, 10792, 1, 1),
    (0x0241, 1, 1, 1),
    (0x0243, -195, 1, 1),
    (0x0244, 69, 1, 1),
    (0x0245, 71, 1, 1),
    (0x0246, 1, 5, 2),
    (0x0370, 1, 2, 2),
    (0x0376, 1, 1, 1),
    (0x037F, 116, 1, 1),
    (0x0386, 38, 1, 1),
    (0x0388, 37, 3, 1),
    (0x038C, 64, 1, 1),
    (0x038E, 63, 2, 1),
    (0x0391, 32, 17, 1),
    (0x03A3, 32, 9, 1),
    (0x03CF, 8, 1, 1),
    (0x03D8, 1, 12, 2),
    (0x03F4, -60, 1, 1),
    (0x03F7, 1, 1, 1),
    (0x03F9, -7, 1, 1),
    (0x03FA, 1, 1, 1),
    (0x03FD, -130, 3, 1),
    (0x0400, 80, 16, 1),
    (0x0410, 32, 32, 1),
    (0x0460, 1, 17, 2),
    (0x048A, 1, 27, 2),
    (0x04C0, 15, 1, 1),
    (0x04C1, 1, 7, 2),
    (0x04D0, 1, 48, 2),
    (0x0531, 48, 38, 1),
    (0x10A0, 7264, 38, 1),
    (0x10C7, 7264, 1, 1),
    (0x10CD, 7264, 1, 1),
    (0x13A0, 38864, 80, 1),
    (0x13F0, 8, 6, 1),
    (0x1C89, 1, 1, 1),
    (0x1C90, -3008, 43, 1),
    (0x1CBD, -3008, 3, 1),
    (0x1E00, 1, 75, 2),
    (0x1E9E, -7615, 1, 1),
    (0x1EA0, 1, 48, 2),
    (0x1F08, -8, 8, 1),
    (0x1F18, -8, 6, 1),
    (0x1F28, -8, 8, 1),
    (0x1F38, -8, 8, 1),
    (0x1F48, -8, 6, 1),
    (0x1F59, -8, 4, 2),
    (0x1F68, -8, 8, 1),
    (0x1F88, -8, 8, 1),
    (0x1F98, -8, 8, 1),
    (0x1FA8, -8, 8, 1),
    (0x1FB8, -8, 2, 1),
    (0x1FBA, -74, 2, 1),
    (0x1FBC, -9, 1, 1),
    (0x1FC8, -86, 4, 1),
    (0x1FCC, -9, 1, 1),
    (0x1FD8, -8, 2, 1),
    (0x1FDA, -100, 2, 1),
    (0x1FE8, -8, 2, 1),
    (0x1FEA, -112, 2, 1),
    (0x1FEC, -7, 1, 1),
    (0x1FF8, -128, 2, 1),
    (0x1FFA, -126, 2, 1),
    (0x1FFC, -9, 1, 1),
    (0x2126, -7517, 1, 1),
    (0x212A, -8383, 1, 1),
    (0x212B, -8262, 1, 1),
    (0x2132, 28, 1, 1),
    (0x2160, 16, 16, 1),
    (0x2183, 1, 1, 1),
    (0x24B6, 26, 26, 1),
    (0x2C00, 48, 48, 1),
    (0x2C60, 1, 1, 1),
    (0x2C62, -10743, 1, 1),
    (0x2C63, -3814, 1, 1),
    (0x2C64, -10727, 1, 1),
    (0x2C67, 1, 3, 2),
    (0x2C6D, -10780, 1, 1),
    (0x2C6E, -10749, 1, 1),
    (0x2C6F, -10783, 1, 1),
    (0x2C70, -10782, 1, 1),
    (0x2C72, 1, 1, 1),
    (0x2C75, 1, 1, 1),
    (0x2C7E, -10815, 2, 1),
    (0x2C80, 1, 50, 2),
    (0x2CEB, 1, 2, 2),
    (0x2CF2, 1, 1, 1),
    (0xA640, 1, 23, 2),
    (0xA680, 1, 14, 2),
    (0xA722, 1, 7, 2),
    (0xA732, 1, 31, 2),
    (0xA779, 1, 2, 2),
    (0xA77D, -35332, 1, 1),
    (0xA77E, 1, 5, 2),
    (0xA78B, 1, 1, 1),
    (0xA78D, -42280, 1, 1),
    (0xA790, 1, 2, 2),
    (0xA796, 1, 10, 2),
    (0xA7AA, -42308, 1, 1),
    (0xA7AB, -42319, 1, 1),
    (0xA7AC, -42315, 1, 1),
    (0xA7AD, -42305, 1, 1),
    (0xA7AE, -42308, 1, 1),
    (0xA7B0, -42258, 1, 1),
    (0xA7B1, -42282, 1, 1),
    (0xA7B2, -42261, 1, 1),
    (0xA7B3, 928, 1, 1),
    (0xA7B4, 1, 8, 2),
    (0xA7C4, -48, 1, 1),
    (0xA7C5, -42307, 1, 1),
    (0xA7C6, -35384, 1, 1),
    (0xA7C7, 1, 2, 2),
    (0xA7CB, -42343, 1, 1),
    (0xA7CC, 1, 8, 2),
    (0xA7DC, -42561, 1, 1),
    (0xA7F5, 1, 1, 1),
    (0xFF21, 32, 26, 1),
    (0x10400, 40, 40, 1),
    (0x104B0, 40, 36, 1),
    (0x10570, 39, 11, 1),
    (0x1057C, 39, 15, 1),
    (0x1058C, 39, 7, 1),
    (0x10594, 39, 2, 1),
    (0x10C80, 64, 51, 1),
    (0x10D50, 32, 22, 1),
    (0x118A0, 32, 32, 1),
    (0x16E40, 32, 32, 1),
    (0x16EA0, 27, 25, 1),
    (0x1E900, 34, 34, 1),
];

/// The lower case of `c`: one character, or two for U+0130 (İ → i̇), as `char::to_lowercase`.
pub fn to_lower(c: char) -> (char, Option<char>) {
    let n = c as u32;
    if n < 0x80 {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    let at = RANGES.partition_point(|&(start, ..)| start <= n);
    if let Some(&(start, delta, count, step)) = at.checked_sub(1).map(|i| &RANGES[i]) {
        let offset = n - start;
        let step = u32::from(step);
        if offset % step == 0 && offset / step < u32::from(count) {
            let lower = n.wrapping_add_signed(delta);
            return (char::from_u32(lower).unwrap_or(c), None);
        }
    }
    (c, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let (first, second) = to_lower(c);
            let ours: Vec<char> = std::iter::once(first).chain(second).collect();
            let std: Vec<char> = c.to_lowercase().collect();
            assert_eq!(
                ours, std,
                "U+{:04X}: the table in text/lower.rs is out of date; regenerate it with \
                 `cargo test -p folio-core print_table -- --ignored --nocapture`",
                c as u32
            );
        }
    }

    #[test]
    fn runs_are_sorted_and_apart() {
        for pair in RANGES.windows(2) {
            let (start, _, count, step) = pair[0];
            let last = start + (u32::from(count) - 1) * u32::from(step);
            assert!(last < pair[1].0, "run at U+{start:04X} overlaps the next");
        }
    }

    /// Prints the table from the standard library's `char::to_lowercase`.
    #[test]
    #[ignore]
    fn print_table() {
        let mut pairs: Vec<(u32, i32)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l != c {
                    pairs.push((c as u32, l as i32 - c as i32));
                }
            }
        }
        let mut runs: Vec<(u32, i32, usize, u32)> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let (start, delta) = pairs[i];
            let mut best = (1, 1);
            for step in [1, 2] {
                let mut j = i;
                while j + 1 < pairs.len()
                    && j - i + 1 < 255
                    && pairs[j + 1] == (pairs[j].0 + step, delta)
                {
                    j += 1;
                }
                if j - i + 1 > best.0 {
                    best = (j - i + 1, step);
                }
            }
            runs.push((start, delta, best.0, best.1));
            i += best.0;
        }
        println!("static RANGES: [(u32, i32, u8, u8); {}] = [", runs.len());
        for (start, delta, count, step) in runs {
            println!("    (0x{start:04X}, {delta}, {count}, {step}),");
        }
        println!("];");
    }
}
