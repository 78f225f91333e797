//! JSON Schema's `pattern` as a spec's: ECMA-262 syntax (and the Java
//! syntax descriptions converted from Java models carry) rewritten where
//! the spec's engine reads it otherwise, and the whole value matched where
//! JSON Schema searches.

use std::fmt::Write;

/// JSON Schema's `pattern` finds a match anywhere; a spec's must match the
/// whole value. Anchored patterns lose their anchors, others are padded.
pub(super) fn whole_value_pattern(p: &str) -> String {
    let alternation = top_level_alternation(p);
    let starts = p.starts_with('^');
    let ends = p.ends_with('$') && !p.ends_with("\\$");
    if !alternation {
        let inner =
            &p[usize::from(starts)..p.len() - usize::from(ends && p.len() > usize::from(starts))];
        return match (starts, ends) {
            (true, true) => inner.to_string(),
            (true, false) => format!("{inner}(?s:.*)"),
            (false, true) => format!("(?s:.*){inner}"),
            (false, false) => format!("(?s:.*)(?:{p})(?s:.*)"),
        };
    }
    // `^` and `$` inside keep their meaning: `.*` before `^` can only be empty.
    format!("(?s:.*)(?:{p})(?s:.*)")
}

/// A pattern that is one character's class repeated (`^.{1,2097152}`,
/// `\S{1,8192}`, `^.{0,262144}$`), whose bound is too large for the
/// engine to build, said the same way without it: anchored at both ends,
/// the class repeated freely (`.*`) and the bounds as lengths; open at
/// either end, JSON Schema's search needs only the fewest repeats
/// (`\S{1}`), and none at all (`{0,n}`) is no rule.
#[derive(Debug, PartialEq)]
pub(super) struct Repeated {
    /// The whole-value pattern, if any rule is left.
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
}

/// `p` (in the engine's syntax, before [`whole_value_pattern`]) as a
/// [`Repeated`], where it is one class repeated between bounds.
pub(super) fn repeated_class(p: &str) -> Option<Repeated> {
    let starts = p.starts_with('^');
    let ends = p.ends_with('$') && !p.ends_with("\\$");
    let inner = p.get(usize::from(starts)..p.len() - usize::from(ends))?;
    let open = inner.rfind('{')?;
    let (atom, bounds) = inner.split_at(open);
    let (min, max) = bounds
        .strip_prefix('{')?
        .strip_suffix('}')?
        .split_once(',')?;
    let min: u64 = min.parse().ok()?;
    let max: Option<u64> = if max.is_empty() {
        None
    } else {
        Some(max.parse().ok()?)
    };
    if !one_character(atom) || max.is_some_and(|m| m < min) {
        return None;
    }
    if starts && ends {
        return Some(Repeated {
            pattern: Some(format!("{atom}*")),
            min_length: (min > 0).then_some(min),
            max_length: max,
        });
    }
    // Searched: a value matches when it holds `min` in a row (at its start,
    // or end, where anchored).
    let pattern = match min {
        0 => None,
        m if m <= 1000 => Some(whole_value_pattern(&format!(
            "{}{atom}{{{m}}}{}",
            if starts { "^" } else { "" },
            if ends { "$" } else { "" }
        ))),
        _ => return None,
    };
    Some(Repeated {
        pattern,
        min_length: None,
        max_length: None,
    })
}

/// Whether `atom` matches exactly one character: `.`, an escape of one
/// class (`\S`, `\p{L}`), or one bracketed class.
fn one_character(atom: &str) -> bool {
    if atom == "." {
        return true;
    }
    if let Some(rest) = atom.strip_prefix('\\') {
        let mut chars = rest.chars();
        return match chars.next() {
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => chars.next().is_none(),
            Some('p' | 'P') => {
                let name = chars.as_str();
                name.len() == 1 && name.chars().all(|c| c.is_ascii_alphabetic())
                    || name.starts_with('{')
                        && name.ends_with('}')
                        && name[1..name.len() - 1]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '=')
            }
            _ => false,
        };
    }
    // `[...]`: the bracket that closes the first is the last character.
    if !atom.starts_with('[') {
        return false;
    }
    let (mut depth, mut escaped) = (0i32, false);
    for (i, c) in atom.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1 == atom.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `p` has a `|` outside every group and class.
