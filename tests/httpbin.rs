//! The spec shapes `cookies.rs`, `bodies.rs` and `catch_all.rs` check
//! against the fake server (cookie params, `bytes`, binary and text
//! responses, `4XX`/`5XX`/`default` codes), against a real server: httpbin,
//! the Flask app, on 127.0.0.1
//! (`tests/servers/httpbin/serve.py`). Each shape is sent through both
//! clients, async and blocking, and checked byte for byte against what
//! httpbin saw (its echoes, its request log) or what it serves to a plain
//! HTTP/1.0 request written by hand here.
//!
//! Needs Python 3 with httpbin:
//! `pip install -r tests/servers/httpbin/requirements.txt` (`.ci/run` does it).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;

use endpoints::{Endpoint, Error};
use futures_util::StreamExt;

#[path = "support/python_server.rs"]
mod python_server;
mod support;

use python_server::PythonServer;

endpoints::endpoint!("tests/specs/httpbin");

/// Query arrays in each style.
mod styles {
    endpoints::endpoint!("tests/specs/find_lines.json");
    endpoints::endpoint!("tests/specs/preview_note.json");
    endpoints::endpoint!("tests/specs/search_leads.json");
}

/// Endpoints that share a route, told apart by fixed params (`const`).
mod fixed {
    endpoints::endpoint!("tests/specs/fixed");
}

const SESSION: &str = "sess-8c1f29aa";

/// What httpbin serves at `path` to a plain HTTP/1.0 GET written by hand:
/// the status, the `Content-Type` if any, and the body bytes.
fn raw_get(httpbin: &PythonServer, path: &str) -> (u16, Option<String>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", httpbin.port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\n\r\n",
        httpbin.port
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head and a body");
    let head = String::from_utf8(answer[..split].to_vec()).unwrap();
    let body = answer[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let content_type = lines.find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("content-type")
            .then(|| value.trim().to_string())
    });
    (status.parse().unwrap(), content_type, body)
}

/// Sends `request` through both clients, with the session credential.
fn send_both<E>(httpbin: &PythonServer, request: E) -> [E::Response; 2]
where
    E: Endpoint + Clone + Send + 'static,
    E::Response: Send,
{
    let [from_async, from_blocking] = support::send_both_with(
        &httpbin.url,
        request,
        |b| b.credential(SESSION),
        |b| b.credential(SESSION),
    );
    let sent = |r: Result<E::Response, Error>| r.unwrap_or_else(|e| panic!("{e}"));
    [sent(from_async), sent(from_blocking)]
}

#[test]
fn httpbin_serves_every_shape_as_the_spec_says() {
    let httpbin = PythonServer::start("httpbin", "serve.py", "httpbin");
    cookies(&httpbin);
    bytes(&httpbin);
    unions(&httpbin);
    binary_responses(&httpbin);
    text_responses(&httpbin);
    catch_all_responses(&httpbin);
    whole_bodies(&httpbin);
    multipart(&httpbin);
    streams(&httpbin);
    fixed_params(&httpbin);
    uploads(&httpbin);
    query_styles(&httpbin);
    shared_names(&httpbin);
}

/// Query arrays as the spec's `style` says, through both clients: the
/// request line byte for byte from httpbin's log (an item's own comma or
/// pipe escaped), and httpbin's reading of it.
/// One name in four places (Trello's `/tokens/{token}` beside its
/// `?token=` credential): each param travels where the spec puts it, as
/// httpbin saw it.
fn shared_names(httpbin: &PythonServer) {
    let tokens = echo_token::Request::builder()
        .token("looked-up")
        .query_token("mine")
        .header_token("from-header")
        .body_token("from-body")
        .x_tags(vec!["a".to_string(), "b c".to_string()])
        .build();
    // A response header that is a list, in several lines or in one.
    let request = get_response_headers::Request {
        x_tags: Some(vec!["a".to_string(), "b c".to_string()]),
        x_codes: Some("1, 2,,3".into()),
    };
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, request))
    {
        let get_response_headers::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(
            reply.x_tags,
            Some(vec!["a".to_string(), "b c".to_string()]),
            "{client}"
        );
        assert_eq!(reply.x_codes, Some(vec![1, 2, 3]), "{client}");
    }

    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, tokens)) {
        let echo_token::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        let echo = reply.body;
        assert!(
            echo.url.ends_with("/anything/tokens/looked-up?token=mine"),
            "{client}: {}",
            echo.url
        );
        assert_eq!(echo.args["token"], "mine", "{client}");
        assert_eq!(echo.headers["Token"], "from-header", "{client}");
        // A header list: one line, its items joined by commas.
        assert_eq!(echo.headers["X-Tags"], "a,b c", "{client}");
        assert_eq!(
            echo.json,
            Some(serde_json::json!({ "token": "from-body" })),
            "{client}"
        );
    }
}

