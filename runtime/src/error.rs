//! Everything that can go wrong between a request and its typed response.

use std::fmt;

use crate::response::RawResponse;
use crate::validate::ValidationErrors;

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
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Validation(v) => Some(v),
            Error::Connect(e) | Error::Transport(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<ValidationErrors> for Error {
    fn from(v: ValidationErrors) -> Self {
        Error::Validation(v)
    }
}
