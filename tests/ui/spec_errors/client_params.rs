// Params a client fills in: a shared path param, a credential that is not
// a string, a credential also marked shared, a second credential, and a
// param whose Rust name is the builder's `build`.

endpoints::endpoint!("tests/ui/spec_errors/client_params.json");

fn main() {}
