//! Stage two: the rules that need the whole merged spec. Resolves type names,
//! checks that every constraint applies and that defaults and values obey
//! them, matches path placeholders with params, and settles every Rust name.
//!
//! Like loading, checking never stops at the first mistake, and it leaves a
//! model that expands to valid Rust even when it reported errors (a bad type
//! becomes `any`, a colliding name gets a suffix), so the macro can emit
//! stand-in items beside the errors.

use std::collections::BTreeMap;

use endpoints_runtime::validate::{
    check_unique_json, ByteRules, Decimal, Exclusive, Items, MultipleOf, Path, Range, Rule,
    StrRules, ValidationErrors,
};

use crate::case;
use crate::ctxt::{did_you_mean, Ctxt, Loc};
use crate::load::type_candidates;
use crate::model::{
    ContentKind, Field, In, Kind, PageStyle, Param, QueryStyle, Spec, StreamKind, Type, Union,
    CONSTRAINTS,
};

/// How many alias hops a type name may take before it is a cycle.
const MAX_ALIAS_DEPTH: usize = 16;

/// Checks `spec` and returns it resolved, as the IR every later stage reads.
/// With errors, the IR is a stand-in that still expands to valid Rust.
pub fn check(cx: &mut Ctxt, mut spec: Spec) -> crate::ir::Endpoint {
    let spec = &mut spec;
    check_name(cx, spec);
    resolve_all(cx, spec);
    let defs = spec.types.clone();
    for ty in spec.types.values() {
        check_type(cx, ty, &defs);
    }
    for param in &spec.params {
        check_field(cx, &param.field, &defs);
        for (key, loc) in [
            ("read_only", &param.field.read_only),
            ("write_only", &param.field.write_only),
        ] {
            if let Some(loc) = loc {
                cx.error(
                    loc,
                    format!("`{key}` marks a field of a type that requests and answers share; a param is the request's alone"),
                );
            }
        }
    }
    for response in &spec.responses {
        if let Some(body) = &response.body {
            check_type(cx, body, &defs);
        }
        for header in &response.headers {
            check_field(cx, header, &defs);
            check_header_name(cx, header);
            // A list is its items joined by commas in one line.
            let list = text_list(cx, header, "response header", "header", &defs);
            if !is_scalar(&header.ty, &defs) && !list {
                cx.error(
                    &header.ty.kind_loc,
                    format!(
                        "the response header `{}` must be a string, integer, number or boolean, or an array of them, not `{}`",
                        header.name,
                        header.ty.kind.word()
                    ),
                );
            }
        }
    }
    check_params(cx, spec, &defs);
    check_files(cx, spec);
    check_pages(cx, spec);
    check_responses(cx, spec);
    check_streams(cx, spec);
    Names::settle(cx, spec);
    crate::examples::check_examples(cx, spec);
    crate::lower::lower(spec, cx.files.clone())
}

fn root(spec: &Spec) -> Loc {
    spec.root.clone()
}

/// `name` becomes the module's name: it must be a snake_case identifier.
fn check_name(cx: &mut Ctxt, spec: &mut Spec) {
    let name = &spec.name;
    let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && case::is_ident(name);
    if !ok {
        let loc = spec.name_loc.clone();
        let hint = match case::snake(name) {
            Some(s) if case::is_ident(&s) && s != *name => format!("; try `{s}`"),
            _ => String::new(),
        };
        cx.error(
            &loc,
            format!("`{name}` cannot name a module: use a snake_case identifier{hint}"),
        );
        spec.name = "invalid_spec_name".to_string();
    }
}

fn resolve_all(cx: &mut Ctxt, spec: &mut Spec) {
    let defs = spec.types.clone();
    for (name, ty) in spec.types.iter_mut() {
        resolve(cx, ty, &defs, &mut vec![name.clone()]);
    }
    for param in &mut spec.params {
        resolve(cx, &mut param.field.ty, &defs, &mut Vec::new());
    }
    for response in &mut spec.responses {
        if let Some(body) = &mut response.body {
            resolve(cx, body, &defs, &mut Vec::new());
        }
        for header in &mut response.headers {
            resolve(cx, &mut header.ty, &defs, &mut Vec::new());
        }
    }
}

/// Whether a named type becomes a Rust item of its own (and is therefore
/// referred to by name) rather than an alias inlined where it is used.
fn is_item(def: &Type) -> bool {
    matches!(def.kind, Kind::Object(_) | Kind::Union(_)) || def.values.is_some()
}

/// Replaces names of aliases by their definitions (a field's own
/// constraints win over the alias's), and unknown names by `any`.
/// `aliases` holds the aliases being inlined around `ty`: meeting one again
/// means a type that contains itself with no object to name it, which no
/// finite inlining can spell.
fn resolve(cx: &mut Ctxt, ty: &mut Type, defs: &BTreeMap<String, Type>, aliases: &mut Vec<String>) {
    match &mut ty.kind {
        Kind::Named(name) => {
            let Some(def) = defs.get(name.as_str()) else {
                let candidates = type_candidates(defs);
                let hint = did_you_mean(name, candidates.iter().copied());
                let hint = if hint.is_empty() {
                    "; use `string`, `integer`, `number`, `boolean`, `array`, `map`, `object`, `any`, or a name defined under `types`".to_string()
                } else {
                    hint
                };
                cx.error(&ty.kind_loc, format!("unknown type `{name}`{hint}"));
                ty.kind = Kind::Any;
                ty.broken = true;
                return;
            };
            if is_item(def) {
                return;
            }
            if aliases.contains(name) {
                cx.error(
                    &ty.kind_loc,
                    format!(
                        "the type `{name}` contains itself, and only an object type can: name the object it holds under `types` (a `Node` whose field is an `array` of `Node`) and use that"
                    ),
                );
                ty.kind = Kind::Any;
                ty.broken = true;
                return;
            }
            let name = name.clone();
            let mut def = def.clone();
            aliases.push(name);
            resolve(cx, &mut def, defs, aliases);
            aliases.pop();
            ty.kind = def.kind;
            ty.constraints.inherit(&def.constraints);
        }
        Kind::Array(of) | Kind::Map(of) => resolve(cx, of, defs, aliases),
        Kind::Object(fields) => {
            for field in fields {
                resolve(cx, &mut field.ty, defs, aliases);
            }
        }
        Kind::Union(union) => {
            for member in &mut union.members {
                resolve(cx, &mut member.ty, defs, aliases);
            }
        }
        _ => {}
    }
}

fn check_field(cx: &mut Ctxt, field: &Field, defs: &BTreeMap<String, Type>) {
    check_type(cx, &field.ty, defs);
    if let Some((value, loc)) = &field.default {
        if !(value.is_null() && field.nullable) {
            if let Err(why) = fits(&field.ty, value, defs, 0) {
                cx.error(loc, format!("the default {value} {why}"));
            }
        }
    }
    if field.flatten && flatten_kind(&field.ty, defs).is_none() {
        cx.error(
            &field.loc,
            format!(
                "`flatten` applies to `map` and `object` fields; `{}` is a `{}`",
                field.name,
                field.ty.kind.word()
            ),
        );
    }
    if let Some((name, loc)) = &field.rust_name {
        if !case::is_ident(name) {
            cx.error(loc, format!("`{name}` is not a Rust identifier"));
        }
    }
    match (&field.read_only, &field.write_only) {
        (Some(_), Some(loc)) => cx.error(
            loc,
            format!("the field `{}` is `read_only` and `write_only`: it would never travel", field.name),
        ),
        (Some(loc), None) if field.required => cx.error(
            loc,
            format!("the field `{}` is `read_only`, so a request leaves it out: it cannot be `required` (an answer that always carries it says so in its `description`)", field.name),
        ),
        (Some(loc), None) if field.flatten => cx.error(
            loc,
            format!("the field `{}` is flattened: its entries have no one name to leave out of a request", field.name),
        ),
        _ => {}
    }
}

/// `Some(true)` for a flattenable map, `Some(false)` for an object.
fn flatten_kind(ty: &Type, defs: &BTreeMap<String, Type>) -> Option<bool> {
    match &ty.kind {
        _ if ty.broken => Some(false),
        Kind::Map(_) => Some(true),
        Kind::Object(_) => Some(false),
        Kind::Named(n) => defs
            .get(n)
            .filter(|d| matches!(d.kind, Kind::Object(_)))
            .map(|_| false),
        _ => None,
    }
}

