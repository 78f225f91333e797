//! Layer `validate`: the string formats a spec may require, checked by
//! structure (what a server refuses at a glance), not deliverability.

use crate::spec::words;

words! {
    /// A `format` a string may be required to have.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Format {
        /// `email`: an address with a local part, `@` and a dotted domain.
        Email = "email",
        /// `uri`: an absolute URI with a scheme.
        Uri = "uri",
        /// `uuid`: 8-4-4-4-12 hex digits.
        Uuid = "uuid",
        /// `date`: `YYYY-MM-DD`, a real calendar day.
        Date = "date",
        /// `date-time`: RFC 3339.
        DateTime = "date-time",
    }
}

impl Format {
    pub(crate) fn what(self) -> &'static str {
        match self {
            Format::Email => "an email address",
            Format::Uri => "an absolute URI",
            Format::Uuid => "a UUID",
            Format::Date => "a date (YYYY-MM-DD)",
            Format::DateTime => "an RFC 3339 date-time",
        }
    }

    /// Whether `s` has this format. The checks are structural (what a server
    /// would refuse at a glance), not deliverability: `a@b.c` is an email.
    pub fn accepts(self, s: &str) -> bool {
        match self {
            Format::Email => is_email(s),
            Format::Uri => is_uri(s),
            Format::Uuid => is_uuid(s),
            Format::Date => is_date(s),
            Format::DateTime => is_date_time(s),
        }
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let printable = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && c != '@')
    };
    printable(local)
        && printable(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&s[..4]), digits(&s[5..7]), digits(&s[8..])) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't']) else {
        return false;
    };
    if !is_date(date) || time.len() < 8 || !time.is_char_boundary(8) {
        return false;
    }
    let (clock, zone) = time.split_at(8);
    let c = clock.as_bytes();
    if c[2] != b':' || c[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) = (
        digits(&clock[..2]),
        digits(&clock[3..5]),
        digits(&clock[6..]),
    ) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    let zone = match zone.strip_prefix('.') {
        Some(frac) => {
            let end = frac
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(frac.len());
            if end == 0 {
                return false;
            }
            &frac[end..]
        }
        None => zone,
    };
    match zone {
        "Z" | "z" => true,
        _ => {
            let z = zone.as_bytes();
            z.len() == 6
                && matches!(z[0], b'+' | b'-')
                && z[3] == b':'
                && digits(&zone[1..3]).is_some_and(|h| h <= 23)
                && digits(&zone[4..]).is_some_and(|m| m <= 59)
        }
    }
}
