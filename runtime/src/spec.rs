//! Layer `spec`, the leaf: every table a spec becomes. Generated code
//! declares them as constants; the rest of the runtime reads them to
//! encode, route, decode and page, and the engine takes its words for
//! methods, locations, encodings and page styles from here.

/// An enum of the words a spec uses for something, written once: the
/// variants, [`ALL`] (each with its word, in order), `name()` and
/// `from_name()`.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $word:literal,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            /// Every one, by the spec's word for it, in order.
            pub const ALL: [(&'static str, $name); [$($word),*].len()] = [$(($word, $name::$variant)),*];

            /// The spec's word for it.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            /// The variant's own name (`Get`, `DateTime`), as code that
            /// names it writes it.
            pub const fn variant_name(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                }
            }

            /// The one the spec's word names.
            pub fn from_name(word: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|(w, _)| *w == word).map(|(_, v)| v)
            }
        }
    };
}

pub(crate) use words;

words! {
    /// The HTTP methods a spec may name: `Copy`, so [`Metadata`] can be read
    /// field by field in constants (`http::Method` cannot).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Method {
        /// `GET`
        Get = "GET",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `PATCH`
        Patch = "PATCH",
        /// `DELETE`
        Delete = "DELETE",
        /// `HEAD`
        Head = "HEAD",
        /// `OPTIONS`
        Options = "OPTIONS",
    }
}

impl Method {
    /// The method's name: `GET`, `POST`, ….
    pub const fn as_str(self) -> &'static str {
        self.name()
    }

    /// Whether HTTP defines the method as idempotent (RFC 9110 §9.2.2).
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }

    /// The method as `http` spells it.
    pub const fn to_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
            Method::Head => http::Method::HEAD,
            Method::Options => http::Method::OPTIONS,
        }
    }
}

/// What a spec says of one endpoint, as one table: generated code declares
/// it, and the runtime reads it to encode, route and refuse.
#[derive(Debug, Clone, Copy)]
pub struct Metadata {
    /// The spec's `name`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, placeholders included (`/people/{id}`).
    pub path: &'static str,
    /// Whether the spec marks the endpoint safe to send twice, whatever its
    /// method (`"idempotent": true`).
    pub idempotent: bool,
    /// The API's documented base URL, if the spec gives one.
    pub base_url: Option<&'static str>,
    /// How body params travel.
    pub body: BodyEncoding,
    /// Every param: wire name, where it travels, how its text reads.
    pub params: &'static [ParamSpec],
    /// The documented responses the API gives requests it refuses.
    pub refusals: Refusals,
}

words! {
    /// Where a param travels.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum In {
        /// In the path, filling a `{placeholder}`.
        Path = "path",
        /// In the query string.
        Query = "query",
        /// In a header.
        Header = "header",
        /// In the `Cookie` header, as `name=value`.
        Cookie = "cookie",
        /// In the body.
        Body = "body",
    }
}

words! {
    /// How body params travel.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum BodyEncoding {
        /// `application/json`.
        Json = "json",
        /// The JSON text base64-encoded, as `text/plain`.
        Base64Json = "base64_json",
        /// `application/x-www-form-urlencoded`, nested values in brackets.
        Form = "form",
        /// One `bytes` param is the body, sent as they are.
        Binary = "binary",
        /// One `string` param is the body, sent as UTF-8 text.
        Text = "text",
        /// `multipart/form-data`: a part per body param.
        Multipart = "multipart",
        /// No body.
        None = "none",
    }
}

words! {
    /// How a query param that is an array is written.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum QueryStyle {
        /// The key once per item (`ids=1&ids=2`): OpenAPI's default,
        /// `form` exploded.
        Repeat = "repeat",
        /// The items joined by commas under one key (`ids=1,2`): OpenAPI's
        /// `form` with `explode: false`.
        Comma = "comma",
        /// The items joined by `|` under one key (`ids=1|2`): OpenAPI's
        /// `pipeDelimited`.
        Pipe = "pipe",
        /// As a form body writes values, in brackets: objects and maps as
        /// `filter[status]=open`, arrays by index (`expand[0]=a`), nesting
        /// likewise: OpenAPI's `deepObject`. For objects, maps and arrays.
        Brackets = "brackets",
    }
}

