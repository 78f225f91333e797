//! The quickstart: both seed endpoints, called for real over HTTP against a
//! fake server that answers from the same specs. No outside service.
//!
//!     cargo run --example quickstart

use std::collections::BTreeMap;

use endpoints::fake::FakeServer;
use endpoints::{EndpointResponse, Error, Reply};

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("specs/cloudcard/create_photo.json");
endpoints::endpoint!("specs/cloudcard/get_photo_bytes.json");

use create_person as cloudcard;
use create_photographer as planocore;

/// The page's example person (renderResource=true), as the fake answers it.
const EXAMPLE_PERSON: &str = include_str!("../tests/fixtures/cloudcard_person_201.json");

fn envelope(data: serde_json::Value) -> planocore::Envelope {
    planocore::Envelope {
        status: String::new(),
        data: Some(data),
        session: None,
        extra: BTreeMap::new(),
    }
}

/// A tiny JPEG: its start-of-image marker, a comment, its end marker.
const PHOTO: &[u8] = b"\xff\xd8\xff\xfe\x00\x0aquickstart\xff\xd9";

/// The photos the fake has taken, by id.
type Photos = std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>;

/// PlanoCore's behaviour: create the photographer, or refuse the way it does.
fn planocore_fake(request: planocore::Request) -> planocore::Response {
    if request.email.ends_with("@taken.example") {
        return planocore::Response::InvalidParam(Reply {
            status: 400,
            body: envelope(serde_json::json!({ "message": "email already in use" })),
        });
    }
    planocore::Response::ActionSuccessful(Reply {
        status: 200,
        body: envelope(serde_json::json!({
            "id": 1017,
            "email": request.email,
            "name": format!("{} {}", request.first_name, request.last_name),
        })),
    })
}

/// CloudCard's behaviour: 202 with a Location, or 201 with the person.
fn cloudcard_fake(request: cloudcard::Request) -> cloudcard::Response {
    if request.render_resource == Some(true) {
        let mut person: cloudcard::Person =
            serde_json::from_str(EXAMPLE_PERSON).expect("the page's example fits the spec");
        person.email = request.email.clone();
        person.username = Some(request.email);
        // The response tells "absent", `null` and a value apart (`Nullable`).
        person.identifier = endpoints::Nullable::absent_if_none(request.identifier);
        return cloudcard::Response::Created(Reply {
            status: 201,
            body: person,
        });
    }
    cloudcard::Response::Accepted(cloudcard::AcceptedReply {
        status: 202,
        location: "https://api.onlinephotosubmission.com/api/people/385829".into(),
        body: serde_json::Value::Null,
    })
}

fn heading(n: u32, title: &str) {
    println!("\n{n}. {title}");
}

