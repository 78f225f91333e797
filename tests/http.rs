//! Both clients against a real HTTP server on 127.0.0.1: the exact request
//! on the wire, every documented answer in its variant, and everything
//! undocumented kept whole.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::{self, Method};
use endpoints::{Endpoint, Error, Nullable};

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/submit_form.json");
endpoints::endpoint!("tests/specs/submit_encoded.json");

mod support;
use support::send_both_with;

const PERSON_201: &str = include_str!("fixtures/cloudcard_person_201.json");

/// Sends `request` through the async client, then through the blocking one.
fn send_both<E>(base_url: &str, request: E) -> [Result<E::Response, Error>; 2]
where
    E: Endpoint + Clone + Send + 'static,
    E::Response: Send,
{
    send_both_with(base_url, request, |b| b, |b| b)
}

fn photographer() -> create_photographer::Request {
    create_photographer::Request {
        view: Some(create_photographer::View::InternalappsView),
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "hunter2-secret".into(),
        phone: "+1 555 0100".into(),
        extension: Some(12),
        service_area_id: None,
        language: None,
        department: Some("field".into()),
        designation_id: None,
        token: Some("tok-123-secret".into()),
        application: Some(create_photographer::Application::Planox2),
        session_view: None,
    }
}

fn person(render: Option<bool>) -> create_person::Request {
    create_person::Request {
        x_auth_token: Some("cc-secret-token".into()),
        send_invitation: Some(false),
        render_resource: render,
        email: "jon.doe@foo.edu".into(),
        identifier: Some("ABC123".into()),
        email_group_name: Some("Online Students".into()),
        additional_photo_required: Some(true),
        custom_fields: Some(BTreeMap::from([
            ("First Name".to_string(), "Carry A".to_string()),
            ("Last_Name".to_string(), "Card".to_string()),
        ])),
    }
}

fn status(code: u16, body: &str) -> http::Response<Vec<u8>> {
    json_response(code, body)
}

/// A fake server whose answer to `POST path` each test sets as it goes
/// (status and body; every answer also carries `x-request-id: r-1`).
struct Scripted {
    server: FakeServer,
    next: Arc<Mutex<(u16, String)>>,
}

impl Scripted {
    fn start(path: &'static str) -> Scripted {
        let next = Arc::new(Mutex::new((200, String::new())));
        let shared = Arc::clone(&next);
        let server = FakeServer::builder()
            .route(Method::POST, path, move |_| {
                let (code, body) = shared.lock().unwrap().clone();
                let mut response = status(code, &body);
                response
                    .headers_mut()
                    .insert("x-request-id", "r-1".parse().unwrap());
                response
            })
            .start()
            .unwrap();
        Scripted { server, next }
    }

    fn answer(&self, code: u16, body: &str) {
        *self.next.lock().unwrap() = (code, body.to_string());
    }

    fn url(&self) -> String {
        self.server.url()
    }
}

fn header<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

#[test]
fn planocore_request_on_the_wire_and_its_success() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/v1/photographers/create", |_| {
            status(
                200,
                r#"{"status":"action-successful","data":{"id":42},"session":null,"took_ms":3}"#,
            )
        })
        .start()
        .unwrap();
    for response in send_both(&server.url(), photographer()) {
        let create_photographer::Response::ActionSuccessful(reply) = response.unwrap() else {
            panic!("expected action-successful")
        };
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body.status, "action-successful");
        assert_eq!(reply.body.data, Some(serde_json::json!({"id": 42})));
        // Keys the spec does not name are kept.
        assert_eq!(reply.body.extra["took_ms"], serde_json::json!(3));
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.uri().path(), "/api/v1/photographers/create");
        assert_eq!(request.uri().query(), None);
        assert_eq!(header(request, "content-type"), Some("application/json"));
        assert_eq!(header(request, "accept"), Some("application/json"));
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            r#"{"view":"internalapps_view","email":"ansel@example.com","first_name":"Ansel","last_name":"Adams","password":"hunter2-secret","phone":"+1 555 0100","extension":12,"department":"field","token":"tok-123-secret","application":"planox2"}"#
        );
    }
}

