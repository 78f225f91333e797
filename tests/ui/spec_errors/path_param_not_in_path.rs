// A path param the path does not name.

endpoints::endpoint!("tests/ui/spec_errors/path_param_not_in_path.json");

fn main() {}
