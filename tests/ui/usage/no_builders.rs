// With `builders = false` there is no builder to call.

endpoints::endpoint!("specs/cloudcard/create_person.json", builders = false);

fn main() {
    let _ = create_person::Request::builder();
}