#[test]
fn cloudcard_request_on_the_wire_and_its_202() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", |_| {
            let mut response = status(202, "");
            response.headers_mut().insert(
                "Location",
                "https://api.onlinephotosubmission.com/api/people/385828"
                    .parse()
                    .unwrap(),
            );
            response
        })
        .start()
        .unwrap();
    for response in send_both(&server.url(), person(None)) {
        match response.unwrap() {
            create_person::Response::Accepted(reply) => {
                assert_eq!(reply.status, 202);
                assert_eq!(
                    reply.location,
                    "https://api.onlinephotosubmission.com/api/people/385828"
                );
                assert_eq!(reply.body, serde_json::Value::Null);
            }
            other => panic!("expected accepted, got {other:?}"),
        }
    }
    for request in server.requests() {
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.uri().path(), "/api/people");
        assert_eq!(request.uri().query(), Some("sendInvitation=false"));
        assert_eq!(header(&request, "x-auth-token"), Some("cc-secret-token"));
        assert_eq!(header(&request, "content-type"), Some("application/json"));
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            r#"{"email":"jon.doe@foo.edu","identifier":"ABC123","emailGroupName":"Online Students","additionalPhotoRequired":true,"customFields":{"First Name":"Carry A","Last_Name":"Card"}}"#
        );
    }
}

#[test]
fn cloudcard_201_decodes_the_pages_example_person() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", |_| status(201, PERSON_201))
        .start()
        .unwrap();
    for response in send_both(&server.url(), person(Some(true))) {
        let create_person::Response::Created(reply) = response.unwrap() else {
            panic!("expected created")
        };
        let p = reply.body;
        assert_eq!(p.id, 385828);
        assert_eq!(p.email, "black.beard@pirates.com");
        assert_eq!(p.identifier, Nullable::Value("K0001".to_string()));
        // The page's example sends `"activatedDate": null`: kept apart from absent.
        assert_eq!(p.activated_date, Nullable::Null);
        assert_eq!(
            p.authorities.as_ref().unwrap()[0].authority,
            "ROLE_CARDHOLDER"
        );
        let org = p.organization.as_ref().unwrap();
        assert_eq!(org.name.as_deref(), Some("Test Org."));
        assert_eq!(org.custom_fields.as_ref().unwrap()[0].sort_order, Some(1));
        assert_eq!(
            org.photo_dimensions
                .as_ref()
                .unwrap()
                .description
                .as_deref(),
            Some("200:200 (1:1)")
        );
        assert_eq!(
            p.custom_fields.as_ref().unwrap()["Notes"],
            serde_json::Value::Null
        );
        assert!(
            p.extra.is_empty(),
            "every key of the example is in the spec: {:?}",
            p.extra
        );
    }
    for request in server.requests() {
        assert_eq!(
            request.uri().query(),
            Some("sendInvitation=false&renderResource=true")
        );
    }
}

/// A server that writes its integers `385828.0` is still answering with
/// integers, as JSON Schema reads them: the person decodes.
#[test]
fn integers_written_with_a_zero_fraction_decode() {
    let fractional = PERSON_201.replace("\"id\": 385828", "\"id\": 385828.0");
    assert_ne!(fractional, PERSON_201, "the fixture's id moved");
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", move |_| {
            status(201, &fractional)
        })
        .start()
        .unwrap();
    for response in send_both(&server.url(), person(Some(true))) {
        let create_person::Response::Created(reply) = response.unwrap() else {
            panic!("expected created")
        };
        assert_eq!(reply.body.id, 385828);
    }
}

