// An object's `min_items` and `max_items` count its members: bounds no
// value could meet, and a flattened object whose members would go uncounted.

endpoints::endpoint!("tests/ui/spec_errors/member_count.json");

fn main() {}
