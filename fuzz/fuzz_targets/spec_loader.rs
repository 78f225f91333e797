//! The spec loader on arbitrary bytes: a spec or positioned errors, never a
//! panic; a spec without errors expands to code that parses.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        properties::spec_text(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .parent()
                .unwrap(),
            text,
        );
    }
});
