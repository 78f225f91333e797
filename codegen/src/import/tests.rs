//! The importer on small real documents (`codegen/tests/openapi/`) and on
//! excerpts that pin one rule each. Every import is written out and run
//! through the engine's own `check`, so a test fails when the importer
//! writes a spec the engine refuses.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value as J};

use super::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/openapi");

fn doc(text: &str) -> Node {
    read_document(text).unwrap()
}

fn run(text: &str) -> Import {
    import(&doc(text)).unwrap()
}

/// A fresh directory under the system's temporary one.
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "endpoints-import-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the import and loads every spec through the engine: the
/// resolved specs, and every error `check` finds.
pub(crate) fn write_and_check(imported: &Import) -> (PathBuf, Vec<crate::Endpoint>, Vec<String>) {
    let dir = scratch();
    for (name, text) in &imported.files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    for file in crate::spec_files(&dir) {
        let loaded = crate::load_spec(&file, &file.to_string_lossy());
        errors.extend(loaded.errors.iter().map(|e| e.render()));
        specs.extend(loaded.spec);
    }
    errors.extend(crate::check_directories(&specs).iter().map(|e| e.render()));
    (dir, specs, errors)
}

fn spec(imported: &Import, file: &str) -> J {
    let text = imported
        .files
        .get(file)
        .unwrap_or_else(|| panic!("no {file} in {:?}", imported.files.keys()));
    crate::json::parse(text).unwrap().value.to_serde()
}

fn param<'a>(spec: &'a J, name: &str) -> &'a J {
    spec["params"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("no param {name} in {spec:#}"))
}

/// The type `name` from whichever type fragment holds it.
fn ty(imported: &Import, name: &str) -> J {
    imported
        .files
        .iter()
        .filter(|(f, _)| f.starts_with("types/"))
        .find_map(|(_, text)| {
            let v = crate::json::parse(text).unwrap().value.to_serde();
            v["types"].get(name).cloned()
        })
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn field<'a>(ty: &'a J, name: &str) -> &'a J {
    ty["fields"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["name"] == name))
        .unwrap_or_else(|| panic!("no field {name} in {ty:#}"))
}

/// What became of the operation whose spec is `name`.
fn outcome(imported: &Import, name: &str) -> Outcome {
    imported
        .operations
        .iter()
        .find(|o| o.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no operation {name}"))
        .outcome
}

fn noted(imported: &Import, pointer: &str, words: &str) -> bool {
    imported
        .notes
        .iter()
        .any(|n| n.pointer == pointer && n.message.contains(words))
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

#[test]
fn every_fixture_imports_and_passes_check() {
    for name in [
        "openfigi.com.json",
        "twilio_flex_v2.json",
        "generator.json",
        "network-endpointService.json",
        "nexmo_redact.yaml",
    ] {
        let imported = run(&fixture(name));
        assert!(
            imported
                .operations
                .iter()
                .all(|o| o.outcome != Outcome::Skipped),
            "{name}"
        );
        let (_, specs, errors) = write_and_check(&imported);
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        assert_eq!(specs.len(), imported.operations.len(), "{name}");
        // The generated Rust parses.
        let dir = scratch();
        for (file, text) in &imported.files {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let expansion = crate::expand_path(&dir, ".", &crate::Options::default());
        assert!(expansion.errors.is_empty(), "{name}");
        crate::format(&expansion.tokens).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn openfigi_credential_base_url_enums_and_unions() {
    let imported = run(&fixture("openfigi.com.json"));
    let shared = spec(&imported, FRAGMENT);
    assert_eq!(shared["base_url"], "https://api.openfigi.com/v1");
    assert_eq!(
        shared["params"],
        json!([{ "name": "X-OPENFIGI-APIKEY", "in": "header", "type": "string", "credential": true }])
    );
    let get = spec(&imported, "get_mapping_values_key.json");
    assert_eq!(get["method"], "GET");
    assert_eq!(get["path"], "/mapping/values/{key}");
    let key = param(&get, "key");
    assert_eq!(key["in"], "path");
    assert_eq!(key["required"], true);
    // The path param's enum is a named type: an enum is an item.
    let values = ty(&imported, key["type"].as_str().unwrap())["values"].clone();
    assert!(
        values.as_array().unwrap().contains(&json!("idType")),
        "{values}"
    );
    // `oneOf` of a string and an integer is a union: a reader tells them
    // apart by kind. Two objects that require nothing (`{data}` or
    // `{warning}`) are the one object both read as.
    assert!(!noted(
        &imported,
        "/components/schemas/MappingJob/properties/idValue/oneOf",
        ""
    ));
    let result = ty(&imported, "MappingJobResult");
    assert_eq!(result["type"], "object");
    assert_eq!(field(&result, "data")["type"], "array");
    assert_eq!(field(&result, "warning")["type"], "string");
    assert!(!noted(
        &imported,
        "/components/schemas/MappingJobResult",
        ""
    ));
    // An array body is one param, the whole body, with nothing noted.
    assert!(!imported
        .notes
        .iter()
        .any(|n| n.pointer.starts_with("/paths/~1mapping/post/requestBody")));
    let mapping = imported
        .files
        .values()
        .map(|text| serde_json::from_str::<J>(text).unwrap())
        .find(|s| s["method"] == "POST" && s["path"] == "/mapping")
        .unwrap();
    let body = param(&mapping, "body");
    assert_eq!(body["whole_body"], true, "{body}");
    assert_eq!(body["in"], "body");
    assert_eq!(body["type"], "array", "{body}");
    let post = imported
        .operations
        .iter()
        .find(|o| o.method == "POST")
        .unwrap();
    assert_eq!(post.outcome, Outcome::Whole);
}

#[test]
fn yaml_documents_import_like_json() {
    let yaml = fixture("nexmo_redact.yaml");
    let from_yaml = run(&yaml);
    let value: J = serde_yaml_ng::from_str(&yaml).unwrap();
    let from_json = run(&serde_json::to_string(&value).unwrap());
    assert_eq!(from_yaml.files, from_json.files);
    let redact = spec(&from_yaml, "redact_message.json");
    assert_eq!(redact["summary"], "Redact a specific message");
    // HTTP basic auth is the `Authorization` header, as the credential.
    let auth = param(&redact, "Authorization");
    assert_eq!(auth["credential"], true);
    // Body members become body params, required as the schema says.
    let id = param(&redact, "id");
    assert_eq!(
        (id["in"].clone(), id["required"].clone()),
        (json!("body"), json!(true))
    );
}

#[test]
fn the_same_document_gives_the_same_files() {
    let text = fixture("generator.json");
    assert_eq!(run(&text).files, run(&text).files);
}

#[test]
fn summary_counts_whole_degraded_and_skipped() {
    let imported = run(
        r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
        "/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok"}}}},
        "/b": {"get": {"operationId": "getB", "parameters": [{"name": "s", "in": "cookie", "schema": {"type": "string"}}],
                        "responses": {"200": {"description": "ok"}}}},
        "/c": {"trace": {"responses": {"200": {"description": "ok"}}}}
    }}"##,
    );
    // A cookie param is written whole (`"in": "cookie"`).
    assert_eq!(imported.counts(), (2, 0, 1));
    assert_eq!(
        imported.summary(),
        "imported 3 operations: 2 whole, 0 degraded, 1 skipped (1 note)"
    );
    let b = spec(&imported, "get_b.json");
    assert_eq!(param(&b, "s")["in"], "cookie");
    assert!(!noted(&imported, "/paths/~1b/get/parameters/0", ""));
    assert!(noted(&imported, "/paths/~1c/trace", "TRACE"));
}

const HEAD: &str = r#""openapi": "3.1.0", "info": {"title": "t", "version": "1"}"#;

fn with_schemas(paths: &str, schemas: &str) -> Import {
    run(&format!(
        r#"{{{HEAD}, "paths": {paths}, "components": {{"schemas": {schemas}}}}}"#
    ))
}

#[test]
fn constraints_defaults_and_deprecated_carry_over() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "deprecated": true, "parameters": [
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "exclusiveMaximum": 101, "default": 20}},
            {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}, "maxItems": 5}},
            {"name": "full", "in": "query", "schema": {"type": "boolean", "default": "true"}},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": "1"}},
            {"name": "ratio", "in": "query", "schema": {"type": "number", "default": "0.5"}},
            {"name": "loose", "in": "query", "schema": {"type": "boolean", "default": "yes"}},
            {"name": "zero", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": "0"}}
        ], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}}"##,
        r##"{"Thing": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": true},
            "code": {"type": "string", "minLength": 2, "maxLength": 8, "pattern": "^[A-Z]+$"},
            "tag": {"type": "string", "pattern": "^(?!aws:)[\\w-.:]+$"},
            "hex": {"type": "string", "pattern": "^\\p{XDigit}{8}\\u002D\\d+$"},
            "note": {"type": ["string", "null"], "description": "Free text."},
            "secret": {"type": "string", "format": "password", "writeOnly": true},
            "size": {"type": "string", "enum": ["small", "large"], "default": "small"},
            "labels": {"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}}, "required": ["en"], "default": {"en": "x"}},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}, "default": ["push"]},
            "bad": {"type": "object", "properties": {"en": {"type": "string"}}, "default": {"en": 1}},
            "missing": {"type": "object", "properties": {"en": {"type": "string"}}, "required": ["en"], "default": {}},
            "worse": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}, "default": ["pull"]}
        }},
        "Labels": {"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}}},
        "Event": {"type": "string", "enum": ["push", "release"]}}"##,
    );
    let list = spec(&imported, "list_things.json");
    assert_eq!(list["description"], "Deprecated.");
    let limit = param(&list, "limit");
    assert_eq!(
        (limit["minimum"].clone(), limit["maximum"].clone()),
        (json!(1), json!(100))
    );
    assert_eq!(limit["default"], 20);
    assert_eq!(param(&list, "tags")["max_items"], 5);
    // A default written as the text of a boolean or number is that value;
    // other text, or a value the rules refuse, is not a `default` (which
    // `check` would refuse) but is kept in the description as the document
    // wrote it, noted: a default is documentation only, so nothing is lost
    // and the operation stays whole.
    assert_eq!(param(&list, "full")["default"], true);
    assert_eq!(param(&list, "page")["default"], 1);
    assert_eq!(param(&list, "ratio")["default"], 0.5);
    let loose = param(&list, "loose");
    assert_eq!(loose.get("default"), None);
    assert_eq!(
        loose["description"],
        "Default, as the document gives it: `\"yes\"`."
    );
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/5/schema/default",
        "is a string, not a valid `boolean`"
    ));
    assert_eq!(param(&list, "zero").get("default"), None);
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/6/schema/default",
        "the default"
    ));
    let mended: Vec<&Note> = imported.notes.iter().filter(|n| !n.degrades).collect();
    assert!(
        mended.iter().all(|n| n.pointer.ends_with("/default")),
        "{mended:?}"
    );
    assert_eq!(
        mended[0].instead,
        "kept in the description, not as `default`"
    );
    assert_eq!(imported.operations[0].outcome, Outcome::Whole);
    let thing = ty(&imported, "Thing");
    // `readOnly` in a type both directions use: optional, and marked so
    // that `validate` refuses a request that sets it.
    assert_eq!(field(&thing, "id").get("required"), None);
    assert_eq!(field(&thing, "id")["read_only"], true);
    let secret = field(&thing, "secret");
    assert_eq!(
        (secret["write_only"].clone(), secret["sensitive"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(field(&thing, "id")["format"], "uuid");
    let code = field(&thing, "code");
    assert_eq!(code["pattern"], "[A-Z]+");
    // Look-around carries over; ECMA's and Java's syntax become the spec's.
    assert_eq!(field(&thing, "tag")["pattern"], r"(?!aws:)[[:word:]\-.:]+");
    assert_eq!(
        field(&thing, "hex")["pattern"],
        r"[[:xdigit:]]{8}\x{2D}[[:digit:]]+"
    );
    assert_eq!(
        (code["min_length"].clone(), code["max_length"].clone()),
        (json!(2), json!(8))
    );
    assert_eq!(field(&thing, "note")["nullable"], true);
    assert_eq!(field(&thing, "note")["description"], "Free text.");
    assert_eq!(field(&thing, "secret")["sensitive"], true);
    let size = field(&thing, "size");
    assert_eq!(size["default"], "small");
    // Defaults of objects and arrays are checked through their types.
    assert_eq!(field(&thing, "labels")["default"], json!({"en": "x"}));
    assert_eq!(field(&thing, "events")["default"], json!(["push"]));
    assert_eq!(field(&thing, "bad").get("default"), None);
    assert!(noted(
        &imported,
        "/components/schemas/Thing/properties/bad/default",
        "has `en`, which is a number, not a valid `string`"
    ));
    assert!(noted(
        &imported,
        "/components/schemas/Thing/properties/missing/default",
        "lacks the required field `en`"
    ));
    assert!(noted(
        &imported,
        "/components/schemas/Thing/properties/worse/default",
        "is not one of the enum's values"
    ));
    assert_eq!(
        field(&thing, "worse")["description"],
        "Default, as the document gives it: `[\"pull\"]`."
    );
    assert_eq!(
        ty(&imported, size["type"].as_str().unwrap())["values"],
        json!(["small", "large"])
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn formats_the_spec_does_not_check_are_annotations_kept_in_the_description() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "parameters": [
            {"name": "at", "in": "query", "schema": {"type": "string", "format": "google-datetime"}},
            {"name": "link", "in": "query", "description": "Where.", "schema": {"type": "string", "format": "uri-template"}},
            {"name": "mask", "in": "query", "schema": {"type": "string", "format": "google-fieldmask"}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_things.json");
    // Google's `google-datetime` is RFC 3339: checked as `date-time`.
    assert_eq!(param(&list, "at")["format"], "date-time");
    let link = param(&list, "link");
    assert_eq!(link.get("format"), None);
    assert_eq!(link["description"], "Where.\n\nFormat: `uri-template`.");
    assert_eq!(
        param(&list, "mask")["description"],
        "Format: `google-fieldmask`."
    );
    // OpenAPI: a tool that does not know a format treats the value as its
    // type alone. Nothing is lost, so nothing degrades.
    assert_eq!(imported.counts(), (1, 0, 0));
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_body_with_a_member_named_like_a_param_is_one_whole_param() {
    let imported = with_schemas(
        r##"{"/items/{id}": {"put": {"operationId": "replaceItem", "parameters": [
            {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}
        ], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
        "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"Item": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "integer"}, "name": {"type": "string"}}}}"##,
    );
    let replace = spec(&imported, "replace_item.json");
    let body = param(&replace, "body");
    assert_eq!(body["whole_body"], true);
    assert_eq!(body["type"], "Item");
    assert_eq!(body["required"], true);
    assert_eq!(param(&replace, "id")["in"], "path");
    assert_eq!(imported.counts(), (1, 0, 0), "{:?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn accept_and_content_type_header_params_are_ignored_as_openapi_says() {
    let imported = with_schemas(
        r##"{"/things": {"post": {"operationId": "addThing", "parameters": [
            {"name": "Accept", "in": "header", "required": true, "schema": {"type": "string", "enum": ["application/json"]}},
            {"name": "content-type", "in": "header", "schema": {"type": "string"}},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
        ], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
        "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let add = spec(&imported, "add_thing.json");
    let names: Vec<&str> = add["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["X-Trace", "a"]);
    assert_eq!(imported.counts(), (1, 0, 0), "{:?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn multiple_of_and_unique_items_carry_over_exactly_and_export_back() {
    let imported = with_schemas(
        r##"{"/prices": {"post": {"operationId": "setPrices", "parameters": [
            {"name": "step", "in": "query", "schema": {"type": "integer", "multipleOf": 5, "default": 10}},
            {"name": "half", "in": "query", "schema": {"type": "integer", "multipleOf": 0.5}},
            {"name": "thirds", "in": "query", "schema": {"type": "integer", "multipleOf": 1.5}},
            {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}, "uniqueItems": true}},
            {"name": "odd", "in": "query", "schema": {"type": "integer", "multipleOf": 4, "default": 6}},
            {"name": "fine", "in": "query", "schema": {"type": "number", "multipleOf": 0.1000000000000000000001}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Price"}}}},
            "responses": {"204": {"description": "set"}}}}}"##,
        r##"{"Price": {"type": "object", "properties": {
            "amount": {"type": "number", "multipleOf": 0.01, "default": 19.99},
            "lines": {"type": "array", "uniqueItems": true, "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}
        }}}"##,
    );
    let set = spec(&imported, "set_prices.json");
    assert_eq!(param(&set, "step")["multiple_of"], 5);
    assert_eq!(param(&set, "step")["default"], 10);
    // Every integer is a multiple of 0.5: no rule, and nothing lost.
    assert_eq!(param(&set, "half").get("multiple_of"), None);
    // An integer is a multiple of 3/2 just when it is one of 3.
    assert_eq!(param(&set, "thirds")["multiple_of"], 3);
    assert_eq!(param(&set, "ids")["unique_items"], true);
    // A default that breaks the rule is left out, with a note.
    assert_eq!(param(&set, "odd").get("default"), None);
    let at = "/paths/~1prices/post/parameters";
    assert!(noted(
        &imported,
        &format!("{at}/4/schema/default"),
        "multipleOf"
    ));
    // A decimal no f64 holds is refused, never rounded.
    assert_eq!(param(&set, "fine").get("multiple_of"), None);
    assert!(noted(
        &imported,
        &format!("{at}/5/schema/multipleOf"),
        "more digits"
    ));
    // The body's members are the request's params.
    assert_eq!(param(&set, "amount")["multiple_of"], 0.01);
    assert_eq!(param(&set, "amount")["default"], 19.99);
    assert_eq!(param(&set, "lines")["unique_items"], true);
    assert_eq!(imported.notes.len(), 2, "{:#?}", imported.notes);

    // And back: the export writes the same rules under their OpenAPI names.
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let export = crate::openapi::openapi(&specs, "t");
    let params = export["paths"]["/prices"]["post"]["parameters"]
        .as_array()
        .unwrap();
    let schema = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["schema"].clone())
            .unwrap()
    };
    assert_eq!(schema("step")["multipleOf"], 5);
    assert_eq!(schema("thirds")["multipleOf"], 3);
    assert_eq!(schema("ids")["uniqueItems"], true);
    let body = &export["paths"]["/prices"]["post"]["requestBody"]["content"]["application/json"];
    let price = &body["schema"]["properties"];
    assert_eq!(price["amount"]["multipleOf"], 0.01, "{body:#}");
    assert_eq!(price["lines"]["uniqueItems"], true);
}

