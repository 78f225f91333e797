//! Request validation: the rules a spec states, checked in Rust before a
//! request leaves the machine.
//!
//! Generated `validate_into` methods call the `check_*` functions below with
//! the limits written in the spec. Wire paths are built as a chain of
//! borrowed [`Path`] links on the stack and turned into a string only when a
//! rule is broken, so validating a good request allocates nothing.

use std::fmt;
use std::sync::OnceLock;

/// Where a value sits in the request, as the API spells it:
/// `lines[0].qty`, `customFields["First Name"]`.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The request itself.
    Root,
    /// A field of the parent, by wire name.
    Field(&'a Path<'a>, &'a str),
    /// An item of the parent array.
    Index(&'a Path<'a>, usize),
    /// An entry of the parent map.
    Key(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    /// The path of field `name` under this one.
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of item `index` under this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The path of entry `key` under this one.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
            Path::Key(parent, key) => write!(f, "{parent}[{key:?}]"),
        }
    }
}

/// A `format` a string may be required to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `email`: an address with a local part, `@` and a dotted domain.
    Email,
    /// `uri`: an absolute URI with a scheme.
    Uri,
    /// `uuid`: 8-4-4-4-12 hex digits.
    Uuid,
    /// `date`: `YYYY-MM-DD`, a real calendar day.
    Date,
    /// `date-time`: RFC 3339.
    DateTime,
}

impl Format {
    /// The spec's word for the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Email => "email",
            Format::Uri => "uri",
            Format::Uuid => "uuid",
            Format::Date => "date",
            Format::DateTime => "date-time",
        }
    }

    /// Every format, by the spec's word for it.
    pub const ALL: [(&'static str, Format); 5] = [
        ("email", Format::Email),
        ("uri", Format::Uri),
        ("uuid", Format::Uuid),
        ("date", Format::Date),
        ("date-time", Format::DateTime),
    ];

    /// The format the spec's word names.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|(word, _)| *word == name)
            .map(|(_, f)| f)
    }

    fn what(self) -> &'static str {
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

/// A `pattern`, compiled on first use. The whole value must match.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<regex::Regex>,
}

impl Pattern {
    /// A pattern from its source, compiled on first use.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern {
            source,
            regex: OnceLock::new(),
        }
    }

    /// Compiles a spec's `pattern` as the whole-value match it means: the
    /// engine checks specs with this, and validation matches with it.
    pub fn compile(source: &str) -> Result<regex::Regex, regex::Error> {
        regex::Regex::new(&format!("^(?:{source})$"))
    }

    /// The pattern as the spec wrote it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `value` matches.
    pub fn is_match(&self, value: &str) -> bool {
        self.regex
            .get_or_init(|| {
                // The engine refuses specs whose pattern does not compile, so
                // this only fails for a hand-written `Pattern`.
                Pattern::compile(self.source)
                    .unwrap_or_else(|e| panic!("invalid pattern `{}`: {e}", self.source))
            })
            .is_match(value)
    }
}

/// A number bound as the spec wrote it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// An integer bound.
    Int(i64),
    /// A number bound.
    Float(f64),
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Int(i) => write!(f, "{i}"),
            Bound::Float(x) => write!(f, "{x}"),
        }
    }
}

