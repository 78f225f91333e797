//! Layer `codec`: `application/x-www-form-urlencoded`, both ways: nested
//! values in bracket notation (`a[b]=1&c[0]=x`), in declaration order.

use serde::de::{MapAccess, Visitor};

use crate::error::RequestError;
use crate::spec::{In, ParamSpec, WireKind};

use super::request::scalar;
use super::text::{percent_decode, percent_encode};

/// A JSON value that keeps its keys in document order, for form bodies.
enum FormNode {
    Null,
    Scalar(String),
    Seq(Vec<FormNode>),
    Map(Vec<(String, FormNode)>),
}

impl<'de> serde::Deserialize<'de> for FormNode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;

        impl<'de> Visitor<'de> for V {
            type Value = FormNode;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_unit<E>(self) -> Result<FormNode, E> {
                Ok(FormNode::Null)
            }

            fn visit_bool<E>(self, v: bool) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_i64<E>(self, v: i64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_u64<E>(self, v: u64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_f64<E>(self, v: f64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(serde_json::Value::from(v).to_string()))
            }

            fn visit_str<E>(self, v: &str) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FormNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(FormNode::Seq(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FormNode, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, FormNode>()? {
                    members.push(entry);
                }
                Ok(FormNode::Map(members))
            }
        }

        deserializer.deserialize_any(V)
    }
}

/// Each pair a value makes under `key`, in brackets: `key[k]` for an
/// object's members, `key[i]` for an array's items, nesting likewise;
/// `null` makes none. A member's key holding a bracket could not be read
/// back where it was written: an error naming it.
fn form_pairs(
    key: String,
    value: &FormNode,
    each: &mut impl FnMut(&str, &str),
) -> Result<(), String> {
    match value {
        FormNode::Null => {}
        FormNode::Map(members) => {
            for (k, v) in members {
                if k.contains(['[', ']']) {
                    return Err(format!(
                        "the key `{k}` in `{key}` holds a bracket, which brackets cannot carry"
                    ));
                }
                form_pairs(format!("{key}[{k}]"), v, each)?;
            }
        }
        FormNode::Seq(items) => {
            for (i, v) in items.iter().enumerate() {
                form_pairs(format!("{key}[{i}]"), v, each)?;
            }
        }
        FormNode::Scalar(text) => each(&key, text),
    }
    Ok(())
}

/// `key=value`, percent-encoded, after `&` where `out` has a pair already.
fn push_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    percent_encode(key, out);
    out.push('=');
    percent_encode(value, out);
}

/// The form a body's JSON text makes, its keys in document order.
pub(crate) fn form_from_json(json: &[u8]) -> Result<String, String> {
    let tree: FormNode = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    let mut out = String::new();
    if let FormNode::Map(members) = &tree {
        for (key, v) in members {
            form_pairs(key.clone(), v, &mut |k, v| push_pair(&mut out, k, v))?;
        }
    }
    Ok(out)
}

/// The pairs one value's JSON text makes under `name`, in brackets
/// (`filter[status]`, `expand[0]`), as a form body writes them.
pub(crate) fn bracket_pairs(
    name: &str,
    json: &[u8],
    each: &mut impl FnMut(&str, &str),
) -> Result<(), String> {
    let tree: FormNode = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    form_pairs(name.to_string(), &tree, each)
}

/// The segments of a bracketed key: `a[b][0]` → `a`, `b`, `0`.
fn key_path(key: &str) -> Vec<&str> {
    let (head, rest) = key.split_once('[').unwrap_or((key, ""));
    let mut path: Vec<&str> = vec![head];
    path.extend(
        rest.split('[')
            .filter(|s| !s.is_empty())
            .map(|s| s.trim_end_matches(']')),
    );
    path
}

/// Bracket-notation pairs as nested JSON: `a[b]=1` → `{"a":{"b":"1"}}`, and
/// objects keyed `0..n` as arrays; each param's texts read as its kind
/// says, however deep.
pub(crate) fn form_object(
    pairs: &[(String, String)],
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let mut root = serde_json::Map::new();
    for (key, value) in pairs {
        insert_path(&mut root, &key_path(key), value.clone().into()).map_err(|()| {
            RequestError::Body {
                message: format!("the form key `{key}` clashes with another"),
            }
        })?;
    }
    // An empty array or map sends no pair at all.
    for param in params
        .iter()
        .filter(|p| p.location == In::Body && p.required)
    {
        if !root.contains_key(param.name) {
            match param.kind {
                WireKind::List(_) => {
                    root.insert(param.name.into(), serde_json::Value::Array(Vec::new()))
                }
                WireKind::Map(_) => root.insert(
                    param.name.into(),
                    serde_json::Value::Object(Default::default()),
                ),
                _ => None,
            };
        }
    }
    root.into_iter()
        .map(|(k, v)| {
            let v = match params
                .iter()
                .find(|p| p.location == In::Body && p.name == k)
            {
                Some(p) => typed_tree(v, p.kind, p.name, &k)?,
                None => arrays(v),
            };
            Ok((k, v))
        })
        .collect()
}

