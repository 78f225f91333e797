//! Layer `client`: the blocking client, a thin shell over the shared
//! core: it only blocks (the transport, the retry policy's waits).

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use crate::endpoint::{Endpoint, Paged, StreamItems, Streaming};
use crate::error::Error;

use super::pages::{Step, Walk};
use super::retry::{After, Answer, Attempts, Sent};
use super::settings::{builder_setters, Settings};
use super::stream::{broke_off, is_stream, Items, StreamReply, Streamed};
use super::trace::SendSpan;
use super::transport::{from_reqwest, install_crypto_provider, BlockingTransport, CappedBody};
use super::upload::{buffer_blocking, UploadReader, Watch};
use super::{shell_common, Core};
use crate::upload::UploadBody;

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
        span.record(sent.result.as_ref(), sent.attempts, sent.body_spent);
        sent
    }

    /// Sends an encoded request of `E` by the retry policy, and returns the
    /// last answer as it came. Each attempt is bounded by the transport's
    /// own timeout; waits never reach past the deadline.
    fn deliver<E: Endpoint>(&self, http: http::Request<Vec<u8>>, started: Instant) -> Answer {
        let settings = &self.core.settings;
        let http = if self.core.transport.streams_uploads() {
            http
        } else {
            match buffer_blocking(http, settings.max_body_size) {
                Ok(http) => http,
                Err(e) => return Sent::unsent(e),
            }
        };
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

/// Streamed responses, read as they arrive. The body is never held whole
/// and `max_body_size` does not cap it (it caps each item of a stream of
/// items, and every other answer, which is read whole). The client's
/// timeout bounds the wait for the response's head and each read; the
/// stream as a whole may last as long as the server sends.
impl Client<ReqwestBlockingTransport> {
    /// Sends a request of an endpoint with a streamed response (its spec
    /// declares `"stream"`), as `send` would (validation, defaults, the
    /// retry policy until the stream opens), and gives that response's
    /// body as a reader; any other answer is read whole and decoded.
    ///
    /// ```no_run
    /// # fn run<E: endpoints_runtime::Streaming>(client: endpoints_runtime::blocking::Client, request: E) -> Result<(), Box<dyn std::error::Error>> {
    /// if let endpoints_runtime::Streamed::Stream(mut reply) = client.download(request)? {
    ///     let mut file = std::fs::File::create("download.bin")?;
    ///     std::io::copy(&mut reply.body, &mut file)?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn download<E: Streaming>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, ByteReader>, Error> {
        Ok(self
            .open(request)?
            .map_body(|response| ByteReader { response }))
    }

    /// Like [`download`](Self::download), for a stream of typed items
    /// (`"stream": "sse"` or `"json_lines"`): an iterator of each item as
    /// it completes, typed (`Event<T>` for server-sent events, `T` for
    /// JSON lines). An item that does not fit its type is an
    /// `Error::Event` keeping its raw text, and the iterator goes on; a
    /// broken connection ends it with its error.
    pub fn events<E: StreamItems>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, EventIter<E::Item>>, Error> {
        let limit = self.core.settings.max_body_size;
        Ok(self.open(request)?.map_body(|response| EventIter {
            body: ByteReader { response },
            items: Items::new::<E>(limit),
            buffer: vec![0; 8192],
        }))
    }

    /// Like [`events`](Self::events), for server-sent events read as a
    /// browser's `EventSource` reads them: when the connection ends or
    /// breaks, the request is sent again after the stream's `retry` (until
    /// it sets one, [`Subscription::reconnect_delay`], 3 s), carrying the
    /// last event ID the stream set as `Last-Event-ID`, and the items go on
    /// as one iterator. An answer that is not the stream (a `204`, a
    /// refusal) ends it, kept whole in [`Subscription::answer`]; so does an
    /// error opening the stream, or one another connection would meet again
    /// (an event past `max_body_size`), as its last item.
    pub fn subscribe<E: StreamItems + Clone>(&self, request: E) -> Subscription<E> {
        Subscription {
            client: self.clone(),
            request,
            reading: None,
            opened: false,
            done: false,
            last_event_id: None,
            retry: None,
            delay: std::time::Duration::from_secs(3),
            answer: None,
            reconnects: 0,
            broke: None,
        }
    }

    /// Sends a request of `E` by the retry policy until its stream opens
    /// or another answer, read whole, is final; in a span of its own.
    fn open<E: Streaming>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, reqwest::blocking::Response>, Error> {
        self.open_after(request, None)
    }

    /// [`open`](Self::open), resuming a stream of server-sent events after
    /// `last_event_id`.
    fn open_after<E: Streaming>(
        &self,
        request: E,
        last_event_id: Option<&str>,
    ) -> Result<Streamed<E::Response, reqwest::blocking::Response>, Error> {
        let span = SendSpan::new::<E>();
        let opened = span.in_scope(|| match self.core.settings.prepare(request) {
            Ok(mut http) => {
                if let Some(id) = last_event_id.and_then(|id| id.parse().ok()) {
                    http.headers_mut().insert("last-event-id", id);
                }
                self.open_attempts::<E>(http, span.started())
            }
            Err(e) => Sent::unsent(e),
        });
        span.record_opened::<E, _>(opened.result.as_ref(), opened.attempts);
        opened.result
    }

    fn open_attempts<E: Streaming>(
        &self,
        http: http::Request<Vec<u8>>,
        started: Instant,
    ) -> Sent<Streamed<E::Response, reqwest::blocking::Response>> {
        let settings = &self.core.settings;
        let (mut attempts, mut request) = Attempts::start(settings, http, E::IDEMPOTENT, started);
        loop {
            let outcome = match self.core.transport.open(request, is_stream::<E>) {
                Ok(Streamed::Stream(reply)) => {
                    return Sent {
                        result: Ok(Streamed::Stream(reply)),
                        attempts: attempts.made(),
                        body_spent: false,
                    }
                }
                Ok(Streamed::Response(whole)) => Ok(whole),
                Err(e) => Err(e),
            };
            match attempts.after(outcome) {
                After::Retry(wait, again) => {
                    std::thread::sleep(wait);
                    request = again;
                }
                After::Done(sent) => {
                    return Sent {
                        result: sent
                            .result
                            .and_then(E::from_http_response)
                            .map(Streamed::Response),
                        attempts: sent.attempts,
                        body_spent: sent.body_spent,
                    }
                }
            }
        }
    }
}

