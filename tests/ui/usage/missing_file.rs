// A spec path that names nothing.

endpoints::endpoint!("specs/cloudcard/create_persn.json");

fn main() {}
