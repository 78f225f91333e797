//! Fixed params (`"const"`): endpoints of one directory that share a
//! method and path, told apart by a header (`X-Amz-Target`), query values
//! (`?Action=ListThings`), a query key alone (`?acl`) or none at all. Both
//! clients send each one's fixed params, the fake server on 127.0.0.1
//! routes each request to its own endpoint's handler, and the server side
//! refuses a request whose fixed param is missing or another, by name.

use std::io::{Read, Write};

use endpoints::fake::FakeServer;
use endpoints::http;
use endpoints::server::In;
use endpoints::{Endpoint, Reply, RequestError};

mod support;
use support::{raw_request, send_both_with};

endpoints::endpoint!("tests/specs/fixed");

/// An echo that names the endpoint whose handler answered.
fn answered_by(name: &str) -> Echo {
    Echo {
        method: name.to_string(),
        url: None,
        headers: None,
        args: None,
        json: endpoints::Nullable::Absent,
    }
}

fn server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<get_thing::Request, _>(|r| {
            assert_eq!(r.key, "k1");
            get_thing::Response::Ok(Reply {
                status: 200,
                body: answered_by("get_thing"),
            })
        })
        .endpoint::<put_thing::Request, _>(|r| {
            assert_eq!((r.key.as_str(), r.value.as_str()), ("k1", "v1"));
            put_thing::Response::Ok(Reply {
                status: 200,
                body: answered_by("put_thing"),
            })
        })
        // The endpoint that fixes nothing comes first: a request that
        // carries another's fixed params still goes to that one.
        .endpoint::<list_all::Request, _>(|_| {
            list_all::Response::Ok(Reply {
                status: 200,
                body: answered_by("list_all"),
            })
        })
        .endpoint::<list_things::Request, _>(|r| {
            assert_eq!(r.max_results, Some(5));
            list_things::Response::Ok(Reply {
                status: 200,
                body: answered_by("list_things"),
            })
        })
        .endpoint::<list_tagged::Request, _>(|r| {
            assert_eq!(r.tag, "red");
            list_tagged::Response::Ok(Reply {
                status: 200,
                body: answered_by("list_tagged"),
            })
        })
        .endpoint::<list_owned::Request, _>(|r| {
            assert_eq!(r.x_owner, "ann");
            list_owned::Response::Ok(Reply {
                status: 200,
                body: answered_by("list_owned"),
            })
        })
        .endpoint::<analyze_url::Request, _>(|r| {
            assert_eq!(r.url, "https://example.com/cat.png");
            analyze_url::Response::Ok(Reply {
                status: 200,
                body: answered_by("analyze_url"),
            })
        })
        .endpoint::<analyze_image::Request, _>(|r| {
            assert_eq!(r.image.as_ref(), b"\x89PNG");
            analyze_image::Response::Ok(Reply {
                status: 200,
                body: answered_by("analyze_image"),
            })
        })
        .endpoint::<get_things_acl::Request, _>(|_| {
            get_things_acl::Response::Ok(Reply {
                status: 200,
                body: answered_by("get_things_acl"),
            })
        })
        .start()
        .unwrap()
}

/// The name of the handler that answered, through both clients.
fn handlers<E>(server: &FakeServer, request: E) -> [String; 2]
where
    E: Endpoint + Clone + Send + 'static,
    E::Response: Send + std::fmt::Debug,
    E::Response: Into<Option<Echo>>,
{
    send_both_with(&server.url(), request, |b| b, |b| b).map(|r| {
        let response = r.unwrap();
        let shown = format!("{response:?}");
        let echo: Option<Echo> = response.into();
        echo.unwrap_or_else(|| panic!("not a documented answer: {shown}"))
            .method
    })
}

// The endpoints share one fragment, so one response enum.
impl From<get_thing::Response> for Option<Echo> {
    fn from(response: get_thing::Response) -> Self {
        match response {
            get_thing::Response::Ok(reply) => Some(reply.body),
            get_thing::Response::Unknown(_) => None,
        }
    }
}

#[test]
fn endpoints_on_one_route_are_told_apart_by_the_params_they_require() {
    let server = server();
    let tagged = list_tagged::Request::builder()
        .tag("red")
        .prefix("a")
        .build();
    assert_eq!(handlers(&server, tagged), ["list_tagged", "list_tagged"]);
    let owned = list_owned::Request::builder().x_owner("ann").build();
    assert_eq!(handlers(&server, owned), ["list_owned", "list_owned"]);
    // Without `tag`, `prefix` alone: the endpoint that requires nothing.
    let all = list_all::Request::builder().prefix("a").build();
    assert_eq!(handlers(&server, all), ["list_all", "list_all"]);
}

#[test]
fn endpoints_on_one_route_are_told_apart_by_their_bodies_media_types() {
    let server = server();
    let url = analyze_url::Request::builder()
        .url("https://example.com/cat.png")
        .build();
    assert_eq!(handlers(&server, url), ["analyze_url", "analyze_url"]);
    // The endpoint listed second, chosen by the `Content-Type` it sends.
    let image = analyze_image::Request::builder()
        .image(endpoints::Bytes::from(b"\x89PNG".to_vec()))
        .details("all")
        .build();
    assert_eq!(handlers(&server, image), ["analyze_image", "analyze_image"]);
    // A body of neither media type goes to the first, which refuses it.
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    write!(
        stream,
        "POST /anything/analyze HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: text/csv\r\nContent-Length: 3\r\n\r\na,b",
        server.addr()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("text/csv"), "{answer}");
}

