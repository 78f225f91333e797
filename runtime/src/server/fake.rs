//! Layer `server`: an embedded HTTP server for tests: binds 127.0.0.1 on a free port,
//! routes by method and path template (and an endpoint's fixed params),
//! records every request it receives,
//! and shuts down when dropped.
//!
//! ```no_run
//! use endpoints_runtime::fake::FakeServer;
//!
//! let server = FakeServer::builder()
//!     .route(http::Method::GET, "/things/{id}", |_request| {
//!         http::Response::builder().status(200).body(b"{}".to_vec()).unwrap()
//!     })
//!     .start()
//!     .unwrap();
//! // … point a client at server.url() …
//! assert_eq!(server.requests().len(), 0);
//! ```

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::{BodyExt, Either, Full};

use crate::codec::request::{copy_request, match_path, route_fit};
use crate::codec::response::{encode_response, json_response};
use crate::endpoint::{Endpoint, EndpointResponse, Paged, SuccessExample};
use crate::error::RequestError;
use crate::spec::{PageStyle, WireKind};

/// Sets the value at a dotted path (`data.items`; `""` is the whole value),
/// making objects on the way.
fn put(target: &mut serde_json::Value, path: &str, value: serde_json::Value) {
    let mut at = target;
    for key in path.split('.').filter(|k| !k.is_empty()) {
        if !at.is_object() {
            *at = serde_json::Value::Object(serde_json::Map::new());
        }
        let serde_json::Value::Object(object) = at else {
            return;
        };
        at = object.entry(key).or_insert(serde_json::Value::Null);
    }
    *at = value;
}

/// What a route does with a request.
pub type Handler = Arc<dyn Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync>;

/// A streamed body a route answers with ([`FakeServerBuilder::stream`]):
/// its chunks, each made when the connection can take it, so a body of
/// any size is never held whole.
pub type Chunks = Box<dyn Iterator<Item = Vec<u8>> + Send>;

/// A body as a route answers: whole, or chunk by chunk.
enum Body {
    Whole(Vec<u8>),
    Chunks(Chunks),
}

type Respond = Arc<dyn Fn(http::Request<Vec<u8>>) -> http::Response<Body> + Send + Sync>;

/// How many of an endpoint's fixed params a request carries, then how
/// many of its required query, header and cookie params, then whether its
/// body is of the endpoint's media type; `None` when it lacks a param or
/// carries another value.
type Fit = fn(&http::Request<Vec<u8>>) -> Option<(usize, usize, bool)>;

struct Route {
    method: http::Method,
    template: String,
    /// For an endpoint's route, how a request fits its fixed and required
    /// params.
    fit: Option<Fit>,
    handler: Respond,
}

/// A streamed body for hyper: the next chunk when the connection asks.
struct ChunkBody(Chunks);

impl hyper::body::Body for ChunkBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Bytes>, Infallible>>> {
        std::task::Poll::Ready(
            self.0
                .next()
                .map(|chunk| Ok(hyper::body::Frame::data(Bytes::from(chunk)))),
        )
    }
}

impl Route {
    /// Matched the way generated servers match: the same placeholders.
    fn matches(&self, method: &http::Method, path: &str) -> bool {
        self.method == method && match_path(&self.template, path).is_some()
    }

    /// How many fixed, then required, params of the route's endpoint the
    /// request carries, then whether its body is of the endpoint's media
    /// type (none and no for a plain route); `None` when it lacks one or
    /// carries another value.
    fn fit(&self, request: &http::Request<Vec<u8>>) -> Option<(usize, usize, bool)> {
        self.fit.map_or(Some((0, 0, false)), |fit| fit(request))
    }
}

/// The route for a request: of those serving its method and path, the one
/// whose fixed and required params it carries, the one with the most
/// fixed where several do (`GET /b?acl` goes to the endpoint fixing `acl`,
/// `GET /b` to the one fixing nothing), then the most required
/// (`DELETE /b/k?uploadId=1` to the endpoint requiring `uploadId`), then
/// the one whose body's media type the request sends (`POST /analyze` of
/// JSON, or of an image's bytes), the earliest of equals; where none
/// fits, the first, which refuses it by the param it lacks.
fn choose<'r>(routes: &'r [Route], request: &http::Request<Vec<u8>>) -> Option<&'r Route> {
    let path = request.uri().path();
    let mut serving = routes.iter().filter(|r| r.matches(request.method(), path));
    let first = serving.next()?;
    let mut best = first.fit(request).map(|n| (n, first));
    for route in serving {
        if let Some(n) = route.fit(request) {
            if best.is_none_or(|(most, _)| n > most) {
                best = Some((n, route));
            }
        }
    }
    Some(best.map_or(first, |(_, route)| route))
}

