//! Every rule of the spec format, as a user breaks it: each case is a spec
//! (and its fragments) and the exact errors the engine reports, positions
//! included.

use std::path::PathBuf;

use endpoints_codegen::load_spec;

/// Writes the files into a fresh directory and loads `main.json`.
fn errors(files: &[(&str, &str)]) -> Vec<String> {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir: PathBuf =
        std::env::temp_dir().join(format!("endpoints-spec-errors-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let loaded = load_spec(&dir.join("main.json"), "main.json");
    std::fs::remove_dir_all(&dir).ok();
    loaded.errors.iter().map(ToString::to_string).collect()
}

/// A valid spec with `extra` spliced into its top-level object.
fn spec(extra: &str) -> String {
    spec_at("/things", extra)
}

fn spec_at(path: &str, extra: &str) -> String {
    format!(
        "{{\n  \"name\": \"thing\",\n  \"method\": \"POST\",\n  \"path\": \"{path}\",\n  \"responses\": [ {{ \"name\": \"ok\", \"code\": 200 }} ]{extra}\n}}"
    )
}

#[track_caller]
fn check(files: &[(&str, &str)], expected: &[&str]) {
    let actual = errors(files);
    assert_eq!(actual, expected, "\nactual:\n{}\n", actual.join("\n"));
}

#[test]
fn a_valid_spec_has_no_errors() {
    check(&[("main.json", &spec(""))], &[]);
}

#[test]
fn malformed_json() {
    check(
        &[(
            "main.json",
            "{\n  \"name\": \"thing\",\n  \"method\": \"POST\"\n  \"path\": \"/x\"\n}",
        )],
        &["main.json:4:3: (root): malformed JSON: expected `,` or `}`"],
    );
}

#[test]
fn unknown_keys_suggest_the_nearest_word() {
    check(
        &[("main.json", &spec(",\n  \"parms\": [],\n  \"params_x_y_z_w\": 1"))],
        &[
            "main.json:6:3: parms: unknown key `parms` in the spec; did you mean `params`?",
            "main.json:7:3: params_x_y_z_w: unknown key `params_x_y_z_w` in the spec; the spec takes `name`, `summary`, `description`, `method`, `path`, `idempotent`, `pages`, `examples`, `include`, `params`, `responses`, `types`, `status_field`, `refusals`, `base_url`, `body`",
        ],
    );
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"a\", \"type\": \"string\", \"requried\": true } ]"))],
        &["main.json:6:48: params[0].requried: unknown key `requried` in a param; did you mean `required`?"],
    );
}

#[test]
fn schema_and_comment_keys_are_ignored() {
    check(
        &[(
            "main.json",
            &spec(",\n  \"$schema\": \"x\",\n  \"$comment\": \"y\""),
        )],
        &[],
    );
}

#[test]
fn missing_required_keys() {
    check(
        &[(
            "main.json",
            "{\n  \"path\": \"/x\",\n  \"responses\": [ { \"code\": 200 } ]\n}",
        )],
        &[
            "main.json:1:1: (root): missing required key `name`",
            "main.json:1:1: (root): missing required key `method`",
            "main.json:3:18: responses[0]: missing required key `name`",
        ],
    );
}

#[test]
fn wrong_json_kinds() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": 5, \"type\": \"string\", \"required\": \"yes\", \"max_length\": -1 } ],\n  \"summary\": [\"x\"]"))],
        &[
            "main.json:6:25: params[0].name: expected a string, found a number",
            "main.json:6:58: params[0].required: expected `true` or `false`, found a string",
            "main.json:6:79: params[0].max_length: expected a whole number of at least 0, found a number",
            "main.json:7:14: summary: expected a string, found an array",
        ],
    );
}

#[test]
fn unknown_types_suggest_the_nearest_type() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"a\", \"type\": \"strng\" }, { \"name\": \"b\", \"type\": \"Lien\" }, { \"name\": \"c\", \"type\": \"zzzzzz\" } ],\n  \"types\": { \"Line\": { \"type\": \"object\", \"fields\": [] } }"))],
        &[
            "main.json:6:38: params[0].type: unknown type `strng`; did you mean `string`?",
            "main.json:6:72: params[1].type: unknown type `Lien`; did you mean `Line`?",
            "main.json:6:105: params[2].type: unknown type `zzzzzz`; use `string`, `integer`, `number`, `boolean`, `array`, `map`, `object`, `any`, or a name defined under `types`",
        ],
    );
}

#[test]
fn unknown_words_in_fixed_sets() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"post\",\n  \"path\": \"/x\",\n  \"body\": \"xml\",\n  \"params\": [ { \"name\": \"a\", \"in\": \"qeury\", \"type\": \"string\", \"format\": \"e-mail\" } ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &[
            "main.json:3:13: method: unknown method `post`; did you mean `POST`?",
            "main.json:5:11: body: unknown body encoding `xml`; expected one of `json`, `base64_json`, `form`, `binary`, `text`, `multipart`, `none`",
            "main.json:6:36: params[0].in: unknown param location `qeury`; did you mean `query`?",
            "main.json:6:73: params[0].format: unknown format `e-mail`; did you mean `email`?",
        ],
    );
}

#[test]
fn constraints_that_do_not_apply() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"integer\", \"max_length\": 3 },\n    { \"name\": \"b\", \"type\": \"string\", \"minimum\": 1, \"of\": \"string\" },\n    { \"name\": \"c\", \"type\": \"string\", \"type_name\": \"C\" },\n    { \"name\": \"d\", \"type\": \"Color\", \"max_length\": 3 }\n  ],\n  \"types\": { \"Color\": { \"type\": \"string\", \"values\": [\"red\"] } }"))],
        &[
            "main.json:7:53: params[0].max_length: `max_length` does not apply to `integer`; it applies to `string` and `bytes`",
            "main.json:8:49: params[1].minimum: `minimum` does not apply to `string`; it applies to `integer` and `number`",
            "main.json:8:58: params[1].of: `of` does not apply to `string`; it applies to `array`, `map` and `union`",
            "main.json:9:51: params[2].type_name: `type_name` names a generated enum, object or union, and this `string` has no `values`",
            "main.json:10:51: params[3].max_length: `max_length` cannot be added where `Color` is used; put it on the definition of `Color` under `types`",
        ],
    );
}

#[test]
fn defaults_and_values_must_obey_their_type() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"string\", \"max_length\": 3, \"default\": \"toolong\" },\n    { \"name\": \"b\", \"type\": \"integer\", \"minimum\": 1, \"default\": 0 },\n    { \"name\": \"c\", \"type\": \"string\", \"pattern\": \"[a-z]+\", \"values\": [\"ok\", \"NO\", \"ok\"] },\n    { \"name\": \"d\", \"type\": \"boolean\", \"default\": \"true\" },\n    { \"name\": \"e\", \"type\": \"string\", \"values\": [\"x\"], \"default\": \"y\" }\n  ]"))],
        &[
            "main.json:7:66: params[0].default: the default \"toolong\" is 7 characters long, longer than `max_length` 3",
            "main.json:8:64: params[1].default: the default 0 is below the `minimum` 1",
            "main.json:9:76: params[2].values[1]: the value \"NO\" does not match the `pattern` `[a-z]+`",
            "main.json:9:82: params[2].values[2]: the value \"ok\" is listed twice",
            "main.json:10:50: params[3].default: the default \"true\" is not a valid `boolean`",
            "main.json:11:66: params[4].default: the default \"y\" is not one of the `values` (\"x\")",
        ],
    );
}

#[test]
fn bounds_and_patterns_must_make_sense() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"string\", \"min_length\": 5, \"max_length\": 3 },\n    { \"name\": \"b\", \"type\": \"integer\", \"minimum\": 1.5 },\n    { \"name\": \"c\", \"type\": \"string\", \"pattern\": \"([a-z]\" }\n  ]"))],
        &[
            "main.json:7:52: params[0].min_length: `min_length` (5) is greater than `max_length` (3): no value could pass",
            "main.json:8:50: params[1].minimum: `minimum` of an `integer` must be a whole number",
            "main.json:9:49: params[2].pattern: `([a-z]` is not a valid regular expression: Opening parenthesis without closing parenthesis (at byte 6)",
        ],
    );
}

