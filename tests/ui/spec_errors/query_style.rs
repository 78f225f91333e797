// `style` says how a query array is written: on a query param that is an
// array, one of the styles the format knows.

endpoints::endpoint!("tests/ui/spec_errors/query_style.json");

fn main() {}
