//! The `endpoint!` macro: a thin door onto `endpoints-codegen`. It reads its
//! arguments, resolves the path against the calling crate's manifest
//! directory, and turns every spec error into a compile error at the path
//! literal.

use proc_macro::TokenStream;
use syn::parse::{Parse, ParseStream};

/// Generates a module per spec: `endpoint!("specs/billing/create_invoice.json")`.
///
/// The path is relative to the calling crate's `CARGO_MANIFEST_DIR`; a
/// directory expands every spec in it. See the `endpoints` crate for the
/// generated API.
///
/// `endpoint!("specs", builders = false)` leaves out `Request::builder()`,
/// for a crate that writes its requests as struct literals and would
/// rather not pay the builders' compile time.
#[proc_macro]
pub fn endpoint(input: TokenStream) -> TokenStream {
    let args = match syn::parse::<Args>(input) {
        Ok(args) => args,
        Err(e) => return e.to_compile_error().into(),
    };
    // Test harnesses that build crates elsewhere (trybuild) point the macro
    // back at the real manifest directory through this variable.
    let root = std::env::var_os("ENDPOINTS_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    let options = endpoints_codegen::Options {
        builders: args.builders,
        ..Default::default()
    };
    endpoints_codegen::macro_expansion_with(&root, &args.path.value(), args.path.span(), &options)
        .into()
}

/// `"path"`, then `, builders = <bool>` if given.
struct Args {
    path: syn::LitStr,
    builders: bool,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: syn::LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the path of a spec file or directory, as a string: endpoint!(\"specs/my_api/create_thing.json\")",
            )
        })?;
        let mut builders = true;
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            if key != "builders" {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown option `{key}`; the macro takes `builders = true | false`"),
                ));
            }
            input.parse::<syn::Token![=]>()?;
            builders = input.parse::<syn::LitBool>()?.value;
        }
        Ok(Args { path, builders })
    }
}
