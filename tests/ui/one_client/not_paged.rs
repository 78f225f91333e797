// Walking the pages of an endpoint whose spec has no `pages` does not
// compile, and says what is missing.

endpoints::endpoint!("tests/specs/lookup.json");

fn main() {
    let client = endpoints::Client::new("http://127.0.0.1:1");
    let first = lookup::Request::builder()
        .email("ansel@example.com")
        .x_api_key("k")
        .build();
    let _ = client.pages(first);
}
