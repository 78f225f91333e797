//! The pipeline run on a path: one spec file, or a directory of them with
//! what its specs share generated once. The three doors (the macro,
//! build.rs, the CLI) all come through [`expand_path`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::{Diagnostic, SourceFile};
use crate::expand::{self, Options};
use crate::ir::Endpoint;
use crate::{case, check, ctxt, json, load, share};

/// A spec read and checked: the model, and every error found.
///
/// With errors, `spec` is a best-effort stand-in (bad types read as `any`,
/// colliding names suffixed) that still expands to valid Rust, or `None`
/// when not even the top level could be read.
pub struct Loaded {
    pub spec: Option<Endpoint>,
    pub files: Vec<SourceFile>,
    pub errors: Vec<Diagnostic>,
}

/// Loads and checks the spec at `path`, naming it `display` in errors.
pub fn load_spec(path: &Path, display: &str) -> Loaded {
    let mut cx = ctxt::Ctxt::default();
    let spec = load::load(&mut cx, path, display);
    finish_load(cx, spec)
}

/// [`load_spec`] for one of many specs: the fragments it includes are
/// read and parsed once for all the specs loaded with the same `cache`.
pub fn load_spec_cached(path: &Path, display: &str, cache: &Rc<load::Cache>) -> Loaded {
    let mut cx = ctxt::Ctxt::default();
    cx.cache = Some(cache.clone());
    let spec = load::load(&mut cx, path, display);
    finish_load(cx, spec)
}

/// Loads and checks a spec from its text, as if read from `path` (which
/// places the files it includes): for tools and fuzzers.
pub fn load_spec_text(path: &Path, display: &str, text: String) -> Loaded {
    let mut cx = ctxt::Ctxt::default();
    let spec = load::load_text(&mut cx, path, display, text);
    finish_load(cx, spec)
}

fn finish_load(mut cx: ctxt::Ctxt, spec: Option<crate::model::Spec>) -> Loaded {
    let spec = spec.map(|spec| check::check(&mut cx, spec));
    let (files, errors) = match cx.finish() {
        Ok(files) => (files, Vec::new()),
        Err((files, errors)) => (files, errors.0),
    };
    Loaded {
        spec,
        files,
        errors,
    }
}

/// What one door produces: the items, every file read (for rebuilds), and
/// every error. With errors, `tokens` holds stand-in items for the specs
/// that could be read, so a user's code is not buried in follow-on errors.
pub struct Expansion {
    pub tokens: TokenStream,
    pub files: Vec<PathBuf>,
    pub errors: Vec<Diagnostic>,
}

/// Expands the spec file or directory at `rel`, relative to `root`.
///
/// A directory expands every spec in it, one module each, and each
/// subdirectory into a module of the same name; files that some spec
/// includes are fragments and expand only through it.
pub fn expand_path(root: &Path, rel: &str, options: &Options) -> Expansion {
    let path = root.join(rel);
    let display = rel.trim_end_matches('/').replace('\\', "/");
    let mut out = Expansion {
        tokens: TokenStream::new(),
        files: Vec::new(),
        errors: Vec::new(),
    };
    let cache = Rc::new(load::Cache::default());
    if path.is_dir() {
        let fragments = included_files(&path);
        let dir = Dir {
            fragments: &fragments,
            cache: &cache,
        };
        expand_dir(&path, &display, &dir, options, &mut out, true);
    } else if let Some(spec) = load_file(&path, &display, &cache, &mut out) {
        out.tokens = expand::expand(&spec, options);
    }
    out
}

/// What every level of a directory's expansion shares: the files some spec
/// includes (fragments, not specs) and the fragments read so far.
struct Dir<'a> {
    fragments: &'a BTreeSet<PathBuf>,
    cache: &'a Rc<load::Cache>,
}

fn load_file(
    path: &Path,
    display: &str,
    cache: &Rc<load::Cache>,
    out: &mut Expansion,
) -> Option<Endpoint> {
    let loaded = load_spec_cached(path, display, cache);
    out.files
        .extend(loaded.files.iter().map(|f| f.path.clone()));
    out.errors.extend(loaded.errors);
    loaded.spec
}

