// `"stream": true` belongs to the `bytes` param of a `binary` body: not a
// path or query param, not a response's kind (`"bytes"`), not a param of a
// JSON body.

endpoints::endpoint!("tests/ui/spec_errors/upload_stream.json");

fn main() {}
