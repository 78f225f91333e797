//! Layer `error`: everything that can go wrong between a request and its
//! typed response, on either side, and the raw response errors keep.
//! Above `spec` and `validate`; below `codec`.

use std::fmt;

use crate::spec::{In, Refusals};
use crate::validate::{counted, ValidationErrors};

/// Why a request did not produce a typed response.
///
/// No variant ever holds a `sensitive` value: validation errors name rules
/// and limits, never values, and requests are not kept.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request breaks rules of its spec; it was not sent.
    Validation(ValidationErrors),
    /// The request could not be turned into HTTP (a malformed base URL, a
    /// header value with a line break, a value serde refused).
    Encode(String),
    /// No connection could be made: the request was not sent, so it is
    /// safe to send again whatever its method (a retry policy does).
    Connect(Box<dyn std::error::Error + Send + Sync>),
    /// The connection failed or broke before a whole response came back.
    Transport(Box<dyn std::error::Error + Send + Sync>),
    /// No whole response came back in time.
    Timeout,
    /// The response body was larger than the client accepts.
    BodyTooLarge {
        /// The client's limit, in bytes.
        limit: usize,
    },
    /// The server answered with a documented response whose body or headers
    /// do not fit the spec. The whole response is kept.
    Decode(Box<DecodeError>),
    /// A walk over pages could not go on: a page that is not a success (in
    /// a walk over items), a body without its items, a server that repeats
    /// a cursor, a link or the same items.
    Pages(Box<PageError>),
    /// One item of a stream (a server-sent event, a JSON line) does not
    /// fit the item type its spec declares. The item's raw text is kept,
    /// and the stream goes on after it.
    Event(Box<EventError>),
    /// A streamed upload's body (an [`Upload`](crate::Upload) from a file,
    /// a reader or a stream) could not be sent whole: it broke a rule of
    /// its param as it was read, reading it failed, or it could not be
    /// read at all. The server never received a whole body.
    Upload(Box<UploadError>),
}

/// Why a streamed upload's body could not be sent whole.
#[derive(Debug)]
#[non_exhaustive]
pub enum UploadError {
    /// The body passed its param's `max_length` as it was read: the
    /// upload stopped there, before a byte more was sent.
    TooLong {
        /// The param's wire name.
        param: &'static str,
        /// Its `max_length`, in bytes.
        max: u64,
    },
    /// The body ended short of its param's `min_length`; the upload was
    /// cut off before its end, so the server never received it whole.
    TooShort {
        /// The param's wire name.
        param: &'static str,
        /// Its `min_length`, in bytes.
        min: u64,
        /// The bytes the body had.
        actual: u64,
    },
    /// The body ended short of the length it was given
    /// (`Upload::reader(…, Some(n))`, `Upload::stream(…, Some(n))`, or a
    /// file that shrank); the upload was cut off before its end. (Bytes
    /// past the length are not read: that many bytes are the body.)
    Length {
        /// The length it was given.
        expected: u64,
        /// The bytes it had.
        actual: u64,
    },
    /// Reading the body failed: the file, the reader or the stream gave
    /// this error.
    Read(Box<dyn std::error::Error + Send + Sync>),
    /// The body is a one-shot stream or reader that an earlier send (or a
    /// clone of the request) has read already.
    Spent,
    /// The client's transport takes bodies whole (a custom transport, a
    /// tower service), and this body is larger than the client's
    /// `max_body_size`, which bounds what it reads into memory.
    TooLargeToBuffer {
        /// The client's `max_body_size`.
        limit: usize,
    },
    /// An async stream (`Upload::stream`) given to the blocking client,
    /// which reads bodies with `Read`: give it `Upload::reader`.
    StreamOnBlocking,
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UploadError::TooLong { param, max } => write!(
                f,
                "the body `{param}` passed its max_length of {} as it was read; the upload stopped there",
                counted(*max, "byte", "bytes")
            ),
            UploadError::TooShort { param, min, actual } => write!(
                f,
                "the body `{param}` ended after {}, short of its min_length of {min}; the upload was cut off",
                counted(*actual, "byte", "bytes")
            ),
            UploadError::Length { expected, actual } => write!(
                f,
                "the body ended after {}, short of the length of {expected} it was given; the upload was cut off",
                counted(*actual, "byte", "bytes")
            ),
            UploadError::Read(e) => write!(f, "reading the body failed: {e}"),
            UploadError::Spent => f.write_str(
                "the body is a one-shot stream or reader that an earlier send has read already; make a new one for each send (or upload from bytes or a file, which can be sent again)",
            ),
            UploadError::TooLargeToBuffer { limit } => write!(
                f,
                "the client's transport takes bodies whole, and this one is larger than the client's max_body_size of {limit} bytes; raise it, or send with the reqwest transport, which streams"
            ),
            UploadError::StreamOnBlocking => f.write_str(
                "an async stream cannot be sent by the blocking client; give it `Upload::reader` (or a file)",
            ),
        }
    }
}

