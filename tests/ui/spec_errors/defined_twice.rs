// A name defined both in the spec and in a fragment it includes: both places are named.

endpoints::endpoint!("tests/ui/spec_errors/defined_twice.json");

fn main() {}
