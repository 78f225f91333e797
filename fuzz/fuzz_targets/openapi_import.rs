//! The OpenAPI importer on arbitrary bytes (read as JSON or YAML), and on
//! small real documents mutated node by node: an error or an import,
//! never a panic.
#![no_main]

#[path = "../../codegen/tests/import_property/mod.rs"]
mod import_property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        // One input in two: a seed document, mutated where the bytes say.
        Some((&pick, ops)) if pick % 2 == 0 => {
            let seed = import_property::SEEDS[usize::from(pick / 2) % import_property::SEEDS.len()];
            import_property::document_text(&import_property::mutate(seed, ops));
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(data) {
                import_property::document_text(text);
            }
        }
    }
});
