// A boolean's `values` are booleans, each once, and its default one of them.

endpoints::endpoint!("tests/ui/spec_errors/boolean_values.json");

fn main() {}
