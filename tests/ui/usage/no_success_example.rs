// Answering from a spec's example needs an example of a success: the
// PlanoCore spec documents none, and the compiler says what to add.

endpoints::endpoint!("specs/planocore/create_photographer.json");

fn main() {
    let _ = endpoints::fake::FakeServer::builder().example::<create_photographer::Request>();
}
