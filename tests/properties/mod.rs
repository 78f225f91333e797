//! The properties the fuzz targets (`fuzz/`) drive with libFuzzer and the
//! ordinary test suite drives with proptest on small cases: one
//! implementation, two drivers. Each panics when a property breaks.

#![allow(dead_code)]

use std::path::Path;

use endpoints::http;
use endpoints::{Endpoint, EndpointResponse, Error, RequestError};

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("tests/specs/adopt_pet.json");
endpoints::endpoint!("tests/specs/save_viewer.json");
endpoints::endpoint!("tests/specs/httpbin/upload_form.json");
endpoints::endpoint!("tests/specs/streams/ticks.json");
endpoints::endpoint!("tests/specs/create_invoice.json");
endpoints::endpoint!("tests/specs/find_lines.json");
endpoints::endpoint!("tests/specs/preview_note.json");
endpoints::endpoint!("tests/specs/search_leads.json");
endpoints::endpoint!("tests/specs/httpbin/echo_token.json");
endpoints::endpoint!("tests/specs/httpbin/get_response_headers.json");
endpoints::endpoint!("tests/specs/list_measurements.json");
endpoints::endpoint!("tests/specs/complete_text.json");

/// The spec loader on any text: it ends in a spec or in positioned errors,
/// never a panic; a spec without errors expands to code that parses as
/// Rust. The text is read as if it sat beside PlanoCore's fragment, so
/// `"include": ["common.json"]` works.
pub fn spec_text(root: &Path, text: &str) {
    let path = root.join("specs/planocore/fuzzed.json");
    let loaded = endpoints_codegen::load_spec_text(&path, "fuzzed.json", text.to_string());
    for error in &loaded.errors {
        assert!(error.line >= 1 && error.column >= 1, "{error}");
        assert!(!error.message.is_empty(), "{error}");
    }
    if let (Some(spec), true) = (&loaded.spec, loaded.errors.is_empty()) {
        let options = endpoints_codegen::Options {
            track_files: false,
            ..Default::default()
        };
        let tokens = endpoints_codegen::expand::expand(spec, &options);
        if let Err(e) = endpoints_codegen::format(&tokens) {
            panic!("a spec without errors expanded to code that does not parse: {e}\n{text}");
        }
    }
}

/// `seed`, a valid spec, with its JSON changed where `bytes` say: a node
/// replaced by another value, or a key removed.
pub fn mutate_spec(seed: &str, bytes: &[u8]) -> String {
    let mut value: serde_json::Value = serde_json::from_str(seed).expect("a valid seed");
    for op in bytes.chunks(3) {
        let (at, how, arg) = (
            op.first().copied().unwrap_or(0) as usize,
            op.get(1).copied().unwrap_or(0),
            op.get(2).copied().unwrap_or(0),
        );
        let mut seen = 0;
        change(&mut value, at, how, arg, &mut seen);
    }
    value.to_string()
}

fn replacement(how: u8, arg: u8) -> serde_json::Value {
    use serde_json::json;
    match how % 10 {
        0 => json!(null),
        1 => json!(arg as i64 - 128),
        2 => json!(f64::from(arg) / 3.0),
        3 => json!(
            [
                "string", "integer", "number", "boolean", "array", "map", "object", "any",
                "Envelope", "nope"
            ][arg as usize % 10]
        ),
        4 => json!(arg % 2 == 0),
        5 => json!([]),
        6 => json!({}),
        7 => json!("x".repeat(arg as usize % 40)),
        8 => json!(
            [
                "path",
                "query",
                "header",
                "body",
                "{id}",
                "/a/{id}",
                "email",
                "date-time",
                "^(a|b)+$",
                "(["
            ][arg as usize % 10]
        ),
        _ => json!({ "name": "f", "type": "string" }),
    }
}

