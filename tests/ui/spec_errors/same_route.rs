// Two specs of one directory on one method and path (placeholders count as
// one): the second is the error, naming the first.

endpoints::endpoint!("tests/ui/spec_errors/same_route");

fn main() {}
