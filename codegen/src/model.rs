//! The spec as written: what SPEC_FORMAT.md describes, includes merged,
//! every piece remembering where it came from.
//!
//! `load` builds it; `check` enforces the rules, inlines aliases and settles
//! the Rust names in it (the fields marked "settled by `check`" are its
//! working state, read only by `lower`), then returns the read-only
//! [`ir`](crate::ir) that `expand` and `openapi` read. Nothing after
//! `check` reads this model.

use std::collections::BTreeMap;

use crate::ctxt::Loc;
use crate::json::Node;

/// An example the spec carries (`examples`), as written, with where: a
/// response's body, a param's or field's value, or a request's body.
pub type Example = (Node, Loc);

/// Where an endpoint is and how its request travels: the same in the model
/// and the IR.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: Method,
    /// Whether the spec marks the endpoint safe to send twice, whatever its
    /// method (`idempotent`).
    pub idempotent: bool,
    /// The path template (`/people/{id}`).
    pub path: String,
    /// Where `path` is written, for rules across specs.
    pub path_loc: Loc,
    pub base_url: Option<String>,
    pub body: BodyEncoding,
}

/// One endpoint, includes merged.
#[derive(Debug, Clone)]
pub struct Spec {
    pub name: String,
    pub name_loc: Loc,
    /// The spec's top-level object.
    pub root: Loc,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub route: Route,
    pub params: Vec<Param>,
    pub status_field: Option<String>,
    /// Which documented response the API gives a request it refuses, by
    /// kind of refusal (`missing`, `invalid`, `body`).
    pub refusals: Vec<Refusal>,
    pub responses: Vec<Response>,
    /// How many responses the files list, including unreadable ones.
    pub responses_written: usize,
    /// Named types, by their key under `types`.
    pub types: BTreeMap<String, Type>,
    /// How the endpoint pages (`pages`).
    pub pages: Option<Pages>,
    /// Examples of the request's body: objects of body params by wire name.
    pub examples: Vec<Example>,
}

/// The spec's `pages`.
#[derive(Debug, Clone)]
pub struct Pages {
    pub style: PageStyle,
    pub loc: Loc,
    /// The param that moves (not for `link`).
    pub param: Option<(String, Loc)>,
    /// The dotted path of the items in a success's body; empty for the body.
    pub items: (String, Loc),
    /// For `cursor`: the dotted path of the next cursor.
    pub next: Option<(String, Loc)>,
}

/// Whether params default to the body for `method`.
pub fn method_has_body(method: Method) -> bool {
    matches!(method, Method::Post | Method::Put | Method::Patch)
}

/// A documented response that answers a kind of refused request.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub kind: &'static str,
    pub response: String,
    pub loc: Loc,
}

/// The kinds of refused request a spec can name a response for.
pub const REFUSAL_KINDS: [&str; 3] = ["missing", "invalid", "body"];

// Where a param travels, its body's encoding and a string's format are the
// runtime's own types: the engine checks with the same rules the generated
// code runs.
pub use endpoints_runtime::spec::{
    BodyEncoding, ContentKind, Fallback, In, Method, PageStyle, QueryStyle, StreamKind,
};
pub use endpoints_runtime::validate::Format;

/// A field of an object, a header of a response, or (with `In`) a param.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The name on the wire.
    pub name: String,
    pub loc: Loc,
    pub rust_name: Option<(String, Loc)>,
    pub required: bool,
    pub nullable: bool,
    pub default: Option<(serde_json::Value, Loc)>,
    pub sensitive: bool,
    pub description: Option<String>,
    pub flatten: bool,
    /// `read_only`: the server sets it; a request leaves it out. Where
    /// written.
    pub read_only: Option<Loc>,
    /// `write_only`: a request sends it; no answer carries it (a
    /// password). Where written.
    pub write_only: Option<Loc>,
    pub ty: Type,
    /// Example values (`examples`).
    pub examples: Vec<Example>,
    /// The Rust identifier, settled by `check` (raw identifiers included).
    pub ident: String,
}