/// Replaces the node numbered `at` (in document order), or removes a key of
/// it when `how` says so.
fn change(value: &mut serde_json::Value, at: usize, how: u8, arg: u8, seen: &mut usize) -> bool {
    if *seen == at {
        if how >= 200 {
            if let serde_json::Value::Object(members) = value {
                let key = members
                    .keys()
                    .nth(arg as usize % members.len().max(1))
                    .cloned();
                if let Some(key) = key {
                    members.remove(&key);
                }
                return true;
            }
        }
        *value = replacement(how, arg);
        return true;
    }
    *seen += 1;
    match value {
        serde_json::Value::Array(items) => items.iter_mut().any(|v| change(v, at, how, arg, seen)),
        serde_json::Value::Object(members) => {
            members.values_mut().any(|v| change(v, at, how, arg, seen))
        }
        _ => false,
    }
}

/// A response from bytes: a status, a few headers, the rest the body.
pub fn response_from(bytes: &[u8]) -> http::Response<Vec<u8>> {
    let status = 100
        + u16::from_le_bytes([
            bytes.first().copied().unwrap_or(0),
            bytes.get(1).copied().unwrap_or(0),
        ]) % 500;
    let mut response = http::Response::new(bytes.get(3..).unwrap_or(&[]).to_vec());
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    let flags = bytes.get(2).copied().unwrap_or(0);
    if flags & 1 != 0 {
        response.headers_mut().insert(
            "location",
            "https://x.example/api/people/1".parse().unwrap(),
        );
    }
    if flags & 2 != 0 {
        response
            .headers_mut()
            .insert("content-type", "application/json".parse().unwrap());
    }
    if flags & 4 != 0 {
        response.headers_mut().insert(
            "location",
            http::HeaderValue::from_bytes(b"\xff\xfe").unwrap(),
        );
    }
    // Header lists: lines cut from the body's first bytes (commas, spaces
    // and digits among them).
    let line = |from: usize| {
        let text: Vec<u8> = bytes
            .iter()
            .skip(3 + from)
            .take(12)
            .copied()
            .filter(|b| b.is_ascii_graphic() || *b == b' ')
            .collect();
        http::HeaderValue::from_bytes(&text).ok()
    };
    for (bit, name, from) in [(8, "x-codes", 0), (16, "x-codes", 12), (32, "x-tags", 4)] {
        if let Some(value) = line(from).filter(|_| flags & bit != 0) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// Decoding any response: never a panic; what does not decode keeps the
/// raw response, body and status as sent; `Unknown` keeps it whole.
pub fn decode_response(bytes: &[u8]) {
    fn check<E: Endpoint>(response: http::Response<Vec<u8>>) {
        let (status, body) = (response.status().as_u16(), response.body().clone());
        match E::from_http_response(response) {
            Ok(decoded) => {
                assert_eq!(decoded.http_status(), status);
                let _ = decoded.name();
                let _ = decoded.to_http_response();
            }
            Err(Error::Decode(e)) => {
                assert_eq!(e.raw.body(), &body[..]);
                assert_eq!(e.raw.status(), status);
            }
            Err(other) => panic!("decoding can only fail as Decode: {other:?}"),
        }
    }
    check::<create_photographer::Request>(response_from(bytes));
    check::<create_person::Request>(response_from(bytes));
    check::<get_response_headers::Request>(response_from(bytes));
}

/// A request from bytes: a method, a path, a content type, a query, a body.
pub fn request_from(bytes: &[u8]) -> http::Request<Vec<u8>> {
    let pick = |i: usize| bytes.get(i).copied().unwrap_or(0) as usize;
    let method = [http::Method::POST, http::Method::GET, http::Method::PUT][pick(0) % 3].clone();
    let path = [
        "/api/v1/photographers/create",
        "/api/people",
        "/api/people/",
        "/other",
        "/anything/lines",
        "/anything/notes",
        "/anything/leads",
        "/anything/tokens/a%2Cb",
    ][pick(1) % 8];
    let content_type = [
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "",
    ][pick(2) % 4];
    let split = pick(3).min(bytes.len().saturating_sub(4));
    let rest = bytes.get(4..).unwrap_or(&[]);
    let (query, body) = rest.split_at(split.min(rest.len()));
    let query: String = String::from_utf8_lossy(query)
        .chars()
        .filter(|c| c.is_ascii_graphic() && *c != '#')
        .collect();
    let uri = if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    };
    let mut request = http::Request::new(body.to_vec());
    *request.method_mut() = method;
    *request.uri_mut() = uri.parse().unwrap_or_else(|_| path.parse().unwrap());
    if !content_type.is_empty() {
        request
            .headers_mut()
            .insert("content-type", content_type.parse().unwrap());
    }
    if pick(0) & 8 != 0 {
        request
            .headers_mut()
            .insert("x-auth-token", "t".parse().unwrap());
    }
    // A header list and a header named like a path and query param, from
    // the query's text.
    if let Ok(value) = http::HeaderValue::from_str(&query) {
        for (bit, name) in [(16, "x-tags"), (32, "x-tags"), (64, "token")] {
            if pick(0) & bit != 0 {
                request.headers_mut().append(name, value.clone());
            }
        }
    }
    request
}

/// Reading any request on the server's side: never a panic; a refusal that
/// blames a param names one of the spec's.
pub fn decode_request(bytes: &[u8]) {
    fn check<E: Endpoint>(request: &http::Request<Vec<u8>>) {
        match E::from_http_request(request) {
            Ok(decoded) => assert!(decoded.validate().is_ok()),
            Err(RequestError::Missing { param, .. } | RequestError::Malformed { param, .. }) => {
                assert!(
                    E::PARAMS.iter().any(|p| p.name == param),
                    "the refusal names `{param}`, which is not a param"
                );
            }
            Err(_) => {}
        }
    }
    let request = request_from(bytes);
    check::<create_photographer::Request>(&request);
    check::<create_person::Request>(&request);
    // Query arrays joined, in brackets, and a flattened map.
    check::<find_lines::Request>(&request);
    check::<preview_note::Request>(&request);
    check::<search_leads::Request>(&request);
    // One name in four places, and a header list.
    check::<echo_token::Request>(&request);
}

/// Query params in every style, from texts cut out of `bytes` (commas,
/// pipes, brackets, `&`, `=`, `%` and `+` among them): what a client
/// sends, the server's side reads back as it was, or the client refuses
/// it (a map key holding a bracket), never a panic.
pub fn query_styles(bytes: &[u8]) {
    let texts: Vec<String> = String::from_utf8_lossy(bytes)
        .split('\u{1}')
        .map(str::to_string)
        .collect();
    let text = |i: usize| {
        texts
            .get(i % texts.len().max(1))
            .cloned()
            .unwrap_or_default()
    };
    let lines = find_lines::Request {
        // Required: at least one (an empty array sends no key at all).
        ids: std::iter::once(7)
            .chain(bytes.iter().take(3).map(|b| i64::from(*b) - 100))
            .collect(),
        names: Some(texts.clone()),
        modes: Some(texts.iter().rev().cloned().collect()),
        tags: Some(vec![text(1)]),
    };
    // An empty list and a list of one empty text both send `names=`-less
    // or `names=` alike: compare what the wire can carry.
    let sent = lines.to_http_request("http://h").unwrap();
    let read = find_lines::Request::from_http_request(&sent).unwrap();
    let carried = |items: &Option<Vec<String>>| match items.as_deref() {
        None | Some([]) => None,
        Some([one]) if one.is_empty() => None,
        Some(items) => Some(items.to_vec()),
    };
    assert_eq!(read.ids, lines.ids);
    assert_eq!(carried(&read.names), carried(&lines.names));
    assert_eq!(carried(&read.modes), carried(&lines.modes));

    let note = preview_note::Request {
        invoice: text(0),
        lines: Some(vec![preview_note::NoteLine {
            amount: i64::from(bytes.first().copied().unwrap_or(0)),
            quantity: bytes.get(1).map(|b| i64::from(*b) - 128),
            taxable: bytes.get(2).map(|b| b % 2 == 0),
            tax_rates: Some(preview_note::TaxRates::Array(texts.clone())),
        }]),
        metadata: Some(
            texts
                .iter()
                .map(|t| (t.clone(), t.to_uppercase()))
                .collect(),
        ),
        expand: Some(texts.clone()),
        created: Some(preview_note::Created::Integer(bytes.len() as i64)),
    };
    match note.to_http_request("http://h") {
        Ok(sent) => {
            let read = preview_note::Request::from_http_request(&sent);
            // Empty texts send an empty value, read back as such; a list
            // of none sends nothing.
            if texts.iter().all(|t| !t.is_empty()) && !note.invoice.is_empty() {
                assert_eq!(read.unwrap(), note);
            }
        }
        Err(Error::Encode(why)) => assert!(why.contains("bracket"), "{why}"),
        Err(other) => panic!("{other}"),
    }

    let leads = search_leads::Request {
        limit: None,
        filter: None,
        pass_through: texts
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| (t.clone(), t.chars().rev().collect()))
            .collect(),
    };
    // Every entry reads back, unless one is under another param's name,
    // which the client refuses by that name.
    let clash = leads.pass_through.keys().find(|k| {
        ["limit", "filter"].contains(&k.as_str())
            || k.strip_prefix("filter")
                .is_some_and(|rest| rest.starts_with('['))
    });
    match (leads.to_http_request("http://h"), clash) {
        (Ok(sent), None) => assert_eq!(
            search_leads::Request::from_http_request(&sent).unwrap(),
            leads
        ),
        (Err(Error::Encode(why)), Some(key)) => {
            assert!(why.starts_with(&format!("the map entry `{key}`")), "{why}")
        }
        (other, clash) => panic!("{clash:?}: {other:?}"),
    }
}

