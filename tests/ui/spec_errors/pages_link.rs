// A `link` walk follows the Link header: a `param` that moves is a mistake.

endpoints::endpoint!("tests/ui/spec_errors/pages_link.json");

fn main() {}
