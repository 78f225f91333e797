//! The engine of `endpoints`: reads endpoint specs (SPEC_FORMAT.md) and
//! generates Rust for them.
//!
//! A pipeline with one stage per module: [`load`](mod@load) (text → model,
//! every error with its position), [`check`](mod@check) (the rules that span
//! the whole spec, and every Rust name settled), [`expand`](mod@expand)
//! (model → tokens). The `endpoint!` macro, build.rs and the CLI are three
//! doors onto [`expand_path`], in [`pipeline`](mod@pipeline).

mod build;
pub mod case;
pub mod check;
pub mod ctxt;
pub mod expand;
pub mod json;
pub mod load;
pub mod model;
pub mod openapi;
pub mod pipeline;
mod share;

pub use build::{BuildError, Builder};
pub use ctxt::{Diagnostic, Errors, SourceFile};
pub use expand::Options;
pub use model::Spec;
pub use pipeline::{
    check_directories, expand_path, format, load_spec, macro_expansion, spec_files, Expansion,
    Loaded,
};

/// The JSON Schema of the spec format, for editors (`"$schema"`) and CI.
pub const SPEC_SCHEMA: &str = include_str!("../spec.schema.json");
