// A default, a listed value or an example that is not a multiple of `multiple_of`.

endpoints::endpoint!("tests/ui/spec_errors/multiple_of_broken_by_default.json");

fn main() {}
