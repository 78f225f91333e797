// A response's example that no longer fits the spec: the page shows `id`
// as text and a `plan` the type lacks. Each is an error at the example's
// own line and column, naming the path inside it.

endpoints::endpoint!("tests/ui/spec_errors/example_mismatch.json");

fn main() {
    // The items are still generated: code using them is not buried.
    let _ = get_user::Request {
        login: "octocat".into(),
    };
}
