//! OpenAPI 3.0 and 3.1 documents → spec files: one per operation, and a
//! fragment for what they share (`types`, `base_url`, the credential and
//! params every operation has).
//!
//! Stages, one per file: `read` (JSON or YAML text → a tree in document
//! order, every read error positioned), `schema` (JSON Schema → spec
//! types, named once, recursive ones kept), `operation` (paths →
//! specs), `write` (specs → text laid out as a person would). What the
//! spec format cannot say is never dropped silently: each is a [`Note`]
//! naming its JSON pointer in the document, why, and what was written
//! instead, and an operation that has one is counted as degraded. Where
//! the document contradicts itself (a default its own type refuses, a
//! listed value its own length rule refuses) and what was written keeps
//! all it says, the note says so and degrades nothing.

mod operation;
mod pattern;
mod read;
mod schema;
mod union;
mod write;

use std::collections::{BTreeMap, BTreeSet};

use crate::json::{Node, Value};
use read::Get;
pub use read::{read_document, ReadError};
use write::Obj;

/// The fragment every imported spec includes: `base_url`, and params
/// every operation has alike (the credential, mostly).
pub const FRAGMENT: &str = "_shared.json";

/// The directory of type fragments: one file per type, or per group of
/// types that refer to each other (a fragment may not include itself),
/// each including the fragments of the types it uses. A spec includes
/// the fragments of the types it names, so it reads (and the engine
/// expands) only the types it reaches.
pub const TYPES: &str = "types";

/// Something of the document the spec format cannot say as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    /// JSON pointer into the document (`/paths/~1pets/get/responses/default`).
    pub pointer: String,
    /// What the document says that the format cannot.
    pub message: String,
    /// What was written instead.
    pub instead: String,
    /// Whether the operations it concerns lose something by it. `false`
    /// where the document contradicts itself and the spec keeps all it
    /// says (a default its type refuses, which is documentation only,
    /// kept in the description): reported, and the operation still whole.
    pub degrades: bool,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}; {}", self.pointer, self.message, self.instead)
    }
}

/// How much of an operation made it into its spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything it says, in the spec.
    Whole,
    /// A spec was written, with notes on what it says otherwise.
    Degraded,
    /// No spec was written.
    Skipped,
}

/// One operation of the document and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    pub pointer: String,
    pub method: String,
    pub path: String,
    /// The spec's name (and file stem), unless skipped.
    pub name: Option<String>,
    pub outcome: Outcome,
    /// Indices into [`Import::notes`] of the notes that concern it: its
    /// own and those of every type it reaches.
    pub notes: Vec<usize>,
}

/// An imported document.
#[derive(Debug, Clone)]
pub struct Import {
    /// File name → text, the fragment ([`FRAGMENT`]) among them when the
    /// operations share anything; sorted by name.
    pub files: BTreeMap<String, String>,
    pub operations: Vec<Operation>,
    pub notes: Vec<Note>,
}

impl Import {
    /// How many operations came out whole, degraded and skipped.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |o| self.operations.iter().filter(|op| op.outcome == o).count();
        (
            count(Outcome::Whole),
            count(Outcome::Degraded),
            count(Outcome::Skipped),
        )
    }

    /// `imported 12 operations: 9 whole, 2 degraded, 1 skipped (5 notes)`,
    /// and `(5 notes, 2 degrading nothing)` where some are on what the
    /// document contradicts itself on.
    pub fn summary(&self) -> String {
        let (whole, degraded, skipped) = self.counts();
        let n = self.operations.len();
        let mended = self.notes.iter().filter(|n| !n.degrades).count();
        format!(
            "imported {n} operation{}: {whole} whole, {degraded} degraded, {skipped} skipped ({} note{}{})",
            if n == 1 { "" } else { "s" },
            self.notes.len(),
            if self.notes.len() == 1 { "" } else { "s" },
            match mended {
                0 => String::new(),
                m => format!(", {m} degrading nothing"),
            }
        )
    }
}

