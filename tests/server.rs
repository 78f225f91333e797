//! The server's side of the seed specs: incoming requests decoded and
//! checked, responses written as the API would, and the fake server that
//! answers from the same specs.

use std::io::{Read, Write};

use endpoints::fake::FakeServer;
use endpoints::http::{self, Method};
use endpoints::{Endpoint, Reply, RequestError};

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/submit_form.json");
endpoints::endpoint!("tests/specs/submit_encoded.json");
endpoints::endpoint!("tests/specs/fetch_report.json");
endpoints::endpoint!("tests/specs/find_lines.json");
endpoints::endpoint!("tests/specs/preview_note.json");
endpoints::endpoint!("tests/specs/search_leads.json");
endpoints::endpoint!("tests/specs/httpbin/echo_token.json");
endpoints::endpoint!("tests/specs/httpbin/put_note.json");
endpoints::endpoint!("tests/specs/httpbin/get_response_headers.json");

fn photographer() -> create_photographer::Request {
    create_photographer::Request {
        view: None,
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "hunter2-secret".into(),
        phone: "+1 555 0100".into(),
        extension: Some(7),
        service_area_id: None,
        language: None,
        department: None,
        designation_id: None,
        token: Some("tok".into()),
        application: Some(create_photographer::Application::Planoauth),
        session_view: None,
    }
}

fn person() -> create_person::Request {
    create_person::Request {
        x_auth_token: Some("cc".into()),
        send_invitation: Some(true),
        render_resource: Some(false),
        email: "jon.doe@foo.edu".into(),
        identifier: None,
        email_group_name: Some("Online".into()),
        additional_photo_required: None,
        custom_fields: Some([("First Name".to_string(), "A".to_string())].into()),
    }
}

