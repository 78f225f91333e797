// A builder that never sets a required param does not build, and the
// compiler names the param.

endpoints::endpoint!("specs/planocore/create_photographer.json");

fn main() {
    let _ = create_photographer::Request::builder()
        .email("ansel@example.com")
        .first_name("Ansel")
        .password("moonrise-1941")
        .phone("+1 555 0100")
        .build();
}