/// Imports a document read by [`read_document`]. An error when it is not
/// an OpenAPI 3.0 or 3.1 document (Swagger 2.0 among them).
pub fn import(doc: &Node) -> Result<Import, String> {
    if !matches!(doc.value, Value::Object(_)) {
        return Err(format!(
            "an OpenAPI document is an object, and this one is {}",
            doc.value.kind()
        ));
    }
    match doc.str_at("openapi") {
        Some(v) if v.starts_with("3.0") || v.starts_with("3.1") => {}
        Some(v) => {
            return Err(format!(
                "OpenAPI {v} is not supported: only 3.0 and 3.1 are"
            ))
        }
        None if doc.get("swagger").is_some() => return Err(
            "this is a Swagger 2.0 document: convert it to OpenAPI 3 first (swagger2openapi does)"
                .into(),
        ),
        None => {
            return Err(
                "the document has no `openapi` version: it is not an OpenAPI document".into(),
            )
        }
    }
    let mut im = Importer::new(doc);
    im.claim_components();
    let specs = im.operations();
    Ok(im.finish(specs))
}

/// Who a note or a type reference belongs to: an operation degrades when
/// a note is its own or belongs to a type it uses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    Document,
    Operation(usize),
    Type(String),
}

/// A named type under `types`, and how it may be used.
#[derive(Debug, Clone)]
pub(super) struct Def {
    pub(super) def: Obj,
    shape: Shape,
}

/// What a type is, as far as where it may go (query params take scalars
/// and arrays of them; headers and path params only scalars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Scalar,
    ScalarArray,
    Other,
}

/// A component schema's state while types are converted.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Component {
    /// Its name is claimed; not converted yet.
    Named(String),
    /// Being converted (a reference to it now is recursion); `alias` when
    /// it is not an object or enum, so recursion through it has no end.
    Converting {
        key: String,
        alias: bool,
    },
    Done(String),
}

struct Importer<'d> {
    root: &'d Node,
    notes: Vec<Note>,
    /// Each note's index in `notes`.
    noted: BTreeMap<Note, usize>,
    /// The references `allOf` merges on the way to the schema at hand.
    merging: Vec<String>,
    owner: Owner,
    owner_notes: BTreeMap<Owner, Vec<usize>>,
    /// Types each owner uses directly.
    deps: BTreeMap<Owner, BTreeSet<String>>,
    /// Named types, in the order made.
    types: Vec<(String, Def)>,
    /// Type names taken (and the generated items' own).
    taken: BTreeSet<String>,
    /// `#/components/schemas/X` → its state.
    components: BTreeMap<String, Component>,
    /// The components being converted, outermost first, each with whether
    /// it is an alias (not an object or enum); an inline object whose
    /// fields are being converted, or a union whose members are, is here
    /// too, unnamed, as not an alias.
    converting: Vec<(String, bool)>,
    /// Inline objects and enums already made, by definition: the same
    /// shape met twice is one type.
    inline: BTreeMap<String, String>,
    /// Whether the operation at hand has a query map flattened already:
    /// one takes every key no other param names, so a second cannot.
    query_map: bool,
    /// The operation's free-form query maps are written in brackets: two
    /// or more in the `form` style, one described so.
    bracket_maps: bool,
}

