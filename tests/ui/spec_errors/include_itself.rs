// A spec that includes itself.

endpoints::endpoint!("tests/ui/spec_errors/include_itself.json");

fn main() {}
