//! What `Client::send` costs over raw reqwest, on loopback, in the same
//! process: the same PlanoCore request to the same embedded server, once
//! through the generated code (validate, encode, send, tell the answer
//! apart, decode) and once built and read by hand with reqwest.
//!
//!     cargo bench --bench send
//!
//! Prints requests per second for each and the ratio of their times
//! (generated ÷ raw reqwest), from interleaved rounds (median of 15); then
//! what an idle retry policy costs (a client with one, where no retry
//! happens, ÷ the same client without). Run it again with
//! `--features tracing` for the cost of tracing compiled in with no
//! subscriber listening.

use std::time::{Duration, Instant};

use endpoints::fake::FakeServer;
use endpoints::http::Method;

mod common;

use common::{create_photographer, photographer};

const ANSWER: &str =
    r#"{"status":"action-successful","data":{"id":42,"email":"ansel@example.com"},"session":null}"#;

/// The same request by hand: the body a careful hand-written client sends.
#[derive(serde::Serialize)]
struct Body<'a> {
    view: &'a str,
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    password: &'a str,
    phone: &'a str,
    extension: i64,
    service_area_id: i64,
    language: &'a str,
    department: &'a str,
    token: &'a str,
    application: &'a str,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Envelope {
    status: String,
    data: Option<serde_json::Value>,
    session: Option<serde_json::Value>,
}

fn main() {
    let server = FakeServer::builder()
        .route(Method::POST, "/api/v1/photographers/create", |_| {
            endpoints::fake::json_response(200, ANSWER)
        })
        .start()
        .expect("the embedded server starts");
    let url = server.url();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = endpoints::Client::new(url.clone());
    let with_policy = endpoints::Client::builder(url.clone())
        .retry(endpoints::RetryPolicy::new())
        .build();
    let raw = reqwest::Client::new();
    let endpoint = format!("{url}/api/v1/photographers/create");

    let generated = || {
        runtime.block_on(async {
            let response = client.send(photographer()).await.unwrap();
            assert!(matches!(
                response,
                create_photographer::Response::ActionSuccessful(_)
            ));
        })
    };
    let idle_retry = || {
        runtime.block_on(async {
            let response = with_policy.send(photographer()).await.unwrap();
            assert!(matches!(
                response,
                create_photographer::Response::ActionSuccessful(_)
            ));
        })
    };
    let by_hand = || {
        runtime.block_on(async {
            let body = Body {
                view: "internalapps_view",
                email: "ansel@example.com",
                first_name: "Ansel",
                last_name: "Adams",
                password: "moonrise-1941",
                phone: "+1 555 0100",
                extension: 12,
                service_area_id: 4,
                language: "en",
                department: "field",
                token: "app-token-3f9a",
                application: "planoauth",
            };
            let response = raw
                .post(&endpoint)
                .header("accept", "application/json")
                .json(&body)
                .send()
                .await
                .unwrap();
            let bytes = response.bytes().await.unwrap();
            let envelope: Envelope = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(envelope.status, "action-successful");
        })
    };

    const PER_ROUND: u32 = 300;
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..PER_ROUND {
            f();
        }
        start.elapsed()
    };
    // Warm both: connections, allocator, caches.
    time(&generated);
    time(&by_hand);
    let mut ratios = Vec::new();
    let (mut a_total, mut b_total) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..15 {
        let a = time(&generated);
        let b = time(&by_hand);
        a_total += a;
        b_total += b;
        ratios.push(a.as_secs_f64() / b.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let mut idle = Vec::new();
    for _ in 0..15 {
        let a = time(&idle_retry);
        let b = time(&generated);
        idle.push(a.as_secs_f64() / b.as_secs_f64());
    }
    idle.sort_by(f64::total_cmp);
    let rate = |total: Duration| f64::from(PER_ROUND * 15) / total.as_secs_f64();
    println!("send on loopback, sequential, {PER_ROUND} requests a round, 15 rounds:");
    println!("  endpoints Client::send: {:.0} requests/s", rate(a_total));
    println!("  raw reqwest, by hand:   {:.0} requests/s", rate(b_total));
    println!(
        "  ratio, generated ÷ raw reqwest (median of 15 interleaved rounds): {:.3} (min {:.3}, max {:.3})",
        ratios[7], ratios[0], ratios[14]
    );
    println!(
        "  idle retry policy, with ÷ without (median of 15 interleaved rounds): {:.3} (min {:.3}, max {:.3})",
        idle[7], idle[0], idle[14]
    );
    println!(
        "  tracing compiled in: {}",
        if cfg!(feature = "tracing") {
            "yes, no subscriber"
        } else {
            "no"
        }
    );
}
