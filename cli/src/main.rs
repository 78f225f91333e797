//! `endpoints`: the engine on the command line. Check specs in CI, read the
//! code they generate, export them as OpenAPI, and give editors their schema.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use endpoints_codegen::ir::Endpoint;
use endpoints_codegen::{expand_path, format, load_spec_cached, spec_files, Diagnostic, Options};

#[derive(Parser)]
#[command(
    name = "endpoints",
    version,
    about = "Check, expand and export endpoint specs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report every error in every spec, positioned like rustc's errors; exits 1 on any.
    Check {
        /// Spec files, or directories of specs (fragments are read through the specs that include them).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
    },
    /// Print the Rust a spec generates, formatted.
    Expand {
        /// A spec file or a directory of specs.
        spec: PathBuf,
        /// The path of the `endpoints` crate in the generated code.
        #[arg(long, default_value = "::endpoints")]
        crate_path: String,
        /// Leave out `Request::builder()` (the macro's `builders = false`).
        #[arg(long)]
        no_builders: bool,
    },
    /// Print one OpenAPI 3.1 document describing the specs.
    Openapi {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The document's title.
        #[arg(long, default_value = "API")]
        title: String,
    },
    /// Print the JSON Schema of the spec format (for `"$schema"` in spec files).
    Schema,
    /// Draft a spec fragment from examples a page shows: `{"types": …}` describing the bodies (merged into one description), or with `--params` the body params of request examples.
    Draft {
        /// Example files, one JSON example each, all of the same body.
        #[arg(required = true)]
        examples: Vec<PathBuf>,
        /// The body's type name [default: the first file's name in UpperCamelCase].
        #[arg(long)]
        name: Option<String>,
        /// Draft body params (`{"params": …}`) from request bodies instead.
        #[arg(long, conflicts_with = "name")]
        params: bool,
    },
    /// Import an OpenAPI 3.0 or 3.1 document (JSON or YAML): a spec per operation and a fragment for what they share, then check them. Prints what the spec format cannot say, where, and what was written instead.
    Import {
        /// The OpenAPI document.
        doc: PathBuf,
        /// The directory to write the specs into (created if missing).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: OutputFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { paths, format } => check(&paths, format),
        Command::Expand {
            spec,
            crate_path,
            no_builders,
        } => expand(&spec, &crate_path, !no_builders),
        Command::Openapi { paths, title } => openapi(&paths, &title),
        Command::Schema => {
            out(endpoints_codegen::SPEC_SCHEMA);
            ExitCode::SUCCESS
        }
        Command::Draft {
            examples,
            name,
            params,
        } => draft(&examples, name, params),
        Command::Import { doc, out, format } => import(&doc, &out, format),
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The spec files named by `paths`, directories expanded.
fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| {
            if p.is_dir() {
                spec_files(p)
            } else {
                vec![p.clone()]
            }
        })
        .collect()
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Loads every spec: those without errors (when `keep`), every error, and
/// how many spec files there were. Specs not kept are dropped as soon as
/// the rules across their directory have seen them, so checking an API of
/// thousands of specs holds one at a time.
fn load_all(paths: &[PathBuf], keep: bool) -> (Vec<Endpoint>, Vec<Diagnostic>, usize) {
    let files = files(paths);
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    // Each fragment read once, however many of the specs include it.
    let cache = std::rc::Rc::new(endpoints_codegen::load::Cache::default());
    // What spans the specs of a directory: routes alike, types defined twice.
    let mut rules = endpoints_codegen::DirectoryRules::default();
    for file in &files {
        let loaded = load_spec_cached(file, &display(file), &cache);
        errors.extend(loaded.errors.iter().cloned());
        if !loaded.errors.is_empty() {
            continue;
        }
        if let Some(spec) = loaded.spec {
            rules.add(&spec);
            if keep {
                specs.push(spec);
            }
        }
    }
    errors.extend(rules.finish());
    (specs, errors, files.len())
}

