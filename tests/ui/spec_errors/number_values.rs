// A number's `values` are numbers, each once, and its default one of them.

endpoints::endpoint!("tests/ui/spec_errors/number_values.json");

fn main() {}
