// Two wire names that become the same Rust name.

endpoints::endpoint!("tests/ui/spec_errors/case_collision.json");

fn main() {}
