//! Stage one: spec text → model. Reads a spec and the fragments it includes,
//! checks each key's spelling and JSON kind, and records where everything
//! came from. Rules that need the whole merged spec live in `check`.
//!
//! Loading never stops at the first mistake: a bad value is reported and
//! replaced by a harmless stand-in, so one build shows every error.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use crate::ctxt::{did_you_mean, Ctxt, Loc, SourceFile};
use crate::json::{self, Node, Value};
use crate::model::{
    BodyEncoding, Example, Fallback, Field, Format, In, Kind, Member, Method, PageStyle, Pages,
    Param, QueryStyle, Refusal, Response, Route, Spec, StreamKind, Type, Union, CONSTRAINTS,
    REFUSAL_KINDS, TYPE_WORDS,
};

const IGNORED_KEYS: [&str; 2] = ["$schema", "$comment"];
const PART_KEYS: [&str; 8] = [
    "include",
    "params",
    "responses",
    "types",
    "status_field",
    "refusals",
    "base_url",
    "body",
];
const SPEC_ONLY_KEYS: [&str; 8] = [
    "name",
    "summary",
    "description",
    "method",
    "path",
    "idempotent",
    "pages",
    "examples",
];
const PAGES_KEYS: [&str; 4] = ["style", "param", "items", "next"];
const FIELD_ONLY_KEYS: [&str; 11] = [
    "name",
    "rust_name",
    "required",
    "nullable",
    "default",
    "sensitive",
    "description",
    "flatten",
    "examples",
    "read_only",
    "write_only",
];
const PARAM_ONLY_KEYS: [&str; 8] = [
    "in",
    "credential",
    "shared",
    "whole_body",
    "content_type",
    "const",
    "stream",
    "style",
];
/// The keys a `const` param cannot carry: each says something of a value
/// the request chooses, and a const param's value is the spec's.
const NOT_WITH_CONST: [(&str, &str); 11] = [
    ("values", "a const param has one value already"),
    ("default", "a const param is always sent"),
    ("nullable", "a const param is never null"),
    ("examples", "its one value is the example"),
    ("rust_name", "a const param is no field of the request"),
    ("sensitive", "the value is written in the spec, no secret"),
    ("flatten", "a const param is a scalar"),
    (
        "credential",
        "a client fills the credential in, and a const param is the spec's",
    ),
    (
        "shared",
        "a client gives a shared param its value, and a const param has the spec's",
    ),
    (
        "whole_body",
        "a const param travels in the query, a header or a cookie",
    ),
    ("style", "a const param is one value, not an array"),
];
const TYPE_KEYS: [&str; 20] = [
    "type",
    "values",
    "min_length",
    "max_length",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
    "min_items",
    "max_items",
    "multiple_of",
    "unique_items",
    "requires_any",
    "requires_one",
    "of",
    "fields",
    "tag",
    "type_name",
];
const RESPONSE_KEYS: [&str; 10] = [
    "name",
    "code",
    "content_type",
    "stream",
    "success",
    "uncommon",
    "description",
    "body",
    "headers",
    "examples",
];

/// The keys of one spec file or fragment that `include` merges.
#[derive(Default)]
struct Parts {
    /// How many responses were written, readable or not: a spec whose only
    /// response has a mistake is not also a spec without responses.
    responses_written: usize,
    params: Vec<Param>,
    responses: Vec<Response>,
    types: Vec<(String, Type)>,
    status_field: Option<String>,
    refusals: Vec<Refusal>,
    base_url: Option<String>,
    body: Option<BodyEncoding>,
}

/// Reads the spec at `path`, shown in errors as `display`. Returns the
/// model, complete when `cx` holds no errors and a best-effort stand-in
/// otherwise (`None` when not even the top level could be read).
pub fn load(cx: &mut Ctxt, path: &Path, display: &str) -> Option<Spec> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            cx.file_error(
                display,
                format!("cannot read the spec file: {e}{}", sibling_hint(path)),
            );
            return None;
        }
    };
    load_text(cx, path, display, text)
}

