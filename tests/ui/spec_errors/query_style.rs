// `style` says how a query param of several values is written: `comma` and
// `pipe` join an array's items, `brackets` writes arrays, objects and maps;
// an object without it has no way onto the query.

endpoints::endpoint!("tests/ui/spec_errors/query_style.json");

fn main() {}
