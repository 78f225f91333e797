// `requires_any` and `requires_one` name groups of the object's own fields.

endpoints::endpoint!("tests/ui/spec_errors/required_groups.json");

fn main() {}
