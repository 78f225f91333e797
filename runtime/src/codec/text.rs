//! Layer `codec`: text on the wire, both ways. The texts a param travels
//! as in a path, a query or a header, written straight from its `Serialize`
//! impl with no `serde_json::Value` in between (one text per scalar, one
//! per item of an array, none for `None` or `null`); percent-encoding and
//! base64, each beside its decoding.

use std::fmt::{self, Write as _};

use serde::ser::{self, Impossible, Serialize};

/// Calls `each` with every wire text of `value`, in order. An object, or an
/// array inside an array, cannot travel as text: the error says which.
pub(crate) fn each_text<T: Serialize + ?Sized>(
    value: &T,
    mut each: impl FnMut(&str),
) -> Result<(), String> {
    value
        .serialize(Texts {
            each: &mut each,
            nested: false,
        })
        .map_err(|e| e.0)
}

/// Why a value cannot travel as text.
#[derive(Debug)]
pub(crate) struct TextError(String);

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TextError {}

impl ser::Error for TextError {
    fn custom<M: fmt::Display>(message: M) -> Self {
        TextError(message.to_string())
    }
}

struct Texts<'a, F> {
    each: &'a mut F,
    /// Inside an array: one more array or object cannot travel.
    nested: bool,
}

impl<F> Texts<'_, F> {
    fn refuse(&self) -> TextError {
        TextError(if self.nested {
            "nested values cannot travel here".into()
        } else {
            "an object cannot travel here".into()
        })
    }
}

/// A number's text, formatted on the stack.
struct Digits {
    bytes: [u8; 48],
    len: usize,
}

impl Digits {
    fn of(value: impl fmt::Display) -> Digits {
        let mut digits = Digits {
            bytes: [0; 48],
            len: 0,
        };
        // 48 bytes hold every integer up to 128 bits.
        let _ = write!(digits, "{value}");
        digits
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for Digits {
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

macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, v: $ty) -> Result<(), TextError> {
            (self.each)(Digits::of(v).as_str());
            Ok(())
        })*
    };
}

impl<'a, F: FnMut(&str)> ser::Serializer for Texts<'a, F> {
    type Ok = ();
    type Error = TextError;
    type SerializeSeq = Items<'a, F>;
    type SerializeTuple = Items<'a, F>;
    type SerializeTupleStruct = Items<'a, F>;
    type SerializeTupleVariant = Impossible<(), TextError>;
    type SerializeMap = Impossible<(), TextError>;
    type SerializeStruct = Impossible<(), TextError>;
    type SerializeStructVariant = Impossible<(), TextError>;

    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128);

    fn serialize_bool(self, v: bool) -> Result<(), TextError> {
        (self.each)(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), TextError> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), TextError> {
        // As JSON writes it (`1.0`, `1e+20`); a non-finite number is JSON's
        // `null`, which sends nothing.
        if v.is_finite() {
            let text = serde_json::to_string(&v).map_err(|e| TextError(e.to_string()))?;
            (self.each)(&text);
        }
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), TextError> {
        (self.each)(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), TextError> {
        (self.each)(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), TextError> {
        // As a JSON array of numbers.
        let mut items = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            ser::SerializeSeq::serialize_element(&mut items, byte)?;
        }
        ser::SerializeSeq::end(items)
    }

    fn serialize_none(self) -> Result<(), TextError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), TextError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), TextError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), TextError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), TextError> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), TextError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), TextError> {
        Err(self.refuse())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a, F>, TextError> {
        if self.nested {
            return Err(self.refuse());
        }
        Ok(Items { each: self.each })
    }

    fn serialize_tuple(self, len: usize) -> Result<Items<'a, F>, TextError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Items<'a, F>, TextError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, TextError> {
        Err(self.refuse())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, TextError> {
        Err(self.refuse())
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, TextError> {
        Err(self.refuse())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, TextError> {
        Err(self.refuse())
    }
}

/// The items of an array, each one text.
pub(crate) struct Items<'a, F> {
    each: &'a mut F,
}

impl<F: FnMut(&str)> Items<'_, F> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TextError> {
        value.serialize(Texts {
            each: &mut *self.each,
            nested: true,
        })
    }
}

