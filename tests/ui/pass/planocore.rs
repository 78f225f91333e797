//! The PlanoCore seed endpoint, used the way a downstream crate would.

endpoints::endpoint!("specs/planocore/create_photographer.json");

use create_photographer::{Application, Request, Response, View};
use endpoints::Endpoint;

fn good() -> Request {
    Request {
        view: Some(View::InternalappsView),
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "hunter2-secret".into(),
        phone: "+1 555 0100".into(),
        extension: Some(12),
        service_area_id: None,
        language: Some("en".into()),
        department: None,
        designation_id: None,
        token: Some("tok-123-secret".into()),
        application: Some(Application::Planox2),
        session_view: None,
    }
}

fn main() {
    let request = good();
    assert_eq!(request.validate(), Ok(()));

    // Every broken rule at once, each at its wire path.
    let bad = Request {
        email: "not-an-email".into(),
        view: Some(View::Other("everything".into())),
        application: Some(Application::Other("planoz".into())),
        ..good()
    };
    let errors = bad.validate().unwrap_err();
    assert_eq!(errors.len(), 3);
    let listed: Vec<(&str, String)> = errors.iter().map(|e| (e.path(), e.to_string())).collect();
    assert_eq!(
        listed,
        [
            ("view", "`view` must be one of `default`, `internalapps_view` (values)".to_string()),
            ("email", "`email` must be an email address (format `email`)".to_string()),
            (
                "application",
                "`application` must be one of `planoauth`, `planoorder`, `planox2` (values)".to_string()
            ),
        ]
    );

    // Enums travel under their wire names, and keep values outside the list.
    assert_eq!(serde_json::to_string(&View::InternalappsView).unwrap(), r#""internalapps_view""#);
    assert_eq!(serde_json::from_str::<Application>(r#""planox2""#).unwrap(), Application::Planox2);
    assert_eq!(
        serde_json::from_str::<Application>(r#""newapp""#).unwrap(),
        Application::Other("newapp".into())
    );
    assert_eq!(Application::VALUES, ["planoauth", "planoorder", "planox2"]);

    // The request serializes under wire names, leaving out absent params,
    // and reads back the same.
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["application"], "planox2");
    assert_eq!(json["view"], "internalapps_view");
    assert!(json.get("department").is_none());
    assert_eq!(serde_json::from_value::<Request>(json).unwrap(), request);

    // Secrets never reach Debug output.
    let debug = format!("{request:?}");
    assert!(debug.contains("password: <redacted>"), "{debug}");
    assert!(debug.contains("token: <redacted>"), "{debug}");
    assert!(!debug.contains("hunter2") && !debug.contains("tok-123"), "{debug}");
    assert!(debug.contains("ansel@example.com"), "{debug}");

    // Responses are told apart by the body's status slug.
    let answer = endpoints::http::Response::builder()
        .status(401)
        .body(br#"{"status":"session-expired","session":null}"#.to_vec())
        .unwrap();
    let response = Request::from_http_response(answer).unwrap();
    assert_eq!(response.name(), "session-expired");
    assert_eq!(response.http_status(), 401);
    assert!(!response.is_success());
    assert!(matches!(response, Response::SessionExpired(_)));
}