impl QueryStyle {
    /// The character between items under one key; `None` for `repeat`.
    pub const fn separator(self) -> Option<char> {
        match self {
            QueryStyle::Repeat | QueryStyle::Brackets => None,
            QueryStyle::Comma => Some(','),
            QueryStyle::Pipe => Some('|'),
        }
    }
}

/// How a param's text on the wire becomes its JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireKind {
    /// A string.
    Text,
    /// An `i64`.
    Integer,
    /// An `f64`.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Anything else: kept as the text was, or as JSON where JSON travels.
    Other,
    /// An array: a query param repeated once per item, or `name[i]` in a form.
    List(&'static WireKind),
    /// A map: `name[key]` in a form.
    Map(&'static WireKind),
    /// A `file`: a multipart part's bytes, file name and media type.
    File,
    /// `bytes` sent as a multipart part of their own, not as base64 text.
    Bytes,
    /// A union of scalars (an id or a slug): the text read as the first
    /// member kind it fits, in spec order; a text none fits is kept as a
    /// string, for the union's `Other` (which `validate` refuses by name).
    Scalars(&'static [WireKind]),
    /// An object in a form or a bracketed query (`name[field]`): each
    /// field's wire name and kind, so its texts read as what they are.
    Object(&'static [(&'static str, WireKind)]),
    /// A union of members not all scalars, in a form or a bracketed query:
    /// a text read as the first scalar member it fits, an object or an
    /// array as the first member of its shape.
    Union(&'static [WireKind]),
}

/// One param of a spec, as the server reads it.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// The wire name.
    pub name: &'static str,
    /// Where it travels.
    pub location: In,
    /// How its text reads.
    pub kind: WireKind,
    /// Whether the request must carry it.
    pub required: bool,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// A body field whose entries sit in the body itself, not under its name.
    pub flatten: bool,
    /// The param that is the whole body (a JSON array or scalar, bytes,
    /// text), with the body's media type; `None` for every other param.
    pub whole_body: Option<&'static str>,
    /// A param a client fills in (the credential, a shared param): a walk
    /// over `Link`s carries it to the next page.
    pub client: bool,
    /// Where inside the value `null` is refused: `lines[].qty`, with `[]`
    /// for each array item and `{}` for each map value.
    pub non_null: &'static [&'static str],
    /// A fixed param (`"const"`): its one value, as text on the wire. It is
    /// no field of the request: the encoder always sends it, and the
    /// server side refuses a request that lacks it or carries another
    /// value. Endpoints that share a method and path are told apart by
    /// these.
    pub fixed: Option<&'static str>,
    /// How a query array is written: the key per item, or the items
    /// joined under one key.
    pub style: QueryStyle,
    /// Another param of the endpoint has its name, in another place
    /// (Kubernetes' `path` in the path and in the query): the params
    /// object keys it by place and name ([`ParamSpec::key`]).
    pub shares_name: bool,
}

/// The key of a param that shares its name with another in another place:
/// `query path`, beside the path's `path`.
pub fn shared_key(location: In, name: &str) -> String {
    format!("{} {name}", location.name())
}

impl ParamSpec {
    /// A param that is optional, not nullable, not flattened.
    pub const fn new(name: &'static str, location: In, kind: WireKind) -> Self {
        ParamSpec {
            name,
            location,
            kind,
            required: false,
            nullable: false,
            flatten: false,
            whole_body: None,
            client: false,
            non_null: &[],
            fixed: None,
            style: QueryStyle::Repeat,
            shares_name: false,
        }
    }

    /// Another param of the endpoint has its name, in another place.
    pub const fn shares_name(self) -> Self {
        ParamSpec {
            shares_name: true,
            ..self
        }
    }