impl std::error::Error for UploadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            UploadError::Read(e) => Some(&**e),
            _ => None,
        }
    }
}

/// An item of a stream that does not fit its type, as it came.
#[derive(Debug)]
pub struct EventError {
    /// What did not fit (never a value).
    pub message: String,
    /// The item as received.
    pub raw: RawEvent,
}

/// One item of a stream as it came, before it is typed: a server-sent
/// event's fields (the `data` lines joined with `\n`), or one JSON line
/// (`data` alone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawEvent {
    /// The event's type (its `event` field); `None` for the default,
    /// `message`.
    pub event: Option<String>,
    /// The last event ID when the event was dispatched: its own `id`
    /// field, else the one an earlier event set (as `EventSource` keeps
    /// it); `None` while none is set.
    pub id: Option<String>,
    /// The reconnection time its block sets (`retry`), in milliseconds.
    pub retry: Option<u64>,
    /// The data: for an event, its `data` lines joined with `\n`; for a
    /// JSON line, the line.
    pub data: String,
}

/// Why a walk over pages stopped early, at which page.
#[derive(Debug)]
#[non_exhaustive]
pub struct PageError {
    /// The page, from 1.
    pub page: usize,
    /// What stopped it, to match on.
    pub stop: PageStop,
    /// What went wrong (never a value of the request).
    pub message: String,
    /// The page's whole response, when it is what stopped the walk.
    pub raw: Option<RawResponse>,
}

/// A documented response that did not decode, with everything the server sent.
#[derive(Debug)]
pub struct DecodeError {
    /// The documented name of the response the server's answer matched.
    pub response: &'static str,
    /// What did not fit: the body's shape or a missing header (never a value).
    pub message: String,
    /// The whole response, as the server sent it.
    pub raw: RawResponse,
}

/// What stopped a walk over pages early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageStop {
    /// The page was not a documented success (a walk over items).
    NotSuccess,
    /// A success without its items (not JSON, or no array at `pages.items`).
    NoItems,
    /// Item `index` of the page does not fit the item type asked for.
    ItemType {
        /// The item's place in its page, from 0.
        index: usize,
    },
    /// The next cursor is not a string or a number.
    BadCursor,
    /// A cursor given before.
    RepeatedCursor,
    /// A `Link` URL that cannot be followed (not absolute or rooted, or
    /// not a URL).
    BadLink,
    /// A `Link` URL on another origin than the first request's.
    ForeignOrigin,
    /// A `Link` URL fetched before.
    RepeatedLink,
    /// The same items as the page before.
    RepeatedItems,
    /// Too many empty pages in a row, each naming a next one.
    EmptyRun,
    /// The page number or offset would pass the largest integer.
    Overflow,
    /// The next page's request could not be built from the params.
    Rebuild,
}

impl Error {
    /// A decode failure of the documented response `response`.
    pub fn decode(response: &'static str, message: impl fmt::Display, raw: RawResponse) -> Error {
        Error::Decode(Box::new(DecodeError {
            response,
            message: message.to_string(),
            raw,
        }))
    }

