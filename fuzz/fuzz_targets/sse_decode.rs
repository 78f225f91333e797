//! The event-stream decoder on any bytes cut anywhere: the same events as
//! the whole body, never a panic.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::sse_chunks(data));
