//! Responses declared `"stream"`, through both clients against the fake
//! server: server-sent events and JSON lines from a list of items, typed
//! as they arrive; an item that does not fit is an error item keeping its
//! text, and the stream goes on; `event`, `id` and `retry` kept; an error
//! response read whole and decoded; `send` reading the same stream whole.

use std::io::Read;
use std::time::Duration;

use endpoints::fake::{Chunks, FakeServer};
use endpoints::http;
use endpoints::{Error, Event, Streamed};
use futures_util::StreamExt;

endpoints::endpoint!("tests/specs/streams");

fn tick(n: i64) -> ticks::Tick {
    ticks::Tick { n, note: None }
}

/// A fake serving `ticks`: three events, one of which does not fit
/// `Tick`, as raw SSE text (CRLF line ends, a comment, a BOM); 429 when
/// `count` is 0.
fn ticks_server() -> FakeServer {
    FakeServer::builder()
        .route(http::Method::GET, "/ticks", |request| {
            if request.uri().query() == Some("count=0") {
                return http::Response::builder()
                    .status(429)
                    .header("content-type", "application/json")
                    .body(br#"{"error":"too many"}"#.to_vec())
                    .unwrap();
            }
            let resume = request
                .headers()
                .get("last-event-id")
                .map(|v| v.to_str().unwrap().to_string());
            let mut body = String::from("\u{feff}: a comment\r\nretry: 1500\r\n");
            if resume.is_none() {
                body.push_str("event: tick\r\nid: 1\r\ndata: {\"n\":\r\ndata: 1}\r\n\r\n");
                body.push_str("id: 2\r\ndata: not json\r\n\r\n");
            }
            body.push_str("event: tick\r\ndata: {\"n\":3,\"note\":\"last\"}\r\n\r\n");
            http::Response::builder()
                .header("content-type", "text/event-stream")
                .body(body.into_bytes())
                .unwrap()
        })
        .start()
        .unwrap()
}

/// What the ticks stream gives, item by item, in words a test can compare.
fn describe(items: Vec<Result<Event<ticks::Tick>, Error>>) -> Vec<String> {
    items
        .into_iter()
        .map(|item| match item {
            Ok(e) => format!("{:?} {:?} {:?} {:?}", e.event, e.id, e.retry, e.data),
            Err(Error::Event(bad)) => format!("bad {:?} {:?}", bad.raw.id, bad.raw.data),
            Err(other) => format!("error {other}"),
        })
        .collect()
}

fn expected_ticks() -> Vec<String> {
    let retry = Some(Duration::from_millis(1500));
    vec![
        format!("{:?} {:?} {retry:?} {:?}", Some("tick"), Some("1"), tick(1)),
        "bad Some(\"2\") \"not json\"".to_string(),
        format!(
            "{:?} {:?} {:?} {:?}",
            Some("tick"),
            Some("2"),
            None::<Duration>,
            ticks::Tick {
                n: 3,
                note: Some("last".into())
            }
        ),
    ]
}

#[test]
fn server_sent_events_are_typed_as_they_arrive_and_a_bad_one_is_kept() {
    let server = ticks_server();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let from_async = runtime.block_on(async {
        let Streamed::Stream(reply) = client
            .events(ticks::Request::builder().build())
            .await
            .unwrap()
        else {
            panic!("the 200 is the stream");
        };
        assert_eq!(reply.status, 200);
        assert_eq!(reply.headers["content-type"], "text/event-stream");
        let mut events = reply.body;
        let mut items = Vec::new();
        while let Some(item) = events.next().await {
            items.push(item);
        }
        assert_eq!(events.last_event_id(), Some("2"));
        assert_eq!(events.retry(), Some(Duration::from_millis(1500)));
        items
    });
    assert_eq!(describe(from_async), expected_ticks());

    let blocking = endpoints::blocking::Client::new(server.url());
    let Streamed::Stream(reply) = blocking.events(ticks::Request::builder().build()).unwrap()
    else {
        panic!("the 200 is the stream");
    };
    let mut events = reply.body;
    let items: Vec<_> = events.by_ref().collect();
    assert_eq!(describe(items), expected_ticks());
    assert_eq!(events.last_event_id(), Some("2"));

    // Resuming: the last event ID sent back as the spec's header param.
    let resumed = ticks::Request::builder().last_event_id("2").build();
    let Streamed::Stream(reply) = blocking.events(resumed).unwrap() else {
        panic!("the 200 is the stream");
    };
    assert_eq!(reply.body.count(), 1);
}

#[test]
fn an_error_response_of_a_stream_is_read_whole_and_decoded() {
    let server = ticks_server();
    let slow = || ticks::Request::builder().count(0).build();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let answer = runtime.block_on(client.events(slow())).unwrap();
    let Streamed::Response(ticks::Response::SlowDown(reply)) = answer else {
        panic!("429 is `slow-down`: {answer:?}");
    };
    assert_eq!(reply.body.error, "too many");
    let blocking = endpoints::blocking::Client::new(server.url());
    let answer = blocking.download(slow()).unwrap();
    assert!(
        matches!(answer, Streamed::Response(ticks::Response::SlowDown(_))),
        "{answer:?}"
    );
}

#[test]
fn send_reads_a_stream_whole_and_refuses_one_that_does_not_fit() {
    let server = ticks_server();
    let client = endpoints::blocking::Client::new(server.url());
    let resumed = ticks::Request::builder().last_event_id("2").build();
    let ticks::Response::Ticks(reply) = client.send(resumed).unwrap() else {
        panic!("the 200 is `ticks`");
    };
    assert_eq!(
        reply.body,
        [Event {
            event: Some("tick".into()),
            id: None,
            retry: Some(Duration::from_millis(1500)),
            data: ticks::Tick {
                n: 3,
                note: Some("last".into())
            },
        }]
    );
    let Err(Error::Decode(bad)) = client.send(ticks::Request::builder().build()) else {
        panic!("an event that does not fit fails a whole read");
    };
    assert_eq!(bad.response, "ticks");
    assert!(bad.message.contains("item 1"), "{}", bad.message);
}

#[test]
fn the_fake_serves_events_and_lines_from_a_list_of_items() {
    let server = FakeServer::builder()
        .endpoint::<notes::Request, _>(|_| {
            notes::Response::Notes(notes::NotesReply {
                status: 200,
                x_feed: "daily".into(),
                body: vec![
                    Event::new("two\nlines".to_string()),
                    Event {
                        event: Some("aside".into()),
                        id: Some("n-2".into()),
                        retry: Some(Duration::from_secs(2)),
                        data: "\"quoted\", kept as text".to_string(),
                    },
                ],
            })
        })
        .endpoint::<rows::Request, _>(|_| {
            rows::Response::Rows(rows::RowsReply {
                status: 200,
                body: (1..=3)
                    .map(|id| rows::Row {
                        id,
                        name: format!("row {id}"),
                    })
                    .collect(),
            })
        })
        .start()
        .unwrap();
    let blocking = endpoints::blocking::Client::new(server.url());
    let Streamed::Stream(reply) = blocking.events(notes::Request::builder().build()).unwrap()
    else {
        panic!("the 200 is the stream");
    };
    assert_eq!(reply.headers["x-feed"], "daily");
    assert_eq!(reply.headers["content-type"], "text/event-stream");
    let notes: Vec<Event<String>> = reply.body.map(Result::unwrap).collect();
    assert_eq!(notes[0].data, "two\nlines");
    assert_eq!(notes[1].data, "\"quoted\", kept as text");
    assert_eq!(notes[1].retry, Some(Duration::from_secs(2)));

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let rows: Vec<rows::Row> = runtime.block_on(async {
        let reply = client
            .events(rows::Request::builder().build())
            .await
            .unwrap();
        let reply = reply.into_stream().unwrap();
        assert_eq!(reply.headers["content-type"], "application/x-ndjson");
        reply.body.map(Result::unwrap).collect().await
    });
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].name, "row 3");
}