    /// Its key in the object of params a request serializes to and the
    /// server's side reads into: the wire name, or, for a param that
    /// shares its name with another in another place, its place and name
    /// (`query path`), which [`shared_key`] spells.
    pub fn key(&self) -> std::borrow::Cow<'static, str> {
        match self.shares_name {
            true => shared_key(self.location, self.name).into(),
            false => self.name.into(),
        }
    }

    /// A query array written as `style` says (its items joined under one
    /// key).
    pub const fn style(self, style: QueryStyle) -> Self {
        ParamSpec { style, ..self }
    }

    /// It always holds `text` (`"const"`): sent by the encoder, required
    /// by the server side, and no field of the request.
    pub const fn fixed(self, text: &'static str) -> Self {
        ParamSpec {
            fixed: Some(text),
            ..self
        }
    }

    /// It is the whole body, sent as `media_type`.
    pub const fn whole_body(self, media_type: &'static str) -> Self {
        ParamSpec {
            whole_body: Some(media_type),
            ..self
        }
    }

    /// Where inside the value the spec allows no `null`.
    pub const fn non_null(self, paths: &'static [&'static str]) -> Self {
        ParamSpec {
            non_null: paths,
            ..self
        }
    }

    /// A path param.
    pub const fn path(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Path, kind)
    }

    /// A query param.
    pub const fn query(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Query, kind)
    }

    /// A cookie param.
    pub const fn cookie(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Cookie, kind)
    }

    /// A header param.
    pub const fn header(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Header, kind)
    }

    /// A body param.
    pub const fn body(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Body, kind)
    }

    /// The request must carry it.
    pub const fn required(self) -> Self {
        ParamSpec {
            required: true,
            ..self
        }
    }

    /// It may be `null`.
    pub const fn nullable(self) -> Self {
        ParamSpec {
            nullable: true,
            ..self
        }
    }

    /// Its entries sit in the body itself.
    pub const fn flatten(self) -> Self {
        ParamSpec {
            flatten: true,
            ..self
        }
    }

    /// A client fills it in (the credential, a shared param).
    pub const fn client(self) -> Self {
        ParamSpec {
            client: true,
            ..self
        }
    }
}

/// Which documented response an API gives a request it refuses, by kind
/// (the spec's `refusals`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refusals {
    /// A required param is absent.
    pub missing: Option<&'static str>,
    /// A param is malformed or breaks a rule.
    pub invalid: Option<&'static str>,
    /// The body cannot be read (content type, encoding, not JSON).
    pub body: Option<&'static str>,
}

/// One documented response, as a spec lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseSpec {
    /// The response's name (PlanoCore's slug, `action-successful`).
    pub name: &'static str,
    /// Its HTTP status, when the documentation gives one.
    pub code: Option<u16>,
    /// The statuses it stands for when no response has the exact code: a
    /// class (`4XX`) or any (`default`).
    pub fallback: Option<Fallback>,
    /// Whether the spec counts it a success.
    pub success: bool,
    /// The media type the spec names for a body that is not JSON
    /// (`image/png`): a reply written without one of its own gets it.
    pub content_type: Option<&'static str>,
    /// How the body is read when the spec declares it a stream (`"stream"`):
    /// clients then offer it as it arrives, never held whole.
    pub stream: Option<StreamKind>,
}

impl ResponseSpec {
    /// A response from its name, code and success flag.
    pub const fn new(name: &'static str, code: Option<u16>, success: bool) -> Self {
        ResponseSpec {
            name,
            code,
            fallback: None,
            success,
            content_type: None,
            stream: None,
        }
    }

    /// The same response, whose body the spec says is of `media_type`
    /// (not JSON).
    pub const fn with_content_type(self, media_type: &'static str) -> Self {
        ResponseSpec {
            content_type: Some(media_type),
            ..self
        }
    }

    /// The same response, whose body the spec declares a stream of `kind`.
    pub const fn streamed(self, kind: StreamKind) -> Self {
        ResponseSpec {
            stream: Some(kind),
            ..self
        }
    }

    /// A response that stands for statuses no response has exactly: a
    /// class of them, or any.
    pub const fn fallback(name: &'static str, fallback: Fallback, success: bool) -> Self {
        ResponseSpec {
            name,
            code: None,
            fallback: Some(fallback),
            success,
            content_type: None,
            stream: None,
        }
    }

    /// A status this response can be sent with, for a server writing it
    /// without one at hand: its code, the first of its class, else `or`.
    pub const fn example_status(&self, or: u16) -> u16 {
        match (self.code, self.fallback) {
            (Some(code), _) => code,
            (None, Some(Fallback::Class(class))) => class as u16 * 100,
            _ => or,
        }
    }
}

