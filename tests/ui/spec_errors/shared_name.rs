// Params that share a name: each must say where it travels, and have a
// Rust name of its own; a walk cannot move one of two params of one name.

endpoints::endpoint!("tests/ui/spec_errors/shared_name.json");

fn main() {}