/// Like [`load`], with the spec's text given (`path` still places the
/// files it includes).
pub fn load_text(cx: &mut Ctxt, path: &Path, display: &str, text: String) -> Option<Spec> {
    let root = read_source(cx, path.to_path_buf(), display.to_string(), text)?;
    let file = cx.files.len() - 1;
    let loc = Loc {
        file,
        path: String::new(),
        at: root.at,
    };
    let obj = Obj::new(cx, &root, &loc, "the spec")?;
    obj.check_keys(
        cx,
        &[&SPEC_ONLY_KEYS[..], &PART_KEYS[..]].concat(),
        "the spec",
    );

    let (name, name_loc) = match obj.required(cx, "name") {
        Some((n, l)) => (string(cx, n, &l), l),
        None => (None, loc.clone()),
    };
    let summary = obj.get("summary").and_then(|(n, l)| string(cx, n, &l));
    let idempotent = obj
        .get("idempotent")
        .and_then(|(n, l)| boolean(cx, n, &l))
        .unwrap_or(false);
    let description = obj.get("description").and_then(|(n, l)| string(cx, n, &l));
    let method = obj
        .required(cx, "method")
        .and_then(|(n, l)| word(cx, n, &l, &Method::ALL, "method"));
    let (route, path_loc) = match obj.required(cx, "path") {
        Some((n, l)) => (string(cx, n, &l), l),
        None => (None, loc.clone()),
    };
    if let Some(p) = &route {
        if !p.starts_with('/') {
            cx.error(&path_loc, format!("the path `{p}` must start with `/`"));
        }
    }

    let pages = obj.get("pages").and_then(|(n, l)| pages(cx, n, &l));
    let examples = examples(cx, &obj);

    let mut parts = Parts::default();
    let mut stack = vec![canonical(path)];
    let mut seen: HashSet<PathBuf> = stack.iter().cloned().collect();
    read_parts(cx, &obj, &loc, &mut parts, &mut stack, &mut seen);

    Some(Spec {
        name: name.unwrap_or_else(|| "spec".to_string()),
        name_loc,
        root: loc.clone(),
        summary,
        description,
        route: Route {
            method: method.unwrap_or(Method::Get),
            idempotent,
            path: route.unwrap_or_else(|| "/".to_string()),
            path_loc,
            base_url: parts.base_url,
            body: parts.body.unwrap_or(BodyEncoding::Json),
        },
        params: parts.params,
        status_field: parts.status_field,
        refusals: parts.refusals,
        responses: parts.responses,
        responses_written: parts.responses_written,
        types: parts.types.into_iter().collect::<BTreeMap<_, _>>(),
        pages,
        examples,
    })
}

