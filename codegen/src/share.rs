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

/// For each module, the names of its items the directory generates; and
/// those items, once each. A `types` name two specs define differently is
/// an error naming both.
pub fn shared_items(
    specs: &[Spec],
    modules: &[Module],
    errors: &mut Vec<Diagnostic>,
) -> (Vec<BTreeSet<String>>, Vec<TokenStream>) {
    // Each item's code as text, rendered once: compared across modules,
    // and read for the names it refers to.
    let codes: Vec<Vec<&str>> = modules
        .iter()
        .map(|m| m.items.iter().map(|i| &*i.code).collect())
        .collect();
    // name → (generated code → the modules that generate it)
    let mut by_name: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (m, module) in modules.iter().enumerate() {
        for (item, code) in module.items.iter().zip(&codes[m]) {
            by_name
                .entry(&item.name)
                .or_default()
                .entry(code)
                .or_default()
                .push(m);
        }
    }
    report_conflicts(specs, modules, &by_name, errors);
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
    let mut shared: Vec<BTreeSet<String>> = vec![BTreeSet::new(); modules.len()];
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
                shared[m].insert(name.to_string());
            }
        }
    }
    // An item is shared by a module only with every item of that module it
    // refers to: drop the rest until nothing changes.
    // The words of each distinct item's text, read once: the items of a
    // fragment's types are the same text in every module.
    let mut words_of: std::collections::HashMap<*const u8, Vec<&str>> = Default::default();
    let deps: Vec<Vec<BTreeSet<&str>>> = modules
        .iter()
        .zip(&codes)
        .map(|(module, codes)| {
            let names: BTreeSet<&str> = module.items.iter().map(|i| i.name.as_str()).collect();
            module
                .items
                .iter()
                .zip(codes)
                .map(|(item, code)| {
                    let words = words_of.entry(code.as_ptr()).or_insert_with(|| words(code));
                    words
                        .iter()
                        .filter(|w| **w != item.name)
                        .filter_map(|w| names.get(w).copied())
                        .collect()
                })
                .collect()
        })
        .collect();
    loop {
        let mut changed = false;
        for (m, module) in modules.iter().enumerate() {
            for (item, deps) in module.items.iter().zip(&deps[m]) {
                if shared[m].contains(&item.name)
                    && deps.iter().any(|dep| !shared[m].contains(*dep))
                {
                    shared[m].remove(&item.name);
                    changed = true;
                }
            }
        }
        // A name left to one module is that module's own again.
        for name in &chosen {
            let users: Vec<usize> = (0..modules.len())
                .filter(|&m| shared[m].contains(*name))
                .collect();
            if users.len() == 1 && !from_fragment.contains(name) {
                shared[users[0]].remove(*name);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut items = Vec::new();
    for name in &chosen {
        let first = (0..modules.len()).find(|&m| shared[m].contains(*name));
        if let Some(item) = first.and_then(|m| modules[m].items.iter().find(|i| i.name == **name)) {
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
    let mut seen: BTreeMap<(String, String, FixedSet<'_>), usize> = BTreeMap::new();
    for (i, spec) in specs.iter().enumerate() {
        let mut fixed: FixedSet<'_> = spec
            .fixed
            .iter()
            .map(|f| {
                let name = match f.location {
                    crate::ir::In::Header => f.name.to_ascii_lowercase(),
                    _ => f.name.clone(),
                };
                (f.location.name(), name, f.text.as_str())
            })
            .collect();
        fixed.sort();
        let route = (
            spec.route.method.as_str().to_string(),
            route_shape(&spec.route.path),
            fixed,
        );
        match seen.get(&route) {
            Some(&first) => {
                let at = Ctxt::diagnostic(
                    &specs[first].files,
                    &specs[first].route.path_loc,
                    String::new(),
                );
                let why = match spec.fixed.as_slice() {
                    [] => "two endpoints of one directory cannot share a method and path unless their fixed params (`const`) tell them apart".to_string(),
                    fixed => {
                        let listed: Vec<String> = fixed.iter().map(fixed_words).collect();
                        format!(
                            "both are sent with {}, so nothing tells them apart; give one a fixed param (`const`) of its own",
                            listed.join(" and ")
                        )
                    }
                };
                errors.push(Ctxt::diagnostic(
                    &spec.files,
                    &spec.route.path_loc,
                    format!(
                        "`{} {}` is also the route of `{}` ({} line {}); {why}",
                        route.0, spec.route.path, specs[first].name, at.file, at.line
                    ),
                ));
            }
            None => {
                seen.insert(route, i);
            }
        }
    }
}

/// A spec's fixed params, each its place, name (a header's in lowercase)
/// and text, sorted: what tells it from the others on its route.
type FixedSet<'s> = Vec<(&'static str, String, &'s str)>;

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

/// `check_types_agree`: `"types": {"Person": …}` in two specs of a
/// directory, with different definitions: one API, one meaning per name.
fn report_conflicts(
    specs: &[Spec],
    modules: &[Module],
    by_name: &BTreeMap<&str, BTreeMap<&str, Vec<usize>>>,
    errors: &mut Vec<Diagnostic>,
) {
    for (name, versions) in by_name {
        if versions.len() < 2 {
            continue;
        }
        // The first module of each version that defines the name under `types`.
        let defined: Vec<(usize, &crate::ctxt::Loc)> = versions
            .values()
            .filter_map(|ms| {
                ms.iter().find_map(|&m| {
                    modules[m]
                        .items
                        .iter()
                        .find(|i| i.name == *name)
                        .and_then(|i| i.defined_at.as_ref())
                        .map(|loc| (m, loc))
                })
            })
            .collect();
        if let [(first, first_loc), rest @ ..] = defined.as_slice() {
            let at = Ctxt::diagnostic(&specs[*first].files, first_loc, String::new());
            for (m, loc) in rest {
                errors.push(Ctxt::diagnostic(
                    &specs[*m].files,
                    loc,
                    format!(
                        "the type `{name}` is defined differently by another spec of this directory (first in {} at {} (line {}, column {})); the specs of one directory are one API and share their types: give both one definition, or rename one",
                        at.file, at.path, at.line, at.column
                    ),
                ));
            }
        }
    }
}