impl<'d> Importer<'d> {
    fn new(root: &'d Node) -> Importer<'d> {
        Importer {
            root,
            notes: Vec::new(),
            noted: BTreeMap::new(),
            merging: Vec::new(),
            owner: Owner::Document,
            owner_notes: BTreeMap::new(),
            deps: BTreeMap::new(),
            types: Vec::new(),
            taken: ["Request", "Response", "Builder", "BuilderParams"]
                .into_iter()
                .map(String::from)
                .collect(),
            components: BTreeMap::new(),
            converting: Vec::new(),
            inline: BTreeMap::new(),
            query_map: false,
            bracket_maps: false,
        }
    }

    fn note(&mut self, pointer: &str, message: impl Into<String>, instead: impl Into<String>) {
        self.push_note(Note {
            pointer: pointer.to_string(),
            message: message.into(),
            instead: instead.into(),
            degrades: true,
        });
    }

    /// A note on what the document contradicts itself on, where `instead`
    /// keeps all it says: the operation stays whole.
    fn mended(&mut self, pointer: &str, message: impl Into<String>, instead: impl Into<String>) {
        self.push_note(Note {
            pointer: pointer.to_string(),
            message: message.into(),
            instead: instead.into(),
            degrades: false,
        });
    }

    fn push_note(&mut self, note: Note) {
        // A shared schema read by several operations is noted once, and
        // degrades each of them.
        let i = match self.noted.get(&note) {
            Some(&i) => i,
            None => {
                self.noted.insert(note.clone(), self.notes.len());
                self.notes.push(note);
                self.notes.len() - 1
            }
        };
        self.owner_notes
            .entry(self.owner.clone())
            .or_default()
            .push(i);
    }

    fn uses(&mut self, key: &str) {
        self.deps
            .entry(self.owner.clone())
            .or_default()
            .insert(key.to_string());
    }

    /// The notes of `owner` and of every type it reaches, in order.
    fn notes_of(&self, owner: &Owner) -> Vec<usize> {
        let mut found: BTreeSet<usize> = BTreeSet::new();
        found.extend(self.owner_notes.get(owner).into_iter().flatten());
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = self.deps.get(owner).into_iter().flatten().collect();
        while let Some(key) = todo.pop() {
            if !seen.insert(key) {
                continue;
            }
            let as_owner = Owner::Type(key.clone());
            found.extend(self.owner_notes.get(&as_owner).into_iter().flatten());
            todo.extend(self.deps.get(&as_owner).into_iter().flatten());
        }
        found.into_iter().collect()
    }

    /// A type name from `hint` (in UpperCamelCase), else prefixed with
    /// `parent`, else numbered; claimed.
    fn claim(&mut self, hint: &str, parent: &str) -> String {
        let base = crate::case::upper_camel(hint)
            .map(|n| crate::case::unraw(&n).to_string())
            .unwrap_or_else(|| "Type".into());
        // Prefixes stop growing: nested inline objects would otherwise
        // make names of hundreds of characters.
        let prefixed = format!("{parent}{base}");
        let prefixed = if prefixed.len() > 48 {
            base.clone()
        } else {
            prefixed
        };
        crate::case::claim_name(&mut self.taken, base, prefixed)
    }

    /// Claims a name for every component schema, in document order, before
    /// any is converted: a component keeps its own name (in
    /// UpperCamelCase) wherever it is first used, and two that read alike
    /// (`pet`, `Pet`) are told apart by number, the first in the document
    /// keeping the plain name.
    fn claim_components(&mut self) {
        let Some(schemas) = self.root.get("components").and_then(|c| c.get("schemas")) else {
            return;
        };
        for (key, _) in schemas.members() {
            let base = crate::case::upper_camel(&key.name)
                .map(|n| crate::case::unraw(&n).to_string())
                .unwrap_or_else(|| "Type".into());
            let name = std::iter::once(base.clone())
                .chain((2..).map(|i| format!("{base}{i}")))
                .find(|n| !self.taken.contains(n))
                .unwrap_or_default();
            self.taken.insert(name.clone());
            self.components.insert(
                format!("#/components/schemas/{}", read::escape(&key.name)),
                Component::Named(name),
            );
        }
    }

    /// Puts a named type under `types`.
    fn define(&mut self, key: &str, def: Obj, shape: Shape) {
        self.types.push((key.to_string(), Def { def, shape }));
    }

    fn shape_of_name(&self, key: &str) -> Shape {
        self.types
            .iter()
            .find(|(k, _)| k == key)
            .map_or(Shape::Other, |(_, d)| d.shape)
    }

    fn finish(self, specs: Vec<operation::Built>) -> Import {
        let mut files = BTreeMap::new();
        let mut operations = Vec::new();
        // Params every operation has alike go to the shared fragment, once.
        let written: Vec<&operation::SpecOut> =
            specs.iter().filter_map(|b| b.spec.as_ref()).collect();
        let mut common: Vec<Value> = Vec::new();
        if let [first, _, ..] = written.as_slice() {
            for p in &first.params {
                let is_path = operation::get_str(p, "in") == Some("path");
                if !is_path && written.iter().all(|s| s.params.contains(p)) {
                    common.push(p.clone());
                }
            }
        }
        let mut shared = Obj::new();
        if let Some(base) = operation::base_url(self.root) {
            shared.set("base_url", base);
        }
        if !common.is_empty() {
            shared.set("params", common.clone());
        }
        let has_shared = !shared.0.is_empty() && !written.is_empty();
        let fragments = TypeFragments::new(&self.types);
        for built in &specs {
            let notes = self.notes_of(&Owner::Operation(built.index));
            let outcome = match &built.spec {
                None => Outcome::Skipped,
                Some(_) if notes.iter().any(|&i| self.notes[i].degrades) => Outcome::Degraded,
                Some(_) => Outcome::Whole,
            };
            if let Some(spec) = &built.spec {
                let params: Vec<Value> = spec
                    .params
                    .iter()
                    .filter(|p| !common.contains(p))
                    .cloned()
                    .collect();
                let up = if spec.dir.is_some() { "../" } else { "" };
                let mut include = Vec::new();
                if has_shared {
                    include.push(Value::String(format!("{up}{FRAGMENT}")));
                }
                for i in fragments.needed_by(params.iter().chain(&spec.responses)) {
                    include.push(Value::String(format!(
                        "{up}{TYPES}/{}",
                        fragments.files[i].0
                    )));
                }
                let text = write::print(&spec.to_value(include, params));
                let file = match &spec.dir {
                    Some(dir) => format!("{dir}/{}.json", spec.name),
                    None => format!("{}.json", spec.name),
                };
                files.insert(file, text);
            }
            operations.push(Operation {
                pointer: built.pointer.clone(),
                method: built.method.clone(),
                path: built.path.clone(),
                name: built.spec.as_ref().map(|s| s.name.clone()),
                outcome,
                notes,
            });
        }
        if has_shared {
            // Shared params may name types: the fragment includes theirs.
            let wanted = fragments.needed_by(&common);
            if !wanted.is_empty() {
                let include: Vec<Value> = wanted
                    .iter()
                    .map(|&i| Value::String(format!("{TYPES}/{}", fragments.files[i].0)))
                    .collect();
                shared
                    .0
                    .insert(0, ("include".to_string(), write::Out::from(include).0));
            }
            files.insert(FRAGMENT.to_string(), write::print(&shared.into_value()));
        }
        // Only the types some spec reaches: a fragment no spec includes
        // would read as a spec of its own.
        let mut reached = BTreeSet::new();
        let mut todo: Vec<usize> = Vec::new();
        for text in files.values() {
            if let Ok(n) = crate::json::parse(text) {
                if let Some(inc) = n.get("include") {
                    for f in inc.items() {
                        if let Value::String(f) = &f.value {
                            if let Some(i) = fragments
                                .files
                                .iter()
                                .position(|(name, _)| f.ends_with(&format!("{TYPES}/{name}")))
                            {
                                todo.push(i);
                            }
                        }
                    }
                }
            }
        }
        while let Some(i) = todo.pop() {
            if reached.insert(i) {
                todo.extend(fragments.deps[i].iter().copied());
            }
        }
        for i in reached {
            let (name, members) = &fragments.files[i];
            let mut frag = Obj::new();
            let include: Vec<Value> = fragments.deps[i]
                .iter()
                .map(|d| Value::String(fragments.files[*d].0.clone()))
                .collect();
            if !include.is_empty() {
                frag.set("include", include);
            }
            frag.set("types", Obj(members.clone()));
            files.insert(format!("{TYPES}/{name}"), write::print(&frag.into_value()));
        }
        Import {
            files,
            operations,
            notes: self.notes,
        }
    }
}

/// The named types split into fragments: one per strongly connected group
/// of the type graph (a recursive type and the types in its cycle), in
/// the order the types were made.
struct TypeFragments {
    /// Type key → its index in `types`.
    index: BTreeMap<String, usize>,
    /// Type key → its fragment.
    of: BTreeMap<String, usize>,
    /// File name → its types.
    files: Vec<(String, Vec<(String, Value)>)>,
    /// Fragment → the fragments it includes.
    deps: Vec<BTreeSet<usize>>,
}

impl TypeFragments {
    /// The fragments holding the types `values` refer to, in file order.
    fn needed_by<'v>(&self, values: impl IntoIterator<Item = &'v Value>) -> Vec<usize> {
        let mut used = BTreeSet::new();
        for v in values {
            type_refs(v, &self.index, &mut used);
        }
        let mut wanted: Vec<usize> = used
            .iter()
            .filter_map(|k| self.of.get(k).copied())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        wanted
    }

