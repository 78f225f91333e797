// `pages` with mistakes: an unknown key, a path param that cannot move, a
// cursor without `next`, and a dotted path with an empty step.

endpoints::endpoint!("tests/ui/spec_errors/pages.json");

fn main() {}