fn check_type(cx: &mut Ctxt, ty: &Type, defs: &BTreeMap<String, Type>) {
    let word = ty.kind.word();
    for (key, loc) in &ty.keys {
        let applies = CONSTRAINTS
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[][..], |(_, kinds)| *kinds);
        if let Kind::Named(name) = &ty.kind {
            cx.error(
                loc,
                format!(
                    "`{key}` cannot be added where `{name}` is used; put it on the definition of `{name}` under `types`"
                ),
            );
        } else if !applies.contains(&word) {
            let kinds: Vec<String> = applies.iter().map(|k| format!("`{k}`")).collect();
            let kinds = match kinds.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => kinds.concat(),
            };
            cx.error(
                loc,
                format!("`{key}` does not apply to `{word}`; it applies to {kinds}"),
            );
        } else if *key == "type_name" && !is_item(ty) {
            cx.error(
                loc,
                format!("`type_name` names a generated enum, object or union, and this `{word}` has no `values`"),
            );
        }
    }
    check_bounds(cx, ty);
    check_multiple_of(cx, ty);
    if let Some(pattern) = &ty.constraints.pattern {
        if let Some(detail) = crate::patterns::why_invalid(pattern) {
            let loc = key_loc(ty, "pattern");
            cx.error(
                &loc,
                format!("`{pattern}` is not a valid regular expression: {detail}"),
            );
        }
    }
    if let Some(values) = &ty.values {
        let plain = Type {
            values: None,
            ..ty.clone()
        };
        let mut seen = Vec::new();
        for (value, loc) in values {
            if seen.contains(&value) {
                cx.error(loc, format!("the value {value} is listed twice"));
            }
            seen.push(value);
            if let Err(why) = fits(&plain, value, defs, 0) {
                cx.error(loc, format!("the value {value} {why}"));
            }
        }
    }
    match &ty.kind {
        Kind::Array(of) | Kind::Map(of) => check_type(cx, of, defs),
        Kind::Object(fields) => {
            for field in fields {
                check_field(cx, field, defs);
            }
            check_member_counts(cx, ty, fields, defs);
            check_required_groups(cx, ty, fields);
            let second = fields
                .iter()
                .filter(|f| f.flatten && flatten_kind(&f.ty, defs) == Some(true))
                .nth(1);
            if let Some(second) = second {
                cx.error(
                    &second.loc,
                    "only one `map` field of an object can be flattened: it takes every key the others do not",
                );
            }
        }
        Kind::Union(union) => {
            for member in &union.members {
                check_type(cx, &member.ty, defs);
            }
            crate::union::check_union(cx, union, defs);
        }
        _ => {}
    }
}

/// An object's `min_items` and `max_items` count its members on the
/// wire: bounds no value could meet are errors, and a flattened object's
/// members are not counted, so the two do not go together.
fn check_member_counts(cx: &mut Ctxt, ty: &Type, fields: &[Field], defs: &BTreeMap<String, Type>) {
    let c = &ty.constraints;
    if c.min_items.is_none() && c.max_items.is_none() {
        return;
    }
    let open = fields
        .iter()
        .any(|f| f.flatten && flatten_kind(&f.ty, defs) == Some(true));
    if let Some(f) = fields
        .iter()
        .find(|f| f.flatten && flatten_kind(&f.ty, defs) == Some(false))
    {
        let key = if c.min_items.is_some() {
            "min_items"
        } else {
            "max_items"
        };
        cx.error(
            &key_loc(ty, key),
            format!("`{key}` counts an object's members, and the flattened object `{}` has members of its own: put the bound on the object's fields instead", f.name),
        );
        return;
    }
    let required = fields.iter().filter(|f| f.required && !f.flatten).count() as u64;
    if let Some(max) = c.max_items.filter(|&m| m < required) {
        cx.error(
            &key_loc(ty, "max_items"),
            format!(
                "`max_items` is {max}, and the object has {required} required field{}: no value could pass",
                if required == 1 { "" } else { "s" }
            ),
        );
    }
    let most = fields.len() as u64;
    if let Some(min) = c.min_items.filter(|&m| m > most && !open) {
        cx.error(
            &key_loc(ty, "min_items"),
            format!(
                "`min_items` is {min}, and the object has {most} field{}: no value could pass",
                if most == 1 { "" } else { "s" }
            ),
        );
    }
}

/// `requires_any` and `requires_one` name the object's own fields, each
/// one a value may leave out (a group of required fields is always set).
fn check_required_groups(cx: &mut Ctxt, ty: &Type, fields: &[Field]) {
    let c = &ty.constraints;
    for (key, groups) in [
        ("requires_any", &c.requires_any),
        ("requires_one", &c.requires_one),
    ] {
        let Some(groups) = groups else { continue };
        for name in groups.iter().flatten() {
            match fields.iter().find(|f| f.name == *name) {
                None => {
                    let hint = did_you_mean(name, fields.iter().map(|f| f.name.as_str()));
                    cx.error(
                        &key_loc(ty, key),
                        format!("`{key}` names `{name}`, which is no field of the object{hint}"),
                    );
                }
                Some(f) if f.flatten => cx.error(
                    &key_loc(ty, key),
                    format!("`{key}` names `{name}`, a flattened field, which has no one name on the wire"),
                ),
                Some(_) => {}
            }
        }
    }
}

fn key_loc(ty: &Type, key: &str) -> Loc {
    ty.keys
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| ty.loc.clone(), |(_, l)| l.clone())
}

fn check_bounds(cx: &mut Ctxt, ty: &Type) {
    let c = &ty.constraints;
    let count = |n: Option<u64>| n.map(|v| v as f64);
    // A pair with an exclusive bound leaves nothing where the bounds meet.
    let pairs = [
        (
            "min_length",
            count(c.min_length),
            "max_length",
            count(c.max_length),
            false,
        ),
        ("minimum", c.minimum, "maximum", c.maximum, false),
        (
            "min_items",
            count(c.min_items),
            "max_items",
            count(c.max_items),
            false,
        ),
        (
            "exclusive_minimum",
            c.exclusive_minimum,
            "maximum",
            c.maximum,
            true,
        ),
        (
            "minimum",
            c.minimum,
            "exclusive_maximum",
            c.exclusive_maximum,
            true,
        ),
        (
            "exclusive_minimum",
            c.exclusive_minimum,
            "exclusive_maximum",
            c.exclusive_maximum,
            true,
        ),
    ];
    for (lo_key, lo, hi_key, hi, exclusive) in pairs {
        let (Some(lo), Some(hi)) = (lo, hi) else {
            continue;
        };
        let relation = match (exclusive, lo >= hi, lo > hi) {
            (false, _, true) => "is greater than",
            (true, true, _) => "is not less than",
            _ => continue,
        };
        cx.error(
            &key_loc(ty, lo_key),
            format!("`{lo_key}` ({lo}) {relation} `{hi_key}` ({hi}): no value could pass"),
        );
    }
    if ty.kind == Kind::Integer {
        for (key, bound) in [
            ("minimum", ty.constraints.minimum),
            ("maximum", ty.constraints.maximum),
        ] {
            if bound.is_some_and(|b| b.fract() != 0.0 || b.abs() > i64::MAX as f64) {
                cx.error(
                    &key_loc(ty, key),
                    format!("`{key}` of an `integer` must be a whole number"),
                );
            }
        }
    }
}

/// `multiple_of` must be above zero (`0` allows nothing, and a negative
/// one means what its opposite does), whole on an `integer`
/// (`{"type": "integer", "multiple_of": 0.5}`), and exactly an `f64` on a
/// `number` (`{"type": "number", "multiple_of": 9007199254740993}`).
fn check_multiple_of(cx: &mut Ctxt, ty: &Type) {
    let Some(n) = &ty.constraints.multiple_of else {
        return;
    };
    let loc = key_loc(ty, "multiple_of");
    if !n.as_f64().is_some_and(|x| x > 0.0) {
        cx.error(
            &loc,
            format!("`multiple_of` must be greater than 0, and {n} is not"),
        );
        return;
    }
    match ty.kind {
        Kind::Integer if integer_multiple(n).is_none() => cx.error(
            &loc,
            format!(
                "`multiple_of` of an `integer` must be a whole number of at most {}, and {n} is not",
                i64::MAX
            ),
        ),
        Kind::Number if number_multiple(n).is_none() => {
            cx.error(&loc, too_precise(&n.to_string(), n.as_f64()));
        }
        _ => {}
    }
}

/// Why a `number`'s `multiple_of` written as `text` is refused where its
/// `f64` (`read`) is not that decimal: rounding it would check another rule.
pub(crate) fn too_precise(text: &str, read: Option<f64>) -> String {
    let read = match read.unwrap_or(f64::NAN) {
        x if (1e-6..1e16).contains(&x.abs()) => format!("{x}"),
        x => format!("{x:e}"),
    };
    format!(
        "`multiple_of` {text} has more digits than a `number` (f64) holds: it would be read as {read}; write at most 15 significant digits"
    )
}

/// An `integer`'s `multiple_of`, where it is a whole `i64` (`1e3` too).
pub(crate) fn integer_multiple(n: &serde_json::Number) -> Option<i64> {
    n.as_i64().or_else(|| {
        // Whole floats below 2^63 convert to i64 exactly.
        n.as_f64()
            .filter(|x| x.fract() == 0.0 && x.abs() < 2f64.powi(63))
            .map(|x| x as i64)
    })
}

/// A `number`'s `multiple_of` as the decimal it checks with, where the
/// `f64` holds it digit for digit.
pub(crate) fn number_multiple(n: &serde_json::Number) -> Option<Decimal> {
    let decimal = Decimal::of_f64(n.as_f64()?)?;
    (Decimal::parse(&n.to_string()) == Some(decimal)).then_some(decimal)
}