/// The union decoders on any bytes: a tagged union (`Pet`) and untagged
/// ones (`ShelterRef`; `Since`, strings by format; `Prompt`, arrays by
/// items) read any JSON without a panic, into a
/// member or `Other`; what they read is written back as JSON that reads
/// as the same member. Bytes that are not JSON are an error, never a panic.
pub fn decode_union(bytes: &[u8]) {
    macro_rules! round_trip {
        ($union:ty) => {
            if let Ok(value) = serde_json::from_slice::<$union>(bytes) {
                let written = serde_json::to_vec(&value).expect("a union writes as JSON");
                let again: $union = serde_json::from_slice(&written).unwrap_or_else(|e| {
                    panic!("{value:?} was written as JSON it cannot read: {e}")
                });
                let text = String::from_utf8_lossy(&written);
                assert_eq!(
                    std::mem::discriminant(&again),
                    std::mem::discriminant(&value),
                    "{text}"
                );
                // serde_json reads a float to within one unit in the last
                // place, not always to the float it wrote: only a value
                // without fractions must come back exactly.
                if !text.contains(['.', 'e', 'E']) {
                    assert_eq!(again, value, "{text}");
                }
            }
        };
    }
    round_trip!(adopt_pet::Pet);
    round_trip!(adopt_pet::ShelterRef);
    round_trip!(save_viewer::Viewer);
    // Strings told apart by their formats.
    round_trip!(list_measurements::Since);
    round_trip!(list_measurements::ContactRoute);
    round_trip!(list_measurements::Photo);
    // Arrays told apart by their items.
    round_trip!(complete_text::Prompt);
    // Any JSON document is a union's value: a member, or kept in `Other`.
    if let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) {
        serde_json::from_value::<adopt_pet::ShelterRef>(json.clone())
            .expect("an untagged union reads any JSON");
        serde_json::from_value::<list_measurements::Since>(json.clone())
            .expect("an untagged union reads any JSON");
        serde_json::from_value::<complete_text::Prompt>(json.clone())
            .expect("an untagged union reads any JSON");
        if let Err(e) = serde_json::from_value::<adopt_pet::Pet>(json.clone()) {
            // Only a value whose tag names a member it does not fit fails.
            let tag = json.get("petType").and_then(|t| t.as_str());
            assert!(matches!(tag, Some("cat" | "dog" | "fish")), "{json}: {e}");
        }
        // A tag its members may leave out: the same, and a value without
        // it is a member it fits, or `Other`.
        if let Err(e) = serde_json::from_value::<save_viewer::Viewer>(json.clone()) {
            let tag = json.get("view").and_then(|t| t.as_str());
            assert!(matches!(tag, Some("private" | "public")), "{json}: {e}");
        }
    }
}

