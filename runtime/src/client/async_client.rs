//! Layer `client`: the async client, a thin shell over the shared core:
//! it only awaits (the transport, the retry policy's waits, the timeout).

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures_util::Stream;

use crate::endpoint::{Endpoint, Paged, StreamItems, Streaming};
use crate::error::Error;

use super::pages::{Step, Walk};
use super::retry::{After, Answer, Attempts, Sent};
use super::settings::{builder_setters, Settings};
use super::stream::{broke_off, is_stream, Items, Streamed};
use super::trace::SendSpan;
use super::transport::{from_reqwest, install_crypto_provider, CappedBody, Transport};
use super::upload::{buffer_async, UploadStream, Watch};
use super::{shell_common, Core};
use crate::upload::UploadBody;

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
    core: Arc<Core<T>>,
}

shell_common!(Client, ClientBuilder, "Client");

impl<T: Transport> Client<T> {
    /// Validates, encodes, sends and decodes. Every documented answer is its
    /// variant; anything else is `Response::Unknown`, kept whole. With a
    /// retry policy, the answer is the last attempt's.
    pub async fn send<E: Endpoint>(&self, request: E) -> Result<E::Response, Error> {
        self.send_counted(request).await.result
    }

    /// Like [`send`](Self::send), and says how many attempts it took.
    pub async fn send_counted<E: Endpoint>(&self, request: E) -> Sent<E::Response> {
        let span = SendSpan::new::<E>();
        let sent = span
            .instrument(async {
                match self.core.settings.prepare(request) {
                    Ok(http) => self.deliver::<E>(http, span.started()).await.decode::<E>(),
                    Err(e) => Sent::unsent(e),
                }
            })
            .await;
        span.record(sent.result.as_ref(), sent.attempts, sent.body_spent);
        sent
    }

    /// Sends an encoded request of `E` by the retry policy, and returns the
    /// last answer as it came.
    async fn deliver<E: Endpoint>(&self, http: http::Request<Vec<u8>>, started: Instant) -> Answer {
        let settings = &self.core.settings;
        let http = if self.core.transport.streams_uploads() {
            http
        } else {
            match buffer_async(http, settings.max_body_size).await {
                Ok(http) => http,
                Err(e) => return Sent::unsent(e),
            }
        };
        let (mut attempts, mut request) = Attempts::start(settings, http, E::IDEMPOTENT, started);
        loop {
            let send = self.core.transport.send(request);
            let outcome = match attempts.time_left() {
                Some(left) => tokio::time::timeout(left, send)
                    .await
                    .unwrap_or(Err(Error::Timeout)),
                None => send.await,
            };
            match attempts.after(outcome) {
                After::Retry(wait, again) => {
                    tokio::time::sleep(wait).await;
                    request = again;
                }
                After::Done(sent) => return sent,
            }
        }
    }

    /// Every page of a paged endpoint (its spec's `pages`), from `first`
    /// on, as `send` would send each (the client's defaults, validation,
    /// retries). The stream ends after a page with no items, a page that is
    /// not a success (which it yields), or the last page; a server that
    /// repeats a cursor, a link or the same items ends it with
    /// `Error::Pages` rather than looping.
    ///
    /// ```no_run
    /// # async fn run<E: endpoints_runtime::Paged>(client: endpoints_runtime::Client, first: E)
    /// # where E: Send + 'static, E::Response: Send {
    /// use futures_util::StreamExt;
    /// let mut pages = std::pin::pin!(client.pages(first));
    /// while let Some(page) = pages.next().await {
    ///     let page = page.expect("a page");
    /// }
    /// # }
    /// ```
    pub fn pages<E>(&self, first: E) -> impl Stream<Item = Result<E::Response, Error>> + Send
    where
        E: Paged + Send + 'static,
        E::Response: Send,
    {
        self.walk(Walk::pages(first))
    }