fn outcome<R: EndpointResponse>(response: &R) {
    let mark = if response.is_success() { "ok" } else { "!!" };
    println!(
        "   {mark} {} (HTTP {})",
        response.name(),
        response.http_status()
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let photos = Photos::default();
    let (taken, kept) = (photos.clone(), photos.clone());
    let server = FakeServer::builder()
        // A request PlanoCore cannot use is answered as its spec's `refusals` say
        // (missing-param, invalid-param, invalid-content-type).
        .endpoint::<planocore::Request, _>(planocore_fake)
        .endpoint::<cloudcard::Request, _>(cloudcard_fake)
        // CloudCard's photos: the upload decoded from its base64, kept, and
        // served back as image bytes from the URL its `links.bytes` gives.
        .endpoint::<create_photo::Request, _>(move |upload| {
            let mut photos = taken.lock().unwrap();
            photos.push(upload.encoded_image.0);
            let id = photos.len() as i64;
            create_photo::Response::Created(Reply {
                status: 201,
                body: create_photo::Photo {
                    id,
                    status: Some("PENDING".into()),
                    links: Some(create_photo::PhotoLinks {
                        bytes: Some(format!("/api/photos/{id}/bytes")),
                    }),
                    extra: BTreeMap::new(),
                },
            })
        })
        .endpoint::<get_photo_bytes::Request, _>(move |request| {
            let photos = kept.lock().unwrap();
            let bytes = usize::try_from(request.id - 1)
                .ok()
                .and_then(|i| photos.get(i).cloned())
                .unwrap_or_default();
            get_photo_bytes::Response::Photo(Reply {
                status: 200,
                body: endpoints::Binary {
                    content_type: Some("image/jpeg".into()),
                    bytes,
                },
            })
        })
        .start()?;
    println!("endpoints quickstart: two APIs documented only as web pages, called through");
    println!(
        "clients generated from their specs, against a fake server built from the same specs."
    );
    println!("Fake server: {}", server.url());

    // Each client holds its API's credential, filled into the param the spec
    // marks `credential` (PlanoCore: `token` in the JSON body; CloudCard: the
    // `X-Auth-Token` header), and defaults for the params its specs mark
    // `shared`. A request's own value wins.
    let planocore_client = endpoints::Client::builder(server.url())
        .credential("app-token-3f9a")
        .param(planocore::APPLICATION, planocore::Application::Planoauth)
        .build();
    let cloudcard_client = endpoints::Client::builder(server.url())
        .credential("cc-token-77e1")
        .default_header(
            endpoints::http::HeaderName::from_static("user-agent"),
            endpoints::http::HeaderValue::from_static("endpoints-quickstart"),
        )
        .build();

    heading(
        1,
        "PlanoCore: create a photographer (POST /api/v1/photographers/create)",
    );
    // A builder: leave out a required param and `build()` does not compile,
    // naming it.
    let photographer = planocore::Request::builder()
        .email("ansel@example.com")
        .first_name("Ansel")
        .last_name("Adams")
        .password("moonrise-1941")
        .phone("+1 555 0100")
        .extension(12)
        .language("en")
        .build();
    println!("   request (Debug hides secrets): {photographer:?}");
    let response = planocore_client.send(photographer.clone()).await?;
    outcome(&response);
    if let planocore::Response::ActionSuccessful(reply) = &response {
        println!(
            "   data: {}",
            reply.body.data.as_ref().unwrap_or(&serde_json::Value::Null)
        );
    }

    let taken = planocore::Request {
        email: "dorothea@taken.example".into(),
        ..photographer.clone()
    };
    let response = planocore_client.send(taken).await?;
    outcome(&response);
    if let planocore::Response::InvalidParam(reply) = &response {
        println!(
            "   data: {}",
            reply.body.data.as_ref().unwrap_or(&serde_json::Value::Null)
        );
    }

    heading(2, "CloudCard: create a person (POST /api/people)");
    let person = cloudcard::Request::builder()
        .email("jon.doe@foo.edu")
        .send_invitation(false)
        .identifier("ABC123")
        .email_group_name("Online Students")
        .additional_photo_required(true)
        .custom_fields([
            ("First Name".to_string(), "Carry A".to_string()),
            ("Upload Date".to_string(), "2017-06-22 11:17AM".to_string()),
        ])
        .build();
    let response = cloudcard_client.send(person.clone()).await?;
    outcome(&response);
    if let cloudcard::Response::Accepted(reply) = &response {
        println!("   Location: {}", reply.location);
    }

    println!("   … and again with renderResource=true:");
    let response = cloudcard_client
        .send(cloudcard::Request {
            render_resource: Some(true),
            ..person.clone()
        })
        .await?;
    outcome(&response);
    if let cloudcard::Response::Created(reply) = &response {
        let p = &reply.body;
        let org = p
            .organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
            .unwrap_or("?");
        println!(
            "   person #{} {} ({}), organization {org}",
            p.id,
            p.email,
            p.identifier.as_value().map_or("-", String::as_str)
        );
        let roles: Vec<&str> = p
            .authorities
            .iter()
            .flatten()
            .map(|a| a.authority.as_str())
            .collect();
        println!("   roles: {}", roles.join(", "));
    }

    heading(3, "A request that breaks the spec never leaves the machine");
    let seen = server.requests().len();
    let broken = planocore::Request {
        email: "not-an-email".into(),
        view: Some(planocore::View::Other("everything".into())),
        application: Some(planocore::Application::Other("planoz".into())),
        ..photographer
    };
    match planocore_client.send(broken.clone()).await {
        Err(Error::Validation(errors)) => {
            for line in errors.to_string().lines() {
                println!("   {line}");
            }
        }
        other => println!("   unexpected: {other:?}"),
    }
    println!(
        "   requests the server saw meanwhile: {}",
        server.requests().len() - seen
    );
    println!("   With pre-send validation off, the fake refuses it the way PlanoCore does:");
    let lenient = endpoints::Client::builder(server.url())
        .credential("app-token-3f9a")
        .validate_before_send(false)
        .build();
    let response = lenient.send(broken).await?;
    outcome(&response);
    if let planocore::Response::InvalidParam(reply) = &response {
        if let Some(message) = reply.body.extra.get("message").and_then(|m| m.as_str()) {
            for line in message.lines() {
                println!("   {line}");
            }
        }
    }

    println!("   A client with no credential, and a request that sets none, never sends it:");
    match endpoints::Client::new(server.url())
        .send(person.clone())
        .await
    {
        Err(Error::Validation(errors)) => {
            for line in errors.to_string().lines() {
                println!("   {line}");
            }
        }
        other => println!("   unexpected: {other:?}"),
    }

    heading(
        4,
        "CloudCard: upload a photo as base64, read its bytes back",
    );
    let upload = create_photo::Request::builder()
        .person(create_photo::PersonRef { id: 385828 })
        .encoded_image(PHOTO) // `bytes` in the spec: base64 on the wire
        .build();
    let response = cloudcard_client.send(upload).await?;
    outcome(&response);
    if let create_photo::Response::Created(reply) = &response {
        let link = reply.body.links.as_ref().and_then(|l| l.bytes.as_deref());
        println!(
            "   photo #{} ({:?}), bytes at {}",
            reply.body.id,
            reply.body.status,
            link.unwrap_or("-")
        );
        let fetched = cloudcard_client
            .send(
                get_photo_bytes::Request::builder()
                    .id(reply.body.id)
                    .build(),
            )
            .await?;
        if let get_photo_bytes::Response::Photo(photo) = &fetched {
            println!(
                "   read back: {} bytes of {}, the same as sent: {}",
                photo.body.bytes.len(),
                photo.body.content_type.as_deref().unwrap_or("?"),
                photo.body.bytes == PHOTO
            );
        }
    }

    heading(5, "What no page documents is kept whole");
    let raw_server = FakeServer::builder()
        .route(endpoints::http::Method::POST, "/api/people", |_| {
            endpoints::fake::json_response(429, r#"{"message":"slow down","retryAfter":30}"#)
        })
        .start()?;
    let response = endpoints::Client::builder(raw_server.url())
        .credential("cc-token-77e1")
        .build()
        .send(person.clone())
        .await?;
    outcome(&response);
    if let cloudcard::Response::Unknown(raw) = &response {
        println!("   raw body, byte for byte: {}", raw.text());
    }
    println!(
        "\nDone. Specs: specs/planocore, specs/cloudcard. Generated code: codegen/tests/snapshots."
    );
    Ok(())
}
