//! The document's operations → specs: params (path, query, header),
//! the credential from `security`, the JSON or form body as body params,
//! and responses by status code.

use std::collections::{BTreeMap, BTreeSet};

use super::read::{self, Get};
use super::schema::{field, settle_rust_names, with_format, Direction, Ty};
use super::write::Obj;
use super::{Importer, Owner, Shape};
use crate::json::{Key, Node, Value};
use crate::model::{ContentKind, Fallback, StreamKind};

/// The specs written so far on each method and route, with the fixed
/// params that tell each apart.
type Routes = BTreeMap<(String, String), Vec<(Vec<String>, String)>>;

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// One operation as imported; `spec` is `None` when it was skipped.
pub(super) struct Built {
    pub index: usize,
    pub pointer: String,
    pub method: String,
    pub path: String,
    pub spec: Option<SpecOut>,
}

/// A spec, before the params every operation shares move to the fragment.
pub(super) struct SpecOut {
    /// A subdirectory, for a spec whose route another one has.
    pub dir: Option<String>,
    pub name: String,
    summary: Option<String>,
    description: Option<String>,
    method: String,
    path: String,
    /// The spec's `body` when not `json`: `form`, `binary` or `text`.
    body: Option<&'static str>,
    pub params: Vec<Value>,
    pub responses: Vec<Value>,
}

impl SpecOut {
    pub fn to_value(&self, include: Vec<Value>, params: Vec<Value>) -> Value {
        let mut o = Obj::new().with("name", &self.name);
        if let Some(s) = &self.summary {
            o.set("summary", s);
        }
        if let Some(d) = &self.description {
            o.set("description", d);
        }
        o.set("method", &self.method);
        o.set("path", &self.path);
        if !include.is_empty() {
            o.set("include", include);
        }
        if let Some(body) = self.body {
            o.set("body", body);
        }
        if !params.is_empty() {
            o.set("params", params);
        }
        o.set("responses", self.responses.clone());
        o.into_value()
    }
}

/// The first server's URL, its variables at their defaults, when absolute.
pub(super) fn base_url(root: &Node) -> Option<String> {
    let server = root.get("servers")?.items().first()?;
    let mut url = server.str_at("url")?.to_string();
    if let Some(vars) = server.get("variables") {
        for (k, v) in vars.members() {
            if let Some(d) = v.str_at("default") {
                url = url.replace(&format!("{{{}}}", k.name), d);
            }
        }
    }
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    if !absolute || url.contains('{') || url.contains(char::is_whitespace) {
        return None;
    }
    Some(url.trim_end_matches('/').to_string())
}

/// `ok`, `not-found`: the response's name from its code.
fn reason(code: u16) -> String {
    let known = match code {
        100 => "continue",
        101 => "switching-protocols",
        200 => "ok",
        201 => "created",
        202 => "accepted",
        203 => "non-authoritative",
        204 => "no-content",
        205 => "reset-content",
        206 => "partial-content",
        207 => "multi-status",
        300 => "multiple-choices",
        301 => "moved-permanently",
        302 => "found",
        303 => "see-other",
        304 => "not-modified",
        307 => "temporary-redirect",
        308 => "permanent-redirect",
        400 => "bad-request",
        401 => "unauthorized",
        402 => "payment-required",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        406 => "not-acceptable",
        408 => "request-timeout",
        409 => "conflict",
        410 => "gone",
        411 => "length-required",
        412 => "precondition-failed",
        413 => "content-too-large",
        414 => "uri-too-long",
        415 => "unsupported-media-type",
        416 => "range-not-satisfiable",
        417 => "expectation-failed",
        418 => "im-a-teapot",
        421 => "misdirected-request",
        422 => "unprocessable-content",
        423 => "locked",
        424 => "failed-dependency",
        425 => "too-early",
        426 => "upgrade-required",
        428 => "precondition-required",
        429 => "too-many-requests",
        431 => "request-header-fields-too-large",
        451 => "unavailable-for-legal-reasons",
        500 => "internal-server-error",
        501 => "not-implemented",
        502 => "bad-gateway",
        503 => "service-unavailable",
        504 => "gateway-timeout",
        505 => "http-version-not-supported",
        _ => return format!("status-{code}"),
    };
    known.to_string()
}

/// A module name from an operationId (or method and path): snake_case,
/// starting with a letter, not a keyword.
fn spec_name(raw: &str) -> String {
    let snake = crate::case::snake(raw).unwrap_or_default();
    let mut name = crate::case::unraw(&snake)
        .trim_start_matches('_')
        .to_string();
    if name.is_empty() {
        name = "operation".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("op_{name}");
    }
    let mut name = crate::case::short_stem(&name).to_string();
    if !crate::case::is_ident(&name) {
        name.push('_');
    }
    name
}

/// The placeholders of a path template, in order.
fn placeholders(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

/// The `name=value` pairs of a path key's query (`op=LIST&x=1`), or of
/// its fragment (`X-Amz-Target=…`), percent-decoded; a name alone (`acl`)
/// has the empty value. `None` when a pair lacks a name.
fn fixed_query(query: &str) -> Option<Vec<(String, String)>> {
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (!name.is_empty()).then(|| {
                (
                    super::read::percent_decode(name),
                    super::read::percent_decode(value),
                )
            })
        })
        .collect()
}

/// The name in a query value that is a placeholder (`{lat}`).
fn placeholder_of(value: &str) -> Option<&str> {
    let name = value.strip_prefix('{')?.strip_suffix('}')?;
    (!name.is_empty() && !name.contains(['{', '}'])).then_some(name)
}

/// The media type of the body a spec's request sends, as its
/// `Content-Type` carries it without parameters (`""` for none): what
/// `check` tells routes apart by, with the params of [`fixed_set`].
fn body_media(body: Option<&str>, params: &[Value]) -> String {
    let in_body = |f: &&Value| get_str(f, "in") == Some("body");
    let Some(first) = params.iter().find(in_body) else {
        return String::new();
    };
    let own = params
        .iter()
        .filter(in_body)
        .find_map(|f| get_str(f, "content_type"))
        .or_else(|| get_str(first, "content_type"));
    let media = match (body, own) {
        (Some("none"), _) => "",
        (Some("form"), _) => "application/x-www-form-urlencoded",
        (Some("multipart"), _) => "multipart/form-data",
        (Some("base64_json"), _) => "text/plain",
        (_, Some(own)) => own,
        (Some("binary"), None) => "application/octet-stream",
        (Some("text"), None) => "text/plain",
        _ => "application/json",
    };
    endpoints_runtime::spec::essence(media)
}

/// What among `params` tells operations on one route apart: each const
/// param's place, name (a header's in lowercase) and value, and each
/// required query, header and cookie param's place and name, sorted.
fn fixed_set(params: &[Value]) -> Vec<String> {
    let mut set: Vec<String> = params
        .iter()
        .filter_map(|f| {
            let Value::Object(members) = f else {
                return None;
            };
            let place = get_str(f, "in").unwrap_or_default();
            let name = get_str(f, "name").unwrap_or_default();
            let name = match place {
                "header" => name.to_ascii_lowercase(),
                _ => name.to_string(),
            };
            match members.iter().find(|(k, _)| k.name == "const") {
                Some((_, value)) => Some(format!("{place}\0{name}\0{}", value.value.to_serde())),
                // A required query, header or cookie param tells a route's
                // endpoints apart too (S3's `uploadId`, Weatherbit's `city`).
                None => {
                    let required = members
                        .iter()
                        .any(|(k, v)| k.name == "required" && matches!(v.value, Value::Bool(true)));
                    (required && matches!(place, "query" | "header" | "cookie"))
                        .then(|| format!("{place}\0{name}"))
                }
            }
        })
        .collect();
    set.sort();
    set
}

/// A const param: `name` in `location`, always `value`.
fn const_param(name: &str, location: &str, value: Value, description: Option<String>) -> Value {
    let mut f = Obj::new()
        .with("name", name)
        .with("in", location)
        .with("const", value);
    if let Some(d) = description {
        f.set("description", d);
    }
    f.into_value()
}

