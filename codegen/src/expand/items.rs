//! The structs and enums that a spec's types, params and responses
//! generate, each with its serde, `Debug` and `Validate` impls.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{docs, Gen, Item};
use crate::ir::{Field, Kind, RustName, Type, Union};

impl Gen<'_> {
    /// The enums and structs `ty` generates, nested ones included.
    pub(super) fn items(&self, ty: &Type, out: &mut Vec<Item>) {
        if let (Some(item), Some(values)) = (&ty.item, &ty.values) {
            out.push(Item {
                name: item.to_string(),
                tokens: self.enum_item(ty, item, values),
                defined_at: None,
                from_fragment: false,
                code: Default::default(),
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
                        code: Default::default(),
                    });
                }
                for f in fields {
                    self.items(&f.ty, out);
                }
            }
            Kind::Array(of) | Kind::Map(of) => self.items(of, out),
            Kind::Union(union) => {
                if let Some(item) = &ty.item {
                    out.push(Item {
                        name: item.to_string(),
                        tokens: self.union_item(ty, item, union),
                        defined_at: None,
                        from_fragment: false,
                        code: Default::default(),
                    });
                }
                for m in &union.members {
                    self.items(&m.ty, out);
                }
            }
            _ => {}
        }
    }

    /// A union: an enum with a variant per member and `Other`, read by
    /// its tag or by the first member that fits (`__ep::UnionValue`),
    /// written as the member it holds.
    pub(super) fn union_item(&self, ty: &Type, item: &RustName, union: &Union) -> TokenStream {
        let name = item.ident();
        let mut lines: Vec<String> = ty
            .description
            .iter()
            .flat_map(|d| d.lines().map(str::to_string))
            .collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        // Members whose tag field is optional: a value without the tag is
        // the first of them it fits.
        let untagged: Vec<&crate::ir::Member> = union
            .members
            .iter()
            .filter(|m| m.tag_field.as_ref().is_some_and(|f| f.optional))
            .collect();
        lines.push(match &union.tag {
            Some(tag) if !untagged.is_empty() => format!("One of the members below, named by the value of its field `{tag}`; a value without `{tag}` is the first member below whose `{tag}` is optional that fits it. A value whose `{tag}` names none (or that none without it fits) is kept in `Other`, and `validate` refuses it in a request."),
            Some(tag) => format!("One of the members below, named by the value of its field `{tag}`. A value whose `{tag}` names none is kept in `Other`, and `validate` refuses it in a request."),
            None => "One of the members below: the first that fits, in this order. A value none fits is kept in `Other`, and `validate` refuses it in a request.".into(),
        });
        let docs = docs(lines);
        let variants: Vec<Ident> = union.members.iter().map(|m| m.variant.ident()).collect();
        let variant_docs = union.members.iter().map(|m| {
            let d = match (&union.tag, &m.tag) {
                (Some(field), Some(tag)) => format!(" `{field}` is `{tag}`."),
                _ => format!(" The member `{}`.", m.written),
            };
            quote!(#[doc = #d])
        });
        let types = union.members.iter().map(|m| self.rust_type(&m.ty));
        let read = match &union.tag {
            Some(tag) => {
                let tags = union
                    .members
                    .iter()
                    .map(|m| m.tag.as_deref().unwrap_or_default());
                let without = (!untagged.is_empty()).then(|| {
                    let variants = untagged.iter().map(|m| m.variant.ident());
                    quote! {
                        __ep::None if u.lacks(#tag) => {
                            #(if let __ep::Some(v) = u.fits() { Self::#variants(v) } else)* {
                                Self::Other(u.into_value())
                            }
                        }
                    }
                });
                quote! {
                    __ep::Ok(match u.tag(#tag) {
                        #(__ep::Some(#tags) => Self::#variants(u.member()?),)*
                        #without
                        _ => Self::Other(u.into_value()),
                    })
                }
            }
            None => {
                let fits = union.members.iter().map(|m| {
                    if let Some(format) = m.format {
                        let format = format_ident!("{}", format.variant_name());
                        return quote!(u.fits_format(__ep::Format::#format));
                    }
                    if m.fixed.is_empty() {
                        return quote!(u.fits());
                    }
                    let fixed = m.fixed.iter().map(|(field, value)| match value {
                        serde_json::Value::Bool(b) => quote!((#field, __ep::Fixed::Bool(#b))),
                        other => {
                            let text = other.as_str().unwrap_or_default();
                            quote!((#field, __ep::Fixed::Text(#text)))
                        }
                    });
                    quote!(u.fits_holding(&[#(#fixed),*]))
                });
                quote! {
                    __ep::Ok(#(if let __ep::Some(v) = #fits { Self::#variants(v) } else)* {
                        Self::Other(u.into_value())
                    })
                }
            }
        };
        let listed: Vec<String> = union
            .members
            .iter()
            .map(|m| match (&m.tag, m.format) {
                (Some(tag), _) => tag.clone(),
                // A string told apart by its format, named by it.
                (None, Some(format)) => format!("{} {}", format.name(), m.written),
                (None, None) => m.written.clone(),
            })
            .collect();
        let mut quiet = false;
        let checks: Vec<TokenStream> = union
            .members
            .iter()
            .filter_map(|m| {
                let variant = m.variant.ident();
                let tag = match (&union.tag, &m.tag, &m.tag_field) {
                    (Some(field), Some(value), Some(tag_field)) => {
                        let id = tag_field.ident.ident();
                        let held = match (tag_field.optional, tag_field.is_enum) {
                            (false, true) => quote!(v.#id.as_str()),
                            (false, false) => quote!(v.#id),
                            (true, true) => quote!(t.as_str()),
                            (true, false) => quote!(t),
                        };
                        let check = quote!(__ep::check_known(#held == #value, &[#value], &p.field(#field), errors););
                        Some(if tag_field.optional {
                            quote!(if let __ep::Some(t) = &v.#id { #check })
                        } else {
                            check
                        })
                    }
                    _ => None,
                };
                let rules = m
                    .ty
                    .has_rules
                    .then(|| self.checks(&m.ty, &quote!(v), &quote!(p), 0));
                if tag.is_none() && rules.is_none() {
                    quiet = true;
                    return None;
                }
                Some(quote!(Self::#variant(v) => { let p = *path; #tag #rules }))
            })
            .collect();
        let quiet = quiet.then(|| quote!(_ => {}));
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq)]
            pub enum #name {
                #(#variant_docs #variants(#types),)*
                /// A value no member describes, kept as sent.
                Other(__ep::serde_json::Value),
            }
            impl __ep::serde::Serialize for #name {
                fn serialize<S: __ep::serde::Serializer>(&self, s: S) -> __ep::Result<S::Ok, S::Error> {
                    match self {
                        #(Self::#variants(v) => __ep::serde::Serialize::serialize(v, s),)*
                        Self::Other(v) => __ep::serde::Serialize::serialize(v, s),
                    }
                }
            }
            impl<'de> __ep::serde::Deserialize<'de> for #name {
                fn deserialize<D: __ep::serde::Deserializer<'de>>(d: D) -> __ep::Result<Self, D::Error> {
                    let u = __ep::UnionValue::read(d)?;
                    #read
                }
            }
            impl __ep::Validate for #name {
                fn validate_into(&self, path: &__ep::Path<'_>, errors: &mut __ep::ValidationErrors) {
                    match self {
                        #(#checks)*
                        Self::Other(_) => __ep::check_member(path, &[#(#listed),*], errors),
                        #quiet
                    }
                }
            }
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
        let (serde, body) = self.struct_fields(&refs, &vec![None; refs.len()], None);
        let (derive_debug, debug_impl) = self.debug(&name, &refs, &[], &[]);
        let validate = ty
            .has_rules
            .then(|| self.validate_impl(&name, &refs, &[], Vec::new(), Some(ty)));
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
        let other = ty.other_variant.ident();
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
        lines.push(format!(
            "The documented values. A value outside them is kept in `{other}`, and `validate` refuses it in a request."
        ));
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
                    match self { #(Self::#variants => #lits,)* Self::#other(v) => *v }
                }
                /// The variant for a value on the wire.
                pub fn from_wire(value: i64) -> Self {
                    match value { #(#lits => Self::#variants,)* other => Self::#other(other) }
                }
            };
            (quote!(i64), fns)
        } else {
            let fns = quote! {
                /// The value on the wire.
                pub fn as_str(&self) -> &str {
                    match self { #(Self::#variants => #wire,)* Self::#other(v) => v }
                }
                /// The variant for a value on the wire.
                pub fn from_wire(value: &str) -> Self {
                    match value { #(#wire => Self::#variants,)* other => Self::#other(other.into()) }
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
                #other(#other_ty),
            }
            impl #name {
                /// The documented values, as on the wire.
                pub const VALUES: &'static [&'static str] = &[#(#wire),*];
                #wire_fns
            }
            #serde_impls
            impl __ep::Validate for #name {
                fn validate_into(&self, path: &__ep::Path<'_>, errors: &mut __ep::ValidationErrors) {
                    __ep::check_known(!matches!(self, Self::#other(_)), Self::VALUES, path, errors);
                }
            }
        }
    }
}
