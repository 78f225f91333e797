endpoints::endpoint!("specs");

#[test]
fn compiles() {
    let _ = planocore::create_photographer::View::Default;
}
