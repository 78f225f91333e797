// Malformed JSON is reported at its line and column.

endpoints::endpoint!("tests/ui/spec_errors/malformed_json.json");

fn main() {}
