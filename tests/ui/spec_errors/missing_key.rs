// A missing required key is reported at the object that lacks it.

endpoints::endpoint!("tests/ui/spec_errors/missing_key.json");

fn main() {}
