//! Paging over each style a spec can declare (page number, offset, cursor,
//! `Link` header), with both clients, against the fake server serving pages
//! from the same specs and against servers that misbehave on 127.0.0.1.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::{self, Method};
use endpoints::{Endpoint, Error, PageStop, Paged, Reply, RetryPolicy};
use futures_util::StreamExt;
use serde_json::{json, Value};

endpoints::endpoint!("tests/specs/pages");

const KEY: &str = "photo-key-5521";

fn all(n: usize) -> Vec<Value> {
    (1..=n)
        .map(|i| json!({ "id": i, "title": format!("photo {i}") }))
        .collect()
}

fn photo_page(_: list_photos::Request) -> list_photos::Response {
    list_photos::Response::Ok(Reply {
        status: 200,
        body: list_photos::PhotoPage {
            data: Vec::new(),
            total: Some(7),
        },
    })
}

/// A server that serves seven items, three a page, for each style.
fn server() -> FakeServer {
    FakeServer::builder()
        .pages::<list_photos::Request, _>(all(7), 3, photo_page)
        .pages::<list_events::Request, _>(all(7), 3, |_| {
            list_events::Response::Ok(Reply {
                status: 200,
                body: Vec::new(),
            })
        })
        .pages::<list_orders::Request, _>(all(7), 3, |_| {
            list_orders::Response::Ok(Reply {
                status: 200,
                body: list_orders::OrderPage {
                    orders: Vec::new(),
                    meta: None,
                },
            })
        })
        .pages::<list_repos::Request, _>(all(7), 3, |_| {
            list_repos::Response::Ok(Reply {
                status: 200,
                body: Vec::new(),
            })
        })
        .start()
        .unwrap()
}

/// What a walk gave: every page, then every item.
type Walked<R> = (Vec<Result<R, Error>>, Vec<Result<Value, Error>>);

/// Every page and every item of a walk from `first`, async then blocking.
fn walk<E>(url: &str, first: E) -> [Walked<E::Response>; 2]
where
    E: Paged + Clone + Send + 'static,
    E::Response: Send,
{
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(url)
        .credential(KEY)
        .retry(RetryPolicy::new().initial_backoff(Duration::from_millis(10)))
        .build();
    let from_async = runtime.block_on(async {
        let pages: Vec<_> = client.pages(first.clone()).collect().await;
        let items: Vec<_> = client.items_as::<E, Value>(first.clone()).collect().await;
        (pages, items)
    });
    drop(client);
    drop(runtime);
    let blocking = endpoints::blocking::Client::builder(url)
        .credential(KEY)
        .retry(RetryPolicy::new().initial_backoff(Duration::from_millis(10)))
        .build();
    let pages = blocking.pages(first.clone()).collect();
    let items = blocking.items_as::<E, Value>(first).collect();
    [from_async, (pages, items)]
}

/// The URIs of the first `n` requests the server saw.
fn uris(server: &FakeServer, n: usize) -> Vec<String> {
    server.requests()[..n]
        .iter()
        .map(|r| r.uri().to_string())
        .collect()
}

fn ids(items: &[Result<Value, Error>]) -> Vec<u64> {
    items
        .iter()
        .map(|i| i.as_ref().unwrap()["id"].as_u64().unwrap())
        .collect()
}

