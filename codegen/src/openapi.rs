//! Specs → one OpenAPI 3.1 document, so they feed Swagger UI and other
//! generators. Constraints carry over as JSON Schema keywords; what OpenAPI
//! has no word for (status slugs, sensitive params) goes under `x-` keys.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::ir::{
    BodyEncoding, ClientFill, ContentKind, Endpoint as Spec, Field, In, Kind, StreamKind, Type,
};
use crate::json::Node;
use crate::model::QueryStyle;

/// The document for `specs`, titled `title`.
pub fn openapi(specs: &[Spec], title: &str) -> Value {
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut components = Map::new();
    let mut servers: Vec<Option<&String>> =
        specs.iter().map(|s| s.route.base_url.as_ref()).collect();
    servers.sort();
    servers.dedup();
    // Specs of several APIs: each operation names its own host, so tools
    // send each call where the client would.
    let per_operation = servers.len() > 1;
    // Specs that share a method and path, told apart by fixed params: each
    // under the path with those params after `#`, as APIs.guru writes AWS's
    // (`/#X-Amz-Target=DynamoDB_20120810.GetItem`, `/{Bucket}#acl`), so one
    // document holds them all. A fragment is never sent.
    let mut routes: BTreeMap<(&str, String), Vec<&Spec>> = BTreeMap::new();
    for spec in specs {
        routes
            .entry((
                spec.route.method.as_str(),
                crate::share::route_shape(&spec.route.path),
            ))
            .or_default()
            .push(spec);
    }
    for spec in specs {
        let mut cx = Doc {
            spec,
            refs: BTreeMap::new(),
        };
        // Named types and inline objects/enums become components; a name
        // already taken by a different schema is prefixed with the spec's.
        for def in &spec.types {
            let (key, item) = (&def.key, def.item.to_string());
            let schema = cx.schema(&def.ty, true);
            let name = match components.get(&item) {
                Some(existing) if *existing != schema => format!("{}.{item}", spec.name),
                _ => item.clone(),
            };
            components.insert(name.clone(), schema);
            cx.refs.insert(key.clone(), name);
        }
        let method = spec.route.method.as_str().to_ascii_lowercase();
        let mut operation = cx.operation();
        if let (true, Some(base)) = (per_operation, &spec.route.base_url) {
            operation["servers"] = json!([{ "url": base }]);
        }
        let key = (
            spec.route.method.as_str(),
            crate::share::route_shape(&spec.route.path),
        );
        let others = routes.get(&key).map_or(&[][..], Vec::as_slice);
        let mut at = path_key(spec, others);
        // Specs of several directories that nothing tells apart (each
        // directory checks its own): the later one under its name too,
        // never dropped.
        if paths
            .get(&at)
            .is_some_and(|item| item.contains_key(&method))
        {
            let joint = if at.contains('#') { '&' } else { '#' };
            at = format!("{at}{joint}{}", spec.name.text);
        }
        paths.entry(at).or_default().insert(method, operation);
    }
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": { "title": title, "version": "1" },
        "paths": paths,
        "components": { "schemas": components },
    });
    if let [Some(url)] = servers.as_slice() {
        doc["servers"] = json!([{ "url": url }]);
    }
    doc
}

/// The path `spec` is exported under: its path, and where `route` (the
/// specs on its method and path) holds others, the fixed params that not
/// every one of them has after `#` (`/#Action=SendMessage`; a query key
/// sent alone as its name, `/{Bucket}#acl`).
fn path_key(spec: &Spec, route: &[&Spec]) -> String {
    if route.len() < 2 {
        return spec.route.path.clone();
    }
    let escape = |text: &str| {
        text.replace('%', "%25")
            .replace('&', "%26")
            .replace('=', "%3D")
            .replace('#', "%23")
    };
    let own: Vec<String> = spec
        .fixed
        .iter()
        .filter(|f| {
            !route.iter().all(|other| {
                other.fixed.iter().any(|g| {
                    g.location == f.location
                        && g.name.eq_ignore_ascii_case(&f.name)
                        && g.text == f.text
                })
            })
        })
        .map(|f| match (f.location, f.text.as_str()) {
            (In::Query, "") => escape(&f.name),
            (_, text) => format!("{}={}", escape(&f.name), escape(text)),
        })
        .collect();
    // Endpoints told apart by the params they require: those not every
    // one requires, by name (S3's own `/{Bucket}/{Key}#uploadId`). The
    // import reads a name alone there as a key sent alone only where the
    // operation declares it of one value, so these read back as they are.
    let required = |s: &Spec| -> Vec<(In, String)> {
        s.params
            .iter()
            .filter(|p| {
                p.field.required && matches!(p.location, In::Query | In::Header | In::Cookie)
            })
            .map(|p| (p.location, p.field.name.to_ascii_lowercase()))
            .collect()
    };
    let mut own = own;
    for (location, name) in required(spec) {
        if !route
            .iter()
            .all(|other| required(other).contains(&(location, name.clone())))
        {
            if let Some(p) = spec
                .params
                .iter()
                .find(|p| p.location == location && p.field.name.eq_ignore_ascii_case(&name))
            {
                own.push(escape(&p.field.name));
            }
        }
    }
    match own.is_empty() {
        true => spec.route.path.clone(),
        false => format!("{}#{}", spec.route.path, own.join("&")),
    }
}

