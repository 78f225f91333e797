//! The OpenAPI export across specs: routes never dropped, each API's host
//! on its operations, form bodies encoded as the client sends them.

use std::path::{Path, PathBuf};

use endpoints_codegen::ir::Endpoint as Spec;
use endpoints_codegen::{check_directories, load_spec, openapi::openapi};

fn dir(files: &[(&str, &str)]) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "endpoints-openapi-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn load(dir: &Path, names: &[&str]) -> Vec<Spec> {
    names
        .iter()
        .map(|n| {
            let loaded = load_spec(&dir.join(n), n);
            assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
            loaded.spec.unwrap()
        })
        .collect()
}

fn spec(name: &str, path: &str, base: &str) -> String {
    format!(
        r#"{{ "name": "{name}", "method": "POST", "path": "{path}", "base_url": "{base}",
  "params": [ {{ "name": "q", "type": "string" }} ],
  "responses": [ {{ "name": "ok", "code": 200 }} ] }}"#
    )
}

#[test]
fn specs_sharing_a_route_in_one_directory_are_an_error_not_a_dropped_operation() {
    let d = dir(&[
        ("api/a.json", &spec("a", "/anything", "https://a.example")),
        ("api/b.json", &spec("b", "/anything", "https://a.example")),
        ("api/c.json", &spec("c", "/anything", "https://a.example")),
    ]);
    let specs = load(&d, &["api/a.json", "api/b.json", "api/c.json"]);
    let errors = check_directories(&specs);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("api/b.json:1:")
            && messages[0].contains("`POST /anything` is also the route of `a`"),
        "{messages:?}"
    );
    assert!(messages[1].starts_with("api/c.json:1:"), "{messages:?}");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_same_route_in_two_directories_is_two_apis() {
    let d = dir(&[
        ("one/a.json", &spec("a", "/anything", "https://one.example")),
        ("two/a.json", &spec("a", "/anything", "https://two.example")),
    ]);
    let specs = load(&d, &["one/a.json", "two/a.json"]);
    assert!(check_directories(&specs).is_empty());
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn each_operation_names_its_own_host_when_apis_differ() {
    let d = dir(&[
        ("one/a.json", &spec("a", "/a", "https://one.example")),
        ("two/b.json", &spec("b", "/b", "https://two.example")),
    ]);
    let doc = openapi(&load(&d, &["one/a.json", "two/b.json"]), "T");
    assert!(doc.get("servers").is_none(), "{doc:#}");
    assert_eq!(
        doc["paths"]["/a"]["post"]["servers"][0]["url"],
        "https://one.example"
    );
    assert_eq!(
        doc["paths"]["/b"]["post"]["servers"][0]["url"],
        "https://two.example"
    );

    let one = openapi(&load(&d, &["one/a.json"]), "T");
    assert_eq!(one["servers"][0]["url"], "https://one.example");
    assert!(one["paths"]["/a"]["post"].get("servers").is_none());
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn form_bodies_say_how_nested_values_travel() {
    let form = r#"{ "name": "f", "method": "POST", "path": "/f", "body": "form",
  "params": [
    { "name": "title", "type": "string" },
    { "name": "address", "type": "object", "fields": [ { "name": "city", "type": "string" } ] },
    { "name": "meta", "type": "map", "of": "string" },
    { "name": "tags", "type": "array", "of": "string" }
  ],
  "responses": [ { "name": "ok", "code": 200 } ] }"#;
    let d = dir(&[("f.json", form)]);
    let doc = openapi(&load(&d, &["f.json"]), "T");
    let encoding = &doc["paths"]["/f"]["post"]["requestBody"]["content"]
        ["application/x-www-form-urlencoded"]["encoding"];
    assert_eq!(encoding["address"]["style"], "deepObject", "{doc:#}");
    assert_eq!(encoding["address"]["explode"], true);
    assert_eq!(encoding["meta"]["style"], "deepObject");
    assert_eq!(encoding["tags"]["x-endpoints-array"], "indexed");
    assert!(encoding.get("title").is_none());
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn examples_travel_where_openapi_reads_them() {
    let d = dir(&[
        (
            "encoded.json",
            r#"{ "name": "encoded", "method": "POST", "path": "/secure", "body": "base64_json",
  "params": [ { "name": "user", "type": "string", "required": true } ],
  "examples": [ { "user": "ansel" } ],
  "responses": [ { "name": "ok", "code": 200, "examples": [ "done" ] } ] }"#,
        ),
        (
            "form.json",
            r#"{ "name": "form", "method": "POST", "path": "/form", "body": "form", "status_field": "status",
  "params": [ { "name": "q", "type": "string", "examples": ["x"] } ],
  "examples": [ { "q": "a" }, { "q": "b" } ],
  "responses": [
    { "name": "found it", "code": 200, "examples": [ { "status": "found it" }, { "status": "found it", "n": 2 } ] },
    { "name": "empty", "code": 200, "examples": [ { "status": "empty" } ] }
  ] }"#,
        ),
    ]);
    let doc = openapi(&load(&d, &["encoded.json", "form.json"]), "Examples");
    std::fs::remove_dir_all(&d).ok();
    // A base64 body's examples are of the JSON before it is encoded.
    let encoded = &doc["paths"]["/secure"]["post"];
    assert_eq!(
        encoded["requestBody"]["content"]["text/plain"]["schema"]["contentSchema"]["examples"],
        serde_json::json!([{ "user": "ansel" }])
    );
    // A response without a body type still shows its examples.
    assert_eq!(
        encoded["responses"]["200"]["content"]["application/json"],
        serde_json::json!({ "examples": { "ok": { "value": "done" } } })
    );
    let form = &doc["paths"]["/form"]["post"];
    let media = &form["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(
        media["examples"]["example-2"]["value"],
        serde_json::json!({ "q": "b" })
    );
    assert_eq!(
        media["schema"]["properties"]["q"]["examples"],
        serde_json::json!(["x"])
    );
    // Responses sharing a code keep their examples apart, by name.
    let examples = &form["responses"]["200"]["content"]["application/json"]["examples"];
    let mut names: Vec<&String> = examples.as_object().unwrap().keys().collect();
    names.sort();
    assert_eq!(names, ["empty", "found-it", "found-it-2"]);
}