fn query_styles(httpbin: &PythonServer) {
    use styles::find_lines;
    let request = find_lines::Request::builder()
        .ids(vec![1, 22, 333])
        .names(vec!["Victoria".into(), "Hammersmith & City, East".into()])
        .modes(vec!["tube".into(), "a|b".into()])
        .tags(vec!["x".into(), "y".into()])
        .build();
    for response in send_both(httpbin, request) {
        let find_lines::Response::Ok(reply) = response else {
            panic!("{response:?}")
        };
        let args = &reply.body.args;
        assert_eq!(args["ids"], "1,22,333");
        assert_eq!(args["names"], "Victoria,Hammersmith & City, East");
        assert_eq!(args["modes"], "tube|a|b");
        assert_eq!(args["tags"], serde_json::json!(["x", "y"]));
    }
    let lines = httpbin.lines_with("\"GET /anything/lines", 2);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for line in lines {
        assert_eq!(
            line.split('"').nth(1),
            Some(
                "GET /anything/lines?ids=1,22,333&names=Victoria,Hammersmith%20%26%20City%2C%20East\
                 &modes=tube|a%7Cb&tags=x&tags=y HTTP/1.1"
            ),
            "{line}"
        );
    }
    // In brackets (Stripe's way): httpbin reads each key as it came.
    use styles::preview_note;
    let note = preview_note::Request::builder()
        .invoice("in_1")
        .lines(vec![preview_note::NoteLine {
            amount: 500,
            quantity: None,
            taxable: Some(false),
            tax_rates: Some(preview_note::TaxRates::Array(vec!["txr_1".into()])),
        }])
        .metadata(BTreeMap::from([("k".to_string(), "v w".to_string())]))
        .expand(vec!["customer".into()])
        .created(preview_note::Created::Integer(5))
        .build();
    for response in send_both(httpbin, note) {
        let preview_note::Response::Ok(reply) = response else {
            panic!("{response:?}")
        };
        let args: BTreeMap<&str, &str> = reply
            .body
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or("(not one text)")))
            .collect();
        let expected: BTreeMap<&str, &str> = [
            ("invoice", "in_1"),
            ("lines[0][amount]", "500"),
            ("lines[0][taxable]", "false"),
            ("lines[0][tax_rates][0]", "txr_1"),
            ("metadata[k]", "v w"),
            ("expand[0]", "customer"),
            ("created", "5"),
        ]
        .into();
        assert_eq!(args, expected);
    }
    let lines = httpbin.lines_with("\"GET /anything/notes", 2);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for line in lines {
        assert_eq!(
            line.split('"').nth(1),
            Some(
                "GET /anything/notes?invoice=in_1&lines%5B0%5D%5Bamount%5D=500\
                 &lines%5B0%5D%5Btaxable%5D=false&lines%5B0%5D%5Btax_rates%5D%5B0%5D=txr_1\
                 &metadata%5Bk%5D=v%20w&expand%5B0%5D=customer&created=5 HTTP/1.1"
            ),
            "{line}"
        );
    }

    // A flattened map: each entry a query param of its own.
    use styles::search_leads;
    let leads = search_leads::Request::builder()
        .limit(5)
        .pass_through(BTreeMap::from([(
            "search".to_string(),
            "leads".to_string(),
        )]))
        .build();
    for response in send_both(httpbin, leads) {
        let search_leads::Response::Ok(reply) = response else {
            panic!("{response:?}")
        };
        assert_eq!(
            reply.body.args,
            BTreeMap::from([
                ("limit".to_string(), "5".into()),
                ("search".to_string(), "leads".into())
            ])
        );
    }

    // An empty list sends no key, as the key per item would.
    let none = find_lines::Request::builder()
        .ids(vec![7])
        .names(Vec::new())
        .build();
    for response in send_both(httpbin, none) {
        let find_lines::Response::Ok(reply) = response else {
            panic!("{response:?}")
        };
        assert_eq!(reply.body.args, [("ids".to_string(), "7".into())].into());
    }
}

