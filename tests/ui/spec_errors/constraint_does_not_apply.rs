// A constraint on a type it does not apply to.

endpoints::endpoint!("tests/ui/spec_errors/constraint_does_not_apply.json");

fn main() {}