/// Routes for a [`FakeServer`], then `start`.
#[derive(Default)]
pub struct FakeServerBuilder {
    routes: Vec<Route>,
    fallback: Option<Handler>,
}

impl FakeServerBuilder {
    /// Answers `method` requests whose path fits `template`: a `{name}`
    /// placeholder matches non-empty text within one segment, around the
    /// segment's literal text (`/files/{name}.{ext}` serves
    /// `/files/a.tar.gz`, each placeholder taking the shortest text that
    /// lets the rest match). Earlier routes win.
    pub fn route<F>(mut self, method: http::Method, template: &str, handler: F) -> Self
    where
        F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync + 'static,
    {
        self.routes.push(Route {
            method,
            template: template.to_string(),
            fit: None,
            handler: Arc::new(move |request| handler(request).map(Body::Whole)),
        });
        self
    }

    /// A route for endpoint `E`: its method and path, and its fixed params
    /// to tell it from the endpoints that share them.
    fn endpoint_route<E, F>(self, handler: F) -> Self
    where
        E: Endpoint + 'static,
        F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync + 'static,
    {
        let mut builder = self.route(E::METHOD, E::PATH, handler);
        if let Some(route) = builder.routes.last_mut() {
            route.fit = Some(|request| route_fit(request, &E::METADATA));
        }
        builder
    }

    /// Answers `method` requests whose path fits `template` with a
    /// streamed body: its chunks are made as the client reads them, so a
    /// body far larger than memory can be served (a download, an endless
    /// event stream).
    ///
    /// ```no_run
    /// use endpoints_runtime::fake::{Chunks, FakeServer};
    ///
    /// // 1 GiB of zeros, a MiB at a time.
    /// let server = FakeServer::builder()
    ///     .stream(http::Method::GET, "/big", |_request| {
    ///         let chunks: Chunks = Box::new((0..1024).map(|_| vec![0u8; 1 << 20]));
    ///         http::Response::new(chunks)
    ///     })
    ///     .start()
    ///     .unwrap();
    /// ```
    pub fn stream<F>(mut self, method: http::Method, template: &str, handler: F) -> Self
    where
        F: Fn(http::Request<Vec<u8>>) -> http::Response<Chunks> + Send + Sync + 'static,
    {
        self.routes.push(Route {
            method,
            template: template.to_string(),
            fit: None,
            handler: Arc::new(move |request| handler(request).map(Body::Chunks)),
        });
        self
    }

    /// Answers the requests of endpoint `E` with `handler`, written against
    /// the generated types. A request that does not decode or breaks the
    /// spec's rules is answered the way the spec's `refusals` say the API
    /// does (PlanoCore: `missing-param`, `invalid-param`,
    /// `invalid-content-type`, with the slug and a `message` in the body),
    /// or, where the spec names none, `400` with a JSON body saying what is
    /// wrong. [`endpoint_or`](Self::endpoint_or) chooses the answer itself.
    ///
    /// Endpoints that share a method and path (AWS's actions on `POST /`)
    /// are told apart by their fixed params (`const`): a request goes to
    /// the endpoint whose fixed params it carries, the one with the most
    /// where several do; where none fits, the first refuses it, naming the
    /// fixed param.
    pub fn endpoint<E, F>(self, handler: F) -> Self
    where
        E: Endpoint + 'static,
        F: Fn(E) -> E::Response + Send + Sync + 'static,
    {
        self.endpoint_route::<E, _>(move |request| match E::from_http_request(&request) {
            Ok(decoded) => handler(decoded).to_http_response(),
            Err(error) => refusal::<E>(&error),
        })
    }

