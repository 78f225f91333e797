//! JSON Schema (as OpenAPI 3.0 and 3.1 write it) → spec types.
//!
//! Objects and enums become named types under `types` (a component keeps
//! its name; an inline one is named after its field, then its parent), so
//! every item has one settled name across the API. `allOf` is merged;
//! `oneOf`/`anyOf` with one member besides `null` is that member,
//! nullable; others are unions where a reader can tell their members
//! apart ([`union`](super::union)), else `any`, noted. References to
//! components are names, which keeps recursive types.

use serde_json::Number;

use super::pattern;
use super::read::{self, Get};
use super::write::{from_serde, Obj, Out};
use super::{Component, Importer, Owner, Shape};
use crate::json::{Key, Node, Value};
use crate::model::Format;

/// Inline schemas nest no deeper than this (references included).
const MAX_DEPTH: usize = 32;

/// Which message a schema describes: a request body's own members leave
/// `readOnly` ones out; a named type serves both directions, so its
/// `readOnly` and `writeOnly` members are optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Request,
    Both,
}

/// A converted schema: the type's keys as a field or `of` carries them,
/// and what belongs to the field that holds it.
#[derive(Debug, Clone)]
pub(super) struct Ty {
    pub keys: Obj,
    pub shape: Shape,
    pub nullable: bool,
    pub default: Option<Value>,
    pub description: Option<String>,
    pub read_only: bool,
    pub write_only: bool,
    pub sensitive: bool,
    /// The rules a value (a default) must fit, where `keys` only names
    /// them (an enum's values).
    pub rules: Option<Obj>,
}

impl Ty {
    pub(super) fn word(word: &str, shape: Shape) -> Ty {
        Ty {
            keys: Obj::new().with("type", word),
            shape,
            nullable: false,
            default: None,
            description: None,
            read_only: false,
            write_only: false,
            sensitive: false,
            rules: None,
        }
    }

    pub fn any() -> Ty {
        Ty::word("any", Shape::Other)
    }

    /// The type as `of` and `body` take it: a bare word or name where it
    /// has no other keys.
    pub fn as_of(&self) -> Value {
        match self.keys.0.as_slice() {
            [(k, v)] if k == "type" => v.clone(),
            _ => self.keys.clone().into_value(),
        }
    }

    /// As an array's `of` or a map's, which says `nullable` where an item
    /// or value may be `null` (`any` holds `null` already).
    pub fn as_nullable_of(&self) -> Value {
        if !self.nullable || self.keys.str("type") == Some("any") {
            return self.as_of();
        }
        let mut keys = self.keys.clone();
        keys.set("nullable", true);
        keys.into_value()
    }
}

