//! Server-sent events from a real event-stream server: sse-starlette (on
//! Starlette, served by uvicorn) on 127.0.0.1 (`tests/servers/sse/serve.py`),
//! through both clients: events typed as they arrive (the first long
//! before the last is written), `event`, `id` and `retry` kept, data over
//! several `data` lines joined, an event that does not fit its type an
//! error item keeping its text while the stream goes on, a resume by
//! `Last-Event-ID`, a refusal read whole and decoded, and a subscription
//! that reconnects after each closed connection, resuming by the last ID.
//!
//! Needs Python 3 with sse-starlette and uvicorn:
//! `pip install -r tests/servers/sse/requirements.txt` (`.ci/run` does it).

use std::time::{Duration, Instant};

use endpoints::{Error, Event, Streamed};
use futures_util::StreamExt;

#[path = "support/python_server.rs"]
mod python_server;

use python_server::PythonServer;

endpoints::endpoint!("tests/specs/streams/ticks.json");

/// Each item in words a test compares, and how long after the first the
/// last came.
fn describe(items: Vec<(Instant, Result<Event<ticks::Tick>, Error>)>) -> (Vec<String>, Duration) {
    let spread = match (items.first(), items.last()) {
        (Some((first, _)), Some((last, _))) => *last - *first,
        _ => Duration::ZERO,
    };
    let words = items
        .into_iter()
        .map(|(_, item)| match item {
            Ok(e) => format!(
                "{} id={:?} retry={:?} n={} note={:?}",
                e.event.as_deref().unwrap_or("message"),
                e.id,
                e.retry,
                e.data.n,
                e.data.note
            ),
            Err(Error::Event(bad)) => format!("bad id={:?} data={:?}", bad.raw.id, bad.raw.data),
            Err(other) => format!("error: {other}"),
        })
        .collect();
    (words, spread)
}

fn expected(from: i64) -> Vec<String> {
    (from..=4)
        .map(|n| match n {
            2 => "bad id=Some(\"2\") data=\"not json\"".to_string(),
            n => format!(
                "tick id=Some(\"{n}\") retry={:?} n={n} note=Some(\"tick {n}\")",
                (n == from).then_some(Duration::from_millis(1500))
            ),
        })
        .collect()
}