/// The multipart reader on any body (raw, or framed as parts by a fixed
/// boundary): never a panic; a refusal that blames a param names one of
/// the spec's; what it reads is written again and read back the same.
pub fn decode_multipart(bytes: &[u8]) {
    const BOUNDARY: &str = "b0undary";
    let body = match bytes.split_first() {
        Some((&how, rest)) if how % 2 == 1 => {
            // Parts made of the bytes: a name and content per chunk.
            let mut body = Vec::new();
            let names = [
                "photo",
                "attachments",
                "thumb",
                "caption",
                "tags",
                "count",
                "meta",
                "x",
            ];
            for chunk in rest.chunks(12) {
                let name = names[usize::from(chunk.first().copied().unwrap_or(0)) % names.len()];
                body.extend_from_slice(
                    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"")
                        .as_bytes(),
                );
                if chunk.len() % 3 == 0 {
                    body.extend_from_slice(b"; filename=\"f\"\r\nContent-Type: image/png");
                }
                body.extend_from_slice(b"\r\n\r\n");
                body.extend_from_slice(chunk.get(1..).unwrap_or_default());
                body.extend_from_slice(b"\r\n");
            }
            body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
            body
        }
        _ => bytes.to_vec(),
    };
    let request = http::Request::builder()
        .method("POST")
        .uri("/anything/upload")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .unwrap();
    match upload_form::Request::from_http_request(&request) {
        Ok(read) => {
            let again = read
                .to_http_request("http://h")
                .expect("what was read is written");
            let twice = upload_form::Request::from_http_request(&again)
                .unwrap_or_else(|e| panic!("{read:?} was written as a body it cannot read: {e}"));
            assert_eq!(twice.caption, read.caption);
            assert_eq!(twice.tags, read.tags);
            assert_eq!(twice.count, read.count);
            assert_eq!(twice.meta, read.meta);
            assert_eq!(twice.thumb, read.thumb);
            assert_eq!(twice.photo.bytes, read.photo.bytes);
        }
        Err(RequestError::Missing { param, .. } | RequestError::Malformed { param, .. }) => {
            assert!(
                upload_form::Request::PARAMS.iter().any(|p| p.name == param),
                "the refusal names `{param}`, which is not a param"
            );
        }
        Err(_) => {}
    }
}

