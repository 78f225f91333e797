//! The examples a spec carries, checked against what they are examples of:
//! a response's body against its type, a param's or field's value against
//! its type, and a request's body against the body params.
//!
//! Pages show examples more reliably than they document fields, so an
//! example that does not fit its type is where a transcription went wrong,
//! or where the page changed since. Each mismatch is an error at the
//! example's own line and column, naming the path inside it
//! (`responses[0].examples[0].organization.timeZone`), and the walk goes on
//! past it, so one check reports every one.

use std::collections::BTreeMap;

use crate::check::{count, fits, unique_items};
use crate::ctxt::{did_you_mean, Ctxt, Loc};
use crate::json::{self, Node, Number, Offset, Value};
use crate::model::{Field, In, Kind, Spec, Type};

/// How many named types a value may pass through without going one level
/// deeper into the example (aliases are inlined by then; this only bounds a
/// model left broken by errors reported elsewhere).
const MAX_HOPS: usize = 16;

/// Checks every example of `spec`. Runs once the spec's names are settled,
/// so errors name objects as the generated code does.
pub fn check_examples(cx: &mut Ctxt, spec: &Spec) {
    let mut walk = Walk {
        cx,
        defs: &spec.types,
    };
    for ty in spec.types.values() {
        walk.fields_in(ty);
    }
    for param in &spec.params {
        walk.field(&param.field);
    }
    for response in &spec.responses {
        for header in &response.headers {
            walk.field(header);
        }
        if let Some(body) = &response.body {
            walk.fields_in(body);
        }
        for (node, loc) in &response.examples {
            // Without a body type the body is kept as any JSON.
            if let Some(body) = &response.body {
                walk.slot(body, false, node, loc, Holder::Body);
            }
            if let (Some(field), Value::Object(members)) = (&spec.status_field, &node.value) {
                walk.status(spec, &response.name, field, members, loc);
            }
        }
    }
    for (node, loc) in &spec.examples {
        walk.request(spec, node, loc);
    }
}

/// What holds a value, for the words of a `null` error.
enum Holder<'a> {
    Field(&'a str),
    Item,
    MapValue,
    Body,
}

struct Walk<'c, 'd> {
    cx: &'c mut Ctxt,
    defs: &'d BTreeMap<String, Type>,
}

