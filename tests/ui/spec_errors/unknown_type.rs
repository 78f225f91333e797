// An unknown type or type name suggests the nearest one.

endpoints::endpoint!("tests/ui/spec_errors/unknown_type.json");

fn main() {}