/// A streamed response's body as it arrives, as a `Read`.
pub struct ByteReader {
    response: reqwest::blocking::Response,
}

impl Read for ByteReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.response.read(buf)
    }
}

impl std::fmt::Debug for ByteReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ByteReader").finish_non_exhaustive()
    }
}

/// An iterator of typed items (server-sent events, JSON lines) as they
/// arrive: `Ok` for each item that fits its type, `Error::Event` (its raw
/// text kept) for each that does not, and the error that ends it if the
/// connection breaks or an item passes `max_body_size`.
pub struct EventIter<T> {
    body: ByteReader,
    items: Items<T>,
    buffer: Vec<u8>,
}

impl<T> EventIter<T> {
    /// The last event ID the stream has set (server-sent events): what to
    /// send as `Last-Event-ID` to resume after it.
    pub fn last_event_id(&self) -> Option<&str> {
        self.items.last_event_id()
    }

    /// The reconnection time the stream last set (`retry`).
    pub fn retry(&self) -> Option<std::time::Duration> {
        self.items.retry()
    }
}

impl<T> Iterator for EventIter<T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.items.next_ready() {
                return Some(item);
            }
            if self.items.ended() {
                return None;
            }
            match self.body.read(&mut self.buffer) {
                Ok(0) => self.items.end(),
                Ok(n) => self.items.feed(&self.buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => self.items.fail(read_error(e)),
            }
        }
    }
}

impl<T> std::fmt::Debug for EventIter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventIter")
            .field("last_event_id", &self.last_event_id())
            .finish_non_exhaustive()
    }
}

/// An iterator of server-sent events that reconnects as `EventSource`
/// does ([`Client::subscribe`]): each item as it completes, across
/// connections.
pub struct Subscription<E: StreamItems> {
    client: Client,
    request: E,
    reading: Option<EventIter<E::Item>>,
    opened: bool,
    done: bool,
    last_event_id: Option<String>,
    retry: Option<std::time::Duration>,
    delay: std::time::Duration,
    answer: Option<E::Response>,
    reconnects: usize,
    broke: Option<Error>,
}

impl<E: StreamItems + Clone> Subscription<E> {
    /// How long to wait before reconnecting until the stream sets its own
    /// `retry` (3 s unless set).
    pub fn reconnect_delay(mut self, delay: std::time::Duration) -> Self {
        self.delay = delay;
        self
    }

    /// The last event ID the stream has set, across connections: what the
    /// next connection sends as `Last-Event-ID`.
    pub fn last_event_id(&self) -> Option<&str> {
        self.last_event_id.as_deref()
    }

    /// The reconnection time the stream last set (`retry`).
    pub fn retry(&self) -> Option<std::time::Duration> {
        self.retry
    }

    /// How many times the connection was opened again.
    pub fn reconnects(&self) -> usize {
        self.reconnects
    }

    /// Why the connection last broke, where it broke rather than ended.
    pub fn last_break(&self) -> Option<&Error> {
        self.broke.as_ref()
    }

    /// The answer that ended the subscription, when it was not the stream
    /// (a `204`, a refusal), decoded as `send` decodes it.
    pub fn answer(&self) -> Option<&E::Response> {
        self.answer.as_ref()
    }