#[test]
fn exclusive_bounds_must_leave_room_and_hold_defaults() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"number\", \"exclusive_minimum\": 1, \"maximum\": 1 },\n    { \"name\": \"b\", \"type\": \"number\", \"exclusive_minimum\": 0, \"exclusive_maximum\": 1, \"default\": 1 },\n    { \"name\": \"c\", \"type\": \"integer\", \"exclusive_minimum\": 0 },\n    { \"name\": \"d\", \"type\": \"number\", \"exclusive_minimum\": 0, \"default\": 0.5 }\n  ]"))],
        &[
            "main.json:7:59: params[0].exclusive_minimum: `exclusive_minimum` (1) is not less than `maximum` (1): no value could pass",
            "main.json:8:97: params[1].default: the default 1 is not below the `exclusive_maximum` 1",
            "main.json:9:60: params[2].exclusive_minimum: `exclusive_minimum` does not apply to `integer`; it applies to `number`",
        ],
    );
}

#[test]
fn a_booleans_values_are_booleans_each_once_and_hold_its_default() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"boolean\", \"values\": [true], \"default\": false },\n    { \"name\": \"b\", \"type\": \"boolean\", \"values\": [1, true, true] },\n    { \"name\": \"c\", \"type\": \"boolean\", \"values\": [true, false], \"default\": false },\n    { \"name\": \"d\", \"type\": \"boolean\", \"values\": [] }\n  ]"))],
        &[
            "main.json:7:68: params[0].default: the default false is not one of the `values` (true)",
            "main.json:8:50: params[1].values[0]: the value 1 is not a boolean",
            "main.json:8:59: params[1].values[2]: the value true is listed twice",
            "main.json:10:49: params[3].values: `values` must list at least one value",
        ],
    );
}

#[test]
fn an_objects_member_count_must_leave_room() {
    check(
        &[("main.json", &spec(",\n  \"types\": {\n    \"A\": { \"type\": \"object\", \"min_items\": 3, \"fields\": [ { \"name\": \"x\", \"type\": \"string\" } ] },\n    \"B\": { \"type\": \"object\", \"max_items\": 1, \"fields\": [ { \"name\": \"x\", \"type\": \"string\", \"required\": true }, { \"name\": \"y\", \"type\": \"string\", \"required\": true } ] },\n    \"C\": { \"type\": \"object\", \"min_items\": 3, \"fields\": [ { \"name\": \"x\", \"type\": \"string\" }, { \"name\": \"more\", \"type\": \"map\", \"of\": \"string\", \"flatten\": true } ] },\n    \"D\": { \"type\": \"object\", \"max_items\": 2, \"fields\": [ { \"name\": \"inner\", \"type\": \"C\", \"flatten\": true } ] }\n  }"))],
        &[
            "main.json:7:43: types.A.min_items: `min_items` is 3, and the object has 1 field: no value could pass",
            "main.json:8:43: types.B.max_items: `max_items` is 1, and the object has 2 required fields: no value could pass",
            "main.json:10:43: types.D.max_items: `max_items` counts an object's members, and the flattened object `inner` has members of its own: put the bound on the object's fields instead",
        ],
    );
}

#[test]
fn a_union_read_from_text_lists_its_string_member_last() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"in\": \"query\", \"type\": \"union\", \"of\": [ \"string\", \"integer\" ] },\n    { \"name\": \"b\", \"in\": \"query\", \"type\": \"union\", \"of\": [ \"integer\", \"string\" ] },\n    { \"name\": \"c\", \"in\": \"header\", \"type\": \"union\", \"of\": [ \"integer\", { \"type\": \"object\", \"fields\": [ { \"name\": \"x\", \"type\": \"string\", \"required\": true } ] } ] }\n  ]"))],
        &[
            "main.json:7:70: params[0].of[1]: the query param `a` is read from text, where the member `string` before this one takes every text: list the string member last",
            "main.json:9:44: params[2].type: the header param `c` must be a scalar, a union of scalars or an array of scalars, not `union`",
        ],
    );
}

#[test]
fn a_path_param_is_a_scalar_a_union_of_scalars_or_an_array_of_them() {
    check(
        &[("main.json", &spec_at("/a/{x}/{y}/{z}", ",\n  \"params\": [\n    { \"name\": \"x\", \"type\": \"array\", \"of\": \"integer\", \"required\": true },\n    { \"name\": \"y\", \"type\": \"array\", \"of\": { \"type\": \"string\", \"nullable\": true }, \"required\": true },\n    { \"name\": \"z\", \"type\": \"map\", \"of\": \"string\", \"required\": true }\n  ]"))],
        &[
            "main.json:8:43: params[1].of: the items of the path param `y` cannot be `nullable`: a path has no way to say `null`",
            "main.json:9:28: params[2].type: the path param `z` must be a scalar, a union of scalars or an array of scalars, not `map`",
        ],
    );
}

#[test]
fn a_query_style_is_for_query_params_of_several_values() {
    check(
        &[("main.json", &spec_at("/a/{x}", ",\n  \"params\": [\n    { \"name\": \"x\", \"type\": \"array\", \"of\": \"integer\", \"required\": true, \"style\": \"comma\" },\n    { \"name\": \"q\", \"in\": \"query\", \"type\": \"integer\", \"style\": \"pipe\" },\n    { \"name\": \"ids\", \"in\": \"query\", \"type\": \"array\", \"of\": \"integer\", \"style\": \"pipes\" },\n    { \"name\": \"ok\", \"in\": \"query\", \"type\": \"array\", \"of\": \"integer\", \"style\": \"repeat\" },\n    { \"name\": \"b\", \"in\": \"query\", \"type\": \"string\", \"style\": \"brackets\" },\n    { \"name\": \"m\", \"in\": \"query\", \"type\": \"map\", \"of\": \"any\", \"style\": \"brackets\" },\n    { \"name\": \"c\", \"in\": \"query\", \"type\": \"map\", \"of\": \"string\", \"style\": \"comma\" }\n  ]"))],
        &[
            "main.json:7:81: params[0].style: `style` is for query params, and `x` is `in: path`",
            "main.json:8:63: params[1].style: `style` is for a query param of several values (an array, an object or a map), and `q` has one (`integer`)",
            "main.json:9:80: params[2].style: unknown query style `pipes`; did you mean `pipe`?",
            "main.json:11:62: params[4].style: `style` is for a query param of several values (an array, an object or a map), and `b` has one (`string`)",
            "main.json:13:43: params[6].type: the query param `c` must be a scalar or an array of scalars, not `map`; or, with `\"style\": \"brackets\"`, any value written as a form body writes it (`c[key]=value`)",
            "main.json:13:75: params[6].style: `comma` joins the items of an array, and `c` is of type `map`: write it with `\"style\": \"brackets\"`",
        ],
    );
}

#[test]
fn read_only_and_write_only_mark_fields_of_types_one_way() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"p\", \"type\": \"T\", \"read_only\": true } ],\n  \"types\": { \"T\": { \"type\": \"object\", \"fields\": [\n    { \"name\": \"a\", \"type\": \"string\", \"read_only\": true, \"required\": true },\n    { \"name\": \"b\", \"type\": \"string\", \"read_only\": true, \"write_only\": true },\n    { \"name\": \"c\", \"type\": \"string\", \"read_only\": true },\n    { \"name\": \"d\", \"type\": \"string\", \"write_only\": true, \"required\": true }\n  ] } }"))],
        &[
            "main.json:6:56: params[0].read_only: `read_only` marks a field of a type that requests and answers share; a param is the request's alone",
            "main.json:8:51: types.T.fields[0].read_only: the field `a` is `read_only`, so a request leaves it out: it cannot be `required` (an answer that always carries it says so in its `description`)",
            "main.json:9:71: types.T.fields[1].write_only: the field `b` is `read_only` and `write_only`: it would never travel",
        ],
    );
}

#[test]
fn groups_of_required_fields_name_the_objects_fields() {
    check(
        &[("main.json", &spec(",\n  \"types\": {\n    \"A\": { \"type\": \"object\", \"requires_any\": [ [\"stat\"], [] ], \"fields\": [ { \"name\": \"state\", \"type\": \"string\" } ] },\n    \"B\": { \"type\": \"object\", \"requires_one\": [ [\"more\"] ], \"fields\": [ { \"name\": \"more\", \"type\": \"map\", \"of\": \"string\", \"flatten\": true } ] },\n    \"C\": { \"type\": \"string\", \"requires_any\": [ [\"x\"] ] }\n  }"))],
        &[
            "main.json:7:46: types.A.requires_any: `requires_any` names `stat`, which is no field of the object; did you mean `state`?",
            "main.json:7:58: types.A.requires_any[1]: each group of `requires_any` names at least one field",
            "main.json:8:46: types.B.requires_one: `requires_one` names `more`, a flattened field, which has no one name on the wire",
            "main.json:9:46: types.C.requires_any: `requires_any` does not apply to `string`; it applies to `object`",
        ],
    );
}

