// A flattened query param is one map of scalars, each entry a query param of
// its own, with no `style`; a header cannot be flattened; and one map takes
// every key the others leave, so a spec flattens one.

endpoints::endpoint!("tests/ui/spec_errors/query_flatten.json");

fn main() {}
