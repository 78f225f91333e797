//! What a directory generates once: items its specs generate alike, and a
//! fragment's items even for one spec; never an item that differs, nor one
//! whose parts are not shared with it.

use endpoints_codegen::{expand_path, format, Options};

fn expand(files: &[(&str, &str)]) -> (String, Vec<String>) {
    let dir = tempdir();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let options = Options {
        track_files: false,
        ..Options::default()
    };
    let expansion = expand_path(&dir, ".", &options);
    let errors = expansion.errors.iter().map(ToString::to_string).collect();
    let code = format(&expansion.tokens).unwrap_or_default();
    std::fs::remove_dir_all(&dir).unwrap();
    (code, errors)
}

fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "endpoints-share-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn spec(name: &str, thing_field: &str, kind_values: &str) -> String {
    format!(
        r#"{{
  "name": "{name}",
  "method": "POST",
  "path": "/{name}",
  "params": [ {{ "name": "kind", "type": "string", "values": [{kind_values}] }} ],
  "types": {{ "Thing": {{ "type": "object", "fields": [ {{ "name": "{thing_field}", "type": "string" }} ] }} }},
  "responses": [ {{ "name": "ok", "code": 200, "body": "Thing" }} ]
}}"#
    )
}

/// Whether `item` is generated at the directory level: in the private
/// module the call site's shared items live in, printed before the specs'.
fn top_level(code: &str, item: &str) -> bool {
    let shared = code.split("pub use __").next().unwrap_or("");
    shared.contains(&format!("pub struct {item} ")) || shared.contains(&format!("pub enum {item} "))
}

