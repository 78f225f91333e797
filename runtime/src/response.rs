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