impl<'d> Walk<'_, 'd> {
    /// The examples of a field, then of the fields of the objects inside it.
    fn field(&mut self, field: &Field) {
        for (node, loc) in &field.examples {
            self.slot(
                &field.ty,
                field.nullable,
                node,
                loc,
                Holder::Field(&field.name),
            );
        }
        self.fields_in(&field.ty);
    }

    /// The examples of the fields written inside `ty` (named types are
    /// walked from `types`, once).
    fn fields_in(&mut self, ty: &Type) {
        match &ty.kind {
            Kind::Array(of) | Kind::Map(of) => self.fields_in(of),
            Kind::Object(fields) => fields.iter().for_each(|f| self.field(f)),
            Kind::Union(union) => union.members.iter().for_each(|m| self.fields_in(&m.ty)),
            _ => {}
        }
    }

    /// A value where `null` is allowed only when `nullable` (or the type is
    /// `any`, which holds any JSON).
    fn slot(&mut self, ty: &Type, nullable: bool, node: &Node, loc: &Loc, holder: Holder<'_>) {
        if !matches!(node.value, Value::Null) {
            return self.value(ty, node, loc, 0);
        }
        if nullable || self.is_any(ty, 0) {
            return;
        }
        let message = match holder {
            Holder::Field(name) => format!(
                "the example has `null`, and `{name}` is not `nullable`; mark it `\"nullable\": true` if the API sends `null`"
            ),
            Holder::Item => {
                "the example has `null` as an item, which only an array of `any` may hold".into()
            }
            Holder::MapValue => {
                "the example has `null` as a value, which only a map of `any` may hold".into()
            }
            Holder::Body => format!(
                "the example body is `null`, and the body is `{}`",
                self.word(ty)
            ),
        };
        self.cx.error(loc, message);
    }

    fn is_any(&self, ty: &Type, hops: usize) -> bool {
        match &ty.kind {
            _ if ty.broken => true,
            Kind::Any => true,
            Kind::Named(name) if hops < MAX_HOPS => self
                .defs
                .get(name)
                .is_none_or(|def| self.is_any(def, hops + 1)),
            _ => false,
        }
    }

    /// How errors name a type: its generated item, or its type word.
    fn word(&self, ty: &Type) -> String {
        match (&ty.item, &ty.kind) {
            (Some(item), _) => item.clone(),
            (None, Kind::Named(name)) => self
                .defs
                .get(name)
                .and_then(|d| d.item.clone())
                .unwrap_or_else(|| name.clone()),
            (None, kind) => kind.word().to_string(),
        }
    }

    /// A value that is not `null`.
    fn value(&mut self, ty: &Type, node: &Node, loc: &Loc, hops: usize) {
        if ty.broken {
            return;
        }
        match (&ty.kind, &node.value) {
            (Kind::Any, _) => {}
            (Kind::Named(name), _) => {
                if let Some(def) = self.defs.get(name).filter(|_| hops < MAX_HOPS) {
                    self.value(def, node, loc, hops + 1);
                }
            }
            (Kind::String | Kind::Bytes, Value::String(_))
            | (Kind::Number, Value::Number(_))
            | (Kind::Boolean, Value::Bool(_)) => self.rules(ty, node.value.to_serde(), loc),
            (Kind::Integer, Value::Number(n)) => match whole(n) {
                Whole::Int(i) => self.rules(ty, i.into(), loc),
                Whole::Fraction => self.cx.error(
                    loc,
                    format!(
                        "the example has the number {n}, which has a fraction, where the spec has `integer`"
                    ),
                ),
                Whole::OutOfRange => self.cx.error(
                    loc,
                    format!(
                        "the example has the number {n}, which is outside what an `integer` holds (a 64-bit signed integer)"
                    ),
                ),
            },
            (Kind::Array(of), Value::Array(items)) => {
                self.count(ty, items.len(), loc);
                if ty.constraints.unique_items == Some(true) {
                    let values: Vec<_> = items.iter().map(|i| i.value.to_serde()).collect();
                    if let Err(why) = unique_items(ty, &values) {
                        self.cx.error(loc, format!("the example {why}"));
                    }
                }
                for (i, item) in items.iter().enumerate() {
                    self.slot(of, false, item, &loc.index(i, item.at), Holder::Item);
                }
            }
            (Kind::Map(of), Value::Object(members)) => {
                self.count(ty, members.len(), loc);
                for (key, item) in members {
                    let at = member(loc, &key.name, item.at);
                    self.slot(of, false, item, &at, Holder::MapValue);
                }
            }
            (Kind::Union(union), _) => {
                // The member a reader would choose, checked as that member.
                let value = node.value.to_serde();
                // (Without its tag, where members may leave it out, the
                // first member that fits, as an untagged one.)
                let chosen = match &union.tag {
                    Some((field, _)) if value.get(field).is_some() => {
                        union.members.iter().find(|m| {
                            let tag = m.tag.as_ref().map(|(t, _)| t.as_str());
                            value.get(field).and_then(|v| v.as_str()) == tag
                        })
                    }
                    Some(_) if crate::union::fits_union(union, &value, self.defs, 0).is_err() => {
                        None
                    }
                    _ => union
                        .members
                        .iter()
                        .find(|m| fits(&m.ty, &value, self.defs, 0).is_ok()),
                };
                match chosen {
                    Some(m) => self.value(&m.ty, node, loc, hops),
                    None => {
                        let why = crate::union::fits_union(union, &value, self.defs, 0)
                            .err()
                            .unwrap_or_default();
                        self.cx.error(loc, format!("the example {why}"));
                    }
                }
            }
            (Kind::Object(fields), Value::Object(members)) => {
                let owner = format!("`{}`", self.word(ty));
                let fields: Vec<&Field> = fields.iter().collect();
                self.members(&fields, &owner, "field", members, loc, hops);
            }
            (_, value) => {
                let word = self.word(ty);
                self.cx.error(
                    loc,
                    format!(
                        "the example has {} where the spec has `{word}`",
                        value.kind()
                    ),
                );
            }
        }
    }

    /// The rules of a scalar type (`values`, lengths, `pattern`, `format`,
    /// bounds), in the words of the spec's other value checks.
    fn rules(&mut self, ty: &Type, value: serde_json::Value, loc: &Loc) {
        if let Err(why) = fits(ty, &value, self.defs, 0) {
            self.cx
                .error(loc, format!("the example's value {value} {why}"));
        }
    }

    fn count(&mut self, ty: &Type, n: usize, loc: &Loc) {
        if let Err(why) = count(ty, n as u64) {
            self.cx.error(loc, format!("the example {why}"));
        }
    }

    /// The members of an object example against `fields` (an object's
    /// fields, or the request's body params): each member a field (or an
    /// entry of a flattened map), and every required field there. `what`
    /// is "field" or "param".
    fn members(
        &mut self,
        fields: &[&Field],
        owner: &str,
        what: &str,
        members: &[(json::Key, Node)],
        loc: &Loc,
        hops: usize,
    ) {
        let (named, rest) = self.flattened(fields, hops);
        for (key, item) in members {
            let at = member(loc, &key.name, item.at);
            match named.iter().find(|f| f.name == key.name) {
                Some(field) => self.slot(
                    &field.ty,
                    field.nullable,
                    item,
                    &at,
                    Holder::Field(&field.name),
                ),
                None => match rest {
                    Some(of) => self.slot(of, false, item, &at, Holder::MapValue),
                    None => {
                        let hint = did_you_mean(&key.name, named.iter().map(|f| f.name.as_str()));
                        let at = Loc { at: key.at, ..at };
                        self.cx.error(
                            &at,
                            format!(
                                "the example has `{}`, which is not a {what} of {owner}{hint}",
                                key.name
                            ),
                        );
                    }
                },
            }
        }
        for field in named.iter().filter(|f| f.required) {
            if !members.iter().any(|(k, _)| k.name == field.name) {
                self.cx.error(
                    loc,
                    format!(
                        "the example lacks `{}`, a required {what} of {owner}",
                        field.name
                    ),
                );
            }
        }
    }

    /// The fields whose names sit in an object on the wire (a flattened
    /// object's fields among them), and the value type of the flattened
    /// map that takes every other key, if there is one.
    fn flattened<'f>(&self, fields: &[&'f Field], hops: usize) -> (Vec<&'f Field>, Option<&'f Type>)
    where
        'd: 'f,
    {
        let mut named = Vec::new();
        let mut rest = None;
        for field in fields {
            if !field.flatten {
                named.push(*field);
                continue;
            }
            match &field.ty.kind {
                Kind::Map(of) => rest = rest.or(Some(&**of)),
                Kind::Object(inner) => {
                    let inner: Vec<&Field> = inner.iter().collect();
                    let (more, more_rest) = self.flattened(&inner, hops);
                    named.extend(more);
                    rest = rest.or(more_rest);
                }
                Kind::Named(name) if hops < MAX_HOPS => {
                    if let Some(Kind::Object(inner)) = self.defs.get(name).map(|d| &d.kind) {
                        let inner: Vec<&Field> = inner.iter().collect();
                        let (more, more_rest) = self.flattened(&inner, hops + 1);
                        named.extend(more);
                        rest = rest.or(more_rest);
                    }
                }
                _ => {}
            }
        }
        (named, rest)
    }

    /// A request example: the body, an object of body params by wire name.
    fn request(&mut self, spec: &Spec, node: &Node, loc: &Loc) {
        let Value::Object(members) = &node.value else {
            self.cx.error(
                loc,
                format!(
                    "a request example is the request's body, an object of its body params by wire name; found {}",
                    node.value.kind()
                ),
            );
            return;
        };
        if spec.route.body == crate::model::BodyEncoding::None {
            self.cx.error(
                loc,
                "the spec sends no body (`\"body\": \"none\"`), so it has no request example",
            );
            return;
        }
        let body: Vec<&Field> = spec
            .params
            .iter()
            .filter(|p| p.in_ == In::Body)
            .map(|p| &p.field)
            .collect();
        // A key naming a param that travels elsewhere: say where it goes.
        let mut in_body = Vec::new();
        for (key, item) in members {
            match spec.params.iter().find(|p| p.field.name == key.name) {
                Some(p) if p.in_ != In::Body => {
                    let at = Loc {
                        at: key.at,
                        ..member(loc, &key.name, item.at)
                    };
                    self.cx.error(
                        &at,
                        format!(
                            "`{}` is a {} param, not a body param; a request example holds the body",
                            key.name,
                            p.in_.name()
                        ),
                    );
                }
                _ => in_body.push((key.clone(), item.clone())),
            }
        }
        self.members(&body, "the request's body", "param", &in_body, loc, 0);
    }

    /// With `status_field`, an example whose slug names another response
    /// would be read as that one.
    fn status(
        &mut self,
        spec: &Spec,
        name: &str,
        field: &str,
        members: &[(json::Key, Node)],
        loc: &Loc,
    ) {
        let Some((key, node)) = members.iter().find(|(k, _)| k.name == field) else {
            return;
        };
        let Value::String(slug) = &node.value else {
            return;
        };
        if slug == name {
            return;
        }
        let read_as = if spec.responses.iter().any(|r| r.name == *slug) {
            format!("`{slug}`")
        } else {
            "`Unknown`".to_string()
        };
        self.cx.error(
            &member(loc, &key.name, node.at),
            format!(
                "the example's `{field}` names `{slug}`, but it is an example of `{name}`: a client would read it as {read_as}"
            ),
        );
    }
}

