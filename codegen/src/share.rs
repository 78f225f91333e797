//! What the specs of one directory generate alike, generated once.
//!
//! Every spec of an API that includes the same fragment generates the same
//! items from it (PlanoCore's `Envelope`, `Application` and the fifteen
//! responses' enum): a hundred endpoints would otherwise compile a hundred
//! copies. Items are compared as generated code, so an item is shared only
//! where its definition is the same to the letter, and only with the items
//! it refers to, so every shared item means what the spec's own would.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, Diagnostic};
use crate::expand::Module;
use crate::ir::Endpoint as Spec;

/// An item's generated code, compared as text. The items of a fragment's
/// types are one text shared by every module that includes the fragment
/// (see [`crate::expand::Cache`]), so the same text is told equal by its
/// address before it is read.
#[derive(Clone, Copy)]
struct Code<'a>(&'a str);

impl PartialEq for Code<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Code<'_> {}

impl PartialOrd for Code<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if std::ptr::eq(self.0, other.0) {
            std::cmp::Ordering::Equal
        } else {
            self.0.cmp(other.0)
        }
    }
}

/// name → (generated code → the modules that generate it).
type Versions<'a> = BTreeMap<&'a str, BTreeMap<Code<'a>, Vec<usize>>>;

fn versions(modules: &[Module]) -> Versions<'_> {
    let mut by_name: Versions<'_> = BTreeMap::new();
    for (m, module) in modules.iter().enumerate() {
        for item in &module.items {
            by_name
                .entry(&item.name)
                .or_default()
                .entry(Code(&item.code))
                .or_default()
                .push(m);
        }
    }
    by_name
}

