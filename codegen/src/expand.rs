//! Stage three: checked model → tokens. One function per generated item;
//! behaviour lives in the runtime (`__ep::…`), so what is generated stays
//! declarations and flat lists of calls.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::case;
use crate::model::{BodyEncoding, Field, In, Kind, Param, Response, Spec, Type};

/// How the expansion refers to the outside world.
#[derive(Debug, Clone)]
pub struct Options {
    /// The path of the `endpoints` crate as the generated code sees it.
    pub crate_path: TokenStream,
    /// Whether to `include_bytes!` every file the spec was read from, so
    /// cargo rebuilds when one changes (the macro's way; build.rs tells cargo
    /// through `rerun-if-changed` instead). Needs absolute paths.
    pub track_files: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            crate_path: quote!(::endpoints),
            track_files: true,
        }
    }
}

/// The module for one checked spec.
pub fn expand(spec: &Spec, options: &Options) -> TokenStream {
    let cx = Gen { spec };
    let name = ident(&spec.name);
    let krate = &options.crate_path;
    let docs = cx.module_docs();
    let track = spec
        .files
        .iter()
        .filter(|_| options.track_files)
        .map(|file| {
            let path = file.path.to_string_lossy();
            quote!(
                const _: &[u8] = include_bytes!(#path);
            )
        });
    // Aliases generate nothing of their own: they are inlined where used.
    let types = spec
        .types
        .iter()
        .filter(|(_, ty)| ty.item.is_some())
        .map(|(key, ty)| cx.items(ty, Some(key)));
    let params = spec.params.iter().map(|p| cx.items(&p.field.ty, None));
    let responses = spec.responses.iter().map(|r| {
        let body = r.body.iter().map(|b| cx.items(b, None));
        let headers = r.headers.iter().map(|h| cx.items(&h.ty, None));
        quote!(#(#body)* #(#headers)*)
    });
    let request = cx.request();
    let endpoint = cx.endpoint_impl();
    let response = cx.response();
    quote! {
        #docs
        pub mod #name {
            use #krate::__private as __ep;
            #(#track)*
            #request
            #endpoint
            #response
            #(#params)*
            #(#responses)*
            #(#types)*
        }
    }
}

struct Gen<'a> {
    spec: &'a Spec,
}

/// The named types a value of `ty` holds inline (not behind an array or map).
fn direct_refs(ty: &Type, out: &mut Vec<String>) {
    match &ty.kind {
        Kind::Named(n) => out.push(n.clone()),
        Kind::Object(fields) => fields.iter().for_each(|f| direct_refs(&f.ty, out)),
        _ => {}
    }
}

/// Whether a value of the named type `from` holds a `to` inline, itself
/// included: a field of type `from` inside `to` must then be boxed.
fn reaches(types: &std::collections::BTreeMap<String, Type>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(name) = stack.pop() {
        if name == to {
            return true;
        }
        if seen.insert(name.clone()) {
            if let Some(def) = types.get(&name) {
                direct_refs(def, &mut stack);
            }
        }
    }
    false
}

/// An identifier from a settled name; raw identifiers keep their `r#`.
fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) if case::is_ident(name) => Ident::new_raw(raw, Span::call_site()),
        _ if case::is_ident(name) => Ident::new(name, Span::call_site()),
        // `check` never settles an invalid name; this keeps a broken model
        // from panicking the macro.
        _ => Ident::new("__invalid_name", Span::call_site()),
    }
}

