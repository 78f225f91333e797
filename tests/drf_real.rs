//! The walks of `tests/drf.rs`, against the real Django REST framework:
//! `tests/servers/drf/books.py` serves its `PageNumberPagination`,
//! `LimitOffsetPagination` and `CursorPagination` over seven books on
//! 127.0.0.1. Each walk, async and blocking, reaches the last book with no
//! error and never asks past the last page (DRF answers page 4 with a 404).
//!
//! Needs Python 3 with Django and DRF:
//! `pip install -r tests/servers/drf/requirements.txt` (`.ci/run` does it).

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;

endpoints::endpoint!("tests/specs/drf");

const BOOKS: i64 = 7;
const PAGE_SIZE: i64 = 3;
const INSTALL: &str = "pip install -r tests/servers/drf/requirements.txt";

/// The Django server, killed when dropped (a failed assertion included),
/// and the request lines it has logged so far.
struct Drf {
    child: Child,
    url: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drf {
    fn start() -> Drf {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/servers/drf");
        let check = Command::new("python3")
            .args(["-c", "import django, rest_framework"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        assert!(
            check.is_ok_and(|s| s.success()),
            "python3 cannot import Django REST framework: run `{INSTALL}`"
        );

        // A free port: bound by the OS, then released for the server.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("python3")
            .arg("books.py")
            .arg(port.to_string())
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        // wsgiref logs one line per request to stderr; keep them all.
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let mut drf = Drf {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };

        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = drf.child.try_wait().unwrap() {
                panic!("the DRF server exited ({status}): {:#?}", drf.log());
            }
            assert!(
                Instant::now() < deadline,
                "the DRF server did not listen within 20 s: {:#?}",
                drf.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        drf
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The requests served, once `expected` of them have been logged (a
    /// line is written just after its response), or after 5 s.
    fn requests(&self, expected: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        let requests = || -> Vec<String> {
            self.log()
                .into_iter()
                .filter(|l| l.contains("\"GET "))
                .collect()
        };
        while requests().len() < expected && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        requests()
    }
}

impl Drop for Drf {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ids<T, E: std::fmt::Display>(items: Vec<Result<T, E>>, id: impl Fn(&T) -> i64) -> Vec<i64> {
    items
        .into_iter()
        .map(|item| item.map(|b| id(&b)).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn drf_paginations_walk_to_the_end_with_no_error() {
    let drf = Drf::start();
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
    let served = drf.requests(6 * pages);
    assert_eq!(served.len(), 6 * pages, "{served:#?}");
    assert!(served.iter().all(|l| l.contains("\" 200 ")), "{served:#?}");
}