#[test]
fn object_query_params_are_sent_as_their_properties() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "parameters": [
            {"name": "page", "in": "query", "required": true, "schema": {"$ref": "#/components/schemas/Page"}},
            {"name": "filter", "in": "query", "style": "deepObject", "schema": {"type": "object", "properties": {
                "status": {"type": "string", "enum": ["open", "closed"]}, "owner": {"type": "string"}}}},
            {"name": "tags", "in": "query", "style": "form", "explode": false, "schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
            {"name": "meta", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "string"}}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"Page": {"type": "object", "required": ["limit"], "properties": {
            "limit": {"type": "integer", "maximum": 100}, "cursor": {"type": "string"}}}}"##,
    );
    let list = spec(&imported, "list_things.json");
    // OpenAPI's default, `form` exploded: each property a query param.
    assert_eq!(param(&list, "limit")["required"], true);
    assert_eq!(param(&list, "limit")["maximum"], 100);
    assert_eq!(param(&list, "cursor").get("required"), None);
    // `deepObject`: under the param's name; not required when the object is not.
    assert_eq!(param(&list, "filter[status]")["in"], "query");
    assert_eq!(param(&list, "filter[owner]").get("required"), None);
    // Not exploded: no spec form.
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/2",
        "object"
    ));
    // A map in the default style: each entry a query param of its own.
    assert_eq!(param(&list, "meta")["flatten"], true);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_query_map_in_the_form_style_is_flattened_once() {
    let imported = with_schemas(
        r##"{"/items": {"get": {"operationId": "listItems", "parameters": [
            {"name": "parameters", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
            {"name": "extra", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "integer"}}},
            {"name": "free", "in": "query", "style": "form", "explode": false,
             "schema": {"type": "object", "additionalProperties": {"type": "string"}}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_items.json");
    assert_eq!(param(&list, "parameters")["flatten"], true);
    assert_eq!(param(&list, "parameters")["of"], "string");
    // One map takes every key no other param names: a second cannot.
    assert!(noted(
        &imported,
        "/paths/~1items/get/parameters/1",
        "a second query map"
    ));
    assert!(noted(
        &imported,
        "/paths/~1items/get/parameters/2",
        "object"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn query_maps_in_the_form_style_one_described_in_brackets_are_all_in_brackets() {
    // files.com: `sort_by` says `sort_by[created_at]=desc`; `filter` and
    // `filter_gt` are maps in the document's default style too, which no
    // reader could tell from `sort_by`'s keys.
    let imported = with_schemas(
        r##"{"/bundles": {"get": {"operationId": "listBundles", "parameters": [
            {"name": "sort_by", "in": "query", "schema": {"type": "object"},
             "description": "Sort by a field, `asc` or `desc` (e.g. `sort_by[created_at]=desc`)."},
            {"name": "filter", "in": "query", "schema": {"type": "object"}},
            {"name": "filter_gt", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
            {"name": "per_page", "in": "query", "schema": {"type": "integer"}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert_eq!(outcome(&imported, "list_bundles"), Outcome::Whole);
    let list = spec(&imported, "list_bundles.json");
    for name in ["sort_by", "filter", "filter_gt"] {
        assert_eq!(param(&list, name)["style"], "brackets", "{name}");
        assert!(param(&list, name).get("flatten").is_none(), "{name}");
    }
    assert!(noted(
        &imported,
        "/paths/~1bundles/get/parameters/1",
        "no reader could tell"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_enum_of_booleans_is_a_boolean_with_its_one_value() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "parameters": [
            {"name": "all", "in": "query", "schema": {"type": "boolean", "enum": [false, true]}},
            {"name": "only", "in": "query", "schema": {"type": "boolean", "enum": [true]}},
            {"name": "text", "in": "query", "schema": {"type": "boolean", "enum": ["false", "true", null]}},
            {"name": "odd", "in": "query", "schema": {"type": "boolean", "enum": [true, "maybe"]}}
        ], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
            {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean", "enum": [true]}}}}}}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_things.json");
    assert_eq!(param(&list, "all")["type"], "boolean");
    assert!(param(&list, "all").get("values").is_none());
    assert!(param(&list, "text").get("values").is_none());
    // One of the two: the one value it may hold (Slack's `ok`).
    assert_eq!(param(&list, "only")["values"], json!([true]));
    let body = ty(&imported, list["responses"][0]["body"].as_str().unwrap());
    let ok = &body["fields"][0];
    assert_eq!(
        (ok["name"].clone(), ok["values"].clone()),
        (json!("ok"), json!([true]))
    );
    let notes: Vec<&str> = imported.notes.iter().map(|n| n.pointer.as_str()).collect();
    assert_eq!(notes, ["/paths/~1things/get/parameters/3/schema/enum"]);
    assert!(noted(&imported, notes[0], "not booleans"));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_nullable_empty_object_beside_a_reference_is_its_null() {
    // Microsoft Graph's way of saying "this, or null".
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "getThing",
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}}"##,
        r##"{"Thing": {"type": "object", "properties": {
                "owner": {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "object", "nullable": true}]}}},
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}}}"##,
    );
    let owner = field(&ty(&imported, "Thing"), "owner").clone();
    assert_eq!(owner["type"], "Owner");
    assert_eq!(owner["nullable"], true);
    assert_eq!(imported.counts(), (1, 0, 0), "{:?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn read_only_members_leave_the_request_body() {
    let imported = with_schemas(
        r##"{"/pets": {"post": {"operationId": "addPet",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
            "responses": {"201": {"description": "made", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}}}"##,
        r##"{"Pet": {"type": "object", "required": ["id", "name"], "properties": {
            "id": {"type": "integer", "readOnly": true}, "name": {"type": "string"}}}}"##,
    );
    let add = spec(&imported, "add_pet.json");
    let names: Vec<&J> = add["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["name"])
        .collect();
    assert_eq!(names, [&json!("name")]);
    assert_eq!(param(&add, "name")["required"], true);
    assert_eq!(add["responses"][0]["body"], "Pet");
    assert_eq!(add["responses"][0]["name"], "created");
}

