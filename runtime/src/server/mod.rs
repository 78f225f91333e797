//! Layer `server`: the server's side of a spec. Reading a request is
//! `Endpoint::from_http_request` (through the codec, by the spec's tables);
//! this layer adds the fake server that answers from the same specs. It
//! never imports the client layer, nor the client it.
//!
//! The names a server side reads requests by are re-exported here, where
//! they have always been.

pub use crate::error::RequestError;
pub use crate::spec::{BodyEncoding, In, ParamSpec, Refusals, WireKind};

#[cfg(feature = "fake-server")]
pub(crate) mod fake;
