// Exclusive bounds that leave no value, and a default on the bound itself.

endpoints::endpoint!("tests/ui/spec_errors/exclusive_bounds.json");

fn main() {}
