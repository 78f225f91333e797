//! Multipart bodies on the server's side (feature `multipart`): what both
//! clients write, read back part by part by the fake server on 127.0.0.1,
//! and the refusals of bodies that do not fit, by the part at fault.

use endpoints::fake::FakeServer;
use endpoints::http;
use endpoints::{Endpoint, Reply};

mod support;

endpoints::endpoint!("tests/specs/httpbin/upload_form.json");

fn form_request() -> upload_form::Request {
    upload_form::Request {
        photo: endpoints::File::new(&b"\x89PNG\r\n\x00\xff"[..])
            .file_name("me \"1\".png")
            .content_type("image/png"),
        attachments: Some(vec![
            endpoints::File::new(&b"first"[..]).file_name("a.txt"),
            endpoints::File::new(&b"second"[..]).content_type("text/csv"),
        ]),
        thumb: Some(b"\xfe\xff"[..].into()),
        caption: Some("line\r\nbreak \"quoted\"".into()),
        tags: Some(vec!["a".into(), "b".into()]),
        count: 3,
        meta: Some(upload_form::UploadMeta {
            source: "camera".into(),
        }),
    }
}

/// A multipart body through both clients to the server side, which reads
/// every part back: files with their names and types, `bytes`, repeated
/// text parts, numbers, a JSON part.
#[test]
fn multipart_parts_round_trip_through_the_server_side() {
    let server = FakeServer::builder()
        .endpoint::<upload_form::Request, _>(|request| {
            let sent = form_request();
            assert_eq!(request.photo, sent.photo);
            let attachments = request.attachments.unwrap();
            assert_eq!(attachments.len(), 2);
            assert_eq!(attachments[0].file_name.as_deref(), Some("a.txt"));
            assert_eq!(&*attachments[0].bytes, b"first");
            // No name of its own: sent under the param's, as browsers do.
            assert_eq!(attachments[1].file_name.as_deref(), Some("attachments"));
            assert_eq!(attachments[1].content_type.as_deref(), Some("text/csv"));
            assert_eq!(request.thumb, sent.thumb);
            assert_eq!(request.caption, sent.caption);
            assert_eq!(request.tags, sent.tags);
            assert_eq!(request.count, 3);
            assert_eq!(request.meta, sent.meta);
            upload_form::Response::Ok(Reply {
                status: 200,
                body: upload_form::FormEcho {
                    form: Default::default(),
                    files: Default::default(),
                    headers: Default::default(),
                },
            })
        })
        .start()
        .unwrap();
    for response in support::send_both_with(&server.url(), form_request(), |b| b, |b| b) {
        let response = response.unwrap();
        assert!(
            matches!(response, upload_form::Response::Ok(_)),
            "{response:?}"
        );
    }
    // On the wire: one part per value, the boundary in the content type.
    for sent in server.requests() {
        let ct = sent.headers()[http::header::CONTENT_TYPE].to_str().unwrap();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let body = String::from_utf8_lossy(sent.body());
        assert_eq!(
            body.matches(&format!("--{boundary}\r\n")).count(),
            9,
            "{body}"
        );
        assert!(body.ends_with(&format!("--{boundary}--\r\n")));
        assert!(body.contains(
            "Content-Disposition: form-data; name=\"photo\"; filename=\"me %221%22.png\"\r\nContent-Type: image/png\r\n\r\n"
        ));
        assert!(body.contains(
            "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"source\":\"camera\"}\r\n"
        ));
        assert!(body.contains("name=\"count\"\r\n\r\n3\r\n"));
    }
}

/// The server side refuses a multipart body by the part at fault.
#[test]
fn multipart_refusals_name_the_part() {
    use endpoints::RequestError;
    let encoded = form_request().to_http_request("http://h").unwrap();
    let ct = encoded.headers()[http::header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_string();
    let boundary = ct.rsplit('=').next().unwrap().to_string();
    let body = |parts: &[(&str, &str)]| {
        let mut out = String::new();
        for (name, value) in parts {
            out += &format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        out + &format!("--{boundary}--\r\n")
    };
    let decode = |text: String| {
        upload_form::Request::from_http_request(&support::raw_request(
            "POST",
            "/anything/upload",
            Some(&ct),
            text.as_bytes(),
        ))
    };
    // The required file is missing.
    let error = decode(body(&[("count", "1")])).unwrap_err();
    assert!(
        matches!(&error, RequestError::Missing { param, .. } if param == "photo"),
        "{error}"
    );
    // Not a number.
    let error = decode(body(&[("photo", "x"), ("count", "three")])).unwrap_err();
    assert!(
        matches!(&error, RequestError::Malformed { param, .. } if param == "count"),
        "{error}"
    );
    // A part sent twice that is not a list.
    let error = decode(body(&[("photo", "x"), ("count", "1"), ("count", "2")])).unwrap_err();
    assert!(
        matches!(&error, RequestError::Malformed { param, .. } if param == "count"),
        "{error}"
    );
    // A JSON part that is not JSON.
    let error = decode(body(&[("photo", "x"), ("count", "1"), ("meta", "{")])).unwrap_err();
    assert!(
        matches!(&error, RequestError::Malformed { param, .. } if param == "meta"),
        "{error}"
    );
    // The rules of the spec, by name.
    let long = "x".repeat(51);
    let error = decode(body(&[("photo", "x"), ("count", "1"), ("caption", &long)])).unwrap_err();
    assert!(error.to_string().contains("caption"), "{error}");
    // Not multipart at all, or cut short.
    let error = upload_form::Request::from_http_request(&support::raw_request(
        "POST",
        "/anything/upload",
        Some("application/json"),
        b"{}",
    ))
    .unwrap_err();
    assert!(matches!(error, RequestError::Body { .. }), "{error}");
    let cut = body(&[("photo", "x"), ("count", "1")]);
    let error = decode(cut[..cut.len() - 20].to_string()).unwrap_err();
    assert!(matches!(error, RequestError::Body { .. }), "{error}");
    // What is valid is read.
    let ok = decode(body(&[
        ("photo", "x"),
        ("count", "1"),
        ("tags", "a"),
        ("tags", "b"),
    ]))
    .unwrap();
    assert_eq!(ok.tags, Some(vec!["a".to_string(), "b".to_string()]));
    assert_eq!(&*ok.photo.bytes, b"x");
}