/// Fixed params (`const`) as httpbin receives them: the `X-Amz-Target`
/// header, the query's `Action` and `Version` before the request's own
/// params, the key `acl` alone, and the cookie `api=2`, each once; and
/// the request line byte for byte, from httpbin's log.
fn fixed_params(httpbin: &PythonServer) {
    use fixed::{get_thing, get_things_acl, list_things, Echo};
    let echoes = |responses: [get_thing::Response; 2]| -> Vec<Echo> {
        responses
            .into_iter()
            .map(|response| match response {
                get_thing::Response::Ok(reply) => reply.body,
                other => panic!("{other:?}"),
            })
            .collect()
    };
    let text = |map: &Option<BTreeMap<String, serde_json::Value>>| -> BTreeMap<String, String> {
        map.iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("(not text)").to_string()))
            .collect()
    };

    let get = get_thing::Request::builder().key("k1").build();
    for echo in echoes(send_both(httpbin, get)) {
        let headers = echo.headers.unwrap();
        assert_eq!(headers["X-Amz-Target"], "Things_20240101.GetThing");
        assert_eq!(
            echo.json.into_value(),
            Some(serde_json::json!({ "Key": "k1" }))
        );
        assert_eq!(text(&echo.args), BTreeMap::new());
    }

    let list = list_things::Request::builder().max_results(5).build();
    for echo in echoes(send_both(httpbin, list)) {
        let args = text(&echo.args);
        let expected: BTreeMap<String, String> = [
            ("Action", "ListThings"),
            ("Version", "2024-01-01"),
            ("MaxResults", "5"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(args, expected);
        let headers = echo.headers.unwrap();
        assert_eq!(headers["Cookie"], "api=2");
        assert!(!headers.contains_key("X-Amz-Target"));
    }

    let acl = get_things_acl::Request::builder().build();
    for echo in echoes(send_both(httpbin, acl)) {
        let args = text(&echo.args);
        assert_eq!(args, [("acl".to_string(), String::new())].into());
    }

    let lines = httpbin.lines_with("\"GET /anything/things", 4);
    let sent: Vec<&str> = lines.iter().filter_map(|l| l.split('"').nth(1)).collect();
    assert_eq!(
        sent,
        [
            "GET /anything/things?Action=ListThings&Version=2024-01-01&MaxResults=5 HTTP/1.1",
            "GET /anything/things?Action=ListThings&Version=2024-01-01&MaxResults=5 HTTP/1.1",
            "GET /anything/things?acl HTTP/1.1",
            "GET /anything/things?acl HTTP/1.1",
        ]
    );
}

/// A `binary` body that says `"stream": true`, from bytes, a file, and a
/// reader or stream of known length, through both clients: httpbin echoes
/// the exact bytes (as a `data:` URL: they are not UTF-8), the spec's
/// `Content-Type` and the `Content-Length` sent. (wsgiref reads a body by
/// its `Content-Length` only, so chunked uploads, of unknown length, are
/// checked against the fake server in `uploads.rs`.)
fn uploads(httpbin: &PythonServer) {
    let bytes: Vec<u8> = (0..70_000u32).map(|i| (i % 256) as u8).collect();
    let path =
        std::env::temp_dir().join(format!("endpoints-httpbin-upload-{}", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let len = Some(bytes.len() as u64);
    let request =
        |upload: endpoints::Upload| upload_stream::Request::builder().archive(upload).build();
    let check = |way: &str, response: Result<upload_stream::Response, Error>| {
        let upload_stream::Response::Ok(reply) = response.unwrap_or_else(|e| panic!("{way}: {e}"))
        else {
            panic!("{way}: not the echo")
        };
        assert_eq!(reply.body.method, "PUT", "{way}");
        let data = reply
            .body
            .data
            .strip_prefix("data:application/octet-stream;base64,")
            .unwrap_or_else(|| panic!("{way}: not a data URL"));
        // Base64, read back as `bytes` read it.
        let echoed: endpoints::Bytes = serde_json::from_value(data.into()).unwrap();
        assert!(echoed.0 == bytes, "{way}: the bytes differ");
        assert_eq!(
            reply.body.headers["Content-Type"], "application/gzip",
            "{way}"
        );
        assert_eq!(reply.body.headers["Content-Length"], "70000", "{way}");
    };

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::new(&httpbin.url);
    let chunks = futures_util::stream::iter(
        bytes
            .chunks(4096)
            .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
            .collect::<Vec<_>>(),
    );
    for (way, upload) in [
        ("async bytes", endpoints::Upload::from(bytes.clone())),
        ("async file", endpoints::Upload::open(&path).unwrap()),
        ("async stream", endpoints::Upload::stream(chunks, len)),
    ] {
        check(way, runtime.block_on(client.send(request(upload))));
    }
    let blocking = endpoints::blocking::Client::new(&httpbin.url);
    for (way, upload) in [
        ("blocking bytes", endpoints::Upload::from(bytes.clone())),
        ("blocking file", endpoints::Upload::open(&path).unwrap()),
        (
            "blocking reader",
            endpoints::Upload::reader(std::io::Cursor::new(bytes.clone()), len),
        ),
    ] {
        check(way, blocking.send(request(upload)));
    }
    std::fs::remove_file(&path).ok();
}

/// Streamed responses, through both clients with a body cap far below
/// them: `/stream-bytes` (compared byte for byte with what httpbin serves
/// to a plain HTTP/1.0 GET), `/stream` (JSON lines, typed), `/drip`
/// (bytes given as they arrive: the first long before the last is sent),
/// and a `/drip` answered with another status, read whole and decoded.
fn streams(httpbin: &PythonServer) {
    let cap = 1024;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(&httpbin.url)
        .max_body_size(cap)
        .build();
    let blocking = endpoints::blocking::Client::builder(&httpbin.url)
        .max_body_size(cap)
        .build();

    let bytes = || {
        stream_bytes::Request::builder()
            .n(20000)
            .seed(7)
            .chunk_size(1000)
            .build()
    };
    let (status, _, expected) = raw_get(httpbin, "/stream-bytes/20000?seed=7&chunk_size=1000");
    assert_eq!((status, expected.len()), (200, 20000));
    let from_async = runtime.block_on(async {
        let reply = client
            .download(bytes())
            .await
            .unwrap()
            .into_stream()
            .unwrap();
        let chunks: Vec<Vec<u8>> = reply.body.map(Result::unwrap).collect().await;
        chunks.concat()
    });
    assert_eq!(from_async, expected, "async");
    let mut reply = blocking.download(bytes()).unwrap().into_stream().unwrap();
    let mut from_blocking = Vec::new();
    reply.body.read_to_end(&mut from_blocking).unwrap();
    assert_eq!(from_blocking, expected, "blocking");

    let lines = || stream_lines::Request::builder().n(5).build();
    let from_async: Vec<stream_lines::Echo> = runtime.block_on(async {
        let reply = client.events(lines()).await.unwrap().into_stream().unwrap();
        reply.body.map(Result::unwrap).collect().await
    });
    let reply = blocking.events(lines()).unwrap().into_stream().unwrap();
    let from_blocking: Vec<stream_lines::Echo> = reply.body.map(Result::unwrap).collect();
    for (client, echoes) in [("async", from_async), ("blocking", from_blocking)] {
        let ids: Vec<i64> = echoes.iter().map(|e| e.id).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4], "{client}");
        assert!(
            echoes[0].url.ends_with("/stream/5"),
            "{client}: {}",
            echoes[0].url
        );
    }

    // Four drops half a second apart: the first is read long before the
    // last is sent.
    let drip = || {
        drip::Request::builder()
            .duration(2.0)
            .numbytes(4)
            .delay(0.0)
            .build()
    };
    let (first, all) = runtime.block_on(async {
        let reply = client
            .download(drip())
            .await
            .unwrap()
            .into_stream()
            .unwrap();
        let mut body = reply.body;
        let mut all = Vec::new();
        let mut first = None;
        while let Some(chunk) = body.next().await {
            first.get_or_insert_with(std::time::Instant::now);
            all.extend(chunk.unwrap());
        }
        (first.unwrap(), all)
    });
    assert_eq!(all, b"****");
    let gap = first.elapsed();
    assert!(gap >= std::time::Duration::from_secs(1), "async: {gap:?}");
    let reply = blocking.download(drip()).unwrap().into_stream().unwrap();
    let mut body = reply.body;
    let mut drop = [0u8; 1];
    body.read_exact(&mut drop).unwrap();
    let first = std::time::Instant::now();
    let mut rest = Vec::new();
    body.read_to_end(&mut rest).unwrap();
    assert_eq!(rest, b"***");
    let gap = first.elapsed();
    assert!(
        gap >= std::time::Duration::from_secs(1),
        "blocking: {gap:?}"
    );

    let teapot = drip::Request::builder()
        .numbytes(2)
        .duration(0.0)
        .code(418)
        .build();
    let answer = blocking.download(teapot).unwrap();
    let endpoints::Streamed::Response(drip::Response::Other(reply)) = answer else {
        panic!("418 is `other`: {answer:?}");
    };
    assert_eq!((reply.status, &reply.body.bytes[..]), (418, &b"**"[..]));
}

/// Cookie params: the credential filled in, an enum, and a value that
/// RFC 6265 allows no raw byte of, which httpbin shows as sent.
fn cookies(httpbin: &PythonServer) {
    let request = echo_cookies::Request {
        session_id: None,
        theme: Some(echo_cookies::Theme::Dark),
        note: Some("a b;c\"d é,\\100%".into()),
    };
    let expected: BTreeMap<String, String> = [
        ("session_id", SESSION),
        ("theme", "dark"),
        ("note", "a%20b%3Bc%22d%20%C3%A9%2C%5C100%25"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, request))
    {
        let echo_cookies::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 200, "{client}");
        assert_eq!(reply.body.cookies, expected, "{client}: httpbin saw");
    }
}