#[test]
fn all_of_merges_and_recursive_types_are_kept() {
    let imported = with_schemas(
        r##"{"/nodes": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tree"}}}}}}}}"##,
        r##"{"Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
             "Tree": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                "parent": {"$ref": "#/components/schemas/Tree"}}}]}}"##,
    );
    let tree = ty(&imported, "Tree");
    assert_eq!(field(&tree, "id")["required"], true);
    assert_eq!(field(&tree, "children")["of"], "Tree");
    assert_eq!(field(&tree, "parent")["type"], "Tree");
    // No method name: the spec is named after the method and path.
    assert!(imported.files.contains_key("get_nodes.json"));
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn types_that_merge_one_base_and_refer_to_each_other_are_whole() {
    // Microsoft Graph's shape: every entity merges `entity`, and their
    // fields name other entities; no merge meets itself.
    let imported = with_schemas(
        r##"{"/users": {"get": {"operationId": "getUser", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}}}}}"##,
        r##"{"Entity": {"type": "object", "properties": {"id": {"type": "string"}}},
             "User": {"allOf": [{"$ref": "#/components/schemas/Entity"}, {"type": "object", "properties": {
                "group": {"$ref": "#/components/schemas/Group"}}}]},
             "Group": {"allOf": [{"$ref": "#/components/schemas/Entity"}, {"type": "object", "properties": {
                "owners": {"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                "inline": {"allOf": [{"$ref": "#/components/schemas/Group"}, {"type": "object", "properties": {"extra": {"type": "string"}}}]}}}]}}"##,
    );
    // Only a merge that does meet itself is noted: an unnamed object that
    // merges the type holding it would hold itself without end.
    let pointers: Vec<&str> = imported.notes.iter().map(|n| n.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["/components/schemas/Group/properties/inline/properties/inline/allOf"]
    );
    let user = ty(&imported, "User");
    assert_eq!(field(&user, "id")["type"], "string");
    assert_eq!(field(&user, "group")["type"], "Group");
    let group = ty(&imported, "Group");
    assert_eq!(field(&group, "owners")["of"], "User");
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn clashing_names_are_resolved_in_document_order() {
    let imported = with_schemas(
        r##"{"/a": {"get": {"operationId": "get-item", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/pet"}}}}}}},
             "/b": {"get": {"operationId": "getItem", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}}}"##,
        r##"{"pet": {"type": "object", "properties": {"a": {"type": "string"}, "A": {"type": "string"}}},
             "Pet": {"type": "object", "properties": {"b": {"type": "string"}}}}"##,
    );
    assert_eq!(
        spec(&imported, "get_item.json")["responses"][0]["body"],
        "Pet"
    );
    assert_eq!(
        spec(&imported, "get_item_2.json")["responses"][0]["body"],
        "Pet2"
    );
    // Two members that are one Rust field: the second gets a `rust_name`.
    assert_eq!(field(&ty(&imported, "Pet"), "A")["rust_name"], "a_2");
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn what_has_no_spec_form_is_noted_with_its_pointer() {
    let imported = with_schemas(
        r##"{"/up": {"post": {"operationId": "upload",
            "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "ok"}, "4XX": {"description": "bad"}, "default": {"description": "other"}}}},
             "/only": {"get": {"operationId": "only", "responses": {"default": {"description": "any", "content": {"application/json": {"schema": {"type": "string"}}}}}}},
             "/u": {"get": {"operationId": "union", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/U"}}}}}}}}"##,
        r##"{"U": {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "string", "minLength": 5}]}}"##,
    );
    assert!(noted(
        &imported,
        "/paths/~1up/post/requestBody/content/multipart~1form-data/schema",
        "multipart parts"
    ));
    assert!(noted(&imported, "/components/schemas/U/anyOf", "union"));
    // Catch-alls are written as they are: a class, and `default`.
    let up = spec(&imported, "upload.json");
    let codes: Vec<&J> = up["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["code"])
        .collect();
    assert_eq!(codes, [&json!(200), &json!("4XX"), &json!("default")]);
    assert!(!noted(&imported, "/paths/~1up/post/responses/4XX", ""));
    // The only response is `default`: the operation's answer, a success.
    let only = &spec(&imported, "only.json")["responses"][0];
    assert_eq!(
        (only["code"].clone(), only["success"].clone()),
        (json!("default"), json!(true))
    );
    assert_eq!(outcome(&imported, "upload"), Outcome::Degraded);
    // A type with a note degrades every operation that uses it, and the
    // operation lists that note.
    assert_eq!(outcome(&imported, "union"), Outcome::Degraded);
    let union = imported
        .operations
        .iter()
        .find(|o| o.name.as_deref() == Some("union"))
        .unwrap();
    assert!(!union.notes.is_empty());
    for &k in &union.notes {
        assert!(
            imported.notes[k]
                .pointer
                .starts_with("/components/schemas/"),
            "{}",
            imported.notes[k]
        );
    }
    for op in &imported.operations {
        let degraded = op.notes.iter().any(|&k| imported.notes[k].degrades);
        assert_eq!(!degraded, op.outcome == Outcome::Whole, "{op:?}");
    }
    assert!(imported.notes.iter().all(|n| n.pointer.starts_with('/')));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn security_schemes_become_the_credential() {
    for (scheme, name, place) in [
        (
            r#"{"type": "apiKey", "in": "query", "name": "api_key"}"#,
            "api_key",
            "query",
        ),
        (
            r#"{"type": "http", "scheme": "bearer"}"#,
            "Authorization",
            "header",
        ),
    ] {
        let imported = run(&format!(
            r##"{{{HEAD}, "security": [{{"s": []}}], "components": {{"securitySchemes": {{"s": {scheme}}}}},
                "paths": {{"/a": {{"get": {{"responses": {{"200": {{"description": "ok"}}}}}}}},
                           "/b": {{"get": {{"security": [{{}}], "responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"##
        ));
        let a = spec(&imported, "get_a.json");
        let p = param(&a, name);
        assert_eq!(
            (
                p["in"].clone(),
                p["credential"].clone(),
                p["required"].clone()
            ),
            (json!(place), json!(true), json!(true))
        );
        // `security: [{}]`: no credential needed there.
        assert!(spec(&imported, "get_b.json").get("params").is_none());
    }
    let imported = run(&format!(
        r##"{{{HEAD}, "security": [{{"c": []}}], "components": {{"securitySchemes": {{"c": {{"type": "apiKey", "in": "cookie", "name": "sid"}}}}}},
            "paths": {{"/a": {{"get": {{"responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"##
    ));
    // An API key in a cookie is the credential, in a cookie.
    let a = spec(&imported, "get_a.json");
    let p = param(&a, "sid");
    assert_eq!(
        (p["in"].clone(), p["credential"].clone()),
        (json!("cookie"), json!(true))
    );
}

#[test]
fn path_params_match_the_template_and_routes_stay_apart() {
    let imported = run(&format!(
        r##"{{{HEAD}, "paths": {{
            "/x/{{id}}": {{"get": {{"operationId": "one", "responses": {{"200": {{"description": "ok"}}}}}}}},
            "/x/{{name}}#other": {{"get": {{"operationId": "two", "responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"##
    ));
    // An undeclared placeholder becomes a required string path param.
    let one = spec(&imported, "one.json");
    assert_eq!(param(&one, "id")["required"], true);
    assert!(noted(
        &imported,
        "/paths/~1x~1{id}/get",
        "no path param declares"
    ));
    // The fragment is not sent; the route repeats, so a directory of its own.
    let two = spec(&imported, "two/two.json");
    assert_eq!(two["path"], "/x/{name}");
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 2);
    // Two placeholders side by side: no server could split them.
    let imported = run(&format!(
        r##"{{{HEAD}, "paths": {{"/p/{{name}}{{version}}.zip": {{"get": {{"responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"##
    ));
    assert_eq!(imported.counts(), (0, 0, 1));
    assert!(noted(
        &imported,
        "/paths/~1p~1{name}{version}.zip/get",
        "side by side"
    ));
}

/// A query in a path key (`/jobs?op=LIST`) is sent with every request:
/// a const query param of that value (a name alone, `?op`, is sent alone),
/// on the path's route, which the fixed params tell apart.
#[test]
fn a_query_in_the_path_key_becomes_const_params() {
    let ok = r#"{"responses": {"200": {"description": "ok"}}}"#;
    let imported = run(&format!(
        r#"{{{HEAD}, "paths": {{
            "/jobs": {{"get": {ok}}},
            "/jobs?op=LIST%20ALL&fields=*": {{"get": {ok}}},
            "/jobs?op": {{"get": {ok}}},
            "/jobs?op=": {{"get": {ok}}}}}}}"#
    ));
    // `?op` and `?op=` are the same fixed param: the last repeats the
    // route, so a directory of its own, noted (whole: the spec keeps all
    // the document says of it).
    assert_eq!(imported.counts(), (4, 0, 0), "{:?}", imported.notes);
    assert!(noted(
        &imported,
        "/paths/~1jobs?op=/get",
        "with the same fixed and required params"
    ));
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 4);
    let listed = spec(&imported, "get_jobs_2.json");
    assert_eq!(listed["path"], "/jobs");
    assert_eq!(
        listed["params"],
        json!([
            { "name": "op", "in": "query", "const": "LIST ALL" },
            { "name": "fields", "in": "query", "const": "*" },
        ])
    );
    let alone = spec(&imported, "get_jobs_3.json");
    assert_eq!(
        alone["params"],
        json!([{ "name": "op", "in": "query", "const": "" }])
    );
}

/// AWS's JSON protocol: every action on `POST /`, named by a required
/// `X-Amz-Target` header of one value, the path key carrying it after
/// `#` (APIs.guru's form). Each becomes a const header param, no field
/// of the request, and the specs share one directory, whole.
#[test]
fn actions_on_one_route_told_apart_by_a_header_import_whole_into_one_directory() {
    let action = |name: &str| {
        format!(
            r##""/#X-Amz-Target=DynamoDB_20120810.{name}": {{
                "post": {{
                    "operationId": "{name}",
                    "parameters": [{{ "name": "X-Amz-Target", "in": "header", "required": true,
                        "schema": {{ "type": "string", "enum": ["DynamoDB_20120810.{name}"] }} }}],
                    "requestBody": {{ "required": true, "content": {{ "application/json": {{ "schema": {{
                        "type": "object", "required": ["TableName"],
                        "properties": {{ "TableName": {{ "type": "string" }} }} }} }} }} }},
                    "responses": {{ "200": {{ "description": "Success" }} }}
                }},
                "parameters": [{{ "$ref": "#/components/parameters/X-Amz-Date" }}]
            }}"##
        )
    };
    let imported = run(&format!(
        r#"{{{HEAD}, "paths": {{ {}, {}, {} }},
        "components": {{ "parameters": {{ "X-Amz-Date": {{ "name": "X-Amz-Date", "in": "header", "required": false, "schema": {{ "type": "string" }} }} }} }} }}"#,
        action("GetItem"),
        action("PutItem"),
        action("Scan"),
    ));
    assert_eq!(imported.counts(), (3, 0, 0), "{:?}", imported.notes);
    let get = spec(&imported, "get_item.json");
    assert_eq!(get["path"], "/");
    assert_eq!(
        param(&get, "X-Amz-Target"),
        &json!({ "name": "X-Amz-Target", "in": "header", "const": "DynamoDB_20120810.GetItem" })
    );
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 3);
    // No field for it: the request holds the body's `TableName` and the
    // shared `X-Amz-Date` only.
    let get = specs.iter().find(|s| s.name.text == "get_item").unwrap();
    let fields: Vec<&str> = get.params.iter().map(|p| p.field.name.as_str()).collect();
    assert_eq!(fields, ["X-Amz-Date", "TableName"]);
    assert_eq!(get.fixed[0].text, "DynamoDB_20120810.GetItem");
}

/// AWS's query protocol (`/#Action=SendMessage`, `Action` and `Version`
/// required query params of one value each) and S3's subresources
/// (`/{Bucket}#acl`, a required `acl` of `enum: [true]`, sent as the key
/// alone) beside the route's plain operation.
#[test]
fn query_actions_and_subresource_keys_import_as_const_query_params() {
    let op = |id: &str, params: &str| {
        format!(
            r#"{{ "operationId": "{id}", "parameters": [{params}], "responses": {{ "200": {{ "description": "ok" }} }} }}"#
        )
    };
    let fixed = |name: &str, ty: &str, value: &str| {
        format!(
            r#"{{ "name": "{name}", "in": "query", "required": true, "schema": {{ "type": "{ty}", "enum": [{value}] }} }}"#
        )
    };
    let bucket =
        r#"{ "name": "Bucket", "in": "path", "required": true, "schema": { "type": "string" } }"#;
    let action = |name: &str| {
        format!(
            "{}, {}",
            fixed("Action", "string", &format!("\"{name}\"")),
            fixed("Version", "string", "\"2012-11-05\"")
        )
    };
    let imported = run(&format!(
        r##"{{{HEAD}, "paths": {{
            "/#Action=SendMessage": {{ "post": {} }},
            "/#Action=DeleteQueue": {{ "post": {} }},
            "/{{Bucket}}": {{ "get": {} }},
            "/{{Bucket}}#acl": {{ "get": {} }},
            "/{{Bucket}}#tagging": {{ "get": {} }}
        }} }}"##,
        op("SendMessage", &action("SendMessage")),
        op("DeleteQueue", &action("DeleteQueue")),
        op("ListObjects", bucket),
        op(
            "GetBucketAcl",
            &format!("{bucket}, {}", fixed("acl", "boolean", "true"))
        ),
        op(
            "GetBucketTagging",
            &format!("{bucket}, {}", fixed("tagging", "boolean", "true"))
        ),
    ));
    assert_eq!(imported.counts(), (5, 0, 0), "{:?}", imported.notes);
    let send = spec(&imported, "send_message.json");
    assert_eq!(param(&send, "Action")["const"], "SendMessage");
    // `Version` is not every operation's (S3's have none): it stays in each spec.
    assert_eq!(param(&send, "Version")["const"], "2012-11-05");
    let acl = spec(&imported, "get_bucket_acl.json");
    assert_eq!(
        param(&acl, "acl"),
        &json!({ "name": "acl", "in": "query", "const": "" })
    );
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 5);
    // Back out: one document holds all five, the shared routes under
    // APIs.guru's fragment keys, and reads back the same.
    let doc = crate::openapi::openapi(&specs, "t");
    let keys: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "/#Action=DeleteQueue",
            "/#Action=SendMessage",
            "/{Bucket}",
            "/{Bucket}#acl",
            "/{Bucket}#tagging",
        ]
    );
    let acl_param = &doc["paths"]["/{Bucket}#acl"]["get"]["parameters"][0];
    assert_eq!(
        acl_param,
        &json!({ "name": "acl", "in": "query", "required": true, "allowEmptyValue": true,
                 "schema": { "type": "string", "enum": [""] } })
    );
    let again = run(&doc.to_string());
    assert_eq!(again.counts(), (5, 0, 0), "{:?}", again.notes);
    for file in [
        "send_message.json",
        "get_bucket_acl.json",
        "list_objects.json",
    ] {
        assert_eq!(
            spec(&again, file)["params"],
            spec(&imported, file)["params"],
            "{file}"
        );
    }
}

/// Segments that mix placeholders and text (`{name}.{ext}`, `{from}-{to}`,
/// Google's `{project}:run`) import whole, pass the engine's check, and
/// come back unchanged from the export.
#[test]
fn placeholders_with_text_in_one_segment_import_whole_and_export_unchanged() {
    let ok = r#"{"responses": {"200": {"description": "ok"}}}"#;
    let string = |name: &str| {
        format!(
            r#"{{"name": "{name}", "in": "path", "required": true, "schema": {{"type": "string"}}}}"#
        )
    };
    let paths = [
        ("/files/{name}.{ext}", vec!["name", "ext"]),
        ("/range/{from}-{to}", vec!["from", "to"]),
        ("/v1/{project}:run", vec!["project"]),
        ("/items/id-{id}", vec!["id"]),
        (
            "/p/{name}-{version}.tar.{zip}",
            vec!["name", "version", "zip"],
        ),
    ];
    let items: Vec<String> = paths
        .iter()
        .map(|(path, names)| {
            let params: Vec<String> = names.iter().map(|n| string(n)).collect();
            format!(
                r#""{path}": {{"parameters": [{}], "get": {ok}}}"#,
                params.join(", ")
            )
        })
        .collect();
    let imported = run(&format!(r#"{{{HEAD}, "paths": {{{}}}}}"#, items.join(", ")));
    assert_eq!(
        imported.counts(),
        (paths.len(), 0, 0),
        "{:?}",
        imported.notes
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let export = crate::openapi::openapi(&specs, "t");
    let exported: Vec<&String> = export["paths"].as_object().unwrap().keys().collect();
    let mut want: Vec<&str> = paths.iter().map(|(p, _)| *p).collect();
    want.sort_unstable();
    assert_eq!(exported, want);
    for (path, names) in &paths {
        let params: Vec<&str> = export["paths"][*path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["in"] == "path")
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(&params, names, "{path}");
    }
}

#[test]
fn bad_documents_are_errors() {
    assert!(import(&doc(r#"{"swagger": "2.0"}"#))
        .unwrap_err()
        .contains("Swagger 2.0"));
    assert!(import(&doc(r#"{"openapi": "4.0"}"#))
        .unwrap_err()
        .contains("4.0"));
    assert!(import(&doc("[1, 2]")).unwrap_err().contains("an array"));
    let e = read_document("openapi: 3.0.0\npaths:\n  /a: [\n").unwrap_err();
    assert!(e.line.is_some(), "{e}");
}

#[test]
fn odd_schemas_do_not_panic_and_still_check() {
    let imported = with_schemas(
        r##"{"/a": {"post": {"operationId": "a", "parameters": [
              {"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/Loop"}},
              {"name": "o", "in": "query", "schema": {"type": "object", "properties": {"x": {"type": "string"}}}},
              {"name": "r", "in": "query", "schema": {"$ref": "#/nowhere"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "e": {"type": "string", "enum": ["self", "Self"]},
                "n": {"type": "number", "multipleOf": 2, "exclusiveMinimum": 0},
                "z": {"type": "integer", "multipleOf": -3},
                "d": {"type": "integer", "default": "x"},
                "m": {"type": "object", "additionalProperties": {"type": "integer"}},
                "p": {"type": "string", "pattern": "([a-z]"}}}}}},
            "responses": {}}}}"##,
        r##"{"Loop": {"$ref": "#/components/schemas/Loop2"}, "Loop2": {"$ref": "#/components/schemas/Loop"}}"##,
    );
    for (pointer, words) in [
        (
            "/paths/~1a/post/requestBody/content/application~1json/schema/properties/z/multipleOf",
            "greater than 0",
        ),
        (
            "/paths/~1a/post/requestBody/content/application~1json/schema/properties/d/default",
            "default",
        ),
        (
            "/paths/~1a/post/requestBody/content/application~1json/schema/properties/p/pattern",
            "regex",
        ),
        ("/paths/~1a/post/responses", "no response"),
    ] {
        assert!(
            noted(&imported, pointer, words),
            "{pointer}: {:#?}",
            imported.notes
        );
    }
    let a = spec(&imported, "a.json");
    assert_eq!(param(&a, "m")["type"], "map");
    // A number's exclusive bound is the spec's own; no note.
    assert_eq!(param(&a, "n")["exclusive_minimum"], 0.0);
    assert!(!imported
        .notes
        .iter()
        .any(|n| n.pointer.ends_with("/n/exclusiveMinimum")));
    // An object query param, exploded (OpenAPI's default): its property.
    assert_eq!(param(&a, "x")["in"], "query");
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// Follows local `$ref`s in a serde_json document.
fn deref<'a>(doc: &'a J, mut v: &'a J) -> &'a J {
    for _ in 0..16 {
        match v.get("$ref").and_then(J::as_str) {
            Some(r) => match doc.pointer(r.trim_start_matches('#')) {
                Some(t) => v = t,
                None => break,
            },
            None => break,
        }
    }
    v
}

/// An object schema's members and which are required, `allOf` merged;
/// `readOnly` members left out (a request's view).
fn members(doc: &J, schema: &J) -> std::collections::BTreeMap<String, bool> {
    let schema = deref(doc, schema);
    let mut out = std::collections::BTreeMap::new();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        out.extend(members(doc, part));
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(J::as_str)
        .collect();
    for (name, m) in schema["properties"].as_object().into_iter().flatten() {
        if deref(doc, m)["readOnly"] != true {
            out.insert(name.clone(), required.contains(&name.as_str()));
        }
    }
    for r in &required {
        if let Some(v) = out.get_mut(*r) {
            *v = true;
        }
    }
    out
}

/// Round trip: `endpoints openapi` of the imported specs describes each
/// operation imported whole as the document does: its params (name,
/// place, required), its body's members (name, required) and its
/// responses' codes. A degraded one describes no more than the document.
#[test]
fn the_export_of_an_import_describes_the_same_operations() {
    let mut total = 0;
    for name in [
        "openfigi.com.json",
        "twilio_flex_v2.json",
        "generator.json",
        "network-endpointService.json",
        "nexmo_redact.yaml",
    ] {
        let text = fixture(name);
        let doc: J = serde_yaml_ng::from_str(&text).unwrap();
        let imported = run(&text);
        let (_, specs, errors) = write_and_check(&imported);
        assert!(errors.is_empty());
        let export = crate::openapi::openapi(&specs, "t");
        let mut compared = 0;
        for op in &imported.operations {
            let Some(_) = &op.name else { continue };
            let method = op.method.to_ascii_lowercase();
            let item = deref(&doc, &doc["paths"][&op.path]);
            let source = &item[&method];
            let path = op.path.split('#').next().unwrap();
            let out = &export["paths"][path][&method];
            assert!(out.is_object(), "{name}: {} {path} not exported", op.method);
            // Params by (name, in) → required; the credential is the export's own.
            let mut want = std::collections::BTreeMap::new();
            for p in item["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(source["parameters"].as_array().into_iter().flatten())
            {
                let p = deref(&doc, p);
                let place = p["in"].as_str().unwrap();
                let pname = p["name"].as_str().unwrap();
                if place == "cookie"
                    || (place == "header"
                        && ["accept", "content-type"]
                            .contains(&pname.to_ascii_lowercase().as_str()))
                {
                    continue;
                }
                want.insert(
                    (pname.to_string(), place.to_string()),
                    p["required"] == true || place == "path",
                );
            }
            let got: std::collections::BTreeMap<(String, String), bool> = out["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                // The credential the import added from `security` is the export's own.
                .filter(|p| {
                    p.get("x-endpoints-client").is_none()
                        || want.contains_key(&(
                            p["name"].as_str().unwrap().to_string(),
                            p["in"].as_str().unwrap().to_string(),
                        ))
                })
                .map(|p| {
                    (
                        (
                            p["name"].as_str().unwrap().to_string(),
                            p["in"].as_str().unwrap().to_string(),
                        ),
                        p["required"] == true,
                    )
                })
                .collect();
            // Body members.
            let body = &deref(&doc, &source["requestBody"])["content"];
            let media = body.as_object().and_then(|c| {
                c.iter()
                    .find(|(k, _)| k.contains("json") || k.contains("x-www-form-urlencoded"))
            });
            let want_body = media
                .map(|(_, m)| members(&doc, &m["schema"]))
                .unwrap_or_default();
            let got_body = out["requestBody"]["content"]
                .as_object()
                .and_then(|c| c.values().next())
                .map(|m| members(&export, &m["schema"]))
                .unwrap_or_default();
            // Responses by code.
            let want_codes: Vec<&String> = source["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(c, _)| c)
                .filter(|c| c.parse::<u16>().is_ok())
                .collect();
            let got_codes: Vec<&String> = out["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(c, _)| c)
                .collect();
            if op.outcome == Outcome::Whole {
                assert_eq!(got, want, "{name}: params of {} {path}", op.method);
                assert_eq!(got_body, want_body, "{name}: body of {} {path}", op.method);
                let mut want_codes = want_codes.clone();
                want_codes.sort();
                assert_eq!(
                    got_codes, want_codes,
                    "{name}: responses of {} {path}",
                    op.method
                );
                compared += 1;
            } else {
                assert!(
                    got.iter().all(|(k, r)| want.get(k) == Some(r)),
                    "{name}: params of {} {path}",
                    op.method
                );
                assert!(
                    got_body.iter().all(|(k, r)| want_body.get(k) == Some(r)),
                    "{name}: body of {} {path}",
                    op.method
                );
            }
        }
        total += compared;
    }
    assert!(total >= 5, "only {total} operations imported whole");
}

#[test]
fn a_content_key_that_is_not_a_media_type_is_read_as_the_file_type_it_names() {
    // Apple's `gzip`, Telnyx's `*`, Truora's `PDF`, VTEX's `xml`; OSF's
    // `data` shows a JSON example, so what it is stays unsaid.
    let imported = with_schemas(
        r##"{
        "/report": {"get": {"operationId": "report", "responses": {
            "200": {"description": "gz", "content": {"gzip": {"schema": {"type": "string", "format": "binary"}}}},
            "202": {"description": "any", "content": {"*": {"schema": {"type": "string", "format": "binary"}}}},
            "203": {"description": "pdf", "content": {"PDF": {}}},
            "206": {"description": "xml", "content": {"xml": {}}},
            "207": {"description": "raw", "content": {"blob": {"schema": {"type": "string", "format": "binary"}}}},
            "208": {"description": "raw", "content": {"file": {"schema": {"$ref": "#/components/schemas/File"}}}}}}},
        "/meta": {"get": {"operationId": "meta", "responses": {
            "200": {"description": "json?", "content": {"data": {"example": {"id": 1}}}}}}},
        "/sheet": {"get": {"operationId": "sheet", "responses": {
            "200": {"description": "not bytes", "content": {"xls": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}}}}}}"##,
        r##"{"File": {"type": "string", "format": "binary"}}"##,
    );
    let report = spec(&imported, "report.json");
    let media: Vec<&J> = report["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["content_type"])
        .collect();
    assert_eq!(
        media,
        [
            "application/gzip",
            "application/octet-stream",
            "application/pdf",
            "application/xml",
            "application/octet-stream",
            "application/octet-stream"
        ]
    );
    assert_eq!(outcome(&imported, "report"), Outcome::Whole);
    assert!(noted(
        &imported,
        "/paths/~1report/get/responses/200/content/gzip",
        "not a media type"
    ));
    assert_eq!(outcome(&imported, "meta"), Outcome::Degraded);
    assert!(spec(&imported, "meta.json")["responses"][0]
        .get("content_type")
        .is_none());
    assert_eq!(outcome(&imported, "sheet"), Outcome::Degraded);
    assert!(write_and_check(&imported).2.is_empty());
}

/// Shapes the format now has are written whole: a body that is not JSON
/// keeps its media type, base64 strings are `bytes`.
#[test]
fn binary_responses_and_base64_strings_are_written_whole() {
    let imported = with_schemas(
        r##"{"/img": {"get": {"operationId": "image", "responses": {
                "200": {"description": "png", "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}},
                "404": {"description": "none", "content": {"text/plain": {}}}}}},
             "/up": {"post": {"operationId": "upload",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}},
                "responses": {"201": {"description": "ok"}}}}}"##,
        r##"{"Upload": {"type": "object", "properties": {
            "data": {"type": "string", "format": "byte", "maxLength": 100},
            "key": {"type": "string", "format": "byte", "minLength": 44, "maxLength": 44},
            "tag": {"type": "string", "format": "byte", "minLength": 2}}}}"##,
    );
    let image = spec(&imported, "image.json");
    assert_eq!(image["responses"][0]["content_type"], "image/png");
    assert_eq!(image["responses"][1]["content_type"], "text/plain");
    assert!(image["responses"][0].get("body").is_none());
    let upload = spec(&imported, "upload.json");
    let data = upload["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "data")
        .unwrap();
    // Base64 characters counted as the bytes they carry: 100 characters
    // hold 75 bytes at most; 44 exactly, 31 to 33 bytes (a 32-byte key);
    // 2 at least, 1 byte at least.
    let lengths = |name: &str| {
        let p = upload["params"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()
            .clone();
        assert_eq!(p["type"], "bytes", "{p}");
        (p.get("min_length").cloned(), p.get("max_length").cloned())
    };
    assert_eq!(lengths("data"), (None, Some(json!(75))));
    assert_eq!(lengths("key"), (Some(json!(31)), Some(json!(33))));
    assert_eq!(lengths("tag"), (Some(json!(1)), None));
    assert_eq!(data["type"], "bytes");
    assert_eq!(outcome(&imported, "upload"), Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn bodies_that_are_not_objects_are_one_param_sent_whole() {
    let imported = with_schemas(
        r##"{"/tags": {"put": {"operationId": "putTags",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}, "maxItems": 3}}}},
            "responses": {"204": {"description": "done"}}}},
         "/count": {"patch": {"operationId": "patchCount",
            "requestBody": {"content": {"application/merge-patch+json": {"schema": {"type": "integer"}}}},
            "responses": {"204": {"description": "done"}}}},
         "/photo": {"put": {"operationId": "putPhoto",
            "requestBody": {"required": true, "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {"204": {"description": "done"}}}},
         "/csv": {"post": {"operationId": "postCsv",
            "requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}},
            "responses": {"204": {"description": "done"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let tags = spec(&imported, "put_tags.json");
    assert_eq!(
        tags["params"],
        json!([{ "name": "body", "in": "body", "type": "array", "of": "string", "max_items": 3, "required": true, "whole_body": true }])
    );
    let count = spec(&imported, "patch_count.json");
    assert_eq!(
        param(&count, "body")["content_type"],
        "application/merge-patch+json"
    );
    assert_eq!(param(&count, "body")["type"], "integer");
    let photo = spec(&imported, "put_photo.json");
    assert_eq!(photo["body"], "binary");
    assert_eq!(
        photo["params"],
        json!([{ "name": "body", "in": "body", "type": "bytes", "required": true, "content_type": "image/png" }])
    );
    let csv = spec(&imported, "post_csv.json");
    assert_eq!(csv["body"], "text");
    assert_eq!(param(&csv, "body")["content_type"], "text/csv");
    // Each is a valid spec, and exports back as the document had it.
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{errors:?}");
    let exported = crate::openapi::openapi(&specs, "t");
    let body = |path: &str, method: &str| exported["paths"][path][method]["requestBody"].clone();
    assert_eq!(
        body("/tags", "put")["content"]["application/json"]["schema"]["maxItems"],
        3
    );
    assert_eq!(body("/tags", "put")["required"], true);
    assert_eq!(
        body("/photo", "put")["content"]["image/png"]["schema"],
        json!({ "type": "string", "format": "binary" })
    );
    assert_eq!(
        body("/csv", "post")["content"]["text/csv"]["schema"]["type"],
        "string"
    );
    assert!(body("/count", "patch")["content"]["application/merge-patch+json"].is_object());
}

#[test]
fn multipart_bodies_import_with_files() {
    let imported = with_schemas(
        r##"{"/photos": {"post": {"operationId": "uploadPhoto",
            "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["photo"], "properties": {
                "photo": {"type": "string", "format": "binary"},
                "extra": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "caption": {"type": "string", "maxLength": 200},
                "meta": {"$ref": "#/components/schemas/Meta"}
            }}}}},
            "responses": {"201": {"description": "created"}}}}}"##,
        r##"{"Meta": {"type": "object", "properties": {"source": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let upload = spec(&imported, "upload_photo.json");
    assert_eq!(upload["body"], "multipart");
    assert_eq!(
        param(&upload, "photo"),
        &json!({ "name": "photo", "in": "body", "type": "file", "required": true })
    );
    assert_eq!(param(&upload, "extra")["of"], "file");
    assert_eq!(param(&upload, "caption")["max_length"], 200);
    assert_eq!(param(&upload, "meta")["type"], "Meta");
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{errors:?}");
    // Exported back as the document had it.
    let exported = crate::openapi::openapi(&specs, "t");
    let schema = &exported["paths"]["/photos"]["post"]["requestBody"]["content"]
        ["multipart/form-data"]["schema"];
    assert_eq!(
        schema["properties"]["photo"],
        json!({ "type": "string", "format": "binary" })
    );
    assert_eq!(schema["properties"]["extra"]["items"]["format"], "binary");
    assert_eq!(schema["required"], json!(["photo"]));
}

#[test]
fn a_multipart_body_of_no_named_part_beside_raw_bytes_is_the_bytes() {
    // Computer Vision's image: `application/octet-stream`, or a form of
    // one unnamed file (`type: object, format: file`). A form whose parts
    // are named stays the form even beside bytes.
    let imported = with_schemas(
        r##"{"/analyze": {"post": {"operationId": "analyzeImageInStream",
            "requestBody": {"required": true, "content": {
                "application/octet-stream": {"schema": {"type": "object", "format": "file"}},
                "multipart/form-data": {"schema": {"type": "object", "format": "file"}}}},
            "responses": {"200": {"description": "ok"}}}},
            "/photos": {"post": {"operationId": "uploadPhoto",
            "requestBody": {"content": {
                "image/png": {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {"schema": {"type": "object", "properties": {"photo": {"type": "string", "format": "binary"}}}}}},
            "responses": {"201": {"description": "created"}}}},
            "/scans": {"post": {"operationId": "uploadScan",
            "requestBody": {"content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {"schema": {"allOf": [{"$ref": "#/components/schemas/Upload"}]}}}},
            "responses": {"201": {"description": "created"}}}}}"##,
        r##"{"Upload": {"type": "object", "properties": {"scan": {"type": "string", "format": "binary"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let analyze = spec(&imported, "analyze_image_in_stream.json");
    assert_eq!(analyze["body"], "binary");
    assert_eq!(
        param(&analyze, "body"),
        &json!({ "name": "body", "in": "body", "type": "bytes", "required": true, "content_type": "application/octet-stream" })
    );
    assert_eq!(spec(&imported, "upload_photo.json")["body"], "multipart");
    // Parts named through `allOf` are named too.
    let scan = spec(&imported, "upload_scan.json");
    assert_eq!(scan["body"], "multipart", "{scan}");
    assert_eq!(param(&scan, "scan")["type"], "file");
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn one_of_and_any_of_become_unions_where_members_can_be_told_apart() {
    let imported = with_schemas(
        r##"{"/pets": {"post": {"operationId": "add_pet",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "pet": {"$ref": "#/components/schemas/Pet"},
                "owner": {"$ref": "#/components/schemas/Owner"},
                "size": {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]},
                "mixed": {"$ref": "#/components/schemas/Mixed"},
                "untold": {"$ref": "#/components/schemas/Untold"},
                "same": {"$ref": "#/components/schemas/Same"},
                "zoom": {"nullable": true, "oneOf": [{"type": "number", "format": "double"}, {"type": "string"}, {"$ref": "#/components/schemas/ReferenceNumeric"}]},
                "id": {"anyOf": [{"type": "string", "format": "uuid"}, {"type": "string"}]},
                "count": {"oneOf": [{"type": "integer"}, {"type": "number"}, {"type": "boolean"}]},
                "level": {"oneOf": [{"type": "integer"}, {"type": "integer", "minimum": 0}, {"type": "string"}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{
            "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"},
                              {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["fish"]}}}],
                    "discriminator": {"propertyName": "kind", "mapping": {"kitty": "#/components/schemas/Cat"}}},
            "Cat": {"type": "object", "required": ["kind", "name"], "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}},
            "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "good": {"type": "boolean"}}},
            "Owner": {"oneOf": [{"$ref": "#/components/schemas/Person"}, {"$ref": "#/components/schemas/Shelter"}]},
            "Person": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}},
            "Shelter": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}},
            "Mixed": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Person"}],
                      "discriminator": {"propertyName": "kind"}},
            "Untold": {"anyOf": [{"$ref": "#/components/schemas/Dog"}, {"$ref": "#/components/schemas/Cat"}]},
            "Twin": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "age": {"type": "integer"}}},
            "Same": {"anyOf": [{"$ref": "#/components/schemas/Dog"}, {"$ref": "#/components/schemas/Twin"}]},
            "ReferenceNumeric": {"enum": ["-INF", "INF", "NaN"]}
        }"##,
    );
    // By the discriminator: mapped, implied by the reference's name, and
    // an inline member by its tag property's one value.
    assert_eq!(
        ty(&imported, "Pet"),
        json!({ "type": "union", "tag": "kind", "of": { "kitty": "Cat", "Dog": "Dog", "fish": "Fish" } })
    );
    // Untagged: each object has a required property the other lacks.
    assert_eq!(
        ty(&imported, "Owner"),
        json!({ "type": "union", "of": ["Person", "Shelter"] })
    );
    // By kind, `null` beside them making the field nullable.
    let body = spec(&imported, "add_pet.json");
    let size = param(&body, "size");
    assert_eq!(size["nullable"], true);
    assert_eq!(
        ty(&imported, size["type"].as_str().unwrap()),
        json!({ "type": "union", "of": ["integer", "string"] })
    );
    // A discriminator a member lacks is dropped, noted; the members are
    // still told apart untagged.
    assert!(noted(
        &imported,
        "/components/schemas/Mixed/discriminator",
        "has no property `kind`"
    ));
    assert_eq!(
        ty(&imported, "Mixed"),
        json!({ "type": "union", "of": ["Cat", "Person"] })
    );
    // `Dog`'s only required property is `Cat`'s too: `Cat` first, since
    // every `Cat` fits `Dog` and a reader takes the first that fits.
    assert_eq!(param(&body, "untold")["type"], "Untold");
    assert_eq!(
        ty(&imported, "Untold"),
        json!({ "type": "union", "of": ["Cat", "Dog"] })
    );
    // Two that require the same, which no reader tells apart: the one
    // object both read as, each property once, `kind` required as both
    // require it.
    let same = ty(&imported, "Same");
    assert_eq!(same["type"], "object");
    assert_eq!(field(&same, "kind")["required"], true);
    assert_eq!(field(&same, "good")["type"], "boolean");
    assert_eq!(field(&same, "good").get("required"), None);
    assert_eq!(field(&same, "age")["type"], "integer");
    assert!(!noted(&imported, "/components/schemas/Same", ""));
    // A member another takes whole adds nothing: OData's "a number, or
    // `INF`, `-INF`, `NaN`, or any string" is a number or a string.
    let zoom = param(&body, "zoom");
    assert_eq!(zoom["nullable"], true);
    assert_eq!(
        ty(&imported, zoom["type"].as_str().unwrap()),
        json!({ "type": "union", "of": ["number", "string"] })
    );
    assert_eq!(param(&body, "id")["type"], "string");
    assert_eq!(param(&body, "id").get("format"), None);
    assert_eq!(
        ty(&imported, param(&body, "count")["type"].as_str().unwrap()),
        json!({ "type": "union", "of": ["number", "boolean"] })
    );
    assert_eq!(
        ty(&imported, param(&body, "level")["type"].as_str().unwrap()),
        json!({ "type": "union", "of": ["integer", "string"] })
    );
    assert!(
        !imported.notes.iter().any(|n| n.pointer.contains("/zoom")
            || n.pointer.contains("/id/")
            || n.pointer.contains("/count")
            || n.pointer.contains("/level")),
        "{:#?}",
        imported.notes
    );
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 1);
}

