// A default or a listed value that breaks the type's own constraints.

endpoints::endpoint!("tests/ui/spec_errors/default_breaks_constraints.json");

fn main() {}
