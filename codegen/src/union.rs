//! The rules of a union (`"type": "union"`): what its members may be,
//! what a tag asks of them, and which members could never be chosen. Run
//! by `check` on every union, after aliases are inlined.

use std::collections::BTreeMap;

use crate::check::{fits, items_word};
use crate::ctxt::Ctxt;
use crate::model::{Field, Kind, Member, Type, Union};

/// How many named types a comparison of two members follows.
const MAX_HOPS: usize = 8;

pub(crate) fn check_union(cx: &mut Ctxt, union: &Union, defs: &BTreeMap<String, Type>) {
    for member in &union.members {
        check_member_kind(cx, member, defs);
    }
    match &union.tag {
        Some((tag, _)) => {
            for member in &union.members {
                check_tag_field(cx, tag, member, defs);
            }
        }
        None => check_reachable(cx, &union.members, defs),
    }
}

/// A union inside a union, or `any`, would take every value before the
/// members after it:
///
/// ```json
/// { "type": "union", "of": ["any", "Cat"] }
/// ```
fn check_member_kind(cx: &mut Ctxt, member: &Member, defs: &BTreeMap<String, Type>) {
    if member.ty.broken {
        return;
    }
    match &resolved(&member.ty, defs).kind {
        Kind::Any => cx.error(
            &member.ty.loc,
            "`any` cannot be a member: the union keeps a value no member fits in `Other` already",
        ),
        Kind::Union(_) => cx.error(
            &member.ty.loc,
            format!(
                "the union `{}` cannot be a member of another union; list its members here",
                member.written
            ),
        ),
        _ => {}
    }
}

/// Each member of a tagged union is an object whose tag field is a
/// string, not nullable, that can hold the member's tag value (a member
/// whose tag field is optional is read untagged from a value without it):
///
/// ```json
/// { "type": "union", "tag": "kind", "of": { "cat": "string", "dog": "Dog" } }
/// ```
/// (`string` has no field; `Dog` must declare `kind`, required, a
/// `string` whose `values`, if any, include `"dog"`).
fn check_tag_field(cx: &mut Ctxt, tag: &str, member: &Member, defs: &BTreeMap<String, Type>) {
    let Some((value, _)) = &member.tag else {
        return;
    };
    let def = resolved(&member.ty, defs);
    if member.ty.broken || def.broken || matches!(def.kind, Kind::Any | Kind::Union(_)) {
        return;
    }
    let Kind::Object(fields) = &def.kind else {
        cx.error(
            &member.ty.loc,
            format!(
                "a member of a union tagged by `{tag}` must be an object holding that field; `{}` is not an object",
                member.written
            ),
        );
        return;
    };
    let Some(field) = fields.iter().find(|f| f.name == tag && !f.flatten) else {
        cx.error(
            &member.ty.loc,
            format!(
                "the member `{}` has no field `{tag}`: each member of the union carries its tag; add `{{ \"name\": \"{tag}\", \"type\": \"string\", \"required\": true }}` to its `fields`",
                member.written
            ),
        );
        return;
    };
    let string = matches!(resolved(&field.ty, defs).kind, Kind::String);
    if !string || field.nullable {
        cx.error(
            &field.loc,
            format!(
                "the field `{tag}` carries the tag of the union's member `{value}`, so it must be a `string` that is not nullable"
            ),
        );
        return;
    }
    if fits(
        &field.ty,
        &serde_json::Value::String(value.clone()),
        defs,
        0,
    )
    .is_err()
    {
        cx.error(
            &field.loc,
            format!(
                "the field `{tag}` cannot hold `{value}`, the tag value that names this member of the union: its rules or `values` leave it out"
            ),
        );
    }
}

