//! Reading dates and times as people write them ("4 Mar 2012, 12:27", "20 May, 2010",
//! "May 20, 2010", "2010-05-20") into ISO 8601, keeping the original text.

use std::borrow::Cow;

use crate::model::Stamp;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads `text` as a date with an optional time. `None` when it is not one.
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let iso = parse_iso(text)?;
    Some(Stamp {
        iso,
        text: text.trim().to_string(),
    })
}

/// A stamp that keeps the text even when it cannot be read; its `iso` is then empty.
pub fn stamp_or_text(text: &str) -> Stamp {
    parse_stamp(text).unwrap_or_else(|| Stamp {
        iso: String::new(),
        text: text.trim().to_string(),
    })
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.starts_with(&word) && (word.len() == 3 || word.len() == m.len() || word == "sept")
        })
        .map(|i| i as u32 + 1)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_iso(text: &str) -> Option<String> {
    // ISO 8601 with a time (`2024-03-05T10:00:00Z`): the date, and the clock time as written.
    let text = match text.trim().split_once(['T', 't']) {
        Some((date, time)) if date.len() == 10 && time.len() >= 5 && time.as_bytes()[2] == b':' => {
            Cow::Owned(format!("{date} {}", time.get(..5)?))
        }
        _ => Cow::Borrowed(text),
    };
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (date_tokens, time) = match tokens.last() {
        Some(last) if last.contains(':') => (&tokens[..tokens.len() - 1], Some(parse_time(last)?)),
        _ => (&tokens[..], None),
    };
    let (year, month, day) = parse_date(date_tokens)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut iso = format!("{year:04}-{month:02}-{day:02}");
    if let Some((h, m)) = time {
        iso.push_str(&format!("T{h:02}:{m:02}"));
    }
    Some(iso)
}

fn parse_time(token: &str) -> Option<(u32, u32)> {
    let (h, m) = token.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

fn parse_year(token: &str) -> Option<i32> {
    (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.parse().ok())
        .flatten()
}

fn parse_day(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn parse_date(tokens: &[&str]) -> Option<(i32, u32, u32)> {
    match tokens {
        [one] => {
            let mut parts = one.split('-');
            let year = parse_year(parts.next()?)?;
            let month = parts.next()?.parse().ok()?;
            let day = parts.next()?.parse().ok()?;
            parts.next().is_none().then_some((year, month, day))
        }
        [a, b, c] => {
            if let (Some(day), Some(month), Some(year)) =
                (parse_day(a), month_number(b), parse_year(c))
            {
                Some((year, month, day))
            } else {
                let (month, day, year) = (month_number(a)?, parse_day(b)?, parse_year(c)?);
                Some((year, month, day))
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_people_write() {
        let cases = [
            ("4 Mar 2012, 12:27", Some("2012-03-04T12:27")),
            ("4 Mar 2012 14:56", Some("2012-03-04T14:56")),
            ("20 May, 2010", Some("2010-05-20")),
            ("May 20, 2010", Some("2010-05-20")),
            ("1st September 2001", Some("2001-09-01")),
            ("2010-05-20", Some("2010-05-20")),
            ("2024-03-05T10:00:00Z", Some("2024-03-05T10:00")),
            ("2024-03-05T23:59+02:00", Some("2024-03-05T23:59")),
            ("2024-03-05Tea", None),
            ("29 Feb 2012", Some("2012-02-29")),
            ("29 Feb 2011", None),
            ("31 Apr 2012", None),
            ("4 Mar 2012, 25:00", None),
            ("Jonathan Clyne", None),
            ("May", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_iso(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn keeps_the_text() {
        let stamp = stamp_or_text(" 20 May, 2010 ");
        assert_eq!(stamp.text, "20 May, 2010");
        assert_eq!(stamp_or_text("someday").iso, "");
    }
}
