//! What a server answered: kept whole when no documented response fits, and
//! typed when one does.

use std::fmt;

/// A response exactly as the server sent it: status, headers and body bytes.
///
/// Carried by every `Response::Unknown` and by decode errors, so nothing a
/// server says is ever lost.
#[derive(Clone, PartialEq)]
pub struct RawResponse {
    status: u16,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

impl RawResponse {
    /// A response from its parts.
    pub fn new(status: u16, headers: http::HeaderMap, body: Vec<u8>) -> Self {
        RawResponse {
            status,
            headers,
            body,
        }
    }

    /// Copies a response of any body type.
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        RawResponse {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.body().as_ref().to_vec(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The headers, exactly as sent.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// The body bytes, exactly as sent.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as text, with invalid UTF-8 replaced (for display only).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The body bytes, taken.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }

    /// The response as it came: status, headers and body.
    pub fn to_http(&self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.body.clone());
        *response.status_mut() = http::StatusCode::from_u16(self.status)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        *response.headers_mut() = self.headers.clone();
        response
    }
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &self.text())
            .finish()
    }
}

/// A documented response that declares no headers: its HTTP status and its
/// body.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<B> {
    /// The HTTP status the server sent.
    pub status: u16,
    /// The decoded body.
    pub body: B,
}

/// One documented response, as a spec lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseSpec {
    /// The response's name (PlanoCore's slug, `action-successful`).
    pub name: &'static str,
    /// Its HTTP status, when the documentation gives one.
    pub code: Option<u16>,
    /// Whether the spec counts it a success.
    pub success: bool,
}

impl ResponseSpec {
    /// A response from its name, code and success flag.
    pub const fn new(name: &'static str, code: Option<u16>, success: bool) -> Self {
        ResponseSpec {
            name,
            code,
            success,
        }
    }
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
        crate::wire::body(self.body)
    }

    /// A reply without declared headers: the status and the decoded body.
    pub fn reply<T: serde::de::DeserializeOwned>(&self) -> Result<Reply<T>, String> {
        Ok(Reply {
            status: self.status,
            body: self.body()?,
        })
    }

    /// A declared header, parsed into its type; `None` when absent.
    pub fn header<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<Option<T>, String> {
        crate::wire::header(self.headers, name)
    }

    /// A declared header the spec marks required.
    pub fn required_header<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        crate::wire::required_header(self.headers, name)
    }
}

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
        crate::server::encode_response(self.status, &self.body, slug)
    }
}

/// A generated `Response` seen by the runtime: which documented response it
/// is (an index into its table) and its reply, or the raw `Unknown`.
pub enum ResponseView<'a> {
    /// The documented response at this index of the table.
    Documented(usize, &'a dyn ReplyParts),
    /// An answer the spec does not document.
    Unknown(&'a RawResponse),
}
