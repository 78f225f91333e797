//! Layer `server`: the server's side of a spec. Reading a request is
//! `Endpoint::from_http_request` (through the codec, by the spec's tables);
//! this layer adds the fake server that answers from the same specs. It
//! never imports the client layer, nor the client it.
//!
//! What a server side reads requests by is here: the tables, the params
//! of a request read by wire name ([`Params`], which
//! `Endpoint::from_params` takes), and [`decode_request`], the step
//! `Endpoint::from_http_request` takes before `from_params`. (The
//! percent, base64 and response-writing helpers this module once exported
//! are the codec's own now; `Response::to_http_response` writes a
//! response.)

pub use crate::codec::request::{decode_request, Params};
pub use crate::endpoint::deserialize_params;
pub use crate::error::RequestError;
pub use crate::spec::{BodyEncoding, In, ParamSpec, Refusals, WireKind};

#[cfg(feature = "fake-server")]
pub(crate) mod fake;