    /// The kind of failure, one word: what a log or a metric may carry.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::Encode(_) => "encode",
            Error::Connect(_) => "connect",
            Error::Transport(_) => "transport",
            Error::Timeout => "timeout",
            Error::BodyTooLarge { .. } => "body-too-large",
            Error::Decode(_) => "decode",
            Error::Pages(_) => "pages",
            Error::Event(_) => "event",
            Error::Upload(_) => "upload",
        }
    }

    /// The raw response, where the server's answer is what failed.
    pub fn raw_response(&self) -> Option<&RawResponse> {
        match self {
            Error::Decode(d) => Some(&d.raw),
            Error::Pages(p) => p.raw.as_ref(),
            _ => None,
        }
    }

    /// The broken rules, where the request was refused before sending.
    pub fn validation_errors(&self) -> Option<&ValidationErrors> {
        match self {
            Error::Validation(v) => Some(v),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(v) => write!(f, "{v}\n(the request was not sent; fix the values, or turn off the client's pre-send validation if the server accepts them)"),
            Error::Encode(why) => write!(f, "the request could not be encoded: {why}"),
            Error::Connect(e) => write!(f, "could not connect to the server: {e}"),
            Error::Transport(e) => write!(f, "the request did not complete: {e}"),
            Error::Timeout => f.write_str("no response within the client's timeout; raise it with the client builder if the server is slow"),
            Error::BodyTooLarge { limit } => write!(
                f,
                "the response body is larger than the client's limit of {limit} bytes; raise it with the client builder"
            ),
            Error::Decode(d) => write!(
                f,
                "the server answered `{}` (HTTP {}), but it does not fit the spec: {}; the raw response is kept in the error",
                d.response,
                d.raw.status(),
                d.message
            ),
            Error::Pages(p) => write!(f, "paging stopped at page {}: {}", p.page, p.message),
            Error::Event(e) => write!(
                f,
                "an item of the stream does not fit its type: {}; its raw text is kept in the error",
                e.message
            ),
            Error::Upload(e) => write!(f, "the upload was not sent whole: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Validation(v) => Some(v),
            Error::Connect(e) | Error::Transport(e) => Some(&**e),
            Error::Upload(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<ValidationErrors> for Error {
    fn from(v: ValidationErrors) -> Self {
        Error::Validation(v)
    }
}

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

/// Why an incoming request was refused, the way an API says it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RequestError {
    /// The method or path is not this endpoint's.
    NotThisEndpoint,
    /// A required param is absent.
    Missing {
        /// The param's wire name.
        param: String,
        /// Where it should have travelled.
        location: In,
    },
    /// A param is present but is not of its type.
    Malformed {
        /// The param's wire name.
        param: String,
        /// What is wrong, without the value.
        message: String,
    },
    /// The body could not be read at all.
    Body {
        /// What is wrong.
        message: String,
    },
    /// Every param was read, and some break the spec's rules.
    Invalid(ValidationErrors),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::NotThisEndpoint => {
                f.write_str("the method or path is not this endpoint's")
            }
            RequestError::Missing { param, location } => {
                write!(
                    f,
                    "the required param `{param}` ({}) is missing",
                    location.name()
                )
            }
            RequestError::Malformed { param, message } => {
                write!(f, "the param `{param}` is not valid: {message}")
            }
            RequestError::Body { message } => write!(f, "the body cannot be read: {message}"),
            RequestError::Invalid(errors) => write!(f, "{errors}"),
        }
    }
}

impl std::error::Error for RequestError {}

impl Refusals {
    /// The response named for `error`: `missing` and `body` fall back to
    /// `invalid`, the most general refusal.
    pub fn for_error(&self, error: &RequestError) -> Option<&'static str> {
        match error {
            RequestError::NotThisEndpoint => None,
            RequestError::Missing { .. } => self.missing.or(self.invalid),
            RequestError::Body { .. } => self.body.or(self.invalid),
            RequestError::Malformed { .. } | RequestError::Invalid(_) => self.invalid,
        }
    }
}
