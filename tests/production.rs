//! The client in production: retries (async and blocking), tower layers
//! around the transport, and the tracing span of each send, against
//! servers on 127.0.0.1 that the tests script.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::{self, Method};
use endpoints::{Error, RetryPolicy};

endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/upsert_record.json");
endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("tests/specs/streams/rows.json");

/// A server that answers `method template` from a script, the last answer
/// repeating, and counts the requests it got.
struct Scripted {
    server: FakeServer,
    hits: Arc<AtomicUsize>,
}

fn scripted(method: Method, template: &str, script: Vec<(u16, Option<&str>, &str)>) -> Scripted {
    let answers: VecDeque<(u16, Option<String>, String)> = script
        .into_iter()
        .map(|(code, retry_after, body)| (code, retry_after.map(str::to_string), body.to_string()))
        .collect();
    let answers = Arc::new(Mutex::new(answers));
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    let server = FakeServer::builder()
        .route(method, template, move |_| {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut answers = answers.lock().unwrap();
            let (code, retry_after, body) = if answers.len() > 1 {
                answers.pop_front().unwrap()
            } else {
                answers.front().cloned().unwrap()
            };
            let mut response = json_response(code, &body);
            if let Some(value) = retry_after {
                response
                    .headers_mut()
                    .insert(http::header::RETRY_AFTER, value.parse().unwrap());
            }
            response
        })
        .start()
        .unwrap();
    Scripted { server, hits }
}

fn lookup() -> lookup::Request {
    lookup::Request {
        email: "ansel@example.com".into(),
        tag: None,
        limit: Some(5),
        x_trace: None,
        x_api_key: "sk-secret-123".into(),
    }
}

fn photographer() -> create_photographer::Request {
    create_photographer::Request {
        view: None,
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "hunter2".into(),
        phone: "+1 555 0100".into(),
        extension: None,
        service_area_id: None,
        language: None,
        department: None,
        designation_id: None,
        token: Some("tok".into()),
        application: None,
        session_view: None,
    }
}

