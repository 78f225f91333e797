//! The spec format's own example, with the shapes the seed pages lack:
//! every rule broken at once reports its exact wire path.

use std::collections::BTreeMap;

use endpoints::Endpoint;

endpoints::endpoint!("tests/specs/create_invoice.json");

use create_invoice::{Contact, Currency, Line, Request, Response, Type};

fn good() -> Request {
    Request {
        account: 7,
        authorization: "Bearer secret".into(),
        dry_run: Some(true),
        currency: Currency::Eur,
        memo: None,
        lines: vec![Line {
            sku: "ABC-12".into(),
            qty: 2,
            tags: Some(vec!["a".into()]),
        }],
        r#type: Some(Type::Minus3),
        labels: Some(BTreeMap::from([("k".to_string(), "v".to_string())])),
        due: None,
        ratio: Some(0.5),
        contact: Some(Contact {
            email: "a@b.co".into(),
            manager: Some(Box::new(Contact {
                email: "boss@b.co".into(),
                manager: None,
                reports: None,
            })),
            reports: None,
        }),
        amount: Some(0.3),
        batch: Some(-36),
        codes: Some(vec!["ab".into(), "AB".into()]),
    }
}

#[test]
fn a_good_request_passes_and_travels() {
    let request = good();
    assert_eq!(request.validate(), Ok(()));
    let sent = request.to_http_request("https://api.example.com").unwrap();
    assert_eq!(
        sent.uri(),
        "https://api.example.com/v2/accounts/7/invoices?dryRun=true"
    );
    assert_eq!(sent.headers()["authorization"], "Bearer secret");
    let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(body["type"], -3);
    assert_eq!(
        body["due"],
        serde_json::Value::Null,
        "required and nullable: sent as null"
    );
    assert_eq!(body["contact"]["manager"]["email"], "boss@b.co");
    assert!(body.get("account").is_none() && body.get("Authorization").is_none());
    assert_eq!(Request::from_http_request(&sent).unwrap(), request);
}

#[test]
fn every_broken_rule_has_its_wire_path() {
    let bad = Request {
        account: 0,
        memo: Some("é".repeat(141)),
        lines: vec![
            Line {
                sku: "abc".into(),
                qty: 0,
                tags: Some(vec!["long".into(), "ok".into()]),
            },
            Line {
                sku: "ABC-1".into(),
                qty: 1,
                tags: None,
            },
            Line {
                sku: "ABC-2".into(),
                qty: 1,
                tags: None,
            },
            Line {
                sku: "ABC-1".into(),
                qty: 1,
                tags: None,
            },
        ],
        r#type: Some(Type::Other(9)),
        labels: Some(BTreeMap::from([
            ("a b".to_string(), String::new()),
            ("c".to_string(), "x".to_string()),
            ("d".to_string(), "y".to_string()),
        ])),
        due: Some("2023-02-30".into()),
        ratio: Some(1.5),
        contact: Some(Contact {
            email: "boss".into(),
            manager: Some(Box::new(Contact {
                email: "nope".into(),
                manager: None,
                reports: None,
            })),
            reports: Some(vec![Contact {
                email: "x".into(),
                manager: None,
                reports: None,
            }]),
        }),
        amount: Some(0.1 + 0.2),
        batch: Some(i64::MAX),
        codes: Some(vec!["ab".into(), "c".into(), "ab".into()]),
        ..good()
    };
    let errors = bad.validate().unwrap_err();
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        listed,
        [
            "`account` must be at least 1 (minimum)",
            "`memo` must be at most 140 characters long (max_length), but is 141",
            "`lines` must have at most 3 entries (max_items), but has 4",
            "`lines` must not repeat an item (unique_items), but [3] equals [1]",
            "`lines[0].sku` must match the pattern `[A-Z]{3}-[0-9]+`",
            "`lines[0].qty` must be at least 1 (minimum)",
            "`lines[0].tags[0]` must be at most 3 characters long (max_length), but is 4",
            "`type` must be one of `1`, `2`, `-3` (values)",
            "`labels` must have at most 2 entries (max_items), but has 3",
            "`labels[\"a b\"]` must be at least 1 character long (min_length), but is 0",
            "`due` must be a date (YYYY-MM-DD) (format `date`)",
            "`ratio` must be at most 1 (maximum)",
            "`contact.email` must be an email address (format `email`)",
            "`contact.manager.email` must be an email address (format `email`)",
            "`contact.reports[0].email` must be an email address (format `email`)",
            "`amount` must be a multiple of 0.01 (multiple_of)",
            "`batch` must be a multiple of 12 (multiple_of)",
            "`codes` must not repeat an item (unique_items), but [2] equals [0]",
            "`codes[1]` must be at least 2 characters long (min_length), but is 1",
        ]
    );
    let secret_free = errors.to_string();
    assert!(!secret_free.contains("Bearer"));
}

#[test]
fn responses_with_headers_and_inline_bodies() {
    let answer = endpoints::http::Response::builder()
        .status(422)
        .body(br#"{"reason":"duplicate"}"#.to_vec())
        .unwrap();
    let Response::Rejected(reply) = Request::from_http_response(answer).unwrap() else {
        panic!()
    };
    assert_eq!(reply.body.reason.as_deref(), Some("duplicate"));
    let _: create_invoice::RejectedBody = reply.body;
    let created = Response::Created(create_invoice::CreatedReply {
        status: 201,
        location: "/v2/invoices/9".into(),
        body: serde_json::Value::Null,
    });
    assert_eq!(
        Request::from_http_response(created.to_http_response()).unwrap(),
        created
    );
    assert!(format!("{:?}", good()).contains("authorization: <redacted>"));
}

mod spelt {
    endpoints::endpoint!("tests/specs/list_reactions.json");
}

/// Values with no name of their own (`+1` and `-1`, `*`, `""`,
/// `created` and `-created`) get spelt-out variants that travel as the
/// values they stand for, both ways.
#[test]
fn values_without_a_name_of_their_own_travel_as_themselves() {
    use spelt::list_reactions::{Content, Request, Sort};
    let cases = [
        (
            Content::Plus1,
            Some(Sort::MinusCreated),
            "content=%2B1&sort=-created",
        ),
        (
            Content::Minus1,
            Some(Sort::Created),
            "content=-1&sort=created",
        ),
        (Content::Star, Some(Sort::ASC), "content=%2A&sort=ASC"),
        (Content::Empty, Some(Sort::Asc), "content=&sort=asc"),
    ];
    for (content, sort, query) in cases {
        let request = Request { content, sort };
        assert_eq!(request.validate(), Ok(()));
        let sent = request.to_http_request("https://api.example.com").unwrap();
        assert_eq!(sent.uri().query(), Some(query));
        assert_eq!(Request::from_http_request(&sent).unwrap(), request);
    }
}