/// Unions in a JSON body: each member written as it is (a tagged one with
/// its own tag field), as httpbin received it, and read back from its echo
/// as the same member, by tag or by the first member that fits.
fn unions(httpbin: &PythonServer) {
    use echo_union::{Label, LabelText, Shape, ShapeCircle, Square};
    let cases = [
        (
            Shape::Circle(ShapeCircle {
                kind: "circle".into(),
                radius: 1.5,
            }),
            Some(Label::Integer(7)),
            serde_json::json!({ "shape": { "kind": "circle", "radius": 1.5 }, "label": 7 }),
        ),
        (
            Shape::Square(Square {
                kind: "square".into(),
                side: 3,
            }),
            Some(Label::LabelText(LabelText {
                text: "cube".into(),
                lang: None,
            })),
            serde_json::json!({ "shape": { "kind": "square", "side": 3 }, "label": { "text": "cube" } }),
        ),
        (
            Shape::Square(Square {
                kind: "square".into(),
                side: 4,
            }),
            Some(Label::String("4".into())),
            serde_json::json!({ "shape": { "kind": "square", "side": 4 }, "label": "4" }),
        ),
    ];
    for (shape, label, wire) in cases {
        let request = echo_union::Request {
            shape: shape.clone(),
            label: label.clone(),
        };
        for (client, response) in ["async", "blocking"]
            .iter()
            .zip(send_both(httpbin, request))
        {
            let echo_union::Response::Ok(reply) = response else {
                panic!("{client}: {response:?}");
            };
            let sent: serde_json::Value = serde_json::from_str(&reply.body.data).unwrap();
            assert_eq!(sent, wire, "{client}: the body httpbin received");
            assert_eq!(reply.body.json.shape, shape, "{client}");
            assert_eq!(reply.body.json.label, label, "{client}");
        }
    }
}

