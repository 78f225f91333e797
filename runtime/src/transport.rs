//! The one-method transports under the clients, and the settings the
//! clients share.
//!
//! A transport takes an `http::Request<Vec<u8>>` and gives back an
//! `http::Response<Vec<u8>>`. The clients add validation, encoding and
//! decoding on top, so plugging in another HTTP stack, a middleware or a test
//! double is one closure.

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

/// What both clients' builders set.
#[cfg(any(feature = "client", feature = "blocking"))]
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub base_url: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body_size: usize,
    pub default_headers: http::HeaderMap,
    pub validate: bool,
    pub retry: Option<crate::retry::RetryPolicy>,
    pub defaults: crate::Defaults,
}

#[cfg(any(feature = "client", feature = "blocking"))]
impl Settings {
    pub fn new(base_url: String) -> Settings {
        Settings {
            base_url,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            default_headers: http::HeaderMap::new(),
            validate: true,
            retry: None,
            defaults: crate::Defaults::new(),
        }
    }

    /// Fills the client's credential and shared params into the request
    /// where it leaves them unset, validates (unless turned off), encodes,
    /// and adds the default headers the request does not set itself.
    pub fn prepare<E: crate::Endpoint>(
        &self,
        mut request: E,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        request.apply_defaults(&self.defaults);
        if self.validate {
            request.validate()?;
        }
        let mut http = request.to_http_request(&self.base_url)?;
        for (name, value) in &self.default_headers {
            if !http.headers().contains_key(name) {
                http.headers_mut().insert(name.clone(), value.clone());
            }
        }
        Ok(http)
    }
}

/// The setters both builders share.
#[cfg(any(feature = "client", feature = "blocking"))]
macro_rules! builder_setters {
    () => {
        /// How long to wait for a connection (default 10 s).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.connect_timeout = timeout;
            self
        }

        /// How long to wait for the whole response, body included (default 60 s).
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.timeout = timeout;
            self
        }

        /// The largest response body accepted (default 32 MiB); a larger one
        /// is `Error::BodyTooLarge`.
        pub fn max_body_size(mut self, bytes: usize) -> Self {
            self.settings.max_body_size = bytes;
            self
        }

        /// A header sent with every request that does not set it itself.
        pub fn default_header(mut self, name: http::HeaderName, value: http::HeaderValue) -> Self {
            self.settings.default_headers.insert(name, value);
            self
        }

        /// Tries requests again by `policy` (none by default): after a
        /// connection that could not be made, and, for idempotent endpoints,
        /// after the statuses it names (429 and 503), honouring
        /// `Retry-After`; never past the client's `timeout`, counted from
        /// the first attempt.
        pub fn retry(mut self, policy: crate::RetryPolicy) -> Self {
            self.settings.retry = Some(policy);
            self
        }

        /// The API's credential, filled into every request that does not
        /// set it itself, wherever its spec says it travels (a header, the
        /// query, the body): the param the spec marks `credential`. Never
        /// shown by `Debug`, errors or traces.
        pub fn credential(mut self, secret: impl Into<String>) -> Self {
            self.settings.defaults.set_credential(secret);
            self
        }

        /// A default for a param the spec marks `shared` (generated code
        /// declares its key: `.param(planocore::APPLICATION,
        /// planocore::Application::Planoauth)`), filled into every request
        /// that does not set it itself, and validated with it.
        pub fn param<P: Clone + Send + Sync + 'static>(
            mut self,
            key: crate::SharedParam<P>,
            value: impl Into<P>,
        ) -> Self {
            self.settings.defaults.set(key, value.into());
            self
        }

        /// Whether `send` validates requests before they leave (default
        /// `true`). Turn it off when a server has relaxed a documented limit
        /// before the spec caught up.
        pub fn validate_before_send(mut self, validate: bool) -> Self {
            self.settings.validate = validate;
            self
        }
    };
}

#[cfg(any(feature = "client", feature = "blocking"))]
pub(crate) use builder_setters;

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
