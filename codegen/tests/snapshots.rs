//! The generated code of every spec in `specs/`, formatted and kept beside
//! the tests, so each change to the output is reviewed as a diff.
//!
//! After an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p endpoints-codegen --test snapshots`,
//! then read the diff.

use std::path::Path;

use endpoints_codegen::{expand_path, format, spec_files, Options};

#[test]
fn generated_code_matches_the_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut specs = spec_files(&root.join("specs"));
    assert!(specs.len() >= 2, "the seed specs are missing: {specs:?}");
    // The whole directory too: what its specs share is generated once.
    specs.push(root.join("specs"));
    // The spec format's own example, with the rules the seeds lack
    // (`multiple_of`, `unique_items`).
    specs.push(root.join("tests/specs/create_invoice.json"));
    let options = Options {
        track_files: false,
        ..Options::default()
    };
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for spec in specs {
        let rel = spec
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let expansion = expand_path(&root, &rel, &options);
        let errors: Vec<String> = expansion.errors.iter().map(ToString::to_string).collect();
        assert!(
            errors.is_empty(),
            "{rel} has errors:\n{}",
            errors.join("\n")
        );
        let code = format(&expansion.tokens).expect("the expansion parses as Rust");
        let name = match rel
            .trim_start_matches("tests/")
            .trim_start_matches("specs")
            .trim_start_matches('/')
        {
            "" => "directory".to_string(),
            spec => spec.trim_end_matches(".json").replace('/', "__"),
        };
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(format!("{name}.rs"));
        let expected = std::fs::read_to_string(&file).unwrap_or_default();
        if expected != code {
            if update {
                std::fs::write(&file, &code).unwrap();
            } else {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated code differs from the snapshots (UPDATE_SNAPSHOTS=1 to accept, then review the diff): {stale:?}"
    );
}
