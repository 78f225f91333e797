// A spec with a mistake still generates its items, so code that uses them
// is not buried under follow-on errors: only the spec error is reported.

endpoints::endpoint!("tests/ui/usage/stand_in_items.json");

fn main() {
    let request = widget::Request { id: 1, colour: None };
    let _ = endpoints::Endpoint::validate(&request);
}
