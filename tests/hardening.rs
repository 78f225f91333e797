//! What users put through the clients and what misbehaving servers do to
//! them: faults on the wire end in their typed error within the timeout,
//! one client carries many requests at once without mixing their answers,
//! and no `sensitive` value ever shows in output.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::Method;
use endpoints::{Endpoint, Error};

endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/search_with_key.json");
endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");

const TIMEOUT: Duration = Duration::from_millis(1500);
/// What a fault may take past the timeout: scheduling, not waiting.
const MARGIN: Duration = Duration::from_millis(1000);

/// A server on 127.0.0.1 that does `fault` to each of up to `connections`
/// connections, then stops.
fn faulty(connections: usize, fault: fn(TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections).flatten() {
            std::thread::spawn(move || fault(stream));
        }
    });
    url
}

/// Reads the request head, so the client is waiting for the answer.
fn read_head(stream: &mut TcpStream) {
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !seen.ends_with(b"\r\n\r\n") && seen.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => seen.push(byte[0]),
            _ => return,
        }
    }
}

fn lookup(email: &str) -> lookup::Request {
    lookup::Request {
        email: email.into(),
        tag: None,
        limit: None,
        x_trace: None,
        x_api_key: "sk-live-0123456789".into(),
    }
}

/// Sends one lookup through both clients; each outcome with how long it took.
fn both(url: &str) -> Vec<(Result<lookup::Response, Error>, Duration)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = endpoints::Client::builder(url).timeout(TIMEOUT).build();
    let started = Instant::now();
    let a = runtime.block_on(client.send(lookup("a@b.co")));
    let a = (a, started.elapsed());
    let client = endpoints::blocking::Client::builder(url)
        .timeout(TIMEOUT)
        .build();
    let started = Instant::now();
    let b = client.send(lookup("a@b.co"));
    vec![a, (b, started.elapsed())]
}

#[test]
fn a_connection_reset_mid_body_is_a_transport_error() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n[\"a\",");
        let _ = s.shutdown(std::net::Shutdown::Both);
    });
    for (outcome, took) in both(&url) {
        assert!(matches!(outcome, Err(Error::Transport(_))), "{outcome:?}");
        assert!(took < TIMEOUT + MARGIN, "{took:?}");
    }
}

#[test]
fn a_server_that_stalls_is_a_timeout() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        std::thread::sleep(TIMEOUT * 3);
    });
    for (outcome, took) in both(&url) {
        assert!(matches!(outcome, Err(Error::Timeout)), "{outcome:?}");
        assert!(took >= TIMEOUT && took < TIMEOUT + MARGIN, "{took:?}");
    }
}

#[test]
fn a_server_that_trickles_a_byte_a_second_is_a_timeout() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
        // Bounded: ten bytes, ten seconds at most.
        for _ in 0..10 {
            if s.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    for (outcome, took) in both(&url) {
        assert!(matches!(outcome, Err(Error::Timeout)), "{outcome:?}");
        assert!(took < TIMEOUT + MARGIN, "{took:?}");
    }
}

#[test]
fn garbage_instead_of_http_is_a_transport_error() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        let _ = s.write_all(b"SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n");
    });
    for (outcome, took) in both(&url) {
        assert!(matches!(outcome, Err(Error::Transport(_))), "{outcome:?}");
        assert!(took < TIMEOUT + MARGIN, "{took:?}");
    }
}

#[test]
fn a_body_over_the_cap_without_content_length_is_refused_as_it_streams() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        // Chunked: no length up front, so only counting can stop it.
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        let chunk = format!("{:x}\r\n{}\r\n", 4096, "x".repeat(4096));
        for _ in 0..64 {
            if s.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
        let _ = s.write_all(b"0\r\n\r\n");
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = endpoints::Client::builder(&url)
        .max_body_size(10_000)
        .build();
    let outcome = runtime.block_on(client.send(lookup("a@b.co")));
    assert!(
        matches!(outcome, Err(Error::BodyTooLarge { limit: 10_000 })),
        "{outcome:?}"
    );
    let client = endpoints::blocking::Client::builder(&url)
        .max_body_size(10_000)
        .build();
    let outcome = client.send(lookup("a@b.co"));
    assert!(
        matches!(outcome, Err(Error::BodyTooLarge { limit: 10_000 })),
        "{outcome:?}"
    );
}

#[test]
fn a_redirect_loop_is_one_answer_not_a_loop() {
    let url = faulty(2, |mut s| {
        read_head(&mut s);
        let _ = s.write_all(
            b"HTTP/1.1 302 Found\r\nLocation: /people/a%40b.co/photos\r\nContent-Length: 0\r\n\r\n",
        );
    });
    for (outcome, took) in both(&url) {
        let Ok(lookup::Response::Unknown(raw)) = outcome else {
            panic!("expected the 302 kept whole, got {outcome:?}")
        };
        assert_eq!(raw.status(), 302);
        assert!(took < TIMEOUT, "{took:?}");
    }
}

