//! A download far larger than `max_body_size` (256 times the cap) read
//! through both clients with memory bounded: every allocation of the
//! process (the fake server's included) is counted, and the most bytes
//! live at once during the download stay below a few chunks' worth, while
//! `send` refuses the same body whole. And an upload as large, sent from a
//! file and from a stream (a reader on the blocking client) made as it is
//! read, to a server that drops each chunk as it reads it: the same bound.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use endpoints::fake::{Chunks, FakeServer};
use endpoints::{http, Error};
use futures_util::StreamExt;

endpoints::endpoint!("tests/specs/streams/download.json");

/// Counts the bytes live, and the most live at once since the last reset.
struct Tracking;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the new block taken before the old one is given back.
        grew(new_size);
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Tracking = Tracking;

/// The tests of this file one at a time: the counts are the process's.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The most bytes live at once while `f` runs, above what was live before.
fn peak_growth<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    (out, PEAK.load(Ordering::SeqCst).saturating_sub(before))
}

const CHUNK: usize = 64 * 1024;
const CHUNKS: usize = 1024;
const TOTAL: usize = CHUNK * CHUNKS; // 64 MiB
const CAP: usize = 256 * 1024;
/// Far below the body, far above what a few chunks in flight take.
const BOUND: usize = 8 * 1024 * 1024;

#[test]
fn a_download_far_larger_than_the_cap_is_read_with_memory_bounded() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let server = FakeServer::builder()
        .stream(http::Method::GET, "/files/{name}", |_| {
            let chunks: Chunks = Box::new((0..CHUNKS).map(|i| vec![(i % 251) as u8; CHUNK]));
            http::Response::new(chunks)
        })
        .start()
        .unwrap();
    let request = || download::Request::builder().name("big.bin").build();
    // Which chunk each byte came from: every byte is checked, none kept.
    let check = |offset: usize, bytes: &[u8]| {
        for (i, b) in bytes.iter().enumerate() {
            assert_eq!(*b, (((offset + i) / CHUNK) % 251) as u8);
        }
    };

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(server.url())
        .max_body_size(CAP)
        .build();
    let whole = runtime.block_on(client.send(request()));
    assert!(
        matches!(whole, Err(Error::BodyTooLarge { limit: CAP })),
        "read whole, the body passes the cap: {whole:?}"
    );
    let (read, peak) = peak_growth(|| {
        runtime.block_on(async {
            let reply = client.download(request()).await.unwrap();
            let mut body = reply.into_stream().unwrap().body;
            let mut read = 0;
            while let Some(chunk) = body.next().await {
                let chunk = chunk.unwrap();
                check(read, &chunk);
                read += chunk.len();
            }
            read
        })
    });
    assert_eq!(read, TOTAL);
    assert!(peak < BOUND, "async: {peak} bytes live at once");
    eprintln!("async: {TOTAL} bytes read, at most {peak} bytes live at once");

    let blocking = endpoints::blocking::Client::builder(server.url())
        .max_body_size(CAP)
        .build();
    assert!(matches!(
        blocking.send(request()),
        Err(Error::BodyTooLarge { limit: CAP })
    ));
    let (read, peak) = peak_growth(|| {
        let reply = blocking.download(request()).unwrap();
        let mut body = reply.into_stream().unwrap().body;
        let mut buffer = vec![0u8; CHUNK];
        let mut read = 0;
        loop {
            let n = body.read(&mut buffer).unwrap();
            if n == 0 {
                break read;
            }
            check(read, &buffer[..n]);
            read += n;
        }
    });
    assert_eq!(read, TOTAL);
    assert!(peak < BOUND, "blocking: {peak} bytes live at once");
    eprintln!("blocking: {TOTAL} bytes read, at most {peak} bytes live at once");
}

endpoints::endpoint!("tests/specs/uploads/put_object.json");

/// A server that reads a request's body into a fixed buffer and drops it
/// (by `Content-Length` or chunked), checking each byte against `expect`,
/// and answers `put_object`'s `stored` with how many bytes it received:
/// it holds no body, so the process's peak is the client's.
/// Each connection is served on a thread of its own, until the process ends.
fn counting_server(expect: fn(usize) -> u8) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for connection in listener.incoming() {
            let connection = connection.unwrap();
            std::thread::spawn(move || serve(connection, expect));
        }
    });
    url
}