/// Why `value` does not fit `ty`, in words that follow "the default …" or
/// "the value …".
pub fn fits(
    ty: &Type,
    value: &serde_json::Value,
    defs: &BTreeMap<String, Type>,
    depth: usize,
) -> Result<(), String> {
    use serde_json::Value as V;
    if ty.nullable && value.is_null() {
        return Ok(());
    }
    if let Some(values) = &ty.values {
        if !values.iter().any(|(v, _)| v == value) {
            let listed: Vec<String> = values.iter().map(|(v, _)| v.to_string()).collect();
            return Err(format!(
                "is not one of the `values` ({})",
                listed.join(", ")
            ));
        }
    }
    match (&ty.kind, value) {
        (Kind::Any, _) => Ok(()),
        (Kind::Union(union), _) => crate::union::fits_union(union, value, defs, depth),
        (Kind::Named(name), _) => match defs.get(name) {
            Some(def) if depth < MAX_ALIAS_DEPTH => fits(def, value, defs, depth + 1),
            _ => Ok(()),
        },
        (Kind::String, V::String(s)) => {
            let rules = StrRules {
                min_length: ty.constraints.min_length.map(|n| n as usize),
                max_length: ty.constraints.max_length.map(|n| n as usize),
                ..StrRules::NONE
            };
            broken(|path, errors| rules.check(s, path, errors))?;
            if let Some(pattern) = &ty.constraints.pattern {
                if crate::patterns::refuses(pattern, s) {
                    return Err(format!("does not match the `pattern` `{pattern}`"));
                }
            }
            let format = StrRules {
                format: ty.constraints.format,
                ..StrRules::NONE
            };
            broken(|path, errors| format.check(s, path, errors))
        }
        (Kind::Bytes, V::String(_)) => {
            // As the runtime reads it: base64, then the bytes counted.
            let Ok(bytes) = serde_json::from_value::<endpoints_runtime::Bytes>(value.clone())
            else {
                return Err("is not base64 text".into());
            };
            let rules = ByteRules {
                min_length: ty.constraints.min_length.map(|n| n as usize),
                max_length: ty.constraints.max_length.map(|n| n as usize),
            };
            broken(|path, errors| rules.check(bytes.len(), path, errors))
        }
        (Kind::Integer, V::Number(n)) if n.as_i64().is_some() => {
            range(ty, n.as_f64().unwrap_or(0.0))?;
            match ty
                .constraints
                .multiple_of
                .as_ref()
                .and_then(integer_multiple)
            {
                Some(multiple_of) => broken(|path, errors| {
                    MultipleOf { multiple_of }.check(n.as_i64().unwrap_or(0), path, errors)
                }),
                None => Ok(()),
            }
        }
        (Kind::Number, V::Number(n)) => {
            if let Some(listed) = &ty.constraints.number_values {
                if !listed.iter().any(|m| m.as_f64() == n.as_f64()) {
                    let listed: Vec<String> = listed.iter().map(|m| m.to_string()).collect();
                    return Err(format!(
                        "is not one of the `values` ({})",
                        listed.join(", ")
                    ));
                }
            }
            range(ty, n.as_f64().unwrap_or(0.0))?;
            match ty
                .constraints
                .multiple_of
                .as_ref()
                .and_then(number_multiple)
            {
                Some(multiple_of) => broken(|path, errors| {
                    MultipleOf { multiple_of }.check(n.as_f64().unwrap_or(0.0), path, errors)
                }),
                None => Ok(()),
            }
        }
        (Kind::Boolean, V::Bool(b)) => match ty.constraints.boolean_value {
            Some(only) if only != *b => Err(format!("is not one of the `values` ({only})")),
            _ => Ok(()),
        },
        (Kind::Array(of), V::Array(items)) => {
            count(ty, items.len() as u64)?;
            unique_items(ty, items)?;
            items
                .iter()
                .try_for_each(|item| fits(of, item, defs, depth))
        }
        (Kind::Map(of), V::Object(members)) => {
            count(ty, members.len() as u64)?;
            members
                .values()
                .try_for_each(|item| fits(of, item, defs, depth))
        }
        (Kind::Object(fields), V::Object(members)) => {
            for field in fields {
                match members.get(&field.name) {
                    None if field.required => {
                        return Err(format!("lacks the required field `{}`", field.name))
                    }
                    Some(V::Null) if field.nullable => {}
                    Some(v) => fits(&field.ty, v, defs, depth)
                        .map_err(|why| format!("has a field `{}` that {why}", field.name))?,
                    None => {}
                }
            }
            match members
                .keys()
                .find(|k| !fields.iter().any(|f| f.name == **k))
            {
                Some(k) if !fields.iter().any(|f| f.flatten) => {
                    Err(format!("has no field `{k}` in the type"))
                }
                _ => Ok(()),
            }
        }
        (kind, _) => Err(format!("is not a valid `{}`", kind.word())),
    }
}

fn range(ty: &Type, n: f64) -> Result<(), String> {
    let range = Range {
        minimum: ty.constraints.minimum,
        maximum: ty.constraints.maximum,
    };
    let exclusive = Exclusive {
        minimum: ty.constraints.exclusive_minimum,
        maximum: ty.constraints.exclusive_maximum,
    };
    broken(|path, errors| {
        range.check(n, path, errors);
        exclusive.check(n, path, errors);
    })
}

pub(crate) fn count(ty: &Type, n: u64) -> Result<(), String> {
    let items = Items {
        min_items: ty.constraints.min_items.map(|n| n as usize),
        max_items: ty.constraints.max_items.map(|n| n as usize),
    };
    broken(|path, errors| items.check(n as usize, path, errors))
}

/// `unique_items`: no two items equal as JSON values.
pub(crate) fn unique_items(ty: &Type, items: &[serde_json::Value]) -> Result<(), String> {
    if ty.constraints.unique_items != Some(true) {
        return Ok(());
    }
    broken(|path, errors| check_unique_json(items, path, errors))
}

/// Runs one of the runtime's rule checks on a spec's value (a default, a
/// listed value): the rules a spec is checked by are the ones its generated
/// code enforces. The first broken rule, in the words that follow "the
/// default …".
fn broken(check: impl FnOnce(&Path<'_>, &mut ValidationErrors)) -> Result<(), String> {
    let mut errors = ValidationErrors::new();
    check(&Path::Root, &mut errors);
    let Some(error) = errors.iter().next() else {
        return Ok(());
    };
    Err(match error.rule() {
        Rule::MinLength { min, actual } => {
            format!(
                "is {}, shorter than `min_length` {min}",
                counted(*actual, "character long", "characters long")
            )
        }
        Rule::MaxLength { max, actual } => {
            format!(
                "is {}, longer than `max_length` {max}",
                counted(*actual, "character long", "characters long")
            )
        }
        Rule::MinBytes { min, actual } => {
            format!(
                "is {}, shorter than `min_length` {min}",
                counted(*actual, "byte long", "bytes long")
            )
        }
        Rule::MaxBytes { max, actual } => {
            format!(
                "is {}, longer than `max_length` {max}",
                counted(*actual, "byte long", "bytes long")
            )
        }
        Rule::Format { format } => format!("is not a valid `{}`", format.name()),
        Rule::Minimum { min } => format!("is below the `minimum` {min}"),
        Rule::Maximum { max } => format!("is above the `maximum` {max}"),
        Rule::ExclusiveMinimum { min } => format!("is not above the `exclusive_minimum` {min}"),
        Rule::ExclusiveMaximum { max } => format!("is not below the `exclusive_maximum` {max}"),
        Rule::MultipleOf { of } => format!("is not a multiple of `multiple_of` {of}"),
        Rule::UniqueItems { first, second } => {
            format!("repeats an item, which `unique_items` forbids: [{second}] equals [{first}]")
        }
        Rule::MinItems { min, actual } => {
            format!(
                "has {}, fewer than `min_items` {min}",
                counted(*actual, "entry", "entries")
            )
        }
        Rule::MaxItems { max, actual } => {
            format!(
                "has {}, more than `max_items` {max}",
                counted(*actual, "entry", "entries")
            )
        }
        other => format!("breaks a rule: {other}"),
    })
}

/// `1 entry`, `2 entries`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn is_scalar(ty: &Type, defs: &BTreeMap<String, Type>) -> bool {
    if ty.broken {
        return true;
    }
    match &ty.kind {
        Kind::Named(n) => defs
            .get(n)
            .is_some_and(|d| d.values.is_some() || scalar_union(d, defs).is_some()),
        Kind::Union(_) => scalar_union(ty, defs).is_some(),
        k => k.is_scalar(),
    }
}

/// An untagged union whose members are all scalars (an id or a slug): a
/// value that travels as text, in a path, a query, a header or a cookie.
pub fn scalar_union<'t>(ty: &'t Type, defs: &'t BTreeMap<String, Type>) -> Option<&'t Union> {
    let ty = match &ty.kind {
        Kind::Named(n) => defs.get(n)?,
        _ => ty,
    };
    match &ty.kind {
        Kind::Union(u)
            if u.tag.is_none()
                && !u.members.is_empty()
                && u.members.iter().all(|m| match &m.ty.kind {
                    Kind::Named(n) => defs.get(n).is_some_and(|d| d.values.is_some()),
                    Kind::Union(_) => false,
                    k => k.is_scalar(),
                }) =>
        {
            Some(u)
        }
        _ => None,
    }
}

/// In a param read from text, a member of a string kind (a `string`,
/// `bytes`, an enum of strings) takes every text: one listed before
/// another member leaves that member unreachable.
fn check_text_union(cx: &mut Ctxt, field: &Field, place: &str, defs: &BTreeMap<String, Type>) {
    let ty = match &field.ty.kind {
        Kind::Array(of) => of,
        _ => &field.ty,
    };
    let Some(union) = scalar_union(ty, defs) else {
        return;
    };
    // A string the union tells apart by its format takes only texts of it.
    let takes_every_text = |m: &crate::model::Member| {
        crate::union::telling_format(union, m, defs).is_none()
            && match &m.ty.kind {
                Kind::String | Kind::Bytes => true,
                Kind::Named(n) => defs.get(n).is_some_and(|d| matches!(d.kind, Kind::String)),
                _ => false,
            }
    };
    if let Some(first) = union.members.iter().position(takes_every_text) {
        if let Some(later) = union.members.get(first + 1..).and_then(|rest| rest.first()) {
            cx.error(
                &later.ty.loc,
                format!(
                    "the {place} param `{}` is read from text, where the member `{}` before this one takes every text: list the string member last",
                    field.name, union.members[first].written
                ),
            );
        }
    }
}