/// Why the spec format cannot take `path` as its template, if it cannot:
/// the rules `check` holds a spec's path to, so that no operation is
/// written only to be refused.
fn template_problem(path: &str) -> Option<String> {
    if !path.starts_with('/') || path.contains('?') {
        return Some(format!(
            "the path `{path}` is not a path template the spec format reads"
        ));
    }
    if path.contains(|c: char| !c.is_ascii_graphic()) {
        return Some(format!(
            "the path `{path}` holds characters a URL path carries only percent-encoded"
        ));
    }
    // `{name}.{ext}` imports; `{name}{ext}` has no text to split at.
    if let Some(segment) = path.split('/').find(|seg| seg.contains("}{")) {
        return Some(format!(
            "the path segment `{segment}` has two placeholders side by side, which a server cannot tell apart"
        ));
    }
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        let hole = rest[open..]
            .strip_prefix('{')
            .and_then(|r| r.split_once('}'))
            .filter(|(name, _)| !name.is_empty() && !name.contains('{') && !names.contains(name));
        let Some((name, after)) = hole else {
            return Some(format!(
                "the path `{path}` has a placeholder that is malformed or named twice"
            ));
        };
        names.push(name);
        rest = after;
    }
    None
}

fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn with_in(mut f: Value, location: &str) -> Value {
    if let Value::Object(members) = &mut f {
        super::schema::after_name(members, "in", Value::String(location.into()));
    }
    f
}

pub(super) fn get_str<'a>(f: &'a Value, key: &str) -> Option<&'a str> {
    match f {
        Value::Object(m) => {
            m.iter()
                .find(|(k, _)| k.name == key)
                .and_then(|(_, v)| match &v.value {
                    Value::String(s) => Some(s.as_str()),
                    _ => None,
                })
        }
        _ => None,
    }
}

/// A response's stream, where it offers one and no plain JSON: an event
/// stream (`text/event-stream`), JSON lines (`application/x-ndjson`,
/// `application/jsonl`, …), or bytes the export marked
/// `x-endpoints-stream`, with its media type object.
fn stream_media(content: &Node) -> Option<(&str, &Node, StreamKind)> {
    let media = content.members();
    let essence = |k: &Key| endpoints_runtime::spec::essence(&k.name);
    if media.iter().any(|(k, _)| essence(k) == "application/json") {
        return None;
    }
    media.iter().find_map(|(k, v)| {
        let kind = match essence(k).as_str() {
            "text/event-stream" => StreamKind::Sse,
            "application/x-ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/jsonlines"
            | "application/json-lines" => StreamKind::JsonLines,
            // The export's mark on a download.
            _ if v.str_at("x-endpoints-stream") == Some("bytes") => StreamKind::Bytes,
            _ => return None,
        };
        Some((k.name.as_str(), v, kind))
    })
}

/// Picks a media type: JSON first, then a form.
fn pick_media(content: &Node) -> Option<(&str, &Node)> {
    let media = content.members();
    media
        .iter()
        .find(|(k, _)| k.name.starts_with("application/json"))
        .or_else(|| media.iter().find(|(k, _)| k.name.contains("json")))
        .or_else(|| {
            media
                .iter()
                .find(|(k, _)| k.name.starts_with("application/x-www-form-urlencoded"))
        })
        .or_else(|| {
            media
                .iter()
                .find(|(k, _)| k.name.starts_with("multipart/form-data"))
        })
        // `*/*` with a schema: JSON is one of the things it accepts.
        .or_else(|| {
            media
                .iter()
                .find(|(k, v)| k.name == "*/*" && v.get("schema").is_some())
        })
        .map(|(k, v)| (k.name.as_str(), v))
}

/// The media type a response's content key means where it is not one:
/// a file type's usual name (Apple's `gzip`, Truora's `PDF`), or `*`, or
/// any name over a schema of bytes (`schema`, references followed; or
/// none, and no example to say otherwise). `None` where the body may be
/// JSON the name does not say.
fn media_named(name: &str, m: &Node, schema: Option<&Node>) -> Option<&'static str> {
    let known = match name.to_ascii_lowercase().as_str() {
        "gzip" | "gz" => Some("application/gzip"),
        "zip" => Some("application/zip"),
        "pdf" => Some("application/pdf"),
        "xls" => Some("application/vnd.ms-excel"),
        "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "csv" => Some("text/csv"),
        "xml" => Some("application/xml"),
        "text" | "txt" => Some("text/plain"),
        "*" | "binary" | "octet-stream" => Some("application/octet-stream"),
        _ => None,
    };
    let bytes = match schema {
        Some(s) => s.str_at("format") == Some("binary"),
        None => m.get("example").is_none() && m.get("examples").is_none(),
    };
    let json_schema = schema.is_some_and(|s| !bytes && s.str_at("type") != Some("string"));
    match known {
        Some(media) if !json_schema => Some(media),
        None if bytes => Some("application/octet-stream"),
        _ => None,
    }
}

