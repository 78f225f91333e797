// `unique_items` that is not `true` or `false`, or not on an `array`.

endpoints::endpoint!("tests/ui/spec_errors/unique_items_not_boolean.json");

fn main() {}
