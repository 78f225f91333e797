//! Layer `validate`: a spec's rules as values ([`StrRules`], [`Range`],
//! [`Items`], [`Format`]), the [`Validate`] trait generated requests
//! implement, and the list of broken rules it returns, each at its wire
//! path. Above `spec`; below everything that sends or reads.

use std::fmt;

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

mod format;
mod rules;

pub use format::Format;
pub use rules::{
    check_known, check_unique, check_unique_json, check_unique_numbers, ByteRules, Decimal,
    Exclusive, Items, MultipleOf, Pattern, Range, StrRules,
};

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
    /// Fewer bytes than a `bytes` value's `min_length`.
    MinBytes {
        /// The limit.
        min: usize,
        /// The value's length in bytes.
        actual: usize,
    },
    /// More bytes than a `bytes` value's `max_length`.
    MaxBytes {
        /// The limit.
        max: usize,
        /// The value's length in bytes.
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
    /// Not above `exclusive_minimum`.
    ExclusiveMinimum {
        /// The limit.
        min: Bound,
    },
    /// Not below `exclusive_maximum`.
    ExclusiveMaximum {
        /// The limit.
        max: Bound,
    },
    /// Not a whole multiple of `multiple_of`.
    MultipleOf {
        /// The number it must be a multiple of.
        of: Bound,
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
    /// An item equal to an earlier one, where `unique_items` forbids it.
    /// The first such item and the earlier one it repeats.
    UniqueItems {
        /// The index of the earlier item.
        first: usize,
        /// The index of the item that repeats it.
        second: usize,
    },
    /// Not one of `values`.
    Values {
        /// The documented values.
        allowed: &'static [&'static str],
    },
    /// A union's value that none of its members describes (its `Other`).
    Member {
        /// The members: their tag values, or, untagged, what each is.
        members: &'static [&'static str],
    },
    /// A field the server sets (`read_only`), set in a request.
    ReadOnly,
    /// None of the groups of fields of `requires_any` set in full.
    RequiresAny {
        /// The groups, each its fields' wire names joined by ` and `.
        groups: &'static [&'static str],
    },
    /// Not exactly one of the groups of fields of `requires_one` set in
    /// full.
    RequiresOne {
        /// The groups, each its fields' wire names joined by ` and `.
        groups: &'static [&'static str],
        /// How many are set in full.
        set: usize,
    },
    /// A required param the request leaves unset and the client has no
    /// default for (a `credential` or `shared` param).
    Missing {
        /// Whether it is the API's credential.
        credential: bool,
    },
    /// A required list outside the body (a query, header, cookie or path
    /// param) left empty: it sends nothing, as if left out.
    EmptyList,
    /// An entry of a flattened map named like another param of the
    /// request: in the body it would repeat that param's key.
    NamedLikeParam {
        /// The other param's wire name.
        name: &'static str,
    },
}

/// `` `a`, or `b` and `c` ``: groups of fields, any of them.
fn write_groups(f: &mut fmt::Formatter<'_>, groups: &[&str]) -> fmt::Result {
    for (i, g) in groups.iter().enumerate() {
        match i {
            0 => {}
            1 if groups.len() == 2 => f.write_str(" or ")?,
            _ if i + 1 == groups.len() => f.write_str(", or ")?,
            _ => f.write_str(", ")?,
        }
        f.write_str(g)?;
    }
    Ok(())
}

