//! An embedded HTTP server for tests: binds 127.0.0.1 on a free port,
//! routes by method and path template, records every request it receives,
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
use http_body_util::{BodyExt, Full};

use crate::{Endpoint, EndpointResponse, RequestError};

/// What a route does with a request.
pub type Handler = Arc<dyn Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync>;

struct Route {
    method: http::Method,
    template: String,
    handler: Handler,
}

impl Route {
    /// Matched the way generated servers match: the same placeholders.
    fn matches(&self, method: &http::Method, path: &str) -> bool {
        self.method == method && crate::server::match_path(&self.template, path).is_some()
    }
}

/// Routes for a [`FakeServer`], then `start`.
#[derive(Default)]
pub struct FakeServerBuilder {
    routes: Vec<Route>,
    fallback: Option<Handler>,
}

impl FakeServerBuilder {
    /// Answers `method` requests whose path fits `template` (`{name}`
    /// segments match any one segment). Earlier routes win.
    pub fn route<F>(mut self, method: http::Method, template: &str, handler: F) -> Self
    where
        F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync + 'static,
    {
        self.routes.push(Route {
            method,
            template: template.to_string(),
            handler: Arc::new(handler),
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
    pub fn endpoint<E, F>(self, handler: F) -> Self
    where
        E: Endpoint + 'static,
        F: Fn(E) -> E::Response + Send + Sync + 'static,
    {
        self.route(
            E::METHOD,
            E::PATH,
            move |request| match E::from_http_request(&request) {
                Ok(decoded) => handler(decoded).to_http_response(),
                Err(error) => refusal::<E>(&error),
            },
        )
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
        self.route(
            E::METHOD,
            E::PATH,
            move |request| match E::from_http_request(&request) {
                Ok(decoded) => handler(decoded).to_http_response(),
                Err(error) => refuse(error).to_http_response(),
            },
        )
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
    ) -> hyper::Response<Full<Bytes>> {
        let (parts, body) = request.into_parts();
        let body = match body.collect().await {
            Ok(collected) => collected.to_bytes().to_vec(),
            Err(_) => Vec::new(),
        };
        let request = http::Request::from_parts(parts, body);
        if let Ok(mut requests) = self.requests.lock() {
            requests.push(crate::wire::copy_request(&request));
        }
        let path = request.uri().path();
        let route = self
            .routes
            .iter()
            .find(|r| r.matches(request.method(), path));
        // A path served by other methods: HTTP's answer is 405 with the
        // methods that are (RFC 9110 §15.5.6), not 404.
        let mut allowed: Vec<&str> = Vec::new();
        if route.is_none() {
            for r in &self.routes {
                let method = r.method.as_str();
                if !allowed.contains(&method)
                    && crate::server::match_path(&r.template, path).is_some()
                {
                    allowed.push(method);
                }
            }
        }
        let handler = route
            .map(|r| Arc::clone(&r.handler))
            .or_else(|| allowed.is_empty().then(|| self.fallback.clone()).flatten());
        let response = match handler {
            Some(handler) => tokio::task::spawn_blocking(move || handler(request))
                .await
                .unwrap_or_else(|_| {
                    json_response(500, r#"{"error":"the fake server's handler panicked"}"#)
                }),
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
        response.map(|body| Full::new(Bytes::from(body)))
    }
}

pub use crate::server::json_response;

/// The default answer to a request of `E` that does not decode: the
/// response the spec names for it, else a plain `400`.
fn refusal<E: Endpoint>(error: &RequestError) -> http::Response<Vec<u8>> {
    if let Some(name) = E::REFUSALS.for_error(error) {
        let code = E::RESPONSES
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.code)
            .unwrap_or(400);
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
            Ok(requests) => requests.iter().map(crate::wire::copy_request).collect(),
            Err(poisoned) => poisoned
                .get_ref()
                .iter()
                .map(crate::wire::copy_request)
                .collect(),
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
