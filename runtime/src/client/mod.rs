//! Layer `client`: sending requests and reading their answers. The
//! settings, the attempt loop (retry decisions with no I/O), the walk over
//! pages, tracing and the transports are written once here; the async
//! [`Client`] and the blocking client are thin shells over them that differ
//! only in how they wait and do I/O. Never imports the server layer.

mod transport;

pub use transport::{
    BlockingTransport, Transport, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT,
};

#[cfg(feature = "client")]
mod async_client;
#[cfg(feature = "blocking")]
pub(crate) mod blocking;
#[cfg(any(feature = "client", feature = "blocking"))]
mod pages;
#[cfg(any(feature = "client", feature = "blocking"))]
mod retry;
#[cfg(any(feature = "client", feature = "blocking"))]
mod settings;
#[cfg(any(feature = "client", feature = "blocking"))]
mod trace;

#[cfg(feature = "tower")]
pub use async_client::ServiceTransport;
#[cfg(feature = "client")]
pub use async_client::{Client, ClientBuilder, ReqwestTransport};
#[cfg(any(feature = "client", feature = "blocking"))]
pub use retry::{RetryPolicy, Sent};

/// What a client holds behind its `Arc`: its settings and its transport.
#[cfg(any(feature = "client", feature = "blocking"))]
struct Core<T> {
    settings: settings::Settings,
    transport: T,
}

#[cfg(any(feature = "client", feature = "blocking"))]
impl<T> Core<T> {
    /// A client's `Debug`: its base URL, never its credential.
    fn debug(&self, name: &str, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct(name)
            .field("base_url", &self.settings.base_url)
            .finish_non_exhaustive()
    }
}