#[test]
fn an_exported_union_imports_as_the_same_union() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/specs/adopt_pet.json");
    let loaded = crate::load_spec(&dir, "adopt_pet.json");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let exported = crate::openapi::openapi(&[loaded.spec.unwrap()], "Pets");
    let imported = run(&exported.to_string());
    assert_eq!(
        ty(&imported, "Pet"),
        json!({ "type": "union", "tag": "petType", "description": "A pet, by its kind.",
                "of": { "cat": "Cat", "dog": "Dog", "fish": "Fish" } })
    );
    assert_eq!(
        ty(&imported, "ShelterRef"),
        json!({ "type": "union", "of": [{ "type": "integer", "minimum": 1 }, { "type": "string", "min_length": 2 }, "Lookup"] })
    );
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn event_streams_and_json_lines_become_streamed_responses() {
    let imported = with_schemas(
        r##"{"/feed": {"get": {"operationId": "feed", "responses": {
                "200": {"description": "events", "content": {"text/event-stream": {"itemSchema": {"$ref": "#/components/schemas/Tick"}}}},
                "429": {"description": "slow", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
             "/rows": {"get": {"operationId": "rows", "responses": {
                "200": {"description": "rows", "content": {"application/jsonl": {"schema": {"$ref": "#/components/schemas/Tick"}}}}}}},
             "/both": {"get": {"operationId": "both", "responses": {
                "200": {"description": "either", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Tick"}},
                    "text/event-stream": {"schema": {"type": "string"}}}}}}}}"##,
        r##"{"Tick": {"type": "object", "properties": {"n": {"type": "integer"}}}}"##,
    );
    let feed = spec(&imported, "feed.json");
    assert_eq!(feed["responses"][0]["stream"], "sse");
    assert_eq!(feed["responses"][0]["body"], "Tick");
    assert!(feed["responses"][0].get("content_type").is_none());
    assert!(feed["responses"][1].get("stream").is_none());
    let rows = spec(&imported, "rows.json");
    assert_eq!(rows["responses"][0]["stream"], "json_lines");
    assert_eq!(rows["responses"][0]["content_type"], "application/jsonl");
    assert_eq!(rows["responses"][0]["body"], "Tick");
    // Plain JSON offered too: the response is read whole, as before.
    let both = spec(&imported, "both.json");
    assert!(both["responses"][0].get("stream").is_none());
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_union_beside_a_map_that_allows_every_value_of_the_map_is_the_map() {
    let imported = with_schemas(
        r##"{"/pay": {"get": {"operationId": "pay",
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Payment"}}}}}}}}"##,
        r##"{"Payment": {"type": "object", "properties": {
            "additionalData": {"type": "object", "additionalProperties": {"type": "string"},
                "anyOf": [{"$ref": "#/components/schemas/DataCard"}, {"$ref": "#/components/schemas/DataRisk"}]},
            "strict": {"type": "object", "additionalProperties": {"type": "string"},
                "anyOf": [{"$ref": "#/components/schemas/DataRisk"}, {"required": ["a"]}]}
        }},
        "DataCard": {"type": "object", "properties": {"cardBin": {"type": "string", "description": "The BIN."}, "cardType": {"type": "string"}}},
        "DataRisk": {"type": "object", "properties": {"level": {"type": "string", "enum": ["low", "high"]}}}}"##,
    );
    let payment = ty(&imported, "Payment");
    // `DataCard` takes every map of strings: the union adds no rule.
    assert_eq!(field(&payment, "additionalData")["type"], "map");
    assert_eq!(field(&payment, "additionalData")["of"], "string");
    assert!(!noted(
        &imported,
        "/components/schemas/Payment/properties/additionalData/anyOf",
        "beside"
    ));
    // Neither member takes every map of strings (an enum, a required key).
    assert!(noted(
        &imported,
        "/components/schemas/Payment/properties/strict/anyOf",
        "beside the schema's own members"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn integer_bounds_past_i64_on_the_open_side_are_no_rule() {
    let imported = with_schemas(
        r##"{"/n": {"get": {"operationId": "n", "parameters": [
            {"name": "whole", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 9223372036854776000}},
            {"name": "near", "in": "query", "schema": {"type": "integer", "maximum": 9223372036854772000}},
            {"name": "none", "in": "query", "schema": {"type": "integer", "minimum": 1e19}}
        ], "responses": {"204": {"description": "ok"}}}}}"##,
        "{}",
    );
    let n = spec(&imported, "n.json");
    // Java's Long.MAX_VALUE through a float: past every i64, so no rule.
    assert_eq!(param(&n, "whole")["minimum"], 1);
    assert_eq!(param(&n, "whole").get("maximum"), None);
    assert!(!noted(
        &imported,
        "/paths/~1n/get/parameters/0/schema/maximum",
        ""
    ));
    // Below 2^63, the float is an i64 exactly.
    assert_eq!(param(&n, "near")["maximum"], 9_223_372_036_854_771_712_i64);
    // A minimum past every i64 leaves no integer: that is noted.
    assert!(noted(
        &imported,
        "/paths/~1n/get/parameters/2/schema/minimum",
        "beyond a 64-bit integer"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_union_of_string_enums_is_one_enum_of_all_their_values() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "list", "parameters": [
            {"name": "order", "in": "query", "schema": {"oneOf": [
                {"type": "string", "enum": ["asc", "desc"]}, {"$ref": "#/components/schemas/Upper"}]}},
            {"name": "mixed", "in": "query", "schema": {"oneOf": [
                {"type": "string", "enum": ["a"]}, {"type": "string", "pattern": "^x+$"}]}}
        ], "responses": {"204": {"description": "ok"}}}}}"##,
        r##"{"Upper": {"type": "string", "enum": ["ASC", "DESC", "asc"]}}"##,
    );
    let list = spec(&imported, "list.json");
    let order = param(&list, "order");
    let values = match order.get("values") {
        Some(v) => v.clone(),
        None => ty(&imported, order["type"].as_str().unwrap())["values"].clone(),
    };
    assert_eq!(values, json!(["asc", "desc", "ASC", "DESC"]));
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| n.pointer.contains("parameters/0")),
        "{:#?}",
        imported.notes
    );
    // A pattern is not a list: still two strings a reader cannot tell apart.
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/1/schema/oneOf",
        "both of type `string`"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_required_property_of_one_value_per_member_tags_the_union() {
    // JSON:API's `type` (App Store Connect's `included`), Stripe's
    // `object`: no discriminator, yet each member says what it is.
    let imported = with_schemas(
        r##"{"/apps": {"get": {"operationId": "getApp", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "included": {"type": "array", "items": {"oneOf": [
                    {"$ref": "#/components/schemas/BetaGroup"}, {"$ref": "#/components/schemas/Build"}]}},
                "deleted": {"anyOf": [
                    {"$ref": "#/components/schemas/DeletedCard"}, {"$ref": "#/components/schemas/DeletedBank"}]},
                "mixed": {"anyOf": [
                    {"$ref": "#/components/schemas/DeletedCard"}, {"$ref": "#/components/schemas/OtherCard"}]}
            }}}}}}}}}"##,
        r##"{"BetaGroup": {"type": "object", "required": ["id", "type"], "properties": {
                "id": {"type": "string"}, "type": {"type": "string", "enum": ["betaGroups"]}, "name": {"type": "string"}}},
            "Build": {"type": "object", "required": ["id", "type"], "properties": {
                "id": {"type": "string"}, "type": {"type": "string", "enum": ["builds"]}, "version": {"type": "string"}}},
            "DeletedCard": {"type": "object", "required": ["deleted", "id", "object"], "properties": {
                "deleted": {"type": "boolean", "enum": [true]}, "id": {"type": "string"},
                "object": {"type": "string", "enum": ["card"]}}},
            "DeletedBank": {"type": "object", "required": ["deleted", "id", "object"], "properties": {
                "deleted": {"type": "boolean", "enum": [true]}, "id": {"type": "string"},
                "object": {"type": "string", "enum": ["bank_account"]}}},
            "OtherCard": {"type": "object", "required": ["deleted", "id", "object"], "properties": {
                "deleted": {"type": "boolean", "enum": [true]}, "id": {"type": "integer"},
                "object": {"type": "string", "enum": ["card"]}}}}"##,
    );
    let body = ty(&imported, "GetAppOk");
    let included = ty(&imported, field(&body, "included")["of"].as_str().unwrap());
    assert_eq!(included["tag"], "type", "{included}");
    assert_eq!(
        included["of"],
        json!({"betaGroups": "BetaGroup", "builds": "Build"})
    );
    // The first property that tells them apart: `deleted` is `true` in both.
    let deleted = ty(&imported, field(&body, "deleted")["type"].as_str().unwrap());
    assert_eq!(deleted["tag"], "object", "{deleted}");
    assert_eq!(
        deleted["of"],
        json!({"card": "DeletedCard", "bank_account": "DeletedBank"})
    );
    // Members whose one value is the same are not told apart so: alike
    // but for their `id`s, they are the one object both are, its `id` an
    // integer or a string.
    let mixed = ty(&imported, field(&body, "mixed")["type"].as_str().unwrap());
    assert_eq!(mixed["type"], "object", "{mixed}");
    let id = field(&mixed, "id");
    assert_eq!(id["required"], true);
    assert_eq!(
        ty(&imported, id["type"].as_str().unwrap()),
        json!({ "type": "union", "of": ["integer", "string"] })
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_property_of_one_value_tells_apart_members_a_tag_cannot_name() {
    // Stripe's payout `destination`: an id, or one of several objects
    // each saying what it is in `object` (no tag: the id is no object).
    // Adyen's account kinds: every one but `SG` requires its `type`.
    let imported = with_schemas(
        r##"{"/payouts": {"get": {"operationId": "getPayout", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "destination": {"anyOf": [{"type": "string"},
                    {"$ref": "#/components/schemas/DeletedCard"}, {"$ref": "#/components/schemas/DeletedBank"}]},
                "account": {"oneOf": [{"$ref": "#/components/schemas/Cz"}, {"$ref": "#/components/schemas/Dk"},
                    {"$ref": "#/components/schemas/Sg"}, {"$ref": "#/components/schemas/Bic"}]}
            }}}}}}}}}"##,
        r##"{"DeletedCard": {"type": "object", "required": ["deleted", "id", "object"], "properties": {
                "deleted": {"type": "boolean", "enum": [true]}, "id": {"type": "string"},
                "object": {"type": "string", "enum": ["card"]}, "brand": {"type": "string"}}},
            "DeletedBank": {"type": "object", "required": ["deleted", "id", "object"], "properties": {
                "deleted": {"type": "boolean", "enum": [true]}, "id": {"type": "string"},
                "object": {"type": "string", "enum": ["bank_account"]}, "bank_name": {"type": "string"}}},
            "Cz": {"type": "object", "additionalProperties": false, "required": ["type", "number", "bank"], "properties": {
                "type": {"type": "string", "enum": ["czLocal"]}, "number": {"type": "string"}, "bank": {"type": "string"}}},
            "Dk": {"type": "object", "additionalProperties": false, "required": ["type", "number", "bank"], "properties": {
                "type": {"type": "string", "enum": ["dkLocal"]}, "number": {"type": "string"}, "bank": {"type": "string"}}},
            "Sg": {"type": "object", "additionalProperties": false, "required": ["number", "bic"], "properties": {
                "type": {"type": "string", "enum": ["sgLocal"]}, "number": {"type": "string"}, "bic": {"type": "string"}}},
            "Bic": {"type": "object", "additionalProperties": false, "required": ["type", "number", "bic"], "properties": {
                "type": {"type": "string", "enum": ["numberAndBic"]}, "number": {"type": "string"}, "bic": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let body = ty(&imported, "GetPayoutOk");
    let destination = ty(
        &imported,
        field(&body, "destination")["type"].as_str().unwrap(),
    );
    assert_eq!(
        destination,
        json!({ "type": "union", "of": ["string", "DeletedCard", "DeletedBank"] })
    );
    // Those that require more first; `Sg` after `Bic`, which requires
    // all `Sg` does, told from it by `type`.
    let account = ty(&imported, field(&body, "account")["type"].as_str().unwrap());
    assert_eq!(
        account,
        json!({ "type": "union", "of": ["Cz", "Dk", "Bic", "Sg"] })
    );
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 1);
}

