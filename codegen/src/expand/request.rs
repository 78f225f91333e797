//! The `Request` struct and its `Endpoint` impl: the metadata table, the
//! encoder and the server's `from_params`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, opt, Gen};
use crate::ir::{BodyEncoding, Field, In, Kind, Param, Type};

impl Gen<'_> {
    pub(super) fn request(&self) -> TokenStream {
        let spec = self.spec;
        let fields: Vec<&Field> = spec.params.iter().map(|p| &p.field).collect();
        let locations: Vec<Option<In>> = spec.params.iter().map(|p| Some(p.location)).collect();
        let name = format_ident!("Request");
        let (serde, body) = self.struct_fields(&fields, &locations);
        let (derive_debug, debug_impl) = self.debug(&name, &fields, &[], &[]);
        let validate = self.validate_impl(&name, &fields);
        let docs = docs([
            format!("The params of `{} {}`.", spec.method.as_str(), spec.path),
            String::new(),
            "Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.".to_string(),
        ]);
        quote! {
            #docs
            #[derive(#derive_debug Clone, PartialEq, __ep::serde::Serialize)]
            #serde
            pub struct Request {
                #body
            }
            #debug_impl
            #validate
            impl<'de> __ep::serde::Deserialize<'de> for Request {
                fn deserialize<D: __ep::serde::Deserializer<'de>>(d: D) -> __ep::Result<Self, D::Error> {
                    __ep::deserialize_params(d)
                }
            }
        }
    }

    pub(super) fn endpoint_impl(&self) -> TokenStream {
        let spec = self.spec;
        let name = &spec.name.text;
        let method = format_ident!("{}", format!("{:?}", spec.method));
        let path = &spec.path;
        let idempotent = spec.idempotent;
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
            let location = format_ident!("{}", p.location.name());
            let kind = self.wire_kind(&p.field.ty);
            let mut flags = TokenStream::new();
            if p.field.required {
                flags.extend(quote!(.required()));
            }
            if p.field.nullable {
                flags.extend(quote!(.nullable()));
            }
            if p.field.flatten {
                flags.extend(quote!(.flatten()));
            }
            let mut non_null = Vec::new();
            self.non_null(&p.field.ty, String::new(), 0, &mut non_null);
            if !non_null.is_empty() {
                flags.extend(quote!(.non_null(&[#(#non_null),*])));
            }
            quote!(__ep::ParamSpec::#location(#name, #kind) #flags)
        });
        let refusals = &spec.refusals;
        let (missing, invalid, body_refusal) = (
            opt(refusals.missing.as_ref()),
            opt(refusals.invalid.as_ref()),
            opt(refusals.body.as_ref()),
        );
        let encode = self.encode();
        let takes = spec.params.iter().map(|p| {
            let id = &p.field.ident;
            let wire = &p.field.name;
            if p.field.flatten {
                quote!(#id: params.rest(#wire)?,)
            } else {
                quote!(#id: params.take(#wire)?,)
            }
        });
        quote! {
            impl __ep::Endpoint for Request {
                type Response = Response;
                const METADATA: __ep::Metadata = __ep::Metadata {
                    name: #name,
                    method: __ep::Method::#method,
                    path: #path,
                    idempotent: #idempotent,
                    base_url: #base_url,
                    body: __ep::BodyEncoding::#body,
                    params: &[#(#params),*],
                    refusals: __ep::Refusals { missing: #missing, invalid: #invalid, body: #body_refusal },
                };

                fn to_http_request(&self, base_url: &str) -> __ep::Result<__ep::http::Request<__ep::Vec<u8>>, __ep::Error> {
                    #encode
                }

                fn from_params(params: &mut __ep::Params) -> __ep::Result<Self, __ep::RequestError> {
                    __ep::Ok(Self { #(#takes)* })
                }
            }
        }
    }

    /// Where inside a value of `ty` the spec allows no `null` (the server's
    /// side refuses it there): every field not marked `nullable`, every
    /// array item and map value. `[]` stands for each item, `{}` for each
    /// map value. Named types are followed four levels deep, which bounds
    /// recursive ones.
    fn non_null(&self, ty: &Type, at: String, depth: usize, out: &mut Vec<String>) {
        const DEPTH: usize = 4;
        let step = |at: &str, next: &str| {
            if at.is_empty() || next.starts_with('[') || next.starts_with('{') {
                format!("{at}{next}")
            } else {
                format!("{at}.{next}")
            }
        };
        match &ty.kind {
            Kind::Array(of) | Kind::Map(of) => {
                let here = step(
                    &at,
                    if matches!(ty.kind, Kind::Array(_)) {
                        "[]"
                    } else {
                        "{}"
                    },
                );
                if !matches!(of.kind, Kind::Any) {
                    out.push(here.clone());
                }
                self.non_null(of, here, depth, out);
            }
            Kind::Object(fields) => {
                for f in fields.iter().filter(|f| !f.flatten) {
                    let here = step(&at, &f.name);
                    if !f.nullable && !matches!(f.ty.kind, Kind::Any) {
                        out.push(here.clone());
                    }
                    self.non_null(&f.ty, here, depth, out);
                }
            }
            Kind::Ref(id) if depth < DEPTH => {
                self.non_null(&self.spec.def(*id).ty, at, depth + 1, out)
            }
            _ => {}
        }
    }

    /// How the server reads a param's text: by its kind, a named type's
    /// by its definition's.
    pub(super) fn wire_kind(&self, ty: &Type) -> TokenStream {
        let kind = match &ty.kind {
            Kind::Ref(id) => &self.spec.def(*id).ty.kind,
            k => k,
        };
        let scalar_or_named = |of: &Type| {
            matches!(
                of.kind,
                Kind::String | Kind::Integer | Kind::Number | Kind::Boolean | Kind::Ref(_)
            )
        };
        match kind {
            Kind::String => quote!(__ep::WireKind::Text),
            Kind::Integer => quote!(__ep::WireKind::Integer),
            Kind::Number => quote!(__ep::WireKind::Number),
            Kind::Boolean => quote!(__ep::WireKind::Boolean),
            Kind::Array(of) if scalar_or_named(of) => {
                let item = self.wire_kind(of);
                quote!(__ep::WireKind::List(&#item))
            }
            Kind::Map(of) if scalar_or_named(of) => {
                let item = self.wire_kind(of);
                quote!(__ep::WireKind::Map(&#item))
            }
            _ => quote!(__ep::WireKind::Other),
        }
    }

    pub(super) fn encode(&self) -> TokenStream {
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
                let id = &p.field.ident;
                steps.push(quote!(w.path_param(#placeholder, &self.#id);));
            }
            rest = rest.get(close + 1..).unwrap_or("");
        }
        if !rest.is_empty() || steps.is_empty() {
            steps.push(quote!(w.path(#rest);));
        }
        for p in &spec.params {
            let id = &p.field.ident;
            let wire = &p.field.name;
            match p.location {
                In::Query => steps.push(quote!(w.query(#wire, &self.#id);)),
                In::Header => steps.push(quote!(w.header(#wire, &self.#id);)),
                In::Path | In::Body => {}
            }
        }
        let body_params: Vec<&Param> = spec
            .params
            .iter()
            .filter(|p| p.location == In::Body)
            .collect();
        let finish = match spec.body {
            _ if body_params.is_empty() => quote!(w.no_body()),
            BodyEncoding::None => quote!(w.no_body()),
            BodyEncoding::Json => quote!(json),
            BodyEncoding::Base64Json => quote!(base64_json),
            BodyEncoding::Form => quote!(form),
        };
        let flattened_object = body_params
            .iter()
            .any(|p| p.field.flatten && !matches!(p.field.ty.kind, Kind::Map(_)));
        let finish = if body_params.is_empty() || spec.body == BodyEncoding::None {
            finish
        } else if !flattened_object {
            // Field by field: the serde code is the runtime's, compiled once
            // per field type rather than once per request.
            let writes = body_params.iter().map(|p| {
                let id = &p.field.ident;
                let wire = &p.field.name;
                if p.field.flatten {
                    quote!(b.flatten(&self.#id);)
                } else if !p.field.required {
                    quote!(b.optional(#wire, &self.#id);)
                } else {
                    quote!(b.field(#wire, &self.#id);)
                }
            });
            quote!(w.body(Self::BODY, |b| { #(#writes)* }))
        } else if body_params.len() == spec.params.len() {
            // Every param travels in the body: the request is the body.
            quote!(w.#finish(self))
        } else {
            let fields = body_params.iter().map(|p| {
                let id = &p.field.ident;
                let ty = self.field_type(&p.field);
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
                let id = &p.field.ident;
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
}
