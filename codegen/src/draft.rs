//! Drafts a spec fragment from examples: the types that describe a body a
//! page shows (`endpoints draft`), or the body params of a request example
//! (`--params`).
//!
//! Pages print examples far more reliably than they document fields, and
//! transcribing a forty-field example by hand is where fields go missing,
//! `null`s go unmarked and integers become strings. A draft is where a spec
//! starts, not where it ends: it describes exactly what the examples show
//! (SPEC_FORMAT.md, "Drafts from examples", has the rules) and passes
//! `check` with them, and the user then adds what only the page's words say.

use std::collections::BTreeSet;

use crate::case;
use crate::json::{self, Node, Value};
use crate::model::Format;

/// What to draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Named types describing bodies, the body's own type named so.
    Types(String),
    /// Body params, from request bodies.
    Params,
}

/// Drafts a fragment from `examples`, several examples of one body merged
/// into one description: `{"types": {…}}`, or `{"params": […], "types":
/// {…}}` for [`Target::Params`]. The text is laid out like the specs we
/// carry: a field or param per line.
pub fn draft(examples: &[Node], target: &Target) -> Result<String, String> {
    if examples.is_empty() {
        return Err("no examples to draft from".into());
    }
    let mut shape = Shape::default();
    for example in examples {
        shape.add(&example.value);
    }
    let mut cx = Drafter::default();
    match target {
        Target::Types(name) => {
            if !case::is_ident(name) || name.starts_with("r#") {
                return Err(format!(
                    "`{name}` cannot name a type: use an identifier such as `Person`"
                ));
            }
            if !cx.taken.insert(name.clone()) {
                return Err(format!(
                    "`{name}` is a name the generated code gives an item of its own; choose another"
                ));
            }
            if shape.is_named_object() {
                cx.object(&shape, name, true);
            } else {
                // Not one object: the body's type is an alias under `types`,
                // so `"body": "<name>"` reads the same whatever it is.
                let order = cx.next_order();
                let (mut keys, note) = cx.type_of(&shape, name, name);
                if let Some(note) = note {
                    keys.push(("description".into(), Out::Str(note)));
                }
                cx.defs.push(Def {
                    order,
                    name: name.clone(),
                    ty: keys,
                });
            }
            Ok(print(&[], &cx.sorted_defs()))
        }
        Target::Params => {
            if let Some((i, example)) = examples
                .iter()
                .enumerate()
                .find(|(_, e)| !matches!(e.value, Value::Object(_)))
            {
                return Err(format!(
                    "`--params` drafts body params from request bodies, which are objects of params; example {} is {}",
                    i + 1,
                    example.value.kind()
                ));
            }
            let params = cx.fields(&shape, "Params", true);
            Ok(print(&params, &cx.sorted_defs()))
        }
    }
}

/// What the examples hold at one place (a body, a field, the items of an
/// array), merged over every value seen there.
#[derive(Debug, Default, Clone)]
struct Shape {
    /// Values seen, `null` included.
    count: usize,
    nulls: usize,
    booleans: usize,
    integers: usize,
    /// Numbers with a fraction or an exponent, or beyond `i64`.
    fractions: usize,
    strings: usize,
    /// The formats every string seen fits.
    formats: Vec<Format>,
    arrays: usize,
    /// The items of every array, merged.
    items: Option<Box<Shape>>,
    objects: usize,
    /// Every key of every object, in the order first seen; a field's
    /// `count` is how many objects have it.
    fields: Vec<(String, Shape)>,
    /// Whether some key reads as data rather than a name.
    data_keys: bool,
}

/// The formats a draft can give a string, in the order it prefers them.
const FORMATS: [Format; 5] = [
    Format::Uuid,
    Format::DateTime,
    Format::Date,
    Format::Uri,
    Format::Email,
];