    /// Like [`endpoint`](Self::endpoint), with `refuse` choosing the
    /// documented response for a request that does not decode (for
    /// PlanoCore: `missing-param` or `invalid-param`).
    pub fn endpoint_or<E, F, G>(self, handler: F, refuse: G) -> Self
    where
        E: Endpoint + 'static,
        F: Fn(E) -> E::Response + Send + Sync + 'static,
        G: Fn(RequestError) -> E::Response + Send + Sync + 'static,
    {
        self.endpoint_route::<E, _>(move |request| match E::from_http_request(&request) {
            Ok(decoded) => handler(decoded).to_http_response(),
            Err(error) => refuse(error).to_http_response(),
        })
    }

    /// Answers the requests of endpoint `E` with no handler: with the first
    /// example its spec gives of a success (the first success response
    /// with `examples`), at that response's code (200 where it documents
    /// none), with its slug in the body where the API names responses
    /// there, and the headers it declares that have examples. Requests
    /// that do not decode are refused as [`endpoint`](Self::endpoint)
    /// refuses them. For code under test that needs a plausible answer,
    /// not a particular one.
    pub fn example<E>(self) -> Self
    where
        E: SuccessExample + 'static,
    {
        self.endpoint_route::<E, _>(|request| {
            if let Err(error) = E::from_http_request(&request) {
                return refusal::<E>(&error);
            }
            let Some(spec) = E::RESPONSES.get(E::EXAMPLE_RESPONSE) else {
                return json_response(500, r#"{"error":"the spec's example names no response"}"#);
            };
            let body: serde_json::Value = serde_json::from_str(E::EXAMPLE_BODY).unwrap_or_default();
            let slug = E::STATUS_FIELD.map(|field| (field, spec.name));
            let mut response = encode_response(spec.example_status(200), &body, slug);
            for (name, value) in E::EXAMPLE_HEADERS {
                if let (Ok(name), Ok(value)) = (
                    http::HeaderName::from_bytes(name.as_bytes()),
                    http::HeaderValue::from_str(value),
                ) {
                    response.headers_mut().insert(name, value);
                }
            }
            response
        })
    }

    /// Serves the pages of a paged endpoint `E` (its spec's `pages`) over
    /// `all`, `per_page` at a time: `respond` answers the decoded request as
    /// the API would (PlanoCore: an `action-successful` envelope), and the
    /// fake puts the page's items where `pages.items` says, and what leads
    /// to the next page where the style says: the next cursor at
    /// `pages.next`; for the other styles with `pages.next`, the next
    /// page's URL there (as Django REST framework writes it); for a link
    /// walk without it, a `Link: <…>; rel="next"` header with an `after`
    /// query param; `null`, or nothing, on the last page. Past the end, a page has no items. Requests that do not
    /// decode are refused as [`endpoint`](Self::endpoint) refuses them.
    pub fn pages<E, F>(self, all: Vec<serde_json::Value>, per_page: usize, respond: F) -> Self
    where
        E: Paged + 'static,
        F: Fn(E) -> E::Response + Send + Sync + 'static,
    {
        let per_page = per_page.max(1);
        self.endpoint_route::<E, _>(move |request| {
            let decoded = match E::from_http_request(&request) {
                Ok(decoded) => decoded,
                Err(error) => return refusal::<E>(&error),
            };
            let paging = E::PAGING;
            let params = serde_json::to_value(&decoded).unwrap_or_default();
            let param = params.get(paging.param).filter(|v| !v.is_null());
            let index = |v: Option<&serde_json::Value>| {
                v.and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
                    .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
            };
            // Saturating: a page far past the end is an empty page.
            let start = match paging.style {
                PageStyle::Page => (index(param).unwrap_or(1).max(1) - 1).saturating_mul(per_page),
                PageStyle::Offset | PageStyle::Cursor => index(param).unwrap_or(0),
                PageStyle::Link => {
                    let query = request.uri().query().unwrap_or("");
                    form_urlencoded::parse(query.as_bytes())
                        .find(|(k, _)| k == "after")
                        .and_then(|(_, v)| v.parse().ok())
                        .unwrap_or(0)
                }
            };
            let end = start.saturating_add(per_page).min(all.len());
            let items = all.get(start..end).unwrap_or_default().to_vec();
            let more = end < all.len();
            let mut response = respond(decoded).to_http_response();
            if !response.status().is_success() {
                return response;
            }
            let mut body: serde_json::Value =
                serde_json::from_slice(response.body()).unwrap_or_default();
            put(&mut body, paging.items, serde_json::Value::Array(items));
            if paging.style == PageStyle::Cursor {
                let text = E::PARAMS
                    .iter()
                    .any(|p| p.name == paging.param && matches!(p.kind, WireKind::Text));
                let next = match (more, text) {
                    (false, _) => serde_json::Value::Null,
                    (true, true) => end.to_string().into(),
                    (true, false) => end.into(),
                };
                put(&mut body, paging.next, next);
            }
            // The next page's URL, as Django REST framework writes it in
            // the body (`next`, `null` on the last page), or for a link
            // walk without `next`, in a `Link` header.
            let next_url = |moving: &str, value: String| {
                let uri = request.uri();
                let mut query = form_urlencoded::Serializer::new(String::new());
                for (k, v) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
                    if k != moving {
                        query.append_pair(&k, &v);
                    }
                }
                query.append_pair(moving, &value);
                format!("{}?{}", uri.path(), query.finish())
            };
            let next = match paging.style {
                _ if !more => None,
                PageStyle::Page => {
                    let page = start / per_page + 2;
                    Some(next_url(paging.param, page.to_string()))
                }
                PageStyle::Offset => Some(next_url(paging.param, end.to_string())),
                PageStyle::Link => Some(next_url("after", end.to_string())),
                _ => None,
            };
            let in_body = !paging.next.is_empty() && paging.style != PageStyle::Cursor;
            if in_body {
                put(
                    &mut body,
                    paging.next,
                    next.map_or(serde_json::Value::Null, Into::into),
                );
            } else if let (PageStyle::Link, Some(next)) = (paging.style, next) {
                let link = format!("<{next}>; rel=\"next\"");
                if let Ok(value) = http::HeaderValue::from_str(&link) {
                    response.headers_mut().insert(http::header::LINK, value);
                }
            }
            *response.body_mut() = serde_json::to_vec(&body).unwrap_or_default();
            response
        })
    }

