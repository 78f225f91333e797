// A spec with several mistakes reports them all in one build.

endpoints::endpoint!("tests/ui/spec_errors/several_mistakes.json");

fn main() {}
