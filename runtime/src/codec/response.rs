//! Layer `codec`: a response on the wire, both ways. Which documented
//! response an answer is (by the table), the borrowed view generated
//! decoders read from, declared headers, and writing a documented response
//! as the API would (for servers and fakes).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::RawResponse;
use crate::spec::{Fallback, ResponseSpec};

use super::json::body;
use super::stream::{decode_events, decode_lines, write_events, write_lines, Event};

/// A documented response that declares no headers: its HTTP status and its
/// body.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<B> {
    /// The HTTP status the server sent.
    pub status: u16,
    /// The decoded body.
    pub body: B,
}

/// A response as received, borrowed: what generated decoders read from.
#[derive(Debug, Clone, Copy)]
pub struct Received<'a> {
    /// The HTTP status.
    pub status: u16,
    /// The headers.
    pub headers: &'a http::HeaderMap,
    /// The body bytes.
    pub body: &'a [u8],
}

impl Received<'_> {
    /// The body, decoded; an empty body reads as `null`.
    pub fn body<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        body(self.body)
    }

    /// A reply without declared headers: the status and the decoded body.
    pub fn reply<T: serde::de::DeserializeOwned>(&self) -> Result<Reply<T>, String> {
        Ok(Reply {
            status: self.status,
            body: self.body()?,
        })
    }

    /// The body kept as text, never parsed (a `text` response: plain
    /// text, XML); a body that is not UTF-8 does not fit.
    pub fn text(&self) -> Result<Text, String> {
        let text =
            std::str::from_utf8(self.body).map_err(|_| "the body is not UTF-8 text".to_string())?;
        Ok(Text {
            content_type: self.content_type(),
            text: text.to_string(),
        })
    }

    /// The body kept as bytes, with its content type (a `binary`
    /// response: an image, a PDF).
    pub fn binary(&self) -> Binary {
        Binary {
            content_type: self.content_type(),
            bytes: self.body.to_vec(),
        }
    }

    /// A `text` reply without declared headers.
    pub fn text_reply(&self) -> Result<Reply<Text>, String> {
        Ok(Reply {
            status: self.status,
            body: self.text()?,
        })
    }

    /// A `binary` reply without declared headers.
    pub fn binary_reply(&self) -> Result<Reply<Binary>, String> {
        Ok(Reply {
            status: self.status,
            body: self.binary(),
        })
    }

    /// The body as server-sent events, each typed (`text`: the data kept
    /// as text, not parsed as JSON).
    pub fn events<T: DeserializeOwned>(&self, text: bool) -> Result<Vec<Event<T>>, String> {
        decode_events(self.body, text)
    }

    /// The body as JSON lines, each typed.
    pub fn lines<T: DeserializeOwned>(&self) -> Result<Vec<T>, String> {
        decode_lines(self.body)
    }

    fn content_type(&self) -> Option<String> {
        self.headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// A declared header, parsed into its type; `None` when absent.
    pub fn header<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<Option<T>, String> {
        header(self.headers, name)
    }

    /// A declared header the spec marks required.
    pub fn required_header<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        required_header(self.headers, name)
    }

    /// A declared header that is a list; `None` when absent.
    pub fn header_list<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Option<Vec<T>>, String> {
        header_list(self.headers, name)
    }

    /// A declared header that is a list, which the spec marks required.
    pub fn required_header_list<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Vec<T>, String> {
        header_list(self.headers, name)?
            .ok_or_else(|| format!("the required header `{name}` is missing"))
    }
}

/// How one documented response decodes from what was received into the
/// generated `Response` enum: an entry of `EndpointResponse::DECODE`.
pub type Decode<R> = fn(Received<'_>) -> Result<R, String>;

/// What a documented reply offers whatever its body: generated `Response`
/// enums hand their replies to the runtime as `&dyn ReplyParts`, so naming,
/// status and encoding are written once, here.
pub trait ReplyParts {
    /// The HTTP status the server sent.
    fn status(&self) -> u16;
    /// The reply on the wire; `slug` is the status field and name to write
    /// into the body, for APIs that name responses there.
    fn to_http(&self, slug: Option<(&str, &str)>) -> http::Response<Vec<u8>>;
}

impl<B: serde::Serialize> ReplyParts for Reply<B> {
    fn status(&self) -> u16 {
        self.status
    }

    fn to_http(&self, slug: Option<(&str, &str)>) -> http::Response<Vec<u8>> {
        encode_response(self.status, &self.body, slug)
    }
}

/// A response body kept as text, never parsed as JSON: a `text`
/// response's (`text/plain`, XML, CSV).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The `Content-Type` the server sent, if any.
    pub content_type: Option<String>,
    /// The body.
    pub text: String,
}

