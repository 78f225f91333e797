//! The paginations of Django REST framework, as its views answer them, on
//! 127.0.0.1: page numbers (404 past the last page, `next` null on it),
//! limit/offset, and cursors (the next page's URL in the body's `next`).
//! Each walk reaches the end with no error and never asks past it.

use endpoints::fake::{json_response, FakeServer};
use endpoints::http::{self, Method};
use futures_util::StreamExt;
use serde_json::{json, Value};

endpoints::endpoint!("tests/specs/drf");

const BOOKS: usize = 7;
const PAGE_SIZE: usize = 3;

fn book(i: usize) -> Value {
    json!({ "id": i, "title": format!("book {i}") })
}

fn query(request: &http::Request<Vec<u8>>, key: &str) -> Option<String> {
    // The values here need no percent-decoding.
    let query = request.uri().query().unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

/// An absolute URL to `path?query` on the server the request reached, as
/// DRF builds `next` from the request.
fn absolute(request: &http::Request<Vec<u8>>, path: &str, query: &str) -> Value {
    let host = request
        .headers()
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}{path}?{query}").into()
}

/// The body DRF's paginators write: count, next, previous, results.
fn page(from: usize, next: Value) -> http::Response<Vec<u8>> {
    let results: Vec<Value> = (from..(from + PAGE_SIZE).min(BOOKS))
        .map(|i| book(i + 1))
        .collect();
    let body = json!({ "count": BOOKS, "next": next, "previous": null, "results": results });
    json_response(200, &body.to_string())
}