#[test]
fn multiple_of_and_unique_items_must_make_sense() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"string\", \"multiple_of\": 2, \"unique_items\": true },\n    { \"name\": \"b\", \"type\": \"integer\", \"multiple_of\": 0 },\n    { \"name\": \"c\", \"type\": \"number\", \"multiple_of\": -0.5 },\n    { \"name\": \"d\", \"type\": \"integer\", \"multiple_of\": 0.5 },\n    { \"name\": \"e\", \"type\": \"integer\", \"multiple_of\": 9223372036854775808 },\n    { \"name\": \"f\", \"type\": \"number\", \"multiple_of\": 0.1000000000000000001 },\n    { \"name\": \"g\", \"type\": \"number\", \"multiple_of\": 9007199254740993 },\n    { \"name\": \"h\", \"type\": \"array\", \"unique_items\": \"yes\" },\n    { \"name\": \"i\", \"type\": \"map\", \"unique_items\": true },\n    { \"name\": \"j\", \"type\": \"integer\", \"multiple_of\": \"5\" },\n    { \"name\": \"k\", \"type\": \"integer\", \"multiple_of\": 1e3 }\n  ]"))],
        &[
            "main.json:7:53: params[0].multiple_of: `multiple_of` does not apply to `string`; it applies to `integer` and `number`",
            "main.json:7:72: params[0].unique_items: `unique_items` does not apply to `string`; it applies to `array`",
            "main.json:8:54: params[1].multiple_of: `multiple_of` must be greater than 0, and 0 is not",
            "main.json:9:53: params[2].multiple_of: `multiple_of` must be greater than 0, and -0.5 is not",
            "main.json:10:54: params[3].multiple_of: `multiple_of` of an `integer` must be a whole number of at most 9223372036854775807, and 0.5 is not",
            "main.json:11:54: params[4].multiple_of: `multiple_of` of an `integer` must be a whole number of at most 9223372036854775807, and 9223372036854775808 is not",
            "main.json:12:53: params[5].multiple_of: `multiple_of` 0.1000000000000000001 has more digits than a `number` (f64) holds: it would be read as 0.1; write at most 15 significant digits",
            "main.json:13:53: params[6].multiple_of: `multiple_of` 9007199254740993 has more digits than a `number` (f64) holds: it would be read as 9007199254740992; write at most 15 significant digits",
            "main.json:14:53: params[7].unique_items: expected `true` or `false`, found a string",
            "main.json:15:51: params[8].unique_items: `unique_items` does not apply to `map`; it applies to `array`",
            "main.json:16:54: params[9].multiple_of: expected a number, found a string",
        ],
    );
}

#[test]
fn defaults_values_and_examples_must_keep_multiple_of_and_unique_items() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"integer\", \"multiple_of\": 5, \"default\": 12 },\n    { \"name\": \"b\", \"type\": \"number\", \"multiple_of\": 0.01, \"default\": 19.999, \"examples\": [19.99, 0.3, 0.125] },\n    { \"name\": \"c\", \"type\": \"integer\", \"multiple_of\": 2, \"values\": [2, 3] },\n    { \"name\": \"d\", \"type\": \"array\", \"of\": \"map\", \"unique_items\": true, \"examples\": [[{\"x\": 1, \"y\": 2}, {\"y\": 2, \"x\": 1.0}]] },\n    { \"name\": \"e\", \"type\": \"array\", \"of\": \"string\", \"unique_items\": true, \"default\": [\"a\", \"b\", \"a\"] }\n  ]"))],
        &[
            "main.json:7:68: params[0].default: the default 12 is not a multiple of `multiple_of` 5",
            "main.json:8:70: params[1].default: the default 19.999 is not a multiple of `multiple_of` 0.01",
            "main.json:8:103: params[1].examples[2]: the example's value 0.125 is not a multiple of `multiple_of` 0.01",
            "main.json:9:71: params[2].values[1]: the value 3 is not a multiple of `multiple_of` 2",
            "main.json:10:85: params[3].examples[0]: the example repeats an item, which `unique_items` forbids: [1] equals [0]",
            "main.json:11:86: params[4].default: the default [\"a\",\"b\",\"a\"] repeats an item, which `unique_items` forbids: [2] equals [0]",
        ],
    );
}

#[test]
fn path_placeholders_and_path_params_must_match() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/things/{id}/parts/{part}\",\n  \"params\": [\n    { \"name\": \"id\", \"type\": \"integer\", \"required\": true },\n    { \"name\": \"other\", \"in\": \"path\", \"type\": \"string\", \"required\": true },\n    { \"name\": \"opt\", \"in\": \"path\", \"type\": \"string\" }\n  ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &[
            "main.json:4:11: path: the path names `{part}`, but no param is called `part`; add { \"name\": \"part\", \"in\": \"path\", \"type\": \"string\", \"required\": true }",
            "main.json:7:30: params[1].in: the param `other` is `in: path`, but the path `/things/{id}/parts/{part}` has no `{other}`",
            "main.json:8:5: params[2]: the path param `opt` is always sent; mark it `\"required\": true`",
            "main.json:8:28: params[2].in: the param `opt` is `in: path`, but the path `/things/{id}/parts/{part}` has no `{opt}`",
        ],
    );
}

#[test]
fn params_must_fit_where_they_travel() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"POST\",\n  \"path\": \"/x\",\n  \"body\": \"none\",\n  \"params\": [\n    { \"name\": \"h\", \"in\": \"header\", \"type\": \"array\" },\n    { \"name\": \"q\", \"in\": \"query\", \"type\": \"map\" },\n    { \"name\": \"b\", \"type\": \"string\" },\n    { \"name\": \"f\", \"in\": \"query\", \"type\": \"string\", \"flatten\": true },\n    { \"name\": \"n\", \"in\": \"query\", \"type\": \"array\", \"of\": { \"type\": \"string\", \"nullable\": true } },\n    { \"name\": \"z\", \"in\": \"query\", \"type\": \"array\", \"of\": { \"type\": \"string\", \"nullable\": \"yes\" } }\n  ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &[
            "main.json:7:44: params[0].type: the header param `h` must be a scalar, a union of scalars or an array of scalars, not `array`",
            "main.json:8:43: params[1].type: the query param `q` must be a scalar or an array of scalars, not `map`; or, with `\"style\": \"brackets\"`, any value written as a form body writes it (`q[key]=value`)",
            "main.json:9:5: params[2]: the param `b` travels in the body, but the spec sets `\"body\": \"none\"`",
            "main.json:10:5: params[3]: `flatten` applies to `map` and `object` fields; `f` is a `string`",
            "main.json:11:58: params[4].of: the items of the query param `n` cannot be `nullable`: a repeated query param has no way to say `null`",
            "main.json:12:90: params[5].of.nullable: expected `true` or `false`, found a string",
        ],
    );
}

#[test]
fn names_defined_twice_name_both_places() {
    check(
        &[
            ("main.json", &spec(",\n  \"include\": [\"common.json\"],\n  \"params\": [ { \"name\": \"token\", \"type\": \"string\" } ],\n  \"types\": { \"T\": { \"type\": \"string\" } }")),
            ("common.json", "{\n  \"params\": [ { \"name\": \"token\", \"type\": \"string\" } ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 201 } ],\n  \"types\": { \"T\": { \"type\": \"integer\" } }\n}"),
        ],
        &[
            "common.json:2:15: params[0]: the param `token` is defined twice (first in main.json at params[0] (line 7, column 15)); two params may share a name only in different places, each saying where (`in`)",
            "common.json:3:18: responses[0]: the response `ok` is defined twice (first in main.json at responses[0] (line 5, column 18))",
            "common.json:4:14: types.T: the type `T` is defined twice (first in main.json at types.T (line 8, column 19))",
        ],
    );
}

