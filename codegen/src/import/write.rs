//! Writes spec files as a person would: two-space indents, members in the
//! order the format documents them, and a param, field or response on one
//! line where it fits.

use crate::json::{self, Key, Node, Value};

/// A member list under construction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Obj(pub Vec<(String, Value)>);

impl Obj {
    pub fn new() -> Obj {
        Obj(Vec::new())
    }
    pub fn set(&mut self, key: &str, value: impl Into<Out>) -> &mut Obj {
        let value = value.into().0;
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.to_string(), value)),
        }
        self
    }
    pub fn with(mut self, key: &str, value: impl Into<Out>) -> Obj {
        self.set(key, value);
        self
    }
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }
    pub fn into_value(self) -> Value {
        Value::Object(
            self.0
                .into_iter()
                .map(|(k, v)| (Key { name: k, at: 0 }, Node { value: v, at: 0 }))
                .collect(),
        )
    }
}

/// Anything that becomes a JSON value in a spec.
pub struct Out(pub Value);

impl From<&str> for Out {
    fn from(s: &str) -> Out {
        Out(Value::String(s.into()))
    }
}
impl From<String> for Out {
    fn from(s: String) -> Out {
        Out(Value::String(s))
    }
}
impl From<&String> for Out {
    fn from(s: &String) -> Out {
        Out(Value::String(s.clone()))
    }
}
impl From<bool> for Out {
    fn from(b: bool) -> Out {
        Out(Value::Bool(b))
    }
}
impl From<u64> for Out {
    fn from(n: u64) -> Out {
        Out(Value::Number(n.into()))
    }
}
impl From<serde_json::Number> for Out {
    fn from(n: serde_json::Number) -> Out {
        Out(Value::Number(n.into()))
    }
}
impl From<Value> for Out {
    fn from(v: Value) -> Out {
        Out(v)
    }
}
impl From<Obj> for Out {
    fn from(o: Obj) -> Out {
        Out(o.into_value())
    }
}
impl From<Vec<Value>> for Out {
    fn from(items: Vec<Value>) -> Out {
        Out(Value::Array(
            items
                .into_iter()
                .map(|value| Node { value, at: 0 })
                .collect(),
        ))
    }
}

/// serde_json's tree → ours, members in their order.
pub fn from_serde(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.clone().into()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| Node {
                    value: from_serde(i),
                    at: 0,
                })
                .collect(),
        ),
        serde_json::Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| {
                    (
                        Key {
                            name: k.clone(),
                            at: 0,
                        },
                        Node {
                            value: from_serde(v),
                            at: 0,
                        },
                    )
                })
                .collect(),
        ),
    }
}

/// Lines no longer than this are kept on one line.
const WIDTH: usize = 100;

/// The file's text: the top object expanded, lists of objects one item
/// per line, anything else on one line where it fits within the width,
/// else expanded in turn.
pub fn print(value: &Value) -> String {
    let mut out = String::new();
    block(&mut out, value, 0);
    out.push('\n');
    out
}

fn block(out: &mut String, value: &Value, depth: usize) {
    let pad = "  ".repeat(depth + 1);
    match value {
        Value::Object(members) if !members.is_empty() => {
            out.push('{');
            for (i, (key, node)) in members.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&pad);
                let head = format!("{}: ", json::quote(&key.name));
                out.push_str(&head);
                member(out, &node.value, depth + 1, pad.len() + head.len());
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, node) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&pad);
                member(out, &node.value, depth + 1, pad.len());
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push(']');
        }
        other => out.push_str(&json::write(other, false)),
    }
}

/// A value after `indent` characters of its line: inline if it fits.
fn member(out: &mut String, value: &Value, depth: usize, indent: usize) {
    // A list of objects (params, fields, responses) is one per line.
    let objects = matches!(value, Value::Array(items)
        if items.iter().any(|i| matches!(&i.value, Value::Object(m) if !m.is_empty())));
    let line = inline(value);
    if !objects
        && (indent + line.len() <= WIDTH || !matches!(value, Value::Object(_) | Value::Array(_)))
    {
        out.push_str(&line);
    } else {
        block(out, value, depth);
    }
}

/// `{ "name": "id", "type": "integer" }`, spaced as the specs we carry.
fn inline(value: &Value) -> String {
    match value {
        Value::Object(members) if !members.is_empty() => {
            let parts: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}: {}", json::quote(&k.name), inline(&v.value)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        Value::Array(items) if !items.is_empty() => {
            let parts: Vec<String> = items.iter().map(|n| inline(&n.value)).collect();
            format!("[{}]", parts.join(", "))
        }
        other => json::write(other, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_members_stay_on_one_line_and_long_ones_break() {
        let param = Obj::new().with("name", "id").with("type", "integer");
        let long: Vec<Value> = (0..30)
            .map(|i| Value::String(format!("value{i}")))
            .collect();
        let doc = Obj::new()
            .with("name", "get_pet")
            .with("params", vec![param.into_value()])
            .with("values", long);
        let text = print(&doc.into_value());
        assert!(
            text.contains("\n    { \"name\": \"id\", \"type\": \"integer\" }\n"),
            "{text}"
        );
        assert!(text.contains("\"values\": [\n    \"value0\",\n"), "{text}");
        let back = json::parse(&text).unwrap();
        assert_eq!(back.value.to_serde()["params"][0]["type"], "integer");
    }
}
