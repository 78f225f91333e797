//! The engine of `endpoints`: reads endpoint specs (SPEC_FORMAT.md) and
//! generates Rust for them.
//!
//! A pipeline with one stage per module: [`load`](mod@load) (text → the
//! spec as written, [`model`](mod@model), every error with its position),
//! [`check`](mod@check) (the rules that span the whole spec; returns the
//! resolved, read-only [`ir`](mod@ir), every name final), [`expand`](mod@expand)
//! (IR → tokens, one file per thing generated). Across the specs of a
//! directory, the items they generate alike are generated once, and the
//! rules that span them (routes, type names) are checked. The `endpoint!`
//! macro, build.rs and the CLI are three doors onto [`expand_path`], in
//! [`pipeline`](mod@pipeline). [`draft`](mod@draft) goes the other way:
//! examples a page shows → a spec fragment that describes them.

mod build;
pub mod case;
pub mod check;
pub mod ctxt;
pub mod draft;
mod examples;
pub mod expand;
pub mod import;
pub mod ir;
pub mod json;
pub mod load;
mod lower;
pub mod model;
pub mod openapi;
mod patterns;
pub mod pipeline;
mod share;
mod union;

pub use build::{BuildError, Builder};
pub use ctxt::{Diagnostic, Errors, SourceFile};
pub use expand::Options;
pub use ir::Endpoint;
pub use model::Spec;
pub use pipeline::{
    check_directories, expand_path, format, load_spec, load_spec_cached, load_spec_text,
    macro_expansion, macro_expansion_with, spec_files, DirectoryRules, Expansion, Loaded,
};

/// The JSON Schema of the spec format, for editors (`"$schema"`) and CI.
pub const SPEC_SCHEMA: &str = include_str!("../spec.schema.json");
