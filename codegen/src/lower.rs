//! The last step of `check`: the merged, checked model becomes the
//! read-only [`ir::Endpoint`]. Named types become [`TypeId`]s, settled names
//! become [`RustName`]s, and the facts that need the whole spec (boxing,
//! whether a value has rules) are worked out here, once, so `expand` and
//! `openapi` walk the result without looking anything up.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::ctxt::SourceFile;
use crate::ir::{self, RustName, TypeId};
use crate::model::{self, Kind};

/// `spec`, checked (its names settled, its aliases inlined), as the IR.
pub fn lower(spec: &model::Spec, files: Vec<SourceFile>) -> ir::Endpoint {
    let ids: BTreeMap<&str, TypeId> = spec
        .types
        .iter()
        .filter(|(_, ty)| ty.item.is_some())
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), TypeId(i)))
        .collect();
    let cycles = cycles(spec);
    let cx = Lower {
        spec,
        ids: &ids,
        cycles: &cycles,
    };
    let types = spec
        .types
        .iter()
        .filter_map(|(key, ty)| Some((key, ty, ty.item.as_deref()?)))
        .map(|(key, ty, item)| ir::TypeDef {
            key: key.clone(),
            item: RustName::parse(item),
            ty: cx.ty(ty, Some(key)),
            loc: ty.loc.clone(),
        })
        .collect();
    let refusal = |kind: &str| {
        spec.refusals
            .iter()
            .find(|r| r.kind == kind)
            .map(|r| r.response.clone())
    };
    ir::Endpoint {
        files,
        name: RustName::parse(&spec.name),
        summary: spec.summary.clone(),
        description: spec.description.clone(),
        route: spec.route.clone(),
        params: spec
            .params
            .iter()
            .filter(|p| p.constant.is_none())
            .map(|p| {
                let client = match (&p.credential, &p.shared) {
                    (Some(_), _) => Some(ir::ClientFill::Credential),
                    (None, Some(_)) => Some(ir::ClientFill::Shared),
                    (None, None) => None,
                };
                // `null` and absent differ where the body is JSON; a form
                // body writes nothing for either.
                let json = p.in_ == model::In::Body
                    && matches!(
                        spec.route.body,
                        model::BodyEncoding::Json | model::BodyEncoding::Base64Json
                    );
                let mut field = cx.field(&p.field, None, json);
                if p.stream.is_some() {
                    // A binary body's bytes that may come from a file or a stream.
                    field.ty.kind = ir::Kind::Upload;
                }
                if client.is_some() {
                    // Unset until the request or its client fills it in: an
                    // `Option`, which is what a client fills (a shared
                    // nullable param gives up sending `null` on purpose).
                    field.slot = ir::Slot::Option;
                    field.sensitive |= client == Some(ir::ClientFill::Credential);
                }
                let raw = matches!(
                    spec.route.body,
                    model::BodyEncoding::Binary | model::BodyEncoding::Text
                );
                let whole_body = (p.in_ == model::In::Body && (raw || p.whole_body.is_some()))
                    .then(|| match (&p.content_type, spec.route.body) {
                        (Some((media, _)), _) => media.clone(),
                        (None, model::BodyEncoding::Binary) => "application/octet-stream".into(),
                        (None, model::BodyEncoding::Text) => "text/plain; charset=utf-8".into(),
                        (None, _) => "application/json".into(),
                    });
                // A param named like another in another place is keyed
                // apart; a body param keeps the key its body gives it.
                let shares_name = p.in_ != model::In::Body
                    && spec.params.iter().any(|q| {
                        q.constant.is_none() && q.in_ != p.in_ && q.field.name == p.field.name
                    });
                let key = match shares_name {
                    true => endpoints_runtime::spec::shared_key(p.in_, &p.field.name),
                    false => p.field.name.clone(),
                };
                ir::Param {
                    key,
                    field,
                    location: p.in_,
                    client,
                    whole_body,
                    style: p
                        .style
                        .as_ref()
                        .map_or(model::QueryStyle::Repeat, |(s, _)| *s),
                }
            })
            .collect(),
        fixed: spec
            .params
            .iter()
            .filter_map(|p| {
                let (value, loc) = p.constant.clone()?;
                Some(ir::Fixed {
                    name: p.field.name.clone(),
                    location: p.in_,
                    text: p.constant_text().unwrap_or_default(),
                    value,
                    kind: match p.field.ty.kind {
                        model::Kind::Integer => "integer",
                        model::Kind::Number => "number",
                        model::Kind::Boolean => "boolean",
                        _ => "string",
                    },
                    description: p.field.description.clone(),
                    loc,
                })
            })
            .collect(),
        status_field: spec.status_field.clone(),
        refusals: ir::Refusals {
            missing: refusal("missing"),
            invalid: refusal("invalid"),
            body: refusal("body"),
        },
        responses: spec
            .responses
            .iter()
            .map(|r| {
                let stream = r.stream.as_ref().map(|(k, _)| *k);
                // A stream is always of a media type: the spec's, else its kind's.
                let content_type = r
                    .content_type
                    .as_ref()
                    .map(|(t, _)| t.clone())
                    .or_else(|| stream.map(|k| k.default_media_type().to_string()));
                ir::Response {
                    name: r.name.clone(),
                    code: r.code.as_ref().map(|(c, _)| *c),
                    fallback: r.fallback.as_ref().map(|(f, _)| *f),
                    content: content_type
                        .as_deref()
                        .map_or(ir::ContentKind::Json, ir::ContentKind::of),
                    content_type,
                    stream,
                    success: r.is_success(),
                    uncommon: r.uncommon,
                    description: r.description.clone(),
                    body: r.body.as_ref().map(|b| cx.ty(b, None)),
                    headers: r.headers.iter().map(|h| cx.field(h, None, false)).collect(),
                    variant: RustName::parse(&r.variant),
                    examples: examples(&r.examples),
                    from_fragment: r.loc.file != 0,
                }
            })
            .collect(),
        types,
        pages: spec.pages.as_ref().map(|p| ir::Pages {
            style: p.style,
            param: p
                .param
                .as_ref()
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
            items: p.items.0.clone(),
            next: p
                .next
                .as_ref()
                .map(|(path, _)| path.clone())
                .unwrap_or_default(),
        }),
        examples: examples(&spec.examples),
    }
}