#[test]
fn min_and_max_properties_bound_an_objects_members() {
    let imported = with_schemas(
        r##"{"/things/{id}": {"patch": {"operationId": "patchThing", "parameters": [
            {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "id", "in": "query", "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "minProperties": 1, "properties": {
                    "name": {"type": "string"}, "source": {"$ref": "#/components/schemas/Source"}}}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/Tight"}}}}}}}}"##,
        r##"{"Source": {"type": "object", "maxProperties": 1, "properties": {
                "pointer": {"type": "string"}, "parameter": {"type": "string"}}},
            "Tight": {"type": "object", "maxProperties": 1, "required": ["a", "b"], "properties": {
                "a": {"type": "string"}, "b": {"type": "string"}}}}"##,
    );
    let patch = spec(&imported, "patch_thing.json");
    assert_eq!(ty(&imported, "Source")["max_items"], 1);
    // The body that bounds its members is one param, its whole object.
    let body = param(&patch, "body");
    assert_eq!(body["whole_body"], true, "{patch}");
    assert_eq!(
        ty(&imported, body["type"].as_str().unwrap())["min_items"],
        1
    );
    // No value could pass: left out, noted.
    assert!(ty(&imported, "Tight").get("max_items").is_none());
    assert!(noted(
        &imported,
        "/components/schemas/Tight/maxProperties",
        "required"
    ));
    // A query param named like the path param: both, the second with a
    // Rust name after its place.
    let ids: Vec<_> = patch["params"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "id")
        .map(|p| (p["in"].clone(), p.get("rust_name").cloned()))
        .collect();
    assert_eq!(
        ids,
        [
            (json!("path"), None),
            (json!("query"), Some(json!("query_id")))
        ],
        "{patch}"
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn params_of_one_name_stay_in_different_places_and_one_place_keeps_the_first() {
    // Trello's `/tokens/{token}` beside its `?token=` credential; a form
    // body's `token` beside them; a header declared twice in two cases.
    let imported = with_schemas(
        r##"{"/tokens/{token}": {"post": {"operationId": "postToken", "parameters": [
            {"name": "token", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "token", "in": "query", "required": true, "schema": {"type": "string"}},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
            {"name": "x-trace", "in": "header", "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "object", "properties": {"token": {"type": "string"}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let post = spec(&imported, "post_token.json");
    let places: Vec<_> = post["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["in"].as_str().unwrap(),
                p.get("rust_name").and_then(|r| r.as_str()),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("token", "path", None),
            ("token", "query", Some("query_token")),
            ("X-Trace", "header", None),
            ("token", "body", Some("body_token")),
        ],
        "{post}"
    );
    assert!(noted(
        &imported,
        "/paths/~1tokens~1{token}/post",
        "the header param `x-trace` is declared twice"
    ));
    assert_eq!(outcome(&imported, "post_token"), Outcome::Degraded);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_response_header_array_is_a_header_list() {
    // Gitea's `invalidTopics`, BeezUP's `Cache-Control`.
    let imported = with_schemas(
        r##"{"/topics": {"put": {"operationId": "putTopics", "responses": {"422": {"description": "invalid",
            "headers": {"invalidTopics": {"style": "simple", "schema": {"type": "array", "items": {"type": "string"}}},
                        "X-Nested": {"schema": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}}}}}}"##,
        "{}",
    );
    let put = spec(&imported, "put_topics.json");
    let headers = put["responses"][0]["headers"].as_array().unwrap();
    assert_eq!(headers.len(), 1, "{put}");
    assert_eq!(
        (&headers[0]["name"], &headers[0]["type"], &headers[0]["of"]),
        (&json!("invalidTopics"), &json!("array"), &json!("string"))
    );
    assert!(noted(
        &imported,
        "/paths/~1topics/put/responses/422/headers/X-Nested",
        "not a scalar or a list of scalars"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_any_of_every_subset_of_the_properties_makes_is_no_rule() {
    // GitHub's gist files: `content`, or `filename`, or `{}`; OpenAI's
    // closed multipart bodies (`additionalProperties: false`).
    let imported = with_schemas(
        r##"{"/gists/{id}": {"patch": {"operationId": "updateGist", "parameters": [
            {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "files": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/GistFile"}}}}}}},
            "responses": {"200": {"description": "ok"}}}},
         "/audio": {"post": {"operationId": "transcribe",
            "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "additionalProperties": false,
                "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}, "model": {"type": "string"}}}}}},
            "responses": {"200": {"description": "ok"}}}},
         "/partial": {"get": {"operationId": "getPartial", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Partial"}}}}}}}}"##,
        r##"{"GistFile": {"type": "object", "nullable": true,
            "anyOf": [{"required": ["content"]}, {"required": ["filename"]}, {"type": "object", "maxProperties": 0}],
            "properties": {"content": {"type": "string"}, "filename": {"type": "string", "nullable": true}}},
            "Partial": {"type": "object",
            "anyOf": [{"required": ["a"]}, {"maxProperties": 0}],
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}}"##,
    );
    let file = ty(&imported, "GistFile");
    assert_eq!(file["type"], "object", "{file}");
    assert!(file.get("requires_any").is_none(), "{file}");
    assert_eq!(outcome(&imported, "update_gist"), Outcome::Whole);
    assert_eq!(outcome(&imported, "transcribe"), Outcome::Whole);
    // `{b}` alone is no member: that union says something, still noted.
    assert!(noted(
        &imported,
        "/components/schemas/Partial/anyOf",
        "beside the schema's own members"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_property_whose_schema_is_false_is_no_field() {
    // Codat's `properties: {additionalProperties: false}`, misplaced.
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "getThing", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}}"##,
        r##"{"Thing": {"type": "object", "properties": {"id": {"type": "string"}, "additionalProperties": false, "any": true}}}"##,
    );
    let thing = ty(&imported, "Thing");
    let names: Vec<&str> = thing["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["id", "any"], "{thing}");
    assert!(noted(
        &imported,
        "/components/schemas/Thing/properties/additionalProperties",
        "the schema `false`"
    ));
    assert_eq!(outcome(&imported, "get_thing"), Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_header_array_is_a_header_list() {
    // BeezUP's `Accept-Language` (`simple` style), S3's attribute names.
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "parameters": [
            {"name": "Accept-Language", "in": "header", "style": "simple", "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "x-amz-attributes", "in": "header", "schema": {"type": "array", "items": {"type": "string", "enum": ["RestoreStatus"]}}},
            {"name": "X-Pairs", "in": "header", "schema": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_things.json");
    let language = param(&list, "Accept-Language");
    assert_eq!(
        (&language["type"], &language["of"]),
        (&json!("array"), &json!("string")),
        "{language}"
    );
    assert_eq!(param(&list, "x-amz-attributes")["type"], "array");
    // Nested arrays still have no header form.
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/2",
        "a header param that is an object or nested array"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn strings_of_a_union_are_told_apart_by_checked_formats() {
    // Sinao's image, a URL or its base64 bytes; a plain string read last;
    // two plain strings, or two of one format, still noted.
    let imported = with_schemas(
        r##"{"/p": {"post": {"operationId": "postP", "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "image": {"oneOf": [{"type": "string", "format": "byte"}, {"type": "string", "format": "uri"}]},
                "who": {"oneOf": [{"type": "string"}, {"type": "string", "format": "email"}]},
                "when": {"oneOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date", "description": "again"}, {"type": "integer"}]},
                "two": {"oneOf": [{"type": "string", "maxLength": 3}, {"type": "string", "minLength": 5}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let post = spec(&imported, "post_p.json");
    let of = |name: &str| {
        let p = param(&post, name);
        match p["type"].as_str() {
            Some("union") => p["of"].clone(),
            Some(named) => ty(&imported, named)["of"].clone(),
            None => panic!("{p}"),
        }
    };
    assert_eq!(
        of("image"),
        json!([{"type": "string", "format": "uri"}, "bytes"])
    );
    // A plain string takes the formatted one whole: the union is it.
    assert_eq!(param(&post, "who")["type"], "string");
    // Two of one format are one; the string after the integer, as a
    // union of scalars lists its string last.
    assert_eq!(
        of("when"),
        json!(["integer", {"type": "string", "format": "date"}])
    );
    assert!(noted(
        &imported,
        "/paths/~1p/post/requestBody/content/application~1json/schema/properties/two/oneOf",
        "both of type `string`"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_form_body_that_is_a_string_is_the_forms_text() {
    // Spoonacular's `POST /food/detect`.
    let imported = with_schemas(
        r##"{"/food/detect": {"post": {"operationId": "detectFood",
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "string", "maxLength": 500}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let detect = spec(&imported, "detect_food.json");
    assert_eq!(detect["body"], "text", "{detect}");
    let body = param(&detect, "body");
    assert_eq!(
        (&body["type"], &body["content_type"], &body["max_length"]),
        (
            &json!("string"),
            &json!("application/x-www-form-urlencoded"),
            &json!(500)
        ),
        "{body}"
    );
    assert_eq!(outcome(&imported, "detect_food"), Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn scalar_members_alike_but_for_unchecked_formats_are_one() {
    // Threat Jammer's address (`ipv4` or `ipv6`), PandaScore's ids (each
    // an `integer` of `minimum: 1`); OpenAQ's `date-time` or `date` are
    // formats the spec checks, by which a reader tells them apart.
    let imported = with_schemas(
        r##"{"/ips/{address}": {"get": {"operationId": "getIp", "parameters": [
            {"name": "address", "in": "path", "required": true, "schema": {"anyOf": [
                {"type": "string", "format": "ipv4"}, {"type": "string", "format": "ipv6", "description": "v6"}]}},
            {"name": "near", "in": "query", "schema": {"anyOf": [
                {"type": "string", "format": "ipv4"}, {"type": "string"}]}},
            {"name": "league", "in": "query", "schema": {"anyOf": [
                {"$ref": "#/components/schemas/LeagueID"}, {"$ref": "#/components/schemas/SerieID"}]}},
            {"name": "since", "in": "query", "schema": {"anyOf": [
                {"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"LeagueID": {"type": "integer", "minimum": 1, "title": "League"},
             "SerieID": {"type": "integer", "minimum": 1, "title": "Serie"}}"##,
    );
    let get = spec(&imported, "get_ip.json");
    let address = param(&get, "address");
    assert_eq!(address["type"], "string", "{address}");
    assert_eq!(address.get("format"), None, "{address}");
    assert!(
        address["description"]
            .as_str()
            .unwrap()
            .ends_with("Format: `ipv4` or `ipv6`."),
        "{address}"
    );
    // A member without a format takes every string: no format said.
    let near = param(&get, "near");
    assert_eq!(near["type"], "string", "{near}");
    assert_eq!(near.get("description"), None, "{near}");
    let league = param(&get, "league");
    assert_eq!(league["type"], "integer", "{league}");
    assert_eq!(league["minimum"], 1, "{league}");
    let since = ty(&imported, param(&get, "since")["type"].as_str().unwrap());
    assert_eq!(since["type"], "union", "{since}");
    assert_eq!(
        since["of"],
        json!([
            {"type": "string", "format": "date-time"},
            {"type": "string", "format": "date"}
        ])
    );
    assert_eq!(outcome(&imported, "get_ip"), Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_union_of_scalars_is_a_path_or_query_param_with_its_string_last() {
    // GitHub's `workflow_id` (an id or a file name), PandaScore's
    // `league_id_or_slug` with the string first.
    let imported = with_schemas(
        r##"{"/workflows/{workflow_id}": {"get": {"operationId": "getWorkflow", "parameters": [
            {"name": "workflow_id", "in": "path", "required": true, "schema": {"oneOf": [{"type": "integer"}, {"type": "string"}]}},
            {"name": "league", "in": "query", "schema": {"$ref": "#/components/schemas/LeagueIdOrSlug"}},
            {"name": "leagues", "in": "query", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/LeagueIdOrSlug"}}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"LeagueIdOrSlug": {"oneOf": [{"type": "string", "pattern": "^[a-z-]+$"}, {"type": "integer", "minimum": 1}]}}"##,
    );
    let get = spec(&imported, "get_workflow.json");
    let workflow = ty(
        &imported,
        param(&get, "workflow_id")["type"].as_str().unwrap(),
    );
    assert_eq!(
        workflow,
        json!({"type": "union", "of": ["integer", "string"]})
    );
    let league = ty(&imported, "LeagueIdOrSlug");
    assert_eq!(
        league["of"][0],
        json!({"type": "integer", "minimum": 1}),
        "{league}"
    );
    assert_eq!(league["of"][1]["type"], "string", "{league}");
    assert_eq!(param(&get, "leagues")["of"], "LeagueIdOrSlug");
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_array_path_param_in_the_simple_style_is_a_list() {
    // TfL's `/Line/{ids}/Status`; a `label` style keeps its note.
    let imported = with_schemas(
        r##"{"/lines/{ids}/status": {"get": {"operationId": "lineStatus", "parameters": [
            {"name": "ids", "in": "path", "required": true, "style": "simple", "explode": false,
             "schema": {"type": "array", "items": {"type": "string"}}}],
            "responses": {"200": {"description": "ok"}}}},
          "/stops/{ids}": {"get": {"operationId": "stops", "parameters": [
            {"name": "ids", "in": "path", "required": true, "style": "label",
             "schema": {"type": "array", "items": {"type": "integer"}}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let status = spec(&imported, "line_status.json");
    assert_eq!(param(&status, "ids")["type"], "array");
    assert_eq!(param(&status, "ids")["of"], "string");
    assert_eq!(
        imported
            .operations
            .iter()
            .find(|o| o.name.as_deref() == Some("line_status"))
            .unwrap()
            .outcome,
        Outcome::Whole
    );
    assert!(noted(
        &imported,
        "/paths/~1stops~1{ids}/get/parameters/0",
        "path param of this type"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn what_check_would_refuse_is_noted_instead() {
    // NetBox's default naming a member the object lacks; Seldon's pattern
    // on base64 text; VTEX's explicit `Authorization` beside the API key
    // its scheme names.
    let imported = run(
        r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "security": [{"key": []}],
        "components": {"securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}},
        "paths": {"/things": {"post": {"operationId": "addThing", "parameters": [
            {"name": "authorization", "in": "header", "schema": {"type": "string"}},
            {"name": "x-api-key", "in": "header", "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "phase": {"type": "object", "properties": {"value": {"type": "string"}},
                          "default": {"id": 1, "value": "single"}},
                "blob": {"type": "string", "format": "byte", "pattern": "^[A-Za-z0-9+/=]*$"}}}}}},
            "responses": {"200": {"description": "ok"}}}}}}"##,
    );
    let add = spec(&imported, "add_thing.json");
    assert!(param(&add, "phase").get("default").is_none());
    assert!(noted(&imported, "/paths/~1things/post/requestBody/content/application~1json/schema/properties/phase/default", "no field for"));
    assert_eq!(param(&add, "blob")["type"], "bytes");
    assert!(param(&add, "blob").get("pattern").is_none());
    assert!(noted(
        &imported,
        "/paths/~1things/post/requestBody/content/application~1json/schema/properties/blob/pattern",
        "base64"
    ));
    let credentials: Vec<&J> = add["params"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["credential"] == true)
        .collect();
    assert_eq!(credentials.len(), 1, "{add}");
    assert_eq!(credentials[0]["name"], "x-api-key");
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_enum_written_in_another_kind_is_its_type_s_values() {
    // Bungie's `breakerType`: `"enum": ["0", "1", "2"]` on an integer.
    let imported = with_schemas(
        r##"{"/items": {"get": {"operationId": "listItems", "parameters": [
            {"name": "breaker", "in": "query", "schema": {"type": "integer", "enum": ["0", "1", "2"], "default": "0"}},
            {"name": "odd", "in": "query", "schema": {"type": "integer", "enum": ["0 User", "1 Org"]}},
            {"name": "code", "in": "query", "schema": {"type": "string", "enum": ["01", 9, "12"]}},
            {"name": "flag", "in": "query", "schema": {"type": "string", "enum": [true, false]}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_items.json");
    let breaker = param(&list, "breaker");
    assert_eq!(
        ty(&imported, breaker["type"].as_str().unwrap())["values"],
        json!([0, 1, 2])
    );
    assert_eq!(breaker["default"], 0);
    // Text that spells no integer stays noted.
    assert!(noted(
        &imported,
        "/paths/~1items/get/parameters/1/schema/enum",
        "not of type `integer`"
    ));
    // A string's values written as numbers or booleans are their text.
    let code = param(&list, "code");
    assert_eq!(
        ty(&imported, code["type"].as_str().unwrap())["values"],
        json!(["01", "9", "12"])
    );
    let flag = param(&list, "flag");
    assert_eq!(
        ty(&imported, flag["type"].as_str().unwrap())["values"],
        json!(["true", "false"])
    );
    assert_eq!(imported.notes.len(), 1, "{:#?}", imported.notes);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_alias_met_again_through_an_object_keeps_its_recursion() {
    // FSx: `AdministrativeActions` is an array of `AdministrativeAction`,
    // which reaches a `Volume` holding `AdministrativeActions` again.
    let imported = with_schemas(
        r##"{"/volumes": {"get": {"operationId": "listVolumes", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Actions"}}}}}}}}"##,
        r##"{"Actions": {"type": "array", "maxItems": 50, "items": {"$ref": "#/components/schemas/Action"}},
            "Action": {"type": "object", "properties": {"target": {"$ref": "#/components/schemas/Volume"}}},
            "Volume": {"type": "object", "properties": {"actions": {"$ref": "#/components/schemas/Actions"}}},
            "Loop": {"type": "array", "items": {"$ref": "#/components/schemas/Loop"}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(
        field(&ty(&imported, "Volume"), "actions")["type"],
        "Actions"
    );
    assert_eq!(ty(&imported, "Actions")["of"], "Action");
    assert_eq!(imported.operations[0].outcome, Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
    // With no object between, an alias that holds itself stays noted.
    let looped = with_schemas(
        r##"{"/loops": {"get": {"operationId": "getLoop", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loop"}}}}}}}}"##,
        r##"{"Loop": {"type": "array", "items": {"$ref": "#/components/schemas/Loop"}}}"##,
    );
    assert!(noted(
        &looped,
        "/components/schemas/Loop/items",
        "no object between"
    ));
    assert!(write_and_check(&looped).2.is_empty());
}

#[test]
fn a_union_met_again_inside_an_inline_object_keeps_its_recursion() {
    // dnd5e's `Option`: a union whose members are inline objects, one of
    // them a list of options; influxdata's expressions: a union of objects
    // whose fields hold an expression inline (boxed where generated).
    let imported = with_schemas(
        r##"{"/options": {"get": {"operationId": "getOption", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Option"}}}}}}},
            "/nodes": {"get": {"operationId": "getNode", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}}"##,
        r##"{"Option": {"oneOf": [
                {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Option"}}}},
                {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}]},
            "Node": {"anyOf": [
                {"type": "object", "required": ["left", "right"], "properties": {
                    "left": {"$ref": "#/components/schemas/Node"}, "right": {"$ref": "#/components/schemas/Node"}}},
                {"type": "object", "required": ["value"], "properties": {"value": {"type": "integer"}}}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    for op in &imported.operations {
        assert_eq!(op.outcome, Outcome::Whole, "{:?}", op.name);
    }
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{errors:?}");
    // Each union's members, as their types: the one that holds the union
    // again holds it by name.
    let members = |name: &str| -> Vec<J> {
        let union = ty(&imported, name);
        assert_eq!(union["type"], "union", "{union:#}");
        union["of"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| match m.as_str() {
                Some(named) => ty(&imported, named).clone(),
                None => m.clone(),
            })
            .collect()
    };
    let option = members("Option");
    let list = option.iter().find(|m| m["fields"][0]["name"] == "items");
    let list = list.unwrap_or_else(|| panic!("{option:#?}"));
    assert_eq!(list["fields"][0]["type"], "array");
    assert_eq!(list["fields"][0]["of"], "Option");
    let node = members("Node");
    let pair = node.iter().find(|m| m["fields"][0]["name"] == "left");
    let pair = pair.unwrap_or_else(|| panic!("{node:#?}"));
    assert_eq!(pair["fields"][0]["type"], "Node");
    assert_eq!(pair["fields"][1]["type"], "Node");
}

#[test]
fn arrays_of_one_union_are_told_apart_by_their_items() {
    // OpenAI's `prompt`: a text, texts, tokens, or token lists, each kept
    // as itself; arrays whose items a reader cannot tell apart stay noted.
    let imported = with_schemas(
        r##"{"/completions": {"post": {"operationId": "createCompletion",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}},
            "responses": {"200": {"description": "ok"}}}},
            "/mixed": {"post": {"operationId": "mixed",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "ids": {"oneOf": [{"type": "array", "items": {"type": "string", "maxLength": 4}},
                                  {"type": "array", "items": {"type": "string", "minLength": 5}}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"Request": {"type": "object", "properties": {"prompt": {"oneOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
                {"type": "array", "minItems": 1, "items": {"type": "integer"}},
                {"type": "array", "minItems": 1, "items": {"type": "array", "minItems": 1, "items": {"type": "integer"}}}]}}}}"##,
    );
    assert_eq!(outcome(&imported, "create_completion"), Outcome::Whole);
    let completion = spec(&imported, "create_completion.json");
    let prompt = param(&completion, "prompt")["type"].clone();
    let union = ty(&imported, prompt.as_str().unwrap());
    assert_eq!(
        union["of"],
        json!([
            "string",
            { "type": "array", "of": "string" },
            { "type": "array", "of": "integer", "min_items": 1 },
            { "type": "array", "of": { "type": "array", "of": "integer", "min_items": 1 }, "min_items": 1 }
        ])
    );
    assert_eq!(outcome(&imported, "mixed"), Outcome::Degraded);
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{errors:?}");

    // Arrays of a named array and of a named object: the importer names
    // the variants as `check` does (`TokensArray`, `UserArray`), or the
    // written spec would not pass `check`.
    let imported = with_schemas(
        r##"{"/batch": {"post": {"operationId": "batch",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "input": {"oneOf": [{"type": "array", "items": {"$ref": "#/components/schemas/Tokens"}},
                                    {"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                                    {"type": "array", "items": {"type": "string"}}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"Tokens": {"type": "array", "items": {"type": "integer"}},
            "User": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}}}"##,
    );
    assert_eq!(outcome(&imported, "batch"), Outcome::Whole);
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn lists_of_strings_with_a_format_the_spec_does_not_check_are_one_list() {
    // Shutterstock's country: a code of three letters or of two, each a
    // list with `format: country-code-3` (or `-2`).
    let imported = with_schemas(
        r##"{"/licenses": {"get": {"operationId": "getLicenses", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Country"}}}}}}}}"##,
        r##"{"Country": {"oneOf": [
                {"type": "string", "format": "country-code-3", "enum": ["USA", "NOR"]},
                {"type": "string", "format": "country-code-2", "enum": ["US", "NO"]}]}}"##,
    );
    assert_eq!(outcome(&imported, "get_licenses"), Outcome::Whole);
    assert_eq!(
        ty(&imported, "Country")["values"],
        json!(["USA", "NOR", "US", "NO"])
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_union_holding_an_array_of_itself_is_a_json_value() {
    // Vercel's edge config item: a text, number, flag, object, or a list
    // of such items; the list recurses through the union, a named item.
    let imported = with_schemas(
        r##"{"/items": {"get": {"operationId": "getItem", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Value"}}}}}}}}"##,
        r##"{"Value": {"oneOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"},
            {"type": "array", "items": {"$ref": "#/components/schemas/Value"}}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(
        ty(&imported, "Value")["of"],
        json!(["string", "number", "boolean", { "type": "array", "of": "Value" }])
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn members_of_one_value_and_unions_with_their_own_discriminator_are_read_as_any_member() {
    // Vercel's record operation: `{"const": "create"}` or another; linqr's
    // QR data: a text, or contact data that is a union of its own, tagged
    // by `encoding` (each member's `encoding` of one value).
    let imported = with_schemas(
        r##"{"/records": {"post": {"operationId": "changeRecords",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "operation": {"oneOf": [{"const": "create"}, {"const": "update"}]},
                "data": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Contact"}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"Contact": {"additionalProperties": false, "title": "Contact",
                "anyOf": [{"$ref": "#/components/schemas/VCard"}, {"$ref": "#/components/schemas/MeCard"}],
                "discriminator": {"propertyName": "encoding", "mapping": {
                    "vcard": "#/components/schemas/VCard", "mecard": "#/components/schemas/MeCard"}}},
            "VCard": {"type": "object", "required": ["name"], "properties": {
                "encoding": {"type": "string", "enum": ["vcard"]}, "name": {"type": "string"}}},
            "MeCard": {"type": "object", "required": ["name"], "properties": {
                "encoding": {"type": "string", "enum": ["mecard"]}, "name": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let changes = spec(&imported, "change_records.json");
    let operation = ty(
        &imported,
        param(&changes, "operation")["type"].as_str().unwrap(),
    );
    assert_eq!(operation["values"], json!(["create", "update"]));
    let data = ty(&imported, param(&changes, "data")["type"].as_str().unwrap());
    assert_eq!(data["of"], json!(["string", "VCard", "MeCard"]));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_empty_object_beside_objects_that_require_something_is_read_last() {
    // GitHub's commit `author`: a `simple-user`, or `{}`.
    let imported = with_schemas(
        r##"{"/commits": {"get": {"operationId": "getCommit", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "author": {"oneOf": [{"$ref": "#/components/schemas/empty-object"}, {"$ref": "#/components/schemas/simple-user"}]},
                "either": {"oneOf": [{"$ref": "#/components/schemas/empty-object"}, {"type": "object", "properties": {"a": {"type": "string"}}}]}
            }}}}}}}}}"##,
        r##"{"empty-object": {"type": "object", "properties": {}, "additionalProperties": false},
            "simple-user": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}}}"##,
    );
    let empty = ty(&imported, "EmptyObject");
    assert_eq!(
        (empty["type"].clone(), empty["max_items"].clone()),
        (json!("map"), json!(0))
    );
    let body = ty(&imported, "GetCommitOk");
    let author = ty(&imported, field(&body, "author")["type"].as_str().unwrap());
    assert_eq!(
        author["of"],
        json!(["SimpleUser", "EmptyObject"]),
        "{author}"
    );
    // An object that requires nothing would take every value the map would.
    assert!(noted(
        &imported,
        "/paths/~1commits/get/responses/200/content/application~1json/schema/properties/either/oneOf",
        "both objects"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn any_of_and_one_of_required_lists_are_groups_of_fields() {
    // GitHub's alert updates: "at least one of `state`, `assignees`".
    let imported = with_schemas(
        r##"{"/alerts/{n}": {"patch": {"operationId": "updateAlert", "parameters": [
            {"name": "n", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                "properties": {"state": {"type": "string"}, "assignees": {"type": "array", "items": {"type": "string"}}},
                "anyOf": [{"required": ["state"]}, {"required": ["assignees"]}]}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/ItemRef"}}}}}}}}"##,
        r##"{"ItemRef": {"type": "object", "properties": {"id": {"type": "integer"}, "owner": {"type": "string"}, "repo": {"type": "string"}},
                "oneOf": [{"required": ["id"]}, {"required": ["owner", "repo"]}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let update = spec(&imported, "update_alert.json");
    let body = param(&update, "body");
    assert_eq!(body["whole_body"], true, "{update}");
    assert_eq!(
        ty(&imported, body["type"].as_str().unwrap())["requires_any"],
        json!([["state"], ["assignees"]])
    );
    assert_eq!(
        ty(&imported, "ItemRef")["requires_one"],
        json!([["id"], ["owner", "repo"]])
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn read_only_beside_a_reference_marks_the_member() {
    // Memcache's `maintenanceSchedule`: `{$ref, readOnly: true}`.
    let imported = with_schemas(
        r##"{"/instances": {"post": {"operationId": "createInstance",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Instance"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Instance"}}}}}}}}"##,
        r##"{"Instance": {"type": "object", "properties": {"name": {"type": "string"},
                "schedule": {"$ref": "#/components/schemas/Schedule", "readOnly": true},
                "id": {"$ref": "#/components/schemas/IdReadOnly"},
                "lead": {"allOf": [{"$ref": "#/components/schemas/Schedule"}], "readOnly": true, "description": "Set by the server."}}},
            "Schedule": {"type": "object", "properties": {"end": {"type": "string"}}},
            "IdReadOnly": {"type": "string", "readOnly": true}}"##,
    );
    assert_eq!(
        field(&ty(&imported, "Instance"), "schedule")["read_only"],
        true
    );
    // Intellifi's `IdReadOnly`: `readOnly` in the schema a member names.
    assert_eq!(field(&ty(&imported, "Instance"), "id")["read_only"], true);
    // Jira's `{allOf: [User], readOnly: true}`: beside a lone `allOf`.
    assert_eq!(field(&ty(&imported, "Instance"), "lead")["read_only"], true);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn members_alike_merge_and_arrays_are_told_apart_by_their_items() {
    let imported = with_schemas(
        r##"{"/keys": {"get": {"operationId": "getKeys", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "algo": {"oneOf": [{"$ref": "#/components/schemas/Hmac"}, {"$ref": "#/components/schemas/Rsa"},
                    {"$ref": "#/components/schemas/Es"}]},
                "people": {"anyOf": [{"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Star"}}]},
                "action": {"oneOf": [{"$ref": "#/components/schemas/Sdk"}, {"$ref": "#/components/schemas/Redirect"}]},
                "crowd": {"anyOf": [{"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}},
                    {"type": "array", "items": {"type": "object", "properties": {"b": {"type": "string"}}}}]},
                "pets": {"oneOf": [{"type": "array", "items": {"$ref": "#/components/schemas/Cat"}},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Dog"}}]},
                "stamps": {"oneOf": [{"type": "array", "items": {"type": "string", "format": "date-time"}},
                    {"type": "array", "items": {"type": "string"}}]}
            }}}}}}}}}"##,
        r##"{"Hmac": {"type": "object", "required": ["type", "secret"], "properties": {
                "type": {"type": "string"}, "secret": {"type": "string"}}},
            "Rsa": {"type": "object", "required": ["type", "publicKey"], "properties": {
                "type": {"type": "string"}, "publicKey": {"type": "string"}, "size": {"type": "integer"}}},
            "Es": {"type": "object", "required": ["type", "publicKey"], "properties": {
                "type": {"type": "string"}, "publicKey": {"type": "string"}, "curve": {"type": "string"}}},
            "User": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}},
            "Star": {"type": "object", "required": ["starred_at", "user"], "properties": {
                "starred_at": {"type": "string"}, "user": {"$ref": "#/components/schemas/User"}}},
            "Sdk": {"type": "object", "required": ["type"], "properties": {
                "type": {"type": "string", "enum": ["sdk", "wechatpaySDK"]}, "sdkData": {"type": "object"}}},
            "Redirect": {"type": "object", "required": ["type"], "properties": {
                "type": {"type": "string", "enum": ["redirect"]}, "url": {"type": "string"}}},
            "Cat": {"type": "object", "required": ["kind", "name"], "properties": {
                "kind": {"type": "string", "enum": ["cat"]}, "name": {"type": "string"}}},
            "Dog": {"type": "object", "required": ["kind", "name"], "properties": {
                "kind": {"type": "string", "enum": ["dog"]}, "name": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let body = ty(&imported, "GetKeysOk");
    // Arrays of items told apart only by what a reader checks on a
    // union's own members (a field of one value, a format), which it does
    // not inside an array: one array of either, whose items are the union.
    let pets = field(&body, "pets");
    assert_eq!(pets["type"], "array", "{pets}");
    let pet = ty(&imported, pets["of"].as_str().unwrap());
    assert_eq!(pet["type"], "union", "{pet}");
    assert_eq!(pet["tag"], "kind", "{pet}");
    // Any string or a `date-time` one: strings, which take both.
    assert_eq!(
        field(&body, "stamps"),
        &json!({ "name": "stamps", "type": "array", "of": "string" })
    );
    // `Rsa` and `Es` require the same and nothing tells them apart: the
    // one object both are, beside `Hmac`, which requires `secret`.
    let algo = ty(&imported, field(&body, "algo")["type"].as_str().unwrap());
    let of = algo["of"].as_array().unwrap();
    assert_eq!(of.len(), 2, "{algo}");
    assert_eq!(of[0], "Hmac");
    let merged = ty(&imported, of[1].as_str().unwrap());
    let names: Vec<&str> = merged["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["type", "publicKey", "size", "curve"]);
    // Arrays of users or of stars, told apart by their items: stars
    // first, which require more.
    let people = field(&body, "people");
    assert_eq!(
        ty(&imported, people["type"].as_str().unwrap()),
        json!({ "type": "union", "of": [{ "type": "array", "of": "Star" }, { "type": "array", "of": "User" }] })
    );
    // Arrays whose items nothing tells apart: one array of either.
    let crowd = field(&body, "crowd");
    assert_eq!(crowd["type"], "array", "{crowd}");
    let either = ty(&imported, crowd["of"].as_str().unwrap());
    let names: Vec<&str> = either["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a", "b"]);
    // A member named by either of two tag values.
    let action = ty(&imported, field(&body, "action")["type"].as_str().unwrap());
    assert_eq!(action["tag"], "type");
    assert_eq!(
        action["of"],
        json!({ "sdk": "Sdk", "wechatpaySDK": "Sdk", "redirect": "Redirect" })
    );
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_union_beside_an_objects_own_members_is_the_object_with_each() {
    // GitHub's check run update: `conclusion` is required where `status`
    // is `completed`. Each member with the object's own members is a
    // member of the union; `type: object` beside members that are
    // objects says nothing more (GitHub's repository rules).
    let imported = with_schemas(
        r##"{"/runs": {"patch": {"operationId": "updateRun",
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "status": {"type": "string", "enum": ["queued", "in_progress", "completed"]},
                    "conclusion": {"type": "string"}},
                "anyOf": [
                    {"properties": {"status": {"enum": ["completed"]}}, "required": ["conclusion"], "additionalProperties": true},
                    {"properties": {"status": {"enum": ["queued", "in_progress"]}}, "additionalProperties": true}]}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/Rule"}}}}}}}}"##,
        r##"{"Rule": {"type": "object", "description": "A rule", "oneOf": [
                {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["creation"]}}},
                {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["deletion"]}}}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let rule = ty(&imported, "Rule");
    assert_eq!(rule["type"], "union", "{rule}");
    assert_eq!(rule["tag"], "type");
    let update = spec(&imported, "update_run.json");
    let body = param(&update, "body");
    assert_eq!(body["whole_body"], true, "{body}");
    let union = ty(&imported, body["type"].as_str().unwrap());
    let of = union["of"].as_array().unwrap();
    assert_eq!(of.len(), 2, "{union}");
    // The completed run, which requires `conclusion`, first.
    let completed = ty(&imported, of[0].as_str().unwrap());
    let fields = completed["fields"].as_array().unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["name", "status", "conclusion"]);
    assert_eq!(fields[2]["required"], true);
    let status = ty(&imported, fields[1]["type"].as_str().unwrap());
    assert_eq!(status["values"], json!(["completed"]));
    let queued = ty(&imported, of[1].as_str().unwrap());
    let fields = queued["fields"].as_array().unwrap();
    assert_eq!(fields[2].get("required"), None);
    let status = ty(&imported, fields[1]["type"].as_str().unwrap());
    assert_eq!(status["values"], json!(["queued", "in_progress"]));
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn members_read_through_all_of_and_members_that_take_anything() {
    let imported = with_schemas(
        r##"{"/things": {"post": {"operationId": "addThing",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "video": {"oneOf": [{"$ref": "#/components/schemas/Uuid"}, {"$ref": "#/components/schemas/Id"}]},
                "team": {"type": "array", "items": {"anyOf": [{"nullable": true}, {"type": "string"}]}},
                "extra": {"anyOf": [{}, {"type": "string"}]},
                "file": {"anyOf": [{"$ref": "#/components/schemas/InputFile"}, {"type": "string"}]},
                "source": {"oneOf": [{"$ref": "#/components/schemas/SourceEnum"}, {"$ref": "#/components/schemas/BlankEnum"},
                    {"$ref": "#/components/schemas/NullEnum"}]},
                "vlan": {"oneOf": [{"$ref": "#/components/schemas/Dot1Q"}, {"$ref": "#/components/schemas/Port"}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"UuidV4": {"type": "string", "format": "uuid"},
            "InputFile": {"description": "A file", "externalDocs": {"url": "https://example.com"}},
            "SourceEnum": {"type": "string", "enum": ["web", "mobile"]},
            "BlankEnum": {"enum": [""]},
            "NullEnum": {"enum": [null]},
            "Uuid": {"allOf": [{"$ref": "#/components/schemas/UuidV4"}], "description": "the video's uuid"},
            "Id": {"allOf": [{"type": "integer"}]},
            "Dot1QPartial": {"properties": {"vlan": {"type": "integer"}, "vlan_type": {"type": "string"}}},
            "Dot1Q": {"allOf": [{"$ref": "#/components/schemas/Dot1QPartial"}, {"type": "object", "required": ["vlan", "vlan_type"]}]},
            "PortPartial": {"properties": {"port": {"type": "string"}}},
            "Port": {"allOf": [{"$ref": "#/components/schemas/PortPartial"}, {"type": "object", "required": ["port"]}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let add = spec(&imported, "add_thing.json");
    // `allOf` of one scalar is that scalar: a uuid or an integer.
    let video = ty(&imported, param(&add, "video")["type"].as_str().unwrap());
    assert_eq!(video["type"], "union", "{video}");
    assert_eq!(video["of"].as_array().unwrap().len(), 2);
    // `{nullable: true}` beside a string: a string or null.
    let team = param(&add, "team");
    assert_eq!(team["of"]["type"], "string", "{team}");
    assert_eq!(team["of"]["nullable"], true, "{team}");
    // A member that takes anything: any value.
    assert_eq!(param(&add, "extra")["type"], "any");
    assert_eq!(param(&add, "file")["type"], "any");
    // A reference to `enum: [null]` is the `null` beside the others.
    let source = param(&add, "source");
    assert_eq!(source["nullable"], true, "{source}");
    assert_eq!(
        ty(&imported, source["type"].as_str().unwrap())["values"],
        json!(["web", "mobile", ""])
    );
    // Objects whose required properties come from a part of their own.
    let vlan = ty(&imported, param(&add, "vlan")["type"].as_str().unwrap());
    assert_eq!(vlan, json!({ "type": "union", "of": ["Dot1Q", "Port"] }));
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn string_members_merge_where_one_string_says_the_same() {
    let imported = with_schemas(
        r##"{"/things": {"post": {"operationId": "addThing",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "unset": {"anyOf": [{"type": "string", "maxLength": 10}, {"type": "string", "enum": [""]}]},
                "scope": {"anyOf": [{"type": "string", "enum": ["all"]}, {"type": "array", "items": {"type": "string"}}, {"type": "string", "enum": ["none"]}]},
                "id": {"oneOf": [{"type": "string", "pattern": "^t:[a-f0-9]{4}$"}, {"type": "string", "pattern": "^t:commons-[0-9]+$"}]}}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let add = spec(&imported, "add_thing.json");
    // `""` is a string of at most 10 characters: the union is that string.
    let unset = param(&add, "unset");
    assert_eq!(unset["type"], "string", "{unset}");
    assert_eq!(unset["max_length"], 10);
    // `"all"` or `"none"` (one list), or an array.
    let scope = ty(&imported, param(&add, "scope")["type"].as_str().unwrap());
    let of = scope["of"].as_array().unwrap();
    assert_eq!(of.len(), 2, "{scope}");
    assert_eq!(
        ty(&imported, of[0].as_str().unwrap())["values"],
        json!(["all", "none"])
    );
    // Either pattern.
    let id = param(&add, "id");
    assert_eq!(id["type"], "string", "{id}");
    let pattern = id["pattern"].as_str().unwrap();
    let refuses = |s: &str| crate::patterns::refuses(pattern, s);
    assert!(!refuses("t:ab12") && !refuses("t:commons-42"), "{pattern}");
    assert!(refuses("t:commons-x") && refuses("x t:ab12"), "{pattern}");
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_query_value_or_a_list_of_them_is_the_list() {
    // GitHub's `cwes`: `oneOf` a string or an array of strings. In a query
    // `cwes=79` is the string and the list of it alike.
    let imported = with_schemas(
        r##"{"/advisories": {"get": {"operationId": "listAdvisories", "parameters": [
            {"name": "cwes", "in": "query", "schema": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}},
            {"name": "ids", "in": "query", "schema": {"anyOf": [{"type": "array", "items": {"type": "integer"}}, {"type": "integer"}]}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let list = spec(&imported, "list_advisories.json");
    assert_eq!(param(&list, "cwes")["type"], "array");
    assert_eq!(param(&list, "cwes")["of"], "string");
    assert_eq!(param(&list, "ids")["of"], "integer");
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_optional_body_that_may_be_null_is_one_that_may_be_left_out() {
    // Visma's JSON Patch bodies: `nullable` arrays, not required.
    let imported = with_schemas(
        r##"{"/items/{id}": {"patch": {"operationId": "patchItem",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json-patch+json": {"schema": {
                "type": "array", "nullable": true, "items": {"type": "object", "properties": {"op": {"type": "string"}}}}}}},
            "responses": {"200": {"description": "ok"}}},
            "put": {"operationId": "putItem",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "array", "nullable": true, "items": {"type": "string"}}}}},
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let patch = spec(&imported, "patch_item.json");
    let body = param(&patch, "body");
    assert_eq!(body.get("required"), None, "{body}");
    assert_eq!(body.get("nullable"), None, "{body}");
    assert!(!noted(&imported, "/paths/~1items~1{id}/patch", ""));
    // A required one sends `null` as itself (GitHub Enterprise's gists).
    let put = spec(&imported, "put_item.json");
    let body = param(&put, "body");
    assert_eq!(
        (&body["required"], &body["nullable"]),
        (&json!(true), &json!(true)),
        "{body}"
    );
    assert_eq!(outcome(&imported, "put_item"), Outcome::Whole);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_arrays_default_written_as_one_value_is_the_list_of_it() {
    let imported = with_schemas(
        r##"{"/episodes": {"get": {"operationId": "listEpisodes", "parameters": [
            {"name": "sort", "in": "query", "schema": {"type": "array", "items": {"type": "string"}, "default": "created_at"}},
            {"name": "flags", "in": "query", "schema": {"type": "array", "items": {"type": "boolean"}, "default": "true"}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let list = spec(&imported, "list_episodes.json");
    assert_eq!(param(&list, "sort")["default"], json!(["created_at"]));
    assert_eq!(param(&list, "flags")["default"], json!([true]));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_placeholder_in_the_path_keys_query_is_a_required_query_param() {
    // Weatherbit's `/alerts?lat={lat}&lon={lon}`, its params declared as
    // path params; a fixed pair beside one stays a const.
    let imported = with_schemas(
        r##"{"/alerts?lat={lat}&lon={lon}": {"get": {"operationId": "getAlerts", "parameters": [
                {"name": "lat", "in": "path", "required": true, "schema": {"type": "number"}},
                {"name": "lon", "in": "path", "required": true, "schema": {"type": "number"}}],
                "responses": {"200": {"description": "ok"}}}},
             "/export?format=csv&filename={name}": {"get": {"operationId": "export",
                "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let alerts = spec(&imported, "get_alerts.json");
    assert_eq!(alerts["path"], "/alerts");
    assert_eq!(
        param(&alerts, "lat"),
        &json!({ "name": "lat", "in": "query", "type": "number", "required": true })
    );
    assert_eq!(param(&alerts, "lon")["in"], "query");
    let export = spec(&imported, "export.json");
    assert_eq!(export["path"], "/export");
    assert_eq!(param(&export, "format")["const"], "csv");
    assert_eq!(
        param(&export, "filename"),
        &json!({ "name": "filename", "in": "query", "type": "string", "required": true })
    );
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_enum_of_numbers_is_a_numbers_values() {
    let imported = with_schemas(
        r##"{"/play": {"get": {"operationId": "play", "parameters": [
            {"name": "speed", "in": "query", "schema": {"type": "number", "enum": [0.5, 1, "2", null]}},
            {"name": "odd", "in": "query", "schema": {"type": "number", "enum": [1.5, "fast"]}}],
            "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let play = spec(&imported, "play.json");
    let speed = param(&play, "speed");
    assert_eq!(speed["values"], json!([0.5, 1, 2]), "{speed}");
    assert_eq!(speed["nullable"], true);
    assert!(noted(
        &imported,
        "/paths/~1play/get/parameters/1/schema/enum",
        "not of type `number`"
    ));
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Exported back as the enum it was.
    let exported = crate::openapi::openapi(&specs, "t");
    let params = exported["paths"]["/play"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let speed = params.iter().find(|p| p["name"] == "speed").unwrap();
    assert_eq!(
        speed["schema"]["anyOf"][0]["enum"],
        json!([0.5, 1, 2]),
        "{speed}"
    );
}

#[test]
fn nested_unions_bounded_lists_and_empty_objects_merge_as_stripes_do() {
    let imported = with_schemas(
        r##"{"/cards/{id}": {"delete": {"operationId": "deleteCard",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "expires_at": {"anyOf": [{"type": "string", "enum": ["now"], "maxLength": 5000},
                    {"type": "integer"}, {"type": "string", "enum": [""]}]},
                "blik": {"anyOf": [{"type": "object", "properties": {}},
                    {"type": "object", "properties": {"capture_method": {"type": "string"}}}]}}}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"anyOf": [
                {"anyOf": [{"$ref": "#/components/schemas/Card"}], "title": "Polymorphic"},
                {"anyOf": [{"$ref": "#/components/schemas/DeletedCard"}], "title": "Polymorphic"}]}}}}}}}}"##,
        r##"{"Card": {"type": "object", "required": ["id", "object"], "properties": {
                "id": {"type": "string"}, "object": {"type": "string", "enum": ["card"]}}},
            "DeletedCard": {"type": "object", "required": ["id", "deleted"], "properties": {
                "id": {"type": "string"}, "deleted": {"type": "boolean", "enum": [true]}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let delete = spec(&imported, "delete_card.json");
    // `"now"` (within its own lengths) or `""`: one list, beside an integer.
    let expires = ty(
        &imported,
        param(&delete, "expires_at")["type"].as_str().unwrap(),
    );
    let of = expires["of"].as_array().unwrap();
    assert_eq!(of.len(), 2, "{expires}");
    let list = of.iter().find(|m| *m != "integer").unwrap();
    assert_eq!(
        ty(&imported, list.as_str().unwrap())["values"],
        json!(["now", ""])
    );
    // An object of no named property and its like: one object.
    let blik = ty(&imported, param(&delete, "blik")["type"].as_str().unwrap());
    assert_eq!(blik["type"], "object", "{blik}");
    // A union of unions: their members.
    let union = ty(&imported, delete["responses"][0]["body"].as_str().unwrap());
    assert_eq!(union["of"].as_array().unwrap().len(), 2, "{union}");
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn query_arrays_not_exploded_are_joined_under_one_key() {
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "listThings", "parameters": [
            {"name": "$select", "in": "query", "style": "form", "explode": false,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "ids", "in": "query", "style": "pipeDelimited",
             "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "kinds", "in": "query", "style": "pipeDelimited", "explode": true,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "words", "in": "query", "style": "spaceDelimited",
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "one", "in": "query", "style": "form", "explode": false, "schema": {"type": "string"}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    let list = spec(&imported, "list_things.json");
    assert_eq!(param(&list, "$select")["style"], "comma");
    assert_eq!(param(&list, "ids")["style"], "pipe");
    // Exploded (the `form` default, or said): the key once per item.
    assert_eq!(param(&list, "tags").get("style"), None);
    assert_eq!(param(&list, "kinds").get("style"), None);
    // A scalar is one value whatever the style.
    assert_eq!(param(&list, "one").get("style"), None);
    assert!(noted(
        &imported,
        "/paths/~1things/get/parameters/4",
        "`spaceDelimited` style"
    ));
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // And back: the export says the style again.
    let doc = crate::openapi::openapi(&specs, "t");
    let params = &doc["paths"]["/things"]["get"]["parameters"];
    let by_name = |n: &str| {
        params
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == n))
            .unwrap_or_else(|| panic!("no {n} in {params:#}"))
    };
    assert_eq!(by_name("$select")["explode"], false);
    assert_eq!(by_name("$select")["style"], "form");
    assert_eq!(by_name("ids")["style"], "pipeDelimited");
    assert_eq!(by_name("tags").get("style"), None);
}

#[test]
fn a_nullable_union_member_gives_its_members_and_extensions_say_nothing() {
    // Stripe's payment method options: `setup_future_usage` is `["none"]`
    // with an `x-` key in one member, three values in the other; the
    // card's `installments` a nullable `anyOf` of one beside an object.
    let imported = with_schemas(
        r##"{"/options": {"get": {"operationId": "getOptions", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Options"}}}}}}}}"##,
        r##"{"Options": {"type": "object", "properties": {
                "usage": {"anyOf": [
                    {"type": "string", "enum": ["none"], "x-stripeBypassValidation": true},
                    {"type": "string", "enum": ["none", "off_session", "on_session"]}]},
                "installments": {"anyOf": [
                    {"anyOf": [{"$ref": "#/components/schemas/CardInstallments"}], "nullable": true, "description": "Mexico only."},
                    {"$ref": "#/components/schemas/FlowInstallments"}]}}},
            "CardInstallments": {"type": "object", "properties": {
                "available_plans": {"type": "array", "items": {"type": "string"}}, "enabled": {"type": "boolean"}}},
            "FlowInstallments": {"type": "object", "required": ["enabled"], "properties": {
                "enabled": {"type": "boolean"}, "plan": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let options = ty(&imported, "Options");
    let usage = ty(
        &imported,
        field(&options, "usage")["type"].as_str().unwrap(),
    );
    assert_eq!(
        usage["values"],
        serde_json::json!(["none", "off_session", "on_session"]),
        "{usage:#}"
    );
    // The union of both objects, nullable: the one that requires
    // `enabled` first.
    let installments = field(&options, "installments");
    assert_eq!(installments["nullable"], true, "{installments:#}");
    let union = ty(&imported, installments["type"].as_str().unwrap());
    assert_eq!(
        union["of"],
        serde_json::json!(["FlowInstallments", "CardInstallments"]),
        "{union:#}"
    );
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn deep_object_query_params_that_nest_are_written_in_brackets() {
    let imported = with_schemas(
        r##"{"/notes": {"get": {"operationId": "previewNote", "parameters": [
            {"name": "lines", "in": "query", "style": "deepObject", "explode": true, "schema": {"type": "array",
             "items": {"type": "object", "properties": {"amount": {"type": "integer"},
                "tax_rates": {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string", "enum": [""]}]}}}}},
            {"name": "metadata", "in": "query", "style": "deepObject", "explode": true,
             "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
            {"name": "expand", "in": "query", "style": "deepObject", "explode": true,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "created", "in": "query", "style": "deepObject", "explode": true, "schema": {"anyOf": [
                {"type": "object", "properties": {"gt": {"type": "integer"}}}, {"type": "integer"}]}},
            {"name": "shipping", "in": "query", "style": "deepObject", "explode": true,
             "schema": {"type": "object", "properties": {"rate": {"type": "string"}}}},
            {"name": "limit", "in": "query", "style": "deepObject", "schema": {"type": "integer"}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let preview = spec(&imported, "preview_note.json");
    for name in ["lines", "metadata", "expand", "created"] {
        assert_eq!(param(&preview, name)["style"], "brackets", "{name}");
    }
    // A flat object stays its properties, each a param of its own; a
    // scalar is one value whatever the style.
    assert_eq!(param(&preview, "shipping[rate]").get("style"), None);
    assert_eq!(param(&preview, "limit").get("style"), None);
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // And back: `deepObject`, arrays by index.
    let doc = crate::openapi::openapi(&specs, "t");
    let params = doc["paths"]["/notes"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let lines = params.iter().find(|p| p["name"] == "lines").unwrap();
    assert_eq!(lines["style"], "deepObject");
    assert_eq!(lines["x-endpoints-array"], "indexed");
    let metadata = params.iter().find(|p| p["name"] == "metadata").unwrap();
    assert_eq!(metadata["style"], "deepObject");
    assert_eq!(metadata.get("x-endpoints-array"), None);
}

#[test]
fn operations_on_one_route_are_told_apart_by_the_params_they_require() {
    // Weatherbit's alerts by place or by city; S3's object deleted, or
    // its upload aborted with `uploadId`.
    let imported = with_schemas(
        r##"{"/alerts?lat={lat}&lon={lon}": {"get": {"operationId": "alertsByPlace", "parameters": [
                {"name": "lat", "in": "path", "required": true, "schema": {"type": "number"}},
                {"name": "lon", "in": "path", "required": true, "schema": {"type": "number"}}],
                "responses": {"200": {"description": "ok"}}}},
             "/alerts?city={city}": {"get": {"operationId": "alertsByCity", "parameters": [
                {"name": "city", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok"}}}},
             "/{Bucket}/{Key}": {"delete": {"operationId": "deleteObject", "parameters": [
                {"name": "Bucket", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "Key", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "gone"}}}},
             "/{Bucket}/{Key}#uploadId": {"delete": {"operationId": "abortUpload", "parameters": [
                {"name": "Bucket", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "Key", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "uploadId", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "aborted"}}}},
             "/{Bucket}/{Key}#x-id=Delete": {"delete": {"operationId": "deleteAgain", "parameters": [
                {"name": "Bucket", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "Key", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "gone"}}}}}"##,
        "{}",
    );
    // The last repeats the first: nothing it requires tells them apart.
    assert_eq!(imported.counts(), (5, 0, 0), "{:#?}", imported.notes);
    assert!(noted(
        &imported,
        "/paths/~1{Bucket}~1{Key}#x-id=Delete/delete",
        "the same required params"
    ));
    for file in [
        "alerts_by_place.json",
        "alerts_by_city.json",
        "delete_object.json",
        "abort_upload.json",
    ] {
        spec(&imported, file);
    }
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(specs.len(), 5);
    // The export keeps each under a path of its own: what it requires and
    // the others on its route do not, after `#`; the one in a directory of
    // its own, which nothing tells apart, under its name.
    let doc = crate::openapi::openapi(&specs, "t");
    let keys: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "/alerts#city",
            "/alerts#lat&lon",
            "/{Bucket}/{Key}",
            "/{Bucket}/{Key}#delete_object",
            "/{Bucket}/{Key}#uploadId"
        ],
        "{doc:#}"
    );
}

#[test]
fn a_member_that_is_a_union_of_objects_says_type_object_and_gives_its_members() {
    // GitHub's ruleset conditions: a repository's, or an organization's,
    // which is `type: object` beside a `oneOf` of objects.
    let imported = with_schemas(
        r##"{"/rulesets": {"get": {"operationId": "getRuleset", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ruleset"}}}}}}}}"##,
        r##"{"Ruleset": {"type": "object", "properties": {"conditions": {"nullable": true, "anyOf": [
                {"$ref": "#/components/schemas/RepoConditions"}, {"$ref": "#/components/schemas/OrgConditions"}]}}},
            "RepoConditions": {"type": "object", "properties": {"ref_name": {"type": "string"}}},
            "OrgConditions": {"type": "object", "title": "Organization conditions", "oneOf": [
                {"type": "object", "required": ["repository_name"], "properties": {"repository_name": {"type": "string"}}},
                {"type": "object", "required": ["repository_id"], "properties": {"repository_id": {"type": "integer"}}}]}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let conditions = field(&ty(&imported, "Ruleset"), "conditions").clone();
    assert_eq!(conditions["nullable"], true);
    let union = ty(&imported, conditions["type"].as_str().unwrap());
    assert_eq!(union["of"].as_array().map(Vec::len), Some(3), "{union:#}");
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_discriminator_on_an_optional_property_tags_the_union_or_tells_its_members_apart() {
    // Mailchimp's segment conditions: `condition_type` optional, of one
    // value in each member: untagged, told apart by it. GitHub's
    // `user_view_type`, an optional plain string in each: tagged, the
    // tag optional (a value without it is the first member it fits).
    let imported = with_schemas(
        r##"{"/segments": {"get": {"operationId": "getSegments", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "conditions": {"type": "array", "items": {"$ref": "#/components/schemas/Condition"}},
                "user": {"$ref": "#/components/schemas/User"}}}}}}}}}}"##,
        r##"{"Condition": {"oneOf": [
                {"type": "object", "title": "Aim", "properties": {"condition_type": {"type": "string", "enum": ["Aim"]},
                    "op": {"type": "string"}}},
                {"type": "object", "title": "Date", "required": ["op", "value"], "properties": {
                    "condition_type": {"type": "string", "enum": ["Date"]}, "op": {"type": "string"}, "value": {"type": "string"}}}],
                "discriminator": {"propertyName": "condition_type"}},
            "User": {"oneOf": [{"$ref": "#/components/schemas/Private"}, {"$ref": "#/components/schemas/Public"}],
                "discriminator": {"propertyName": "view", "mapping": {"private": "#/components/schemas/Private", "public": "#/components/schemas/Public"}}},
            "Private": {"type": "object", "required": ["login", "plan"], "properties": {"login": {"type": "string"}, "plan": {"type": "string"}, "view": {"type": "string"}}},
            "Public": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}, "view": {"type": "string"}}}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let user = ty(&imported, "User");
    assert_eq!(user["tag"], "view");
    assert_eq!(
        user["of"],
        json!({"private": "Private", "public": "Public"})
    );
    assert_eq!(
        field(&ty(&imported, "Private"), "view").get("required"),
        None
    );
    let condition = ty(&imported, "Condition");
    assert_eq!(condition["type"], "union");
    assert_eq!(condition.get("tag"), None, "{condition:#}");
    let (_, _, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn listed_values_the_types_own_rules_refuse_are_kept_and_the_rules_go() {
    let imported = with_schemas(
        r##"{"/people": {"post": {"operationId": "addPerson", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}}, "responses": {"204": {"description": "ok"}}}},
             "/sends": {"put": {"operationId": "schedule", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                 "send_at": {"type": "string", "format": "date-time", "enum": ["now"]}}}}}}, "responses": {"204": {"description": "ok"}}}}}"##,
        r##"{"Person": {"type": "object", "properties": {
            "gender": {"type": "string", "maxLength": 1, "enum": ["MALE", "FEMALE", "UNKNOWN"]},
            "locale": {"type": "string", "minLength": 5, "maxLength": 5, "pattern": "^[A-Z]{2}_[A-Z]{2}$", "enum": ["EN_US", "ZH_HANS_CN"]}
        }}}"##,
    );
    // The listed values are what the API takes: the length and pattern
    // they break go, the rules they keep stay, and the note degrades
    // nothing.
    let gender = ty(&imported, "Gender");
    assert_eq!(gender["values"], json!(["MALE", "FEMALE", "UNKNOWN"]));
    assert_eq!(gender.get("max_length"), None);
    let locale = ty(&imported, "Locale");
    assert_eq!(locale["values"], json!(["EN_US", "ZH_HANS_CN"]));
    assert_eq!(
        (
            locale.get("max_length"),
            locale.get("pattern"),
            &locale["min_length"]
        ),
        (None, None, &json!(5))
    );
    let note = imported
        .notes
        .iter()
        .find(|n| n.pointer == "/components/schemas/Person/properties/locale/enum")
        .unwrap();
    assert_eq!(
        note.message,
        "the value \"ZH_HANS_CN\" breaks the type's own `maxLength` and `pattern`"
    );
    assert!(!note.degrades);
    assert_eq!(outcome(&imported, "add_person"), Outcome::Whole);
    // A format the values break stays: the values may be its exceptions
    // (SendGrid's "now" beside a `date-time`), which a plain enum would
    // refuse. Noted, and degraded.
    assert!(noted(
        &imported,
        "/paths/~1sends/put/requestBody/content/application~1json/schema/properties/send_at/enum",
        "the value \"now\" breaks the type's own rules"
    ));
    assert_eq!(outcome(&imported, "schedule"), Outcome::Degraded);
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn an_integers_labelled_values_are_the_integers_with_their_labels_described() {
    let imported = with_schemas(
        r##"{"/plans": {"get": {"operationId": "listPlans", "parameters": [
            {"name": "owner", "in": "query", "schema": {"$ref": "#/components/schemas/OwnerType"}},
            {"name": "odd", "in": "query", "schema": {"type": "integer", "enum": ["0 (User)", "01 (Org)"]}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"OwnerType": {"type": "integer", "format": "int32", "description": "Who owns it.", "enum": ["0 (User)", "1 (Organization)", "-1 (Nobody)"]}}"##,
    );
    let owner = ty(&imported, "OwnerType");
    assert_eq!(owner["values"], json!([0, 1, -1]));
    assert_eq!(
        owner["description"],
        "Values: `0` (User), `1` (Organization), `-1` (Nobody)."
    );
    let note = imported
        .notes
        .iter()
        .find(|n| n.pointer == "/components/schemas/OwnerType/enum")
        .unwrap();
    assert!(!note.degrades);
    // `01` is not how an integer is written: not read as one, noted.
    assert!(noted(
        &imported,
        "/paths/~1plans/get/parameters/1/schema/enum",
        "the enum has values that are not of type `integer`"
    ));
    assert_eq!(imported.counts(), (0, 1, 0));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_query_arrays_items_that_may_be_null_are_written_not_nullable() {
    let imported = with_schemas(
        r##"{"/cases": {"get": {"operationId": "findCases", "parameters": [
            {"name": "types", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 255, "nullable": true}}},
            {"name": "kinds", "in": "query", "schema": {"type": "array", "items": {"type": "string", "nullable": true}}},
            {"name": "states", "in": "query", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/State"}}}
        ], "responses": {"200": {"description": "ok"}}}}}"##,
        r##"{"State": {"type": "string", "enum": ["open", "closed", null]}}"##,
    );
    let find = spec(&imported, "find_cases.json");
    assert_eq!(
        param(&find, "types")["of"],
        json!({"type": "string", "max_length": 255})
    );
    assert_eq!(param(&find, "kinds")["of"], "string");
    assert_eq!(param(&find, "states")["of"], "State");
    assert!(noted(
        &imported,
        "/paths/~1cases/get/parameters/0",
        "the query param's items may be `null`, which has no text in a query"
    ));
    assert!(
        imported.notes.iter().all(|n| !n.degrades),
        "{:?}",
        imported.notes
    );
    assert_eq!(imported.counts(), (1, 0, 0));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn a_union_beside_a_copy_of_one_member_is_the_union() {
    // Older GitHub Enterprise: `type: array` and `items` beside a `oneOf`
    // whose last member is that same array.
    let imported = with_schemas(
        r##"{"/contexts": {"post": {"operationId": "addContexts", "requestBody": {"content": {"application/json": {"schema": {
            "description": "The name of the status checks", "type": "array", "items": {"type": "string"},
            "oneOf": [
                {"type": "object", "required": ["contexts"], "properties": {"contexts": {"type": "array", "items": {"type": "string"}}}},
                {"description": "The name of the status checks", "type": "array", "items": {"type": "string"}}
            ]}}}}, "responses": {"204": {"description": "ok"}}}},
          "/other": {"post": {"operationId": "other", "requestBody": {"content": {"application/json": {"schema": {
            "type": "array", "items": {"type": "integer"},
            "oneOf": [
                {"type": "object", "required": ["ids"], "properties": {"ids": {"type": "array", "items": {"type": "integer"}}}},
                {"type": "array", "items": {"type": "string"}}
            ]}}}}, "responses": {"204": {"description": "ok"}}}}}"##,
        "{}",
    );
    let add = spec(&imported, "add_contexts.json");
    let body = &add["params"][0];
    let union = ty(&imported, body["type"].as_str().unwrap());
    assert_eq!(union["type"], "union");
    assert_eq!(union["of"].as_array().unwrap().len(), 2);
    assert_eq!(outcome(&imported, "add_contexts"), Outcome::Whole);
    // Keys beside the union that no member repeats still say more than it.
    assert!(noted(
        &imported,
        "/paths/~1other/post/requestBody/content/application~1json/schema/oneOf",
        "beside the schema's own members"
    ));
    assert!(write_and_check(&imported).2.is_empty());
}

