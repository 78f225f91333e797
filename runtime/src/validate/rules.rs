//! Layer `validate`: the rules a spec sets on a value, each a `const`
//! struct generated code fills in, checked inline; only a broken rule
//! leaves the inlined path.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use super::{Bound, Format, Path, Rule, ValidationErrors};

/// A `pattern`, compiled on first use. The whole value must match.
///
/// A pattern without look-around or backreferences runs on the `regex`
/// engine, in time linear in the value. One with them (JSON Schema's
/// patterns are ECMA-262's, which has both) runs on a backtracking engine
/// bounded by [`Pattern::BACKTRACK_LIMIT`] steps: a value it cannot decide
/// within them breaks the rule, so a hostile value costs a server reading
/// requests a bounded time.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<fancy_regex::Regex>,
}

impl Pattern {
    /// The most backtracking steps a look-around or backreference pattern
    /// takes on one value before the value counts as not matching.
    pub const BACKTRACK_LIMIT: usize = 100_000;

    /// A pattern from its source, compiled on first use.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern {
            source,
            regex: OnceLock::new(),
        }
    }

    /// Compiles a spec's `pattern` as the whole-value match it means: the
    /// engine checks specs with this, and validation matches with it.
    pub fn compile(source: &str) -> Result<fancy_regex::Regex, fancy_regex::Error> {
        fancy_regex::RegexBuilder::new(&format!("^(?:{source})$"))
            .backtrack_limit(Self::BACKTRACK_LIMIT)
            .build()
    }

    /// Why `source` does not compile, in the words of its author's pattern
    /// (byte offsets into `source`, not into the whole-value match
    /// [`Pattern::compile`] wraps it in); `None` when it compiles.
    pub fn why_invalid(source: &str) -> Option<String> {
        let e = Pattern::compile(source).err()?;
        Some(match e {
            fancy_regex::Error::ParseError(at, e) => {
                let at = at.saturating_sub("^(?:".len()).min(source.len());
                format!("{e} (at byte {at})")
            }
            fancy_regex::Error::CompileError(e) => {
                // The `regex` engine's own messages end with the line that
                // says what is wrong.
                let text = e.to_string();
                let last = text.lines().rev().find(|l| !l.trim().is_empty());
                let last = last.unwrap_or("").trim();
                last.strip_prefix("error: ").unwrap_or(last).to_string()
            }
            other => other.to_string(),
        })
    }

    /// The pattern as the spec wrote it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `value` matches (within the backtracking
    /// limit).
    pub fn is_match(&self, value: &str) -> bool {
        self.regex
            .get_or_init(|| {
                // The engine refuses specs whose pattern does not compile, so
                // this only fails for a hand-written `Pattern`.
                Pattern::compile(self.source)
                    .unwrap_or_else(|e| panic!("invalid pattern `{}`: {e}", self.source))
            })
            .is_match(value)
            .unwrap_or(false)
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

/// `exclusive_minimum` and `exclusive_maximum` of a `number`: bounds the
/// value must lie strictly within (JSON Schema's `exclusiveMinimum`, "greater
/// than 0").
#[derive(Debug, Clone, Copy)]
pub struct Exclusive {
    /// The value must be greater than this.
    pub minimum: Option<f64>,
    /// The value must be less than this.
    pub maximum: Option<f64>,
}

impl Exclusive {
    /// Reports a bound `value` breaks; NaN breaks both.
    #[inline]
    pub fn check(&self, value: f64, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(min) = self.minimum.filter(|m| value.is_nan() || value <= *m) {
            errors.push(
                path,
                Rule::ExclusiveMinimum {
                    min: Bound::Float(min),
                },
            );
        }
        if let Some(max) = self.maximum.filter(|m| value.is_nan() || value >= *m) {
            errors.push(
                path,
                Rule::ExclusiveMaximum {
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

/// `multiple_of` of an `integer` (`MultipleOf<i64>`) or of a `number`
/// (`MultipleOf<Decimal>`: the spec's decimal, digit for digit).
#[derive(Debug, Clone, Copy)]
pub struct MultipleOf<T> {
    /// The positive number every value must be a whole multiple of.
    pub multiple_of: T,
}

impl MultipleOf<i64> {
    /// Reports `value` when it is not a whole multiple.
    #[inline]
    pub fn check(&self, value: i64, path: &Path<'_>, errors: &mut ValidationErrors) {
        // `checked_rem` keeps a hand-written zero or `i64::MIN % -1` from
        // panicking (both broken); the engine refuses such specs.
        if value.checked_rem(self.multiple_of) != Some(0) {
            errors.push(
                path,
                Rule::MultipleOf {
                    of: Bound::Int(self.multiple_of),
                },
            );
        }
    }
}

impl MultipleOf<Decimal> {
    /// Reports `value` when the decimal it is sent as (the shortest one
    /// that reads back as the same `f64`, as JSON writes it) is not a whole
    /// multiple of the spec's decimal, exactly: `0.3` is a multiple of
    /// `0.1`, `0.30000000000000004` is not. NaN and infinities never are.
    #[inline]
    pub fn check(&self, value: f64, path: &Path<'_>, errors: &mut ValidationErrors) {
        if !self.multiple_of.divides(value) {
            errors.push(
                path,
                Rule::MultipleOf {
                    of: Bound::Float(self.multiple_of.to_f64()),
                },
            );
        }
    }
}

/// A decimal number, exactly: `digits × 10^exponent`. `0.01` is
/// `Decimal { digits: 1, exponent: -2 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The significant digits, as a whole number.
    pub digits: u64,
    /// The power of ten they are scaled by.
    pub exponent: i32,
}

impl Decimal {
    /// The shortest decimal that reads back as `value`, sign dropped: the
    /// digits JSON carries for it (`0.1` for `0.1`, never the binary
    /// fraction `0.1000000000000000055…`). `None` for NaN and infinities.
    pub fn of_f64(value: f64) -> Option<Decimal> {
        if !value.is_finite() {
            return None;
        }
        // `{:e}` writes the shortest round-trip digits: `1.2345e3`, `3e-1`.
        let mut text = SmallText::default();
        fmt::Write::write_fmt(&mut text, format_args!("{:e}", value.abs())).ok()?;
        Decimal::parse(text.as_str())
    }

    /// Reads a JSON number's text (`0.01`, `-2.5e3`, `1E-7`), sign
    /// dropped, trailing zeros of the digits moved into the exponent.
    /// `None` when it is not a number's text or has more significant
    /// digits than a `u64` holds.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.strip_prefix('-').unwrap_or(text);
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if whole.is_empty()
            || !whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut exponent = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
        let all = whole.bytes().chain(fraction.bytes());
        let mut digits: u64 = 0;
        let mut zeros: i32 = 0;
        for b in all {
            if b == b'0' {
                zeros += 1;
                continue;
            }
            for _ in 0..zeros {
                digits = digits.checked_mul(10)?;
            }
            zeros = 0;
            digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        if digits == 0 {
            return Some(Decimal {
                digits: 0,
                exponent: 0,
            });
        }
        exponent = exponent.checked_add(zeros)?;
        Some(Decimal { digits, exponent })
    }

    /// The nearest `f64`, for messages.
    pub fn to_f64(self) -> f64 {
        format!("{}e{}", self.digits, self.exponent)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// Whether the decimal `value` is sent as is a whole multiple of this
    /// one, in exact integer arithmetic. Zero divides nothing.
    pub fn divides(self, value: f64) -> bool {
        let Some(v) = Decimal::of_f64(value) else {
            return false;
        };
        if self.digits == 0 {
            return false;
        }
        if v.digits == 0 {
            return true;
        }
        // v / self = (v.digits / self.digits) × 10^shift.
        let shift = i64::from(v.exponent) - i64::from(self.exponent);
        let m = u128::from(self.digits);
        if shift >= 0 {
            // v.digits × 10^shift ≡ 0 (mod m), by modular powers of ten.
            let mut rest = u128::from(v.digits) % m;
            let (mut base, mut power) = (10 % m, shift as u64);
            while power > 0 && rest != 0 {
                if power & 1 == 1 {
                    rest = rest * base % m;
                }
                base = base * base % m;
                power >>= 1;
            }
            rest == 0
        } else {
            // v.digits must be a multiple of m × 10^-shift; a divisor
            // larger than v.digits (every u64 is below 10^20) is not one.
            let mut divisor = m;
            for _ in 0..(-shift).min(40) {
                divisor = match divisor.checked_mul(10) {
                    Some(d) => d,
                    None => return false,
                };
            }
            -shift <= 40 && u128::from(v.digits) % divisor == 0
        }
    }
}

/// A stack buffer for one `f64` in `{:e}` form (at most 24 bytes).
#[derive(Default)]
struct SmallText {
    bytes: [u8; 32],
    len: usize,
}

impl SmallText {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for SmallText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Below this many items, `unique_items` compares every pair: cheaper than
/// hashing or sorting, and allocates nothing.
const PAIRWISE: usize = 16;

/// `unique_items` of an array whose items compare as they hash (strings,
/// integers, booleans, bytes, enums): reports the first item equal to an
/// earlier one. Pairwise below 16 items, a hash set above: O(n).
#[inline]
pub fn check_unique<T: Eq + Hash>(items: &[T], path: &Path<'_>, errors: &mut ValidationErrors) {
    let duplicate = if items.len() <= PAIRWISE {
        pairwise(items, |a, b| a == b)
    } else {
        let mut seen = HashMap::with_capacity(items.len());
        items
            .iter()
            .enumerate()
            .find_map(|(i, item)| seen.insert(item, i).map(|first| (first, i)))
    };
    if let Some((first, second)) = duplicate {
        errors.push(path, Rule::UniqueItems { first, second });
    }
}

/// `unique_items` of an array of `number`s, equal as JSON numbers: `-0.0`
/// equals `0.0`, and NaNs (sent as `null`) equal each other. Pairwise below
/// 16 items, sorted above: O(n log n).
#[inline]
pub fn check_unique_numbers(items: &[f64], path: &Path<'_>, errors: &mut ValidationErrors) {
    // One key per JSON value: -0.0 folds into 0.0, every NaN into one.
    let key = |x: f64| {
        if x.is_nan() {
            f64::NAN.to_bits()
        } else {
            (x + 0.0).to_bits()
        }
    };
    let duplicate = if items.len() <= PAIRWISE {
        pairwise(items, |a, b| key(*a) == key(*b))
    } else {
        let mut keyed: Vec<(u64, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, x)| (key(*x), i))
            .collect();
        keyed.sort_unstable();
        first_repeat(&keyed, |k| k.1, |a, b| a.0 == b.0)
    };
    if let Some((first, second)) = duplicate {
        errors.push(path, Rule::UniqueItems { first, second });
    }
}

/// `unique_items` of an array of anything else (objects, maps, arrays,
/// unions, `any`): each item as the JSON value it is sent as, compared by
/// value (an object's keys in any order, `1` equal to `1.0`). Sorted by a
/// total order on JSON values: O(n log n) comparisons.
pub fn check_unique_json<T: Serialize>(
    items: &[T],
    path: &Path<'_>,
    errors: &mut ValidationErrors,
) {
    if items.len() < 2 {
        return;
    }
    // A value that does not serialize is never sent; it repeats nothing.
    let values: Vec<Option<Value>> = items.iter().map(|i| serde_json::to_value(i).ok()).collect();
    let mut order: Vec<usize> = (0..values.len()).filter(|i| values[*i].is_some()).collect();
    let value = |i: usize| values[i].as_ref().unwrap_or(&Value::Null);
    order.sort_by(|a, b| json_cmp(value(*a), value(*b)).then(a.cmp(b)));
    let duplicate = first_repeat(
        &order,
        |i| *i,
        |a, b| json_cmp(value(*a), value(*b)).is_eq(),
    );
    if let Some((first, second)) = duplicate {
        errors.push(path, Rule::UniqueItems { first, second });
    }
}

/// The equal pair whose later item comes first, comparing every pair.
fn pairwise<T>(items: &[T], eq: impl Fn(&T, &T) -> bool) -> Option<(usize, usize)> {
    (1..items.len()).find_map(|j| (0..j).find(|i| eq(&items[*i], &items[j])).map(|i| (i, j)))
}

/// In `sorted` (runs of equal items, each in index order), the run whose
/// second item has the lowest index: that item and the first of its run.
fn first_repeat<T>(
    sorted: &[T],
    index: impl Fn(&T) -> usize,
    eq: impl Fn(&T, &T) -> bool,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = 0;
    for j in 1..=sorted.len() {
        if j == sorted.len() || !eq(&sorted[start], &sorted[j]) {
            if j - start >= 2 {
                let (first, second) = (index(&sorted[start]), index(&sorted[start + 1]));
                if best.is_none_or(|(_, b)| second < b) {
                    best = Some((first, second));
                }
            }
            start = j;
        }
    }
    best
}

/// A total order on JSON values in which equal means equal as JSON:
/// numbers by value (`1` = `1.0`), objects by their sorted keys and values.
fn json_cmp(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => number_cmp(x, y),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .map(|(x, y)| json_cmp(x, y))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| x.len().cmp(&y.len())),
        (Value::Object(x), Value::Object(y)) => {
            let mut xs: Vec<_> = x.iter().collect();
            let mut ys: Vec<_> = y.iter().collect();
            xs.sort_unstable_by(|a, b| a.0.cmp(b.0));
            ys.sort_unstable_by(|a, b| a.0.cmp(b.0));
            xs.iter()
                .zip(&ys)
                .map(|((kx, vx), (ky, vy))| kx.cmp(ky).then_with(|| json_cmp(vx, vy)))
                .find(|o| o.is_ne())
                .unwrap_or_else(|| xs.len().cmp(&ys.len()))
        }
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Numbers by value, exactly: integers as integers, an integer against a
/// fraction by its whole part then its fraction, `-0.0` as `0.0`. A total
/// order, as sorting needs.
fn number_cmp(x: &serde_json::Number, y: &serde_json::Number) -> Ordering {
    enum N {
        Int(i128),
        Float(f64),
    }
    let read = |n: &serde_json::Number| match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => N::Int(i128::from(i)),
        (_, Some(u)) => N::Int(i128::from(u)),
        _ => N::Float(n.as_f64().unwrap_or(0.0) + 0.0),
    };
    // An integer against a float: every JSON integer is below 2^127.
    let int_float = |i: i128, f: f64| {
        if f >= 2f64.powi(127) {
            return Ordering::Less;
        }
        if f < -(2f64.powi(127)) {
            return Ordering::Greater;
        }
        let whole = f.trunc();
        (i.cmp(&(whole as i128))).then_with(|| 0f64.total_cmp(&(f - whole + 0.0)))
    };
    match (read(x), read(y)) {
        (N::Int(a), N::Int(b)) => a.cmp(&b),
        (N::Float(a), N::Float(b)) => a.total_cmp(&b),
        (N::Int(a), N::Float(b)) => int_float(a, b),
        (N::Float(a), N::Int(b)) => int_float(b, a).reverse(),
    }
}
