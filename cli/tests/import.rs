//! `endpoints import`: the files it writes pass `check`, what it cannot
//! say is reported with a pointer and a summary, and unreadable documents
//! are errors naming where.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn endpoints() -> Command {
    let mut cmd = Command::cargo_bin("endpoints").unwrap();
    cmd.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap());
    cmd
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "endpoints-cli-import-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn imports_a_yaml_document_notes_what_it_cannot_say_and_checks_the_specs() {
    let out = scratch("yaml").join("specs");
    let output = endpoints()
        .args(["import", "codegen/tests/openapi/nexmo_redact.yaml", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // Its error responses, `oneOf` two objects that require the same
    // properties, are the one object both read as: nothing noted.
    let summary = stderr.lines().last().unwrap();
    assert!(
        summary.starts_with("codegen/tests/openapi/nexmo_redact.yaml: imported 1 operation: 1 whole, 0 degraded, 0 skipped (0 notes)"),
        "{summary}"
    );
    // What the format cannot say is a note with its pointer, counted.
    let doc = scratch("noted").join("doc.json");
    std::fs::write(
        &doc,
        r#"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/t": {"get": {"operationId": "t",
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                {"oneOf": [{"type": "string", "maxLength": 3}, {"type": "string", "minLength": 5}]}}}}}}}}}"#,
    )
    .unwrap();
    let noted = endpoints()
        .arg("import")
        .arg(&doc)
        .arg("--out")
        .arg(doc.with_file_name("specs"))
        .output()
        .unwrap();
    let stderr = text(&noted.stderr);
    assert!(noted.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: /paths/~1t/get/responses/200/content/application~1json/schema/oneOf: a union (`oneOf`) whose members a reader cannot tell apart (members 0 and 1 are both of type `string`) has no spec type; written as `any`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("imported 1 operation: 0 whole, 1 degraded, 0 skipped (1 note)"),
        "{stderr}"
    );
    assert!(out.join("redact_message.json").exists());
    // What it wrote passes `check` on its own too.
    let check = endpoints().arg("check").arg(&out).output().unwrap();
    assert!(check.status.success(), "{}", text(&check.stderr));
    // Importing again changes nothing.
    let before = std::fs::read_to_string(out.join("redact_message.json")).unwrap();
    endpoints()
        .args(["import", "codegen/tests/openapi/nexmo_redact.yaml", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        before,
        std::fs::read_to_string(out.join("redact_message.json")).unwrap()
    );
}

#[test]
fn the_json_report_counts_operations_and_lists_notes() {
    let out = scratch("json").join("specs");
    let output = endpoints()
        .args([
            "import",
            "codegen/tests/openapi/generator.json",
            "--format",
            "json",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let count = |k: &str| report[k].as_u64().unwrap();
    assert_eq!(count("whole") + count("degraded") + count("skipped"), 7);
    assert_eq!(report["operations"].as_array().unwrap().len(), 7);
    assert!(report["check_errors"].as_array().unwrap().is_empty());
    for note in report["notes"].as_array().unwrap() {
        assert!(note["pointer"].as_str().unwrap().starts_with('/'), "{note}");
        assert!(!note["instead"].as_str().unwrap().is_empty(), "{note}");
    }
}

#[test]
fn unreadable_documents_are_errors_naming_where() {
    let dir = scratch("bad");
    let cases = [
        (
            "broken.json",
            "{\n  \"openapi\": \"3.0.0\",\n  \"paths\" {}\n}\n",
            "broken.json:3:11: malformed JSON",
        ),
        (
            "broken.yaml",
            "openapi: 3.0.0\npaths:\n  /a: [\n",
            "broken.yaml:",
        ),
        ("swagger.json", "{\"swagger\": \"2.0\"}", "Swagger 2.0"),
    ];
    for (name, body, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        let output = endpoints()
            .arg("import")
            .arg(&path)
            .arg("--out")
            .arg(dir.join("out"))
            .output()
            .unwrap();
        let stderr = text(&output.stderr);
        assert!(!output.status.success(), "{name}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
    }
    let output = endpoints()
        .args(["import", "no/such.json", "--out"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert!(text(&output.stderr).contains("cannot read `no/such.json`"));
}

#[test]
fn importing_again_removes_what_the_earlier_import_wrote_and_this_one_does_not() {
    let dir = scratch("again");
    let doc = dir.join("doc.json");
    let write_doc = |paths: &str| {
        std::fs::write(
            &doc,
            format!(
                r##"{{"openapi": "3.0.0", "info": {{"title": "t", "version": "1"}}, "paths": {paths},
                   "components": {{"schemas": {{"Pet": {{"type": "object", "properties": {{"name": {{"type": "string"}}}}}},
                                               "Toy": {{"type": "object", "properties": {{"kind": {{"type": "string"}}}}}}}}}}}}"##
            ),
        )
        .unwrap()
    };
    let out = dir.join("specs");
    let import = || {
        let output = endpoints()
            .arg("import")
            .arg(&doc)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = text(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        stderr
    };
    write_doc(
        r##"{"/pets": {"get": {"operationId": "listPets", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}},
            "/toys": {"get": {"operationId": "listToys", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Toy"}}}}}}}}"##,
    );
    import();
    assert!(out.join("list_toys.json").exists() && out.join("types/toy.json").exists());
    // A file of the user's own beside them.
    std::fs::write(out.join("README.txt"), "mine").unwrap();
    // The document drops `listToys` and its type: so does the directory,
    // and `check` reads no stale spec.
    write_doc(
        r##"{"/pets": {"get": {"operationId": "listPets", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}}}"##,
    );
    let stderr = import();
    assert!(
        stderr
            .trim_end()
            .ends_with("removed 2 files an earlier import wrote"),
        "{stderr}"
    );
    assert!(!out.join("list_toys.json").exists());
    assert!(!out.join("types/toy.json").exists());
    assert!(out.join("list_pets.json").exists() && out.join("types/pet.json").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("README.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(out.join(".endpoints-import")).unwrap(),
        "list_pets.json\ntypes/pet.json\n"
    );
}
