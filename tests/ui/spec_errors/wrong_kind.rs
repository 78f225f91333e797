// A value of the wrong JSON kind.

endpoints::endpoint!("tests/ui/spec_errors/wrong_kind.json");

fn main() {}
