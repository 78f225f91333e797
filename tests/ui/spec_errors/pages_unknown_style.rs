// A misspelt page style.

endpoints::endpoint!("tests/ui/spec_errors/pages_unknown_style.json");

fn main() {}
