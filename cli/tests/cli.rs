//! The `endpoints` command, run as a user runs it from the repository root.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn endpoints() -> Command {
    let mut cmd = Command::cargo_bin("endpoints").unwrap();
    cmd.current_dir(root());
    cmd
}

/// Compares with `tests/snapshots/<name>`; `UPDATE_SNAPSHOTS=1` rewrites it
/// (then read the diff).
#[track_caller]
fn snapshot(name: &str, actual: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "{name} differs (UPDATE_SNAPSHOTS=1 to accept, then review)"
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn check_passes_the_seed_specs() {
    let output = endpoints().args(["check", "specs"]).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "checked 4 specs: no errors\n");
}

#[test]
fn check_reports_every_error_like_rustc() {
    let output = endpoints()
        .args([
            "check",
            "specs",
            "tests/ui/spec_errors/several_mistakes.json",
            "tests/ui/spec_errors/defined_twice.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    snapshot("check_errors.txt", &text(&output.stderr));
}

#[test]
fn check_speaks_json_for_machines() {
    let output = endpoints()
        .args(["check", "--format", "json", "tests/ui/spec_errors"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors = errors.as_array().unwrap();
    // One file per error kind in that directory, each reported.
    assert!(errors.len() >= 15, "{errors:?}");
    for e in errors {
        for key in ["file", "line", "column", "path", "message"] {
            assert!(e.get(key).is_some(), "{e}");
        }
    }
    snapshot("check_errors.json", &text(&output.stdout));
}

#[test]
fn expand_prints_what_the_macro_generates() {
    for (spec, snapshot) in [
        (
            "specs/cloudcard/create_person.json",
            "cloudcard__create_person.rs",
        ),
        (
            "specs/planocore/create_photographer.json",
            "planocore__create_photographer.rs",
        ),
    ] {
        let output = endpoints().args(["expand", spec]).output().unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        let expected =
            std::fs::read_to_string(root().join("codegen/tests/snapshots").join(snapshot)).unwrap();
        assert_eq!(text(&output.stdout), expected, "{spec}");
    }
    let output = endpoints()
        .args(["expand", "tests/ui/spec_errors/unknown_type.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("unknown type `strng`; did you mean `string`?"));
    // `--no-builders` leaves out the builder and nothing else.
    let spec = "specs/cloudcard/create_person.json";
    let with = text(&endpoints().args(["expand", spec]).output().unwrap().stdout);
    let without = text(
        &endpoints()
            .args(["expand", "--no-builders", spec])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(with.contains("pub fn builder() -> Builder"));
    assert!(!without.contains("Builder"));
    assert!(without.contains("pub struct Request") && without.contains("fn apply_defaults"));
}

#[test]
fn openapi_describes_the_specs() {
    let output = endpoints()
        .args(["openapi", "--title", "Seeds", "specs", "tests/specs"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json = text(&output.stdout);
    snapshot("openapi.json", &json);

    let doc = oas3::from_json(&json).expect("a valid OpenAPI 3.1 document");
    assert_eq!(doc.openapi, "3.1.0");
    assert_eq!(doc.info.title, "Seeds");
    // Two APIs in one document: no shared server list, each operation its own
    // host, so tools send each call where the client would.
    assert!(doc.servers.is_empty());
    let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
    for (path, url) in [
        ("/api/people", "https://api.onlinephotosubmission.com"),
        (
            "/api/v1/photographers/create",
            "https://planocore.planomatic.com",
        ),
    ] {
        assert_eq!(
            raw["paths"][path]["post"]["servers"][0]["url"], url,
            "{path}"
        );
    }

    let paths = doc.paths.as_ref().unwrap();
    let person = paths["/api/people"].post.as_ref().unwrap();
    assert_eq!(person.operation_id.as_deref(), Some("create_person"));
    let op = &raw["paths"]["/api/people"]["post"];
    let params: Vec<(&str, &str, bool)> = op["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["in"].as_str().unwrap(),
                p["required"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        params,
        [
            ("X-Auth-Token", "header", true),
            ("sendInvitation", "query", false),
            ("renderResource", "query", false)
        ]
    );
    assert_eq!(op["parameters"][1]["schema"]["default"], true);
    let body = &op["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(body["required"], serde_json::json!(["email"]));
    assert_eq!(body["properties"]["email"]["format"], "email");
    assert_eq!(
        body["properties"]["customFields"]["additionalProperties"]["type"],
        "string"
    );
    assert_eq!(
        op["responses"]["202"]["headers"]["Location"]["required"],
        true
    );
    assert_eq!(
        op["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Person"
    );

    let plano = &raw["paths"]["/api/v1/photographers/create"]["post"];
    assert_eq!(plano["x-status-field"], "status");
    assert_eq!(
        plano["responses"]["401"]["x-responses"],
        serde_json::json!(["invalid-token", "session-expired", "client-required"])
    );
    assert_eq!(
        plano["responses"]["default"]["x-responses"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let plano_body = &plano["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(
        plano_body["properties"]["application"]["enum"],
        serde_json::json!(["planoauth", "planoorder", "planox2"])
    );
    // A secret, not a one-way field: an access token comes back in answers.
    assert_eq!(plano_body["properties"]["password"]["x-sensitive"], true);
    assert!(plano_body["properties"]["password"]
        .get("writeOnly")
        .is_none());

    let lookup = &raw["paths"]["/people/{email}/photos"]["get"];
    assert_eq!(lookup["parameters"][0]["in"], "path");
    assert_eq!(
        lookup["parameters"][2]["schema"],
        serde_json::json!({"type": "integer", "format": "int64", "minimum": 1, "maximum": 50})
    );
    let encoded =
        &raw["paths"]["/secure"]["post"]["requestBody"]["content"]["text/plain"]["schema"];
    assert_eq!(encoded["contentEncoding"], "base64");
    assert_eq!(
        encoded["contentSchema"]["properties"]["password"]["minLength"],
        8
    );
    assert!(raw["components"]["schemas"]["Envelope"].is_object());

    // Examples: request bodies and response bodies under their media
    // type, named; values of params and fields in their schema.
    let person_body = &op["requestBody"]["content"]["application/json"];
    assert_eq!(
        person_body["examples"]["example-2"]["value"]["customFields"]["First Name"],
        "Carry A"
    );
    let created = &op["responses"]["201"]["content"]["application/json"];
    assert_eq!(created["examples"]["created"]["value"]["id"], 385828);
    let report = &raw["paths"]["/reports/{id}"]["get"];
    assert_eq!(
        report["parameters"][0]["schema"]["examples"],
        serde_json::json!([7])
    );
    assert_eq!(
        report["responses"]["200"]["headers"]["ETag"]["schema"]["examples"],
        serde_json::json!(["\"v1\""])
    );
    assert_eq!(
        report["responses"]["202"]["content"]["application/json"]["examples"]["not-ready"]["value"]
            ["status"],
        "not-ready"
    );
    assert_eq!(
        raw["components"]["schemas"]["Report"]["properties"]["title"]["examples"],
        serde_json::json!(["Q3 sales"])
    );
}

#[test]
fn the_schema_accepts_every_spec_we_carry_and_refuses_mistakes() {
    let output = endpoints().arg("schema").output().unwrap();
    assert!(output.status.success());
    let schema_text = text(&output.stdout);
    assert_eq!(
        schema_text,
        std::fs::read_to_string(root().join("codegen/spec.schema.json")).unwrap()
    );
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();

    let mut checked = 0;
    for dir in [
        "specs/planocore",
        "specs/cloudcard",
        "tests/specs",
        "tests/specs/streams",
        "tests/specs/fixed",
        "tests/ui/usage",
    ] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            // `echo.json` is a fragment, not a spec.
            if path.extension().is_none_or(|e| e != "json")
                || path.ends_with("stand_in_items.json")
                || path.ends_with("fixed/echo.json")
            {
                continue;
            }
            let spec: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&spec)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 6);

    for mistake in ["unknown_key", "wrong_kind", "missing_key"] {
        let path = root()
            .join("tests/ui/spec_errors")
            .join(format!("{mistake}.json"));
        let spec: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(!validator.is_valid(&spec), "{mistake} should not validate");
    }
}

#[test]
fn draft_describes_the_example_a_page_shows() {
    let output = endpoints()
        .args([
            "draft",
            "tests/fixtures/cloudcard_person_201.json",
            "--name",
            "Person",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let draft = text(&output.stdout);
    snapshot("draft_person.json", &draft);
    let types: serde_json::Value = serde_json::from_str(&draft).unwrap();
    assert!(types["types"]["Person"]["fields"].is_array());

    // Without `--name`, the type is named after the file.
    let output = endpoints()
        .args(["draft", "tests/fixtures/cloudcard_person_201.json"])
        .output()
        .unwrap();
    let types: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(types["types"]["CloudcardPerson201"].is_object(), "{types}");
}

#[test]
fn draft_params_merges_request_examples() {
    let dir = std::env::temp_dir().join(format!("endpoints-cli-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = dir.join("email_only.json");
    let second = dir.join("all_fields.json");
    std::fs::write(&first, r#"{ "email": "jon.doe@foo.edu" }"#).unwrap();
    std::fs::write(
        &second,
        r#"{ "email": "jon.doe@foo.edu", "identifier": "ABC123", "customFields": { "First Name": "Carry A" } }"#,
    )
    .unwrap();
    let output = endpoints()
        .arg("draft")
        .arg("--params")
        .arg(&first)
        .arg(&second)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        r#"{
  "params": [
    { "name": "email", "in": "body", "type": "string", "format": "email", "required": true },
    { "name": "identifier", "in": "body", "type": "string" },
    { "name": "customFields", "in": "body", "type": "map", "of": "string" }
  ]
}
"#
    );

    // Bad input is a clear error, and exit code 1.
    let malformed = dir.join("malformed.json");
    std::fs::write(&malformed, "{\n  \"email\": \"a\",\n}").unwrap();
    let list = dir.join("list.json");
    std::fs::write(&list, "[1]").unwrap();
    let missing = dir.join("missing.json");
    for (args, expected) in [
        (
            vec![malformed.clone()],
            format!(
                "error: {}:3:1: malformed JSON: key must be a string\n",
                malformed.display()
            ),
        ),
        (
            vec![PathBuf::from("--params"), list.clone()],
            "error: `--params` drafts body params from request bodies, which are objects of params; example 1 is an array\n".to_string(),
        ),
    ] {
        let output = endpoints().arg("draft").args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(text(&output.stderr), expected);
    }
    let output = endpoints().arg("draft").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with(&format!(
            "error: cannot read the example `{}`",
            missing.display()
        )),
        "{}",
        text(&output.stderr)
    );
    let output = endpoints()
        .args(["draft", "--name", "two words"])
        .arg(&first)
        .output()
        .unwrap();
    assert_eq!(
        text(&output.stderr),
        "error: `two words` cannot name a type: use an identifier such as `Person`\n"
    );
    std::fs::remove_dir_all(&dir).ok();
}