/// Whether `field` (a path or header param, a response header: a
/// `what` carried in a `medium` as text) is an array of scalars, a list
/// written in one text; items that may be `null` are an error, since the
/// text has no way to say it.
fn text_list(
    cx: &mut Ctxt,
    field: &Field,
    what: &str,
    medium: &str,
    defs: &BTreeMap<String, Type>,
) -> bool {
    let Kind::Array(of) = &field.ty.kind else {
        return false;
    };
    if of.nullable {
        cx.error(
            &of.loc,
            format!(
                "the items of the {what} `{}` cannot be `nullable`: a {medium} has no way to say `null`",
                field.name
            ),
        );
    }
    is_scalar(of, defs)
}

/// A header's wire name must be an HTTP token (RFC 9110).
fn check_header_name(cx: &mut Ctxt, field: &Field) {
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if field.name.is_empty() || !field.name.bytes().all(token) {
        cx.error(
            &field.loc,
            format!(
                "`{}` cannot be an HTTP header name: use letters, digits and `-` (like `X-Auth-Token`)",
                field.name
            ),
        );
    }
}

/// The `{name}` placeholders of a path, in order.
fn placeholders(cx: &mut Ctxt, spec: &Spec) -> Vec<String> {
    if let Some(c) = spec
        .route
        .path
        .chars()
        .find(|c| !c.is_ascii_graphic() || matches!(c, '?' | '#'))
    {
        let why = match c {
            '?' => "query params are params with `\"in\": \"query\"`".to_string(),
            '#' => "a fragment never reaches the server".to_string(),
            _ => "paths are written as the URL has them: printable ASCII, percent-encoded"
                .to_string(),
        };
        cx.error(
            &spec.route.path_loc,
            format!("the path `{}` holds {c:?}: {why}", spec.route.path),
        );
    }
    // `/files/{name}{ext}`: a segment may hold several placeholders
    // (`{name}.{ext}`), but with no text between two of them a server
    // could not tell where one value ends and the next begins.
    for segment in spec.route.path.split('/') {
        if let Some(at) = segment.find("}{") {
            let before = &segment[segment[..at].rfind('{').map_or(0, |i| i + 1)..at];
            let after = &segment[at + 2..];
            let after = &after[..after.find('}').unwrap_or(after.len())];
            cx.error(
                &spec.route.path_loc,
                format!(
                    "the path segment `{segment}` has `{{{before}}}` right before `{{{after}}}`; a server could not tell where one ends: put literal text between them (like `{{{before}}}.{{{after}}}` or `{{{before}}}-{{{after}}}`)"
                ),
            );
        }
    }
    let mut out = Vec::new();
    let mut rest = spec.route.path.as_str();
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            cx.error(
                &spec.route.path_loc,
                format!("the path `{}` has a `}}` with no `{{`", spec.route.path),
            );
            return out;
        }
        let Some(close) = rest[open..].find('}') else {
            cx.error(
                &spec.route.path_loc,
                format!("the path `{}` has a `{{` with no `}}`", spec.route.path),
            );
            return out;
        };
        let name = &rest[open + 1..open + close];
        if name.is_empty() || name.contains('{') {
            cx.error(
                &spec.route.path_loc,
                format!(
                    "the path `{}` has a malformed placeholder `{{{name}}}`",
                    spec.route.path
                ),
            );
        } else if out.iter().any(|n| n == name) {
            cx.error(
                &spec.route.path_loc,
                format!("the path `{}` names `{{{name}}}` twice", spec.route.path),
            );
        } else {
            out.push(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    out
}

fn check_params(cx: &mut Ctxt, spec: &mut Spec, defs: &BTreeMap<String, Type>) {
    let names = placeholders(cx, spec);
    let has_body = crate::model::method_has_body(spec.route.method);
    // Params that say they are in the path: another of the same name may
    // travel elsewhere.
    let said_path: Vec<String> = spec
        .params
        .iter()
        .filter(|p| matches!(p.location, Some((In::Path, _))))
        .map(|p| p.field.name.clone())
        .collect();
    for Param {
        field,
        location,
        in_,
        style,
        ..
    } in &mut spec.params
    {
        let in_path = names.contains(&field.name);
        *in_ = match location {
            Some((i, _)) => *i,
            None if in_path => In::Path,
            None if has_body => In::Body,
            None => In::Query,
        };
        let at = location.as_ref().map_or(&field.loc, |(_, l)| l);
        let word = field.ty.kind.word();
        // A query map flattened: each entry a query param of its own
        // (OpenAPI's default for an object in a query).
        let flat_query = *in_ == In::Query
            && field.flatten
            && matches!(&field.ty.kind, Kind::Map(of) if is_scalar(of, defs) || matches!(of.kind, Kind::Any));
        match in_ {
            In::Path => {
                if !in_path {
                    cx.error(
                        at,
                        format!(
                            "the param `{}` is `in: path`, but the path `{}` has no `{{{}}}`",
                            field.name, spec.route.path, field.name
                        ),
                    );
                }
                if !field.required {
                    cx.error(
                        &field.loc,
                        format!(
                            "the path param `{}` is always sent; mark it `\"required\": true`",
                            field.name
                        ),
                    );
                }
                let list_of_scalars = text_list(cx, field, "path param", "path", defs);
                if !is_scalar(&field.ty, defs) && !list_of_scalars {
                    cx.error(
                        &field.ty.kind_loc,
                        format!(
                            "the path param `{}` must be a scalar, a union of scalars or an array of scalars, not `{word}`",
                            field.name
                        ),
                    );
                }
                check_text_union(cx, field, "path", defs);
            }
            In::Header => {
                check_header_name(cx, field);
                // A list is its items joined by commas in one field line
                // (OpenAPI's `simple` style).
                let list_of_scalars = text_list(cx, field, "header param", "header", defs);
                if !is_scalar(&field.ty, defs) && !list_of_scalars {
                    cx.error(
                        &field.ty.kind_loc,
                        format!(
                            "the header param `{}` must be a scalar, a union of scalars or an array of scalars, not `{word}`",
                            field.name
                        ),
                    );
                }
                check_text_union(cx, field, "header", defs);
            }
            In::Cookie => {
                // RFC 6265's cookie-name is an RFC 7230 token.
                let token = field
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
                if field.name.is_empty() || !token {
                    cx.error(
                        &field.loc,
                        format!(
                            "`{}` cannot name a cookie: a cookie name is an HTTP token (letters, digits and `!#$%&'*+-.^_|~`)",
                            field.name
                        ),
                    );
                }
                if !is_scalar(&field.ty, defs) {
                    cx.error(
                        &field.ty.kind_loc,
                        format!(
                            "the cookie param `{}` must be a scalar or a union of scalars, not `{word}`",
                            field.name
                        ),
                    );
                }
                check_text_union(cx, field, "cookie", defs);
            }
            In::Query => {
                let brackets = matches!(style, Some((QueryStyle::Brackets, _)));
                let ok = match &field.ty.kind {
                    // In brackets, any value a form body could hold.
                    // A flattened one is checked as such below.
                    _ if brackets || field.flatten => true,
                    Kind::Array(of) => is_scalar(of, defs),
                    _ => is_scalar(&field.ty, defs),
                };
                if let Kind::Array(of) = &field.ty.kind {
                    if of.nullable {
                        cx.error(
                            &of.loc,
                            format!(
                                "the items of the query param `{}` cannot be `nullable`: a repeated query param has no way to say `null`",
                                field.name
                            ),
                        );
                    }
                }
                if !ok {
                    cx.error(
                        &field.ty.kind_loc,
                        format!(
                            "the query param `{}` must be a scalar or an array of scalars, not `{word}`; or, with `\"style\": \"brackets\"`, any value written as a form body writes it (`{}[key]=value`)",
                            field.name, field.name
                        ),
                    );
                }
                if !brackets {
                    check_text_union(cx, field, "query", defs);
                }
            }
            In::Body => {
                if spec.route.body == crate::model::BodyEncoding::None {
                    cx.error(
                        at,
                        format!(
                            "the param `{}` travels in the body, but the spec sets `\"body\": \"none\"`",
                            field.name
                        ),
                    );
                }
            }
        }
        // `style` says how a query param of several values is written;
        // anywhere else it would be read as saying something it does not.
        if let Some((kind, at)) = style {
            let name = &field.name;
            let why = if *in_ != In::Query {
                Some(format!(
                    "`style` is for query params, and `{name}` is `in: {}`",
                    in_.name()
                ))
            } else if is_scalar(&field.ty, defs) {
                Some(format!(
                    "`style` is for a query param of several values (an array, an object or a map), and `{name}` has one (`{word}`)"
                ))
            } else if *kind != QueryStyle::Brackets && !matches!(field.ty.kind, Kind::Array(_)) {
                Some(format!(
                    "`{}` joins the items of an array, and `{name}` is of type `{word}`: write it with `\"style\": \"brackets\"`",
                    kind.name()
                ))
            } else {
                None
            };
            if let Some(why) = why {
                cx.error(at, why);
                *style = None;
            }
        }
        if field.flatten && *in_ == In::Query && !flat_query {
            // A `flatten` not on a map or object is reported where
            // `flatten` is checked; dropped either way.
            if flatten_kind(&field.ty, defs).is_some() {
                cx.error(
                    &field.loc,
                    format!(
                        "a flattened query param is a `map` of scalars (each entry a query param of its own); `{}` is `{word}`",
                        field.name
                    ),
                );
            }
            field.flatten = false;
        } else if field.flatten && *in_ == In::Query && style.is_some() {
            cx.error(
                &field.loc,
                format!(
                    "the flattened query param `{}` writes each entry as a query param of its own, so it has no `style`",
                    field.name
                ),
            );
        } else if field.flatten && !matches!(in_, In::Body | In::Query) {
            cx.error(
                &field.loc,
                format!(
                    "only body params and query maps can be flattened; `{}` is `in: {}`",
                    field.name,
                    in_.name()
                ),
            );
            field.flatten = false;
        }
        if in_path && *in_ != In::Path && !said_path.contains(&field.name) {
            cx.error(
                at,
                format!(
                    "the path names `{{{}}}`, but the param `{}` is `in: {}`",
                    field.name,
                    field.name,
                    in_.name()
                ),
            );
        }
    }
    for name in &names {
        if !spec.params.iter().any(|p| p.field.name == *name) {
            cx.error(
                &spec.route.path_loc,
                format!(
                    "the path names `{{{name}}}`, but no param is called `{name}`; add {{ \"name\": \"{name}\", \"in\": \"path\", \"type\": \"string\", \"required\": true }}"
                ),
            );
        }
    }
    check_constants(cx, spec, defs);
    check_client_params(cx, spec);
    check_whole_body(cx, spec);
    check_upload_stream(cx, spec);
    let second = spec
        .params
        .iter()
        .filter(|p| p.field.flatten && flatten_kind(&p.field.ty, defs) == Some(true))
        .nth(1);
    if let Some(second) = second {
        cx.error(
            &second.field.loc,
            "only one `map` param can be flattened: it takes every key the others do not",
        );
    }
}

/// `const` params: in the query, a header or a cookie (where a server
/// tells endpoints apart before it reads a body; a path names a
/// resource), a scalar that is not `bytes`, the value fitting the type and
/// its rules, and a header's value one a header can carry:
///
/// ```json
/// { "name": "id", "in": "path", "const": "me" }
/// { "name": "X-Amz-Target", "in": "header", "type": "integer", "const": "Get" }
/// ```
///
/// A `const` in error is dropped, so the param is generated as any other
/// and only the spec's errors show.
fn check_constants(cx: &mut Ctxt, spec: &mut Spec, defs: &BTreeMap<String, Type>) {
    for p in &mut spec.params {
        let Some((value, at)) = p.constant.clone() else {
            continue;
        };
        let name = &p.field.name;
        let why = match p.in_ {
            In::Path => Some(format!(
                "the path param `{name}` cannot be `const`: write its value into the path instead"
            )),
            In::Body => Some(format!(
                "the param `{name}` travels in the body, and a `const` param travels in the query, a header or a cookie, where a server tells endpoints apart before it reads a body; give it `\"in\"`, or for a body member that always holds one value, `\"values\"` with that one"
            )),
            _ => None,
        };
        let kind_ok = matches!(
            p.field.ty.kind,
            Kind::String | Kind::Integer | Kind::Number | Kind::Boolean
        ) || p.field.ty.broken;
        let why = why.or_else(|| {
            (!kind_ok).then(|| {
                format!(
                    "`const` needs a `string`, `integer`, `number` or `boolean` param, and `{name}` is `{}`",
                    p.field.ty.kind.word()
                )
            })
        });
        let why = why.or_else(|| {
            fits(&p.field.ty, &value, defs, 0)
                .err()
                .map(|why| format!("the const {value} {why}"))
        });
        let text = p.constant_text().unwrap_or_default();
        let why = why.or_else(|| {
            let unfit = text.bytes().any(|b| !(b == b'\t' || (b' '..=b'~').contains(&b)));
            (p.in_ == In::Header && unfit).then(|| {
                format!(
                    "the const of the header `{name}` cannot travel in a header: it holds a line break, a control or a non-ASCII character"
                )
            })
        });
        if let Some(why) = why {
            cx.error(&at, why);
            p.constant = None;
        }
    }
}

/// The params a client fills in: one credential at most, a string; neither
/// it nor a shared param in the path (which names the resource) or
/// flattened (which has no name of its own). A mark in error is dropped,
/// so what is still generated compiles and only the spec's errors show.
fn check_client_params(cx: &mut Ctxt, spec: &mut Spec) {
    let mut credential: Option<(String, Loc)> = None;
    for p in &mut spec.params {
        for key in ["credential", "shared"] {
            let mark = if key == "credential" {
                &mut p.credential
            } else {
                &mut p.shared
            };
            let Some(at) = mark.clone() else { continue };
            let why = if p.in_ == In::Path {
                "a client fills the same value into every request, and a path names one resource"
            } else if p.field.flatten {
                "it has no name of its own for a client to fill"
            } else {
                continue;
            };
            let what = if p.in_ == In::Path {
                "path param"
            } else {
                "flattened param"
            };
            cx.error(
                &at,
                format!("the {what} `{}` cannot be `{key}`: {why}", p.field.name),
            );
            *mark = None;
        }
        let Some(at) = p.credential.clone() else {
            continue;
        };
        if let Some(shared) = p.shared.take() {
            cx.error(
                &shared,
                format!(
                    "the param `{}` is the credential already, which a client fills in; drop `\"shared\": true`",
                    p.field.name
                ),
            );
        }
        if !matches!(p.field.ty.kind, Kind::String) || p.field.ty.values.is_some() {
            cx.error(
                &at,
                format!(
                    "the credential `{}` must be `\"type\": \"string\"`: a client holds it as text",
                    p.field.name
                ),
            );
            p.credential = None;
            continue;
        }
        match &credential {
            Some((first, first_at)) => {
                let (file, line, column) = cx.locate(first_at);
                cx.error(
                    &at,
                    format!(
                        "the param `{}` is marked `credential`, but `{first}` is the credential already ({file}, line {line}, column {column}); an endpoint has one",
                        p.field.name
                    ),
                );
                p.credential = None;
            }
            None => credential = Some((p.field.name.clone(), p.field.loc.clone())),
        }
    }
}

/// `pages`: a param that moves for every style but `link`, of a kind that
/// can move; `next` required for a cursor (the next cursor), optional for
/// the others (page, offset: the last page's body has it `null`; link: the
/// next page's URL, instead of the `Link` header); dotted paths without
/// empty steps. A
/// `pages` in error is dropped, so only the spec's errors show.
fn check_pages(cx: &mut Ctxt, spec: &mut Spec) {
    let Some(pages) = &spec.pages else { return };
    let errors = cx.error_count();
    let style = pages.style.name();
    match (&pages.param, pages.style) {
        (Some((_, at)), PageStyle::Link) => cx.error(
            at,
            "a `link` walk follows the next page's URL (the `Link` header's `rel=\"next\"`, or the body's `next`); it has no `param`",
        ),
        (None, PageStyle::Link) => {}
        (None, _) => cx.error(
            &pages.loc,
            format!("`pages` of style `{style}` needs `param`: the param that moves from page to page"),
        ),
        (Some((name, at)), _) => match spec.params.iter().find(|p| p.field.name == *name) {
            Some(_) if spec.params.iter().filter(|p| p.field.name == *name).count() > 1 => cx.error(
                at,
                format!("`pages.param` names `{name}`, the name of two params in different places, so a walk could not tell which one moves"),
            ),
            None => {
                let hint = did_you_mean(name, spec.params.iter().map(|p| p.field.name.as_str()));
                cx.error(at, format!("`pages.param` names `{name}`, which is not a param of the spec{hint}"));
            }
            Some(p) if p.in_ == In::Path => cx.error(
                at,
                format!("`pages.param` names the path param `{name}`; the param that moves is a query, header or body param"),
            ),
            Some(p) if p.constant.is_some() => cx.error(
                at,
                format!("`pages.param` names `{name}`, which is `const`: its one value cannot move from page to page"),
            ),
            Some(p) => {
                let kind = &p.field.ty.kind;
                let fits = match pages.style {
                    PageStyle::Cursor => matches!(kind, Kind::String | Kind::Integer),
                    _ => matches!(kind, Kind::Integer),
                };
                if !fits || p.field.ty.values.is_some() {
                    let want = if pages.style == PageStyle::Cursor {
                        "a `string` or an `integer`"
                    } else {
                        "an `integer`"
                    };
                    cx.error(
                        at,
                        format!("the `{style}` param `{name}` must be {want}, not `{}`", kind.word()),
                    );
                }
            }
        },
    }
    if pages.next.is_none() && pages.style == PageStyle::Cursor {
        cx.error(
            &pages.loc,
            "`pages` of style `cursor` needs `next`: the dotted path of the next cursor in the body (`meta.next_cursor`)",
        );
    }
    check_page_path(cx, spec, "items", &pages.items);
    if let Some(next) = &pages.next {
        check_page_path(cx, spec, "next", next);
    }
    let paths = [Some(&pages.items), pages.next.as_ref()];
    for (path, at) in paths.into_iter().flatten() {
        if !path.is_empty() && path.split('.').any(str::is_empty) {
            cx.error(
                at,
                format!("`{path}` is not a dotted path of keys (`data.items`; `\"\"` for the body itself)"),
            );
        }
    }
    if cx.error_count() > errors {
        spec.pages = None;
    }
}

/// `pages.items` must lead to an array in the first success's body, as far
/// as the spec types it: a name no object there has, or a value that is not
/// an array, is an error at `items` (a map, `any` or a flattened map of
/// extra keys leave the rest to the server).
/// `pages.items` (or `pages.next`) against the first success's body, as
/// far as the spec types it: every key a field, and `items` an array
/// (`next` not one).
fn check_page_path(cx: &mut Ctxt, spec: &Spec, which: &str, (path, at): &(String, Loc)) {
    let Some(body) = spec
        .responses
        .iter()
        .find(|r| r.is_success())
        .and_then(|r| r.body.as_ref())
    else {
        return;
    };
    fn resolve<'s>(spec: &'s Spec, ty: &'s Type) -> Option<&'s Kind> {
        match &ty.kind {
            Kind::Named(name) => spec.types.get(name).map(|d| &d.kind),
            kind => Some(kind),
        }
    }
    let mut kind = match resolve(spec, body) {
        Some(kind) => kind,
        None => return,
    };
    let mut walked = Vec::new();
    for key in path.split('.').filter(|k| !k.is_empty()) {
        let Kind::Object(fields) = kind else {
            if matches!(kind, Kind::Map(_) | Kind::Any) {
                return;
            }
            cx.error(
                at,
                format!(
                    "`pages.{which}` goes into `{}`, which is `{}` in the success's body, not an object",
                    if walked.is_empty() { "(the body)".to_string() } else { walked.join(".") },
                    kind.word()
                ),
            );
            return;
        };
        match fields.iter().find(|f| f.name == key && !f.flatten) {
            Some(field) => match resolve(spec, &field.ty) {
                Some(next) => kind = next,
                None => return,
            },
            None if fields.iter().any(|f| f.flatten) => return,
            None => {
                let hint = did_you_mean(key, fields.iter().map(|f| f.name.as_str()));
                let holder = if walked.is_empty() {
                    "the success's body".to_string()
                } else {
                    format!("`{}` in the success's body", walked.join("."))
                };
                cx.error(
                    at,
                    format!("`pages.{which}` names `{key}`, which {holder} has no field of{hint}"),
                );
                return;
            }
        }
        walked.push(key);
    }
    let shown = if path.is_empty() { "(the body)" } else { path };
    if which == "items" && !matches!(kind, Kind::Array(_) | Kind::Any) {
        cx.error(
            at,
            format!(
                "`pages.items` must lead to an array, but `{shown}` is `{}` in the success's body",
                kind.word()
            ),
        );
    }
    if which == "next" && matches!(kind, Kind::Array(_) | Kind::Map(_) | Kind::Object(_)) {
        cx.error(
            at,
            format!(
                "`pages.next` must lead to a cursor, a URL or a flag, but `{shown}` is `{}` in the success's body",
                kind.word()
            ),
        );
    }
}

/// Where `ty` holds a `file`, if anywhere (named types are checked where
/// they are defined).
fn file_in(ty: &Type) -> Option<&Loc> {
    match &ty.kind {
        Kind::File => Some(&ty.kind_loc),
        Kind::Array(of) | Kind::Map(of) => file_in(of),
        Kind::Object(fields) => fields.iter().find_map(|f| file_in(&f.ty)),
        _ => None,
    }
}

/// A `file` is a part of a multipart body: a body param of such an
/// endpoint, or an array of them, and nowhere else. A multipart part has a
/// name of its own, so nothing there is flattened.
fn check_files(cx: &mut Ctxt, spec: &Spec) {
    use crate::model::BodyEncoding;
    const WHERE: &str = "a `file` is a part of a multipart body: a body param (or an array of them) of an endpoint with `\"body\": \"multipart\"`";
    let multipart = spec.route.body == BodyEncoding::Multipart;
    let mut found: Vec<&Loc> = Vec::new();
    for ty in spec.types.values() {
        found.extend(file_in(ty));
    }
    for r in &spec.responses {
        found.extend(r.body.as_ref().and_then(file_in));
        found.extend(r.headers.iter().filter_map(|h| file_in(&h.ty)));
    }
    for p in &spec.params {
        let ty = &p.field.ty;
        let part = multipart && p.in_ == In::Body;
        let top = match &ty.kind {
            Kind::File if part => None,
            Kind::Array(of) if part && of.kind == Kind::File => None,
            _ => file_in(ty),
        };
        found.extend(top);
        if part && p.field.flatten {
            cx.error(
                &p.field.loc,
                format!(
                    "the param `{}` cannot be flattened: each part of a multipart body has a name of its own",
                    p.field.name
                ),
            );
        }
    }
    for at in found {
        cx.error(at, WHERE);
    }
}

/// Why `media` cannot be a `Content-Type`, if it cannot: it must read
/// `type/subtype`, parameters allowed, in visible ASCII.
fn media_type_error(media: &str) -> Option<String> {
    let essence = media.split(';').next().unwrap_or("").trim();
    let parts = essence.split_once('/');
    let shaped = parts.is_some_and(|(kind, sub)| !kind.is_empty() && !sub.is_empty());
    let visible = media
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic());
    (!shaped || !visible).then(|| {
        format!(
            "`{media}` is not a media type: write it as `type/subtype` (`image/png`, `text/csv`)"
        )
    })
}

