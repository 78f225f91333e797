// A misspelt key names the nearest valid one.

endpoints::endpoint!("tests/ui/spec_errors/unknown_key.json");

fn main() {}
