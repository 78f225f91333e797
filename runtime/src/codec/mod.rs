//! Layer `codec`: the wire formats, both directions side by side, by what
//! they carry. Nothing here knows an endpoint trait.

pub(crate) mod text;
