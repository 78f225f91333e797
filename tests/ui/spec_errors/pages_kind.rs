// An offset that is not a whole number cannot move by the items received.

endpoints::endpoint!("tests/ui/spec_errors/pages_kind.json");

fn main() {}