fn serve(connection: std::net::TcpStream, expect: fn(usize) -> u8) {
    use std::io::{BufRead, BufReader, Write};
    let mut stream = BufReader::new(connection);
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let (mut length, mut chunked) = (None, false);
        loop {
            let mut header = String::new();
            stream.read_line(&mut header).unwrap();
            let header = header.trim_end().to_ascii_lowercase();
            if header.is_empty() {
                break;
            }
            if let Some(n) = header.strip_prefix("content-length:") {
                length = Some(n.trim().parse::<usize>().unwrap());
            }
            chunked |= header == "transfer-encoding: chunked";
        }
        let mut buffer = vec![0u8; CHUNK];
        let mut received = 0;
        let mut drain = |stream: &mut BufReader<std::net::TcpStream>, mut n: usize| {
            while n > 0 {
                let got = stream.read(&mut buffer[..n.min(CHUNK)]).unwrap();
                assert!(got > 0, "the body ended early");
                for (i, b) in buffer[..got].iter().enumerate() {
                    assert_eq!(*b, expect(received + i), "byte {}", received + i);
                }
                received += got;
                n -= got;
            }
        };
        if chunked {
            loop {
                let mut size = String::new();
                stream.read_line(&mut size).unwrap();
                let size = usize::from_str_radix(size.trim(), 16).unwrap();
                drain(&mut stream, size);
                let mut end = String::new();
                stream.read_line(&mut end).unwrap();
                if size == 0 {
                    break;
                }
            }
        } else {
            drain(&mut stream, length.unwrap_or(0));
        }
        let body = format!(r#"{{"received": {received}}}"#);
        write!(
            stream.get_mut(),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
    }
}

/// Which byte of an upload is at `offset`.
fn upload_byte(offset: usize) -> u8 {
    ((offset / CHUNK) % 251) as u8
}

#[test]
fn an_upload_far_larger_than_the_cap_is_sent_with_memory_bounded() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let url = counting_server(upload_byte);
    let path = std::env::temp_dir().join(format!("endpoints-upload-memory-{}", std::process::id()));
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for i in 0..CHUNKS {
            std::io::Write::write_all(&mut file, &[upload_byte(i * CHUNK); CHUNK]).unwrap();
        }
    }
    let put = |data: endpoints::Upload| {
        put_object::Request::builder()
            .name("big")
            .data(data)
            .build()
    };
    let received = |response: Result<put_object::Response, Error>| match response {
        Ok(put_object::Response::Stored(reply)) => reply.body.received as usize,
        other => panic!("expected stored: {other:?}"),
    };
    let generated = || {
        futures_util::stream::iter(0..CHUNKS)
            .map(|i| Ok::<_, std::io::Error>(vec![upload_byte(i * CHUNK); CHUNK]))
    };

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(&url).max_body_size(CAP).build();
    for (way, upload) in [
        ("file", endpoints::Upload::open(&path).unwrap()),
        ("stream", endpoints::Upload::stream(generated(), None)),
    ] {
        let (sent, peak) = peak_growth(|| received(runtime.block_on(client.send(put(upload)))));
        assert_eq!(sent, TOTAL, "async {way}");
        assert!(peak < BOUND, "async {way}: {peak} bytes live at once");
        eprintln!("async {way}: {TOTAL} bytes sent, at most {peak} bytes live at once");
    }

    let blocking = endpoints::blocking::Client::builder(&url)
        .max_body_size(CAP)
        .build();
    let generated =
        std::io::Read::chain(std::io::Cursor::new(Vec::new()), GeneratedReader { at: 0 });
    for (way, upload) in [
        ("file", endpoints::Upload::open(&path).unwrap()),
        ("reader", endpoints::Upload::reader(generated, None)),
    ] {
        let (sent, peak) = peak_growth(|| received(blocking.send(put(upload))));
        assert_eq!(sent, TOTAL, "blocking {way}");
        assert!(peak < BOUND, "blocking {way}: {peak} bytes live at once");
        eprintln!("blocking {way}: {TOTAL} bytes sent, at most {peak} bytes live at once");
    }
    std::fs::remove_file(&path).ok();
}

/// `TOTAL` bytes of `upload_byte`, made as they are read.
struct GeneratedReader {
    at: usize,
}

impl Read for GeneratedReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(TOTAL - self.at);
        for (i, b) in buf[..n].iter_mut().enumerate() {
            *b = upload_byte(self.at + i);
        }
        self.at += n;
        Ok(n)
    }
}
