// Unions: `of` missing, empty, or of the wrong form for the `tag`;
// members of a tagged union that cannot carry the tag; tag values that
// name one variant; members an untagged union never chooses; `any` and
// unions as members; a union where only scalars travel; an example that
// names no member.

endpoints::endpoint!("tests/ui/spec_errors/union.json");

fn main() {}