fn docs<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) -> TokenStream {
    let lines = lines.into_iter().map(|line| {
        let line = format!(" {}", autolink(line.as_ref()));
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Wraps the bare URLs of spec text in `<…>`, so rustdoc links them instead
/// of warning about them in the user's crate.
fn autolink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let before = &rest[..at];
        // Already a link, code, or a Markdown link's target.
        let quoted = before.ends_with(['<', '`', '"']) || before.ends_with("](");
        let end = rest[at..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |e| at + e);
        let url = rest[at..end].trim_end_matches(['.', ',', ';', ':', ')', '\'', '"']);
        out.push_str(before);
        if quoted {
            out.push_str(url);
        } else {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
        rest = &rest[at + url.len()..];
    }
    out.push_str(rest);
    out
}

fn opt<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(__ep::Some(#v)),
        None => quote!(__ep::None),
    }
}

impl Gen<'_> {
    fn def(&self, name: &str) -> Option<&Type> {
        self.spec.types.get(name)
    }

    fn module_docs(&self) -> TokenStream {
        let spec = self.spec;
        let mut lines = Vec::new();
        if let Some(summary) = &spec.summary {
            lines.push(summary.clone());
            lines.push(String::new());
        }
        lines.push(format!("`{} {}`", spec.method.as_str(), spec.path));
        if let Some(base) = &spec.base_url {
            lines.push(String::new());
            lines.push(format!("Base URL: <{base}>"));
        }
        if let Some(description) = &spec.description {
            lines.push(String::new());
            lines.extend(description.lines().map(str::to_string));
        }
        docs(lines)
    }

    /// The Rust type of a value of `ty`.
    fn rust_type(&self, ty: &Type) -> TokenStream {
        if let Some(item) = &ty.item {
            let item = ident(item);
            return quote!(#item);
        }
        match &ty.kind {
            Kind::String => quote!(__ep::String),
            Kind::Integer => quote!(i64),
            Kind::Number => quote!(f64),
            Kind::Boolean => quote!(bool),
            Kind::Any | Kind::Object(_) => quote!(__ep::serde_json::Value),
            Kind::Array(of) => {
                let of = self.rust_type(of);
                quote!(__ep::Vec<#of>)
            }
            Kind::Map(of) => {
                let of = self.rust_type(of);
                quote!(__ep::BTreeMap<__ep::String, #of>)
            }
            Kind::Named(name) => match self.def(name).and_then(|d| d.item.as_deref()) {
                Some(item) => {
                    let item = ident(item);
                    quote!(#item)
                }
                None => quote!(__ep::serde_json::Value),
            },
        }
    }

    /// A field's Rust type; `owner` is the named type whose definition holds
    /// the field. A field that would make its owner contain itself is boxed,
    /// or the type would be infinite.
    fn field_type(&self, field: &Field, owner: Option<&str>) -> TokenStream {
        let ty = self.rust_type(&field.ty);
        let ty = match (&field.ty.kind, owner) {
            (Kind::Named(n), Some(owner)) if reaches(&self.spec.types, n, owner) => {
                quote!(__ep::Box<#ty>)
            }
            _ => ty,
        };
        if field.flatten && matches!(field.ty.kind, Kind::Map(_)) {
            // An absent flattened map is an empty one.
            ty
        } else if field.is_optional() {
            quote!(__ep::Option<#ty>)
        } else {
            ty
        }
    }

    /// Whether a value of `ty` has any rule for `validate` to check.
    fn has_rules(&self, ty: &Type, seen: &mut BTreeSet<String>) -> bool {
        if ty.values.is_some() {
            return true;
        }
        match &ty.kind {
            Kind::String => {
                ty.min_length.is_some()
                    || ty.max_length.is_some()
                    || ty.pattern.is_some()
                    || ty.format.is_some()
            }
            Kind::Integer | Kind::Number => ty.minimum.is_some() || ty.maximum.is_some(),
            Kind::Array(of) | Kind::Map(of) => {
                ty.min_items.is_some() || ty.max_items.is_some() || self.has_rules(of, seen)
            }
            Kind::Object(fields) => fields.iter().any(|f| self.has_rules(&f.ty, seen)),
            Kind::Named(name) => {
                // A recursive type has rules only where its fields have them.
                seen.insert(name.clone()) && self.def(name).is_some_and(|d| self.has_rules(d, seen))
            }
            Kind::Boolean | Kind::Any => false,
        }
    }

    fn field_docs(&self, field: &Field, location: Option<In>) -> TokenStream {
        let mut lines: Vec<String> = Vec::new();
        if let Some(d) = &field.description {
            lines.extend(d.lines().map(str::to_string));
            lines.push(String::new());
        }
        let mut facts = vec![match location {
            Some(In::Header) => format!("Header `{}`", field.name),
            Some(i) => format!("`{}` in the {}", field.name, i.as_str()),
            None => format!("`{}`", field.name),
        }];
        if field.required {
            facts.push("required".into());
        }
        if field.nullable {
            facts.push("may be null".into());
        }
        if field.sensitive {
            facts.push("sensitive (never shown by `Debug`)".into());
        }
        facts.extend(constraint_facts(&field.ty));
        if let Some((default, _)) = &field.default {
            facts.push(format!(
                "default `{default}` (assumed by the API when absent; never sent for you)"
            ));
        }
        lines.push(facts.join("; ") + ".");
        docs(lines)
    }

    fn struct_fields(
        &self,
        fields: &[&Field],
        locations: &[Option<In>],
        owner: Option<&str>,
    ) -> TokenStream {
        let fields = fields.iter().zip(locations).map(|(field, location)| {
            let docs = self.field_docs(field, *location);
            let name = ident(&field.ident);
            let ty = self.field_type(field, owner);
            let mut attrs = Vec::new();
            if case::unraw(&field.ident) != field.name {
                let wire = &field.name;
                attrs.push(quote!(rename = #wire));
            }
            if field.flatten {
                attrs.push(quote!(flatten));
            } else if !field.required {
                attrs.push(quote!(
                    default,
                    skip_serializing_if = "__ep::Option::is_none"
                ));
            }
            let serde = (!attrs.is_empty()).then(|| quote!(#[serde(#(#attrs),*)]));
            quote! {
                #docs
                #serde
                pub #name: #ty,
            }
        });
        quote!(#(#fields)*)
    }

    /// `Debug` that prints `<redacted>` for sensitive fields, or a derive.
    /// `leading` and `trailing` are the struct's own fields around `fields`
    /// (a reply's `status` and `body`).
    fn debug(
        &self,
        name: &Ident,
        fields: &[&Field],
        leading: &[&str],
        trailing: &[&str],
    ) -> (TokenStream, TokenStream) {
        if !fields.iter().any(|f| f.sensitive) {
            return (quote!(Debug,), TokenStream::new());
        }
        let label = name.to_string();
        let plain = |names: &[&str]| -> Vec<TokenStream> {
            names
                .iter()
                .map(|n| {
                    let id = format_ident!("{n}");
                    quote!(.field(#n, &self.#id))
                })
                .collect()
        };
        let (leading, trailing) = (plain(leading), plain(trailing));
        let entries = fields.iter().map(|f| {
            let id = ident(&f.ident);
            let shown = case::unraw(&f.ident);
            if f.sensitive {
                quote!(.field(#shown, &__ep::Redacted))
            } else {
                quote!(.field(#shown, &self.#id))
            }
        });
        let imp = quote! {
            impl __ep::fmt::Debug for #name {
                fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
                    f.debug_struct(#label) #(#leading)* #(#entries)* #(#trailing)* .finish()
                }
            }
        };
        (TokenStream::new(), imp)
    }

    /// `impl Validate`: one check per field that has rules.
    fn validate_impl(&self, name: &Ident, fields: &[&Field]) -> TokenStream {
        let checks: Vec<TokenStream> = fields
            .iter()
            .filter(|f| self.has_rules(&f.ty, &mut BTreeSet::new()))
            .map(|f| {
                let id = ident(&f.ident);
                let wire = &f.name;
                let check = self.checks(&f.ty, &quote!(v), &quote!(p), 0);
                if f.is_optional() && !(f.flatten && matches!(f.ty.kind, Kind::Map(_))) {
                    quote! {
                        if let __ep::Some(v) = &self.#id {
                            let p = path.field(#wire);
                            #check
                        }
                    }
                } else {
                    quote! {{
                        let v = &self.#id;
                        let p = path.field(#wire);
                        #check
                    }}
                }
            })
            .collect();
        let (path, errors) = if checks.is_empty() {
            (quote!(_path), quote!(_errors))
        } else {
            (quote!(path), quote!(errors))
        };
        quote! {
            impl __ep::Validate for #name {
                fn validate_into(&self, #path: &__ep::Path<'_>, #errors: &mut __ep::ValidationErrors) {
                    #(#checks)*
                }
            }
        }
    }

    /// The checks for a value `v: &T` of type `ty` at path `p`.
    fn checks(&self, ty: &Type, v: &TokenStream, p: &TokenStream, depth: usize) -> TokenStream {
        if ty.item.is_some()
            || matches!(&ty.kind, Kind::Named(n) if self.def(n).is_some_and(|d| d.item.is_some()))
        {
            return quote!(__ep::Validate::validate_into(#v, &#p, errors););
        }
        match &ty.kind {
            Kind::String => {
                let min = opt(ty.min_length.map(|n| Literal::usize_unsuffixed(n as usize)));
                let max = opt(ty.max_length.map(|n| Literal::usize_unsuffixed(n as usize)));
                let pattern = opt(ty.pattern.as_ref().map(|p| {
                    quote!({
                        static PATTERN: __ep::Pattern = __ep::Pattern::new(#p);
                        &PATTERN
                    })
                }));
                let format = opt(ty.format.map(|f| {
                    let variant = format_ident!(
                        "{}",
                        case::upper_camel(f.as_str()).unwrap_or_else(|| "Email".into())
                    );
                    quote!(__ep::Format::#variant)
                }));
                quote!(__ep::check_str(#v, #min, #max, #pattern, #format, &#p, errors);)
            }
            Kind::Integer => {
                let min = opt(ty.minimum.map(|n| Literal::i64_unsuffixed(n as i64)));
                let max = opt(ty.maximum.map(|n| Literal::i64_unsuffixed(n as i64)));
                quote!(__ep::check_int(*#v, #min, #max, &#p, errors);)
            }
            Kind::Number => {
                let min = opt(ty.minimum.map(Literal::f64_suffixed));
                let max = opt(ty.maximum.map(Literal::f64_suffixed));
                quote!(__ep::check_num(*#v, #min, #max, &#p, errors);)
            }
            Kind::Array(of) | Kind::Map(of) => {
                let mut out = TokenStream::new();
                if ty.min_items.is_some() || ty.max_items.is_some() {
                    let min = opt(ty.min_items.map(|n| Literal::usize_unsuffixed(n as usize)));
                    let max = opt(ty.max_items.map(|n| Literal::usize_unsuffixed(n as usize)));
                    out.extend(quote!(__ep::check_items(#v.len(), #min, #max, &#p, errors);));
                }
                if self.has_rules(of, &mut BTreeSet::new()) {
                    let item = format_ident!("v{}", depth + 1);
                    let item_path = format_ident!("p{}", depth + 1);
                    let inner = self.checks(of, &quote!(#item), &quote!(#item_path), depth + 1);
                    out.extend(if matches!(ty.kind, Kind::Array(_)) {
                        quote! {
                            for (i, #item) in #v.iter().enumerate() {
                                let #item_path = #p.index(i);
                                #inner
                            }
                        }
                    } else {
                        quote! {
                            for (k, #item) in #v {
                                let #item_path = #p.key(k);
                                #inner
                            }
                        }
                    });
                }
                out
            }
            _ => TokenStream::new(),
        }
    }

    /// The enums and structs `ty` generates, nested ones included.
    fn items(&self, ty: &Type, owner: Option<&str>) -> TokenStream {
        let mut out = TokenStream::new();
        if let (Some(item), Some(values)) = (&ty.item, &ty.values) {
            out.extend(self.enum_item(ty, item, values));
        }
        match &ty.kind {
            Kind::Object(fields) => {
                if let Some(item) = &ty.item {
                    out.extend(self.object_item(ty, item, fields, owner));
                }
                for f in fields {
                    out.extend(self.items(&f.ty, owner));
                }
            }
            Kind::Array(of) | Kind::Map(of) => out.extend(self.items(of, owner)),
            _ => {}
        }
        out
    }

    fn object_item(
        &self,
        ty: &Type,
        item: &str,
        fields: &[Field],
        owner: Option<&str>,
    ) -> TokenStream {
        let name = ident(item);
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
        let body = self.struct_fields(&refs, &vec![None; refs.len()], owner);
        let (derive_debug, debug_impl) = self.debug(&name, &refs, &[], &[]);
        let validate = self
            .has_rules(ty, &mut BTreeSet::new())
            .then(|| self.validate_impl(&name, &refs));
        quote! {
            #docs
            #[derive(#derive_debug Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
            #[serde(crate = "__ep::serde")]
            pub struct #name {
                #body
            }
            #debug_impl
            #validate
        }
    }

    fn enum_item(
        &self,
        ty: &Type,
        item: &str,
        values: &[(serde_json::Value, crate::ctxt::Loc)],
    ) -> TokenStream {
        let name = ident(item);
        let integer = ty.kind == Kind::Integer;
        let variants: Vec<Ident> = ty.variants.iter().map(|v| ident(v)).collect();
        let wire: Vec<String> = values
            .iter()
            .map(|(v, _)| v.as_str().map_or_else(|| v.to_string(), str::to_string))
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
                .map(|(v, _)| Literal::i64_unsuffixed(v.as_i64().unwrap_or(0)))
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

    fn request(&self) -> TokenStream {
        let spec = self.spec;
        let fields: Vec<&Field> = spec.params.iter().map(|p| &p.field).collect();
        let locations: Vec<Option<In>> = spec.params.iter().map(|p| Some(p.in_)).collect();
        let name = format_ident!("Request");
        let body = self.struct_fields(&fields, &locations, None);
        let (derive_debug, debug_impl) = self.debug(&name, &fields, &[], &[]);
        let validate = self.validate_impl(&name, &fields);
        let docs = docs([
            format!("The params of `{} {}`.", spec.method.as_str(), spec.path),
            String::new(),
            "Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.".to_string(),
        ]);
        quote! {
            #docs
            #[derive(#derive_debug Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
            #[serde(crate = "__ep::serde")]
            pub struct Request {
                #body
            }
            #debug_impl
            #validate
        }
    }

    fn endpoint_impl(&self) -> TokenStream {
        let spec = self.spec;
        let name = &spec.name;
        let method = format_ident!("{}", spec.method.as_str());
        let path = &spec.path;
        let base_url = opt(spec.base_url.as_ref());
        let body = format_ident!(
            "{}",
            match spec.body {
                BodyEncoding::Json => "Json",
                BodyEncoding::Base64Json => "Base64Json",
                BodyEncoding::Form => "Form",
                BodyEncoding::None => "None",
            }
        );
        let params = spec.params.iter().map(|p| {
            let name = &p.field.name;
            let location = format_ident!(
                "{}",
                match p.in_ {
                    In::Path => "Path",
                    In::Query => "Query",
                    In::Header => "Header",
                    In::Body => "Body",
                }
            );
            let kind = self.wire_kind(&p.field.ty);
            let required = p.field.required;
            let nullable = p.field.nullable;
            let flatten = p.field.flatten;
            quote! {
                __ep::ParamSpec {
                    name: #name,
                    location: __ep::In::#location,
                    kind: #kind,
                    required: #required,
                    nullable: #nullable,
                    flatten: #flatten,
                }
            }
        });
        let table = spec.responses.iter().map(|r| {
            let name = &r.name;
            let code = opt(r.code.as_ref().map(|(c, _)| Literal::u16_unsuffixed(*c)));
            quote!((#name, #code))
        });
        let status_field = opt(spec.status_field.as_ref());
        let refusals = crate::model::REFUSAL_KINDS.iter().map(|kind| {
            let field = format_ident!("{kind}");
            let name = opt(spec
                .refusals
                .iter()
                .find(|r| r.kind == *kind)
                .map(|r| &r.response));
            quote!(#field: #name,)
        });
        let encode = self.encode();
        let decode = self.decode();
        quote! {
            impl __ep::Endpoint for Request {
                type Response = Response;
                const NAME: &'static str = #name;
                const METHOD: __ep::http::Method = __ep::http::Method::#method;
                const PATH: &'static str = #path;
                const BASE_URL: __ep::Option<&'static str> = #base_url;
                const BODY: __ep::BodyEncoding = __ep::BodyEncoding::#body;
                const PARAMS: &'static [__ep::ParamSpec] = &[#(#params),*];
                const RESPONSES: &'static [(&'static str, __ep::Option<u16>)] = &[#(#table),*];
                const STATUS_FIELD: __ep::Option<&'static str> = #status_field;
                const REFUSALS: __ep::Refusals = __ep::Refusals { #(#refusals)* };

                fn to_http_request(&self, base_url: &str) -> __ep::Result<__ep::http::Request<__ep::Vec<u8>>, __ep::Error> {
                    #encode
                }

                fn from_http_response<B: AsRef<[u8]>>(response: __ep::http::Response<B>) -> __ep::Result<Response, __ep::Error> {
                    #decode
                }
            }
        }
    }

    /// How the server reads a param's text: by its (resolved) kind.
    fn wire_kind(&self, ty: &Type) -> TokenStream {
        let kind = match &ty.kind {
            Kind::Named(n) => self.def(n).map_or(&Kind::Any, |d| &d.kind),
            k => k,
        };
        match kind {
            Kind::String => quote!(__ep::WireKind::Text),
            Kind::Integer => quote!(__ep::WireKind::Integer),
            Kind::Number => quote!(__ep::WireKind::Number),
            Kind::Boolean => quote!(__ep::WireKind::Boolean),
            Kind::Array(of) if of.kind.is_scalar() || matches!(of.kind, Kind::Named(_)) => {
                let item = self.wire_kind(of);
                quote!(__ep::WireKind::List(&#item))
            }
            Kind::Map(of) if of.kind.is_scalar() || matches!(of.kind, Kind::Named(_)) => {
                let item = self.wire_kind(of);
                quote!(__ep::WireKind::Map(&#item))
            }
            _ => quote!(__ep::WireKind::Other),
        }
    }

    fn encode(&self) -> TokenStream {
        let spec = self.spec;
        let mut steps = Vec::new();
        // The path, literal pieces around percent-encoded params.
        let mut rest = spec.path.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let literal = &rest[..open];
            if !literal.is_empty() {
                steps.push(quote!(w.path(#literal);));
            }
            let placeholder = &rest[open + 1..close];
            if let Some(p) = spec.params.iter().find(|p| p.field.name == placeholder) {
                let id = ident(&p.field.ident);
                steps.push(quote!(w.path_param(#placeholder, &self.#id);));
            }
            rest = rest.get(close + 1..).unwrap_or("");
        }
        if !rest.is_empty() || steps.is_empty() {
            steps.push(quote!(w.path(#rest);));
        }
        for p in &spec.params {
            let id = ident(&p.field.ident);
            let wire = &p.field.name;
            match p.in_ {
                In::Query => steps.push(quote!(w.query(#wire, &self.#id);)),
                In::Header => steps.push(quote!(w.header(#wire, &self.#id);)),
                In::Path | In::Body => {}
            }
        }
        let body_params: Vec<&Param> = spec.params.iter().filter(|p| p.in_ == In::Body).collect();
        let finish = match spec.body {
            _ if body_params.is_empty() => quote!(w.no_body()),
            BodyEncoding::None => quote!(w.no_body()),
            BodyEncoding::Json => quote!(json),
            BodyEncoding::Base64Json => quote!(base64_json),
            BodyEncoding::Form => quote!(form),
        };
        let finish = if body_params.is_empty() || spec.body == BodyEncoding::None {
            finish
        } else if body_params.len() == spec.params.len() {
            // Every param travels in the body: the request is the body.
            quote!(w.#finish(self))
        } else {
            let fields = body_params.iter().map(|p| {
                let id = ident(&p.field.ident);
                let ty = self.field_type(&p.field, None);
                let wire = &p.field.name;
                let attr = if p.field.flatten {
                    quote!(#[serde(flatten)])
                } else if !p.field.required {
                    quote!(#[serde(rename = #wire, skip_serializing_if = "__ep::is_none")])
                } else {
                    quote!(#[serde(rename = #wire)])
                };
                quote!(#attr #id: &'a #ty,)
            });
            let inits = body_params.iter().map(|p| {
                let id = ident(&p.field.ident);
                quote!(#id: &self.#id,)
            });
            quote! {{
                /// The params that travel in the body, borrowed.
                #[derive(__ep::serde::Serialize)]
                #[serde(crate = "__ep::serde")]
                struct __Body<'a> { #(#fields)* }
                w.#finish(&__Body { #(#inits)* })
            }}
        };
        quote! {
            let mut w = __ep::Encoder::new(Self::METHOD, base_url);
            #(#steps)*
            #finish
        }
    }

    fn decode(&self) -> TokenStream {
        let spec = self.spec;
        let slug = match &spec.status_field {
            Some(field) => quote!(__ep::status_slug(response.body().as_ref(), #field)),
            None => quote!(__ep::None::<__ep::String>),
        };
        let count = spec.responses.len();
        let arms = spec.responses.iter().enumerate().map(|(i, r)| {
            let variant = ident(&r.variant);
            let pattern = if i + 1 == count {
                quote!(_)
            } else {
                let i = Literal::usize_unsuffixed(i);
                quote!(#i)
            };
            let value = if r.headers.is_empty() {
                quote!(__ep::reply(&response).map(Response::#variant))
            } else {
                let reply = format_ident!("{}Reply", r.variant);
                let headers = r.headers.iter().map(|h| {
                    let id = ident(&h.ident);
                    let wire = &h.name;
                    if h.required {
                        quote!(#id: __ep::required_header(response.headers(), #wire)?,)
                    } else {
                        quote!(#id: __ep::header(response.headers(), #wire)?,)
                    }
                });
                quote! {
                    (|| __ep::Ok(Response::#variant(#reply {
                        status: response.status().as_u16(),
                        #(#headers)*
                        body: __ep::body(response.body().as_ref())?,
                    })))()
                }
            };
            quote!(#pattern => #value,)
        });
        if count == 0 {
            return quote! {
                __ep::Ok(Response::Unknown(__ep::RawResponse::from_http(&response)))
            };
        }
        let fast = self.shared_body_fast_path();
        quote! {
            #fast
            let slug = #slug;
            let __ep::Some(i) = __ep::dispatch(response.status().as_u16(), slug.as_deref(), Self::RESPONSES) else {
                return __ep::Ok(Response::Unknown(__ep::RawResponse::from_http(&response)));
            };
            let decoded: __ep::Result<Response, __ep::String> = match i {
                #(#arms)*
            };
            decoded.map_err(|why| __ep::decode_error(Self::RESPONSES[i].0, why, &response))
        }
    }

    /// When every response carries the same named body, which itself holds
    /// the status field as a string (PlanoCore's `Envelope`), the body is
    /// decoded once and the slug read from it: no scan, one parse. A body
    /// that does not decode takes the general path below, so the outcome is
    /// the same either way.
    fn shared_body_fast_path(&self) -> TokenStream {
        let spec = self.spec;
        let Some(field) = &spec.status_field else {
            return TokenStream::new();
        };
        let Some(Kind::Named(name)) = spec
            .responses
            .first()
            .and_then(|r| r.body.as_ref())
            .map(|b| &b.kind)
        else {
            return TokenStream::new();
        };
        let shared = spec.responses.iter().all(|r| {
            r.headers.is_empty()
                && r.body
                    .as_ref()
                    .is_some_and(|b| b.kind == Kind::Named(name.clone()))
        });
        let Some(Kind::Object(fields)) = self.def(name).map(|d| &d.kind) else {
            return TokenStream::new();
        };
        let Some(status) = fields
            .iter()
            .find(|f| f.name == *field && f.ty.kind == Kind::String && f.ty.values.is_none())
        else {
            return TokenStream::new();
        };
        if !shared {
            return TokenStream::new();
        }
        let ty = self.rust_type(spec.responses[0].body.as_ref().unwrap_or(&status.ty));
        let id = ident(&status.ident);
        let slug = if status.is_optional() {
            quote!(body.#id.as_deref())
        } else {
            quote!(__ep::Some(body.#id.as_str()))
        };
        let count = spec.responses.len();
        let arms = spec.responses.iter().enumerate().map(|(i, r)| {
            let variant = ident(&r.variant);
            if i + 1 == count {
                quote!(_ => Response::#variant(reply),)
            } else {
                let i = Literal::usize_unsuffixed(i);
                quote!(#i => Response::#variant(reply),)
            }
        });
        quote! {
            if let __ep::Ok(body) = __ep::body::<#ty>(response.body().as_ref()) {
                let status = response.status().as_u16();
                let __ep::Some(i) = __ep::dispatch(status, #slug, Self::RESPONSES) else {
                    return __ep::Ok(Response::Unknown(__ep::RawResponse::from_http(&response)));
                };
                let reply = __ep::Reply { status, body };
                return __ep::Ok(match i { #(#arms)* });
            }
        }
    }

    fn response(&self) -> TokenStream {
        let spec = self.spec;
        let mut variants = Vec::new();
        let mut replies = Vec::new();
        for r in &spec.responses {
            let variant = ident(&r.variant);
            let docs = self.response_docs(r);
            let body = match &r.body {
                Some(b) => self.rust_type(b),
                None => quote!(__ep::serde_json::Value),
            };
            if r.headers.is_empty() {
                variants.push(quote!(#docs #variant(__ep::Reply<#body>),));
            } else {
                let reply = format_ident!("{}Reply", r.variant);
                let headers: Vec<&Field> = r.headers.iter().collect();
                let fields = headers.iter().map(|h| {
                    let docs = self.field_docs(h, Some(In::Header));
                    let id = ident(&h.ident);
                    let ty = self.field_type(h, None);
                    quote!(#docs pub #id: #ty,)
                });
                let reply_docs = format!(" The `{}` response, with its headers.", r.name);
                let (derive_debug, debug_impl) =
                    self.debug(&reply, &headers, &["status"], &["body"]);
                replies.push(quote! {
                    #[doc = #reply_docs]
                    #[derive(#derive_debug Clone, PartialEq)]
                    pub struct #reply {
                        /// The HTTP status the server sent.
                        pub status: u16,
                        #(#fields)*
                        /// The body.
                        pub body: #body,
                    }
                    #debug_impl
                });
                variants.push(quote!(#docs #variant(#reply),));
            }
        }
        let names = spec.responses.iter().map(|r| {
            let variant = ident(&r.variant);
            let name = &r.name;
            quote!(Self::#variant(_) => #name,)
        });
        let statuses = spec.responses.iter().map(|r| {
            let variant = ident(&r.variant);
            quote!(Self::#variant(r) => r.status,)
        });
        let encodes = spec.responses.iter().map(|r| {
            let variant = ident(&r.variant);
            let name = &r.name;
            let slug = match &spec.status_field {
                Some(field) => quote!(__ep::Some((#field, #name))),
                None => quote!(__ep::None),
            };
            let headers = r.headers.iter().map(|h| {
                let id = ident(&h.ident);
                let wire = &h.name;
                quote!(__ep::set_header(&mut response, #wire, &r.#id);)
            });
            if r.headers.is_empty() {
                quote!(Self::#variant(r) => __ep::encode_response(r.status, &r.body, #slug),)
            } else {
                quote!(Self::#variant(r) => {
                    let mut response = __ep::encode_response(r.status, &r.body, #slug);
                    #(#headers)*
                    response
                })
            }
        });
        let successes = spec.responses.iter().map(|r| {
            let variant = ident(&r.variant);
            let success = r.is_success();
            quote!(Self::#variant(_) => #success,)
        });
        quote! {
            /// What the server answered: a variant per documented response,
            /// or `Unknown` with everything it sent.
            #[derive(Debug, Clone, PartialEq)]
            // Bodies differ in size by nature; boxing them would cost an
            // allocation on every decode.
            #[allow(clippy::large_enum_variant)]
            pub enum Response {
                #(#variants)*
                /// An answer the spec does not document, kept whole.
                Unknown(__ep::RawResponse),
            }
            impl Response {
                /// The documented name of the response, or `unknown`.
                pub fn name(&self) -> &'static str {
                    match self { #(#names)* Self::Unknown(_) => "unknown" }
                }
                /// The HTTP status the server sent.
                pub fn http_status(&self) -> u16 {
                    match self { #(#statuses)* Self::Unknown(raw) => raw.status() }
                }
                /// Whether the spec documents this response as a success; for
                /// `Unknown`, whether the status is 2xx.
                pub fn is_success(&self) -> bool {
                    match self { #(#successes)* Self::Unknown(raw) => (200..300).contains(&raw.status()) }
                }
                /// The response on the wire, as the API would send it (for
                /// servers and fakes); `Unknown` exactly as it was received.
                pub fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> {
                    match self { #(#encodes)* Self::Unknown(raw) => raw.to_http() }
                }
            }
            impl __ep::EndpointResponse for Response {
                fn name(&self) -> &'static str { Response::name(self) }
                fn http_status(&self) -> u16 { Response::http_status(self) }
                fn is_success(&self) -> bool { Response::is_success(self) }
                fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> { Response::to_http_response(self) }
            }
            #(#replies)*
        }
    }

    fn response_docs(&self, r: &Response) -> TokenStream {
        let mut head = format!("`{}`", r.name);
        if let Some((code, _)) = &r.code {
            head.push_str(&format!(" (HTTP {code})"));
        }
        if r.uncommon {
            head.push_str(", uncommon");
        }
        let mut lines = vec![head];
        if let Some(d) = &r.description {
            lines.push(String::new());
            lines.extend(d.lines().map(str::to_string));
        }
        docs(lines)
    }
}

/// The constraints of a type, as doc fragments.
fn constraint_facts(ty: &Type) -> Vec<String> {
    let mut facts = Vec::new();
    let mut push = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push(format!("{key} {v}"));
        }
    };
    push("min_length", ty.min_length.map(|n| n.to_string()));
    push("max_length", ty.max_length.map(|n| n.to_string()));
    push("pattern", ty.pattern.as_ref().map(|p| format!("`{p}`")));
    push("format", ty.format.map(|f| format!("`{}`", f.as_str())));
    push("minimum", ty.minimum.map(|n| n.to_string()));
    push("maximum", ty.maximum.map(|n| n.to_string()));
    push("min_items", ty.min_items.map(|n| n.to_string()));
    push("max_items", ty.max_items.map(|n| n.to_string()));
    if let Some(values) = &ty.values {
        let listed: Vec<String> = values
            .iter()
            .map(|(v, _)| {
                format!(
                    "`{}`",
                    v.as_str().map_or_else(|| v.to_string(), str::to_string)
                )
            })
            .collect();
        facts.push(format!("one of {}", listed.join(", ")));
    }
    facts
}

/// The identifier of a module named after a spec or a directory.
pub fn module_ident(name: &str) -> Ident {
    ident(name)
}

#[cfg(test)]
mod tests {
    use super::autolink;

    #[test]
    fn bare_urls_become_links() {
        assert_eq!(
            autolink("See https://x.example/a/{id}; or (http://y.example)."),
            "See <https://x.example/a/{id}>; or (<http://y.example>)."
        );
        assert_eq!(
            autolink("[docs](https://x.example/d)"),
            "[docs](https://x.example/d)"
        );
        assert_eq!(
            autolink("<https://x.example> and `https://y`"),
            "<https://x.example> and `https://y`"
        );
        assert_eq!(autolink("no links"), "no links");
    }
}
