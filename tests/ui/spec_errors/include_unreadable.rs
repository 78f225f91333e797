// An include that cannot be read.

endpoints::endpoint!("tests/ui/spec_errors/include_unreadable.json");

fn main() {}
