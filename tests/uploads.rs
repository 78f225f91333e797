//! A `binary` body whose param says `"stream": true` (`endpoints::Upload`),
//! sent from bytes, a file, a reader and a stream through both clients to
//! the fake server on 127.0.0.1: the bytes arrive exactly, with
//! `Content-Length` when the length is known and chunked when not; rules
//! are checked before sending where the length is known and as the body
//! is read where not; a retry sends bytes and files again but never a
//! one-shot stream it has read; a transport that takes bodies whole gets
//! the upload read into memory within `max_body_size`; and the server's
//! side reads the body back as bytes.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use endpoints::fake::FakeServer;
use endpoints::http::{self, header, Method};
use endpoints::{Endpoint, Error, Reply, RetryPolicy, Upload, UploadError};

endpoints::endpoint!("tests/specs/uploads");

/// Bytes that are not text, different at every place.
fn content(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 251) as u8).collect()
}

/// A file holding `bytes`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("endpoints-uploads-{}-{name}", std::process::id()));
        std::fs::File::create(&path)
            .unwrap()
            .write_all(bytes)
            .unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// Stores objects as the spec says: the handler gets the body as bytes.
fn object_server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<put_object::Request, _>(|request| {
            let bytes = request.data.as_bytes().expect("the server reads bytes");
            put_object::Response::Stored(Reply {
                status: 200,
                body: put_object::Stored {
                    received: bytes.len() as i64,
                },
            })
        })
        .start()
        .unwrap()
}

fn put(name: &str, data: Upload) -> put_object::Request {
    put_object::Request::builder().name(name).data(data).build()
}

/// How the last request the server received framed its body.
fn framing(server: &FakeServer) -> (Option<String>, bool, Vec<u8>) {
    let last = server.requests().pop().expect("a request");
    let header = |name| {
        last.headers()
            .get(name)
            .map(|v: &http::HeaderValue| v.to_str().unwrap().to_string())
    };
    assert_eq!(
        header(header::CONTENT_TYPE).as_deref(),
        Some("application/x-tar")
    );
    let chunked = header(header::TRANSFER_ENCODING).as_deref() == Some("chunked");
    (header(header::CONTENT_LENGTH), chunked, last.into_body())
}

fn stored(response: Result<put_object::Response, Error>) -> i64 {
    match response {
        Ok(put_object::Response::Stored(reply)) => reply.body.received,
        other => panic!("expected stored: {other:?}"),
    }
}

#[test]
fn bytes_files_readers_and_streams_arrive_exactly() {
    let server = object_server();
    let bytes = content(300_000);
    let file = TempFile::new("exact", &bytes);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let blocking = endpoints::blocking::Client::new(server.url());
    let chunks = || {
        let pieces: Vec<Result<Vec<u8>, std::io::Error>> =
            bytes.chunks(7_001).map(|c| Ok(c.to_vec())).collect();
        futures_util::stream::iter(pieces)
    };
    let len = Some(bytes.len() as u64);

    // Each way in, with whether its length is known before it is read.
    let from_async: Vec<(&str, Upload, bool)> = vec![
        ("bytes", Upload::from(bytes.clone()), true),
        ("file", Upload::open(&file.0).unwrap(), true),
        (
            "tokio file",
            runtime
                .block_on(async {
                    Upload::tokio_file(tokio::fs::File::open(&file.0).await.unwrap()).await
                })
                .unwrap(),
            true,
        ),
        (
            "reader",
            Upload::reader(std::io::Cursor::new(bytes.clone()), None),
            false,
        ),
        (
            "sized reader",
            Upload::reader(std::io::Cursor::new(bytes.clone()), len),
            true,
        ),
        ("stream", Upload::stream(chunks(), None), false),
        ("sized stream", Upload::stream(chunks(), len), true),
    ];
    for (way, upload, known) in from_async {
        let received = stored(runtime.block_on(client.send(put(way, upload))));
        assert_eq!(received, bytes.len() as i64, "async {way}");
        let (length, chunked, body) = framing(&server);
        assert!(body == bytes, "async {way}: the bytes differ");
        if known {
            assert_eq!(length, Some(bytes.len().to_string()), "async {way}");
        } else {
            assert_eq!((length, chunked), (None, true), "async {way}");
        }
    }

    let from_blocking: Vec<(&str, Upload, bool)> = vec![
        ("bytes", Upload::from(bytes.clone()), true),
        ("file", Upload::open(&file.0).unwrap(), true),
        (
            "reader",
            Upload::reader(std::io::Cursor::new(bytes.clone()), None),
            false,
        ),
        (
            "sized reader",
            Upload::reader(std::io::Cursor::new(bytes.clone()), len),
            true,
        ),
    ];
    for (way, upload, known) in from_blocking {
        let received = stored(blocking.send(put(way, upload)));
        assert_eq!(received, bytes.len() as i64, "blocking {way}");
        let (length, chunked, body) = framing(&server);
        assert!(body == bytes, "blocking {way}: the bytes differ");
        if known {
            assert_eq!(length, Some(bytes.len().to_string()), "blocking {way}");
        } else {
            assert_eq!((length, chunked), (None, true), "blocking {way}");
        }
    }

    // A stream is the async client's: the blocking one refuses it, unsent.
    let before = server.requests().len();
    let refused = blocking.send(put("stream", Upload::stream(chunks(), None)));
    assert!(
        matches!(&refused, Err(Error::Upload(e)) if matches!(**e, UploadError::StreamOnBlocking)),
        "{refused:?}"
    );
    assert_eq!(server.requests().len(), before);
}

