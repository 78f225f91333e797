//! The async client.

use std::sync::Arc;

use crate::error::Error;
use crate::transport::{builder_setters, Settings, Transport};
use crate::Endpoint;

/// Sends requests of any generated endpoint and decodes their responses.
///
/// Cheap to clone (one `Arc`), `Send + Sync`. `send` validates first, so an
/// invalid request never reaches the network.
///
/// ```no_run
/// # async fn run<E: endpoints_runtime::Endpoint>(request: E) -> Result<(), endpoints_runtime::Error> {
/// let client = endpoints_runtime::Client::new("https://api.example.com");
/// let response = client.send(request).await?;
/// # Ok(()) }
/// ```
pub struct Client<T = ReqwestTransport> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    settings: Settings,
    transport: T,
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Client {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl Client {
    /// A client for the API at `base_url`, with default settings. A
    /// malformed URL is reported by `send`.
    pub fn new(base_url: impl Into<String>) -> Client {
        Client::builder(base_url).build()
    }

    /// Settings for a client of the API at `base_url`.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            settings: Settings::new(base_url.into()),
        }
    }
}

impl<T: Transport> Client<T> {
    /// Validates, encodes, sends and decodes. Every documented answer is its
    /// variant; anything else is `Response::Unknown`, kept whole.
    pub async fn send<E: Endpoint>(&self, request: E) -> Result<E::Response, Error> {
        let http = self.inner.settings.prepare(&request)?;
        drop(request);
        let response = self.inner.transport.send(http).await?;
        E::from_http_response(response)
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.settings.base_url
    }

    /// The transport under the client.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }
}

impl<T> std::fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.settings.base_url)
            .finish_non_exhaustive()
    }
}

/// Settings for a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    settings: Settings,
}

impl ClientBuilder {
    builder_setters!();

    /// A client on reqwest with these settings.
    pub fn build(self) -> Client {
        let transport = ReqwestTransport::new(&self.settings);
        self.build_with_transport(transport)
    }

    /// A client on another transport: any [`Transport`], a closure included.
    /// Timeouts and the body-size cap are then the transport's to enforce.
    pub fn build_with_transport<T: Transport>(self, transport: T) -> Client<T> {
        Client {
            inner: Arc::new(Inner {
                settings: self.settings,
                transport,
            }),
        }
    }
}

/// The default transport: reqwest, with rustls for HTTPS.
pub struct ReqwestTransport {
    client: Result<reqwest::Client, Arc<reqwest::Error>>,
    max_body_size: usize,
}

impl ReqwestTransport {
    fn new(settings: &Settings) -> ReqwestTransport {
        crate::transport::install_crypto_provider();
        let client = reqwest::Client::builder()
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            // A redirect is an answer of the API's: the spec decides what it means.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(Arc::new);
        ReqwestTransport {
            client,
            max_body_size: settings.max_body_size,
        }
    }
}

impl Transport for ReqwestTransport {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let client = match &self.client {
            Ok(client) => client,
            Err(e) => {
                return Err(Error::Transport(
                    format!("the HTTP client could not be built: {e}").into(),
                ))
            }
        };
        let request =
            reqwest::Request::try_from(request).map_err(crate::transport::from_reqwest)?;
        let mut response = client
            .execute(request)
            .await
            .map_err(crate::transport::from_reqwest)?;
        let limit = self.max_body_size;
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(Error::BodyTooLarge { limit });
        }
        let (status, version, headers) = (
            response.status(),
            response.version(),
            response.headers().clone(),
        );
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(crate::transport::from_reqwest)?
        {
            if body.len() + chunk.len() > limit {
                return Err(Error::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(crate::transport::response_parts(
            status, version, headers, body,
        ))
    }
}