    /// Every item of a paged endpoint, page after page, typed as the spec
    /// types the array `pages.items` names (`E::Item`). A page that is not
    /// a success ends the stream with `Error::Pages`, its response kept.
    pub fn items<E>(&self, first: E) -> impl Stream<Item = Result<E::Item, Error>> + Send
    where
        E: Paged + Send + 'static,
        E::Response: Send,
        E::Item: Send + 'static,
    {
        self.items_as::<E, E::Item>(first)
    }

    /// Like [`items`](Self::items), each item read into a type of your
    /// own (a subset of the fields, or `serde_json::Value`).
    pub fn items_as<E, I>(&self, first: E) -> impl Stream<Item = Result<I, Error>> + Send
    where
        E: Paged + Send + 'static,
        E::Response: Send,
        I: serde::de::DeserializeOwned + Send + 'static,
    {
        self.walk(Walk::items(first))
    }

    /// A walk as a stream: each page fetched as `send` sends a request.
    fn walk<E, O>(&self, walk: Walk<E, O>) -> impl Stream<Item = Result<O, Error>> + Send
    where
        E: Paged + Send + 'static,
        E::Response: Send,
        O: Send + 'static,
    {
        futures_util::stream::unfold((self.clone(), walk), |(client, mut walk)| async move {
            loop {
                let mut fetch = match walk.step(&client.core.settings) {
                    Step::Ready(out) => return Some((out, (client, walk))),
                    Step::Over => return None,
                    Step::Fetch(fetch) => fetch,
                };
                if let Some(http) = fetch.request() {
                    let started = fetch.span.started();
                    let delivery = client.deliver::<E>(http, started);
                    let answer = fetch.span.instrument(delivery).await;
                    fetch.answered(answer);
                }
                walk.receive(fetch);
            }
        })
    }
}

/// Streamed responses, read as they arrive. The body is never held whole
/// and `max_body_size` does not cap it (it caps each item of a stream of
/// items, and every other answer, which is read whole). The client's
/// timeout bounds the wait for the response's head and for each read;
/// the stream as a whole may last as long as the server sends.
impl Client<ReqwestTransport> {
    /// Sends a request of an endpoint with a streamed response (its spec
    /// declares `"stream"`), as `send` would (validation, defaults, the
    /// retry policy until the stream opens), and gives that response's
    /// body as a stream of chunks; any other answer is read whole and
    /// decoded.
    ///
    /// ```no_run
    /// # async fn run<E: endpoints_runtime::Streaming>(client: endpoints_runtime::Client, request: E) -> Result<(), endpoints_runtime::Error> {
    /// use futures_util::StreamExt;
    /// let reply = match client.download(request).await? {
    ///     endpoints_runtime::Streamed::Stream(reply) => reply,
    ///     endpoints_runtime::Streamed::Response(other) => return Ok(()), // an error response, decoded
    /// };
    /// let mut body = reply.body;
    /// while let Some(chunk) = body.next().await {
    ///     let chunk: Vec<u8> = chunk?;
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn download<E: Streaming>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, ByteStream>, Error> {
        Ok(self.open(request).await?.map_body(ByteStream::new))
    }

    /// Like [`download`](Self::download), for a stream of typed items
    /// (`"stream": "sse"` or `"json_lines"`): each item as it completes,
    /// typed (`Event<T>` for server-sent events, `T` for JSON lines). An
    /// item that does not fit its type is an `Error::Event` keeping its
    /// raw text, and the stream goes on; a broken connection ends it with
    /// its error.
    pub async fn events<E: StreamItems>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, EventStream<E::Item>>, Error> {
        let limit = self.core.settings.max_body_size;
        Ok(self.open(request).await?.map_body(|response| EventStream {
            body: ByteStream::new(response),
            items: Items::new::<E>(limit),
        }))
    }