impl Field {
    /// `Option<T>` in Rust: not required, or allowed to be `null`.
    pub fn is_optional(&self) -> bool {
        !self.required || self.nullable
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub field: Field,
    /// Where the spec says it travels; `None` when left to the default rule.
    pub location: Option<(In, Loc)>,
    /// Settled by `check`.
    pub in_: In,
    /// `"credential": true`: the API's credential, which a client fills in.
    pub credential: Option<Loc>,
    /// `"shared": true`: a param every endpoint shares, which a client can
    /// give a default.
    pub shared: Option<Loc>,
    /// `"whole_body": true`: the param is the request's whole body.
    pub whole_body: Option<Loc>,
    /// `"content_type"`: the whole body's media type.
    pub content_type: Option<(String, Loc)>,
    /// `"stream": true`: the `bytes` body of a `binary` body may come from
    /// a file, a reader or a stream (an `Upload`), sent as it is read.
    pub stream: Option<Loc>,
    /// `"const"`: the one value the param always holds, and where it is
    /// written. Such a param is no field of the request: the encoder sends
    /// it, and the server side requires it.
    pub constant: Option<(serde_json::Value, Loc)>,
    /// `"style"`: how a query array is written (its items joined under
    /// one key), and where.
    pub style: Option<(QueryStyle, Loc)>,
}

impl Param {
    /// The text a `const` param has on the wire: a string as it is, a
    /// number or a boolean as JSON writes it.
    pub fn constant_text(&self) -> Option<String> {
        self.constant.as_ref().map(|(value, _)| match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub name: String,
    pub loc: Loc,
    pub code: Option<(u16, Loc)>,
    /// `"code": "4XX"` or `"default"`: the statuses it stands for when no
    /// response has the exact code.
    pub fallback: Option<(Fallback, Loc)>,
    /// Whether `code` was written, even if not as a valid status.
    pub code_written: bool,
    pub success: Option<bool>,
    pub uncommon: bool,
    pub description: Option<String>,
    /// `content_type`: the media type the API answers with, when it is not
    /// JSON (`image/png`, `text/csv`), and where it is written.
    pub content_type: Option<(String, Loc)>,
    /// `stream`: the body is read as it arrives (bytes, or items of `body`'s
    /// type), and where it is written.
    pub stream: Option<(StreamKind, Loc)>,
    pub body: Option<Type>,
    pub headers: Vec<Field>,
    /// Example bodies (`examples`).
    pub examples: Vec<Example>,
    /// The enum variant, settled by `check`.
    pub variant: String,
}

impl Response {
    pub fn is_success(&self) -> bool {
        self.success
            .unwrap_or_else(|| match (&self.code, &self.fallback) {
                (Some((c, _)), _) => (200..300).contains(c),
                (None, Some((fallback, _))) => *fallback == Fallback::Class(2),
                (None, None) => false,
            })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    String,
    /// Raw bytes, base64 on the wire.
    Bytes,
    /// A multipart body's file part: bytes, file name, media type.
    File,
    Integer,
    Number,
    Boolean,
    Array(Box<Type>),
    Map(Box<Type>),
    Object(Vec<Field>),
    Any,
    /// A name from `types`; `check` replaces aliases of scalars, arrays and
    /// maps by their definition and keeps names of enums, objects and unions.
    Named(String),
    /// `"type": "union"`: a value of one of several member types.
    Union(Union),
}

/// A union's members, and the field that names which one a value is.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// `tag`: the field of every member whose value names the member, and
    /// where it is written. Without one, a value is the first member that
    /// fits, in spec order.
    pub tag: Option<(String, Loc)>,
    pub members: Vec<Member>,
}

/// One member of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The tag's value naming this member (the key under `of` of a tagged
    /// union), and where it is written.
    pub tag: Option<(String, Loc)>,
    /// The member's type as written (`Cat`, `string`): its variant's name
    /// where it has no tag value, kept before `check` inlines aliases.
    pub written: String,
    pub ty: Type,
    /// The enum's variant, settled by `check`.
    pub variant: String,
}

impl Kind {
    pub fn word(&self) -> &str {
        match self {
            Kind::String => "string",
            Kind::Bytes => "bytes",
            Kind::File => "file",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::Boolean => "boolean",
            Kind::Array(_) => "array",
            Kind::Map(_) => "map",
            Kind::Object(_) => "object",
            Kind::Any => "any",
            Kind::Named(n) => n,
            Kind::Union(_) => "union",
        }
    }

    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Kind::String | Kind::Bytes | Kind::Integer | Kind::Number | Kind::Boolean
        )
    }
}

/// The names the variant for a value outside an enum's `values` takes, the
/// first no value is named.
pub const OTHER_VARIANTS: [&str; 3] = ["Other", "Unlisted", "UnlistedValue"];

/// The built-in type words, in the order errors list them.
pub const TYPE_WORDS: [&str; 11] = [
    "string", "bytes", "file", "integer", "number", "boolean", "array", "map", "object", "union",
    "any",
];