/// `post_note`: 4 to 64 bytes, optional.
fn note_server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<post_note::Request, _>(|_| {
            post_note::Response::Created(Reply {
                status: 201,
                body: Default::default(),
            })
        })
        .start()
        .unwrap()
}

fn upload_error(result: Result<post_note::Response, Error>) -> UploadError {
    match result {
        Err(Error::Upload(e)) => *e,
        other => panic!("expected an upload error: {other:?}"),
    }
}

#[test]
fn rules_are_checked_before_sending_or_as_the_body_is_read() {
    let server = note_server();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(server.url());
    let blocking = endpoints::blocking::Client::new(server.url());
    let note = |upload: Upload| post_note::Request::builder().note(upload).build();
    let long = TempFile::new("long-note", &[b'x'; 100]);

    // Length known (bytes, a file, a sized reader): refused before sending.
    for upload in [
        Upload::from(vec![b'x'; 100]),
        Upload::open(&long.0).unwrap(),
        Upload::reader(std::io::empty(), Some(2)),
    ] {
        let refused = runtime.block_on(client.send(note(upload.clone())));
        let errors = refused.unwrap_err();
        assert!(errors.validation_errors().is_some(), "{errors}");
        assert!(blocking
            .send(note(upload))
            .unwrap_err()
            .validation_errors()
            .is_some());
    }
    assert!(server.requests().is_empty(), "nothing was sent");

    // Length unknown: the upload stops at the chunk that passes max_length.
    let chunks = |n: usize| {
        futures_util::stream::iter((0..n).map(|_| Ok::<_, std::io::Error>(vec![b'y'; 10])))
    };
    let too_long = runtime.block_on(client.send(note(Upload::stream(chunks(10), None))));
    assert!(matches!(
        upload_error(too_long),
        UploadError::TooLong {
            param: "note",
            max: 64
        }
    ),);
    let too_long = blocking.send(note(Upload::reader(std::io::repeat(b'y'), None)));
    let error = upload_error(too_long);
    assert!(
        matches!(
            error,
            UploadError::TooLong {
                param: "note",
                max: 64
            }
        ),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "the body `note` passed its max_length of 64 bytes as it was read; the upload stopped there"
    );
    // Short of min_length: cut off at its end, never received whole.
    let too_short = runtime.block_on(client.send(note(Upload::stream(chunks(0), None))));
    assert!(matches!(
        upload_error(too_short),
        UploadError::TooShort {
            param: "note",
            min: 4,
            actual: 0
        }
    ));
    // Short of the length it was given: cut off.
    let short = blocking.send(note(Upload::reader(
        std::io::Cursor::new(vec![b'z'; 5]),
        Some(10),
    )));
    assert!(matches!(
        upload_error(short),
        UploadError::Length {
            expected: 10,
            actual: 5
        }
    ));
    // Past it: that many bytes are the body, from a reader or a stream.
    let longer = blocking.send(note(Upload::reader(
        std::io::Cursor::new(vec![b'z'; 20]),
        Some(10),
    )));
    assert!(
        matches!(longer, Ok(post_note::Response::Created(_))),
        "{longer:?}"
    );
    assert_eq!(server.requests().pop().unwrap().body(), &[b'z'; 10][..]);
    let longer = runtime.block_on(client.send(note(Upload::stream(chunks(3), Some(25)))));
    assert!(
        matches!(longer, Ok(post_note::Response::Created(_))),
        "{longer:?}"
    );
    assert_eq!(server.requests().pop().unwrap().body(), &[b'y'; 25][..]);
    // A reader that fails: its error, kept as the source.
    let broken = runtime.block_on(client.send(note(Upload::stream(
        futures_util::stream::iter([
            Ok(vec![b'a'; 8]),
            Err(std::io::Error::other("disk on fire")),
        ]),
        None,
    ))));
    let error = upload_error(broken);
    assert!(matches!(error, UploadError::Read(_)), "{error}");
    assert!(error.to_string().contains("disk on fire"), "{error}");
    // The server never received a body past max_length, nor a whole one.
    for request in server.requests() {
        assert!(request.body().len() <= 64, "{} bytes", request.body().len());
    }

    // Within the rules, from a stream; and no note at all is no body.
    let ok = runtime.block_on(client.send(note(Upload::stream(chunks(2), None))));
    assert!(matches!(ok, Ok(post_note::Response::Created(_))), "{ok:?}");
    assert_eq!(server.requests().pop().unwrap().body(), &[b'y'; 20][..]);
    let none = blocking.send(post_note::Request::builder().build());
    assert!(
        matches!(none, Ok(post_note::Response::Created(_))),
        "{none:?}"
    );
    let sent = server.requests().pop().unwrap();
    assert!(sent.body().is_empty());
    assert!(sent.headers().get(header::CONTENT_TYPE).is_none());
}