    /// Like [`events`](Self::events), for server-sent events read as a
    /// browser's `EventSource` reads them: when the connection ends or
    /// breaks, the request is sent again after the stream's `retry` (until
    /// it sets one, [`Subscription::reconnect_delay`], 3 s), carrying the
    /// last event ID the stream set as `Last-Event-ID`, so the server
    /// resumes after it, and the items go on as one stream. An answer that
    /// is not the stream (a `204` that says "no more", a refusal) ends it,
    /// kept whole in [`Subscription::answer`]; so does an error opening
    /// the stream (after the client's retry policy), or one another
    /// connection would meet again (an event past `max_body_size`), as its
    /// last item.
    pub fn subscribe<E>(&self, request: E) -> Subscription<E>
    where
        E: StreamItems + Clone + Send + 'static,
        E::Response: Send + 'static,
        E::Item: Send + 'static,
    {
        let mut subscription = Subscription {
            client: self.clone(),
            request,
            state: SubscriptionState::Done,
            last_event_id: None,
            retry: None,
            delay: Duration::from_secs(3),
            answer: None,
            reconnects: 0,
            broke: None,
        };
        subscription.state = SubscriptionState::Opening(subscription.open());
        subscription
    }

    /// Sends a request of `E` by the retry policy until its stream opens
    /// or another answer, read whole, is final; in a span of its own.
    async fn open<E: Streaming>(
        &self,
        request: E,
    ) -> Result<Streamed<E::Response, reqwest::Response>, Error> {
        self.open_after(request, None).await
    }

    /// [`open`](Self::open), resuming a stream of server-sent events after
    /// `last_event_id`.
    async fn open_after<E: Streaming>(
        &self,
        request: E,
        last_event_id: Option<&str>,
    ) -> Result<Streamed<E::Response, reqwest::Response>, Error> {
        let span = SendSpan::new::<E>();
        let opened = span
            .instrument(async {
                match self.core.settings.prepare(request) {
                    Ok(mut http) => {
                        if let Some(id) = last_event_id.and_then(|id| id.parse().ok()) {
                            http.headers_mut().insert("last-event-id", id);
                        }
                        self.open_attempts::<E>(http, span.started()).await
                    }
                    Err(e) => Sent::unsent(e),
                }
            })
            .await;
        span.record_opened::<E, _>(opened.result.as_ref(), opened.attempts);
        opened.result
    }

    async fn open_attempts<E: Streaming>(
        &self,
        http: http::Request<Vec<u8>>,
        started: Instant,
    ) -> Sent<Streamed<E::Response, reqwest::Response>> {
        let settings = &self.core.settings;
        let (mut attempts, mut request) = Attempts::start(settings, http, E::IDEMPOTENT, started);
        loop {
            let outcome = match self.core.transport.open(request, is_stream::<E>).await {
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
                    tokio::time::sleep(wait).await;
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

/// A streamed response's body as it arrives: a `Stream` of chunks, each as
/// the connection gave it. A broken connection is its last item.
pub struct ByteStream {
    chunks: Pin<Box<dyn Stream<Item = Result<Vec<u8>, Error>> + Send>>,
}

impl ByteStream {
    fn new(response: reqwest::Response) -> ByteStream {
        let chunks = futures_util::stream::unfold(Some(response), |response| async move {
            let mut response = response?;
            match response.chunk().await {
                Ok(Some(chunk)) => Some((Ok(Vec::from(chunk)), Some(response))),
                Ok(None) => None,
                Err(e) => Some((Err(from_reqwest(e)), None)),
            }
        });
        ByteStream {
            chunks: Box::pin(chunks),
        }
    }
}

impl Stream for ByteStream {
    type Item = Result<Vec<u8>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.chunks.as_mut().poll_next(cx)
    }
}

impl std::fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ByteStream").finish_non_exhaustive()
    }
}

/// A stream of typed items (server-sent events, JSON lines) as they
/// arrive: `Ok` for each item that fits its type, `Error::Event` (its raw
/// text kept) for each that does not, and the error that ends it if the
/// connection breaks or an item passes `max_body_size`.
pub struct EventStream<T> {
    body: ByteStream,
    items: Items<T>,
}

impl<T> EventStream<T> {
    /// The last event ID the stream has set (server-sent events): what to
    /// send as `Last-Event-ID` to resume after it.
    pub fn last_event_id(&self) -> Option<&str> {
        self.items.last_event_id()
    }