#[test]
fn names_that_collide_after_case_conversion() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"emailGroup\", \"type\": \"string\" },\n    { \"name\": \"email_group\", \"type\": \"string\" },\n    { \"name\": \"Email Group\", \"type\": \"string\", \"rust_name\": \"email_group_label\" },\n    { \"name\": \"kind\", \"type\": \"string\", \"values\": [\"a-b\", \"a_b\", \"other\"] },\n    { \"name\": \"Kind\", \"type\": \"string\", \"rust_name\": \"kind2\", \"values\": [\"x\"], \"type_name\": \"Kind\" }\n  ]"))],
        &[
            "main.json:8:5: params[1]: `email_group` and `emailGroup` of the request both become the Rust field `email_group`; set `rust_name` on one of them",
            "main.json:11:5: params[4]: this enum would generate the type `Kind`, which is already the type at params[3]; set `type_name` to name it otherwise",
        ],
    );
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"responses\": [ { \"name\": \"not-found\", \"code\": 404 }, { \"name\": \"not_found\", \"code\": 410 }, { \"name\": \"unknown\", \"code\": 500 } ]\n}")],
        &[
            "main.json:5:56: responses[1]: the response `not_found` becomes the variant `NotFound`, which is already the response at responses[0]; rename one of them",
            "main.json:5:94: responses[2]: the response `unknown` becomes the variant `Unknown`, which is already the variant kept for undocumented responses; rename one of them",
        ],
    );
}

#[test]
fn includes_that_cannot_be_read_or_loop() {
    check(
        &[("main.json", &spec(",\n  \"include\": [\"missing.json\", \"main.json\", \"a.json\"]")), ("a.json", "{ \"include\": [\"b.json\"] }"), ("b.json", "{ \"include\": [\"a.json\"], \"name\": \"x\" }")],
        &[
            "main.json:6:15: include[0]: cannot read the included file `missing.json`: No such file or directory (os error 2)",
            "main.json:6:31: include[1]: `main.json` includes itself",
            "b.json:1:15: include[0]: including `a.json` makes a cycle: it already includes this file",
            "b.json:1:26: name: a fragment cannot set `name`: it only holds what `include` merges (`include`, `params`, `responses`, `types`, `status_field`, `refusals`, `base_url`, `body`)",
        ],
    );
}

#[test]
fn responses_need_a_code_unless_the_body_names_them() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 }, { \"name\": \"rare\" }, { \"name\": \"bad\", \"code\": 400 }, { \"name\": \"worse\", \"code\": 400 }, { \"name\": \"odd\", \"code\": 99 } ]\n}")],
        &[
            "main.json:5:49: responses[1]: the response `rare` has no `code`; give its HTTP status (or `\"4XX\"`, `\"default\"`), or set `status_field` if the API names its responses in the body",
            "main.json:5:128: responses[3].code: the responses `bad` and `worse` share the code 400 and no `status_field` tells them apart, so neither could be recognised",
            "main.json:5:160: responses[4].code: `99` is not an HTTP status; use a code from 100 to 599, a class (`\"4XX\"`) or `\"default\"`",
        ],
    );
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"status_field\": \"status\",\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 }, { \"name\": \"rare\" }, { \"name\": \"bad\", \"code\": 400 }, { \"name\": \"worse\", \"code\": 400 } ]\n}")],
        &[],
    );
    check(
        &[(
            "main.json",
            "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\"\n}",
        )],
        &["main.json:1:1: (root): the spec has no `responses`; document at least one (includes count)"],
    );
}

#[test]
fn catch_all_codes_are_a_class_or_default_and_each_stands_once() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"responses\": [\n    { \"name\": \"ok\", \"code\": 200 },\n    { \"name\": \"a\", \"code\": \"4XX\" },\n    { \"name\": \"b\", \"code\": \"4xx\" },\n    { \"name\": \"c\", \"code\": \"default\" },\n    { \"name\": \"d\", \"code\": \"default\" },\n    { \"name\": \"e\", \"code\": \"6XX\" },\n    { \"name\": \"f\", \"code\": \"Default\" }\n  ]\n}")],
        &[
            "main.json:8:28: responses[2].code: the responses `a` and `b` both stand for `4XX` and no `status_field` tells them apart, so neither could be recognised",
            "main.json:10:28: responses[4].code: the responses `c` and `d` both stand for `default` and no `status_field` tells them apart, so neither could be recognised",
            "main.json:11:28: responses[5].code: `\"6XX\"` is not a status; use a code from 100 to 599, a class (`\"4XX\"`) or `\"default\"`",
            "main.json:12:28: responses[6].code: `\"Default\"` is not a status; use a code from 100 to 599, a class (`\"4XX\"`) or `\"default\"`",
        ],
    );
    // A status field tells them apart: no error.
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"status_field\": \"status\",\n  \"responses\": [ { \"name\": \"a\", \"code\": \"5XX\" }, { \"name\": \"b\", \"code\": \"5XX\" } ]\n}")],
        &[],
    );
}

#[test]
fn text_and_binary_responses_have_no_body_type_nor_json_examples() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"responses\": [\n    { \"name\": \"png\", \"code\": 200, \"content_type\": \"image/png\", \"body\": \"string\" },\n    { \"name\": \"csv\", \"code\": 201, \"content_type\": \"text/csv\", \"examples\": [ \"a,b\" ] },\n    { \"name\": \"json\", \"code\": 202, \"content_type\": \"application/problem+json\", \"body\": \"string\" }\n  ]\n}")],
        &[
            "main.json:6:72: responses[0].body: the response `png` is `image/png`, kept as bytes: it has no `body` type",
            "main.json:7:77: responses[1].examples[0]: the response `csv` is `text/csv`: examples are checked as JSON, so they belong to JSON responses",
        ],
    );
}

#[test]
fn streams_are_told_apart_by_code_and_typed_by_kind() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"status_field\": \"status\",\n  \"responses\": [\n    { \"name\": \"feed\", \"stream\": \"sse\", \"content_type\": \"text/event-stream; charset=utf-8\", \"body\": \"string\" },\n    { \"name\": \"rows\", \"code\": 200, \"stream\": \"lines\" }\n  ]\n}")],
        &[
            "main.json:7:5: responses[0]: the response `feed` is a stream, told apart before its body is read: give it a `code`",
            "main.json:8:46: responses[1].stream: unknown stream kind `lines`; expected one of `bytes`, `sse`, `json_lines`",
        ],
    );
}

#[test]
fn bytes_are_base64_and_counted_in_bytes() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"b\", \"type\": \"bytes\", \"max_length\": 2, \"default\": \"AAAA\" },\n    { \"name\": \"c\", \"type\": \"bytes\", \"default\": \"??\" },\n    { \"name\": \"d\", \"type\": \"bytes\", \"pattern\": \"x\" }\n  ]"))],
        &[
            "main.json:7:65: params[0].default: the default \"AAAA\" is 3 bytes long, longer than `max_length` 2",
            "main.json:8:48: params[1].default: the default \"??\" is not base64 text",
            "main.json:9:48: params[2].pattern: `pattern` does not apply to `bytes`; it applies to `string`",
        ],
    );
}

#[test]
fn media_types_and_next_paths_are_checked() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/x\",\n  \"status_field\": \"status\",\n  \"params\": [ { \"name\": \"page\", \"in\": \"query\", \"type\": \"integer\" } ],\n  \"pages\": { \"style\": \"page\", \"param\": \"page\", \"items\": \"results\", \"next\": \"nxt\" },\n  \"responses\": [\n    { \"name\": \"ok\", \"code\": 200, \"body\": { \"type\": \"object\", \"fields\": [ { \"name\": \"results\", \"type\": \"array\" }, { \"name\": \"next\", \"type\": \"string\" }, { \"name\": \"status\", \"type\": \"string\" } ] } },\n    { \"name\": \"pdf\", \"content_type\": \"application/pdf\" },\n    { \"name\": \"odd\", \"code\": 201, \"content_type\": \"pdf\" }\n  ]\n}")],
        &[
            "main.json:7:76: pages.next: `pages.next` names `nxt`, which the success's body has no field of; did you mean `next`?",
            "main.json:10:5: responses[1]: the response `pdf` is `application/pdf`, which holds no status slug: give it a `code` so it can be told apart",
            "main.json:11:51: responses[2].content_type: `pdf` is not a media type: write it as `type/subtype` (`image/png`, `text/csv`)",
        ],
    );
}

#[test]
fn cookies_are_scalars_under_plain_names() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"a;b\", \"in\": \"cookie\", \"type\": \"string\" },\n    { \"name\": \"ids\", \"in\": \"cookie\", \"type\": \"array\", \"of\": \"integer\" }\n  ]"))],
        &[
            "main.json:7:5: params[0]: `a;b` cannot name a cookie: a cookie name is an HTTP token (letters, digits and `!#$%&'*+-.^_|~`)",
            "main.json:8:46: params[1].type: the cookie param `ids` must be a scalar or a union of scalars, not `array`",
        ],
    );
}