/// A body that is one param as a whole: `"whole_body": true`, or the one
/// body param of a `binary` or `text` body. It is the only body param,
/// and its type fits the encoding. A mark in error is dropped.
fn check_whole_body(cx: &mut Ctxt, spec: &mut Spec) {
    use crate::model::BodyEncoding;
    let encoding = spec.route.body;
    let raw = matches!(encoding, BodyEncoding::Binary | BodyEncoding::Text);
    let in_body: Vec<usize> = (0..spec.params.len())
        .filter(|&i| spec.params[i].in_ == In::Body)
        .collect();
    if raw && in_body.len() > 1 {
        let second = &spec.params[in_body[1]];
        cx.error(
            &second.field.loc,
            format!(
                "a `{}` body is one param, sent whole; `{}` and `{}` are both in the body",
                encoding.name(),
                spec.params[in_body[0]].field.name,
                second.field.name
            ),
        );
    }
    for (i, p) in spec.params.iter_mut().enumerate() {
        if let Some(at) = p.whole_body.clone() {
            let why = if p.in_ != In::Body {
                Some(format!("it is `in: {}`", p.in_.name()))
            } else if !matches!(
                encoding,
                BodyEncoding::Json | BodyEncoding::Binary | BodyEncoding::Text
            ) {
                Some(format!(
                    "a whole body travels as `json`, `binary` or `text`, and the spec sets `\"body\": \"{}\"`",
                    encoding.name()
                ))
            } else if p.field.flatten {
                Some("it is flattened too; drop one of the two".to_string())
            } else if p.field.nullable && !p.field.required {
                // An optional body sent as `null` would read as left out.
                Some("an optional body cannot be `null` (the server's side reads a `null` body as none); make it required, or leave `nullable` out".to_string())
            } else if p.field.nullable && encoding != BodyEncoding::Json {
                Some(format!("a `{}` body cannot be `null`", encoding.name()))
            } else if p.credential.is_some() || p.shared.is_some() {
                Some("a client fills credential and shared params in by name".to_string())
            } else {
                None
            };
            if let Some(why) = why {
                cx.error(
                    &at,
                    format!("the param `{}` cannot be `whole_body`: {why}", p.field.name),
                );
                p.whole_body = None;
            }
        }
        let whole = p.whole_body.is_some() || (raw && p.in_ == In::Body);
        // The first body param of a raw body is the body; any other is
        // reported once, above.
        let first = in_body.first() == Some(&i);
        if raw && p.in_ == In::Body && first {
            let (fits, want) = match encoding {
                BodyEncoding::Binary => (matches!(p.field.ty.kind, Kind::Bytes), "bytes"),
                _ => (
                    matches!(p.field.ty.kind, Kind::String) && p.field.ty.values.is_none(),
                    "string",
                ),
            };
            if !fits {
                cx.error(
                    &p.field.ty.kind_loc,
                    format!(
                        "the body param `{}` of a `{}` body must be `\"type\": \"{want}\"`",
                        p.field.name,
                        encoding.name()
                    ),
                );
            }
            if p.field.nullable {
                cx.error(
                    &p.field.loc,
                    format!(
                        "the body param `{}` of a `{}` body cannot be `nullable`: a body cannot be `null`",
                        p.field.name,
                        encoding.name()
                    ),
                );
            }
        }
        let Some((media, media_at)) = p.content_type.clone() else {
            continue;
        };
        if !whole {
            cx.error(
                &media_at,
                format!(
                    "`content_type` belongs to the param that is the whole body; `{}` is not (add `\"whole_body\": true`)",
                    p.field.name
                ),
            );
            p.content_type = None;
        } else if let Some(why) = media_type_error(&media) {
            cx.error(&media_at, why);
            p.content_type = None;
        } else if encoding == BodyEncoding::Json && ContentKind::of(&media) != ContentKind::Json {
            cx.error(
                &media_at,
                format!("a `json` body is sent as a JSON media type (`application/json`, `application/…+json`), not `{media}`"),
            );
            p.content_type = None;
        }
    }
    let marked: Vec<usize> = in_body
        .iter()
        .copied()
        .filter(|&i| spec.params[i].whole_body.is_some())
        .collect();
    if let (Some(&first), true) = (marked.first(), in_body.len() > 1 && !raw) {
        let other = in_body
            .iter()
            .find(|&&i| i != first)
            .copied()
            .unwrap_or(first);
        let p = &spec.params[first];
        cx.error(
            p.whole_body.as_ref().unwrap_or(&p.field.loc),
            format!(
                "`{}` is the whole body, so it is the only body param; `{}` is in the body too",
                p.field.name, spec.params[other].field.name
            ),
        );
    }
}

