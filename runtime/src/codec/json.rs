//! Layer `codec`: JSON bodies. Reading a body (integers written `5.0`
//! read as the integer, digit for digit), finding a status slug without a
//! parse, serde's messages without the values they quote, and the small
//! serde helpers generated types use.

use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};

use crate::nullable::MaybeAbsent;

/// The string at top-level key `field` of a JSON object body, found without
/// parsing the document: a byte scan skips nested values and strings, and
/// only the slug itself is decoded. Keys written with escapes fall back to a
/// serde scan, so the answer is always what a JSON parser would give.
pub fn status_slug(body: &[u8], field: &str) -> Option<String> {
    match scan_top_level_key(body, field.as_bytes()) {
        Scan::Found(at) => {
            let mut de = serde_json::Deserializer::from_slice(&body[at..]);
            <std::borrow::Cow<'_, str> as serde::Deserialize>::deserialize(&mut de)
                .ok()
                .map(std::borrow::Cow::into_owned)
        }
        Scan::Absent => None,
        Scan::Unsure => status_slug_serde(body, field),
    }
}

enum Scan {
    /// The offset of the key's value.
    Found(usize),
    Absent,
    /// An escaped key was met: only a parser can tell.
    Unsure,
}

fn scan_top_level_key(body: &[u8], field: &[u8]) -> Scan {
    let mut i = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    if body.get(i) != Some(&b'{') {
        return Scan::Absent;
    }
    i += 1;
    let mut depth = 1usize;
    // Whether the next string at depth 1 is a key (after `{` or `,`).
    let mut expect_key = true;
    while i < body.len() {
        match body[i] {
            b'"' => {
                let start = i + 1;
                let mut end = start;
                let mut escaped = false;
                // Jump from quote or backslash to the next one: strings are
                // most of a body's bytes.
                loop {
                    // Most strings are short: look at a few bytes by hand
                    // before paying for a memchr call.
                    let near = body
                        .get(end..body.len().min(end + 16))
                        .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'));
                    let next = near.or_else(|| {
                        let from = (end + 16).min(body.len());
                        let far = memchr::memchr2(b'"', b'\\', body.get(from..)?)?;
                        Some(far + from - end)
                    });
                    let Some(j) = next else {
                        end = body.len();
                        break;
                    };
                    end += j;
                    if body[end] == b'"' {
                        break;
                    }
                    escaped = true;
                    end += 2;
                }
                if end >= body.len() {
                    return Scan::Absent;
                }
                if depth == 1 && expect_key {
                    if escaped {
                        return Scan::Unsure;
                    }
                    if &body[start..end.min(body.len())] == field {
                        let colon = body[end + 1..]
                            .iter()
                            .position(|b| !b.is_ascii_whitespace());
                        return match colon.map(|c| end + 1 + c) {
                            Some(c) if body[c] == b':' => Scan::Found(c + 1),
                            _ => Scan::Absent,
                        };
                    }
                    expect_key = false;
                }
                i = end + 1;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Scan::Absent;
                }
            }
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
        i += 1;
    }
    Scan::Absent
}

/// The same answer through serde: skips values without building them.
pub(crate) fn status_slug_serde(body: &[u8], field: &str) -> Option<String> {
    struct Find<'a> {
        field: &'a str,
        found: &'a mut Option<String>,
    }

    impl<'de> Visitor<'de> for Find<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == self.field {
                    let value = map.next_value::<std::borrow::Cow<'de, str>>();
                    *self.found = value.ok().map(std::borrow::Cow::into_owned);
                    // Stop reading: the error only ends the scan early.
                    return Err(serde::de::Error::custom("found"));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }

    let mut found = None;
    let mut de = serde_json::Deserializer::from_slice(body);
    let _ = serde::Deserializer::deserialize_map(
        &mut de,
        Find {
            field,
            found: &mut found,
        },
    );
    found
}

/// Deserializes a body; an empty body reads as `null`. A body that does not
/// fit only because an integer is written `5.0` or `5e2` is read again with
/// it as `5` or `500` (JSON Schema's integer), rewritten as text, never
/// through `f64`: a number that is not exactly an integer in `i64` or `u64`
/// stays what it is and does not fit. The second read costs only bodies that
/// fail the first.
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let bytes = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    serde_json::from_slice(bytes).or_else(|e| {
        let again = integers_written_whole(bytes)
            .and_then(|rewritten| serde_json::from_slice(&rewritten).ok());
        again.ok_or_else(|| format!("the body does not fit: {}", without_values(&e.to_string())))
    })
}