/// Members are tried in spec order: one whose every value an earlier
/// member takes is never chosen.
///
/// ```json
/// { "type": "union", "of": ["number", "integer"] }
/// ```
/// (every integer is a number). Objects ignore keys they do not name, so
/// an object takes every object holding its required fields:
/// `{ "of": ["Pet", "Cat"] }` never yields a `Cat` when `Pet`'s required
/// fields are among `Cat`'s.
fn check_reachable(cx: &mut Ctxt, members: &[Member], defs: &BTreeMap<String, Type>) {
    // `any` and unions are reported as members already.
    let plain = |m: &Member| {
        !m.ty.broken && !matches!(resolved(&m.ty, defs).kind, Kind::Any | Kind::Union(_))
    };
    for (i, later) in members.iter().enumerate() {
        if !plain(later) {
            continue;
        }
        let Some(earlier) = members[..i]
            .iter()
            .find(|m| plain(m) && covers(&m.ty, &later.ty, defs, 0))
        else {
            continue;
        };
        // A string written out is named with its format (`date string`),
        // an array after its items (`Hound array`).
        let named = |m: &Member| match (&m.ty.kind, m.ty.constraints.format) {
            (Kind::String, Some(format)) if m.ty.type_name.is_none() => {
                format!("{} {}", format.name(), m.written)
            }
            (Kind::Array(item), _) if m.ty.type_name.is_none() && m.written == "array" => {
                match (&item.kind, item.constraints.format) {
                    (Kind::String, Some(format)) if item.type_name.is_none() => {
                        format!("{} {}", format.name(), items_word(&m.ty))
                    }
                    _ => items_word(&m.ty),
                }
            }
            _ => m.written.clone(),
        };
        cx.error(
            &later.ty.loc,
            format!(
                "the member `{}` is never chosen: members are tried in order, and every value it takes fits `{}` before it; put it first, or tell them apart with a `tag`",
                named(later),
                named(earlier)
            ),
        );
    }
}

/// Whether every value `b` takes, `a` takes too (as serde reads them:
/// a `values` enum keeps any value of its kind, an object ignores keys it
/// does not name). Errs towards `false`: only a certain cover is reported.
/// `hops` is 0 for the members themselves: the reader checks a format
/// and fields of one value on them alone, not inside an array, a map or
/// a field, where a `date-time` string reads as any string.
fn covers(a: &Type, b: &Type, defs: &BTreeMap<String, Type>, hops: usize) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    let (a, b) = (resolved(a, defs), resolved(b, defs));
    let format = if hops == 0 {
        a.constraints.format
    } else {
        None
    };
    match (&a.kind, &b.kind) {
        (Kind::Any, _) => true,
        // A string with a format takes only texts of that format (where
        // the union tells strings apart by it, `telling_format`).
        (Kind::String, Kind::String) => match format {
            Some(format) => b.constraints.format == Some(format),
            None => true,
        },
        (Kind::String, Kind::Bytes) => format.is_none(),
        (Kind::Bytes, Kind::Bytes) => true,
        (Kind::Number, Kind::Integer | Kind::Number) => true,
        (Kind::Integer, Kind::Integer) => true,
        (Kind::Boolean, Kind::Boolean) => true,
        (Kind::Array(x), Kind::Array(y)) | (Kind::Map(x), Kind::Map(y)) => {
            covers(x, y, defs, hops + 1)
        }
        (Kind::Map(x), Kind::Object(_)) => matches!(resolved(x, defs).kind, Kind::Any),
        (Kind::Object(x), Kind::Object(y)) => object_covers(x, y, defs, hops),
        _ => false,
    }
}

/// An object `a` takes every object `b` writes when each of `a`'s required
/// fields is a required field of `b`, each field they share takes `b`'s
/// values, and, for a member itself (`hops` 0), each field of one value in
/// `a` holds that one in `b` too.
fn object_covers(a: &[Field], b: &[Field], defs: &BTreeMap<String, Type>, hops: usize) -> bool {
    if a.iter().chain(b).any(|f| f.flatten) {
        return false;
    }
    a.iter()
        .all(|fa| match b.iter().find(|fb| fb.name == fa.name) {
            Some(fb) => {
                (fb.required || !fa.required)
                    && (fa.nullable || !fb.nullable)
                    && covers(&fa.ty, &fb.ty, defs, hops + 1)
                    && match one_value(&fa.ty, defs).filter(|_| hops == 0) {
                        Some(only) => one_value(&fb.ty, defs) == Some(only),
                        None => true,
                    }
            }
            None => !fa.required,
        })
}

/// The fields of an untagged union's member that hold one value each (a
/// string's or a boolean's `values` of one): a reader takes a value for
/// the member only where each such field, when present and not `null`,
/// holds it. Empty for a member that is not an object.
pub(crate) fn fixed_fields(
    ty: &Type,
    defs: &BTreeMap<String, Type>,
) -> Vec<(String, serde_json::Value)> {
    let Kind::Object(fields) = &resolved(ty, defs).kind else {
        return Vec::new();
    };
    fields
        .iter()
        .filter(|f| !f.flatten)
        .filter_map(|f| Some((f.name.clone(), one_value(&f.ty, defs)?)))
        .collect()
}