/// `"stream": true` on a param: the `bytes` param that is a `binary`
/// body, which may then come from a file, a reader or a stream. A mark in
/// error is dropped. (A param of another type in a `binary` body is
/// reported by `check_whole_body`.)
fn check_upload_stream(cx: &mut Ctxt, spec: &mut Spec) {
    use crate::model::BodyEncoding;
    let encoding = spec.route.body;
    for p in &mut spec.params {
        let Some(at) = p.stream.clone() else {
            continue;
        };
        let why = if p.in_ != In::Body {
            Some(format!(
                "it is `in: {}`; only a request's body is sent as it is read",
                p.in_.name()
            ))
        } else if encoding != BodyEncoding::Binary {
            Some(format!(
                "only the `bytes` of a `binary` body stream, and the spec sets `\"body\": \"{}\"`",
                encoding.name()
            ))
        } else if !matches!(p.field.ty.kind, Kind::Bytes) {
            // Reported where the type is written.
            p.stream = None;
            continue;
        } else if p.credential.is_some() || p.shared.is_some() {
            Some("a client fills credential and shared params in by name".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            cx.error(
                &at,
                format!("the param `{}` cannot be `stream`: {why}", p.field.name),
            );
            p.stream = None;
        }
    }
}

/// What a streamed response (`"stream"`) may say, and that a spec has one:
///
/// ```json
/// { "name": "feed", "code": 200, "stream": "sse", "content_type": "application/json" }
/// { "name": "file", "code": 200, "stream": "bytes", "body": "Photo" }
/// ```
fn check_streams(cx: &mut Ctxt, spec: &Spec) {
    let mut first: Option<&str> = None;
    for response in &spec.responses {
        let Some((kind, at)) = &response.stream else {
            continue;
        };
        let name = &response.name;
        if let Some(first) = first {
            cx.error(
                at,
                format!("the responses `{first}` and `{name}` are both streams; a spec declares at most one, which clients open with `download` or `events`"),
            );
        }
        first.get_or_insert(name);
        if let (StreamKind::Sse, Some((media, media_at))) = (kind, &response.content_type) {
            let essence = media.split(';').next().unwrap_or("").trim();
            if !essence.eq_ignore_ascii_case("text/event-stream") {
                cx.error(
                    media_at,
                    format!("the response `{name}` is a stream of server-sent events, sent as `text/event-stream`, not `{media}`; leave `content_type` out or use `\"stream\": \"json_lines\"` or `\"bytes\"`"),
                );
            }
        }
        if let (StreamKind::Bytes, Some(body)) = (kind, &response.body) {
            cx.error(
                &body.loc,
                format!("the response `{name}` is a stream of bytes: it has no `body` type (for a stream of typed items, use `\"stream\": \"sse\"` or `\"json_lines\"`, with the item's type as `body`)"),
            );
        }
        if let Some((_, example_at)) = response.examples.first() {
            cx.error(
                example_at,
                format!("the response `{name}` is a stream, read as it arrives: examples are of whole bodies, so they belong to responses read whole"),
            );
        }
        if spec.status_field.is_some()
            && response.code.is_none()
            && response.fallback.is_none()
            && !response.code_written
        {
            cx.error(
                &response.loc,
                format!("the response `{name}` is a stream, told apart before its body is read: give it a `code`"),
            );
        }
    }
}

fn check_responses(cx: &mut Ctxt, spec: &Spec) {
    // A `text` or `binary` response's body is its text or its bytes: no
    // type describes it, and no JSON example fits it.
    for response in &spec.responses {
        let Some((media, media_at)) = &response.content_type else {
            continue;
        };
        if let Some(why) = media_type_error(media) {
            cx.error(media_at, why);
            continue;
        }
        let kind = ContentKind::of(media);
        // A stream of items is of its media type; `body` types its items.
        if kind == ContentKind::Json || response.stream.is_some() {
            continue;
        }
        if let Some(body) = &response.body {
            cx.error(
                &body.loc,
                format!(
                    "the response `{}` is `{media}`, kept as {}: it has no `body` type",
                    response.name,
                    if kind == ContentKind::Text {
                        "text"
                    } else {
                        "bytes"
                    }
                ),
            );
        }
        if let Some((_, at)) = response.examples.first() {
            cx.error(
                at,
                format!(
                    "the response `{}` is `{media}`: examples are checked as JSON, so they belong to JSON responses",
                    response.name
                ),
            );
        }
        if spec.status_field.is_some()
            && response.code.is_none()
            && response.fallback.is_none()
            && !response.code_written
        {
            cx.error(
                &response.loc,
                format!(
                    "the response `{}` is `{media}`, which holds no status slug: give it a `code` so it can be told apart",
                    response.name
                ),
            );
        }
    }
    for refusal in &spec.refusals {
        if !spec.responses.iter().any(|r| r.name == refusal.response) {
            let hint = did_you_mean(
                &refusal.response,
                spec.responses.iter().map(|r| r.name.as_str()),
            );
            cx.error(
                &refusal.loc,
                format!(
                    "`refusals.{}` names `{}`, which is not a documented response{hint}",
                    refusal.kind, refusal.response
                ),
            );
        }
    }
    if spec.responses_written == 0 {
        cx.error(
            &root(spec),
            "the spec has no `responses`; document at least one (includes count)",
        );
    }
    if spec.status_field.is_some() {
        return;
    }
    let mut by_code: BTreeMap<u16, &str> = BTreeMap::new();
    let mut by_fallback: BTreeMap<String, &str> = BTreeMap::new();
    for response in &spec.responses {
        if let Some((fallback, loc)) = &response.fallback {
            let word = fallback.name();
            if let Some(first) = by_fallback.insert(word.clone(), &response.name) {
                cx.error(
                    loc,
                    format!(
                        "the responses `{first}` and `{}` both stand for `{word}` and no `status_field` tells them apart, so neither could be recognised",
                        response.name
                    ),
                );
            }
            continue;
        }
        match &response.code {
            None if response.code_written => {}
            None => cx.error(
                &response.loc,
                format!(
                    "the response `{}` has no `code`; give its HTTP status (or `\"4XX\"`, `\"default\"`), or set `status_field` if the API names its responses in the body",
                    response.name
                ),
            ),
            Some((code, loc)) => {
                if let Some(first) = by_code.insert(*code, &response.name) {
                    cx.error(
                        loc,
                        format!(
                            "the responses `{first}` and `{}` share the code {code} and no `status_field` tells them apart, so neither could be recognised",
                            response.name
                        ),
                    );
                }
            }
        }
    }
}

/// Settles every Rust name once: field identifiers, item names, variants.
struct Names<'c> {
    cx: &'c mut Ctxt,
    /// Item names taken in the module, with where they come from.
    items: BTreeMap<String, Loc>,
}

