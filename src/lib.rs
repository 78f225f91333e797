//! Typed, validated clients for HTTP APIs that are documented only as web
//! pages.
//!
//! Transcribe each endpoint into a JSON spec (see `SPEC_FORMAT.md`), then:
//!
//! ```ignore
//! endpoints::endpoint!("specs/cloudcard/create_person.json");
//!
//! // The client holds the API's credential (the param the spec marks
//! // `credential`) and fills it into every request that leaves it unset.
//! let client = endpoints::Client::builder("https://api.onlinephotosubmission.com")
//!     .credential(token)
//!     .build();
//! let request = create_person::Request::builder()
//!     .email("jon.doe@foo.edu") // required: `build()` does not compile without it
//!     .send_invitation(false)
//!     .build();
//! let response = client.send(request).await?; // validates first: every broken rule, each with its wire path
//! ```
//!
//! Each spec becomes a module with a `Request` struct (a field per param)
//! and its builder,
//! an enum per list of possible values, a struct per object type, a
//! `Response` enum (a variant per documented response, plus `Unknown`
//! keeping whatever else the server says), and an [`Endpoint`] impl that
//! validates, encodes to `http::Request` and decodes from `http::Response`.

pub use endpoints_macros::endpoint;
pub use endpoints_runtime::{
    Binary, BlockingTransport, Bytes, DecodeError, Endpoint, EndpointResponse, Error, Event,
    EventError, Fallback, File, Format, Nullable, PageError, PageStop, PageStyle, Paged, Paging,
    Path, RawEvent, RawResponse, Reply, RequestError, Rule, SharedParam, StreamItems, StreamKind,
    Streaming, SuccessExample, Text, Transport, Upload, UploadError, Validate, ValidationError,
    ValidationErrors, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_TIMEOUT,
};

#[cfg(feature = "tower")]
pub use endpoints_runtime::ServiceTransport;
#[cfg(feature = "client")]
pub use endpoints_runtime::{ByteStream, Client, ClientBuilder, EventStream, ReqwestTransport};
#[cfg(any(feature = "client", feature = "blocking"))]
pub use endpoints_runtime::{RetryPolicy, Sent, StreamReply, Streamed};

/// The blocking client.
#[cfg(feature = "blocking")]
pub use endpoints_runtime::blocking;

/// The embedded fake server, for testing code that calls an API.
#[cfg(feature = "fake-server")]
pub use endpoints_runtime::fake;

/// The server's side of a spec: what `from_http_request` reads with.
pub use endpoints_runtime::server;

pub use endpoints_runtime::stream;

/// The `http` crate, whose types requests and responses travel in.
pub use endpoints_runtime::__private::http;

#[doc(hidden)]
pub use endpoints_runtime::__private;