/// Catch-all responses keep their keys: a class as `4XX`, the rest as
/// `default`, each with its body.
#[test]
fn catch_all_responses_are_exported_under_their_class_and_default() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let specs = load(&root, &["tests/specs/get_order.json"]);
    let doc = openapi(&specs, "T");
    let responses = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    let keys: Vec<&str> = responses
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["200", "404", "4XX", "5XX", "default"]);
    assert_eq!(responses["4XX"]["x-responses"][0], "client_error");
    assert!(responses["5XX"]["content"]["application/json"]["schema"].is_object());
}

#[test]
fn unions_are_one_of_with_a_discriminator_mapping_tag_values_to_members() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/specs");
    let doc = openapi(&load(&root, &["adopt_pet.json"]), "Pets");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Pet"]["oneOf"],
        serde_json::json!([
            { "$ref": "#/components/schemas/Cat" },
            { "$ref": "#/components/schemas/Dog" },
            {
                "type": "object",
                "title": "PetFish",
                "properties": {
                    "petType": { "type": "string" },
                    "fins": { "type": "integer", "format": "int64", "minimum": 0 }
                },
                "required": ["petType"],
                "x-endpoints-tag": "fish"
            }
        ])
    );
    // OpenAPI maps tag values to references: the inline member says its own.
    assert_eq!(
        schemas["Pet"]["discriminator"],
        serde_json::json!({
            "propertyName": "petType",
            "mapping": { "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog" }
        })
    );
    // Untagged: the members in order, no discriminator.
    assert_eq!(
        schemas["ShelterRef"]["oneOf"],
        serde_json::json!([
            { "type": "integer", "format": "int64", "minimum": 1 },
            { "type": "string", "minLength": 2 },
            { "$ref": "#/components/schemas/Lookup" }
        ])
    );
    assert!(schemas["ShelterRef"].get("discriminator").is_none());
}