#[test]
fn operations_on_one_route_are_told_apart_by_their_bodies_media_types() {
    // Azure's Computer Vision: an image by its URL in JSON, or by its
    // bytes, on one route (`#overload=stream` is no part of the path).
    let imported = with_schemas(
        r##"{"/analyze": {"post": {"operationId": "AnalyzeImage", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}}}},
                "responses": {"200": {"description": "ok"}}}},
             "/analyze#overload=stream": {"post": {"operationId": "AnalyzeImageInStream", "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {
                "type": "string", "format": "binary"}}}},
                "responses": {"200": {"description": "ok"}}}},
             "/analyze#overload=again": {"post": {"operationId": "AnalyzeAgain", "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {
                "type": "string", "format": "binary"}}}},
                "responses": {"200": {"description": "ok"}}}}}"##,
        "{}",
    );
    // The third sends what the second does: nothing tells them apart.
    assert_eq!(imported.counts(), (3, 0, 0), "{:#?}", imported.notes);
    assert!(noted(
        &imported,
        "/paths/~1analyze#overload=again/post",
        "nothing tells them apart (no param of one fixed value, and the same required params and body media type)"
    ));
    let stream = spec(&imported, "analyze_image_in_stream.json");
    assert_eq!(stream["body"], "binary");
    assert_eq!(spec(&imported, "analyze_image.json")["path"], "/analyze");
    let (_, specs, errors) = write_and_check(&imported);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let doc = crate::openapi::openapi(&specs, "t");
    let keys: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    // The export keeps each under a key of its own, the later ones after
    // `#` by name (a fragment is never sent).
    assert_eq!(
        keys,
        [
            "/analyze",
            "/analyze#analyze_image",
            "/analyze#analyze_image_in_stream"
        ],
        "{doc:#}"
    );
}

#[test]
fn a_class_repeated_past_the_engines_size_is_said_with_lengths() {
    // AWS's `^.{1,2097152}` (searched: one character at the start), Adyen's
    // `^.{0,262144}$` (anchored: any text of at most that length).
    let imported = with_schemas(
        r##"{"/things": {"get": {"operationId": "getThing", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}}"##,
        r##"{"Thing": {"type": "object", "properties": {
            "payload": {"type": "string", "pattern": "^.{1,2097152}"},
            "note": {"type": "string", "maxLength": 100000, "pattern": "^.{0,262144}$"},
            "any": {"type": "string", "pattern": "[\\P{M}\\p{M}]{0,20000}"}
        }}}"##,
    );
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let thing = ty(&imported, "Thing");
    assert_eq!(field(&thing, "payload")["pattern"], ".{1}(?s:.*)");
    let note = field(&thing, "note");
    assert_eq!(
        (&note["pattern"], &note["max_length"]),
        (&json!(".*"), &json!(100000))
    );
    assert_eq!(field(&thing, "any").get("pattern"), None);
    assert!(write_and_check(&imported).2.is_empty());
}