#[test]
fn endpoints_on_one_route_are_each_answered_by_their_own_handler() {
    let server = server();
    let get = get_thing::Request::builder().key("k1").build();
    let put = put_thing::Request::builder().key("k1").value("v1").build();
    assert_eq!(handlers(&server, get), ["get_thing", "get_thing"]);
    assert_eq!(handlers(&server, put), ["put_thing", "put_thing"]);
    let list = list_things::Request::builder().max_results(5).build();
    assert_eq!(handlers(&server, list), ["list_things", "list_things"]);
    let acl = get_things_acl::Request::builder().build();
    assert_eq!(handlers(&server, acl), ["get_things_acl", "get_things_acl"]);
    let all = list_all::Request::builder().prefix("a").build();
    assert_eq!(handlers(&server, all), ["list_all", "list_all"]);

    // On the wire: the header, the query's pairs and its lone key, the
    // cookie, each exactly once, the fixed ones first.
    let sent = server.requests();
    assert_eq!(sent.len(), 10);
    let targets: Vec<Vec<&str>> = sent
        .iter()
        .map(|r| {
            r.headers()
                .get_all("x-amz-target")
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(targets[0], ["Things_20240101.GetThing"]);
    assert_eq!(targets[2], ["Things_20240101.PutThing"]);
    assert!(targets[4..].iter().all(Vec::is_empty), "{targets:?}");
    let queries: Vec<String> = sent
        .iter()
        .map(|r| r.uri().path_and_query().unwrap().to_string())
        .collect();
    assert_eq!(
        queries[4..],
        [
            "/anything/things?Action=ListThings&Version=2024-01-01&MaxResults=5",
            "/anything/things?Action=ListThings&Version=2024-01-01&MaxResults=5",
            "/anything/things?acl",
            "/anything/things?acl",
            "/anything/things?prefix=a",
            "/anything/things?prefix=a",
        ]
    );
    assert_eq!(sent[4].headers()[http::header::COOKIE], "api=2");
    assert!(!sent[8].headers().contains_key(http::header::COOKIE));
}

#[test]
fn a_request_with_a_wrong_or_missing_fixed_value_is_refused_by_name() {
    let server = server();
    let post = |target: Option<&str>| {
        let mut request = raw_request(
            "POST",
            "/anything/things",
            Some("application/json"),
            br#"{"Key":"k1"}"#,
        );
        if let Some(target) = target {
            request
                .headers_mut()
                .insert("x-amz-target", target.parse().unwrap());
        }
        request
    };
    // The server side of one endpoint.
    match get_thing::Request::from_http_request(&post(Some("Things_20240101.DeleteThing"))) {
        Err(RequestError::Malformed { param, message }) => {
            assert_eq!(param, "X-Amz-Target");
            assert!(
                message.contains("`get_thing`") && message.contains("Things_20240101.GetThing"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    match get_thing::Request::from_http_request(&post(None)) {
        Err(RequestError::Missing { param, location }) => {
            assert_eq!((param.as_str(), location), ("X-Amz-Target", In::Header));
        }
        other => panic!("{other:?}"),
    }
    // A header sent twice is not the one value.
    let mut twice = post(Some("Things_20240101.GetThing"));
    twice
        .headers_mut()
        .append("x-amz-target", "Things_20240101.GetThing".parse().unwrap());
    assert!(matches!(
        get_thing::Request::from_http_request(&twice),
        Err(RequestError::Malformed { param, .. }) if param == "X-Amz-Target"
    ));
    // The fake server: an action no endpoint has, or none, is refused by
    // the route's first endpoint, naming the header.
    for (target, says) in [
        (Some("Things_20240101.DeleteThing"), "is not valid"),
        (None, "is missing"),
    ] {
        let (status, body) = post_raw(&server, target);
        assert_eq!(status, 400, "{body}");
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        let message = body["message"].as_str().unwrap();
        assert!(
            message.contains("`X-Amz-Target`") && message.contains(says),
            "{message}"
        );
    }
    // A query value other than the spec's.
    let wrong = list_things::Request::from_http_request(&raw_request(
        "GET",
        "/anything/things?Action=DeleteThings&Version=2024-01-01",
        None,
        b"",
    ));
    assert!(
        matches!(&wrong, Err(RequestError::Malformed { param, .. }) if param == "Action"),
        "{wrong:?}"
    );
}

#[test]
fn one_endpoint_alone_refuses_another_action_instead_of_serving_it() {
    let server = FakeServer::builder()
        .endpoint::<get_thing::Request, _>(|_| {
            get_thing::Response::Ok(Reply {
                status: 200,
                body: answered_by("get_thing"),
            })
        })
        .start()
        .unwrap();
    let put = put_thing::Request::builder().key("k1").value("v1").build();
    for response in send_both_with(&server.url(), put, |b| b, |b| b) {
        let response = response.unwrap();
        let put_thing::Response::Unknown(raw) = &response else {
            panic!("{response:?}");
        };
        assert_eq!(raw.status(), 400);
        let body = String::from_utf8_lossy(raw.body());
        assert!(body.contains("X-Amz-Target"), "{body}");
    }
}

/// A `POST /anything/things` written by hand, with `X-Amz-Target` set to
/// `target` (or left out): the status and body the fake answers.
fn post_raw(server: &FakeServer, target: Option<&str>) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    let body = r#"{"Key":"k1"}"#;
    let target = target.map_or(String::new(), |t| format!("X-Amz-Target: {t}\r\n"));
    write!(
        stream,
        "POST /anything/things HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{target}\r\n{body}",
        server.addr(),
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.split(' ').nth(1).unwrap().parse().unwrap();
    let (_, body) = answer.split_once("\r\n\r\n").unwrap();
    (status, body.to_string())
}
