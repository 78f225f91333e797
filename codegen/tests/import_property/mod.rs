//! The importer's properties, which the fuzz target `openapi_import`
//! (`fuzz/`) drives with libFuzzer and `tests/import_fuzz_twin.rs` with
//! proptest: one implementation, two drivers. Each panics when a property
//! breaks.

#![allow(dead_code)]

use endpoints_codegen::import;

/// Any text: an error naming where, or an import whose files are JSON and
/// whose notes point into the document. Never a panic.
pub fn document_text(text: &str) {
    let node = match import::read_document(text) {
        Ok(node) => node,
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(e.line.is_none_or(|l| l >= 1), "{e}");
            return;
        }
    };
    let Ok(imported) = import::import(&node) else {
        return;
    };
    for (name, text) in &imported.files {
        assert!(name.ends_with(".json"), "{name}");
        if let Err(e) = endpoints_codegen::json::parse(text) {
            panic!("{name} is not JSON: {e}\n{text}");
        }
    }
    for note in &imported.notes {
        assert!(
            note.pointer.is_empty() || note.pointer.starts_with('/'),
            "{note}"
        );
    }
    let (whole, degraded, skipped) = imported.counts();
    assert_eq!(whole + degraded + skipped, imported.operations.len());
}

/// `seed`, a real document, with its JSON changed where `bytes` say: a
/// node replaced by another value (one an OpenAPI document often holds),
/// or removed.
pub fn mutate(seed: &str, bytes: &[u8]) -> String {
    let mut value: serde_json::Value = serde_json::from_str(seed).expect("a JSON seed");
    for op in bytes.chunks(3) {
        let (at, how, arg) = (
            usize::from(op.first().copied().unwrap_or(0)) * 7,
            op.get(1).copied().unwrap_or(0),
            op.get(2).copied().unwrap_or(0),
        );
        let mut seen = 0;
        change(&mut value, at, how, arg, &mut seen);
    }
    value.to_string()
}

fn replacement(how: u8, arg: u8) -> serde_json::Value {
    use serde_json::json;
    let words = [
        "object", "array", "string", "integer", "null", "number", "boolean", "x",
    ];
    let word = words[usize::from(arg) % words.len()];
    match how % 12 {
        0 => json!(null),
        1 => json!(i64::from(arg) - 128),
        2 => json!(f64::from(arg) / 3.0),
        3 => json!(word),
        4 => json!({ "$ref": "#/components/schemas/" }),
        5 => json!({ "$ref": format!("#/paths/{arg}") }),
        6 => json!({ "allOf": [{ "$ref": "#" }, { "type": word }] }),
        7 => json!({ "oneOf": [{ "type": word }, { "type": "null" }] }),
        8 => json!({ "type": [word, "null"], "enum": [word, "", null] }),
        9 => {
            json!({ "type": "object", "properties": { word: { "$ref": "#/components/schemas/x" } } })
        }
        10 => json!([]),
        _ => json!({}),
    }
}

/// Changes the `at`-th node (in document order, counting from `seen`).
fn change(value: &mut serde_json::Value, at: usize, how: u8, arg: u8, seen: &mut usize) -> bool {
    if *seen == at {
        *value = replacement(how, arg);
        return true;
    }
    *seen += 1;
    match value {
        serde_json::Value::Array(items) => {
            for item in items.iter_mut() {
                if change(item, at, how, arg, seen) {
                    return true;
                }
            }
        }
        serde_json::Value::Object(members) => {
            let keys: Vec<String> = members.keys().cloned().collect();
            for key in keys {
                if *seen == at && how % 5 == 0 {
                    members.remove(&key);
                    return true;
                }
                if let Some(v) = members.get_mut(&key) {
                    if change(v, at, how, arg, seen) {
                        return true;
                    }
                }
            }
        }
        _ => {}
    }
    false
}

/// The small real documents the importer's unit tests use, as seeds.
pub const SEEDS: [&str; 4] = [
    include_str!("../openapi/openfigi.com.json"),
    include_str!("../openapi/generator.json"),
    include_str!("../openapi/twilio_flex_v2.json"),
    include_str!("../openapi/network-endpointService.json"),
];
