//! Cookie params (`"in": "cookie"`): one `Cookie` header on the wire, the
//! values percent-encoded where RFC 6265 allows no raw byte, the credential
//! filled in and kept secret, and the server side reading them back by
//! name, with both clients against the fake server on 127.0.0.1.

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::{self, Method};
use endpoints::{Endpoint, RequestError};

mod support;

endpoints::endpoint!("tests/specs/get_dashboard.json");

use get_dashboard::{Request, Theme};

const SESSION: &str = "sess-8c1f29aa";

fn recording_server() -> FakeServer {
    FakeServer::builder()
        .route(
            Method::GET,
            "/dashboard",
            |request| match Request::from_http_request(&request) {
                Ok(_) => json_response(200, "{}"),
                Err(e) => json_response(
                    400,
                    &serde_json::json!({ "error": e.to_string() }).to_string(),
                ),
            },
        )
        .start()
        .unwrap()
}

fn cookie_header(request: &http::Request<Vec<u8>>) -> Vec<String> {
    request
        .headers()
        .get_all(http::header::COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

#[test]
fn cookies_travel_in_one_header_and_read_back() {
    let server = recording_server();
    let request = Request {
        session_id: None,
        theme: Some(Theme::Dark),
        tz: Some("Europe/Paris; x=1 \"q\" é".into()),
        limit: Some(5),
    };
    let sent = support::send_both_with(
        &server.url(),
        request,
        |b| b.credential(SESSION),
        |b| b.credential(SESSION),
    );
    for response in sent {
        assert!(matches!(response.unwrap(), get_dashboard::Response::Ok(_)));
    }
    for request in server.requests() {
        assert_eq!(
            cookie_header(&request),
            ["session_id=sess-8c1f29aa; theme=dark; tz=Europe/Paris%3B%20x=1%20%22q%22%20%C3%A9"]
        );
        assert_eq!(request.uri().query(), Some("limit=5"));
        // The server side reads each back, decoded.
        let read = Request::from_http_request(&request).unwrap();
        assert_eq!(read.session_id.as_deref(), Some(SESSION));
        assert_eq!(read.theme, Some(Theme::Dark));
        assert_eq!(read.tz.as_deref(), Some("Europe/Paris; x=1 \"q\" é"));
    }
}

/// A cookie given once on the client (`default_header`) travels beside the
/// spec's cookie params; where both name one, the request's wins.
#[test]
fn a_default_cookie_header_is_merged_not_dropped() {
    let server = recording_server();
    let blocking = endpoints::blocking::Client::builder(server.url())
        .credential(SESSION)
        .default_header(
            http::header::COOKIE,
            http::HeaderValue::from_static("tracking=abc; theme=light"),
        )
        .build();
    let request = Request {
        session_id: None,
        theme: Some(Theme::Dark),
        tz: None,
        limit: None,
    };
    assert!(matches!(
        blocking.send(request).unwrap(),
        get_dashboard::Response::Ok(_)
    ));
    let sent = server.requests();
    assert_eq!(
        cookie_header(&sent[0]),
        ["session_id=sess-8c1f29aa; theme=dark; tracking=abc"]
    );
}

#[test]
fn the_credential_cookie_is_secret_and_required() {
    // Marked sensitive on the wire, as a sensitive header is.
    let request = Request {
        session_id: Some(SESSION.into()),
        theme: None,
        tz: None,
        limit: None,
    };
    let http = request.to_http_request("http://127.0.0.1").unwrap();
    let cookie = http.headers().get(http::header::COOKIE).unwrap();
    assert!(cookie.is_sensitive());
    assert_eq!(cookie, "session_id=sess-8c1f29aa");
    assert!(!format!("{request:?}").contains(SESSION));

    // Without it, a server refuses by name; a client refuses before sending.
    let bare = http::Request::builder()
        .uri("/dashboard")
        .header("cookie", "theme=light")
        .body(Vec::new())
        .unwrap();
    match Request::from_http_request(&bare) {
        Err(RequestError::Missing { param, location }) => {
            assert_eq!((param.as_str(), location.name()), ("session_id", "cookie"))
        }
        other => panic!("{other:?}"),
    }
    let short = http::Request::builder()
        .uri("/dashboard")
        .header("cookie", "session_id=short; theme=dusk")
        .body(Vec::new())
        .unwrap();
    let Err(RequestError::Invalid(errors)) = Request::from_http_request(&short) else {
        panic!("expected the rules broken")
    };
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["session_id", "theme"]);
    let server = recording_server();
    let unsent = Request {
        session_id: None,
        theme: None,
        tz: None,
        limit: None,
    };
    let blocking = endpoints::blocking::Client::new(server.url());
    let error = blocking.send(unsent).unwrap_err();
    assert!(error.to_string().contains("session_id"), "{error}");
    assert!(server.requests().is_empty());
}
