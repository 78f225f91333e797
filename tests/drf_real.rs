//! The walks of `tests/drf.rs`, against the real Django REST framework:
//! `tests/servers/drf/books.py` serves its `PageNumberPagination`,
//! `LimitOffsetPagination` and `CursorPagination` over seven books on
//! 127.0.0.1. Each walk, async and blocking, reaches the last book with no
//! error and never asks past the last page (DRF answers page 4 with a 404).
//!
//! Needs Python 3 with Django and DRF:
//! `pip install -r tests/servers/drf/requirements.txt` (`.ci/run` does it).

use futures_util::StreamExt;

#[path = "support/python_server.rs"]
mod python_server;

use python_server::PythonServer;

endpoints::endpoint!("tests/specs/drf");

const BOOKS: i64 = 7;
const PAGE_SIZE: i64 = 3;

fn ids<T, E: std::fmt::Display>(items: Vec<Result<T, E>>, id: impl Fn(&T) -> i64) -> Vec<i64> {
    items
        .into_iter()
        .map(|item| item.map(|b| id(&b)).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn drf_paginations_walk_to_the_end_with_no_error() {
    let drf = PythonServer::start("drf", "books.py", "django, rest_framework");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(drf.url.as_str());
    let blocking = endpoints::blocking::Client::new(drf.url.as_str());
    let everything: Vec<i64> = (1..=BOOKS).collect();

    let first = || list_books_by_page::Request {
        page: None,
        ordering: None,
    };
    let books = runtime.block_on(client.items(first()).collect());
    assert_eq!(ids(books, |b| b.id), everything, "page numbers, async");
    let books = blocking.items(first()).collect();
    assert_eq!(ids(books, |b| b.id), everything, "page numbers, blocking");

    let first = || list_books_by_offset::Request {
        offset: None,
        limit: Some(PAGE_SIZE),
        ordering: None,
    };
    let books = runtime.block_on(client.items(first()).collect());
    assert_eq!(ids(books, |b| b.id), everything, "limit/offset, async");
    let books = blocking.items(first()).collect();
    assert_eq!(ids(books, |b| b.id), everything, "limit/offset, blocking");

    let first = || list_books_by_cursor::Request {
        cursor: None,
        ordering: None,
    };
    let books = runtime.block_on(client.items(first()).collect());
    assert_eq!(ids(books, |b| b.id), everything, "cursors, async");
    let books = blocking.items(first()).collect();
    assert_eq!(ids(books, |b| b.id), everything, "cursors, blocking");

    // Three pages a walk, six walks: `next` ended each one on its last page.
    let pages = (BOOKS as usize).div_ceil(PAGE_SIZE as usize);
    let served = drf.lines_with("\"GET ", 6 * pages);
    assert_eq!(served.len(), 6 * pages, "{served:#?}");
    assert!(served.iter().all(|l| l.contains("\" 200 ")), "{served:#?}");
}
