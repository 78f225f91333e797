//! Rustdoc for the generated items, from the spec's own words.

use proc_macro2::TokenStream;

use super::{constraint_facts, docs, Gen};
use crate::ir::{Field, In};

impl Gen<'_> {
    pub(super) fn module_docs(&self) -> TokenStream {
        let spec = self.spec;
        let mut lines = Vec::new();
        if let Some(summary) = &spec.summary {
            lines.push(summary.clone());
            lines.push(String::new());
        }
        lines.push(format!("`{} {}`", spec.method.as_str(), spec.path));
        if let Some(base) = &spec.base_url {
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
        docs(self.field_doc_lines(field, location))
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
