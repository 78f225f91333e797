// A struct literal that leaves out a required param does not compile.

endpoints::endpoint!("specs/cloudcard/create_person.json");

fn main() {
    let _ = create_person::Request {
        x_auth_token: Some("token".into()),
        send_invitation: None,
        render_resource: None,
        identifier: None,
        email_group_name: None,
        additional_photo_required: None,
        custom_fields: None,
    };
}
