//! Unions (`"type": "union"`): a tagged one read by its tag, an untagged
//! one read as the first member that fits, each written as the member it
//! holds; `Other` keeps a value no member describes and `validate`
//! refuses it. Sent over 127.0.0.1 through both clients to the fake
//! server, whose side reads them from the wire.

use std::io::{Read, Write};

use endpoints::fake::FakeServer;
use endpoints::{Endpoint, Reply, RequestError};
use serde_json::json;

mod support;

endpoints::endpoint!("tests/specs/adopt_pet.json");

use adopt_pet::{AdoptedBody, Cat, Dog, Lookup, Pet, PetFish, Request, Response, ShelterRef};

fn tom() -> Pet {
    Pet::Cat(Cat {
        pet_type: "cat".into(),
        name: "Tom".into(),
        lives: Some(9),
    })
}

fn request() -> Request {
    Request {
        pet: tom(),
        r#ref: Some(ShelterRef::Lookup(Lookup {
            city: "Oslo".into(),
        })),
        history: Some(vec![
            Pet::Dog(Dog {
                pet_type: "dog".into(),
                name: "Rex".into(),
                good_boy: true,
            }),
            Pet::Fish(PetFish {
                pet_type: "fish".into(),
                fins: Some(4),
            }),
        ]),
    }
}

#[test]
fn members_are_written_as_they_are_and_read_back_by_tag_or_by_fit() {
    let sent = request().to_http_request("http://x").unwrap();
    let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(
        body,
        json!({
            "pet": { "petType": "cat", "name": "Tom", "lives": 9 },
            "ref": { "city": "Oslo" },
            "history": [
                { "petType": "dog", "name": "Rex", "goodBoy": true },
                { "petType": "fish", "fins": 4 }
            ]
        })
    );
    assert_eq!(Request::from_http_request(&sent).unwrap(), request());

    let read = |v: serde_json::Value| serde_json::from_value::<ShelterRef>(v).unwrap();
    assert_eq!(read(json!(5)), ShelterRef::Integer(5));
    assert_eq!(read(json!("north")), ShelterRef::String("north".into()));
    assert_eq!(
        read(json!({"city": "Bergen", "extra": 1})),
        ShelterRef::Lookup(Lookup {
            city: "Bergen".into()
        })
    );
    assert_eq!(read(json!(true)), ShelterRef::Other(json!(true)));
    assert_eq!(
        read(json!({"town": "x"})),
        ShelterRef::Other(json!({"town": "x"}))
    );
    // Written back as read, `Other` included.
    for v in [
        json!(5),
        json!("north"),
        json!({"city": "B"}),
        json!([1, null]),
    ] {
        assert_eq!(serde_json::to_value(read(v.clone())).unwrap(), v);
    }
}

