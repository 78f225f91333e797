//! A directory of specs expands to one module per spec, nested by folder;
//! the fragment it holds is read only through the spec that includes it,
//! and what it defines is the API's, generated once beside the modules.

endpoints::endpoint!("specs");

fn main() {
    let _ = specs_paths();
    // One type for every PlanoCore answer, whichever endpoint gave it.
    let same: fn(planocore::create_photographer::Envelope) -> planocore::Envelope = |e| e;
    let _ = same;
    let _: fn(planocore::create_photographer::Response) -> planocore::Response = |r| r;
}

fn specs_paths() -> (&'static str, &'static str) {
    use endpoints::Endpoint;
    (
        <planocore::create_photographer::Request as Endpoint>::PATH,
        <cloudcard::create_person::Request as Endpoint>::PATH,
    )
}