fn examples(examples: &[model::Example]) -> Vec<crate::json::Node> {
    examples.iter().map(|(node, _)| node.clone()).collect()
}

struct Lower<'a> {
    spec: &'a model::Spec,
    ids: &'a BTreeMap<&'a str, TypeId>,
    /// What each named type holds inline, and its cycle ([`cycles`]).
    cycles: &'a Cycles<'a>,
}

impl Lower<'_> {
    /// `owner` is the named type whose definition holds `ty`, if any.
    fn ty(&self, ty: &model::Type, owner: Option<&str>) -> ir::Type {
        let kind = match &ty.kind {
            Kind::String => ir::Kind::String,
            Kind::Bytes => ir::Kind::Bytes,
            Kind::File => ir::Kind::File,
            Kind::Integer => ir::Kind::Integer,
            Kind::Number => ir::Kind::Number,
            Kind::Boolean => ir::Kind::Boolean,
            Kind::Any => ir::Kind::Any,
            Kind::Array(of) => ir::Kind::Array(Box::new(self.ty(of, owner))),
            Kind::Map(of) => ir::Kind::Map(Box::new(self.ty(of, owner))),
            Kind::Object(fields) => {
                ir::Kind::Object(fields.iter().map(|f| self.field(f, owner, true)).collect())
            }
            Kind::Union(union) => ir::Kind::Union(ir::Union {
                tag: union.tag.as_ref().map(|(t, _)| t.clone()),
                members: union
                    .members
                    .iter()
                    .map(|m| ir::Member {
                        tag: m.tag.as_ref().map(|(t, _)| t.clone()),
                        written: m.written.clone(),
                        variant: RustName::parse(&m.variant),
                        ty: self.ty(&m.ty, owner),
                        tag_field: union
                            .tag
                            .as_ref()
                            .and_then(|(tag, _)| self.tag_field(&m.ty, tag)),
                        fixed: match union.tag {
                            Some(_) => Vec::new(),
                            None => crate::union::fixed_fields(&m.ty, &self.spec.types),
                        },
                        format: crate::union::telling_format(union, m, &self.spec.types),
                    })
                    .collect(),
            }),
            // `check` inlined every alias and reported every unknown name
            // (as `any`); what is left names an item.
            Kind::Named(name) => match self.ids.get(name.as_str()) {
                Some(id) => ir::Kind::Ref(*id),
                None => ir::Kind::Any,
            },
        };
        ir::Type {
            kind,
            description: ty.description.clone(),
            values: ty
                .values
                .as_ref()
                .map(|vs| vs.iter().map(|(v, _)| v.clone()).collect()),
            constraints: ty.constraints.clone(),
            item: ty.item.as_deref().map(RustName::parse),
            variants: ty.variants.iter().map(|v| RustName::parse(v)).collect(),
            other_variant: RustName::parse(&ty.other_variant),
            nullable: ty.nullable,
            has_rules: self.has_rules(ty, &mut BTreeSet::new()),
        }
    }

    /// `json`: whether the field travels as JSON, where `null` and absent
    /// differ (a body param, an object's field), not as text.
    fn field(&self, field: &model::Field, owner: Option<&str>, json: bool) -> ir::Field {
        let boxed = match (&field.ty.kind, owner) {
            (Kind::Named(n), Some(owner)) => self.reaches(n, owner),
            _ => false,
        };
        let flat_map = field.flatten && matches!(field.ty.kind, Kind::Map(_));
        let slot = if flat_map {
            ir::Slot::Value
        } else if !field.required && field.nullable && json {
            ir::Slot::Nullable
        } else if !field.required || field.nullable {
            ir::Slot::Option
        } else {
            ir::Slot::Value
        };
        ir::Field {
            name: field.name.clone(),
            ident: RustName::parse(&field.ident),
            required: field.required,
            nullable: field.nullable,
            sensitive: field.sensitive,
            read_only: field.read_only.is_some(),
            write_only: field.write_only.is_some(),
            flatten: field.flatten,
            description: field.description.clone(),
            default: field.default.as_ref().map(|(v, _)| v.clone()),
            ty: self.ty(&field.ty, owner),
            boxed,
            from_fragment: field.loc.file != 0,
            slot,
            examples: examples(&field.examples),
        }
    }

    /// Whether a value of `ty` has any rule for `validate` to check.
    fn has_rules(&self, ty: &model::Type, seen: &mut BTreeSet<String>) -> bool {
        if ty.values.is_some() {
            return true;
        }
        match &ty.kind {
            Kind::String => {
                ty.constraints.min_length.is_some()
                    || ty.constraints.max_length.is_some()
                    || ty.constraints.pattern.is_some()
                    || ty.constraints.format.is_some()
            }
            Kind::Bytes => {
                ty.constraints.min_length.is_some() || ty.constraints.max_length.is_some()
            }
            Kind::File => false,
            Kind::Integer | Kind::Number => {
                ty.constraints.minimum.is_some()
                    || ty.constraints.maximum.is_some()
                    || ty.constraints.exclusive_minimum.is_some()
                    || ty.constraints.exclusive_maximum.is_some()
                    || ty.constraints.multiple_of.is_some()
                    || ty.constraints.number_values.is_some()
            }
            Kind::Array(of) | Kind::Map(of) => {
                ty.constraints.min_items.is_some()
                    || ty.constraints.max_items.is_some()
                    || ty.constraints.unique_items == Some(true)
                    || self.has_rules(of, seen)
            }
            Kind::Object(fields) => {
                ty.constraints.min_items.is_some()
                    || ty.constraints.max_items.is_some()
                    || fields.iter().any(|f| f.read_only.is_some())
                    || ty.constraints.requires_any.is_some()
                    || ty.constraints.requires_one.is_some()
                    || fields.iter().any(|f| self.has_rules(&f.ty, seen))
            }
            // A member the spec does not list is refused.
            Kind::Union(_) => true,
            Kind::Named(name) => {
                // A recursive type has rules only where its fields have them.
                seen.insert(name.clone())
                    && self
                        .spec
                        .types
                        .get(name)
                        .is_some_and(|d| self.has_rules(d, seen))
            }
            Kind::Boolean => ty.constraints.boolean_value.is_some(),
            Kind::Any => false,
        }
    }

    /// The field of a tagged union's member `ty` that carries the tag, where
    /// `check` found it a string that is not nullable.
    fn tag_field(&self, ty: &model::Type, tag: &str) -> Option<ir::TagField> {
        let object = match &ty.kind {
            Kind::Named(name) => self.spec.types.get(name)?,
            _ => ty,
        };
        let Kind::Object(fields) = &object.kind else {
            return None;
        };
        let field = fields
            .iter()
            .find(|f| f.name == tag && !f.nullable && !f.flatten)?;
        let is_enum = match &field.ty.kind {
            Kind::String => field.ty.values.is_some(),
            Kind::Named(name) => self.spec.types.get(name)?.values.is_some(),
            _ => return None,
        };
        Some(ir::TagField {
            ident: RustName::parse(&field.ident),
            is_enum,
            optional: !field.required,
        })
    }

    /// Whether a value of the named type `from` holds a `to` inline, itself
    /// included: a field of type `from` inside `to` must then be boxed.
    fn reaches(&self, from: &str, to: &str) -> bool {
        if from == to {
            return true;
        }
        // Where `to` holds `from` inline (a field of it, the usual ask),
        // `from` holds `to` just when both are on one cycle.
        if let Some(&(t, ref holds)) = self.cycles.get(to) {
            if holds.contains(from) {
                return self.cycles.get(from).is_some_and(|(f, _)| *f == t);
            }
        }
        // Behind an array or a map of `to`: walk.
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(name) = stack.pop() {
            if name == to {
                return true;
            }
            if seen.insert(name.clone()) {
                if let Some(def) = self.spec.types.get(&name) {
                    direct_refs(def, &mut stack);
                }
            }
        }
        false
    }
}

