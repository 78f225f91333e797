// Walking the pages of an endpoint whose spec has no `pages` does not
// compile, with either client, and says what is missing.

endpoints::endpoint!("tests/specs/lookup.json");

fn main() {
    let first = || {
        lookup::Request::builder()
            .email("ansel@example.com")
            .x_api_key("k")
            .build()
    };
    let client = endpoints::Client::new("http://127.0.0.1:1");
    let _ = client.pages(first());
    let blocking = endpoints::blocking::Client::new("http://127.0.0.1:1");
    let _ = blocking.items(first());
}