#[test]
fn tls_to_a_plain_http_port_is_an_error_not_a_hang() {
    let url = faulty(2, |mut s| {
        // A plain HTTP server reads the TLS hello as a bad request.
        let mut buf = [0u8; 512];
        let _ = s.read(&mut buf);
        let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    let url = url.replace("http://", "https://");
    for (outcome, took) in both(&url) {
        assert!(
            matches!(outcome, Err(Error::Transport(_) | Error::Connect(_))),
            "{outcome:?}"
        );
        assert!(took < TIMEOUT + MARGIN, "{took:?}");
    }
}

/// A server that answers each lookup with the email it was asked about.
fn echo_server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<lookup::Request, _>(|request| {
            lookup::Response::Ok(endpoints::Reply {
                status: 200,
                body: vec![request.email],
            })
        })
        .start()
        .unwrap()
}

#[test]
fn one_async_client_carries_a_thousand_requests_at_once() {
    let server = echo_server();
    let client = endpoints::Client::new(server.url());
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let mut set = tokio::task::JoinSet::new();
            for i in 0..1000 {
                let client = client.clone();
                set.spawn(async move {
                    let email = format!("p{i}@example.com");
                    let answer = client.send(lookup(&email)).await;
                    (email, answer)
                });
            }
            let mut done = 0;
            while let Some(joined) = set.join_next().await {
                let (email, answer) = joined.unwrap();
                let Ok(lookup::Response::Ok(reply)) = answer else {
                    panic!("{email}: {answer:?}")
                };
                assert_eq!(reply.body, [email]);
                done += 1;
            }
            assert_eq!(done, 1000);
        });
    assert_eq!(server.requests().len(), 1000);
}

#[test]
fn one_blocking_client_is_shared_by_sixteen_threads() {
    let server = echo_server();
    let client = endpoints::blocking::Client::new(server.url());
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let client = client.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let email = format!("t{t}-{i}@example.com");
                    let Ok(lookup::Response::Ok(reply)) = client.send(lookup(&email)) else {
                        panic!("{email}")
                    };
                    assert_eq!(reply.body, [email]);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(server.requests().len(), 400);
}

#[test]
fn sensitive_values_show_nowhere() {
    const KEY: &str = "k3y-SECRET";
    const PASSWORD: &str = "pa55-SECRET";
    const TOKEN: &str = "t0k-SECRET";
    let search = search_with_key::Request {
        q: "cats".into(),
        // Too short and off-pattern: both rules break.
        api_key: Some(KEY.into()),
    };
    let photographer = create_photographer::Request {
        view: None,
        email: "not an email".into(),
        first_name: "A".into(),
        last_name: "B".into(),
        password: PASSWORD.into(),
        phone: "1".into(),
        extension: None,
        service_area_id: None,
        language: None,
        department: None,
        designation_id: None,
        token: Some(TOKEN.into()),
        application: None,
        session_view: None,
    };
    let person = create_person::Request {
        x_auth_token: Some(TOKEN.into()),
        send_invitation: None,
        render_resource: None,
        email: "not an email".into(),
        identifier: None,
        email_group_name: None,
        additional_photo_required: None,
        custom_fields: None,
    };
    let mut shown = vec![
        format!("{search:?}"),
        format!("{photographer:?}"),
        format!("{person:?}"),
    ];
    let errors = search.validate().unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    shown.push(format!("{errors} {errors:?}"));
    shown.push(format!("{:?}", photographer.validate()));
    shown.push(format!("{:?}", person.validate()));

    // Through the clients: the validation error, as `Display` and `Debug`.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = endpoints::Client::new("http://127.0.0.1:9");
    let error = runtime.block_on(client.send(search.clone())).unwrap_err();
    shown.push(format!("{error} {error:?}"));
    let error = endpoints::blocking::Client::new("http://127.0.0.1:9")
        .send(photographer.clone())
        .unwrap_err();
    shown.push(format!("{error} {error:?}"));

    // The fake server's refusals of requests carrying secrets that break rules.
    let server = FakeServer::builder()
        .endpoint::<search_with_key::Request, _>(|_| unreachable!("refused"))
        .endpoint::<create_photographer::Request, _>(|_| unreachable!("refused"))
        .route(Method::GET, "/never", |_| json_response(200, "{}"))
        .start()
        .unwrap();
    let unchecked = endpoints::Client::builder(server.url())
        .validate_before_send(false)
        .build();
    for answer in [
        runtime
            .block_on(unchecked.send(search))
            .map(|r| r.to_http_response()),
        runtime
            .block_on(unchecked.send(photographer))
            .map(|r| r.to_http_response()),
    ] {
        let answer = answer.unwrap();
        assert_eq!(answer.status(), 400);
        shown.push(String::from_utf8_lossy(answer.body()).into_owned());
    }
    // The server side's own errors, as a handler would see them.
    for request in server.requests() {
        if let Err(e) = search_with_key::Request::from_http_request(&request) {
            shown.push(format!("{e} {e:?}"));
        }
        if let Err(e) = create_photographer::Request::from_http_request(&request) {
            shown.push(format!("{e} {e:?}"));
        }
    }
    for text in &shown {
        for secret in [KEY, PASSWORD, TOKEN] {
            assert!(!text.contains(secret), "{secret} shows in: {text}");
        }
    }
    assert!(shown.iter().any(|t| t.contains("api_key")), "{shown:?}");
}