#[test]
fn page_numbers_walk_to_the_empty_page() {
    let server = server();
    let first = list_photos::Request::builder().album("trips").build();
    for (pages, items) in walk(&server.url(), first) {
        // Pages 1 to 3 hold 3, 3 and 1 items; page 4 is empty and ends it.
        assert_eq!(pages.len(), 4);
        let sizes: Vec<usize> = pages
            .iter()
            .map(|p| match p.as_ref().unwrap() {
                list_photos::Response::Ok(reply) => reply.body.data.len(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(sizes, [3, 3, 1, 0]);
        assert_eq!(ids(&items), [1, 2, 3, 4, 5, 6, 7]);
    }
    // Every page carried the client's credential and the first request's
    // other params; the page number moved.
    let requests = server.requests();
    assert_eq!(requests.len(), 16);
    for (i, r) in requests.iter().enumerate() {
        assert_eq!(r.headers()["x-api-key"], KEY);
        let page = i % 4 + 1;
        let expected = if page == 1 {
            "/photos?album=trips".to_string()
        } else {
            format!("/photos?page={page}&album=trips")
        };
        assert_eq!(r.uri().to_string(), expected);
    }
}

#[test]
fn items_read_into_a_type_the_caller_names() {
    let server = server();
    let client = endpoints::blocking::Client::builder(server.url())
        .credential(KEY)
        .build();
    let first = list_photos::Request::builder().page(2).build();
    let photos: Vec<list_photos::Photo> = client.items(first).collect::<Result<_, _>>().unwrap();
    // From page 2 on.
    let ids: Vec<i64> = photos.iter().map(|p| p.id).collect();
    assert_eq!(ids, [4, 5, 6, 7]);
    assert_eq!(photos[0].title.as_deref(), Some("photo 4"));
    // An item that does not fit the type is an error naming its page.
    let mut wrong = client.items_as::<_, String>(list_photos::Request::builder().build());
    let Some(Err(Error::Pages(e))) = wrong.next() else {
        panic!("expected a paging error")
    };
    assert_eq!(e.page, 1);
    assert_eq!(e.stop, PageStop::ItemType { index: 0 });
    assert!(e.message.contains("item 0"), "{}", e.message);
}

#[test]
fn offsets_move_by_the_items_received() {
    let server = server();
    let first = list_events::Request::builder().limit(3).build();
    for (pages, items) in walk(&server.url(), first) {
        assert_eq!(pages.len(), 4);
        assert_eq!(ids(&items), [1, 2, 3, 4, 5, 6, 7]);
    }
    assert_eq!(
        uris(&server, 4),
        [
            "/events?limit=3",
            "/events?offset=3&limit=3",
            "/events?offset=6&limit=3",
            "/events?offset=7&limit=3"
        ]
    );
}

#[test]
fn cursors_walk_until_the_body_gives_none() {
    let server = server();
    for (pages, items) in walk(&server.url(), list_orders::Request::builder().build()) {
        // The third page says `next_cursor: null`: no empty page is fetched.
        assert_eq!(pages.len(), 3);
        assert_eq!(ids(&items), [1, 2, 3, 4, 5, 6, 7]);
    }
    assert_eq!(
        uris(&server, 3),
        ["/orders", "/orders?cursor=3", "/orders?cursor=6"]
    );
}

#[test]
fn links_walk_until_there_is_no_next() {
    let server = server();
    let first = list_repos::Request::builder()
        .sort(list_repos::Sort::Pushed)
        .build();
    for (pages, items) in walk(&server.url(), first) {
        assert_eq!(pages.len(), 3);
        assert_eq!(ids(&items), [1, 2, 3, 4, 5, 6, 7]);
    }
    assert_eq!(
        uris(&server, 3),
        [
            "/repos?sort=pushed",
            "/repos?sort=pushed&after=3",
            "/repos?sort=pushed&after=6"
        ]
    );
}

/// A server whose every page names the same next cursor.
#[test]
fn a_repeated_cursor_ends_the_walk_with_an_error() {
    let server = FakeServer::builder()
        .route(Method::GET, "/orders", |request| {
            let id = if request.uri().query().is_some() {
                2
            } else {
                1
            };
            json_response(
                200,
                &json!({ "orders": [{ "id": id }], "meta": { "next_cursor": "same" } }).to_string(),
            )
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_orders::Request::builder().build()) {
        // Page 1 names `same`; page 2 names it again: its items are new, so
        // they come, then the error.
        assert_eq!(pages.len(), 3, "{pages:?}");
        assert!(pages[0].is_ok() && pages[1].is_ok());
        let Err(Error::Pages(e)) = &pages[2] else {
            panic!("{:?}", pages[2])
        };
        assert_eq!(e.page, 2);
        assert_eq!(e.stop, PageStop::RepeatedCursor);
        assert!(e.message.contains("cursor"), "{}", e.message);
        assert_eq!(items.len(), 3);
        assert_eq!(ids(&items[..2]), [1, 2]);
        assert!(matches!(items[2], Err(Error::Pages(_))));
    }
    assert_eq!(server.requests().len(), 8);
}

/// A server that ignores the page number answers the same items forever.
#[test]
fn a_server_that_ignores_the_page_number_ends_the_walk() {
    let server = FakeServer::builder()
        .route(Method::GET, "/photos", |_| {
            json_response(200, r#"{"data":[{"id":1},{"id":2}]}"#)
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_photos::Request::builder().build()) {
        assert_eq!(pages.len(), 3);
        let Err(Error::Pages(e)) = &pages[2] else {
            panic!("{:?}", pages[2])
        };
        assert_eq!(e.stop, PageStop::RepeatedItems);
        assert!(e.message.contains("does not read `page`"), "{}", e.message);
        // The repeated items are not given twice.
        assert_eq!(ids(&items[..2]), [1, 2]);
        assert_eq!(items.len(), 3);
    }
}

#[test]
fn a_link_to_another_origin_is_not_followed() {
    let server = FakeServer::builder()
        .route(Method::GET, "/repos", |_| {
            let mut response = json_response(200, r#"[{"id":1}]"#);
            response.headers_mut().insert(
                http::header::LINK,
                r#"<https://elsewhere.example/repos?after=1>; rel="next""#
                    .parse()
                    .unwrap(),
            );
            response
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_repos::Request::builder().build()) {
        assert_eq!(pages.len(), 2);
        let Err(Error::Pages(e)) = &pages[1] else {
            panic!("{:?}", pages[1])
        };
        assert_eq!(e.stop, PageStop::ForeignOrigin);
        assert_eq!(ids(&items[..1]), [1]);
    }
    assert_eq!(server.requests().len(), 4);
}

/// Page 2 fails once with 503 (retried by the policy), then answers, then
/// fails with an undocumented 500 every time; page 3 is empty.
fn flaky_second_page() -> (FakeServer, Arc<AtomicUsize>) {
    let page2_calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&page2_calls);
    let server = FakeServer::builder()
        .route(Method::GET, "/photos", move |request| {
            match request.uri().query() {
                None => json_response(200, r#"{"data":[{"id":1}]}"#),
                Some("page=2") => match counter.fetch_add(1, Ordering::SeqCst) {
                    0 => {
                        let mut r = json_response(503, "{}");
                        r.headers_mut().insert("retry-after", "0".parse().unwrap());
                        r
                    }
                    1 => json_response(200, r#"{"data":[{"id":2}]}"#),
                    _ => json_response(500, r#"{"oops":true}"#),
                },
                Some(_) => json_response(200, r#"{"data":[]}"#),
            }
        })
        .start()
        .unwrap();
    (server, page2_calls)
}

/// A walk meets the 503 and retries it; the next meets the 500: the pages
/// stream yields it and ends, the items stream ends with an error that
/// keeps the response. Async and blocking.
#[test]
fn retries_and_failures_mid_walk() {
    let policy = RetryPolicy::new().initial_backoff(Duration::from_millis(10));
    for blocking in [false, true] {
        let (server, page2_calls) = flaky_second_page();
        let first = || list_photos::Request::builder().build();
        let (retried, failed, items) = if blocking {
            let client = endpoints::blocking::Client::builder(server.url())
                .credential(KEY)
                .retry(policy.clone())
                .build();
            let retried: Vec<_> = client.pages(first()).collect();
            let failed: Vec<_> = client.pages(first()).collect();
            let items: Vec<_> = client.items_as::<_, Value>(first()).collect();
            (retried, failed, items)
        } else {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            let client = endpoints::Client::builder(server.url())
                .credential(KEY)
                .retry(policy.clone())
                .build();
            runtime.block_on(async {
                let retried: Vec<_> = client.pages(first()).collect().await;
                let failed: Vec<_> = client.pages(first()).collect().await;
                let items: Vec<_> = client.items_as::<_, Value>(first()).collect().await;
                (retried, failed, items)
            })
        };
        assert_eq!(retried.len(), 3, "{retried:?}");
        let list_photos::Response::Ok(reply) = retried[1].as_ref().unwrap() else {
            panic!("{:?}", retried[1])
        };
        assert_eq!(reply.body.data[0].id, 2);
        assert_eq!(failed.len(), 2);
        let page2 = failed[1].as_ref().unwrap();
        assert!(!page2.is_success());
        assert_eq!(page2.http_status(), 500);
        let Err(Error::Pages(e)) = items.last().unwrap() else {
            panic!("{items:?}")
        };
        assert_eq!(e.page, 2);
        assert_eq!(e.raw.as_ref().unwrap().status(), 500);
        assert_eq!(e.stop, PageStop::NotSuccess);
        assert!(e.message.contains("not a success"), "{}", e.message);
        assert_eq!(items.len(), 2);
        assert_eq!(ids(&items[..1]), [1]);
        // The 503, its retry, then the 500 twice.
        assert_eq!(page2_calls.load(Ordering::SeqCst), 4);
    }
}

#[test]
fn a_first_page_that_breaks_the_spec_is_never_sent() {
    let server = server();
    let client = endpoints::blocking::Client::builder(server.url())
        .credential(KEY)
        .build();
    let pages: Vec<_> = client
        .pages(list_photos::Request::builder().page(0).build())
        .collect();
    assert_eq!(pages.len(), 1);
    assert!(matches!(pages[0], Err(Error::Validation(_))));
    assert!(server.requests().is_empty());
    assert_eq!(<list_photos::Request as Paged>::PAGING.param, "page");
    assert_eq!(list_photos::Request::PATH, "/photos");
}

/// A server that gives a fresh cursor each time but the same items: the
/// walk ends with an error, not an endless loop.
#[test]
fn fresh_cursors_over_the_same_items_end_the_walk() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = FakeServer::builder()
        .route(Method::GET, "/orders", move |_| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            json_response(
                200,
                &json!({ "orders": [{ "id": 1 }], "meta": { "next_cursor": format!("c{n}") } })
                    .to_string(),
            )
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_orders::Request::builder().build()) {
        assert_eq!(pages.len(), 3, "{pages:?}");
        let Err(Error::Pages(e)) = &pages[2] else {
            panic!("{:?}", pages[2])
        };
        assert_eq!(e.stop, PageStop::RepeatedItems);
        assert_eq!(ids(&items[..1]), [1]);
        assert_eq!(items.len(), 2);
    }
}

/// Cursor walks go on past an empty page that names a next one, and give
/// up on a run of them.
#[test]
fn cursors_lead_past_empty_pages_but_not_forever() {
    let server = FakeServer::builder()
        .route(Method::GET, "/orders", |request| {
            let body = match request.uri().query() {
                None => json!({ "orders": [{ "id": 1 }], "meta": { "next_cursor": "b" } }),
                Some("cursor=b") => json!({ "orders": [], "meta": { "next_cursor": "c" } }),
                Some("cursor=c") => json!({ "orders": [{ "id": 3 }], "meta": {} }),
                Some(other) => {
                    // `cursor=e<n>`: empty pages, each naming the next;
                    // `cursor=f<n>`: the same, ending after `f20`.
                    let (kind, n) = other.trim_start_matches("cursor=").split_at(1);
                    let n: u32 = n.parse().unwrap_or(0);
                    let next = match (kind, n) {
                        ("f", 20..) => Value::Null,
                        _ => format!("{kind}{}", n + 1).into(),
                    };
                    json!({ "orders": [], "meta": { "next_cursor": next } })
                }
            };
            json_response(200, &body.to_string())
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_orders::Request::builder().build()) {
        assert_eq!(pages.len(), 3);
        assert_eq!(ids(&items), [1, 3]);
    }
    let endless = list_orders::Request::builder().cursor("e0").build();
    for (pages, items) in walk(&server.url(), endless) {
        // 17 empty pages are fetched; the 17th ends the walk.
        assert_eq!(pages.len(), 18, "{pages:?}");
        let Err(Error::Pages(e)) = pages.last().unwrap() else {
            panic!("{:?}", pages.last())
        };
        assert_eq!(e.stop, PageStop::EmptyRun);
        assert_eq!(items.len(), 1);
    }
    // Twenty empty pages that end: more than the limit, none naming a next
    // one past the end, so the walk ends cleanly.
    let finite = list_orders::Request::builder().cursor("f4").build();
    for (pages, items) in walk(&server.url(), finite) {
        assert_eq!(pages.len(), 17);
        assert!(pages.iter().all(Result::is_ok));
        assert!(items.is_empty());
    }
}

/// Far past the end, the fake serves an empty page; a walk whose page
/// number would pass the largest integer ends with an error.
#[test]
fn page_numbers_at_the_edge_of_integers() {
    let server = server();
    let client = endpoints::blocking::Client::builder(server.url())
        .credential(KEY)
        .build();
    let last = list_photos::Request::builder().page(i64::MAX).build();
    let pages: Vec<_> = client.pages(last).collect();
    assert_eq!(pages.len(), 1);
    let list_photos::Response::Ok(reply) = pages[0].as_ref().unwrap() else {
        panic!("{:?}", pages[0])
    };
    assert!(reply.body.data.is_empty());
    let always = FakeServer::builder()
        .route(Method::GET, "/photos", |request| {
            let page = request.uri().query().unwrap_or("").to_string();
            json_response(
                200,
                &json!({ "data": [{ "id": 1, "title": page }] }).to_string(),
            )
        })
        .start()
        .unwrap();
    let client = endpoints::blocking::Client::builder(always.url())
        .credential(KEY)
        .build();
    let near = list_photos::Request::builder().page(i64::MAX - 1).build();
    let pages: Vec<_> = client.pages(near).collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    let Err(Error::Pages(e)) = &pages[2] else {
        panic!("{:?}", pages[2])
    };
    assert_eq!(e.stop, PageStop::Overflow);
}

/// A first page without the array the spec names is an error, not an
/// empty walk: a wrong `items` path must not pass for no items.
#[test]
fn a_first_page_without_its_items_is_an_error() {
    let server = FakeServer::builder()
        .route(Method::GET, "/repos", |_| {
            json_response(200, r#"{"items":[1]}"#)
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_repos::Request::builder().build()) {
        assert_eq!(pages.len(), 1);
        // The typed response does not fit (an array), so it is a decode
        // error for the pages and the items alike.
        assert!(matches!(pages[0], Err(Error::Decode(_))), "{pages:?}");
        assert!(matches!(items[0], Err(Error::Decode(_))), "{items:?}");
    }
    // A body the spec leaves untyped decodes; the walk finds no `data`.
    let server = FakeServer::builder()
        .route(Method::GET, "/notes", |_| {
            json_response(200, r#"{"notes":[1]}"#)
        })
        .start()
        .unwrap();
    let client = endpoints::blocking::Client::new(server.url());
    let items: Vec<_> = client
        .items_as::<_, Value>(list_notes::Request::builder().build())
        .collect();
    assert_eq!(items.len(), 1);
    let Err(Error::Pages(e)) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(e.stop, PageStop::NoItems);
    assert_eq!(e.page, 1);
}

/// The forms a `Link` can take: absolute on the same origin, rooted, a
/// query alone; and two it cannot: relative to the path, and another host
/// written without a scheme.
#[test]
fn links_in_every_form() {
    fn linked(link: &'static str) -> FakeServer {
        FakeServer::builder()
            .route(Method::GET, "/tags", move |request| {
                let query = request.uri().query().unwrap_or("").to_string();
                if query.contains("second") {
                    return json_response(200, r#"[{"id":2}]"#);
                }
                let mut response = json_response(200, r#"[{"id":1}]"#);
                response.headers_mut().insert(
                    http::header::LINK,
                    format!("<{link}>; rel=\"next\"").parse().unwrap(),
                );
                response
            })
            .start()
            .unwrap()
    }
    let client = |server: &FakeServer| {
        endpoints::blocking::Client::builder(server.url())
            .credential("tag-key")
            .param(list_tags::V, "2")
            .build()
    };
    for link in ["/tags?second=1", "?second=1"] {
        let server = linked(link);
        let items: Vec<Value> = client(&server)
            .items(list_tags::Request::builder().build())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(items.len(), 2, "{link}");
        let second = server.requests()[1].uri().to_string();
        // The client's key and shared param come back on the linked page.
        assert_eq!(second, "/tags?second=1&api_key=tag-key&v=2", "{link}");
    }
    for link in ["tags?second=1", "//elsewhere.example/tags?second=1"] {
        let server = linked(link);
        let items: Vec<_> = client(&server)
            .items_as::<_, Value>(list_tags::Request::builder().build())
            .collect();
        let Err(Error::Pages(e)) = items.last().unwrap() else {
            panic!("{link}: {items:?}")
        };
        assert_eq!(e.stop, PageStop::BadLink, "{link}");
        assert!(
            !e.message.contains("second"),
            "the link is not echoed: {}",
            e.message
        );
        assert_eq!(server.requests().len(), 1);
    }
}

/// An absolute link on the walk's own origin is followed.
#[test]
fn an_absolute_link_on_the_same_origin_is_followed() {
    let port = Arc::new(std::sync::Mutex::new(String::new()));
    let seen = Arc::clone(&port);
    let server = FakeServer::builder()
        .route(Method::GET, "/tags", move |request| {
            if request.uri().query().unwrap_or("").contains("second") {
                return json_response(200, r#"[{"id":2}]"#);
            }
            let origin = seen.lock().unwrap().clone();
            let mut response = json_response(200, r#"[{"id":1}]"#);
            response.headers_mut().insert(
                http::header::LINK,
                format!("<{origin}/tags?second=1&api_key=k2>; rel=\"next\"")
                    .parse()
                    .unwrap(),
            );
            response
        })
        .start()
        .unwrap();
    *port.lock().unwrap() = server.url();
    let client = endpoints::blocking::Client::builder(server.url())
        .credential("tag-key")
        .build();
    let items: Vec<Value> = client
        .items(list_tags::Request::builder().build())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(items.len(), 2);
    // A link that carries the key itself keeps its own.
    assert_eq!(
        server.requests()[1].uri().to_string(),
        "/tags?second=1&api_key=k2"
    );
}

/// A numeric cursor for a text param travels as its text.
#[test]
fn a_numeric_cursor_for_a_text_param() {
    let server = FakeServer::builder()
        .route(Method::GET, "/orders", |request| {
            let body = match request.uri().query() {
                None => json!({ "orders": [{ "id": 1 }], "meta": { "next_cursor": 42 } }),
                _ => json!({ "orders": [{ "id": 2 }], "meta": {} }),
            };
            json_response(200, &body.to_string())
        })
        .start()
        .unwrap();
    for (pages, items) in walk(&server.url(), list_orders::Request::builder().build()) {
        assert_eq!(pages.len(), 2);
        assert_eq!(ids(&items), [1, 2]);
    }
    assert_eq!(server.requests()[1].uri().to_string(), "/orders?cursor=42");
}