/// Whether a draft gives `s` the format `f`: the check's own test, and for
/// `uri` a `://` too (`sha256:…` and `urn:…` are URIs, but rarely what a
/// field of them means).
fn drafts_as(f: Format, s: &str) -> bool {
    f.accepts(s) && (f != Format::Uri || s.contains("://"))
}

/// Whether an object key reads as data (a custom field's name, a file's,
/// an id) rather than a field's name: it holds whitespace, `.` or `/`, or
/// is all digits, or is empty.
fn is_data_key(key: &str) -> bool {
    key.is_empty()
        || key.chars().all(|c| c.is_ascii_digit())
        || key
            .chars()
            .any(|c| c.is_whitespace() || c == '.' || c == '/')
}

impl Shape {
    fn add(&mut self, value: &Value) {
        self.count += 1;
        match value {
            Value::Null => self.nulls += 1,
            Value::Bool(_) => self.booleans += 1,
            Value::Number(n) if n.as_i64().is_some() => self.integers += 1,
            Value::Number(_) => self.fractions += 1,
            Value::String(s) => {
                let fits = FORMATS.into_iter().filter(|f| drafts_as(*f, s));
                if self.strings == 0 {
                    self.formats = fits.collect();
                } else {
                    let fits: Vec<Format> = fits.collect();
                    self.formats.retain(|f| fits.contains(f));
                }
                self.strings += 1;
            }
            Value::Array(items) => {
                self.arrays += 1;
                let shape = self.items.get_or_insert_with(Box::default);
                for item in items {
                    shape.add(&item.value);
                }
            }
            Value::Object(members) => {
                self.objects += 1;
                for (key, node) in members {
                    self.data_keys |= is_data_key(&key.name);
                    match self.fields.iter_mut().find(|(k, _)| *k == key.name) {
                        Some((_, shape)) => shape.add(&node.value),
                        None => {
                            let mut shape = Shape::default();
                            shape.add(&node.value);
                            self.fields.push((key.name.clone(), shape));
                        }
                    }
                }
            }
        }
    }

    /// Merges what `other` saw at another place into this one.
    fn merge(&mut self, other: &Shape) {
        if other.strings > 0 {
            if self.strings == 0 {
                self.formats = other.formats.clone();
            } else {
                self.formats.retain(|f| other.formats.contains(f));
            }
        }
        self.count += other.count;
        self.nulls += other.nulls;
        self.booleans += other.booleans;
        self.integers += other.integers;
        self.fractions += other.fractions;
        self.strings += other.strings;
        self.arrays += other.arrays;
        if let Some(items) = &other.items {
            self.items.get_or_insert_with(Box::default).merge(items);
        }
        self.objects += other.objects;
        for (key, shape) in &other.fields {
            match self.fields.iter_mut().find(|(k, _)| k == key) {
                Some((_, mine)) => mine.merge(shape),
                None => self.fields.push((key.clone(), shape.clone())),
            }
        }
        self.data_keys |= other.data_keys;
    }

    /// The kinds seen, `null` aside, in the words of the format.
    fn kinds(&self) -> Vec<&'static str> {
        let mut kinds = Vec::new();
        if self.booleans > 0 {
            kinds.push("boolean");
        }
        if self.fractions > 0 {
            kinds.push("number");
        } else if self.integers > 0 {
            kinds.push("integer");
        }
        if self.strings > 0 {
            kinds.push("string");
        }
        if self.arrays > 0 {
            kinds.push("array");
        }
        if self.objects > 0 {
            kinds.push("object");
        }
        kinds
    }

    /// Every value of every key, merged: a map's values.
    fn values(&self) -> Shape {
        let mut values = Shape::default();
        for (_, shape) in &self.fields {
            values.merge(shape);
        }
        values
    }

    /// Whether objects here are maps: no key ever (`{}`), a key that reads
    /// as data, or many keys that come and go across the examples (at
    /// least two objects, four keys, none in every object) holding values
    /// of one kind.
    fn is_map(&self) -> bool {
        if self.fields.is_empty() || self.data_keys {
            return true;
        }
        self.objects >= 2
            && self.fields.len() >= 4
            && self.fields.iter().all(|(_, s)| s.count < self.objects)
            && self.values().kinds().len() == 1
    }

    /// Objects and nothing else (`null` aside), with names for keys.
    fn is_named_object(&self) -> bool {
        self.kinds() == ["object"] && !self.is_map()
    }
}

