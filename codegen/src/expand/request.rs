//! The `Request` struct and its `Endpoint` impl: the metadata table, the
//! encoder and the server's `from_params`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{docs, opt, Gen};
use crate::ir::{BodyEncoding, ClientFill, ContentKind, Field, In, Kind, Param, Slot, Type};
use crate::model::QueryStyle;

impl Gen<'_> {
    pub(super) fn request(&self) -> TokenStream {
        let spec = self.spec;
        let fields: Vec<&Field> = spec.params.iter().map(|p| &p.field).collect();
        let locations: Vec<Option<In>> = spec.params.iter().map(|p| Some(p.location)).collect();
        let keys: Vec<&str> = spec.params.iter().map(|p| p.key.as_str()).collect();
        let name = format_ident!("Request");
        let (serde, body) = self.struct_fields(&fields, &locations, Some(&keys));
        let (derive_debug, debug_impl) = self.debug(&name, &fields, &[], &[]);
        let filled: Vec<(&str, bool)> = spec
            .params
            .iter()
            .filter(|p| p.field.required)
            .filter_map(|p| Some((p.key.as_str(), p.client? == ClientFill::Credential)))
            .collect();
        // A broken rule names a param by its key: `query path` apart from
        // the path's `path`.
        let keyed: Vec<std::borrow::Cow<Field>> = spec
            .params
            .iter()
            .map(|p| match p.shares_name() {
                true => std::borrow::Cow::Owned(Field {
                    name: p.key.clone(),
                    ..p.field.clone()
                }),
                false => std::borrow::Cow::Borrowed(&p.field),
            })
            .collect();
        let keyed: Vec<&Field> = keyed.iter().map(|f| f.as_ref()).collect();
        let validate = self.validate_impl(&name, &keyed, &filled, self.request_checks(), None);
        let builder = self.builders.then(|| self.builder());
        let docs = docs([
            format!("The params of `{} {}`.", spec.route.method.as_str(), spec.route.path),
            String::new(),
            match spec.params.iter().any(|p| p.shares_name()) {
                true => "Serializes with every param under its wire name (one that shares its name with a param in another place under its place and name: `query path`); `to_http_request` puts each where the spec says it travels.",
                false => "Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.",
            }
            .to_string(),
        ]);
        let example = spec
            .examples
            .first()
            .map(|e| super::docs::example_docs("Example body", e));
        let docs = quote!(#docs #example);
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
            #builder
        }
    }

    /// `Request::builder()`: a setter per param, and a `build()` that
    /// compiles once every required param is set. Which are set is in the
    /// builder's type, one parameter per required param, so the compiler
    /// names a missing one (`build()` needs every required param: `email`
    /// is not set). Every setter lives in one generic impl and moves one
    /// struct of the params, so the code grows with the params, not with
    /// their square; nothing is compiled until a builder is used.
    fn builder(&self) -> TokenStream {
        let params = &self.spec.params;
        // Required params a client cannot fill in: the builder's type says
        // whether each is set. A flattened map is not one: it is a plain
        // map, empty unless set.
        let flat_map = |p: &Param| p.field.flatten && matches!(p.field.ty.kind, Kind::Map(_));
        let gated: Vec<&Param> = params
            .iter()
            .filter(|p| p.field.required && p.client.is_none() && !flat_map(p))
            .collect();
        let states: Vec<Ident> = (0..gated.len()).map(|i| format_ident!("__S{i}")).collect();
        let markers: Vec<&crate::ir::RustName> = gated.iter().map(|p| &p.field.ident).collect();
        let mut storage = Vec::new();
        let mut empty = Vec::new();
        let mut setters = Vec::new();
        let mut finish = Vec::new();
        for p in params {
            let f = &p.field;
            let id = &f.ident;
            let ty = self.field_type(f);
            let inner = self.rust_type(&f.ty);
            let doc = format!(
                " Sets `{}`{}.",
                f.name,
                match () {
                    _ if f.required && p.client.is_some() =>
                        " (required; the client fills it in when unset)",
                    _ if f.required => " (required)",
                    _ => "",
                }
            );
            if let Some(i) = gated.iter().position(|g| std::ptr::eq(*g, p)) {
                let after = states.iter().enumerate().map(|(j, s)| {
                    if j == i {
                        quote!(__ep::Set)
                    } else {
                        quote!(#s)
                    }
                });
                storage.push(quote!(#id: __ep::Option<#ty>,));
                empty.push(quote!(#id: __ep::None,));
                setters.push(quote! {
                    #[doc = #doc]
                    pub fn #id(mut self, value: impl __ep::Into<#ty>) -> Builder<#(#after),*> {
                        self.params.#id = __ep::Some(value.into());
                        Builder { params: self.params, state: __ep::PhantomData }
                    }
                });
                finish.push(quote!(#id: __ep::built(#id),));
                continue;
            }
            // What the setter takes, how it is stored, and the value before.
            let (value, stored, start) = match f.slot {
                Slot::Option => (inner, quote!(__ep::Some(value.into())), quote!(__ep::None)),
                Slot::Nullable => (
                    quote!(__ep::Nullable<#inner>),
                    quote!(value.into()),
                    quote!(__ep::Nullable::Absent),
                ),
                Slot::Value => (
                    ty.clone(),
                    quote!(value.into()),
                    quote!(__ep::Default::default()),
                ),
            };
            storage.push(quote!(#id: #ty,));
            empty.push(quote!(#id: #start,));
            setters.push(quote! {
                #[doc = #doc]
                pub fn #id(mut self, value: impl __ep::Into<#value>) -> Self {
                    self.params.#id = #stored;
                    self
                }
            });
            finish.push(quote!(#id,));
        }
        let required: Vec<String> = gated
            .iter()
            .map(|p| format!("`{}`", p.field.name))
            .collect();
        let docs = if required.is_empty() {
            " A builder for [`Request`]: a setter per param; every param may be left out."
                .to_string()
        } else {
            format!(
                " A builder for [`Request`]: a setter per param; `build()` compiles once {} {} set.",
                required.join(", "),
                if required.len() == 1 { "is" } else { "are" }
            )
        };
        let (markers_mod, defaults, bounds) = if gated.is_empty() {
            (TokenStream::new(), TokenStream::new(), TokenStream::new())
        } else {
            (
                quote! {
                    /// The required params a [`Builder`] has not set yet, by name.
                    #[allow(non_camel_case_types)]
                    pub mod missing {
                        #(
                            #[doc = " Not set yet."]
                            pub struct #markers;
                        )*
                    }
                },
                quote!(<#(#states = missing::#markers),*>),
                quote!(where #(#states: __ep::IsSet),*),
            )
        };
        let ids = params.iter().map(|p| &p.field.ident);
        let generics = (!gated.is_empty()).then(|| quote!(<#(#states),*>));
        let phantom = quote!(__ep::PhantomData<(#(#states,)*)>);
        quote! {
            impl Request {
                /// Starts a [`Builder`]: a setter per param, then `build()`.
                pub fn builder() -> Builder {
                    Builder { params: BuilderParams { #(#empty)* }, state: __ep::PhantomData }
                }
            }
            #[doc = #docs]
            #[must_use = "a builder does nothing until `build()`"]
            #[allow(clippy::type_complexity)]
            pub struct Builder #defaults {
                params: BuilderParams,
                state: #phantom,
            }
            struct BuilderParams { #(#storage)* }
            #markers_mod
            impl #generics Builder #generics {
                #(#setters)*
                /// The request, every required param set.
                pub fn build(self) -> Request #bounds {
                    let BuilderParams { #(#ids),* } = self.params;
                    Request { #(#finish)* }
                }
            }
        }
    }

    pub(super) fn endpoint_impl(&self) -> TokenStream {
        let spec = self.spec;
        let name = &spec.name.text;
        let method = format_ident!("{}", spec.route.method.variant_name());
        let path = &spec.route.path;
        let idempotent = spec.route.idempotent;
        let base_url = opt(spec.route.base_url.as_ref());
        let body = format_ident!("{}", spec.route.body.variant_name());
        let params = spec.params.iter().map(|p| {
            let name = &p.field.name;
            let location = format_ident!("{}", p.location.name());
            let multipart = spec.route.body == BodyEncoding::Multipart && p.location == In::Body;
            let kind = match &p.field.ty.kind {
                // `bytes` in a multipart body are a part of their own.
                Kind::Bytes if multipart => quote!(__ep::WireKind::Bytes),
                Kind::Array(of) if multipart && matches!(of.kind, Kind::Bytes) => {
                    quote!(__ep::WireKind::List(&__ep::WireKind::Bytes))
                }
                // Texts in brackets, however deep: a form body's and a
                // bracketed query's.
                _ if (p.location == In::Body && spec.route.body == BodyEncoding::Form)
                    || p.style == QueryStyle::Brackets =>
                {
                    self.deep_wire_kind(&p.field.ty, 4)
                }
                _ => self.wire_kind(&p.field.ty),
            };
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
            if p.client.is_some() {
                flags.extend(quote!(.client()));
            }
            if let Some(media) = &p.whole_body {
                flags.extend(quote!(.whole_body(#media)));
            }
            if p.shares_name() {
                flags.extend(quote!(.shares_name()));
            }
            if p.style != QueryStyle::Repeat {
                let style = format_ident!("{}", p.style.variant_name());
                flags.extend(quote!(.style(__ep::QueryStyle::#style)));
            }
            let mut non_null = Vec::new();
            self.non_null(&p.field.ty, String::new(), 0, &mut non_null);
            if !non_null.is_empty() {
                flags.extend(quote!(.non_null(&[#(#non_null),*])));
            }
            quote!(__ep::ParamSpec::#location(#name, #kind) #flags)
        });
        // The fixed params, after the request's own: read and required by
        // the server side, and the endpoint told apart by them.
        let fixed = spec.fixed.iter().map(|f| {
            let (name, text) = (&f.name, &f.text);
            let location = format_ident!("{}", f.location.name());
            let kind = match f.kind {
                "integer" => quote!(__ep::WireKind::Integer),
                "number" => quote!(__ep::WireKind::Number),
                "boolean" => quote!(__ep::WireKind::Boolean),
                _ => quote!(__ep::WireKind::Text),
            };
            quote!(__ep::ParamSpec::#location(#name, #kind).fixed(#text))
        });
        let params = params.chain(fixed);
        let refusals = &spec.refusals;
        let (missing, invalid, body_refusal) = (
            opt(refusals.missing.as_ref()),
            opt(refusals.invalid.as_ref()),
            opt(refusals.body.as_ref()),
        );
        let encode = self.encode();
        let fills: Vec<TokenStream> = spec
            .params
            .iter()
            .filter_map(|p| {
                let id = &p.field.ident;
                let wire = &p.field.name;
                Some(match p.client? {
                    ClientFill::Credential => quote!(defaults.fill_credential(&mut self.#id);),
                    ClientFill::Shared => quote!(defaults.fill(#wire, &mut self.#id);),
                })
            })
            .collect();
        let apply_defaults = (!fills.is_empty()).then(|| {
            quote! {
                fn apply_defaults(&mut self, defaults: &__ep::Defaults) {
                    #(#fills)*
                }
            }
        });
        // A flattened param takes every key the others leave, so it is read
        // after them whatever its place in the spec.
        let ordered = spec
            .params
            .iter()
            .filter(|p| !p.field.flatten)
            .chain(spec.params.iter().filter(|p| p.field.flatten));
        let takes = ordered.map(|p| {
            let id = &p.field.ident;
            let wire = &p.key;
            if p.field.flatten && p.field.slot == Slot::Option {
                quote!(#id: params.rest_optional(#wire)?,)
            } else if p.field.flatten {
                quote!(#id: params.rest(#wire)?,)
            } else if p.field.slot == Slot::Nullable {
                quote!(#id: params.take_nullable(#wire)?,)
            } else {
                quote!(#id: params.take(#wire)?,)
            }
        });
        let paged = spec.pages.as_ref().map(|pages| {
            let style = format_ident!("{}", pages.style.variant_name());
            let (param, items, next) = (&pages.param, &pages.items, &pages.next);
            let item = self.page_item(&pages.items);
            quote! {
                impl __ep::Paged for Request {
                    type Item = #item;
                    const PAGING: __ep::Paging =
                        __ep::Paging::new(__ep::PageStyle::#style, #param, #items, #next);
                }
            }
        });
        let example = self.success_example();
        let streaming = self.streaming();
        quote! {
            #paged
            #example
            #streaming
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

                #apply_defaults
            }
        }
    }

    /// The Rust type of one item of a page: the item type of the array at
    /// `path` in the first success's body, followed through named objects;
    /// `serde_json::Value` where the spec leaves it untyped.
    fn page_item(&self, path: &str) -> TokenStream {
        let untyped = quote!(__ep::serde_json::Value);
        let Some(mut ty) = self
            .spec
            .responses
            .iter()
            .find(|r| r.success)
            .and_then(|r| r.body.as_ref())
        else {
            return untyped;
        };
        for key in path.split('.').filter(|k| !k.is_empty()) {
            let object = match &ty.kind {
                Kind::Ref(id) => &self.spec.def(*id).ty,
                _ => ty,
            };
            let Kind::Object(fields) = &object.kind else {
                return untyped;
            };
            match fields.iter().find(|f| f.name == key && !f.flatten) {
                Some(field) => ty = &field.ty,
                None => return untyped,
            }
        }
        let array = match &ty.kind {
            Kind::Ref(id) => &self.spec.def(*id).ty,
            _ => ty,
        };
        match &array.kind {
            Kind::Array(of) => self.rust_type(of),
            _ => untyped,
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
                if !matches!(of.kind, Kind::Any) && !of.nullable {
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
        let kind = self.spec.kind_of(ty);
        let scalar_or_named = |of: &Type| {
            matches!(
                of.kind,
                Kind::String
                    | Kind::Bytes
                    | Kind::File
                    | Kind::Integer
                    | Kind::Number
                    | Kind::Boolean
                    | Kind::Ref(_)
            )
        };
        match kind {
            Kind::String | Kind::Bytes | Kind::Upload => quote!(__ep::WireKind::Text),
            Kind::File => quote!(__ep::WireKind::File),
            Kind::Union(u)
                if u.tag.is_none()
                    && u.members.iter().all(|m| match &m.ty.kind {
                        Kind::Ref(id) => self.spec.def(*id).ty.values.is_some(),
                        k => matches!(
                            k,
                            Kind::String
                                | Kind::Bytes
                                | Kind::Integer
                                | Kind::Number
                                | Kind::Boolean
                        ),
                    }) =>
            {
                let members = u.members.iter().map(|m| self.wire_kind(&m.ty));
                quote!(__ep::WireKind::Scalars(&[#(#members),*]))
            }
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

    /// How the texts of a value in brackets (a form body's param, a
    /// bracketed query param) read, however deep: objects by their fields,
    /// unions by their members, named types followed `depth` levels (which
    /// bounds recursive ones; deeper texts stay text).
    pub(super) fn deep_wire_kind(&self, ty: &Type, depth: usize) -> TokenStream {
        let kind = self.spec.kind_of(ty);
        if depth == 0 {
            return quote!(__ep::WireKind::Other);
        }
        match kind {
            Kind::Array(of) => {
                let item = self.deep_wire_kind(of, depth - 1);
                quote!(__ep::WireKind::List(&#item))
            }
            Kind::Map(of) => {
                let item = self.deep_wire_kind(of, depth - 1);
                quote!(__ep::WireKind::Map(&#item))
            }
            Kind::Object(fields) => {
                let fields = fields.iter().filter(|f| !f.flatten).map(|f| {
                    let name = &f.name;
                    let kind = self.deep_wire_kind(&f.ty, depth - 1);
                    quote!((#name, #kind))
                });
                quote!(__ep::WireKind::Object(&[#(#fields),*]))
            }
            Kind::Union(u) => match self.wire_kind(ty) {
                // A union of scalars reads as one.
                scalars if u.members.iter().all(|m| !self.nests(&m.ty)) => scalars,
                _ => {
                    let members = u
                        .members
                        .iter()
                        .map(|m| self.deep_wire_kind(&m.ty, depth - 1));
                    quote!(__ep::WireKind::Union(&[#(#members),*]))
                }
            },
            _ => self.wire_kind(ty),
        }
    }

    /// Whether a value of `ty` may be an object, a map or an array.
    fn nests(&self, ty: &Type) -> bool {
        matches!(
            self.spec.kind_of(ty),
            Kind::Array(_) | Kind::Map(_) | Kind::Object(_) | Kind::Union(_)
        )
    }

    /// How a multipart body carries a param of type `ty`.
    fn part_kind(&self, ty: &Type) -> PartKind {
        let resolved = |t: &Type| match &t.kind {
            Kind::Ref(id) => self.spec.def(*id).ty.kind.clone(),
            k => k.clone(),
        };
        let scalar = |k: &Kind| {
            matches!(
                k,
                Kind::String | Kind::Integer | Kind::Number | Kind::Boolean
            ) || matches!(k, Kind::Ref(id) if self.spec.def(*id).ty.values.is_some())
        };
        match resolved(ty) {
            Kind::File | Kind::Bytes => PartKind::File,
            Kind::Array(of) if matches!(of.kind, Kind::File | Kind::Bytes) => PartKind::File,
            Kind::Array(of) if scalar(&of.kind) => PartKind::Text,
            k if scalar(&k) => PartKind::Text,
            _ => PartKind::Json,
        }
    }

    /// The rules of a request as a whole, beside its fields' own: a
    /// required list outside the body left empty sends nothing, as if left
    /// out; an entry of a flattened body map named like another param
    /// would repeat that param's key in the body (or, named like a query,
    /// path or header param, be dropped by a server that reads params by
    /// name).
    fn request_checks(&self) -> Vec<TokenStream> {
        let spec = self.spec;
        let on_value = |p: &Param, check: TokenStream| {
            let id = &p.field.ident;
            match p.field.slot {
                Slot::Value => quote!({ let v = &self.#id; #check }),
                _ => quote!(if let __ep::Some(v) = &self.#id { #check }),
            }
        };
        let mut checks = Vec::new();
        for p in &spec.params {
            let wire = &p.key;
            let ty = match &p.field.ty.kind {
                Kind::Ref(id) => &spec.def(*id).ty,
                _ => &p.field.ty,
            };
            // `min_items` of 1 or more says so already.
            let no_minimum = ty.constraints.min_items.unwrap_or(0) == 0
                && p.field.ty.constraints.min_items.unwrap_or(0) == 0;
            if p.field.required
                && !p.field.flatten
                && p.location != In::Body
                && matches!(ty.kind, Kind::Array(_))
                && no_minimum
            {
                checks.push(on_value(
                    p,
                    quote! {
                        if v.is_empty() {
                            errors.push(&path.field(#wire), __ep::Rule::EmptyList);
                        }
                    },
                ));
            }
            if p.field.flatten && p.location == In::Body && matches!(ty.kind, Kind::Map(_)) {
                let names = spec
                    .fixed
                    .iter()
                    .map(|f| f.name.as_str())
                    .chain(spec.params.iter().map(|o| o.field.name.as_str()))
                    .filter(|n| *n != wire.as_str());
                checks.push(on_value(
                    p,
                    quote! {
                        let p = path.field(#wire);
                        for key in v.keys() {
                            if let __ep::Some(name) = [#(#names),*].into_iter().find(|n| *n == key.as_str()) {
                                errors.push(&p.key(key), __ep::Rule::NamedLikeParam { name });
                            }
                        }
                    },
                ));
            }
        }
        checks
    }

    pub(super) fn encode(&self) -> TokenStream {
        let spec = self.spec;
        let mut steps = Vec::new();
        // The path, literal pieces around percent-encoded params.
        let mut rest = spec.route.path.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let literal = &rest[..open];
            if !literal.is_empty() {
                steps.push(quote!(w.path(#literal);));
            }
            let placeholder = &rest[open + 1..close];
            if let Some(p) = spec
                .params
                .iter()
                .find(|p| p.location == In::Path && p.field.name == placeholder)
            {
                let id = &p.field.ident;
                let list = matches!(self.spec.kind_of(&p.field.ty), Kind::Array(_));
                let between = separators(&spec.route.path, placeholder).unwrap_or_default();
                steps.push(match separators(&spec.route.path, placeholder) {
                    _ if list => quote!(w.path_list(#placeholder, &self.#id, #between);),
                    Some(between) if !between.is_empty() => {
                        quote!(w.path_param_beside(#placeholder, &self.#id, #between);)
                    }
                    _ => quote!(w.path_param(#placeholder, &self.#id);),
                });
            }
            rest = rest.get(close + 1..).unwrap_or("");
        }
        if !rest.is_empty() || steps.is_empty() {
            steps.push(quote!(w.path(#rest);));
        }
        // The fixed params first: they name the endpoint.
        for f in &spec.fixed {
            let (wire, text) = (&f.name, &f.text);
            steps.push(match f.location {
                In::Query if text.is_empty() => quote!(w.query_key(#wire);),
                In::Query => quote!(w.query(#wire, #text);),
                In::Header => {
                    let lower = wire.to_ascii_lowercase();
                    let name = quote!(const { __ep::http::HeaderName::from_static(#lower) });
                    quote!(w.header(#name, #wire, #text);)
                }
                In::Cookie => quote!(w.cookie(#wire, #text);),
                In::Path | In::Body => continue,
            });
        }
        for p in &spec.params {
            let id = &p.field.ident;
            let wire = &p.field.name;
            match p.location {
                In::Query if p.field.flatten => {
                    // The keys a server reads as other params: an entry
                    // under one would not come back as an entry.
                    let names = spec
                        .fixed
                        .iter()
                        .map(|f| f.name.as_str())
                        .chain(spec.params.iter().map(|o| o.field.name.as_str()))
                        .filter(|n| *n != wire);
                    let bracketed = spec
                        .params
                        .iter()
                        .filter(|o| o.location == In::Query && o.style == QueryStyle::Brackets)
                        .map(|o| o.field.name.as_str());
                    steps.push(
                        quote!(w.query_entries(&self.#id, &[#(#names),*], &[#(#bracketed),*]);),
                    )
                }
                In::Query => steps.push(match (p.style, p.style.separator()) {
                    (_, Some(separator)) => {
                        quote!(w.query_joined(#wire, &self.#id, #separator);)
                    }
                    (QueryStyle::Brackets, None) => quote!(w.query_brackets(#wire, &self.#id);),
                    _ => quote!(w.query(#wire, &self.#id);),
                }),
                In::Header => {
                    // The name `http` holds, made at compile time: no
                    // parsing or lowercasing per request. The check made
                    // sure the spec's name is an HTTP token.
                    let lower = wire.to_ascii_lowercase();
                    let name = quote!(const { __ep::http::HeaderName::from_static(#lower) });
                    let list = matches!(self.spec.kind_of(&p.field.ty), Kind::Array(_));
                    let sensitive = p.field.sensitive;
                    steps.push(if list {
                        quote!(w.header_list(#name, #wire, &self.#id, #sensitive);)
                    } else if p.field.sensitive {
                        quote!(w.secret_header(#name, #wire, &self.#id);)
                    } else {
                        quote!(w.header(#name, #wire, &self.#id);)
                    })
                }
                In::Cookie if p.field.sensitive => {
                    steps.push(quote!(w.secret_cookie(#wire, &self.#id);))
                }
                In::Cookie => steps.push(quote!(w.cookie(#wire, &self.#id);)),
                In::Path | In::Body => {}
            }
        }
        // What the endpoint answers with, when not only JSON: its media
        // types first, JSON after them (a server choosing by `Accept`
        // must not answer 406).
        let mut accept: Vec<String> = Vec::new();
        for r in &spec.responses {
            if let (Some(media), ContentKind::Text | ContentKind::Binary) =
                (&r.content_type, r.content)
            {
                if !accept.contains(media) {
                    accept.push(media.clone());
                }
            }
        }
        if !accept.is_empty() {
            if spec
                .responses
                .iter()
                .any(|r| r.content == ContentKind::Json)
            {
                accept.push("application/json;q=0.9".into());
            }
            let accept = accept.join(", ");
            steps.push(quote!(w.accept(#accept);));
        }
        let body_params: Vec<&Param> = spec
            .params
            .iter()
            .filter(|p| p.location == In::Body)
            .collect();
        let finish = match spec.route.body {
            _ if body_params.is_empty() => quote!(w.no_body()),
            BodyEncoding::None => quote!(w.no_body()),
            BodyEncoding::Json => quote!(json),
            BodyEncoding::Base64Json => quote!(base64_json),
            BodyEncoding::Form => quote!(form),
            // Sent whole, or part by part, below.
            BodyEncoding::Binary | BodyEncoding::Text | BodyEncoding::Multipart => quote!(json),
        };
        let flattened_object = body_params
            .iter()
            .any(|p| p.field.flatten && !matches!(p.field.ty.kind, Kind::Map(_)));
        let whole = body_params
            .iter()
            .find_map(|p| Some((*p, p.whole_body.as_ref()?)));
        let finish = if body_params.is_empty() || spec.route.body == BodyEncoding::None {
            finish
        } else if let Some((p, media)) = whole {
            // One param is the body: a JSON array or scalar, bytes, text.
            let id = &p.field.ident;
            // A required body that may be `null` sends `null` for `None`.
            let value = match p.field.slot {
                Slot::Value => quote!(__ep::Some(&self.#id)),
                _ if p.field.required => quote!(__ep::Some(&self.#id)),
                _ => quote!(self.#id.as_ref()),
            };
            let send = match spec.route.body {
                BodyEncoding::Binary => quote!(whole_binary),
                BodyEncoding::Text => quote!(whole_text),
                _ => quote!(whole_json),
            };
            if matches!(p.field.ty.kind, Kind::Upload) {
                // A file or a stream travels beside the body, with the
                // rules to read it by.
                let wire = &p.field.name;
                let rules = self.byte_rules(&p.field.ty);
                quote!(w.whole_upload(#value, #media, #wire, #rules))
            } else {
                quote!(w.#send(#value, #media))
            }
        } else if spec.route.body == BodyEncoding::Multipart {
            // A part per param: text for scalars, a part per file, JSON
            // for the rest.
            let writes = body_params.iter().map(|p| {
                let id = &p.field.ident;
                let wire = &p.field.name;
                match self.part_kind(&p.field.ty) {
                    PartKind::File => quote!(m.file(#wire, &self.#id);),
                    PartKind::Text => quote!(m.text(#wire, &self.#id);),
                    PartKind::Json if p.field.slot == Slot::Value => {
                        quote!(m.json(#wire, __ep::Some(&self.#id));)
                    }
                    PartKind::Json => quote!(m.json(#wire, self.#id.as_ref());),
                }
            });
            quote!(w.multipart(|m| { #(#writes)* }))
        } else if !flattened_object {
            // Field by field: the serde code is the runtime's, compiled once
            // per field type rather than once per request.
            let writes = body_params.iter().map(|p| {
                let id = &p.field.ident;
                let wire = &p.field.name;
                if p.field.flatten {
                    quote!(b.flatten(&self.#id);)
                } else if !p.field.required || p.client.is_some() {
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
                } else if !p.field.required || p.client.is_some() {
                    quote!(#[serde(rename = #wire, skip_serializing_if = "__ep::is_absent")])
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

/// How a multipart body carries a param.
enum PartKind {
    /// A part per file (`file`, `bytes`, or an array of them).
    File,
    /// A text part per value (a scalar, or an array of them).
    Text,
    /// One JSON part.
    Json,
}

/// For a placeholder that shares its path segment with another
/// (`{name}.{ext}`), the characters of the text between the segment's
/// placeholders that a value could hold raw (letters, digits, `-._~`):
/// the value escapes them, so the server splits the segment where the
/// spec does. `None` for a placeholder alone in its segment, whose
/// prefix and suffix are fixed and need nothing escaped; empty where the
/// text between is all characters every value escapes anyway (`{a}:{b}`).
fn separators(path: &str, placeholder: &str) -> Option<String> {
    let hole = format!("{{{placeholder}}}");
    let segment = path.split('/').find(|s| s.contains(&hole))?;
    let (first, last) = (segment.find('}')?, segment.rfind('{')?);
    if first > last {
        return None;
    }
    let mut between: Vec<char> = segment[first..last]
        .split('{')
        .flat_map(|piece| {
            piece
                .split_once('}')
                .map_or(piece, |(_, text)| text)
                .chars()
        })
        .filter(|c| c.is_ascii_alphanumeric() || "-._~".contains(*c))
        .collect();
    between.sort_unstable();
    between.dedup();
    Some(between.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::separators;

    #[test]
    fn separators_are_the_unreserved_text_between_a_segments_placeholders() {
        let path = "/files/{name}.{ext}/r{from}-to-{to}.json/{a}:{b}/{id}.json/x";
        assert_eq!(separators(path, "name").as_deref(), Some("."));
        assert_eq!(separators(path, "ext").as_deref(), Some("."));
        // The prefix `r` and suffix `.json` are fixed: not separators.
        assert_eq!(separators(path, "from").as_deref(), Some("-ot"));
        assert_eq!(separators(path, "to").as_deref(), Some("-ot"));
        // `:` is escaped in every value anyway.
        assert_eq!(separators(path, "a").as_deref(), Some(""));
        assert_eq!(separators(path, "id"), None);
        assert_eq!(separators(path, "missing"), None);
    }
}