fn request(
    method: Method,
    uri: &str,
    content_type: Option<&str>,
    body: &str,
) -> http::Request<Vec<u8>> {
    let mut builder = http::Request::builder().method(method).uri(uri);
    if let Some(ct) = content_type {
        builder = builder.header("content-type", ct);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn what_the_client_sends_the_server_reads_back() {
    let sent = photographer().to_http_request("http://h").unwrap();
    assert_eq!(
        create_photographer::Request::from_http_request(&sent).unwrap(),
        photographer()
    );
    let sent = person().to_http_request("http://h/prefix").unwrap();
    // The server sees the path without the client's prefix.
    let mut seen = sent;
    *seen.uri_mut() = seen
        .uri()
        .path_and_query()
        .unwrap()
        .as_str()
        .trim_start_matches("/prefix")
        .parse()
        .unwrap();
    assert_eq!(
        create_person::Request::from_http_request(&seen).unwrap(),
        person()
    );
}

/// One wire name in the path, the query, a header and the body: each read
/// back from its own place into its own field, a missing one named with
/// its place, and a broken rule named by place and name.
#[test]
fn params_that_share_a_name_are_read_from_their_own_places() {
    let sent = echo_token::Request::builder()
        .token("p")
        .query_token("qq")
        .header_token("h")
        .body_token("b")
        .build();
    let wire = sent.to_http_request("http://h").unwrap();
    assert_eq!(wire.uri(), "http://h/anything/tokens/p?token=qq");
    assert_eq!(wire.headers()["token"], "h");
    assert_eq!(wire.body(), br#"{"token":"b"}"#);
    assert_eq!(echo_token::Request::from_http_request(&wire).unwrap(), sent);
    // As a params object: each under its key, and back.
    let object = serde_json::to_value(&sent).unwrap();
    assert_eq!(
        object,
        serde_json::json!({
            "path token": "p",
            "query token": "qq",
            "header token": "h",
            "token": "b",
        })
    );
    assert_eq!(
        serde_json::from_value::<echo_token::Request>(object).unwrap(),
        sent
    );

    let without_query = request(
        Method::POST,
        "/anything/tokens/p",
        Some("application/json"),
        r#"{"token":"b"}"#,
    );
    assert_eq!(
        echo_token::Request::from_http_request(&without_query)
            .unwrap_err()
            .to_string(),
        "the required param `token` (query) is missing"
    );
    // The body's `token` is the body param's alone.
    let body_only = request(Method::POST, "/anything/tokens/p?token=qq", None, "");
    let read = echo_token::Request::from_http_request(&body_only).unwrap();
    assert_eq!(
        (read.token.as_str(), read.query_token.as_str()),
        ("p", "qq")
    );
    assert_eq!((read.header_token, read.body_token), (None, None));

    // A header list: one line joined by commas, read back from one line
    // or several, spaces around items dropped; an item with a comma is
    // refused before it is sent.
    let tagged = echo_token::Request::builder()
        .token("p")
        .query_token("qq")
        .x_tags(vec!["a".to_string(), "b c".to_string()])
        .build();
    let wire = tagged.to_http_request("http://h").unwrap();
    assert_eq!(wire.headers()["x-tags"], "a,b c");
    assert_eq!(
        echo_token::Request::from_http_request(&wire).unwrap(),
        tagged
    );
    let mut lines = wire;
    lines.headers_mut().remove("x-tags");
    lines.headers_mut().append("x-tags", "a ,".parse().unwrap());
    lines
        .headers_mut()
        .append("x-tags", " b c".parse().unwrap());
    assert_eq!(
        echo_token::Request::from_http_request(&lines).unwrap(),
        tagged
    );
    let comma = echo_token::Request::builder()
        .token("p")
        .query_token("qq")
        .x_tags(vec!["a,b".to_string()])
        .build();
    assert_eq!(
        comma.to_http_request("http://h").unwrap_err().to_string(),
        "the request could not be encoded: the header `X-Tags` has an item that holds a comma, which separates its items"
    );

    // Values alike even spelt out are numbered, and each keeps its text.
    for (role, text) in [
        (echo_token::Role::User, "User"),
        (echo_token::Role::User2, "user"),
        (echo_token::Role::Self_, "self"),
        (echo_token::Role::Self_2, "Self"),
    ] {
        let sent = echo_token::Request::builder()
            .token("p")
            .query_token("qq")
            .role(role.clone())
            .build();
        let wire = sent.to_http_request("http://h").unwrap();
        assert_eq!(
            wire.uri().query(),
            Some(format!("token=qq&role={text}").as_str())
        );
        assert_eq!(
            echo_token::Request::from_http_request(&wire).unwrap().role,
            Some(role)
        );
    }

    let short = echo_token::Request::builder()
        .token("p")
        .query_token("q")
        .build();
    assert_eq!(
        short.validate().unwrap_err().to_string(),
        "the request breaks 1 rule:\n  - `query token` must be at least 2 characters long (min_length), but is 1"
    );
}

/// A required body that may be `null`: `null` reads as `None`, no body
/// at all as missing, and the value's own rules still hold.
#[test]
fn a_required_body_that_may_be_null_reads_null_as_none() {
    let read = |body: &str| {
        put_note::Request::from_http_request(&request(
            Method::PUT,
            "/anything/note",
            Some("application/json"),
            body,
        ))
    };
    assert_eq!(read("null").unwrap(), put_note::Request { note: None });
    assert_eq!(
        read(r#"{"text":"hi"}"#).unwrap().note,
        Some(put_note::Note { text: "hi".into() })
    );
    assert_eq!(
        read("").unwrap_err().to_string(),
        "the required param `note` (body) is missing"
    );
    let sent = put_note::Request { note: None }
        .to_http_request("http://h")
        .unwrap();
    assert_eq!(sent.body(), b"null");
    let long = put_note::Request {
        note: Some(put_note::Note {
            text: "x".repeat(21),
        }),
    };
    assert!(long.validate().is_err());
}

#[test]
fn a_missing_required_param_is_named() {
    let missing_body = request(
        Method::POST,
        "/api/people",
        Some("application/json"),
        r#"{"identifier":"x"}"#,
    );
    let mut with_token = missing_body;
    with_token
        .headers_mut()
        .insert("X-Auth-Token", "t".parse().unwrap());
    assert_eq!(
        create_person::Request::from_http_request(&with_token)
            .unwrap_err()
            .to_string(),
        "the required param `email` (body) is missing"
    );
    let no_token = request(
        Method::POST,
        "/api/people",
        Some("application/json"),
        r#"{"email":"a@b.co"}"#,
    );
    assert!(matches!(
        create_person::Request::from_http_request(&no_token),
        Err(RequestError::Missing { param, .. }) if param == "X-Auth-Token"
    ));
}

#[test]
fn malformed_params_bodies_and_broken_rules_are_refused() {
    let mut bad_flag = request(
        Method::POST,
        "/api/people?sendInvitation=yes",
        Some("application/json"),
        r#"{"email":"a@b.co"}"#,
    );
    bad_flag
        .headers_mut()
        .insert("X-Auth-Token", "t".parse().unwrap());
    assert_eq!(
        create_person::Request::from_http_request(&bad_flag)
            .unwrap_err()
            .to_string(),
        "the param `sendInvitation` is not valid: it is not `true` or `false`"
    );

    let wrong_type = request(
        Method::POST,
        "/api/v1/photographers/create",
        Some("text/html"),
        "{}",
    );
    assert!(matches!(
        create_photographer::Request::from_http_request(&wrong_type),
        Err(RequestError::Body { .. })
    ));
    let not_json = request(
        Method::POST,
        "/api/v1/photographers/create",
        None,
        "email=x",
    );
    assert!(matches!(
        create_photographer::Request::from_http_request(&not_json),
        Err(RequestError::Body { .. })
    ));

    let broken = request(
        Method::POST,
        "/api/v1/photographers/create",
        Some("application/json"),
        r#"{"email":"nope","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","view":"all"}"#,
    );
    let Err(RequestError::Invalid(errors)) =
        create_photographer::Request::from_http_request(&broken)
    else {
        panic!("expected broken rules")
    };
    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
    assert_eq!(paths, ["view", "email"]);

    let wrong_shape = request(
        Method::POST,
        "/api/v1/photographers/create",
        Some("application/json"),
        r#"{"email":"a@b.co","first_name":1,"last_name":"b","password":"p","phone":"1","token":"t"}"#,
    );
    // Inside a value too: a map's values are strings, never null.
    let mut nested = request(
        Method::POST,
        "/api/people",
        Some("application/json"),
        r#"{"email":"a@b.co","customFields":{"Badge":"7","First Name":null}}"#,
    );
    nested
        .headers_mut()
        .insert("X-Auth-Token", "t".parse().unwrap());
    assert_eq!(
        create_person::Request::from_http_request(&nested)
            .unwrap_err()
            .to_string(),
        "the param `customFields` is not valid: `customFields[\"First Name\"]` is null, and the spec does not mark it `nullable` (leave it out instead)"
    );

    // `null` where the spec does not say `nullable` is refused, by name.
    let null = request(
        Method::POST,
        "/api/v1/photographers/create",
        Some("application/json"),
        r#"{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","session_view":null}"#,
    );
    assert!(matches!(
        create_photographer::Request::from_http_request(&null),
        Err(RequestError::Malformed { param, .. }) if param == "session_view"
    ));

    // The refusal names the param by its wire name, never `(request)`, and
    // never quotes the value.
    assert_eq!(
        create_photographer::Request::from_http_request(&wrong_shape)
            .unwrap_err()
            .to_string(),
        "the param `first_name` is not valid: invalid type: integer, expected a string"
    );
    // An integer written with a zero fraction is that integer, as JSON
    // Schema reads `type: integer`.
    let whole = request(
        Method::POST,
        "/api/v1/photographers/create",
        Some("application/json"),
        r#"{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","extension":5.0,"service_area_id":-7.0}"#,
    );
    let read = create_photographer::Request::from_http_request(&whole).unwrap();
    assert_eq!((read.extension, read.service_area_id), (Some(5), Some(-7)));

    // An integer outside `i64` is refused by name, never clamped to the
    // nearest `i64` (one below `i64::MIN` once read as `i64::MIN`), and so
    // is one written as a whole number that `i64` cannot hold.
    for designation in [
        "-9223372036854775809",
        "9223372036854775808",
        "-9223372036854775809.0",
        "1e20",
        "-1e19",
        "1e400",
    ] {
        let body = format!(
            r#"{{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","designation_id":{designation}}}"#
        );
        let bad = request(
            Method::POST,
            "/api/v1/photographers/create",
            Some("application/json"),
            &body,
        );
        match create_photographer::Request::from_http_request(&bad) {
            Err(RequestError::Malformed { param, .. }) => {
                assert_eq!(param, "designation_id", "{designation}")
            }
            Err(RequestError::Body { .. }) if designation == "1e400" => {}
            other => panic!("{designation} was not refused by name: {other:?}"),
        }
    }
    // The edges themselves, and exponents that make whole numbers.
    for (designation, read) in [
        ("-9223372036854775808", i64::MIN),
        ("9223372036854775807", i64::MAX),
        ("-9223372036854775808.000", i64::MIN),
        ("9.223372036854775807e18", i64::MAX),
        ("12e1", 120),
        ("1500e-2", 15),
    ] {
        let body = format!(
            r#"{{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","designation_id":{designation}}}"#
        );
        let good = request(
            Method::POST,
            "/api/v1/photographers/create",
            Some("application/json"),
            &body,
        );
        let decoded = create_photographer::Request::from_http_request(&good);
        assert_eq!(decoded.unwrap().designation_id, Some(read), "{designation}");
    }

    for extension in [r#""x""#, "5.5"] {
        let body = format!(
            r#"{{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","extension":{extension}}}"#
        );
        let bad = request(
            Method::POST,
            "/api/v1/photographers/create",
            Some("application/json"),
            &body,
        );
        let Err(RequestError::Malformed { param, message }) =
            create_photographer::Request::from_http_request(&bad)
        else {
            panic!("expected a malformed `extension`")
        };
        assert_eq!(param, "extension", "{message}");
        assert!(
            !message.contains("5.5") && !message.contains("\"x\""),
            "{message}"
        );
    }

    let elsewhere = request(Method::GET, "/api/v1/photographers/create", None, "");
    assert_eq!(
        create_photographer::Request::from_http_request(&elsewhere),
        Err(RequestError::NotThisEndpoint)
    );
}

#[test]
fn every_encoding_reads_back() {
    let lookup = lookup::Request {
        email: "a/b c@é.fr".into(),
        tag: Some(vec!["x y".into(), "z&w".into()]),
        limit: Some(5),
        x_trace: Some("t-1".into()),
        x_api_key: "key".into(),
    };
    let sent = lookup.to_http_request("http://h").unwrap();
    assert_eq!(lookup::Request::from_http_request(&sent).unwrap(), lookup);

    // Query arrays joined under one key read back item for item, an
    // item's own separator kept in it.
    let lines = find_lines::Request {
        ids: vec![1, 22],
        names: Some(vec!["a,b".into(), "c d".into(), "".into()]),
        modes: Some(vec!["x|y".into(), "z".into()]),
        tags: Some(vec!["t,u".into()]),
    };
    let sent = lines.to_http_request("http://h").unwrap();
    assert_eq!(
        find_lines::Request::from_http_request(&sent).unwrap(),
        lines
    );
    let text = |uri: &str| {
        let request = http::Request::get(uri).body(Vec::new()).unwrap();
        find_lines::Request::from_http_request(&request)
    };
    assert_eq!(
        text("/anything/lines?ids=1,2&ids=3").unwrap().ids,
        [1, 2, 3]
    );
    assert!(matches!(
        text("/anything/lines?ids=1,two"),
        Err(RequestError::Malformed { param, .. }) if param == "ids"
    ));
    assert!(matches!(
        text("/anything/lines?names=a"),
        Err(RequestError::Missing { param, .. }) if param == "ids"
    ));

    // A required query list left empty would send nothing, as if left
    // out, and the server's side would refuse it as missing: `validate`
    // refuses it first, by name.
    let empty = find_lines::Request {
        ids: Vec::new(),
        names: None,
        modes: None,
        tags: None,
    };
    let errors = empty.validate().unwrap_err();
    let broken: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_string(), e.rule().clone()))
        .collect();
    assert_eq!(broken, [("ids".to_string(), endpoints::Rule::EmptyList)]);
    assert_eq!(
        errors.to_string(),
        "the request breaks 1 rule:\n  - `ids` is required, and empty: a list outside the body sends no item, as if left out"
    );

    // A flattened query map: every key no other param names.
    let leads = search_leads::Request {
        limit: Some(5),
        filter: Some([("owner".to_string(), "ann".to_string())].into()),
        pass_through: [
            ("search".to_string(), "leads & more".to_string()),
            ("stage".into(), "won".into()),
        ]
        .into(),
    };
    let sent = leads.to_http_request("http://h").unwrap();
    assert_eq!(
        sent.uri().query(),
        Some("limit=5&filter%5Bowner%5D=ann&search=leads%20%26%20more&stage=won")
    );
    assert_eq!(
        search_leads::Request::from_http_request(&sent).unwrap(),
        leads
    );
    // An entry a server would read as another param is refused before
    // it is sent: `limit`, and `filter` or a key under it.
    for (key, param) in [
        ("limit", "limit"),
        ("filter", "filter"),
        ("filter[stage]", "filter"),
    ] {
        let clash = search_leads::Request {
            limit: None,
            filter: None,
            pass_through: [(key.to_string(), "x".to_string())].into(),
        };
        match clash.to_http_request("http://h") {
            Err(endpoints::Error::Encode(why)) => assert_eq!(
                why,
                format!("the map entry `{key}` would be read as the param `{param}`")
            ),
            other => panic!("{key}: {other:?}"),
        }
    }
    let near = search_leads::Request {
        limit: None,
        filter: None,
        pass_through: [
            ("limits".to_string(), "x".to_string()),
            ("limit[x]".into(), "y".into()),
            ("pass_through".into(), "z".into()),
        ]
        .into(),
    };
    let sent = near.to_http_request("http://h").unwrap();
    assert_eq!(
        search_leads::Request::from_http_request(&sent).unwrap(),
        near
    );
    let twice = http::Request::get("/anything/leads?a=1&a=2")
        .body(Vec::new())
        .unwrap();
    assert!(matches!(
        search_leads::Request::from_http_request(&twice),
        Err(RequestError::Malformed { param, .. }) if param == "pass_through"
    ));

    // Query params in brackets read back, typed however deep.
    let note = preview_note::Request {
        invoice: "in_1".into(),
        lines: Some(vec![
            preview_note::NoteLine {
                amount: 500,
                quantity: Some(2),
                taxable: Some(true),
                tax_rates: Some(preview_note::TaxRates::Array(vec![
                    "txr_1".into(),
                    "txr 2".into(),
                ])),
            },
            preview_note::NoteLine {
                amount: 0,
                quantity: None,
                taxable: None,
                tax_rates: Some(preview_note::TaxRates::Unset(preview_note::Unset::Empty)),
            },
        ]),
        metadata: Some(
            [
                ("0".to_string(), "zero".to_string()),
                ("k".into(), "v&w".into()),
            ]
            .into(),
        ),
        expand: Some(vec!["lines".into(), "customer".into()]),
        created: Some(preview_note::Created::Range(preview_note::Range {
            gt: Some(1_700_000_000),
            lte: None,
        })),
    };
    let sent = note.to_http_request("http://h").unwrap();
    assert_eq!(
        preview_note::Request::from_http_request(&sent).unwrap(),
        note
    );
    let at = |query: &str| {
        let uri = format!("/anything/notes?invoice=in_1&{query}");
        preview_note::Request::from_http_request(&http::Request::get(uri).body(Vec::new()).unwrap())
    };
    assert_eq!(
        at("created=5").unwrap().created,
        Some(preview_note::Created::Integer(5))
    );
    match at("lines[0][amount]=1&lines[1][amount]=x") {
        Err(RequestError::Malformed { param, message }) => {
            assert_eq!(param, "lines");
            assert!(message.contains("`lines[1][amount]`"), "{message}");
        }
        other => panic!("{other:?}"),
    }

    let form = submit_form::Request {
        title: "a+b &c".into(),
        meta: Some([("k".to_string(), "v w".to_string())].into()),
        tags: Some(vec!["x".into(), "y".into()]),
        // Keyed like an array, typed as a map of integers: both survive.
        scores: Some([("0".to_string(), 7), ("1".to_string(), -2)].into()),
        counts: vec![1, 2],
        draft: Some(false),
        // Nested objects' integers and booleans read back as such.
        lines: Some(vec![
            submit_form::FormLine {
                sku: "A-1".into(),
                qty: 3,
                gift: Some(true),
            },
            submit_form::FormLine {
                sku: "7".into(),
                qty: -1,
                gift: None,
            },
        ]),
    };
    let sent = form.to_http_request("http://h").unwrap();
    assert_eq!(
        submit_form::Request::from_http_request(&sent).unwrap(),
        form
    );
    // A required empty array sends nothing, and reads back empty.
    let empty = submit_form::Request {
        counts: Vec::new(),
        ..form.clone()
    };
    let sent = empty.to_http_request("http://h").unwrap();
    assert_eq!(
        submit_form::Request::from_http_request(&sent).unwrap(),
        empty
    );

    let encoded = submit_encoded::Request {
        user: "ann".into(),
        password: "correct horse".into(),
        extra: [("device".to_string(), serde_json::json!({"os": "x"}))].into(),
    };
    let sent = encoded.to_http_request("http://h").unwrap();
    assert_eq!(
        submit_encoded::Request::from_http_request(&sent).unwrap(),
        encoded
    );
    // A flattened entry named like another param would be a second key of
    // that name in the body: `validate` refuses it, by the entry.
    let clash = submit_encoded::Request {
        extra: [
            ("user".to_string(), serde_json::json!("eve")),
            ("device".into(), serde_json::json!("x")),
        ]
        .into(),
        ..encoded.clone()
    };
    let errors = clash.validate().unwrap_err();
    let broken: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_string(), e.rule().clone()))
        .collect();
    assert_eq!(
        broken,
        [(
            "extra[\"user\"]".to_string(),
            endpoints::Rule::NamedLikeParam { name: "user" }
        )]
    );
    assert_eq!(
        errors.iter().next().unwrap().to_string(),
        "`extra[\"user\"]` is an entry named like the param `user`: flattened into the body, it would be a second `user`"
    );
    assert!(encoded.validate().is_ok());
    // A plain JSON body where base64 is required is refused, as PlanoCore does.
    let plain = request(
        Method::POST,
        "/secure",
        Some("text/plain"),
        r#"{"user":"a","password":"12345678"}"#,
    );
    assert!(matches!(
        submit_encoded::Request::from_http_request(&plain),
        Err(RequestError::Body { .. })
    ));
}