#[test]
fn json_lines_that_do_not_fit_are_error_items_and_the_stream_goes_on() {
    let server = FakeServer::builder()
        .stream(http::Method::GET, "/rows", |_| {
            // Cut inside a CRLF and inside the two bytes of `é`.
            let whole =
                "{\"id\":1,\"name\":\"a\"}\r\n{\"id\":\"two\"}\n\n{\"id\":3,\"name\":\"é\"}";
            let (crlf, e) = (whole.find('\r').unwrap() + 1, whole.find('é').unwrap() + 1);
            let cuts = [0, crlf, e, whole.len()];
            let bytes = whole.as_bytes().to_vec();
            let lines: Chunks = Box::new(
                cuts.windows(2)
                    .map(move |w| bytes[w[0]..w[1]].to_vec())
                    .collect::<Vec<_>>()
                    .into_iter(),
            );
            http::Response::new(lines)
        })
        .start()
        .unwrap();
    let blocking = endpoints::blocking::Client::new(server.url());
    let reply = blocking.events(rows::Request::builder().build()).unwrap();
    let items: Vec<_> = reply.into_stream().unwrap().body.collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().name, "a");
    let Err(Error::Event(bad)) = &items[1] else {
        panic!("`\"two\"` is not an integer");
    };
    assert_eq!(bad.raw.data, "{\"id\":\"two\"}");
    assert_eq!(items[2].as_ref().unwrap().name, "é");
}