#[test]
fn streams_are_exported_under_their_media_types_with_their_item_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let specs = load(
        &root,
        &[
            "tests/specs/streams/download.json",
            "tests/specs/streams/ticks.json",
            "tests/specs/streams/rows.json",
        ],
    );
    let doc = openapi(&specs, "T");
    let media = |path: &str, media: &str| {
        doc["paths"][path]["get"]["responses"]["200"]["content"][media].clone()
    };
    let file = media("/files/{name}", "application/octet-stream");
    assert_eq!(
        file["schema"],
        serde_json::json!({ "type": "string", "format": "binary" })
    );
    assert_eq!(file["x-endpoints-stream"], "bytes");
    let ticks = media("/ticks", "text/event-stream");
    assert_eq!(ticks["x-endpoints-stream"], "sse");
    assert_eq!(
        ticks["x-endpoints-item"]["$ref"],
        "#/components/schemas/Tick"
    );
    let rows = media("/rows", "application/x-ndjson");
    assert_eq!(rows["x-endpoints-stream"], "json_lines");
    assert_eq!(rows["x-endpoints-item"]["title"], "Row");
    // The error response beside the stream stays JSON.
    let slow = &doc["paths"]["/ticks"]["get"]["responses"]["429"]["content"];
    assert!(slow["application/json"]["schema"].is_object());

    // And the importer reads them back as streams.
    let text = serde_json::to_string(&doc).unwrap();
    let node = endpoints_codegen::import::read_document(&text).unwrap();
    let imported = endpoints_codegen::import::import(&node).unwrap();
    let streams: Vec<String> = imported
        .files
        .values()
        .filter_map(|text| {
            let spec: serde_json::Value = serde_json::from_str(text).ok()?;
            let r = spec["responses"]
                .as_array()?
                .iter()
                .find(|r| r.get("stream").is_some())?;
            Some(format!("{} {} {}", spec["name"], r["stream"], r["body"]))
        })
        .collect();
    assert_eq!(streams.len(), 3, "{streams:?}");
    assert!(
        streams.iter().any(|s| s.contains("\"sse\" \"Tick\"")),
        "{streams:?}"
    );
}

#[test]
fn streamed_uploads_are_exported_as_binary_marked_and_read_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let specs = load(
        &root,
        &[
            "tests/specs/uploads/put_object.json",
            "tests/specs/httpbin/upload_raw.json",
        ],
    );
    let doc = openapi(&specs, "T");
    let body = |path: &str, method: &str| doc["paths"][path][method]["requestBody"].clone();
    let object = &body("/objects/{name}", "put")["content"]["application/x-tar"];
    assert_eq!(
        object["schema"],
        serde_json::json!({ "type": "string", "format": "binary", "description": "The object's bytes.", "x-endpoints-param": "data" })
    );
    assert_eq!(object["x-endpoints-stream"], "bytes");
    // A binary body that does not stream is not marked.
    let raw = &body("/anything/raw", "post")["content"]["image/png"];
    assert_eq!(raw["schema"]["format"], "binary");
    assert!(raw.get("x-endpoints-stream").is_none(), "{raw}");

    // The importer reads the mark back: a round trip keeps it.
    let text = serde_json::to_string(&doc).unwrap();
    let node = endpoints_codegen::import::read_document(&text).unwrap();
    let imported = endpoints_codegen::import::import(&node).unwrap();
    let params: Vec<serde_json::Value> = imported
        .files
        .values()
        .filter_map(|text| {
            let spec: serde_json::Value = serde_json::from_str(text).ok()?;
            (spec["body"] == "binary").then(|| spec["params"].clone())
        })
        .collect();
    assert_eq!(params.len(), 2, "{params:?}");
    let data = params
        .iter()
        .flat_map(|p| p.as_array().unwrap())
        .find(|p| p["name"] == "data")
        .unwrap();
    assert_eq!(data["stream"], true, "{data}");
    assert_eq!(data["type"], "bytes");
    let image = params
        .iter()
        .flat_map(|p| p.as_array().unwrap())
        .find(|p| p["name"] == "image")
        .unwrap();
    assert!(image.get("stream").is_none(), "{image}");
}

#[test]
fn exclusive_bounds_are_exported_as_openapi_3_1_writes_them() {
    let d = dir(&[(
        "reading.json",
        r#"{ "name": "reading", "method": "POST", "path": "/readings",
  "params": [ { "name": "value", "type": "number", "exclusive_minimum": 0, "maximum": 100, "exclusive_maximum": 100.5 } ],
  "responses": [ { "name": "ok", "code": 200 } ] }"#,
    )]);
    let doc = openapi(&load(&d, &["reading.json"]), "API");
    let value = &doc["paths"]["/readings"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"]["properties"]["value"];
    assert_eq!(value["exclusiveMinimum"], 0.0, "{value}");
    assert_eq!(value["exclusiveMaximum"], 100.5, "{value}");
    assert_eq!(value["maximum"], 100.0, "{value}");
}