/// A response body kept as bytes, with its content type: a `binary`
/// response's (an image, a PDF, an archive).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Binary {
    /// The `Content-Type` the server sent, if any.
    pub content_type: Option<String>,
    /// The body, exactly as sent.
    pub bytes: Vec<u8>,
}

impl ReplyParts for Reply<Text> {
    fn status(&self) -> u16 {
        self.status
    }

    fn to_http(&self, _: Option<(&str, &str)>) -> http::Response<Vec<u8>> {
        encode_text(self.status, &self.body)
    }
}

impl ReplyParts for Reply<Binary> {
    fn status(&self) -> u16 {
        self.status
    }

    fn to_http(&self, _: Option<(&str, &str)>) -> http::Response<Vec<u8>> {
        encode_binary(self.status, &self.body)
    }
}

/// Writes a `text` response: the text as its body, of its own content
/// type if it has one (else the spec's, added by `to_http_response`).
pub fn encode_text(status: u16, body: &Text) -> http::Response<Vec<u8>> {
    raw_response(
        status,
        body.text.as_bytes().to_vec(),
        body.content_type.as_deref(),
    )
}

/// Writes a `binary` response: the bytes as its body, of their own
/// content type if they have one (else the spec's).
pub fn encode_binary(status: u16, body: &Binary) -> http::Response<Vec<u8>> {
    raw_response(status, body.bytes.clone(), body.content_type.as_deref())
}

/// Writes a stream of server-sent events, whole (the spec's content type
/// is added by `to_http_response`).
pub fn encode_events<T: Serialize>(
    status: u16,
    events: &[Event<T>],
    text: bool,
) -> http::Response<Vec<u8>> {
    raw_response(status, write_events(events, text), None)
}

/// Writes a stream of JSON lines, whole.
pub fn encode_lines<T: Serialize>(status: u16, items: &[T]) -> http::Response<Vec<u8>> {
    raw_response(status, write_lines(items), None)
}

/// A response of `status` with `body` as its bytes, of `content_type`.
fn raw_response(status: u16, body: Vec<u8>, content_type: Option<&str>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(Ok(value)) = content_type.map(http::HeaderValue::from_str) {
        response
            .headers_mut()
            .insert(http::header::CONTENT_TYPE, value);
    }
    response
}

/// A generated `Response` seen by the runtime: which documented response it
/// is (an index into its table) and its reply, or the raw `Unknown`.
pub enum ResponseView<'a> {
    /// The documented response at this index of the table.
    Documented(usize, &'a dyn ReplyParts),
    /// An answer the spec does not document.
    Unknown(&'a RawResponse),
}
/// Which documented response a server's answer is, by SPEC_FORMAT.md's
/// rules: the body's status slug first, then a code only one response has.
/// `table` lists each response's name and code.
///
/// A body that names a status the spec does not know is not matched by its
/// code: `{"status": "new-slug"}` under HTTP 200 is news from the server, not
/// the documented 200, so it stays `Unknown`.
///
/// Without a slug: the one response with the exact code, else the one
/// standing for the status's class (`4XX`), else the `default` one; where
/// two could be meant, none is (`Unknown` keeps the answer whole).
pub fn dispatch(status: u16, slug: Option<&str>, table: &[ResponseSpec]) -> Option<usize> {
    if let Some(slug) = slug {
        return table.iter().position(|r| r.name == slug);
    }
    let class = u8::try_from(status / 100).ok().map(Fallback::Class);
    let tiers: [&dyn Fn(&ResponseSpec) -> bool; 3] = [
        &|r| r.code == Some(status),
        &|r| class.is_some() && r.fallback == class,
        &|r| r.fallback == Some(Fallback::Default),
    ];
    // The first tier with any candidate decides: one is that response,
    // two are ambiguous (never passed on to a broader tier).
    for fits in tiers {
        let mut matching = table.iter().enumerate().filter(|(_, r)| fits(r));
        match (matching.next(), matching.next()) {
            (None, _) => continue,
            (Some((i, _)), None) => return Some(i),
            (Some(_), Some(_)) => return None,
        }
    }
    None
}

/// A declared response header, parsed into its type.
pub fn header<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<Option<T>, String> {
    let Some(value) = headers.get(name) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| format!("the header `{name}` is not visible ASCII"))?;
    from_text(name, text).map(Some)
}

