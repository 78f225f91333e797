// `pages.items` names a field the success's body does not have.

endpoints::endpoint!("tests/ui/spec_errors/pages_items.json");

fn main() {}