/// Answers 503 to the first request of each name, then stores.
fn busy_once_server() -> (FakeServer, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let server = FakeServer::builder()
        .route(Method::PUT, "/objects/{name}", move |request| {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            if n % 2 == 0 {
                return http::Response::builder()
                    .status(503)
                    .body(Vec::new())
                    .unwrap();
            }
            let body = format!(r#"{{"received": {}}}"#, request.body().len());
            endpoints::fake::json_response(200, &body)
        })
        .start()
        .unwrap();
    (server, calls)
}

fn retrying() -> RetryPolicy {
    RetryPolicy::new()
        .max_attempts(3)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(10))
}

#[test]
fn a_retry_sends_bytes_and_files_again_but_never_a_stream_it_read() {
    let bytes = content(50_000);
    let file = TempFile::new("retry", &bytes);
    let runtime = tokio::runtime::Runtime::new().unwrap();

    let (server, calls) = busy_once_server();
    let client = endpoints::Client::builder(server.url())
        .retry(retrying())
        .build();
    for (way, upload) in [
        ("bytes", Upload::from(bytes.clone())),
        ("file", Upload::open(&file.0).unwrap()),
    ] {
        let sent = runtime.block_on(client.send_counted(put(way, upload)));
        assert_eq!(stored(sent.result), bytes.len() as i64, "async {way}");
        assert_eq!((sent.attempts, sent.body_spent), (2, false), "async {way}");
    }
    // Each attempt carried the whole file, read again from its start.
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    assert!(requests.iter().all(|r| r.body() == &bytes));

    // A stream read by the first attempt: its 503 is the answer, and says so.
    let chunks = futures_util::stream::iter(
        bytes
            .chunks(10_000)
            .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
            .collect::<Vec<_>>(),
    );
    let sent = runtime.block_on(client.send_counted(put("stream", Upload::stream(chunks, None))));
    assert!(
        matches!(sent.result, Ok(put_object::Response::Busy(_))),
        "{:?}",
        sent.result
    );
    assert_eq!((sent.attempts, sent.body_spent), (1, true));
    assert_eq!(calls.load(Ordering::SeqCst), 5);

    let (server, calls) = busy_once_server();
    let blocking = endpoints::blocking::Client::builder(server.url())
        .retry(retrying())
        .build();
    let sent = blocking.send_counted(put("file", Upload::open(&file.0).unwrap()));
    assert_eq!(stored(sent.result), bytes.len() as i64);
    assert_eq!((sent.attempts, sent.body_spent), (2, false));
    let reader = Upload::reader(std::io::Cursor::new(bytes.clone()), None);
    let sent = blocking.send_counted(put("reader", reader.clone()));
    assert!(matches!(sent.result, Ok(put_object::Response::Busy(_))));
    assert_eq!((sent.attempts, sent.body_spent), (1, true));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    // Sent again by hand, the spent reader is refused before any byte.
    let again = blocking.send(put("reader", reader));
    assert!(
        matches!(&again, Err(Error::Upload(e)) if matches!(**e, UploadError::Spent)),
        "{again:?}"
    );
}