/// What an example's number is to an `integer`.
#[derive(Debug, PartialEq)]
enum Whole {
    /// An `i64`, maybe written with a zero fraction (`5.0` is `5`).
    Int(i64),
    Fraction,
    /// A whole number no `i64` holds.
    OutOfRange,
}

/// An integer's value, read from the number's text exactly as the runtime
/// reads a server's answer: `5.0` is `5`, and nothing is rounded or
/// clamped on the way.
fn whole(n: &Number) -> Whole {
    match endpoints_runtime::__private::exact_integer(n.text().as_bytes()) {
        Some(digits) => digits.parse().map_or(Whole::OutOfRange, Whole::Int),
        None if n.as_f64().is_some_and(|f| f.fract() == 0.0) => Whole::OutOfRange,
        None => Whole::Fraction,
    }
}

/// The location of the member `key` of the object at `loc`: `.key`, or
/// `["First Name"]` for a key that is not a plain name.
fn member(loc: &Loc, key: &str, at: Offset) -> Loc {
    let plain = key.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if plain {
        loc.key(key, at)
    } else {
        Loc {
            file: loc.file,
            path: format!("{}[{}]", loc.path, json::quote(key)),
            at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_named_as_paths_read() {
        let loc = Loc {
            file: 0,
            path: "examples[0]".into(),
            at: 0,
        };
        assert_eq!(member(&loc, "email", 3).path, "examples[0].email");
        assert_eq!(
            member(&loc, "First Name", 3).path,
            "examples[0][\"First Name\"]"
        );
        assert_eq!(member(&loc, "+1", 3).path, "examples[0][\"+1\"]");
        assert_eq!(
            member(&loc, "X-Auth-Token", 3).path,
            "examples[0].X-Auth-Token"
        );
    }

    #[test]
    fn integers_may_be_written_with_a_zero_fraction() {
        let n = |s: &str| match crate::json::parse(s).unwrap().value {
            Value::Number(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(whole(&n("5")), Whole::Int(5));
        assert_eq!(whole(&n("5.0")), Whole::Int(5));
        assert_eq!(whole(&n("-50e-1")), Whole::Int(-5));
        assert_eq!(whole(&n("5.5")), Whole::Fraction);
        assert_eq!(whole(&n("1e300")), Whole::OutOfRange);
        // Never clamped to the nearest `i64`, nor rounded above 2^53.
        assert_eq!(whole(&n("9223372036854775808")), Whole::OutOfRange);
        assert_eq!(whole(&n("-9223372036854775809")), Whole::OutOfRange);
        assert_eq!(whole(&n("-9223372036854775808")), Whole::Int(i64::MIN));
        assert_eq!(
            whole(&n("9007199254740993.0")),
            Whole::Int(9_007_199_254_740_993)
        );
    }
}