#[test]
fn the_name_must_be_a_module_name() {
    check(
        &[("main.json", "{\n  \"name\": \"Create Thing\",\n  \"method\": \"GET\",\n  \"path\": \"x\",\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &[
            "main.json:2:11: name: `Create Thing` cannot name a module: use a snake_case identifier; try `create_thing`",
            "main.json:4:11: path: the path `x` must start with `/`",
        ],
    );
}

#[test]
fn objects_need_fields_and_flatten_needs_a_map_or_object() {
    check(
        &[("main.json", &spec(",\n  \"params\": [\n    { \"name\": \"o\", \"type\": \"object\" },\n    { \"name\": \"s\", \"type\": \"string\", \"flatten\": true },\n    { \"name\": \"m\", \"type\": \"map\", \"flatten\": true },\n    { \"name\": \"n\", \"type\": \"map\", \"flatten\": true }\n  ]"))],
        &[
            "main.json:7:28: params[0].type: an object needs `fields`; for a free-form object use `\"type\": \"map\"` or `\"any\"`",
            "main.json:8:5: params[1]: `flatten` applies to `map` and `object` fields; `s` is a `string`",
            "main.json:10:5: params[3]: only one `map` param can be flattened: it takes every key the others do not",
        ],
    );
}

#[test]
fn errors_in_fragments_name_the_fragment() {
    check(
        &[
            ("main.json", &spec(",\n  \"include\": [\"common.json\"]")),
            (
                "common.json",
                "{\n  \"params\": [ { \"name\": \"t\", \"type\": \"strin\" } ]\n}",
            ),
        ],
        &["common.json:2:38: params[0].type: unknown type `strin`; did you mean `string`?"],
    );
}

#[test]
fn refusals_name_documented_responses() {
    check(
        &[("main.json", &spec(",\n  \"refusals\": { \"missing\": \"okay\", \"wrong\": \"ok\", \"body\": 3 }"))],
        &[
            "main.json:6:28: refusals.missing: `refusals.missing` names `okay`, which is not a documented response; did you mean `ok`?",
            "main.json:6:36: refusals.wrong: unknown key `wrong` in `refusals`; `refusals` takes `missing`, `invalid`, `body`",
            "main.json:6:59: refusals.body: expected a string, found a number",
        ],
    );
    check(
        &[(
            "main.json",
            &spec(",\n  \"refusals\": { \"invalid\": \"ok\" }"),
        )],
        &[],
    );
}

#[test]
fn paths_and_header_names_must_travel() {
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/files/{a}{b}?x=1\",\n  \"params\": [\n    { \"name\": \"a\", \"type\": \"string\", \"required\": true },\n    { \"name\": \"b\", \"type\": \"string\", \"required\": true },\n    { \"name\": \"X Trace\", \"in\": \"header\", \"type\": \"string\" }\n  ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200, \"headers\": [ { \"name\": \"Status\", \"type\": \"string\" }, { \"name\": \"Loc:ation\", \"type\": \"string\" } ] } ]\n}")],
        &[
            "main.json:4:11: path: the path `/files/{a}{b}?x=1` holds '?': query params are params with `\"in\": \"query\"`",
            "main.json:4:11: path: the path segment `{a}{b}?x=1` has `{a}` right before `{b}`; a server could not tell where one ends: put literal text between them (like `{a}.{b}` or `{a}-{b}`)",
            "main.json:8:5: params[2]: `X Trace` cannot be an HTTP header name: use letters, digits and `-` (like `X-Auth-Token`)",
            "main.json:10:60: responses[0].headers[0]: `Status` becomes the Rust field `status`, which the response's reply already has; set `rust_name`",
            "main.json:10:100: responses[0].headers[1]: `Loc:ation` cannot be an HTTP header name: use letters, digits and `-` (like `X-Auth-Token`)",
        ],
    );
    // One placeholder inside a segment is fine: servers match around it.
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/files/{name}.json\",\n  \"params\": [ { \"name\": \"name\", \"type\": \"string\", \"required\": true } ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &[],
    );
    // Several, with literal text between them, are fine too; each still
    // names a path param.
    check(
        &[("main.json", "{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/files/{name}.{ext}/{from}-{to}:run\",\n  \"params\": [ { \"name\": \"name\", \"type\": \"string\", \"required\": true }, { \"name\": \"ext\", \"type\": \"string\", \"required\": true }, { \"name\": \"from\", \"type\": \"integer\", \"required\": true } ],\n  \"responses\": [ { \"name\": \"ok\", \"code\": 200 } ]\n}")],
        &["main.json:4:11: path: the path names `{to}`, but no param is called `to`; add { \"name\": \"to\", \"in\": \"path\", \"type\": \"string\", \"required\": true }"],
    );
}

#[test]
fn a_type_that_contains_itself_without_an_object_is_reported_once_and_quickly() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"t\", \"type\": \"T\" } ],\n  \"types\": { \"T\": { \"type\": \"array\", \"of\": { \"type\": \"object\", \"fields\": [ { \"name\": \"a\", \"type\": \"T\" }, { \"name\": \"b\", \"type\": \"T\" }, { \"name\": \"c\", \"type\": \"T\" }, { \"name\": \"d\", \"type\": \"T\" } ] } } }"))],
        &[
            "main.json:7:99: types.T.of.fields[0].type: the type `T` contains itself, and only an object type can: name the object it holds under `types` (a `Node` whose field is an `array` of `Node`) and use that",
            "main.json:7:129: types.T.of.fields[1].type: the type `T` contains itself, and only an object type can: name the object it holds under `types` (a `Node` whose field is an `array` of `Node`) and use that",
            "main.json:7:159: types.T.of.fields[2].type: the type `T` contains itself, and only an object type can: name the object it holds under `types` (a `Node` whose field is an `array` of `Node`) and use that",
            "main.json:7:189: types.T.of.fields[3].type: the type `T` contains itself, and only an object type can: name the object it holds under `types` (a `Node` whose field is an `array` of `Node`) and use that",
        ],
    );
}

#[test]
fn keyword_values_and_names_get_usable_rust_names() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"self\", \"type\": \"string\", \"values\": [\"self\", \"Self\", \"gen\"] }, { \"name\": \"gen\", \"type\": \"object\", \"fields\": [] } ]"))],
        // `self` and `Self` are `Self_` and `Self_2`.
        &[],
    );
}

#[test]
fn pages_items_must_lead_to_an_array_of_the_success_body() {
    let paged = |items: &str| {
        format!(
            "{{\n  \"name\": \"thing\",\n  \"method\": \"GET\",\n  \"path\": \"/things\",\n  \"pages\": {{ \"style\": \"page\", \"param\": \"page\", \"items\": \"{items}\" }},\n  \"params\": [ {{ \"name\": \"page\", \"type\": \"integer\" }} ],\n  \"responses\": [ {{ \"name\": \"ok\", \"code\": 200, \"body\": {{ \"type\": \"object\", \"fields\": [ {{ \"name\": \"meta\", \"type\": \"object\", \"fields\": [ {{ \"name\": \"n\", \"type\": \"integer\" }} ] }}, {{ \"name\": \"rest\", \"type\": \"map\", \"of\": \"any\" }} ] }} }} ]\n}}"
        )
    };
    check(
        &[("main.json", &paged("meta.n"))],
        &["main.json:5:57: pages.items: `pages.items` must lead to an array, but `meta.n` is `integer` in the success's body"],
    );
    check(
        &[("main.json", &paged("meta.n.x"))],
        &["main.json:5:57: pages.items: `pages.items` goes into `meta.n`, which is `integer` in the success's body, not an object"],
    );
    check(
        &[("main.json", &paged("meta.m"))],
        &["main.json:5:57: pages.items: `pages.items` names `m`, which `meta` in the success's body has no field of; did you mean `n`?"],
    );
    // A map or `any` on the way leaves the rest to the server.
    check(&[("main.json", &paged("rest.items"))], &[]);
}

