//! Layer `codec`: reading a union (`"type": "union"`). The value is read
//! once into JSON, then into the member its tag names, or into the first
//! member that fits, in spec order; a value no member takes is kept whole,
//! so a server's new kind of value never fails decoding. Writing needs no
//! help: a union writes the member it holds, as is.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::json::without_values;

/// A union's value as read, before a member is chosen. Generated
/// `Deserialize` impls read one, then ask it for a member per variant.
#[derive(Debug)]
pub struct UnionValue(serde_json::Value);

impl UnionValue {
    /// Reads the whole value.
    #[inline]
    pub fn read<'de, D: Deserializer<'de>>(d: D) -> Result<UnionValue, D::Error> {
        serde_json::Value::deserialize(d).map(UnionValue)
    }

    /// The string at `field` of an object: a tagged union's tag. `None`
    /// for a value that is not an object, or whose tag is absent or not a
    /// string.
    #[inline]
    pub fn tag(&self, field: &str) -> Option<&str> {
        self.0.get(field)?.as_str()
    }

    /// Whether the value is an object without `field`, or with it `null`:
    /// where a union's members may leave their tag out, such a value is
    /// the first member it fits. (Not an array: serde would read one as a
    /// member's fields in order, tag and all.)
    #[inline]
    pub fn lacks(&self, field: &str) -> bool {
        self.0
            .as_object()
            .is_some_and(|o| o.get(field).is_none_or(serde_json::Value::is_null))
    }

    /// The value as the member a tag names: a value that does not fit the
    /// member it names is an error, not another member.
    pub fn member<T: DeserializeOwned, E: serde::de::Error>(&self) -> Result<T, E> {
        T::deserialize(&self.0).map_err(|e| E::custom(without_values(&e.to_string())))
    }

    /// The value as a member of an untagged union, if it fits.
    #[inline]
    pub fn fits<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(&self.0).ok()
    }

    /// The value as a string member of an untagged union that tells its
    /// strings apart by `format`, if it is a string of that format.
    #[inline]
    pub fn fits_format<T: DeserializeOwned>(&self, format: crate::validate::Format) -> Option<T> {
        match self.0.as_str() {
            Some(text) if format.accepts(text) => self.fits(),
            _ => None,
        }
    }

    /// The value as a member of an untagged union whose fields listed in
    /// `fixed` each hold one value (a `values` of one: JSON:API's `type`,
    /// Stripe's `object` or `deleted: true`), if it fits: a value holding
    /// another value there is not that member, whatever else fits. An
    /// absent or `null` field is left to the member's own reading (which
    /// refuses it where the field is required).
    pub fn fits_holding<T: DeserializeOwned>(&self, fixed: &[(&str, Fixed)]) -> Option<T> {
        let holds = fixed
            .iter()
            .all(|(field, want)| match (self.0.get(*field), want) {
                (None | Some(serde_json::Value::Null), _) => true,
                (Some(serde_json::Value::String(s)), Fixed::Text(t)) => s == t,
                (Some(serde_json::Value::Bool(b)), Fixed::Bool(w)) => b == w,
                _ => false,
            });
        if holds {
            self.fits()
        } else {
            None
        }
    }

    /// The value itself, for the union's `Other`.
    #[inline]
    pub fn into_value(self) -> serde_json::Value {
        self.0
    }
}

/// The one value a member's field holds, for [`UnionValue::fits_holding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    /// A string of one value.
    Text(&'static str),
    /// A boolean of one value.
    Bool(bool),
}

/// Reports a union's `Other` in a request: a value none of its members
/// (`members`: tag values, or the members' names) describes.
#[inline]
pub fn check_member(
    path: &crate::validate::Path<'_>,
    members: &'static [&'static str],
    errors: &mut crate::validate::ValidationErrors,
) {
    errors.push(path, crate::validate::Rule::Member { members });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Cat {
        kind: String,
        lives: i64,
    }

    fn read(text: &str) -> UnionValue {
        let mut de = serde_json::Deserializer::from_str(text);
        UnionValue::read(&mut de).unwrap()
    }

    #[test]
    fn the_tag_is_read_only_from_an_object_string() {
        assert_eq!(read(r#"{"kind":"cat"}"#).tag("kind"), Some("cat"));
        assert_eq!(read(r#"{"kind":5}"#).tag("kind"), None);
        assert_eq!(read(r#"["kind"]"#).tag("kind"), None);
        assert_eq!(read(r#"{}"#).tag("kind"), None);
    }

    #[test]
    fn a_member_that_does_not_fit_is_an_error_without_the_value() {
        let value = read(r#"{"kind":"cat","lives":"nine-secret"}"#);
        let err = value.member::<Cat, serde_json::Error>().unwrap_err();
        assert!(!err.to_string().contains("nine-secret"), "{err}");
        assert!(err.to_string().contains("expected i64"), "{err}");
        let cat: Cat = read(r#"{"kind":"cat","lives":9}"#)
            .member::<_, serde_json::Error>()
            .unwrap();
        assert_eq!(cat.lives, 9);
    }

    #[test]
    fn fits_tries_without_failing_and_other_keeps_the_value() {
        let value = read(r#"{"kind":"dog"}"#);
        assert_eq!(value.fits::<Cat>(), None);
        assert_eq!(value.fits::<i64>(), None);
        assert_eq!(value.into_value(), serde_json::json!({"kind": "dog"}));
        assert_eq!(read("7").fits::<i64>(), Some(7));
    }

    #[test]
    fn a_field_of_one_value_tells_members_apart() {
        let cat = [("kind", Fixed::Text("cat"))];
        let value = read(r#"{"kind":"dog","lives":9}"#);
        assert_eq!(value.fits::<Cat>().map(|c| c.lives), Some(9));
        assert_eq!(value.fits_holding::<Cat>(&cat), None);
        let cat_value = read(r#"{"kind":"cat","lives":9}"#);
        assert_eq!(
            cat_value.fits_holding::<Cat>(&cat).map(|c| c.lives),
            Some(9)
        );
        // Another kind of JSON there is not the value either.
        let alive = [("alive", Fixed::Bool(true))];
        assert_eq!(
            read(r#"{"kind":"cat","lives":9,"alive":"yes"}"#).fits_holding::<Cat>(&alive),
            None
        );
        assert_eq!(
            read(r#"{"kind":"cat","lives":9,"alive":false}"#).fits_holding::<Cat>(&alive),
            None
        );
        // Absent or null: the member's own reading decides.
        assert!(read(r#"{"kind":"cat","lives":9,"alive":null}"#)
            .fits_holding::<Cat>(&alive)
            .is_some());
        assert!(read(r#"{"lives":9}"#).fits_holding::<Cat>(&cat).is_none());
    }
}