fn number_of(n: &Node) -> Option<f64> {
    match &n.value {
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// A `multipleOf` as a spec's `multiple_of`, exactly. On an `integer`, a
/// fraction `p / q` in lowest terms allows the multiples of `p` alone (an
/// integer `x` is `k × p / q` just when `p` divides `x`): `1.5` is `3`,
/// and `0.5`, which every integer is a multiple of, is no rule (`None`).
/// On a `number`, a decimal its `f64` holds digit for digit.
fn multiple_of(n: &Node, integer: bool) -> Result<Option<Number>, String> {
    use endpoints_runtime::validate::Decimal;
    let Value::Number(number) = &n.value else {
        return Err(format!("`multipleOf` is {}, not a number", n.value.kind()));
    };
    let text = number.text();
    if text.starts_with('-') || number.as_f64().is_some_and(|x| x == 0.0) {
        return Err(format!("`multipleOf` {text} is not greater than 0"));
    }
    let Some(decimal) = Decimal::parse(text) else {
        return Err(format!(
            "`multipleOf` {text} has more digits than 64 bits hold"
        ));
    };
    if integer {
        // Lowest terms: the fraction's 10^-exponent only cancels 2s and 5s.
        let mut p = decimal.digits;
        let tens = u32::try_from(-decimal.exponent.min(0)).unwrap_or(u32::MAX);
        for prime in [2, 5] {
            for _ in 0..tens {
                if p % prime != 0 {
                    break;
                }
                p /= prime;
            }
        }
        let scale = 10u64.checked_pow(u32::try_from(decimal.exponent.max(0)).unwrap_or(u32::MAX));
        return match scale
            .and_then(|s| p.checked_mul(s))
            .and_then(|p| i64::try_from(p).ok())
        {
            Some(1) => Ok(None),
            Some(p) => Ok(Some(Number::from(p))),
            None => Err(format!("`multipleOf` {text} is beyond a 64-bit integer")),
        };
    }
    let read = number.as_f64().unwrap_or(f64::NAN);
    if Decimal::of_f64(read) != Some(decimal) {
        return Err(format!(
            "`multipleOf` {text} has more digits than a 64-bit float holds"
        ));
    }
    Number::from_f64(read)
        .map(Some)
        .ok_or_else(|| format!("`multipleOf` {text} is not a finite number"))
}

fn count_of(n: Option<&Node>) -> Option<Result<u64, ()>> {
    n.map(|n| match &n.value {
        Value::Number(x) => x.as_u64().ok_or(()),
        _ => Err(()),
    })
}

pub(super) fn format_named(name: &str) -> Option<Format> {
    Some(match name {
        "email" => Format::Email,
        "uri" => Format::Uri,
        "uuid" => Format::Uuid,
        "date" => Format::Date,
        // Google's discovery documents: "an RFC 3339 timestamp".
        "date-time" | "google-datetime" => Format::DateTime,
        _ => return None,
    })
}

/// Formats that say how a value is stored or shown, not a rule it obeys:
/// nothing of them is lost.
pub(super) const ANNOTATIONS: [&str; 8] = [
    "int32", "int64", "float", "double", "byte", "binary", "password", "decimal",
];

/// `description`, plus the schema's string format where the spec does not
/// check it: an annotation (OpenAPI and JSON Schema have a tool that does
/// not know a format treat the value as its type alone), kept for the
/// reader.
pub(super) fn with_format(s: &Node, ty: &Ty, description: Option<String>) -> Option<String> {
    let Some(f) = s.str_at("format") else {
        return description;
    };
    if ty.keys.str("type") != Some("string")
        || format_named(f).is_some()
        || ANNOTATIONS.contains(&f)
        || f.trim().is_empty()
    {
        return description;
    }
    Some(with_paragraph(
        description,
        format!("Format: `{}`.", f.replace('`', "'")),
    ))
}

/// `description` with `paragraph` after it, or `paragraph` alone.
pub(super) fn with_paragraph(description: Option<String>, paragraph: String) -> String {
    match description {
        Some(d) => format!("{d}\n\n{paragraph}"),
        None => paragraph,
    }
}

/// Whether every value of `values` names its own variant (as `check`
/// names them): else the list cannot be an enum.
fn variants_ok(values: &[serde_json::Value]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    crate::case::value_variants(&values.iter().collect::<Vec<_>>())
        .into_iter()
        .all(|name| name.is_some_and(|n| seen.insert(n)))
}

/// Keys that document a schema without changing what it accepts.
const DOC_KEYS: [&str; 8] = [
    "description",
    "title",
    "nullable",
    "deprecated",
    "readOnly",
    "writeOnly",
    "example",
    "examples",
];

/// Whether the schema holding an `allOf` says more beside it than docs.
fn structural_beside_all_of(s: &Node) -> bool {
    s.members().iter().any(|(k, _)| {
        k.name != "allOf"
            && !DOC_KEYS.contains(&k.name.as_str())
            && k.name != "default"
            && !k.name.starts_with("x-")
    })
}

pub(super) fn node(value: Value) -> Node {
    Node { value, at: 0 }
}

impl Importer<'_> {
    /// A pair of count keys (`minLength`/`maxLength`, `minItems`/`maxItems`)
    /// as the spec's, each a whole number or a note.
    fn counts(&mut self, s: &Node, ptr: &str, ty: &mut Ty, keys: [(&str, &str); 2]) {
        for (key, spec_key) in keys {
            match count_of(s.get(key)) {
                Some(Ok(n)) => {
                    ty.keys.set(spec_key, n);
                }
                Some(Err(())) => self.note(
                    &format!("{ptr}/{key}"),
                    format!("`{key}` is not a whole number"),
                    "left out",
                ),
                None => {}
            }
        }
    }

    /// The spec type of the schema at `ptr`; objects and enums met inline
    /// are named after `hint`, then `parent`.
    pub(super) fn ty(&mut self, s: &Node, ptr: &str, hint: &str, parent: &str) -> Ty {
        self.ty_at(s, ptr, hint, parent, 0, None)
    }

    /// Follows local references that do not name a component schema, and
    /// merges `allOf`: the schema an object body or params read.
    pub(super) fn resolved(&mut self, s: &Node, ptr: &str) -> Option<(Node, String)> {
        let mut at = s.clone();
        let mut at_ptr = ptr.to_string();
        for _ in 0..MAX_DEPTH {
            if let Some(r) = at.str_at("$ref") {
                let r = r.to_string();
                match read::pointer(self.root, &r) {
                    Some(target) => {
                        at = target.clone();
                        at_ptr = r.trim_start_matches('#').to_string();
                        continue;
                    }
                    None => {
                        self.note(
                            &at_ptr,
                            format!("the reference `{r}` is not in this document"),
                            "written as `any`",
                        );
                        return None;
                    }
                }
            }
            if at.get("allOf").is_some() {
                at = self.merge_all_of(&at, &at_ptr);
            }
            return Some((at, at_ptr));
        }
        None
    }

    /// Each member of a union beside an object's own members, as the
    /// object with the member's members added (`allOf` of the two, the
    /// member's schema of a property taking the place of the object's):
    /// what a value of the object is. Empty unless every member is an
    /// object that adds properties or requires some.
    fn each_with_own(&self, s: &Node, members: &[(usize, &Node)]) -> Vec<(usize, Node)> {
        if !matches!(s.str_at("type"), None | Some("object")) || s.get("properties").is_none() {
            return Vec::new();
        }
        let adds = |m: &Node| {
            let m = self.follow(m);
            matches!(m.str_at("type"), None | Some("object"))
                && (m.get("properties").is_some() || m.get("required").is_some())
                && ["oneOf", "anyOf", "not", "items"]
                    .iter()
                    .all(|k| m.get(k).is_none())
                && m.get("additionalProperties")
                    .is_none_or(|a| matches!(a.value, Value::Bool(true)))
        };
        if !members.iter().all(|(_, m)| adds(m)) {
            return Vec::new();
        }
        let own: Vec<(Key, Node)> = s
            .members()
            .iter()
            .filter(|(k, _)| {
                !["oneOf", "anyOf", "discriminator", "description", "title"]
                    .contains(&k.name.as_str())
            })
            .cloned()
            .collect();
        members
            .iter()
            .map(|(i, m)| {
                let both = vec![node(Value::Object(own.clone())), (*m).clone()];
                (
                    *i,
                    node(Value::Object(vec![(
                        key("allOf"),
                        node(Value::Array(both)),
                    )])),
                )
            })
            .collect()
    }

    /// Whether a union beside a map's own schema allows every value the
    /// map does, so leaving it out loses nothing: Adyen's `additionalData`,
    /// a map of strings beside `anyOf` objects whose properties are all
    /// optional strings, is exactly a map of strings. True when some member
    /// is an object that requires nothing, leaves other properties open,
    /// and takes, for each property it names, any value the map takes.
    fn union_adds_nothing(&self, s: &Node, members: &[(usize, &Node)]) -> bool {
        let Some(values) = s.get("additionalProperties") else {
            return false;
        };
        if s.get("properties").is_some() || s.get("required").is_some() {
            return false;
        }
        // A reference that leads nowhere is left as it is, and its `$ref`
        // key makes it no plain schema.
        let values = self.follow(values);
        // Keys that only describe: a schema with no others takes what its
        // `type` (if any) does.
        const NOTES: [&str; 9] = [
            "type",
            "description",
            "title",
            "example",
            "examples",
            "deprecated",
            "readOnly",
            "writeOnly",
            "x-nullable",
        ];
        let plain = |n: &Node| {
            n.members()
                .iter()
                .all(|(k, _)| NOTES.contains(&k.name.as_str()))
        };
        let takes_every = |property: &Node| -> bool {
            let property = self.follow(property);
            if !plain(&property) {
                return false;
            }
            match property.str_at("type") {
                None => true,
                Some(t) => plain(&values) && values.str_at("type") == Some(t),
            }
        };
        members.iter().any(|(_, m)| {
            let m = self.follow(m);
            let open = m
                .get("additionalProperties")
                .is_none_or(|a| matches!(a.value, Value::Bool(true)));
            let object = m.str_at("type").is_none_or(|t| t == "object");
            let only = m.members().iter().all(|(k, _)| {
                matches!(
                    k.name.as_str(),
                    "type"
                        | "properties"
                        | "description"
                        | "title"
                        | "additionalProperties"
                        | "example"
                        | "examples"
                        | "x-nullable"
                )
            });
            object
                && open
                && only
                && m.get("properties")
                    .is_none_or(|p| p.members().iter().all(|(_, v)| takes_every(v)))
        })
    }

    pub(super) fn ty_at(
        &mut self,
        s: &Node,
        ptr: &str,
        hint: &str,
        parent: &str,
        depth: usize,
        define_as: Option<&str>,
    ) -> Ty {
        if depth > MAX_DEPTH {
            self.note(
                ptr,
                "the schema nests too deep to follow",
                "written as `any`",
            );
            return Ty::any();
        }
        match &s.value {
            Value::Bool(true) => return Ty::any(),
            Value::Object(_) => {}
            other => {
                self.note(
                    ptr,
                    format!("a schema is an object, and this is {}", other.kind()),
                    "written as `any`",
                );
                return Ty::any();
            }
        }
        if let Some(r) = s.str_at("$ref") {
            let r = r.to_string();
            let r = read::percent_decode(&r);
            let mut ty = self.reference(&r, ptr, hint, parent, depth, define_as);
            if let Some(d) = s.str_at("description") {
                ty.description = Some(d.to_string());
            }
            if s.bool_at("nullable") {
                ty.nullable = true;
            }
            // Beside the reference, as Google's documents write "Output
            // only" members, or in the schema it names (Intellifi's
            // `IdReadOnly`, a string only the server sets): the member's
            // own direction.
            let target = self.follow(s);
            ty.read_only |= s.bool_at("readOnly") || target.bool_at("readOnly");
            ty.write_only |= s.bool_at("writeOnly") || target.bool_at("writeOnly");
            return ty;
        }
        if let Some(all) = s.get("allOf") {
            let refs: Vec<String> = all
                .items()
                .iter()
                .filter_map(|m| m.str_at("$ref").map(read::percent_decode))
                .collect();
            // `allOf: [{$ref}, {description}]` (a reference with docs
            // beside it, as 3.0 needs) is the reference.
            let structural = |m: &Node| {
                m.members()
                    .iter()
                    .any(|(k, _)| !DOC_KEYS.contains(&k.name.as_str()) && !k.name.starts_with("x-"))
            };
            let others = all.items().iter().filter(|m| m.get("$ref").is_none());
            if let [only] = refs.as_slice() {
                if !others.clone().any(structural) && !structural_beside_all_of(s) {
                    let mut ty = self.reference(only, ptr, hint, parent, depth, define_as);
                    for m in all.items().iter().chain(std::iter::once(s)) {
                        if let Some(d) = m.str_at("description") {
                            ty.description = Some(d.to_string());
                        }
                        ty.nullable |= m.bool_at("nullable");
                        // Jira's `{allOf: [User], readOnly: true}`: the
                        // member's own direction, beside or in the reference.
                        let m = self.follow(m);
                        ty.read_only |= m.bool_at("readOnly");
                        ty.write_only |= m.bool_at("writeOnly");
                    }
                    return ty;
                }
            }
            // A merge that meets itself again would expand without end.
            if let Some(r) = refs.iter().find(|r| self.merging.contains(r)) {
                self.note(
                    &format!("{ptr}/allOf"),
                    format!("`allOf` merges `{r}`, which merges this again"),
                    "written as `any`",
                );
                return Ty::any();
            }
            let n = refs.len();
            self.merging.extend(refs);
            let merged = self.merge_all_of(s, ptr);
            let ty = self.ty_plain(&merged, ptr, hint, parent, depth, define_as);
            self.merging.truncate(self.merging.len() - n);
            return ty;
        }
        self.ty_plain(s, ptr, hint, parent, depth, define_as)
    }

    /// A `$ref`: a component schema by name, anything else followed.
    fn reference(
        &mut self,
        r: &str,
        ptr: &str,
        hint: &str,
        parent: &str,
        depth: usize,
        define_as: Option<&str>,
    ) -> Ty {
        // Any other schema a reference names is named too, after the
        // pointer's last word: recursion through it is kept, and a schema
        // referred to from many places is converted once.
        if !self.components.contains_key(r) {
            if let Some(target) = read::pointer(self.root, r) {
                if matches!(target.value, Value::Object(_)) && target.get("$ref").is_none() {
                    let last = r
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                        .replace("~1", "/")
                        .replace("~0", "~");
                    let last = if last.is_empty() {
                        hint.to_string()
                    } else {
                        last
                    };
                    let name = self.claim(&last, parent);
                    self.components
                        .insert(r.to_string(), Component::Named(name));
                }
            }
        }
        if let Some(state) = self.components.get(r).cloned() {
            let key = match state {
                Component::Done(key) => key,
                Component::Converting { key, alias } => {
                    // An alias (FSx's `AdministrativeActions`, an array of
                    // `AdministrativeAction`) met again inside an object
                    // that it reaches recurses through that object: its
                    // name, which `check` expands to the array of objects.
                    let through_object = self
                        .converting
                        .iter()
                        .skip_while(|(c, _)| c != r)
                        .any(|(_, a)| !a);
                    if alias && !through_object {
                        self.note(
                            ptr,
                            format!("`{r}` refers to itself with no object between"),
                            "written as `any`",
                        );
                        return Ty::any();
                    }
                    key
                }
                Component::Named(key) => {
                    self.convert_component(r, &key);
                    key
                }
            };
            self.uses(&key);
            let target = read::pointer(self.root, r);
            // A type being made (recursion) is an object: `Other`.
            let mut ty = Ty::word(&key, self.shape_of_name(&key));
            ty.nullable = target.is_some_and(nullable_of);
            return ty;
        }
        match read::pointer(self.root, r) {
            Some(target) => {
                let target = target.clone();
                let at = r.trim_start_matches('#').to_string();
                self.ty_at(&target, &at, hint, parent, depth + 1, define_as)
            }
            None => {
                self.note(
                    ptr,
                    format!("the reference `{r}` is not in this document"),
                    "written as `any`",
                );
                Ty::any()
            }
        }
    }

    fn convert_component(&mut self, r: &str, key: &str) {
        let Some(schema) = read::pointer(self.root, r) else {
            self.define(key, Obj::new().with("type", "any"), Shape::Other);
            self.components
                .insert(r.to_string(), Component::Done(key.to_string()));
            return;
        };
        let (object, enumeration) = (is_object(schema), schema.get("enum").is_some());
        self.components.insert(
            r.to_string(),
            Component::Converting {
                key: key.to_string(),
                alias: !object && !enumeration,
            },
        );
        self.converting
            .push((r.to_string(), !object && !enumeration));
        let outer = std::mem::replace(&mut self.owner, Owner::Type(key.to_string()));
        // A named type is where recursion stops (a reference to it while it
        // is made is its name), so the merges of whatever type reached it
        // are not this one's: a `User` merging `Entity` may have a field of
        // a type that merges `Entity` too, with no cycle.
        let merging = std::mem::take(&mut self.merging);
        let at = r.trim_start_matches('#').to_string();
        let ty = self.ty_at(schema, &at, key, key, 0, Some(key));
        self.merging = merging;
        self.owner = outer;
        self.converting.pop();
        let defined = self.types.iter().any(|(k, _)| k == key);
        if !defined {
            // A scalar, an array, a map or another name: an alias.
            let mut def = ty.keys.clone();
            if let Some(d) = &ty.description {
                def.set("description", d);
            }
            self.define(key, def, ty.shape);
        }
        self.components
            .insert(r.to_string(), Component::Done(key.to_string()));
    }

    /// `allOf` merged into one schema: members' properties in order, their
    /// `required` together, the first word of each other keyword.
    fn merge_all_of(&mut self, s: &Node, ptr: &str) -> Node {
        let mut out: Vec<(Key, Node)> = Vec::new();
        let mut properties: Vec<(Key, Node)> = Vec::new();
        let mut required: Vec<Node> = Vec::new();
        let mut seen = Vec::new();
        self.merge_into(
            s,
            ptr,
            &mut out,
            &mut properties,
            &mut required,
            &mut seen,
            0,
        );
        if !properties.is_empty() {
            out.retain(|(k, _)| k.name != "properties" && k.name != "required");
            out.push((key("properties"), node(Value::Object(properties))));
            if !required.is_empty() {
                out.push((key("required"), node(Value::Array(required))));
            }
            if !out.iter().any(|(k, _)| k.name == "type") {
                out.push((key("type"), node(Value::String("object".into()))));
            }
        }
        node(Value::Object(out))
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_into(
        &mut self,
        s: &Node,
        ptr: &str,
        out: &mut Vec<(Key, Node)>,
        properties: &mut Vec<(Key, Node)>,
        required: &mut Vec<Node>,
        seen: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            self.note(ptr, "`allOf` nests too deep to follow", "the rest left out");
            return;
        }
        if let Some(r) = s.str_at("$ref") {
            if seen.iter().any(|x| x == r) {
                return;
            }
            seen.push(r.to_string());
            if let Some(c) = self.components.get(r).cloned() {
                let key = match c {
                    Component::Named(k)
                    | Component::Converting { key: k, .. }
                    | Component::Done(k) => k,
                };
                self.uses(&key);
            }
            match read::pointer(self.root, r) {
                Some(target) => {
                    let target = target.clone();
                    let at = r.trim_start_matches('#').to_string();
                    self.merge_into(&target, &at, out, properties, required, seen, depth + 1);
                }
                None => self.note(
                    ptr,
                    format!("the reference `{r}` is not in this document"),
                    "its members left out",
                ),
            }
            return;
        }
        for (k, v) in s.members() {
            match k.name.as_str() {
                "allOf" => {
                    for (i, member) in v.items().iter().enumerate() {
                        let at = format!("{ptr}/allOf/{i}");
                        self.merge_into(member, &at, out, properties, required, seen, depth + 1);
                    }
                }
                "properties" => {
                    for (name, schema) in v.members() {
                        match properties.iter_mut().find(|(n, _)| n.name == name.name) {
                            Some((_, existing)) => *existing = schema.clone(),
                            None => properties.push((name.clone(), schema.clone())),
                        }
                    }
                }
                "required" => {
                    for r in v.items() {
                        if !required.contains(r) {
                            required.push(r.clone());
                        }
                    }
                }
                _ if out.iter().any(|(o, _)| o.name == k.name) => {}
                _ => out.push((k.clone(), v.clone())),
            }
        }
    }

    fn ty_plain(
        &mut self,
        s: &Node,
        ptr: &str,
        hint: &str,
        parent: &str,
        depth: usize,
        define_as: Option<&str>,
    ) -> Ty {
        let mut nullable = s.bool_at("nullable");
        // The type word(s): 3.1 lists them, `null` among them.
        let mut words: Vec<String> = match s.get("type").map(|t| &t.value) {
            Some(Value::String(w)) => vec![w.clone()],
            Some(Value::Array(ws)) => ws
                .iter()
                .filter_map(|w| match &w.value {
                    Value::String(w) => Some(w.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        if words.iter().any(|w| w == "null") {
            nullable = true;
            words.retain(|w| w != "null");
        }
        // Unions: `null` beside one schema is that schema, nullable.
        for union in ["oneOf", "anyOf"] {
            if let Some(members) = s.get(union) {
                let mut others = Vec::new();
                let several = members.items().len() > 1;
                for (i, m) in members.items().iter().enumerate() {
                    let followed = self.follow(m);
                    if is_null_schema(&followed) || (several && null_member(&followed)) {
                        nullable = true;
                    } else {
                        others.push((i, m));
                    }
                }
                if let [(i, one)] = others.as_slice() {
                    let at = format!("{ptr}/{union}/{i}");
                    let mut ty = self.ty_at(one, &at, hint, parent, depth + 1, define_as);
                    ty.nullable |= nullable;
                    self.carry_docs(s, &mut ty);
                    return ty;
                }
                // `type: object` says no more than object members do.
                let only_object = words == ["object"]
                    && ["properties", "additionalProperties", "required"]
                        .iter()
                        .all(|k| s.get(k).is_none());
                if !others.is_empty()
                    && ((words.is_empty() || only_object) && s.get("properties").is_none()
                        || self.repeats_a_member(s, union, &others))
                {
                    let union = self.union(s, union, &others, ptr, hint, parent, depth, define_as);
                    let mut ty = union.unwrap_or_else(Ty::any);
                    ty.nullable |= nullable;
                    self.carry_docs(s, &mut ty);
                    return ty;
                }
                if !others.is_empty()
                    && !self.union_adds_nothing(s, &others)
                    && !every_subset(s, union, &others)
                    && required_groups(s, union).is_none()
                {
                    // Members that add to the schema's own members (GitHub's
                    // check run: `conclusion` required where `status` is
                    // `completed`): the union of the schema with each.
                    let parts = self.each_with_own(s, &others);
                    if !parts.is_empty() {
                        let members: Vec<(usize, &Node)> =
                            parts.iter().map(|(i, m)| (*i, m)).collect();
                        let union =
                            self.union(s, union, &members, ptr, hint, parent, depth, define_as);
                        let mut ty = union.unwrap_or_else(Ty::any);
                        ty.nullable |= nullable;
                        self.carry_docs(s, &mut ty);
                        return ty;
                    }
                    self.note(
                        &format!("{ptr}/{union}"),
                        format!(
                            "a union (`{union}`) beside the schema's own members has no spec type"
                        ),
                        "the union left out",
                    );
                }
            }
        }
        if s.get("not").is_some() {
            self.note(&format!("{ptr}/not"), "`not` has no spec type", "left out");
        }
        if words.len() > 1 {
            self.note(
                &format!("{ptr}/type"),
                format!(
                    "a value of several types ({}) has no spec type",
                    words.join(", ")
                ),
                "written as `any`",
            );
            let mut ty = Ty::any();
            ty.nullable = nullable;
            self.carry_docs(s, &mut ty);
            return ty;
        }
        let word = words.pop().unwrap_or_else(|| infer_word(s));
        let mut ty = match word.as_str() {
            "string" => self.string(s, ptr, hint, parent, define_as),
            "integer" | "number" => self.number(s, ptr, &word, hint, parent, define_as),
            "boolean" => {
                let mut ty = Ty::word("boolean", Shape::Scalar);
                // `[true]` is the one value it may hold (a rule); `[true,
                // false]` says no more than `boolean`. `null` is
                // `nullable`'s; `"true"` is read as the value it spells.
                if let Some(list) = s.get("enum") {
                    let mut listed: Vec<bool> = Vec::new();
                    let mut unreadable = false;
                    for item in list.items() {
                        let read = scalar_from_text(Some("boolean"), &item.value);
                        match read.as_ref().unwrap_or(&item.value) {
                            Value::Bool(b) if !listed.contains(b) => listed.push(*b),
                            Value::Bool(_) | Value::Null => {}
                            _ => unreadable = true,
                        }
                    }
                    if unreadable || !matches!(list.value, Value::Array(_)) {
                        self.note(
                            &format!("{ptr}/enum"),
                            "the enum has values that are not booleans",
                            "written as `boolean`",
                        );
                    } else if let [only] = listed[..] {
                        ty.keys.set("values", vec![Value::Bool(only)]);
                    }
                }
                ty
            }
            "array" => self.array(s, ptr, hint, parent, depth),
            "object" => self.object(s, ptr, hint, parent, depth, define_as),
            "" => Ty::any(),
            other => {
                self.note(
                    &format!("{ptr}/type"),
                    format!("`{other}` is not a JSON Schema type"),
                    "written as `any`",
                );
                Ty::any()
            }
        };
        ty.nullable |= nullable;
        self.carry_docs(s, &mut ty);
        if let Some(d) = s.get("default") {
            if !matches!(d.value, Value::Null) {
                let rules = ty.rules.as_ref().unwrap_or(&ty.keys);
                // `"default": "true"` on a boolean, `"20"` on an integer:
                // the value the text spells, as a query string carries it.
                let mut value = scalar_from_text(rules.str("type"), &d.value)
                    .unwrap_or_else(|| d.value.clone());
                // An array's default written as one value (Art19's `sort:
                // "created_at"`): the list of that one, as a query writes it.
                let scalar = matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_));
                if rules.str("type") == Some("array") && scalar {
                    let item = match rules.get("of") {
                        Some(Value::String(w)) => Some(w.as_str()),
                        Some(Value::Object(m)) => m
                            .iter()
                            .find(|(k, _)| k.name == "type")
                            .and_then(|(_, v)| match &v.value {
                                Value::String(w) => Some(w.as_str()),
                                _ => None,
                            }),
                        _ => None,
                    };
                    let one = scalar_from_text(item, &value).unwrap_or(value);
                    value = Value::Array(vec![node(one)]);
                }
                match fits_in(&self.types, rules, &value, 0) {
                    Ok(()) => ty.default = Some(value),
                    // A default is documentation only (never sent), so one
                    // its own type refuses is kept where a reader sees it,
                    // as the document wrote it: nothing is lost.
                    Err(why) => {
                        let text = crate::json::write(&d.value, false);
                        ty.description = Some(with_paragraph(
                            ty.description.take(),
                            format!("Default, as the document gives it: `{text}`."),
                        ));
                        self.mended(
                            &format!("{ptr}/default"),
                            format!("the default {why}"),
                            "kept in the description, not as `default`",
                        )
                    }
                }
            }
        }
        ty
    }

    fn carry_docs(&self, s: &Node, ty: &mut Ty) {
        if let Some(d) = s.str_at("description").or_else(|| s.str_at("title")) {
            ty.description = Some(d.to_string());
        }
        let description = ty.description.take();
        ty.description = with_format(s, ty, description);
        if s.bool_at("deprecated") {
            ty.description = Some(match ty.description.take() {
                Some(d) => format!("Deprecated. {d}"),
                None => "Deprecated.".into(),
            });
        }
        ty.read_only |= s.bool_at("readOnly");
        ty.write_only |= s.bool_at("writeOnly");
        ty.sensitive |= s.str_at("format") == Some("password") || s.bool_at("x-sensitive");
    }

    fn string(
        &mut self,
        s: &Node,
        ptr: &str,
        hint: &str,
        parent: &str,
        define_as: Option<&str>,
    ) -> Ty {
        let mut ty = Ty::word("string", Shape::Scalar);
        self.counts(
            s,
            ptr,
            &mut ty,
            [("minLength", "min_length"), ("maxLength", "max_length")],
        );
        if let Some(p) = s.get("pattern") {
            match &p.value {
                Value::String(p) => {
                    let engines = pattern::from_ecma(p);
                    let whole = pattern::whole_value_pattern(&engines);
                    // One class repeated past what the engine builds
                    // (`^.{1,2097152}`): the same rule, said with lengths.
                    let repeated = pattern::repeated_class(&engines).filter(|r| {
                        r.pattern
                            .as_ref()
                            .is_none_or(|p| crate::patterns::why_invalid(p).is_none())
                    });
                    match (crate::patterns::why_invalid(&whole), repeated) {
                        (None, _) => {
                            ty.keys.set("pattern", whole);
                        }
                        (Some(_), Some(r)) => {
                            if let Some(p) = r.pattern {
                                ty.keys.set("pattern", p);
                            }
                            let bound = |keys: &Obj, k: &str| match keys.get(k) {
                                Some(Value::Number(n)) => n.as_u64(),
                                _ => None,
                            };
                            if let Some(min) = r.min_length {
                                if bound(&ty.keys, "min_length").is_none_or(|m| m < min) {
                                    ty.keys.set("min_length", min);
                                }
                            }
                            if let Some(max) = r.max_length {
                                if bound(&ty.keys, "max_length").is_none_or(|m| m > max) {
                                    ty.keys.set("max_length", max);
                                }
                            }
                        }
                        (Some(why), None) => self.note(
                            &format!("{ptr}/pattern"),
                            format!("the pattern is not one the regex engine reads: {why}"),
                            "left out",
                        ),
                    }
                }
                _ => self.note(
                    &format!("{ptr}/pattern"),
                    "`pattern` is not a string",
                    "left out",
                ),
            }
        }
        if let Some(f) = s.str_at("format") {
            if let Some(format) = format_named(f) {
                ty.keys.set("format", format.name());
            } else if f == "byte" && ty.keys.str("type") == Some("string") {
                // Base64 text: bytes in Rust, counted in bytes. OpenAPI's
                // lengths count the characters of the text, which (standard
                // base64 with padding, as a spec's `bytes` travel) are
                // 4 for each 3 bytes begun: `n` characters at most hold
                // 3 × ⌊n / 4⌋ bytes at most, `m` at least 3 × ⌈m / 4⌉ − 2
                // at least, the same rules in bytes.
                ty.keys.set("type", "bytes");
                let count = |key: &str| s.get(key).and_then(|n| n.value.to_serde().as_u64());
                ty.keys.remove("min_length");
                ty.keys.remove("max_length");
                if let Some(n) = count("maxLength") {
                    ty.keys.set("max_length", 3 * (n / 4));
                }
                if let Some(m) = count("minLength") {
                    let least = (3 * m.div_ceil(4)).saturating_sub(2);
                    if least > 0 {
                        ty.keys.set("min_length", least);
                    }
                }
                // A pattern of base64 text: the spec's `bytes` has none.
                if ty.keys.get("pattern").is_some() {
                    ty.keys.remove("pattern");
                    self.note(
                        &format!("{ptr}/pattern"),
                        "a pattern of base64 text has no spec form: `bytes` are checked as bytes",
                        "left out",
                    );
                }
            }
            // Any other format is an annotation, as OpenAPI and JSON
            // Schema have it (a tool that does not know a format treats
            // the value as its type alone): `carry_docs` keeps it in the
            // description.
        }
        self.enumeration(s, ptr, &mut ty, hint, parent, define_as, |v| v.is_string());
        ty
    }

    fn number(
        &mut self,
        s: &Node,
        ptr: &str,
        word: &str,
        hint: &str,
        parent: &str,
        define_as: Option<&str>,
    ) -> Ty {
        let integer = word == "integer";
        let mut ty = Ty::word(word, Shape::Scalar);
        let bound = |n: f64, up: bool| -> Option<Out> {
            if integer {
                let n = if up { n.ceil() } else { n.floor() };
                // Every f64 in [-2^63, 2^63) is an i64 exactly.
                if (-TWO_63..TWO_63).contains(&n) {
                    return Some(Number::from(n as i64).into());
                }
                return None;
            }
            Number::from_f64(n).map(Out::from)
        };
        for (key, exclusive, spec_key, spec_exclusive, up) in [
            (
                "minimum",
                "exclusiveMinimum",
                "minimum",
                "exclusive_minimum",
                true,
            ),
            (
                "maximum",
                "exclusiveMaximum",
                "maximum",
                "exclusive_maximum",
                false,
            ),
        ] {
            // 3.0: a flag beside the bound; 3.1: the bound itself.
            let (value, excl) = match (
                s.get(key).and_then(number_of),
                s.get(exclusive).map(|n| &n.value),
            ) {
                (v, Some(Value::Number(n))) => (n.as_f64().or(v), true),
                (v, Some(Value::Bool(true))) => (v, true),
                (v, _) => (v, false),
            };
            let Some(value) = value else { continue };
            let value = match (excl, integer) {
                (true, true) => {
                    let step = if up {
                        value.floor() + 1.0
                    } else {
                        value.ceil() - 1.0
                    };
                    Some(step)
                }
                (true, false) => {
                    if let Some(b) = bound(value, up) {
                        ty.keys.set(spec_exclusive, b);
                    }
                    continue;
                }
                _ => Some(value),
            };
            // A bound past every `i64` on the open side (`maximum`
            // 9223372036854776000, Java's `Long.MAX_VALUE` through a float)
            // leaves out no integer the spec's type holds: no rule to write.
            let vacuous =
                integer && value.is_some_and(|v| if up { v < -TWO_63 } else { v >= TWO_63 });
            match value.and_then(|v| bound(v, up)) {
                Some(b) => {
                    ty.keys.set(spec_key, b);
                }
                None if vacuous => {}
                None => self.note(
                    &format!("{ptr}/{key}"),
                    "the bound is beyond a 64-bit integer",
                    "left out",
                ),
            }
        }
        if let Some(m) = s.get("multipleOf") {
            match multiple_of(m, integer) {
                Ok(Some(n)) => {
                    ty.keys.set("multiple_of", n);
                }
                // Every integer is a multiple of it (`0.5`): no rule lost.
                Ok(None) => {}
                Err(why) => self.note(&format!("{ptr}/multipleOf"), why, "left out"),
            }
        }
        if integer {
            self.enumeration(s, ptr, &mut ty, hint, parent, define_as, |v| {
                v.as_i64().is_some()
            });
        } else if let Some(list) = s.get("enum") {
            // A rule on the number (`values`), the Rust type `f64`; `null`
            // among them makes it nullable, a number written as its text
            // is that number.
            let mut listed: Vec<Value> = Vec::new();
            let mut unreadable = false;
            for v in list.items() {
                let v =
                    scalar_from_text(Some("number"), &v.value).unwrap_or_else(|| v.value.clone());
                match v {
                    Value::Null => ty.nullable = true,
                    Value::Number(n)
                        if !listed
                            .iter()
                            .any(|m| matches!(m, Value::Number(k) if k.as_f64() == n.as_f64())) =>
                    {
                        listed.push(Value::Number(n))
                    }
                    Value::Number(_) => {}
                    _ => unreadable = true,
                }
            }
            if unreadable {
                self.note(
                    &format!("{ptr}/enum"),
                    "the enum has values that are not of type `number`",
                    "a plain `number`",
                );
            } else if !listed.is_empty() {
                ty.keys.set("values", listed);
            }
        }
        ty
    }

    /// `enum` → `values`, a named type of its own (an enum is an item).
    #[allow(clippy::too_many_arguments)]
    fn enumeration(
        &mut self,
        s: &Node,
        ptr: &str,
        ty: &mut Ty,
        hint: &str,
        parent: &str,
        define_as: Option<&str>,
        fits_kind: impl Fn(&serde_json::Value) -> bool,
    ) {
        let Some(list) = s.get("enum") else { return };
        let mut values: Vec<serde_json::Value> = Vec::new();
        let word = ty.keys.str("type").unwrap_or_default().to_string();
        for v in list.items() {
            // An integer's value written as its text (Bungie's `"0"`, `"1"`)
            // is that integer, as a default written so is.
            // A string's value written as a number or a boolean (Firebrowse's
            // `9` among `"01"`, `"03"`; `[true, false]` for a text flag) is
            // its text, as it travels in a query.
            let v = match scalar_from_text(Some(word.as_str()), &v.value) {
                Some(read) if word == "integer" => read.to_serde(),
                _ => match v.value.to_serde() {
                    n @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))
                        if word == "string" =>
                    {
                        serde_json::Value::String(n.to_string())
                    }
                    other => other,
                },
            };
            if v.is_null() {
                ty.nullable = true;
            } else if !values.contains(&v) {
                values.push(v);
            }
        }
        if values.is_empty() {
            return;
        }
        // An integer's values written as labelled texts (Visual Studio
        // Codespaces' `"0 (User)"`, `"1 (Organization)"`, as a C# enum's
        // generator writes them): the integers travel, and the labels,
        // which the format has no place for per value, go in the enum's
        // description.
        let mut labels = None;
        if word == "integer" && !values.iter().all(&fits_kind) {
            let labelled: Option<Vec<(i64, &str)>> = values
                .iter()
                .map(|v| v.as_str().and_then(labelled_integer))
                .collect();
            if let Some(labelled) = labelled {
                let line = labelled
                    .iter()
                    .map(|(n, label)| format!("`{n}` {label}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                labels = Some(format!("Values: {line}."));
                self.mended(
                    &format!("{ptr}/enum"),
                    format!("the enum of an `integer` lists texts ({})", values[0]),
                    "the integers they start with, their labels in the description",
                );
                values = labelled.iter().map(|(n, _)| (*n).into()).collect();
            }
        }
        if !values.iter().all(&fits_kind) {
            self.note(
                &format!("{ptr}/enum"),
                format!("the enum has values that are not of type `{word}`"),
                format!("a plain `{word}`"),
            );
            return;
        }
        if !variants_ok(&values) {
            self.note(
                &format!("{ptr}/enum"),
                "two values of the enum read alike as Rust names, even spelt out",
                format!("a plain `{word}`"),
            );
            return;
        }
        // Values the type's own length, pattern or bounds refuse (Adyen's
        // `maxLength: 1` over "MALE" and "FEMALE", Circuit's `maxLength: 5`
        // over "ZH_HANS_CN"): the values are what the API says it takes,
        // one by one, so the rules they break go and the values stay. A
        // format they break stays noted: there the values may be the
        // exceptions to it (SendGrid's "now" beside a `date-time`).
        let broken: Vec<(&str, &str)> = VALUE_RULES
            .iter()
            .copied()
            .filter(|&(k, _)| {
                ty.keys.get(k).is_some_and(|rule| {
                    let only = Obj::new().with("type", word.as_str()).with(k, rule.clone());
                    values.iter().any(|v| fits(&only, &from_serde(v)).is_err())
                })
            })
            .collect();
        if !broken.is_empty() {
            let mut kept = ty.keys.clone();
            broken.iter().for_each(|(k, _)| kept.remove(k));
            if values.iter().all(|v| fits(&kept, &from_serde(v)).is_ok()) {
                let bad = values
                    .iter()
                    .find(|v| fits(&ty.keys, &from_serde(v)).is_err())
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                let rules: Vec<String> = broken.iter().map(|(_, d)| format!("`{d}`")).collect();
                self.mended(
                    &format!("{ptr}/enum"),
                    format!(
                        "the value {bad} breaks the type's own {}",
                        rules.join(" and ")
                    ),
                    "the values kept, and the rules they break left out",
                );
                ty.keys = kept;
            }
        }
        if let Some(bad) = values
            .iter()
            .find(|v| fits(&ty.keys, &from_serde(v)).is_err())
        {
            self.note(
                &format!("{ptr}/enum"),
                format!("the value {bad} breaks the type's own rules"),
                format!("a plain `{word}`"),
            );
            return;
        }
        let mut def = ty.keys.clone();
        def.set("values", values.iter().map(from_serde).collect::<Vec<_>>());
        if let Some(labels) = labels {
            def.set("description", labels);
        }
        ty.rules = Some(def.clone());
        let name = self.item(def, hint, parent, define_as, Shape::Scalar);
        ty.keys = Obj::new().with("type", name);
    }

    /// Names an enum or object type: the component's own name, or the
    /// earlier inline one of the same definition, or a new one.
    pub(super) fn item(
        &mut self,
        def: Obj,
        hint: &str,
        parent: &str,
        define_as: Option<&str>,
        shape: Shape,
    ) -> String {
        if let Some(key) = define_as {
            if !self.types.iter().any(|(k, _)| k == key) {
                self.define(key, def, shape);
                self.uses(key);
                return key.to_string();
            }
        }
        let text = crate::json::write(&def.clone().into_value(), false);
        if let Some(name) = self.inline.get(&text).cloned() {
            self.uses(&name);
            return name;
        }
        let name = self.claim(hint, parent);
        self.inline.insert(text, name.clone());
        self.define(&name, def, shape);
        self.uses(&name);
        name
    }

    fn array(&mut self, s: &Node, ptr: &str, hint: &str, parent: &str, depth: usize) -> Ty {
        let mut ty = Ty::word("array", Shape::Other);
        let item = match s.get("items") {
            Some(items) => {
                let at = format!("{ptr}/items");
                self.ty_at(items, &at, &format!("{hint}Item"), parent, depth + 1, None)
            }
            None => Ty::any(),
        };
        // Items that may be `null` are `Option`s: an array of them is no
        // query param's.
        if item.shape == Shape::Scalar && !item.nullable {
            ty.shape = Shape::ScalarArray;
        }
        ty.keys.set("of", item.as_nullable_of());
        self.counts(
            s,
            ptr,
            &mut ty,
            [("minItems", "min_items"), ("maxItems", "max_items")],
        );
        if s.bool_at("uniqueItems") {
            ty.keys.set("unique_items", true);
        }
        ty
    }

    fn object(
        &mut self,
        s: &Node,
        ptr: &str,
        hint: &str,
        parent: &str,
        depth: usize,
        define_as: Option<&str>,
    ) -> Ty {
        let has_fields = !s
            .get("properties")
            .map(|p| p.members())
            .unwrap_or_default()
            .is_empty();
        let extra = s.get("additionalProperties");
        let extra_ty = |im: &mut Self| match extra {
            Some(e) if matches!(e.value, Value::Object(_)) => {
                let at = format!("{ptr}/additionalProperties");
                Some(im.ty_at(e, &at, &format!("{hint}Value"), parent, depth + 1, None))
            }
            _ => None,
        };
        if !has_fields {
            let mut ty = Ty::word("map", Shape::Other);
            let of = extra_ty(self).unwrap_or_else(Ty::any);
            ty.keys.set("of", of.as_nullable_of());
            for (key, spec_key) in [
                ("minProperties", "min_items"),
                ("maxProperties", "max_items"),
            ] {
                if let Some(Ok(n)) = count_of(s.get(key)) {
                    ty.keys.set(spec_key, n);
                }
            }
            // No properties, and no others allowed: the empty object
            // (GitHub's `empty-object`).
            if matches!(extra.map(|e| &e.value), Some(Value::Bool(false))) {
                ty.keys.set("max_items", 0u64);
            }
            return ty;
        }
        // Claim the name before the fields: they may refer back to it.
        let name = match define_as {
            Some(key) => key.to_string(),
            None => String::new(),
        };
        let owner_name = if name.is_empty() {
            let own = crate::case::upper_camel(hint).unwrap_or_default();
            let own = crate::case::unraw(&own).to_string();
            if parent.len() + own.len() > 48 {
                own
            } else {
                format!("{parent}{own}")
            }
        } else {
            name.clone()
        };
        // An object between: an alias (a union, an array) met again inside
        // these fields recurses through this object, as through a named one
        // (dnd5e's `Option`, a union whose member holds a list of options).
        self.converting.push((String::new(), false));
        let mut fields = self.fields(s, ptr, &owner_name, Direction::Both, depth);
        let extra_ty = extra_ty(self);
        self.converting.pop();
        if let Some(of) = extra_ty {
            let mut extra = Obj::new()
                .with("name", "additionalProperties")
                .with("type", "map");
            extra.set("of", of.as_nullable_of());
            extra.set("flatten", true);
            fields.push(extra.into_value());
        }
        settle_rust_names(&mut fields, &[]);
        let most = fields.len() as u64;
        let open = fields
            .iter()
            .any(|f| matches!(f, Value::Object(m) if m.iter().any(|(k, _)| k.name == "flatten")));
        let mut def = Obj::new().with("type", "object");
        if let Some(d) = s.str_at("description") {
            def.set("description", d);
        }
        def.set("fields", fields);
        // `anyOf` (`oneOf`) of `required` lists beside the properties:
        // GitHub's "at least one of `state`, `assignees`".
        for (union, key) in [("anyOf", "requires_any"), ("oneOf", "requires_one")] {
            if let Some(groups) = required_groups(s, union) {
                let groups: Vec<Value> = groups
                    .into_iter()
                    .map(|g| {
                        Value::Array(
                            g.into_iter()
                                .map(|n| Node {
                                    value: Value::String(n),
                                    at: 0,
                                })
                                .collect(),
                        )
                    })
                    .collect();
                def.set(key, groups);
            }
        }
        // Members on the wire, counted as `check` counts them.
        let required = s.get("required").map_or(0, |r| r.items().len() as u64);
        for (key, spec_key) in [
            ("minProperties", "min_items"),
            ("maxProperties", "max_items"),
        ] {
            match count_of(s.get(key)) {
                Some(Ok(n)) if spec_key == "max_items" && n < required => self.note(
                    &format!("{ptr}/{key}"),
                    format!(
                        "`{key}` is below the number of required properties: no value could pass"
                    ),
                    "left out",
                ),
                Some(Ok(n)) if spec_key == "min_items" && n > most && !open => self.note(
                    &format!("{ptr}/{key}"),
                    format!("`{key}` is above the number of properties: no value could pass"),
                    "left out",
                ),
                Some(Ok(n)) => {
                    def.set(spec_key, n);
                }
                Some(Err(())) => self.note(
                    &format!("{ptr}/{key}"),
                    format!("`{key}` is not a whole number"),
                    "left out",
                ),
                None => {}
            }
        }
        let key = self.item(def, hint, parent, define_as, Shape::Other);
        Ty::word(&key, Shape::Other)
    }

    /// The fields of an object schema, each as the spec writes it, one
    /// Rust name each. `Request` leaves `readOnly` members out; `Both`
    /// makes `readOnly` and `writeOnly` ones optional.
    pub(super) fn fields(
        &mut self,
        s: &Node,
        ptr: &str,
        owner: &str,
        direction: Direction,
        depth: usize,
    ) -> Vec<Value> {
        let required: Vec<String> = s
            .get("required")
            .map(|r| {
                r.items()
                    .iter()
                    .filter_map(|n| match &n.value {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut out = Vec::new();
        let props: Vec<(Key, Node)> = s
            .get("properties")
            .map(|p| p.members().to_vec())
            .unwrap_or_default();
        for (name, prop) in &props {
            let at = format!("{ptr}/properties/{}", read::escape(&name.name));
            // JSON Schema's `false`: no value fits, so the object never
            // holds the property (Codat's and Vercel's
            // `properties: {additionalProperties: false}`, misplaced).
            if matches!(prop.value, Value::Bool(false)) {
                self.mended(
                    &at,
                    format!(
                        "the property `{}` has the schema `false`, which no value fits",
                        name.name
                    ),
                    "no field: an object never holds it",
                );
                continue;
            }
            let ty = self.ty_at(prop, &at, &name.name, owner, depth + 1, None);
            let skip = match direction {
                Direction::Request => ty.read_only,
                Direction::Both => false,
            };
            if skip {
                continue;
            }
            let only_one_way = ty.read_only || ty.write_only;
            let req =
                required.contains(&name.name) && !(direction == Direction::Both && only_one_way);
            // Marked for the direction it travels in: `validate` refuses a
            // request that sets a `read_only` field.
            let marks = match direction {
                Direction::Both if ty.read_only && !ty.write_only => Some("read_only"),
                Direction::Both if ty.write_only && !ty.read_only => Some("write_only"),
                _ => None,
            };
            let mut f = field(&name.name, None, ty, req);
            if let Some(mark) = marks {
                f.set(mark, true);
            }
            out.push(f.into_value());
        }
        out
    }
}

/// A field (or param, `in` given) as the spec writes it; its `rust_name`
/// is settled with its siblings' ([`settle_rust_names`]).
pub(super) fn field(name: &str, location: Option<&str>, ty: Ty, required: bool) -> Obj {
    let mut f = Obj::new().with("name", name);
    if let Some(l) = location {
        f.set("in", l);
    }
    for (k, v) in ty.keys.0 {
        f.0.push((k, v));
    }
    if required {
        f.set("required", true);
    }
    if ty.nullable {
        f.set("nullable", true);
    }
    if let Some(d) = ty.default {
        f.set("default", d);
    }
    if ty.sensitive {
        f.set("sensitive", true);
    }
    if let Some(d) = ty.description {
        f.set("description", d);
    }
    f
}

/// Gives `rust_name`s to fields whose Rust names would collide (`fooBar`
/// and `foo_bar`), or that name nothing Rust can spell; `reserved` are
/// taken already.
pub(super) fn settle_rust_names(fields: &mut [Value], reserved: &[&str]) {
    let mut taken: std::collections::BTreeSet<String> =
        reserved.iter().map(|s| s.to_string()).collect();
    // Rust names given already (params of one name in different places)
    // are kept, and taken first.
    let given = |members: &[(Key, Node)]| {
        members.iter().find_map(|(k, v)| match &v.value {
            Value::String(s) if k.name == "rust_name" => Some(s.clone()),
            _ => None,
        })
    };
    for f in fields.iter() {
        if let Value::Object(members) = f {
            taken.extend(given(members));
        }
    }
    for f in fields.iter_mut() {
        let Value::Object(members) = f else { continue };
        if given(members).is_some() {
            continue;
        }
        let name = members
            .iter()
            .find(|(k, _)| k.name == "name")
            .and_then(|(_, v)| match &v.value {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let Some(ident) = crate::case::settle_field_name(&name, &mut taken) else {
            continue;
        };
        after_name(members, "rust_name", Value::String(ident));
    }
}

/// Puts `key: value` right after a field's `name` (first, if it has none),
/// where a person writing the spec puts it.
pub(super) fn after_name(members: &mut Vec<(Key, Node)>, name: &str, value: Value) {
    let at = members
        .iter()
        .position(|(k, _)| k.name == "name")
        .map_or(0, |i| i + 1);
    members.insert(at, (key(name), node(value)));
}

pub(super) fn key(name: &str) -> Key {
    Key {
        name: name.into(),
        at: 0,
    }
}

/// Whether a schema is `{type: null}` (or an `enum: [null]`).
fn is_null_schema(s: &Node) -> bool {
    s.str_at("type") == Some("null")
        || matches!(s.get("enum").map(|e| e.items()), Some([only]) if matches!(only.value, Value::Null))
}

/// Whether a union's member stands for `null` beside the others: `{type:
/// null}`, or `{type: object, nullable: true}` and nothing else, which
/// Microsoft's OData descriptions (Graph: thousands of them) put beside a
/// reference to say "this, or null". Read strictly it is any object or
/// null; as a reader's member it could never hold a value apart from the
/// others, and it is meant as the `null`. So is `{nullable: true}` with
/// no type at all (Slack's `[{nullable: true}, {type: string}]`).
pub(super) fn null_member(s: &Node) -> bool {
    let marker = matches!(s.str_at("type"), Some("object") | None)
        && s.bool_at("nullable")
        && s.members()
            .iter()
            .all(|(k, _)| ["type", "nullable", "description", "title"].contains(&k.name.as_str()));
    is_null_schema(s) || marker
}

/// Whether a schema says `null` is one of its values.
pub(super) fn nullable_of(s: &Node) -> bool {
    s.bool_at("nullable")
        || s.get("type").is_some_and(|t| {
            t.items()
                .iter()
                .any(|w| matches!(&w.value, Value::String(x) if x == "null"))
        })
        || ["oneOf", "anyOf"].iter().any(|u| {
            s.get(u).is_some_and(|m| {
                let members = m.items();
                members.iter().any(is_null_schema)
                    || (members.len() > 1 && members.iter().any(null_member))
            })
        })
}

/// Whether a component is an object (named by its fields, so a reference
/// back to it is recursion a struct can hold).
fn is_object(s: &Node) -> bool {
    s.get("properties").is_some() || s.get("allOf").is_some() || s.str_at("type") == Some("object")
}

/// The type word a schema without `type` implies.
fn infer_word(s: &Node) -> String {
    if s.get("properties").is_some() || s.get("additionalProperties").is_some() {
        return "object".into();
    }
    if s.get("items").is_some() {
        return "array".into();
    }
    if let Some(first) = s
        .get("enum")
        .and_then(|e| e.items().iter().find(|v| !matches!(v.value, Value::Null)))
    {
        return match &first.value {
            Value::String(_) => "string",
            Value::Number(n) if n.as_i64().is_some() => "integer",
            Value::Number(_) => "number",
            Value::Bool(_) => "boolean",
            _ => "",
        }
        .into();
    }
    String::new()
}

/// Why `value` does not fit a scalar type's rules (a default, a listed
/// value), as far as the import can tell before `check`: kind, values,
/// lengths, bounds, pattern and format.
fn fits(rules: &Obj, value: &Value) -> Result<(), String> {
    let word = rules.str("type").unwrap_or("any");
    if let Some(Value::Array(values)) = rules.get("values") {
        if !values.iter().any(|v| v.value == *value) {
            return Err("is not one of the enum's values".into());
        }
    }
    let num = |k: &str| match rules.get(k) {
        Some(Value::Number(n)) => n.as_f64(),
        _ => None,
    };
    match (word, value) {
        ("string", Value::String(s)) => {
            let len = s.chars().count() as f64;
            if num("min_length").is_some_and(|m| len < m)
                || num("max_length").is_some_and(|m| len > m)
            {
                return Err("breaks the length rules".into());
            }
            if let Some(p) = rules.str("pattern") {
                if crate::patterns::refuses(p, s) {
                    return Err("does not match the pattern".into());
                }
            }
            if let Some(f) = rules.str("format").and_then(format_named) {
                if !f.accepts(s) {
                    return Err(format!("is not a valid `{}`", f.name()));
                }
            }
            Ok(())
        }
        ("integer", Value::Number(n)) if n.as_i64().is_some() => {
            range(num("minimum"), num("maximum"), n.as_f64())?;
            match rules.get("multiple_of") {
                Some(Value::Number(m))
                    if m.as_i64().is_some_and(|m| {
                        m > 0 && n.as_i64().and_then(|n| n.checked_rem(m)) != Some(0)
                    }) =>
                {
                    Err("is not a multiple of `multipleOf`".into())
                }
                _ => Ok(()),
            }
        }
        ("number", Value::Number(n)) => {
            range(num("minimum"), num("maximum"), n.as_f64())?;
            let x = n.as_f64().unwrap_or(0.0);
            if num("exclusive_minimum").is_some_and(|m| x <= m)
                || num("exclusive_maximum").is_some_and(|m| x >= m)
            {
                return Err("is outside the exclusive bounds".into());
            }
            let multiple =
                num("multiple_of").and_then(endpoints_runtime::validate::Decimal::of_f64);
            match multiple {
                Some(m) if !m.divides(n.as_f64().unwrap_or(f64::NAN)) => {
                    Err("is not a multiple of `multipleOf`".into())
                }
                _ => Ok(()),
            }
        }
        ("boolean", Value::Bool(_)) => Ok(()),
        ("array", Value::Array(items)) if items.is_empty() => Ok(()),
        ("map", Value::Object(members)) if members.is_empty() => Ok(()),
        ("any", _) => Ok(()),
        (w, v) if ["string", "integer", "number", "boolean"].contains(&w) => {
            Err(format!("is {}, not a valid `{w}`", v.kind()))
        }
        ("array", v) if !matches!(v, Value::Array(_)) => {
            Err(format!("is {}, not a valid `array`", v.kind()))
        }
        ("map" | "object", v) if !matches!(v, Value::Object(_)) => {
            Err(format!("is {}, not a valid `{word}`", v.kind()))
        }
        (w, _) => Err(format!("is not checked against a `{w}` by the import")),
    }
}

/// The boolean or number a string spells exactly as JSON writes it
/// (`"true"`, `"20"`, `"0.5"`), where the type is that kind: `None` for
/// any other text or type (`"yes"`, `" 20"`, `"020"`).
fn scalar_from_text(word: Option<&str>, value: &Value) -> Option<Value> {
    let Value::String(text) = value else {
        return None;
    };
    if text.trim() != text {
        return None;
    }
    let read = crate::json::parse(text).ok()?.value;
    match (word?, &read) {
        ("boolean", Value::Bool(_)) => Some(read),
        ("integer", Value::Number(n)) if n.as_i64().is_some() => Some(read),
        ("number", Value::Number(_)) => Some(read),
        _ => None,
    }
}

/// The integer and label of a labelled value (`"0 (User)"` → `(0,
/// "(User)")`): an integer, one space, and a label in parentheses.
fn labelled_integer(text: &str) -> Option<(i64, &str)> {
    let (number, label) = text.split_once(' ')?;
    let well_formed = label.len() > 2
        && label.starts_with('(')
        && label.ends_with(')')
        && !number.starts_with('+')
        && !(number.len() > 1 && number.trim_start_matches('-').starts_with('0'));
    well_formed
        .then(|| number.parse().ok())
        .flatten()
        .map(|n| (n, label))
}

/// The groups of a schema's `anyOf` (or `oneOf`) whose members only list
/// `required` properties the schema declares (GitHub's `anyOf: [{required:
/// [state]}, {required: [assignees]}]`): at least (exactly) one group set
/// in full.
/// Whether an `anyOf` beside an object's properties lets through every
/// object those properties make: each property required alone by a
/// member, and a member of no property at all (`maxProperties: 0`),
/// GitHub's gist files (`content`, or `filename`, or `{}`). Any set of
/// the properties holds one of them, or none, so the union says nothing
/// of an object its fields make.
fn every_subset(s: &Node, union: &str, members: &[(usize, &Node)]) -> bool {
    let Some(props) = s.get("properties") else {
        return false;
    };
    if union != "anyOf" || props.members().is_empty() {
        return false;
    }
    let mut alone: Vec<&str> = Vec::new();
    let mut empty = false;
    for (_, m) in members {
        let keys = m.members();
        let only = |allowed: &[&str]| {
            keys.iter()
                .all(|(k, _)| allowed.contains(&k.name.as_str()) || super::union::is_doc(&k.name))
        };
        let none = matches!(m.get("maxProperties").map(|n| n.value.to_serde()), Some(n) if n == 0)
            && only(&["maxProperties", "type"])
            && m.str_at("type").is_none_or(|t| t == "object");
        let required: Option<&str> = match m.get("required").map(|r| r.items()) {
            Some([one]) if only(&["required"]) => match &one.value {
                Value::String(name) => Some(name.as_str()),
                _ => None,
            },
            _ => None,
        };
        match (none, required) {
            (true, _) => empty = true,
            (false, Some(name)) => alone.push(name),
            (false, None) => return false,
        }
    }
    empty
        && props
            .members()
            .iter()
            .all(|(k, _)| alone.contains(&k.name.as_str()))
}

pub(super) fn required_groups(s: &Node, union: &str) -> Option<Vec<Vec<String>>> {
    let members = s.get(union)?.items();
    let props = s.get("properties")?;
    let mut groups = Vec::new();
    for m in members {
        let Value::Object(keys) = &m.value else {
            return None;
        };
        if keys
            .iter()
            .any(|(k, _)| !["required", "description", "title"].contains(&k.name.as_str()))
        {
            return None;
        }
        let names: Vec<String> = m
            .get("required")?
            .items()
            .iter()
            .map(|n| match &n.value {
                Value::String(s) if props.get(s).is_some() => Some(s.clone()),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if names.is_empty() {
            return None;
        }
        groups.push(names);
    }
    (!groups.is_empty()).then_some(groups)
}

/// The rules of a scalar that listed values may break, by their spec and
/// document names; a format is not among them (see `Importer::enumeration`).
const VALUE_RULES: &[(&str, &str)] = &[
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("pattern", "pattern"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("multiple_of", "multipleOf"),
];

/// 2^63: the first integer past `i64::MAX`, exactly an `f64`.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

/// How many named types a default is followed through.
const MAX_FIT_DEPTH: usize = 8;

/// Why `value` does not fit the type `rules` describe, as [`fits`] for
/// scalars, and for arrays, maps and objects by their items, values and
/// fields (a required field missing, a field's value that does not fit),
/// named types looked up among those made so far: a default such as `{}`
/// or `["push"]` is checked, not noted.
fn fits_in(
    types: &[(String, super::Def)],
    rules: &Obj,
    value: &Value,
    depth: usize,
) -> Result<(), String> {
    let word = rules.str("type").unwrap_or("any");
    let rules_of = |v: Option<&Value>| match v {
        Some(Value::String(w)) => Some(Obj::new().with("type", w.as_str())),
        Some(Value::Object(members)) => Some(Obj(members
            .iter()
            .map(|(k, n)| (k.name.clone(), n.value.clone()))
            .collect())),
        _ => None,
    };
    let unchecked = || Err(format!("is not checked against a `{word}` by the import"));
    if depth > MAX_FIT_DEPTH {
        return unchecked();
    }
    let nullable = |r: &Obj| matches!(r.get("nullable"), Some(Value::Bool(true)));
    let count = |n: usize| {
        let bound = |k: &str| match rules.get(k) {
            Some(Value::Number(m)) => m.as_u64(),
            _ => None,
        };
        if bound("min_items").is_some_and(|m| (n as u64) < m)
            || bound("max_items").is_some_and(|m| (n as u64) > m)
        {
            return Err("breaks the count rules".to_string());
        }
        Ok(())
    };
    let each = |of: Option<Obj>, items: Vec<&Value>| match of {
        Some(of) => items.into_iter().try_for_each(|item| {
            if matches!(item, Value::Null) && nullable(&of) {
                Ok(())
            } else {
                fits_in(types, &of, item, depth + 1)
            }
        }),
        None => Ok(()),
    };
    match (word, value) {
        ("array", Value::Array(items)) => {
            count(items.len())?;
            each(
                rules_of(rules.get("of")),
                items.iter().map(|n| &n.value).collect(),
            )
        }
        ("map", Value::Object(members)) => {
            count(members.len())?;
            each(
                rules_of(rules.get("of")),
                members.iter().map(|(_, n)| &n.value).collect(),
            )
        }
        ("object", Value::Object(members)) => {
            let fields = match rules.get("fields") {
                Some(Value::Array(fields)) => fields.as_slice(),
                _ => &[],
            };
            count(members.len())?;
            // A member no field names, where no flattened map takes it.
            let named = |k: &str| {
                fields.iter().any(|f| {
                    rules_of(Some(&f.value)).is_some_and(|f| {
                        f.str("name") == Some(k)
                            || matches!(f.get("flatten"), Some(Value::Bool(true)))
                    })
                })
            };
            if let Some((k, _)) = members.iter().find(|(k, _)| !named(&k.name)) {
                return Err(format!(
                    "has `{}`, which the object has no field for",
                    k.name
                ));
            }
            for field in fields {
                let Some(field) = rules_of(Some(&field.value)) else {
                    continue;
                };
                let Some(name) = field.str("name") else {
                    continue;
                };
                if matches!(field.get("flatten"), Some(Value::Bool(true))) {
                    continue;
                }
                match members.iter().find(|(k, _)| k.name == name) {
                    None if matches!(field.get("required"), Some(Value::Bool(true))) => {
                        return Err(format!("lacks the required field `{name}`"));
                    }
                    None => {}
                    Some((_, v)) if matches!(v.value, Value::Null) && nullable(&field) => {}
                    Some((_, v)) => fits_in(types, &field, &v.value, depth + 1)
                        .map_err(|why| format!("has `{name}`, which {why}"))?,
                }
            }
            Ok(())
        }
        (w, _) if !crate::model::TYPE_WORDS.contains(&w) => {
            match types.iter().find(|(k, _)| k == w) {
                Some((_, def)) => {
                    if let Some(Value::Array(values)) = rules.get("values") {
                        if !values.iter().any(|v| v.value == *value) {
                            return Err("is not one of the enum's values".into());
                        }
                    }
                    fits_in(types, &def.def, value, depth + 1)
                }
                None => unchecked(),
            }
        }
        _ => fits(rules, value),
    }
}

fn range(min: Option<f64>, max: Option<f64>, n: Option<f64>) -> Result<(), String> {
    let n = n.unwrap_or(0.0);
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        return Err("is outside the bounds".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_values_must_name_distinct_variants() {
        use serde_json::json;
        assert!(variants_ok(&[json!("small"), json!("large")]));
        // Spelt out where their names would clash or be empty.
        assert!(variants_ok(&[json!("a-b"), json!("a_b")]));
        assert!(variants_ok(&[json!("*"), json!("")]));
        // Alike even spelt out: numbered (`Self_`, `Self_2`).
        assert!(variants_ok(&[json!("self"), json!("Self")]));
        // `"other"` is the value's own variant; values outside the list
        // are then `Unlisted`.
        assert!(variants_ok(&[json!("other"), json!("Unlisted")]));
        assert!(variants_ok(&[json!(1), json!(-1)]));
    }
}