#[test]
fn response_examples_must_fit_the_body() {
    check(
        &[(
            "main.json",
            r#"{
  "name": "thing",
  "method": "GET",
  "path": "/things",
  "types": {
    "User": { "type": "object", "fields": [
      { "name": "login", "type": "string", "required": true, "max_length": 5 },
      { "name": "kind", "type": "string", "values": ["bot", "user"] },
      { "name": "site", "type": "string", "format": "uri" },
      { "name": "code", "type": "string", "pattern": "[A-Z]{3}" },
      { "name": "closed_at", "type": "string" },
      { "name": "age", "type": "integer", "minimum": 0 },
      { "name": "tags", "type": "array", "of": "string", "min_items": 1 },
      { "name": "labels", "type": "map", "of": "integer" },
      { "name": "friends", "type": "array", "of": "User" },
      { "name": "pin", "type": "string", "min_length": 2 }
    ] }
  },
  "responses": [
    { "name": "ok", "code": 200, "body": "User", "examples": [
      { "login": "octocat", "kind": "robot", "site": "not a uri", "code": "ab1", "closed_at": null, "age": -1.5 },
      { "logn": "a", "tags": [], "labels": { "First Name": "x", "b": null } },
      { "login": "a", "friends": [ { "login": 1 }, null ], "pin": "1" },
      []
    ] }
  ]
}"#,
        )],
        &[
            "main.json:21:18: responses[0].examples[0].login: the example's value \"octocat\" is 7 characters long, longer than `max_length` 5",
            "main.json:21:37: responses[0].examples[0].kind: the example's value \"robot\" is not one of the `values` (\"bot\", \"user\")",
            "main.json:21:54: responses[0].examples[0].site: the example's value \"not a uri\" is not a valid `uri`",
            "main.json:21:75: responses[0].examples[0].code: the example's value \"ab1\" does not match the `pattern` `[A-Z]{3}`",
            "main.json:21:95: responses[0].examples[0].closed_at: the example has `null`, and `closed_at` is not `nullable`; mark it `\"nullable\": true` if the API sends `null`",
            "main.json:21:108: responses[0].examples[0].age: the example has the number -1.5, which has a fraction, where the spec has `integer`",
            "main.json:22:7: responses[0].examples[1]: the example lacks `login`, a required field of `User`",
            "main.json:22:9: responses[0].examples[1].logn: the example has `logn`, which is not a field of `User`; did you mean `login`?",
            "main.json:22:30: responses[0].examples[1].tags: the example has 0 entries, fewer than `min_items` 1",
            "main.json:22:60: responses[0].examples[1].labels[\"First Name\"]: the example has a string where the spec has `integer`",
            "main.json:22:70: responses[0].examples[1].labels.b: the example has `null` as a value, which only a map of `any` may hold",
            "main.json:23:47: responses[0].examples[2].friends[0].login: the example has a number where the spec has `string`",
            "main.json:23:52: responses[0].examples[2].friends[1]: the example has `null` as an item, which only an array of `any` may hold",
            "main.json:23:67: responses[0].examples[2].pin: the example's value \"1\" is 1 character long, shorter than `min_length` 2",
            "main.json:24:7: responses[0].examples[3]: the example has an array where the spec has `User`",
        ],
    );
}

#[test]
fn param_and_field_examples_must_fit_their_type() {
    check(
        &[(
            "main.json",
            r#"{
  "name": "thing",
  "method": "GET",
  "path": "/things/{id}",
  "params": [
    { "name": "id", "in": "path", "type": "integer", "required": true, "examples": [42, "42", 4.0] },
    { "name": "email", "in": "query", "type": "string", "format": "email", "examples": ["a@b.co", "nobody"] },
    { "name": "since", "in": "query", "type": "string", "nullable": true, "examples": [null] },
    { "name": "X-Page", "in": "header", "type": "integer", "maximum": 100, "examples": [101] }
  ],
  "types": {
    "Point": { "type": "object", "fields": [
      { "name": "x", "type": "number", "examples": [1, 2.5, true] },
      { "name": "meta", "type": "any", "examples": [null, {"k": [1]}] }
    ] }
  },
  "responses": [
    { "name": "ok", "code": 200, "body": "Point", "headers": [
      { "name": "Location", "type": "string", "format": "uri", "examples": ["/relative"] }
    ] }
  ]
}"#,
        )],
        &[
            "main.json:6:89: params[0].examples[1]: the example has a string where the spec has `integer`",
            "main.json:7:99: params[1].examples[1]: the example's value \"nobody\" is not a valid `email`",
            "main.json:9:89: params[3].examples[0]: the example's value 101 is above the `maximum` 100",
            "main.json:13:61: types.Point.fields[0].examples[2]: the example has a boolean where the spec has `number`",
            "main.json:19:77: responses[0].headers[0].examples[0]: the example's value \"/relative\" is not a valid `uri`",
        ],
    );
}

#[test]
fn request_examples_hold_the_body_params() {
    check(
        &[(
            "main.json",
            r#"{
  "name": "thing",
  "method": "POST",
  "path": "/things",
  "params": [
    { "name": "dryRun", "in": "query", "type": "boolean" },
    { "name": "email", "type": "string", "format": "email", "required": true },
    { "name": "count", "type": "integer" }
  ],
  "examples": [
    { "email": "jon.doe@foo.edu", "count": 3 },
    { "emial": "jon.doe@foo.edu", "dryRun": true, "count": "3" },
    "email=jon.doe@foo.edu"
  ],
  "responses": [ { "name": "ok", "code": 200 } ]
}"#,
        )],
        &[
            "main.json:12:5: examples[1]: the example lacks `email`, a required param of the request's body",
            "main.json:12:7: examples[1].emial: the example has `emial`, which is not a param of the request's body; did you mean `email`?",
            "main.json:12:35: examples[1].dryRun: `dryRun` is a query param, not a body param; a request example holds the body",
            "main.json:12:60: examples[1].count: the example has a string where the spec has `integer`",
            "main.json:13:5: examples[2]: a request example is the request's body, an object of its body params by wire name; found a string",
        ],
    );
    // A flattened map takes the keys no param names, and checks their values.
    check(
        &[(
            "main.json",
            &spec(",\n  \"params\": [ { \"name\": \"extra\", \"type\": \"map\", \"of\": \"string\", \"flatten\": true } ],\n  \"examples\": [ { \"Any Key\": \"kept\", \"n\": 1 } ]"),
        )],
        &[
            "main.json:7:43: examples[0].n: the example has a number where the spec has `string`",
        ],
    );
    // A spec that sends no body has no request example.
    check(
        &[(
            "main.json",
            &spec(",\n  \"body\": \"none\",\n  \"examples\": [ {} ]"),
        )],
        &[
            "main.json:7:17: examples[0]: the spec sends no body (`\"body\": \"none\"`), so it has no request example",
        ],
    );
}

#[test]
fn an_example_is_read_as_the_response_its_slug_names() {
    check(
        &[(
            "main.json",
            r#"{
  "name": "thing",
  "method": "POST",
  "path": "/things",
  "status_field": "status",
  "types": { "Envelope": { "type": "object", "fields": [
    { "name": "status", "type": "string", "required": true },
    { "name": "data", "type": "any" }
  ] } },
  "responses": [
    { "name": "action-successful", "code": 200, "body": "Envelope", "examples": [
      { "status": "action-successful", "data": { "id": 1 } },
      { "status": "invalid-token" },
      { "status": "never-documented" }
    ] },
    { "name": "invalid-token", "code": 401, "body": "Envelope" }
  ]
}"#,
        )],
        &[
            "main.json:13:19: responses[0].examples[1].status: the example's `status` names `invalid-token`, but it is an example of `action-successful`: a client would read it as `invalid-token`",
            "main.json:14:19: responses[0].examples[2].status: the example's `status` names `never-documented`, but it is an example of `action-successful`: a client would read it as `Unknown`",
        ],
    );
}

#[test]
fn examples_are_a_list_and_fragments_name_their_own() {
    check(
        &[(
            "main.json",
            &spec(",\n  \"examples\": {},\n  \"params\": [ { \"name\": \"a\", \"type\": \"string\", \"examples\": [] } ]"),
        )],
        &[
            "main.json:6:15: examples: expected an array, found an object",
            "main.json:7:60: params[0].examples: `examples` lists no example; add one or leave the key out",
        ],
    );
    check(
        &[
            ("main.json", &spec(",\n  \"include\": [\"common.json\"]")),
            (
                "common.json",
                "{\n  \"examples\": [ {} ],\n  \"responses\": [ { \"name\": \"gone\", \"code\": 410, \"body\": \"string\", \"examples\": [ 410 ] } ]\n}",
            ),
        ],
        &[
            "common.json:2:3: examples: a fragment cannot set `examples`: it only holds what `include` merges (`include`, `params`, `responses`, `types`, `status_field`, `refusals`, `base_url`, `body`)",
            "common.json:3:81: responses[0].examples[0]: the example has a number where the spec has `string`",
        ],
    );
}

