//! What the generated wire code costs against hand-written serde code on the
//! same structs, in the same process.
//!
//!     cargo bench --bench wire
//!
//! Criterion reports each variant's time; the last lines print the ratios
//! (generated ÷ hand-written), measured by interleaved runs of both.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use endpoints::http;
use endpoints::Endpoint;

mod common;

use common::{create_photographer, photographer};

endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("benches/specs/update_listing.json");

#[path = "common/hand_written.rs"]
mod hand_written;

const PERSON: &str = include_str!("../tests/fixtures/cloudcard_person_201.json");

/// A PlanoCore answer with a sizeable `data`, the slug first or last.
fn planocore_body(slug_first: bool) -> Vec<u8> {
    let rows: Vec<serde_json::Value> = (0..40)
        .map(|i| serde_json::json!({"id": i, "email": format!("p{i}@example.com"), "tags": ["a", "b"], "active": i % 2 == 0}))
        .collect();
    let data = serde_json::to_string(&rows).unwrap();
    let text = if slug_first {
        format!(r#"{{"status":"action-successful","data":{data},"session":null}}"#)
    } else {
        format!(r#"{{"data":{data},"session":null,"status":"action-successful"}}"#)
    };
    text.into_bytes()
}

fn response(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .body(body.to_vec())
        .unwrap()
}

/// What a hand-written client builds for the same request.
fn hand_written_request(request: &create_photographer::Request) -> http::Request<Vec<u8>> {
    let body = serde_json::to_vec(request).unwrap();
    http::Request::builder()
        .method(http::Method::POST)
        .uri("https://planocore.planomatic.com/api/v1/photographers/create")
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(body)
        .unwrap()
}

/// Hand-written code to compare the generated encoder with.
type Baseline = fn(&create_photographer::Request);

type Case = (&'static str, Box<dyn Fn()>, Box<dyn Fn()>);

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for slug_first in [true, false] {
        let body = planocore_body(slug_first);
        let generated = response(200, &body);
        let name = if slug_first {
            "decode planocore (slug first)"
        } else {
            "decode planocore (slug last)"
        };
        out.push((
            name,
            Box::new(move || {
                // Each decode takes its own response, as a client's would.
                let r =
                    create_photographer::Request::from_http_response(black_box(generated.clone()));
                black_box(r.unwrap());
            }),
            Box::new(move || {
                let r = black_box(response(200, &body));
                black_box(
                    serde_json::from_slice::<create_photographer::Envelope>(r.body()).unwrap(),
                );
            }),
        ));
    }
    let person = PERSON.as_bytes().to_vec();
    let generated = response(201, &person);
    out.push((
        "decode cloudcard 201 person",
        Box::new(move || {
            let r = create_person::Request::from_http_response(black_box(generated.clone()));
            black_box(r.unwrap());
        }),
        Box::new(move || {
            let r = black_box(response(201, &person));
            black_box(serde_json::from_slice::<create_person::Person>(r.body()).unwrap());
        }),
    ));
    // Encoding, against two baselines: what a hand-written client builds,
    // and the bare body serialization inside it.
    let baselines: [(&'static str, Baseline); 2] = [
        (
            "encode planocore request (vs hand-built http::Request)",
            |r| {
                black_box(hand_written_request(r));
            },
        ),
        (
            "encode planocore request (vs bare serde_json::to_vec)",
            |r| {
                black_box(serde_json::to_vec(r).unwrap());
            },
        ),
    ];
    for (name, baseline) in baselines {
        let request = photographer();
        let same = photographer();
        out.push((
            name,
            Box::new(move || {
                let sent = black_box(&request).to_http_request("https://planocore.planomatic.com");
                black_box(sent.unwrap());
            }),
            Box::new(move || baseline(black_box(&same))),
        ));
    }
    // A shape the seed endpoints lack: two path params (one percent-encoded),
    // a sensitive header, an enum header, two arrays in a JSON body.
    let listing = hand_written::listing_request();
    let same = hand_written::Listing::from_generated(&listing);
    out.push((
        "validate + encode update_listing (vs hand-written checks + http::Request)",
        Box::new(move || {
            let request = black_box(&listing);
            request.validate().unwrap();
            black_box(
                request
                    .to_http_request("https://api.example.com/v3")
                    .unwrap(),
            );
        }),
        Box::new(move || {
            black_box(hand_written::validate_and_encode(black_box(&same)).unwrap());
        }),
    ));
    // The same, split: the checks alone, then the encoding alone.
    let listing = hand_written::listing_request();
    let same = hand_written::Listing::from_generated(&listing);
    out.push((
        "  of which validate update_listing",
        Box::new(move || black_box(&listing).validate().unwrap()),
        Box::new(move || hand_written::validate(black_box(&same)).unwrap()),
    ));
    let listing = hand_written::listing_request();
    let same = hand_written::Listing::from_generated(&listing);
    out.push((
        "  of which encode update_listing",
        Box::new(move || {
            let request = black_box(&listing);
            black_box(
                request
                    .to_http_request("https://api.example.com/v3")
                    .unwrap(),
            );
        }),
        Box::new(move || {
            black_box(hand_written::encode(black_box(&same)).unwrap());
        }),
    ));
    let body = hand_written::listing_body();
    let generated = response(200, &body);
    out.push((
        "decode update_listing 200",
        Box::new(move || {
            let r = update_listing::Request::from_http_response(black_box(generated.clone()));
            black_box(r.unwrap());
        }),
        Box::new(move || {
            let r = black_box(response(200, &body));
            black_box(serde_json::from_slice::<hand_written::ListingReply>(r.body()).unwrap());
        }),
    ));
    out
}

fn bench(c: &mut Criterion) {
    for (name, generated, baseline) in cases() {
        let mut group = c.benchmark_group(name);
        group.bench_function("generated", |b| b.iter(&generated));
        group.bench_function("hand-written", |b| b.iter(&baseline));
        group.finish();
    }
    println!("\nratios, generated ÷ hand-written (interleaved runs, median of 15):");
    for (name, generated, baseline) in cases() {
        println!("  {name}: {:.3}", ratio(&generated, &baseline));
    }
}

/// Median over rounds of (time of `a`) ÷ (time of `b`), the two run in
/// alternation so that both see the same machine.
fn ratio(a: &dyn Fn(), b: &dyn Fn()) -> f64 {
    let iterations = calibrate(b);
    let mut ratios: Vec<f64> = (0..15)
        .map(|_| {
            let ta = time(a, iterations);
            let tb = time(b, iterations);
            ta.as_secs_f64() / tb.as_secs_f64()
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

fn calibrate(f: &dyn Fn()) -> u32 {
    let mut n = 1;
    while time(f, n) < Duration::from_millis(20) && n < 1 << 24 {
        n *= 2;
    }
    n
}

fn time(f: &dyn Fn(), n: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed()
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
