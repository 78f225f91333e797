//! The blocking client.

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use std::collections::VecDeque;

use crate::error::Error;
use crate::pages::{page_span, typed_items, Page, Paged, Pager};
use crate::retry::Sent;
use crate::transport::{builder_setters, BlockingTransport, Settings};
use crate::wire::copy_request;
use crate::Endpoint;

/// Sends requests of any generated endpoint and decodes their responses,
/// blocking the calling thread.
///
/// Cheap to clone, `Send + Sync`. Like reqwest's blocking client it runs a
/// small runtime of its own, so create and drop it outside async code.
pub struct Client<T = ReqwestBlockingTransport> {
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

impl<T: BlockingTransport> Client<T> {
    /// Validates, encodes, sends and decodes. Every documented answer is its
    /// variant; anything else is `Response::Unknown`, kept whole. With a
    /// retry policy, the answer is the last attempt's.
    pub fn send<E: Endpoint>(&self, request: E) -> Result<E::Response, Error> {
        self.send_counted(request).result
    }

    /// Like [`send`](Self::send), and says how many attempts it took.
    pub fn send_counted<E: Endpoint>(&self, request: E) -> Sent<E::Response> {
        #[cfg(feature = "tracing")]
        {
            let span = crate::trace::span::<E>();
            let started = Instant::now();
            let sent = span.in_scope(|| self.attempts(request));
            crate::trace::record(&span, &sent, started);
            sent
        }
        #[cfg(not(feature = "tracing"))]
        self.attempts(request)
    }

    fn attempts<E: Endpoint>(&self, request: E) -> Sent<E::Response> {
        let started = Instant::now();
        let http = match self.inner.settings.prepare(request) {
            Ok(http) => http,
            Err(e) => {
                return Sent {
                    result: Err(e),
                    attempts: 0,
                }
            }
        };
        let sent = self.deliver(http, E::IDEMPOTENT, started);
        Sent {
            result: sent.result.and_then(E::from_http_response),
            attempts: sent.attempts,
        }
    }

    /// Sends an encoded request by the retry policy, and returns the last
    /// answer as it came.
    fn deliver(
        &self,
        http: http::Request<Vec<u8>>,
        idempotent: bool,
        started: Instant,
    ) -> Sent<http::Response<Vec<u8>>> {
        let settings = &self.inner.settings;
        let Some(policy) = &settings.retry else {
            return Sent {
                result: self.inner.transport.send(http),
                attempts: 1,
            };
        };
        // Each attempt is bounded by the transport's own timeout; waits never
        // reach past the deadline.
        let deadline = started + settings.timeout;
        let mut attempt = 1;
        loop {
            let outcome = self.inner.transport.send(copy_request(&http));
            match policy.next_wait(attempt, idempotent, &outcome, deadline) {
                Some(wait) => {
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                None => {
                    return Sent {
                        result: outcome,
                        attempts: attempt,
                    }
                }
            }
        }
    }

    /// Fetches the next page of a walk, as `send` would send it (defaults,
    /// validation, retries, a span), or `None` when the walk is over.
    fn next_page<E: Paged>(
        &self,
        pager: &mut Pager<E>,
    ) -> Option<Result<Page<E::Response>, Error>> {
        let next = pager.take()?;
        let started = Instant::now();
        let span = page_span::<E>();
        let fetch = || {
            let (http, out) = Pager::encode(next, &self.inner.settings)?;
            let sent = self.deliver(http, E::IDEMPOTENT, started);
            Ok((out, sent))
        };
        #[cfg(feature = "tracing")]
        let fetched = span.in_scope(fetch);
        #[cfg(not(feature = "tracing"))]
        let fetched = fetch();
        Some(pager.receive(fetched, &span, started))
    }

    /// Every page of a paged endpoint (its spec's `pages`), from `first`
    /// on, as `send` would send each. Ends after a page with no items, a
    /// page that is not a success (which it yields), or the last page; a
    /// server that repeats a cursor, a link or the same items ends it with
    /// `Error::Pages` rather than looping.
    pub fn pages<E: Paged>(&self, first: E) -> impl Iterator<Item = Result<E::Response, Error>> {
        let client = self.clone();
        let mut pager = Pager::new(first);
        let mut pending: Option<Error> = None;
        std::iter::from_fn(move || {
            if let Some(e) = pending.take() {
                return Some(Err(e));
            }
            match client.next_page(&mut pager)? {
                Ok(page) => {
                    pending = page.stop.filter(|_| page.success);
                    Some(Ok(page.response))
                }
                Err(e) => Some(Err(e)),
            }
        })
    }

    /// Every item of a paged endpoint, page after page, typed as the spec
    /// types the array `pages.items` names (`E::Item`). A page that is not
    /// a success ends the walk with `Error::Pages`, its response kept.
    pub fn items<E: Paged>(&self, first: E) -> impl Iterator<Item = Result<E::Item, Error>> {
        self.items_as::<E, E::Item>(first)
    }

    /// Like [`items`](Self::items), each item read into a type of your
    /// own (a subset of the fields, or `serde_json::Value`).
    pub fn items_as<E: Paged, I: serde::de::DeserializeOwned>(
        &self,
        first: E,
    ) -> impl Iterator<Item = Result<I, Error>> {
        let client = self.clone();
        let mut pager = Pager::new(first);
        let mut queue = VecDeque::new();
        std::iter::from_fn(move || loop {
            if let Some(item) = queue.pop_front() {
                return Some(item);
            }
            let number = pager.page_number();
            match client.next_page(&mut pager)? {
                Ok(page) => {
                    queue.extend(typed_items::<I>(number, page.items));
                    queue.extend(page.stop.map(Err));
                }
                Err(e) => queue.push_back(Err(e)),
            }
        })
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
        f.debug_struct("blocking::Client")
            .field("base_url", &self.inner.settings.base_url)
            .finish_non_exhaustive()
    }
}

/// Settings for a blocking [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    settings: Settings,
}

impl ClientBuilder {
    builder_setters!();