/// JSON text with every number that is exactly an integer in `i64` or `u64`
/// but written with a fraction or an exponent (`5.0`, `-1.20e1`, `5e2`)
/// written as that integer (`5`, `-12`, `500`), digit for digit: no `f64` is
/// involved, so no digit above 2^53 is lost and nothing out of range is
/// clamped (`1e20` stays `1e20`). `None` when there is no such number.
pub(crate) fn integers_written_whole(json: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                // Skip the string, escapes included.
                i += 1;
                while i < json.len() && json[i] != b'"' {
                    i += if json[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < json.len()
                    && matches!(json[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                let token = &json[start..i];
                if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                    if let Some(integer) = exact_integer(token) {
                        let buf = out.get_or_insert_with(|| Vec::with_capacity(json.len()));
                        buf.extend_from_slice(&json[copied..start]);
                        buf.extend_from_slice(integer.as_bytes());
                        copied = i;
                    }
                }
            }
            _ => i += 1,
        }
    }
    let mut buf = out?;
    buf.extend_from_slice(&json[copied.min(json.len())..]);
    Some(buf)
}

/// The integer a JSON number token denotes, as decimal text, when the
/// token is a JSON number (RFC 8259's grammar: no leading zero, digits
/// after `.` and after `e`) and exactly an integer that `i64` or `u64`
/// holds. The engine checks examples with it too, so a spec's example and
/// a server's answer are read alike.
pub fn exact_integer(token: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(token).ok()?;
    if !is_json_number(text) {
        return None;
    }
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits: String = [whole, fraction].concat();
    // The value is `digits` × 10^scale.
    let scale = i64::from(exponent) - fraction.len() as i64;
    if scale >= 0 {
        if digits.trim_start_matches('0').is_empty() {
            digits = "0".into();
        } else if digits.trim_start_matches('0').len() as i64 + scale > 20 {
            return None;
        } else {
            digits.extend(std::iter::repeat_n('0', scale as usize));
        }
    } else {
        let drop = usize::try_from(-scale).ok()?;
        let kept = digits.len().saturating_sub(drop);
        if !digits[kept..].bytes().all(|b| b == b'0') {
            return None;
        }
        digits.truncate(kept);
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some("0".into());
    }
    let magnitude: u128 = digits.parse().ok()?;
    let fits = if negative {
        magnitude <= 1u128 << 63
    } else {
        magnitude <= u128::from(u64::MAX)
    };
    fits.then(|| format!("{}{digits}", if negative { "-" } else { "" }))
}

/// Whether `text` is one JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    fn digits(s: &[u8]) -> usize {
        s.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let s = text.as_bytes();
    let mut i = usize::from(s.first() == Some(&b'-'));
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits(&s[i..]),
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        let n = digits(&s[i + 1..]);
        if n == 0 {
            return false;
        }
        i += 1 + n;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(&s[i..]);
        if n == 0 {
            return false;
        }
        i += n;
    }
    i == s.len()
}

/// serde's message without the values it quotes (`invalid type: string
/// "s3cr3t", expected i64` → `invalid type: string, expected i64`): a value
/// may be a secret. Field and variant names (`missing field `email``) are
/// kept.
pub(crate) fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                let quoted: String = chars.by_ref().take_while(|&c| c != '`').collect();
                if out.ends_with("field ") || out.ends_with("variant ") {
                    out.push('`');
                    out.push_str(&quoted);
                    out.push('`');
                } else {
                    out.truncate(out.trim_end().len());
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.truncate(out.trim_end().len());
            }
            _ => out.push(c),
        }
    }
    out
}

/// `skip_serializing_if` for a borrowed optional field: `None`, or a
/// `Nullable`'s `Absent`.
pub fn is_absent<T: MaybeAbsent>(value: &&T) -> bool {
    value.is_absent()
}

/// Deserializes a string enum through `from_wire`, borrowed or owned.
pub fn deserialize_str_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(&str) -> T,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct V<T>(fn(&str) -> T);

    impl<T> Visitor<'_> for V<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            Ok((self.0)(v))
        }
    }

    deserializer.deserialize_str(V(from_wire))
}