/// A number that is not exactly an `i64` never becomes one: `1e20` is not
/// clamped to `i64::MAX`, an id above 2^53 written `.0` keeps every digit,
/// and what does not fit is a decode error that keeps the answer whole.
#[test]
fn integers_beyond_i64_or_f64_are_never_rounded() {
    let cases = [
        ("1e20", None),
        ("-9223372036854775809", None),
        ("9223372036854775808.0", None),
        ("385828.5", None),
        ("9007199254740993.0", Some(9_007_199_254_740_993)),
        ("9223372036854775807.00", Some(i64::MAX)),
    ];
    for (written, read) in cases {
        let body = PERSON_201.replace("\"id\": 385828", &format!("\"id\": {written}"));
        assert_ne!(body, PERSON_201, "the fixture's id moved");
        let server = FakeServer::builder()
            .route(Method::POST, "/api/people", move |_| status(201, &body))
            .start()
            .unwrap();
        for response in send_both(&server.url(), person(Some(true))) {
            match (response, read) {
                (Ok(create_person::Response::Created(reply)), Some(id)) => {
                    assert_eq!(reply.body.id, id, "{written}")
                }
                (Err(e), None) => {
                    let raw = e.raw_response().expect("the answer is kept");
                    assert_eq!(raw.status(), 201);
                    assert!(raw.text().contains(written), "{written}: {}", raw.text());
                }
                (other, _) => panic!("{written}: {other:?}"),
            }
        }
    }
}