    /// Answers requests to paths no route serves (by default: `404` with a
    /// JSON body naming the method and path). A path that routes serve
    /// under other methods is answered `405` with an `Allow` header.
    pub fn fallback<F>(mut self, handler: F) -> Self
    where
        F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync + 'static,
    {
        self.fallback = Some(Arc::new(handler));
        self
    }

    /// Binds 127.0.0.1 on a free port and serves on a thread of its own.
    pub fn start(self) -> std::io::Result<FakeServer> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("endpoints-fake-server")
            .enable_all()
            .build()?;
        let state = Arc::new(State {
            routes: self.routes,
            fallback: self.fallback,
            requests: Mutex::new(Vec::new()),
            connections: AtomicUsize::new(0),
        });
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = Arc::clone(&state);
        let thread = std::thread::Builder::new()
            .name("endpoints-fake-server".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    loop {
                        tokio::select! {
                            _ = &mut stopped => break,
                            accepted = listener.accept() => {
                                let Ok((stream, _)) = accepted else { continue };
                                serving.connections.fetch_add(1, Ordering::SeqCst);
                                let state = Arc::clone(&serving);
                                tokio::spawn(async move {
                                    let service = hyper::service::service_fn(move |request| {
                                        let state = Arc::clone(&state);
                                        async move { Ok::<_, Infallible>(state.handle(request).await) }
                                    });
                                    let io = hyper_util::rt::TokioIo::new(stream);
                                    let _ = hyper::server::conn::http1::Builder::new()
                                        .serve_connection(io, service)
                                        .await;
                                });
                            }
                        }
                    }
                });
                // Handlers still running (a test's slow one) are not waited for.
                runtime.shutdown_background();
            })?;
        Ok(FakeServer {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

struct State {
    routes: Vec<Route>,
    fallback: Option<Handler>,
    requests: Mutex<Vec<http::Request<Vec<u8>>>>,
    connections: AtomicUsize,
}

impl State {
    async fn handle(
        &self,
        request: hyper::Request<hyper::body::Incoming>,
    ) -> hyper::Response<Either<Full<Bytes>, ChunkBody>> {
        let (parts, body) = request.into_parts();
        let body = match body.collect().await {
            Ok(collected) => collected.to_bytes().to_vec(),
            Err(_) => Vec::new(),
        };
        let request = http::Request::from_parts(parts, body);
        if let Ok(mut requests) = self.requests.lock() {
            requests.push(copy_request(&request));
        }
        let path = request.uri().path();
        let route = choose(&self.routes, &request);
        // A path served by other methods: HTTP's answer is 405 with the
        // methods that are (RFC 9110 §15.5.6), not 404.
        let mut allowed: Vec<&str> = Vec::new();
        if route.is_none() {
            for r in &self.routes {
                let method = r.method.as_str();
                if !allowed.contains(&method) && match_path(&r.template, path).is_some() {
                    allowed.push(method);
                }
            }
        }
        let handler: Option<Respond> = match route {
            Some(route) => Some(Arc::clone(&route.handler)),
            None => allowed
                .is_empty()
                .then(|| self.fallback.clone())
                .flatten()
                .map(|fallback| -> Respond {
                    Arc::new(move |request| fallback(request).map(Body::Whole))
                }),
        };
        let response = match handler {
            Some(handler) => {
                let answer = tokio::task::spawn_blocking(move || handler(request)).await;
                return match answer {
                    Ok(response) => response.map(|body| match body {
                        Body::Whole(bytes) => Either::Left(Full::new(Bytes::from(bytes))),
                        Body::Chunks(chunks) => Either::Right(ChunkBody(chunks)),
                    }),
                    Err(_) => {
                        json_response(500, r#"{"error":"the fake server's handler panicked"}"#)
                            .map(|body| Either::Left(Full::new(Bytes::from(body))))
                    }
                };
            }
            None if !allowed.is_empty() => {
                let mut response = json_response(
                    405,
                    &serde_json::json!({
                        "error": "method not allowed",
                        "method": request.method().as_str(),
                        "path": path,
                        "allow": allowed,
                    })
                    .to_string(),
                );
                if let Ok(allow) = http::HeaderValue::from_str(&allowed.join(", ")) {
                    response.headers_mut().insert(http::header::ALLOW, allow);
                }
                response
            }
            None => json_response(
                404,
                &serde_json::json!({
                    "error": "no route",
                    "method": request.method().as_str(),
                    "path": path,
                })
                .to_string(),
            ),
        };
        response.map(|body| Either::Left(Full::new(Bytes::from(body))))
    }
}

/// The default answer to a request of `E` that does not decode: the
/// response the spec names for it, else a plain `400`.
fn refusal<E: Endpoint>(error: &RequestError) -> http::Response<Vec<u8>> {
    if let Some(name) = E::REFUSALS.for_error(error) {
        let code = E::RESPONSES
            .iter()
            .find(|r| r.name == name)
            .map_or(400, |r| r.example_status(400));
        let mut body = serde_json::Map::new();
        if let Some(field) = E::STATUS_FIELD {
            body.insert(field.to_string(), name.into());
        }
        body.insert("message".into(), error.to_string().into());
        return json_response(code, &serde_json::Value::Object(body).to_string());
    }
    let (status, kind) = match error {
        RequestError::NotThisEndpoint => (404, "not-this-endpoint"),
        RequestError::Missing { .. } => (400, "missing-param"),
        RequestError::Malformed { .. } => (400, "malformed-param"),
        RequestError::Body { .. } => (400, "unreadable-body"),
        RequestError::Invalid(_) => (400, "invalid-param"),
    };
    json_response(
        status,
        &serde_json::json!({ "error": kind, "message": error.to_string() }).to_string(),
    )
}

/// A running fake server; dropping it shuts it down.
pub struct FakeServer {
    addr: SocketAddr,
    state: Arc<State>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeServer {
    /// Routes, then `start`.
    pub fn builder() -> FakeServerBuilder {
        FakeServerBuilder::default()
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request received so far, in order, exactly as it arrived.
    pub fn requests(&self) -> Vec<http::Request<Vec<u8>>> {
        match self.state.requests.lock() {
            Ok(requests) => requests.iter().map(copy_request).collect(),
            Err(poisoned) => poisoned.get_ref().iter().map(copy_request).collect(),
        }
    }

    /// How many connections were accepted so far.
    pub fn connections(&self) -> usize {
        self.state.connections.load(Ordering::SeqCst)
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for FakeServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeServer")
            .field("url", &self.url())
            .finish_non_exhaustive()
    }
}