struct Doc<'a> {
    spec: &'a Spec,
    /// `types` key → component name.
    refs: BTreeMap<String, String>,
}

impl Doc<'_> {
    fn operation(&self) -> Value {
        let spec = self.spec;
        let mut op = Map::new();
        op.insert("operationId".into(), spec.name.text.clone().into());
        if let Some(s) = &spec.summary {
            op.insert("summary".into(), s.clone().into());
        }
        if let Some(d) = &spec.description {
            op.insert("description".into(), d.clone().into());
        }
        // Fixed params first: a required param of one value, as OpenAPI
        // 3.0 writes it (`enum` of one); a query key sent alone allows the
        // empty value.
        let fixed = spec.fixed.iter().map(|f| {
            let mut param = json!({
                "name": f.name,
                "in": f.location.name(),
                "required": true,
                "schema": { "type": f.kind, "enum": [f.value] },
            });
            if f.location == In::Query && f.text.is_empty() {
                param["allowEmptyValue"] = true.into();
            }
            if let Some(d) = &f.description {
                param["description"] = d.clone().into();
            }
            param
        });
        let parameters: Vec<Value> = fixed
            .chain(
                spec.params
                    .iter()
                    .filter(|p| p.location != In::Body)
                    .map(|p| {
                        let mut param = json!({
                            "name": p.field.name,
                            "in": p.location.name(),
                            "required": p.field.required || p.location == In::Path,
                            "schema": self.field_schema(&p.field),
                        });
                        if let Some(d) = &p.field.description {
                            param["description"] = d.clone().into();
                        }
                        if p.field.sensitive {
                            param["x-sensitive"] = true.into();
                        }
                        if let Some(fill) = p.client {
                            param["x-endpoints-client"] = client_fill(fill).into();
                        }
                        match p.style {
                            QueryStyle::Repeat => {}
                            QueryStyle::Comma => {
                                param["style"] = "form".into();
                                param["explode"] = false.into();
                            }
                            QueryStyle::Pipe => {
                                param["style"] = "pipeDelimited".into();
                                param["explode"] = false.into();
                            }
                            QueryStyle::Brackets => {
                                param["style"] = "deepObject".into();
                                param["explode"] = true.into();
                                let kind = self.spec.kind_of(&p.field.ty);
                                if matches!(kind, Kind::Array(_)) {
                                    param["x-endpoints-array"] = "indexed".into();
                                }
                            }
                        }
                        param
                    }),
            )
            .collect();
        if !parameters.is_empty() {
            op.insert("parameters".into(), parameters.into());
        }
        let body: Vec<&Field> = spec
            .params
            .iter()
            .filter(|p| p.location == In::Body)
            .map(|p| &p.field)
            .collect();
        if !body.is_empty() && spec.route.body != BodyEncoding::None {
            let mut schema = self.object(&body);
            for p in spec.params.iter().filter(|p| p.location == In::Body) {
                let member = schema
                    .get_mut("properties")
                    .and_then(|members| members.get_mut(&p.field.name))
                    .and_then(Value::as_object_mut);
                if let (Some(fill), Some(member)) = (p.client, member) {
                    member.insert("x-endpoints-client".into(), client_fill(fill).into());
                }
            }
            let examples: Vec<(String, &Node)> = spec
                .examples
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("example-{}", i + 1), e))
                .collect();
            let whole = spec
                .params
                .iter()
                .find_map(|p| Some((p, p.whole_body.as_ref()?)));
            let mut content = match spec.route.body {
                _ if whole.is_some() => {
                    let (p, media) = whole.expect("matched");
                    let mut schema = self.field_schema(&p.field);
                    if spec.route.body == BodyEncoding::Binary {
                        // Raw bytes, not base64 text.
                        schema = json!({ "type": "string", "format": "binary" });
                        if let Some(d) = &p.field.description {
                            schema["description"] = d.clone().into();
                        }
                    }
                    if p.field.name != "body" {
                        schema["x-endpoints-param"] = p.field.name.clone().into();
                    }
                    let mut media_object = json!({ "schema": schema });
                    if matches!(p.field.ty.kind, Kind::Upload) {
                        // From a file or a stream, sent as it is read: marked
                        // as a streamed response's bytes are.
                        media_object["x-endpoints-stream"] = "bytes".into();
                    }
                    json!({ media.as_str(): media_object })
                }
                BodyEncoding::Multipart => {
                    // `bytes` travel as a file part of their own here.
                    for p in spec.params.iter().filter(|p| p.location == In::Body) {
                        if matches!(p.field.ty.kind, Kind::Bytes) {
                            schema["properties"][&p.field.name] =
                                json!({ "type": "string", "format": "binary" });
                        }
                    }
                    json!({ "multipart/form-data": { "schema": schema } })
                }
                BodyEncoding::Form => {
                    json!({ "application/x-www-form-urlencoded": {
                        "schema": schema,
                        "encoding": self.form_encoding(&body),
                    } })
                }
                BodyEncoding::Base64Json => {
                    // The examples are of the JSON before it is encoded.
                    if !examples.is_empty() {
                        schema["examples"] =
                            spec.examples.iter().map(|e| e.value.to_serde()).collect();
                    }
                    json!({ "text/plain": { "schema": {
                        "type": "string",
                        "contentEncoding": "base64",
                        "contentMediaType": "application/json",
                        "contentSchema": schema,
                    } } })
                }
                _ => json!({ "application/json": { "schema": schema } }),
            };
            if spec.route.body != BodyEncoding::Base64Json
                && whole.is_none()
                && !examples.is_empty()
            {
                if let Some(Value::Object(media)) =
                    content.as_object_mut().and_then(|c| c.values_mut().next())
                {
                    media.insert("examples".into(), named_examples(&examples));
                }
            }
            op.insert(
                "requestBody".into(),
                json!({ "required": body.iter().any(|f| f.required), "content": content }),
            );
        }
        if let Some(field) = &spec.status_field {
            op.insert("x-status-field".into(), field.clone().into());
        }
        if spec.route.idempotent {
            op.insert("x-idempotent".into(), true.into());
        }
        if let Some(pages) = &spec.pages {
            let mut paging = serde_json::Map::new();
            paging.insert("style".into(), pages.style.name().into());
            for (key, value) in [
                ("param", &pages.param),
                ("items", &pages.items),
                ("next", &pages.next),
            ] {
                if !value.is_empty() || key == "items" {
                    paging.insert(key.into(), value.clone().into());
                }
            }
            op.insert("x-endpoints-pages".into(), paging.into());
        }
        op.insert("responses".into(), self.responses());
        Value::Object(op)
    }

    /// Responses by status code; several responses under one code (told
    /// apart by a status slug) share its entry, and responses with no code
    /// are `default`.
    fn responses(&self) -> Value {
        let mut by_code: BTreeMap<String, Vec<&crate::ir::Response>> = BTreeMap::new();
        for r in &self.spec.responses {
            let key = match (r.code, r.fallback) {
                (Some(c), _) => c.to_string(),
                (None, Some(fallback)) => fallback.name(),
                (None, None) => "default".to_string(),
            };
            by_code.entry(key).or_default().push(r);
        }
        let mut out = Map::new();
        for (code, responses) in by_code {
            let lines: Vec<String> = responses
                .iter()
                .map(|r| match &r.description {
                    Some(d) => format!("`{}`: {d}", r.name),
                    None => format!("`{}`", r.name),
                })
                .collect();
            let mut entry = json!({
                "description": lines.join("\n\n"),
                "x-responses": responses.iter().map(|r| r.name.clone()).collect::<Vec<_>>(),
            });
            let mut schemas: Vec<Value> = Vec::new();
            // A stream's `body` types its items, not the body: written below.
            for r in responses.iter().filter(|r| r.stream.is_none()) {
                if let Some(body) = &r.body {
                    let schema = self.schema(body, false);
                    if !schemas.contains(&schema) {
                        schemas.push(schema);
                    }
                }
            }
            // Each response's examples, named after it (several responses
            // share a code when a slug tells them apart).
            let examples: Vec<(String, &Node)> = responses
                .iter()
                .flat_map(|r| {
                    r.examples.iter().enumerate().map(|(i, e)| {
                        let name = example_key(&r.name);
                        match i {
                            0 => (name, e),
                            _ => (format!("{name}-{}", i + 1), e),
                        }
                    })
                })
                .collect();
            if !schemas.is_empty() || !examples.is_empty() {
                let mut media = Map::new();
                if !schemas.is_empty() {
                    let schema = if schemas.len() == 1 {
                        schemas.remove(0)
                    } else {
                        json!({ "oneOf": schemas })
                    };
                    media.insert("schema".into(), schema);
                }
                if !examples.is_empty() {
                    media.insert("examples".into(), named_examples(&examples));
                }
                // A JSON media type of the spec's own (`application/problem+json`).
                let json_media = responses
                    .iter()
                    .filter(|r| r.content == ContentKind::Json && r.stream.is_none())
                    .find_map(|r| r.content_type.clone())
                    .unwrap_or_else(|| "application/json".into());
                entry["content"] = json!({ json_media: media });
            }
            // Text and bytes: the media type the spec names, as a string
            // (`format: binary` for bytes).
            for r in responses
                .iter()
                .filter(|r| r.content != ContentKind::Json || r.stream.is_some())
            {
                let media = r.content_type.clone().unwrap_or_default();
                let schema = match (r.content, r.stream) {
                    (ContentKind::Text, _) | (_, Some(StreamKind::Sse | StreamKind::JsonLines)) => {
                        json!({ "type": "string" })
                    }
                    _ => json!({ "type": "string", "format": "binary" }),
                };
                let mut entry_media = json!({ "schema": schema });
                // A stream: its kind, and the type of each item (what
                // OpenAPI 3.2 calls `itemSchema`).
                if let Some(kind) = r.stream {
                    entry_media["x-endpoints-stream"] = kind.name().into();
                    if kind != StreamKind::Bytes {
                        entry_media["x-endpoints-item"] = match &r.body {
                            Some(body) => self.schema(body, false),
                            None if kind == StreamKind::Sse => json!({ "type": "string" }),
                            None => json!({}),
                        };
                    }
                }
                if !entry["content"].is_object() {
                    entry["content"] = json!({});
                }
                entry["content"][media] = entry_media;
            }
            let mut headers = Map::new();
            for r in &responses {
                for h in &r.headers {
                    headers.insert(
                        h.name.clone(),
                        json!({ "required": h.required, "schema": self.field_schema(h) }),
                    );
                }
            }
            if !headers.is_empty() {
                entry["headers"] = Value::Object(headers);
            }
            out.insert(code, entry);
        }
        Value::Object(out)
    }

    /// How a form body's nested values travel, where OpenAPI's defaults
    /// would say otherwise: objects and maps in brackets (`address[city]=…`,
    /// `deepObject`), arrays by index (`tags[0]=…`), which OpenAPI has no
    /// style for, so `x-endpoints-array: indexed` says it.
    fn form_encoding(&self, fields: &[&Field]) -> Value {
        let mut encoding = Map::new();
        for f in fields.iter().filter(|f| !f.flatten) {
            let kind = self.spec.kind_of(&f.ty);
            let style = match kind {
                Kind::Object(_) | Kind::Map(_) => json!({ "style": "deepObject", "explode": true }),
                Kind::Array(_) => json!({
                    "style": "deepObject",
                    "explode": true,
                    "x-endpoints-array": "indexed",
                }),
                _ => continue,
            };
            encoding.insert(f.name.clone(), style);
        }
        Value::Object(encoding)
    }

    fn object(&self, fields: &[&Field]) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut extra = None;
        for f in fields {
            if f.flatten {
                if let Kind::Map(of) = &f.ty.kind {
                    extra = Some(self.schema(of, false));
                }
                continue;
            }
            properties.insert(f.name.clone(), self.field_schema(f));
            if f.required {
                required.push(Value::from(f.name.clone()));
            }
        }
        let mut schema = json!({ "type": "object", "properties": properties });
        if !required.is_empty() {
            schema["required"] = required.into();
        }
        if let Some(extra) = extra {
            schema["additionalProperties"] = extra;
        }
        schema
    }

    fn field_schema(&self, f: &Field) -> Value {
        let mut schema = self.schema(&f.ty, false);
        if f.nullable {
            schema = json!({ "anyOf": [schema, { "type": "null" }] });
        }
        if let Value::Object(members) = &mut schema {
            if let Some(d) = &f.description {
                members.insert("description".into(), d.clone().into());
            }
            if let Some(default) = &f.default {
                members.insert("default".into(), default.clone());
            }
            if f.sensitive {
                members.insert("x-sensitive".into(), true.into());
            }
            if f.read_only {
                members.insert("readOnly".into(), true.into());
            }
            if f.write_only {
                members.insert("writeOnly".into(), true.into());
            }
            if !f.examples.is_empty() {
                let examples = f.examples.iter().map(|e| e.value.to_serde()).collect();
                members.insert("examples".into(), Value::Array(examples));
            }
        }
        schema
    }

    /// The JSON Schema of `ty`; `top` for a component's own definition
    /// (otherwise named items are references).
    fn schema(&self, ty: &Type, top: bool) -> Value {
        let schema = self.schema_of(ty, top);
        if ty.nullable {
            json!({ "anyOf": [schema, { "type": "null" }] })
        } else {
            schema
        }
    }

    fn schema_of(&self, ty: &Type, top: bool) -> Value {
        if let Kind::Ref(id) = ty.kind {
            let key = &self.spec.def(id).key;
            let target = self.refs.get(key).cloned().unwrap_or_else(|| key.clone());
            return json!({ "$ref": format!("#/components/schemas/{target}") });
        }
        let mut s = Map::new();
        match &ty.kind {
            Kind::File | Kind::Upload => {
                s.insert("type".into(), "string".into());
                s.insert("format".into(), "binary".into());
            }
            Kind::Bytes => {
                s.insert("type".into(), "string".into());
                s.insert("format".into(), "byte".into());
                // OpenAPI counts characters of the base64 text; the spec
                // counts bytes: the text is 4 characters per 3 bytes.
                if let Some(n) = ty.constraints.min_length {
                    s.insert("minLength".into(), n.div_ceil(3).saturating_mul(4).into());
                }
                if let Some(n) = ty.constraints.max_length {
                    s.insert("maxLength".into(), n.div_ceil(3).saturating_mul(4).into());
                }
            }
            Kind::String => {
                s.insert("type".into(), "string".into());
                if let Some(n) = ty.constraints.min_length {
                    s.insert("minLength".into(), n.into());
                }
                if let Some(n) = ty.constraints.max_length {
                    s.insert("maxLength".into(), n.into());
                }
                if let Some(p) = &ty.constraints.pattern {
                    // Spec patterns match the whole value; JSON Schema's search.
                    s.insert("pattern".into(), format!("^(?:{p})$").into());
                }
                if let Some(f) = ty.constraints.format {
                    s.insert("format".into(), f.name().into());
                }
            }
            Kind::Integer | Kind::Number => {
                let integer = matches!(ty.kind, Kind::Integer);
                s.insert(
                    "type".into(),
                    if integer { "integer" } else { "number" }.into(),
                );
                if integer {
                    s.insert("format".into(), "int64".into());
                }
                let bound = |v: f64| -> Value {
                    if integer {
                        (v as i64).into()
                    } else {
                        v.into()
                    }
                };
                if let Some(v) = ty.constraints.minimum {
                    s.insert("minimum".into(), bound(v));
                }
                if let Some(v) = ty.constraints.maximum {
                    s.insert("maximum".into(), bound(v));
                }
                // OpenAPI 3.1's form: the bound itself.
                if let Some(v) = ty.constraints.exclusive_minimum {
                    s.insert("exclusiveMinimum".into(), v.into());
                }
                if let Some(v) = ty.constraints.exclusive_maximum {
                    s.insert("exclusiveMaximum".into(), v.into());
                }
                if let Some(n) = &ty.constraints.multiple_of {
                    s.insert("multipleOf".into(), Value::Number(n.clone()));
                }
            }
            Kind::Boolean => {
                s.insert("type".into(), "boolean".into());
            }
            Kind::Array(of) => {
                s.insert("type".into(), "array".into());
                s.insert("items".into(), self.schema(of, false));
                if let Some(n) = ty.constraints.min_items {
                    s.insert("minItems".into(), n.into());
                }
                if let Some(n) = ty.constraints.max_items {
                    s.insert("maxItems".into(), n.into());
                }
                if let Some(unique) = ty.constraints.unique_items {
                    s.insert("uniqueItems".into(), unique.into());
                }
            }
            Kind::Map(of) => {
                s.insert("type".into(), "object".into());
                s.insert("additionalProperties".into(), self.schema(of, false));
                if let Some(n) = ty.constraints.min_items {
                    s.insert("minProperties".into(), n.into());
                }
                if let Some(n) = ty.constraints.max_items {
                    s.insert("maxProperties".into(), n.into());
                }
            }
            Kind::Object(fields) => {
                let refs: Vec<&Field> = fields.iter().collect();
                if let Value::Object(o) = self.object(&refs) {
                    s = o;
                }
                if let Some(n) = ty.constraints.min_items {
                    s.insert("minProperties".into(), n.into());
                }
                if let Some(n) = ty.constraints.max_items {
                    s.insert("maxProperties".into(), n.into());
                }
                for (key, groups) in [
                    ("anyOf", &ty.constraints.requires_any),
                    ("oneOf", &ty.constraints.requires_one),
                ] {
                    if let Some(groups) = groups {
                        let members: Vec<Value> =
                            groups.iter().map(|g| json!({ "required": g })).collect();
                        s.insert(key.into(), members.into());
                    }
                }
                if let Some(item) = &ty.item {
                    s.insert("title".into(), item.to_string().into());
                }
            }
            Kind::Union(union) => {
                let mut mapping = Map::new();
                let members = union
                    .members
                    .iter()
                    .map(|m| {
                        let mut schema = self.schema(&m.ty, false);
                        match (&m.tag, &schema) {
                            (Some(tag), Value::Object(o)) if o.contains_key("$ref") => {
                                mapping.insert(tag.clone(), o["$ref"].clone());
                            }
                            // OpenAPI maps tag values to references only: an
                            // inline member says its own.
                            (Some(tag), _) => {
                                if let Value::Object(o) = &mut schema {
                                    o.insert("x-endpoints-tag".into(), tag.clone().into());
                                }
                            }
                            (None, _) => {}
                        }
                        schema
                    })
                    .collect();
                s.insert("oneOf".into(), Value::Array(members));
                if let Some(tag) = &union.tag {
                    let mut discriminator = Map::new();
                    discriminator.insert("propertyName".into(), tag.clone().into());
                    if !mapping.is_empty() {
                        discriminator.insert("mapping".into(), Value::Object(mapping));
                    }
                    s.insert("discriminator".into(), Value::Object(discriminator));
                }
                if let Some(item) = &ty.item {
                    s.insert("title".into(), item.to_string().into());
                }
            }
            Kind::Any | Kind::Ref(_) => {}
        }
        if let Some(values) = &ty.values {
            s.insert("enum".into(), values.clone().into());
        }
        if let Some(only) = ty.constraints.boolean_value {
            s.insert("enum".into(), vec![Value::Bool(only)].into());
        }
        if let Some(listed) = &ty.constraints.number_values {
            let listed: Vec<Value> = listed.iter().cloned().map(Value::Number).collect();
            s.insert("enum".into(), listed.into());
        }
        if top {
            if let Some(d) = &ty.description {
                s.insert("description".into(), d.clone().into());
            }
        }
        Value::Object(s)
    }
}

/// OpenAPI's `examples` of a media type: Example Objects by name. Two
/// names that would be one key (`a b` and `a-b`, or a response `x-2` and
/// the second example of `x`) get a suffix, so no example is dropped.
fn named_examples(examples: &[(String, &Node)]) -> Value {
    let mut map = Map::new();
    for (name, e) in examples {
        let mut key = name.clone();
        let mut n = 2;
        while map.contains_key(&key) {
            key = format!("{name}_{n}");
            n += 1;
        }
        map.insert(key, json!({ "value": e.value.to_serde() }));
    }
    Value::Object(map)
}

/// A response's name as a key of `examples`, which OpenAPI limits to
/// letters, digits, `.`, `-` and `_`.
fn example_key(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// How the export marks a param a client fills in (`x-endpoints-client`).
fn client_fill(fill: ClientFill) -> &'static str {
    match fill {
        ClientFill::Credential => "credential",
        ClientFill::Shared => "shared",
    }
}
