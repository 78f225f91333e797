//! Rustdoc for the generated items, from the spec's own words.

use proc_macro2::TokenStream;
use quote::quote;

use super::{constraint_facts, docs, Gen};
use crate::ir::{Field, In};
use crate::json::{self, Node};

impl Gen<'_> {
    pub(super) fn module_docs(&self) -> TokenStream {
        let spec = self.spec;
        let mut lines = Vec::new();
        if let Some(summary) = &spec.summary {
            lines.push(summary.clone());
            lines.push(String::new());
        }
        // The query's fixed params are part of the route as the API
        // documents it (`POST /?Action=SendMessage`); headers and cookies
        // follow it.
        let query: Vec<String> = spec
            .fixed
            .iter()
            .filter(|f| f.location == In::Query)
            .map(|f| match f.text.as_str() {
                "" => f.name.clone(),
                text => format!("{}={text}", f.name),
            })
            .collect();
        let query = match query.is_empty() {
            true => String::new(),
            false => format!("?{}", query.join("&")),
        };
        lines.push(format!(
            "`{} {}{query}`",
            spec.route.method.as_str(),
            spec.route.path
        ));
        for f in spec.fixed.iter().filter(|f| f.location != In::Query) {
            lines.push(String::new());
            lines.push(match f.location {
                In::Cookie => format!("Always sent with the cookie `{}={}`.", f.name, f.text),
                _ => format!("Always sent with `{}: {}`.", f.name, f.text),
            });
        }
        if let Some(base) = &spec.route.base_url {
            lines.push(String::new());
            lines.push(format!("Base URL: <{base}>"));
        }
        if let Some(description) = &spec.description {
            lines.push(String::new());
            lines.extend(description.lines().map(str::to_string));
        }
        docs(lines)
    }

    pub(super) fn field_docs(&self, field: &Field, location: Option<In>) -> TokenStream {
        let docs = docs(self.field_doc_lines(field, location));
        let example = field.examples.first().map(|e| example_docs("Example", e));
        quote!(#docs #example)
    }

    /// What a field's docs say: its description, then where it travels,
    /// its flags and rules; nothing for an object's field the spec says
    /// nothing of.
    pub(super) fn field_doc_lines(&self, field: &Field, location: Option<In>) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        if let Some(d) = &field.description {
            lines.extend(d.lines().map(str::to_string));
            lines.push(String::new());
        }
        let mut facts = vec![match location {
            Some(In::Header) => format!("Header `{}`", field.name),
            Some(i) => format!("`{}` in the {}", field.name, i.name()),
            None => format!("`{}`", field.name),
        }];
        if field.required {
            facts.push("required".into());
        }
        if field.nullable {
            facts.push("may be null".into());
        }
        if field.sensitive {
            facts.push("sensitive (never shown by `Debug`)".into());
        }
        if field.read_only {
            facts.push(
                "read-only: the server sets it, and `validate` refuses a request that sets it"
                    .into(),
            );
        }
        if field.write_only {
            facts.push("write-only: sent in requests, never in answers".into());
        }
        if matches!(field.ty.kind, crate::ir::Kind::Upload) {
            facts.push(
                "from bytes, a file, a reader or a stream, sent as it is read (`Upload`)".into(),
            );
        }
        facts.extend(constraint_facts(&field.ty));
        if let Some(default) = &field.default {
            facts.push(format!(
                "default `{default}` (assumed by the API when absent; never sent for you)"
            ));
        }
        // An object's field whose docs would only repeat its wire name (the
        // serde attribute and the field say it) has none.
        if location.is_some() || facts.len() > 1 {
            lines.push(facts.join("; ") + ".");
        } else {
            lines.pop();
        }
        lines
    }
}

/// The docs showing an example (the spec's first): `Example: `"a"`.` on
/// one line when it is short, else a JSON block, written as the spec has
/// it (no links added inside, so it stays the JSON it is).
pub(super) fn example_docs(label: &str, example: &Node) -> TokenStream {
    let compact = json::write(&example.value, false);
    let lines: Vec<String> = if compact.chars().count() <= 60 && !compact.contains('`') {
        vec![String::new(), format!("{label}: `{compact}`.")]
    } else {
        let pretty = json::write(&example.value, true);
        let mut lines = vec![String::new(), format!("{label}:"), String::new()];
        lines.push("```json".into());
        lines.extend(pretty.lines().map(str::to_string));
        lines.push("```".into());
        lines
    };
    let lines = lines.into_iter().map(|line| {
        let line = format!(" {line}");
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}
