//! What several test files share: sending one request through both clients.

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