#[test]
fn responses_are_written_as_the_api_would() {
    let reply = create_photographer::Response::ActionSuccessful(Reply {
        status: 200,
        body: create_photographer::Envelope {
            status: "whatever".into(),
            data: Some(serde_json::json!({"id": 1})),
            session: None,
            extra: Default::default(),
        },
    });
    let wire = reply.to_http_response();
    assert_eq!(wire.status(), 200);
    assert_eq!(wire.headers()["content-type"], "application/json");
    // The slug names the variant, whatever the body said.
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(wire.body()).unwrap(),
        serde_json::json!({"status": "action-successful", "data": {"id": 1}})
    );

    let accepted = create_person::Response::Accepted(create_person::AcceptedReply {
        status: 202,
        location: "https://x/api/people/1".into(),
        body: serde_json::Value::Null,
    });
    let wire = accepted.to_http_response();
    assert_eq!(wire.status(), 202);
    assert_eq!(wire.headers()["location"], "https://x/api/people/1");
    assert!(wire.body().is_empty());
    assert_eq!(
        create_person::Request::from_http_response(wire).unwrap(),
        accepted
    );

    // A response header that is a list: one line, its items joined; an
    // empty list or `None` no header at all.
    let listed = get_response_headers::Response::Ok(get_response_headers::OkReply {
        status: 200,
        x_tags: Some(vec!["a".into(), "b c".into()]),
        x_codes: Some(vec![]),
        body: serde_json::Value::Null,
    });
    let wire = listed.to_http_response();
    assert_eq!(wire.headers()["x-tags"], "a,b c");
    assert!(!wire.headers().contains_key("x-codes"));
    let read = get_response_headers::Request::from_http_response(wire).unwrap();
    let get_response_headers::Response::Ok(reply) = read else {
        panic!("{read:?}");
    };
    assert_eq!(reply.x_tags, Some(vec!["a".to_string(), "b c".to_string()]));
    assert_eq!(reply.x_codes, None);
    // An item that does not fit its type is a decoding error naming the header.
    let mut wire = http::Response::new(Vec::new());
    wire.headers_mut()
        .insert("x-codes", "1,two".parse().unwrap());
    let error = get_response_headers::Request::from_http_response(wire).unwrap_err();
    assert!(error.to_string().contains("`X-Codes`"), "{error}");
}