/// Spec JSON as the draft writes it, members in order.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Str(String),
    Bool(bool),
    Obj(Vec<(String, Out)>),
}

/// A named type drafted, with when it was first met (the draft lists types
/// in that order).
struct Def {
    order: usize,
    name: String,
    ty: Vec<(String, Out)>,
}

struct Drafter {
    defs: Vec<Def>,
    /// Type names taken: drafted, or generated beside a spec's types.
    taken: BTreeSet<String>,
    order: usize,
}

impl Default for Drafter {
    fn default() -> Self {
        Drafter {
            defs: Vec::new(),
            taken: ["Request", "Response", "Builder", "BuilderParams"]
                .into_iter()
                .map(String::from)
                .collect(),
            order: 0,
        }
    }
}

/// One type word or name as an `of`, or the inline type its keys make.
fn of(keys: Vec<(String, Out)>) -> Out {
    match keys.as_slice() {
        [(key, Out::Str(word))] if key == "type" => Out::Str(word.clone()),
        _ => Out::Obj(keys),
    }
}

fn word(w: &str) -> Vec<(String, Out)> {
    vec![("type".into(), Out::Str(w.into()))]
}

impl Drafter {
    fn next_order(&mut self) -> usize {
        self.order += 1;
        self.order
    }

    fn sorted_defs(&mut self) -> Vec<&Def> {
        let mut defs: Vec<&Def> = self.defs.iter().collect();
        defs.sort_by_key(|d| d.order);
        defs
    }