fn top_level_alternation(p: &str) -> bool {
    let mut depth = 0i32;
    let mut class = false;
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !class => class = true,
            ']' if class => class = false,
            '(' if !class => depth += 1,
            ')' if !class => depth -= 1,
            '|' if !class && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// One piece of a pattern, as far as the rewriting cares.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A code point written as `\uXXXX`, `\u{X}`, `\xXX` or an octal
    /// escape; surrogates kept as they are written.
    Code(u32),
    /// A class escape (`\w`, `\d`, `\s`, their negations, `\p{…}`), as the
    /// spec's engine reads it.
    Class(String),
    /// Anything else, as the spec's engine reads it.
    Text(String),
}

/// Java's POSIX classes (`\p{Alnum}`), which some converted descriptions
/// carry, as the ASCII class the spec's engine names.
fn posix(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "lower",
        "Upper" => "upper",
        "ASCII" => "ascii",
        "Alpha" => "alpha",
        "Digit" => "digit",
        "Alnum" => "alnum",
        "Punct" => "punct",
        "Graph" => "graph",
        "Print" => "print",
        "Blank" => "blank",
        "Cntrl" => "cntrl",
        "XDigit" => "xdigit",
        "Space" => "space",
        _ => return None,
    })
}

/// Java's own classes that the spec's engine names otherwise, as the
/// inside of a class: `\p{all}` (any character) and `\p{LD}` (a letter
/// or a decimal digit), which AWS's descriptions carry.
fn java(name: &str) -> Option<&'static str> {
    Some(match name {
        "all" => "\\x{0}-\\x{10FFFF}",
        "LD" => "\\p{L}\\p{Nd}",
        _ => return None,
    })
}

fn is_surrogate(c: u32) -> bool {
    (0xD800..=0xDFFF).contains(&c)
}

/// `n` hex digits from `chars`, if they are there.
fn hex(chars: &[char], at: usize, n: usize) -> Option<u32> {
    let digits: String = chars.get(at..at + n)?.iter().collect();
    if digits.len() != n || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(&digits, 16).ok()
}

/// Splits `p` into tokens, each with whether it stands inside a class.
fn tokens(p: &str) -> Vec<(Token, bool)> {
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    let mut class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            let text = match c {
                '[' if !class => {
                    let negated = chars.get(i + 1) == Some(&'^');
                    let at = i + 1 + usize::from(negated);
                    if chars.get(at) == Some(&']') {
                        // ECMA: `[]` matches nothing and `[^]` anything.
                        let text = if negated { "[\\s\\S]" } else { "[^\\s\\S]" };
                        out.push((Token::Text(text.into()), false));
                        i = at + 1;
                        continue;
                    }
                    class = true;
                    out.push((Token::Text(if negated { "[^" } else { "[" }.into()), false));
                    i = at;
                    continue;
                }
                ']' if class => {
                    class = false;
                    out.push((Token::Text("]".into()), false));
                    i += 1;
                    continue;
                }
                // ECMA reads these as members of a class; the spec's
                // engine as a nested class or a set operation.
                '[' | '&' | '~' if class => format!("\\{c}"),
                other => other.to_string(),
            };
            out.push((Token::Text(text), class));
            i += 1;
            continue;
        }
        let Some(&e) = chars.get(i + 1) else {
            out.push((Token::Text("\\".into()), class));
            break;
        };
        let (token, width) = match e {
            'u' if chars.get(i + 2) == Some(&'{') => {
                let end = chars[i + 3..].iter().position(|&c| c == '}');
                match end.and_then(|n| {
                    let digits: String = chars[i + 3..i + 3 + n].iter().collect();
                    u32::from_str_radix(&digits, 16).ok().map(|v| (v, n))
                }) {
                    Some((v, n)) => (Token::Code(v), n + 4),
                    None => (Token::Text("\\u".into()), 2),
                }
            }
            'u' => match hex(&chars, i + 2, 4) {
                Some(v) => (Token::Code(v), 6),
                None => (Token::Text("\\u".into()), 2),
            },
            'x' if chars.get(i + 2) != Some(&'{') => match hex(&chars, i + 2, 2) {
                Some(v) => (Token::Code(v), 4),
                None => (Token::Text("\\x".into()), 2),
            },
            '0'..='7' if e == '0' || class => {
                // ECMA's `\0` and its legacy octal escapes (`\037`); outside a
                // class `\1`… are backreferences.
                let digits: String = chars[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|c| c.is_digit(8))
                    .collect();
                let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
                (Token::Code(v), 1 + digits.len())
            }
            // ECMA's `\w` and `\d` are ASCII (the spec's engine reads them
            // as Unicode's, and builds automata too large for counted
            // repetitions of them, `[\w+=,.@-]{1,1011}`).
            'w' | 'W' | 'd' | 'D' => {
                let name = if e.eq_ignore_ascii_case(&'w') {
                    "word"
                } else {
                    "digit"
                };
                let negated = if e.is_ascii_uppercase() { "^" } else { "" };
                let text = if class {
                    format!("[:{negated}{name}:]")
                } else {
                    format!("[[:{negated}{name}:]]")
                };
                (Token::Class(text), 2)
            }
            's' | 'S' => (Token::Class(format!("\\{e}")), 2),
            'p' | 'P' if chars.get(i + 2) == Some(&'{') => {
                match chars[i + 3..].iter().position(|&c| c == '}') {
                    Some(n) => {
                        let name: String = chars[i + 3..i + 3 + n].iter().collect();
                        let negated = if e == 'P' { "^" } else { "" };
                        let token = match (posix(&name), java(&name)) {
                            (Some(ascii), _) => {
                                if class && e == 'p' {
                                    Token::Class(format!("[:{ascii}:]"))
                                } else {
                                    Token::Class(format!("[[:{negated}{ascii}:]]"))
                                }
                            }
                            (None, Some(body)) if class && e == 'p' => {
                                Token::Class(body.to_string())
                            }
                            (None, Some(body)) => Token::Class(format!("[{negated}{body}]")),
                            (None, None) => Token::Class(format!("\\{e}{{{name}}}")),
                        };
                        (token, n + 4)
                    }
                    None => (Token::Text(format!("\\{e}")), 2),
                }
            }
            other => (Token::Text(format!("\\{other}")), 2),
        };
        out.push((token, class));
        i += width;
    }
    out
}

