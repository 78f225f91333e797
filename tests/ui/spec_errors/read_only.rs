// `read_only` and `write_only` mark fields of types one way: not on a
// param, not `read_only` and `required`, not both at once.

endpoints::endpoint!("tests/ui/spec_errors/read_only.json");

fn main() {}
