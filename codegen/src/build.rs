//! The build.rs door: the same items as `endpoint!`, written to one
//! formatted file in `OUT_DIR` for `include!`.
//!
//! ```no_run
//! // build.rs, in `fn main`:
//! if let Err(e) = endpoints_codegen::Builder::new()
//!     .spec("specs/cloudcard")
//!     .spec("specs/planocore/create_photographer.json")
//!     .generate()
//! {
//!     eprintln!("{e}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/endpoints.rs"));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::ctxt::Diagnostic;
use crate::expand::Options;
use crate::pipeline::{expand_path, format};

/// Generates the items of a set of specs into one file, in the spirit of
/// prost-build's `Config`.
#[derive(Debug, Clone)]
pub struct Builder {
    specs: Vec<String>,
    out_file: String,
    out_dir: Option<PathBuf>,
    root: Option<PathBuf>,
    crate_path: String,
    emit_rerun: bool,
    builders: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            specs: Vec::new(),
            out_file: "endpoints.rs".into(),
            out_dir: None,
            root: None,
            crate_path: "::endpoints".into(),
            emit_rerun: true,
            builders: true,
        }
    }
}

/// Why generation failed. Spec errors are the same positioned messages the
/// macro gives.
#[derive(Debug)]
pub enum BuildError {
    Specs(Vec<Diagnostic>),
    /// `CARGO_MANIFEST_DIR` or `OUT_DIR` is not set and was not given.
    Env(&'static str),
    Io(PathBuf, std::io::Error),
    Format(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Specs(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\n")?;
                    }
                    f.write_str(e.render().trim_end())?;
                }
                Ok(())
            }
            BuildError::Env(var) => write!(
                f,
                "`{var}` is not set: run from a build script, or set it on the builder"
            ),
            BuildError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            BuildError::Format(e) => write!(f, "the generated code does not parse: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A spec file or a directory of specs, relative to the crate's
    /// `CARGO_MANIFEST_DIR` (as `endpoint!` takes them).
    pub fn spec(mut self, path: impl Into<String>) -> Builder {
        self.specs.push(path.into());
        self
    }

    /// The file name under `OUT_DIR` (default `endpoints.rs`).
    pub fn out_file(mut self, name: impl Into<String>) -> Builder {
        self.out_file = name.into();
        self
    }

    /// Where to write, instead of `OUT_DIR`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.out_dir = Some(dir.into());
        self
    }

    /// What spec paths are relative to, instead of `CARGO_MANIFEST_DIR`.
    pub fn root(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.root = Some(dir.into());
        self
    }

    /// The path of the `endpoints` crate as the generated code sees it
    /// (default `::endpoints`).
    pub fn crate_path(mut self, path: impl Into<String>) -> Builder {
        self.crate_path = path.into();
        self
    }

    /// Whether to generate `Request::builder()` (default `true`); a crate
    /// that writes its requests as struct literals saves the builders'
    /// compile time.
    pub fn builders(mut self, builders: bool) -> Builder {
        self.builders = builders;
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (default `true`).
    pub fn emit_rerun_if_changed(mut self, emit: bool) -> Builder {
        self.emit_rerun = emit;
        self
    }

    /// Generates the file and returns its path. Every spec and fragment
    /// read is reported to cargo, so editing one reruns the build script;
    /// the file is written only when its content changes.
    pub fn generate(self) -> Result<PathBuf, BuildError> {
        let root = match &self.root {
            Some(root) => root.clone(),
            None => std::env::var_os("CARGO_MANIFEST_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::Env("CARGO_MANIFEST_DIR"))?,
        };
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::Env("OUT_DIR"))?,
        };
        let code = self.code(&root)?;
        let path = out_dir.join(&self.out_file);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
            std::fs::write(&path, code).map_err(|e| BuildError::Io(path.clone(), e))?;
        }
        Ok(path)
    }

    /// The formatted file `generate` writes.
    pub fn code(&self, root: &Path) -> Result<String, BuildError> {
        let options = Options {
            crate_path: self
                .crate_path
                .parse::<TokenStream>()
                .unwrap_or_else(|_| quote::quote!(::endpoints)),
            track_files: false,
            builders: self.builders,
        };
        let mut tokens = TokenStream::new();
        let mut errors = Vec::new();
        for spec in &self.specs {
            if self.emit_rerun {
                // A directory: cargo rescans it, so a new spec reruns too.
                println!("cargo:rerun-if-changed={}", root.join(spec).display());
            }
            let expansion = expand_path(root, spec, &options);
            if self.emit_rerun {
                for file in &expansion.files {
                    println!("cargo:rerun-if-changed={}", file.display());
                }
            }
            tokens.extend(expansion.tokens);
            errors.extend(expansion.errors);
        }
        if !errors.is_empty() {
            return Err(BuildError::Specs(errors));
        }
        let body = format(&tokens).map_err(|e| BuildError::Format(e.to_string()))?;
        Ok(format!(
            "// @generated by endpoints-codegen from {}. Do not edit: edit the specs.\n\n{body}",
            self.specs.join(", ")
        ))
    }
}