impl<F: FnMut(&str)> ser::SerializeSeq for Items<'_, F> {
    type Ok = ();
    type Error = TextError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TextError> {
        self.item(value)
    }

    fn end(self) -> Result<(), TextError> {
        Ok(())
    }
}

impl<F: FnMut(&str)> ser::SerializeTuple for Items<'_, F> {
    type Ok = ();
    type Error = TextError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TextError> {
        self.item(value)
    }

    fn end(self) -> Result<(), TextError> {
        Ok(())
    }
}

impl<F: FnMut(&str)> ser::SerializeTupleStruct for Items<'_, F> {
    type Ok = ();
    type Error = TextError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TextError> {
        self.item(value)
    }

    fn end(self) -> Result<(), TextError> {
        Ok(())
    }
}

/// RFC 3986's unreserved characters: all that travels unescaped.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str, out: &mut String) {
    out.extend(percent_encoding::utf8_percent_encode(text, UNRESERVED));
}

/// As [`percent_encode`], with the ASCII characters of `also` encoded too
/// even where unreserved (`.` as `%2E`): a path param that shares its
/// segment with another one (`{name}.{ext}`) so keeps the text between
/// them the only place its characters appear raw.
pub fn percent_encode_also(text: &str, also: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii() && also.contains(c)) {
        percent_encode(&rest[..at], out);
        let byte = rest.as_bytes()[at];
        out.push('%');
        out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 0xF)]));
        rest = &rest[at + 1..];
    }
    percent_encode(rest, out);
}

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Percent-decoding to UTF-8; `None` for a bad escape (`%` not followed by
/// two hex digits, which the decoder would keep as it is) or bad UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escapes_ok = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_ok {
        return None;
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// Standard base64, canonical padding required; `None` when malformed.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<T: Serialize + ?Sized>(value: &T) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        each_text(value, |t| out.push(t.to_string()))?;
        Ok(out)
    }

    /// The texts are what the JSON of the value writes for each scalar.
    #[test]
    fn texts_match_json_scalars() {
        assert_eq!(texts(&"a b").unwrap(), ["a b"]);
        assert_eq!(texts(&-12i64).unwrap(), ["-12"]);
        assert_eq!(texts(&u128::MAX).unwrap(), [u128::MAX.to_string()]);
        assert_eq!(texts(&i128::MIN).unwrap(), [i128::MIN.to_string()]);
        assert_eq!(texts(&1.0f64).unwrap(), ["1.0"]);
        assert_eq!(texts(&1e20f64).unwrap(), ["1e+20"]);
        assert_eq!(texts(&0.5f32).unwrap(), ["0.5"]);
        assert!(texts(&f64::NAN).unwrap().is_empty());
        assert_eq!(texts(&true).unwrap(), ["true"]);
        assert_eq!(texts(&'é').unwrap(), ["é"]);
        assert!(texts(&None::<i64>).unwrap().is_empty());
        assert_eq!(
            texts(&Some(vec![Some(1), None, Some(3)])).unwrap(),
            ["1", "3"]
        );
        assert_eq!(texts(&("x", 2)).unwrap(), ["x", "2"]);
    }

    #[test]
    fn objects_and_nested_arrays_are_refused() {
        let map: std::collections::BTreeMap<&str, i32> = [("a", 1)].into();
        assert_eq!(texts(&map).unwrap_err(), "an object cannot travel here");
        assert_eq!(
            texts(&vec![vec![1]]).unwrap_err(),
            "nested values cannot travel here"
        );
        assert_eq!(
            texts(&vec![map]).unwrap_err(),
            "nested values cannot travel here"
        );
    }

    proptest::proptest! {
        /// Against the texts of the value's JSON, as the encoder used to
        /// compute them.
        #[test]
        fn same_texts_as_through_json(ints: Vec<i64>, text in ".*", float in proptest::num::f64::NORMAL) {
            let json = |v: serde_json::Value| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let expected: Vec<String> = ints.iter().map(|i| json((*i).into())).collect();
            proptest::prop_assert_eq!(texts(&ints).unwrap(), expected);
            proptest::prop_assert_eq!(texts(&text).unwrap(), vec![text.clone()]);
            proptest::prop_assert_eq!(texts(&float).unwrap(), vec![json(float.into())]);
        }
    }
}