#[test]
fn a_tag_names_the_member_an_unknown_tag_is_kept_and_a_bad_member_is_an_error() {
    let bird = json!({"petType": "bird", "wings": 2});
    assert_eq!(
        serde_json::from_value::<Pet>(bird.clone()).unwrap(),
        Pet::Other(bird)
    );
    assert_eq!(
        serde_json::from_value::<Pet>(json!({"name": "Tom"})).unwrap(),
        Pet::Other(json!({"name": "Tom"}))
    );
    // The tag says `cat`: a value that is no cat is not read as another member.
    let err = serde_json::from_value::<Pet>(json!({"petType": "cat", "name": 7})).unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
    let err = serde_json::from_str::<Pet>(r#"{"petType": "dog", "name": "Rex"}"#).unwrap_err();
    assert!(err.to_string().contains("goodBoy"), "{err}");
}

#[test]
fn validate_checks_the_member_held_and_refuses_other() {
    assert_eq!(request().validate(), Ok(()));
    let mut bad = request();
    bad.pet = Pet::Other(json!({"petType": "bird"}));
    bad.r#ref = Some(ShelterRef::Integer(0));
    bad.history = Some(vec![
        Pet::Cat(Cat {
            pet_type: "dog".into(),
            name: "Tom".into(),
            lives: Some(10),
        }),
        Pet::Fish(PetFish {
            pet_type: "fish".into(),
            fins: Some(-1),
        }),
    ]);
    assert_eq!(
        bad.validate().unwrap_err().to_string(),
        "the request breaks 5 rules:\n  \
         - `pet` must be one of the union's members, `cat`, `dog`, `fish` (union)\n  \
         - `ref` must be at least 1 (minimum)\n  \
         - `history[0].petType` must be one of `cat` (values)\n  \
         - `history[0].lives` must be at most 9 (maximum)\n  \
         - `history[1].fins` must be at least 0 (minimum)"
    );
    let mut other = request();
    other.r#ref = Some(ShelterRef::Other(json!(true)));
    assert_eq!(
        other.validate().unwrap_err().to_string(),
        "the request breaks 1 rule:\n  \
         - `ref` must be one of the union's members, `integer`, `string`, `Lookup` (union)"
    );
}

fn raw_post(server: &FakeServer, body: &str) -> (u16, serde_json::Value) {
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    write!(
        stream,
        "POST /adoptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    (status, serde_json::from_str(body).unwrap_or_default())
}

#[test]
fn both_clients_send_unions_to_the_fake_server_and_read_them_back() {
    let server = FakeServer::builder()
        .endpoint::<Request, _>(|request| {
            // The server's side read the members off the wire: echo them.
            Response::Adopted(Reply {
                status: 201,
                body: AdoptedBody {
                    pet: request.pet,
                    r#ref: request.r#ref,
                },
            })
        })
        .start()
        .unwrap();
    let [from_async, from_blocking] =
        support::send_both_with(&server.url(), request(), |b| b, |b| b);
    for response in [from_async, from_blocking] {
        match response.unwrap() {
            Response::Adopted(reply) => {
                assert_eq!(reply.status, 201);
                assert_eq!(reply.body.pet, tom());
                assert_eq!(
                    reply.body.r#ref,
                    Some(ShelterRef::Lookup(Lookup {
                        city: "Oslo".into()
                    }))
                );
            }
            other => panic!("{other:?}"),
        }
    }
    let mut by_name = request();
    by_name.r#ref = Some(ShelterRef::String("north".into()));
    let [from_async, _] = support::send_both_with(&server.url(), by_name, |b| b, |b| b);
    assert!(matches!(
        from_async.unwrap(),
        Response::Adopted(reply) if reply.body.r#ref == Some(ShelterRef::String("north".into()))
    ));

    // The server's side refuses what no member describes, naming the param.
    let (status, body) = raw_post(&server, r#"{"pet": {"petType": "bird"}}"#);
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("`pet` must be one of the union's members, `cat`, `dog`, `fish` (union)"),
        "{body}"
    );
    let (status, body) = raw_post(&server, r#"{"pet": {"petType": "cat", "name": 5}}"#);
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("pet"), "{body}");
    let (status, _) = raw_post(
        &server,
        r#"{"pet": {"petType": "dog", "name": "Rex", "goodBoy": false}, "ref": 12}"#,
    );
    assert_eq!(status, 201);
    assert_eq!(server.requests().len(), 7);
}

#[test]
fn the_server_side_names_the_param_of_a_member_that_does_not_fit() {
    let request = endpoints::__private::http::Request::post("/adoptions")
        .header("content-type", "application/json")
        .body(br#"{"pet": {"petType": "cat", "name": "Tom", "lives": "nine"}}"#.to_vec())
        .unwrap();
    match Request::from_http_request(&request) {
        Err(RequestError::Malformed { param, message }) => {
            assert_eq!(param, "pet");
            assert!(!message.contains("nine"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_fake_answers_with_the_specs_example_and_the_client_reads_its_member() {
    let server = FakeServer::builder().example::<Request>().start().unwrap();
    let [from_async, from_blocking] =
        support::send_both_with(&server.url(), request(), |b| b, |b| b);
    for response in [from_async, from_blocking] {
        match response.unwrap() {
            Response::Adopted(reply) => {
                assert_eq!(
                    reply.body.pet,
                    Pet::Dog(Dog {
                        pet_type: "dog".into(),
                        name: "Rex".into(),
                        good_boy: true
                    })
                );
                assert_eq!(reply.body.r#ref, Some(ShelterRef::Integer(4)));
            }
            other => panic!("{other:?}"),
        }
    }
}

endpoints::endpoint!("tests/specs/pay_out.json");

fn dk_account() -> pay_out::Account {
    pay_out::Account::DkAccount(pay_out::DkAccount {
        r#type: pay_out::DkKind::DkLocal,
        number: "12345".into(),
        bank: "0040".into(),
    })
}

#[test]
fn a_field_of_one_value_tells_untagged_members_apart() {
    use pay_out::{Account, Destination};
    let account = |v: serde_json::Value| serde_json::from_value::<Account>(v).unwrap();
    // Alike but for `type`: each read as the one whose value it holds,
    // where the first that fits by its fields alone would be `CzAccount`.
    assert_eq!(
        account(json!({"type": "dkLocal", "number": "12345", "bank": "0040"})),
        dk_account()
    );
    assert!(matches!(
        account(json!({"type": "czLocal", "number": "1", "bank": "2"})),
        Account::CzAccount(_)
    ));
    // `SgAccount` does not require its `type`: a value without one is
    // it, and `numberAndBic` is `BicAccount`, tried first.
    assert!(matches!(
        account(json!({"number": "1", "bic": "DABASESX"})),
        Account::SgAccount(_)
    ));
    assert!(matches!(
        account(json!({"type": "numberAndBic", "number": "1", "bic": "DABASESX"})),
        Account::BicAccount(_)
    ));
    assert!(matches!(
        account(json!({"type": "sgLocal", "number": "1", "bic": "DABASESX"})),
        Account::SgAccount(_)
    ));
    // A kind no member holds is kept whole, and `validate` refuses it.
    let unknown = json!({"type": "seLocal", "number": "1", "bank": "2"});
    assert_eq!(account(unknown.clone()), Account::Other(unknown.clone()));
    let request = pay_out::Request {
        amount: 100,
        account: account(unknown),
    };
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "the request breaks 1 rule:\n  \
         - `account` must be one of the union's members, `CzAccount`, `DkAccount`, `BicAccount`, `SgAccount` (union)"
    );

    let destination = |v: serde_json::Value| serde_json::from_value::<Destination>(v).unwrap();
    assert_eq!(
        destination(json!("ba_1")),
        Destination::String("ba_1".into())
    );
    assert!(matches!(
        destination(json!({"id": "ba_1", "object": "bank_account", "deleted": true})),
        Destination::DeletedBank(_)
    ));
    assert!(matches!(
        destination(json!({"id": "card_1", "object": "card", "deleted": true})),
        Destination::DeletedCard(_)
    ));
    // `deleted` holds its one value too.
    let live = json!({"id": "card_1", "object": "card", "deleted": false});
    assert_eq!(destination(live.clone()), Destination::Other(live));
}

#[test]
fn both_clients_and_the_server_side_read_members_by_their_fields_of_one_value() {
    let server = FakeServer::builder()
        .endpoint::<pay_out::Request, _>(|request| {
            pay_out::Response::Paid(Reply {
                status: 201,
                body: pay_out::PaidBody {
                    account: request.account,
                    destination: pay_out::Destination::String("ba_1".into()),
                },
            })
        })
        .start()
        .unwrap();
    let request = pay_out::Request {
        amount: 100,
        account: dk_account(),
    };
    for response in support::send_both_with(&server.url(), request, |b| b, |b| b) {
        match response.unwrap() {
            pay_out::Response::Paid(reply) => assert_eq!(reply.body.account, dk_account()),
            other => panic!("{other:?}"),
        }
    }
    // The fake's example answer, read by the client.
    let example = FakeServer::builder()
        .example::<pay_out::Request>()
        .start()
        .unwrap();
    let request = pay_out::Request {
        amount: 1,
        account: dk_account(),
    };
    let [from_async, _] = support::send_both_with(&example.url(), request, |b| b, |b| b);
    match from_async.unwrap() {
        pay_out::Response::Paid(reply) => {
            assert_eq!(reply.body.account, dk_account());
            assert!(matches!(
                reply.body.destination,
                pay_out::Destination::DeletedBank(_)
            ));
        }
        other => panic!("{other:?}"),
    }
}

endpoints::endpoint!("tests/specs/save_viewer.json");

#[test]
fn a_tag_its_members_may_leave_out_names_the_member_where_a_value_has_it() {
    use save_viewer::{PrivateViewer, PublicViewer, Viewer};
    let read = |v: serde_json::Value| serde_json::from_value::<Viewer>(v).unwrap();
    let private = |view: Option<&str>| {
        Viewer::Private(PrivateViewer {
            view: view.map(str::to_string),
            login: "octocat".into(),
            plan: "pro".into(),
        })
    };
    let public = |view: Option<&str>| {
        Viewer::Public(PublicViewer {
            view: view.map(str::to_string),
            login: "octocat".into(),
        })
    };
    // The tag names the member, whatever else fits.
    assert_eq!(
        read(json!({"view": "public", "login": "octocat", "plan": "pro"})),
        public(Some("public"))
    );
    assert_eq!(
        read(json!({"view": "private", "login": "octocat", "plan": "pro"})),
        private(Some("private"))
    );
    // Without it: the first member that fits, in spec order.
    assert_eq!(
        read(json!({"login": "octocat", "plan": "pro"})),
        private(None)
    );
    assert_eq!(read(json!({"login": "octocat"})), public(None));
    // A `null` tag is no tag.
    assert_eq!(
        read(json!({"view": null, "login": "octocat"})),
        public(None)
    );
    // A tag that names no member, or a value none fits, is kept whole; so
    // is an array, which serde would read as a member's fields in order
    // (a tag of `cat` among them).
    assert_eq!(
        read(json!(["cat", "octocat"])),
        Viewer::Other(json!(["cat", "octocat"]))
    );
    let other = json!({"view": "admin", "login": "octocat"});
    assert_eq!(read(other.clone()), Viewer::Other(other));
    assert_eq!(
        read(json!({"name": "x"})),
        Viewer::Other(json!({"name": "x"}))
    );
    // A tag that names a member the value does not fit is an error.
    assert!(serde_json::from_value::<Viewer>(json!({"view": "private", "login": "o"})).is_err());
    // Written as the member it holds: the tag only where it is set.
    assert_eq!(
        serde_json::to_value(private(None)).unwrap(),
        json!({"login": "octocat", "plan": "pro"})
    );
    // `validate` checks a tag that is set against the member held.
    let request = save_viewer::Request {
        viewer: private(Some("public")),
    };
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.iter().next().unwrap().path(), "viewer.view");
    assert!(save_viewer::Request {
        viewer: private(None)
    }
    .validate()
    .is_ok());
    assert!(save_viewer::Request {
        viewer: public(Some("public"))
    }
    .validate()
    .is_ok());
}

#[test]
fn both_clients_and_the_server_side_read_a_union_whose_tag_may_be_left_out() {
    use save_viewer::{PrivateViewer, SavedBody, Viewer};
    let server = FakeServer::builder()
        .endpoint::<save_viewer::Request, _>(|request| {
            save_viewer::Response::Saved(Reply {
                status: 201,
                body: SavedBody {
                    viewer: request.viewer,
                },
            })
        })
        .start()
        .unwrap();
    let viewer = Viewer::Private(PrivateViewer {
        view: None,
        login: "octocat".into(),
        plan: "pro".into(),
    });
    let request = save_viewer::Request {
        viewer: viewer.clone(),
    };
    for response in support::send_both_with(&server.url(), request, |b| b, |b| b) {
        match response.unwrap() {
            save_viewer::Response::Saved(reply) => assert_eq!(reply.body.viewer, viewer),
            other => panic!("{other:?}"),
        }
    }
    // The spec's example answer, without the tag, read as the member it fits.
    let example = FakeServer::builder()
        .example::<save_viewer::Request>()
        .start()
        .unwrap();
    let request = save_viewer::Request {
        viewer: viewer.clone(),
    };
    let [from_async, from_blocking] =
        support::send_both_with(&example.url(), request, |b| b, |b| b);
    for response in [from_async, from_blocking] {
        match response.unwrap() {
            save_viewer::Response::Saved(reply) => assert_eq!(reply.body.viewer, viewer),
            other => panic!("{other:?}"),
        }
    }
}

mod by_format {
    endpoints::endpoint!("tests/specs/list_measurements.json");
}

/// Strings of one union told apart by their formats (OpenAQ's `date-time`
/// or `date`): each read as the first member whose format it has, in a
/// body, a query and an answer; a string none fits is `Other`, which
/// `validate` refuses; members are named after their formats.
#[test]
fn strings_of_one_union_are_told_apart_by_their_formats() {
    use by_format::list_measurements::{
        ContactRoute, Measurements, Photo, Request, Response, Since,
    };
    let read = |text: &str| serde_json::from_str::<Since>(text).unwrap();
    assert_eq!(
        read(r#""2024-05-01T10:00:00Z""#),
        Since::DateTime("2024-05-01T10:00:00Z".into())
    );
    assert_eq!(read(r#""2024-05-01""#), Since::Date("2024-05-01".into()));
    assert_eq!(read(r#""yesterday""#), Since::Other(json!("yesterday")));
    let contact = |text: &str| serde_json::from_str::<ContactRoute>(text).unwrap();
    assert_eq!(contact(r#""a@b.co""#), ContactRoute::Email("a@b.co".into()));
    assert_eq!(
        contact(r#""123e4567-e89b-12d3-a456-426614174000""#),
        ContactRoute::Uuid("123e4567-e89b-12d3-a456-426614174000".into())
    );
    assert_eq!(
        contact(r#""desk 4""#),
        ContactRoute::String("desk 4".into())
    );
    // A URI is the string member; any other base64 text the bytes.
    let photo = |text: &str| serde_json::from_str::<Photo>(text).unwrap();
    assert_eq!(
        photo(r#""https://x.example/p.png""#),
        Photo::String("https://x.example/p.png".into())
    );
    assert_eq!(photo(r#""aGk=""#), Photo::Bytes(b"hi".as_slice().into()));

    // On the wire and back, the query's text read as the member it fits.
    let request = Request {
        date_from: Since::Date("2024-05-01".into()),
        photo: Some(Photo::Bytes(b"hi".as_slice().into())),
        contact: Some(ContactRoute::Uuid(
            "123e4567-e89b-12d3-a456-426614174000".into(),
        )),
    };
    let sent = request.to_http_request("http://h").unwrap();
    assert_eq!(sent.uri().query(), Some("date_from=2024-05-01"));
    assert_eq!(Request::from_http_request(&sent).unwrap(), request);
    let other = Request {
        date_from: Since::Other(json!("yesterday")),
        photo: None,
        contact: None,
    };
    let refused = "the request breaks 1 rule:\n  - `date_from` must be one of the union's members, `date-time string`, `date string` (union)";
    assert_eq!(other.validate().unwrap_err().to_string(), refused);
    let sent = other.to_http_request("http://h").unwrap();
    assert!(matches!(
        Request::from_http_request(&sent),
        Err(RequestError::Invalid(errors)) if errors.to_string() == refused
    ));

    // The fake answers with the example, read as the members it fits.
    let server = FakeServer::builder()
        .endpoint::<Request, _>(|r| {
            Response::Ok(Reply {
                status: 200,
                body: Measurements {
                    since: r.date_from,
                    contact: r.contact,
                },
            })
        })
        .start()
        .unwrap();
    let responses = support::send_both_with(&server.url(), request.clone(), |b| b, |b| b);
    for response in responses {
        let Response::Ok(reply) = response.unwrap() else {
            panic!("not ok");
        };
        assert_eq!(reply.body.since, Since::Date("2024-05-01".into()));
        assert_eq!(reply.body.contact, request.contact);
    }
}

mod by_items {
    endpoints::endpoint!("tests/specs/complete_text.json");
}

/// Arrays of one union told apart by their items (OpenAI's `prompt`: a
/// text, texts, tokens or token lists): each read as the first member
/// whose items it holds, named after them; each member's own rules
/// checked; on the wire and back through the fake.
#[test]
fn arrays_of_one_union_are_told_apart_by_their_items() {
    use by_items::complete_text::{Completion, Prompt, Request, Response};
    let read = |text: &str| serde_json::from_str::<Prompt>(text).unwrap();
    assert_eq!(read(r#""hi""#), Prompt::String("hi".into()));
    assert_eq!(
        read(r#"["a", "b"]"#),
        Prompt::StringArray(vec!["a".into(), "b".into()])
    );
    assert_eq!(read("[1, 2]"), Prompt::IntegerArray(vec![1, 2]));
    assert_eq!(
        read("[[1], [2, 3]]"),
        Prompt::IntegerArrayArray(vec![vec![1], vec![2, 3]])
    );
    // The empty array is the first array member's; a mixed one none's.
    assert_eq!(read("[]"), Prompt::StringArray(vec![]));
    assert_eq!(read(r#"["a", 1]"#), Prompt::Other(json!(["a", 1])));

    let refused = Request {
        prompt: Prompt::IntegerArrayArray(vec![vec![]]),
    };
    assert_eq!(
        refused.validate().unwrap_err().to_string(),
        "the request breaks 1 rule:\n  - `prompt[0]` must have at least 1 entry (min_items), but has 0"
    );

    let request = Request {
        prompt: Prompt::IntegerArrayArray(vec![vec![1212, 318], vec![257]]),
    };
    let sent = request.to_http_request("http://h").unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(sent.body()).unwrap(),
        json!({ "prompt": [[1212, 318], [257]] })
    );
    assert_eq!(Request::from_http_request(&sent).unwrap(), request);
    let server = FakeServer::builder()
        .endpoint::<Request, _>(|r| {
            Response::Ok(Reply {
                status: 200,
                body: Completion { prompt: r.prompt },
            })
        })
        .start()
        .unwrap();
    for response in support::send_both_with(&server.url(), request.clone(), |b| b, |b| b) {
        let Response::Ok(reply) = response.unwrap() else {
            panic!("not ok");
        };
        assert_eq!(reply.body.prompt, request.prompt);
    }
}