/// PlanoCore's own answers to requests it cannot use.
fn planocore_refusal(error: RequestError) -> create_photographer::Response {
    let (slug, status) = match error {
        RequestError::Missing { .. } => ("missing-param", 400),
        RequestError::Body { .. } => ("invalid-content-type", 400),
        _ => ("invalid-param", 400),
    };
    let body = create_photographer::Envelope {
        status: slug.into(),
        data: Some(serde_json::json!({ "message": error.to_string() })),
        session: None,
        extra: Default::default(),
    };
    let reply = Reply { status, body };
    match slug {
        "missing-param" => create_photographer::Response::MissingParam(reply),
        "invalid-content-type" => create_photographer::Response::InvalidContentType(reply),
        _ => create_photographer::Response::InvalidParam(reply),
    }
}

/// Sends raw HTTP/1.1, for requests a typed client would refuse to build.
fn raw_post(
    server: &FakeServer,
    path: &str,
    content_type: &str,
    body: &str,
) -> (u16, serde_json::Value) {
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    (status, serde_json::from_str(body).unwrap_or_default())
}

/// Sends a raw HTTP/1.1 GET: the status and the body as text.
fn raw_get(server: &FakeServer, path: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    (
        status,
        answer.split("\r\n\r\n").nth(1).unwrap_or("").to_string(),
    )
}

