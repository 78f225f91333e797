// An option the macro does not take, misspelt.

endpoints::endpoint!("specs/cloudcard/create_person.json", builder = false);

fn main() {}
