// A response without a code, where no status_field names responses.

endpoints::endpoint!("tests/ui/spec_errors/response_without_code.json");

fn main() {}