    fn new(types: &[(String, Def)]) -> TypeFragments {
        let index: BTreeMap<String, usize> = types
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        let edges: Vec<Vec<usize>> = types
            .iter()
            .map(|(_, d)| {
                let mut used = BTreeSet::new();
                type_refs(&d.def.clone().into_value(), &index, &mut used);
                used.iter().filter_map(|k| index.get(k).copied()).collect()
            })
            .collect();
        let groups = strongly_connected(&edges);
        let mut group_of = vec![0; types.len()];
        for (g, members) in groups.iter().enumerate() {
            for &m in members {
                group_of[m] = g;
            }
        }
        let mut taken = BTreeSet::new();
        let mut files = Vec::new();
        let mut deps = Vec::new();
        for members in &groups {
            let first = members.iter().min().copied().unwrap_or_default();
            let base = crate::case::snake(&types[first].0)
                .map(|s| {
                    let s = crate::case::unraw(&s).trim_start_matches('_');
                    crate::case::short_stem(s).to_string()
                })
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "type".into());
            let name = std::iter::once(base.clone())
                .chain((2..).map(|i| format!("{base}_{i}")))
                .find(|n| !taken.contains(n))
                .unwrap_or_default();
            taken.insert(name.clone());
            let mut sorted = members.clone();
            sorted.sort_unstable();
            files.push((
                format!("{name}.json"),
                sorted
                    .iter()
                    .map(|&m| (types[m].0.clone(), types[m].1.def.clone().into_value()))
                    .collect(),
            ));
            let g = files.len() - 1;
            deps.push(
                sorted
                    .iter()
                    .flat_map(|&m| edges[m].iter().map(|&e| group_of[e]))
                    .filter(|&d| d != g)
                    .collect(),
            );
        }
        let of = types
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), group_of[i]))
            .collect();
        TypeFragments {
            index,
            of,
            files,
            deps,
        }
    }
}