    /// The reconnection time the stream last set (`retry`).
    pub fn retry(&self) -> Option<Duration> {
        self.items.retry()
    }
}

impl<T> Stream for EventStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.items.next_ready() {
                return Poll::Ready(Some(item));
            }
            if this.items.ended() {
                return Poll::Ready(None);
            }
            match Pin::new(&mut this.body).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(chunk))) => this.items.feed(&chunk),
                Poll::Ready(Some(Err(e))) => this.items.fail(e),
                Poll::Ready(None) => this.items.end(),
            }
        }
    }
}

impl<T> std::fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream")
            .field("last_event_id", &self.last_event_id())
            .finish_non_exhaustive()
    }
}

/// A stream of server-sent events that reconnects as `EventSource` does
/// ([`Client::subscribe`]): each item as it completes, across connections.
pub struct Subscription<E: StreamItems> {
    client: Client,
    request: E,
    state: SubscriptionState<E>,
    last_event_id: Option<String>,
    retry: Option<Duration>,
    delay: Duration,
    answer: Option<E::Response>,
    reconnects: usize,
    broke: Option<Error>,
}

type Opening<E> = Pin<
    Box<
        dyn std::future::Future<
                Output = Result<
                    Streamed<<E as Endpoint>::Response, EventStream<<E as StreamItems>::Item>>,
                    Error,
                >,
            > + Send,
    >,
>;

enum SubscriptionState<E: StreamItems> {
    Opening(Opening<E>),
    Reading(Box<EventStream<E::Item>>),
    Waiting(Pin<Box<tokio::time::Sleep>>),
    Done,
}

impl<E> Subscription<E>
where
    E: StreamItems + Clone + Send + 'static,
    E::Response: Send + 'static,
    E::Item: Send + 'static,
{
    /// How long to wait before reconnecting until the stream sets its own
    /// `retry` (3 s unless set).
    pub fn reconnect_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// The last event ID the stream has set, across connections: what the
    /// next connection sends as `Last-Event-ID`.
    pub fn last_event_id(&self) -> Option<&str> {
        self.last_event_id.as_deref()
    }

    /// The reconnection time the stream last set (`retry`).
    pub fn retry(&self) -> Option<Duration> {
        self.retry
    }

    /// How many times the connection was opened again.
    pub fn reconnects(&self) -> usize {
        self.reconnects
    }

    /// Why the connection last broke, where it broke rather than ended
    /// (a reset, a timeout).
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

    fn open(&self) -> Opening<E> {
        let client = self.client.clone();
        let request = self.request.clone();
        let last = self.last_event_id.clone();
        Box::pin(async move {
            let limit = client.core.settings.max_body_size;
            Ok(client
                .open_after(request, last.as_deref())
                .await?
                .map_body(|response| EventStream {
                    body: ByteStream::new(response),
                    items: Items::new::<E>(limit),
                }))
        })
    }
}

// Nothing of a subscription is pinned in place: its futures are boxed.
impl<E: StreamItems> Unpin for Subscription<E> {}