words! {
    /// How a response's body is read, by its media type: parsed as JSON
    /// into the body's type, kept as text, or kept as bytes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ContentKind {
        /// `application/json`, `…+json`: parsed into the body's type.
        Json = "json",
        /// `text/…`, `application/xml`, `…+xml`: kept as text, never parsed.
        Text = "text",
        /// Anything else (images, PDF, `application/octet-stream`): kept as
        /// bytes.
        Binary = "binary",
    }
}

/// A media type without its parameters, lowercase (`Text/CSV;
/// charset=utf-8` → `text/csv`): how `Content-Type` values compare.
pub fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

impl ContentKind {
    /// How a body of `media_type` (`image/png`, `text/csv; charset=utf-8`)
    /// is read.
    pub fn of(media_type: &str) -> ContentKind {
        let essence = essence(media_type);
        if essence == "application/json" || essence.ends_with("+json") {
            ContentKind::Json
        } else if essence.starts_with("text/")
            || essence == "application/xml"
            || essence.ends_with("+xml")
        {
            ContentKind::Text
        } else {
            ContentKind::Binary
        }
    }
}

words! {
    /// What a response declared a stream (`"stream"`) is a stream of.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum StreamKind {
        /// Bytes, as they arrive (a download).
        Bytes = "bytes",
        /// Server-sent events (`text/event-stream`), each one item.
        Sse = "sse",
        /// JSON lines (`application/x-ndjson`, `application/jsonl`): one
        /// JSON value a line, each one item.
        JsonLines = "json_lines",
    }
}

impl StreamKind {
    /// The media type a stream of this kind is sent as when its spec
    /// names none.
    pub const fn default_media_type(self) -> &'static str {
        match self {
            StreamKind::Bytes => "application/octet-stream",
            StreamKind::Sse => "text/event-stream",
            StreamKind::JsonLines => "application/x-ndjson",
        }
    }
}

/// The statuses a catch-all response stands for (a response's `code` of
/// `"4XX"` or `"default"`): any of a class, or any at all, once no
/// response has the exact code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fallback {
    /// Every status of a class: `4` is 400 to 499 (`"4XX"`).
    Class(u8),
    /// Every status no other response stands for (`"default"`).
    Default,
}

impl Fallback {
    /// The spec's word: `4XX`, `default`.
    pub fn name(self) -> String {
        match self {
            Fallback::Class(class) => format!("{class}XX"),
            Fallback::Default => "default".to_string(),
        }
    }

    /// The fallback a spec's word names (`4XX`, `4xx`, `default`).
    pub fn from_name(word: &str) -> Option<Fallback> {
        if word == "default" {
            return Some(Fallback::Default);
        }
        match word.as_bytes() {
            // 1xx are not final answers: no response stands for them.
            [class @ b'2'..=b'5', x, y]
                if x.eq_ignore_ascii_case(&b'x') && y.eq_ignore_ascii_case(&b'x') =>
            {
                Some(Fallback::Class(class - b'0'))
            }
            _ => None,
        }
    }
}

/// How an endpoint pages: the spec's `pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Paging {
    /// What moves from one page to the next.
    pub style: PageStyle,
    /// The param that moves (the page number, offset or cursor); empty for
    /// `Link`.
    pub param: &'static str,
    /// The dotted path of the items array in a success's body (`data`,
    /// `result.items`); empty when the body is the array.
    pub items: &'static str,
    /// The dotted path of `next` in the body, empty where the spec names
    /// none: the next cursor (`Cursor`); what says a page follows (`Page`,
    /// `Offset`: `null` on the last page); the next page's URL (`Link`,
    /// instead of the header).
    pub next: &'static str,
}

impl Paging {
    /// The table generated code declares (`param` empty for `Link`, `next`
    /// empty but for `Cursor`).
    #[doc(hidden)]
    pub const fn new(
        style: PageStyle,
        param: &'static str,
        items: &'static str,
        next: &'static str,
    ) -> Paging {
        Paging {
            style,
            param,
            items,
            next,
        }
    }
}

words! {
    /// What moves from one page to the next.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PageStyle {
        /// A page number, one more each page; the first is 1 unless the first
        /// request sets it.
        Page = "page",
        /// An offset into the whole list, moved by the items each page holds;
        /// 0 unless the first request sets it.
        Offset = "offset",
        /// A cursor the body gives for the next page.
        Cursor = "cursor",
        /// A `Link` header whose `rel="next"` URL is the next page (RFC 8288).
        Link = "link",
    }
}