#[test]
fn whole_bodies() {
    // The whole body is the only body param.
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"tags\", \"type\": \"array\", \"of\": \"string\", \"whole_body\": true }, { \"name\": \"extra\", \"type\": \"string\" } ]"))],
        &["main.json:6:80: params[0].whole_body: `tags` is the whole body, so it is the only body param; `extra` is in the body too"],
    );
    // A `binary` body is one `bytes` param; a `text` body one `string`.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"photo\", \"type\": \"string\", \"required\": true } ]"))],
        &["main.json:7:42: params[0].type: the body param `photo` of a `binary` body must be `\"type\": \"bytes\"`"],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"text\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"string\" }, { \"name\": \"b\", \"type\": \"string\", \"nullable\": true } ]"))],
        &[
            "main.json:7:50: params[1]: a `text` body is one param, sent whole; `a` and `b` are both in the body",
        ],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"text\",\n  \"params\": [ { \"name\": \"b\", \"type\": \"string\", \"nullable\": true } ]"))],
        &["main.json:7:15: params[0]: the body param `b` of a `text` body cannot be `nullable`: a body cannot be `null`"],
    );
    // `content_type` belongs to the whole body, and is a media type fit
    // for the body's encoding.
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"a\", \"type\": \"string\", \"content_type\": \"text/csv\" } ]"))],
        &["main.json:6:64: params[0].content_type: `content_type` belongs to the param that is the whole body; `a` is not (add `\"whole_body\": true`)"],
    );
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"a\", \"type\": \"array\", \"of\": \"integer\", \"whole_body\": true, \"content_type\": \"text/csv\" } ]"))],
        &["main.json:6:100: params[0].content_type: a `json` body is sent as a JSON media type (`application/json`, `application/…+json`), not `text/csv`"],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"content_type\": \"png\" } ]"))],
        &["main.json:7:63: params[0].content_type: `png` is not a media type: write it as `type/subtype` (`image/png`, `text/csv`)"],
    );
    // Where a whole body cannot be.
    check(
        &[("main.json", &spec(",\n  \"body\": \"form\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"string\", \"whole_body\": true }, { \"name\": \"q\", \"in\": \"query\", \"type\": \"string\", \"whole_body\": true } ]"))],
        &[
            "main.json:7:62: params[0].whole_body: the param `a` cannot be `whole_body`: a whole body travels as `json`, `binary` or `text`, and the spec sets `\"body\": \"form\"`",
            "main.json:7:132: params[1].whole_body: the param `q` cannot be `whole_body`: it is `in: query`",
        ],
    );
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"n\", \"type\": \"string\", \"nullable\": true, \"whole_body\": true } ]"))],
        &["main.json:6:80: params[0].whole_body: the param `n` cannot be `whole_body`: an optional body cannot be `null` (the server's side reads a `null` body as none); make it required, or leave `nullable` out"],
    );
    // A required one may be: `None` is the body `null`.
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"n\", \"type\": \"string\", \"required\": true, \"nullable\": true, \"whole_body\": true } ]"))],
        &[],
    );
}

#[test]
fn files_are_parts_of_multipart_bodies() {
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"f\", \"type\": \"file\" } ]"))],
        &["main.json:6:38: params[0].type: a `file` is a part of a multipart body: a body param (or an array of them) of an endpoint with `\"body\": \"multipart\"`"],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"multipart\",\n  \"params\": [ { \"name\": \"m\", \"type\": \"map\", \"of\": \"file\", \"flatten\": true } ]"))],
        &[
            "main.json:7:15: params[0]: the param `m` cannot be flattened: each part of a multipart body has a name of its own",
            "main.json:7:51: params[0].of: a `file` is a part of a multipart body: a body param (or an array of them) of an endpoint with `\"body\": \"multipart\"`",
        ],
    );
}

#[test]
fn unions_need_members_a_reader_can_tell_apart() {
    check(
        &[(
            "main.json",
            include_str!("../../tests/ui/spec_errors/union.json"),
        )],
        &[
            "main.json:6:69: params[0].examples[0]: the example has `kind` \"bird\", which names no member of the union (`cat`, `dog`, `word`, `bare`, `fish`, `eel`, `a-b`, `a_b`)",
            "main.json:10:28: types.NoMembers.type: a union needs `of`: its members, as a list (`[\"Cat\", \"string\"]`), or by tag value with `tag` (`{\"cat\": \"Cat\"}`)",
            "main.json:11:39: types.Empty.of: a union needs at least one member in `of`",
            "main.json:12:60: types.TagNoValues.of: a union with a `tag` names each member by the value of `kind` that stands for it: write `of` as an object, `{\"cat\": \"Cat\", \"dog\": \"Dog\"}`",
            "main.json:13:45: types.ValuesNoTag.of: `of` lists members by tag value, and the union has no `tag`: add `\"tag\"`, the field whose value names the member, or list the members (`[\"Cat\", \"Dog\"]`)",
            "main.json:17:15: types.Pet.of.word: a member of a union tagged by `kind` must be an object holding that field; `string` is not an object",
            "main.json:18:15: types.Pet.of.bare: the member `Bare` has no field `kind`: each member of the union carries its tag; add `{ \"name\": \"kind\", \"type\": \"string\", \"required\": true }` to its `fields`",
            "main.json:22:7: types.Pet.of.a_b: the member `a_b` becomes the variant `AB`, which is already the member at types.Pet.of.a-b; tag values that differ only in case or punctuation cannot name two members",
            "main.json:29:7: types.Dog.fields[0]: the field `kind` cannot hold `dog`, the tag value that names this member of the union: its rules or `values` leave it out",
            "main.json:32:45: types.Fish.fields[0]: the field `kind` carries the tag of the union's member `fish`, so it must be a `string` that is not nullable",
            "main.json:33:44: types.Eel.fields[0]: the field `kind` carries the tag of the union's member `eel`, so it must be a `string` that is not nullable",
            "main.json:34:49: types.Size.of[1]: the member `integer` is never chosen: members are tried in order, and every value it takes fits `number` before it; put it first, or tell them apart with a `tag`",
            "main.json:34:70: types.Size.of[3]: the member `bytes` is never chosen: members are tried in order, and every value it takes fits `string` before it; put it first, or tell them apart with a `tag`",
            "main.json:34:70: types.Size.of[3]: the query param `size` is read from text, where the member `string` before this one takes every text: list the string member last",
            "main.json:35:49: types.Animal.of[1]: the member `Cat` is never chosen: members are tried in order, and every value it takes fits `Bare` before it; put it first, or tell them apart with a `tag`",
            "main.json:35:56: types.Animal.of[2]: `any` cannot be a member: the union keeps a value no member fits in `Other` already",
            "main.json:35:63: types.Animal.of[3]: the union `Size` cannot be a member of another union; list its members here",
            // Inside an array, a field of one value and a format tell
            // nothing apart: the reader checks them on members alone.
            "main.json:44:95: types.Dogs.of[3]: the member `Terrier array` is never chosen: members are tried in order, and every value it takes fits `Hound array` before it; put it first, or tell them apart with a `tag`",
            "main.json:45:107: types.Dates.of[1]: the member `string array` is never chosen: members are tried in order, and every value it takes fits `date string array` before it; put it first, or tell them apart with a `tag`",
            "main.json:45:107: types.Dates.of[1]: the member `string array` becomes the variant `StringArray`, which is already the member at types.Dates.of[0]; name the member under `types`, or give it a `type_name`",
        ],
    );
    check(
        &[(
            "main.json",
            include_str!("../../tests/ui/spec_errors/union_duplicate_tag.json"),
        )],
        &["main.json:7:68: (root): malformed JSON: duplicate key `cat`"],
    );
}

