//! Catch-all responses (`"4XX"`, `"5xx"`, `"default"`), with both clients
//! against the fake server on 127.0.0.1: the exact code first, then the
//! class, then `default`, each with its typed body and the status sent.

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::Method;
use endpoints::{Endpoint, EndpointResponse, Fallback};

mod support;

endpoints::endpoint!("tests/specs/get_order.json");

use get_order::{Request, Response};

/// The answer of a server that sends `status` with `body`, through both
/// clients.
fn answer(status: u16, body: &'static str) -> [Response; 2] {
    let server = FakeServer::builder()
        .route(Method::GET, "/orders/{id}", move |_| {
            json_response(status, body)
        })
        .start()
        .unwrap();
    support::send_both_with(&server.url(), Request { id: 7 }, |b| b, |b| b)
        .map(|r| r.unwrap_or_else(|e| panic!("HTTP {status}: {e}")))
}

#[test]
fn exact_codes_come_before_their_class() {
    for response in answer(200, r#"{"id": 7, "state": "open"}"#) {
        let Response::Ok(reply) = response else {
            panic!("{response:?}")
        };
        assert_eq!(
            (reply.body.id, reply.body.state.as_deref()),
            (7, Some("open"))
        );
    }
    for response in answer(404, "") {
        assert!(matches!(response, Response::NotFound(_)), "{response:?}");
    }
}

#[test]
fn a_class_takes_the_statuses_no_response_has_exactly() {
    for status in [400, 418, 429, 499] {
        for response in answer(status, r#"{"title": "no", "status": 4}"#) {
            let Response::ClientError(reply) = &response else {
                panic!("HTTP {status}: {response:?}")
            };
            // The status the server sent, not the class.
            assert_eq!(reply.status, status);
            assert_eq!(reply.body.title, "no");
            assert_eq!(response.name(), "client_error");
            assert!(!response.is_success());
        }
    }
    for response in answer(503, r#"{"title": "later"}"#) {
        let Response::ServerError(reply) = response else {
            panic!("{response:?}")
        };
        assert_eq!((reply.status, reply.body.title.as_str()), (503, "later"));
    }
}

#[test]
fn default_takes_the_rest_and_a_body_that_does_not_fit_keeps_the_answer() {
    for response in answer(302, r#"{"moved": true}"#) {
        let Response::Other(reply) = response else {
            panic!("{response:?}")
        };
        assert_eq!(reply.status, 302);
        assert_eq!(reply.body["moved"], true);
    }
    // A 4xx whose body is not a `Problem`: a decode error keeping it whole.
    let server = FakeServer::builder()
        .route(Method::GET, "/orders/{id}", |_| {
            json_response(409, r#"{"oops": 1}"#)
        })
        .start()
        .unwrap();
    for result in support::send_both_with(&server.url(), Request { id: 7 }, |b| b, |b| b) {
        let error = result.unwrap_err();
        let raw = error.raw_response().expect("the answer is kept");
        assert_eq!(raw.status(), 409);
        assert!(error.to_string().contains("client_error"), "{error}");
    }
}

#[test]
fn the_table_says_what_each_catch_all_stands_for() {
    let table = <Response as EndpointResponse>::RESPONSES;
    let fallbacks: Vec<_> = table.iter().map(|r| (r.name, r.code, r.fallback)).collect();
    assert_eq!(
        fallbacks,
        [
            ("ok", Some(200), None),
            ("not_found", Some(404), None),
            ("client_error", None, Some(Fallback::Class(4))),
            ("server_error", None, Some(Fallback::Class(5))),
            ("other", None, Some(Fallback::Default)),
        ]
    );
    assert!(<Request as Endpoint>::RESPONSES[0].success);
    assert!(!table[4].success);
}

/// A catch-all reply goes back on the wire with the status it came with.
#[test]
fn a_catch_all_reply_is_written_with_its_own_status() {
    let reply = Response::ClientError(endpoints::Reply {
        status: 422,
        body: get_order::Problem {
            title: "bad".into(),
            status: Some(422),
        },
    });
    let http = reply.to_http_response();
    assert_eq!(http.status(), 422);
    let back = Request::from_http_response(http).unwrap();
    assert_eq!(back, reply);
}
