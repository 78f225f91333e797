//! The `endpoint!` macro: a thin door onto `endpoints-codegen`. It reads its
//! one argument, resolves it against the calling crate's manifest directory,
//! and turns every spec error into a compile error at the path literal.

use proc_macro::TokenStream;

/// Generates a module per spec: `endpoint!("specs/billing/create_invoice.json")`.
///
/// The path is relative to the calling crate's `CARGO_MANIFEST_DIR`; a
/// directory expands every spec in it. See the `endpoints` crate for the
/// generated API.
#[proc_macro]
pub fn endpoint(input: TokenStream) -> TokenStream {
    let literal = match syn::parse::<syn::LitStr>(input) {
        Ok(literal) => literal,
        Err(e) => {
            return syn::Error::new(
                e.span(),
                "expected the path of a spec file or directory, as a string: endpoint!(\"specs/my_api/create_thing.json\")",
            )
            .to_compile_error()
            .into()
        }
    };
    // Test harnesses that build crates elsewhere (trybuild) point the macro
    // back at the real manifest directory through this variable.
    let root = std::env::var_os("ENDPOINTS_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    endpoints_codegen::macro_expansion(&root, &literal.value(), literal.span()).into()
}
