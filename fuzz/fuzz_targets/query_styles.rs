//! Query params joined by commas or pipes, in brackets, and a flattened
//! map, from any texts: read back as sent, or refused by the client.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::query_styles(data));
