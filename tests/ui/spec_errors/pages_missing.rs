// An offset walk without the param that moves.

endpoints::endpoint!("tests/ui/spec_errors/pages_missing.json");

fn main() {}