fn fast() -> RetryPolicy {
    RetryPolicy::new()
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

const PATH: &str = "/people/{email}/photos";

#[test]
fn a_429_with_retry_after_is_waited_out_then_answered() {
    let s = scripted(
        Method::GET,
        PATH,
        vec![(429, Some("1"), "{}"), (200, None, r#"["a.jpg"]"#)],
    );
    let started = Instant::now();
    let client = endpoints::Client::builder(s.server.url())
        .retry(RetryPolicy::new())
        .build();
    let sent = runtime().block_on(client.send_counted(lookup()));
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sent.attempts, 2);
    let Ok(lookup::Response::Ok(reply)) = sent.result else {
        panic!("expected ok, got {:?}", sent.result)
    };
    assert_eq!(reply.body, ["a.jpg"]);
    assert_eq!(s.hits.load(Ordering::SeqCst), 2);

    let s = scripted(
        Method::GET,
        PATH,
        vec![(429, Some("1"), "{}"), (200, None, r#"["b.jpg"]"#)],
    );
    let started = Instant::now();
    let client = endpoints::blocking::Client::builder(s.server.url())
        .retry(RetryPolicy::new())
        .build();
    let sent = client.send_counted(lookup());
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(sent.attempts, 2);
    assert!(matches!(sent.result, Ok(lookup::Response::Ok(_))));
}

#[test]
fn a_503_to_a_post_is_retried_only_when_the_spec_says_it_is_idempotent() {
    let s = scripted(
        Method::POST,
        "/api/v1/photographers/create",
        vec![(503, None, "{}")],
    );
    let client = endpoints::Client::builder(s.server.url())
        .retry(fast())
        .build();
    let sent = runtime().block_on(client.send_counted(photographer()));
    assert_eq!(sent.attempts, 1);
    assert_eq!(sent.result.unwrap().http_status(), 503);
    assert_eq!(s.hits.load(Ordering::SeqCst), 1);

    let s = scripted(
        Method::POST,
        "/records/{id}",
        vec![(503, None, "{}"), (503, None, "{}"), (200, None, "{}")],
    );
    let upsert = || upsert_record::Request {
        id: "r1".into(),
        value: "v".into(),
    };
    let client = endpoints::Client::builder(s.server.url())
        .retry(fast())
        .build();
    let sent = runtime().block_on(client.send_counted(upsert()));
    assert_eq!(sent.attempts, 3);
    assert!(matches!(
        sent.result,
        Ok(upsert_record::Response::Stored(_))
    ));

    let s = scripted(
        Method::POST,
        "/api/v1/photographers/create",
        vec![(503, None, "{}")],
    );
    let client = endpoints::blocking::Client::builder(s.server.url())
        .retry(fast())
        .build();
    assert_eq!(client.send_counted(photographer()).attempts, 1);
    assert_eq!(s.hits.load(Ordering::SeqCst), 1);
}

#[test]
fn a_connection_that_cannot_be_made_is_retried_whatever_the_method() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let client = endpoints::Client::builder(&url).retry(fast()).build();
    let sent = runtime().block_on(client.send_counted(photographer()));
    assert_eq!(sent.attempts, 3);
    assert!(
        matches!(sent.result, Err(Error::Connect(_))),
        "{:?}",
        sent.result
    );

    let client = endpoints::blocking::Client::builder(&url)
        .retry(fast().max_attempts(2))
        .build();
    let sent = client.send_counted(photographer());
    assert_eq!(sent.attempts, 2);
    assert!(matches!(sent.result, Err(Error::Connect(_))));

    // Without a policy: one attempt, the same error.
    let sent = runtime().block_on(endpoints::Client::new(&url).send_counted(photographer()));
    assert_eq!(sent.attempts, 1);
    assert!(matches!(sent.result, Err(Error::Connect(_))));
}

#[test]
fn attempts_stop_at_the_maximum_and_within_the_client_s_timeout() {
    let s = scripted(Method::GET, PATH, vec![(503, None, "{}")]);
    let client = endpoints::Client::builder(s.server.url())
        .retry(fast().max_attempts(4))
        .build();
    let sent = runtime().block_on(client.send_counted(lookup()));
    assert_eq!(sent.attempts, 4);
    assert!(matches!(sent.result, Ok(lookup::Response::Unknown(ref raw)) if raw.status() == 503));

    // Waits of 300 ms against a one-second timeout: the policy allows 50
    // attempts, the deadline a few.
    let slow = RetryPolicy::new()
        .max_attempts(50)
        .initial_backoff(Duration::from_millis(300))
        .max_backoff(Duration::from_millis(300));
    let started = Instant::now();
    let client = endpoints::Client::builder(s.server.url())
        .timeout(Duration::from_secs(1))
        .retry(slow.clone())
        .build();
    let sent = runtime().block_on(client.send_counted(lookup()));
    let took = started.elapsed();
    assert!(took < Duration::from_millis(1300), "{took:?}");
    assert!((2..=7).contains(&sent.attempts), "{}", sent.attempts);

    let started = Instant::now();
    let client = endpoints::blocking::Client::builder(s.server.url())
        .timeout(Duration::from_secs(1))
        .retry(slow)
        .build();
    let sent = client.send_counted(lookup());
    assert!(started.elapsed() < Duration::from_millis(1300));
    assert!((2..=7).contains(&sent.attempts), "{}", sent.attempts);
}

/// A server whose handler takes 150 ms and records how many requests it
/// held at once.
fn busy_server() -> (FakeServer, Arc<AtomicUsize>) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now, peak) = (Arc::clone(&in_flight), Arc::clone(&most));
    let server = FakeServer::builder()
        .route(Method::GET, PATH, move |_| {
            let held = now.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(held, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(150));
            now.fetch_sub(1, Ordering::SeqCst);
            json_response(200, "[]")
        })
        .start()
        .unwrap();
    (server, most)
}

fn six_at_once<T: endpoints::Transport>(client: endpoints::Client<T>) {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let mut set = tokio::task::JoinSet::new();
            for _ in 0..6 {
                let client = client.clone();
                set.spawn(async move { client.send(lookup()).await });
            }
            while let Some(done) = set.join_next().await {
                assert!(matches!(done.unwrap(), Ok(lookup::Response::Ok(_))));
            }
        });
}

#[test]
fn a_tower_concurrency_limit_around_the_transport_holds() {
    let (server, most) = busy_server();
    six_at_once(endpoints::Client::new(server.url()));
    let unlimited = most.load(Ordering::SeqCst);
    assert!(unlimited > 2, "without a limit the server held {unlimited}");

    let (server, most) = busy_server();
    let builder = endpoints::Client::builder(server.url());
    let service = tower::ServiceBuilder::new()
        .concurrency_limit(2)
        .service(builder.reqwest_transport());
    six_at_once(builder.build_with_service(service));
    assert_eq!(most.load(Ordering::SeqCst), 2);
}

mod capture {
    //! A subscriber that keeps the fields of every span, as text.

    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    /// A span's (or event's) name and its fields.
    pub type Captured = (String, BTreeMap<String, String>);

    #[derive(Clone, Default)]
    pub struct Spans(pub Arc<Mutex<Vec<Captured>>>);

    #[derive(Default)]
    pub struct Capture {
        pub spans: Spans,
    }

    struct Fields<'a>(&'a mut BTreeMap<String, String>);

    impl Visit for Fields<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0
                .insert(field.name().to_string(), format!("{value:?}"));
        }

        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.insert(field.name().to_string(), value.to_string());
        }
    }

    impl Subscriber for Capture {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }

        fn new_span(&self, span: &Attributes<'_>) -> Id {
            let mut fields = BTreeMap::new();
            span.record(&mut Fields(&mut fields));
            let mut spans = self.spans.0.lock().unwrap();
            spans.push((span.metadata().name().to_string(), fields));
            Id::from_u64(spans.len() as u64)
        }

        fn record(&self, span: &Id, values: &Record<'_>) {
            let mut spans = self.spans.0.lock().unwrap();
            let (_, fields) = &mut spans[span.into_u64() as usize - 1];
            values.record(&mut Fields(fields));
        }

        fn record_follows_from(&self, _: &Id, _: &Id) {}

        fn event(&self, event: &Event<'_>) {
            let mut fields = BTreeMap::new();
            event.record(&mut Fields(&mut fields));
            let mut spans = self.spans.0.lock().unwrap();
            spans.push((format!("event {}", event.metadata().name()), fields));
        }

        fn enter(&self, _: &Id) {}

        fn exit(&self, _: &Id) {}
    }
}

