//! What several test files share: sending one request through both
//! clients, and a raw request as a server receives it.

use endpoints::{Endpoint, Error};

/// Sends `request` through the async client, then through the blocking one,
/// each built by its `configure` from the same base URL.
pub fn send_both_with<E>(
    base_url: &str,
    request: E,
    configure: impl FnOnce(endpoints::ClientBuilder) -> endpoints::ClientBuilder,
    configure_blocking: impl FnOnce(
        endpoints::blocking::ClientBuilder,
    ) -> endpoints::blocking::ClientBuilder,
) -> [Result<E::Response, Error>; 2]
where
    E: Endpoint + Clone + Send + 'static,
    E::Response: Send,
{
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = configure(endpoints::Client::builder(base_url)).build();
    let from_async = runtime.block_on(client.send(request.clone()));
    drop(client);
    drop(runtime);
    let blocking = configure_blocking(endpoints::blocking::Client::builder(base_url)).build();
    [from_async, blocking.send(request)]
}

/// A request as a server receives it: method, path, an optional
/// `Content-Type` and the body bytes.
#[allow(dead_code)] // Used by the files that test the server's side.
pub fn raw_request(
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> endpoints::http::Request<Vec<u8>> {
    let mut request = endpoints::http::Request::builder().method(method).uri(path);
    if let Some(ct) = content_type {
        request = request.header(endpoints::http::header::CONTENT_TYPE, ct);
    }
    request.body(body.to_vec()).unwrap()
}