/// `"pages": { "style": …, "param": …, "items": …, "next": … }`.
fn pages(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<Pages> {
    let obj = Obj::new(cx, node, loc, "`pages`")?;
    obj.check_keys(cx, &PAGES_KEYS, "`pages`");
    let style = obj
        .required(cx, "style")
        .and_then(|(n, l)| word(cx, n, &l, &PageStyle::ALL, "page style"));
    let text = |cx: &mut Ctxt, key: &str| {
        obj.get(key)
            .and_then(|(n, l)| string(cx, n, &l).map(|s| (s, l)))
    };
    let param = text(cx, "param");
    let next = text(cx, "next");
    let items = match obj.required(cx, "items") {
        Some((n, l)) => string(cx, n, &l).map(|s| (s, l)),
        None => None,
    };
    Some(Pages {
        style: style?,
        loc: loc.clone(),
        param,
        items: items?,
        next,
    })
}

/// `"examples": [ … ]`: each example as written, checked against its type
/// by `check`.
fn examples(cx: &mut Ctxt, obj: &Obj<'_>) -> Vec<Example> {
    let Some((n, l)) = obj.get("examples") else {
        return Vec::new();
    };
    let list: Vec<Example> = array(cx, n, &l)
        .into_iter()
        .map(|(item, at)| (item.clone(), at))
        .collect();
    if list.is_empty() && matches!(n.value, Value::Array(_)) {
        cx.error(
            &l,
            "`examples` lists no example; add one or leave the key out",
        );
    }
    list
}

/// `; did you mean `create_person.json`?` for a misspelt file name.
fn sibling_hint(path: &Path) -> String {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return String::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return String::new();
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    did_you_mean(&name.to_string_lossy(), names.iter().map(String::as_str))
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The fragments read for the specs of one directory, each read and parsed
/// once however many specs include it: an imported API's specs include
/// hundreds of type fragments each, most of them the same ones.
///
/// A cache lives as long as one door's run over a directory (one macro
/// call, one `endpoints check`), so a file edited between runs is read
/// afresh.
#[derive(Default)]
pub struct Cache {
    files: RefCell<HashMap<PathBuf, Rc<Read>>>,
}

/// A file as read: its text, and its tree or why it is not JSON.
struct Read {
    text: Arc<str>,
    parsed: Result<Rc<Node>, json::SyntaxError>,
}

impl Read {
    fn new(text: Arc<str>) -> Read {
        let parsed = json::parse(&text).map(Rc::new);
        Read { text, parsed }
    }
}

/// Registers a file with the context and parses it; a syntax error is
/// reported at its position and ends the reading of that file.
fn read_source(cx: &mut Ctxt, path: PathBuf, display: String, text: String) -> Option<Rc<Node>> {
    register(cx, path, display, &Read::new(text.into()))
}

fn register(cx: &mut Ctxt, path: PathBuf, display: String, read: &Read) -> Option<Rc<Node>> {
    cx.files.push(SourceFile {
        path,
        display,
        text: read.text.clone(),
    });
    match &read.parsed {
        Ok(root) => Some(root.clone()),
        Err(e) => {
            let file = cx.files.len() - 1;
            cx.syntax_error(
                file,
                e.line,
                e.column,
                format!("malformed JSON: {}", e.message),
            );
            None
        }
    }
}

/// Reads the mergeable keys of `obj` into `parts`, then the fragments it
/// includes, depth first. A name defined twice is reported here, naming both
/// places; a scalar set twice keeps the first value read, which is the
/// endpoint's own when the endpoint sets it.
fn read_parts(
    cx: &mut Ctxt,
    obj: &Obj<'_>,
    loc: &Loc,
    parts: &mut Parts,
    stack: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) {
    if let Some((n, l)) = obj.get("params") {
        for (item, item_loc) in array(cx, n, &l) {
            if let Some(param) = param(cx, item, &item_loc) {
                // Two params may share a name in different places, each
                // saying where (Kubernetes' `path` in the path and the query).
                let apart = |p: &Param| match (&p.location, &param.location) {
                    (Some((a, _)), Some((b, _))) => a != b,
                    _ => false,
                };
                if let Some(first) = parts
                    .params
                    .iter()
                    .find(|p| p.field.name == param.field.name && !apart(p))
                {
                    let hint = match (&first.location, &param.location) {
                        (Some((a, _)), Some((b, _))) if a == b => String::new(),
                        _ => "; two params may share a name only in different places, each saying where (`in`)".into(),
                    };
                    let first = describe(cx, &first.field.loc);
                    cx.error(
                        &param.field.loc,
                        format!(
                            "the param `{}` is defined twice (first {first}){hint}",
                            param.field.name
                        ),
                    );
                    continue;
                }
                parts.params.push(param);
            }
        }
    }
    if let Some((n, l)) = obj.get("responses") {
        for (item, item_loc) in array(cx, n, &l) {
            parts.responses_written += 1;
            if let Some(response) = response(cx, item, &item_loc) {
                if let Some(first) = parts.responses.iter().find(|r| r.name == response.name) {
                    let first = describe(cx, &first.loc);
                    cx.error(
                        &response.loc,
                        format!(
                            "the response `{}` is defined twice (first {first})",
                            response.name
                        ),
                    );
                    continue;
                }
                parts.responses.push(response);
            }
        }
    }
    if let Some((n, l)) = obj.get("types") {
        if let Some(members) = object_members(cx, n, &l) {
            for (key, value) in members {
                let type_loc = l.key(&key.name, value.at);
                let Some(ty) = type_node(cx, value, &type_loc, true) else {
                    continue;
                };
                if let Some((_, first)) = parts.types.iter().find(|(name, _)| *name == key.name) {
                    let first = describe(cx, &first.loc);
                    cx.error(
                        &l.key(&key.name, key.at),
                        format!("the type `{}` is defined twice (first {first})", key.name),
                    );
                    continue;
                }
                parts.types.push((key.name.clone(), ty));
            }
        }
    }
    if let Some((n, l)) = obj.get("status_field") {
        let value = string(cx, n, &l);
        parts.status_field = parts.status_field.take().or(value);
    }
    if let Some((n, l)) = obj.get("refusals") {
        if let Some(members) = object_members(cx, n, &l) {
            let refusals = Obj {
                members,
                loc: l.clone(),
            };
            refusals.check_keys(cx, &REFUSAL_KINDS, "`refusals`");
            for kind in REFUSAL_KINDS {
                if let Some((value, at)) = refusals.get(kind) {
                    let Some(response) = string(cx, value, &at) else {
                        continue;
                    };
                    // The endpoint's own (read first) wins over a fragment's.
                    if !parts.refusals.iter().any(|r| r.kind == kind) {
                        parts.refusals.push(Refusal {
                            kind,
                            response,
                            loc: at,
                        });
                    }
                }
            }
        }
    }
    if let Some((n, l)) = obj.get("base_url") {
        let value = string(cx, n, &l);
        parts.base_url = parts.base_url.take().or(value);
    }
    if let Some((n, l)) = obj.get("body") {
        let value = word(cx, n, &l, &BodyEncoding::ALL, "body encoding");
        parts.body = parts.body.take().or(value);
    }
    if let Some((n, l)) = obj.get("include") {
        for (item, item_loc) in array(cx, n, &l) {
            if let Some(rel) = string(cx, item, &item_loc) {
                include(cx, &rel, &item_loc, loc.file, parts, stack, seen);
            }
        }
    }
}

fn include(
    cx: &mut Ctxt,
    rel: &str,
    at: &Loc,
    from: usize,
    parts: &mut Parts,
    stack: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) {
    let from_file = &cx.files[from];
    let path = from_file.path.parent().unwrap_or(Path::new("")).join(rel);
    let display = join_display(&from_file.display, rel);
    let key = canonical(&path);
    if let Some(i) = stack.iter().position(|p| *p == key) {
        if i + 1 == stack.len() {
            cx.error(at, format!("`{rel}` includes itself"));
        } else {
            cx.error(
                at,
                format!("including `{rel}` makes a cycle: it already includes this file"),
            );
        }
        return;
    }
    if seen.contains(&key) {
        // Included twice along different routes: its definitions are in already.
        return;
    }
    let cached = cx
        .cache
        .as_ref()
        .and_then(|c| c.files.borrow().get(&key).cloned());
    let read = match cached {
        Some(read) => read,
        None => match std::fs::read_to_string(&path) {
            Ok(text) => {
                let read = Rc::new(Read::new(text.into()));
                if let Some(cache) = &cx.cache {
                    cache.files.borrow_mut().insert(key.clone(), read.clone());
                }
                read
            }
            Err(e) => {
                cx.error(
                    at,
                    format!("cannot read the included file `{display}`: {e}"),
                );
                return;
            }
        },
    };
    seen.insert(key.clone());
    let Some(root) = register(cx, path, display, &read) else {
        return;
    };
    let loc = Loc {
        file: cx.files.len() - 1,
        path: String::new(),
        at: root.at,
    };
    let Some(obj) = Obj::new(cx, &root, &loc, "a fragment") else {
        return;
    };
    for (key, _) in obj.members {
        if SPEC_ONLY_KEYS.contains(&key.name.as_str()) {
            cx.error(
                &loc.key(&key.name, key.at),
                format!(
                    "a fragment cannot set `{}`: it only holds what `include` merges ({})",
                    key.name,
                    quote_list(&PART_KEYS)
                ),
            );
        }
    }
    let allowed: Vec<&str> = PART_KEYS.iter().chain(&SPEC_ONLY_KEYS).copied().collect();
    obj.check_keys(cx, &allowed, "a fragment");
    stack.push(key);
    read_parts(cx, &obj, &loc, parts, stack, seen);
    stack.pop();
}

/// `specs/planocore/x.json` + `_shared.json` → `specs/planocore/_shared.json`.
fn join_display(from: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for piece in rel.split(['/', '\\']) {
        match piece {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(piece),
        }
    }
    parts.join("/")
}

/// `in specs/x.json at params[2] (line 4, column 5)`.
fn describe(cx: &Ctxt, loc: &Loc) -> String {
    let (file, line, column) = cx.locate(loc);
    format!(
        "in {file} at {} (line {line}, column {column})",
        loc.path_str()
    )
}

fn param(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<Param> {
    let obj = Obj::new(cx, node, loc, "a param")?;
    let allowed: Vec<&str> = FIELD_ONLY_KEYS
        .iter()
        .chain(&TYPE_KEYS)
        .chain(&PARAM_ONLY_KEYS)
        .copied()
        .collect();
    obj.check_keys(cx, &allowed, "a param");
    let location = obj
        .get("in")
        .and_then(|(n, l)| word(cx, n, &l, &In::ALL, "param location").map(|i| (i, l)));
    let marked = |cx: &mut Ctxt, key: &str| {
        obj.get(key)
            .and_then(|(n, l)| boolean(cx, n, &l).filter(|set| *set).map(|_| l))
    };
    let credential = marked(cx, "credential");
    let shared = marked(cx, "shared");
    let whole_body = marked(cx, "whole_body");
    let stream = obj.get("stream").and_then(|(n, l)| match &n.value {
        // A response's kinds, written on a param: say where they belong.
        Value::String(kind) => {
            cx.error(
                &l,
                format!(
                    "a param's `stream` is `true` or `false` (its body may come from a file or a stream); `\"{kind}\"` names how a response streams"
                ),
            );
            None
        }
        _ => boolean(cx, n, &l).filter(|set| *set).map(|_| l),
    });
    let content_type = obj
        .get("content_type")
        .and_then(|(n, l)| string(cx, n, &l).map(|t| (t, l)));
    let style = obj
        .get("style")
        .and_then(|(n, l)| word(cx, n, &l, &QueryStyle::ALL, "query style").map(|s| (s, l)));
    let constant = obj.get("const").and_then(|(n, l)| constant(cx, &obj, n, l));
    // A const param's type may be left to its value (a `string` stands in
    // for one whose `const` is in error).
    let implied = obj
        .get("const")
        .map(|_| match constant.as_ref().map(|(v, _)| v) {
            Some(serde_json::Value::Bool(_)) => Kind::Boolean,
            Some(serde_json::Value::Number(n)) if n.is_i64() || n.is_u64() => Kind::Integer,
            Some(serde_json::Value::Number(_)) => Kind::Number,
            _ => Kind::String,
        });
    let mut field = field_of(cx, &obj, loc, implied)?;
    let (mut credential, mut shared, mut whole_body) = (credential, shared, whole_body);
    if constant.is_some() {
        // What does not go with `const` is reported above; dropped here,
        // so no later rule reports it again.
        field.required = true;
        field.default = None;
        field.nullable = false;
        field.flatten = false;
        field.sensitive = false;
        field.rust_name = None;
        field.examples.clear();
        field.ty.values = None;
        (credential, shared, whole_body) = (None, None, None);
    }
    let style = if constant.is_some() { None } else { style };
    Some(Param {
        field,
        location,
        in_: In::Body,
        credential,
        shared,
        whole_body,
        content_type,
        constant,
        stream,
        style,
    })
}

/// A param's `const`: a string, number or boolean, on a param that
/// carries none of the keys that choose a value (`values`, `default`, …)
/// and is not `"required": false`.
fn constant(
    cx: &mut Ctxt,
    obj: &Obj<'_>,
    node: &Node,
    loc: Loc,
) -> Option<(serde_json::Value, Loc)> {
    let value = node.value.to_serde();
    if !(value.is_string() || value.is_number() || value.is_boolean()) {
        cx.error(
            &loc,
            "`const` is the param's one value on the wire: a string, number or boolean",
        );
        return None;
    }
    for (key, why) in NOT_WITH_CONST {
        if let Some((_, at)) = obj.get(key) {
            cx.error(&at, format!("`{key}` does not go with `const`: {why}"));
        }
    }
    if let Some((n, at)) = obj.get("required") {
        if matches!(n.value, crate::json::Value::Bool(false)) {
            cx.error(
                &at,
                "a const param is always sent: drop `\"required\": false`",
            );
        }
    }
    Some((value, loc))
}

fn field(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<Field> {
    let obj = Obj::new(cx, node, loc, "a field")?;
    let allowed: Vec<&str> = FIELD_ONLY_KEYS.iter().chain(&TYPE_KEYS).copied().collect();
    obj.check_keys(cx, &allowed, "a field");
    field_of(cx, &obj, loc, None)
}

/// A field from its object; `implied` is the type when `type` is left out
/// (a const param's, from its value), else `type` is required.
fn field_of(cx: &mut Ctxt, obj: &Obj<'_>, loc: &Loc, implied: Option<Kind>) -> Option<Field> {
    let name = obj
        .required(cx, "name")
        .and_then(|(n, l)| string(cx, n, &l));
    let ty = match (obj.get("type"), implied) {
        (Some(_), _) => type_of(cx, obj, loc),
        (None, Some(kind)) => {
            let mut ty = type_of(cx, obj, loc);
            ty.kind = kind;
            ty
        }
        (None, None) => {
            obj.required(cx, "type");
            Type::broken(loc.clone())
        }
    };
    let flag = |cx: &mut Ctxt, key: &str| {
        obj.get(key)
            .and_then(|(n, l)| boolean(cx, n, &l))
            .unwrap_or(false)
    };
    let required = flag(cx, "required");
    let nullable = flag(cx, "nullable");
    let sensitive = flag(cx, "sensitive");
    let flatten = flag(cx, "flatten");
    let marked = |cx: &mut Ctxt, key: &str| {
        let (n, l) = obj.get(key)?;
        boolean(cx, n, &l)?.then_some(l)
    };
    let read_only = marked(cx, "read_only");
    let write_only = marked(cx, "write_only");
    let examples = examples(cx, obj);
    Some(Field {
        name: name?,
        loc: loc.clone(),
        rust_name: obj
            .get("rust_name")
            .and_then(|(n, l)| string(cx, n, &l).map(|s| (s, l))),
        required,
        nullable,
        default: obj.get("default").map(|(n, l)| (n.value.to_serde(), l)),
        sensitive,
        description: obj.get("description").and_then(|(n, l)| string(cx, n, &l)),
        flatten,
        read_only,
        write_only,
        ty,
        examples,
        ident: String::new(),
    })
}

fn response(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<Response> {
    let obj = Obj::new(cx, node, loc, "a response")?;
    obj.check_keys(cx, &RESPONSE_KEYS, "a response");
    let name = obj
        .required(cx, "name")
        .and_then(|(n, l)| string(cx, n, &l));
    let (mut code, mut fallback) = (None, None);
    if let Some((n, l)) = obj.get("code") {
        match &n.value {
            Value::String(word) => match Fallback::from_name(word) {
                Some(f) => fallback = Some((f, l)),
                None if word.parse::<u16>().is_ok() => cx.error(
                    &l,
                    format!("`\"{word}\"` is a string; write the status as a number: `{word}`"),
                ),
                None => cx.error(
                    &l,
                    format!("`\"{word}\"` is not a status; use a code from 100 to 599, a class (`\"4XX\"`) or `\"default\"`"),
                ),
            },
            _ => {
                if let Some(c) = unsigned(cx, n, &l) {
                    if (100..=599).contains(&c) {
                        code = Some((c as u16, l));
                    } else {
                        cx.error(
                            &l,
                            format!("`{c}` is not an HTTP status; use a code from 100 to 599, a class (`\"4XX\"`) or `\"default\"`"),
                        );
                    }
                }
            }
        }
    }
    let mut headers = Vec::new();
    if let Some((n, l)) = obj.get("headers") {
        for (item, item_loc) in array(cx, n, &l) {
            headers.extend(field(cx, item, &item_loc));
        }
    }
    Some(Response {
        name: name?,
        loc: loc.clone(),
        code,
        fallback,
        code_written: obj.get("code").is_some(),
        success: obj.get("success").and_then(|(n, l)| boolean(cx, n, &l)),
        uncommon: obj
            .get("uncommon")
            .and_then(|(n, l)| boolean(cx, n, &l))
            .unwrap_or(false),
        description: obj.get("description").and_then(|(n, l)| string(cx, n, &l)),
        content_type: obj
            .get("content_type")
            .and_then(|(n, l)| string(cx, n, &l).map(|s| (s, l))),
        stream: obj
            .get("stream")
            .and_then(|(n, l)| word(cx, n, &l, &StreamKind::ALL, "stream kind").map(|k| (k, l))),
        body: obj
            .get("body")
            .and_then(|(n, l)| type_node(cx, n, &l, false)),
        headers,
        examples: examples(cx, &obj),
        variant: String::new(),
    })
}

/// A type written on its own: a type word or name, or an object of type keys
/// (under `types` also `description`).
fn type_node(cx: &mut Ctxt, node: &Node, loc: &Loc, named: bool) -> Option<Type> {
    if let Value::String(word) = &node.value {
        let mut ty = Type::new(kind_of_word(word), loc.clone());
        if let Kind::Array(_) | Kind::Map(_) = ty.kind {
            ty.kind = collection(&ty.kind, Type::new(Kind::Any, loc.clone()));
        }
        if let Kind::Union(_) = ty.kind {
            cx.error(loc, UNION_NEEDS_OF);
        }
        return Some(ty);
    }
    let what = if named { "a named type" } else { "a type" };
    let obj = Obj::new(cx, node, loc, what)?;
    let mut allowed = TYPE_KEYS.to_vec();
    if named {
        allowed.push("description");
    }
    obj.check_keys(cx, &allowed, what);
    if obj.get("type").is_none() {
        obj.required(cx, "type");
        return Some(Type::broken(loc.clone()));
    }
    let mut ty = type_of(cx, &obj, loc);
    if named {
        ty.description = obj.get("description").and_then(|(n, l)| string(cx, n, &l));
    }
    Some(ty)
}

/// An array's `of` or a map's: a type, which may also say `nullable` (an
/// item or value may be `null`).
fn item_node(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<Type> {
    let Value::Object(members) = &node.value else {
        return type_node(cx, node, loc, false);
    };
    let Some((key, value)) = members.iter().find(|(k, _)| k.name == "nullable") else {
        return type_node(cx, node, loc, false);
    };
    let nullable = boolean(cx, value, &loc.key(&key.name, value.at)).unwrap_or(false);
    let rest = Node {
        value: Value::Object(
            members
                .iter()
                .filter(|(k, _)| k.name != "nullable")
                .cloned()
                .collect(),
        ),
        at: node.at,
    };
    let mut ty = type_node(cx, &rest, loc, false)?;
    ty.nullable = nullable;
    Some(ty)
}

fn kind_of_word(word: &str) -> Kind {
    match word {
        "string" => Kind::String,
        "bytes" => Kind::Bytes,
        "file" => Kind::File,
        "integer" => Kind::Integer,
        "number" => Kind::Number,
        "boolean" => Kind::Boolean,
        "array" => Kind::Array(Box::new(Type::new(Kind::Any, Loc::default_root()))),
        "map" => Kind::Map(Box::new(Type::new(Kind::Any, Loc::default_root()))),
        "object" => Kind::Object(Vec::new()),
        "union" => Kind::Union(Union {
            tag: None,
            members: Vec::new(),
        }),
        "any" => Kind::Any,
        other => Kind::Named(other.to_string()),
    }
}

fn collection(kind: &Kind, of: Type) -> Kind {
    match kind {
        Kind::Map(_) => Kind::Map(Box::new(of)),
        _ => Kind::Array(Box::new(of)),
    }
}

/// The type keys of an object that has a `type` key (a field, or a type
/// written out).
fn type_of(cx: &mut Ctxt, obj: &Obj<'_>, loc: &Loc) -> Type {
    let (kind, kind_loc) = match obj.get("type") {
        Some((n, l)) => (
            string(cx, n, &l)
                .map(|w| kind_of_word(&w))
                .unwrap_or(Kind::Any),
            l,
        ),
        None => (Kind::Any, loc.clone()),
    };
    let mut ty = Type::new(kind, loc.clone());
    ty.kind_loc = kind_loc;
    for (key, _) in CONSTRAINTS {
        if let Some((_, l)) = obj.get(key) {
            ty.keys.push((key, l));
        }
    }
    match &ty.kind {
        Kind::Array(_) | Kind::Map(_) => {
            let of = match obj.get("of") {
                Some((n, l)) => item_node(cx, n, &l),
                None => None,
            };
            let of = of.unwrap_or_else(|| Type::new(Kind::Any, loc.clone()));
            ty.kind = collection(&ty.kind, of);
        }
        Kind::Object(_) => match obj.get("fields") {
            Some((n, l)) => {
                let mut fields = Vec::new();
                for (item, item_loc) in array(cx, n, &l) {
                    if let Some(f) = field(cx, item, &item_loc) {
                        if fields.iter().any(|g: &Field| g.name == f.name) {
                            cx.error(&f.loc, format!("the field `{}` is defined twice", f.name));
                        } else {
                            fields.push(f);
                        }
                    }
                }
                ty.kind = Kind::Object(fields);
            }
            None => cx.error(
                &ty.kind_loc,
                "an object needs `fields`; for a free-form object use `\"type\": \"map\"` or `\"any\"`",
            ),
        },
        Kind::Union(_) => ty.kind = Kind::Union(union(cx, obj, &ty.kind_loc)),
        _ => {}
    }
    if let Some((n, l)) = obj.get("values") {
        let items: Vec<_> = array(cx, n, &l)
            .into_iter()
            .map(|(item, item_loc)| (item.value.to_serde(), item_loc))
            .collect();
        if items.is_empty() {
            cx.error(&l, "`values` must list at least one value");
        }
        if matches!(ty.kind, Kind::Boolean) {
            // A rule, not an enum: `[true, false]` says nothing more than
            // `boolean`, and one value is the only one it may hold.
            let mut listed: Vec<bool> = Vec::new();
            for (value, loc) in &items {
                match value.as_bool() {
                    Some(b) if listed.contains(&b) => {
                        cx.error(loc, format!("the value {value} is listed twice"));
                    }
                    Some(b) => listed.push(b),
                    None => cx.error(loc, format!("the value {value} is not a boolean")),
                }
            }
            if let [only] = listed[..] {
                ty.constraints.boolean_value = Some(only);
            }
        } else if matches!(ty.kind, Kind::Number) {
            // A rule too: the numbers it may hold, `f64` in Rust.
            let mut listed: Vec<serde_json::Number> = Vec::new();
            for (value, loc) in &items {
                match value {
                    serde_json::Value::Number(n)
                        if listed.iter().any(|m| m.as_f64() == n.as_f64()) =>
                    {
                        cx.error(loc, format!("the value {value} is listed twice"));
                    }
                    serde_json::Value::Number(n) => listed.push(n.clone()),
                    _ => cx.error(loc, format!("the value {value} is not a number")),
                }
            }
            if !listed.is_empty() {
                ty.constraints.number_values = Some(listed);
            }
        } else {
            ty.values = Some(items);
        }
    }
    let count = |cx: &mut Ctxt, key: &str| obj.get(key).and_then(|(n, l)| unsigned(cx, n, &l));
    ty.constraints.min_length = count(cx, "min_length");
    ty.constraints.max_length = count(cx, "max_length");
    ty.constraints.min_items = count(cx, "min_items");
    ty.constraints.max_items = count(cx, "max_items");
    let bound = |cx: &mut Ctxt, key: &str| obj.get(key).and_then(|(n, l)| number(cx, n, &l));
    ty.constraints.minimum = bound(cx, "minimum");
    ty.constraints.maximum = bound(cx, "maximum");
    ty.constraints.exclusive_minimum = bound(cx, "exclusive_minimum");
    ty.constraints.exclusive_maximum = bound(cx, "exclusive_maximum");
    ty.constraints.multiple_of = obj
        .get("multiple_of")
        .and_then(|(n, l)| multiple_of(cx, n, &l));
    ty.constraints.unique_items = obj
        .get("unique_items")
        .and_then(|(n, l)| boolean(cx, n, &l));
    let groups = |cx: &mut Ctxt, key: &str| {
        let (n, l) = obj.get(key)?;
        let mut out = Vec::new();
        for (group, group_loc) in array(cx, n, &l) {
            let names: Vec<String> = array(cx, group, &group_loc)
                .into_iter()
                .filter_map(|(name, name_loc)| string(cx, name, &name_loc))
                .collect();
            if names.is_empty() {
                cx.error(
                    &group_loc,
                    format!("each group of `{key}` names at least one field"),
                );
            }
            out.push(names);
        }
        if out.is_empty() {
            cx.error(&l, format!("`{key}` lists at least one group of fields"));
        }
        Some(out)
    };
    ty.constraints.requires_any = groups(cx, "requires_any");
    ty.constraints.requires_one = groups(cx, "requires_one");
    ty.constraints.pattern = obj.get("pattern").and_then(|(n, l)| string(cx, n, &l));
    ty.constraints.format = obj
        .get("format")
        .and_then(|(n, l)| word(cx, n, &l, &Format::ALL, "format"));
    ty.type_name = obj
        .get("type_name")
        .and_then(|(n, l)| string(cx, n, &l).map(|s| (s, l)));
    ty
}

const UNION_NEEDS_OF: &str = "a union needs `of`: its members, as a list (`[\"Cat\", \"string\"]`), or by tag value with `tag` (`{\"cat\": \"Cat\"}`)";

/// A union's `tag` and `of`: a list of member types, or, with a tag, an
/// object from each member's tag value to its type.
fn union(cx: &mut Ctxt, obj: &Obj<'_>, kind_loc: &Loc) -> Union {
    let tag = obj
        .get("tag")
        .and_then(|(n, l)| string(cx, n, &l).map(|s| (s, l)));
    let mut members = Vec::new();
    let member = |cx: &mut Ctxt, node: &Node, loc: &Loc, tag: Option<(String, Loc)>| {
        let ty = type_node(cx, node, loc, false)?;
        let written = match &node.value {
            Value::String(word) => word.clone(),
            _ => ty.kind.word().to_string(),
        };
        Some(Member {
            tag,
            written,
            ty,
            variant: String::new(),
        })
    };
    match obj.get("of") {
        None => cx.error(kind_loc, UNION_NEEDS_OF),
        Some((n, l)) => match (&n.value, &tag) {
            (Value::Array(_), None) => {
                for (item, item_loc) in array(cx, n, &l) {
                    members.extend(member(cx, item, &item_loc, None));
                }
                if matches!(&n.value, Value::Array(items) if items.is_empty()) {
                    cx.error(&l, "a union needs at least one member in `of`");
                }
            }
            (Value::Array(_), Some((field, _))) => cx.error(
                &l,
                format!(
                    "a union with a `tag` names each member by the value of `{field}` that stands for it: write `of` as an object, `{{\"cat\": \"Cat\", \"dog\": \"Dog\"}}`"
                ),
            ),
            (Value::Object(_), None) => cx.error(
                &l,
                "`of` lists members by tag value, and the union has no `tag`: add `\"tag\"`, the field whose value names the member, or list the members (`[\"Cat\", \"Dog\"]`)",
            ),
            (Value::Object(_), Some(_)) => {
                for (key, value) in object_members(cx, n, &l).unwrap_or_default() {
                    let tag = (key.name.clone(), l.key(&key.name, key.at));
                    let value_loc = l.key(&key.name, value.at);
                    members.extend(member(cx, value, &value_loc, Some(tag)));
                }
                if matches!(&n.value, Value::Object(members) if members.is_empty()) {
                    cx.error(&l, "a union needs at least one member in `of`");
                }
            }
            _ => wrong_kind(cx, &l, "a list of member types, or an object of them by tag value", n),
        },
    }
    Union { tag, members }
}

impl Loc {
    /// A location for built-in stand-ins that never reach an error.
    fn default_root() -> Loc {
        Loc {
            file: 0,
            path: String::new(),
            at: 0,
        }
    }
}

/// A JSON object being read, with the location of its opening brace.
struct Obj<'n> {
    members: &'n [(json::Key, Node)],
    loc: Loc,
}

impl<'n> Obj<'n> {
    fn new(cx: &mut Ctxt, node: &'n Node, loc: &Loc, what: &str) -> Option<Obj<'n>> {
        match &node.value {
            Value::Object(members) => Some(Obj {
                members,
                loc: loc.clone(),
            }),
            other => {
                cx.error(
                    loc,
                    format!("expected {what} (an object), found {}", other.kind()),
                );
                None
            }
        }
    }

    fn get(&self, key: &str) -> Option<(&'n Node, Loc)> {
        self.members
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| (v, self.loc.key(key, v.at)))
    }

    fn required(&self, cx: &mut Ctxt, key: &str) -> Option<(&'n Node, Loc)> {
        let found = self.get(key);
        if found.is_none() {
            cx.error(&self.loc, format!("missing required key `{key}`"));
        }
        found
    }

    fn check_keys(&self, cx: &mut Ctxt, allowed: &[&str], what: &str) {
        for (key, _) in self.members {
            let name = key.name.as_str();
            if allowed.contains(&name) || IGNORED_KEYS.contains(&name) {
                continue;
            }
            let hint = did_you_mean(name, allowed.iter().copied());
            let hint = if hint.is_empty() {
                format!("; {what} takes {}", quote_list(allowed))
            } else {
                hint
            };
            cx.error(
                &self.loc.key(name, key.at),
                format!("unknown key `{name}` in {what}{hint}"),
            );
        }
    }
}

fn quote_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    quoted.join(", ")
}

fn wrong_kind(cx: &mut Ctxt, loc: &Loc, expected: &str, node: &Node) {
    cx.error(
        loc,
        format!("expected {expected}, found {}", node.value.kind()),
    );
}

fn string(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(s.clone()),
        _ => {
            wrong_kind(cx, loc, "a string", node);
            None
        }
    }
}

fn boolean(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<bool> {
    match &node.value {
        Value::Bool(b) => Some(*b),
        _ => {
            wrong_kind(cx, loc, "`true` or `false`", node);
            None
        }
    }
}

fn unsigned(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<u64> {
    match &node.value {
        Value::Number(n) if n.as_u64().is_some() => n.as_u64(),
        _ => {
            wrong_kind(cx, loc, "a whole number of at least 0", node);
            None
        }
    }
}

fn number(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<f64> {
    match &node.value {
        Value::Number(n) => n.as_f64(),
        _ => {
            wrong_kind(cx, loc, "a number", node);
            None
        }
    }
}

/// A `multiple_of`: a number whose text is the decimal its `f64` is sent
/// as, so that the rule checks the number the spec wrote, digit for digit.
/// Whether it suits the type (positive, whole for an `integer`) is
/// `check`'s.
fn multiple_of(cx: &mut Ctxt, node: &Node, loc: &Loc) -> Option<serde_json::Number> {
    use endpoints_runtime::validate::Decimal;
    let Value::Number(n) = &node.value else {
        wrong_kind(cx, loc, "a number", node);
        return None;
    };
    if n.is_f64() && Decimal::parse(n.text()) != n.as_f64().and_then(Decimal::of_f64) {
        cx.error(loc, crate::check::too_precise(n.text(), n.as_f64()));
        return None;
    }
    Some(serde_json::Number::clone(n))
}

fn array<'n>(cx: &mut Ctxt, node: &'n Node, loc: &Loc) -> Vec<(&'n Node, Loc)> {
    match &node.value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, n)| (n, loc.index(i, n.at)))
            .collect(),
        _ => {
            wrong_kind(cx, loc, "an array", node);
            Vec::new()
        }
    }
}

fn object_members<'n>(cx: &mut Ctxt, node: &'n Node, loc: &Loc) -> Option<&'n [(json::Key, Node)]> {
    match &node.value {
        Value::Object(members) => Some(members),
        _ => {
            wrong_kind(cx, loc, "an object", node);
            None
        }
    }
}

/// A string that must be one of a fixed set of words.
fn word<T: Copy>(
    cx: &mut Ctxt,
    node: &Node,
    loc: &Loc,
    table: &[(&'static str, T)],
    what: &str,
) -> Option<T> {
    let s = string(cx, node, loc)?;
    if let Some((_, v)) = table.iter().find(|(w, _)| *w == s) {
        return Some(*v);
    }
    let words: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
    let hint = did_you_mean(&s, words.iter().copied());
    let hint = if hint.is_empty() {
        format!("; expected one of {}", quote_list(&words))
    } else {
        hint
    };
    cx.error(loc, format!("unknown {what} `{s}`{hint}"));
    None
}

/// The built-in type words and the names under `types`, for suggestions.
pub fn type_candidates(types: &BTreeMap<String, Type>) -> Vec<&str> {
    TYPE_WORDS
        .iter()
        .copied()
        .chain(types.keys().map(String::as_str))
        .collect()
}
