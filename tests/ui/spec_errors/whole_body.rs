// A `binary` body is one `bytes` param sent whole: a second body param, a
// `string` in its place, and a content type that is not a media type.

endpoints::endpoint!("tests/ui/spec_errors/whole_body.json");

fn main() {}