#[test]
fn a_boolean_with_one_value_is_exported_as_an_enum_of_it() {
    let d = dir(&[(
        "close.json",
        r#"{ "name": "close", "method": "POST", "path": "/close",
  "params": [ { "name": "confirm", "type": "boolean", "values": [true], "required": true },
              { "name": "either", "type": "boolean", "values": [false, true] } ],
  "responses": [ { "name": "ok", "code": 200 } ] }"#,
    )]);
    let doc = openapi(&load(&d, &["close.json"]), "API");
    let props = &doc["paths"]["/close"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"]["properties"];
    assert_eq!(
        props["confirm"]["enum"],
        serde_json::json!([true]),
        "{props}"
    );
    assert_eq!(props["confirm"]["type"], "boolean", "{props}");
    assert!(props["either"].get("enum").is_none(), "{props}");
}

#[test]
fn an_objects_member_bounds_are_exported_as_min_and_max_properties() {
    let d = dir(&[(
        "patch.json",
        r#"{ "name": "patch", "method": "PATCH", "path": "/things",
  "types": { "Patch": { "type": "object", "min_items": 1, "max_items": 2, "fields": [
    { "name": "a", "type": "string" }, { "name": "b", "type": "string" }, { "name": "c", "type": "string" } ] } },
  "params": [ { "name": "patch", "type": "Patch", "whole_body": true } ],
  "responses": [ { "name": "ok", "code": 200 } ] }"#,
    )]);
    let doc = openapi(&load(&d, &["patch.json"]), "API");
    let patch = &doc["components"]["schemas"]["Patch"];
    assert_eq!(patch["minProperties"], 1, "{patch}");
    assert_eq!(patch["maxProperties"], 2, "{patch}");
}

#[test]
fn one_way_fields_are_exported_as_read_only_and_write_only() {
    let d = dir(&[(
        "user.json",
        r#"{ "name": "user", "method": "POST", "path": "/users",
  "types": { "User": { "type": "object", "fields": [
    { "name": "id", "type": "integer", "read_only": true },
    { "name": "password", "type": "string", "write_only": true, "sensitive": true },
    { "name": "token", "type": "string", "sensitive": true } ] } },
  "params": [ { "name": "user", "type": "User", "whole_body": true } ],
  "responses": [ { "name": "ok", "code": 200, "body": "User" } ] }"#,
    )]);
    let doc = openapi(&load(&d, &["user.json"]), "API");
    let props = &doc["components"]["schemas"]["User"]["properties"];
    assert_eq!(props["id"]["readOnly"], true, "{props}");
    assert_eq!(props["password"]["writeOnly"], true, "{props}");
    // A secret travels both ways (a token in an answer): not `writeOnly`.
    assert!(props["token"].get("writeOnly").is_none(), "{props}");
    assert_eq!(props["token"]["x-sensitive"], true, "{props}");
}

#[test]
fn groups_of_required_fields_are_exported_as_any_of_and_one_of_required_lists() {
    let d = dir(&[(
        "update.json",
        r#"{ "name": "update", "method": "PATCH", "path": "/alerts",
  "types": { "Update": { "type": "object", "requires_any": [["state"], ["assignees"]],
    "requires_one": [["id"], ["owner", "repo"]], "fields": [
    { "name": "state", "type": "string" }, { "name": "assignees", "type": "array", "of": "string" },
    { "name": "id", "type": "integer" }, { "name": "owner", "type": "string" }, { "name": "repo", "type": "string" } ] } },
  "params": [ { "name": "update", "type": "Update", "whole_body": true } ],
  "responses": [ { "name": "ok", "code": 200 } ] }"#,
    )]);
    let doc = openapi(&load(&d, &["update.json"]), "API");
    let update = &doc["components"]["schemas"]["Update"];
    assert_eq!(
        update["anyOf"],
        serde_json::json!([{"required": ["state"]}, {"required": ["assignees"]}]),
        "{update}"
    );
    assert_eq!(
        update["oneOf"],
        serde_json::json!([{"required": ["id"]}, {"required": ["owner", "repo"]}]),
        "{update}"
    );
}