impl<E> Stream for Subscription<E>
where
    E: StreamItems + Clone + Send + 'static,
    E::Response: Send + 'static,
    E::Item: Send + 'static,
{
    type Item = Result<E::Item, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            match &mut this.state {
                SubscriptionState::Opening(opening) => {
                    match std::future::Future::poll(opening.as_mut(), cx) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Ok(Streamed::Stream(reply))) => {
                            this.state = SubscriptionState::Reading(Box::new(reply.body));
                        }
                        Poll::Ready(Ok(Streamed::Response(answer))) => {
                            this.answer = Some(answer);
                            this.state = SubscriptionState::Done;
                            return Poll::Ready(None);
                        }
                        Poll::Ready(Err(e)) => {
                            this.state = SubscriptionState::Done;
                            return Poll::Ready(Some(Err(e)));
                        }
                    }
                }
                SubscriptionState::Reading(events) => {
                    let next = Pin::new(&mut **events).poll_next(cx);
                    if let Some(id) = events.last_event_id() {
                        this.last_event_id = Some(id.to_string());
                    }
                    this.retry = events.retry().or(this.retry);
                    match next {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Some(Err(e))) if broke_off(&e) => {
                            // The connection broke: open it again, as when it ends.
                            this.broke = Some(e);
                            this.state = SubscriptionState::Waiting(Box::pin(tokio::time::sleep(
                                this.retry.unwrap_or(this.delay),
                            )));
                        }
                        // An item that does not fit is the stream's; an error
                        // another connection would meet again (an event past
                        // `max_body_size`) ends the subscription.
                        Poll::Ready(Some(Err(e))) if !matches!(e, Error::Event(_)) => {
                            this.state = SubscriptionState::Done;
                            return Poll::Ready(Some(Err(e)));
                        }
                        Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
                        Poll::Ready(None) => {
                            this.state = SubscriptionState::Waiting(Box::pin(tokio::time::sleep(
                                this.retry.unwrap_or(this.delay),
                            )));
                        }
                    }
                }
                SubscriptionState::Waiting(sleep) => {
                    match std::future::Future::poll(sleep.as_mut(), cx) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(()) => {
                            this.reconnects += 1;
                            this.state = SubscriptionState::Opening(this.open());
                        }
                    }
                }
                SubscriptionState::Done => return Poll::Ready(None),
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

    /// The reqwest transport these settings make, to wrap in tower layers
    /// and hand to [`build_with_service`](Self::build_with_service).
    pub fn reqwest_transport(&self) -> ReqwestTransport {
        ReqwestTransport::new(&self.settings)
    }

    /// A client over a tower `Service` (feature `tower`): the reqwest
    /// transport wrapped in layers, or any service of `http` types.
    ///
    /// ```no_run
    /// # fn run(builder: endpoints_runtime::ClientBuilder) {
    /// let transport = builder.reqwest_transport();
    /// let service = tower::ServiceBuilder::new()
    ///     // .concurrency_limit(4), .rate_limit(…), auth refresh, your own
    ///     .service(transport);
    /// let client = builder.build_with_service(service);
    /// # }
    /// ```
    #[cfg(feature = "tower")]
    pub fn build_with_service<S>(self, service: S) -> Client<ServiceTransport<S>>
    where
        ServiceTransport<S>: Transport,
    {
        self.build_with_transport(ServiceTransport(service))
    }

    /// A client on another transport: any [`Transport`], a closure included.
    /// Timeouts and the body-size cap are then the transport's to enforce.
    pub fn build_with_transport<T: Transport>(self, transport: T) -> Client<T> {
        Client {
            core: Arc::new(Core {
                settings: self.settings,
                transport,
            }),
        }
    }
}

/// The default transport: reqwest, with rustls for HTTPS. Cheap to clone.
#[derive(Clone)]
pub struct ReqwestTransport {
    client: Result<reqwest::Client, Arc<reqwest::Error>>,
    max_body_size: usize,
    timeout: Duration,
}

impl ReqwestTransport {
    fn new(settings: &Settings) -> ReqwestTransport {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            // Bounds each read of a streamed body, which has no deadline of
            // its own (and changes nothing for a whole one, bounded by the
            // total).
            .read_timeout(settings.timeout)
            // A redirect is an answer of the API's: the spec decides what it means.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(Arc::new);
        ReqwestTransport {
            client,
            max_body_size: settings.max_body_size,
            timeout: settings.timeout,
        }
    }
}

impl Transport for ReqwestTransport {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        self.exchange(request).await
    }

    fn streams_uploads(&self) -> bool {
        true
    }
}

impl ReqwestTransport {
    fn client(&self) -> Result<&reqwest::Client, Error> {
        self.client.as_ref().map_err(|e| {
            Error::Transport(format!("the HTTP client could not be built: {e}").into())
        })
    }

    async fn exchange(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let (request, watch) = to_reqwest(request)?;
        let response = self
            .client()?
            .execute(request)
            .await
            .map_err(|e| watch.error_or(from_reqwest(e)))?;
        watch.check()?;
        self.read_whole(response).await
    }