impl Importer<'_> {
    /// Follows a local `$ref` (of a param, body, response, path item).
    fn deref(&mut self, n: &Node, ptr: &str) -> Option<(Node, String)> {
        let mut at = n.clone();
        let mut at_ptr = ptr.to_string();
        for _ in 0..16 {
            let Some(r) = at.str_at("$ref") else {
                return Some((at, at_ptr));
            };
            let r = r.to_string();
            match read::pointer(self.root, &r) {
                Some(t) => {
                    at = t.clone();
                    at_ptr = r.trim_start_matches('#').to_string();
                }
                None => {
                    self.note(
                        &at_ptr,
                        format!("the reference `{r}` is not in this document"),
                        "left out",
                    );
                    return None;
                }
            }
        }
        self.note(ptr, "references go round in a circle", "left out");
        None
    }

    pub(super) fn operations(&mut self) -> Vec<Built> {
        let mut out = Vec::new();
        let Some(paths) = self.root.get("paths") else {
            return out;
        };
        let paths = paths.members().to_vec();
        let mut names: BTreeSet<String> = BTreeSet::new();
        let mut routes: Routes = BTreeMap::new();
        for (path, item) in &paths {
            let item_ptr = format!("/paths/{}", read::escape(&path.name));
            let Some((item, _)) = self.deref(item, &item_ptr) else {
                continue;
            };
            let shared_params: Vec<Node> = item
                .get("parameters")
                .map(|p| p.items().to_vec())
                .unwrap_or_default();
            for (method, op) in item.members() {
                let m = method.name.to_ascii_lowercase();
                let known = METHODS.contains(&m.as_str());
                if !known && m != "trace" {
                    continue;
                }
                let index = out.len();
                let pointer = format!("{item_ptr}/{}", read::escape(&method.name));
                self.owner = Owner::Operation(index);
                let spec = if known {
                    self.operation(
                        &path.name,
                        &m,
                        op,
                        &pointer,
                        &shared_params,
                        &item_ptr,
                        &mut names,
                        &mut routes,
                    )
                } else {
                    self.note(
                        &pointer,
                        "`TRACE` is not a method the spec format has",
                        "the operation skipped",
                    );
                    None
                };
                self.owner = Owner::Document;
                out.push(Built {
                    index,
                    pointer,
                    method: m.to_ascii_uppercase(),
                    path: path.name.clone(),
                    spec,
                });
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn operation(
        &mut self,
        path: &str,
        method: &str,
        op: &Node,
        ptr: &str,
        shared_params: &[Node],
        item_ptr: &str,
        names: &mut BTreeSet<String>,
        routes: &mut Routes,
    ) -> Option<SpecOut> {
        // A fragment is never sent: documents use one to tell apart
        // operations that differ only by fixed params (`/#X-Amz-Target=…`,
        // `/{Bucket}#acl`), which the operation declares as params of one
        // value. A name alone there (`acl`) is a query key sent alone.
        let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
        let alone: Vec<String> = fixed_query(fragment)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, value)| value.is_empty())
            .map(|(name, _)| name)
            .collect();
        // A query in the path key (`/jobs?op=LIST`: Azure tells operations
        // on one path apart so) is sent with every request: each pair
        // becomes a required query param of that one value.
        let key = path;
        let (path, fixed) = match key.split_once('?') {
            Some((path, query)) => (path, fixed_query(query)),
            None => (key, Some(Vec::new())),
        };
        let why = match fixed {
            None => Some(format!(
                "the query of the path `{key}` is not `name=value` pairs"
            )),
            Some(_) => template_problem(path),
        };
        if let Some(why) = why {
            self.note(ptr, why, "the operation skipped");
            return None;
        }
        let route = (
            method.to_string(),
            placeholders(path).iter().fold(path.to_string(), |p, h| {
                p.replacen(&format!("{{{h}}}"), "{}", 1)
            }),
        );
        let raw_name = op
            .str_at("operationId")
            .map(str::to_string)
            .unwrap_or_else(|| format!("{method} {path}"));
        let base = spec_name(&raw_name);
        let name = std::iter::once(base.clone())
            .chain((2..).map(|i| format!("{base}_{i}")))
            .find(|n| !names.contains(n))
            .unwrap_or_default();
        names.insert(name.clone());
        let camel = crate::case::upper_camel(&name)
            .map(|n| crate::case::unraw(&n).to_string())
            .unwrap_or_default();

        let mut description = op.str_at("description").map(str::to_string);
        if op.bool_at("deprecated") {
            description = Some(match description {
                Some(d) => format!("Deprecated. {d}"),
                None => "Deprecated.".into(),
            });
        }
        let summary = op
            .str_at("summary")
            .map(|s| s.lines().next().unwrap_or_default().trim().to_string())
            .filter(|s| !s.is_empty());

        // Params: the path item's, then the operation's, which override by name and place.
        let mut raw: Vec<(Node, String)> = Vec::new();
        let own: Vec<Node> = op
            .get("parameters")
            .map(|p| p.items().to_vec())
            .unwrap_or_default();
        for (list, base_ptr) in [
            (shared_params, format!("{item_ptr}/parameters")),
            (&own[..], format!("{ptr}/parameters")),
        ] {
            for (i, p) in list.iter().enumerate() {
                let Some((p, at)) = self.deref(p, &format!("{base_ptr}/{i}")) else {
                    continue;
                };
                let key = (
                    p.str_at("name").map(str::to_string),
                    p.str_at("in").map(str::to_string),
                );
                raw.retain(|(q, _)| {
                    (
                        q.str_at("name").map(str::to_string),
                        q.str_at("in").map(str::to_string),
                    ) != key
                });
                raw.push((p, at));
            }
        }
        let mut params: Vec<Value> = Vec::new();
        let names: Vec<&str> = raw.iter().filter_map(|(p, _)| p.str_at("name")).collect();
        self.query_map = false;
        // Free-form query maps in the default style, two or more: no
        // reader could tell whose a key is. Where the API's own words
        // write one in brackets (files.com's `sort_by[created_at]=desc`
        // beside `filter`, `filter_gt`, ...), that is how it reads them all.
        let maps: Vec<&Node> = raw
            .iter()
            .map(|(p, _)| p)
            .filter(|p| self.free_query_map(p))
            .collect();
        self.bracket_maps = maps.len() > 1
            && maps.iter().any(|p| {
                let (name, words) = (p.str_at("name"), p.str_at("description"));
                name.zip(words)
                    .is_some_and(|(n, d)| d.contains(&format!("{n}[")))
            });
        for (p, at) in &raw {
            if let Some(exploded) = self.exploded_query(p, at, &camel, &names) {
                params.extend(exploded);
            } else if let Some(f) = self.param(p, at, &camel) {
                params.push(f);
            }
        }
        // A placeholder in the path key's query (`/alerts?lat={lat}&lon={lon}`:
        // Weatherbit, ClickSend, Icons8 declare `lat` a path param) is a
        // required query param under its key.
        let mut fixed = fixed;
        let mut asked: Vec<(String, String)> = Vec::new();
        for pairs in fixed.iter_mut() {
            pairs.retain(|(key, value)| match placeholder_of(value) {
                Some(hole) => {
                    asked.push((key.clone(), hole.to_string()));
                    false
                }
                None => true,
            });
        }
        for (key, hole) in &asked {
            let declared = params.iter_mut().find(|f| {
                get_str(f, "name") == Some(hole.as_str())
                    && matches!(get_str(f, "in"), Some("path" | "query"))
            });
            match declared {
                Some(Value::Object(members)) => {
                    for (k, v) in members.iter_mut() {
                        match k.name.as_str() {
                            "in" => v.value = Value::String("query".into()),
                            "name" => v.value = Value::String(key.clone()),
                            "required" => v.value = Value::Bool(true),
                            _ => {}
                        }
                    }
                }
                _ => params.push(
                    Obj::new()
                        .with("name", key.as_str())
                        .with("in", "query")
                        .with("type", "string")
                        .with("required", true)
                        .into_value(),
                ),
            }
        }
        // The path's placeholders and its path params, one for one.
        let holes = placeholders(path);
        params.retain(|f| {
            let keep = get_str(f, "in") != Some("path")
                || get_str(f, "name").is_some_and(|n| holes.iter().any(|h| h == n));
            if !keep {
                let n = get_str(f, "name").unwrap_or_default().to_string();
                self.note(
                    ptr,
                    format!("the path param `{n}` is not in the path"),
                    "left out",
                );
            }
            keep
        });
        for h in &holes {
            let declared = params
                .iter()
                .any(|f| get_str(f, "in") == Some("path") && get_str(f, "name") == Some(h));
            if !declared {
                self.note(
                    ptr,
                    format!("the path names `{{{h}}}`, which no path param declares"),
                    "a required `string` path param",
                );
                params.push(
                    Obj::new()
                        .with("name", h)
                        .with("in", "path")
                        .with("type", "string")
                        .with("required", true)
                        .into_value(),
                );
            }
        }
        // Two params of one name in one place (a header's in any case):
        // a spec's params have a place and name each, so the first stays.
        // Of one name in different places (Kubernetes' `path` in the path
        // and the query), both stay, each with a Rust name of its own.
        let place_of = |f: &Value| {
            let place = get_str(f, "in").unwrap_or_default();
            let name = get_str(f, "name").unwrap_or_default();
            match place {
                "header" => (place.to_string(), name.to_ascii_lowercase()),
                _ => (place.to_string(), name.to_string()),
            }
        };
        let mut i = 0;
        while i < params.len() {
            let (place, name) = place_of(&params[i]);
            let other = params
                .iter()
                .enumerate()
                .position(|(j, f)| j < i && place_of(f) == (place.clone(), name.clone()));
            match other {
                Some(_) => {
                    let wire = get_str(&params[i], "name").unwrap_or_default().to_string();
                    self.note(
                        ptr,
                        format!("the {place} param `{wire}` is declared twice"),
                        "the first kept",
                    );
                    params.remove(i);
                }
                None => i += 1,
            }
        }
        for (name, value) in fixed.into_iter().flatten() {
            let declared = params
                .iter()
                .any(|f| get_str(f, "in") == Some("query") && get_str(f, "name") == Some(&name));
            if !declared {
                params.push(const_param(&name, "query", Value::String(value), None));
            }
        }
        // A key the fragment names alone (S3's `#acl`, declared as a
        // required `enum: [true]`) is sent alone, as the API documents it.
        for f in &mut params {
            let Value::Object(members) = f else { continue };
            let alone_key = members.iter().any(|(k, v)| {
                k.name == "name" && matches!(&v.value, Value::String(n) if alone.contains(n))
            }) && members
                .iter()
                .any(|(k, v)| k.name == "in" && v.value == Value::String("query".into()));
            if let Some((_, value)) = members.iter_mut().find(|(k, _)| k.name == "const") {
                // Only a flag's value: a key the fragment names alone that
                // the operation gives a value of its own keeps it.
                let flag = matches!(&value.value, Value::Bool(true))
                    || matches!(&value.value, Value::String(s) if s.is_empty());
                if alone_key && flag {
                    value.value = Value::String(String::new());
                }
            }
        }
        self.credential(op, ptr, &mut params);

        let mut body = None;
        if let Some(rb) = op.get("requestBody") {
            let at = format!("{ptr}/requestBody");
            if let Some((rb, at)) = self.deref(rb, &at) {
                body = self.body(&rb, &at, &camel, &mut params);
            }
        }
        // A const param is no field of the request: it takes no Rust name,
        // and comes first, as it names the endpoint.
        let (mut fixed, mut named): (Vec<Value>, Vec<Value>) = params.into_iter().partition(
            |f| matches!(f, Value::Object(m) if m.iter().any(|(k, _)| k.name == "const")),
        );
        name_apart(&mut named);
        settle_rust_names(&mut named, &["build"]);
        fixed.append(&mut named);
        let params = fixed;

        // Operations on one route stay in one directory where their fixed
        // params tell them apart; one that repeats another's goes to a
        // directory of its own.
        let mut told = fixed_set(&params);
        let params_tell = !told.is_empty();
        // The body's media type tells them apart too (Azure's `/analyze`
        // of an image's URL in JSON, and `/analyze#overload=stream` of its
        // bytes).
        told.push(body_media(body, &params));
        let on_route = routes.entry(route).or_default();
        let dir = match on_route.iter().find(|(set, _)| *set == told) {
            Some((_, first)) => {
                let why = if params_tell {
                    format!(
                        "`{} {path}` is also the route of `{first}`, with the same fixed and required params and body media type",
                        method.to_ascii_uppercase()
                    )
                } else {
                    format!("`{} {path}` is also the route of `{first}`, and nothing tells them apart (no param of one fixed value, and the same required params and body media type)", method.to_ascii_uppercase())
                };
                // The document says all there is of each operation, and
                // the spec keeps it; only a server could not tell the two
                // apart, so the second is one API's of its own.
                self.mended(
                    ptr,
                    why,
                    format!("the spec in a directory of its own, `{name}/`"),
                );
                Some(name.clone())
            }
            None => {
                on_route.push((told, name.clone()));
                None
            }
        };

        let responses = self.responses(op, ptr, &camel);
        Some(SpecOut {
            dir,
            name,
            summary,
            description,
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            body,
            params,
            responses,
        })
    }

    /// A query param that is an object of named properties, sent as its
    /// properties: OpenAPI's default style (`form`, exploded) sends each as
    /// a query param of its own (`?status=open&limit=5`), `deepObject`
    /// under the param's name (`?filter[status]=open`). Each becomes a
    /// param of the spec with that wire name, required where the object is
    /// and the property is. `None` where the object is not such (a map, a
    /// union, another style) or a name would repeat another param's.
    fn exploded_query(
        &mut self,
        p: &Node,
        ptr: &str,
        camel: &str,
        others: &[&str],
    ) -> Option<Vec<Value>> {
        if p.str_at("in") != Some("query") {
            return None;
        }
        let name = p.str_at("name")?;
        let (s, sptr) = self.resolved(p.get("schema")?, &format!("{ptr}/schema"))?;
        let props = s.get("properties")?;
        let plain = ["oneOf", "anyOf", "allOf"]
            .iter()
            .all(|k| s.get(k).is_none())
            && s.get("additionalProperties")
                .is_none_or(|a| matches!(a.value, Value::Bool(false)));
        if props.members().is_empty() || !plain {
            return None;
        }
        let style = p.str_at("style").unwrap_or("form");
        let explode = match p.get("explode").map(|e| &e.value) {
            Some(Value::Bool(b)) => *b,
            _ => style == "form",
        };
        let wire = |prop: &str| match style {
            "deepObject" => format!("{name}[{prop}]"),
            _ => prop.to_string(),
        };
        if !(style == "deepObject" || (style == "form" && explode)) {
            return None;
        }
        // A `deepObject` that nests (Stripe's `lines[0][amount]`) is one
        // param in brackets.
        let scalar = |m: &Node| {
            let m = self.follow(m);
            matches!(
                m.str_at("type"),
                Some("string" | "integer" | "number" | "boolean")
            ) && ["oneOf", "anyOf", "allOf"]
                .iter()
                .all(|k| m.get(k).is_none())
        };
        let flat = props.members().iter().all(|(_, m)| {
            let m = self.follow(m);
            scalar(&m) || (m.str_at("type") == Some("array") && m.get("items").is_some_and(scalar))
        });
        if style == "deepObject" && !flat {
            return None;
        }
        let wires: Vec<String> = props.members().iter().map(|(k, _)| wire(&k.name)).collect();
        let repeats = wires
            .iter()
            .enumerate()
            .any(|(i, w)| others.contains(&w.as_str()) || wires[..i].contains(w));
        if repeats {
            return None;
        }
        let required: Vec<&str> = match s.get("required").map(|r| &r.value) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| match &i.value {
                    Value::String(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let at = p.at;
        let key = |k: &str| Key {
            name: k.to_string(),
            at,
        };
        let mut out = Vec::new();
        for ((k, member), wire) in props.members().iter().zip(wires) {
            let mut members = vec![
                (
                    key("name"),
                    Node {
                        value: Value::String(wire),
                        at,
                    },
                ),
                (
                    key("in"),
                    Node {
                        value: Value::String("query".into()),
                        at,
                    },
                ),
                (key("schema"), member.clone()),
            ];
            if p.bool_at("required") && required.contains(&k.name.as_str()) {
                members.push((
                    key("required"),
                    Node {
                        value: Value::Bool(true),
                        at,
                    },
                ));
            }
            let synthetic = Node {
                value: Value::Object(members),
                at,
            };
            let member_ptr = format!("{sptr}/properties/{}", read::escape(&k.name));
            if let Some(f) = self.param_at(&synthetic, ptr, &member_ptr, camel) {
                out.push(f);
            }
        }
        Some(out)
    }

    /// Whether `p` is a query param that is an object of no named
    /// property (a map, or any object) in the default style, `form`,
    /// exploded.
    fn free_query_map(&self, p: &Node) -> bool {
        let schema = p.get("schema").map(|s| self.follow(s));
        p.str_at("in") == Some("query")
            && matches!(p.str_at("style"), None | Some("form"))
            && !matches!(p.get("explode").map(|e| &e.value), Some(Value::Bool(false)))
            && schema.is_some_and(|s| {
                s.str_at("type") == Some("object")
                    && s.get("properties").is_none_or(|p| p.members().is_empty())
            })
    }

    fn param(&mut self, p: &Node, ptr: &str, camel: &str) -> Option<Value> {
        self.param_at(p, ptr, &format!("{ptr}/schema"), camel)
    }

    /// A param, its schema at `schema_ptr` in the document.
    fn param_at(&mut self, p: &Node, ptr: &str, schema_ptr: &str, camel: &str) -> Option<Value> {
        let (Some(name), Some(location)) = (p.str_at("name"), p.str_at("in")) else {
            self.note(ptr, "a param needs a `name` and an `in`", "left out");
            return None;
        };
        let (name, location) = (name.to_string(), location.to_string());
        match location.as_str() {
            "cookie" if !is_token(&name) => {
                self.note(
                    ptr,
                    format!("`{name}` is not a cookie name (an HTTP token)"),
                    "left out",
                );
                return None;
            }
            "header"
                if ["accept", "content-type"].contains(&name.to_ascii_lowercase().as_str()) =>
            {
                // OpenAPI: "If `in` is "header" and the name is "Accept",
                // "Content-Type" or "Authorization", the parameter
                // definition SHALL be ignored": the responses' and the
                // body's media types say them, and the client sets both
                // from those. (`Authorization` is kept: a document without
                // a security scheme has no other way to say it.)
                return None;
            }
            "header" if !is_token(&name) => {
                self.note(
                    ptr,
                    format!("`{name}` is not an HTTP header name"),
                    "left out",
                );
                return None;
            }
            "path" | "query" | "header" | "cookie" => {}
            other => {
                self.note(
                    ptr,
                    format!("`{other}` is not a place a param can be"),
                    "left out",
                );
                return None;
            }
        }
        if let Some(value) = self.one_value(p, ptr, &location) {
            let description = p.str_at("description").map(str::to_string);
            return Some(const_param(&name, &location, value, description));
        }
        let mut ty = match (p.get("schema"), p.get("content")) {
            (Some(s), _) if location == "query" => match self.one_or_many(s) {
                // A value, or a list of such values (GitHub's `cwes`): in a
                // query, a value is the list of that one, key for key.
                Some((union, i, list)) => {
                    let at = format!("{schema_ptr}/{union}/{i}");
                    self.ty(&list, &at, &name, camel)
                }
                None => self.ty(s, schema_ptr, &name, camel),
            },
            (Some(s), _) => self.ty(s, schema_ptr, &name, camel),
            (None, Some(_)) => {
                self.note(
                    &format!("{ptr}/content"),
                    "a param encoded as a media type has no spec form",
                    "a `string` holding the encoded value",
                );
                ty_string()
            }
            (None, None) => ty_string(),
        };
        // An array of scalars that may be `null`, outside a body
        // (Unicourt's `caseTypeArray`): a null item has no text there, so
        // the items are written not nullable, and nothing a request could
        // carry is lost.
        if location != "body" && ty.shape == Shape::Other && ty.keys.str("type") == Some("array") {
            if let Some(of @ Value::Object(members)) = ty.keys.get("of") {
                let null = members
                    .iter()
                    .any(|(k, v)| k.name == "nullable" && v.value == Value::Bool(true));
                let scalar = get_str(of, "type").is_some_and(|w| {
                    ["string", "integer", "number", "boolean", "bytes"].contains(&w)
                        || self.shape_of_name(w) == Shape::Scalar
                });
                if null && scalar {
                    let kept: Vec<_> = members
                        .iter()
                        .filter(|(k, _)| k.name != "nullable")
                        .cloned()
                        .collect();
                    // Written as a name alone where nothing else is left.
                    let of = match kept.as_slice() {
                        [(k, v)] if k.name == "type" => v.value.clone(),
                        _ => Value::Object(kept),
                    };
                    ty.keys.set("of", of);
                    ty.shape = Shape::ScalarArray;
                    self.mended(
                        ptr,
                        format!("the {location} param's items may be `null`, which has no text in a {location}"),
                        "items that are not nullable",
                    );
                }
            }
        }
        // A path's array in the `simple` style (its default; `explode`
        // changes nothing for an array): items joined by commas.
        let simple = matches!(p.str_at("style"), None | Some("simple"));
        // A query's object, map or array in OpenAPI's `deepObject` style
        // (Stripe's `metadata[key]`, `lines[0][amount]`; its arrays by
        // index, `expand[0]`, as Stripe reads them, where OpenAPI defines
        // none): written in brackets.
        let deep = p.str_at("style") == Some("deepObject")
            || (self.bracket_maps && self.free_query_map(p));
        let brackets = location == "query"
            && deep
            && ty.shape != Shape::Scalar
            && ty.keys.str("type") != Some("any");
        if brackets && p.str_at("style") != Some("deepObject") {
            self.mended(
                ptr,
                "a free-form query map in the `form` style beside another: no reader could tell whose a key is",
                "written in brackets (`name[key]`), as the API's own description of one writes it",
            );
        }
        // A query map in OpenAPI's default style (`form`, exploded): each
        // entry a query param of its own (API Gateway's `parameters`,
        // Jellyfin's), the spec's flattened map. One per operation.
        let flat = location == "query"
            && !brackets
            && matches!(p.str_at("style"), None | Some("form"))
            && !matches!(p.get("explode").map(|e| &e.value), Some(Value::Bool(false)))
            && ty.keys.str("type") == Some("map")
            && match ty.keys.get("of") {
                Some(Value::String(w)) => {
                    matches!(
                        w.as_str(),
                        "string" | "integer" | "number" | "boolean" | "any"
                    )
                }
                _ => false,
            };
        if flat && self.query_map {
            self.note(
                ptr,
                "a second query map in the `form` style has no spec form (the first takes every key no other param names)",
                "left out",
            );
            return None;
        }
        self.query_map |= flat;
        let fits = match (location.as_str(), ty.shape) {
            _ if brackets || flat => true,
            (_, Shape::Scalar) | ("query", Shape::ScalarArray) => true,
            ("path" | "header", Shape::ScalarArray) => simple,
            _ => false,
        };
        if !fits {
            let is_any = ty.keys.str("type") == Some("any");
            if location == "path" || is_any {
                self.note(
                    ptr,
                    format!(
                        "a {location} param of this type has no spec form (scalars only{})",
                        if location == "query" {
                            ", or arrays of them"
                        } else {
                            ""
                        }
                    ),
                    "a `string`",
                );
                let description = ty.description.take();
                ty = ty_string();
                ty.description = description;
            } else {
                self.note(
                    ptr,
                    format!(
                        "a {location} param that is an object or nested array has no spec form"
                    ),
                    "left out",
                );
                return None;
            }
        }
        if let Some(d) = p.str_at("description") {
            // The param's own words, and its inline schema's format.
            let own = Some(d.to_string());
            ty.description = match p.get("schema") {
                Some(s) => with_format(s, &ty, own),
                None => own,
            };
        }
        if p.bool_at("deprecated") {
            ty.description = Some(
                format!("Deprecated. {}", ty.description.unwrap_or_default())
                    .trim_end()
                    .to_string(),
            );
        }
        if location != "query" {
            // Headers and paths have no `null`.
            ty.nullable = false;
        }
        // A query array under one key, its items joined: OpenAPI's `form`
        // not exploded (`ids=1,2`), `pipeDelimited` (`ids=1|2`).
        let joined = if brackets {
            Some("brackets")
        } else if location == "query" && ty.shape == Shape::ScalarArray {
            let style = p.str_at("style").unwrap_or("form");
            let explode = match p.get("explode").map(|e| &e.value) {
                Some(Value::Bool(b)) => *b,
                _ => style == "form",
            };
            match (style, explode) {
                (_, true) => None,
                ("form", false) => Some("comma"),
                ("pipeDelimited", false) => Some("pipe"),
                (other, false) => {
                    self.note(
                        ptr,
                        format!("a query array in the `{other}` style has no spec form"),
                        "the key once per item",
                    );
                    None
                }
            }
        } else {
            None
        };
        let required = p.bool_at("required") || location == "path";
        let mut f = field(&name, Some(&location), ty, required);
        if let Some(style) = joined {
            f.set("style", style);
        }
        if flat {
            f.set("flatten", true);
        }
        if location == "header"
            && name.eq_ignore_ascii_case("authorization")
            && f.str("type") == Some("string")
        {
            f.set("credential", true);
        }
        Some(f.into_value())
    }

    /// The member of a query param's union of two (`oneOf`/`anyOf`) that
    /// is a list of the other, with its key and index: the list the union
    /// stands for, since a query writes a value and the list of that one
    /// value alike (`cwes=79` either way).
    fn one_or_many(&self, s: &Node) -> Option<(&'static str, usize, Node)> {
        let union = ["oneOf", "anyOf"]
            .into_iter()
            .find(|u| s.get(u).is_some())?;
        let members = s.get(union)?.items();
        let [a, b] = members else { return None };
        let bare = |n: &Node| super::union::without_docs(&self.follow(n));
        let list_of = |list: &Node, one: &Node| {
            let list = self.follow(list);
            list.str_at("type") == Some("array")
                && list.get("items").is_some_and(|i| bare(i) == bare(one))
                && matches!(
                    self.follow(one).str_at("type"),
                    Some("string" | "integer" | "number" | "boolean")
                )
        };
        if list_of(b, a) {
            Some((union, 1, b.clone()))
        } else if list_of(a, b) {
            Some((union, 0, a.clone()))
        } else {
            None
        }
    }

    /// The one value of a required query, header or cookie param whose
    /// schema allows only it (`enum: [v]`, `const: v`): a string, number or
    /// boolean, and for a header one a header can carry. Such a param is
    /// fixed (`const`): the client sends it, nobody fills it in.
    fn one_value(&mut self, p: &Node, ptr: &str, location: &str) -> Option<Value> {
        if !p.bool_at("required") || !["query", "header", "cookie"].contains(&location) {
            return None;
        }
        let (schema, _) = self.deref(p.get("schema")?, &format!("{ptr}/schema"))?;
        let value = match (schema.get("const"), schema.get("enum")) {
            (Some(one), _) => one.value.clone(),
            (None, Some(list)) => match list.items() {
                [one] => one.value.clone(),
                _ => return None,
            },
            (None, None) => return None,
        };
        let fits = match (&value, schema.str_at("type")) {
            (Value::String(text), None | Some("string")) => {
                location != "header"
                    || text
                        .bytes()
                        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
            }
            (Value::Bool(_), None | Some("boolean")) => true,
            (Value::Number(_), None | Some("number")) => true,
            (Value::Number(_), Some("integer")) => value.to_serde().is_i64(),
            _ => false,
        };
        fits.then_some(value)
    }

    /// The API's credential, from the operation's (or the document's)
    /// first security requirement: an API key where it travels, HTTP,
    /// OAuth 2 and OpenID Connect as `Authorization`.
    fn credential(&mut self, op: &Node, ptr: &str, params: &mut Vec<Value>) {
        let (reqs, reqs_ptr) = match op.get("security") {
            Some(s) => (s.clone(), format!("{ptr}/security")),
            None => match self.root.get("security") {
                Some(s) => (s.clone(), "/security".to_string()),
                None => return,
            },
        };
        let items = reqs.items();
        let optional = items.iter().any(|r| r.members().is_empty());
        let Some(first) = items.iter().find(|r| !r.members().is_empty()) else {
            return;
        };
        let schemes = self
            .root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
            .cloned();
        let mut chosen = None;
        for (scheme_name, _) in first.members() {
            let scheme_ptr = format!(
                "/components/securitySchemes/{}",
                read::escape(&scheme_name.name)
            );
            let Some(scheme) = schemes
                .as_ref()
                .and_then(|s| s.get(&scheme_name.name))
                .cloned()
            else {
                self.note(
                    &reqs_ptr,
                    format!("the security scheme `{}` is not defined", scheme_name.name),
                    "no credential param",
                );
                continue;
            };
            let Some((scheme, _)) = self.deref(&scheme, &scheme_ptr) else {
                continue;
            };
            match scheme.str_at("type") {
                Some("apiKey") => match (scheme.str_at("name"), scheme.str_at("in")) {
                    (Some(n), Some(l @ ("header" | "query" | "cookie")))
                        if l == "query" || is_token(n) =>
                    {
                        chosen = Some((n.to_string(), l.to_string()));
                    }
                    _ => self.note(
                        &scheme_ptr,
                        "an API key without a usable name has no spec form",
                        "no credential param",
                    ),
                },
                Some("http" | "oauth2" | "openIdConnect") => {
                    chosen = Some(("Authorization".into(), "header".into()))
                }
                other => self.note(
                    &scheme_ptr,
                    format!(
                        "the security scheme type `{}` has no spec form",
                        other.unwrap_or("?")
                    ),
                    "no credential param",
                ),
            }
            if chosen.is_some() {
                break;
            }
        }
        let Some((name, location)) = chosen else {
            return;
        };
        let same = |f: &Value| {
            get_str(f, "name").is_some_and(|n| n.eq_ignore_ascii_case(&name))
                && get_str(f, "in") == Some(&location)
        };
        if let Some(at) = params.iter().position(same) {
            if get_str(&params[at], "type") != Some("string") {
                return;
            }
            // One credential per endpoint: an explicit `Authorization`
            // param beside the scheme's own stands aside.
            for (i, f) in params.iter_mut().enumerate() {
                if let (true, Value::Object(m)) = (i != at, f) {
                    m.retain(|(k, _)| k.name != "credential");
                }
            }
            let existing = &mut params[at];
            {
                if let Value::Object(m) = existing {
                    if !m.iter().any(|(k, _)| k.name == "credential") {
                        m.push((
                            Key {
                                name: "credential".into(),
                                at: 0,
                            },
                            Node {
                                value: Value::Bool(true),
                                at: 0,
                            },
                        ));
                    }
                }
            }
            return;
        }
        // One credential per endpoint: an explicit `Authorization` param stands aside.
        for f in params.iter_mut() {
            if let Value::Object(m) = f {
                m.retain(|(k, _)| k.name != "credential");
            }
        }
        let mut f = Obj::new()
            .with("name", name)
            .with("in", location)
            .with("type", "string");
        if !optional {
            f.set("required", true);
        }
        f.set("credential", true);
        params.push(f.into_value());
    }

    /// Body params from a JSON or form body; whether it is a form.
    /// A multipart body's member that is `format: binary` (or an array of
    /// them) as a `file` (or an array of files).
    fn as_file(&mut self, mut f: Value, body: &Node) -> Value {
        let Some(name) = get_str(&f, "name").map(str::to_string) else {
            return f;
        };
        let Some(member) = body.get("properties").and_then(|p| p.get(&name)) else {
            return f;
        };
        let member = self.resolved(member, "").map_or(member.clone(), |(n, _)| n);
        let binary = |n: &Node| n.str_at("format") == Some("binary");
        let items = member
            .get("items")
            .map(|i| self.resolved(i, "").map_or(i.clone(), |(n, _)| n));
        let Value::Object(members) = &mut f else {
            return f;
        };
        let string_keys = [
            "format",
            "min_length",
            "max_length",
            "pattern",
            "values",
            "type_name",
        ];
        let key = if binary(&member) {
            members.retain(|(k, _)| !string_keys.contains(&k.name.as_str()));
            "type"
        } else if items.as_ref().is_some_and(binary) {
            "of"
        } else {
            return f;
        };
        for (k, v) in members.iter_mut() {
            if k.name == key {
                v.value = Value::String("file".into());
            }
        }
        f
    }

    /// The body's params, pushed onto `params`; returns the spec's `body`
    /// when it is not `json`.
    fn body(
        &mut self,
        rb: &Node,
        ptr: &str,
        camel: &str,
        params: &mut Vec<Value>,
    ) -> Option<&'static str> {
        let content = rb.get("content")?;
        let required = rb.bool_at("required");
        // Bytes or text sent as they are: one param, the whole body.
        let raw =
            content.members().iter().find_map(|(k, v)| {
                let kind = ContentKind::of(&k.name);
                let shaped = k.name.split_once('/').is_some_and(|(t, s)| {
                    !t.is_empty() && !s.is_empty() && !t.contains('*') && !s.contains('*')
                });
                (kind != ContentKind::Json && shaped && !k.name.starts_with("multipart/"))
                    .then_some((k.name.as_str(), v, kind))
            });
        // A multipart body that names no part beside bytes sent as they
        // are (Computer Vision's image, `application/octet-stream` or a
        // form of one unnamed file): the bytes, which say all of it.
        let names_parts = |m: &Node| m.get("schema").is_some_and(|s| self.names_properties(s, 0));
        let picked = pick_media(content).filter(|(media, m)| {
            raw.is_none() || !media.starts_with("multipart/") || names_parts(m)
        });
        let Some((media, m)) = picked else {
            if let Some((media, m, kind)) = raw {
                let (body, ty) = match kind {
                    ContentKind::Text => ("text", "string"),
                    _ => ("binary", "bytes"),
                };
                let name = m
                    .get("schema")
                    .and_then(|s| s.str_at("x-endpoints-param"))
                    .unwrap_or("body");
                let mut f = Obj::new()
                    .with("name", name)
                    .with("in", "body")
                    .with("type", ty);
                if required {
                    f.set("required", true);
                }
                // Bytes the export marks as sent from a file or a stream.
                let streamed = m.str_at("x-endpoints-stream") == Some("bytes");
                if kind != ContentKind::Text && streamed {
                    f.set("stream", true);
                }
                f.set("content_type", media);
                if let Some(d) = m
                    .get("schema")
                    .and_then(|s| s.str_at("description"))
                    .or_else(|| rb.str_at("description"))
                {
                    f.set("description", d);
                }
                params.push(f.into_value());
                return Some(body);
            }
            if let Some((k, _)) = content.members().first() {
                self.note(
                    &format!("{ptr}/content/{}", read::escape(&k.name)),
                    format!(
                        "a `{}` body has no spec form (JSON, form, bytes and text bodies do)",
                        k.name
                    ),
                    "the body left out",
                );
            }
            return None;
        };
        let multipart = media.starts_with("multipart/form-data");
        let form = media.starts_with("application/x-www-form-urlencoded") || multipart;
        let encoding = if multipart {
            Some("multipart")
        } else {
            form.then_some("form")
        };
        let media_ptr = format!("{ptr}/content/{}", read::escape(media));
        let Some(schema) = m.get("schema") else {
            self.note(&media_ptr, "the body has no schema", "the body left out");
            return encoding;
        };
        let Some((s, sptr)) = self.resolved(schema, &format!("{media_ptr}/schema")) else {
            return encoding;
        };
        let has_fields = s.get("properties").is_some_and(|p| !p.members().is_empty());
        let is_object = has_fields
            || s.str_at("type") == Some("object")
            || s.get("additionalProperties").is_some();
        let union = s.get("oneOf").or_else(|| s.get("anyOf")).is_some();
        let taken: Vec<String> = params
            .iter()
            .filter_map(|p| get_str(p, "name").map(str::to_string))
            .collect();
        // A JSON body with a member named like a path, query or header
        // param (`id` in both): the body is one param, its whole object,
        // whose members keep their names in Rust too.
        let clash = !form
            && s.get("properties")
                .is_some_and(|p| p.members().iter().any(|(k, _)| taken.contains(&k.name)));
        // A JSON body that bounds how many members it has (`minProperties:
        // 1` on a PATCH) is one param, its whole object, whose type
        // carries the bound: params have no such rule among them.
        let counted = !form
            && !multipart
            && has_fields
            && (s.get("minProperties").is_some()
                || s.get("maxProperties").is_some()
                || super::schema::required_groups(&s, "anyOf").is_some()
                || super::schema::required_groups(&s, "oneOf").is_some());
        if is_object && !union && !clash && !counted {
            let fields = self.fields(&s, &sptr, camel, Direction::Request, 0);
            for f in fields {
                // A member named like a path, query or header param travels
                // beside it, in its own place (`name_apart` names it).
                let f = if multipart { self.as_file(f, &s) } else { f };
                params.push(with_in(f, "body"));
            }
            // `additionalProperties: false` says there is no other part.
            let extra = s
                .get("additionalProperties")
                .filter(|e| !matches!(e.value, Value::Bool(false)));
            match extra {
                // Parts are named; no map takes the names left over.
                _ if multipart && (extra.is_some() || !has_fields) => {
                    self.note(
                        &sptr,
                        "multipart parts the document does not name have no spec form",
                        "left out",
                    );
                }
                Some(e) if matches!(e.value, Value::Object(_)) || !has_fields => {
                    let of = if matches!(e.value, Value::Object(_)) {
                        let t = self.ty(
                            e,
                            &format!("{sptr}/additionalProperties"),
                            &format!("{camel}Value"),
                            camel,
                        );
                        if t.nullable {
                            Value::String("any".into())
                        } else {
                            t.as_of()
                        }
                    } else {
                        Value::String("any".into())
                    };
                    let mut f = Obj::new()
                        .with("name", "additionalProperties")
                        .with("in", "body")
                        .with("type", "map");
                    f.set("of", of);
                    f.set("flatten", true);
                    params.push(f.into_value());
                }
                None if !has_fields => {
                    let f = Obj::new()
                        .with("name", "additionalProperties")
                        .with("in", "body")
                        .with("type", "map")
                        .with("of", "any")
                        .with("flatten", true);
                    params.push(f.into_value());
                }
                _ => {}
            }
        } else if form
            && !multipart
            && s.str_at("type") == Some("string")
            && !matches!(s.str_at("format"), Some("binary" | "byte"))
            && s.get("enum").is_none()
        {
            // A form body that is a string (Spoonacular's, LibreTranslate's):
            // the form's text as it is sent, a `text` body of the form's
            // media type.
            let t = self.ty(&s, &sptr, &format!("{camel}Body"), camel);
            let mut f = field("body", Some("body"), t, required);
            f.set("content_type", media);
            params.push(f.into_value());
            return Some("text");
        } else if form {
            let t = self.ty(&s, &sptr, &format!("{camel}Body"), camel);
            self.note(
                &format!("{media_ptr}/schema"),
                format!(
                    "a form body that is not an object of fields (here `{}`) has no spec form",
                    t.keys.str("type").unwrap_or("any")
                ),
                "the body left out",
            );
        } else {
            // A JSON array or scalar, or an object whose members clash
            // with other params: one param, the whole body.
            let mut t = if clash || counted {
                self.ty(
                    schema,
                    &format!("{media_ptr}/schema"),
                    &format!("{camel}Body"),
                    camel,
                )
            } else {
                self.ty(&s, &sptr, &format!("{camel}Body"), camel)
            };
            // An optional body that may be `null` is one that may be left
            // out (a server's side reads an optional body sent as `null`
            // as none); a required one sends `null` as itself.
            if !required {
                t.nullable = false;
            }
            // Named as the export names it, else `body`.
            let named = s.str_at("x-endpoints-param").unwrap_or("body");
            let taken = params.iter().any(|p| get_str(p, "name") == Some(named));
            let name = if taken { "requestBody" } else { named };
            let mut f = field(name, Some("body"), t, required);
            f.set("whole_body", true);
            if media != "application/json" && ContentKind::of(media) == ContentKind::Json {
                f.set("content_type", media);
            }
            params.push(f.into_value());
        }
        encoding
    }

    fn responses(&mut self, op: &Node, ptr: &str, camel: &str) -> Vec<Value> {
        let list: Vec<(Key, Node)> = op
            .get("responses")
            .map(|r| r.members().to_vec())
            .unwrap_or_default();
        let mut out = Vec::new();
        let mut names = BTreeSet::new();
        let mut ranges = Vec::new();
        for (code, r) in &list {
            let at = format!("{ptr}/responses/{}", read::escape(&code.name));
            match code.name.parse::<u16>() {
                Ok(c) if (100..=599).contains(&c) => {
                    if let Some(resp) = self.response(Code::Exact(c), r, &at, camel, &mut names) {
                        out.push(resp);
                    }
                }
                _ => ranges.push((code.name.clone(), r.clone(), at)),
            }
        }
        // Catch-alls: a class (`4XX`) or `default`, each the statuses no
        // response has exactly. A `default` that is the only response is
        // the operation's answer, so a success.
        let only = out.is_empty() && ranges.len() == 1;
        for (code, r, at) in ranges {
            match Fallback::from_name(&code.to_ascii_uppercase().replace("DEFAULT", "default")) {
                Some(fallback) => {
                    let code = Code::Catch(fallback, only);
                    if let Some(resp) = self.response(code, &r, &at, camel, &mut names) {
                        out.push(resp);
                    }
                }
                None => self.note(
                    &at,
                    format!("`{code}` is not a status code, a class or `default`"),
                    "left out: such answers are `Unknown`, kept whole",
                ),
            }
        }
        if out.is_empty() {
            self.note(
                &format!("{ptr}/responses"),
                "the operation documents no response",
                "a `200` response without a body type",
            );
            out.push(
                Obj::new()
                    .with("name", "ok")
                    .with("code", 200u64)
                    .into_value(),
            );
        }
        out
    }

    /// A streamed response: its kind, its media type where it is not the
    /// kind's own, and its item type from the media type's `itemSchema`
    /// (OpenAPI 3.2), `x-endpoints-item` (the export's), or for JSON
    /// lines a `schema` that is not the whole body's string.
    #[allow(clippy::too_many_arguments)]
    fn stream_response(
        &mut self,
        o: &mut Obj,
        media: &str,
        m: &Node,
        kind: StreamKind,
        ptr: &str,
        hint: &str,
        camel: &str,
    ) {
        o.set("stream", kind.name());
        if media != kind.default_media_type() {
            o.set("content_type", media);
        }
        let whole_text = |s: &Node| s.str_at("type") == Some("string");
        let item = ["itemSchema", "x-endpoints-item"]
            .into_iter()
            .find_map(|key| m.get(key).map(|s| (key, s)))
            .or_else(|| {
                m.get("schema")
                    .filter(|s| kind == StreamKind::JsonLines && !whole_text(s))
                    .map(|s| ("schema", s))
            });
        if let Some((key, schema)) = item.filter(|_| kind != StreamKind::Bytes) {
            let at = format!("{ptr}/content/{}/{key}", read::escape(media));
            let t = self.ty(schema, &at, hint, camel);
            o.set("body", t.as_of());
        }
    }

    fn response(
        &mut self,
        code: Code,
        r: &Node,
        ptr: &str,
        camel: &str,
        names: &mut BTreeSet<String>,
    ) -> Option<Value> {
        let (r, ptr) = self.deref(r, ptr)?;
        let base = match code {
            Code::Exact(c) => reason(c),
            Code::Catch(Fallback::Class(2), _) => "success".into(),
            Code::Catch(Fallback::Class(3), _) => "redirection".into(),
            Code::Catch(Fallback::Class(4), _) => "client-error".into(),
            Code::Catch(Fallback::Class(_), _) => "server-error".into(),
            Code::Catch(_, _) => "other".into(),
        };
        let name = std::iter::once(base.clone())
            .chain((2..).map(|i| format!("{base}-{i}")))
            .find(|n| !names.contains(n))
            .unwrap_or_default();
        names.insert(name.clone());
        let variant = crate::case::upper_camel(&name)
            .map(|n| crate::case::unraw(&n).to_string())
            .unwrap_or_default();
        let mut o = Obj::new().with("name", &name);
        match code {
            Code::Exact(c) => o.set("code", u64::from(c)),
            Code::Catch(fallback, only) => {
                o.set("code", fallback.name());
                if only && fallback == Fallback::Default {
                    o.set("success", true);
                }
                &mut o
            }
        };
        if let Some(d) = r.str_at("description").filter(|d| !d.trim().is_empty()) {
            o.set("description", d);
        }
        if let Some((media, m, kind)) = r.get("content").and_then(stream_media) {
            self.stream_response(
                &mut o,
                media,
                m,
                kind,
                &ptr,
                &format!("{camel}{variant}"),
                camel,
            );
        } else if let Some(content) = r.get("content") {
            match pick_media(content) {
                Some((media, m)) if !media.starts_with("application/x-www-form-urlencoded") => {
                    if let Some(schema) = m.get("schema") {
                        let at = format!("{ptr}/content/{}/schema", read::escape(media));
                        let t = self.ty(schema, &at, &format!("{camel}{variant}"), camel);
                        o.set("body", t.as_of());
                    }
                }
                _ => {
                    // Not JSON: kept whole, as text or bytes by its media type.
                    if let Some((k, _)) = content.members().first().filter(|(k, _)| {
                        k.name
                            .split_once('/')
                            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
                    }) {
                        o.set("content_type", k.name.as_str());
                    } else if let Some((k, m)) = content.members().first() {
                        let at = format!("{ptr}/content/{}", read::escape(&k.name));
                        let message = format!("`{}` is not a media type", k.name);
                        let schema = m.get("schema").map(|s| self.follow(s));
                        match media_named(&k.name, m, schema.as_ref()) {
                            Some(media) => {
                                o.set("content_type", media);
                                self.mended(
                                    &at,
                                    message,
                                    format!("written as `{media}`: the body is kept as sent"),
                                );
                            }
                            None => self.note(&at, message, "no body type: the body is kept raw"),
                        }
                    }
                }
            }
        }
        let mut headers = Vec::new();
        if let Some(hs) = r.get("headers") {
            for (hname, h) in hs.members() {
                let at = format!("{ptr}/headers/{}", read::escape(&hname.name));
                if hname.name.eq_ignore_ascii_case("content-type") {
                    continue;
                }
                if !is_token(&hname.name) {
                    self.note(
                        &at,
                        format!("`{}` is not an HTTP header name", hname.name),
                        "left out",
                    );
                    continue;
                }
                let Some((h, at)) = self.deref(h, &at) else {
                    continue;
                };
                let mut t = match h.get("schema") {
                    Some(s) => self.ty(s, &format!("{at}/schema"), &hname.name, camel),
                    None => ty_string(),
                };
                // A list in the `simple` style (Gitea's `invalidTopics`):
                // its items joined by commas.
                let simple = matches!(h.str_at("style"), None | Some("simple"));
                let list = t.shape == Shape::ScalarArray && simple;
                if t.shape != Shape::Scalar && !list {
                    self.note(
                        &at,
                        "a response header that is not a scalar or a list of scalars has no spec form",
                        "left out",
                    );
                    continue;
                }
                t.nullable = false;
                t.default = None;
                if let Some(d) = h.str_at("description") {
                    t.description = Some(d.to_string());
                }
                headers.push(field(&hname.name, None, t, h.bool_at("required")).into_value());
            }
        }
        if !headers.is_empty() {
            settle_rust_names(&mut headers, &["status", "body"]);
            o.set("headers", headers);
        }
        Some(o.into_value())
    }
}

/// A response's status in the document: a code, or a catch-all (and
/// whether it is the operation's only response).
#[derive(Clone, Copy)]
enum Code {
    Exact(u16),
    Catch(Fallback, bool),
}

fn ty_string() -> Ty {
    let mut t = Ty::any();
    t.keys = Obj::new().with("type", "string");
    t.shape = Shape::Scalar;
    t
}

/// Params of one name in different places (a path's `path` and a query's):
/// each after the first that name gets a Rust name after its place
/// (`query_path`), which [`settle_rust_names`] keeps.
fn name_apart(params: &mut [Value]) {
    let mut seen: Vec<String> = Vec::new();
    for f in params.iter_mut() {
        let name = get_str(f, "name").unwrap_or_default().to_string();
        let place = get_str(f, "in").unwrap_or_default().to_string();
        if !seen.contains(&name) {
            seen.push(name);
            continue;
        }
        let Value::Object(members) = f else { continue };
        let rust = crate::case::snake(&format!("{place} {name}"))
            .unwrap_or_else(|| format!("{place}_param"));
        super::schema::after_name(members, "rust_name", Value::String(rust));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_names_are_snake_case_identifiers() {
        assert_eq!(spec_name("getPetById"), "get_pet_by_id");
        assert_eq!(spec_name("repos/get-content"), "repos_get_content");
        assert_eq!(spec_name("123go"), "op_123go");
        assert_eq!(spec_name("type"), "type_");
        assert_eq!(spec_name("--"), "operation");
        assert_eq!(spec_name("get /pets/{id}"), "get_pets_id");
        assert!(spec_name(&"accessPackageResource".repeat(20)).len() <= crate::case::MAX_STEM);
    }

    #[test]
    fn placeholders_and_reasons() {
        assert_eq!(placeholders("/a/{x}/b/{y}.json"), ["x", "y"]);
        assert_eq!(placeholders("/a/{open"), Vec::<String>::new());
        assert_eq!(template_problem("/a/{x}.{y}/b-{z}:run"), None);
        for (path, why) in [
            ("a/{x}", "not a path template"),
            ("/a?b=1", "not a path template"),
            ("/a b/{x}", "percent-encoded"),
            ("/a/{x}{y}.zip", "side by side"),
            ("/a/{x{y}", "malformed"),
            ("/a/{x}}", "malformed"),
            ("/a/{}", "malformed"),
            ("/a/{open", "malformed"),
            ("/a/{x}/b/{x}", "named twice"),
        ] {
            assert!(
                template_problem(path).is_some_and(|w| w.contains(why)),
                "{path}: {:?}",
                template_problem(path)
            );
        }
        assert_eq!(reason(404), "not-found");
        assert_eq!(reason(299), "status-299");
    }
}
