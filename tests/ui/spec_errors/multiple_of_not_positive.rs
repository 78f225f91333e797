// A `multiple_of` of zero or below: zero allows nothing, a negative one means its opposite.

endpoints::endpoint!("tests/ui/spec_errors/multiple_of_not_positive.json");

fn main() {}
