// Streamed responses: a media type that is not an event stream's, a
// stream of bytes with a body type, examples of a stream, two streams in
// one spec, and a stream kind misspelt.

endpoints::endpoint!("tests/ui/spec_errors/streams.json");

fn main() {}