/// `bytes` in a JSON body and in the query: base64 (standard, padded) on
/// the wire, as httpbin received it, and back into bytes from its echo.
fn bytes(httpbin: &PythonServer) {
    // Chosen so that the base64 holds `+`, `/` and padding.
    let payload: &[u8] = &[0xfb, 0xff, 0xbf, 0x00, 0x01, 0x3e, 0x3f];
    let payload_base64 = "+/+/AAE+Pw==";
    let checksum: &[u8] = &[0xfb, 0xff];
    let checksum_base64 = "+/8=";
    let request = echo_bytes::Request {
        payload: payload.into(),
        label: Some("seven bytes".into()),
        checksum: Some(checksum.into()),
    };
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, request))
    {
        let echo_bytes::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        let echo = reply.body;
        assert_eq!(echo.method, "POST", "{client}");
        // The body's text, as httpbin received it.
        let sent: serde_json::Value = serde_json::from_str(&echo.data).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({ "payload": payload_base64, "label": "seven bytes" }),
            "{client}: the body httpbin received"
        );
        // httpbin's `json` and `args`, decoded into bytes again.
        assert_eq!(&echo.json.payload[..], payload, "{client}");
        assert_eq!(echo.json.label.as_deref(), Some("seven bytes"), "{client}");
        let echoed = echo.args.checksum.expect("httpbin echoes the query");
        assert_eq!(&echoed[..], checksum, "{client}");
    }
    // The query as it travelled: the base64 text, percent-encoded (a raw
    // `+` would read as a space).
    let encoded = "%2B%2F8%3D";
    assert_eq!(
        encoded
            .replace("%2B", "+")
            .replace("%2F", "/")
            .replace("%3D", "="),
        checksum_base64
    );
    let lines = httpbin.lines_with("\"POST /anything", 2);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    for line in &lines {
        assert!(
            line.contains(&format!(
                "\"POST /anything?checksum={encoded} HTTP/1.1\" 200 "
            )),
            "{line}"
        );
    }
}