    /// The answer that ended the subscription, taken.
    pub fn into_answer(self) -> Option<E::Response> {
        self.answer
    }
}

impl<E: StreamItems + Clone> Iterator for Subscription<E> {
    type Item = Result<E::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let Some(events) = &mut self.reading else {
                if self.opened {
                    std::thread::sleep(self.retry.unwrap_or(self.delay));
                    self.reconnects += 1;
                }
                self.opened = true;
                let limit = self.client.core.settings.max_body_size;
                let opened = self
                    .client
                    .open_after(self.request.clone(), self.last_event_id.as_deref());
                match opened {
                    Ok(Streamed::Stream(reply)) => {
                        self.reading = Some(EventIter {
                            body: ByteReader {
                                response: reply.body,
                            },
                            items: Items::new::<E>(limit),
                            buffer: vec![0; 8192],
                        });
                    }
                    Ok(Streamed::Response(answer)) => {
                        self.answer = Some(answer);
                        self.done = true;
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
                continue;
            };
            let next = events.next();
            if let Some(id) = events.last_event_id() {
                self.last_event_id = Some(id.to_string());
            }
            self.retry = events.retry().or(self.retry);
            match next {
                Some(Err(e)) if broke_off(&e) => {
                    // The connection broke: open it again, as when it ends.
                    self.broke = Some(e);
                    self.reading = None;
                }
                // An item that does not fit is the stream's; an error another
                // connection would meet again (an event past
                // `max_body_size`) ends the subscription.
                Some(Err(e)) if !matches!(e, Error::Event(_)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Some(item) => return Some(item),
                None => self.reading = None,
            }
        }
    }
}

impl<E: StreamItems> std::fmt::Debug for Subscription<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("last_event_id", &self.last_event_id)
            .field("reconnects", &self.reconnects)
            .finish_non_exhaustive()
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
        let started = Instant::now();
        let (request, watch) = self.request(request)?;
        let response = self
            .client()?
            .execute(request)
            .map_err(|e| watch.error_or(from_reqwest(e)))?;
        watch.check()?;
        self.read_whole(response, started)
    }

    fn streams_uploads(&self) -> bool {
        true
    }
}

impl ReqwestBlockingTransport {
    fn client(&self) -> Result<&reqwest::blocking::Client, Error> {
        self.client.as_ref().map_err(|e| {
            Error::Transport(format!("the HTTP client could not be built: {e}").into())
        })
    }

    /// The request as reqwest's, an upload in its extensions made its
    /// body, read as it is sent (sized where its length is known, chunked
    /// where not), and where the upload records why it stopped.
    fn request(
        &self,
        mut request: http::Request<Vec<u8>>,
    ) -> Result<(reqwest::blocking::Request, Watch), Error> {
        let upload = request.extensions_mut().remove::<UploadBody>();
        let mut request = reqwest::blocking::Request::try_from(request).map_err(from_reqwest)?;
        // An empty body is no body, as the async client sends it: reqwest's
        // blocking client would otherwise add `Content-Length: 0` to a GET.
        if request.body().and_then(|b| b.as_bytes()) == Some(&[]) {
            *request.body_mut() = None;
        }
        let watch = Watch::default();
        if let Some(upload) = upload {
            let reader = UploadReader::new(&upload, watch.clone())
                .map_err(|e| Error::Upload(Box::new(e)))?;
            *request.body_mut() = Some(match upload.upload.content_length() {
                Some(len) => reqwest::blocking::Body::sized(reader, len),
                None => reqwest::blocking::Body::new(reader),
            });
        }
        Ok((request, watch))
    }

    /// Sends `request` and reads the head: a response `is_stream` names is
    /// given with its body unread (reqwest's blocking timeout bounds each
    /// read of it); any other is read whole, within the cap and the
    /// client's timeout.
    fn open(
        &self,
        request: http::Request<Vec<u8>>,
        is_stream: fn(u16) -> bool,
    ) -> Result<Streamed<http::Response<Vec<u8>>, reqwest::blocking::Response>, Error> {
        let started = Instant::now();
        let (request, watch) = self.request(request)?;
        let response = self
            .client()?
            .execute(request)
            .map_err(|e| watch.error_or(from_reqwest(e)))?;
        watch.check()?;
        let status = response.status().as_u16();
        if is_stream(status) {
            return Ok(Streamed::Stream(StreamReply {
                status,
                headers: response.headers().clone(),
                body: response,
            }));
        }
        self.read_whole(response, started).map(Streamed::Response)
    }

    /// The whole response, its body read within the cap and by the
    /// deadline.
    fn read_whole(
        &self,
        mut response: reqwest::blocking::Response,
        started: Instant,
    ) -> Result<http::Response<Vec<u8>>, Error> {
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
