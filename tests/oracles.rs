//! Every validation rule against an oracle written independently here:
//! values on and around each boundary (multi-byte and combining characters
//! for lengths, i64 extremes, near-miss emails, URIs, UUIDs, dates and
//! date-times, leap days and second 60).

use endpoints::{Format, Path, ValidationErrors};
use endpoints_runtime::validate::{Exclusive, Items, Range, StrRules};
use proptest::prelude::*;

fn passes(check: impl FnOnce(&Path<'_>, &mut ValidationErrors)) -> bool {
    let mut errors = ValidationErrors::new();
    check(&Path::Root, &mut errors);
    errors.is_empty()
}

fn format_passes(format: Format, s: &str) -> bool {
    let rules = StrRules {
        format: Some(format),
        ..StrRules::NONE
    };
    passes(|p, e| rules.check(s, p, e))
}

/// A calendar day, by converting to a day count and back (Howard Hinnant's
/// civil-from-days): a date is real when the round trip gives it again.
fn real_day(y: i64, m: i64, d: i64) -> bool {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return false;
    }
    let (yy, mm) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * mm + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe;
    // And back.
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day) == (y, m, d)
}

fn date_oracle(s: &str) -> bool {
    let re = regex::Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").unwrap();
    let Some(c) = re.captures(s) else {
        return false;
    };
    let n = |i: usize| c[i].parse::<i64>().unwrap();
    real_day(n(1), n(2), n(3))
}

fn date_time_oracle(s: &str) -> bool {
    let re = regex::Regex::new(
        r"^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$",
    )
    .unwrap();
    let Some(c) = re.captures(s) else {
        return false;
    };
    let n = |i: usize| c.get(i).map_or(0, |m| m.as_str().parse::<u32>().unwrap());
    date_oracle(&c[1]) && n(2) <= 23 && n(3) <= 59 && n(4) <= 60 && n(6) <= 23 && n(7) <= 59
}

fn email_oracle(s: &str) -> bool {
    regex::Regex::new(r"^[^\s\p{Cc}@]+@[^\s\p{Cc}@.]+(?:\.[^\s\p{Cc}@.]+)+$")
        .unwrap()
        .is_match(s)
}

fn uri_oracle(s: &str) -> bool {
    regex::Regex::new(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\p{Cc}]+$")
        .unwrap()
        .is_match(s)
}

fn uuid_oracle(s: &str) -> bool {
    regex::Regex::new(
        r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    )
    .unwrap()
    .is_match(s)
}

/// The characters near-misses are made of: separators, digits, letters,
/// whitespace and control, multi-byte and combining characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('@'),
        Just('.'),
        Just(':'),
        Just('-'),
        Just('+'),
        Just('T'),
        Just('Z'),
        Just(' '),
        Just('\u{0}'),
        Just('\u{a0}'),
        Just('é'),
        Just('\u{301}'),
        Just('😀'),
        proptest::char::range('0', '9'),
        proptest::char::range('a', 'f'),
    ]
}

/// `valid` with one character replaced, inserted or removed.
fn near_miss(valid: String) -> impl Strategy<Value = String> {
    let len = valid.chars().count();
    (0..=len, 0..3u8, tricky_char()).prop_map(move |(at, how, c)| {
        let mut chars: Vec<char> = valid.chars().collect();
        match how {
            0 if at < chars.len() => chars[at] = c,
            1 => chars.insert(at, c),
            _ if at < chars.len() => {
                chars.remove(at);
            }
            _ => chars.push(c),
        }
        chars.into_iter().collect()
    })
}

