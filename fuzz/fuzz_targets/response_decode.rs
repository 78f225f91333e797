//! Response decoding for both seeds on any status, headers and body.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::decode_response(data));
