//! `oneOf` and `anyOf` → a spec union. A union is written only where a
//! reader can always tell its members apart, so that what is imported
//! passes `check`: by `discriminator` (each member an object whose tag
//! property is a required string), or, untagged, by the JSON kind of each
//! member (objects by a required property no other member has). Anything
//! else stays `any`, noted.

use std::collections::BTreeSet;

use super::read::{self, Get};
use super::schema::Ty;
use super::write::Obj;
use super::{Importer, Shape};
use crate::json::{Key, Node, Value};

/// How far a member's references and `allOf` are followed to see its kind.
const MAX_LOOK: usize = 16;

/// What a member schema is, as far as telling members apart goes.
#[derive(Debug, Default, Clone)]
struct Look {
    /// `string`, `number`, `boolean`, `array`, `object` (with properties)
    /// or `map`; empty when unknown.
    kind: &'static str,
    /// Properties and their schemas (objects), `allOf` merged.
    props: Vec<(String, Node)>,
    required: Vec<String>,
    /// A scalar with nothing that narrows it (no `enum`, `format`,
    /// `pattern`, bound or length): it takes every value of its kind, all
    /// numbers where it is a `number`, all integers where an `integer`.
    plain: bool,
    /// `integer` for a number that must be whole.
    integer: bool,
    /// Properties of one value (an `enum` of one string or boolean), which
    /// an untagged reader checks where a value has them.
    fixed: Vec<(String, Value)>,
    /// A string's `format` the spec checks (`date-time`, `uri`, …), by
    /// which a reader tells strings of one union apart.
    format: Option<&'static str>,
    /// An array's items, as a member is looked at.
    items: Option<Box<Look>>,
}

/// Keys that only describe a schema: two schemas that differ in these
/// alone take the same values.
const DOCS: [&str; 4] = ["description", "title", "example", "examples"];

/// Whether `key` only describes its schema ([`DOCS`]).
pub(super) fn is_doc(key: &str) -> bool {
    DOCS.contains(&key)
}

/// Keys that narrow the values a scalar schema takes.
const NARROWING: [&str; 14] = [
    "enum",
    "const",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "contentEncoding",
    "contentMediaType",
    "not",
];

/// Whether every value `b` takes, `a` takes too, for scalars `a` takes
/// whole.
fn subsumes(a: &Look, b: &Look) -> bool {
    a.plain
        && matches!(a.kind, "string" | "number" | "boolean")
        && a.kind == b.kind
        && (!a.integer || b.integer)
}

/// One member as written: the schema, its pointer, and the tag value
/// naming it (in a tagged union).
struct Planned<'s> {
    schema: &'s Node,
    at: String,
    tag: Option<String>,
}