fn dates() -> impl Strategy<Value = String> {
    // Leap days of leap and common years, month ends, and anything.
    prop_oneof![
        (
            prop_oneof![Just(1900), Just(2000), Just(2023), Just(2024), 0..10000i64],
            1..=12i64,
            27..=32i64
        )
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (0..10000i64, 0..=13i64, 0..=32i64).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
}

fn date_times() -> impl Strategy<Value = String> {
    (
        dates(),
        prop_oneof![Just("T"), Just("t"), Just(" ")],
        0..=24u32,
        0..=60u32,
        prop_oneof![Just(59u32), Just(60), Just(61), 0..=61u32],
        prop_oneof![Just(""), Just(".5"), Just(".123456"), Just(".")],
        prop_oneof![
            Just("Z"),
            Just("z"),
            Just("+02:00"),
            Just("-23:59"),
            Just("+24:00"),
            Just("+02:60"),
            Just("")
        ],
    )
        .prop_map(|(d, t, h, m, s, frac, zone)| format!("{d}{t}{h:02}:{m:02}:{s:02}{frac}{zone}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lengths_count_characters(
        s in proptest::collection::vec(tricky_char(), 0..12).prop_map(|c| c.into_iter().collect::<String>()),
        min in 0..12usize,
        max in 0..12usize,
    ) {
        let rules = StrRules { min_length: Some(min), max_length: Some(max), ..StrRules::NONE };
        let count = s.chars().count();
        prop_assert_eq!(passes(|p, e| rules.check(&s, p, e)), count >= min && count <= max, "{:?}", s);
    }

    #[test]
    fn integer_ranges_hold_at_the_extremes(
        v in prop_oneof![Just(i64::MIN), Just(i64::MIN + 1), Just(-1i64), Just(0), Just(1), Just(i64::MAX - 1), Just(i64::MAX), any::<i64>()],
        min in prop_oneof![Just(None), Just(Some(i64::MIN)), Just(Some(0i64)), Just(Some(i64::MAX)), any::<i64>().prop_map(Some)],
        max in prop_oneof![Just(None), Just(Some(i64::MIN)), Just(Some(0i64)), Just(Some(i64::MAX)), any::<i64>().prop_map(Some)],
    ) {
        let range = Range { minimum: min, maximum: max };
        let oracle = min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m);
        prop_assert_eq!(passes(|p, e| range.check(v, p, e)), oracle);
    }

    #[test]
    fn number_ranges_refuse_nan(
        v in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.0f64), any::<f64>()],
        min in proptest::option::of(-1e3..1e3f64),
        max in proptest::option::of(-1e3..1e3f64),
    ) {
        let range = Range { minimum: min, maximum: max };
        let oracle = (min.is_none() || (!v.is_nan() && v >= min.unwrap()))
            && (max.is_none() || (!v.is_nan() && v <= max.unwrap()));
        prop_assert_eq!(passes(|p, e| range.check(v, p, e)), oracle);
    }

    #[test]
    fn exclusive_bounds_refuse_the_bound_itself(
        v in prop_oneof![Just(f64::NAN), Just(0.0f64), Just(-0.0f64), Just(f64::MIN_POSITIVE), Just(1.0f64), any::<f64>()],
        min in proptest::option::of(prop_oneof![Just(0.0f64), -1e3..1e3f64]),
        max in proptest::option::of(prop_oneof![Just(1.0f64), -1e3..1e3f64]),
    ) {
        let exclusive = Exclusive { minimum: min, maximum: max };
        let oracle = min.is_none_or(|m| !v.is_nan() && v > m)
            && max.is_none_or(|m| !v.is_nan() && v < m);
        prop_assert_eq!(passes(|p, e| exclusive.check(v, p, e)), oracle);
    }

    #[test]
    fn item_counts(len in 0..20usize, min in proptest::option::of(0..20usize), max in proptest::option::of(0..20usize)) {
        let items = Items { min_items: min, max_items: max };
        let oracle = min.is_none_or(|m| len >= m) && max.is_none_or(|m| len <= m);
        prop_assert_eq!(passes(|p, e| items.check(len, p, e)), oracle);
    }

    #[test]
    fn emails(s in prop_oneof![
        Just("jon.doe@foo.edu".to_string()),
        near_miss("jon.doe@foo.edu".into()),
        near_miss("a@b.co".into()),
    ]) {
        prop_assert_eq!(format_passes(Format::Email, &s), email_oracle(&s), "{:?}", s);
    }

    #[test]
    fn uris(s in prop_oneof![
        near_miss("https://api.example.com/x?y=1".into()),
        near_miss("urn:isbn:0451450523".into()),
        near_miss("a+b:c".into()),
    ]) {
        prop_assert_eq!(format_passes(Format::Uri, &s), uri_oracle(&s), "{:?}", s);
    }

    #[test]
    fn uuids(s in prop_oneof![
        near_miss("123e4567-e89b-12d3-a456-426614174000".into()),
        near_miss("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF".into()),
    ]) {
        prop_assert_eq!(format_passes(Format::Uuid, &s), uuid_oracle(&s), "{:?}", s);
    }

    #[test]
    fn dates_are_calendar_days(s in prop_oneof![dates(), near_miss("2024-02-29".into())]) {
        prop_assert_eq!(format_passes(Format::Date, &s), date_oracle(&s), "{:?}", s);
    }

    #[test]
    fn date_times_follow_rfc_3339(s in prop_oneof![
        date_times(),
        near_miss("2016-12-31T23:59:60Z".into()),
        near_miss("2018-12-18T21:05:18.123+02:00".into()),
    ]) {
        prop_assert_eq!(format_passes(Format::DateTime, &s), date_time_oracle(&s), "{:?}", s);
    }
}

#[test]
fn the_oracles_know_the_famous_cases() {
    assert!(date_oracle("2000-02-29") && date_oracle("2024-02-29"));
    assert!(!date_oracle("1900-02-29") && !date_oracle("2023-02-29"));
    assert!(date_time_oracle("2016-12-31T23:59:60Z"));
    assert!(!date_time_oracle("2016-12-31T23:59:61Z"));
    assert!(format_passes(Format::DateTime, "2016-12-31T23:59:60Z"));
    assert!(format_passes(Format::Date, "2000-02-29"));
    assert!(!format_passes(Format::Date, "1900-02-29"));
}
