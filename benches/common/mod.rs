//! What the benches share: the PlanoCore seed endpoint and a request to it.

endpoints::endpoint!("specs/planocore/create_photographer.json");

/// A valid request with most params set, the same in every bench.
pub fn photographer() -> create_photographer::Request {
    create_photographer::Request {
        view: Some(create_photographer::View::InternalappsView),
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "moonrise-1941".into(),
        phone: "+1 555 0100".into(),
        extension: Some(12),
        service_area_id: Some(4),
        language: Some("en".into()),
        department: Some("field".into()),
        designation_id: None,
        token: Some("app-token-3f9a".into()),
        application: Some(create_photographer::Application::Planoauth),
        session_view: None,
    }
}