/// The event-stream decoder on any bytes (the first four say where to cut
/// them, the rest is the body): cut anywhere, the events are those of the
/// whole body at once; no field holds a line break, no `id` a NUL; an
/// event too large for the limit is refused, never a panic; each event is
/// typed or is an error item keeping it whole.
pub fn sse_chunks(bytes: &[u8]) {
    use endpoints::stream::SseDecoder;
    use endpoints::StreamItems;
    let (cuts, body) = bytes.split_at(bytes.len().min(4));
    let events = |cuts: &[usize], limit: usize| {
        let mut decoder = SseDecoder::new(limit);
        let mut out = std::collections::VecDeque::new();
        let mut from = 0;
        for &cut in cuts.iter().chain([&body.len()]) {
            if decoder.feed(&body[from..cut], &mut out).is_err() {
                return None;
            }
            from = cut;
        }
        decoder.finish();
        Some(Vec::from(out))
    };
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|&c| usize::from(c) % (body.len() + 1))
        .collect();
    points.sort_unstable();
    let whole = events(&[], usize::MAX).expect("no limit, no refusal");
    assert_eq!(events(&points, usize::MAX).as_ref(), Some(&whole));
    // A limit only ever refuses; what it lets through is the same.
    if let Some(limited) = events(&points, usize::from(cuts.first().copied().unwrap_or(0))) {
        assert_eq!(limited, whole);
    }
    for event in whole {
        for field in [&event.event, &event.id].into_iter().flatten() {
            assert!(!field.contains(['\r', '\n']), "{event:?}");
        }
        assert!(!event.data.contains('\r'), "{event:?}");
        assert!(
            !event.id.as_deref().unwrap_or("").contains('\0'),
            "{event:?}"
        );
        match <ticks::Request as StreamItems>::item(event.clone()) {
            Ok(typed) => assert_eq!((typed.event, typed.id), (event.event, event.id)),
            Err(Error::Event(bad)) => assert_eq!(bad.raw, event),
            Err(other) => panic!("an event is typed or an error item: {other}"),
        }
    }
}

