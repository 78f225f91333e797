//! Examples against specs: the seed specs checked by their pages'
//! examples, and drafts from real documented examples (GitHub's, from the
//! npm package `@octokit/openapi` 23.0.2, `components.examples`, in
//! `tests/fixtures/github/`) that describe them and pass `check` with them.

use std::path::{Path, PathBuf};

use endpoints_codegen::draft::{draft, Target};
use endpoints_codegen::{expand_path, format, json, load_spec_text, Options};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The errors of the spec at `rel` (under the repository) with its text
/// changed by `edit`, which must change it.
fn errors_after(rel: &str, edits: &[(&str, &str)]) -> Vec<String> {
    let path = root().join(rel);
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{rel} has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    let loaded = load_spec_text(&path, rel, text);
    loaded.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn the_seed_specs_pass_with_their_pages_examples() {
    for rel in [
        "specs/cloudcard/create_person.json",
        "specs/planocore/create_photographer.json",
    ] {
        assert_eq!(errors_after(rel, &[]), Vec::<String>::new(), "{rel}");
    }
}

#[test]
fn the_seed_specs_are_checked_by_their_pages_examples() {
    // The page adds a field to the organization, and a delay becomes text.
    assert_eq!(
        errors_after(
            "specs/cloudcard/create_person.json",
            &[
                (
                    "\"helperBotDelay\": 1000",
                    "\"helperBotDelay\": \"1s\",\n            \"timeZone\": \"America/New_York\""
                ),
                // The request example as the page prints it: the flag as text.
                (
                    "\"additionalPhotoRequired\": true,\n      \"customFields\"",
                    "\"additionalPhotoRequired\": \"true\",\n      \"customFields\""
                ),
            ]
        ),
        [
            "specs/cloudcard/create_person.json:25:34: examples[1].additionalPhotoRequired: the example has a string where the spec has `boolean`",
            "specs/cloudcard/create_person.json:219:31: responses[1].examples[0].organization.helperBotDelay: the example has a string where the spec has `integer`",
            "specs/cloudcard/create_person.json:220:13: responses[1].examples[0].organization.timeZone: the example has `timeZone`, which is not a field of `Organization`",
        ]
    );
    // `Person` keeps unknown keys in `extra`: a new key there is no error,
    // but a required one missing is.
    assert_eq!(
        errors_after(
            "specs/cloudcard/create_person.json",
            &[("\"id\": 385828,", "\"photoCount\": 3,")]
        ),
        ["specs/cloudcard/create_person.json:139:9: responses[1].examples[0]: the example lacks `id`, a required field of `Person`"]
    );
    assert_eq!(
        errors_after(
            "specs/planocore/create_photographer.json",
            &[("\"extension\": 12", "\"extension\": \"12\"")]
        ),
        ["specs/planocore/create_photographer.json:43:20: examples[0].extension: the example has a string where the spec has `integer`"]
    );
}

/// The fixtures: GitHub's documented examples, one body each.
fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/github");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// A spec whose one response has the drafted `Body` type and the example.
fn spec_with(types: &serde_json::Value, example: &str) -> String {
    format!(
        "{{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/thing\",\n  \"types\": {types},\n  \"responses\": [\n    {{ \"name\": \"ok\", \"code\": 200, \"body\": \"Body\", \"examples\": [\n{example}\n    ] }}\n  ]\n}}\n"
    )
}

fn drafted(text: &str) -> serde_json::Value {
    let example = json::parse(text).unwrap();
    let fragment = draft(&[example], &Target::Types("Body".into())).unwrap();
    let fragment: serde_json::Value = serde_json::from_str(&fragment).unwrap();
    fragment["types"].clone()
}

#[test]
fn drafts_of_documented_examples_describe_them_and_pass_check() {
    let dir = std::env::temp_dir().join(format!("endpoints-drafts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in fixtures() {
        let types = drafted(&text);
        let spec = spec_with(&types, &text);
        let path = dir.join(format!("{name}.json"));
        let loaded = load_spec_text(&path, &name, spec.clone());
        let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        // And it generates Rust.
        std::fs::write(&path, &spec).unwrap();
        let options = Options {
            track_files: false,
            ..Options::default()
        };
        let expansion = expand_path(&dir, &format!("{name}.json"), &options);
        assert!(expansion.errors.is_empty(), "{name}");
        format(&expansion.tokens).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The drafted field `field` of the type `ty`.
fn field(types: &serde_json::Value, ty: &str, field: &str) -> serde_json::Value {
    types[ty]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no type {ty}: {types:#}"))
        .iter()
        .find(|f| f["name"] == field)
        .cloned()
        .unwrap_or_else(|| panic!("no {ty}.{field}: {types:#}"))
}

#[test]
fn drafts_of_documented_examples_read_them_as_a_person_would() {
    let fixture = |name: &str| fixtures().into_iter().find(|(n, _)| n == name).unwrap().1;
    let gist = drafted(&fixture("gist"));
    // File names are data: a map of one type of file.
    assert_eq!(
        field(&gist, "Body", "files"),
        serde_json::json!({"name": "files", "type": "map", "of": "FilesValue", "required": true})
    );
    assert_eq!(field(&gist, "Body", "created_at")["format"], "date-time");
    assert_eq!(field(&gist, "Body", "user")["nullable"], true);
    // `owner` and each history entry's `user` are one shape: one type.
    assert_eq!(field(&gist, "Body", "owner")["type"], "Owner");
    assert_eq!(field(&gist, "HistoryItem", "user")["type"], "Owner");

    let issue = drafted(&fixture("issue"));
    assert_eq!(field(&issue, "Body", "closed_at")["nullable"], true);

    // A list of events of several kinds: one item type, merged across
    // them; what every event has is required, the rest not.
    let events = drafted(&fixture("timeline-issue-events"));
    assert_eq!(field(&events, "BodyItem", "event")["required"], true);
    assert!(field(&events, "BodyItem", "label")
        .get("required")
        .is_none());
    assert_eq!(field(&events, "BodyItem", "user")["type"], "Actor");
    assert!(field(&events, "Reactions", "+1").get("rust_name").is_none());
    assert_eq!(field(&events, "Reactions", "-1")["rust_name"], "minus_1");

    // Fields named like what a spec generates beside its types are renamed.
    let delivery = drafted(&fixture("hook-delivery"));
    assert_eq!(field(&delivery, "Body", "request")["type"], "BodyRequest");
    assert_eq!(field(&delivery, "Body", "response")["type"], "BodyResponse");

    // A list is an alias of an array of its items.
    let users = drafted(&fixture("simple-user-items"));
    assert_eq!(
        users["Body"],
        serde_json::json!({"type": "array", "of": "BodyItem"})
    );
    assert_eq!(field(&users, "BodyItem", "url")["format"], "uri");
}

#[test]
fn a_broken_example_is_a_positioned_error_naming_the_field() {
    let (_, gist) = fixtures().into_iter().find(|(n, _)| n == "gist").unwrap();
    let types = drafted(&gist);
    let broken = gist
        .replacen("\"comments\": 0,", "\"comments\": \"0\",", 1)
        .replacen(
            "\"site_admin\": true",
            "\"site_admin\": true,\n    \"plan\": \"pro\"",
            1,
        );
    assert_ne!(broken, gist);
    let spec = spec_with(&types, &broken);
    let line_of = |needle: &str| spec.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let loaded = load_spec_text(Path::new("gist.json"), "gist.json", spec.clone());
    let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            format!(
                "gist.json:{}:15: responses[0].examples[0].comments: the example has a string where the spec has `integer`",
                line_of("\"comments\": \"0\"")
            ),
            format!(
                "gist.json:{}:5: responses[0].examples[0].owner.plan: the example has `plan`, which is not a field of `Owner`",
                line_of("\"plan\": \"pro\"")
            ),
        ]
    );
}

#[test]
fn request_examples_draft_the_params_that_check_them() {
    // CloudCard's two request bodies, merged: `email` is in both.
    let examples = [
        r#"{ "email": "jon.doe@foo.edu" }"#,
        r#"{ "email": "jon.doe@foo.edu", "identifier": "ABC123", "emailGroupName": "Online Students",
             "additionalPhotoRequired": true,
             "customFields": { "Last_Name": "Card", "First Name": "Carry A", "Upload Date": "2017 - 06 - 22 11:17AM", "Batch": "1" } }"#,
    ];
    let nodes: Vec<_> = examples.iter().map(|e| json::parse(e).unwrap()).collect();
    let fragment = draft(&nodes, &Target::Params).unwrap();
    assert_eq!(
        fragment,
        r#"{
  "params": [
    { "name": "email", "in": "body", "type": "string", "format": "email", "required": true },
    { "name": "identifier", "in": "body", "type": "string" },
    { "name": "emailGroupName", "in": "body", "type": "string" },
    { "name": "additionalPhotoRequired", "in": "body", "type": "boolean" },
    { "name": "customFields", "in": "body", "type": "map", "of": "string" }
  ]
}
"#
    );
    let params: serde_json::Value = serde_json::from_str(&fragment).unwrap();
    let spec = format!(
        "{{ \"name\": \"create_person\", \"method\": \"POST\", \"path\": \"/api/people\", \"params\": {}, \"examples\": [{}], \"responses\": [ {{ \"name\": \"accepted\", \"code\": 202 }} ] }}",
        params["params"],
        examples.join(", ")
    );
    let loaded = load_spec_text(Path::new("person.json"), "person.json", spec);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
}
