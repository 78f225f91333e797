// `builders = false`: no `Request::builder()`; the struct literal, the
// client's credential and everything else stay.

endpoints::endpoint!("specs/cloudcard/create_person.json", builders = false);

fn main() {
    let request = create_person::Request {
        x_auth_token: None,
        send_invitation: Some(false),
        render_resource: None,
        email: "jon.doe@foo.edu".into(),
        identifier: None,
        email_group_name: None,
        additional_photo_required: None,
        custom_fields: None,
    };
    let _ = endpoints::Client::builder("https://api.example.com").credential("t");
    let _ = request;
}