impl Names<'_> {
    fn settle(cx: &mut Ctxt, spec: &mut Spec) {
        let mut names = Names {
            cx,
            items: BTreeMap::new(),
        };
        let top = root(spec);
        names.items.insert("Request".into(), top.clone());
        names.items.insert("Response".into(), top.clone());
        names.items.insert("Builder".into(), top.clone());
        names.items.insert("BuilderParams".into(), top);
        for (key, ty) in &mut spec.types {
            let base = case::upper_camel(key).unwrap_or_else(|| "Type".into());
            // An alias is inlined where it is used, and its items are named
            // there; only objects and enums are items of their own.
            if is_item(ty) {
                names.items_of(ty, &base);
            }
        }
        // A const param is no field of the request.
        let mut fields: Vec<&mut Field> = spec
            .params
            .iter_mut()
            .filter(|p| p.constant.is_none())
            .map(|p| &mut p.field)
            .collect();
        // A param named `build` would shadow the builder's finishing call.
        names.fields(
            &mut fields,
            "the request",
            &[("build", "the request's builder")],
        );
        let mut variants = BTreeMap::new();
        variants.insert("Unknown".to_string(), None::<Loc>);
        for response in &mut spec.responses {
            let variant = case::upper_camel(&response.name).unwrap_or_else(|| "Unnamed".into());
            let variant = case::unraw(&variant).to_string();
            let variant = match variants.get(&variant) {
                Some(first) => {
                    let why = match first {
                        None => "the variant kept for undocumented responses".to_string(),
                        Some(loc) => format!("the response at {}", loc.path_str()),
                    };
                    names.cx.error(
                        &response.loc,
                        format!(
                            "the response `{}` becomes the variant `{variant}`, which is already {why}; rename one of them",
                            response.name
                        ),
                    );
                    unique(&variants, &variant)
                }
                None => variant,
            };
            variants.insert(variant.clone(), Some(response.loc.clone()));
            response.variant = variant.clone();
            if !response.headers.is_empty() {
                names.claim(&format!("{variant}Reply"), &response.loc, "the response");
            }
            let mut headers: Vec<&mut Field> = response.headers.iter_mut().collect();
            let reply = "the response's reply";
            names.fields(&mut headers, reply, &[("status", reply), ("body", reply)]);
            if let Some(body) = &mut response.body {
                names.items_of(body, &format!("{variant}Body"));
            }
        }
    }

    /// Claims an item name; on a collision reports it and returns a unique
    /// stand-in so expansion still produces valid Rust.
    fn claim(&mut self, name: &str, loc: &Loc, what: &str) -> String {
        if let Some(first) = self.items.get(name) {
            let first = if first.path.is_empty() {
                "a generated item".to_string()
            } else {
                format!("the type at {}", first.path_str())
            };
            self.cx.error(
                loc,
                format!(
                    "{what} would generate the type `{name}`, which is already {first}; set `type_name` to name it otherwise"
                ),
            );
            let name = unique(&self.items, name);
            self.items.insert(name.clone(), loc.clone());
            return name;
        }
        self.items.insert(name.to_string(), loc.clone());
        name.to_string()
    }

    /// Names the item `ty` generates (an enum or an object), then the items
    /// inside it.
    fn items_of(&mut self, ty: &mut Type, base: &str) {
        let name = match &ty.type_name {
            Some((n, loc)) if !case::is_ident(n) => {
                self.cx
                    .error(loc, format!("`{n}` is not a Rust identifier"));
                base.to_string()
            }
            Some((n, _)) => n.clone(),
            None => base.to_string(),
        };
        if ty.values.is_some() {
            ty.item = Some(self.claim(&name, &ty.loc, "this enum"));
            self.variants(ty);
        } else if matches!(ty.kind, Kind::Object(_)) {
            ty.item = Some(self.claim(&name, &ty.loc, "this object"));
        } else if matches!(ty.kind, Kind::Union(_)) {
            ty.item = Some(self.claim(&name, &ty.loc, "this union"));
        }
        self.inner_items(ty, &name);
    }

    /// Names items nested in arrays, maps and objects.
    fn inner_items(&mut self, ty: &mut Type, base: &str) {
        match &mut ty.kind {
            Kind::Array(of) => self.items_of(of, &format!("{base}Item")),
            Kind::Map(of) => self.items_of(of, &format!("{base}Value")),
            Kind::Object(fields) => {
                let mut fields: Vec<&mut Field> = fields.iter_mut().collect();
                self.fields(&mut fields, &format!("`{base}`"), &[]);
            }
            Kind::Union(union) => {
                self.members(union);
                for member in &mut union.members {
                    let base = format!("{base}{}", member.variant);
                    self.items_of(&mut member.ty, &base);
                }
            }
            _ => {}
        }
    }

    /// Settles the variant of each member of a union: its tag value, else
    /// the type it names, in UpperCamelCase.
    fn members(&mut self, union: &mut crate::model::Union) {
        let mut taken: BTreeMap<String, Option<Loc>> = BTreeMap::new();
        taken.insert("Other".into(), None);
        // Strings written out, told apart by their formats: each named
        // after its format (`DateTime`, `Date`) rather than all `String`.
        let plain_string = |m: &crate::model::Member| {
            m.tag.is_none()
                && m.ty.type_name.is_none()
                && matches!(m.ty.kind, Kind::String)
                && m.ty.values.is_none()
        };
        let strings = union.members.iter().filter(|m| plain_string(m)).count();
        // Arrays written out, told apart by their items: each named after
        // them (`StringArray`, `IntegerArray`) rather than all `Array`.
        let plain_array = |m: &crate::model::Member| {
            m.tag.is_none()
                && m.ty.type_name.is_none()
                && m.written == "array"
                && matches!(m.ty.kind, Kind::Array(_))
        };
        let arrays = union.members.iter().filter(|m| plain_array(m)).count();
        for member in &mut union.members {
            if arrays > 1 && plain_array(member) {
                member.written = items_word(&member.ty);
            }
            let by_format = match member.ty.constraints.format {
                Some(format) if strings > 1 && plain_string(member) => Some(format.name()),
                _ => None,
            };
            let written = match (&member.tag, &member.ty.type_name, by_format) {
                (Some((tag, _)), _, _) => tag.as_str(),
                (None, Some((name, _)), _) => name.as_str(),
                (None, None, Some(format)) => format,
                (None, None, None) => member.written.as_str(),
            };
            let name = case::upper_camel(written)
                .map(|n| case::unraw(&n).to_string())
                .filter(|n| !n.is_empty());
            let loc = member.tag.as_ref().map_or(&member.ty.loc, |(_, l)| l);
            let name = match name {
                Some(n) => n,
                None => {
                    self.cx.error(
                        loc,
                        format!("`{written}` has no letter or digit to name a variant after"),
                    );
                    "Member".to_string()
                }
            };
            let name = match taken.get(&name) {
                Some(first) => {
                    let first = match first {
                        None => "the variant kept for members the spec does not list".to_string(),
                        Some(l) => format!("the member at {}", l.path_str()),
                    };
                    let fix = match member.tag {
                        Some(_) => "tag values that differ only in case or punctuation cannot name two members",
                        None => "name the member under `types`, or give it a `type_name`",
                    };
                    self.cx.error(
                        loc,
                        format!("the member `{written}` becomes the variant `{name}`, which is already {first}; {fix}"),
                    );
                    unique(&taken, &name)
                }
                None => name,
            };
            taken.insert(name.clone(), Some(loc.clone()));
            member.variant = name;
        }
    }

    fn variants(&mut self, ty: &mut Type) {
        let Some(values) = &ty.values else { return };
        let mut taken: BTreeMap<String, Option<Loc>> = BTreeMap::new();
        let mut variants = Vec::new();
        let names = case::value_variants(&values.iter().map(|(v, _)| v).collect::<Vec<_>>());
        // `Other` keeps a value outside the list, unless a value is named
        // so (`"other"` is a documented value of many APIs' enums).
        let other = crate::model::OTHER_VARIANTS
            .iter()
            .find(|o| !names.iter().any(|n| n.as_deref() == Some(**o)))
            .unwrap_or(&crate::model::OTHER_VARIANTS[2]);
        taken.insert(other.to_string(), None);
        ty.other_variant = other.to_string();
        for ((value, loc), name) in values.iter().zip(names) {
            let name = name.unwrap_or_else(|| "Value".to_string());
            let duplicate = values
                .iter()
                .take_while(|(_, l)| l != loc)
                .any(|(v, _)| v == value);
            let name = match taken.get(&name) {
                // A value listed twice is reported as such by `check_type`.
                Some(_) if duplicate => unique(&taken, &name),
                Some(first) => {
                    let first = match first {
                        None => "the variant kept for values outside the list".to_string(),
                        Some(l) => format!("the value at {}", l.path_str()),
                    };
                    self.cx.error(
                        loc,
                        format!("the value {value} becomes the variant `{name}`, which is already {first}"),
                    );
                    unique(&taken, &name)
                }
                None => name,
            };
            taken.insert(name.clone(), Some(loc.clone()));
            variants.push(name);
        }
        ty.variants = variants;
    }

    /// Settles the identifiers of one struct's fields, then their items.
    /// `reserved` are names the generated code uses besides these, each with
    /// what holds it.
    fn fields(&mut self, fields: &mut [&mut Field], owner: &str, reserved: &[(&str, &str)]) {
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        for field in fields.iter_mut() {
            let ident = match &field.rust_name {
                Some((name, _)) if case::is_ident(name) => Some(name.clone()),
                Some(_) => None,
                None => {
                    let ident = case::snake(&field.name);
                    if ident.is_none() {
                        self.cx.error(
                            &field.loc,
                            format!(
                                "`{}` has no letter or digit to name a Rust field after; set `rust_name`",
                                field.name
                            ),
                        );
                    }
                    ident
                }
            };
            let ident = ident.unwrap_or_else(|| "field".into());
            let ident = if let Some((_, holder)) = reserved.iter().find(|(r, _)| *r == ident) {
                self.cx.error(
                    &field.loc,
                    format!(
                        "`{}` becomes the Rust field `{ident}`, which {holder} already has; set `rust_name`",
                        field.name
                    ),
                );
                format!("{ident}_field")
            } else {
                ident
            };
            let ident = match taken.get(&ident) {
                Some(first) if *first == field.name => {
                    // Params of one name in different places.
                    self.cx.error(
                        &field.loc,
                        format!(
                            "both params named `{first}` become the Rust field `{ident}`; set `rust_name` on one of them"
                        ),
                    );
                    unique(&taken, &ident)
                }
                Some(first) => {
                    self.cx.error(
                        &field.loc,
                        format!(
                            "`{}` and `{first}` of {owner} both become the Rust field `{ident}`; set `rust_name` on one of them",
                            field.name
                        ),
                    );
                    unique(&taken, &ident)
                }
                None => ident,
            };
            taken.insert(ident.clone(), field.name.clone());
            field.ident = ident;
        }
        for field in fields.iter_mut() {
            let base =
                case::upper_camel(case::unraw(&field.ident)).unwrap_or_else(|| "Field".into());
            let base = case::unraw(&base).to_string();
            self.items_of(&mut field.ty, &base);
        }
    }
}

/// An array named after its items, as a union member: `string array`,
/// `User array`, `integer array array`.
pub(crate) fn items_word(ty: &Type) -> String {
    match &ty.kind {
        Kind::Array(item) => {
            let item = match (&item.type_name, &item.kind) {
                (Some((name, _)), _) => name.clone(),
                (None, Kind::Array(_)) => items_word(item),
                (None, kind) => kind.word().to_string(),
            };
            format!("{item} array")
        }
        kind => kind.word().to_string(),
    }
}

/// `name2`, `name3`, … : the first not yet taken.
fn unique<V>(taken: &BTreeMap<String, V>, name: &str) -> String {
    (2..)
        .map(|i| format!("{name}{i}"))
        .find(|n| !taken.contains_key(n))
        .unwrap_or_default()
}