#[test]
fn alike_items_are_generated_once_and_differing_ones_stay_local() {
    let (code, errors) = expand(&[
        ("a.json", &spec("a", "id", r#""x", "y""#)),
        ("b.json", &spec("b", "id", r#""x", "z""#)),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    // `Thing` and the response enum are the same in both: once, at the top.
    assert!(top_level(&code, "Thing"), "{code}");
    assert!(top_level(&code, "Response"), "{code}");
    assert_eq!(code.matches("pub struct Thing ").count(), 1, "{code}");
    // `Kind` differs (other values): each module keeps its own.
    assert!(!top_level(&code, "Kind"), "{code}");
    assert_eq!(code.matches("pub enum Kind ").count(), 2, "{code}");
    assert_eq!(
        code.matches("pub use super::{Thing, Response};").count(),
        2,
        "{code}"
    );
}

#[test]
fn a_type_defined_differently_is_an_error_naming_both_files() {
    let (_, errors) = expand(&[
        ("a.json", &spec("a", "id", r#""x""#)),
        ("b.json", &spec("b", "name", r#""x""#)),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("./b.json:6:"), "{errors:?}");
    assert!(
        errors[0].contains("the type `Thing` is defined differently")
            && errors[0].contains("first in ./a.json at types.Thing (line 6"),
        "{errors:?}"
    );
}

#[test]
fn a_fragment_s_items_belong_to_the_directory_even_for_one_spec() {
    let fragment = r#"{
  "types": { "Envelope": { "type": "object", "fields": [ { "name": "status", "type": "string" } ] } },
  "status_field": "status",
  "responses": [ { "name": "done", "code": 200, "body": "Envelope" } ]
}"#;
    let endpoint = r#"{
  "name": "only",
  "method": "POST",
  "path": "/only",
  "include": ["common.json"],
  "params": [ { "name": "token", "type": "string", "required": true } ]
}"#;
    let (code, errors) = expand(&[("common.json", fragment), ("only.json", endpoint)]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(top_level(&code, "Envelope"), "{code}");
    assert!(top_level(&code, "Response"), "{code}");
    assert!(
        code.contains("pub use super::{Envelope, Response};"),
        "{code}"
    );
}

#[test]
fn nested_values_that_may_not_be_null_are_listed_for_the_server() {
    let spec = r#"{ "name": "n", "method": "POST", "path": "/n",
  "params": [
    { "name": "lines", "type": "array", "of": "Line" },
    { "name": "labels", "type": "map", "of": "string" },
    { "name": "free", "type": "map", "of": "any" }
  ],
  "types": { "Line": { "type": "object", "fields": [
    { "name": "sku", "type": "string", "required": true },
    { "name": "note", "type": "string", "nullable": true },
    { "name": "next", "type": "Line" }
  ] } },
  "responses": [ { "name": "ok", "code": 200 } ] }"#;
    let (code, errors) = expand(&[("n.json", spec)]);
    assert!(errors.is_empty(), "{errors:?}");
    let flat: String = code.split_whitespace().collect();
    // `note` is nullable; `next` recurses, followed four levels deep.
    assert!(
        flat.contains(r#".non_null(&["[]","[].sku","[].next","[].next.sku","[].next.next","#),
        "{code}"
    );
    assert!(!flat.contains(r#""[].next.next.next.next.sku""#), "{code}");
    assert!(!flat.contains(r#""[].note""#), "{code}");
    assert!(flat.contains(r#".non_null(&["{}"])"#), "{code}");
    // A map of `any` takes null values.
    assert!(
        flat.contains(r#"ParamSpec::body("free",__ep::WireKind::Other),]"#),
        "{code}"
    );
}

/// A spec on `method path` whose params are `params` (JSON), answering 200.
fn routed(name: &str, method: &str, path: &str, params: &str) -> String {
    format!(
        r#"{{
  "name": "{name}",
  "method": "{method}",
  "path": "{path}",
  "params": [{params}],
  "responses": [ {{ "name": "ok", "code": 200 }} ]
}}"#
    )
}

#[test]
fn specs_on_one_route_are_told_apart_by_their_fixed_params() {
    let target = |action: &str| {
        format!(r#"{{ "name": "X-Amz-Target", "in": "header", "const": "Db.{action}" }}"#)
    };
    let (code, errors) = expand(&[
        (
            "get_item.json",
            &routed("get_item", "POST", "/", &target("GetItem")),
        ),
        (
            "put_item.json",
            &routed("put_item", "POST", "/", &target("PutItem")),
        ),
        // One fixed param the others lack, another's in another case.
        (
            "scan.json",
            &routed(
                "scan",
                "POST",
                "/",
                r#"{ "name": "x-amz-target", "in": "header", "const": "Db.GetItem" }, { "name": "Mode", "in": "query", "const": "scan" }"#,
            ),
        ),
        // None at all beside ones with `?acl`.
        (
            "list.json",
            &routed(
                "list",
                "GET",
                "/{bucket}",
                r#"{ "name": "bucket", "in": "path", "type": "string", "required": true }"#,
            ),
        ),
        (
            "get_acl.json",
            &routed(
                "get_acl",
                "GET",
                "/{name}",
                r#"{ "name": "name", "in": "path", "type": "string", "required": true }, { "name": "acl", "in": "query", "const": "" }"#,
            ),
        ),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(code.contains(r#"w.header("#), "{code}");
    assert!(code.contains(r#"w.query_key("acl");"#), "{code}");
}

#[test]
fn specs_on_one_route_that_fixed_params_do_not_tell_apart_are_an_error_naming_both() {
    let target = r#"{ "name": "X-Amz-Target", "in": "header", "const": "Db.GetItem" }"#;
    let (_, errors) = expand(&[
        ("a.json", &routed("a", "POST", "/", target)),
        (
            "b.json",
            &routed(
                "b",
                "POST",
                "/",
                &target.replace("X-Amz-Target", "x-amz-target"),
            ),
        ),
        ("c.json", &routed("c", "GET", "/things", "")),
        ("d.json", &routed("d", "GET", "/things", "")),
    ]);
    assert_eq!(
        errors,
        [
            "./b.json:4:11: path: `POST /` is also the route of `a` (./a.json line 4); both are sent with `x-amz-target: Db.GetItem` and require the same params, so nothing tells them apart; give one a fixed param (`const`) of its own",
            "./d.json:4:11: path: `GET /things` is also the route of `c` (./c.json line 4); two endpoints of one directory cannot share a method and path unless their fixed params (`const`), the query, header and cookie params they require, or their bodies' media types tell them apart",
        ]
    );
}

#[test]
fn specs_on_one_route_are_told_apart_by_the_params_they_require() {
    let city = r#"{ "name": "city", "in": "query", "type": "string", "required": true }"#;
    let place = r#"{ "name": "lat", "in": "query", "type": "number", "required": true }, { "name": "lon", "in": "query", "type": "number", "required": true }"#;
    let (_, errors) = expand(&[
        ("a.json", &routed("by_city", "GET", "/alerts", city)),
        ("b.json", &routed("by_place", "GET", "/alerts", place)),
        ("c.json", &routed("any", "GET", "/alerts", "")),
        // Required alike (a header's name in any case): nothing tells them apart.
        (
            "d.json",
            &routed(
                "d",
                "GET",
                "/x",
                r#"{ "name": "X-Id", "in": "header", "type": "string", "required": true }"#,
            ),
        ),
        (
            "e.json",
            &routed(
                "e",
                "GET",
                "/x",
                r#"{ "name": "x-id", "in": "header", "type": "string", "required": true }, { "name": "n", "in": "query", "type": "integer" }"#,
            ),
        ),
    ]);
    assert_eq!(
        errors,
        ["./e.json:4:11: path: `GET /x` is also the route of `d` (./d.json line 4); two endpoints of one directory cannot share a method and path unless their fixed params (`const`), the query, header and cookie params they require, or their bodies' media types tell them apart"]
    );
}

#[test]
fn specs_on_one_route_are_told_apart_by_their_bodies_media_types() {
    let with_body = |name: &str, body: &str, param: &str| {
        routed(name, "POST", "/analyze", param).replacen(
            r#""method""#,
            &format!(
                r#""body": "{body}",
  "method""#
            ),
            1,
        )
    };
    let url = r#"{ "name": "url", "in": "body", "type": "string", "required": true }"#;
    let image = r#"{ "name": "image", "in": "body", "type": "bytes", "required": true, "content_type": "image/png" }"#;
    let (_, errors) = expand(&[
        ("a.json", &with_body("by_url", "json", url)),
        ("b.json", &with_body("by_bytes", "binary", image)),
        ("c.json", &with_body("by_form", "form", url)),
        ("d.json", &routed("bare", "POST", "/analyze", "")),
        // The media type as `Content-Type` carries it: `image/PNG;q=1` is
        // `image/png`, so nothing tells these apart.
        (
            "e.json",
            &with_body(
                "again",
                "binary",
                &image.replace("image/png", "image/PNG; x=1"),
            ),
        ),
    ]);
    assert_eq!(
        errors,
        ["./e.json:5:11: path: `POST /analyze` is also the route of `by_bytes` (./b.json line 5); two endpoints of one directory cannot share a method and path unless their fixed params (`const`), the query, header and cookie params they require, or their bodies' media types tell them apart"]
    );
}
