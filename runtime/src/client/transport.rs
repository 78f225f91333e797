//! Layer `client`: the one-method transports under the clients, and what
//! the reqwest transports share (the capped body read, error mapping).
//!
//! A transport takes an `http::Request<Vec<u8>>` and gives back an
//! `http::Response<Vec<u8>>`. The clients add validation, encoding and
//! decoding on top, so plugging in another HTTP stack, a middleware or a test
//! double is one closure. A streamed upload (`Upload` from a file, a reader
//! or a stream) reaches such a transport read whole into the body, within
//! the client's `max_body_size`; only the reqwest transports stream it.

use std::future::Future;
use std::time::Duration;

use crate::error::Error;

/// Sends one request and returns the whole response (async).
///
/// Implemented for every `Fn(http::Request<Vec<u8>>) -> impl Future<Output =
/// Result<http::Response<Vec<u8>>, Error>>`, so a closure is a transport.
pub trait Transport: Send + Sync + 'static {
    /// Sends `request` and returns the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Error>> + Send;

    /// Whether `send` streams an upload that travels in the request's
    /// extensions (the reqwest transport does). For any other transport
    /// the client reads the upload into the body first, within its
    /// `max_body_size`, so a transport of `Vec<u8>` bodies always gets
    /// the whole body.
    #[doc(hidden)]
    fn streams_uploads(&self) -> bool {
        false
    }
}

impl<F, Fut> Transport for F
where
    F: Fn(http::Request<Vec<u8>>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<http::Response<Vec<u8>>, Error>> + Send,
{
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Error>> + Send {
        self(request)
    }
}

/// Sends one request and returns the whole response (blocking).
///
/// Implemented for every `Fn(http::Request<Vec<u8>>) ->
/// Result<http::Response<Vec<u8>>, Error>`.
pub trait BlockingTransport: Send + Sync + 'static {
    /// Sends `request` and returns the whole response.
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error>;

    /// Whether `send` streams an upload that travels in the request's
    /// extensions (the reqwest transport does). For any other transport
    /// the client reads the upload into the body first, within its
    /// `max_body_size`.
    #[doc(hidden)]
    fn streams_uploads(&self) -> bool {
        false
    }
}

impl<F> BlockingTransport for F
where
    F: Fn(http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> + Send + Sync + 'static,
{
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> {
        self(request)
    }
}

/// The largest response body the clients accept by default: 32 MiB.
pub const DEFAULT_MAX_BODY_SIZE: usize = 32 * 1024 * 1024;
/// How long the clients wait for a connection by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the clients wait for a whole response by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Installs ring as rustls' process-wide crypto provider unless one is set:
/// reqwest is built without a provider of its own, so that no cmake or C
/// toolchain beyond a C compiler is needed.
#[cfg(any(feature = "client", feature = "blocking"))]
pub(crate) fn install_crypto_provider() {
    #[cfg(feature = "rustls")]
    {
        // `Err` means a provider is installed already, which is the goal.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// A reqwest error as ours: timeouts apart, and without the URL (a query
/// string may carry a secret).
#[cfg(any(feature = "client", feature = "blocking"))]
pub(crate) fn from_reqwest(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else if e.is_connect() {
        Error::Connect(Box::new(e.without_url()))
    } else {
        Error::Transport(Box::new(e.without_url()))
    }
}

/// The response reqwest gave, with its body, as an `http::Response`.
#[cfg(any(feature = "client", feature = "blocking"))]
pub(crate) fn response_parts(
    status: http::StatusCode,
    version: http::Version,
    headers: http::HeaderMap,
    body: Vec<u8>,
) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    *response.version_mut() = version;
    *response.headers_mut() = headers;
    response
}

/// A response body read chunk by chunk, refused as soon as it passes the
/// client's cap (and before a byte is read when `Content-Length` says so).
#[cfg(any(feature = "client", feature = "blocking"))]
pub(crate) struct CappedBody {
    limit: usize,
    body: Vec<u8>,
}

#[cfg(any(feature = "client", feature = "blocking"))]
impl CappedBody {
    /// A body of at most `limit` bytes, whose announced length is `announced`.
    pub fn new(limit: usize, announced: Option<u64>) -> Result<CappedBody, Error> {
        if announced.is_some_and(|n| n > limit as u64) {
            return Err(Error::BodyTooLarge { limit });
        }
        Ok(CappedBody {
            limit,
            body: Vec::new(),
        })
    }

    /// Adds a chunk, unless the body would pass the cap.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        if self.body.len() + chunk.len() > self.limit {
            return Err(Error::BodyTooLarge { limit: self.limit });
        }
        self.body.extend_from_slice(chunk);
        Ok(())
    }

    /// The whole body.
    pub fn into_inner(self) -> Vec<u8> {
        self.body
    }
}