fn check(paths: &[PathBuf], format: OutputFormat) -> ExitCode {
    let (_, errors, count) = load_all(paths, false);
    match format {
        OutputFormat::Human => {
            for e in &errors {
                eprintln!("{}", e.render());
            }
            let files = if count == 1 { "spec" } else { "specs" };
            if errors.is_empty() {
                eprintln!("checked {count} {files}: no errors");
            } else {
                let n = errors.len();
                eprintln!(
                    "checked {count} {files}: {n} error{}",
                    if n == 1 { "" } else { "s" }
                );
            }
        }
        OutputFormat::Json => {
            let list: Vec<serde_json::Value> = errors
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "file": e.file,
                        "line": e.line,
                        "column": e.column,
                        "path": e.path,
                        "message": e.message,
                    })
                })
                .collect();
            out(&(serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"));
        }
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn expand(spec: &Path, crate_path: &str, builders: bool) -> ExitCode {
    let Ok(crate_path) = crate_path.parse() else {
        eprintln!("error: `{crate_path}` is not a Rust path");
        return ExitCode::FAILURE;
    };
    let options = Options {
        crate_path,
        track_files: false,
        builders,
    };
    let expansion = expand_path(Path::new("."), &display(spec), &options);
    if !expansion.errors.is_empty() {
        for e in &expansion.errors {
            eprintln!("{}", e.render());
        }
        return ExitCode::FAILURE;
    }
    match format(&expansion.tokens) {
        Ok(code) => {
            out(&code);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: the generated code does not parse: {e}");
            ExitCode::FAILURE
        }
    }
}

fn openapi(paths: &[PathBuf], title: &str) -> ExitCode {
    let (specs, errors, _) = load_all(paths, true);
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{}", e.render());
        }
        return ExitCode::FAILURE;
    }
    let doc = endpoints_codegen::openapi::openapi(&specs, title);
    out(&(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"));
    ExitCode::SUCCESS
}

fn draft(files: &[PathBuf], name: Option<String>, params: bool) -> ExitCode {
    use endpoints_codegen::draft::{draft, Target};
    let mut examples = Vec::new();
    let mut failed = false;
    for file in files {
        let shown = display(file);
        match std::fs::read_to_string(file) {
            Err(e) => {
                eprintln!("error: cannot read the example `{shown}`: {e}");
                failed = true;
            }
            Ok(text) => match endpoints_codegen::json::parse(&text) {
                Ok(node) => examples.push(node),
                Err(e) => {
                    eprintln!(
                        "error: {shown}:{}:{}: malformed JSON: {}",
                        e.line, e.column, e.message
                    );
                    failed = true;
                }
            },
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    let target = if params {
        Target::Params
    } else {
        // `person_201.json` drafts `Person201`.
        let stem = files[0]
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        Target::Types(name.unwrap_or_else(|| {
            stem.and_then(|s| endpoints_codegen::case::upper_camel(&s))
                .filter(|n| !n.starts_with("r#"))
                .unwrap_or_else(|| "Body".into())
        }))
    };
    match draft(&examples, &target) {
        Ok(text) => {
            out(&text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The list of the files an import wrote, in the directory it wrote them
/// to, one name per line: the next import there removes those it no longer
/// writes, and no other file.
const IMPORTED: &str = ".endpoints-import";

fn import(doc: &Path, out_dir: &Path, format: OutputFormat) -> ExitCode {
    use endpoints_codegen::import;
    let shown = display(doc);
    let text = match std::fs::read(doc) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                eprintln!("error: {shown} is not UTF-8 text");
                return ExitCode::FAILURE;
            }
        },
        Err(e) => {
            eprintln!("error: cannot read `{shown}`: {e}");
            return ExitCode::FAILURE;
        }
    };
    let node = match import::read_document(&text) {
        Ok(node) => node,
        Err(e) => {
            match (e.line, e.column) {
                (Some(l), Some(c)) => eprintln!("error: {shown}:{l}:{c}: {}", e.message),
                _ => eprintln!("error: {shown}: {}", e.message),
            }
            return ExitCode::FAILURE;
        }
    };
    let imported = match import::import(&node) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("error: {shown}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!("error: cannot create `{}`: {e}", display(out_dir));
        return ExitCode::FAILURE;
    }
    for (name, text) in &imported.files {
        let path = out_dir.join(name);
        // Unchanged files keep their time stamps: builds stay fresh.
        if std::fs::read_to_string(&path).is_ok_and(|old| old == *text) {
            continue;
        }
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: cannot write `{}`: {e}", display(&path));
            return ExitCode::FAILURE;
        }
    }
    // What an earlier import here wrote and this one does not (an
    // operation the document no longer has, a type renamed) goes, before
    // `check` reads the directory; a file no import wrote stays.
    let manifest = out_dir.join(IMPORTED);
    let mut removed = Vec::new();
    for name in std::fs::read_to_string(&manifest)
        .unwrap_or_default()
        .lines()
    {
        let inside = Path::new(name)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if name.is_empty() || !inside || imported.files.contains_key(name) {
            continue;
        }
        let path = out_dir.join(name);
        if std::fs::remove_file(&path).is_ok() {
            removed.push(name.to_string());
            // A directory of types left empty goes too.
            if let Some(parent) = path.parent().filter(|p| *p != out_dir) {
                let _ = std::fs::remove_dir(parent);
            }
        }
    }
    let listing: String = imported.files.keys().map(|n| format!("{n}\n")).collect();
    if let Err(e) = std::fs::write(&manifest, listing) {
        eprintln!("error: cannot write `{}`: {e}", display(&manifest));
        return ExitCode::FAILURE;
    }
    // The specs pass `check`, or the import says where they do not.
    let (_, errors, _) = if imported.files.is_empty() {
        (Vec::new(), Vec::new(), 0)
    } else {
        load_all(&[out_dir.to_path_buf()], false)
    };
    match format {
        OutputFormat::Human => {
            for n in &imported.notes {
                eprintln!("note: {n}");
            }
            for e in &errors {
                eprintln!("{}", e.render());
            }
            let removed = match removed.len() {
                0 => String::new(),
                1 => "; removed 1 file an earlier import wrote".into(),
                n => format!("; removed {n} files an earlier import wrote"),
            };
            eprintln!(
                "{shown}: {}; {} files in {}{removed}",
                imported.summary(),
                imported.files.len(),
                display(out_dir)
            );
        }
        OutputFormat::Json => {
            let (whole, degraded, skipped) = imported.counts();
            let report = serde_json::json!({
                "operations": imported.operations.iter().map(|o| serde_json::json!({
                    "pointer": o.pointer,
                    "method": o.method,
                    "path": o.path,
                    "name": o.name,
                    "outcome": format!("{:?}", o.outcome).to_ascii_lowercase(),
                    "notes": o.notes,
                })).collect::<Vec<_>>(),
                "notes": imported.notes.iter().map(|n| serde_json::json!({
                    "pointer": n.pointer,
                    "message": n.message,
                    "instead": n.instead,
                    "degrades": n.degrades,
                })).collect::<Vec<_>>(),
                "whole": whole,
                "degraded": degraded,
                "skipped": skipped,
                "check_errors": errors.iter().map(|e| e.render()).collect::<Vec<_>>(),
                "removed": removed,
            });
            out(&(serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"));
        }
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
