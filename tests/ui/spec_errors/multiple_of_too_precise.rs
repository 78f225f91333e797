// A `number` whose `multiple_of` has more digits than an f64 keeps: refused, never rounded.

endpoints::endpoint!("tests/ui/spec_errors/multiple_of_too_precise.json");

fn main() {}