/// Every slug of the page, the uncommon ones included, under its documented
/// code, under a code it does not document, and under 200.
#[test]
fn every_planocore_slug_lands_in_its_variant() {
    let slugs: [(&str, Option<u16>); 15] = [
        ("action-successful", Some(200)),
        ("invalid-token", Some(401)),
        ("session-expired", Some(401)),
        ("client-required", Some(401)),
        ("missing-param", Some(400)),
        ("invalid-param", Some(400)),
        ("application-crash", Some(500)),
        ("mandrill-email-failed", Some(500)),
        ("invalid-content-type", Some(400)),
        ("route-non-existent", Some(500)),
        ("no-params-decoded", None),
        ("invalid-encoded-params", None),
        ("route-not-found", None),
        ("identify-request-error", None),
        ("service-not-found", None),
    ];
    let server = Scripted::start("/api/v1/photographers/create");
    for (slug, code) in slugs {
        for sent_code in [code.unwrap_or(422), 418, 200] {
            server.answer(
                sent_code,
                &format!(r#"{{"status":"{slug}","session":{{"id":"s1"}}}}"#),
            );
            for response in send_both(&server.url(), photographer()) {
                let response = response.unwrap();
                assert_eq!(response.name(), slug, "HTTP {sent_code}");
                assert_eq!(response.http_status(), sent_code);
                assert_eq!(response.is_success(), slug == "action-successful");
            }
        }
    }
    assert!(matches!(
        create_photographer::Request::from_http_response(status(401, r#"{"status":"client-required","session":{"token":"t"}}"#)).unwrap(),
        create_photographer::Response::ClientRequired(r) if r.body.session == Some(serde_json::json!({"token": "t"}))
    ));
}

#[test]
fn undocumented_planocore_answers_are_kept_whole() {
    let cases: [(u16, &str); 4] = [
        // A slug the spec does not know, even under the code of a documented one.
        (200, r#"{"status":"brand-new-slug","data":1}"#),
        (503, r#"{"status":"maintenance"}"#),
        // No slug, and a code several responses share.
        (401, "<html>Unauthorized</html>"),
        (502, ""),
    ];
    let server = Scripted::start("/api/v1/photographers/create");
    for (code, body) in cases {
        server.answer(code, body);
        for response in send_both(&server.url(), photographer()) {
            match response.unwrap() {
                create_photographer::Response::Unknown(raw) => {
                    assert_eq!(raw.status(), code);
                    assert_eq!(raw.body(), body.as_bytes());
                    assert_eq!(raw.headers()["x-request-id"], "r-1");
                }
                other => panic!("HTTP {code} {body:?}: expected Unknown, got {other:?}"),
            }
        }
    }
}

#[test]
fn a_documented_answer_that_does_not_fit_is_a_decode_error_keeping_the_raw_response() {
    let cases: [(u16, &str); 3] = [
        // The documented 200, but not JSON: rule 2 matches it, decoding fails.
        (200, "not json at all"),
        // A slug with a body of the wrong shape.
        (
            200,
            r#"{"status":"action-successful","extra":{"nested":true},"session":"x","data":[1]}"#,
        ),
        (401, r#"{"status":["invalid-token"]}"#),
    ];
    let server = Scripted::start("/api/v1/photographers/create");
    // The second body fits (extra keys are kept), so it is the control case.
    server.answer(cases[1].0, cases[1].1);
    for response in send_both(&server.url(), photographer()) {
        assert_eq!(response.unwrap().name(), "action-successful");
    }
    for (code, body) in [cases[0], cases[2]] {
        server.answer(code, body);
        for response in send_both(&server.url(), photographer()) {
            match response {
                Err(error @ Error::Decode(_)) => {
                    let raw = error.raw_response().unwrap();
                    assert_eq!(raw.status(), code);
                    assert_eq!(raw.body(), body.as_bytes());
                    assert!(!error.to_string().contains("hunter2"));
                }
                // {"status": [..]} carries no slug: 401 is shared, so Unknown.
                Ok(create_photographer::Response::Unknown(raw)) if code == 401 => {
                    assert_eq!(raw.body(), body.as_bytes());
                }
                other => panic!("HTTP {code} {body:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn undocumented_cloudcard_answers_are_kept_whole() {
    let cases: [(u16, &str); 4] = [
        (400, r#"{"message":"email is required"}"#),
        (401, r#"{"message":"bad token"}"#),
        (500, "Internal Server Error"),
        (204, ""),
    ];
    let server = Scripted::start("/api/people");
    for (code, body) in cases {
        server.answer(code, body);
        for response in send_both(&server.url(), person(None)) {
            let create_person::Response::Unknown(raw) = response.unwrap() else {
                panic!("HTTP {code}: expected Unknown")
            };
            assert_eq!((raw.status(), raw.body()), (code, body.as_bytes()));
        }
    }
    // Documented codes whose bodies or headers do not fit: decode errors, raw kept.
    for (code, body) in [
        (201, "{\"id\":\"not a number\"}"),
        (201, ""),
        (201, "<html>"),
        (202, ""),
    ] {
        server.answer(code, body);
        for response in send_both(&server.url(), person(Some(true))) {
            let Err(error) = response else {
                panic!("HTTP {code} {body:?}: expected a decode error")
            };
            let raw = error
                .raw_response()
                .expect("decode errors keep the response");
            assert_eq!((raw.status(), raw.body()), (code, body.as_bytes()));
            if code == 202 {
                assert!(
                    error.to_string().contains("`Location` is missing"),
                    "{error}"
                );
            }
        }
    }
}

#[test]
fn an_invalid_request_never_reaches_the_server() {
    let server = FakeServer::builder().start().unwrap();
    let bad = create_photographer::Request {
        email: "not an email".into(),
        application: Some(create_photographer::Application::Other("x".into())),
        ..photographer()
    };
    for response in send_both(&server.url(), bad) {
        let error = response.unwrap_err();
        let errors = error.validation_errors().expect("a validation error");
        assert_eq!(errors.len(), 2);
        let text = error.to_string();
        assert!(text.contains("`email` must be an email address"), "{text}");
        assert!(
            !text.contains("hunter2") && !text.contains("tok-123"),
            "{text}"
        );
    }
    assert_eq!(server.connections(), 0);
    assert!(server.requests().is_empty());
}

#[test]
fn pre_send_validation_can_be_turned_off() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", |_| {
            status(400, r#"{"message":"no"}"#)
        })
        .start()
        .unwrap();
    let bad = create_person::Request {
        email: "not an email".into(),
        ..person(None)
    };
    let responses = send_both_with(
        &server.url(),
        bad,
        |b| b.validate_before_send(false),
        |b| b.validate_before_send(false),
    );
    for response in responses {
        assert_eq!(response.unwrap().http_status(), 400);
    }
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn timeouts_are_their_own_error() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", |_| {
            std::thread::sleep(Duration::from_millis(1500));
            status(202, "")
        })
        .start()
        .unwrap();
    let short = Duration::from_millis(200);
    let responses = send_both_with(
        &server.url(),
        person(None),
        |b| b.timeout(short),
        |b| b.timeout(short),
    );
    for response in responses {
        assert!(matches!(response, Err(Error::Timeout)), "{response:?}");
    }
}

#[test]
fn bodies_over_the_cap_are_their_own_error() {
    let big = format!(
        r#"{{"status":"action-successful","data":"{}"}}"#,
        "x".repeat(300_000)
    );
    let server = FakeServer::builder()
        .route(Method::POST, "/api/v1/photographers/create", move |_| {
            status(200, &big)
        })
        .start()
        .unwrap();
    let cap = 100_000;
    let responses = send_both_with(
        &server.url(),
        photographer(),
        |b| b.max_body_size(cap),
        |b| b.max_body_size(cap),
    );
    for response in responses {
        assert!(
            matches!(response, Err(Error::BodyTooLarge { limit: 100_000 })),
            "{response:?}"
        );
    }
    // Under the default cap the same answer decodes.
    for response in send_both(&server.url(), photographer()) {
        assert_eq!(response.unwrap().name(), "action-successful");
    }
}

#[test]
fn base_urls_with_a_prefix_or_a_trailing_slash_work() {
    let server = FakeServer::builder()
        .route(Method::POST, "/v2/api/people", |_| {
            let mut response = status(202, "");
            response
                .headers_mut()
                .insert("Location", "/people/1".parse().unwrap());
            response
        })
        .start()
        .unwrap();
    for base in [
        format!("{}/v2", server.url()),
        format!("{}/v2/", server.url()),
    ] {
        for response in send_both(&base, person(None)) {
            assert_eq!(response.unwrap().name(), "accepted");
        }
    }
    for response in send_both("not a url", person(None)) {
        assert!(matches!(response, Err(Error::Encode(_))), "{response:?}");
    }
}

#[test]
fn default_headers_travel_unless_the_request_sets_them() {
    let server = FakeServer::builder()
        .route(Method::GET, "/people/{email}/photos", |_| {
            status(200, r#"["a.jpg"]"#)
        })
        .start()
        .unwrap();
    let request = lookup::Request {
        email: "x@y.z".into(),
        tag: None,
        limit: None,
        x_trace: Some("from-request".into()),
        x_api_key: "k".into(),
    };
    let name = http::HeaderName::from_static("x-trace");
    let value = http::HeaderValue::from_static("from-client");
    let agent = http::HeaderName::from_static("x-agent");
    let responses = send_both_with(
        &server.url(),
        request,
        |b| {
            b.default_header(name.clone(), value.clone())
                .default_header(agent.clone(), "e/1".parse().unwrap())
        },
        |b| {
            b.default_header(name.clone(), value.clone())
                .default_header(agent.clone(), "e/1".parse().unwrap())
        },
    );
    for response in responses {
        assert_eq!(response.unwrap().name(), "ok");
    }
    for request in server.requests() {
        assert_eq!(header(&request, "x-trace"), Some("from-request"));
        assert_eq!(header(&request, "x-agent"), Some("e/1"));
    }
}

#[test]
fn path_params_arrays_and_headers_reach_the_server_intact() {
    let server = FakeServer::builder()
        .route(Method::GET, "/people/{email}/photos", |_| {
            status(200, r#"["a.jpg","b.jpg"]"#)
        })
        .start()
        .unwrap();
    let request = lookup::Request {
        email: "a/b c@é.fr".into(),
        tag: Some(vec!["x y".into(), "z&w".into()]),
        limit: Some(5),
        x_trace: None,
        x_api_key: "key-1".into(),
    };
    for response in send_both(&server.url(), request) {
        let lookup::Response::Ok(reply) = response.unwrap() else {
            panic!("expected ok")
        };
        assert_eq!(reply.body, ["a.jpg", "b.jpg"]);
    }
    for request in server.requests() {
        assert_eq!(request.method(), Method::GET);
        assert_eq!(request.uri().path(), "/people/a%2Fb%20c%40%C3%A9.fr/photos");
        assert_eq!(request.uri().query(), Some("tag=x%20y&tag=z%26w&limit=5"));
        assert_eq!(header(&request, "x-api-key"), Some("key-1"));
        assert!(request.headers().get("x-trace").is_none());
        assert!(request.body().is_empty());
        assert!(request.headers().get("content-type").is_none());
    }
}

#[test]
fn form_and_base64_bodies_on_the_wire() {
    let server = FakeServer::builder()
        .route(Method::POST, "/forms", |_| status(201, ""))
        .route(Method::POST, "/secure", |_| status(200, "{}"))
        .start()
        .unwrap();
    let form = submit_form::Request {
        title: "a b&c".into(),
        meta: Some(BTreeMap::from([("k".to_string(), "v".to_string())])),
        tags: Some(vec!["x".into(), "y".into()]),
        scores: None,
        counts: vec![3],
        draft: Some(true),
        lines: None,
    };
    for response in send_both(&server.url(), form) {
        assert_eq!(response.unwrap().name(), "created");
    }
    let encoded = submit_encoded::Request {
        user: "ann".into(),
        password: "correct horse".into(),
        extra: BTreeMap::from([("device".to_string(), serde_json::json!("phone"))]),
    };
    for response in send_both(&server.url(), encoded) {
        assert_eq!(response.unwrap().name(), "ok");
    }
    let requests = server.requests();
    for request in &requests[..2] {
        assert_eq!(request.uri().query(), Some("draft=true"));
        assert_eq!(
            header(request, "content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            "title=a%20b%26c&meta%5Bk%5D=v&tags%5B0%5D=x&tags%5B1%5D=y&counts%5B0%5D=3"
        );
    }
    for request in &requests[2..] {
        assert_eq!(header(request, "content-type"), Some("text/plain"));
        // base64 of {"user":"ann","password":"correct horse","device":"phone"}
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            "eyJ1c2VyIjoiYW5uIiwicGFzc3dvcmQiOiJjb3JyZWN0IGhvcnNlIiwiZGV2aWNlIjoicGhvbmUifQ=="
        );
    }
}

#[test]
fn a_closure_is_a_transport() {
    let seen: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let client = endpoints::blocking::Client::builder("https://api.onlinephotosubmission.com")
        .build_with_transport(move |request: http::Request<Vec<u8>>| {
            log.lock().unwrap().push(request.uri().to_string());
            Ok(status(500, "down"))
        });
    let response = client.send(person(None)).unwrap();
    assert_eq!(response.http_status(), 500);
    assert_eq!(
        *seen.lock().unwrap(),
        ["https://api.onlinephotosubmission.com/api/people?sendInvitation=false"]
    );

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder("https://planocore.planomatic.com")
        .build_with_transport(|request: http::Request<Vec<u8>>| async move {
            assert_eq!(request.uri().path(), "/api/v1/photographers/create");
            Ok(status(200, r#"{"status":"invalid-token"}"#))
        });
    let response = runtime.block_on(client.send(photographer())).unwrap();
    assert_eq!(response.name(), "invalid-token");
}

#[test]
fn redirects_are_answers_not_detours() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/people", |_| {
            let mut response = status(302, "");
            response
                .headers_mut()
                .insert("Location", "/elsewhere".parse().unwrap());
            response
        })
        .route(Method::GET, "/elsewhere", |_| status(200, "{}"))
        .start()
        .unwrap();
    for response in send_both(&server.url(), person(None)) {
        let create_person::Response::Unknown(raw) = response.unwrap() else {
            panic!("expected Unknown")
        };
        assert_eq!(raw.status(), 302);
        assert_eq!(raw.headers()["location"], "/elsewhere");
    }
    assert!(server
        .requests()
        .iter()
        .all(|r| r.uri().path() == "/api/people"));
}

#[test]
fn clients_are_cheap_to_clone_and_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<endpoints::Client>();
    assert_send_sync::<endpoints::blocking::Client>();
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<Error>();
    let server = FakeServer::builder()
        .route(Method::POST, "/api/v1/photographers/create", |_| {
            status(200, r#"{"status":"action-successful"}"#)
        })
        .start()
        .unwrap();
    let client = endpoints::blocking::Client::new(server.url());
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            std::thread::spawn(move || client.send(photographer()).unwrap().name())
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap(), "action-successful");
    }
    assert_eq!(server.requests().len(), 4);
}