#[test]
fn the_fake_server_answers_from_the_spec() {
    let server = FakeServer::builder()
        .endpoint_or::<create_photographer::Request, _, _>(
            |request| {
                create_photographer::Response::ActionSuccessful(Reply {
                    status: 200,
                    body: create_photographer::Envelope {
                        status: String::new(),
                        data: Some(serde_json::json!({ "email": request.email })),
                        session: None,
                        extra: Default::default(),
                    },
                })
            },
            planocore_refusal,
        )
        .endpoint::<create_person::Request, _>(|request| {
            create_person::Response::Accepted(create_person::AcceptedReply {
                status: 202,
                location: format!("/api/people/{}", request.email),
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    match runtime.block_on(client.send(photographer())).unwrap() {
        create_photographer::Response::ActionSuccessful(reply) => {
            assert_eq!(reply.body.status, "action-successful");
            assert_eq!(
                reply.body.data,
                Some(serde_json::json!({"email": "ansel@example.com"}))
            );
        }
        other => panic!("{other:?}"),
    }
    match runtime.block_on(client.send(person())).unwrap() {
        create_person::Response::Accepted(reply) => {
            assert_eq!(reply.location, "/api/people/jon.doe@foo.edu")
        }
        other => panic!("{other:?}"),
    }

    let (status, body) = raw_post(
        &server,
        "/api/v1/photographers/create",
        "application/json",
        r#"{"email":"a@b.co","token":"t"}"#,
    );
    assert_eq!(
        (status, body["status"].as_str()),
        (400, Some("missing-param"))
    );
    let (status, body) = raw_post(
        &server,
        "/api/v1/photographers/create",
        "application/json",
        r#"{"email":"nope","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t"}"#,
    );
    assert_eq!(
        (status, body["status"].as_str()),
        (400, Some("invalid-param"))
    );
    assert!(body["data"]["message"]
        .as_str()
        .unwrap()
        .contains("`email` must be an email address"));
    let (status, body) = raw_post(&server, "/api/v1/photographers/create", "text/html", "{}");
    assert_eq!(
        (status, body["status"].as_str()),
        (400, Some("invalid-content-type"))
    );
    // Without a refusal of its own, the fake says what is wrong in plain JSON.
    let (status, body) = raw_post(
        &server,
        "/api/people",
        "application/json",
        r#"{"email":"a@b.co"}"#,
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("missing-param"))
    );
    assert_eq!(server.requests().len(), 6);

    // A served path under another method is 405 with `Allow`, not 404; a
    // path nobody serves stays 404.
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    write!(
        stream,
        "GET /api/people HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("\r\nallow: post\r\n"),
        "{answer}"
    );
    let (status, _) = raw_post(&server, "/api/nothing-here", "application/json", "{}");
    assert_eq!(status, 404);
}

#[test]
fn without_a_handler_the_fake_answers_with_the_specs_example() {
    let server = FakeServer::builder()
        .example::<create_person::Request>()
        .example::<fetch_report::Request>()
        .start()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    // CloudCard's first success with an example is the page's 201 person.
    match runtime.block_on(client.send(person())).unwrap() {
        create_person::Response::Created(reply) => {
            assert_eq!(reply.status, 201);
            assert_eq!(reply.body.id, 385828);
            assert_eq!(reply.body.email, "black.beard@pirates.com");
            let organization = reply.body.organization.unwrap();
            assert_eq!(organization.name.as_deref(), Some("Test Org."));
        }
        other => panic!("{other:?}"),
    }
    // The answer is the response the example is of, slug and headers with
    // it: `ready` (the first success), its `ETag` from the header's example.
    match runtime
        .block_on(client.send(fetch_report::Request { id: 7 }))
        .unwrap()
    {
        fetch_report::Response::Ready(reply) => {
            assert_eq!(reply.status, 200);
            assert_eq!(reply.e_tag, "\"v1\"");
            assert_eq!(reply.body.status, "ready");
            assert_eq!(reply.body.pages, Some(12));
        }
        other => panic!("{other:?}"),
    }
    // A request the spec refuses is still refused.
    let (status, body) = raw_post(&server, "/api/people", "application/json", "{}");
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("missing-param"))
    );
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn without_a_refusal_of_its_own_the_fake_refuses_as_the_spec_says() {
    // PlanoCore's fragment names its refusals: missing-param, invalid-param,
    // invalid-content-type.
    let server = FakeServer::builder()
        .endpoint::<create_photographer::Request, _>(|_| {
            unreachable!("every request here is refused")
        })
        .start()
        .unwrap();
    let cases = [
        (
            "application/json",
            r#"{"email":"a@b.co","token":"t"}"#,
            "missing-param",
        ),
        (
            "application/json",
            r#"{"email":"a@b.co","first_name":"a","last_name":"b","password":"p","phone":"1","token":"t","extension":"x"}"#,
            "invalid-param",
        ),
        ("text/plain", "e30=", "invalid-content-type"),
    ];
    for (content_type, body, slug) in cases {
        let (status, answer) =
            raw_post(&server, "/api/v1/photographers/create", content_type, body);
        assert_eq!(
            (status, answer["status"].as_str()),
            (400, Some(slug)),
            "{answer}"
        );
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));
        // And a client reads it as the documented variant.
        let wire = endpoints::fake::json_response(status, &answer.to_string());
        let response = create_photographer::Request::from_http_response(wire).unwrap();
        assert_eq!(response.name(), slug);
    }
    assert_eq!(
        <create_photographer::Request as Endpoint>::REFUSALS.for_error(&RequestError::Missing {
            param: "email".into(),
            location: endpoints::server::In::Body,
        }),
        Some("missing-param")
    );
}

endpoints::endpoint!("tests/specs/create_invoice.json");

