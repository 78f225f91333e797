//! Layer `validate`: the rules a spec sets on a value, each a `const`
//! struct generated code fills in, checked inline; only a broken rule
//! leaves the inlined path.

use std::sync::OnceLock;

use super::{Bound, Format, Path, Rule, ValidationErrors};

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

/// `min_length` and `max_length` of a `bytes` value, counted in bytes.
#[derive(Debug, Clone, Copy)]
pub struct ByteRules {
    /// `min_length`, in bytes.
    pub min_length: Option<usize>,
    /// `max_length`, in bytes.
    pub max_length: Option<usize>,
}

impl ByteRules {
    /// Reports a bound `len` bytes break.
    #[inline]
    pub fn check(&self, len: usize, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(min) = self.min_length.filter(|m| len < *m) {
            errors.push(path, Rule::MinBytes { min, actual: len });
        }
        if let Some(max) = self.max_length.filter(|m| len > *m) {
            errors.push(path, Rule::MaxBytes { max, actual: len });
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
