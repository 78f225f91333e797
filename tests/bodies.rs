//! Responses whose body is not JSON: bytes (`image/png`) kept exactly as
//! sent with their content type, and text (CSV, XML) kept as text, never
//! parsed; with both clients against the fake server on 127.0.0.1.

use endpoints::fake::FakeServer;
use endpoints::http::{self, Method};
use endpoints::{Binary, Endpoint, Reply, Text};

mod support;

endpoints::endpoint!("tests/specs/get_avatar.json");
endpoints::endpoint!("tests/specs/export_report.json");

/// A PNG's signature and a few bytes that are not UTF-8.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe";

fn answer(status: u16, content_type: &str, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header(http::header::CONTENT_TYPE, content_type)
        .header("X-Rows", "2")
        .body(body.to_vec())
        .unwrap()
}

#[test]
fn bytes_come_back_exactly_with_their_content_type() {
    let server = FakeServer::builder()
        .route(Method::GET, "/users/{id}/avatar", |request| {
            match request.uri().path() {
                "/users/1/avatar" => answer(200, "image/png", PNG),
                _ => answer(404, "application/json", br#"{"title": "no such user"}"#),
            }
        })
        .start()
        .unwrap();
    for response in
        support::send_both_with(&server.url(), get_avatar::Request { id: 1 }, |b| b, |b| b)
    {
        let get_avatar::Response::Image(reply) = response.unwrap() else {
            panic!("expected the image")
        };
        assert_eq!(reply.body.bytes, PNG);
        assert_eq!(reply.body.content_type.as_deref(), Some("image/png"));
    }
    // The request asks for what the endpoint answers with, not only JSON
    // (a server choosing by `Accept` would answer 406 otherwise).
    for sent in server.requests() {
        assert_eq!(
            sent.headers()[http::header::ACCEPT],
            "image/png, application/json;q=0.9"
        );
    }
    // The JSON response beside it is still parsed.
    for response in
        support::send_both_with(&server.url(), get_avatar::Request { id: 2 }, |b| b, |b| b)
    {
        let get_avatar::Response::NotFound(reply) = response.unwrap() else {
            panic!("expected not found")
        };
        assert_eq!(reply.body.title, "no such user");
    }
}

#[test]
fn text_is_kept_as_text_and_never_parsed() {
    let csv = "id,name\n1,\"{not json\"\n";
    let server = FakeServer::builder()
        .route(
            Method::GET,
            "/reports/{id}.csv",
            move |request| match request.uri().path() {
                "/reports/q3.csv" => answer(200, "text/csv; charset=utf-8", csv.as_bytes()),
                _ => answer(410, "application/xml", b"<gone reason=\"expired\"/>"),
            },
        )
        .start()
        .unwrap();
    let request = || export_report::Request { id: "q3".into() };
    for response in support::send_both_with(&server.url(), request(), |b| b, |b| b) {
        let export_report::Response::Csv(reply) = response.unwrap() else {
            panic!("expected the CSV")
        };
        assert_eq!(reply.body.text, csv);
        assert_eq!(reply.x_rows, 2);
    }
    let gone = export_report::Request { id: "old".into() };
    for response in support::send_both_with(&server.url(), gone, |b| b, |b| b) {
        let export_report::Response::Gone(reply) = response.unwrap() else {
            panic!("expected gone")
        };
        assert_eq!(reply.body.text, "<gone reason=\"expired\"/>");
        assert_eq!(reply.body.content_type.as_deref(), Some("application/xml"));
    }
    // Text that is not UTF-8 does not fit: a decode error keeping it whole.
    let server = FakeServer::builder()
        .route(Method::GET, "/reports/{id}.csv", |_| {
            answer(200, "text/csv", PNG)
        })
        .start()
        .unwrap();
    for result in support::send_both_with(&server.url(), request(), |b| b, |b| b) {
        let error = result.unwrap_err();
        assert_eq!(error.raw_response().unwrap().body(), PNG);
    }
}

/// On the wire again, as the API would send them (servers and fakes).
#[test]
fn text_and_bytes_are_written_back_as_they_came() {
    let image = get_avatar::Response::Image(Reply {
        status: 200,
        body: Binary {
            content_type: Some("image/png".into()),
            bytes: PNG.to_vec(),
        },
    });
    let http = image.to_http_response();
    assert_eq!(http.headers()[http::header::CONTENT_TYPE], "image/png");
    assert_eq!(http.body(), PNG);
    assert_eq!(
        get_avatar::Request::from_http_response(http).unwrap(),
        image
    );

    let csv = export_report::Response::Csv(export_report::CsvReply {
        status: 200,
        x_rows: 1,
        body: Text {
            content_type: None,
            text: "a,b\n".into(),
        },
    });
    let http = csv.to_http_response();
    // A reply with no type of its own goes out with the spec's.
    assert_eq!(
        http.headers()[http::header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert_eq!(http.headers()["x-rows"], "1");
    assert_eq!(http.body(), b"a,b\n");
}

endpoints::endpoint!("tests/specs/upload_photo.json");

/// `bytes`: base64 on the wire (a JSON field, a query param), bytes in
/// Rust, lengths counted in bytes.
#[test]
fn bytes_travel_as_base64_and_count_in_bytes() {
    let server = FakeServer::builder()
        .endpoint::<upload_photo::Request, _>(|request| {
            // The server side reads the bytes back from their base64.
            assert_eq!(&*request.encoded_image, PNG);
            upload_photo::Response::Created(Reply {
                status: 201,
                body: upload_photo::Photo {
                    id: 9,
                    thumbnail: Some(endpoints::Bytes::from(&b"\x00\xfe"[..])),
                },
            })
        })
        .start()
        .unwrap();
    let request = upload_photo::Request {
        person_id: 385828,
        encoded_image: PNG.into(),
        checksum: Some(endpoints::Bytes::from(b"\xfb\xff")),
    };
    for response in support::send_both_with(&server.url(), request.clone(), |b| b, |b| b) {
        let upload_photo::Response::Created(reply) = response.unwrap() else {
            panic!("expected created")
        };
        assert_eq!(reply.body.thumbnail.as_deref(), Some(&b"\x00\xfe"[..]));
    }
    for sent in server.requests() {
        assert_eq!(
            std::str::from_utf8(sent.body()).unwrap(),
            r#"{"person_id":385828,"encodedImage":"iVBORw0KGgoAAAANSUhEUv/+"}"#
        );
        // `+` and `/` of base64 percent-encoded in the query.
        assert_eq!(sent.uri().query(), Some("checksum=%2B%2F8%3D"));
    }
    // Lengths are bytes, not base64 characters (the 18 bytes above were 24
    // characters on the wire).
    let too_long = upload_photo::Request {
        encoded_image: vec![7u8; 65].into(),
        ..request
    };
    let errors = too_long.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "the request breaks 1 rule:\n  - `encodedImage` must be at most 64 bytes long (max_length), but is 65"
    );
    assert!(
        !format!("{too_long:?}").contains("7, 7"),
        "bytes are not printed"
    );
}

endpoints::endpoint!("tests/specs/httpbin/put_tags.json");
endpoints::endpoint!("tests/specs/httpbin/patch_count.json");
endpoints::endpoint!("tests/specs/httpbin/upload_raw.json");
endpoints::endpoint!("tests/specs/httpbin/post_csv.json");

/// A body that is one param as a whole (a JSON array, a JSON number, an
/// image's bytes, CSV text): the server side reads each back from what
/// both clients sent, with exactly the spec's content type; a left-out
/// optional body sends nothing.
#[test]
fn whole_bodies_round_trip_through_the_server_side() {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\xff\xfe";
    let echo = || put_tags::TagsEcho {
        data: String::new(),
        headers: Default::default(),
    };
    let server = FakeServer::builder()
        .endpoint::<put_tags::Request, _>(move |request| {
            assert_eq!(request.tags, ["a", "é"]);
            put_tags::Response::Ok(Reply {
                status: 200,
                body: echo(),
            })
        })
        .endpoint::<patch_count::Request, _>(|request| {
            let data = request.count.map(|c| c.to_string()).unwrap_or_default();
            patch_count::Response::Ok(Reply {
                status: 200,
                body: patch_count::CountEcho {
                    data,
                    headers: Default::default(),
                },
            })
        })
        .endpoint::<upload_raw::Request, _>(move |request| {
            assert_eq!(&*request.image, png);
            assert_eq!(request.label.as_deref(), Some("x"));
            upload_raw::Response::Ok(Reply {
                status: 200,
                body: upload_raw::RawEcho {
                    data: "ok".into(),
                    headers: Default::default(),
                },
            })
        })
        .endpoint::<post_csv::Request, _>(|request| {
            post_csv::Response::Ok(Reply {
                status: 200,
                body: post_csv::CsvEcho {
                    data: request.rows,
                    headers: Default::default(),
                },
            })
        })
        .start()
        .unwrap();
    let url = server.url();
    let tags = put_tags::Request {
        tags: vec!["a".into(), "é".into()],
    };
    for response in support::send_both_with(&url, tags, |b| b, |b| b) {
        assert!(matches!(response.unwrap(), put_tags::Response::Ok(_)));
    }
    for count in [Some(7), None] {
        for response in support::send_both_with(&url, patch_count::Request { count }, |b| b, |b| b)
        {
            let patch_count::Response::Ok(reply) = response.unwrap() else {
                panic!()
            };
            assert_eq!(
                reply.body.data,
                count.map(|c| c.to_string()).unwrap_or_default()
            );
        }
    }
    let image = upload_raw::Request {
        image: png.into(),
        label: Some("x".into()),
    };
    for response in support::send_both_with(&url, image, |b| b, |b| b) {
        assert!(matches!(response.unwrap(), upload_raw::Response::Ok(_)));
    }
    let rows = "id,name\n1,\"{not json\"\n";
    for response in
        support::send_both_with(&url, post_csv::Request { rows: rows.into() }, |b| b, |b| b)
    {
        let post_csv::Response::Ok(reply) = response.unwrap() else {
            panic!()
        };
        assert_eq!(reply.body.data, rows);
    }
    // What went on the wire: the body alone, with the spec's type.
    let sent: Vec<(String, Option<String>, Vec<u8>)> = server
        .requests()
        .iter()
        .map(|r| {
            let ct = r.headers().get(http::header::CONTENT_TYPE);
            (
                r.uri().path().to_string(),
                ct.map(|v| v.to_str().unwrap().to_string()),
                r.body().to_vec(),
            )
        })
        .collect();
    let expect = |path: &str, ct: Option<&str>, body: &[u8]| {
        let want = (path.to_string(), ct.map(str::to_string), body.to_vec());
        assert_eq!(
            sent.iter().filter(|s| **s == want).count(),
            2,
            "{want:?} in {sent:#?}"
        );
    };
    expect(
        "/anything/tags",
        Some("application/json"),
        "[\"a\",\"é\"]".as_bytes(),
    );
    expect(
        "/anything/count",
        Some("application/merge-patch+json"),
        b"7",
    );
    expect("/anything/count", None, b"");
    expect("/anything/raw", Some("image/png"), png);
    expect(
        "/anything/csv",
        Some("text/csv; charset=utf-8"),
        rows.as_bytes(),
    );
}

/// The server side refuses a whole body it cannot read, by name where a
/// param is at fault, and checks the body's rules like any param's.
#[test]
fn whole_bodies_the_server_side_refuses() {
    use endpoints::RequestError;
    let refused = |r: Result<put_tags::Request, RequestError>| r.unwrap_err().to_string();
    // An object where the array goes: the param is malformed, by name.
    let error = refused(put_tags::Request::from_http_request(&support::raw_request(
        "PUT",
        "/anything/tags",
        Some("application/json"),
        br#"{"tags": ["a"]}"#,
    )));
    assert!(error.contains("`tags`"), "{error}");
    // Too many items: the spec's rule, by name.
    let error = refused(put_tags::Request::from_http_request(&support::raw_request(
        "PUT",
        "/anything/tags",
        None,
        br#"["a","b","c","d"]"#,
    )));
    assert!(error.contains("tags") && error.contains("3"), "{error}");
    // Not JSON, or not a JSON media type.
    let error = refused(put_tags::Request::from_http_request(&support::raw_request(
        "PUT",
        "/anything/tags",
        Some("text/plain"),
        br#"["a"]"#,
    )));
    assert!(error.contains("not JSON"), "{error}");
    // A required whole body left out.
    let error = refused(put_tags::Request::from_http_request(&support::raw_request(
        "PUT",
        "/anything/tags",
        None,
        b"",
    )));
    assert!(error.contains("`tags`"), "{error}");
    // A number outside `i64` is refused, never clamped.
    let error = patch_count::Request::from_http_request(&support::raw_request(
        "PATCH",
        "/anything/count",
        None,
        b"9223372036854775808",
    ))
    .unwrap_err()
    .to_string();
    assert!(error.contains("`count`"), "{error}");
    // An optional body sent as `null` is no body; a required one is
    // refused, by name.
    let none = patch_count::Request::from_http_request(&support::raw_request(
        "PATCH",
        "/anything/count",
        None,
        b"null",
    ))
    .unwrap();
    assert_eq!(none, patch_count::Request { count: None });
    let error = refused(put_tags::Request::from_http_request(&support::raw_request(
        "PUT",
        "/anything/tags",
        None,
        b"null",
    )));
    assert!(error.contains("`tags`"), "{error}");
    // Text that is not UTF-8.
    let error = post_csv::Request::from_http_request(&support::raw_request(
        "POST",
        "/anything/csv",
        Some("text/csv"),
        b"\xff\xfe",
    ))
    .unwrap_err()
    .to_string();
    assert!(error.contains("UTF-8"), "{error}");
    // Bytes are bytes, whatever they hold, and count in bytes.
    let big = vec![0u8; 1025];
    let error = upload_raw::Request::from_http_request(&support::raw_request(
        "POST",
        "/anything/raw",
        Some("image/png"),
        &big,
    ))
    .unwrap_err()
    .to_string();
    assert!(error.contains("image") && error.contains("1024"), "{error}");
}

mod clash {
    endpoints::endpoint!("tests/specs/replace_item.json");
}

/// A body member named like the path param (`id` in both, as imported
/// documents have it): the body is one whole-object param, each `id` in
/// its own place on the wire, both checked and read back.
#[test]
fn a_whole_object_body_beside_a_param_of_the_same_name() {
    use clash::replace_item::{Item, Request, Response};
    let request = Request {
        id: 3,
        body: Item {
            id: 7,
            name: "lamp".into(),
        },
    };
    assert_eq!(request.validate(), Ok(()));
    let sent = request.to_http_request("https://api.example.com").unwrap();
    assert_eq!(sent.uri().path(), "/items/3");
    assert_eq!(sent.body(), br#"{"id":7,"name":"lamp"}"#);
    assert_eq!(Request::from_http_request(&sent).unwrap(), request);
    let bad = Request {
        body: Item {
            id: 7,
            name: "lampshade".into(),
        },
        ..request
    };
    let listed: Vec<String> = bad
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        listed,
        ["`body.name` must be at most 5 characters long (max_length), but is 9"]
    );
    let server = FakeServer::builder()
        .endpoint::<Request, _>(|request| {
            Response::Ok(Reply {
                status: 200,
                body: request.body,
            })
        })
        .start()
        .unwrap();
    let request = Request {
        id: 3,
        body: Item {
            id: 7,
            name: "lamp".into(),
        },
    };
    for response in support::send_both_with(&server.url(), request, |b| b, |b| b) {
        let Response::Ok(item) = response.unwrap() else {
            panic!("expected ok")
        };
        assert_eq!((item.body.id, item.body.name.as_str()), (7, "lamp"));
    }
}