    /// The type keys describing `shape` (`"type"` and what goes with it),
    /// and a note for the description of what holds it, where the
    /// examples leave the type unknown. `hint` names objects met here.
    fn type_of(
        &mut self,
        shape: &Shape,
        hint: &str,
        parent: &str,
    ) -> (Vec<(String, Out)>, Option<String>) {
        let kinds = shape.kinds();
        match kinds.as_slice() {
            [] if shape.nulls > 0 => (
                word("any"),
                Some("Only `null` in the examples: its type is not known yet.".into()),
            ),
            [] => (word("any"), None),
            [one] => match *one {
                "string" => {
                    let mut keys = word("string");
                    if let Some(format) = shape.formats.first() {
                        keys.push(("format".into(), Out::Str(format.name().into())));
                    }
                    (keys, None)
                }
                "array" => {
                    let items = shape.items.as_deref().cloned().unwrap_or_default();
                    let (item, note) = if items.count == 0 {
                        (
                            word("any"),
                            Some("Only empty arrays in the examples: the items' type is not known yet.".into()),
                        )
                    } else if items.nulls > 0 {
                        (
                            word("any"),
                            Some("Some items are `null`, which only items of `any` may be.".into()),
                        )
                    } else {
                        self.type_of(&items, &format!("{hint}Item"), parent)
                    };
                    let mut keys = word("array");
                    keys.push(("of".into(), of(item)));
                    (keys, note)
                }
                "object" if shape.is_map() => {
                    let values = shape.values();
                    let (value, note) = if values.count == 0 {
                        (word("any"), None)
                    } else if values.nulls > 0 {
                        (
                            word("any"),
                            Some(
                                "Some values are `null`, which only a map of `any` may hold."
                                    .into(),
                            ),
                        )
                    } else {
                        self.type_of(&values, &format!("{hint}Value"), parent)
                    };
                    let mut keys = word("map");
                    keys.push(("of".into(), of(value)));
                    (keys, note)
                }
                "object" => {
                    let name = self.claim(hint, parent);
                    let name = self.object(shape, &name, false);
                    (word(&name), None)
                }
                other => (word(other), None),
            },
            several => {
                let listed = match several {
                    [a, b] => format!("{a} and {b}"),
                    [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
                    [] => String::new(),
                };
                (
                    word("any"),
                    Some(format!(
                        "The examples hold {listed} values here: `any` until the API documents one."
                    )),
                )
            }
        }
    }

    /// A type name for an object met at `hint` inside `parent`: the hint
    /// in UpperCamelCase, else prefixed with the parent's name, else
    /// numbered.
    fn claim(&mut self, hint: &str, parent: &str) -> String {
        let base = case::upper_camel(hint)
            .map(|n| case::unraw(&n).to_string())
            .unwrap_or_else(|| "Object".into());
        let prefixed = format!("{parent}{base}");
        case::claim_name(&mut self.taken, base, prefixed)
    }

    /// Drafts the object type `name` (claimed already) and returns its
    /// name, or, but for the `root`, the name of an earlier type of the
    /// very same shape, which it then is.
    fn object(&mut self, shape: &Shape, name: &str, root: bool) -> String {
        let order = self.next_order();
        let fields = self.fields(shape, name, false);
        let ty = vec![
            ("type".to_string(), Out::Str("object".into())),
            ("fields".to_string(), Out::Obj(fields)),
        ];
        if !root {
            if let Some(same) = self.defs.iter().find(|d| d.ty == ty) {
                self.taken.remove(name);
                return same.name.clone();
            }
        }
        self.defs.push(Def {
            order,
            name: name.to_string(),
            ty,
        });
        name.to_string()
    }

    /// The fields of the objects `shape` saw (or, for `params`, the body
    /// params of the request bodies it saw), each as the spec writes it.
    /// Returned as members named by position, for [`Out::Obj`]'s order.
    fn fields(&mut self, shape: &Shape, owner: &str, params: bool) -> Vec<(String, Out)> {
        let mut idents: BTreeSet<String> = BTreeSet::new();
        if params {
            // A param named `build` would shadow the builder's `build()`.
            idents.insert("build".into());
        }
        let mut out = Vec::new();
        for (i, (name, field)) in shape.fields.iter().enumerate() {
            let mut keys = vec![("name".to_string(), Out::Str(name.clone()))];
            if let Some(rust_name) = rust_name(name, &mut idents) {
                keys.push(("rust_name".into(), Out::Str(rust_name)));
            }
            if params {
                keys.push(("in".into(), Out::Str("body".into())));
            }
            let (ty, note) = self.type_of(field, name, owner);
            keys.extend(ty);
            if field.count == shape.objects {
                keys.push(("required".into(), Out::Bool(true)));
            }
            if field.nulls > 0 {
                keys.push(("nullable".into(), Out::Bool(true)));
            }
            if let Some(note) = note {
                keys.push(("description".into(), Out::Str(note)));
            }
            out.push((i.to_string(), Out::Obj(keys)));
        }
        out
    }
}

/// A `rust_name` for a field whose name would give the Rust field another
/// field of the object already has (`+1` and `-1` are both `_1`), or none.
fn rust_name(name: &str, taken: &mut BTreeSet<String>) -> Option<String> {
    case::settle_field_name(name, taken)
}

/// The fragment's text: `params` one per line (when drafting params), then
/// `types`, an object type's fields one per line.
fn print(params: &[(String, Out)], defs: &[&Def]) -> String {
    let mut out = String::from("{\n");
    let mut sections = Vec::new();
    if !params.is_empty() {
        let lines: Vec<String> = params
            .iter()
            .map(|(_, p)| format!("    {}", inline(p)))
            .collect();
        sections.push(format!("  \"params\": [\n{}\n  ]", lines.join(",\n")));
    }
    if !defs.is_empty() || params.is_empty() {
        let types: Vec<String> = defs
            .iter()
            .map(|def| {
                let name = json::quote(&def.name);
                let fields = def.ty.iter().find_map(|(k, v)| match v {
                    Out::Obj(fields) if k == "fields" => Some(fields),
                    _ => None,
                });
                match fields {
                    Some(fields) => {
                        let lines: Vec<String> = fields
                            .iter()
                            .map(|(_, f)| format!("        {}", inline(f)))
                            .collect();
                        format!(
                            "    {name}: {{\n      \"type\": \"object\",\n      \"fields\": [\n{}\n      ]\n    }}",
                            lines.join(",\n")
                        )
                    }
                    None => format!("    {name}: {}", inline(&Out::Obj(def.ty.clone()))),
                }
            })
            .collect();
        sections.push(if types.is_empty() {
            "  \"types\": {}".to_string()
        } else {
            format!("  \"types\": {{\n{}\n  }}", types.join(",\n"))
        });
    }
    out.push_str(&sections.join(",\n"));
    out.push_str("\n}\n");
    out
}

/// One line of spec JSON: `{ "name": "id", "type": "integer" }`.
fn inline(value: &Out) -> String {
    match value {
        Out::Str(s) => json::quote(s),
        Out::Bool(b) => b.to_string(),
        Out::Obj(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}: {}", json::quote(k), inline(v)))
                .collect();
            format!("{{ {} }}", members.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(texts: &[&str]) -> Vec<Node> {
        texts.iter().map(|t| json::parse(t).unwrap()).collect()
    }

    fn types(texts: &[&str]) -> serde_json::Value {
        let text = draft(&parse(texts), &Target::Types("Body".into())).unwrap();
        json::parse(&text).unwrap().value.to_serde()["types"].clone()
    }

    /// The drafted fields of the type `name`, by wire name.
    fn field(types: &serde_json::Value, name: &str, field: &str) -> serde_json::Value {
        types[name]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == field)
            .cloned()
            .unwrap_or_else(|| panic!("no field `{field}` in {name}: {types}"))
    }

    #[test]
    fn fields_keep_the_order_first_seen_and_kinds_are_inferred() {
        let text = draft(
            &parse(&[
                r#"{"z": 1, "a": 1.5, "m": true, "s": "x"}"#,
                r#"{"n": 2, "z": 3}"#,
            ]),
            &Target::Types("Body".into()),
        )
        .unwrap();
        assert_eq!(
            text,
            r#"{
  "types": {
    "Body": {
      "type": "object",
      "fields": [
        { "name": "z", "type": "integer", "required": true },
        { "name": "a", "type": "number" },
        { "name": "m", "type": "boolean" },
        { "name": "s", "type": "string" },
        { "name": "n", "type": "integer" }
      ]
    }
  }
}
"#
        );
    }

    #[test]
    fn integers_and_fractions_make_numbers() {
        let t = types(&[r#"{"a": 1}"#, r#"{"a": 2.5}"#, r#"{"a": 1e3}"#]);
        assert_eq!(field(&t, "Body", "a")["type"], "number");
        // Beyond i64 is not an `integer` the spec could hold.
        let t = types(&[r#"{"a": 18446744073709551615}"#]);
        assert_eq!(field(&t, "Body", "a")["type"], "number");
    }

    #[test]
    fn required_where_every_example_has_the_field() {
        let t = types(&[
            r#"{"id": 1, "name": "a", "tags": [{"k": "x"}, {"k": "y", "v": 1}]}"#,
            r#"{"id": 2, "tags": []}"#,
        ]);
        assert_eq!(field(&t, "Body", "id")["required"], true);
        assert!(field(&t, "Body", "name").get("required").is_none());
        // Across the items of every array.
        assert_eq!(field(&t, "TagsItem", "k")["required"], true);
        assert!(field(&t, "TagsItem", "v").get("required").is_none());
    }

    #[test]
    fn nullable_where_any_example_has_null_and_only_null_is_any() {
        let t = types(&[
            r#"{"closed_at": null, "note": null, "body": "x"}"#,
            r#"{"closed_at": "2011-04-22T13:33:48Z", "note": null}"#,
        ]);
        assert_eq!(
            field(&t, "Body", "closed_at"),
            serde_json::json!({"name": "closed_at", "type": "string", "format": "date-time", "required": true, "nullable": true})
        );
        let note = field(&t, "Body", "note");
        assert_eq!(note["type"], "any");
        assert_eq!(note["nullable"], true);
        assert!(note["description"]
            .as_str()
            .unwrap()
            .contains("Only `null`"));
        assert!(field(&t, "Body", "body").get("nullable").is_none());
    }

    #[test]
    fn formats_where_every_value_fits() {
        let t = types(&[
            r#"{"at": "2018-12-18T21:05:18Z", "day": "2017-06-22", "mail": "black.beard@pirates.com",
                "url": "https://api.github.com/users/octocat", "id": "0b989ba4-242f-11e5-81e1-c7b6966d2516",
                "mixed": "2017-06-22", "reply_to": "Hello <hello@cloudcardtools.com>", "scheme": "sha256:abc"}"#,
            r#"{"mixed": "2018-12-18T21:05:18Z"}"#,
        ]);
        let format = |f: &str| field(&t, "Body", f).get("format").cloned();
        assert_eq!(format("at"), Some("date-time".into()));
        assert_eq!(format("day"), Some("date".into()));
        assert_eq!(format("mail"), Some("email".into()));
        assert_eq!(format("url"), Some("uri".into()));
        assert_eq!(format("id"), Some("uuid".into()));
        // A date and a date-time share no format.
        assert_eq!(format("mixed"), None);
        assert_eq!(format("reply_to"), None);
        assert_eq!(format("scheme"), None);
    }

    #[test]
    fn maps_for_keys_that_are_data() {
        // Keys with spaces, CloudCard's custom fields.
        let t = types(&[r#"{"customFields": {"Last_Name": "Card", "First Name": "Carry A"}}"#]);
        assert_eq!(
            field(&t, "Body", "customFields"),
            serde_json::json!({"name": "customFields", "type": "map", "of": "string", "required": true})
        );
        // File names, values that are objects: a map of a named type.
        let t =
            types(&[r#"{"files": {"README.md": {"size": 23}, "a.rb": {"size": 1, "raw": "x"}}}"#]);
        assert_eq!(field(&t, "Body", "files")["of"], "FilesValue");
        assert_eq!(field(&t, "FilesValue", "size")["required"], true);
        // `{}` alone, and values sometimes `null`.
        let t = types(&[r#"{"extra": {}, "custom": {"Notes": null, "Date of birth": "x"}}"#]);
        assert_eq!(field(&t, "Body", "extra")["of"], "any");
        assert_eq!(field(&t, "Body", "custom")["of"], "any");
        // Many keys that come and go across examples, values of one kind.
        let t = types(&[
            r#"{"langs": {"Ruby": 10, "C": 3}}"#,
            r#"{"langs": {"Rust": 7, "Go": 1}}"#,
            r#"{"langs": {"Python": 2}}"#,
        ]);
        assert_eq!(field(&t, "Body", "langs")["of"], "integer");
        // Names that recur are fields, even when some come and go.
        let t = types(&[r#"{"u": {"id": 1, "a": 1}}"#, r#"{"u": {"id": 2, "b": 2}}"#]);
        assert_eq!(field(&t, "Body", "u")["type"], "U");
    }

    #[test]
    fn identical_shapes_are_one_type_and_names_do_not_collide() {
        let t = types(&[r#"{
            "owner": {"login": "a", "id": 1},
            "sender": {"login": "b", "id": 2},
            "repo": {"owner": {"name": "x"}},
            "request": {"a": 1},
            "tags": [["x"]]
        }"#]);
        assert_eq!(field(&t, "Body", "owner")["type"], "Owner");
        assert_eq!(field(&t, "Body", "sender")["type"], "Owner");
        assert!(t.get("Sender").is_none());
        // Another shape met under a taken name is prefixed with its parent.
        assert_eq!(field(&t, "Repo", "owner")["type"], "RepoOwner");
        // What a spec generates beside its types is never a draft's name.
        assert_eq!(field(&t, "Body", "request")["type"], "BodyRequest");
        assert_eq!(
            field(&t, "Body", "tags")["of"],
            serde_json::json!({"type": "array", "of": "string"})
        );
    }

    #[test]
    fn array_items_merge_across_elements_and_examples() {
        let t = types(&[
            r#"{"a": [1, 2], "b": [1, "x"], "c": [], "d": [null, 1], "e": [{"x": 1}, {"x": 2, "y": null}]}"#,
            r#"{"a": [3.5]}"#,
        ]);
        assert_eq!(field(&t, "Body", "a")["of"], "number");
        assert_eq!(field(&t, "Body", "b")["of"], "any");
        assert!(field(&t, "Body", "b")["description"]
            .as_str()
            .unwrap()
            .contains("integer and string"));
        assert_eq!(field(&t, "Body", "c")["of"], "any");
        assert_eq!(field(&t, "Body", "d")["of"], "any");
        assert_eq!(field(&t, "EItem", "y")["nullable"], true);
    }

    #[test]
    fn bodies_that_are_not_one_object_are_named_aliases() {
        let t = types(&[r#"[{"id": 1}]"#, r#"[]"#]);
        assert_eq!(
            t["Body"],
            serde_json::json!({"type": "array", "of": "BodyItem"})
        );
        assert_eq!(field(&t, "BodyItem", "id")["required"], true);
        let t = types(&["1", "\"x\""]);
        assert_eq!(t["Body"]["type"], "any");
        let t = types(&[r#"{"Some Key": 1}"#]);
        assert_eq!(
            t["Body"],
            serde_json::json!({"type": "map", "of": "integer"})
        );
    }

    #[test]
    fn rust_names_keep_fields_apart() {
        let t = types(&[r#"{"+1": 0, "-1": 0, "fooBar": 1, "foo_bar": 2, "+": 3}"#]);
        assert!(field(&t, "Body", "+1").get("rust_name").is_none());
        assert_eq!(field(&t, "Body", "-1")["rust_name"], "minus_1");
        assert_eq!(field(&t, "Body", "foo_bar")["rust_name"], "foo_bar_2");
        assert_eq!(field(&t, "Body", "+")["rust_name"], "plus_field");
    }

    #[test]
    fn params_from_request_bodies() {
        let text = draft(
            &parse(&[
                r#"{"email": "jon.doe@foo.edu"}"#,
                r#"{"email": "jon.doe@foo.edu", "customFields": {"First Name": "Carry A"}, "build": 1}"#,
            ]),
            &Target::Params,
        )
        .unwrap();
        assert_eq!(
            text,
            r#"{
  "params": [
    { "name": "email", "in": "body", "type": "string", "format": "email", "required": true },
    { "name": "customFields", "in": "body", "type": "map", "of": "string" },
    { "name": "build", "rust_name": "build_2", "in": "body", "type": "integer" }
  ]
}
"#
        );
    }

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(
            draft(&[], &Target::Params).unwrap_err(),
            "no examples to draft from"
        );
        assert_eq!(
            draft(&parse(&["{}", "[1]"]), &Target::Params).unwrap_err(),
            "`--params` drafts body params from request bodies, which are objects of params; example 2 is an array"
        );
        assert_eq!(
            draft(&parse(&["{}"]), &Target::Types("not a name".into())).unwrap_err(),
            "`not a name` cannot name a type: use an identifier such as `Person`"
        );
        assert_eq!(
            draft(&parse(&["{}"]), &Target::Types("Response".into())).unwrap_err(),
            "`Response` is a name the generated code gives an item of its own; choose another"
        );
    }
}
