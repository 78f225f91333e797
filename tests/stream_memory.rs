//! A download far larger than `max_body_size` (256 times the cap) read
//! through both clients with memory bounded: every allocation of the
//! process (the fake server's included) is counted, and the most bytes
//! live at once during the download stay below a few chunks' worth, while
//! `send` refuses the same body whole.

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