/// `image/png` and `application/octet-stream` responses: the bytes exactly
/// as httpbin serves them, with their content type.
fn binary_responses(httpbin: &PythonServer) {
    let (status, content_type, png) = raw_get(httpbin, "/image/png");
    assert_eq!((status, content_type.as_deref()), (200, Some("image/png")));
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "httpbin serves a PNG"
    );
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, get_png::Request {}))
    {
        let get_png::Response::Image(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 200, "{client}");
        assert_eq!(
            reply.body.content_type.as_deref(),
            Some("image/png"),
            "{client}"
        );
        assert!(
            reply.body.bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{client}"
        );
        assert!(
            reply.body.bytes == png,
            "{client}: not the PNG httpbin serves"
        );
    }

    // Seeded, so the same n bytes each time.
    let n = 1000;
    let (status, content_type, served) = raw_get(httpbin, "/bytes/1000?seed=42");
    assert_eq!(
        (status, content_type.as_deref()),
        (200, Some("application/octet-stream"))
    );
    assert_eq!(served.len(), n);
    let request = get_bytes::Request {
        n: n as i64,
        seed: Some(42),
    };
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, request))
    {
        let get_bytes::Response::Bytes(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(
            reply.body.content_type.as_deref(),
            Some("application/octet-stream"),
            "{client}"
        );
        assert_eq!(reply.body.bytes.len(), n, "{client}");
        assert!(reply.body.bytes == served, "{client}: not the seeded bytes");
    }
}

