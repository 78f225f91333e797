//! Layer `client`: the blocking client, a thin shell over the shared
//! core: it only blocks (the transport, the retry policy's waits).

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use crate::endpoint::{Endpoint, Paged};
use crate::error::Error;

use super::pages::{Step, Walk};
use super::retry::{After, Answer, Attempts, Sent};
use super::settings::{builder_setters, Settings};
use super::trace::SendSpan;
use super::transport::{from_reqwest, install_crypto_provider, BlockingTransport, CappedBody};
use super::{shell_common, Core};

/// Sends requests of any generated endpoint and decodes their responses,
/// blocking the calling thread.
///
/// Cheap to clone, `Send + Sync`. Like reqwest's blocking client it runs a
/// small runtime of its own, so create and drop it outside async code.
pub struct Client<T = ReqwestBlockingTransport> {
    core: Arc<Core<T>>,
}

shell_common!(Client, ClientBuilder, "blocking::Client");

impl<T: BlockingTransport> Client<T> {
    /// Validates, encodes, sends and decodes. Every documented answer is its
    /// variant; anything else is `Response::Unknown`, kept whole. With a
    /// retry policy, the answer is the last attempt's.
    pub fn send<E: Endpoint>(&self, request: E) -> Result<E::Response, Error> {
        self.send_counted(request).result
    }

    /// Like [`send`](Self::send), and says how many attempts it took.
    pub fn send_counted<E: Endpoint>(&self, request: E) -> Sent<E::Response> {
        let span = SendSpan::new::<E>();
        let sent = span.in_scope(|| match self.core.settings.prepare(request) {
            Ok(http) => self.deliver::<E>(http, span.started()).decode::<E>(),
            Err(e) => Sent::unsent(e),
        });
        span.record(sent.result.as_ref(), sent.attempts);
        sent
    }

    /// Sends an encoded request of `E` by the retry policy, and returns the
    /// last answer as it came. Each attempt is bounded by the transport's
    /// own timeout; waits never reach past the deadline.
    fn deliver<E: Endpoint>(&self, http: http::Request<Vec<u8>>, started: Instant) -> Answer {
        let settings = &self.core.settings;
        let (mut attempts, mut request) = Attempts::start(settings, http, E::IDEMPOTENT, started);
        loop {
            match attempts.after(self.core.transport.send(request)) {
                After::Retry(wait, again) => {
                    std::thread::sleep(wait);
                    request = again;
                }
                After::Done(sent) => return sent,
            }
        }
    }

    /// Every page of a paged endpoint (its spec's `pages`), from `first`
    /// on, as `send` would send each. Ends after a page with no items, a
    /// page that is not a success (which it yields), or the last page; a
    /// server that repeats a cursor, a link or the same items ends it with
    /// `Error::Pages` rather than looping.
    pub fn pages<E: Paged>(&self, first: E) -> impl Iterator<Item = Result<E::Response, Error>> {
        self.walk(Walk::pages(first))
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
        self.walk(Walk::items(first))
    }

    /// A walk as an iterator: each page fetched as `send` sends a request.
    fn walk<E: Paged, O>(&self, mut walk: Walk<E, O>) -> impl Iterator<Item = Result<O, Error>> {
        let client = self.clone();
        std::iter::from_fn(move || loop {
            let mut fetch = match walk.step(&client.core.settings) {
                Step::Ready(out) => return Some(out),
                Step::Over => return None,
                Step::Fetch(fetch) => fetch,
            };
            if let Some(http) = fetch.request() {
                let started = fetch.span.started();
                let answer = fetch.span.in_scope(|| client.deliver::<E>(http, started));
                fetch.answered(answer);
            }
            walk.receive(fetch);
        })
    }
}

/// Settings for a blocking client.
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
            core: Arc::new(Core {
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
        install_crypto_provider();
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
        let mut request = reqwest::blocking::Request::try_from(request).map_err(from_reqwest)?;
        // An empty body is no body, as the async client sends it: reqwest's
        // blocking client would otherwise add `Content-Length: 0` to a GET.
        if request.body().and_then(|b| b.as_bytes()) == Some(&[]) {
            *request.body_mut() = None;
        }
        let started = Instant::now();
        let mut response = client.execute(request).map_err(from_reqwest)?;
        let (status, version, headers) = (
            response.status(),
            response.version(),
            response.headers().clone(),
        );
        let mut body = CappedBody::new(self.max_body_size, response.content_length())?;
        // reqwest's blocking timeout bounds each read, not the whole body: a
        // server trickling a byte a second would never time out. The
        // deadline is checked between reads.
        let mut chunk = [0u8; 8192];
        loop {
            let n = response.read(&mut chunk).map_err(read_error)?;
            if n == 0 {
                break;
            }
            body.push(&chunk[..n])?;
            if started.elapsed() > self.timeout {
                return Err(Error::Timeout);
            }
        }
        Ok(super::transport::response_parts(
            status,
            version,
            headers,
            body.into_inner(),
        ))
    }
}

/// reqwest's blocking reader reports its own errors (a timeout among them)
/// inside `io::Error`.
fn read_error(e: std::io::Error) -> Error {
    match e.into_inner() {
        Some(inner) => match inner.downcast::<reqwest::Error>() {
            Ok(e) => from_reqwest(*e),
            Err(other) => Error::Transport(other),
        },
        None => Error::Transport("the response body could not be read".into()),
    }
}