/// `multiple_of` and `unique_items` as the generated `validate()` checks
/// them agree with plain arithmetic: an amount of `thousandths / 1000` is a
/// multiple of `0.01` just when `thousandths` is one of 10 (whatever `f64`
/// division says), a batch one of 12 just when `batch % 12 == 0`, and the
/// first repeat of `codes` and of `lines` (objects) is the one a comparison
/// of every pair finds.
pub fn multiples_and_unique_items(thousandths: i64, batch: i64, codes: &[u8], lines: &[u8]) {
    use endpoints::Rule;
    fn first_repeat<T: PartialEq>(path: &str, items: &[T]) -> Option<String> {
        (1..items.len()).find_map(|second| {
            (0..second).find(|first| items[*first] == items[second]).map(|first| {
                format!("`{path}` must not repeat an item (unique_items), but [{second}] equals [{first}]")
            })
        })
    }
    let codes: Vec<String> = codes.iter().map(|b| format!("c{}", b % 8)).collect();
    let lines: Vec<create_invoice::Line> = lines
        .iter()
        .map(|b| create_invoice::Line {
            sku: format!("ABC-{}", b % 3),
            qty: 1 + i64::from(b / 3 % 2),
            tags: None,
        })
        .collect();
    let amount: f64 = format!("{thousandths}e-3").parse().unwrap();
    let request = create_invoice::Request {
        account: 1,
        authorization: "t".into(),
        dry_run: None,
        currency: create_invoice::Currency::Eur,
        memo: None,
        lines: lines.clone(),
        r#type: None,
        labels: None,
        due: None,
        ratio: None,
        contact: None,
        amount: Some(amount),
        batch: Some(batch),
        codes: Some(codes.clone()),
    };
    let mut expected = Vec::new();
    expected.extend(first_repeat("lines", &lines));
    if thousandths % 10 != 0 {
        expected.push("`amount` must be a multiple of 0.01 (multiple_of)".to_string());
    }
    if batch % 12 != 0 {
        expected.push("`batch` must be a multiple of 12 (multiple_of)".to_string());
    }
    expected.extend(first_repeat("codes", &codes));
    let errors = request.validate().err().unwrap_or_default();
    let actual: Vec<String> = errors
        .iter()
        .filter(|e| matches!(e.rule(), Rule::MultipleOf { .. } | Rule::UniqueItems { .. }))
        .map(ToString::to_string)
        .collect();
    assert_eq!(actual, expected, "amount {amount}");
}