#[test]
fn sse_starlette_events_arrive_typed_through_both_clients() {
    let server = PythonServer::start("sse", "serve.py", "sse_starlette, uvicorn");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(&server.url);
    let items = runtime.block_on(async {
        let reply = client
            .events(ticks::Request::builder().build())
            .await
            .unwrap()
            .into_stream()
            .unwrap();
        assert_eq!(reply.status, 200);
        assert!(reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream"));
        let mut events = reply.body;
        let mut items = Vec::new();
        while let Some(item) = events.next().await {
            items.push((Instant::now(), item));
        }
        assert_eq!(events.last_event_id(), Some("4"));
        assert_eq!(events.retry(), Some(Duration::from_millis(1500)));
        items
    });
    let (words, spread) = describe(items);
    assert_eq!(words, expected(1), "async");
    assert!(spread >= Duration::from_millis(600), "async: {spread:?}");

    let blocking = endpoints::blocking::Client::new(&server.url);
    let reply = blocking
        .events(ticks::Request::builder().build())
        .unwrap()
        .into_stream()
        .unwrap();
    let items: Vec<_> = reply.body.map(|item| (Instant::now(), item)).collect();
    let (words, spread) = describe(items);
    assert_eq!(words, expected(1), "blocking");
    assert!(spread >= Duration::from_millis(600), "blocking: {spread:?}");

    // Resumed after the last event ID the client saw.
    let resumed = || ticks::Request::builder().last_event_id("2").build();
    let reply = blocking.events(resumed()).unwrap().into_stream().unwrap();
    let items: Vec<_> = reply.body.map(|item| (Instant::now(), item)).collect();
    assert_eq!(describe(items).0, expected(3), "resumed");

    // `send` reads the stream whole: every event must fit.
    let ticks::Response::Ticks(whole) = blocking.send(resumed()).unwrap() else {
        panic!("the 200 is `ticks`");
    };
    let ns: Vec<i64> = whole.body.iter().map(|e| e.data.n).collect();
    assert_eq!(ns, [3, 4]);

    let refused = runtime
        .block_on(client.events(ticks::Request::builder().count(0).build()))
        .unwrap();
    let Streamed::Response(ticks::Response::SlowDown(reply)) = refused else {
        panic!("429 is `slow-down`: {refused:?}");
    };
    assert_eq!((reply.status, reply.body.error.as_str()), (429, "too many"));
}

/// The server closes each response after one event; a subscription opens
/// it again after the stream's `retry`, sending the last ID it saw, until
/// the server answers 204 ("no more"), which ends it, kept.
#[test]
fn subscriptions_reconnect_and_resume_until_the_server_says_stop() {
    let server = PythonServer::start("sse", "serve.py", "sse_starlette, uvicorn");
    let request = || ticks::Request::builder().close_after(1).retry(100).build();
    // Every event is the first of its connection, so each sets `retry`.
    let expected: Vec<String> = (1..=4)
        .map(|n| match n {
            2 => "bad id=Some(\"2\") data=\"not json\"".to_string(),
            n => format!(
                "tick id=Some(\"{n}\") retry={:?} n={n} note=Some(\"tick {n}\")",
                Some(Duration::from_millis(100))
            ),
        })
        .collect();

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(&server.url);
    let (items, subscription) = runtime.block_on(async {
        let mut subscription = client.subscribe(request());
        let mut items = Vec::new();
        // At most ten: a client that did not resume would get event 1 again and again.
        while let Some(item) = subscription.next().await {
            items.push((Instant::now(), item));
            if items.len() == 10 {
                break;
            }
        }
        (items, subscription)
    });
    let (words, spread) = describe(items);
    assert_eq!(words, expected, "async");
    // Three waits of the stream's 100 ms between the four connections.
    assert!(spread >= Duration::from_millis(300), "async: {spread:?}");
    assert_eq!(subscription.reconnects(), 4);
    assert_eq!(subscription.last_event_id(), Some("4"));
    assert_eq!(subscription.retry(), Some(Duration::from_millis(100)));
    assert!(
        matches!(subscription.answer(), Some(ticks::Response::Done(reply)) if reply.status == 204),
        "{:?}",
        subscription.answer()
    );

    let blocking = endpoints::blocking::Client::new(&server.url);
    let mut subscription = blocking.subscribe(request());
    let items: Vec<_> = subscription
        .by_ref()
        .take(10)
        .map(|item| (Instant::now(), item))
        .collect();
    assert_eq!(describe(items).0, expected, "blocking");
    assert_eq!(subscription.reconnects(), 4);
    assert!(matches!(
        subscription.into_answer(),
        Some(ticks::Response::Done(_))
    ));

    // An event past `max_body_size` would be past it on any connection:
    // it ends the subscription, with no reconnection.
    let small = endpoints::blocking::Client::builder(&server.url)
        .max_body_size(16)
        .build();
    let mut capped = small.subscribe(request());
    let first = capped.next();
    assert!(
        matches!(first, Some(Err(Error::BodyTooLarge { limit: 16 }))),
        "{first:?}"
    );
    assert!(capped.next().is_none());
    assert_eq!(capped.reconnects(), 0);
    let small = endpoints::Client::builder(&server.url)
        .max_body_size(16)
        .build();
    let (first, rest, reconnects) = runtime.block_on(async {
        let mut capped = small.subscribe(request());
        let first = capped.next().await;
        let rest = capped.next().await;
        (first, rest, capped.reconnects())
    });
    assert!(
        matches!(first, Some(Err(Error::BodyTooLarge { limit: 16 }))),
        "{first:?}"
    );
    assert!(rest.is_none());
    assert_eq!(reconnects, 0);

    // A refusal on the first connection ends the subscription at once.
    let mut refused = blocking.subscribe(ticks::Request::builder().count(0).build());
    assert!(refused.next().is_none());
    assert!(matches!(
        refused.answer(),
        Some(ticks::Response::SlowDown(reply)) if reply.body.error == "too many"
    ));
}
