//! Layer `values` (beside `nullable`): [`Bytes`], a spec's `bytes`: raw
//! bytes in Rust, standard base64 with padding on the wire, in JSON, forms,
//! queries and headers alike. Read leniently: padding optional, either
//! alphabet (`+/` or `-_`), line breaks ignored, as servers write it.
//! And [`File`], a spec's `file`: a multipart part's bytes, name and type.

use std::fmt;

use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A spec's `bytes` (`"type": "bytes"`, OpenAPI's `format: byte`): the
/// bytes themselves here, their base64 text on the wire. Its `Debug`
/// shows the length, never the bytes (they may be a photo, or a secret).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    /// The number of bytes (what `min_length` and `max_length` count).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes(bytes)
    }
}

impl From<&[u8]> for Bytes {
    fn from(bytes: &[u8]) -> Self {
        Bytes(bytes.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for Bytes {
    fn from(bytes: &[u8; N]) -> Self {
        Bytes(bytes.to_vec())
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes({} bytes)", self.0.len())
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Base64;

        impl serde::de::Visitor<'_> for Base64 {
            type Value = Bytes;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("base64 text (standard alphabet, with padding)")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Bytes, E> {
                decode(text)
                    .map(Bytes)
                    // Never the text itself: it may be a secret.
                    .ok_or_else(|| E::custom("the text is not base64"))
            }
        }

        deserializer.deserialize_str(Base64)
    }
}

impl crate::validate::Validate for Bytes {
    fn validate_into(
        &self,
        _: &crate::validate::Path<'_>,
        _: &mut crate::validate::ValidationErrors,
    ) {
    }
}

/// Base64 as servers write it: either alphabet, padding or not, line
/// breaks and spaces ignored.
fn decode(text: &str) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurposeConfig =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let engine = if compact.contains(['-', '_']) {
        &URL_SAFE
    } else {
        &STANDARD
    };
    engine.decode(compact).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_on_the_wire_bytes_in_rust() {
        let bytes = Bytes::from(b"\xff\xd8\xff\xe0jpeg");
        let json = serde_json::to_string(&bytes).unwrap();
        assert_eq!(json, r#""/9j/4GpwZWc=""#);
        assert_eq!(serde_json::from_str::<Bytes>(&json).unwrap(), bytes);
        assert_eq!(format!("{bytes:?}"), "Bytes(8 bytes)");
        // Read as servers write it: unpadded, URL-safe, wrapped.
        for written in [
            r#""/9j/4GpwZWc""#,
            r#""_9j_4GpwZWc=""#,
            r#""/9j/\n4Gpw ZWc=""#,
        ] {
            assert_eq!(
                serde_json::from_str::<Bytes>(written).unwrap(),
                bytes,
                "{written}"
            );
        }
        let bad = serde_json::from_str::<Bytes>(r#""not base64!""#).unwrap_err();
        assert!(!bad.to_string().contains("not base64!"), "{bad}");
        assert!(serde_json::from_str::<Bytes>("12").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_round_trip(raw: Vec<u8>) {
            let bytes = Bytes(raw);
            let json = serde_json::to_string(&bytes).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<Bytes>(&json).unwrap(), bytes);
        }
    }
}

/// A spec's `file` (`"type": "file"`, a part of a `multipart` body): the
/// bytes, with the file name and media type the part declares. Its `Debug`
/// shows name, type and length, never the bytes.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct File {
    /// The file's bytes, exactly as sent.
    pub bytes: Bytes,
    /// The part's `filename`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The part's `Content-Type`; sent as `application/octet-stream` when
    /// `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
}

impl File {
    /// A file of these bytes, with no name or type yet.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        File {
            bytes: Bytes(bytes.into()),
            file_name: None,
            content_type: None,
        }
    }

    /// The name the part gives it (`photo.jpg`).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Its media type (`image/jpeg`).
    pub fn content_type(mut self, media_type: impl Into<String>) -> Self {
        self.content_type = Some(media_type.into());
        self
    }
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("File")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("bytes", &self.bytes)
            .finish()
    }
}

impl crate::validate::Validate for File {
    fn validate_into(
        &self,
        _: &crate::validate::Path<'_>,
        _: &mut crate::validate::ValidationErrors,
    ) {
    }
}
