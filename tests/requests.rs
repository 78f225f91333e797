//! Requests for a whole API: builders, the credential and shared params set
//! once on the client, and absent/null/value, through both clients and the
//! fake server on 127.0.0.1.

use std::collections::BTreeMap;

use endpoints::fake::FakeServer;
use endpoints::http;
use endpoints::{Endpoint, Error, Nullable, Reply, Rule};

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("tests/specs/search_with_key.json");
endpoints::endpoint!("tests/specs/patch_contact.json");
endpoints::endpoint!("tests/specs/save_settings.json");
endpoints::endpoint!("tests/specs/sign_in.json");
endpoints::endpoint!("tests/specs/health.json");

use create_photographer as planocore;

mod support;
use support::send_both_with as send_both;

const TOKEN: &str = "pc-token-0f3a9c";
const CC_TOKEN: &str = "cc-token-77e1b2";
/// Long enough for the key's `min_length` of 32.
const KEY: &str = "key-0123456789-abcdefghij-0123456789";

/// A server that answers every request of the three endpoints with success
/// and records it.
fn server() -> FakeServer {
    FakeServer::builder()
        .endpoint::<planocore::Request, _>(|_| {
            planocore::Response::ActionSuccessful(Reply {
                status: 200,
                body: planocore::Envelope {
                    status: String::new(),
                    data: None,
                    session: None,
                    extra: BTreeMap::new(),
                },
            })
        })
        .endpoint::<create_person::Request, _>(|_| {
            create_person::Response::Accepted(create_person::AcceptedReply {
                status: 202,
                location: "https://cards.example/api/people/1".into(),
                body: serde_json::Value::Null,
            })
        })
        .endpoint::<search_with_key::Request, _>(|r| {
            search_with_key::Response::Ok(Reply {
                status: 200,
                body: vec![r.q],
            })
        })
        .start()
        .unwrap()
}

/// What reached the server, as bytes: method, URI, headers, body.
fn seen(server: &FakeServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| {
            let mut headers: Vec<String> = r
                .headers()
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.to_str().unwrap()))
                .collect();
            headers.sort();
            format!(
                "{} {}\n{}\n\n{}",
                r.method(),
                r.uri(),
                headers.join("\n"),
                String::from_utf8_lossy(r.body())
            )
        })
        .collect()
}

fn photographer_literal() -> planocore::Request {
    planocore::Request {
        view: None,
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "moonrise-1941".into(),
        phone: "+1 555 0100".into(),
        extension: Some(12),
        service_area_id: None,
        language: Some("en".into()),
        department: None,
        designation_id: None,
        token: Some(TOKEN.into()),
        application: Some(planocore::Application::Planoauth),
        session_view: None,
    }
}

fn photographer_builder() -> planocore::Builder<
    endpoints::__private::Set,
    endpoints::__private::Set,
    endpoints::__private::Set,
    endpoints::__private::Set,
    endpoints::__private::Set,
> {
    planocore::Request::builder()
        .email("ansel@example.com")
        .first_name("Ansel")
        .last_name("Adams")
        .password("moonrise-1941")
        .phone("+1 555 0100")
        .extension(12)
        .language("en")
}

fn person_literal() -> create_person::Request {
    create_person::Request {
        x_auth_token: Some(CC_TOKEN.into()),
        send_invitation: Some(false),
        render_resource: None,
        email: "jon.doe@foo.edu".into(),
        identifier: Some("ABC123".into()),
        email_group_name: None,
        additional_photo_required: None,
        custom_fields: Some(BTreeMap::from([("First Name".into(), "Carry".into())])),
    }
}

fn person_builder() -> create_person::Builder<endpoints::__private::Set> {
    create_person::Request::builder()
        .email("jon.doe@foo.edu")
        .send_invitation(false)
        .identifier("ABC123")
        .custom_fields([("First Name".to_string(), "Carry".to_string())])
}

