// A path placeholder that no param fills.

endpoints::endpoint!("tests/ui/spec_errors/placeholder_without_param.json");

fn main() {}
