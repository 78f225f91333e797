//! `Validate` impls: one rule struct per constrained value, nested values
//! walked with their wire paths.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{opt, Gen};
use crate::check::{integer_multiple, number_multiple};
use crate::ir::{Field, Kind, Slot, Type};

impl Gen<'_> {
    /// `impl Validate`: one check per field that has rules. `filled` are
    /// the required params a client may fill in (wire name, whether it is
    /// the credential): unset after that, each is a broken rule. `extra`
    /// are a request's own checks (see `Gen::request_checks`).
    pub(super) fn validate_impl(
        &self,
        name: &Ident,
        fields: &[&Field],
        filled: &[(&str, bool)],
        extra: Vec<TokenStream>,
        object: Option<&Type>,
    ) -> TokenStream {
        let mut checks: Vec<TokenStream> = object
            .and_then(|ty| self.member_count(ty, fields))
            .into_iter()
            .chain(object.map(|ty| self.required_groups(ty, fields)))
            .collect();
        // A field the server sets, set in a request (`check` refuses a
        // required one, which a request could not leave out).
        checks.extend(
            fields
                .iter()
                .filter(|f| f.read_only && f.slot != Slot::Value)
                .map(|f| {
                    let id = &f.ident;
                    let wire = &f.name;
                    let set = match f.slot {
                        Slot::Nullable => quote!(!self.#id.is_absent()),
                        _ => quote!(self.#id.is_some()),
                    };
                    quote! {
                        if #set {
                            errors.push(&path.field(#wire), __ep::Rule::ReadOnly);
                        }
                    }
                }),
        );
        checks.extend(extra);
        checks.extend(fields
            .iter()
            .filter_map(|f| {
                let id = &f.ident;
                let wire = &f.name;
                let push = filled.iter().find(|(w, _)| w == wire).map(|(_, credential)| {
                    quote!(errors.push(&path.field(#wire), __ep::Rule::Missing { credential: #credential });)
                });
                if !f.ty.has_rules {
                    return push.map(|push| quote!(if self.#id.is_none() { #push }));
                }
                let unset = push.map(|push| quote!(else { #push }));
                let check = self.checks(&f.ty, &quote!(v), &quote!(p), 0);
                Some(if f.slot != Slot::Value {
                    let some = match f.slot {
                        Slot::Nullable => quote!(__ep::Nullable::Value),
                        _ => quote!(__ep::Some),
                    };
                    quote! {
                        if let #some(v) = &self.#id {
                            let p = path.field(#wire);
                            #check
                        } #unset
                    }
                } else {
                    quote! {{
                        let v = &self.#id;
                        let p = path.field(#wire);
                        #check
                    }}
                })
            }));
        let (path, errors) = if checks.is_empty() {
            (quote!(_path), quote!(_errors))
        } else {
            (quote!(path), quote!(errors))
        };
        quote! {
            impl __ep::Validate for #name {
                fn validate_into(&self, #path: &__ep::Path<'_>, #errors: &mut __ep::ValidationErrors) {
                    #(#checks)*
                }
            }
        }
    }

    /// An object's `min_items` and `max_items`: how many members it has on
    /// the wire, required fields always, optional ones when set (a
    /// `Nullable`'s `Null` too: it travels), a flattened map's entries.
    fn member_count(&self, ty: &Type, fields: &[&Field]) -> Option<TokenStream> {
        let (min, max) = (ty.constraints.min_items, ty.constraints.max_items);
        if min.is_none() && max.is_none() {
            return None;
        }
        let always = Literal::usize_unsuffixed(
            fields
                .iter()
                .filter(|f| !f.flatten && f.slot == Slot::Value)
                .count(),
        );
        let counted = fields.iter().filter_map(|f| {
            let id = &f.ident;
            match f.slot {
                // A flattened object's members `check` refuses to count.
                _ if f.flatten && matches!(f.ty.kind, Kind::Map(_)) => {
                    Some(quote!(+ self.#id.len()))
                }
                _ if f.flatten => None,
                Slot::Value => None,
                Slot::Option if f.required => Some(quote!(+ 1)),
                Slot::Option => Some(quote!(+ usize::from(self.#id.is_some()))),
                Slot::Nullable => Some(quote!(+ usize::from(!self.#id.is_absent()))),
            }
        });
        let min = opt(min.map(|n| Literal::usize_unsuffixed(n as usize)));
        let max = opt(max.map(|n| Literal::usize_unsuffixed(n as usize)));
        Some(quote! {
            __ep::Items { min_items: #min, max_items: #max }
                .check(#always #(#counted)*, path, errors);
        })
    }

    /// An object's `requires_any` and `requires_one`: how many of the
    /// groups of fields are set in full.
    fn required_groups(&self, ty: &Type, fields: &[&Field]) -> TokenStream {
        let c = &ty.constraints;
        let mut out = TokenStream::new();
        for (one, groups) in [(false, &c.requires_any), (true, &c.requires_one)] {
            let Some(groups) = groups else { continue };
            let set = groups.iter().map(|group| {
                let each = group.iter().map(|name| {
                    match fields.iter().find(|f| f.name == *name) {
                        Some(f) => {
                            let id = &f.ident;
                            match f.slot {
                                Slot::Value => quote!(true),
                                Slot::Option => quote!(self.#id.is_some()),
                                Slot::Nullable => quote!(!self.#id.is_absent()),
                            }
                        }
                        // Refused by `check`.
                        None => quote!(false),
                    }
                });
                quote!(usize::from(true #(&& #each)*))
            });
            let texts: Vec<String> = groups
                .iter()
                .map(|g| {
                    let names: Vec<String> = g.iter().map(|n| format!("`{n}`")).collect();
                    match names.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            format!("{} and {last}", rest.join(", "))
                        }
                        _ => names.concat(),
                    }
                })
                .collect();
            out.extend(if one {
                quote! {{
                    let set = 0 #(+ #set)*;
                    if set != 1 {
                        errors.push(path, __ep::Rule::RequiresOne { groups: &[#(#texts),*], set });
                    }
                }}
            } else {
                quote! {
                    if 0 #(+ #set)* == 0 {
                        errors.push(path, __ep::Rule::RequiresAny { groups: &[#(#texts),*] });
                    }
                }
            });
        }
        out
    }

    /// `min_length` and `max_length` of a `bytes` type, as `ByteRules`.
    pub(super) fn byte_rules(&self, ty: &Type) -> TokenStream {
        let min = opt(ty
            .constraints
            .min_length
            .map(|n| Literal::usize_unsuffixed(n as usize)));
        let max = opt(ty
            .constraints
            .max_length
            .map(|n| Literal::usize_unsuffixed(n as usize)));
        quote!(__ep::ByteRules { min_length: #min, max_length: #max })
    }

    /// The checks for a value `v: &T` of type `ty` at path `p`.
    pub(super) fn checks(
        &self,
        ty: &Type,
        v: &TokenStream,
        p: &TokenStream,
        depth: usize,
    ) -> TokenStream {
        if ty.item.is_some() || matches!(ty.kind, Kind::Ref(_)) {
            return quote!(__ep::Validate::validate_into(#v, &#p, errors););
        }
        match &ty.kind {
            Kind::Bytes => {
                let rules = self.byte_rules(ty);
                quote!(#rules.check(#v.len(), &#p, errors);)
            }
            Kind::Upload => {
                // Where its length is known; else as it is read.
                let rules = self.byte_rules(ty);
                quote!(#v.check_length(#rules, &#p, errors);)
            }
            Kind::String => {
                let mut rules = Vec::new();
                let mut pattern = TokenStream::new();
                if let Some(n) = ty.constraints.min_length {
                    let n = Literal::usize_unsuffixed(n as usize);
                    rules.push(quote!(min_length: __ep::Some(#n)));
                }
                if let Some(n) = ty.constraints.max_length {
                    let n = Literal::usize_unsuffixed(n as usize);
                    rules.push(quote!(max_length: __ep::Some(#n)));
                }
                if let Some(p) = &ty.constraints.pattern {
                    pattern = quote!(static PATTERN: __ep::Pattern = __ep::Pattern::new(#p););
                    rules.push(quote!(pattern: __ep::Some(&PATTERN)));
                }
                if let Some(f) = ty.constraints.format {
                    let variant = format_ident!("{}", f.variant_name());
                    rules.push(quote!(format: __ep::Some(__ep::Format::#variant)));
                }
                quote! {
                    #pattern
                    __ep::StrRules { #(#rules,)* ..__ep::StrRules::NONE }.check(#v, &#p, errors);
                }
            }
            Kind::Integer => {
                let min = opt(ty
                    .constraints
                    .minimum
                    .map(|n| Literal::i64_unsuffixed(n as i64)));
                let max = opt(ty
                    .constraints
                    .maximum
                    .map(|n| Literal::i64_unsuffixed(n as i64)));
                let mut out = TokenStream::new();
                if ty.constraints.minimum.is_some() || ty.constraints.maximum.is_some() {
                    out.extend(quote!(
                        __ep::Range { minimum: #min, maximum: #max }.check(*#v, &#p, errors);
                    ));
                }
                if let Some(m) = ty
                    .constraints
                    .multiple_of
                    .as_ref()
                    .and_then(integer_multiple)
                {
                    let m = Literal::i64_unsuffixed(m);
                    out.extend(
                        quote!(__ep::MultipleOf { multiple_of: #m }.check(*#v, &#p, errors);),
                    );
                }
                out
            }
            Kind::Number => {
                let min = opt(ty.constraints.minimum.map(Literal::f64_suffixed));
                let max = opt(ty.constraints.maximum.map(Literal::f64_suffixed));
                let mut out = TokenStream::new();
                if let Some(listed) = &ty.constraints.number_values {
                    let numbers = listed
                        .iter()
                        .map(|n| Literal::f64_suffixed(n.as_f64().unwrap_or(f64::NAN)));
                    let texts = listed.iter().map(|n| n.to_string());
                    out.extend(quote! {
                        if ![#(#numbers),*].contains(#v) {
                            errors.push(&#p, __ep::Rule::Values { allowed: &[#(#texts),*] });
                        }
                    });
                }
                if ty.constraints.minimum.is_some() || ty.constraints.maximum.is_some() {
                    out.extend(quote!(
                        __ep::Range { minimum: #min, maximum: #max }.check(*#v, &#p, errors);
                    ));
                }
                let (above, below) = (
                    ty.constraints.exclusive_minimum,
                    ty.constraints.exclusive_maximum,
                );
                if above.is_some() || below.is_some() {
                    let above = opt(above.map(Literal::f64_suffixed));
                    let below = opt(below.map(Literal::f64_suffixed));
                    out.extend(quote!(
                        __ep::Exclusive { minimum: #above, maximum: #below }.check(*#v, &#p, errors);
                    ));
                }
                if let Some(d) = ty
                    .constraints
                    .multiple_of
                    .as_ref()
                    .and_then(number_multiple)
                {
                    let digits = Literal::u64_unsuffixed(d.digits);
                    let exponent = Literal::i32_unsuffixed(d.exponent);
                    out.extend(quote!(
                        __ep::MultipleOf {
                            multiple_of: __ep::Decimal { digits: #digits, exponent: #exponent },
                        }
                        .check(*#v, &#p, errors);
                    ));
                }
                out
            }
            Kind::Boolean => match ty.constraints.boolean_value {
                Some(only) => {
                    let text = only.to_string();
                    quote! {
                        if *#v != #only {
                            errors.push(&#p, __ep::Rule::Values { allowed: &[#text] });
                        }
                    }
                }
                None => TokenStream::new(),
            },
            Kind::Array(of) | Kind::Map(of) => {
                let mut out = TokenStream::new();
                if ty.constraints.min_items.is_some() || ty.constraints.max_items.is_some() {
                    let min = opt(ty
                        .constraints
                        .min_items
                        .map(|n| Literal::usize_unsuffixed(n as usize)));
                    let max = opt(ty
                        .constraints
                        .max_items
                        .map(|n| Literal::usize_unsuffixed(n as usize)));
                    out.extend(quote!(
                        __ep::Items { min_items: #min, max_items: #max }.check(#v.len(), &#p, errors);
                    ));
                }
                if ty.constraints.unique_items == Some(true) && matches!(ty.kind, Kind::Array(_)) {
                    // `Option`s compare as the JSON they are sent as.
                    let by = if of.nullable {
                        Unique::Json
                    } else {
                        self.unique_by(of)
                    };
                    let check = match by {
                        Unique::Hash => quote!(check_unique),
                        Unique::Number => quote!(check_unique_numbers),
                        Unique::Json => quote!(check_unique_json),
                    };
                    out.extend(quote!(__ep::#check(#v, &#p, errors);));
                }
                if of.has_rules {
                    let item = format_ident!("v{}", depth + 1);
                    let item_path = format_ident!("p{}", depth + 1);
                    let inner = self.checks(of, &quote!(#item), &quote!(#item_path), depth + 1);
                    // A `null` item breaks no rule.
                    let inner = if of.nullable {
                        quote!(if let __ep::Some(#item) = #item { #inner })
                    } else {
                        inner
                    };
                    out.extend(if matches!(ty.kind, Kind::Array(_)) {
                        quote! {
                            for (i, #item) in #v.iter().enumerate() {
                                let #item_path = #p.index(i);
                                #inner
                            }
                        }
                    } else {
                        quote! {
                            for (k, #item) in #v {
                                let #item_path = #p.key(k);
                                #inner
                            }
                        }
                    });
                }
                out
            }
            _ => TokenStream::new(),
        }
    }

    /// How `unique_items` compares items of type `of`: by hash where Rust
    /// equality is JSON equality (strings, integers, booleans, bytes,
    /// enums of `values`), as JSON numbers for `number`, else as the JSON
    /// values they are sent as.
    fn unique_by(&self, of: &Type) -> Unique {
        let of = match &of.kind {
            Kind::Ref(id) => &self.spec.def(*id).ty,
            _ => of,
        };
        match of.kind {
            Kind::String | Kind::Bytes | Kind::Integer | Kind::Boolean => Unique::Hash,
            Kind::Number => Unique::Number,
            _ => Unique::Json,
        }
    }
}

/// How `unique_items` compares an array's items.
enum Unique {
    Hash,
    Number,
    Json,
}