#[test]
fn a_broken_multiple_of_or_unique_items_is_refused_by_name_over_the_wire() {
    let server = FakeServer::builder()
        .endpoint::<create_invoice::Request, _>(|request| {
            create_invoice::Response::Created(create_invoice::CreatedReply {
                status: 201,
                location: format!("/v2/invoices/{}", request.batch.unwrap_or(0)),
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let send = |body: &str| {
        let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
        write!(
            stream,
            "POST /v2/accounts/7/invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status: u16 = answer[9..12].parse().unwrap();
        let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
        (
            status,
            serde_json::from_str::<serde_json::Value>(body).unwrap_or_default(),
        )
    };
    let line = r#"{"sku":"ABC-1","qty":1}"#;
    // Keys in another order are the same object: a repeat.
    let (status, answer) = send(&format!(
        r#"{{"currency":"eur","due":null,"amount":0.125,"batch":30,"codes":["ab","cd","ab"],"lines":[{line},{{"qty":1,"sku":"ABC-1"}}]}}"#
    ));
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some("invalid-param"))
    );
    assert_eq!(
        answer["message"],
        "the request breaks 4 rules:\n  \
         - `lines` must not repeat an item (unique_items), but [1] equals [0]\n  \
         - `amount` must be a multiple of 0.01 (multiple_of)\n  \
         - `batch` must be a multiple of 12 (multiple_of)\n  \
         - `codes` must not repeat an item (unique_items), but [2] equals [0]"
    );
    // 0.3 is a multiple of 0.01 as sent, whatever f64 division says.
    let (status, answer) = send(&format!(
        r#"{{"currency":"eur","due":null,"amount":0.3,"batch":-24,"codes":["ab","AB"],"lines":[{line}]}}"#
    ));
    assert_eq!(status, 201, "{answer}");
}

endpoints::endpoint!("tests/specs/put_file.json");

#[test]
fn placeholders_inside_segments_flattened_bodies_and_secret_headers() {
    let request = put_file::Request {
        name: "report 2024".into(),
        x_key: "key-secret".into(),
        attributes: [("colour".to_string(), "red".to_string())].into(),
    };
    let sent = request.to_http_request("http://h").unwrap();
    assert_eq!(sent.uri().path(), "/files/report%202024.json");
    assert_eq!(
        put_file::Request::from_http_request(&sent).unwrap(),
        request
    );

    // A body key spelled like the header param does not stand in for it.
    let forged = http::Request::builder()
        .method(Method::PUT)
        .uri("/files/a.json")
        .header("content-type", "application/json")
        .body(br#"{"X-Key":"from-body","colour":"red"}"#.to_vec())
        .unwrap();
    assert!(matches!(
        put_file::Request::from_http_request(&forged),
        Err(RequestError::Missing { param, .. }) if param == "X-Key"
    ));

    let server = FakeServer::builder()
        .endpoint::<put_file::Request, _>(|request| {
            put_file::Response::Stored(put_file::StoredReply {
                status: 200,
                x_session: format!("session-for-{}", request.name),
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let response = runtime
        .block_on(endpoints::Client::new(server.url()).send(request))
        .unwrap();
    let put_file::Response::Stored(reply) = &response else {
        panic!("{response:?}")
    };
    assert_eq!(reply.x_session, "session-for-report 2024");
    let shown = format!("{response:?}");
    assert!(
        shown.contains("x_session: <redacted>") && !shown.contains("session-for"),
        "{shown}"
    );
}

endpoints::endpoint!("tests/specs/tag_resource.json");
endpoints::endpoint!("tests/specs/record_reading.json");

#[test]
fn look_around_and_backreference_patterns_are_checked_on_both_sides() {
    let good = tag_resource::Request {
        key: "Ærø:team".into(),
        host: Some("api.example.com".into()),
        kind: Some(tag_resource::Kind::Other),
        pair: Some("ab-ab".into()),
        labels: Some(vec![None, Some("ab".into())]),
        weights: Some([("a".to_string(), None), ("b".to_string(), Some(2))].into()),
        strict: None,
    };
    good.validate().unwrap();
    assert_eq!(
        tag_resource::Kind::from_wire("group"),
        tag_resource::Kind::Unlisted("group".into())
    );
    let bad = tag_resource::Request {
        key: "aws:team".into(),
        host: Some("-api.example.com".into()),
        kind: Some(tag_resource::Kind::Unlisted("group".into())),
        pair: Some("ab-ba".into()),
        labels: Some(vec![None, Some("a".into()), None]),
        weights: Some([("a".to_string(), Some(-1)), ("b".to_string(), None)].into()),
        strict: None,
    };
    let listed: Vec<String> = bad
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        [
            r"`key` must match the pattern `(?!aws:)[\p{L}\p{N}_.:/=+\-@ ]{1,128}`",
            r"`host` must match the pattern `((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,6}`",
            "`kind` must be one of `team`, `other` (values)",
            r"`pair` must match the pattern `(\w+)-\1`",
            "`labels` must not repeat an item (unique_items), but [2] equals [0]",
            "`labels[1]` must be at least 2 characters long (min_length), but is 1",
            "`weights[\"a\"]` must be at least 0 (minimum)",
        ]
    );
    // `null` items travel as `null`.
    let sent = good.to_http_request("http://h").unwrap();
    let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(body["labels"], serde_json::json!([null, "ab"]));
    assert_eq!(body["weights"], serde_json::json!({"a": null, "b": 2}));

    // The server's side refuses the same, by name, over the wire; a value
    // built to make the backtracking blow up is refused too, within the
    // engine's step limit, and the server answers.
    let server = FakeServer::builder()
        .endpoint::<tag_resource::Request, _>(|_| {
            tag_resource::Response::Tagged(Reply {
                status: 204,
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let send = |body: &str| raw_post(&server, "/tags", "application/json", body);
    let (status, answer) = send(r#"{"key":"aws:x","pair":"ab-ab"}"#);
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 1 rule:\n  - \
         `key` must match the pattern `(?!aws:)[\\p{L}\\p{N}_.:/=+\\-@ ]{1,128}`"
    );
    let hostile = format!(r#"{{"key":"k","pair":"{}"}}"#, "a".repeat(5_000));
    let (status, answer) = send(&hostile);
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 1 rule:\n  - `pair` must match the pattern `(\\w+)-\\1`"
    );
    let (status, answer) = send(r#"{"key":"team","host":"a-b.example.org","pair":"x1-x1"}"#);
    assert_eq!(status, 204, "{answer}");
    // Items that may be `null` are read so; others are refused by path.
    let (status, answer) = send(r#"{"key":"k","labels":[null,"ab"],"weights":{"a":null}}"#);
    assert_eq!(status, 204, "{answer}");
    let (status, answer) = send(r#"{"key":"k","strict":["ab",null]}"#);
    assert_eq!(status, 400, "{answer}");
    assert!(
        answer["message"].as_str().unwrap().contains("strict[1]"),
        "{answer}"
    );
}

#[test]
fn exclusive_bounds_refuse_the_bound_itself_on_both_sides() {
    let reading = |value: f64, ratio: Option<f64>| record_reading::Request {
        value,
        ratio,
        rate: None,
    };
    reading(0.5, Some(0.0)).validate().unwrap();
    reading(99.999, Some(0.999)).validate().unwrap();
    let listed: Vec<String> = reading(0.0, Some(1.0))
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        [
            "`value` must be greater than 0 (exclusive_minimum)",
            "`ratio` must be less than 1 (exclusive_maximum)",
        ]
    );
    let listed: Vec<String> = reading(100.0, None)
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        ["`value` must be less than 100 (exclusive_maximum)"]
    );

    // The server's side refuses the same, by name, over the wire.
    let server = readings_server(|_| {});
    let (status, answer) = raw_post(
        &server,
        "/readings?ratio=1",
        "application/json",
        r#"{"value":0}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 2 rules:\n  - `value` must be greater than 0 (exclusive_minimum)\n  \
         - `ratio` must be less than 1 (exclusive_maximum)"
    );
    let (status, answer) = raw_post(
        &server,
        "/readings?ratio=0",
        "application/json",
        r#"{"value":1e-9}"#,
    );
    assert_eq!(status, 204, "{answer}");
}

/// A fake server that records readings (204), each request checked by
/// `check` first.
fn readings_server(check: impl Fn(&record_reading::Request) + Send + Sync + 'static) -> FakeServer {
    FakeServer::builder()
        .endpoint::<record_reading::Request, _>(move |request| {
            check(&request);
            record_reading::Response::Recorded(Reply {
                status: 204,
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap()
}

#[test]
fn a_numbers_values_are_the_numbers_it_may_hold_on_both_sides() {
    let reading = |rate: f64| record_reading::Request {
        value: 1.0,
        ratio: None,
        rate: Some(rate),
    };
    reading(0.5).validate().unwrap();
    reading(2.0).validate().unwrap();
    assert_eq!(
        reading(1.5).validate().unwrap_err().to_string(),
        "the request breaks 1 rule:\n  - `rate` must be one of `0.5`, `1`, `2` (values)"
    );
    let server = readings_server(|request| assert_eq!(request.rate, Some(1.0)));
    let (status, answer) = raw_post(
        &server,
        "/readings?rate=0.25",
        "application/json",
        r#"{"value":1}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 1 rule:\n  - `rate` must be one of `0.5`, `1`, `2` (values)"
    );
    // `1.0` is `1`: compared as numbers, not as text.
    let (status, answer) = raw_post(
        &server,
        "/readings?rate=1.0",
        "application/json",
        r#"{"value":1}"#,
    );
    assert_eq!(status, 204, "{answer}");
}

endpoints::endpoint!("tests/specs/close_account.json");

#[test]
fn a_boolean_with_one_value_is_refused_otherwise_on_both_sides() {
    let close = |confirm: bool, notify: Option<bool>| close_account::Request {
        id: "acct_1".into(),
        confirm,
        notify,
    };
    close(true, Some(false)).validate().unwrap();
    close(true, None).validate().unwrap();
    let listed: Vec<String> = close(false, Some(true))
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        [
            "`confirm` must be one of `true` (values)",
            "`notify` must be one of `false` (values)",
        ]
    );

    let server = FakeServer::builder()
        .endpoint::<close_account::Request, _>(|request| {
            close_account::Response::Closed(Reply {
                status: 200,
                body: close_account::Closed {
                    ok: request.confirm,
                },
            })
        })
        .start()
        .unwrap();
    // The typed client sends it and reads the answer.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    match runtime
        .block_on(client.send(close(true, Some(false))))
        .unwrap()
    {
        close_account::Response::Closed(reply) => assert!(reply.body.ok),
        other => panic!("{other:?}"),
    }
    // The server's side refuses the same, by name, over the wire.
    let (status, answer) = raw_post(
        &server,
        "/accounts/acct_1/close?notify=true",
        "application/json",
        r#"{"confirm":false}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 2 rules:\n  - `confirm` must be one of `true` (values)\n  \
         - `notify` must be one of `false` (values)"
    );
    // A client never sent this: refused before it leaves the machine.
    let error = runtime
        .block_on(client.send(close(false, None)))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`confirm` must be one of `true`"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 2);
}

endpoints::endpoint!("tests/specs/patch_profile.json");

#[test]
fn an_objects_member_count_is_bounded_on_both_sides() {
    use endpoints::Nullable;
    use patch_profile::{ProfilePatch, Reach};
    let patch = |name: Option<&str>, reach: Option<Reach>| patch_profile::Request {
        patch: ProfilePatch {
            id: None,
            secret: None,
            name: name.map(str::to_string),
            email: None,
            reach,
        },
    };
    patch(Some("Ada"), None).validate().unwrap();
    let one = Reach {
        phone: None,
        pager: Nullable::Null,
    };
    patch(None, Some(one)).validate().unwrap();
    let listed: Vec<String> = patch(None, None)
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        ["`patch` must have at least 1 entry (min_items), but has 0"]
    );
    let both = Reach {
        phone: Some("+47 22 00 00 00".into()),
        pager: Nullable::Null,
    };
    let listed: Vec<String> = patch(Some("Ada"), Some(both))
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        ["`patch.reach` must have at most 1 entry (max_items), but has 2"]
    );

    // The server's side refuses the same, by name, over the wire.
    let server = FakeServer::builder()
        .endpoint::<patch_profile::Request, _>(|_| {
            patch_profile::Response::Patched(Reply {
                status: 204,
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let (status, answer) = raw_post(&server, "/profile", "application/json", "{}");
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 1 rule:\n  - `patch` must have at least 1 entry (min_items), but has 0"
    );
    let (status, answer) = raw_post(
        &server,
        "/profile",
        "application/json",
        r#"{"reach":{"phone":"1","pager":null}}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert!(
        answer["message"]
            .as_str()
            .unwrap()
            .contains("`patch.reach` must have at most 1"),
        "{answer}"
    );
    let (status, answer) = raw_post(
        &server,
        "/profile",
        "application/json",
        r#"{"reach":{"pager":null}}"#,
    );
    assert_eq!(status, 204, "{answer}");

    // A field the server sets, set in a request: refused on both sides.
    let mut with_id = patch(Some("Ada"), None);
    with_id.patch.id = Some(7);
    with_id.patch.secret = Some("s3cret".into());
    let listed: Vec<String> = with_id
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        ["`patch.id` is set by the server (read_only): leave it unset in a request"]
    );
    let (status, answer) = raw_post(
        &server,
        "/profile",
        "application/json",
        r#"{"id":7,"name":"Ada"}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert!(
        answer["message"]
            .as_str()
            .unwrap()
            .contains("`patch.id` is set by the server"),
        "{answer}"
    );
}

endpoints::endpoint!("tests/specs/get_league.json");

#[test]
fn a_union_of_scalars_travels_as_text_and_is_read_back_as_its_member() {
    use get_league::{LeagueRef, Season};
    let server = FakeServer::builder()
        .endpoint::<get_league::Request, _>(|request| {
            let by = match (&request.league, &request.season, &request.x_team) {
                (LeagueRef::Integer(id), season, team) => format!("id {id}, {season:?}, {team:?}"),
                (LeagueRef::String(slug), season, team) => {
                    format!("slug {slug}, {season:?}, {team:?}")
                }
                (LeagueRef::Other(v), ..) => format!("other {v}"),
            };
            get_league::Response::Found(Reply {
                status: 200,
                body: get_league::Found { by },
            })
        })
        .start()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let by = |request| match runtime.block_on(client.send(request)).unwrap() {
        get_league::Response::Found(reply) => reply.body.by,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        by(get_league::Request {
            league: LeagueRef::Integer(42),
            season: Some(Season::Integer(2024)),
            x_team: Some(LeagueRef::String("north-end".into())),
        }),
        r#"id 42, Some(Integer(2024)), Some(String("north-end"))"#
    );
    // A slug that looks like nothing else, and a boolean season.
    assert_eq!(
        by(get_league::Request {
            league: LeagueRef::String("premier league".into()),
            season: Some(Season::Boolean(true)),
            x_team: None,
        }),
        r#"slug premier league, Some(Boolean(true)), None"#
    );
    let sent: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.uri().to_string())
        .collect();
    assert_eq!(
        sent,
        [
            "/leagues/42?season=2024",
            "/leagues/premier%20league?season=true"
        ]
    );

    // Each member's rules, on both sides.
    let listed: Vec<String> = get_league::Request {
        league: LeagueRef::Integer(0),
        season: None,
        x_team: Some(LeagueRef::String("x".into())),
    }
    .validate()
    .unwrap_err()
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        listed,
        [
            "`league` must be at least 1 (minimum)",
            "`X-Team` must be at least 2 characters long (min_length), but is 1",
        ]
    );
    let (status, body) = raw_get(&server, "/leagues/0");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("`league` must be at least 1"), "{body}");
    // A season that is neither a year nor a boolean: kept, and refused by name.
    let (status, body) = raw_get(&server, "/leagues/7?season=soon");
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("`season` must be one of the union's members"),
        "{body}"
    );
}

endpoints::endpoint!("tests/specs/line_status.json");

#[test]
fn an_array_path_param_travels_as_one_segment_of_comma_joined_items() {
    let server = FakeServer::builder()
        .endpoint::<line_status::Request, _>(|request| {
            let body = request
                .ids
                .iter()
                .flat_map(|id| request.days.iter().map(move |d| format!("{id}@{d}")))
                .collect();
            line_status::Response::Ok(Reply { status: 200, body })
        })
        .start()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let request = line_status::Request {
        ids: vec!["victoria".into(), "a,b c".into()],
        days: vec![1, 7],
    };
    match runtime.block_on(client.send(request)).unwrap() {
        line_status::Response::Ok(reply) => assert_eq!(
            reply.body,
            ["victoria@1", "victoria@7", "a,b c@1", "a,b c@7"]
        ),
        other => panic!("{other:?}"),
    }
    let sent: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.uri().to_string())
        .collect();
    // An item's own comma is encoded: the server splits where the client joined.
    assert_eq!(sent, ["/lines/victoria,a%2Cb%20c/status/1,7"]);
    // Each item's rules, on both sides.
    let listed: Vec<String> = line_status::Request {
        ids: Vec::new(),
        days: vec![0, 3],
    }
    .validate()
    .unwrap_err()
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        listed,
        [
            "`ids` must have at least 1 entry (min_items), but has 0",
            "`days[0]` must be at least 1 (minimum)",
        ]
    );
    let (status, body) = raw_get(&server, "/lines/a/status/2,9");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("`days[1]` must be at most 7"), "{body}");
    let (status, body) = raw_get(&server, "/lines/a/status/2,x");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("days"), "{body}");
}

endpoints::endpoint!("tests/specs/update_alert.json");

#[test]
fn groups_of_fields_are_required_any_or_exactly_one_on_both_sides() {
    use update_alert::{AlertUpdate, ItemRef, State};
    let update = |state: Option<State>, item: Option<ItemRef>| update_alert::Request {
        number: 4,
        update: AlertUpdate {
            state,
            assignees: None,
            item,
        },
    };
    let by_id = ItemRef {
        id: Some(9),
        owner: None,
        repo: None,
        number: None,
    };
    update(Some(State::Dismissed), Some(by_id))
        .validate()
        .unwrap();
    let both = ItemRef {
        id: Some(9),
        owner: Some("o".into()),
        repo: Some("r".into()),
        number: Some(1),
    };
    let half = ItemRef {
        id: None,
        owner: Some("o".into()),
        repo: None,
        number: None,
    };
    let listed = |request: update_alert::Request| -> Vec<String> {
        request
            .validate()
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        listed(update(None, Some(both))),
        [
            "`update` must set `state` or `assignees` (requires_any)",
            "`update.item` must set exactly one of `id` or `owner`, `repo` and `number` (requires_one), but sets 2",
        ]
    );
    assert_eq!(
        listed(update(Some(State::Open), Some(half))),
        ["`update.item` must set exactly one of `id` or `owner`, `repo` and `number` (requires_one), but sets 0"]
    );

    // The server's side refuses the same, by name, over the wire.
    let server = FakeServer::builder()
        .endpoint::<update_alert::Request, _>(|_| {
            update_alert::Response::Updated(Reply {
                status: 204,
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    let (status, answer) = raw_post(
        &server,
        "/alerts/4",
        "application/json",
        r#"{"item":{"id":1}}"#,
    );
    assert_eq!(status, 400, "{answer}");
    assert_eq!(
        answer["message"],
        "the request breaks 1 rule:\n  - `update` must set `state` or `assignees` (requires_any)"
    );
    let (status, answer) = raw_post(
        &server,
        "/alerts/4",
        "application/json",
        r#"{"assignees":[],"item":{"owner":"o","repo":"r","number":2}}"#,
    );
    assert_eq!(status, 204, "{answer}");
}
