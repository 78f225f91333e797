//! The checked spec: what `check` hands on and every later stage reads
//! (`expand`, `openapi`, the directory rules). Read-only and resolved:
//! aliases are inlined, every Rust name is final (raw identifiers as a
//! flag), every reference to a named type is a [`TypeId`] into
//! [`Endpoint::types`], and facts that need the whole spec (whether a field
//! must be boxed, whether a value has rules) are settled. Nothing here is
//! looked up by name or filled in later.

use std::fmt;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

use crate::ctxt::{Loc, SourceFile};
use crate::json::Node;
pub use crate::model::{
    BodyEncoding, Constraints, ContentKind, Fallback, Format, In, Method, Route, StreamKind,
};

/// One endpoint, checked.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// Every file read: `[0]` is the spec, the rest fragments.
    pub files: Vec<SourceFile>,
    /// The module's name.
    pub name: RustName,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub route: Route,
    pub params: Vec<Param>,
    /// The params that always hold one value (`"const"`), in spec order:
    /// no field of the request.
    pub fixed: Vec<Fixed>,
    pub status_field: Option<String>,
    pub refusals: Refusals,
    pub responses: Vec<Response>,
    /// The named types that generate items of their own (objects and
    /// enums), in the order of their `types` keys.
    pub types: Vec<TypeDef>,
    /// How it pages, if it does.
    pub pages: Option<Pages>,
    /// Examples of the request's body, as written.
    pub examples: Vec<Node>,
}

impl Endpoint {
    /// The named type `id` refers to.
    pub fn def(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// What `ty` is: its own kind, or the kind of the named type it
    /// refers to.
    pub fn kind_of<'a>(&'a self, ty: &'a Type) -> &'a Kind {
        match &ty.kind {
            Kind::Ref(id) => &self.def(*id).ty.kind,
            k => k,
        }
    }
}

/// A reference to one of [`Endpoint::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeId(pub(crate) usize);

/// A named type that generates an item.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Its key under `types`.
    pub key: String,
    /// The item it generates.
    pub item: RustName,
    pub ty: Type,
    /// Where it is defined.
    pub loc: Loc,
}

/// A Rust identifier, settled: its text, and whether it is written raw
/// (`r#type`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RustName {
    pub text: String,
    pub raw: bool,
}

impl RustName {
    /// From a settled name, raw ones written `r#…`.
    pub fn parse(name: &str) -> RustName {
        match name.strip_prefix("r#") {
            Some(text) => RustName {
                text: text.to_string(),
                raw: true,
            },
            None => RustName {
                text: name.to_string(),
                raw: false,
            },
        }
    }

    /// The identifier. `check` settles only valid names; a broken model
    /// gets a placeholder rather than a panic in the macro.
    pub fn ident(&self) -> Ident {
        if !crate::case::is_ident(&self.to_string()) {
            return Ident::new("__invalid_name", Span::call_site());
        }
        if self.raw {
            Ident::new_raw(&self.text, Span::call_site())
        } else {
            Ident::new(&self.text, Span::call_site())
        }
    }
}

impl fmt::Display for RustName {
    /// As written in Rust: `r#type`, `email`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.text)
    }
}

impl ToTokens for RustName {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append(self.ident());
    }
}

/// How the endpoint pages: the spec's `pages`, checked.
#[derive(Debug, Clone)]
pub struct Pages {
    pub style: crate::model::PageStyle,
    /// The param that moves; empty for `link`.
    pub param: String,
    pub items: String,
    /// The next cursor's path; empty but for `cursor`.
    pub next: String,
}

/// A param: a field, and where it travels.
#[derive(Debug, Clone)]
pub struct Param {
    pub field: Field,
    pub location: In,
    /// Whether a client can fill it in when a request leaves it unset.
    pub client: Option<ClientFill>,
    /// The whole body's media type, for the param that is the whole body.
    pub whole_body: Option<String>,
    /// How a query array is written.
    pub style: crate::model::QueryStyle,
    /// Its key in the object of params the request serializes to and the
    /// server's side reads: the wire name, or, for a param that shares its
    /// name with another in another place (a query `path` beside the
    /// path's), its place and name (`query path`).
    pub key: String,
}

impl Param {
    /// Whether the params object keys it apart from its wire name.
    pub fn shares_name(&self) -> bool {
        self.key != self.field.name
    }
}

/// A param that always holds one value (`"const"`): the encoder sends it,
/// the server side requires it, and endpoints that share a method and path
/// are told apart by these.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The name on the wire.
    pub name: String,
    /// The query, a header or a cookie.
    pub location: In,
    /// The value as the spec writes it (`"2.0"`, `2`, `true`).
    pub value: serde_json::Value,
    /// The value's text on the wire.
    pub text: String,
    /// Its type's word (`string`, `integer`, `number`, `boolean`).
    pub kind: &'static str,
    pub description: Option<String>,
    /// Where `const` is written, for rules across specs.
    pub loc: Loc,
}

/// What a client fills into a param a request leaves unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientFill {
    /// The API's credential (`"credential": true`).
    Credential,
    /// A default value for a param every endpoint shares (`"shared": true`).
    Shared,
}