#[test]
fn an_item_past_the_cap_ends_the_stream_with_body_too_large() {
    let server = FakeServer::builder()
        .stream(http::Method::GET, "/rows", |_| {
            let first: Chunks = Box::new(
                std::iter::once(b"{\"id\":1,\"name\":\"a\"}\n".to_vec())
                    .chain(std::iter::repeat_n(vec![b' '; 1024], 64)),
            );
            http::Response::new(first)
        })
        .start()
        .unwrap();
    let blocking = endpoints::blocking::Client::builder(server.url())
        .max_body_size(4096)
        .build();
    let reply = blocking.events(rows::Request::builder().build()).unwrap();
    let items: Vec<_> = reply.into_stream().unwrap().body.collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].is_ok());
    assert!(matches!(items[1], Err(Error::BodyTooLarge { limit: 4096 })));
}

#[test]
fn a_download_reads_bytes_as_they_arrive_and_decodes_a_404() {
    let server = FakeServer::builder()
        .stream(http::Method::GET, "/files/{name}", |request| {
            if request.uri().path() == "/files/gone" {
                let body: Chunks =
                    Box::new(std::iter::once(br#"{"error":"no such file"}"#.to_vec()));
                return http::Response::builder().status(404).body(body).unwrap();
            }
            let chunks: Chunks = Box::new((0u8..10).map(|i| vec![i; 1000]));
            http::Response::new(chunks)
        })
        .start()
        .unwrap();
    let file = || download::Request::builder().name("a.bin").build();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let bytes = runtime.block_on(async {
        let reply = client
            .download(file())
            .await
            .unwrap()
            .into_stream()
            .unwrap();
        let mut body = reply.body;
        let mut all = Vec::new();
        while let Some(chunk) = body.next().await {
            all.extend(chunk.unwrap());
        }
        all
    });
    let expected: Vec<u8> = (0u8..10).flat_map(|i| vec![i; 1000]).collect();
    assert_eq!(bytes, expected);

    let blocking = endpoints::blocking::Client::new(server.url());
    let mut reply = blocking.download(file()).unwrap().into_stream().unwrap();
    let mut all = Vec::new();
    reply.body.read_to_end(&mut all).unwrap();
    assert_eq!(all, expected);

    let gone = blocking
        .download(download::Request::builder().name("gone").build())
        .unwrap();
    let Streamed::Response(download::Response::Missing(missing)) = gone else {
        panic!("404 is `missing`: {gone:?}");
    };
    assert_eq!(missing.body.error, "no such file");
}

#[test]
fn a_503_before_the_stream_opens_is_retried_by_the_policy() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let server = FakeServer::builder()
        .route(http::Method::GET, "/rows", move |_| {
            // Every other request is refused: each client's first.
            if counter.fetch_add(1, Ordering::SeqCst) % 2 == 0 {
                return http::Response::builder()
                    .status(503)
                    .header("retry-after", "0")
                    .body(Vec::new())
                    .unwrap();
            }
            http::Response::new(b"{\"id\":1,\"name\":\"a\"}\n".to_vec())
        })
        .start()
        .unwrap();
    let policy = || {
        endpoints::RetryPolicy::new()
            .initial_backoff(Duration::from_millis(10))
            .max_backoff(Duration::from_millis(20))
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(server.url())
        .retry(policy())
        .build();
    let rows: Vec<rows::Row> = runtime.block_on(async {
        let reply = client
            .events(rows::Request::builder().build())
            .await
            .unwrap();
        let reply = reply
            .into_stream()
            .expect("the second attempt opens the stream");
        reply.body.map(Result::unwrap).collect().await
    });
    assert_eq!(rows.len(), 1);
    let blocking = endpoints::blocking::Client::builder(server.url())
        .retry(policy())
        .build();
    let reply = blocking.events(rows::Request::builder().build()).unwrap();
    assert_eq!(reply.into_stream().unwrap().body.count(), 1);
    assert_eq!(asked.load(Ordering::SeqCst), 4);

    // Without a policy the 503 is the answer, read whole: `Unknown`.
    let once = endpoints::blocking::Client::new(server.url());
    let answer = once.events(rows::Request::builder().build()).unwrap();
    assert!(
        matches!(answer, Streamed::Response(rows::Response::Unknown(ref raw)) if raw.status() == 503),
        "{answer:?}"
    );
}
