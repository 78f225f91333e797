//! Layer `codec`: `multipart/form-data` bodies, both ways. [`Parts`]
//! writes one, a part per body param (text, a file, JSON); reading one
//! back (the server's side) goes through `multer`, behind the `multipart`
//! feature, into params by wire name.

use serde::Serialize;

use crate::bytes::{Bytes, File};

use super::text::each_text;

/// One part, before the boundary is chosen.
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<&'static str>,
    owned_type: Option<String>,
    body: Vec<u8>,
}

/// The parts of a multipart body, written param by param by generated
/// code; the first error is kept for the finish.
#[derive(Default)]
pub struct Parts {
    parts: Vec<Part>,
    pub(crate) error: Option<String>,
}

/// One file part as a value gives it: its bytes, file name and media type.
pub struct FilePart<'a> {
    /// The bytes, as sent.
    pub bytes: &'a [u8],
    /// The part's `filename`, if the value has one.
    pub file_name: Option<&'a str>,
    /// The part's `Content-Type`, if the value has one.
    pub content_type: Option<&'a str>,
}

/// A value that travels as file parts: a [`File`], [`Bytes`], or an
/// `Option` or `Vec` of them (a `Vec` is a part per item, all of one name).
pub trait FileParts {
    /// Calls `part` with each of its parts.
    fn each_part(&self, part: &mut dyn FnMut(FilePart<'_>));
}

impl FileParts for File {
    fn each_part(&self, part: &mut dyn FnMut(FilePart<'_>)) {
        part(FilePart {
            bytes: &self.bytes,
            file_name: self.file_name.as_deref(),
            content_type: self.content_type.as_deref(),
        });
    }
}

impl FileParts for Bytes {
    fn each_part(&self, part: &mut dyn FnMut(FilePart<'_>)) {
        part(FilePart {
            bytes: self,
            file_name: None,
            content_type: None,
        });
    }
}

impl<T: FileParts> FileParts for Option<T> {
    fn each_part(&self, part: &mut dyn FnMut(FilePart<'_>)) {
        if let Some(value) = self {
            value.each_part(part);
        }
    }
}

impl<T: FileParts> FileParts for Vec<T> {
    fn each_part(&self, part: &mut dyn FnMut(FilePart<'_>)) {
        for value in self {
            value.each_part(part);
        }
    }
}

impl Parts {
    /// A scalar param, or an array of them (a part per item), as text
    /// parts; `None` is left out.
    pub fn text<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let parts = &mut self.parts;
        let written = each_text(value, |text| {
            parts.push(Part {
                name: name.to_string(),
                file_name: None,
                content_type: None,
                owned_type: None,
                body: text.as_bytes().to_vec(),
            })
        });
        if let Err(why) = written {
            self.error
                .get_or_insert(format!("the part `{name}`: {why}"));
        }
    }

    /// A `file` or `bytes` param, or an array of them: a part each, with
    /// its file name and media type (`application/octet-stream` when it
    /// has none). A part with no file name is sent with the param's name as
    /// one: servers (Werkzeug, Django) read a part without a
    /// `filename` as a text field, not a file.
    pub fn file<T: FileParts + ?Sized>(&mut self, name: &str, value: &T) {
        value.each_part(&mut |part| {
            self.parts.push(Part {
                name: name.to_string(),
                file_name: Some(part.file_name.unwrap_or(name).to_string()),
                content_type: part
                    .content_type
                    .is_none()
                    .then_some("application/octet-stream"),
                owned_type: part.content_type.map(str::to_string),
                body: part.bytes.to_vec(),
            })
        });
    }

    /// Any other param (an object, a map, a list of objects) as one JSON
    /// part; `None` is left out.
    pub fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: Option<&T>) {
        let Some(value) = value else { return };
        match serde_json::to_vec(value) {
            Ok(body) => self.parts.push(Part {
                name: name.to_string(),
                file_name: None,
                content_type: Some("application/json"),
                owned_type: None,
                body,
            }),
            Err(e) => {
                self.error.get_or_insert(format!("the part `{name}`: {e}"));
            }
        }
    }

    /// The body and its `Content-Type`, with a boundary no part holds.
    pub(crate) fn finish(self) -> (Vec<u8>, String) {
        let boundary = boundary(&self.parts);
        let size: usize = self.parts.iter().map(|p| p.body.len() + 128).sum();
        let mut out = Vec::with_capacity(size + boundary.len() + 8);
        for part in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
            quoted(&part.name, &mut out);
            out.push(b'"');
            if let Some(file_name) = &part.file_name {
                out.extend_from_slice(b"; filename=\"");
                quoted(file_name, &mut out);
                out.push(b'"');
            }
            out.extend_from_slice(b"\r\n");
            if let Some(media) = part.owned_type.as_deref().or(part.content_type) {
                out.extend_from_slice(b"Content-Type: ");
                // A media type with a line break would end the part's head.
                out.extend(media.bytes().filter(|b| !matches!(b, b'\r' | b'\n')));
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&part.body);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        (out, format!("multipart/form-data; boundary={boundary}"))
    }
}

/// A name or file name inside quotes, as browsers write it (the WHATWG
/// HTML standard): `"`, CR and LF percent-encoded.
fn quoted(text: &str, out: &mut Vec<u8>) {
    for b in text.bytes() {
        match b {
            b'"' => out.extend_from_slice(b"%22"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            b => out.push(b),
        }
    }
}

/// A name or file name as [`quoted`] wrote it, read back.
#[cfg(feature = "multipart")]
fn unquoted(text: &str) -> String {
    text.replace("%22", "\"")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
}

/// A boundary that appears in no part: random-looking, and checked.
fn boundary(parts: &[Part]) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        // A 64-bit mix (splitmix64) of the time and a counter.
        let mut x = nanos ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
        let candidate = format!("endpoints-{x:016x}{n:08x}");
        let held = parts.iter().any(|p| {
            p.body
                .windows(candidate.len())
                .any(|w| w == candidate.as_bytes())
        });
        if !held {
            return candidate;
        }
    }
}

/// The server's side: a multipart body into params by wire name. A part
/// of a `file` param becomes a `File`'s JSON form, of a `bytes` param its
/// base64, of a scalar its text read by the param's kind, of anything else
/// its JSON. Parts no param names are left out.
#[cfg(feature = "multipart")]
pub(crate) fn read_multipart(
    body: &[u8],
    content_type: Option<&str>,
    params: &[crate::spec::ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, crate::error::RequestError> {
    use crate::error::RequestError;
    use crate::spec::{In, WireKind};
    use serde_json::Value;

    let boundary = content_type
        .and_then(|ct| multer::parse_boundary(ct).ok())
        .ok_or_else(|| RequestError::Body {
            message: "the body is not `multipart/form-data` with a boundary".into(),
        })?;
    let chunk = bytes::Bytes::copy_from_slice(body);
    let stream = futures_util::stream::once(std::future::ready(Ok::<_, std::io::Error>(chunk)));
    let mut multipart = multer::Multipart::new(stream, boundary);
    let body_error = |e: multer::Error| RequestError::Body {
        message: format!("the multipart body cannot be read: {e}"),
    };
    let mut object = serde_json::Map::new();
    let stalled = || RequestError::Body {
        message: "the multipart body cannot be read: the parser stalled".into(),
    };
    while let Some(field) = ready(multipart.next_field())
        .ok_or_else(stalled)?
        .map_err(body_error)?
    {
        let name = unquoted(field.name().unwrap_or(""));
        let file_name = field.file_name().map(unquoted);
        let media = field.content_type().map(ToString::to_string);
        let data = ready(field.bytes())
            .ok_or_else(stalled)?
            .map_err(body_error)?;
        let Some(param) = params
            .iter()
            .find(|p| p.location == In::Body && p.name == name)
        else {
            continue;
        };
        let (kind, many) = match param.kind {
            WireKind::List(item) => (*item, true),
            kind => (kind, false),
        };
        let malformed = |message: String| RequestError::Malformed {
            param: name.clone(),
            message,
        };
        let value = match kind {
            WireKind::File => serde_json::to_value(File {
                bytes: Bytes(data.to_vec()),
                file_name,
                content_type: media,
            })
            .map_err(|e| malformed(e.to_string()))?,
            WireKind::Bytes => Value::String(super::text::base64_encode(&data)),
            WireKind::Other | WireKind::Map(_) | WireKind::Object(_) | WireKind::Union(_) => {
                let rewritten = super::json::integers_written_whole(&data);
                serde_json::from_slice(rewritten.as_deref().unwrap_or(&data))
                    .map_err(|e| malformed(format!("the part is not JSON: {e}")))?
            }
            kind => {
                let text = std::str::from_utf8(&data)
                    .map_err(|_| malformed("the part is not UTF-8 text".into()))?;
                super::request::scalar(&name, kind, text)?
            }
        };
        match object.get_mut(&name) {
            Some(Value::Array(items)) if many => items.push(value),
            Some(_) => return Err(malformed("sent more than once".into())),
            None if many => {
                object.insert(name.clone(), Value::Array(vec![value]));
            }
            None => {
                object.insert(name.clone(), value);
            }
        }
    }
    Ok(object)
}

/// The output of a future whose input is all at hand (a body in memory):
/// polled, never waited on; `None` if it does not finish.
#[cfg(feature = "multipart")]
fn ready<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    // Every byte is there: a parser that is not done after this many polls
    // never will be.
    for _ in 0..1024 {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
    }
    None
}
