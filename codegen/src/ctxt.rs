//! Collects every error of a load, so a user sees all their mistakes at once.

use std::fmt;
use std::path::PathBuf;

use crate::json::{Lines, Offset};

/// One file the engine read: the spec itself or a fragment it includes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where it was read from (absolute when the caller gave a root).
    pub path: PathBuf,
    /// How errors name it: the path as the user wrote it, joined with
    /// include paths, `/`-separated.
    pub display: String,
    /// Shared by every spec that read the file (see [`crate::load::Cache`]).
    pub text: std::sync::Arc<str>,
}

/// Where something stands in the spec: which file, which JSON path, which
/// byte. Line and column are computed only when an error is reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub file: usize,
    pub path: String,
    pub at: Offset,
}

impl Loc {
    /// The location of a member `key` of the object at `self`.
    pub fn key(&self, key: &str, at: Offset) -> Loc {
        let path = if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        };
        Loc {
            file: self.file,
            path,
            at,
        }
    }

    /// The location of item `index` of the array at `self`.
    pub fn index(&self, index: usize, at: Offset) -> Loc {
        Loc {
            file: self.file,
            path: format!("{}[{index}]", self.path),
            at,
        }
    }

    /// The JSON path as errors print it (`(root)` for the document itself).
    pub fn path_str(&self) -> &str {
        if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        }
    }
}

/// A positioned error in a spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The text of the line the error points at, for rustc-style rendering.
    pub source_line: String,
}

impl fmt::Display for Diagnostic {
    /// `specs/x.json:14:15: params[2].type: unknown type `strng`; did you mean `string`?`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.path, self.message
        )
    }
}

impl Diagnostic {
    /// Renders the error the way rustc does: header, location, source line
    /// and a caret under the column.
    pub fn render(&self) -> String {
        let gutter = " ".repeat(self.line.to_string().len());
        let indent: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        format!(
            "error: {message}\n{gutter}--> {file}:{line}:{column} (at {path})\n{gutter} |\n{line} | {src}\n{gutter} | {indent}^\n",
            message = self.message,
            file = self.file,
            line = self.line,
            column = self.column,
            path = self.path,
            src = self.source_line,
        )
    }
}

/// The errors of one load, in the order the files were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<Diagnostic>);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// The context every stage reports into.
#[derive(Default)]
pub struct Ctxt {
    pub files: Vec<SourceFile>,
    errors: Vec<(Loc, String)>,
    /// Errors about a file as a whole (unreadable), keyed by display name.
    file_errors: Vec<Diagnostic>,
    /// Fragments already read for other specs of the same run.
    pub cache: Option<std::rc::Rc<crate::load::Cache>>,
}

impl Ctxt {
    pub fn error(&mut self, loc: &Loc, message: impl Into<String>) {
        self.errors.push((loc.clone(), message.into()));
    }

    /// An error with no file to point into (the spec itself could not be read).
    pub fn file_error(&mut self, display: &str, message: impl Into<String>) {
        self.file_errors.push(Diagnostic {
            file: display.to_string(),
            path: "(root)".to_string(),
            line: 1,
            column: 1,
            message: message.into(),
            source_line: String::new(),
        });
    }

    /// A syntax error at a known line and column of a file.
    pub fn syntax_error(&mut self, file: usize, line: usize, column: usize, message: String) {
        let f = &self.files[file];
        self.file_errors.push(Diagnostic {
            file: f.display.clone(),
            path: "(root)".to_string(),
            line,
            column,
            message,
            source_line: Lines::new(&f.text).line_text(line).to_string(),
        });
    }

    /// How many errors are reported so far.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.file_errors.len()
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.file_errors.is_empty()
    }

    pub fn locate(&self, loc: &Loc) -> (String, usize, usize) {
        let f = &self.files[loc.file];
        let (line, column) = Lines::new(&f.text).position(loc.at);
        (f.display.clone(), line, column)
    }

    /// `loc` as a diagnostic, for rules checked after loading (across specs).
    pub fn diagnostic(files: &[SourceFile], loc: &Loc, message: String) -> Diagnostic {
        let lines = Lines::new(&files[loc.file].text);
        let (line, column) = lines.position(loc.at);
        Diagnostic {
            file: files[loc.file].display.clone(),
            path: loc.path_str().to_string(),
            line,
            column,
            message,
            source_line: lines.line_text(line).to_string(),
        }
    }

    /// Turns the collected errors into diagnostics, ordered by file and
    /// position so output is stable however the stages ran.
    pub fn finish(self) -> Result<Vec<SourceFile>, (Vec<SourceFile>, Errors)> {
        if !self.has_errors() {
            return Ok(self.files);
        }
        let mut located: Vec<(usize, Offset, Diagnostic)> = self
            .errors
            .iter()
            .map(|(loc, message)| {
                let diagnostic = Ctxt::diagnostic(&self.files, loc, message.clone());
                (loc.file, loc.at, diagnostic)
            })
            .collect();
        located.sort_by_key(|a| (a.0, a.1));
        located.dedup_by(|a, b| a.2 == b.2);
        let mut all = self.file_errors.clone();
        all.extend(located.into_iter().map(|(_, _, d)| d));
        Err((self.files, Errors(all)))
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` when a candidate is close, else nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(word, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["required", "rust_name", "name"];
        assert_eq!(nearest("requried", keys), Some("required"));
        assert_eq!(nearest("Name", keys), Some("name"));
        assert_eq!(nearest("completely_else", keys), None);
        assert_eq!(
            did_you_mean("strng", ["string", "integer"]),
            "; did you mean `string`?"
        );
    }

    #[test]
    fn renders_like_rustc() {
        let d = Diagnostic {
            file: "specs/a.json".into(),
            path: "params[0].type".into(),
            line: 3,
            column: 13,
            message: "unknown type `strng`; did you mean `string`?".into(),
            source_line: r#"    "type": "strng""#.into(),
        };
        assert_eq!(
            d.render(),
            "error: unknown type `strng`; did you mean `string`?\n --> specs/a.json:3:13 (at params[0].type)\n  |\n3 |     \"type\": \"strng\"\n  |             ^\n"
        );
        assert_eq!(
            d.to_string(),
            "specs/a.json:3:13: params[0].type: unknown type `strng`; did you mean `string`?"
        );
    }
}
