//! The naming rules of SPEC_FORMAT.md ("Rust names"), in one place: wire
//! names to snake_case fields and UpperCamelCase types and variants.

/// Rust's reserved words. Most can be used as raw identifiers (`r#type`);
/// the few that cannot get a trailing underscore instead.
const KEYWORDS: [&str; 52] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];
const NOT_RAW: [&str; 5] = ["self", "Self", "super", "crate", "_"];

/// Splits a wire name into words: at every character that is not a letter or
/// digit, between a lowercase letter or digit and an uppercase one, and
/// before the last capital of an acronym (`HTTPServer` → `HTTP`, `Server`).
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = chunk.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let boundary = c.is_ascii_uppercase()
                && prev.is_some_and(|p| {
                    p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
                });
            if boundary && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// A conversion's answers, kept per thread: every spec of a directory names
/// the fields of every type it reaches, so an API of thousands of specs
/// converts the same few thousand names again and again. Emptied when it
/// holds `LIMIT` names, which bounds what a long-lived process keeps.
struct Memo {
    answers: std::cell::RefCell<std::collections::HashMap<Box<str>, Option<String>>>,
}

impl Memo {
    const LIMIT: usize = 65_536;

    fn new() -> Memo {
        Memo {
            answers: Default::default(),
        }
    }

    fn get(&self, name: &str, convert: fn(&str) -> Option<String>) -> Option<String> {
        if let Some(answer) = self.answers.borrow().get(name) {
            return answer.clone();
        }
        let answer = convert(name);
        let mut answers = self.answers.borrow_mut();
        if answers.len() >= Memo::LIMIT {
            answers.clear();
        }
        answers.insert(name.into(), answer.clone());
        answer
    }
}

thread_local! {
    static SNAKE: Memo = Memo::new();
    static UPPER_CAMEL: Memo = Memo::new();
}

/// `emailGroupName` → `email_group_name`, `type` → `r#type`. `None` when
/// the name has no letter or digit to build from.
pub fn snake(name: &str) -> Option<String> {
    SNAKE.with(|m| m.get(name, snake_of))
}

fn snake_of(name: &str) -> Option<String> {
    let words = words(name);
    if words.is_empty() {
        return None;
    }
    let joined = words
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    let joined = if joined.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{joined}")
    } else {
        joined
    };
    Some(escape_keyword(joined))
}

/// `internalapps_view` → `InternalappsView`, `2x` → `V2x`.
pub fn upper_camel(name: &str) -> Option<String> {
    UPPER_CAMEL.with(|m| m.get(name, upper_camel_of))
}