/// `text/plain` and `application/xml` responses: kept as the text httpbin
/// serves, never parsed.
fn text_responses(httpbin: &PythonServer) {
    let (status, content_type, robots) = raw_get(httpbin, "/robots.txt");
    assert_eq!((status, content_type.as_deref()), (200, Some("text/plain")));
    let robots = String::from_utf8(robots).unwrap();
    assert!(robots.starts_with("User-agent: *\n"), "{robots:?}");
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, get_robots::Request {}))
    {
        let get_robots::Response::Robots(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.text, robots, "{client}");
        assert_eq!(
            reply.body.content_type.as_deref(),
            Some("text/plain"),
            "{client}"
        );
    }

    let (status, content_type, xml) = raw_get(httpbin, "/xml");
    assert_eq!(
        (status, content_type.as_deref()),
        (200, Some("application/xml"))
    );
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml:?}");
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, get_xml::Request {}))
    {
        let get_xml::Response::Document(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.text, xml, "{client}");
        assert_eq!(
            reply.body.content_type.as_deref(),
            Some("application/xml"),
            "{client}"
        );
    }
}

/// `4XX`, `5XX` and `default`: each stands for the statuses no response has
/// exactly, and its reply keeps the status httpbin sent.
fn catch_all_responses(httpbin: &PythonServer) {
    let status = |code: i64| get_status::Request { code };

    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, status(200)))
    {
        let get_status::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 200, "{client}");
    }

    // 418: no response has it, its class has one; the teapot is text.
    let (code, content_type, teapot) = raw_get(httpbin, "/status/418");
    assert_eq!((code, content_type), (418, None));
    let teapot = String::from_utf8(teapot).unwrap();
    assert!(teapot.contains("teapot"), "{teapot:?}");
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, status(418)))
    {
        assert_eq!(response.name(), "client_error", "{client}");
        assert!(!response.is_success(), "{client}");
        let get_status::Response::ClientError(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 418, "{client}");
        assert_eq!(reply.body.text, teapot, "{client}");
        assert_eq!(reply.body.content_type, None, "{client}");
    }

    // 503: the 5XX response, its empty body read as `null`.
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, status(503)))
    {
        let get_status::Response::ServerError(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 503, "{client}");
        assert_eq!(reply.body, serde_json::Value::Null, "{client}");
    }

    // 302: neither a code nor a class the spec has, so `default`; the
    // clients do not follow redirects, so the Location is httpbin's.
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, status(302)))
    {
        assert_eq!(response.http_status(), 302, "{client}");
        let get_status::Response::Other(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.status, 302, "{client}");
        assert_eq!(reply.location.as_deref(), Some("/redirect/1"), "{client}");
    }
    // Eight sent through the clients, one by hand.
    let lines = httpbin.lines_with("\"GET /status/", 2 * 4 + 1);
    assert_eq!(lines.len(), 9, "{lines:#?}");
    let log = httpbin.log();
    assert!(
        !log.iter().any(|l| l.contains("\"GET /redirect/")),
        "a redirect was followed: {log:#?}"
    );
}

