//! The fuzz target `openapi_import`'s twin: arbitrary JSON (shaped like
//! OpenAPI, so it reaches past the version check) and real documents
//! mutated node by node, into the importer, never a panic.

mod import_property;

use proptest::prelude::*;
use serde_json::{json, Value};

const KEYS: [&str; 24] = [
    "openapi",
    "paths",
    "components",
    "schemas",
    "$ref",
    "allOf",
    "oneOf",
    "anyOf",
    "type",
    "properties",
    "items",
    "required",
    "enum",
    "nullable",
    "parameters",
    "in",
    "name",
    "schema",
    "responses",
    "content",
    "application/json",
    "requestBody",
    "security",
    "additionalProperties",
];

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("3.1.0".to_string()),
            Just("#/components/schemas/a".to_string()),
            Just("/a/{id}".to_string()),
            Just("object".to_string()),
            Just("string".to_string()),
            "[a-z{}/#~]{0,6}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(&KEYS[..]), inner), 0..5).prop_map(
                |members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_json_never_panics(mut doc in any_json()) {
        if let Value::Object(members) = &mut doc {
            members.insert("openapi".into(), json!("3.0.3"));
        }
        import_property::document_text(&doc.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        import_property::document_text(&text);
    }

    #[test]
    fn mutated_real_documents_never_panic(pick in 0usize..4, ops in prop::collection::vec(any::<u8>(), 0..24)) {
        let text = import_property::mutate(import_property::SEEDS[pick], &ops);
        import_property::document_text(&text);
    }
}