/// The strongly connected groups of a graph (Tarjan's, without recursion:
/// a document's types may chain thousands deep), each group's members in
/// ascending order, groups ordered by their first member.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut groups = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0usize)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut group = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        group.push(w);
                        if w == v {
                            break;
                        }
                    }
                    group.sort_unstable();
                    groups.push(group);
                }
            }
        }
    }
    groups.sort_by_key(|g| g.first().copied());
    groups
}

/// The names of `types` a spec value refers to (`"type"`, `"of"` or
/// `"body"` naming one, or a union's members), anywhere but inside values
/// it carries verbatim.
fn type_refs(v: &Value, index: &BTreeMap<String, usize>, out: &mut BTreeSet<String>) {
    let name = |n: &Value, out: &mut BTreeSet<String>| match n {
        Value::String(s) if index.contains_key(s) => {
            out.insert(s.clone());
        }
        other => type_refs(other, index, out),
    };
    match v {
        Value::Object(members) => {
            let tagged = members.iter().any(|(k, _)| k.name == "tag");
            for (k, n) in members {
                match (&*k.name, &n.value) {
                    ("type" | "of" | "body", Value::String(_)) => name(&n.value, out),
                    // A union's members: a list, or by tag value.
                    ("of", Value::Array(items)) => items.iter().for_each(|i| name(&i.value, out)),
                    ("of", Value::Object(by_tag)) if tagged => {
                        by_tag.iter().for_each(|(_, i)| name(&i.value, out))
                    }
                    ("values" | "default" | "examples", _) => {}
                    (_, other) => type_refs(other, index, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| type_refs(&i.value, index, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod graph_tests {
    use super::strongly_connected;

    #[test]
    fn cycles_are_one_group_and_chains_are_many() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 0 hangs off it; 4 stands alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![]];
        assert_eq!(
            strongly_connected(&edges),
            vec![vec![0, 1, 2], vec![3], vec![4]]
        );
        // A chain thousands long needs no deep recursion.
        let chain: Vec<Vec<usize>> = (0..20_000)
            .map(|i| if i + 1 < 20_000 { vec![i + 1] } else { vec![] })
            .collect();
        assert_eq!(strongly_connected(&chain).len(), 20_000);
    }
}
