//! The server's side: any multipart body, read for a spec of every part
//! kind (files, bytes, text, numbers, JSON), and read again once written.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::decode_multipart(data));
