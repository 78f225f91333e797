// Reading a stream of an endpoint whose spec declares none does not
// compile, with either client, and says what is missing: no streamed
// response at all (`download`), or a stream of bytes, not of items
// (`events`).

endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/streams/download.json");

fn main() {
    let first = || {
        lookup::Request::builder()
            .email("ansel@example.com")
            .x_api_key("k")
            .build()
    };
    let client = endpoints::Client::new("http://127.0.0.1:1");
    let _ = client.download(first());
    let blocking = endpoints::blocking::Client::new("http://127.0.0.1:1");
    let _ = blocking.events(download::Request::builder().name("a").build());
}
