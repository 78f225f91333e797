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

fn form_pairs(key: String, value: &FormNode, out: &mut String) {
    match value {
        FormNode::Null => {}
        FormNode::Map(members) => {
            for (k, v) in members {
                form_pairs(format!("{key}[{k}]"), v, out);
            }
        }
        FormNode::Seq(items) => {
            for (i, v) in items.iter().enumerate() {
                form_pairs(format!("{key}[{i}]"), v, out);
            }
        }
        FormNode::Scalar(text) => {
            if !out.is_empty() {
                out.push('&');
            }
            percent_encode(&key, out);
            out.push('=');
            percent_encode(text, out);
        }
    }
}

/// The form a body's JSON text makes, its keys in document order.
pub(crate) fn form_from_json(json: &[u8]) -> Result<String, serde_json::Error> {
    let tree: FormNode = serde_json::from_slice(json)?;
    let mut out = String::new();
    if let FormNode::Map(members) = &tree {
        for (key, v) in members {
            form_pairs(key.clone(), v, &mut out);
        }
    }
    Ok(out)
}

/// Bracket-notation pairs as nested JSON: `a[b]=1` → `{"a":{"b":"1"}}`, and
/// objects keyed `0..n` as arrays. Top-level scalars take their param's type.
pub(crate) fn form_object(
    pairs: &[(String, String)],
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let mut root = serde_json::Map::new();
    for (key, value) in pairs {
        let (head, rest) = key.split_once('[').unwrap_or((key.as_str(), ""));
        let mut path: Vec<&str> = vec![head];
        path.extend(
            rest.split('[')
                .filter(|s| !s.is_empty())
                .map(|s| s.trim_end_matches(']')),
        );
        // Form values are all text: the param's kind says what each was.
        let leaf = match (
            path.len(),
            params
                .iter()
                .find(|p| p.name == head)
                .map(|p| (p.name, p.kind)),
        ) {
            (1, Some((name, kind))) => scalar(name, kind, value)?,
            (2, Some((name, WireKind::List(item) | WireKind::Map(item)))) => {
                scalar(name, *item, value)?
            }
            _ => serde_json::Value::String(value.clone()),
        };
        insert_path(&mut root, &path, leaf).map_err(|()| RequestError::Body {
            message: format!("the form key `{key}` clashes with another"),
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
    Ok(root
        .into_iter()
        .map(|(k, v)| {
            // A map keyed 0..n is still a map when its param says so.
            let is_map = params
                .iter()
                .any(|p| p.name == k && matches!(p.kind, WireKind::Map(_)));
            let v = if is_map { v } else { arrays(v) };
            (k, v)
        })
        .collect())
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
