//! The CloudCard seed endpoint, used the way a downstream crate would.

endpoints::endpoint!("specs/cloudcard/create_person.json");

use std::collections::BTreeMap;

use create_person::{Request, Response};
use endpoints::Endpoint;

fn main() {
    let request = Request {
        x_auth_token: Some("secret-token-value".into()),
        send_invitation: Some(false),
        render_resource: None,
        email: "jon.doe@foo.edu".into(),
        identifier: Some("ABC123".into()),
        email_group_name: Some("Online Students".into()),
        additional_photo_required: Some(true),
        custom_fields: Some(BTreeMap::from([
            ("First Name".to_string(), "Carry A".to_string()),
            ("Last_Name".to_string(), "Card".to_string()),
        ])),
    };
    assert_eq!(request.validate(), Ok(()));

    let bad = Request {
        email: "jon.doe at foo.edu".into(),
        ..request.clone()
    };
    let errors = bad.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "the request breaks 1 rule:\n  - `email` must be an email address (format `email`)"
    );

    // Wire names as the API spells them.
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["emailGroupName"], "Online Students");
    assert_eq!(json["customFields"]["First Name"], "Carry A");
    assert_eq!(json["X-Auth-Token"], "secret-token-value");

    let debug = format!("{request:?}");
    assert!(debug.contains("x_auth_token: <redacted>"), "{debug}");
    assert!(!debug.contains("secret-token-value"), "{debug}");

    // The page's 202, with its Location header.
    let accepted = endpoints::http::Response::builder()
        .status(202)
        .header("Location", "https://api.onlinephotosubmission.com/api/people/385828")
        .body(Vec::new())
        .unwrap();
    match Request::from_http_response(accepted).unwrap() {
        Response::Accepted(reply) => {
            assert_eq!(reply.location, "https://api.onlinephotosubmission.com/api/people/385828");
            assert_eq!(reply.status, 202);
        }
        other => panic!("expected Accepted, got {other:?}"),
    }
}
