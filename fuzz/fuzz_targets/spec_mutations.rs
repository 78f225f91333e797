//! Structure-aware: the seed specs with their JSON changed node by node.
#![no_main]

#[path = "../../tests/properties/mod.rs"]
mod properties;

const SEEDS: [&str; 2] = [
    include_str!("../../specs/planocore/create_photographer.json"),
    include_str!("../../specs/cloudcard/create_person.json"),
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, ops)) = data.split_first() else {
        return;
    };
    let text = properties::mutate_spec(SEEDS[pick as usize % SEEDS.len()], ops);
    properties::spec_text(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap(),
        &text,
    );
});