/// Expands a directory: a module per spec, each subdirectory a module of
/// its own, and the items several specs generate alike (a fragment's types
/// and responses) generated once, beside the modules, which `pub use` them.
/// `top` is the macro's call site, where the items go in a private module
/// of their own, so they bring no `use` into the user's scope.
fn expand_dir(
    dir: &Path,
    display: &str,
    dir_in: &Dir<'_>,
    options: &Options,
    out: &mut Expansion,
    top: bool,
) -> bool {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.errors.push(ctxt_error(
                display,
                format!("cannot read the directory: {e}"),
            ));
            return false;
        }
    };
    entries.sort();
    let mut any = false;
    let mut specs = Vec::new();
    for entry in entries {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let child = format!("{display}/{name}");
        if entry.is_dir() {
            let mut inner = Expansion {
                tokens: TokenStream::new(),
                files: Vec::new(),
                errors: Vec::new(),
            };
            if expand_dir(&entry, &child, dir_in, options, &mut inner, false) {
                let module = case::snake(&name)
                    .filter(|m| case::is_ident(m))
                    .map(|m| expand::module_ident(&m));
                match module {
                    Some(module) => {
                        let tokens = inner.tokens;
                        out.tokens.extend(quote!(pub mod #module { #tokens }));
                    }
                    None => out.errors.push(ctxt_error(
                        &child,
                        "this directory's name cannot name a module; rename it in snake_case"
                            .into(),
                    )),
                }
                any = true;
            }
            out.files.extend(inner.files);
            out.errors.extend(inner.errors);
        } else if entry.extension().is_some_and(|e| e == "json") {
            let canonical = std::fs::canonicalize(&entry).unwrap_or_else(|_| entry.clone());
            if dir_in.fragments.contains(&canonical) {
                continue;
            }
            any = true;
            if let Some(spec) = load_file(&entry, &child, dir_in.cache, out) {
                specs.push(spec);
            }
        }
    }
    let track_files = options.track_files;
    let options = Options {
        track_files: false,
        ..options.clone()
    };
    let mut cache = expand::Cache::default();
    let modules: Vec<expand::Module> = specs
        .iter()
        .map(|s| expand::module_with(s, &options, &mut cache))
        .collect();
    share::check_routes(&specs, &mut out.errors);
    let (shared, items) = share::shared_items(&specs, &modules, &mut out.errors);
    let mut tracked = std::collections::BTreeSet::new();
    let track = specs
        .iter()
        .flat_map(|s| &s.files)
        .filter(|_| track_files)
        .filter(|f| tracked.insert(f.path.clone()))
        .map(|f| {
            let path = f.path.to_string_lossy();
            quote!(
                const _: &[u8] = include_bytes!(#path);
            )
        });
    out.tokens.extend(quote!(#(#track)*));
    if !items.is_empty() {
        let krate = &options.crate_path;
        out.tokens.extend(if top {
            let module = quote::format_ident!(
                "__{}_shared",
                case::snake(display.rsplit('/').next().unwrap_or(display))
                    .filter(|m| case::is_ident(m) && !m.starts_with("r#"))
                    .unwrap_or_else(|| "endpoints".into())
            );
            quote! {
                #[doc(hidden)]
                mod #module {
                    use #krate::__private as __ep;
                    #(#items)*
                }
                pub use #module::*;
            }
        } else {
            quote! {
                use #krate::__private as __ep;
                #(#items)*
            }
        });
    }
    for (module, shared) in modules.iter().zip(&shared) {
        out.tokens.extend(module.tokens(shared));
    }
    any
}

fn ctxt_error(display: &str, message: String) -> Diagnostic {
    Diagnostic {
        file: display.to_string(),
        path: "(root)".to_string(),
        line: 1,
        column: 1,
        message,
        source_line: String::new(),
    }
}

/// Every `.json` file under `dir`, recursively.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out
}

/// Every file that a JSON file under `dir` includes, canonicalized: these
/// are fragments, not specs. A set: an imported API of thousands of specs
/// includes each type fragment many times over, and every file of the
/// directory is looked up in it.
fn included_files(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for path in json_files(dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(root) = json::parse(&text) else {
            continue;
        };
        let json::Value::Object(members) = root.value else {
            continue;
        };
        let includes = members
            .into_iter()
            .filter(|(key, _)| key.name == "include")
            .filter_map(|(_, value)| match value.value {
                json::Value::Array(items) => Some(items),
                _ => None,
            })
            .flatten();
        for item in includes {
            if let json::Value::String(rel) = item.value {
                let target = path.parent().unwrap_or(Path::new("")).join(rel);
                out.insert(std::fs::canonicalize(&target).unwrap_or(target));
            }
        }
    }
    out
}

/// The rules that span the specs of one directory, for doors that load
/// specs one by one (`endpoints check`, `endpoints openapi`): specs are
/// grouped by the directory they sit in, as `expand_path` groups them, and
/// each group is checked as one API (no two routes alike, one definition
/// per type name).
pub fn check_directories(specs: &[Endpoint]) -> Vec<Diagnostic> {
    let mut rules = DirectoryRules::default();
    for spec in specs {
        rules.add(spec);
    }
    rules.finish()
}

/// [`check_directories`] a spec at a time, so a door need not hold every
/// spec it checks: of each directory it keeps each route once and each
/// type's distinct definitions, not the specs (Microsoft Graph's 22,000
/// specs each reach most of its 3,000 types).
#[derive(Default)]
pub struct DirectoryRules {
    dirs: std::collections::BTreeMap<PathBuf, Directory>,
    /// How the types compared are generated (the defaults: they are compared
    /// with each other, never emitted).
    options: Options,
}

#[derive(Default)]
struct Directory {
    routes: share::Routes,
    types: share::TypeVersions,
    cache: expand::Cache,
    errors: Vec<Diagnostic>,
}

impl DirectoryRules {
    /// Checks `spec` against the specs added before it from its directory.
    pub fn add(&mut self, spec: &Endpoint) {
        let dir = spec
            .files
            .first()
            .and_then(|f| f.path.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let d = self.dirs.entry(dir).or_default();
        d.routes.add(spec, &mut d.errors);
        let module = expand::type_module_with(spec, &self.options, &mut d.cache);
        d.types.add(spec, &module);
    }

    /// Every error, directory by directory: routes, then types.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for d in self.dirs.into_values() {
            errors.extend(d.errors);
            d.types.finish(&mut errors);
        }
        errors
    }
}

/// What `endpoint!("…")` expands to: the items (tracking every file read,
/// so cargo rebuilds when one changes) and one `compile_error!` per spec
/// error, at `span` (the path literal).
pub fn macro_expansion(root: &Path, rel: &str, span: proc_macro2::Span) -> TokenStream {
    macro_expansion_with(root, rel, span, &Options::default())
}

/// [`macro_expansion`] with `options` (the macro's `builders = false`).
pub fn macro_expansion_with(
    root: &Path,
    rel: &str,
    span: proc_macro2::Span,
    options: &Options,
) -> TokenStream {
    let expansion = expand_path(root, rel, options);
    let errors = expansion.errors.iter().map(|e| {
        let message = e.to_string();
        quote::quote_spanned!(span=> ::core::compile_error!(#message);)
    });
    let tokens = expansion.tokens;
    quote!(#(#errors)* #tokens)
}

/// Formats generated tokens as a Rust file, for reading and review.
pub fn format(tokens: &TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens.clone())?;
    Ok(prettyplease::unparse(&file))
}

/// The spec files under `dir`, recursively and sorted: every `.json` file
/// that no other file there includes.
pub fn spec_files(dir: &Path) -> Vec<PathBuf> {
    let fragments = included_files(dir);
    let mut out: Vec<PathBuf> = json_files(dir)
        .into_iter()
        .filter(|path| {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            !fragments.contains(&canonical)
        })
        .collect();
    out.sort();
    out
}
