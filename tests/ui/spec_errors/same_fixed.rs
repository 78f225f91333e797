// Two specs of one directory on one method and path whose fixed params are
// the same (a copied `X-Amz-Target`): nothing tells them apart.

endpoints::endpoint!("tests/ui/spec_errors/same_fixed");

fn main() {}