#[test]
fn each_send_is_a_span_with_its_outcome_and_no_secret() {
    let s = scripted(
        Method::GET,
        PATH,
        vec![(503, None, "{}"), (200, None, r#"["a.jpg"]"#)],
    );
    let capture = capture::Capture::default();
    let spans = capture.spans.clone();
    tracing::subscriber::with_default(capture, || {
        let client = endpoints::blocking::Client::builder(s.server.url())
            .retry(fast())
            .build();
        assert!(client.send(lookup()).is_ok());
        let client = endpoints::Client::builder(s.server.url()).build();
        assert!(runtime().block_on(client.send(lookup())).is_ok());
    });
    let spans = spans.0.lock().unwrap();
    let sends: Vec<_> = spans
        .iter()
        .filter(|(name, _)| name == "endpoints.send")
        .map(|(_, fields)| fields)
        .collect();
    assert_eq!(sends.len(), 2, "{spans:?}");
    for (fields, attempts) in sends.iter().zip(["2", "1"]) {
        assert_eq!(fields["endpoint"], "lookup");
        assert_eq!(fields["method"], "GET");
        assert_eq!(fields["path"], PATH);
        assert_eq!(fields["status"], "200");
        assert_eq!(fields["response"], "ok");
        assert_eq!(fields["attempts"], attempts);
        assert!(fields["duration_ms"].parse::<f64>().unwrap() > 0.0);
    }
    // Nothing anywhere holds the key, nor the filled-in path.
    let everything = format!("{spans:?}");
    assert!(!everything.contains("sk-secret"), "{everything}");
    assert!(!everything.contains("ansel"), "{everything}");
}

#[test]
fn opening_a_stream_is_a_span_with_the_stream_s_status() {
    let s = scripted(
        Method::GET,
        "/rows",
        vec![(503, None, ""), (200, None, "{\"id\":1,\"name\":\"a\"}\n")],
    );
    let capture = capture::Capture::default();
    let spans = capture.spans.clone();
    tracing::subscriber::with_default(capture, || {
        let client = endpoints::blocking::Client::builder(s.server.url())
            .retry(fast())
            .build();
        let opened = client.events(rows::Request::builder().build()).unwrap();
        assert_eq!(opened.into_stream().unwrap().body.count(), 1);
    });
    let spans = spans.0.lock().unwrap();
    let opened: Vec<_> = spans
        .iter()
        .filter(|(name, _)| name == "endpoints.send")
        .map(|(_, fields)| fields)
        .collect();
    assert_eq!(opened.len(), 1, "{spans:?}");
    assert_eq!(opened[0]["endpoint"], "rows");
    assert_eq!(opened[0]["status"], "200");
    assert_eq!(opened[0]["response"], "rows");
    assert_eq!(opened[0]["attempts"], "2");
}

mod uploads {
    endpoints::endpoint!("tests/specs/uploads");
}

/// A streamed upload the first attempt read cannot be sent again: the
/// span says so beside the attempts, where a retry was owed.
#[test]
fn a_send_whose_stream_could_not_be_sent_again_says_so_on_its_span() {
    let server = FakeServer::builder()
        .route(Method::PUT, "/objects/{name}", |_| {
            http::Response::builder()
                .status(503)
                .body(Vec::new())
                .unwrap()
        })
        .start()
        .unwrap();
    let capture = capture::Capture::default();
    let spans = capture.spans.clone();
    tracing::subscriber::with_default(capture, || {
        let client = endpoints::blocking::Client::builder(server.url())
            .retry(fast())
            .build();
        let upload = |data| {
            uploads::put_object::Request::builder()
                .name("a")
                .data(data)
                .build()
        };
        let reader = endpoints::Upload::reader(std::io::Cursor::new(vec![7u8; 1000]), None);
        let sent = client.send_counted(upload(reader));
        assert_eq!((sent.attempts, sent.body_spent), (1, true));
        let sent = client.send_counted(upload(endpoints::Upload::from(vec![7u8; 1000])));
        assert!(!sent.body_spent);
        assert!(sent.attempts > 1);
    });
    let spans = spans.0.lock().unwrap();
    let sends: Vec<_> = spans
        .iter()
        .filter(|(name, _)| name == "endpoints.send")
        .map(|(_, fields)| fields)
        .collect();
    assert_eq!(sends.len(), 2, "{spans:?}");
    assert_eq!(sends[0]["status"], "503");
    assert_eq!(sends[0]["attempts"], "1");
    assert_eq!(sends[0].get("body_spent").map(String::as_str), Some("true"));
    assert_eq!(sends[1].get("body_spent"), None);
}
