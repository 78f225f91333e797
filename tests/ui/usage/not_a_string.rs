// The macro takes the path of a spec as a string literal.

endpoints::endpoint!(specs / cloudcard);

fn main() {}
