// `pages` of style `page`: a misspelt param, and a `next` that only a
// cursor has.

endpoints::endpoint!("tests/ui/spec_errors/pages_style.json");

fn main() {}