/// A header's text (or a list's item) as its type: a string as it is,
/// any other scalar as the JSON it reads as.
fn from_text<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    let as_str =
        T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text));
    match as_str {
        Ok(v) => Ok(v),
        Err(_) => serde_json::from_str(text)
            .map_err(|_| format!("the header `{name}` does not fit its type")),
    }
}

/// A declared response header that is a list: every line of it, split at
/// its commas, spaces around an item dropped and empty items none (RFC
/// 9110's list syntax); `None` when absent.
pub fn header_list<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<Option<Vec<T>>, String> {
    let mut lines = headers.get_all(name).iter().peekable();
    if lines.peek().is_none() {
        return Ok(None);
    }
    let mut items = Vec::new();
    for line in lines {
        let text = line
            .to_str()
            .map_err(|_| format!("the header `{name}` is not visible ASCII"))?;
        for item in text.split(',').map(|i| i.trim_matches([' ', '\t'])) {
            if !item.is_empty() {
                items.push(from_text(name, item)?);
            }
        }
    }
    Ok(Some(items))
}

/// A declared response header that the spec marks required.
pub fn required_header<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<T, String> {
    header(headers, name)?.ok_or_else(|| format!("the required header `{name}` is missing"))
}

/// Writes a documented response: status, body as JSON (nothing for `null`),
/// and the status slug into the body for APIs that name responses there.
pub fn encode_response<T: Serialize>(
    status: u16,
    body: &T,
    slug: Option<(&str, &str)>,
) -> http::Response<Vec<u8>> {
    let mut value = match serde_json::to_value(body) {
        Ok(value) => value,
        Err(e) => {
            let message = format!("the response body could not be encoded: {e}");
            return json_response(500, &serde_json::json!({ "error": message }).to_string());
        }
    };
    if let (Some((field, name)), serde_json::Value::Object(members)) = (slug, &mut value) {
        members.insert(field.to_string(), name.into());
    }
    let bytes = if value.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&value).unwrap_or_default()
    };
    let mut response = http::Response::new(bytes);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if !value.is_null() {
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
    }
    response
}

/// A response with a JSON body.
pub fn json_response(status: u16, body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.as_bytes().to_vec());
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

/// Sets a declared response header that is a list: its items' texts
/// joined by commas in one line (`None` and an empty list leave it out).
/// An item's own comma would read back as two items: the API's page says
/// whether its items may hold one.
pub fn set_header_list<T: Serialize + ?Sized>(
    response: &mut http::Response<Vec<u8>>,
    name: &'static str,
    value: &T,
) {
    let Ok(serde_json::Value::Array(items)) = serde_json::to_value(value) else {
        return;
    };
    let texts: Vec<String> = items
        .into_iter()
        .map(|item| match item {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
        .collect();
    if texts.is_empty() {
        return;
    }
    if let (Ok(name), Ok(value)) = (
        http::HeaderName::from_bytes(name.as_bytes()),
        http::HeaderValue::from_str(&texts.join(",")),
    ) {
        response.headers_mut().insert(name, value);
    }
}

/// Sets a declared response header from its value (`None` leaves it out).
pub fn set_header<T: Serialize + ?Sized>(
    response: &mut http::Response<Vec<u8>>,
    name: &'static str,
    value: &T,
) {
    let text = match serde_json::to_value(value) {
        Ok(serde_json::Value::Null) | Err(_) => return,
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
    };
    if let (Ok(name), Ok(value)) = (
        http::HeaderName::from_bytes(name.as_bytes()),
        http::HeaderValue::from_str(&text),
    ) {
        response.headers_mut().insert(name, value);
    }
}
