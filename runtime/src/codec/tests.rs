//! The codec's unit tests: each format both ways.

use super::form::*;
use super::json::*;
use super::request::*;
use super::response::*;
use super::text::*;
use crate::error::Error;
use crate::spec::{In, ParamSpec, ResponseSpec, WireKind};

#[test]
fn only_exact_integers_are_rewritten_and_digit_for_digit() {
    let rewrite =
        |text: &str| integers_written_whole(text.as_bytes()).map(|b| String::from_utf8(b).unwrap());
    assert_eq!(
        rewrite(r#"{"a":5.0,"b":[-7.00,1.5,2e3],"c":"9.0","d":1.20e1}"#).as_deref(),
        Some(r#"{"a":5,"b":[-7,1.5,2000],"c":"9.0","d":12}"#)
    );
    // Above 2^53, where f64 would lose the last digit.
    assert_eq!(
        rewrite("9007199254740993.0").as_deref(),
        Some("9007199254740993")
    );
    assert_eq!(
        rewrite("-9223372036854775808.0").as_deref(),
        Some("-9223372036854775808")
    );
    assert_eq!(
        rewrite("18446744073709551615.0").as_deref(),
        Some("18446744073709551615")
    );
    assert_eq!(rewrite("-0.0e5").as_deref(), Some("0"));
    assert_eq!(rewrite("0.000e-40").as_deref(), Some("0"));
    // Out of range, fractional, plain integers, strings: left alone.
    for text in [
        "-9223372036854775809.0",
        "18446744073709551616.0",
        "1e20",
        "1e400",
        "5.5",
        "15e-1",
        "-9223372036854775809",
        "5",
        r#"{"k\"5.0":"5.0"}"#,
        "",
        "-",
        "1.e",
        "\"unterminated 5.0",
        // Not JSON numbers: never made valid by the rewrite.
        "1.",
        "1.e5",
        "01.0",
        "-01.5",
        "00.0",
        ".5",
        "1.0e",
        "1.0e+",
        "--1.0",
        "1.0.0",
    ] {
        assert_eq!(rewrite(text), None, "{text}");
    }
}

proptest::proptest! {
    #[test]
    fn any_integer_written_with_zeros_reads_as_itself(n: i64, zeros in 1usize..30, exp in 0u32..3) {
        // n.000 × 10^exp ÷ 10^exp, as `n000e-exp`-style text (0 has no
        // zeros before its point: JSON allows no leading zero).
        let exp = if n == 0 { 0 } else { exp };
        let text = format!("{n}{}.{}e-{exp}", "0".repeat(exp as usize), "0".repeat(zeros));
        let rewritten = integers_written_whole(text.as_bytes()).unwrap();
        proptest::prop_assert_eq!(String::from_utf8(rewritten).unwrap(), n.to_string());
    }

    #[test]
    fn any_text_rewrites_without_panic(text in ".*") {
        let _ = integers_written_whole(text.as_bytes());
    }
}

#[test]
fn base64_matches_the_standard_alphabet_with_padding() {
    assert_eq!(base64_encode(b""), "");
    assert_eq!(base64_encode(b"f"), "Zg==");
    assert_eq!(base64_encode(b"fo"), "Zm8=");
    assert_eq!(base64_encode(b"foo"), "Zm9v");
    assert_eq!(base64_encode(b"{\"a\":\"\xff\"}"), "eyJhIjoi/yJ9");
}

#[test]
fn path_params_are_one_segment() {
    let mut e = Encoder::new(http::Method::GET, "https://h.example/v2/");
    e.path("/people/");
    e.path_param("id", "a/b c@é");
    let request = e.no_body().unwrap();
    assert_eq!(
        request.uri(),
        "https://h.example/v2/people/a%2Fb%20c%40%C3%A9"
    );
    for (value, segment) in [("..", "%2E%2E"), (".", "%2E"), ("a.b", "a.b")] {
        let mut e = Encoder::new(http::Method::GET, "https://h.example");
        e.path("/items/");
        e.path_param("id", value);
        assert_eq!(
            e.no_body().unwrap().uri().path(),
            format!("/items/{segment}")
        );
    }
    let mut e = Encoder::new(http::Method::GET, "https://h.example");
    e.path("/items/");
    e.path_param("id", "");
    assert!(matches!(e.no_body(), Err(Error::Encode(_))));
}

#[test]
fn params_sharing_a_segment_encode_its_separators() {
    let path = |pieces: &[(&str, Option<&str>)], separators: &str| {
        let mut e = Encoder::new(http::Method::GET, "https://h.example");
        for (text, value) in pieces {
            match value {
                Some(value) => e.path_param_beside(text, value, separators),
                None => e.path(text),
            }
        }
        e.no_body().map(|r| r.uri().path().to_string())
    };
    // The separator inside a value is escaped; elsewhere it stays raw.
    assert_eq!(
        path(
            &[
                ("/files/", None),
                ("name", Some("a.b")),
                (".", None),
                ("ext", Some("tar.gz"))
            ],
            "."
        )
        .unwrap(),
        "/files/a%2Eb.tar%2Egz"
    );
    assert_eq!(
        path(
            &[
                ("/range/", None),
                ("from", Some("2024-01-01")),
                ("-", None),
                ("to", Some("x y"))
            ],
            "-"
        )
        .unwrap(),
        "/range/2024%2D01%2D01-x%20y"
    );
    // Letters of a word between placeholders are escaped too; `:` always is.
    assert_eq!(
        path(
            &[
                ("/", None),
                ("a", Some("atob:c")),
                ("to", None),
                ("b", Some("x"))
            ],
            "to"
        )
        .unwrap(),
        "/a%74%6Fb%3Actox"
    );
    assert!(matches!(
        path(
            &[("/", None), ("a", Some("")), (".", None), ("b", Some("x"))],
            "."
        ),
        Err(Error::Encode(_))
    ));
}

proptest::proptest! {
    /// What a client sends into a segment of several placeholders, the
    /// server side reads back value for value.
    #[test]
    fn values_sharing_a_segment_come_back_apart(
        a in "[a-z.:~_-]{1,6}|[éü/ %]{1,3}",
        b in "[a-z.:~_-]{1,6}",
        c in "[0-9a-z.-]{1,6}",
    ) {
        for (template, pieces) in [
            ("/files/{a}.{b}", vec!["/files/", "{a}", ".", "{b}"]),
            ("/v1/{a}:run", vec!["/v1/", "{a}", ":run"]),
            ("/r/{a}-{b}.{c}.json", vec!["/r/", "{a}", "-", "{b}", ".", "{c}", ".json"]),
            ("/x/id-{a}", vec!["/x/id-", "{a}"]),
            ("/x/{a}--{b}-{c}", vec!["/x/", "{a}", "--", "{b}", "-", "{c}"]),
        ] {
            let separators = if template.matches('{').count() > 1 { "-." } else { "" };
            let mut e = Encoder::new(http::Method::GET, "http://h.example");
            let mut want = Vec::new();
            for piece in &pieces {
                let value = match *piece {
                    "{a}" => &a,
                    "{b}" => &b,
                    "{c}" => &c,
                    literal => {
                        e.path(literal);
                        continue;
                    }
                };
                let name = &piece[1..2];
                want.push((name.to_string(), value.clone()));
                e.path_param_beside(name, value, separators);
            }
            let request = e.no_body().unwrap();
            proptest::prop_assert_eq!(match_path(template, request.uri().path()), Some(want));
        }
    }
}

proptest::proptest! {
    /// Any template (a fake server's routes are hand-written) against any
    /// path: no panic, and a match gives a non-empty value per placeholder.
    #[test]
    fn any_template_against_any_path_matches_or_not_without_panic(
        template in "(/([a-c.{}-]|\\{[ab]\\}|é){0,6}){1,3}",
        path in "(/([a-c.%2{}-]|é){0,8}){1,3}",
    ) {
        if let Some(values) = match_path(&template, &path) {
            proptest::prop_assert!(values.iter().all(|(_, v)| !v.is_empty()));
        }
    }
}

#[test]
fn query_leaves_out_none_and_repeats_arrays() {
    let mut e = Encoder::new(http::Method::GET, "http://h.example");
    e.path("/x");
    e.query("a", &None::<bool>);
    e.query("b", &Some(true));
    e.query("c", &["x y", "z"]);
    let request = e.no_body().unwrap();
    assert_eq!(request.uri(), "http://h.example/x?b=true&c=x%20y&c=z");
}

#[test]
fn forms_use_brackets() {
    let e = Encoder::new(http::Method::POST, "http://h.example");
    let body = serde_json::json!({"a": {"b": 1}, "c": ["x", "y"], "d": null, "e": "f g"});
    // serde_json's map sorts keys, so this order is alphabetical.
    let request = e.form(&body).unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        "a%5Bb%5D=1&c%5B0%5D=x&c%5B1%5D=y&e=f%20g"
    );
}

#[test]
fn bad_base_urls_and_headers_are_encode_errors() {
    for url in ["api.example.com", "https://", "ftp://x", "https://h/?q"] {
        let e = Encoder::new(http::Method::GET, url);
        assert!(matches!(e.no_body(), Err(Error::Encode(_))), "{url}");
    }
    let mut e = Encoder::new(http::Method::GET, "https://h");
    e.header(
        http::HeaderName::from_static("x-auth-token"),
        "X-Auth-Token",
        "secret\nvalue",
    );
    let err = e.no_body().unwrap_err().to_string();
    assert!(
        err.contains("X-Auth-Token") && !err.contains("secret"),
        "{err}"
    );
}

#[test]
fn dispatch_prefers_the_slug_then_a_unique_code() {
    let table = [
        ResponseSpec::new("ok", Some(200), true),
        ResponseSpec::new("a", Some(400), false),
        ResponseSpec::new("b", Some(400), false),
        ResponseSpec::new("rare", None, false),
    ];
    assert_eq!(dispatch(500, Some("a"), &table), Some(1));
    assert_eq!(dispatch(200, Some("nope"), &table), None);
    assert_eq!(dispatch(200, None, &table), Some(0));
    assert_eq!(dispatch(400, None, &table), None);
    assert_eq!(dispatch(200, Some("rare"), &table), Some(3));
    assert_eq!(dispatch(418, None, &table), None);
}

/// Without a slug: the exact code, then the class, then `default`; where
/// two responses could be meant, neither is.
#[test]
fn dispatch_falls_back_to_the_class_then_default() {
    use crate::spec::Fallback;
    let table = [
        ResponseSpec::new("ok", Some(200), true),
        ResponseSpec::new("not_found", Some(404), false),
        ResponseSpec::fallback("client_error", Fallback::Class(4), false),
        ResponseSpec::fallback("other", Fallback::Default, false),
    ];
    assert_eq!(dispatch(200, None, &table), Some(0));
    assert_eq!(dispatch(404, None, &table), Some(1));
    assert_eq!(dispatch(418, None, &table), Some(2));
    assert_eq!(dispatch(400, None, &table), Some(2));
    assert_eq!(dispatch(503, None, &table), Some(3));
    assert_eq!(dispatch(201, None, &table), Some(3));
    // A slug still decides alone.
    assert_eq!(dispatch(418, Some("ok"), &table), Some(0));
    assert_eq!(dispatch(418, Some("new"), &table), None);
    // Two responses for one class (told apart by a slug the body lacks):
    // ambiguous, and never passed on to `default`; so for two of one code.
    let two = [
        ResponseSpec::fallback("a", Fallback::Class(5), false),
        ResponseSpec::fallback("b", Fallback::Class(5), false),
        ResponseSpec::new("c", Some(400), false),
        ResponseSpec::new("d", Some(400), false),
        ResponseSpec::fallback("client", Fallback::Class(4), false),
        ResponseSpec::fallback("rest", Fallback::Default, false),
    ];
    assert_eq!(dispatch(500, None, &two), None);
    assert_eq!(dispatch(400, None, &two), None);
    assert_eq!(dispatch(404, None, &two), Some(4));
    assert_eq!(dispatch(302, None, &two), Some(5));
    // Without a default, an undocumented status stays unknown.
    assert_eq!(dispatch(302, None, &table[..3]), None);
}

#[test]
fn fallback_words_read_both_cases() {
    use crate::spec::Fallback;
    assert_eq!(Fallback::from_name("4XX"), Some(Fallback::Class(4)));
    assert_eq!(Fallback::from_name("5xx"), Some(Fallback::Class(5)));
    assert_eq!(Fallback::from_name("default"), Some(Fallback::Default));
    for bad in ["6XX", "1XX", "4X", "40X", "Default", "", "4XXX"] {
        assert_eq!(Fallback::from_name(bad), None, "{bad}");
    }
    assert_eq!(Fallback::Class(2).name(), "2XX");
}

#[test]
fn status_slug_reads_only_the_top_level_string() {
    assert_eq!(
        status_slug(
            br#"{"data":{"status":"inner"},"status":"action-successful"}"#,
            "status"
        ),
        Some("action-successful".into())
    );
    assert_eq!(status_slug(br#"{"status":3}"#, "status"), None);
    assert_eq!(
        status_slug(br#"{"status":"a\"b","x":[}"#, "status"),
        Some("a\"b".into())
    );
    assert_eq!(
        status_slug(br#"{"a":{"b":[1,{"c":2}]},"status":"late"}"#, "status"),
        Some("late".into())
    );
    assert_eq!(status_slug(b"not json", "status"), None);
    assert_eq!(status_slug(b"[1]", "status"), None);
}

#[test]
fn serde_messages_lose_their_values() {
    assert_eq!(
        without_values("invalid type: integer `5`, expected a string at line 1"),
        "invalid type: integer, expected a string at line 1"
    );
    assert_eq!(
        without_values(r#"invalid type: string "s3\"cr3t", expected i64 at line 1 column 9"#),
        "invalid type: string, expected i64 at line 1 column 9"
    );
    assert_eq!(
        without_values("missing field `email`"),
        "missing field `email`"
    );
    assert_eq!(
        without_values("unknown variant `x`, expected one of"),
        "unknown variant `x`, expected one of"
    );
    let err = body::<i64>(br#""token-123""#).unwrap_err();
    assert!(!err.contains("token-123"), "{err}");
}

#[test]
fn integers_written_with_a_zero_fraction_read_as_integers() {
    #[derive(serde::Deserialize, PartialEq, Debug)]
    struct Row {
        id: i64,
        share: f64,
        tags: Vec<i64>,
    }
    let row: Row = body(br#"{"id": 5.0, "share": 2.0, "tags": [1.0, 2]}"#).unwrap();
    assert_eq!(
        row,
        Row {
            id: 5,
            share: 2.0,
            tags: vec![1, 2]
        }
    );
    assert!(body::<Row>(br#"{"id": 5.5, "share": 1, "tags": []}"#).is_err());
}

#[test]
fn headers_parse_into_their_types() {
    let mut h = http::HeaderMap::new();
    h.insert("Location", "https://x/1".parse().unwrap());
    h.insert("X-Count", "42".parse().unwrap());
    assert_eq!(
        required_header::<String>(&h, "location").unwrap(),
        "https://x/1"
    );
    assert_eq!(header::<i64>(&h, "x-count").unwrap(), Some(42));
    assert!(header::<i64>(&h, "Location").is_err());
    assert!(required_header::<String>(&h, "Missing").is_err());
}

proptest::proptest! {
    /// The byte scan answers what a JSON parser answers, on any object.
    #[test]
    fn the_slug_scan_agrees_with_a_parser(
        members in proptest::collection::vec((key(), json()), 0..5),
        pretty in proptest::bool::ANY,
    ) {
        let parts: Vec<String> = members
            .iter()
            .map(|(k, v)| {
                let v = if pretty { serde_json::to_string_pretty(v).unwrap() } else { v.to_string() };
                format!("{k}: {v}")
            })
            .collect();
        let body = format!("{{ {} }}", parts.join(" , "));
        proptest::prop_assert_eq!(
            status_slug(body.as_bytes(), "status"),
            status_slug_serde(body.as_bytes(), "status")
        );
    }
}

/// A key as JSON text: `status`, `status` written with an escape, or
/// anything else (quotes, brackets and backslashes escaped by serde).
fn key() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just(r#""status""#.to_string()),
        Just(r#""st\u0061tus""#.to_string()),
        r#"[a-z"{}\[\]:,\\ ]{0,6}"#.prop_map(|k| serde_json::to_string(&k).unwrap()),
    ]
}

fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<i32>().prop_map(serde_json::Value::from),
        r#"[a-z"{}\[\],:\\ ]{0,8}"#.prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
            proptest::collection::btree_map("status|[a-z]{1,3}", inner, 0..3)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn base64_round_trips_and_refuses_bad_input() {
    for input in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\x00\x10"] {
        assert_eq!(base64_decode(&base64_encode(input)).unwrap(), input);
    }
    assert_eq!(base64_decode("Zg"), None);
    assert_eq!(base64_decode("Z==="), None);
    assert_eq!(base64_decode("Zh=="), None);
    assert_eq!(base64_decode("Zg==Zg=="), None);
    assert_eq!(base64_decode("Z!=="), None);
}

#[test]
fn paths_match_templates_and_decode_segments() {
    assert_eq!(
        match_path("/people/{email}/photos", "/people/a%2Fb%20%C3%A9/photos"),
        Some(vec![("email".to_string(), "a/b é".to_string())])
    );
    assert_eq!(match_path("/people/{email}", "/people/"), None);
    assert_eq!(match_path("/people/{email}", "/people/a/b"), None);
    assert_eq!(match_path("/people", "/persons"), None);
    assert_eq!(
        match_path("/files/{name}.json", "/files/a%20b.json"),
        Some(vec![("name".to_string(), "a b".to_string())])
    );
    assert_eq!(match_path("/files/{name}.json", "/files/.json"), None);
    assert_eq!(match_path("/files/{name}.json", "/files/a.xml"), None);
    let found = |template: &str, path: &str| {
        match_path(template, path).map(|values| {
            values
                .into_iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    // Several placeholders in one segment: each takes the shortest text
    // that lets the rest match, then is decoded.
    assert_eq!(
        found("/files/{name}.{ext}", "/files/a.tar.gz").as_deref(),
        Some("name=a ext=tar.gz")
    );
    assert_eq!(
        found("/files/{name}.{ext}", "/files/a%2Etar.gz").as_deref(),
        Some("name=a.tar ext=gz")
    );
    assert_eq!(
        found("/range/{from}-{to}/x", "/range/1-2-3/x").as_deref(),
        Some("from=1 to=2-3")
    );
    assert_eq!(
        found("/v1/{project}:run", "/v1/p%3A1:run").as_deref(),
        Some("project=p:1")
    );
    assert_eq!(
        found("/items/id-{id}", "/items/id-id-7").as_deref(),
        Some("id=id-7")
    );
    // A separator may not be taken from the suffix, nor a value be empty.
    assert_eq!(
        found("/{a}-{b}-{c}.json", "/x--y-z.json").as_deref(),
        Some("a=x b=-y c=z")
    );
    assert_eq!(
        found("/{a}.{b}.json", "/x.y.json.json").as_deref(),
        Some("a=x b=y.json")
    );
    assert_eq!(found("/{a}.{b}.json", "/x..json"), None);
    assert_eq!(found("/{a}.{b}", "/.x"), None);
    assert_eq!(found("/{a}.{b}", "/x."), None);
    assert_eq!(found("/{a}.{b}", "/xy"), None);
    assert_eq!(found("/{a}-{b}.{c}", "/x.y-z"), None);
    assert_eq!(found("/v1/{project}:run", "/v1/p:stop"), None);
    assert_eq!(found("/items/id-{id}", "/items/ix-7"), None);
    // Escapes split nothing; a bad one is no match.
    assert_eq!(found("/{a}.{b}", "/%2E.%2E").as_deref(), Some("a=. b=."));
    assert_eq!(found("/{a}.{b}", "/x.%zz"), None);
    // A long segment that almost matches stays linear (it would take
    // billions of steps by trying every split).
    let long = format!("/{}", "-".repeat(200_000));
    assert_eq!(found("/{a}-{b}-{c}-{d}x", &long), None);
    // Hand-written templates (a fake server's routes) never panic.
    assert_eq!(found("/{a}{b}", "/xy").as_deref(), Some("a=x b=y"));
    assert_eq!(found("/{a", "/{a").as_deref(), Some(""));
    assert_eq!(found("/{a}é{b}", "/xéy").as_deref(), Some("a=x b=y"));
    assert_eq!(found("/{a}{b}", "/é").as_deref(), None);
    assert_eq!(percent_decode("%+A"), None);
}

#[test]
fn forms_nest_by_brackets() {
    let pairs = parse_pairs("title=a+b%26c&meta%5Bk%5D=v&tags%5B0%5D=x&tags%5B1%5D=y&n=3").unwrap();
    let params = [ParamSpec::new("n", In::Body, WireKind::Integer)];
    let object = form_object(&pairs, &params).unwrap();
    assert_eq!(
        serde_json::Value::Object(object),
        serde_json::json!({"title": "a b&c", "meta": {"k": "v"}, "tags": ["x", "y"], "n": 3})
    );
}

#[test]
fn a_union_of_scalars_reads_its_text_as_the_first_member_it_fits() {
    use serde_json::json;
    let id_or_slug = WireKind::Scalars(&[WireKind::Integer, WireKind::Text]);
    assert_eq!(scalar("league", id_or_slug, "42").unwrap(), json!(42));
    assert_eq!(scalar("league", id_or_slug, "42a").unwrap(), json!("42a"));
    let flag_or_count = WireKind::Scalars(&[WireKind::Boolean, WireKind::Integer]);
    assert_eq!(scalar("x", flag_or_count, "true").unwrap(), json!(true));
    assert_eq!(scalar("x", flag_or_count, "-3").unwrap(), json!(-3));
    // No member fits: kept as the text, for the union's `Other`.
    assert_eq!(scalar("x", flag_or_count, "maybe").unwrap(), json!("maybe"));
}

#[test]
fn a_path_list_joins_its_items_in_one_segment() {
    let uri = |items: &[&str]| {
        let mut e = Encoder::new(http::Method::GET, "https://h.example");
        e.path("/lines/");
        e.path_list("ids", items, "");
        e.no_body().map(|r| r.uri().to_string())
    };
    assert_eq!(
        uri(&["a", "b c", "d,e"]).unwrap(),
        "https://h.example/lines/a,b%20c,d%2Ce"
    );
    assert_eq!(uri(&[".."]).unwrap(), "https://h.example/lines/%2E%2E");
    assert!(matches!(uri(&[]), Err(Error::Encode(_))));
}

/// A `GET` of `uri` read by the server's side for an endpoint at `path`
/// with `params`, as the JSON object of its params.
fn read_get(
    uri: &str,
    path: &'static str,
    params: &'static [ParamSpec],
) -> Result<serde_json::Value, crate::error::RequestError> {
    use crate::spec::{BodyEncoding, Metadata, Method, Refusals};
    let metadata = Metadata {
        name: "get",
        method: Method::Get,
        path,
        idempotent: false,
        base_url: None,
        body: BodyEncoding::None,
        params,
        refusals: Refusals {
            missing: None,
            invalid: None,
            body: None,
        },
    };
    let request = http::Request::get(uri).body(Vec::<u8>::new()).unwrap();
    decode_request(&request, &metadata).map(serde_json::Value::Object)
}

#[test]
fn a_joined_query_array_splits_where_the_client_joined_it() {
    use crate::error::RequestError;
    use crate::spec::QueryStyle;
    let mut e = Encoder::new(http::Method::GET, "https://h.example");
    e.path("/lines");
    e.query_joined("ids", &["a", "b,c", "d|e f"], ',');
    e.query_joined("tags", &["x", "y|z"], '|');
    e.query_joined("none", &[] as &[&str], ',');
    let sent = e.no_body().unwrap();
    assert_eq!(
        sent.uri().to_string(),
        "https://h.example/lines?ids=a,b%2Cc,d%7Ce%20f&tags=x|y%7Cz"
    );
    const PARAMS: [ParamSpec; 3] = [
        ParamSpec::query("ids", WireKind::List(&WireKind::Text)).style(QueryStyle::Comma),
        ParamSpec::query("tags", WireKind::List(&WireKind::Text)).style(QueryStyle::Pipe),
        ParamSpec::query("n", WireKind::List(&WireKind::Integer)).style(QueryStyle::Comma),
    ];
    let read = |uri: &str| read_get(uri, "/lines", &PARAMS);
    assert_eq!(
        read(&sent.uri().to_string()).unwrap(),
        serde_json::json!({"ids": ["a", "b,c", "d|e f"], "tags": ["x", "y|z"]})
    );
    // Items typed as the spec says, from every pair of the key; `+` a space.
    assert_eq!(
        read("/lines?n=1,2&n=3&ids=a+b").unwrap(),
        serde_json::json!({"n": [1, 2, 3], "ids": ["a b"]})
    );
    assert!(matches!(
        read("/lines?n=1,x"),
        Err(RequestError::Malformed { param, .. }) if param == "n"
    ));
    assert!(read("/lines?ids=a,%zz").is_err());
}

#[test]
fn a_bracketed_query_param_nests_and_reads_back_typed() {
    use crate::spec::QueryStyle;
    use serde_json::json;
    let mut e = Encoder::new(http::Method::GET, "https://h.example");
    e.path("/notes");
    let lines = json!([{"amount": 5, "tax_rates": ["a", "b"], "note": null}, {"amount": -1, "tax_rates": ""}]);
    e.query_brackets("lines", &lines);
    e.query_brackets("expand", &json!(["customer", "x y"]));
    e.query_brackets("created", &json!(1700000000));
    e.query_brackets("metadata", &json!({"0": "zero", "k": "v"}));
    e.query_brackets("none", &Option::<u8>::None);
    let sent = e.no_body().unwrap();
    assert_eq!(
        sent.uri().to_string(),
        "https://h.example/notes?lines%5B0%5D%5Bamount%5D=5&lines%5B0%5D%5Btax_rates%5D%5B0%5D=a\
         &lines%5B0%5D%5Btax_rates%5D%5B1%5D=b&lines%5B1%5D%5Bamount%5D=-1\
         &lines%5B1%5D%5Btax_rates%5D=&expand%5B0%5D=customer&expand%5B1%5D=x%20y\
         &created=1700000000&metadata%5B0%5D=zero&metadata%5Bk%5D=v"
    );
    const TAX_RATES: [WireKind; 2] = [WireKind::List(&WireKind::Text), WireKind::Text];
    const LINE: [(&str, WireKind); 2] = [
        ("amount", WireKind::Integer),
        ("tax_rates", WireKind::Union(&TAX_RATES)),
    ];
    const CREATED: [WireKind; 2] = [
        WireKind::Object(&[("gt", WireKind::Integer)]),
        WireKind::Integer,
    ];
    const PARAMS: [ParamSpec; 4] = [
        ParamSpec::query("lines", WireKind::List(&WireKind::Object(&LINE)))
            .style(QueryStyle::Brackets),
        ParamSpec::query("expand", WireKind::List(&WireKind::Text)).style(QueryStyle::Brackets),
        ParamSpec::query("created", WireKind::Union(&CREATED)).style(QueryStyle::Brackets),
        ParamSpec::query("metadata", WireKind::Map(&WireKind::Text)).style(QueryStyle::Brackets),
    ];
    let read = |uri: &str| read_get(uri, "/notes", &PARAMS);
    assert_eq!(
        read(&sent.uri().to_string()).unwrap(),
        json!({
            "lines": [{"amount": 5, "tax_rates": ["a", "b"]}, {"amount": -1, "tax_rates": ""}],
            "expand": ["customer", "x y"],
            "created": 1700000000,
            // A map keyed like an array stays a map.
            "metadata": {"0": "zero", "k": "v"},
        })
    );
    // A union's object member, typed; raw brackets read as escaped ones.
    assert_eq!(
        read("/notes?created[gt]=5").unwrap(),
        json!({"created": {"gt": 5}})
    );
    // A text that is not its kind names the param and where inside it.
    match read("/notes?lines[0][amount]=five") {
        Err(crate::error::RequestError::Malformed { param, message }) => {
            assert_eq!(param, "lines");
            assert!(message.contains("`lines[0][amount]`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