/// The one value a string or boolean type may hold, if it lists one.
fn one_value(ty: &Type, defs: &BTreeMap<String, Type>) -> Option<serde_json::Value> {
    let ty = resolved(ty, defs);
    match &ty.kind {
        Kind::String => match ty.values.as_deref() {
            Some([(v @ serde_json::Value::String(_), _)]) => Some(v.clone()),
            _ => None,
        },
        Kind::Boolean => ty.constraints.boolean_value.map(serde_json::Value::Bool),
        _ => None,
    }
}

/// The format that tells a member of an untagged union apart where the
/// union has two or more text members (`string` or `bytes`, without
/// `values`): a `string` with a `format` fits only a text that has it
/// (OpenAQ's `date-time` or `date`). `None` elsewhere: a lone string
/// member takes every string, its format `validate`'s, as before.
pub(crate) fn telling_format(
    union: &Union,
    member: &Member,
    defs: &BTreeMap<String, Type>,
) -> Option<crate::model::Format> {
    if union.tag.is_some() {
        return None;
    }
    let text = |ty: &Type| {
        let ty = resolved(ty, defs);
        matches!(ty.kind, Kind::String | Kind::Bytes) && ty.values.is_none()
    };
    let texts = union.members.iter().filter(|m| text(&m.ty)).count();
    let ty = resolved(&member.ty, defs);
    match ty.kind {
        Kind::String if texts > 1 && ty.values.is_none() => ty.constraints.format,
        _ => None,
    }
}

/// A named type's definition; any other type as is.
fn resolved<'t>(ty: &'t Type, defs: &'t BTreeMap<String, Type>) -> &'t Type {
    match &ty.kind {
        Kind::Named(name) => defs.get(name).unwrap_or(ty),
        _ => ty,
    }
}

/// Why `value` fits no member of `union`, in the words that follow "the
/// value …": a tagged union by the member its tag names, an untagged one
/// by the first member that fits.
pub(crate) fn fits_union(
    union: &Union,
    value: &serde_json::Value,
    defs: &BTreeMap<String, Type>,
    depth: usize,
) -> Result<(), String> {
    if let Some((tag, _)) = &union.tag {
        let found = match value.get(tag) {
            Some(found) => found,
            // Without the tag, where members may leave it out: the first
            // member that fits, as a reader takes it.
            None if union.members.iter().any(|m| tag_optional(m, tag, defs)) => {
                return untagged_fit(union, value, defs, depth)
            }
            None => {
                return Err(format!(
                    "has no field `{tag}` to name a member of the union"
                ))
            }
        };
        let Some(member) = union
            .members
            .iter()
            .find(|m| m.tag.as_ref().is_some_and(|(t, _)| found == t.as_str()))
        else {
            let listed: Vec<String> = union
                .members
                .iter()
                .filter_map(|m| m.tag.as_ref().map(|(t, _)| format!("`{t}`")))
                .collect();
            return Err(format!(
                "has `{tag}` {found}, which names no member of the union ({})",
                listed.join(", ")
            ));
        };
        return fits(&member.ty, value, defs, depth + 1);
    }
    untagged_fit(union, value, defs, depth)
}

/// Whether `member` declares the union's tag field optional: a value
/// without it may be that member.
fn tag_optional(member: &Member, tag: &str, defs: &BTreeMap<String, Type>) -> bool {
    match &resolved(&member.ty, defs).kind {
        Kind::Object(fields) => fields.iter().any(|f| f.name == tag && !f.required),
        _ => false,
    }
}

/// Why `value` fits no member of `union` read untagged (the first member
/// that fits, in spec order), if it fits none.
fn untagged_fit(
    union: &Union,
    value: &serde_json::Value,
    defs: &BTreeMap<String, Type>,
    depth: usize,
) -> Result<(), String> {
    let mut first = None;
    for member in &union.members {
        match fits(&member.ty, value, defs, depth + 1) {
            Ok(()) => return Ok(()),
            Err(why) => {
                first.get_or_insert(why);
            }
        }
    }
    let written: Vec<String> = union
        .members
        .iter()
        .map(|m| format!("`{}`", m.written))
        .collect();
    Err(format!(
        "fits no member of the union ({}){}",
        written.join(", "),
        first.map_or_else(String::new, |why| format!(
            ": as `{}` it {why}",
            union.members[0].written
        ))
    ))
}
