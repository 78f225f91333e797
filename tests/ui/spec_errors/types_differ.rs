// Two specs of one directory (one API) define the type `Thing` differently:
// the second definition is the error, and it names where the first is.

endpoints::endpoint!("tests/ui/spec_errors/types_differ");

fn main() {}
