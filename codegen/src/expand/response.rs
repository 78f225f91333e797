//! The `Response` enum: its table of documented responses, the two
//! matches the runtime works from, and the reply structs of responses that
//! declare headers.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{docs, opt, Gen, Item};
use crate::ir::{ContentKind, Fallback, Field, In, Kind, Response, Slot, StreamKind};

impl Gen<'_> {
    /// The `Response` enum and the reply structs of responses with headers.
    pub(super) fn response(&self, out: &mut Vec<Item>) {
        let spec = self.spec;
        let mut variants = Vec::new();
        let mut decodes = Vec::new();
        let mut views = Vec::new();
        for (i, r) in spec.responses.iter().enumerate() {
            let variant = &r.variant;
            let docs = self.response_docs(r);
            let index = Literal::usize_unsuffixed(i);
            let body = match (&r.body, r.content) {
                _ if r.stream.is_some_and(|k| k != StreamKind::Bytes) => {
                    let item = self.stream_item(r);
                    quote!(__ep::Vec<#item>)
                }
                (_, ContentKind::Text) => quote!(__ep::Text),
                (_, ContentKind::Binary) => quote!(__ep::Binary),
                (Some(b), _) => self.rust_type(b),
                (None, _) => quote!(__ep::serde_json::Value),
            };
            // How the body is read and written: parsed as JSON, kept as
            // text or bytes, or cut into items.
            let text = self.text_data(r);
            let (body_of, encode) = match (r.stream, r.content) {
                (Some(StreamKind::Sse), _) => (
                    quote!(response.events(#text)?),
                    quote!(__ep::encode_events(self.status, &self.body, #text)),
                ),
                (Some(StreamKind::JsonLines), _) => (
                    quote!(response.lines()?),
                    quote!(__ep::encode_lines(self.status, &self.body)),
                ),
                (_, ContentKind::Text) => (
                    quote!(response.text()?),
                    quote!(__ep::encode_text(self.status, &self.body)),
                ),
                (_, ContentKind::Binary) => (
                    quote!(response.binary()),
                    quote!(__ep::encode_binary(self.status, &self.body)),
                ),
                _ => (
                    quote!(response.body()?),
                    quote!(__ep::encode_response(self.status, &self.body, slug)),
                ),
            };
            // Only a JSON body read whole can carry a status slug.
            let slug = match (r.content, r.stream) {
                (ContentKind::Json, None | Some(StreamKind::Bytes)) => quote!(slug),
                _ => quote!(_slug),
            };
            views.push(quote!(Self::#variant(r) => __ep::ResponseView::Documented(#index, r),));
            // Items are written by a reply struct of their own: a list of
            // them is not written as one JSON body is.
            let items = r.stream.is_some_and(|k| k != StreamKind::Bytes);
            if r.headers.is_empty() && !items {
                let reply_of = match r.content {
                    ContentKind::Text => quote!(text_reply),
                    ContentKind::Binary => quote!(binary_reply),
                    ContentKind::Json => quote!(reply),
                };
                variants.push(quote!(#docs #variant(__ep::Reply<#body>),));
                decodes.push(quote!(|response| response.#reply_of().map(Self::#variant)));
                continue;
            }
            let reply = format_ident!("{}Reply", r.variant.text);
            let headers: Vec<&Field> = r.headers.iter().collect();
            let fields = headers.iter().map(|h| {
                let docs = self.field_docs(h, Some(In::Header));
                let id = &h.ident;
                let ty = self.field_type(h);
                quote!(#docs pub #id: #ty,)
            });
            // A list: its items joined by commas.
            let list = |h: &Field| matches!(self.spec.kind_of(&h.ty), Kind::Array(_));
            let reads = headers.iter().map(|h| {
                let id = &h.ident;
                let wire = &h.name;
                match (h.required, list(h)) {
                    (true, true) => quote!(#id: response.required_header_list(#wire)?,),
                    (false, true) => quote!(#id: response.header_list(#wire)?,),
                    (true, false) => quote!(#id: response.required_header(#wire)?,),
                    (false, false) => quote!(#id: response.header(#wire)?,),
                }
            });
            let writes = headers.iter().map(|h| {
                let id = &h.ident;
                let wire = &h.name;
                if list(h) {
                    quote!(__ep::set_header_list(&mut response, #wire, &self.#id);)
                } else {
                    quote!(__ep::set_header(&mut response, #wire, &self.#id);)
                }
            });
            let to_http = if headers.is_empty() {
                encode
            } else {
                quote! {
                    let mut response = #encode;
                    #(#writes)*
                    response
                }
            };
            let reply_docs = if r.headers.is_empty() {
                format!(" The `{}` response, read whole: its items.", r.name)
            } else {
                format!(" The `{}` response, with its headers.", r.name)
            };
            let (derive_debug, debug_impl) = self.debug(&reply, &headers, &["status"], &["body"]);
            out.push(Item {
                name: reply.to_string(),
                tokens: quote! {
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
                    impl __ep::ReplyParts for #reply {
                        fn status(&self) -> u16 {
                            self.status
                        }
                        fn to_http(&self, #slug: __ep::Option<(&str, &str)>) -> __ep::http::Response<__ep::Vec<u8>> {
                            #to_http
                        }
                    }
                },
                defined_at: None,
                from_fragment: r.from_fragment,
                code: Default::default(),
            });
            variants.push(quote!(#docs #variant(#reply),));
            decodes.push(quote!(|response| __ep::Ok(Self::#variant(#reply {
                status: response.status,
                #(#reads)*
                body: #body_of,
            }))));
        }
        let table = spec.responses.iter().map(|r| {
            let name = &r.name;
            let success = r.success;
            let entry = match r.fallback {
                Some(Fallback::Class(class)) => {
                    let class = Literal::u8_unsuffixed(class);
                    quote!(__ep::ResponseSpec::fallback(#name, __ep::Fallback::Class(#class), #success))
                }
                Some(_) => {
                    quote!(__ep::ResponseSpec::fallback(#name, __ep::Fallback::Default, #success))
                }
                None => {
                    let code = opt(r.code.map(Literal::u16_unsuffixed));
                    quote!(__ep::ResponseSpec::new(#name, #code, #success))
                }
            };
            let entry = match (&r.content_type, r.content, r.stream) {
                (Some(media), ContentKind::Text | ContentKind::Binary, _) | (Some(media), _, Some(_)) => {
                    quote!(#entry.with_content_type(#media))
                }
                _ => entry,
            };
            match r.stream {
                Some(kind) => {
                    let kind = format_ident!("{}", kind.variant_name());
                    quote!(#entry.streamed(__ep::StreamKind::#kind))
                }
                None => entry,
            }
        });
        let status_field = opt(spec.status_field.as_ref());
        let mut shared_body = TokenStream::new();
        let mut from_http = TokenStream::new();
        if let Some((ty, slug)) = self.slug_body() {
            // One body type for every response, holding the slug: parse it
            // once and read the slug from it (no scan of the body first).
            // Each entry is its variant's constructor, in table order.
            let variants = spec.responses.iter().map(|r| &r.variant);
            shared_body = quote! {
                const WITH_REPLY: &'static [fn(__ep::Reply<#ty>) -> Self] = &[#(Self::#variants),*];
            };
            from_http = quote! {
                fn from_http<B: AsRef<[u8]>>(response: &__ep::http::Response<B>) -> __ep::Result<Self, __ep::Error> {
                    __ep::decode_shared_body(response, |body| #slug, Self::WITH_REPLY)
                }
            };
        }
        out.push(Item {
            name: "Response".into(),
            tokens: quote! {
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
                        __ep::EndpointResponse::name(self)
                    }
                    /// The HTTP status the server sent.
                    pub fn http_status(&self) -> u16 {
                        __ep::EndpointResponse::http_status(self)
                    }
                    /// Whether the spec documents this response as a success; for
                    /// `Unknown`, whether the status is 2xx.
                    pub fn is_success(&self) -> bool {
                        __ep::EndpointResponse::is_success(self)
                    }
                    /// The response on the wire, as the API would send it (for
                    /// servers and fakes); `Unknown` exactly as it was received.
                    pub fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> {
                        __ep::EndpointResponse::to_http_response(self)
                    }
                    #shared_body
                }
                impl __ep::EndpointResponse for Response {
                    const RESPONSES: &'static [__ep::ResponseSpec] = &[#(#table),*];
                    const STATUS_FIELD: __ep::Option<&'static str> = #status_field;

                    const DECODE: &'static [__ep::Decode<Self>] = &[#(#decodes),*];
                    fn unknown(raw: __ep::RawResponse) -> Self {
                        Self::Unknown(raw)
                    }
                    #from_http
                    fn view(&self) -> __ep::ResponseView<'_> {
                        match self {
                            #(#views)*
                            Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
                        }
                    }
                }
            },
            defined_at: None,
            from_fragment: !spec.responses.is_empty()
                && spec.responses.iter().all(|r| r.from_fragment),
            code: Default::default(),
        });
    }

    /// The body type every response shares, with the expression reading its
    /// status slug from `body`, when the spec's responses have one body type
    /// that holds the status field as a plain string (PlanoCore's `Envelope`).
    pub(super) fn slug_body(&self) -> Option<(TokenStream, TokenStream)> {
        let spec = self.spec;
        let field = spec.status_field.as_ref()?;
        let first = spec.responses.first()?.body.as_ref()?;
        let Kind::Ref(id) = first.kind else {
            return None;
        };
        let all_alike = spec.responses.iter().all(|r| {
            r.headers.is_empty()
                && r.stream.is_none()
                && r.body
                    .as_ref()
                    .is_some_and(|b| matches!(b.kind, Kind::Ref(other) if other == id))
        });
        let Kind::Object(fields) = &self.spec.def(id).ty.kind else {
            return None;
        };
        let status = fields.iter().find(|f| {
            f.name == *field && matches!(f.ty.kind, Kind::String) && f.ty.values.is_none()
        })?;
        if !all_alike {
            return None;
        }
        let id = &status.ident;
        let slug = match status.slot {
            Slot::Value => quote!(__ep::Some(body.#id.as_str())),
            Slot::Option => quote!(body.#id.as_deref()),
            Slot::Nullable => quote!(body.#id.as_value().map(__ep::String::as_str)),
        };
        Some((self.rust_type(first), slug))
    }

    pub(super) fn response_docs(&self, r: &Response) -> TokenStream {
        let mut head = format!("`{}`", r.name);
        if let Some(code) = r.code {
            head.push_str(&format!(" (HTTP {code})"));
        } else if let Some(fallback) = r.fallback {
            head.push_str(&match fallback {
                Fallback::Class(class) => format!(" (any HTTP {class}xx no other response has)"),
                _ => " (any HTTP status no other response has)".to_string(),
            });
        }
        if r.uncommon {
            head.push_str(", uncommon");
        }
        let mut lines = vec![head];
        if let Some(d) = &r.description {
            lines.push(String::new());
            lines.extend(d.lines().map(str::to_string));
        }
        let example = r
            .examples
            .first()
            .map(|e| super::docs::example_docs("Example body", e));
        let docs = docs(lines);
        quote!(#docs #example)
    }

    /// `SuccessExample` for a spec that gives an example of a success: the
    /// first success response with `examples` that the fake can send
    /// whole and a client read back as that response (every required
    /// header has an example; a code or a status slug tells it apart), its
    /// first example as one string of JSON, and the headers it declares
    /// that have examples of their own. Nothing for a spec without one.
    pub(super) fn success_example(&self) -> Option<TokenStream> {
        let told_apart = |r: &Response| r.code.is_some() || self.spec.status_field.is_some();
        let (index, response) = self.spec.responses.iter().enumerate().find(|(_, r)| {
            r.success
                && r.content == ContentKind::Json
                && r.stream.is_none()
                && !r.examples.is_empty()
                && told_apart(r)
                && r.headers
                    .iter()
                    .all(|h| !h.required || !h.examples.is_empty())
        })?;
        let index = Literal::usize_unsuffixed(index);
        let body = crate::json::write(&response.examples[0].value, false);
        let headers: Vec<TokenStream> = response
            .headers
            .iter()
            .filter_map(|h| {
                let text = |v: &crate::json::Value| match v {
                    crate::json::Value::String(s) => s.clone(),
                    other => crate::json::write(other, false),
                };
                // A list's example: its items joined, as the header carries them.
                let value = match &h.examples.first()?.value {
                    crate::json::Value::Array(items) => items
                        .iter()
                        .map(|i| text(&i.value))
                        .collect::<Vec<_>>()
                        .join(","),
                    other => text(other),
                };
                let name = &h.name;
                Some(quote!((#name, #value)))
            })
            .collect();
        let headers = (!headers.is_empty()).then(|| {
            quote!(const EXAMPLE_HEADERS: &'static [(&'static str, &'static str)] = &[#(#headers),*];)
        });
        Some(quote! {
            impl __ep::SuccessExample for Request {
                const EXAMPLE_RESPONSE: usize = #index;
                const EXAMPLE_BODY: &'static str = #body;
                #headers
            }
        })
    }

    /// The type of one item of a stream of items: the spec's `body`, or,
    /// where it has none, the data's text (`String`) for server-sent
    /// events and any JSON for JSON lines.
    fn item_data(&self, r: &Response) -> TokenStream {
        match (&r.body, r.stream) {
            (Some(body), _) => self.rust_type(body),
            (None, Some(StreamKind::Sse)) => quote!(__ep::String),
            (None, _) => quote!(__ep::serde_json::Value),
        }
    }

    /// One item as `events` gives it: `Event<T>` for server-sent events,
    /// `T` for JSON lines.
    fn stream_item(&self, r: &Response) -> TokenStream {
        let data = self.item_data(r);
        match r.stream {
            Some(StreamKind::Sse) => quote!(__ep::Event<#data>),
            _ => data,
        }
    }

    /// Whether an event's data is kept as text (an item type of `string`,
    /// or none) rather than parsed as JSON.
    fn text_data(&self, r: &Response) -> bool {
        r.body
            .as_ref()
            .is_none_or(|b| matches!(b.kind, Kind::String))
    }

    /// `Streaming` (and `StreamItems`, for items) for a spec with a
    /// streamed response; nothing for one without.
    pub(super) fn streaming(&self) -> Option<TokenStream> {
        let (index, r) = self
            .spec
            .responses
            .iter()
            .enumerate()
            .find(|(_, r)| r.stream.is_some())?;
        let index = Literal::usize_unsuffixed(index);
        let items = match r.stream {
            Some(StreamKind::Sse) | Some(StreamKind::JsonLines) => {
                let item = self.stream_item(r);
                let read = match r.stream {
                    Some(StreamKind::JsonLines) => quote!(__ep::json_line(raw)),
                    _ if self.text_data(r) => quote!(__ep::text_event(raw)),
                    _ => quote!(__ep::json_event(raw)),
                };
                Some(quote! {
                    impl __ep::StreamItems for Request {
                        type Item = #item;
                        fn item(raw: __ep::RawEvent) -> __ep::Result<Self::Item, __ep::Error> {
                            #read
                        }
                    }
                })
            }
            _ => None,
        };
        Some(quote! {
            impl __ep::Streaming for Request {
                const STREAM: usize = #index;
            }
            #items
        })
    }
}