fn upper_camel_of(name: &str) -> Option<String> {
    let words = words(name);
    if words.is_empty() {
        return None;
    }
    let mut out = String::new();
    for w in words {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    Some(escape_keyword(out))
}

/// The variant of an integer value: `1` → `V1`, `-1` → `Minus1`.
pub fn integer_variant(value: i64) -> String {
    if value < 0 {
        format!("Minus{}", value.unsigned_abs())
    } else {
        format!("V{value}")
    }
}

fn escape_keyword(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// Whether a user-given `rust_name` or `type_name` is a usable identifier.
pub fn is_ident(s: &str) -> bool {
    let body = s.strip_prefix("r#").unwrap_or(s);
    let mut chars = body.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    starts_well
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && body != "_"
        && (s.starts_with("r#") || !KEYWORDS.contains(&body))
        && !(s.starts_with("r#") && NOT_RAW.contains(&body))
}

/// The identifier without its `r#`, for building names from it.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// A `rust_name` for the field named `name` on the wire, when the Rust
/// name it would get is taken by another field or cannot be spelt
/// (`+1` and `-1` are both `_1`): `plus_1`, `minus_1`, else the name
/// numbered (`id_2`). `None` when its own is free; either way, claimed.
pub fn settle_field_name(
    name: &str,
    taken: &mut std::collections::BTreeSet<String>,
) -> Option<String> {
    let plain = snake(name).filter(|s| is_ident(s));
    if let Some(p) = &plain {
        if taken.insert(unraw(p).to_string()) {
            return None;
        }
    }
    let base = plain
        .as_deref()
        .map(unraw)
        .unwrap_or("field")
        .trim_start_matches('_')
        .to_string();
    let base = if base.is_empty() {
        "field".into()
    } else {
        base
    };
    let signed = match name.chars().next() {
        Some('+') => Some(format!("plus_{base}")),
        Some('-') => Some(format!("minus_{base}")),
        _ => None,
    };
    let ident = signed
        .into_iter()
        .chain(std::iter::once(base.clone()))
        .chain((2..).map(|i| format!("{base}_{i}")))
        .find(|n| is_ident(n) && !taken.contains(n))
        .unwrap_or_default();
    taken.insert(ident.clone());
    Some(ident)
}

/// The variants of an enum's `values`, in order (`None` for a value that is
/// neither a string nor an integer). A string is named by
/// [`upper_camel`], an integer by [`integer_variant`], unless that name is
/// empty (`*`, `""`), or another value's name too (`+1` and `-1`, `asc` and `ASC`,
/// `created` and `-created`): then the value is spelt out, letters and
/// digits as they are (the first of each run capitalised) and every other
/// character as a word (`*` → `Star`, `-created` → `MinusCreated`, `ASC`
/// → `ASC`, `""` → `Empty`). Values that still end with one name (`self`
/// and `Self`, `User` and `user`) are numbered after the first: `User`,
/// `User2`.
pub fn value_variants(values: &[&serde_json::Value]) -> Vec<Option<String>> {
    let plain: Vec<Option<String>> = values
        .iter()
        .map(|v| match v {
            serde_json::Value::String(s) => Some(
                upper_camel(s)
                    .map(|n| unraw(&n).to_string())
                    .unwrap_or_default(),
            ),
            serde_json::Value::Number(n) => n.as_i64().map(integer_variant),
            _ => None,
        })
        .collect();
    let shared = |i: usize, name: &str| {
        plain
            .iter()
            .zip(values)
            .enumerate()
            .any(|(j, (p, v))| j != i && p.as_deref() == Some(name) && v != &values[i])
    };
    let spelt: Vec<Option<String>> = plain
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.as_deref()?;
            Some(match values[i] {
                serde_json::Value::String(s) if name.is_empty() || shared(i, name) => {
                    spelt_variant(s)
                }
                _ => name.to_string(),
            })
        })
        .collect();
    // Values alike even spelt out (`User` and `user`, `self` and `Self`):
    // each after the first of a name takes the first number from 2 that
    // makes a name no other value has (`User2`).
    let all: std::collections::BTreeSet<&str> =
        spelt.iter().flatten().map(String::as_str).collect();
    let mut out = spelt.clone();
    let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for i in 0..spelt.len() {
        let Some(name) = spelt[i].as_deref() else {
            continue;
        };
        let alike = (0..i).any(|j| spelt[j].as_deref() == Some(name) && values[j] != values[i]);
        if alike {
            out[i] = (2..)
                .map(|n| format!("{name}{n}"))
                .find(|n| !all.contains(n.as_str()) && !used.contains(n));
        }
        used.extend(out[i].clone());
    }
    out
}

/// A string value spelt out as a variant: see [`value_variants`].
fn spelt_variant(value: &str) -> String {
    let mut out = String::new();
    // A letter starting the value or following a spelt character starts
    // a word.
    let mut starts = true;
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(if starts { c.to_ascii_uppercase() } else { c });
            starts = false;
            continue;
        }
        starts = true;
        let word = match c {
            ' ' => "Space",
            '!' => "Bang",
            '"' => "Quote",
            '#' => "Hash",
            '$' => "Dollar",
            '%' => "Percent",
            '&' => "And",
            '\'' => "Apostrophe",
            '(' => "LeftParen",
            ')' => "RightParen",
            '*' => "Star",
            '+' => "Plus",
            ',' => "Comma",
            '-' => "Minus",
            '.' => "Dot",
            '/' => "Slash",
            ':' => "Colon",
            ';' => "Semicolon",
            '<' => "Less",
            '=' => "Equals",
            '>' => "Greater",
            '?' => "Question",
            '@' => "At",
            '[' => "LeftBracket",
            '\\' => "Backslash",
            ']' => "RightBracket",
            '^' => "Caret",
            '_' => "Underscore",
            '`' => "Backtick",
            '{' => "LeftBrace",
            '|' => "Pipe",
            '}' => "RightBrace",
            '~' => "Tilde",
            _ => {
                out.push_str(&format!("U{:04X}", c as u32));
                continue;
            }
        };
        out.push_str(word);
    }
    if out.is_empty() {
        out.push_str("Empty");
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    match escape_keyword(out) {
        raw if raw.starts_with("r#") => unraw(&raw).to_string(),
        name => name,
    }
}

/// The longest file stem the importer writes, in bytes: file systems take
/// 255, and a name gets a number (`_2`) and `.json` after it.
pub const MAX_STEM: usize = 100;

/// A snake_case name cut to [`MAX_STEM`] bytes at the last word that fits
/// (`identity_governance_…_access_package_resource_roles` keeps its first
/// words), so it can name a file.
pub fn short_stem(name: &str) -> &str {
    if name.len() <= MAX_STEM {
        return name;
    }
    let cut = name
        .char_indices()
        .take_while(|(i, _)| *i <= MAX_STEM)
        .last();
    let head = &name[..cut.map_or(0, |(i, _)| i)];
    match head.rfind('_') {
        Some(at) if at > 0 => &name[..at],
        _ => head,
    }
}

