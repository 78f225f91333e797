// A header list's items are scalars that cannot be `null`: a header has no
// way to say `null`, and no way to nest one list in another.

endpoints::endpoint!("tests/ui/spec_errors/header_list.json");

fn main() {}