/// A server with DRF's three paginators, and how many requests it served.
fn server() -> FakeServer {
    FakeServer::builder()
        // PageNumberPagination: `?page=N`, 404 "Invalid page." past the end.
        .route(Method::GET, "/books", |request| {
            let n: usize = query(&request, "page")
                .map_or(Some(1), |p| p.parse().ok())
                .unwrap_or(0);
            let pages = BOOKS.div_ceil(PAGE_SIZE);
            if n == 0 || n > pages {
                return json_response(404, r#"{"detail": "Invalid page."}"#);
            }
            let next = if n < pages {
                absolute(&request, "/books", &format!("page={}", n + 1))
            } else {
                Value::Null
            };
            page((n - 1) * PAGE_SIZE, next)
        })
        // LimitOffsetPagination: `?limit=L&offset=K`; past the end, empty.
        .route(Method::GET, "/books-offset", |request| {
            let offset: usize = query(&request, "offset")
                .and_then(|o| o.parse().ok())
                .unwrap_or(0);
            let limit: usize = query(&request, "limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(PAGE_SIZE);
            assert_eq!(limit, PAGE_SIZE, "the walk keeps the first request's limit");
            let next = if offset + limit < BOOKS {
                absolute(
                    &request,
                    "/books-offset",
                    &format!("limit={limit}&offset={}", offset + limit),
                )
            } else {
                Value::Null
            };
            page(offset, next)
        })
        // CursorPagination: an opaque `?cursor=`, only ever from `next`.
        .route(Method::GET, "/books-cursor", |request| {
            let from = match query(&request, "cursor") {
                None => 0,
                Some(cursor) => match cursor.strip_prefix("cD0") {
                    Some(n) => n.parse().unwrap_or(usize::MAX),
                    None => return json_response(404, r#"{"detail": "Invalid cursor"}"#),
                },
            };
            if from >= BOOKS {
                return json_response(404, r#"{"detail": "Invalid cursor"}"#);
            }
            let next = if from + PAGE_SIZE < BOOKS {
                absolute(
                    &request,
                    "/books-cursor",
                    &format!("cursor=cD0{}&ordering=-id", from + PAGE_SIZE),
                )
            } else {
                Value::Null
            };
            page(from, next)
        })
        .start()
        .unwrap()
}

fn ids(books: &[Result<list_books_by_page::Book, endpoints::Error>]) -> Vec<i64> {
    books
        .iter()
        .map(|b| b.as_ref().map(|b| b.id).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn every_paginator_walks_to_the_end_without_asking_past_it() {
    let server = server();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let blocking = endpoints::blocking::Client::new(server.url());
    let everything: Vec<i64> = (1..=BOOKS as i64).collect();

    let first = || list_books_by_page::Request {
        page: None,
        ordering: None,
    };
    let async_books: Vec<_> = runtime.block_on(client.items(first()).collect());
    assert_eq!(ids(&async_books), everything);
    let blocking_books: Vec<_> = blocking.items(first()).collect();
    assert_eq!(ids(&blocking_books), everything);

    let first = || list_books_by_offset::Request {
        offset: None,
        limit: Some(PAGE_SIZE as i64),
        ordering: None,
    };
    let books: Vec<_> = runtime.block_on(client.items(first()).collect());
    assert_eq!(
        books
            .iter()
            .map(|b| b.as_ref().unwrap().id)
            .collect::<Vec<_>>(),
        everything
    );
    let books: Vec<_> = blocking.items(first()).collect();
    assert_eq!(books.len(), BOOKS);

    let first = || list_books_by_cursor::Request {
        cursor: None,
        ordering: Some("-id".into()),
    };
    let books: Vec<_> = runtime.block_on(client.items(first()).collect());
    assert_eq!(
        books
            .iter()
            .map(|b| b.as_ref().unwrap().id)
            .collect::<Vec<_>>(),
        everything
    );
    let books: Vec<_> = blocking.items(first()).collect();
    assert_eq!(books.len(), BOOKS);

    // Three pages a walk, six walks: no request past the last page (the
    // page-number paginator would have answered it 404).
    let served = server.requests();
    assert_eq!(
        served.len(),
        6 * 3,
        "{:#?}",
        served
            .iter()
            .map(|r| r.uri().to_string())
            .collect::<Vec<_>>()
    );
    for request in &served {
        assert_ne!(query(request, "page").as_deref(), Some("4"));
    }
}

/// A walk's pages, through `pages`, each a typed DRF page.
#[test]
fn the_pages_themselves_carry_count_and_next() {
    let server = server();
    let blocking = endpoints::blocking::Client::new(server.url());
    let pages: Vec<_> = blocking
        .pages(list_books_by_page::Request {
            page: Some(2),
            ordering: None,
        })
        .map(|p| match p.unwrap() {
            list_books_by_page::Response::Ok(reply) => reply.body,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(pages.len(), 2, "from page 2: pages 2 and 3");
    assert_eq!(pages[0].count, Some(BOOKS as i64));
    assert!(pages[0]
        .next
        .as_value()
        .is_some_and(|n| n.ends_with("/books?page=3")));
    assert!(pages[1].next.is_null());
}

/// The fake serves the same paginations from the specs alone: the next
/// page's URL in `next`, `null` on the last page.
#[test]
fn the_fake_writes_next_in_the_body() {
    let all: Vec<Value> = (1..=BOOKS).map(book).collect();
    let ok = |_| {
        list_books_by_page::Response::Ok(endpoints::Reply {
            status: 200,
            body: list_books_by_page::BookPage {
                count: Some(BOOKS as i64),
                next: endpoints::Nullable::Null,
                previous: endpoints::Nullable::Null,
                results: Vec::new(),
            },
        })
    };
    let server = FakeServer::builder()
        .pages::<list_books_by_page::Request, _>(all.clone(), PAGE_SIZE, ok)
        .pages::<list_books_by_cursor::Request, _>(all, PAGE_SIZE, |_| {
            list_books_by_cursor::Response::Ok(endpoints::Reply {
                status: 200,
                body: list_books_by_cursor::BookPage {
                    count: None,
                    next: endpoints::Nullable::Null,
                    previous: endpoints::Nullable::Null,
                    results: Vec::new(),
                },
            })
        })
        .start()
        .unwrap();
    let blocking = endpoints::blocking::Client::new(server.url());
    let books: Vec<_> = blocking
        .items(list_books_by_page::Request {
            page: None,
            ordering: None,
        })
        .collect();
    assert_eq!(ids(&books), (1..=BOOKS as i64).collect::<Vec<_>>());
    let books: Vec<_> = blocking
        .items(list_books_by_cursor::Request {
            cursor: None,
            ordering: None,
        })
        .map(|b| b.unwrap().id)
        .collect();
    assert_eq!(books, (1..=BOOKS as i64).collect::<Vec<_>>());
    // Three pages each, and no Link header: the body says it all.
    let served = server.requests();
    assert_eq!(served.len(), 6);
}