    /// Sends `request` and reads the head: a response `is_stream` names is
    /// given with its body unread; any other is read whole, within the
    /// cap and the client's timeout.
    async fn open(
        &self,
        request: http::Request<Vec<u8>>,
        is_stream: fn(u16) -> bool,
    ) -> Result<Streamed<http::Response<Vec<u8>>, reqwest::Response>, Error> {
        let (mut request, watch) = to_reqwest(request)?;
        // A stream's body has no deadline: the client's timeout bounds the
        // head (here) and each read (`read_timeout`).
        *request.timeout_mut() = Some(Duration::MAX);
        let started = Instant::now();
        let response = tokio::time::timeout(self.timeout, self.client()?.execute(request))
            .await
            .map_err(|_| Error::Timeout)?
            .map_err(|e| watch.error_or(from_reqwest(e)))?;
        watch.check()?;
        let status = response.status().as_u16();
        if is_stream(status) {
            return Ok(Streamed::Stream(super::stream::StreamReply {
                status,
                headers: response.headers().clone(),
                body: response,
            }));
        }
        let left = self.timeout.saturating_sub(started.elapsed());
        tokio::time::timeout(left, self.read_whole(response))
            .await
            .map_err(|_| Error::Timeout)?
            .map(Streamed::Response)
    }

    /// The whole response, its body read within the cap.
    async fn read_whole(
        &self,
        mut response: reqwest::Response,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let (status, version, headers) = (
            response.status(),
            response.version(),
            response.headers().clone(),
        );
        let mut body = CappedBody::new(self.max_body_size, response.content_length())?;
        while let Some(chunk) = response.chunk().await.map_err(from_reqwest)? {
            body.push(&chunk)?;
        }
        Ok(super::transport::response_parts(
            status,
            version,
            headers,
            body.into_inner(),
        ))
    }
}

/// A request as reqwest's, an upload in its extensions made its body,
/// streamed as it is read (with `Content-Length` where its length is
/// known, chunked where not), and where the upload records why it stopped.
fn to_reqwest(mut request: http::Request<Vec<u8>>) -> Result<(reqwest::Request, Watch), Error> {
    let upload = request.extensions_mut().remove::<UploadBody>();
    let mut request = reqwest::Request::try_from(request).map_err(from_reqwest)?;
    let watch = Watch::default();
    if let Some(upload) = upload {
        if let Some(len) = upload.upload.content_length() {
            request
                .headers_mut()
                .insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(len));
        }
        let chunks = UploadStream::new(&upload, watch.clone());
        *request.body_mut() = Some(reqwest::Body::wrap(chunks));
    }
    Ok((request, watch))
}

/// The reqwest transport as a tower `Service`, so tower layers can wrap it.
#[cfg(feature = "tower")]
impl tower::Service<http::Request<Vec<u8>>> for ReqwestTransport {
    type Response = http::Response<Vec<u8>>;
    type Error = Error;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<http::Response<Vec<u8>>, Error>> + Send>,
    >;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Vec<u8>>) -> Self::Future {
        let transport = self.clone();
        Box::pin(async move { transport.exchange(request).await })
    }
}

/// A tower `Service` of `http` types as a client's transport (feature
/// `tower`): each send clones the service, waits until it is ready, then
/// calls it, as tower's own clients do. Layers whose errors are not
/// [`Error`] can be mapped with `tower::ServiceBuilder::map_err`.
#[cfg(feature = "tower")]
#[derive(Debug, Clone)]
pub struct ServiceTransport<S>(pub S);

#[cfg(feature = "tower")]
impl<S> Transport for ServiceTransport<S>
where
    S: tower::Service<http::Request<Vec<u8>>, Response = http::Response<Vec<u8>>, Error = Error>
        + Clone
        + Send
        + Sync
        + 'static,
    S::Future: Send,
{
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let mut service = self.0.clone();
        tower::ServiceExt::ready(&mut service).await?;
        service.call(request).await
    }
}
