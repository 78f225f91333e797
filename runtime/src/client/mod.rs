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
mod stream;
#[cfg(any(feature = "client", feature = "blocking"))]
mod trace;
#[cfg(any(feature = "client", feature = "blocking"))]
mod upload;

#[cfg(feature = "tower")]
pub use async_client::ServiceTransport;
#[cfg(feature = "client")]
pub use async_client::{
    ByteStream, Client, ClientBuilder, EventStream, ReqwestTransport, Subscription,
};
#[cfg(any(feature = "client", feature = "blocking"))]
pub use retry::{RetryPolicy, Sent};
#[cfg(any(feature = "client", feature = "blocking"))]
pub use stream::{StreamReply, Streamed};

/// What a client holds behind its `Arc`: its settings and its transport.
#[cfg(any(feature = "client", feature = "blocking"))]
struct Core<T> {
    settings: settings::Settings,
    transport: T,
}

/// What both client shells offer alike, over their `core: Arc<Core<T>>`:
/// `new` and `builder`, `Clone`, a `Debug` that shows the base URL (never
/// the credential), and the accessors.
#[cfg(any(feature = "client", feature = "blocking"))]
macro_rules! shell_common {
    ($client:ident, $builder:ident, $debug_name:literal) => {
        impl $client {
            /// A client for the API at `base_url`, with default settings. A
            /// malformed URL is reported by `send`.
            pub fn new(base_url: impl Into<String>) -> $client {
                $client::builder(base_url).build()
            }

            /// Settings for a client of the API at `base_url`.
            pub fn builder(base_url: impl Into<String>) -> $builder {
                $builder {
                    settings: Settings::new(base_url.into()),
                }
            }
        }

        impl<T> Clone for $client<T> {
            fn clone(&self) -> Self {
                $client {
                    core: Arc::clone(&self.core),
                }
            }
        }

        impl<T> std::fmt::Debug for $client<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct($debug_name)
                    .field("base_url", &self.core.settings.base_url)
                    .finish_non_exhaustive()
            }
        }

        impl<T> $client<T> {
            /// The base URL requests go to.
            pub fn base_url(&self) -> &str {
                &self.core.settings.base_url
            }

            /// The transport under the client.
            pub fn transport(&self) -> &T {
                &self.core.transport
            }
        }
    };
}

#[cfg(any(feature = "client", feature = "blocking"))]
use shell_common;
