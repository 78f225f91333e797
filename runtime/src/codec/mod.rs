//! Layer `codec`: the wire formats, both directions side by side, by what
//! they carry: param texts, percent-encoding and base64 (`text`), JSON
//! bodies and numbers (`json`), form bodies (`form`), requests (`request`),
//! responses (`response`) and bodies read as they arrive (`stream`:
//! server-sent events, JSON lines). Nothing here knows an endpoint trait: it
//! works from the spec's tables. Above `spec`, `validate` and `error`.

pub(crate) mod form;
pub(crate) mod json;
pub(crate) mod multipart;
pub(crate) mod request;
pub(crate) mod response;
pub(crate) mod stream;
pub(crate) mod text;
pub(crate) mod union;

#[cfg(test)]
mod tests;