/// Each named type's strongly connected component of "holds inline", and
/// the names it holds inline.
type Cycles<'a> = HashMap<&'a str, (usize, HashSet<String>)>;

/// The named types of `spec` by their strongly connected component of
/// "holds inline" (Tarjan's algorithm, without recursion), with what each
/// holds inline: a field of a type that is on one cycle with the type
/// holding it is boxed. Computed once per spec; walking the types a field's
/// type reaches, for every field, took minutes for an API whose types reach
/// each other (Stripe's).
fn cycles(spec: &model::Spec) -> Cycles<'_> {
    let names: Vec<&str> = spec.types.keys().map(String::as_str).collect();
    let index_of: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let refs: Vec<Vec<String>> = names
        .iter()
        .map(|n| {
            let mut refs = Vec::new();
            direct_refs(&spec.types[*n], &mut refs);
            refs
        })
        .collect();
    let edges: Vec<Vec<usize>> = refs
        .iter()
        .map(|r| {
            r.iter()
                .filter_map(|r| index_of.get(r.as_str()).copied())
                .collect()
        })
        .collect();
    const NONE: usize = usize::MAX;
    let n = names.len();
    let (mut index, mut low, mut comp) = (vec![NONE; n], vec![0; n], vec![NONE; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next, mut comps) = (0, 0);
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if *e == 0 && index[v] == NONE {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == NONE {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = comps;
                    if w == v {
                        break;
                    }
                }
                comps += 1;
            }
        }
    }
    names
        .into_iter()
        .zip(refs)
        .enumerate()
        .map(|(i, (name, refs))| (name, (comp[i], refs.into_iter().collect())))
        .collect()
}

