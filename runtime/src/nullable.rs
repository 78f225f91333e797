//! Layer `values` (beside `validate`): [`Nullable`], a field that may be left out, sent as `null`, or sent with
//! a value, three states that `Option` folds into two.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Path, Validate, ValidationErrors};

/// An optional field the spec marks `nullable`: the wire tells apart a
/// field left out, a field sent as `null` and a field with a value (a
/// `PATCH` that clears a value versus one that leaves it alone).
///
/// In a struct, serde leaves an `Absent` field out and reads a missing key
/// as `Absent` (generated code marks such fields
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`).
///
/// ```
/// use endpoints_runtime::Nullable;
///
/// let cleared: Nullable<String> = Nullable::Null;
/// assert_eq!(serde_json::to_string(&cleared).unwrap(), "null");
/// let set: Nullable<String> = "Carry".into();
/// // An `Option` says which `None` it means.
/// assert_eq!(Nullable::<i64>::null_if_none(None), Nullable::Null);
/// assert_eq!(Nullable::<i64>::absent_if_none(None), Nullable::Absent);
/// assert_eq!(set.as_value().map(String::as_str), Some("Carry"));
/// assert!(Nullable::<i64>::default().is_absent());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// Left out of the request or response.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent with this value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the field is sent as `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, if there is one, by value.
    pub fn into_value(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// A value, or `null` for `None`: "set it, or clear it". There is no
    /// `From<Option<T>>`, because `None` could as well mean "leave it
    /// alone" ([`absent_if_none`](Self::absent_if_none)); say which.
    pub fn null_if_none(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }

    /// A value, or left out for `None`: "set it, or leave it alone".
    pub fn absent_if_none(value: Option<T>) -> Self {
        value.map_or(Nullable::Absent, Nullable::Value)
    }

    /// `Nullable<&T>`, borrowing the value.
    pub fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// The value mapped by `f`; `Absent` and `Null` stay.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nullable<U> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(f(v)),
        }
    }

    /// `Absent` as `None`; `Null` as `Some(None)`; a value as `Some(Some(v))`.
    pub fn into_option(self) -> Option<Option<T>> {
        match self {
            Nullable::Absent => None,
            Nullable::Null => Some(None),
            Nullable::Value(v) => Some(Some(v)),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl From<&str> for Nullable<String> {
    fn from(value: &str) -> Self {
        Nullable::Value(value.to_string())
    }
}

/// `Absent` serializes as `null` when serialized alone; in a struct it is
/// skipped, so it never reaches the wire.
impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(s),
            Nullable::Absent | Nullable::Null => s.serialize_none(),
        }
    }
}

/// `null` reads as `Null`, anything else as a value; a missing key reads as
/// `Absent` through `#[serde(default)]`.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Nullable::null_if_none(Option::<T>::deserialize(d)?))
    }
}

impl<T: Validate> Validate for Nullable<T> {
    fn validate_into(&self, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Nullable::Value(v) = self {
            v.validate_into(path, errors);
        }
    }
}

/// A field that may be left out of a body: `Option`'s `None`, `Nullable`'s
/// `Absent`. For generated code; implemented for those two only.
#[doc(hidden)]
pub trait MaybeAbsent: Serialize + sealed::Sealed {
    /// Whether the field is left out.
    fn is_absent(&self) -> bool;
}

impl<T: Serialize> MaybeAbsent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: Serialize> MaybeAbsent for Nullable<T> {
    fn is_absent(&self) -> bool {
        Nullable::is_absent(self)
    }
}

mod sealed {
    pub trait Sealed {}
    impl<T> Sealed for Option<T> {}
    impl<T> Sealed for super::Nullable<T> {}
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        middle_name: Nullable<String>,
    }

    #[test]
    fn three_states_round_trip_through_a_struct() {
        for (value, text) in [
            (Nullable::Absent, "{}"),
            (Nullable::Null, r#"{"middle_name":null}"#),
            (Nullable::Value("Q".to_string()), r#"{"middle_name":"Q"}"#),
        ] {
            let patch = Patch { middle_name: value };
            assert_eq!(serde_json::to_string(&patch).unwrap(), text);
            assert_eq!(serde_json::from_str::<Patch>(text).unwrap(), patch);
        }
    }

    #[test]
    fn conversions_say_what_they_mean() {
        assert_eq!(Nullable::null_if_none(Some(3)), Nullable::Value(3));
        assert_eq!(Nullable::<i32>::null_if_none(None), Nullable::Null);
        assert_eq!(Nullable::<i32>::absent_if_none(None), Nullable::Absent);
        assert_eq!(Nullable::Value(2).map(|v| v * 2), Nullable::Value(4));
        assert_eq!(Nullable::<i32>::Null.as_ref(), Nullable::Null);
        assert_eq!(Nullable::from("x"), Nullable::Value("x".to_string()));
        assert_eq!(Nullable::Value(1).into_option(), Some(Some(1)));
        assert_eq!(Nullable::<i32>::Null.into_option(), Some(None));
        assert_eq!(Nullable::<i32>::Absent.into_option(), None);
    }
}