/// The first of `base`, `prefixed`, `prefixed2`, `prefixed3`, … that is
/// not in `taken`, claimed: how the draft and the importer name types.
pub fn claim_name(
    taken: &mut std::collections::BTreeSet<String>,
    base: String,
    prefixed: String,
) -> String {
    let name = [base, prefixed.clone()]
        .into_iter()
        .find(|n| !taken.contains(n))
        .unwrap_or_else(|| {
            (2..)
                .map(|i| format!("{prefixed}{i}"))
                .find(|n| !taken.contains(n))
                .unwrap_or_default()
        });
    taken.insert(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_the_spec_examples() {
        assert_eq!(snake("emailGroupName").unwrap(), "email_group_name");
        assert_eq!(snake("X-Auth-Token").unwrap(), "x_auth_token");
        assert_eq!(snake("First Name").unwrap(), "first_name");
        assert_eq!(snake("type").unwrap(), "r#type");
        assert_eq!(snake("self").unwrap(), "self_");
        assert_eq!(snake("HTTPServer").unwrap(), "http_server");
        assert_eq!(snake("2fa").unwrap(), "_2fa");
        assert_eq!(snake("a2B").unwrap(), "a2_b");
        assert_eq!(snake("--"), None);
    }

    #[test]
    fn types_and_variants_follow_the_spec_examples() {
        assert_eq!(upper_camel("view").unwrap(), "View");
        assert_eq!(
            upper_camel("internalapps_view").unwrap(),
            "InternalappsView"
        );
        assert_eq!(upper_camel("planox2").unwrap(), "Planox2");
        assert_eq!(upper_camel("invalid-token").unwrap(), "InvalidToken");
        assert_eq!(upper_camel("ROLE_CARDHOLDER").unwrap(), "RoleCardholder");
        assert_eq!(upper_camel("2x").unwrap(), "V2x");
        assert_eq!(upper_camel("self").unwrap(), "Self_");
        assert_eq!(integer_variant(3), "V3");
        assert_eq!(integer_variant(-3), "Minus3");
    }

    #[test]
    fn values_without_a_name_of_their_own_are_spelt_out() {
        let names = |values: &[serde_json::Value]| -> Vec<String> {
            value_variants(&values.iter().collect::<Vec<_>>())
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect()
        };
        use serde_json::json;
        assert_eq!(
            names(&[json!("created"), json!("-created"), json!("name")]),
            ["Created", "MinusCreated", "Name"]
        );
        assert_eq!(names(&[json!("+1"), json!("-1")]), ["Plus1", "Minus1"]);
        assert_eq!(names(&[json!("*"), json!("")]), ["Star", "Empty"]);
        assert_eq!(names(&[json!("asc"), json!("ASC")]), ["Asc", "ASC"]);
        assert_eq!(
            names(&[json!("a-b"), json!("a_b")]),
            ["AMinusB", "AUnderscoreB"]
        );
        assert_eq!(names(&[json!("other")]), ["Other"]);
        assert_eq!(names(&[json!("é")]), ["U00E9"]);
        assert_eq!(names(&[json!("1.5"), json!("15")]), ["V1Dot5", "V15"]);
        // A value listed twice keeps its one name; `check` reports it.
        assert_eq!(names(&[json!("a-b"), json!("a-b")]), ["AB", "AB"]);
        // Still alike once spelt: numbered after the first, past any name
        // another value has.
        assert_eq!(names(&[json!("self"), json!("Self")]), ["Self_", "Self_2"]);
        assert_eq!(
            names(&[json!("User"), json!("user"), json!("User2")]),
            ["User", "User3", "User2"]
        );
        assert_eq!(names(&[json!(-1), json!(2)]), ["Minus1", "V2"]);
    }

    #[test]
    fn long_names_are_cut_at_a_word_to_name_a_file() {
        assert_eq!(short_stem("get_pet"), "get_pet");
        let long = "access_package_resource_".repeat(10) + "roles";
        let short = short_stem(&long);
        assert!(
            short.len() <= MAX_STEM && long.starts_with(short),
            "{short}"
        );
        assert!(short.ends_with("resource"), "{short}");
        let word = "a".repeat(300);
        assert_eq!(short_stem(&word).len(), MAX_STEM);
    }

    #[test]
    fn user_identifiers_are_checked() {
        assert!(is_ident("email"));
        assert!(is_ident("r#type"));
        assert!(!is_ident("type"));
        assert!(!is_ident("first name"));
        assert!(!is_ident("1st"));
        assert!(!is_ident("r#self"));
        assert!(!is_ident("_"));
    }
}