/// Bodies that are one param as a whole: a JSON array, a JSON number sent
/// as the API's own JSON media type, an image's bytes, CSV text; each as
/// httpbin received it, byte for byte, with its `Content-Type`.
fn whole_bodies(httpbin: &PythonServer) {
    // A required body that may be `null`: `None` is the body `null`.
    for (note, wire) in [
        (None, "null"),
        (
            Some(put_note::Note { text: "hi".into() }),
            r#"{"text":"hi"}"#,
        ),
    ] {
        let request = put_note::Request { note };
        for (client, response) in ["async", "blocking"]
            .iter()
            .zip(send_both(httpbin, request))
        {
            let put_note::Response::Ok(reply) = response else {
                panic!("{client}: {response:?}");
            };
            assert_eq!(reply.body.data, wire, "{client}");
            assert_eq!(
                reply.body.headers["Content-Type"], "application/json",
                "{client}"
            );
        }
    }

    let tags = put_tags::Request {
        tags: vec!["a \"b\"".into(), "é".into()],
    };
    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, tags)) {
        let put_tags::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.data, r#"["a \"b\"","é"]"#, "{client}");
        assert_eq!(
            reply.body.headers["Content-Type"], "application/json",
            "{client}"
        );
    }

    let count = patch_count::Request { count: Some(42) };
    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, count)) {
        let patch_count::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.data, "42", "{client}");
        assert_eq!(
            reply.body.headers["Content-Type"], "application/merge-patch+json",
            "{client}"
        );
    }
    // Left out, an optional whole body sends no body at all.
    let none = patch_count::Request { count: None };
    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, none)) {
        let patch_count::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.data, "", "{client}");
        // (httpbin's WSGI server shows `text/plain` where no type was
        // sent; `tests/bodies.rs` checks the headers themselves.)
        assert!(
            !reply.body.headers.contains_key("Content-Length"),
            "{client}: {:?}",
            reply.body.headers
        );
    }

    // Not UTF-8: httpbin shows it as a `data:` URL of its base64.
    let image = upload_raw::Request {
        image: b"\x89PNG\r\n\x1a\n\x00\xff\xfe"[..].into(),
        label: Some("x".into()),
    };
    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, image)) {
        let upload_raw::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(
            reply.body.data, "data:application/octet-stream;base64,iVBORw0KGgoA//4=",
            "{client}"
        );
        assert_eq!(reply.body.headers["Content-Type"], "image/png", "{client}");
    }

    let csv = post_csv::Request {
        rows: "id,name\n1,\"{not json\"\n".into(),
    };
    for (client, response) in ["async", "blocking"].iter().zip(send_both(httpbin, csv)) {
        let post_csv::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        assert_eq!(reply.body.data, "id,name\n1,\"{not json\"\n", "{client}");
        assert_eq!(
            reply.body.headers["Content-Type"], "text/csv; charset=utf-8",
            "{client}"
        );
    }
}

/// A multipart body: file parts with their names and types, `bytes` as a
/// part of its own, text parts (one per item of an array), a JSON part;
/// each as httpbin's form parser read it.
fn multipart(httpbin: &PythonServer) {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\xff\xfe";
    let request = upload_form::Request {
        photo: endpoints::File::new(png)
            .file_name("me \"1\".png")
            .content_type("image/png"),
        attachments: Some(vec![
            endpoints::File::new(&b"plain notes"[..]).file_name("notes.txt")
        ]),
        thumb: Some(b"\xfe\xff"[..].into()),
        caption: Some("a caption, with \"quotes\"\r\nand a line".into()),
        tags: Some(vec!["a".into(), "b".into()]),
        count: 3,
        meta: Some(upload_form::UploadMeta {
            source: "camera".into(),
        }),
    };
    for (client, response) in ["async", "blocking"]
        .iter()
        .zip(send_both(httpbin, request))
    {
        let upload_form::Response::Ok(reply) = response else {
            panic!("{client}: {response:?}");
        };
        let echo = reply.body;
        assert!(
            echo.headers["Content-Type"].starts_with("multipart/form-data; boundary="),
            "{client}: {:?}",
            echo.headers
        );
        let form = serde_json::to_value(&echo.form).unwrap();
        assert_eq!(
            form,
            serde_json::json!({
                "caption": "a caption, with \"quotes\"\r\nand a line",
                "tags": ["a", "b"],
                "count": "3",
                "meta": "{\"source\":\"camera\"}",
            }),
            "{client}"
        );
        assert_eq!(
            echo.files["photo"], "data:image/png;base64,iVBORw0KGgoA//4=",
            "{client}"
        );
        assert_eq!(echo.files["attachments"], "plain notes", "{client}");
        assert_eq!(
            echo.files["thumb"], "data:application/octet-stream;base64,/v8=",
            "{client}"
        );
    }
}