/// The named types a value of `ty` holds inline (not behind an array or map).
fn direct_refs(ty: &model::Type, out: &mut Vec<String>) {
    match &ty.kind {
        Kind::Named(n) => out.push(n.clone()),
        Kind::Object(fields) => fields.iter().for_each(|f| direct_refs(&f.ty, out)),
        Kind::Union(union) => union.members.iter().for_each(|m| direct_refs(&m.ty, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::Kind;

    /// Which fields of which types are boxed, for a spec with `types`.
    fn boxed(types: &str) -> Vec<String> {
        let text = format!(
            r#"{{"name": "t", "method": "GET", "path": "/t", "responses": [{{"name": "ok", "code": 200, "body": "A"}}], "types": {types}}}"#
        );
        let dir = std::env::temp_dir();
        let loaded = crate::pipeline::load_spec_text(&dir.join("t.json"), "t.json", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let spec = loaded.spec.unwrap();
        fn walk(ty: &crate::ir::Type, at: &str, out: &mut Vec<String>) {
            match &ty.kind {
                Kind::Object(fields) => {
                    for f in fields {
                        let here = format!("{at}.{}", f.name);
                        if f.boxed {
                            out.push(here.clone());
                        }
                        walk(&f.ty, &here, out);
                    }
                }
                Kind::Array(of) | Kind::Map(of) => walk(of, &format!("{at}[]"), out),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for def in &spec.types {
            walk(&def.ty, &def.key, &mut out);
        }
        out.sort();
        out
    }

    #[test]
    fn fields_on_a_cycle_of_inline_holding_are_boxed() {
        // A → B → C → A inline: each link boxed; C holds D, off the cycle;
        // E holds itself (not behind its array); G holds F inline, and F
        // holds G behind an array: there, inside F's items, G is boxed.
        let types = r#"{
            "A": {"type": "object", "fields": [{"name": "b", "type": "B"}]},
            "B": {"type": "object", "fields": [{"name": "c", "type": "C"}]},
            "C": {"type": "object", "fields": [{"name": "a", "type": "A"}, {"name": "d", "type": "D"}]},
            "D": {"type": "object", "fields": [{"name": "x", "type": "string"}]},
            "E": {"type": "object", "fields": [{"name": "e", "type": "E"}, {"name": "list", "type": "array", "of": "E"}]},
            "F": {"type": "object", "fields": [{"name": "gs", "type": "array", "of": {"type": "object", "fields": [{"name": "g", "type": "G"}]}}]},
            "G": {"type": "object", "fields": [{"name": "f", "type": "F"}]}
        }"#;
        assert_eq!(boxed(types), ["A.b", "B.c", "C.a", "E.e", "F.gs[].g"]);
    }
}
