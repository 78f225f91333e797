//! Each distinct `pattern` compiled once per thread, however many specs and
//! types carry it: an imported API repeats the same few patterns across
//! thousands of fields, and every spec of a directory checks the types it
//! includes. Compiling is most of what checking a pattern costs.
//!
//! The memo is keyed by the pattern's text, so it never goes stale; it is
//! emptied when it holds [`LIMIT`] patterns, which bounds what a
//! long-running process (an editor's macro server) keeps.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use endpoints_runtime::validate::Pattern;

/// The most patterns kept at once.
const LIMIT: usize = 4096;

type Compiled = Rc<Result<fancy_regex::Regex, String>>;

thread_local! {
    static MEMO: RefCell<HashMap<String, Compiled>> = RefCell::new(HashMap::new());
}

fn compiled(source: &str) -> Compiled {
    if let Some(hit) = MEMO.with(|m| m.borrow().get(source).cloned()) {
        return hit;
    }
    let result = Pattern::compile(source)
        .map_err(|_| Pattern::why_invalid(source).unwrap_or_else(|| "does not compile".into()));
    let result = Rc::new(result);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= LIMIT {
            m.clear();
        }
        m.insert(source.to_string(), result.clone());
    });
    result
}

/// Why the spec's `pattern` does not compile ([`Pattern::why_invalid`]);
/// `None` when it does.
pub(crate) fn why_invalid(source: &str) -> Option<String> {
    compiled(source).as_ref().as_ref().err().cloned()
}

/// Whether `value` breaks the pattern: as validation at run time, a value
/// the engine cannot decide within its step limit breaks it. A pattern
/// that does not compile is reported on its own and refuses nothing.
pub(crate) fn refuses(source: &str, value: &str) -> bool {
    match compiled(source).as_ref() {
        Ok(re) => !matches!(re.is_match(value), Ok(true)),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_once_and_answers_as_the_runtime_does() {
        assert_eq!(why_invalid("[a-z]+"), None);
        assert!(why_invalid("(ab").is_some_and(|why| why.contains("at byte")));
        assert!(!refuses("[a-z]+", "abc"));
        assert!(refuses("[a-z]+", "abc1"));
        assert!(!refuses("(ab", "anything"));
        let a = compiled("x(?=y)y");
        let b = compiled("x(?=y)y");
        assert!(Rc::ptr_eq(&a, &b));
    }
}
