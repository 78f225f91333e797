// A default or an example that repeats an item where `unique_items` forbids it.

endpoints::endpoint!("tests/ui/spec_errors/unique_items_broken_by_default.json");

fn main() {}