/// What a type's rule keys set: one struct for the model, which reads
/// them, and the IR, which generates validators from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `min_length`, in characters.
    pub min_length: Option<u64>,
    /// `max_length`, in characters.
    pub max_length: Option<u64>,
    /// `pattern`, matched against the whole value.
    pub pattern: Option<String>,
    pub format: Option<Format>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    /// `exclusive_minimum`: the value must be greater.
    pub exclusive_minimum: Option<f64>,
    /// `exclusive_maximum`: the value must be less.
    pub exclusive_maximum: Option<f64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    /// `multiple_of`, as read: an integer's or a number's (whose text the
    /// loader checked reads back from its `f64` digit for digit).
    pub multiple_of: Option<serde_json::Number>,
    /// `unique_items`.
    pub unique_items: Option<bool>,
    /// A `boolean`'s `values` when they list one value: the one it may
    /// hold (`"values": [true]`, Slack's `ok`, Stripe's `deleted`). A
    /// rule, not an enum: the Rust type stays `bool`.
    pub boolean_value: Option<bool>,
    /// A `number`'s `values`: the numbers it may hold (OpenAPI's `enum` of
    /// numbers, `[0.5, 1, 2]`). A rule, not an enum: the Rust type stays
    /// `f64`.
    pub number_values: Option<Vec<serde_json::Number>>,
    /// An object's `requires_any`: groups of its fields, at least one of
    /// which a value sets in full (OpenAPI's `anyOf` of `required` lists).
    pub requires_any: Option<Vec<Vec<String>>>,
    /// An object's `requires_one`: groups of its fields, exactly one of
    /// which a value sets in full (`oneOf` of `required` lists).
    pub requires_one: Option<Vec<Vec<String>>>,
}

impl Constraints {
    /// Takes from `def` every constraint this one leaves unset: a use of a
    /// named type keeps its own limits and inherits the rest.
    pub fn inherit(&mut self, def: &Constraints) {
        macro_rules! inherit {
            ($($k:ident),*) => { $( if self.$k.is_none() { self.$k = def.$k.clone(); } )* };
        }
        inherit!(
            min_length,
            max_length,
            pattern,
            format,
            minimum,
            maximum,
            exclusive_minimum,
            exclusive_maximum,
            min_items,
            max_items,
            multiple_of,
            unique_items,
            boolean_value,
            number_values,
            requires_any,
            requires_one
        );
    }
}

/// A type and its constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct Type {
    pub kind: Kind,
    pub loc: Loc,
    /// Where `type` itself was written, for errors about it.
    pub kind_loc: Loc,
    pub values: Option<Vec<(serde_json::Value, Loc)>>,
    pub constraints: Constraints,
    pub type_name: Option<(String, Loc)>,
    pub description: Option<String>,
    /// Every constraint key written, with where, for applicability checks.
    pub keys: Vec<(&'static str, Loc)>,
    /// The generated item's name for enums and objects, settled by `check`.
    pub item: Option<String>,
    /// The enum's variant for each of `values`, settled by `check`.
    pub variants: Vec<String>,
    /// The enum's variant for a value outside `values`: `Other`, unless a
    /// value is named so (`"other"`); settled by `check`.
    pub other_variant: String,
    /// `nullable` on an array's or a map's `of`: an item or value may be
    /// `null` (`Option<T>` in Rust).
    pub nullable: bool,
    /// A stand-in for a type that was reported as wrong: later rules accept
    /// it, so one mistake is reported once.
    pub broken: bool,
}

impl Type {
    pub fn new(kind: Kind, loc: Loc) -> Type {
        Type {
            kind,
            kind_loc: loc.clone(),
            loc,
            values: None,
            constraints: Constraints::default(),
            type_name: None,
            description: None,
            keys: Vec::new(),
            item: None,
            variants: Vec::new(),
            other_variant: OTHER_VARIANTS[0].to_string(),
            nullable: false,
            broken: false,
        }
    }

    /// The stand-in for a type that could not be read.
    pub fn broken(loc: Loc) -> Type {
        Type {
            broken: true,
            ..Type::new(Kind::Any, loc)
        }
    }
}

/// The keys a type may carry, and which kinds each applies to.
pub const CONSTRAINTS: [(&str, &[&str]); 19] = [
    ("values", &["string", "integer", "number", "boolean"]),
    ("min_length", &["string", "bytes"]),
    ("max_length", &["string", "bytes"]),
    ("pattern", &["string"]),
    ("format", &["string"]),
    ("minimum", &["integer", "number"]),
    ("maximum", &["integer", "number"]),
    ("exclusive_minimum", &["number"]),
    ("exclusive_maximum", &["number"]),
    ("min_items", &["array", "map", "object"]),
    ("max_items", &["array", "map", "object"]),
    ("multiple_of", &["integer", "number"]),
    ("unique_items", &["array"]),
    ("requires_any", &["object"]),
    ("requires_one", &["object"]),
    ("of", &["array", "map", "union"]),
    ("fields", &["object"]),
    ("tag", &["union"]),
    ("type_name", &["string", "integer", "object", "union"]),
];