/// For each module, the names of its items the directory generates; and
/// those items, once each. A `types` name two specs define differently is
/// an error naming both.
pub fn shared_items<'m>(
    specs: &[Spec],
    modules: &'m [Module],
    errors: &mut Vec<Diagnostic>,
) -> (Vec<BTreeSet<&'m str>>, Vec<TokenStream>) {
    let mut defined = TypeVersions::default();
    for (spec, module) in specs.iter().zip(modules) {
        defined.add(spec, module);
    }
    defined.finish(errors);
    let by_name = versions(modules);
    // A fragment's item is the API's: the directory generates it even when
    // one spec uses it, so its path does not move as specs come.
    let from_fragment: BTreeSet<&str> = modules
        .iter()
        .flat_map(|m| &m.items)
        .filter(|i| i.from_fragment)
        .map(|i| i.name.as_str())
        .collect();
    // Each name is shared by the largest group of modules that generate it
    // alike (the first such group on a tie), when that is two or more.
    let mut shared: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); modules.len()];
    let mut chosen: BTreeSet<&str> = BTreeSet::new();
    for (name, versions) in &by_name {
        let best = versions
            .values()
            .fold(None::<&Vec<usize>>, |best, ms| match best {
                Some(b) if b.len() >= ms.len() => best,
                _ => Some(ms),
            });
        let fragment = versions.len() == 1 && from_fragment.contains(name);
        if let Some(ms) = best.filter(|ms| ms.len() >= 2 || fragment) {
            chosen.insert(name);
            for &m in ms {
                shared[m].insert(name);
            }
        }
    }
    // An item is shared by a module only with every item of that module it
    // refers to: drop the rest until nothing changes.
    // The names each distinct item's text may refer to, read once: the
    // items of a fragment's types are the same text in every module. Only
    // words that name some item of the directory are kept, which leaves
    // a few per item of the many words of its code and docs.
    let all_names: std::collections::HashSet<&str> = by_name.keys().copied().collect();
    let mut refs_of: std::collections::HashMap<*const u8, Vec<&str>> = Default::default();
    let deps: Vec<Vec<Vec<&str>>> = modules
        .iter()
        .map(|module| {
            let names: std::collections::HashSet<&str> =
                module.items.iter().map(|i| i.name.as_str()).collect();
            module
                .items
                .iter()
                .map(|item| {
                    let refs = refs_of.entry(item.code.as_ptr()).or_insert_with(|| {
                        words(&item.code)
                            .into_iter()
                            .filter(|w| all_names.contains(w))
                            .collect()
                    });
                    refs.iter()
                        .filter(|w| **w != item.name)
                        .filter(|w| names.contains(*w))
                        .copied()
                        .collect()
                })
                .collect()
        })
        .collect();
    loop {
        let mut changed = false;
        for (m, module) in modules.iter().enumerate() {
            for (item, deps) in module.items.iter().zip(&deps[m]) {
                if shared[m].contains(item.name.as_str())
                    && deps.iter().any(|dep| !shared[m].contains(*dep))
                {
                    shared[m].remove(item.name.as_str());
                    changed = true;
                }
            }
        }
        // A name left to one module is that module's own again.
        let mut users: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (m, names) in shared.iter().enumerate() {
            for name in names {
                users.entry(name).or_insert((0, m)).0 += 1;
            }
        }
        for (name, (count, m)) in users {
            if count == 1 && !from_fragment.contains(name) {
                shared[m].remove(name);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Each shared item from the first module that shares it.
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (m, names) in shared.iter().enumerate() {
        for name in names {
            first.entry(name).or_insert(m);
        }
    }
    let mut items = Vec::new();
    for name in &chosen {
        let item = first
            .get(name)
            .and_then(|&m| modules[m].items.iter().find(|i| i.name == **name));
        if let Some(item) = item {
            items.push(item.tokens.clone());
        }
    }
    (shared, items)
}

/// The words of `code` (an item's, as text) that could name an item, each
/// once: what it may refer to.
fn words(code: &str) -> Vec<&str> {
    let mut words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// `check_routes`: two specs of one directory (one API) on one method and
/// path, `POST /anything` twice, that their fixed params (`const`) do not
/// tell apart: a client could not tell them apart, nor could a server or an
/// OpenAPI document hold both. Placeholders count as one, so
/// `/people/{id}` and `/people/{email}` are the same route.
///
/// Specs on one route are told apart when no two have the same fixed
/// params (each a place, a name and a value; header names in any case):
/// a request carries its endpoint's, and a server takes the endpoint whose
/// fixed params it carries, the one with the most where several do. So
/// `get_item` (`X-Amz-Target: …GetItem`) and `put_item` (`…PutItem`) share
/// `POST /`, and `list_objects` (none) and `get_bucket_acl` (`?acl`) share
/// `GET /{Bucket}`.
pub fn check_routes(specs: &[Spec], errors: &mut Vec<Diagnostic>) {
    let mut routes = Routes::default();
    for spec in specs {
        routes.add(spec, errors);
    }
}

/// [`check_routes`] a spec at a time, keeping of each route only the
/// first spec's name and where it writes the path.
#[derive(Default)]
pub struct Routes {
    seen: BTreeMap<RouteKey, FirstOnRoute>,
}

/// A route as requests tell it apart: method, path shape, the fixed
/// params, each its place, name (a header's in lowercase) and text, sorted,
/// the required query, header and cookie params, each its place and
/// name, sorted, and the body's media type ([`body_media`]). A router
/// takes the endpoint a request fits with the most fixed params, then the
/// most required ones, then the one whose body's media type it sends.
type RouteKey = (
    String,
    String,
    Vec<(&'static str, String, String)>,
    Vec<(&'static str, String)>,
    String,
);

/// The media type a request's `Content-Type` carries for the spec's body,
/// without parameters (`""` where it sends none): a JSON body's
/// `application/json` (or its own JSON media type), a form's, multipart's,
/// a binary or text body's `content_type`.
fn body_media(spec: &Spec) -> String {
    use crate::ir::{BodyEncoding, In};
    if !spec.params.iter().any(|p| p.location == In::Body) {
        return String::new();
    }
    let whole = spec.params.iter().find_map(|p| p.whole_body.as_deref());
    let media = match spec.route.body {
        BodyEncoding::None => "",
        BodyEncoding::Json | BodyEncoding::Binary | BodyEncoding::Text => {
            whole.unwrap_or("application/json")
        }
        BodyEncoding::Base64Json => "text/plain",
        BodyEncoding::Form => "application/x-www-form-urlencoded",
        BodyEncoding::Multipart => "multipart/form-data",
    };
    endpoints_runtime::spec::essence(media)
}

/// The first spec on a route: its name, and the file and line of its path.
type FirstOnRoute = (String, String, usize);

impl Routes {
    pub fn add(&mut self, spec: &Spec, errors: &mut Vec<Diagnostic>) {
        let mut fixed: Vec<(&'static str, String, String)> = spec
            .fixed
            .iter()
            .map(|f| {
                let name = match f.location {
                    crate::ir::In::Header => f.name.to_ascii_lowercase(),
                    _ => f.name.clone(),
                };
                (f.location.name(), name, f.text.clone())
            })
            .collect();
        fixed.sort();
        let mut required: Vec<(&'static str, String)> = spec
            .params
            .iter()
            .filter(|p| {
                p.field.required
                    && matches!(
                        p.location,
                        crate::ir::In::Query | crate::ir::In::Header | crate::ir::In::Cookie
                    )
            })
            .map(|p| {
                let name = match p.location {
                    crate::ir::In::Header => p.field.name.to_ascii_lowercase(),
                    _ => p.field.name.clone(),
                };
                (p.location.name(), name)
            })
            .collect();
        required.sort();
        let route = (
            spec.route.method.as_str().to_string(),
            route_shape(&spec.route.path),
            fixed,
            required,
            body_media(spec),
        );
        match self.seen.get(&route) {
            Some((first_name, first_file, first_line)) => {
                let why = match spec.fixed.as_slice() {
                    [] => "two endpoints of one directory cannot share a method and path unless their fixed params (`const`), the query, header and cookie params they require, or their bodies' media types tell them apart".to_string(),
                    fixed => {
                        let listed: Vec<String> = fixed.iter().map(fixed_words).collect();
                        format!(
                            "both are sent with {} and require the same params, so nothing tells them apart; give one a fixed param (`const`) of its own",
                            listed.join(" and ")
                        )
                    }
                };
                errors.push(Ctxt::diagnostic(
                    &spec.files,
                    &spec.route.path_loc,
                    format!(
                        "`{} {}` is also the route of `{first_name}` ({first_file} line {first_line}); {why}",
                        route.0, spec.route.path
                    ),
                ));
            }
            None => {
                let at = Ctxt::diagnostic(&spec.files, &spec.route.path_loc, String::new());
                self.seen
                    .insert(route, (spec.name.to_string(), at.file, at.line));
            }
        }
    }
}

/// `check_types_agree`: `"types": {"Person": …}` in two specs of a
/// directory, with different definitions: one API, one meaning per name.
/// Checked a spec at a time:
/// of each name, each distinct generated definition and where the first
/// spec that defines it under `types` does, so a directory of thousands of
/// specs that share their types keeps one entry per type.
#[derive(Default)]
pub struct TypeVersions {
    by_name: BTreeMap<String, BTreeMap<OwnedCode, Option<Diagnostic>>>,
}

impl TypeVersions {
    /// The items of one spec's module (its `types`, at least), generated
    /// from `spec`.
    pub fn add(&mut self, spec: &Spec, module: &Module) {
        for item in &module.items {
            let versions = match self.by_name.get_mut(item.name.as_str()) {
                Some(v) => v,
                None => self.by_name.entry(item.name.clone()).or_default(),
            };
            let first = versions.entry(OwnedCode(item.code.clone())).or_default();
            if first.is_none() {
                *first = item
                    .defined_at
                    .as_ref()
                    .map(|loc| Ctxt::diagnostic(&spec.files, loc, String::new()));
            }
        }
    }

    /// A `types` name the directory's specs define differently, at each
    /// definition but the first.
    pub fn finish(self, errors: &mut Vec<Diagnostic>) {
        for (name, versions) in self.by_name {
            if versions.len() < 2 {
                continue;
            }
            let defined: Vec<Diagnostic> = versions.into_values().flatten().collect();
            if let [at, rest @ ..] = defined.as_slice() {
                for other in rest {
                    errors.push(Diagnostic {
                        message: conflict_message(&name, at),
                        ..other.clone()
                    });
                }
            }
        }
    }
}

fn conflict_message(name: &str, at: &Diagnostic) -> String {
    format!(
        "the type `{name}` is defined differently by another spec of this directory (first in {} at {} (line {}, column {})); the specs of one directory are one API and share their types: give both one definition, or rename one",
        at.file, at.path, at.line, at.column
    )
}

/// [`Code`] owning its text.
struct OwnedCode(std::rc::Rc<str>);

impl PartialEq for OwnedCode {
    fn eq(&self, other: &Self) -> bool {
        Code(&self.0) == Code(&other.0)
    }
}

impl Eq for OwnedCode {}

impl PartialOrd for OwnedCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OwnedCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        Code(&self.0).cmp(&Code(&other.0))
    }
}

/// A fixed param as a request carries it: `X-Amz-Target: X.Get`,
/// `?Action=Send`, `?acl`, the cookie `v=2`.
fn fixed_words(f: &crate::ir::Fixed) -> String {
    match (f.location, f.text.as_str()) {
        (crate::ir::In::Query, "") => format!("`?{}`", f.name),
        (crate::ir::In::Query, text) => format!("`?{}={text}`", f.name),
        (crate::ir::In::Cookie, text) => format!("the cookie `{}={text}`", f.name),
        (_, text) => format!("`{}: {text}`", f.name),
    }
}

/// A path with every `{placeholder}` as `{}`.
pub(crate) fn route_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push('{');
            }
            '}' => {
                inside = false;
                out.push('}');
            }
            _ if inside => {}
            c => out.push(c),
        }
    }
    out
}