/// The literal, the builder and the client's defaults put the same bytes on
/// the wire: the credential in PlanoCore's JSON body, in CloudCard's header,
/// and in a query param; PlanoCore's shared `application` from the client.
#[test]
fn builder_literal_and_client_defaults_send_the_same_bytes() {
    let server = server();
    let url = server.url();
    let plain = |b: endpoints::ClientBuilder| b;
    let plain_blocking = |b: endpoints::blocking::ClientBuilder| b;

    // PlanoCore: token in the JSON body, application shared.
    let literal = photographer_literal();
    let built = photographer_builder()
        .token(TOKEN)
        .application(planocore::Application::Planoauth)
        .build();
    assert_eq!(built, literal);
    for r in send_both(&url, literal, plain, plain_blocking) {
        assert!(r.unwrap().is_success());
    }
    for r in send_both(&url, built, plain, plain_blocking) {
        assert!(r.unwrap().is_success());
    }
    let from_client = |b: endpoints::ClientBuilder| {
        b.credential(TOKEN)
            .param(planocore::APPLICATION, planocore::Application::Planoauth)
    };
    let from_client_blocking = |b: endpoints::blocking::ClientBuilder| {
        b.credential(TOKEN)
            .param(planocore::APPLICATION, planocore::Application::Planoauth)
    };
    let bare = photographer_builder().build();
    assert_eq!(bare.token, None);
    for r in send_both(&url, bare, from_client, from_client_blocking) {
        assert!(r.unwrap().is_success());
    }
    let wire = seen(&server);
    assert_eq!(wire.len(), 6);
    assert!(wire.iter().all(|w| *w == wire[0]), "{wire:#?}");
    assert!(
        wire[0].contains(&format!(r#""token":"{TOKEN}""#)),
        "{}",
        wire[0]
    );
    assert!(
        wire[0].contains(r#""application":"planoauth""#),
        "{}",
        wire[0]
    );

    // CloudCard: the credential in the `X-Auth-Token` header.
    let server = self::server();
    let url = server.url();
    let literal = person_literal();
    let built = person_builder().x_auth_token(CC_TOKEN).build();
    assert_eq!(built, literal);
    let sends = [
        send_both(&url, literal, plain, plain_blocking),
        send_both(&url, built, plain, plain_blocking),
        send_both(
            &url,
            person_builder().build(),
            |b| b.credential(CC_TOKEN),
            |b| b.credential(CC_TOKEN),
        ),
    ];
    for r in sends.into_iter().flatten() {
        assert!(r.unwrap().is_success());
    }
    let wire = seen(&server);
    assert_eq!(wire.len(), 6);
    assert!(wire.iter().all(|w| *w == wire[0]), "{wire:#?}");
    assert!(wire[0].contains(&format!("x-auth-token: {CC_TOKEN}")));

    // A query param.
    let server = self::server();
    let url = server.url();
    let literal = search_with_key::Request {
        q: "photographers".into(),
        api_key: Some(KEY.into()),
    };
    let built = search_with_key::Request::builder()
        .q("photographers")
        .api_key(KEY)
        .build();
    assert_eq!(built, literal);
    let bare = search_with_key::Request::builder()
        .q("photographers")
        .build();
    let sends = [
        send_both(&url, literal, plain, plain_blocking),
        send_both(&url, built, plain, plain_blocking),
        send_both(&url, bare, |b| b.credential(KEY), |b| b.credential(KEY)),
    ];
    for r in sends.into_iter().flatten() {
        assert!(r.unwrap().is_success());
    }
    let wire = seen(&server);
    assert_eq!(wire.len(), 6);
    assert!(wire.iter().all(|w| *w == wire[0]), "{wire:#?}");
    assert!(wire[0].starts_with(&format!("GET /search?q=photographers&api_key={KEY}\n")));
}

/// With no credential on the request or the client, nothing is sent, and
/// the error names the param, whichever way it travels.
#[test]
fn a_request_without_a_credential_is_refused_before_any_io() {
    let server = server();
    let url = server.url();
    let none = |b| b;
    let none_blocking = |b| b;
    let results = send_both(&url, photographer_builder().build(), none, none_blocking)
        .into_iter()
        .map(|r| ("token", r.map(|_| ())))
        .chain(
            send_both(&url, person_builder().build(), none, none_blocking)
                .into_iter()
                .map(|r| ("X-Auth-Token", r.map(|_| ()))),
        )
        .chain(
            send_both(
                &url,
                search_with_key::Request::builder().q("x").build(),
                none,
                none_blocking,
            )
            .into_iter()
            .map(|r| ("api_key", r.map(|_| ()))),
        );
    for (param, result) in results {
        let Err(Error::Validation(errors)) = result else {
            panic!("{param}: expected a validation error, got {result:?}")
        };
        assert_eq!(errors.len(), 1, "{errors}");
        assert_eq!(errors.iter().next().unwrap().path(), param);
        assert_eq!(
            errors.iter().next().unwrap().rule(),
            &Rule::Missing { credential: true }
        );
        assert!(errors.to_string().contains("credential"), "{errors}");
    }
    assert!(server.requests().is_empty());
    assert_eq!(server.connections(), 0);
}

/// The client's credential is checked with the request's rules (the key's
/// `min_length`), listed with every other broken rule, and never shown.
#[test]
fn a_client_credential_is_validated_with_the_request_and_never_shown() {
    let server = server();
    let url = server.url();
    let short = "short-secret-key";
    let [a, b] = send_both(
        &url,
        search_with_key::Request::builder().q("x").build(),
        |b| b.credential(short),
        |b| b.credential(short),
    );
    for result in [a, b] {
        let Err(Error::Validation(errors)) = result else {
            panic!("expected a validation error")
        };
        assert_eq!(errors.iter().next().unwrap().path(), "api_key");
        assert!(matches!(
            errors.iter().next().unwrap().rule(),
            Rule::MinLength { min: 32, .. }
        ));
        assert!(!errors.to_string().contains(short), "{errors}");
        assert!(!format!("{errors:?}").contains(short));
    }
    // A transport error never carries the URL, whose query holds the key.
    let closed = "http://127.0.0.1:1";
    let [a, b] = send_both(
        closed,
        search_with_key::Request::builder().q("x").build(),
        |b| b.credential(KEY),
        |b| b.credential(KEY),
    );
    for result in [a, b] {
        let Err(e) = result else {
            panic!("nothing listens on port 1")
        };
        assert_eq!(e.kind(), "connect");
        assert!(!format!("{e} {e:?}").contains(KEY), "{e:?}");
    }
    let builder = endpoints::Client::builder(&url).credential(short);
    assert!(!format!("{builder:?}").contains(short));
    assert!(!format!("{:?}", builder.build()).contains(short));
    let blocking = endpoints::blocking::Client::builder(&url).credential(short);
    assert!(!format!("{blocking:?}").contains(short));
    assert!(server.requests().is_empty());
}

/// Shared params: typed defaults from the client, a request's own value
/// wins, and a default that breaks the spec's rules is refused by name.
#[test]
fn shared_params_come_from_the_client_unless_the_request_sets_them() {
    let server = server();
    let url = server.url();
    let defaults = |b: endpoints::ClientBuilder| {
        b.credential(TOKEN)
            .param(planocore::APPLICATION, planocore::Application::Planoorder)
            .param(planocore::SESSION_VIEW, "compact")
    };
    let defaults_blocking = |b: endpoints::blocking::ClientBuilder| {
        b.credential(TOKEN)
            .param(planocore::APPLICATION, planocore::Application::Planoorder)
            .param(planocore::SESSION_VIEW, "compact")
    };
    for r in send_both(
        &url,
        photographer_builder().build(),
        defaults,
        defaults_blocking,
    ) {
        assert!(r.unwrap().is_success());
    }
    let own = photographer_builder()
        .token("own-token")
        .application(planocore::Application::Planox2)
        .build();
    for r in send_both(&url, own, defaults, defaults_blocking) {
        assert!(r.unwrap().is_success());
    }
    let wire = seen(&server);
    for w in &wire[..2] {
        assert!(w.contains(r#""application":"planoorder""#), "{w}");
        assert!(w.contains(r#""session_view":"compact""#), "{w}");
        assert!(w.contains(&format!(r#""token":"{TOKEN}""#)), "{w}");
    }
    for w in &wire[2..] {
        assert!(w.contains(r#""application":"planox2""#), "{w}");
        assert!(w.contains(r#""token":"own-token""#), "{w}");
    }

    let bad = planocore::Application::Other("planozz".into());
    let [a, b] = send_both(
        &url,
        photographer_builder().build(),
        |b| {
            b.credential(TOKEN)
                .param(planocore::APPLICATION, bad.clone())
        },
        |b| {
            b.credential(TOKEN)
                .param(planocore::APPLICATION, bad.clone())
        },
    );
    for result in [a, b] {
        let Err(Error::Validation(errors)) = result else {
            panic!("expected a validation error")
        };
        assert_eq!(errors.iter().next().unwrap().path(), "application");
    }
    assert_eq!(server.requests().len(), 4);
}

/// The server's side still reads and checks the credential: a request sent
/// without one (validation off) is refused the way the API does, by name.
#[test]
fn the_fake_server_still_requires_the_credential() {
    let server = server();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = endpoints::Client::builder(server.url())
        .validate_before_send(false)
        .build();
    let response = runtime
        .block_on(client.send(photographer_builder().build()))
        .unwrap();
    let planocore::Response::MissingParam(reply) = response else {
        panic!("expected missing-param, got {response:?}")
    };
    let message = reply.body.extra["message"].as_str().unwrap();
    assert!(message.contains("token"), "{message}");
    assert!(!server.requests().is_empty());
}

fn echo_contact() -> FakeServer {
    FakeServer::builder()
        .endpoint::<patch_contact::Request, _>(|r| {
            patch_contact::Response::Updated(Reply {
                status: 200,
                body: patch_contact::Contact {
                    id: r.id,
                    middle_name: r.middle_name,
                    phone: r.phone,
                    tags: r.tags,
                },
            })
        })
        .start()
        .unwrap()
}

/// Absent, `null` and a value stay three things from the request, over the
/// wire, through the fake server, and back in the response, in both
/// clients; a shared header param typed by its `values` comes from the
/// client.
#[test]
fn absent_null_and_value_round_trip_through_client_and_fake_server() {
    let server = echo_contact();
    let url = server.url();
    let version = patch_contact::XApiVersion::V202506;
    let cases: [(Nullable<String>, &str); 3] = [
        (Nullable::Absent, "{}"),
        (Nullable::Null, r#"{"middle_name":null}"#),
        (
            Nullable::Value("Quincy".into()),
            r#"{"middle_name":"Quincy"}"#,
        ),
    ];
    let mut sent = 0;
    for (middle_name, body) in cases {
        let request = patch_contact::Request::builder()
            .id("c-17")
            .middle_name(middle_name.clone())
            .build();
        assert_eq!(request.middle_name, middle_name);
        let [a, b] = send_both(
            &url,
            request,
            |b| b.param(patch_contact::X_API_VERSION, version.clone()),
            |b| b.param(patch_contact::X_API_VERSION, version.clone()),
        );
        for result in [a, b] {
            let patch_contact::Response::Updated(reply) = result.unwrap() else {
                panic!("expected updated")
            };
            assert_eq!(reply.body.middle_name, middle_name);
            assert_eq!(reply.body.phone, Nullable::Absent);
        }
        let requests = server.requests();
        for r in &requests[sent..] {
            assert_eq!(String::from_utf8_lossy(r.body()), body);
            assert_eq!(r.headers()["x-api-version"], "2025-06");
        }
        sent = requests.len();
    }
    // Setters take a value or a `Nullable`; an `Option` says which `None`
    // it means.
    let request = patch_contact::Request::builder()
        .id("c-18")
        .phone(Nullable::Null)
        .middle_name(Nullable::absent_if_none(None::<String>))
        .tags(vec!["a".to_string()])
        .build();
    assert_eq!(request.phone, Nullable::Null);
    assert_eq!(request.middle_name, Nullable::Absent);
    assert_eq!(request.tags, Nullable::Value(vec!["a".to_string()]));
    // The shared header is required: with no default, it is a broken rule.
    let sent = server.requests().len();
    for result in send_both(&url, request, |b| b, |b| b) {
        let Err(Error::Validation(errors)) = result else {
            panic!("expected a validation error")
        };
        assert_eq!(errors.len(), 1, "{errors}");
        assert_eq!(errors.iter().next().unwrap().path(), "X-Api-Version");
        assert_eq!(
            errors.iter().next().unwrap().rule(),
            &Rule::Missing { credential: false }
        );
    }
    assert_eq!(server.requests().len(), sent);
}

/// The server's side reads the three states from the wire as sent.
#[test]
fn the_server_side_reads_absent_null_and_value_apart() {
    for (body, expected) in [
        ("{}", Nullable::Absent),
        (r#"{"middle_name":null}"#, Nullable::Null),
        (r#"{"middle_name":"Q"}"#, Nullable::Value("Q".to_string())),
    ] {
        let request = http::Request::builder()
            .method("PATCH")
            .uri("/contacts/c-1")
            .header("content-type", "application/json")
            .header("x-api-version", "2024-01")
            .body(body.as_bytes().to_vec())
            .unwrap();
        let decoded = patch_contact::Request::from_http_request(&request).unwrap();
        assert_eq!(decoded.middle_name, expected, "{body}");
        assert_eq!(decoded.id, "c-1");
    }
}

/// A required flattened object is a required setter like any other; its
/// fields sit in the body itself, and a shared header comes from the client.
#[test]
fn a_builder_sets_a_required_flattened_object() {
    let settings = save_settings::Settings {
        theme: "dark".into(),
        page_size: Some(50),
    };
    let built = save_settings::Request::builder()
        .settings(settings.clone())
        .build();
    let literal = save_settings::Request {
        x_tenant: None,
        settings,
        locale: None,
    };
    assert_eq!(built, literal);
    let server = FakeServer::builder()
        .endpoint::<save_settings::Request, _>(|r| {
            // The flattened object does not swallow the param after it.
            assert_eq!(r.settings.theme, "dark");
            assert_eq!(r.locale.as_deref(), Some("nb-NO"));
            save_settings::Response::Saved(Reply {
                status: 204,
                body: serde_json::Value::Null,
            })
        })
        .start()
        .unwrap();
    // A shared nullable body param is an `Option` a client fills in.
    let tenant = |b: endpoints::ClientBuilder| {
        b.param(save_settings::X_TENANT, "acme")
            .param(save_settings::LOCALE, "nb-NO")
    };
    let tenant_blocking = |b: endpoints::blocking::ClientBuilder| {
        b.param(save_settings::X_TENANT, "acme")
            .param(save_settings::LOCALE, "nb-NO")
    };
    for r in send_both(&server.url(), built, tenant, tenant_blocking) {
        assert_eq!(r.unwrap().http_status(), 204);
    }
    for r in server.requests() {
        assert_eq!(
            String::from_utf8_lossy(r.body()),
            r#"{"theme":"dark","page_size":50,"locale":"nb-NO"}"#
        );
        assert_eq!(r.headers()["x-tenant"], "acme");
    }
}

/// The credential inside a base64-encoded JSON body: the client's fills it
/// in, the request's own wins, and the bytes match the literal's.
#[test]
fn the_credential_travels_inside_a_base64_body() {
    let server = FakeServer::builder()
        .endpoint::<sign_in::Request, _>(|r| {
            sign_in::Response::Ok(Reply {
                status: 200,
                body: serde_json::json!({ "user": r.user, "token": r.token }),
            })
        })
        .start()
        .unwrap();
    let url = server.url();
    let literal = sign_in::Request {
        user: "ansel".into(),
        token: Some(TOKEN.into()),
    };
    for r in send_both(&url, literal, |b| b, |b| b) {
        assert!(r.unwrap().is_success());
    }
    let bare = sign_in::Request::builder().user("ansel").build();
    for r in send_both(&url, bare, |b| b.credential(TOKEN), |b| b.credential(TOKEN)) {
        let sign_in::Response::Ok(reply) = r.unwrap() else {
            panic!("expected ok")
        };
        assert_eq!(reply.body["token"], TOKEN);
    }
    let wire = seen(&server);
    assert_eq!(wire.len(), 4);
    assert!(wire.iter().all(|w| *w == wire[0]), "{wire:#?}");
    let body = server.requests()[0].body().clone();
    let decoded = base64_decode(&body);
    assert_eq!(decoded, format!(r#"{{"user":"ansel","token":"{TOKEN}"}}"#));
}

/// Standard base64 with padding, decoded by hand so the test does not
/// trust the encoder it checks.
fn base64_decode(text: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for &c in text.iter().filter(|&&c| c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The credential's header is marked sensitive on the `http::Request`, so
/// middleware that prints headers does not print it.
#[test]
fn a_sensitive_header_is_marked_sensitive() {
    let request = person_builder().x_auth_token(CC_TOKEN).build();
    let http = request.to_http_request("https://cards.example").unwrap();
    let header = &http.headers()["x-auth-token"];
    assert!(header.is_sensitive());
    assert!(!format!("{:?}", http.headers()).contains(CC_TOKEN));
    assert!(!http.headers()["content-type"].is_sensitive());
}

/// An endpoint without params has a builder too, and it builds the same
/// request as the literal.
#[test]
fn an_endpoint_without_params_builds() {
    assert_eq!(health::Request::builder().build(), health::Request {});
}