impl Importer<'_> {
    /// The union `s` (its `oneOf` or `anyOf`, `union`) describes, if a
    /// reader can tell its members apart; `None` after a note otherwise.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn union(
        &mut self,
        s: &Node,
        union: &str,
        members: &[(usize, &Node)],
        ptr: &str,
        hint: &str,
        parent: &str,
        depth: usize,
        define_as: Option<&str>,
    ) -> Option<Ty> {
        let at = |i: usize| format!("{ptr}/{union}/{i}");
        // One member left (the others taken whole or merged into it): that
        // member.
        if let [(i, only)] = members {
            let mut ty = self.ty_at(only, &at(*i), hint, parent, depth + 1, define_as);
            ty.nullable |= s.bool_at("nullable");
            return Some(ty);
        }
        // A member that takes every value (`{}`, docs alone) makes the
        // union any value.
        let anything = |m: &Node| {
            let m = self.follow(m);
            matches!(m.value, Value::Object(_))
                && m.members().iter().all(|(k, _)| {
                    k.name.starts_with("x-")
                        || is_doc(&k.name)
                        || matches!(k.name.as_str(), "deprecated" | "default" | "externalDocs")
                })
        };
        if members.iter().any(|(_, m)| anything(m)) {
            return Some(Ty::any());
        }
        // A member that is a union itself and nothing more (Stripe's
        // "deleted" answers: `anyOf` of two `anyOf`s; its card installments:
        // a nullable `anyOf` of one beside another object): its members
        // are the union's, and its `null` the union's.
        let nested = |m: &Node| {
            let m = self.follow(m);
            let union = ["oneOf", "anyOf"]
                .into_iter()
                .find(|u| m.get(u).is_some())?;
            let inner = m.get(union)?.items().to_vec();
            // `type: object` beside members that are all objects says no
            // more than they do (GitHub's organization ruleset conditions).
            let objects = || {
                inner
                    .iter()
                    .all(|i| matches!(self.look(i, 0).kind, "object" | "map"))
            };
            // Its own `discriminator` is dropped: its members are told
            // apart among the outer union's as any are (linqr's contact
            // data and gradients, each `type` of one value); pydantic's
            // `additionalProperties: false` beside the union says nothing
            // of its members.
            let plain = m.members().iter().all(|(k, v)| {
                k.name == union
                    || k.name.starts_with("x-")
                    || matches!(
                        k.name.as_str(),
                        "description" | "title" | "nullable" | "discriminator"
                    )
                    || (k.name == "additionalProperties" && matches!(v.value, Value::Bool(_)))
                    || (k.name == "type"
                        && matches!(&v.value, Value::String(t) if t == "object")
                        && objects())
            });
            plain.then_some(inner)
        };
        if depth < MAX_LOOK
            && s.get("discriminator").is_none()
            && members.iter().any(|(_, m)| nested(m).is_some())
        {
            let mut nullable = false;
            let mut flat: Vec<(usize, Node)> = Vec::new();
            for (i, m) in members {
                let Some(inner) = nested(m) else {
                    flat.push((*i, (*m).clone()));
                    continue;
                };
                nullable |= super::schema::nullable_of(&self.follow(m));
                for n in inner {
                    if super::schema::null_member(&self.follow(&n)) {
                        nullable = true;
                    } else {
                        flat.push((*i, n));
                    }
                }
            }
            let flat: Vec<(usize, &Node)> = flat.iter().map(|(i, m)| (*i, m)).collect();
            let mut ty = self.union(s, union, &flat, ptr, hint, parent, depth + 1, define_as)?;
            ty.nullable |= nullable;
            return Some(ty);
        }
        let looks: Vec<Look> = members.iter().map(|(_, m)| self.look(m, 0)).collect();
        // A member another takes whole adds no value (a string enum or a
        // formatted string beside a plain `string`, an `integer` beside a
        // `number`; OData's `[number, string, ReferenceNumeric]`): the union
        // is the same without it. Of two alike, the first stays.
        let taken_whole = |i: usize| {
            (0..looks.len()).any(|j| {
                j != i
                    && ((subsumes(&looks[j], &looks[i])
                        && (j < i || !subsumes(&looks[i], &looks[j])))
                        || self.enum_within(members[j].1, members[i].1))
            })
        };
        let kept: Vec<usize> = (0..members.len()).filter(|&i| !taken_whole(i)).collect();
        if kept.len() < members.len() && s.get("discriminator").is_none() {
            let members: Vec<(usize, &Node)> = kept.iter().map(|&i| members[i]).collect();
            return self.union(s, union, &members, ptr, hint, parent, depth, define_as);
        }
        if s.get("discriminator").is_none() {
            if let Some(fewer) = self.alike_scalars(members) {
                let fewer: Vec<(usize, &Node)> = fewer.iter().map(|(i, m)| (*i, m)).collect();
                return self.union(s, union, &fewer, ptr, hint, parent, depth, define_as);
            }
        }
        if s.get("discriminator").is_none() {
            // Members no reader need tell apart, read as the one schema they make.
            let merged = self
                .merged_objects(members, &looks)
                .or_else(|| self.merged_enums(members));
            if let Some(mut merged) = merged {
                if let (Some(d), Value::Object(m)) = (s.get("description"), &mut merged.value) {
                    m.push((super::schema::key("description"), d.clone()));
                }
                let at = format!("{ptr}/{union}");
                return Some(self.ty_at(&merged, &at, hint, parent, depth + 1, define_as));
            }
        }
        let mut tag = None;
        let mut planned: Option<Vec<Planned<'_>>> = None;
        if let Some(property) = s
            .get("discriminator")
            .and_then(|d| d.str_at("propertyName"))
        {
            // The property optional in some member, but of one value in
            // each, a different one (Mailchimp's `condition_type`): the
            // untagged reader tells the members apart by it where a value
            // has it, as the tag would.
            let by_value = told_by(property, &looks)
                && looks
                    .iter()
                    .any(|look| !look.required.iter().any(|r| r == property));
            match self.tagged(s, property, members, &looks) {
                _ if by_value => {}
                Ok(values) => {
                    tag = Some(property.to_string());
                    planned = Some(
                        members
                            .iter()
                            .zip(values)
                            .flat_map(|((i, m), values)| {
                                values.into_iter().map(move |v| Planned {
                                    schema: m,
                                    at: at(*i),
                                    tag: Some(v),
                                })
                            })
                            .collect(),
                    );
                }
                Err(_) if told_by(property, &looks) => {}
                Err(why) => self.note(
                    &format!("{ptr}/discriminator"),
                    format!("the discriminator cannot name every member: {why}"),
                    "the union read untagged where it can be",
                ),
            }
        }
        if planned.is_none() && s.get("discriminator").is_none() {
            // No discriminator, but every member says what it is in a
            // required property of one value (JSON:API's `type`, Stripe's
            // `object`): a tag all the same.
            if let Some((property, values)) = self.implicit_tag(members, &looks) {
                tag = Some(property);
                planned = Some(
                    members
                        .iter()
                        .zip(values)
                        .flat_map(|((i, m), values)| {
                            values.into_iter().map(move |v| Planned {
                                schema: m,
                                at: at(*i),
                                tag: Some(v),
                            })
                        })
                        .collect(),
                );
            }
        }
        let planned = match planned {
            Some(p) => p,
            None => match apart(&looks) {
                Ok(order) => order
                    .iter()
                    .map(|&k| {
                        let (i, m) = &members[k];
                        Planned {
                            schema: m,
                            at: at(*i),
                            tag: None,
                        }
                    })
                    .collect(),
                Err(why) => {
                    if let Some(mut merged) = self.widened_objects(members, &looks) {
                        if let (Some(d), Value::Object(m)) =
                            (s.get("description"), &mut merged.value)
                        {
                            m.push((super::schema::key("description"), d.clone()));
                        }
                        let at = format!("{ptr}/{union}");
                        return Some(self.ty_at(&merged, &at, hint, parent, depth + 1, define_as));
                    }
                    if let Some(fewer) = self.grouped_objects(members, &looks) {
                        let fewer: Vec<(usize, &Node)> =
                            fewer.iter().map(|(i, m)| (*i, m)).collect();
                        return self.union(s, union, &fewer, ptr, hint, parent, depth, define_as);
                    }
                    self.note(
                        &format!("{ptr}/{union}"),
                        format!("a union (`{union}`) whose members a reader cannot tell apart ({why}) has no spec type"),
                        "written as `any`",
                    );
                    return None;
                }
            },
        };
        let mut written = Vec::new();
        let mut nullable = false;
        // The union is a named item: an alias met again inside a member
        // (EdgeConfig's JSON value, an array of values among its members)
        // recurses through it, as through an object.
        self.converting.push((String::new(), false));
        for (n, p) in planned.iter().enumerate() {
            let member_hint = match &p.tag {
                Some(t) => t.clone(),
                None => format!("{hint}{}", n + 1),
            };
            let ty = self.ty_at(p.schema, &p.at, &member_hint, parent, depth + 1, None);
            nullable |= ty.nullable;
            written.push((p.tag.clone(), ty));
        }
        self.converting.pop();
        // What a reader could not name a variant after, or a member that
        // came out as `any`, leaves the union as `any` too.
        let mut variants = vec!["Other".to_string()];
        // Strings told apart by their formats are named after them, and
        // arrays after their items, as `check` names them.
        let count = |word: &str| {
            written
                .iter()
                .filter(|(tag, ty)| tag.is_none() && ty.keys.str("type") == Some(word))
                .count()
        };
        let (strings, arrays) = (count("string"), count("array"));
        for (tag, ty) in &written {
            let of_items;
            let word = match (tag, ty.keys.str("type"), ty.keys.str("format")) {
                (Some(t), _, _) => t.as_str(),
                (None, Some("string"), Some(f)) if strings > 1 => f,
                (None, Some("array"), _) if arrays > 1 => {
                    of_items = items_word(ty.keys.get("of"));
                    &of_items
                }
                (None, Some(w), _) => w,
                (None, None, _) => "",
            };
            let variant = crate::case::upper_camel(word).unwrap_or_default();
            let clash = variant.is_empty() || variants.contains(&variant);
            if clash || ty.keys.str("type") == Some("any") || ty.keys.str("type").is_none() {
                self.note(
                    &format!("{ptr}/{union}"),
                    format!("a member of the union (`{union}`) has no spec type a variant can hold apart"),
                    "written as `any`",
                );
                return None;
            }
            variants.push(variant);
        }
        // A union of scalars (an id or a slug) may travel as text, in a
        // path or a query, where a string member takes every text: it goes
        // last (in JSON, where the kinds differ, order does not matter).
        let scalars = tag.is_none() && written.iter().all(|(_, ty)| ty.shape == Shape::Scalar);
        if scalars {
            let takes_text = |ty: &Ty| match ty.keys.str("type") {
                Some("string" | "bytes") => true,
                Some(name) => self
                    .types
                    .iter()
                    .any(|(k, d)| k == name && d.def.str("type") == Some("string")),
                None => false,
            };
            let (text, others): (Vec<_>, Vec<_>) =
                written.into_iter().partition(|(_, ty)| takes_text(ty));
            written = others;
            written.extend(text);
        }
        let mut def = Obj::new().with("type", "union");
        if let Some(d) = s.str_at("description") {
            def.set("description", d);
        }
        match &tag {
            Some(property) => {
                def.set("tag", property);
                let mut of = Obj::new();
                for (t, ty) in written {
                    of.set(t.as_deref().unwrap_or_default(), ty.as_of());
                }
                def.set("of", of);
            }
            None => {
                let of: Vec<Value> = written.iter().map(|(_, ty)| ty.as_of()).collect();
                def.set("of", of);
            }
        }
        let shape = if scalars { Shape::Scalar } else { Shape::Other };
        let key = self.item(def, hint, parent, define_as, shape);
        let mut ty = Ty::word(&key, shape);
        ty.nullable = nullable;
        Some(ty)
    }

    /// A property every member requires, a string `enum` whose values no
    /// other member's share (one each, JSON:API's `type`; or several,
    /// Adyen's `sdk` and `wechatpaySDK` for one kind of action), and each
    /// member's values; the first such property of the first member's
    /// required ones.
    fn implicit_tag(
        &self,
        members: &[(usize, &Node)],
        looks: &[Look],
    ) -> Option<(String, Vec<Vec<String>>)> {
        if members.len() < 2 || looks.iter().any(|l| l.kind != "object") {
            return None;
        }
        'property: for property in &looks[0].required {
            let mut values: Vec<Vec<String>> = Vec::new();
            let mut variants: Vec<String> = Vec::new();
            for look in looks {
                let Some((_, prop)) = look.props.iter().find(|(p, _)| p == property) else {
                    continue 'property;
                };
                let prop = self.follow(prop);
                let listed = prop.get("enum").map(|e| e.items()).unwrap_or_default();
                let own: Option<Vec<String>> =
                    listed.iter().map(|v| text(v).map(str::to_string)).collect();
                let string = matches!(prop.str_at("type"), Some("string") | None);
                let plain = plain_text(&prop);
                let Some(own) = own.filter(|o| !o.is_empty()) else {
                    continue 'property;
                };
                if !string
                    || !plain
                    || !look.required.contains(property)
                    || one_way(&prop)
                    || super::schema::nullable_of(&prop)
                {
                    continue 'property;
                }
                for value in &own {
                    let variant = crate::case::upper_camel(value).unwrap_or_default();
                    if variant.is_empty() || variant == "Other" || variants.contains(&variant) {
                        continue 'property;
                    }
                    variants.push(variant);
                }
                values.push(own);
            }
            return Some((property.clone(), values));
        }
        None
    }

    /// The tag values of each member of a union with a discriminator
    /// (`mapping` keys, else a reference's last word), or why not.
    fn tagged(
        &self,
        s: &Node,
        property: &str,
        members: &[(usize, &Node)],
        looks: &[Look],
    ) -> Result<Vec<Vec<String>>, String> {
        let mapping: Vec<(String, String)> = s
            .get("discriminator")
            .and_then(|d| d.get("mapping"))
            .map(|m| {
                m.members()
                    .iter()
                    .filter_map(|(k, v)| Some((k.name.clone(), text(v)?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        let mut all: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for ((_, m), look) in members.iter().zip(looks) {
            let name = m
                .str_at("$ref")
                .map(|r| r.to_string())
                .unwrap_or_else(|| "an inline member".into());
            if look.kind != "object" {
                return Err(format!("{name} is not an object"));
            }
            let Some((_, prop)) = look.props.iter().find(|(p, _)| p == property) else {
                return Err(format!("{name} has no property `{property}`"));
            };
            let prop = self.follow(prop);
            let string = prop.str_at("type") == Some("string")
                || (prop.get("type").is_none() && prop.get("enum").is_some());
            let plain = plain_text(&prop);
            // Optional is allowed: a value without it reads as the first
            // member it fits (GitHub's `user_view_type`, absent from
            // older answers).
            if !string || !plain || one_way(&prop) || super::schema::nullable_of(&prop) {
                return Err(format!("`{property}` of {name} is not a plain string"));
            }
            let mut values: Vec<String> = match m.str_at("$ref") {
                Some(r) => {
                    let mapped: Vec<String> = mapping
                        .iter()
                        .filter(|(_, to)| to == r || r.rsplit('/').next() == Some(to.as_str()))
                        .map(|(k, _)| k.clone())
                        .collect();
                    if mapped.is_empty() {
                        r.rsplit('/')
                            .next()
                            .map(str::to_string)
                            .into_iter()
                            .collect()
                    } else {
                        mapped
                    }
                }
                None => {
                    let listed = prop.get("enum").map(|e| e.items()).unwrap_or_default();
                    match (m.str_at("x-endpoints-tag"), listed) {
                        (Some(t), _) => vec![t.to_string()],
                        (None, [only]) => text(only).map(str::to_string).into_iter().collect(),
                        _ => Vec::new(),
                    }
                }
            };
            if let Some(listed) = prop.get("enum") {
                values.retain(|v| listed.items().iter().any(|e| text(e) == Some(v.as_str())));
            }
            if values.is_empty() {
                return Err(format!("no tag value names {name}"));
            }
            for v in &values {
                let variant = crate::case::upper_camel(v).unwrap_or_default();
                let taken = all
                    .iter()
                    .any(|w| crate::case::upper_camel(w).unwrap_or_default() == variant);
                if variant.is_empty() || variant == "Other" || taken {
                    return Err(format!(
                        "the tag value `{v}` cannot name a variant of its own"
                    ));
                }
                all.push(v.clone());
            }
            out.push(values);
        }
        Ok(out)
    }

    /// Whether the schema's own keys beside `union` (but for those that
    /// only describe it, and `nullable`) are one member's, each alike:
    /// older GitHub's `type: array, items: {type: string}` beside a
    /// `oneOf` of an object and that same array, a generator's copy of the
    /// last member that says nothing the union does not.
    pub(super) fn repeats_a_member(
        &self,
        s: &Node,
        union: &str,
        members: &[(usize, &Node)],
    ) -> bool {
        let own: Vec<_> = s
            .members()
            .iter()
            .filter(|(k, _)| k.name != union && k.name != "nullable" && !is_doc(&k.name))
            .collect();
        !own.is_empty()
            && members.iter().any(|(_, m)| {
                let m = self.follow(m);
                own.iter().all(|(k, v)| {
                    m.get(&k.name)
                        .is_some_and(|mine| mine.value.to_serde() == v.value.to_serde())
                })
            })
    }

    /// A schema with its references followed.
    /// Scalar members alike but for docs and for formats the spec does not
    /// check (Threat Jammer's `ipv4` and `ipv6` strings, Shutterstock's
    /// `asset-id` and `asset-upload-id`), or alike outright (PandaScore's
    /// ids, each an `integer` of `minimum: 1`): they take the same values
    /// as far as a spec can say, so the first stays, without its format,
    /// and the formats go to its description as a format the spec does not
    /// check does (`Format: `ipv4` or `ipv6`.`). `None` where no two are
    /// alike.
    fn alike_scalars(&self, members: &[(usize, &Node)]) -> Option<Vec<(usize, Node)>> {
        let unchecked = |f: &str| {
            super::schema::format_named(f).is_none() && !super::schema::ANNOTATIONS.contains(&f)
        };
        let shape = |m: &Node| {
            let m = self.follow(m);
            let scalar = matches!(
                m.str_at("type"),
                Some("string" | "integer" | "number" | "boolean")
            );
            let serde_json::Value::Object(mut o) = m.value.to_serde() else {
                return None;
            };
            o.retain(|k, v| {
                !(is_doc(k)
                    || k.starts_with("x-")
                    || (k == "format" && v.as_str().is_some_and(unchecked)))
            });
            scalar.then_some(serde_json::Value::Object(o))
        };
        let shapes: Vec<Option<serde_json::Value>> =
            members.iter().map(|(_, m)| shape(m)).collect();
        let first_alike = |i: usize| {
            shapes[i]
                .as_ref()
                .and_then(|own| (0..i).find(|&j| shapes[j].as_ref() == Some(own)))
        };
        if (0..members.len()).all(|i| first_alike(i).is_none()) {
            return None;
        }
        let mut kept: Vec<(usize, Node)> = Vec::new();
        let mut formats: Vec<Vec<Option<String>>> = Vec::new();
        for (i, (at, m)) in members.iter().enumerate() {
            let m = self.follow(m);
            let format = m
                .str_at("format")
                .filter(|f| unchecked(f))
                .map(str::to_string);
            match first_alike(i) {
                Some(j) => {
                    let k = kept.iter().position(|(a, _)| *a == members[j].0)?;
                    formats[k].push(format);
                }
                None => {
                    kept.push((*at, m));
                    formats.push(vec![format]);
                }
            }
        }
        for ((_, m), formats) in kept.iter_mut().zip(formats) {
            let Value::Object(keys) = &mut m.value else {
                continue;
            };
            // One without an unchecked format takes every string the others
            // do: no such format is said (a checked one, which every member
            // of the group shares, stays).
            let unchecked_format = |(k, v): &(Key, Node)| {
                k.name == "format" && matches!(&v.value, Value::String(f) if unchecked(f))
            };
            let mut formats: Vec<String> = match formats.into_iter().collect::<Option<_>>() {
                Some(all) => all,
                None => {
                    keys.retain(|kv| !unchecked_format(kv));
                    continue;
                }
            };
            formats.dedup();
            if formats.len() > 1 {
                keys.retain(|kv| !unchecked_format(kv));
                let listed: Vec<String> = formats
                    .iter()
                    .map(|f| format!("`{}`", f.replace('`', "'")))
                    .collect();
                let (last, rest) = listed.split_last()?;
                let line = format!("Format: {} or {last}.", rest.join(", "));
                let at = keys.iter().position(|(k, _)| k.name == "description");
                let own = at.and_then(|i| match &keys[i].1.value {
                    Value::String(text) => Some(text.clone()),
                    _ => None,
                });
                let described = super::schema::with_paragraph(own, line);
                match at {
                    Some(i) => keys[i].1.value = Value::String(described),
                    None => keys.push((
                        super::schema::key("description"),
                        super::schema::node(Value::String(described)),
                    )),
                }
            }
        }
        Some(kept)
    }

    pub(super) fn follow(&self, s: &Node) -> Node {
        let mut at = s;
        for _ in 0..MAX_LOOK {
            match at
                .str_at("$ref")
                .and_then(|r| read::pointer(self.root, &read::percent_decode(r)))
            {
                Some(target) => at = target,
                None => break,
            }
        }
        at.clone()
    }

    /// Whether a schema names a property, in its own `properties` or
    /// through `allOf` (where [`Self::resolved`] merges them), references
    /// followed; without a note on what it cannot follow.
    pub(super) fn names_properties(&self, s: &Node, depth: usize) -> bool {
        let s = self.follow(s);
        s.get("properties").is_some_and(|p| !p.members().is_empty())
            || (depth < MAX_LOOK
                && s.get("allOf").is_some_and(|all| {
                    all.items()
                        .iter()
                        .any(|m| self.names_properties(m, depth + 1))
                }))
    }

    /// The one value a property schema allows, where it is a string or a
    /// boolean `enum` of one, as the spec writes it (`values` of one).
    fn fixed_value(&self, p: &Node) -> Option<Value> {
        let p = self.follow(p);
        let only = match p.get("enum").map(|e| e.items()) {
            Some([only]) => only.value.clone(),
            _ => return None,
        };
        let fits = matches!(
            (&only, p.str_at("type")),
            (Value::String(_), Some("string") | None) | (Value::Bool(_), Some("boolean") | None)
        );
        (fits && plain_text(&p) && !one_way(&p)).then_some(only)
    }

    /// What a member is: its kind and, for an object, its properties.
    fn look(&self, s: &Node, depth: usize) -> Look {
        let s = self.follow(s);
        let mut look = Look::default();
        if depth > MAX_LOOK || s.get("oneOf").is_some() || s.get("anyOf").is_some() {
            return look;
        }
        if let Some(all) = s.get("allOf") {
            let parts = all.items();
            for m in parts {
                let part = self.look(m, depth + 1);
                // One part that is no object, and nothing beside it
                // (PeerTube's `allOf: [UUIDv4]`): what that part is.
                let alone = parts.len() == 1
                    && ["type", "properties", "items"]
                        .iter()
                        .all(|k| s.get(k).is_none());
                if alone && !matches!(part.kind, "object" | "map") {
                    return part;
                }
                // A part that says `type: object` and which properties are
                // `required` (ix-api's `VLanConfigDot1Q`) adds those.
                if !part.kind.is_empty() && !matches!(part.kind, "object" | "map") {
                    return Look::default();
                }
                look.props.extend(part.props);
                look.required.extend(part.required);
            }
        }
        for (k, v) in s.get("properties").map(|p| p.members()).unwrap_or_default() {
            look.props.push((k.name.clone(), v.clone()));
        }
        for r in s.get("required").map(|r| r.items()).unwrap_or_default() {
            if let Some(name) = text(r) {
                look.required.push(name.to_string());
            }
        }
        let word = match s.get("type").map(|t| &t.value) {
            Some(Value::String(w)) => w.as_str(),
            Some(_) => return Look::default(),
            None if !look.props.is_empty() => "object",
            None if s.get("additionalProperties").is_some() => "object",
            None if s.get("items").is_some() => "array",
            // A list, or one value (Vercel's `{"const": "create"}`), of
            // one kind.
            None => match s
                .get("enum")
                .and_then(|e| e.items().first())
                .or_else(|| s.get("const"))
                .map(|v| &v.value)
            {
                Some(Value::String(_)) => "string",
                Some(Value::Number(_)) => "number",
                _ => "",
            },
        };
        look.fixed = look
            .props
            .iter()
            .filter_map(|(name, p)| Some((name.clone(), self.fixed_value(p)?)))
            .collect();
        look.plain = NARROWING.iter().all(|k| s.get(k).is_none());
        look.integer = word == "integer";
        look.format = s
            .str_at("format")
            .filter(|_| word == "string" && s.get("enum").is_none())
            .and_then(super::schema::format_named)
            .map(|f| f.name());
        if word == "array" {
            look.items = s.get("items").map(|i| Box::new(self.look(i, depth + 1)));
        }
        look.kind = match word {
            "string" => "string",
            "integer" | "number" => "number",
            "boolean" => "boolean",
            "array" => "array",
            // `properties: {}` and nothing else: an object of no named
            // property (Stripe's empty payment method options), which
            // merges with its like.
            "object"
                if look.props.is_empty()
                    && (s.get("properties").is_none()
                        || s.get("additionalProperties").is_some()) =>
            {
                "map"
            }
            "object" => "object",
            _ => "",
        };
        look
    }
}

impl Importer<'_> {
    /// The values of a member that is a list of strings and nothing more
    /// (`enum`, `type: string`, docs; lengths every listed value keeps say
    /// nothing more: Stripe's `enum: ["now"], maxLength: 5000`).
    fn string_list(&self, m: &Node) -> Option<Vec<Node>> {
        let m = self.follow(m);
        // Extensions (`x-stripeBypassValidation`) say nothing to a reader,
        // nor does a format the spec does not check (Shutterstock's
        // `country-code-2` beside the list of codes).
        let only_a_list = m.members().iter().all(|(k, v)| {
            k.name.starts_with("x-")
                || is_doc(&k.name)
                || matches!(
                    k.name.as_str(),
                    "type" | "enum" | "const" | "minLength" | "maxLength"
                )
                || (k.name == "format"
                    && text(v).is_some_and(|f| super::schema::format_named(f).is_none()))
        });
        if !only_a_list || m.str_at("type").is_some_and(|t| t != "string") {
            return None;
        }
        let listed = match (m.get("enum"), m.get("const")) {
            (Some(list), None) => list.items().to_vec(),
            (None, Some(one)) => vec![one.clone()],
            _ => return None,
        };
        if listed.is_empty() || !within_lengths(&m, &listed) {
            return None;
        }
        Some(listed)
    }

    /// Whether `list` is a list of strings (`enum` and docs) each of which
    /// the string `bounded` takes: a string whose only rules are lengths
    /// (Stripe's `maxLength: 5000` beside `enum: [""]`, "or empty to
    /// unset").
    fn enum_within(&self, bounded: &Node, list: &Node) -> bool {
        let (bounded, list) = (self.follow(bounded), self.follow(list));
        let only_lengths = bounded.str_at("type") == Some("string")
            && bounded.members().iter().all(|(k, _)| {
                is_doc(&k.name) || matches!(k.name.as_str(), "type" | "minLength" | "maxLength")
            });
        let only_a_list = matches!(list.str_at("type"), Some("string") | None)
            && list
                .members()
                .iter()
                .all(|(k, _)| is_doc(&k.name) || matches!(k.name.as_str(), "type" | "enum"));
        only_lengths
            && only_a_list
            && list
                .get("enum")
                .is_some_and(|e| within_lengths(&bounded, e.items()))
    }

    /// Members that are each a list of strings and nothing more (`enum`,
    /// `type: string`, docs): a value is one of them exactly when it is one
    /// of all their values, so the union is one enum of every value, in
    /// order, each once (Box's `["asc", "desc"]` or `["ASC", "DESC"]`).
    fn merged_enums(&self, members: &[(usize, &Node)]) -> Option<Node> {
        if members.len() < 2 {
            return None;
        }
        let mut values: Vec<Node> = Vec::new();
        for (_, m) in members {
            for v in self.string_list(m)? {
                if !values.iter().any(|seen| seen.value == v.value) {
                    values.push(v);
                }
            }
        }
        use super::schema::{key, node};
        Some(node(Value::Object(vec![
            (key("type"), node(Value::String("string".into()))),
            (key("enum"), node(Value::Array(values))),
        ])))
    }

    /// Objects that require the same properties (or none), which no reader
    /// can tell apart, as the one object they all read as: every property
    /// of any of them, required where all require it. Every value of every
    /// member is such an object, whole, and every such object is a value of
    /// each (none forbids other properties). `None` where two members give
    /// one property different schemas, or one limits other properties.
    fn merged_objects(&self, members: &[(usize, &Node)], looks: &[Look]) -> Option<Node> {
        self.objects_as_one(members, &looks.iter().collect::<Vec<_>>(), false)
    }

    /// Objects that require the same properties (or none) and give one
    /// property different schemas, where nothing else tells them apart
    /// (Stripe's payment method options: `capture_method` is `manual` in
    /// one, `manual` or `manual_preferred` in the other): the one object
    /// every value of every member is, each such property a union of its
    /// schemas (`anyOf`, read as any union is). Nothing a server sends is
    /// lost; what is widened is which properties go together.
    fn widened_objects(&self, members: &[(usize, &Node)], looks: &[Look]) -> Option<Node> {
        self.objects_as_one(members, &looks.iter().collect::<Vec<_>>(), true)
    }

    /// The members again, where some objects (not all) require the same
    /// properties and nothing tells them apart (Otoroshi's RSA and EC
    /// settings, alike to the letter, beside an HMAC one): each such group
    /// as the one object its members are, at the place of its first, the
    /// rest as they are; and arrays as one array of items of any of their
    /// kinds. `None` where nothing is merged so.
    fn grouped_objects(
        &self,
        members: &[(usize, &Node)],
        looks: &[Look],
    ) -> Option<Vec<(usize, Node)>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (k, look) in looks.iter().enumerate() {
            if look.kind != "object" {
                continue;
            }
            let own = reader_required(look);
            match groups
                .iter_mut()
                .find(|g| reader_required(&looks[g[0]]) == own)
            {
                Some(g) => g.push(k),
                None => groups.push(vec![k]),
            }
        }
        let mut merged: Vec<(usize, Node)> = Vec::new();
        let mut gone: Vec<usize> = Vec::new();
        for group in groups.iter().filter(|g| g.len() > 1) {
            let all_apart = group.iter().enumerate().all(|(n, &a)| {
                group[..n]
                    .iter()
                    .all(|&b| told_by_value(&looks[a], &looks[b]))
            });
            if all_apart {
                continue;
            }
            let parts: Vec<(usize, &Node)> = group.iter().map(|&k| members[k]).collect();
            let part_looks: Vec<&Look> = group.iter().map(|&k| &looks[k]).collect();
            let one = self.objects_as_one(&parts, &part_looks, true)?;
            merged.push((group[0], one));
            gone.extend(&group[1..]);
        }
        // Lists of strings beside other members (`"all"`, an array, or
        // `""`): one list of all their values.
        let lists: Vec<usize> = (0..members.len())
            .filter(|&k| self.string_list(members[k].1).is_some())
            .collect();
        if lists.len() > 1 {
            let parts: Vec<(usize, &Node)> = lists.iter().map(|&k| members[k]).collect();
            if let Some(one) = self.merged_enums(&parts) {
                merged.push((lists[0], one));
                gone.extend(&lists[1..]);
            }
        }
        // Strings each told by a pattern alone (Lucidtech's transition
        // ids): one string matching either, an OpenAPI pattern matches
        // where it finds itself, so `(?:a)|(?:b)` finds what either does.
        let patterned: Vec<usize> = (0..members.len())
            .filter(|&k| {
                let m = self.follow(members[k].1);
                m.str_at("type") == Some("string")
                    && m.str_at("pattern").is_some()
                    && m.members().iter().all(|(k, _)| {
                        is_doc(&k.name) || matches!(k.name.as_str(), "type" | "pattern")
                    })
            })
            .collect();
        if patterned.len() > 1 {
            use super::schema::{key, node};
            let either: Vec<String> = patterned
                .iter()
                .filter_map(|&k| {
                    self.follow(members[k].1)
                        .str_at("pattern")
                        .map(|p| format!("(?:{p})"))
                })
                .collect();
            let one = node(Value::Object(vec![
                (key("type"), node(Value::String("string".into()))),
                (key("pattern"), node(Value::String(either.join("|")))),
            ]));
            merged.push((patterned[0], one));
            gone.extend(&patterned[1..]);
        }
        // Arrays (GitHub's stargazers: of users, or of stars with their
        // users): the one array of items of any of their kinds.
        let arrays: Vec<usize> = (0..looks.len())
            .filter(|&k| looks[k].kind == "array")
            .collect();
        if arrays.len() > 1 {
            use super::schema::{key, node};
            // Their bounds (`minItems`, ...) the same in each, kept.
            let mut items: Vec<Node> = Vec::new();
            let mut bounds: Option<Vec<(crate::json::Key, Node)>> = None;
            for &k in &arrays {
                let a = self.follow(members[k].1);
                let own: Vec<_> = a
                    .members()
                    .iter()
                    .filter(|(k, _)| {
                        !is_doc(&k.name) && !matches!(k.name.as_str(), "type" | "items")
                    })
                    .cloned()
                    .collect();
                let alike = |b: &[(crate::json::Key, Node)]| {
                    b.len() == own.len()
                        && b.iter()
                            .zip(&own)
                            .all(|((k, v), (l, w))| k.name == l.name && v.value == w.value)
                };
                match &bounds {
                    Some(b) if !alike(b) => return None,
                    Some(_) => {}
                    None => bounds = Some(own.clone()),
                }
                let item = a.get("items")?;
                if !items.iter().any(|seen| seen.value == item.value) {
                    items.push(item.clone());
                }
            }
            let items = match items.len() {
                1 => items.remove(0),
                _ => node(Value::Object(vec![(
                    key("anyOf"),
                    node(Value::Array(items)),
                )])),
            };
            let mut one = vec![
                (key("type"), node(Value::String("array".into()))),
                (key("items"), items),
            ];
            one.extend(bounds.unwrap_or_default());
            let one = node(Value::Object(one));
            merged.push((arrays[0], one));
            gone.extend(&arrays[1..]);
        }
        if merged.is_empty() {
            return None;
        }
        Some(
            members
                .iter()
                .enumerate()
                .filter(|(k, _)| !gone.contains(k))
                .map(
                    |(k, (i, m))| match merged.iter().position(|(at, _)| *at == k) {
                        Some(p) => (*i, merged[p].1.clone()),
                        None => (*i, (*m).clone()),
                    },
                )
                .collect(),
        )
    }

    fn objects_as_one(
        &self,
        members: &[(usize, &Node)],
        looks: &[&Look],
        widen: bool,
    ) -> Option<Node> {
        if members.len() < 2 || looks.iter().any(|l| l.kind != "object") {
            return None;
        }
        let first = reader_required(looks[0]);
        if looks.iter().any(|l| reader_required(l) != first) {
            return None;
        }
        let limits_others = members.iter().any(|(_, m)| {
            self.follow(m)
                .get("additionalProperties")
                .is_some_and(|a| !matches!(a.value, Value::Bool(true)))
        });
        if limits_others {
            return None;
        }
        // Each property's schemas, each once (alike but for their docs).
        let bare = without_docs;
        let mut properties: Vec<(String, Vec<Node>)> = Vec::new();
        for look in looks {
            for (name, schema) in &look.props {
                match properties.iter_mut().find(|(n, _)| n == name) {
                    Some((_, seen)) if seen.iter().any(|s| bare(s) == bare(schema)) => {}
                    Some(_) if !widen => return None,
                    Some((_, seen)) => seen.push(schema.clone()),
                    None => properties.push((name.clone(), vec![schema.clone()])),
                }
            }
        }
        use super::schema::{key, node};
        let props = properties
            .into_iter()
            .map(|(name, mut schemas)| {
                let schema = match schemas.len() {
                    1 => schemas.remove(0),
                    _ => node(Value::Object(vec![(
                        key("anyOf"),
                        node(Value::Array(schemas)),
                    )])),
                };
                (key(&name), schema)
            })
            .collect();
        let mut out = vec![
            (key("type"), node(Value::String("object".into()))),
            (key("properties"), node(Value::Object(props))),
        ];
        if !first.is_empty() {
            let required = first.into_iter().map(|r| node(Value::String(r))).collect();
            out.push((key("required"), node(Value::Array(required))));
        }
        Some(node(Value::Object(out)))
    }
}

/// What a reader requires of an object: the required properties it
/// declares, but those only one direction carries.
fn reader_required(look: &Look) -> BTreeSet<String> {
    look.required
        .iter()
        .filter(|r| look.props.iter().any(|(p, s)| p == *r && !one_way(s)))
        .cloned()
        .collect()
}

/// Whether every one of `values` is a string within the `minLength` and
/// `maxLength` (in characters) of the string schema `bounds`.
fn within_lengths(bounds: &Node, values: &[Node]) -> bool {
    let bound = |k: &str| bounds.get(k).and_then(|n| n.value.to_serde().as_u64());
    let (min, max) = (bound("minLength"), bound("maxLength"));
    values.iter().all(|v| match &v.value {
        Value::String(t) => {
            let n = t.chars().count() as u64;
            min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)
        }
        _ => false,
    })
}

/// A schema as JSON without the keys that only describe it, to compare
/// two that differ only in their docs.
pub(super) fn without_docs(n: &Node) -> serde_json::Value {
    match n.value.to_serde() {
        serde_json::Value::Object(mut m) => {
            for k in DOCS {
                m.remove(k);
            }
            serde_json::Value::Object(m)
        }
        other => other,
    }
}

/// Whether a property schema is a plain string as a tag or a field of one
/// value needs: no format, pattern, lengths or `const`.
fn plain_text(p: &Node) -> bool {
    ["format", "pattern", "minLength", "maxLength", "const"]
        .iter()
        .all(|k| p.get(k).is_none())
}

/// Whether every member holds `property` as a field of one string value,
/// each a different one: an untagged reader tells them apart by it.
fn told_by(property: &str, looks: &[Look]) -> bool {
    let mut seen: Vec<&Value> = Vec::new();
    looks.iter().all(
        |look| match look.fixed.iter().find(|(name, _)| name == property) {
            Some((_, value @ Value::String(_))) if !seen.contains(&value) => {
                seen.push(value);
                true
            }
            _ => false,
        },
    )
}

/// Whether a property of one value in each of two members differs, so
/// that a reader tells them apart by it.
fn told_by_value(a: &Look, b: &Look) -> bool {
    a.fixed
        .iter()
        .any(|(name, value)| b.fixed.iter().any(|(n, v)| n == name && v != value))
}

/// The order in which an untagged reader (the first member that fits)
/// tells every member apart, as indices into `looks`: one member of each
/// JSON kind but objects, and objects (a map only alone among them) each
/// with required properties of its own, those that require more first. An
/// object fits a value when its required properties do, so `{a, b}` must
/// come before `{a}`, which would take every value of the other; two
/// that require the same properties cannot be told apart. `Err` says why
/// not.
fn apart(looks: &[Look]) -> Result<Vec<usize>, String> {
    let required = reader_required;
    // The array members in the order their items are read, where their
    // items tell them apart.
    let by_items = array_items(looks).and_then(|items| apart(&items).ok());
    for (i, look) in looks.iter().enumerate() {
        if look.kind.is_empty() {
            return Err(format!("member {i} has no type to tell it by"));
        }
        let same = |other: &Look| match (look.kind, other.kind) {
            ("object" | "map", "object" | "map") => true,
            (a, b) => a == b,
        };
        let Some(j) = (0..looks.len()).find(|&j| j != i && same(&looks[j])) else {
            continue;
        };
        // One map beside objects that each require something: the map
        // takes, last, what no object fits (GitHub's `simple-user` or
        // `empty-object`).
        let maps = looks.iter().filter(|l| l.kind == "map").count();
        let lone_map = maps == 1
            && looks
                .iter()
                .all(|l| l.kind != "object" || !required(l).is_empty());
        if (look.kind == "map" || looks[j].kind == "map") && !lone_map {
            return Err(format!(
                "members {} and {} are both objects",
                i.min(j),
                i.max(j)
            ));
        }
        if look.kind == "map" {
            continue;
        }
        // Strings told apart by formats the spec checks (OpenAQ's
        // `date-time` or `date`): no two of one format, nor two without
        // one; those with a format are read first.
        if look.kind == "string" {
            let alike = (0..looks.len())
                .any(|k| k != i && looks[k].kind == "string" && looks[k].format == look.format);
            let formats = looks
                .iter()
                .filter(|l| l.kind == "string" && l.format.is_some())
                .count();
            if !alike && formats > 0 {
                continue;
            }
        }
        // Arrays told apart by their items (OpenAI's prompt: of strings,
        // of integers, or of arrays of integers).
        if look.kind == "array" && by_items.is_some() {
            continue;
        }
        if look.kind != "object" {
            return Err(format!(
                "members {} and {} are both of type `{}`",
                i.min(j),
                i.max(j),
                look.kind
            ));
        }
        let own = required(look);
        // Two alike in what they require are still told apart by a
        // property of one value in each, different (JSON:API's `type`,
        // Adyen's account kinds beside one that does not require it).
        if let Some(j) = (0..i).find(|&j| {
            looks[j].kind == "object"
                && required(&looks[j]) == own
                && !told_by_value(look, &looks[j])
        }) {
            return Err(if own.is_empty() {
                format!("members {j} and {i} are objects that require nothing")
            } else {
                format!("members {j} and {i} are objects that require the same properties")
            });
        }
    }
    // Objects that require more first, then a map, in the places objects
    // hold; the rest as written.
    let objects: Vec<usize> = (0..looks.len())
        .filter(|&i| matches!(looks[i].kind, "object" | "map"))
        .collect();
    let mut sorted = objects.clone();
    sorted.sort_by_key(|&i| {
        (
            looks[i].kind == "map",
            std::cmp::Reverse(required(&looks[i]).len()),
        )
    });
    let mut order: Vec<usize> = (0..looks.len()).collect();
    for (slot, member) in objects.iter().zip(sorted) {
        order[*slot] = member;
    }
    // Arrays in the order their items are read, in the places arrays hold.
    if let Some(by_items) = by_items {
        let arrays: Vec<usize> = (0..looks.len())
            .filter(|&i| looks[i].kind == "array")
            .collect();
        let read: Vec<usize> = by_items.iter().map(|&k| arrays[k]).collect();
        for (slot, member) in arrays.iter().zip(read) {
            order[*slot] = member;
        }
    }
    // Strings with a format before the one without, in the places strings
    // hold.
    let strings: Vec<usize> = (0..looks.len())
        .filter(|&i| looks[i].kind == "string")
        .collect();
    let mut by_format = strings.clone();
    by_format.sort_by_key(|&i| looks[i].format.is_none());
    for (slot, member) in strings.iter().zip(by_format) {
        order[*slot] = member;
    }
    Ok(order)
}

/// The items of the array members of a union, in order, where there are
/// two or more and each says what its items are; as a reader reads them
/// inside an array ([`as_items`]).
fn array_items(looks: &[Look]) -> Option<Vec<Look>> {
    let items: Option<Vec<Look>> = looks
        .iter()
        .filter(|l| l.kind == "array")
        .map(|l| l.items.as_deref().map(as_items))
        .collect();
    items.filter(|i| i.len() > 1)
}

/// An array's items as an untagged reader tells them apart: by kind and
/// required properties alone. It checks formats and fields of one value
/// on a union's own members only; inside an array, a `date-time` string
/// reads as any string, and an object's `kind: cat` as its enum's other
/// value, so arrays told apart by those alone are not.
fn as_items(look: &Look) -> Look {
    Look {
        format: None,
        fixed: Vec::new(),
        items: look.items.as_deref().map(|i| Box::new(as_items(i))),
        ..look.clone()
    }
}

/// An array member's variant word where a union has two or more arrays,
/// as `check` gives it: after its items (`string array`, `User array`,
/// `integer array array`).
fn items_word(of: Option<&Value>) -> String {
    let item = match of {
        Some(Value::String(word)) => word.clone(),
        Some(Value::Object(m)) => {
            let get = |k: &str| {
                m.iter()
                    .find(|(key, _)| key.name == k)
                    .map(|(_, n)| &n.value)
            };
            match (get("type_name"), get("type")) {
                (Some(Value::String(name)), _) => name.clone(),
                (_, Some(Value::String(t))) if t == "array" => items_word(get("of")),
                (_, Some(Value::String(t))) => t.clone(),
                _ => return String::new(),
            }
        }
        _ => return String::new(),
    };
    format!("{item} array")
}

fn text(n: &Node) -> Option<&str> {
    match &n.value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A property only one direction carries: optional in a named type.
fn one_way(s: &Node) -> bool {
    s.bool_at("readOnly") || s.bool_at("writeOnly")
}
