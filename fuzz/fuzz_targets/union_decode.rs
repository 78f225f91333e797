//! The union decoders (a tagged and an untagged union) on any bytes: a
//! member or `Other`, written back as JSON that reads as the same value.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::decode_union(data));
