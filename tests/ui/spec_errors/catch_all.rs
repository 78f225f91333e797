// Catch-all codes: two responses for one class cannot be told apart, and a
// code that is neither a status, a class nor `default`.

endpoints::endpoint!("tests/ui/spec_errors/catch_all.json");

fn main() {}