/// The rule a value broke, with the limit the spec set. Values themselves
/// are never kept: a broken rule on a password must not print the password.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// Shorter than `min_length` (in characters).
    MinLength {
        /// The limit.
        min: usize,
        /// The value's length.
        actual: usize,
    },
    /// Longer than `max_length` (in characters).
    MaxLength {
        /// The limit.
        max: usize,
        /// The value's length.
        actual: usize,
    },
    /// Does not match `pattern` as a whole.
    Pattern {
        /// The pattern.
        pattern: &'static str,
    },
    /// Not of its `format`.
    Format {
        /// The format.
        format: Format,
    },
    /// Below `minimum`.
    Minimum {
        /// The limit.
        min: Bound,
    },
    /// Above `maximum`.
    Maximum {
        /// The limit.
        max: Bound,
    },
    /// Fewer entries than `min_items`.
    MinItems {
        /// The limit.
        min: usize,
        /// The number of entries.
        actual: usize,
    },
    /// More entries than `max_items`.
    MaxItems {
        /// The limit.
        max: usize,
        /// The number of entries.
        actual: usize,
    },
    /// Not one of `values`.
    Values {
        /// The documented values.
        allowed: &'static [&'static str],
    },
    /// A required param the request leaves unset and the client has no
    /// default for (a `credential` or `shared` param).
    Missing {
        /// Whether it is the API's credential.
        credential: bool,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::MinLength { min, actual } => write!(
                f,
                "must be at least {min} characters long (min_length), but is {actual}"
            ),
            Rule::MaxLength { max, actual } => write!(
                f,
                "must be at most {max} characters long (max_length), but is {actual}"
            ),
            Rule::Pattern { pattern } => write!(f, "must match the pattern `{pattern}`"),
            Rule::Format { format } => {
                write!(f, "must be {} (format `{}`)", format.what(), format.name())
            }
            Rule::Minimum { min } => write!(f, "must be at least {min} (minimum)"),
            Rule::Maximum { max } => write!(f, "must be at most {max} (maximum)"),
            Rule::MinItems { min, actual } => {
                write!(
                    f,
                    "must have at least {min} entries (min_items), but has {actual}"
                )
            }
            Rule::MaxItems { max, actual } => {
                write!(
                    f,
                    "must have at most {max} entries (max_items), but has {actual}"
                )
            }
            Rule::Values { allowed } => {
                f.write_str("must be one of ")?;
                for (i, v) in allowed.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{v}`")?;
                }
                f.write_str(" (values)")
            }
            Rule::Missing { credential: true } => f.write_str(
                "is required: the API's credential, set on neither the request nor the client (`ClientBuilder::credential`)",
            ),
            Rule::Missing { credential: false } => f.write_str(
                "is required, and set on neither the request nor the client (`ClientBuilder::param`)",
            ),
        }
    }
}

/// One broken rule, at one wire path.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    path: String,
    rule: Rule,
}

impl ValidationError {
    /// The wire path of the value: `lines[0].qty`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule broken, with its limit.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.path, self.rule)
    }
}

/// Every rule a request breaks, in field order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

impl ValidationErrors {
    /// An empty list; allocates nothing until a rule is broken.
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Records a broken rule at `path`. Out of line and cold: the checks
    /// that call it are inlined into generated validators, where their
    /// rules are constants, and only a broken rule takes this call.
    #[cold]
    #[inline(never)]
    pub fn push(&mut self, path: &Path<'_>, rule: Rule) {
        self.errors.push(ValidationError {
            path: path.to_string(),
            rule,
        });
    }

    /// How many rules are broken.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether no rule is broken.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The broken rules, in field order.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// `Ok(())` when no rule was broken.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        write!(
            f,
            "the request breaks {n} rule{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.errors {
            write!(f, "\n  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A value that checks itself against its spec's rules, reporting into a
/// shared list. Generated for requests, objects and enums.
pub trait Validate {
    /// Checks every rule of `self` at `path`, adding what breaks to `errors`.
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(v) = self {
            v.validate_into(path, errors);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors) {
        for (i, v) in self.iter().enumerate() {
            v.validate_into(&path.index(i), errors);
        }
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors) {
        for (k, v) in self {
            v.validate_into(&path.key(k), errors);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors) {
        (**self).validate_into(path, errors);
    }
}

/// The rules of a `string`: length in characters, `pattern` on the whole
/// value, `format`. Generated code fills the fields the spec sets and takes
/// the rest from [`StrRules::NONE`].
#[derive(Debug, Clone, Copy)]
pub struct StrRules {
    /// `min_length`, in characters.
    pub min_length: Option<usize>,
    /// `max_length`, in characters.
    pub max_length: Option<usize>,
    /// `pattern`, matched against the whole value.
    pub pattern: Option<&'static Pattern>,
    /// `format`.
    pub format: Option<Format>,
}

impl StrRules {
    /// No rule at all.
    pub const NONE: StrRules = StrRules {
        min_length: None,
        max_length: None,
        pattern: None,
        format: None,
    };

    /// Reports every rule `value` breaks.
    #[inline]
    pub fn check(&self, value: &str, path: &Path<'_>, errors: &mut ValidationErrors) {
        if self.min_length.is_some() || self.max_length.is_some() {
            let actual = value.chars().count();
            if let Some(min) = self.min_length.filter(|m| actual < *m) {
                errors.push(path, Rule::MinLength { min, actual });
            }
            if let Some(max) = self.max_length.filter(|m| actual > *m) {
                errors.push(path, Rule::MaxLength { max, actual });
            }
        }
        if let Some(p) = self.pattern.filter(|p| !p.is_match(value)) {
            errors.push(path, Rule::Pattern { pattern: p.source });
        }
        if let Some(format) = self.format.filter(|f| !f.accepts(value)) {
            errors.push(path, Rule::Format { format });
        }
    }
}

/// `minimum` and `maximum` of an `integer` or a `number`.
#[derive(Debug, Clone, Copy)]
pub struct Range<T> {
    /// The least value allowed.
    pub minimum: Option<T>,
    /// The greatest value allowed.
    pub maximum: Option<T>,
}

impl Range<i64> {
    /// Reports a bound `value` breaks.
    #[inline]
    pub fn check(&self, value: i64, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(min) = self.minimum.filter(|m| value < *m) {
            errors.push(
                path,
                Rule::Minimum {
                    min: Bound::Int(min),
                },
            );
        }
        if let Some(max) = self.maximum.filter(|m| value > *m) {
            errors.push(
                path,
                Rule::Maximum {
                    max: Bound::Int(max),
                },
            );
        }
    }
}

impl Range<f64> {
    /// Reports a bound `value` breaks; NaN breaks both.
    #[inline]
    pub fn check(&self, value: f64, path: &Path<'_>, errors: &mut ValidationErrors) {
        // NaN compares false with everything; it breaks any bound.
        if let Some(min) = self.minimum.filter(|m| value.is_nan() || value < *m) {
            errors.push(
                path,
                Rule::Minimum {
                    min: Bound::Float(min),
                },
            );
        }
        if let Some(max) = self.maximum.filter(|m| value.is_nan() || value > *m) {
            errors.push(
                path,
                Rule::Maximum {
                    max: Bound::Float(max),
                },
            );
        }
    }
}

/// `min_items` and `max_items` of an `array` or a `map`.
#[derive(Debug, Clone, Copy)]
pub struct Items {
    /// The fewest entries allowed.
    pub min_items: Option<usize>,
    /// The most entries allowed.
    pub max_items: Option<usize>,
}

impl Items {
    /// Reports a bound `len` entries break.
    #[inline]
    pub fn check(&self, len: usize, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(min) = self.min_items.filter(|m| len < *m) {
            errors.push(path, Rule::MinItems { min, actual: len });
        }
        if let Some(max) = self.max_items.filter(|m| len > *m) {
            errors.push(path, Rule::MaxItems { max, actual: len });
        }
    }
}

/// Reports an enum value outside its spec's `values` (its `Other` variant).
#[inline]
pub fn check_known(
    known: bool,
    allowed: &'static [&'static str],
    path: &Path<'_>,
    errors: &mut ValidationErrors,
) {
    if !known {
        errors.push(path, Rule::Values { allowed });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_the_wire() {
        let root = Path::Root;
        let lines = root.field("lines");
        let first = lines.index(0);
        let qty = first.field("qty");
        assert_eq!(qty.to_string(), "lines[0].qty");
        let custom = root.field("customFields");
        assert_eq!(
            custom.key("First Name").to_string(),
            r#"customFields["First Name"]"#
        );
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let mut errors = ValidationErrors::new();
        let at_most_3 = StrRules {
            max_length: Some(3),
            ..StrRules::NONE
        };
        at_most_3.check("ééé", &Path::Root.field("x"), &mut errors);
        assert!(errors.is_empty());
        let from_5_to_3 = StrRules {
            min_length: Some(5),
            ..at_most_3
        };
        from_5_to_3.check("éééé", &Path::Root.field("x"), &mut errors);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "`x` must be at least 5 characters long (min_length), but is 4",
                "`x` must be at most 3 characters long (max_length), but is 4",
            ]
        );
    }

    #[test]
    fn patterns_match_the_whole_value() {
        static P: Pattern = Pattern::new("[A-Z]{3}-[0-9]+");
        assert!(P.is_match("ABC-12"));
        assert!(!P.is_match("xABC-12"));
        assert!(!P.is_match("ABC-12x"));
        assert!(!P.is_match("A|ABC-1"));
    }

    #[test]
    fn formats() {
        assert!(Format::Email.accepts("jon.doe@foo.edu"));
        assert!(!Format::Email.accepts("jon.doe"));
        assert!(!Format::Email.accepts("a b@c.d"));
        assert!(!Format::Email.accepts("a@localhost"));
        assert!(Format::Uri.accepts("https://api.example.com/x?y=1"));
        assert!(!Format::Uri.accepts("not a uri"));
        assert!(!Format::Uri.accepts("1http://x"));
        assert!(Format::Uuid.accepts("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!Format::Uuid.accepts("123e4567e89b12d3a456426614174000"));
        assert!(Format::Date.accepts("2024-02-29"));
        assert!(!Format::Date.accepts("2023-02-29"));
        assert!(!Format::Date.accepts("2023-13-01"));
        assert!(Format::DateTime.accepts("2018-12-18T21:05:18Z"));
        assert!(Format::DateTime.accepts("2018-12-18T21:05:18.123+02:00"));
        assert!(!Format::DateTime.accepts("2018-12-18 21:05:18"));
        assert!(!Format::DateTime.accepts("2018-12-18T25:05:18Z"));
        assert!(!Format::DateTime.accepts("2018-12-18T21:05:18"));
        assert!(!Format::DateTime.accepts("2024-01-01T1234567é"));
        assert!(!Format::DateTime.accepts("2024-01-01Té1:00:00Z"));
    }

    #[test]
    fn numbers_and_counts() {
        let mut errors = ValidationErrors::new();
        let p = Path::Root.field("n");
        Range {
            minimum: Some(1),
            maximum: Some(9),
        }
        .check(0, &p, &mut errors);
        Range {
            minimum: Some(0.0),
            maximum: None,
        }
        .check(f64::NAN, &p, &mut errors);
        Range {
            minimum: None,
            maximum: Some(2.0),
        }
        .check(2.5, &p, &mut errors);
        Items {
            min_items: Some(1),
            max_items: None,
        }
        .check(0, &p, &mut errors);
        check_known(false, &["a", "b"], &p, &mut errors);
        assert_eq!(
            errors.to_string(),
            "the request breaks 5 rules:\n  \
             - `n` must be at least 1 (minimum)\n  \
             - `n` must be at least 0 (minimum)\n  \
             - `n` must be at most 2 (maximum)\n  \
             - `n` must have at least 1 entries (min_items), but has 0\n  \
             - `n` must be one of `a`, `b` (values)"
        );
    }
}
