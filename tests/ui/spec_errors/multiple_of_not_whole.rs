// An `integer` whose `multiple_of` has a fraction or does not fit an i64.

endpoints::endpoint!("tests/ui/spec_errors/multiple_of_not_whole.json");

fn main() {}
