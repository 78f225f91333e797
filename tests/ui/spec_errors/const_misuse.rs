// `const` misused: on a path param, beside `values`, a value its type does
// not take, and on a body member.

endpoints::endpoint!("tests/ui/spec_errors/const_misuse.json");

fn main() {}
