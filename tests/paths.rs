//! Path segments that hold placeholders and literal text together
//! (`/files/{name}.{ext}`, `/v1/{project}:run`, `/range/r{from}-{to}.json`):
//! both clients write them byte for byte, a value's separator characters
//! percent-encoded, and the fake server on 127.0.0.1 splits them back into
//! the values sent.

use std::io::{Read, Write};

use endpoints::fake::FakeServer;
use endpoints::{Endpoint, Reply, RequestError};

mod support;
use support::send_both_with as send_both;

endpoints::endpoint!("tests/specs/get_file_part.json");
endpoints::endpoint!("tests/specs/run_project.json");
endpoints::endpoint!("tests/specs/get_range.json");

/// Answers each endpoint with the values its path carried.
fn echo_server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<get_file_part::Request, _>(|request| {
            get_file_part::Response::Found(Reply {
                status: 200,
                body: get_file_part::Part {
                    name: request.name,
                    ext: request.ext,
                },
            })
        })
        .endpoint::<run_project::Request, _>(|request| {
            run_project::Response::Started(Reply {
                status: 200,
                body: run_project::Run {
                    project: request.project,
                    args: request.args,
                },
            })
        })
        .endpoint::<get_range::Request, _>(|request| {
            get_range::Response::Ok(Reply {
                status: 200,
                body: get_range::Span {
                    from: request.from,
                    to: request.to,
                },
            })
        })
        .start()
        .unwrap()
}

fn sent_paths(server: &FakeServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| r.uri().path_and_query().unwrap().to_string())
        .collect()
}

#[test]
fn values_holding_the_separator_travel_escaped_and_come_back_whole() {
    let server = echo_server();
    for (name, ext, path) in [
        (
            "report.final",
            "tar.gz",
            "/files/report%2Efinal.tar%2Egz?part=2",
        ),
        ("a b", "x", "/files/a%20b.x?part=2"),
        (".", "..", "/files/%2E.%2E%2E?part=2"),
    ] {
        let request = get_file_part::Request {
            name: name.into(),
            ext: ext.into(),
            part: Some(2),
        };
        for response in send_both(&server.url(), request, |b| b, |b| b) {
            let get_file_part::Response::Found(reply) = response.unwrap() else {
                panic!("not found")
            };
            assert_eq!(
                (reply.body.name.as_str(), reply.body.ext.as_str()),
                (name, ext)
            );
        }
        assert_eq!(
            sent_paths(&server)[sent_paths(&server).len() - 2..],
            [path, path]
        );
    }
}

#[test]
fn a_custom_method_after_a_placeholder_keeps_its_colon() {
    let server = echo_server();
    let request = run_project::Request {
        project: "acme:prod.eu".into(),
        args: vec!["--fast".into()],
    };
    for response in send_both(&server.url(), request, |b| b, |b| b) {
        let run_project::Response::Started(reply) = response.unwrap() else {
            panic!("not started")
        };
        assert_eq!(reply.body.project, "acme:prod.eu");
        assert_eq!(reply.body.args, ["--fast"]);
    }
    // Alone in its segment, the value needs no more than usual: `:` is
    // always escaped, `.` never.
    assert_eq!(
        sent_paths(&server),
        ["/v1/acme%3Aprod.eu:run", "/v1/acme%3Aprod.eu:run"]
    );
}

#[test]
fn integers_split_by_a_dash_keep_their_signs() {
    let server = echo_server();
    for (from, to, path) in [
        (-5, -1, "/range/r%2D5-%2D1.json"),
        (10, 20, "/range/r10-20.json"),
    ] {
        let request = get_range::Request { from, to };
        for response in send_both(&server.url(), request, |b| b, |b| b) {
            let get_range::Response::Ok(reply) = response.unwrap() else {
                panic!("not ok")
            };
            assert_eq!((reply.body.from, reply.body.to), (from, to));
        }
        assert_eq!(
            sent_paths(&server)[sent_paths(&server).len() - 2..],
            [path, path]
        );
    }
}

/// A raw HTTP/1.1 request, as another client would write it: the status
/// and the body.
fn raw(server: &FakeServer, method: &str, target: &str) -> (u16, String) {
    let body = r#"{"args": []}"#;
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").unwrap().1.to_string();
    (status, body)
}

/// What the server side makes of paths other clients send: each
/// placeholder takes the shortest text that lets the rest match; literal
/// text that does not match is no route.
#[test]
fn the_server_side_splits_raw_paths_and_refuses_what_does_not_fit() {
    let server = echo_server();
    let json = |(status, body): (u16, String)| (status, serde_json::from_str(&body).unwrap());
    assert_eq!(
        json(raw(&server, "GET", "/files/a.tar.gz")),
        (200, serde_json::json!({"name": "a", "ext": "tar.gz"}))
    );
    assert_eq!(
        json(raw(&server, "GET", "/files/a%2Etar.gz")),
        (200, serde_json::json!({"name": "a.tar", "ext": "gz"}))
    );
    assert_eq!(
        json(raw(&server, "POST", "/v1/p%3A1:run")),
        (200, serde_json::json!({"project": "p:1", "args": []}))
    );
    for (method, target) in [
        ("POST", "/v1/p:stop"),
        ("POST", "/v1/:run"),
        ("GET", "/files/a"),
        ("GET", "/files/a."),
        ("GET", "/files/.gz"),
        ("GET", "/range/x1-2.json"),
        ("GET", "/range/r1-2.xml"),
    ] {
        assert_eq!(raw(&server, method, target).0, 404, "{method} {target}");
    }
    // `to` takes `2-3`, which is no integer: refused by name.
    let (status, body) = raw(&server, "GET", "/range/r1-2-3.json");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("`to`"), "{body}");

    // The same rules, without a server in between.
    let request = endpoints::http::Request::get("/v1/p:stop")
        .body(Vec::new())
        .unwrap();
    assert!(matches!(
        run_project::Request::from_http_request(&request),
        Err(RequestError::NotThisEndpoint)
    ));
}