#[test]
fn a_transport_of_whole_bodies_gets_the_upload_read_within_max_body_size() {
    let server = object_server();
    let bytes = content(100_000);
    let file = TempFile::new("whole", &bytes);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // A transport of `Vec<u8>` bodies: the reqwest one behind a closure.
    let builder = endpoints::Client::builder(server.url()).max_body_size(150_000);
    let reqwest = builder.reqwest_transport();
    let seen = Arc::new(AtomicUsize::new(0));
    let lengths = Arc::clone(&seen);
    let client = builder.build_with_transport(move |request: http::Request<Vec<u8>>| {
        lengths.store(request.body().len(), Ordering::SeqCst);
        let reqwest = reqwest.clone();
        async move { endpoints::Transport::send(&reqwest, request).await }
    });
    for upload in [
        Upload::open(&file.0).unwrap(),
        Upload::stream(
            futures_util::stream::iter([Ok::<_, std::io::Error>(bytes.clone())]),
            None,
        ),
    ] {
        let received = stored(runtime.block_on(client.send(put("whole", upload))));
        assert_eq!(received, bytes.len() as i64);
        assert_eq!(seen.load(Ordering::SeqCst), bytes.len());
        assert_eq!(framing(&server).2, bytes);
    }
    // Past max_body_size it is refused, unsent: known length or not.
    let big = content(200_000);
    for upload in [
        Upload::from(big.clone()),
        Upload::reader(std::io::Cursor::new(big.clone()), None),
    ] {
        let before = server.requests().len();
        let refused = runtime.block_on(client.send(put("big", upload.clone())));
        if upload.is_one_shot() {
            assert!(
                matches!(&refused, Err(Error::Upload(e)) if matches!(**e, UploadError::TooLargeToBuffer { limit: 150_000 })),
                "{refused:?}"
            );
            assert_eq!(server.requests().len(), before);
        } else {
            // Bytes in memory are a body like any other.
            assert_eq!(stored(refused), big.len() as i64);
        }
    }

    let blocking = endpoints::blocking::Client::builder(server.url())
        .max_body_size(150_000)
        .build_with_transport(move |request: http::Request<Vec<u8>>| {
            let body = request.body().len();
            Ok(endpoints::fake::json_response(
                200,
                &format!(r#"{{"received": {body}}}"#),
            ))
        });
    let received = stored(blocking.send(put("whole", Upload::open(&file.0).unwrap())));
    assert_eq!(received, bytes.len() as i64);
    let refused = blocking.send(put("big", Upload::reader(std::io::Cursor::new(big), None)));
    assert!(
        matches!(&refused, Err(Error::Upload(e)) if matches!(**e, UploadError::TooLargeToBuffer { limit: 150_000 })),
        "{refused:?}"
    );
}

#[test]
fn the_servers_side_reads_the_body_as_bytes() {
    let bytes = content(1_000);
    let raw = http::Request::builder()
        .method("PUT")
        .uri("/objects/a.tar")
        .header(header::CONTENT_TYPE, "application/x-tar")
        .body(bytes.clone())
        .unwrap();
    let decoded = put_object::Request::from_http_request(&raw).unwrap();
    assert_eq!(decoded.name, "a.tar");
    assert_eq!(decoded.data.as_bytes(), Some(&bytes[..]));
    assert_eq!(decoded, put("a.tar", Upload::from(bytes.clone())));
    // Encoded again, it is the same request.
    let again = decoded.to_http_request("http://127.0.0.1").unwrap();
    assert_eq!(again.body(), &bytes);
    // Its `Debug` shows what it is made from and its length, never a byte.
    let debug = format!("{:?}", put("a", Upload::from(b"secret".to_vec())));
    assert!(debug.contains("Upload(bytes, 6 bytes)"), "{debug}");
    assert!(!debug.contains("secret"), "{debug}");
    // A note past max_length is refused by the server's side too.
    let long = http::Request::builder()
        .method("POST")
        .uri("/notes")
        .body(vec![b'x'; 65])
        .unwrap();
    assert!(post_note::Request::from_http_request(&long).is_err());
}
