//! The fuzz targets' properties (`fuzz/`, run by hand with cargo-fuzz), on
//! small cases with proptest, so the ordinary suite keeps covering them.

mod properties;

use proptest::prelude::*;

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

const SEEDS: [&str; 2] = [
    include_str!("../specs/planocore/create_photographer.json"),
    include_str!("../specs/cloudcard/create_person.json"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_loader_takes_any_text(text in "\\PC{0,200}") {
        properties::spec_text(root(), &text);
    }

    #[test]
    fn the_loader_takes_any_change_to_a_valid_spec(
        seed in 0..SEEDS.len(),
        ops in proptest::collection::vec(any::<u8>(), 0..12),
    ) {
        let text = properties::mutate_spec(SEEDS[seed], &ops);
        properties::spec_text(root(), &text);
    }

    #[test]
    fn any_event_stream_cut_anywhere_reads_as_it_does_whole(
        bytes in proptest::collection::vec(
            prop_oneof![
                any::<u8>().prop_map(|b| vec![b]),
                proptest::sample::select(vec![
                    &b"data:"[..], b"data: {\"n\":1}", b"id: 7", b"event: e", b"retry: 5",
                    b"\r", b"\n", b"\r\n", b":", b" ", b"\0", b"\xEF\xBB\xBF", "é".as_bytes(),
                ])
                .prop_map(<[u8]>::to_vec),
            ],
            0..80,
        )
        .prop_map(|pieces| pieces.concat()),
    ) {
        properties::sse_chunks(&bytes);
    }

    #[test]
    fn any_response_decodes_or_keeps_what_was_sent(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        properties::decode_response(&bytes);
    }

    #[test]
    fn any_request_is_read_or_refused_by_name(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        properties::decode_request(&bytes);
    }
}

#[test]
fn the_seeds_decode_as_the_fuzzers_start_from_them() {
    // A PlanoCore success and a CloudCard 202, as the fuzz corpora's seeds.
    let mut planocore = vec![200, 0, 2];
    planocore.extend_from_slice(br#"{"status":"action-successful","data":{"id":1}}"#);
    properties::decode_response(&planocore);
    properties::decode_response(&[202, 0, 1]);
    for seed in SEEDS {
        properties::spec_text(root(), seed);
    }
}
