//! Reading an OpenAPI document: JSON or YAML text → the project's JSON tree
//! ([`Node`]), which keeps members in document order (so fields come out
//! in the order the document lists them), and local `$ref`s resolved by
//! JSON pointer.

use crate::json::{self, Key, Node, Value};

/// Why a document could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    /// 1-based; `None` where the reader could not tell.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{} (line {l}, column {c})", self.message),
            (Some(l), None) => write!(f, "{} (line {l})", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// Reads a document: JSON when its first non-blank character opens an
/// object, else YAML (a superset of JSON, but slower and less precise in
/// its messages for JSON mistakes).
pub fn read_document(text: &str) -> Result<Node, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return json::parse(text).map_err(|e| ReadError {
            message: format!("malformed JSON: {}", e.message),
            line: Some(e.line),
            column: Some(e.column),
        });
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
        let at = e.location();
        let message = e.to_string();
        // serde_yaml_ng appends " at line L column C"; we say it our way.
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        ReadError {
            message: format!("malformed YAML: {message}"),
            line: at.as_ref().map(|l| l.line()),
            column: at.as_ref().map(|l| l.column()),
        }
    })?;
    let value = from_yaml(value, 0)?;
    Ok(Node { value, at: 0 })
}

/// YAML nests no deeper than this (the JSON reader's own limit).
const MAX_DEPTH: usize = 128;

fn from_yaml(value: serde_yaml_ng::Value, depth: usize) -> Result<Value, ReadError> {
    use serde_yaml_ng::Value as Y;
    let error = |message: String| ReadError {
        message,
        line: None,
        column: None,
    };
    if depth > MAX_DEPTH {
        return Err(error(format!(
            "the document nests more than {MAX_DEPTH} levels deep"
        )));
    }
    let node = |value| Node { value, at: 0 };
    Ok(match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(number(&n).map(Into::into).ok_or_else(|| {
            error(format!(
                "the number `{n}` has no JSON equivalent (JSON has no NaN or infinity)"
            ))
        })?),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(
            items
                .into_iter()
                .map(|v| from_yaml(v, depth + 1).map(node))
                .collect::<Result<_, _>>()?,
        ),
        Y::Mapping(map) => {
            let mut members: Vec<(Key, Node)> = Vec::with_capacity(map.len());
            for (k, v) in map {
                let name = match k {
                    Y::String(s) => s,
                    // Response codes are often written unquoted (`200:`).
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".into(),
                    other => {
                        return Err(error(format!(
                            "a mapping key is {}, where JSON only has string keys",
                            yaml_kind(&other)
                        )))
                    }
                };
                if members.iter().any(|(key, _)| key.name == name) {
                    return Err(error(format!(
                        "the key `{name}` appears twice in a mapping"
                    )));
                }
                members.push((Key { name, at: 0 }, node(from_yaml(v, depth + 1)?)));
            }
            Value::Object(members)
        }
        Y::Tagged(tagged) => from_yaml(tagged.value, depth + 1)?,
    })
}

fn yaml_kind(value: &serde_yaml_ng::Value) -> &'static str {
    use serde_yaml_ng::Value as Y;
    match value {
        Y::Sequence(_) => "a sequence",
        Y::Mapping(_) => "a mapping",
        _ => "a tagged value",
    }
}

fn number(n: &serde_yaml_ng::Number) -> Option<serde_json::Number> {
    if let Some(i) = n.as_i64() {
        Some(i.into())
    } else if let Some(u) = n.as_u64() {
        Some(u.into())
    } else {
        n.as_f64().and_then(serde_json::Number::from_f64)
    }
}

/// Lookups on the document tree.
pub trait Get {
    fn get(&self, key: &str) -> Option<&Node>;
    fn str_at(&self, key: &str) -> Option<&str>;
    fn bool_at(&self, key: &str) -> bool;
    fn members(&self) -> &[(Key, Node)];
    fn items(&self) -> &[Node];
}

impl Get for Node {
    fn get(&self, key: &str) -> Option<&Node> {
        self.members()
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }
    fn str_at(&self, key: &str) -> Option<&str> {
        match &self.get(key)?.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    fn bool_at(&self, key: &str) -> bool {
        matches!(self.get(key).map(|n| &n.value), Some(Value::Bool(true)))
    }
    fn members(&self) -> &[(Key, Node)] {
        match &self.value {
            Value::Object(m) => m,
            _ => &[],
        }
    }
    fn items(&self) -> &[Node] {
        match &self.value {
            Value::Array(a) => a,
            _ => &[],
        }
    }
}

/// `a/b` → `a~1b`, as a JSON pointer token.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The node a local JSON pointer (`#/components/schemas/Pet`) names.
pub fn pointer<'d>(root: &'d Node, reference: &str) -> Option<&'d Node> {
    let path = reference.strip_prefix('#')?;
    if path.is_empty() {
        return Some(root);
    }
    let path = path.strip_prefix('/')?;
    let mut at = root;
    for raw in path.split('/') {
        let token = percent_decode(raw).replace("~1", "/").replace("~0", "~");
        at = match &at.value {
            Value::Object(_) => at.get(&token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

/// `%7B` → `{`: pointers in URI fragments are percent-encoded.
pub(super) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16);
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_yaml_read_alike_in_document_order() {
        let j = read_document(r#"{"b": 1, "a": {"200": true}}"#).unwrap();
        let y = read_document("b: 1\na:\n  200: true\n").unwrap();
        assert_eq!(j.value.to_serde(), y.value.to_serde());
        let keys: Vec<&str> = y.members().iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
    }

    #[test]
    fn malformed_documents_name_line_and_column() {
        let e = read_document("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(7)));
        assert!(e.message.starts_with("malformed JSON"), "{e}");
        let e = read_document("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        assert!(e.message.starts_with("malformed YAML"), "{e}");
        assert!(e.line.is_some(), "{e}");
        let e = read_document("? [1, 2]\n: x\n").unwrap_err();
        assert!(e.message.contains("only has string keys"), "{e}");
    }

    #[test]
    fn pointers_unescape_and_decode() {
        let doc = read_document(r#"{"paths": {"/a/{id}": {"get": [10, 20]}}}"#).unwrap();
        let n = pointer(&doc, "#/paths/~1a~1%7Bid%7D/get/1").unwrap();
        assert_eq!(n.value.to_serde(), serde_json::json!(20));
        assert!(pointer(&doc, "#/paths/nope").is_none());
        assert!(pointer(&doc, "other.yaml#/x").is_none());
        assert_eq!(escape("/a/{id}"), "~1a~1{id}");
    }
}
