// A union read from text (a path, query, header or cookie param) lists its
// string member last, since a string takes every text; and only a union
// of scalars travels as text at all.

endpoints::endpoint!("tests/ui/spec_errors/text_union_order.json");

fn main() {}
