fn main() {
    let generated = endpoints_codegen::Builder::new()
        .spec("../../specs/cloudcard")
        .spec("../../specs/planocore/create_photographer.json")
        .generate();
    if let Err(e) = generated {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
