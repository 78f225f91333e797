//! The structs and enums that a spec's types, params and responses
//! generate, each with its serde, `Debug` and `Validate` impls.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{docs, Gen, Item};
use crate::ir::{Field, Kind, RustName, Type};

impl Gen<'_> {
    /// The enums and structs `ty` generates, nested ones included.
    pub(super) fn items(&self, ty: &Type, out: &mut Vec<Item>) {
        if let (Some(item), Some(values)) = (&ty.item, &ty.values) {
            out.push(Item {
                name: item.to_string(),
                tokens: self.enum_item(ty, item, values),
                defined_at: None,
                from_fragment: false,
            });
        }
        match &ty.kind {
            Kind::Object(fields) => {
                if let Some(item) = &ty.item {
                    out.push(Item {
                        name: item.to_string(),
                        tokens: self.object_item(ty, item, fields),
                        defined_at: None,
                        from_fragment: false,
                    });
                }
                for f in fields {
                    self.items(&f.ty, out);
                }
            }
            Kind::Array(of) | Kind::Map(of) => self.items(of, out),
            _ => {}
        }
    }

    pub(super) fn object_item(&self, ty: &Type, item: &RustName, fields: &[Field]) -> TokenStream {
        let name = item.ident();
        let refs: Vec<&Field> = fields.iter().collect();
        let mut lines: Vec<String> = ty
            .description
            .iter()
            .flat_map(|d| d.lines().map(str::to_string))
            .collect();
        if lines.is_empty() {
            lines.push(format!("The object `{item}`."));
        }
        let docs = docs(lines);
        let (serde, body) = self.struct_fields(&refs, &vec![None; refs.len()]);
        let (derive_debug, debug_impl) = self.debug(&name, &refs, &[], &[]);
        let validate = ty.has_rules.then(|| self.validate_impl(&name, &refs, &[]));
        quote! {
            #docs
            #[derive(#derive_debug Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
            #serde
            pub struct #name {
                #body
            }
            #debug_impl
            #validate
        }
    }

    pub(super) fn enum_item(
        &self,
        ty: &Type,
        item: &RustName,
        values: &[serde_json::Value],
    ) -> TokenStream {
        let name = item.ident();
        let integer = matches!(ty.kind, Kind::Integer);
        let variants: Vec<Ident> = ty.variants.iter().map(RustName::ident).collect();
        let wire: Vec<String> = values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect();
        let mut lines: Vec<String> = ty
            .description
            .iter()
            .flat_map(|d| d.lines().map(str::to_string))
            .collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(
            "The documented values. A value outside them is kept in `Other`, and `validate` refuses it in a request."
                .into(),
        );
        let docs = docs(lines);
        let variant_docs = wire.iter().map(|w| {
            let d = format!(" `{w}`");
            quote!(#[doc = #d])
        });
        let (other_ty, wire_fns) = if integer {
            let lits: Vec<Literal> = values
                .iter()
                .map(|v| Literal::i64_unsuffixed(v.as_i64().unwrap_or(0)))
                .collect();
            let fns = quote! {
                /// The value on the wire.
                pub fn as_i64(&self) -> i64 {
                    match self { #(Self::#variants => #lits,)* Self::Other(v) => *v }
                }
                /// The variant for a value on the wire.
                pub fn from_wire(value: i64) -> Self {
                    match value { #(#lits => Self::#variants,)* other => Self::Other(other) }
                }
            };
            (quote!(i64), fns)
        } else {
            let fns = quote! {
                /// The value on the wire.
                pub fn as_str(&self) -> &str {
                    match self { #(Self::#variants => #wire,)* Self::Other(v) => v }
                }
                /// The variant for a value on the wire.
                pub fn from_wire(value: &str) -> Self {
                    match value { #(#wire => Self::#variants,)* other => Self::Other(other.into()) }
                }
            };
            (quote!(__ep::String), fns)
        };
        let serde_impls = if integer {
            quote! {
                impl __ep::serde::Serialize for #name {
                    fn serialize<S: __ep::serde::Serializer>(&self, s: S) -> __ep::Result<S::Ok, S::Error> {
                        s.serialize_i64(self.as_i64())
                    }
                }
                impl<'de> __ep::serde::Deserialize<'de> for #name {
                    fn deserialize<D: __ep::serde::Deserializer<'de>>(d: D) -> __ep::Result<Self, D::Error> {
                        <i64 as __ep::serde::Deserialize>::deserialize(d).map(Self::from_wire)
                    }
                }
            }
        } else {
            quote! {
                impl __ep::serde::Serialize for #name {
                    fn serialize<S: __ep::serde::Serializer>(&self, s: S) -> __ep::Result<S::Ok, S::Error> {
                        s.serialize_str(self.as_str())
                    }
                }
                impl<'de> __ep::serde::Deserialize<'de> for #name {
                    fn deserialize<D: __ep::serde::Deserializer<'de>>(d: D) -> __ep::Result<Self, D::Error> {
                        __ep::deserialize_str_enum(d, Self::from_wire)
                    }
                }
            }
        };
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            pub enum #name {
                #(#variant_docs #variants,)*
                /// A value outside the documented ones, kept as sent.
                Other(#other_ty),
            }
            impl #name {
                /// The documented values, as on the wire.
                pub const VALUES: &'static [&'static str] = &[#(#wire),*];
                #wire_fns
            }
            #serde_impls
            impl __ep::Validate for #name {
                fn validate_into(&self, path: &__ep::Path<'_>, errors: &mut __ep::ValidationErrors) {
                    __ep::check_known(!matches!(self, Self::Other(_)), Self::VALUES, path, errors);
                }
            }
        }
    }
}