/// `1 entry`, `2 entries`.
pub(crate) fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::MinLength { min, actual } => write!(
                f,
                "must be at least {} long (min_length), but is {actual}",
                counted(*min as u64, "character", "characters")
            ),
            Rule::MaxLength { max, actual } => write!(
                f,
                "must be at most {} long (max_length), but is {actual}",
                counted(*max as u64, "character", "characters")
            ),
            Rule::MinBytes { min, actual } => write!(
                f,
                "must be at least {} long (min_length), but is {actual}",
                counted(*min as u64, "byte", "bytes")
            ),
            Rule::MaxBytes { max, actual } => write!(
                f,
                "must be at most {} long (max_length), but is {actual}",
                counted(*max as u64, "byte", "bytes")
            ),
            Rule::Pattern { pattern } => write!(f, "must match the pattern `{pattern}`"),
            Rule::Format { format } => {
                write!(f, "must be {} (format `{}`)", format.what(), format.name())
            }
            Rule::Minimum { min } => write!(f, "must be at least {min} (minimum)"),
            Rule::Maximum { max } => write!(f, "must be at most {max} (maximum)"),
            Rule::ExclusiveMinimum { min } => {
                write!(f, "must be greater than {min} (exclusive_minimum)")
            }
            Rule::ExclusiveMaximum { max } => {
                write!(f, "must be less than {max} (exclusive_maximum)")
            }
            Rule::MultipleOf { of } => write!(f, "must be a multiple of {of} (multiple_of)"),
            Rule::UniqueItems { first, second } => write!(
                f,
                "must not repeat an item (unique_items), but [{second}] equals [{first}]"
            ),
            Rule::MinItems { min, actual } => write!(
                f,
                "must have at least {} (min_items), but has {actual}",
                counted(*min as u64, "entry", "entries")
            ),
            Rule::MaxItems { max, actual } => write!(
                f,
                "must have at most {} (max_items), but has {actual}",
                counted(*max as u64, "entry", "entries")
            ),
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
            Rule::Member { members } => {
                f.write_str("must be one of the union's members, ")?;
                for (i, m) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{m}`")?;
                }
                f.write_str(" (union)")
            }
            Rule::RequiresAny { groups } => {
                f.write_str("must set ")?;
                write_groups(f, groups)?;
                f.write_str(" (requires_any)")
            }
            Rule::RequiresOne { groups, set } => {
                f.write_str("must set exactly one of ")?;
                write_groups(f, groups)?;
                write!(f, " (requires_one), but sets {set}")
            }
            Rule::ReadOnly => {
                f.write_str("is set by the server (read_only): leave it unset in a request")
            }
            Rule::Missing { credential: true } => f.write_str(
                "is required: the API's credential, set on neither the request nor the client (`ClientBuilder::credential`)",
            ),
            Rule::Missing { credential: false } => f.write_str(
                "is required, and set on neither the request nor the client (`ClientBuilder::param`)",
            ),
            Rule::EmptyList => f.write_str(
                "is required, and empty: a list outside the body sends no item, as if left out",
            ),
            Rule::NamedLikeParam { name } => write!(
                f,
                "is an entry named like the param `{name}`: flattened into the body, it would be a second `{name}`"
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
    fn patterns_with_look_around_backreferences_and_unicode_classes() {
        // AWS's "not reserved" prefix, and a hostname label rule.
        static NOT_AWS: Pattern = Pattern::new("(?!aws:)[A-Za-z0-9:._-]+");
        assert!(NOT_AWS.is_match("team:blue"));
        assert!(!NOT_AWS.is_match("aws:blue"));
        static LABEL: Pattern = Pattern::new("(?!-)[a-z0-9-]+(?<!-)");
        assert!(LABEL.is_match("a-b"));
        assert!(!LABEL.is_match("-ab"));
        assert!(!LABEL.is_match("ab-"));
        static TWICE: Pattern = Pattern::new(r"(\w+)-\1");
        assert!(TWICE.is_match("ab-ab"));
        assert!(!TWICE.is_match("ab-ba"));
        static LETTERS: Pattern = Pattern::new(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*");
        assert!(LETTERS.is_match("Ærø 2 øl"));
        assert!(!LETTERS.is_match("tab\there"));
        // Exponential backtracking is cut off at the limit: the value does
        // not count as a match, and the check returns.
        static EVIL: Pattern = Pattern::new(r"(a+)+\1b");
        assert!(!EVIL.is_match(&"a".repeat(40)));
        assert!(EVIL.is_match("aab"));
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
        // The bound itself breaks an exclusive one; just inside does not.
        let exclusive = Exclusive {
            minimum: Some(0.0),
            maximum: Some(1.0),
        };
        exclusive.check(0.0, &p, &mut errors);
        exclusive.check(1e-300, &p, &mut errors);
        exclusive.check(0.999_999, &p, &mut errors);
        exclusive.check(1.0, &p, &mut errors);
        Items {
            min_items: Some(1),
            max_items: None,
        }
        .check(0, &p, &mut errors);
        check_known(false, &["a", "b"], &p, &mut errors);
        assert_eq!(
            errors.to_string(),
            "the request breaks 7 rules:\n  \
             - `n` must be at least 1 (minimum)\n  \
             - `n` must be at least 0 (minimum)\n  \
             - `n` must be at most 2 (maximum)\n  \
             - `n` must be greater than 0 (exclusive_minimum)\n  \
             - `n` must be less than 1 (exclusive_maximum)\n  \
             - `n` must have at least 1 entry (min_items), but has 0\n  \
             - `n` must be one of `a`, `b` (values)"
        );
    }

    fn broken(check: impl FnOnce(&Path<'_>, &mut ValidationErrors)) -> Vec<String> {
        let mut errors = ValidationErrors::new();
        check(&Path::Root.field("n"), &mut errors);
        errors.iter().map(ToString::to_string).collect()
    }

    fn multiple(of: &str, value: f64) -> bool {
        let rule = MultipleOf {
            multiple_of: Decimal::parse(of).unwrap(),
        };
        broken(|p, e| rule.check(value, p, e)).is_empty()
    }

    #[test]
    fn decimals_read_as_written() {
        let d = |digits, exponent| Some(Decimal { digits, exponent });
        assert_eq!(Decimal::parse("0.01"), d(1, -2));
        assert_eq!(Decimal::parse("-2.50e3"), d(25, 2));
        assert_eq!(Decimal::parse("100"), d(1, 2));
        assert_eq!(Decimal::parse("1E-7"), d(1, -7));
        assert_eq!(Decimal::parse("0.0"), d(0, 0));
        assert_eq!(Decimal::parse("18446744073709551615"), d(u64::MAX, 0));
        assert_eq!(Decimal::parse("18446744073709551616"), None);
        assert_eq!(Decimal::parse("1.2.3"), None);
        assert_eq!(Decimal::parse(".5"), None);
        assert_eq!(Decimal::of_f64(0.1), d(1, -1));
        assert_eq!(Decimal::of_f64(-1234.5), d(12345, -1));
        assert_eq!(Decimal::of_f64(0.1 + 0.2), d(30000000000000004, -17));
        assert_eq!(Decimal::of_f64(f64::MAX), d(17976931348623157, 292));
        assert_eq!(Decimal::of_f64(5e-324), d(5, -324));
        assert_eq!(Decimal::of_f64(f64::NAN), None);
    }

    #[test]
    fn multiples_of_a_decimal_are_exact_on_the_sent_digits() {
        assert!(
            multiple("0.1", 0.3),
            "0.3 / 0.1 is 2.9999999999999996 in f64"
        );
        assert!(!multiple("0.1", 0.1 + 0.2), "sent as 0.30000000000000004");
        assert!(multiple("0.01", 19.99));
        assert!(multiple("0.01", -19.99));
        assert!(!multiple("0.01", 19.999));
        assert!(multiple("0.01", 0.0) && multiple("0.01", -0.0));
        assert!(multiple("2.5", 1e300), "10^300 is 4 × 10^299 × 2.5");
        assert!(!multiple("3", 1e300));
        assert!(multiple("3", 3e300));
        assert!(multiple("1e-300", 7e-300));
        assert!(!multiple("1e-300", 5e-324));
        assert!(multiple("5e-324", 1e-323));
        assert!(multiple("0.7", 2.1) && !multiple("0.7", 2.2));
        assert!(!multiple("1", f64::NAN) && !multiple("1", f64::INFINITY));
        assert!(!multiple("0", 1.0), "zero divides nothing");
        assert_eq!(
            broken(|p, e| MultipleOf {
                multiple_of: Decimal::parse("0.05").unwrap()
            }
            .check(0.12, p, e)),
            ["`n` must be a multiple of 0.05 (multiple_of)"]
        );
    }

    #[test]
    fn multiples_of_an_integer_near_the_ends_of_i64() {
        let of = |m: i64, v: i64| broken(|p, e| MultipleOf { multiple_of: m }.check(v, p, e));
        assert!(
            of(7, i64::MAX).is_empty(),
            "2^63 - 1 = 7 × 1317624576693539401"
        );
        assert!(of(2, i64::MIN).is_empty());
        assert!(of(i64::MAX, i64::MAX).is_empty());
        assert!(of(i64::MAX, -i64::MAX).is_empty());
        assert!(of(3, -9).is_empty() && of(3, 0).is_empty());
        assert_eq!(
            of(2, i64::MAX),
            ["`n` must be a multiple of 2 (multiple_of)"]
        );
        assert_eq!(of(5, -7), ["`n` must be a multiple of 5 (multiple_of)"]);
        assert_eq!(of(i64::MAX, i64::MIN).len(), 1);
        assert_eq!(
            of(0, 1).len(),
            1,
            "a hand-written zero breaks, never panics"
        );
    }

    #[test]
    fn unique_items_name_the_first_repeat() {
        let hashed = |items: &[&str]| broken(|p, e| check_unique(items, p, e));
        assert!(hashed(&["a", "b", "c"]).is_empty());
        assert_eq!(
            hashed(&["a", "b", "b", "a"]),
            ["`n` must not repeat an item (unique_items), but [2] equals [1]"]
        );
        // Past 16 items, hashed rather than compared pairwise: same answer.
        let many: Vec<i64> = (0..100).chain([42, 7]).collect();
        assert_eq!(
            broken(|p, e| check_unique(&many, p, e)),
            ["`n` must not repeat an item (unique_items), but [100] equals [42]"]
        );
        let numbers = |items: &[f64]| broken(|p, e| check_unique_numbers(items, p, e));
        assert!(numbers(&[0.1, 0.2, 0.1 + 0.2, 0.3]).is_empty());
        assert_eq!(
            numbers(&[1.0, 0.0, -0.0]).len(),
            1,
            "-0 and 0 are one JSON number"
        );
        assert_eq!(numbers(&[f64::NAN, f64::NAN]).len(), 1, "both sent as null");
        let mut long: Vec<f64> = (0..40).map(f64::from).collect();
        long.push(-0.0);
        assert_eq!(
            numbers(&long),
            ["`n` must not repeat an item (unique_items), but [40] equals [0]"]
        );
    }

    #[test]
    fn unique_items_compare_objects_by_value() {
        use serde_json::json;
        let json = |items: &[serde_json::Value]| broken(|p, e| check_unique_json(items, p, e));
        // Keys in another order: the same object.
        let a: serde_json::Value = serde_json::from_str(r#"{"x": 1, "y": [true, null]}"#).unwrap();
        let b: serde_json::Value =
            serde_json::from_str(r#"{"y": [true, null], "x": 1.0}"#).unwrap();
        assert_eq!(
            json(&[json!({"x": 2}), a, b]),
            ["`n` must not repeat an item (unique_items), but [2] equals [1]"]
        );
        assert!(json(&[
            json!({"x": 1}),
            json!({"x": 1, "y": null}),
            json!([1, 2]),
            json!([2, 1]),
            json!(1.5),
            json!(1),
            json!(9007199254740993_u64),
            json!(9007199254740992.0),
            json!("1"),
            json!(null),
            json!(false),
        ])
        .is_empty());
        // Maps compare by value too.
        let maps = [
            std::collections::BTreeMap::from([("a", 1), ("b", 2)]),
            std::collections::BTreeMap::from([("b", 2), ("a", 1)]),
        ];
        assert_eq!(broken(|p, e| check_unique_json(&maps, p, e)).len(), 1);
    }

    proptest::proptest! {
        /// `k × m` written as a decimal is a multiple of the decimal `m`,
        /// and `k × m` plus a sliver of `m` is not, whatever `f64` makes of
        /// the quotient.
        #[test]
        fn decimal_multiples_agree_with_integer_arithmetic(
            m_digits in 1u64..1000,
            m_exp in -6i32..4,
            k in -100_000i64..100_000,
        ) {
            let of = Decimal { digits: m_digits, exponent: m_exp };
            let value: f64 = format!("{}e{}", i128::from(k) * i128::from(m_digits), m_exp).parse().unwrap();
            proptest::prop_assert!(of.divides(value));
            let off: f64 = format!("{}e{}", (i128::from(k) * i128::from(m_digits)) * 10 + 1, m_exp - 1)
                .parse()
                .unwrap();
            proptest::prop_assert!(!of.divides(off));
        }

        /// Every way of checking `unique_items` finds the repeat a
        /// comparison of every pair of JSON values finds.
        #[test]
        fn unique_items_agree_with_every_pair_compared(items in proptest::collection::vec(-20i64..20, 0..60)) {
            let expected = (1..items.len())
                .find_map(|j| (0..j).find(|i| items[*i] == items[j]).map(|i| (i, j)));
            let rule = |(first, second)| vec![format!("`n` must not repeat an item (unique_items), but [{second}] equals [{first}]")];
            let expected = expected.map(rule).unwrap_or_default();
            let floats: Vec<f64> = items.iter().map(|i| *i as f64 / 4.0).collect();
            let objects: Vec<serde_json::Value> = items.iter().map(|i| serde_json::json!({"k": i % 3, "v": [i / 3]})).collect();
            proptest::prop_assert_eq!(&broken(|p, e| check_unique(&items, p, e)), &expected);
            proptest::prop_assert_eq!(&broken(|p, e| check_unique_numbers(&floats, p, e)), &expected);
            proptest::prop_assert_eq!(&broken(|p, e| check_unique_json(&objects, p, e)), &expected);
        }
    }
}
