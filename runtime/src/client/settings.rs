//! Layer `client`: what both clients' builders set, the setters both
//! builders share, and getting a request ready to send (the client's
//! defaults, validation, encoding, default headers).

use std::time::Duration;

use crate::endpoint::{Defaults, Endpoint};
use crate::error::Error;

use super::transport::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT};

/// What both clients' builders set.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub base_url: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body_size: usize,
    pub default_headers: http::HeaderMap,
    pub validate: bool,
    pub retry: Option<super::retry::RetryPolicy>,
    pub defaults: Defaults,
}

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
            defaults: Defaults::new(),
        }
    }

    /// Fills the client's credential and shared params into the request
    /// where it leaves them unset, validates (unless turned off), encodes,
    /// and adds the default headers the request does not set itself.
    pub fn prepare<E: Endpoint>(&self, mut request: E) -> Result<http::Request<Vec<u8>>, Error> {
        request.apply_defaults(&self.defaults);
        if self.validate {
            request.validate()?;
        }
        let mut http = request.to_http_request(&self.base_url)?;
        for (name, value) in &self.default_headers {
            if name == http::header::COOKIE {
                merge_cookies(http.headers_mut(), value);
            } else if !http.headers().contains_key(name) {
                http.headers_mut().insert(name.clone(), value.clone());
            }
        }
        Ok(http)
    }
}

/// Adds a default `Cookie` header's pairs to the request's own, the
/// request's winning where both name a cookie: a session cookie given once
/// on the client travels beside a spec's cookie params.
fn merge_cookies(headers: &mut http::HeaderMap, defaults: &http::HeaderValue) {
    let Some(own) = headers.get(http::header::COOKIE) else {
        headers.insert(http::header::COOKIE, defaults.clone());
        return;
    };
    let (Ok(own_text), Ok(default_text)) = (own.to_str(), defaults.to_str()) else {
        return;
    };
    let names: Vec<&str> = own_text
        .split(';')
        .filter_map(|pair| pair.split_once('=').map(|(name, _)| name.trim()))
        .collect();
    let mut merged = own_text.to_string();
    for pair in default_text
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let name = pair.split_once('=').map_or(pair, |(name, _)| name.trim());
        if !names.contains(&name) {
            merged.push_str("; ");
            merged.push_str(pair);
        }
    }
    if let Ok(mut value) = http::HeaderValue::from_str(&merged) {
        value.set_sensitive(own.is_sensitive() || defaults.is_sensitive());
        headers.insert(http::header::COOKIE, value);
    }
}

/// The setters both builders share.
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
        pub fn retry(mut self, policy: super::retry::RetryPolicy) -> Self {
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
            key: crate::endpoint::SharedParam<P>,
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

pub(crate) use builder_setters;