/// The value of a query param written in brackets (`filter[status]=open`,
/// `expand[0]=a`; its plain key for a value that is one text), read as its
/// kind says; `None` where no pair carries it.
pub(crate) fn bracketed(
    pairs: &[(String, String)],
    param: &ParamSpec,
) -> Result<Option<serde_json::Value>, RequestError> {
    let mut root = serde_json::Map::new();
    for (key, value) in pairs {
        let path = key_path(key);
        if path[0] != param.name {
            continue;
        }
        insert_path(&mut root, &path, value.clone().into()).map_err(|()| {
            RequestError::Malformed {
                param: param.name.to_string(),
                message: format!("the key `{key}` clashes with another"),
            }
        })?;
    }
    root.remove(param.name)
        .map(|v| typed_tree(v, param.kind, param.name, param.name))
        .transpose()
}

/// A tree of texts read as `kind` says: scalars parsed, objects keyed
/// `0..n` read as arrays where the kind is a list (or says nothing), a
/// map's keys kept whatever they are. `at` is the wire key, for errors.
fn typed_tree(
    value: serde_json::Value,
    kind: WireKind,
    param: &str,
    at: &str,
) -> Result<serde_json::Value, RequestError> {
    use serde_json::Value;
    let indexed = |m: &serde_json::Map<String, Value>| {
        !m.is_empty() && (0..m.len()).all(|i| m.contains_key(&i.to_string()))
    };
    Ok(match (kind, value) {
        (_, Value::String(text)) => match scalar(param, kind, &text) {
            Ok(v) => v,
            Err(RequestError::Malformed { message, .. }) if at != param => {
                return Err(RequestError::Malformed {
                    param: param.to_string(),
                    message: format!("`{at}`: {message}"),
                })
            }
            Err(e) => return Err(e),
        },
        (WireKind::List(of), Value::Object(mut m)) if indexed(&m) => (0..m.len())
            .map(|i| {
                let item = m.remove(&i.to_string()).unwrap_or_default();
                typed_tree(item, *of, param, &format!("{at}[{i}]"))
            })
            .collect::<Result<_, _>>()?,
        (WireKind::Map(of), Value::Object(m)) => m
            .into_iter()
            .map(|(k, v)| {
                let at = format!("{at}[{k}]");
                Ok((k, typed_tree(v, *of, param, &at)?))
            })
            .collect::<Result<_, RequestError>>()?,
        (WireKind::Object(fields), Value::Object(m)) => m
            .into_iter()
            .map(|(k, v)| {
                let v = match fields.iter().find(|(name, _)| *name == k) {
                    Some((_, kind)) => typed_tree(v, *kind, param, &format!("{at}[{k}]"))?,
                    None => arrays(v),
                };
                Ok((k, v))
            })
            .collect::<Result<_, RequestError>>()?,
        (WireKind::Union(members), Value::Object(m)) => {
            let list = indexed(&m);
            let member = members.iter().find(|kind| match kind {
                WireKind::List(_) => list,
                WireKind::Object(_) | WireKind::Map(_) => !list,
                _ => false,
            });
            match member {
                Some(kind) => typed_tree(Value::Object(m), *kind, param, at)?,
                None => arrays(Value::Object(m)),
            }
        }
        (_, other) => arrays(other),
    })
}

fn insert_path(
    object: &mut serde_json::Map<String, serde_json::Value>,
    path: &[&str],
    leaf: serde_json::Value,
) -> Result<(), ()> {
    match path {
        [] => Err(()),
        [last] => {
            object.insert((*last).to_string(), leaf);
            Ok(())
        }
        [first, rest @ ..] => {
            let entry = object
                .entry((*first).to_string())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            match entry {
                serde_json::Value::Object(inner) => insert_path(inner, rest, leaf),
                _ => Err(()),
            }
        }
    }
}

fn arrays(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(members) => {
            let indexed = !members.is_empty()
                && (0..members.len()).all(|i| members.contains_key(&i.to_string()));
            if indexed {
                let mut members = members;
                (0..members.len())
                    .map(|i| arrays(members.remove(&i.to_string()).unwrap_or_default()))
                    .collect()
            } else {
                members.into_iter().map(|(k, v)| (k, arrays(v))).collect()
            }
        }
        other => other,
    }
}

/// `a=1&b=x%20y` → pairs, percent-decoded (`+` reads as a space). A bad
/// escape or bytes that are not UTF-8 refuse the whole text, where the
/// decoder alone would pass them through or replace them.
pub(crate) fn parse_pairs(text: &str) -> Result<Vec<(String, String)>, RequestError> {
    if percent_decode(text).is_none() {
        return Err(RequestError::Body {
            message: "a query or form pair is not valid percent-encoding".to_string(),
        });
    }
    Ok(form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}
