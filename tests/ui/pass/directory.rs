//! A directory of specs expands to one module per spec, nested by folder;
//! the fragment it holds is read only through the spec that includes it.

endpoints::endpoint!("specs");

fn main() {
    let _ = specs_paths();
}

fn specs_paths() -> (&'static str, &'static str) {
    use endpoints::Endpoint;
    (
        <planocore::create_photographer::Request as Endpoint>::PATH,
        <cloudcard::create_person::Request as Endpoint>::PATH,
    )
}