/// How a Rust field holds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `T`: required and never `null` (or a flattened map, empty when absent).
    Value,
    /// `Option<T>`: may be absent, or `null` where the wire cannot tell the
    /// two apart (a required nullable field, a header, a query param), or a
    /// required param a client may fill in.
    Option,
    /// `Nullable<T>`: optional and nullable in JSON, where absent, `null`
    /// and a value are three different things.
    Nullable,
}

/// A field of an object, a header of a response, or (in a [`Param`]) a
/// param.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name on the wire.
    pub name: String,
    /// The Rust field.
    pub ident: RustName,
    pub required: bool,
    pub nullable: bool,
    pub sensitive: bool,
    /// `read_only`: set by the server; `validate` refuses a request that
    /// sets it.
    pub read_only: bool,
    /// `write_only`: sent by the client; no answer carries it.
    pub write_only: bool,
    pub flatten: bool,
    pub description: Option<String>,
    /// What the API assumes when the field is absent (documented, never sent).
    pub default: Option<serde_json::Value>,
    pub ty: Type,
    /// Whether the field must be boxed: its type holds the named type that
    /// holds the field, which would otherwise be infinite.
    pub boxed: bool,
    /// Whether it comes from a fragment.
    pub from_fragment: bool,
    /// How the Rust field holds the value.
    pub slot: Slot,
    /// Example values, as written.
    pub examples: Vec<Node>,
}

/// A type with its constraints.
#[derive(Debug, Clone)]
pub struct Type {
    pub kind: Kind,
    pub description: Option<String>,
    pub values: Option<Vec<serde_json::Value>>,
    pub constraints: Constraints,
    /// The item this type generates (an enum of `values`, or an object).
    pub item: Option<RustName>,
    /// The enum's variant for each of `values`.
    pub variants: Vec<RustName>,
    /// The enum's variant for a value outside `values`.
    pub other_variant: RustName,
    /// An array's item or a map's value that may be `null`: `Option<T>`.
    pub nullable: bool,
    /// Whether a value of this type has any rule for `validate` to check,
    /// through the named types it holds.
    pub has_rules: bool,
}

#[derive(Debug, Clone)]
pub enum Kind {
    String,
    /// Raw bytes, base64 on the wire.
    Bytes,
    /// The bytes of a `binary` body that says `"stream": true`: an
    /// `Upload`, from bytes, a file, a reader or a stream.
    Upload,
    /// A multipart body's file part.
    File,
    Integer,
    Number,
    Boolean,
    Array(Box<Type>),
    Map(Box<Type>),
    Object(Vec<Field>),
    Any,
    /// A named object, enum or union.
    Ref(TypeId),
    /// A value of one of several types: an enum with a variant per member.
    Union(Union),
}

/// A union's members; the item is the type's `item`.
#[derive(Debug, Clone)]
pub struct Union {
    /// The field whose value names the member; `None`: the first member
    /// that fits, in spec order.
    pub tag: Option<String>,
    pub members: Vec<Member>,
}

/// One member of a union: a variant holding a value of `ty`.
#[derive(Debug, Clone)]
pub struct Member {
    /// The tag value that names it, in a tagged union.
    pub tag: Option<String>,
    /// The member as the spec names it (`Cat`, `string`), for docs.
    pub written: String,
    pub variant: RustName,
    pub ty: Type,
    /// The member's field that carries the tag, in a tagged union.
    pub tag_field: Option<TagField>,
    /// In an untagged union: the member's fields that hold one value each
    /// (a string's or a boolean's), which a value must hold where it has
    /// them to be read as this member.
    pub fixed: Vec<(String, serde_json::Value)>,
    /// In an untagged union of two or more text members: the format a
    /// string must have to be read as this member.
    pub format: Option<Format>,
}

/// The field of a tagged union's member that carries the tag.
#[derive(Debug, Clone)]
pub struct TagField {
    pub ident: RustName,
    /// An enum of `values` (compared by `as_str()`) rather than a `String`.
    pub is_enum: bool,
    /// Not required (`Option<…>`): a value without it is read as the
    /// first member that fits.
    pub optional: bool,
}

/// A documented response.
#[derive(Debug, Clone)]
pub struct Response {
    pub name: String,
    pub code: Option<u16>,
    /// The statuses it stands for when no response has the exact code.
    pub fallback: Option<Fallback>,
    /// How its body is read, and the media type the spec names (`None`
    /// for JSON).
    pub content: ContentKind,
    pub content_type: Option<String>,
    /// Read as it arrives: bytes, or items of `body`'s type.
    pub stream: Option<StreamKind>,
    pub success: bool,
    pub uncommon: bool,
    pub description: Option<String>,
    pub body: Option<Type>,
    pub headers: Vec<Field>,
    /// The `Response` enum's variant.
    pub variant: RustName,
    /// Example bodies, as written.
    pub examples: Vec<Node>,
    /// Whether it comes from a fragment.
    pub from_fragment: bool,
}

/// Which documented response the API gives a request it refuses.
#[derive(Debug, Clone, Default)]
pub struct Refusals {
    pub missing: Option<String>,
    pub invalid: Option<String>,
    pub body: Option<String>,
}