#[test]
fn strings_of_one_union_are_told_apart_only_by_different_formats() {
    check(
        &[("main.json", &spec(",\n  \"types\": {\n    \"Plain\": { \"type\": \"union\", \"of\": [\"string\", { \"type\": \"string\", \"format\": \"date\" }] },\n    \"Twice\": { \"type\": \"union\", \"of\": [{ \"type\": \"string\", \"format\": \"date\" }, { \"type\": \"string\", \"format\": \"date\" }] },\n    \"Apart\": { \"type\": \"union\", \"of\": [{ \"type\": \"string\", \"format\": \"date-time\" }, { \"type\": \"string\", \"format\": \"date\" }, \"bytes\"] }\n  }"))],
        // A formatted string after a plain one, or after one of its own
        // format, is never chosen; `Apart` is whole.
        &[
            "main.json:7:50: types.Plain.of[1]: the member `date string` is never chosen: members are tried in order, and every value it takes fits `string` before it; put it first, or tell them apart with a `tag`",
            "main.json:8:80: types.Twice.of[1]: the member `date string` is never chosen: members are tried in order, and every value it takes fits `date string` before it; put it first, or tell them apart with a `tag`",
            "main.json:8:80: types.Twice.of[1]: the member `date` becomes the variant `Date`, which is already the member at types.Twice.of[0]; name the member under `types`, or give it a `type_name`",
        ],
    );
}

#[test]
fn a_field_of_one_value_tells_members_apart_when_the_values_differ() {
    // `Dk` is `Cz` but for `type`'s one value: told apart. `Again` holds
    // `Cz`'s one value, so `Cz` takes its values; `Plain`, whose `type` is
    // any text, takes `Cz`'s (and not the other way round).
    let types = r#",
  "params": [ { "name": "a", "type": "Account" }, { "name": "b", "type": "Loose" } ],
  "types": {
    "Account": { "type": "union", "of": ["Cz", "Dk", "Again"] },
    "Loose": { "type": "union", "of": ["Plain", "Cz"] },
    "Cz": { "type": "object", "fields": [ { "name": "type", "type": "string", "values": ["cz"], "type_name": "CzKind", "required": true }, { "name": "n", "type": "string", "required": true } ] },
    "Dk": { "type": "object", "fields": [ { "name": "type", "type": "string", "values": ["dk"], "type_name": "DkKind", "required": true }, { "name": "n", "type": "string", "required": true } ] },
    "Again": { "type": "object", "fields": [ { "name": "type", "type": "string", "values": ["cz"], "type_name": "AgainKind", "required": true }, { "name": "n", "type": "string", "required": true } ] },
    "Plain": { "type": "object", "fields": [ { "name": "type", "type": "string", "required": true }, { "name": "n", "type": "string", "required": true } ] }
  }"#;
    check(
        &[("main.json", &spec(types))],
        &[
            "main.json:8:54: types.Account.of[2]: the member `Again` is never chosen: members are tried in order, and every value it takes fits `Cz` before it; put it first, or tell them apart with a `tag`",
            "main.json:9:49: types.Loose.of[1]: the member `Cz` is never chosen: members are tried in order, and every value it takes fits `Plain` before it; put it first, or tell them apart with a `tag`",
        ],
    );
}

#[test]
fn const_params_are_scalars_in_the_query_a_header_or_a_cookie() {
    let params = r#",
  "params": [
    { "name": "Action", "in": "query", "const": "List", "values": ["List"], "default": "List" },
    { "name": "id", "in": "path", "const": "me" },
    { "name": "jsonrpc", "const": "2.0" },
    { "name": "X-Count", "in": "header", "type": "integer", "const": "two" },
    { "name": "X-Tags", "in": "header", "type": "array", "const": "a" },
    { "name": "X-Line", "in": "header", "const": "a\nb" },
    { "name": "v", "in": "query", "type": "string", "max_length": 2, "const": "abc" },
    { "name": "w", "in": "query", "const": ["a"] },
    { "name": "c", "in": "cookie", "const": 1, "required": false, "sensitive": true, "credential": true }
  ]"#;
    let main = spec(params).replace("\"/things\"", "\"/things/{id}\"");
    check(
        &[("main.json", &main)],
        &[
            "main.json:7:67: params[0].values: `values` does not go with `const`: a const param has one value already",
            "main.json:7:88: params[0].default: `default` does not go with `const`: a const param is always sent",
            "main.json:8:44: params[1].const: the path param `id` cannot be `const`: write its value into the path instead",
            "main.json:9:35: params[2].const: the param `jsonrpc` travels in the body, and a `const` param travels in the query, a header or a cookie, where a server tells endpoints apart before it reads a body; give it `\"in\"`, or for a body member that always holds one value, `\"values\"` with that one",
            "main.json:10:70: params[3].const: the const \"two\" is not a valid `integer`",
            "main.json:11:49: params[4].type: the header param `X-Tags` must be a scalar, a union of scalars or an array of scalars, not `array`",
            "main.json:11:67: params[4].const: `const` needs a `string`, `integer`, `number` or `boolean` param, and `X-Tags` is `array`",
            "main.json:12:50: params[5].const: the const of the header `X-Line` cannot travel in a header: it holds a line break, a control or a non-ASCII character",
            "main.json:13:79: params[6].const: the const \"abc\" is 3 characters long, longer than `max_length` 2",
            "main.json:14:44: params[7].const: `const` is the param's one value on the wire: a string, number or boolean",
            "main.json:15:60: params[8].required: a const param is always sent: drop `\"required\": false`",
            "main.json:15:80: params[8].sensitive: `sensitive` does not go with `const`: the value is written in the spec, no secret",
            "main.json:15:100: params[8].credential: `credential` does not go with `const`: a client fills the credential in, and a const param is the spec's",
        ],
    );
}

#[test]
fn a_const_param_cannot_move_from_page_to_page() {
    let extra = r#",
  "params": [ { "name": "page", "in": "query", "const": 1 } ],
  "pages": { "style": "page", "param": "page", "items": "" }"#;
    check(
        &[("main.json", &spec(extra))],
        &["main.json:7:40: pages.param: `pages.param` names `page`, which is `const`: its one value cannot move from page to page"],
    );
}

#[test]
fn streamed_uploads() {
    // The one `bytes` param of a `binary` body may stream, written on it.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": true, \"max_length\": 10 } ]"))],
        &[],
    );
    check(
        &[(
            "main.json",
            &spec(
                ",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": false } ]",
            ),
        )],
        &[],
    );
    // Not in the query, nor a body of another encoding.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\" }, { \"name\": \"q\", \"in\": \"query\", \"type\": \"string\", \"stream\": true } ]"))],
        &["main.json:7:107: params[1].stream: the param `q` cannot be `stream`: it is `in: query`; only a request's body is sent as it is read"],
    );
    check(
        &[("main.json", &spec(",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": true, \"whole_body\": true } ]"))],
        &["main.json:6:57: params[0].stream: the param `a` cannot be `stream`: only the `bytes` of a `binary` body stream, and the spec sets `\"body\": \"json\"`"],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"text\",\n  \"params\": [ { \"name\": \"t\", \"type\": \"string\", \"stream\": true } ]"))],
        &["main.json:7:58: params[0].stream: the param `t` cannot be `stream`: only the `bytes` of a `binary` body stream, and the spec sets `\"body\": \"text\"`"],
    );
    // A param of another type is reported where its type is written.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"s\", \"type\": \"string\", \"stream\": true } ]"))],
        &["main.json:7:38: params[0].type: the body param `s` of a `binary` body must be `\"type\": \"bytes\"`"],
    );
    // Shared params are filled in by name.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": true, \"shared\": true } ]"))],
        &["main.json:7:57: params[0].stream: the param `a` cannot be `stream`: a client fills credential and shared params in by name"],
    );
    // A response's kind written on a param, and a value that is not a flag.
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": \"bytes\" } ]"))],
        &["main.json:7:57: params[0].stream: a param's `stream` is `true` or `false` (its body may come from a file or a stream); `\"bytes\"` names how a response streams"],
    );
    check(
        &[("main.json", &spec(",\n  \"body\": \"binary\",\n  \"params\": [ { \"name\": \"a\", \"type\": \"bytes\", \"stream\": 1 } ]"))],
        &["main.json:7:57: params[0].stream: expected `true` or `false`, found a number"],
    );
    // Only params stream: not a field of a type.
    check(
        &[("main.json", &spec(",\n  \"types\": { \"Blob\": { \"type\": \"object\", \"fields\": [ { \"name\": \"b\", \"type\": \"bytes\", \"stream\": true } ] } }"))],
        &["main.json:6:86: types.Blob.fields[0].stream: unknown key `stream` in a field; a field takes `name`, `rust_name`, `required`, `nullable`, `default`, `sensitive`, `description`, `flatten`, `examples`, `read_only`, `write_only`, `type`, `values`, `min_length`, `max_length`, `pattern`, `format`, `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `min_items`, `max_items`, `multiple_of`, `unique_items`, `requires_any`, `requires_one`, `of`, `fields`, `tag`, `type_name`"],
    );
}
