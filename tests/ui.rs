//! Compile-time behaviour, as a downstream crate meets it: the seed
//! endpoints in use (pass), and every error the macro can emit (fail), each
//! `.stderr` read and judged as a user would read it.

#[test]
fn ui() {
    // trybuild builds the cases in a crate of its own under `target/`; point
    // the macro back at this crate so spec paths resolve as a user's would.
    std::env::set_var("ENDPOINTS_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/spec_errors/*.rs");
    t.compile_fail("tests/ui/usage/*.rs");
    // rustc shortens a path in a message (`Client::<T>::pages`) only while
    // its last name is unique, and `blocking::Client` makes
    // `Client` ambiguous: the cases that name a client's method have one
    // expected output for each set of clients.
    #[cfg(not(feature = "blocking"))]
    t.compile_fail("tests/ui/one_client/*.rs");
    #[cfg(feature = "blocking")]
    t.compile_fail("tests/ui/two_clients/*.rs");
}