    /// A client on reqwest's blocking client with these settings.
    pub fn build(self) -> Client {
        let transport = ReqwestBlockingTransport::new(&self.settings);
        self.build_with_transport(transport)
    }

    /// A client on another transport: any [`BlockingTransport`], a closure
    /// included. Timeouts and the body-size cap are then the transport's.
    pub fn build_with_transport<T: BlockingTransport>(self, transport: T) -> Client<T> {
        Client {
            inner: Arc::new(Inner {
                settings: self.settings,
                transport,
            }),
        }
    }
}

/// The default blocking transport: reqwest's blocking client.
pub struct ReqwestBlockingTransport {
    client: Result<reqwest::blocking::Client, Arc<reqwest::Error>>,
    max_body_size: usize,
    timeout: std::time::Duration,
}

impl ReqwestBlockingTransport {
    fn new(settings: &Settings) -> ReqwestBlockingTransport {
        crate::transport::install_crypto_provider();
        let client = reqwest::blocking::Client::builder()
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            // A redirect is an answer of the API's: the spec decides what it means.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(Arc::new);
        ReqwestBlockingTransport {
            client,
            max_body_size: settings.max_body_size,
            timeout: settings.timeout,
        }
    }
}

impl BlockingTransport for ReqwestBlockingTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> {
        let client = match &self.client {
            Ok(client) => client,
            Err(e) => {
                return Err(Error::Transport(
                    format!("the HTTP client could not be built: {e}").into(),
                ))
            }
        };
        let mut request = reqwest::blocking::Request::try_from(request)
            .map_err(crate::transport::from_reqwest)?;
        // An empty body is no body, as the async client sends it: reqwest's
        // blocking client would otherwise add `Content-Length: 0` to a GET.
        if request.body().and_then(|b| b.as_bytes()) == Some(&[]) {
            *request.body_mut() = None;
        }
        let started = Instant::now();
        let mut response = client
            .execute(request)
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
        // reqwest's blocking timeout bounds each read, not the whole body: a
        // server trickling a byte a second would never time out. The
        // deadline is checked between reads.
        let mut body = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let n = response.read(&mut chunk).map_err(read_error)?;
            if n == 0 {
                break;
            }
            if body.len() + n > limit {
                return Err(Error::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk[..n]);
            if started.elapsed() > self.timeout {
                return Err(Error::Timeout);
            }
        }
        Ok(crate::transport::response_parts(
            status, version, headers, body,
        ))
    }
}

/// reqwest's blocking reader reports its own errors (a timeout among them)
/// inside `io::Error`.
fn read_error(e: std::io::Error) -> Error {
    match e.into_inner() {
        Some(inner) => match inner.downcast::<reqwest::Error>() {
            Ok(e) => crate::transport::from_reqwest(*e),
            Err(other) => Error::Transport(other),
        },
        None => Error::Transport("the response body could not be read".into()),
    }
}