/// Rewrites an ECMA-262 pattern (JSON Schema's) where the spec's engine
/// (Rust's `regex` syntax, with look-around and backreferences) reads it
/// otherwise: `\w` and `\d` as the ASCII classes they are in ECMA-262;
/// `\uXXXX`, `\u{X}` and surrogate pairs as `\x{…}`; legacy
/// octal escapes; inside a class, `[`, `&` and `~` as themselves and a `-`
/// beside a class escape (`[\w-.]`) as a hyphen; Java's POSIX classes
/// (`\p{Alnum}`) as ASCII classes. A lone surrogate, which no string the
/// spec's engine reads holds, is dropped from a class and matches nothing
/// outside one. Everything else is left as written.
pub(super) fn from_ecma(p: &str) -> String {
    let mut toks = tokens(p);
    // Surrogate pairs are one character.
    let mut i = 0;
    while i + 1 < toks.len() {
        if let (Token::Code(hi @ 0xD800..=0xDBFF), Token::Code(lo @ 0xDC00..=0xDFFF)) =
            (&toks[i].0, &toks[i + 1].0)
        {
            toks[i].0 = Token::Code(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
            toks.remove(i + 1);
        }
        i += 1;
    }
    let code = |v: u32| format!("\\x{{{v:X}}}");
    let mut out = String::new();
    let mut i = 0;
    while i < toks.len() {
        let (tok, class) = &toks[i];
        let is_hyphen =
            |t: Option<&(Token, bool)>| matches!(t, Some((Token::Text(s), true)) if s == "-");
        if *class {
            // A range `a-b`: both ends code points or characters.
            let end_of = |t: &Token| match t {
                Token::Code(v) => Some(*v),
                Token::Text(s) if s.chars().count() == 1 && s != "-" => {
                    s.chars().next().map(u32::from)
                }
                _ => None,
            };
            if let (Some(lo), true, Some(hi)) = (
                end_of(tok),
                is_hyphen(toks.get(i + 1)),
                toks.get(i + 2)
                    .and_then(|(t, c)| if *c { end_of(t) } else { None }),
            ) {
                if matches!(tok, Token::Code(_)) || matches!(toks[i + 2].0, Token::Code(_)) {
                    // Without the surrogates, which no `&str` holds.
                    let lo = if is_surrogate(lo) { 0xE000 } else { lo };
                    let hi = if is_surrogate(hi) { 0xD7FF } else { hi };
                    if lo <= hi {
                        let _ = write!(out, "{}-{}", code(lo), code(hi));
                    }
                    i += 3;
                    continue;
                }
            }
            if is_hyphen(Some(&toks[i])) {
                let beside_class =
                    matches!(toks.get(i.wrapping_sub(1)), Some((Token::Class(_), true)))
                        || matches!(toks.get(i + 1), Some((Token::Class(_), true)));
                out.push_str(if beside_class { "\\-" } else { "-" });
                i += 1;
                continue;
            }
        }
        match tok {
            Token::Code(v) if is_surrogate(*v) => {
                if !class {
                    out.push_str("[^\\s\\S]");
                }
            }
            Token::Code(v) => out.push_str(&code(*v)),
            Token::Class(s) | Token::Text(s) => out.push_str(s),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use endpoints_runtime::validate::Pattern;

    fn matches(pattern: &str, value: &str) -> bool {
        Pattern::compile(pattern)
            .unwrap_or_else(|e| panic!("{pattern}: {e}"))
            .is_match(value)
            .unwrap()
    }

    #[test]
    fn patterns_match_the_whole_value_as_json_schema_searches() {
        assert_eq!(whole_value_pattern("^[A-Z]+$"), "[A-Z]+");
        assert_eq!(whole_value_pattern("^ab"), "ab(?s:.*)");
        assert_eq!(whole_value_pattern("ab$"), "(?s:.*)ab");
        assert_eq!(whole_value_pattern("ab"), "(?s:.*)(?:ab)(?s:.*)");
        // An alternation keeps its anchors inside a padded group.
        assert_eq!(whole_value_pattern("^a|b$"), "(?s:.*)(?:^a|b$)(?s:.*)");
        assert_eq!(whole_value_pattern("^(a|b)$"), "(a|b)");
        assert_eq!(whole_value_pattern("^a\\$"), "a\\$(?s:.*)");
        for (pattern, value, search) in [
            ("^a|b$", "xb", true),
            ("ab", "xaby", true),
            ("^ab", "xab", false),
        ] {
            assert_eq!(
                matches(&whole_value_pattern(pattern), value),
                search,
                "{pattern} on {value}"
            );
        }
    }

    #[test]
    fn one_class_repeated_past_the_engines_size_is_said_with_lengths() {
        let of = |p: &str| repeated_class(&from_ecma(p));
        assert_eq!(
            of("^.{0,262144}$"),
            Some(Repeated {
                pattern: Some(".*".into()),
                min_length: None,
                max_length: Some(262144),
            })
        );
        assert_eq!(
            of("^[^\\p{C}]{2,2048}$").map(|r| (r.min_length, r.max_length)),
            Some((Some(2), Some(2048)))
        );
        // Searched: the fewest repeats, where they must sit.
        let starts = of("^.{1,2097152}").unwrap().pattern.unwrap();
        assert!(matches(&starts, "a\nb") && !matches(&starts, "\nb") && !matches(&starts, ""));
        let anywhere = of("\\S{1,8192}").unwrap().pattern.unwrap();
        assert!(matches(&anywhere, "  x ") && !matches(&anywhere, "   "));
        assert_eq!(of("[\\P{M}\\p{M}]{0,20000}").unwrap().pattern, None);
        // Not one class, or bounds out of order: left as they are.
        assert_eq!(of("^ab{1,5}$"), None);
        assert_eq!(of("^[a-z]{5,2}$"), None);
        assert_eq!(of("^(ab){1,5}$"), None);
    }

    #[test]
    fn ecma_escapes_become_the_engines() {
        // Code points, in and out of classes; a surrogate pair is one.
        assert_eq!(from_ecma(r"\u0041\u{1F600}"), r"\x{41}\x{1F600}");
        assert_eq!(from_ecma(r"\uD83D\uDE00"), r"\x{1F600}");
        assert_eq!(from_ecma(r"[\u0020-\uD7FF]"), r"[\x{20}-\x{D7FF}]");
        assert!(matches(&from_ecma(r"\uD83D\uDE00"), "😀"));
        // XML's character class, as AWS writes it: the surrogates it lists
        // can be in no string, so they go.
        let xml = from_ecma(r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t\r\n]*");
        assert_eq!(xml, r"[\x{20}-\x{D7FF}\x{E000}-\x{FFFD}\t\r\n]*");
        assert!(matches(&xml, "naïve text\n"));
        assert!(!matches(&xml, "\u{1}"));
        // Outside a class a lone surrogate matches nothing.
        assert!(!matches(&from_ecma(r"a\uD800b"), "ab"));
        // Legacy octal, and `\0`.
        assert_eq!(from_ecma(r"[^/:|\000-\037]+"), r"[^/:|\x{0}-\x{1F}]+");
        assert!(matches(&from_ecma(r"[^/:|\000-\037]+"), "name"));
        assert!(!matches(&from_ecma(r"[^/:|\000-\037]+"), "a\u{1f}"));
        // Backreferences stay.
        assert_eq!(from_ecma(r"(a)\1"), r"(a)\1");
    }

    #[test]
    fn ecma_classes_become_the_engines() {
        // A hyphen beside a class escape is a hyphen.
        assert_eq!(from_ecma(r"^[\w-.+]+$"), r"^[[:word:]\-.+]+$");
        // ECMA's `\w` and `\d` are ASCII; a counted repetition of them
        // stays small.
        assert_eq!(from_ecma(r"\d+\W"), r"[[:digit:]]+[[:^word:]]");
        assert!(!matches(&from_ecma(r"\w+"), "é"));
        assert!(!matches(&from_ecma(r"\d"), "٣"));
        assert!(matches(&from_ecma(r"[\w+=,.@-]{1,1011}"), "a+b=c,d@e.f-g"));
        assert!(matches(&from_ecma(r"[\w-.+]+@[\w-.+]+"), "a-b.c+d@x-y.z"));
        assert!(matches(&from_ecma(r"[\w- ]*"), "a- b"));
        assert!(matches(&from_ecma(r"[a-zA-Z0-9\s-_()\[\]]+"), "a -_(x)[y]"));
        assert!(!matches(&from_ecma(r"a[]"), "a"));
        assert!(matches(&from_ecma(r"a[^]"), "a]"));
        assert!(matches(&from_ecma(r"[^]a]"), "ba]"));
        // Ranges stay ranges.
        assert!(!matches(&from_ecma(r"[a-c]"), "-"));
        // `[` in a class is itself; `&&` and `~~` are not set operations.
        assert!(matches(&from_ecma(r"[[A-Z0-9]{1,18}"), "[AB"));
        assert!(matches(&from_ecma(r"[a&&b]+"), "a&b"));
        // Java's POSIX classes.
        let uuid =
            from_ecma(r"\p{XDigit}{8}-\p{XDigit}{4}-\p{XDigit}{4}-\p{XDigit}{4}-\p{XDigit}{12}");
        assert!(matches(&uuid, "123e4567-e89b-12d3-a456-426614174000"));
        assert!(!matches(&uuid, "123g4567-e89b-12d3-a456-426614174000"));
        assert!(matches(&from_ecma(r"[\-\p{Alnum}_:.]+"), "a-1_b:c.d"));
        assert!(!matches(&from_ecma(r"\P{Alnum}"), "a"));
        assert!(matches(&from_ecma(r"\P{Alnum}"), "-"));
        // Java's own `all` and `LD` (AWS): inside a class and out, and
        // negated.
        assert!(matches(&from_ecma(r"[\p{all}]*"), "any\nthing ✓"));
        assert!(!matches(&from_ecma(r"\P{all}"), "a"));
        let ld = from_ecma(r"^(\p{LD}|\p{Punct}| )+$");
        assert!(matches(&ld, "Pass word 1!"));
        assert!(matches(&ld, "Ünïcode 9"));
        assert!(!matches(&ld, "tab\there"));
        assert!(matches(&from_ecma(r"[_\P{LD}]+"), "_ -"));
        assert!(!matches(&from_ecma(r"[_\P{LD}]+"), "a"));
        // Unicode properties stay.
        assert_eq!(from_ecma(r"[\p{L}\p{N}]+"), r"[\p{L}\p{N}]+");
        // What needs no rewriting is left alone.
        for p in [
            r"^(?!aws:)[a-z]+$",
            r"[^\]]",
            r"\.\-\$",
            r"a{2,3}",
            r"(?i)x",
        ] {
            assert_eq!(from_ecma(p), p);
        }
    }
}
