// A tag value listed twice names two members at once.

endpoints::endpoint!("tests/ui/spec_errors/union_duplicate_tag.json");

fn main() {}
