// `pages` of style `page`: a misspelt param (its `next`, where the last
// page's body has `null`, is fine).

endpoints::endpoint!("tests/ui/spec_errors/pages_style.json");

fn main() {}
