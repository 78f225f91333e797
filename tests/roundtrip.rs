//! Round trips through the wire, for arbitrary values of both seed
//! endpoints: what a client encodes, a server decodes to the same request;
//! what a server writes, a client decodes to the same response.

use endpoints::{Endpoint, Nullable, RawResponse, Reply};
use proptest::prelude::*;

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");

use create_photographer as pc;

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,12}"
}

fn email() -> impl Strategy<Value = String> {
    "[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\\.[a-z]{2,4}"
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        text().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..3)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn photographer() -> impl Strategy<Value = pc::Request> {
    (
        (
            prop::option::of(prop::sample::select(vec![
                pc::View::Default,
                pc::View::InternalappsView,
            ])),
            email(),
            text(),
            text(),
            text(),
            text(),
            prop::option::of(any::<i64>()),
        ),
        (
            prop::option::of(any::<i64>()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(any::<i64>()),
            text(),
            prop::option::of(prop::sample::select(vec![
                pc::Application::Planoauth,
                pc::Application::Planoorder,
                pc::Application::Planox2,
            ])),
            prop::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (view, email, first_name, last_name, password, phone, extension),
                (
                    service_area_id,
                    language,
                    department,
                    designation_id,
                    token,
                    application,
                    session_view,
                ),
            )| pc::Request {
                view,
                email,
                first_name,
                last_name,
                password,
                phone,
                extension,
                service_area_id,
                language,
                department,
                designation_id,
                token: Some(token),
                application,
                session_view,
            },
        )
}

fn person() -> impl Strategy<Value = create_person::Request> {
    (
        // Header values travel as visible ASCII.
        "[!-~]{1,20}",
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        email(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::collection::btree_map(text(), text(), 0..4)),
    )
        .prop_map(
            |(token, send, render, email, identifier, group, additional, custom)| {
                create_person::Request {
                    x_auth_token: Some(token),
                    send_invitation: send,
                    render_resource: render,
                    email,
                    identifier,
                    email_group_name: group,
                    additional_photo_required: additional,
                    custom_fields: custom,
                }
            },
        )
}

/// Bodies whose `Option<any>` fields are never `Some(null)`: on the wire
/// that is indistinguishable from an absent value.
fn envelope() -> impl Strategy<Value = pc::Envelope> {
    let present = || json_value().prop_filter("null reads back as absent", |v| !v.is_null());
    (
        prop::option::of(present()),
        prop::option::of(present()),
        prop::collection::btree_map("x_[a-z]{1,5}", json_value(), 0..3),
    )
        .prop_map(|(data, session, extra)| pc::Envelope {
            status: String::new(),
            data,
            session,
            extra,
        })
}

/// A documented response's constructor.
type Variant = fn(Reply<pc::Envelope>) -> pc::Response;

fn planocore_response() -> impl Strategy<Value = pc::Response> {
    let documented = (0usize..15, 100u16..600, envelope()).prop_map(|(i, status, mut body)| {
        let variants: [(&str, Variant); 15] = [
            ("action-successful", pc::Response::ActionSuccessful),
            ("invalid-token", pc::Response::InvalidToken),
            ("session-expired", pc::Response::SessionExpired),
            ("client-required", pc::Response::ClientRequired),
            ("missing-param", pc::Response::MissingParam),
            ("invalid-param", pc::Response::InvalidParam),
            ("application-crash", pc::Response::ApplicationCrash),
            ("mandrill-email-failed", pc::Response::MandrillEmailFailed),
            ("invalid-content-type", pc::Response::InvalidContentType),
            ("route-non-existent", pc::Response::RouteNonExistent),
            ("no-params-decoded", pc::Response::NoParamsDecoded),
            ("invalid-encoded-params", pc::Response::InvalidEncodedParams),
            ("route-not-found", pc::Response::RouteNotFound),
            ("identify-request-error", pc::Response::IdentifyRequestError),
            ("service-not-found", pc::Response::ServiceNotFound),
        ];
        let (slug, variant) = variants[i];
        body.status = slug.to_string();
        variant(Reply { status, body })
    });
    // What the spec does not document: a slug of its own, any status.
    let unknown = (
        100u16..600,
        "[a-z]{1,8}",
        prop::collection::vec(any::<u8>(), 0..16),
    )
        .prop_map(|(status, slug, noise)| {
            let mut body = format!(r#"{{"status":"zz-{slug}","noise":{noise:?}}}"#).into_bytes();
            body.push(b'\n');
            pc::Response::Unknown(RawResponse::new(status, Default::default(), body))
        });
    prop_oneof![4 => documented, 1 => unknown]
}

fn person_body() -> impl Strategy<Value = create_person::Person> {
    (
        any::<i64>(),
        email(),
        // Absent, `null` and a value are three different answers.
        prop_oneof![
            Just(Nullable::Absent),
            Just(Nullable::Null),
            text().prop_map(Nullable::Value)
        ],
        prop::option::of(prop::collection::btree_map(text(), json_value(), 0..3)),
        prop::collection::btree_map("x_[a-z]{1,5}", json_value(), 0..3),
    )
        .prop_map(
            |(id, email, identifier, custom_fields, extra)| create_person::Person {
                id,
                email,
                username: None,
                identifier,
                account_expired: Some(false),
                account_locked: None,
                activated_date: Nullable::Absent,
                additional_photo_required: None,
                additional_photos: None,
                authorities: None,
                can_switch_organizations: None,
                can_view_organization_list: None,
                current_photo: Nullable::Absent,
                custom_fields,
                date_terms_accepted: Nullable::Absent,
                domain_class: None,
                email_group: None,
                enabled: Some(true),
                home_organization: None,
                links: None,
                organization: None,
                password_expired: None,
                password_reset_required: None,
                read_only: None,
                unsubscribe: None,
                extra,
            },
        )
}

fn person_response() -> impl Strategy<Value = create_person::Response> {
    prop_oneof![
        "[!-~]{1,30}".prop_map(|location| create_person::Response::Accepted(
            create_person::AcceptedReply {
                status: 202,
                location,
                body: serde_json::Value::Null,
            }
        )),
        person_body()
            .prop_map(|body| create_person::Response::Created(Reply { status: 201, body })),
        // Undocumented codes, whatever the body.
        (
            prop::sample::select(vec![200u16, 400, 401, 404, 500, 503]),
            prop::collection::vec(any::<u8>(), 0..32)
        )
            .prop_map(
                |(status, body)| create_person::Response::Unknown(RawResponse::new(
                    status,
                    Default::default(),
                    body
                ))
            ),
    ]
}

proptest! {
    #[test]
    fn planocore_requests_survive_the_wire(request in photographer()) {
        prop_assert_eq!(request.validate(), Ok(()));
        let sent = request.to_http_request("https://planocore.planomatic.com").unwrap();
        prop_assert_eq!(pc::Request::from_http_request(&sent).unwrap(), request);
    }

    #[test]
    fn cloudcard_requests_survive_the_wire(request in person()) {
        prop_assert_eq!(request.validate(), Ok(()));
        let sent = request.to_http_request("https://api.onlinephotosubmission.com").unwrap();
        prop_assert_eq!(create_person::Request::from_http_request(&sent).unwrap(), request);
    }

    #[test]
    fn planocore_responses_survive_the_wire(response in planocore_response()) {
        let wire = response.to_http_response();
        prop_assert_eq!(pc::Request::from_http_response(wire).unwrap(), response);
    }

    #[test]
    fn cloudcard_responses_survive_the_wire(response in person_response()) {
        let wire = response.to_http_response();
        prop_assert_eq!(create_person::Request::from_http_response(wire).unwrap(), response);
    }
}

#[test]
fn the_strategies_reach_every_planocore_variant() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut names = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        names.insert(
            planocore_response()
                .new_tree(&mut runner)
                .unwrap()
                .current()
                .name(),
        );
    }
    assert_eq!(names.len(), 16, "{names:?}");
}
