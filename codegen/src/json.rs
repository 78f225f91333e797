//! A JSON reader that remembers where every value and key starts.
//!
//! serde_json tells *that* a document is malformed and where, but forgets
//! positions once a document parses. Spec errors must point at the exact line
//! and column of the offending value, so the loader reads specs through this
//! small tree instead. Malformed documents are reported with serde_json's own
//! messages (see [`parse`]), so this reader only has to be correct on valid
//! JSON; it still refuses bad input gracefully rather than trusting that.

use std::fmt;

/// A byte offset into the source text.
pub type Offset = usize;

/// A JSON value together with the offset at which it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: Offset,
}

/// An object member's key, with the offset of its opening quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub at: Offset,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    /// Members in document order; duplicates are refused by the parser.
    Object(Vec<(Key, Node)>),
}

/// A number as serde reads it, and as the document writes it: an
/// integer's digits are checked and shown from the text, never through a
/// float that would round them.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    value: serde_json::Number,
    text: Box<str>,
}

impl Number {
    /// The number as written in the document.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl From<serde_json::Number> for Number {
    /// A number the engine writes itself: its text is serde's.
    fn from(value: serde_json::Number) -> Self {
        let text = value.to_string().into();
        Number { value, text }
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        serde_json::Number::from(n).into()
    }
}

impl std::ops::Deref for Number {
    type Target = serde_json::Number;

    fn deref(&self) -> &serde_json::Number {
        &self.value
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Value {
    /// The JSON kind, in the words a user reads in an error.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// Converts to serde_json's tree, for values the spec carries verbatim
    /// (`default`, `values`).
    pub fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.value.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => items.iter().map(|n| n.value.to_serde()).collect(),
            Value::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.value.to_serde()))
                    .collect(),
            ),
        }
    }
}

/// Writes a value as JSON text, its members in document order (serde_json
/// without `preserve_order` would sort them): compact on one line, or
/// `pretty`, indented by two spaces.
pub fn write(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_into(&mut out, value, pretty, 0);
    out
}

fn write_into(out: &mut String, value: &Value, pretty: bool, depth: usize) {
    let newline = |out: &mut String, depth: usize| {
        if pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&quote(s)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_into(out, &item.value, pretty, depth + 1);
            }
            newline(out, depth);
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, node)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                out.push_str(&quote(&key.name));
                out.push_str(if pretty { ": " } else { ":" });
                write_into(out, &node.value, pretty, depth + 1);
            }
            newline(out, depth);
            out.push('}');
        }
    }
}

/// A string as a JSON string literal.
pub fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Why a document could not be read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    // serde_json's messages for malformed JSON are the ones users already know.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let message = e.to_string();
        // serde_json appends " at line L column C"; we position it ourselves.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        return Err(SyntaxError {
            message,
            line: e.line().max(1),
            column: e.column().max(1),
        });
    }
    let mut p = Parser { text, pos: 0 };
    let node = p.value()?;
    p.skip_ws();
    if p.pos != text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(node)
}

/// Maps byte offsets to 1-based lines and columns (columns count characters).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    pub fn position(&self, at: Offset) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1];
        let column = self.text[start..at.min(self.text.len())].chars().count() + 1;
        (line, column)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        let (line, column) = Lines::new(self.text).position(self.pos);
        SyntaxError {
            message: message.to_string(),
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        self.skip_ws();
        let at = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.error("expected a value")),
        };
        Ok(Node { value, at })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        text.parse::<serde_json::Number>()
            .map(|value| {
                Value::Number(Number {
                    value,
                    text: text.into(),
                })
            })
            .map_err(|_| self.error("invalid number"))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        // Delegate escapes to serde_json: find the closing quote, then decode.
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                Some(b'\\') => self.pos += 2,
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => self.pos += 1,
                None => return Err(self.error("unterminated string")),
            }
        }
        serde_json::from_str(&self.text[start..self.pos]).map_err(|_| self.error("invalid string"))
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members: Vec<(Key, Node)> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            let at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let name = self.string()?;
            if members.iter().any(|(k, _)| k.name == name) {
                self.pos = at;
                return Err(self.error(&format!("duplicate key `{name}`")));
            }
            self.eat(b':')?;
            let value = self.value()?;
            members.push((Key { name, at }, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_where_values_and_keys_start() {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}";
        let root = parse(text).unwrap();
        let lines = Lines::new(text);
        let Value::Object(members) = &root.value else {
            panic!("not an object")
        };
        assert_eq!(lines.position(members[0].0.at), (2, 3));
        assert_eq!(lines.position(members[0].1.at), (2, 8));
        let Value::Array(items) = &members[0].1.value else {
            panic!("not an array")
        };
        assert_eq!(lines.position(items[1].at), (2, 12));
        assert_eq!(items[1].value, Value::String("x".into()));
        assert_eq!(lines.position(members[1].1.at), (3, 8));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"é\": \"ü\", \"k\": 1}";
        let root = parse(text).unwrap();
        let Value::Object(members) = &root.value else {
            panic!("not an object")
        };
        assert_eq!(Lines::new(text).position(members[1].1.at), (1, 17));
    }

    #[test]
    fn decodes_escapes_and_numbers() {
        let root = parse(r#"["a\"b\u00e9", -1.5e2, 7]"#).unwrap();
        assert_eq!(
            root.value.to_serde(),
            serde_json::json!(["a\"bé", -150.0, 7])
        );
    }

    #[test]
    fn malformed_json_is_positioned() {
        let err = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert_eq!(err.message, "key must be a string");
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second_key() {
        let err = parse("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!(err.message, "duplicate key `a`");
        assert_eq!((err.line, err.column), (2, 2));
    }

    #[test]
    fn writes_members_in_document_order() {
        let root = parse(r#"{"z": [1, {"b": null, "a": "\u00e9\""}], "a": {}, "m": []}"#).unwrap();
        assert_eq!(
            write(&root.value, false),
            r#"{"z":[1,{"b":null,"a":"é\""}],"a":{},"m":[]}"#
        );
        assert_eq!(
            write(&root.value, true),
            "{\n  \"z\": [\n    1,\n    {\n      \"b\": null,\n      \"a\": \"é\\\"\"\n    }\n  ],\n  \"a\": {},\n  \"m\": []\n}"
        );
        // What it writes reads back as the same value.
        let again = parse(&write(&root.value, true)).unwrap();
        assert_eq!(again.value.to_serde(), root.value.to_serde());
    }

    #[test]
    fn line_text_drops_the_line_break() {
        let lines = Lines::new("ab\r\ncd\n");
        assert_eq!(lines.line_text(1), "ab");
        assert_eq!(lines.line_text(2), "cd");
    }
}
