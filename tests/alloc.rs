//! `validate()` on a valid request allocates nothing: wire paths are built
//! only when a rule is broken.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;

use endpoints::Endpoint;

endpoints::endpoint!("specs/planocore/create_photographer.json");
endpoints::endpoint!("specs/cloudcard/create_person.json");
endpoints::endpoint!("tests/specs/lookup.json");
endpoints::endpoint!("tests/specs/submit_encoded.json");

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the thread-locals may be gone while a thread exits.
        let _ = COUNTING.try_with(|on| {
            if on.get() {
                COUNT.with(|c| c.set(c.get() + 1));
            }
        });
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    COUNT.with(|c| c.set(0));
    COUNTING.with(|on| on.set(true));
    f();
    COUNTING.with(|on| on.set(false));
    COUNT.with(|c| c.get())
}

#[test]
fn validating_a_valid_request_allocates_nothing() {
    let photographer = create_photographer::Request {
        view: Some(create_photographer::View::Default),
        email: "ansel@example.com".into(),
        first_name: "Ansel".into(),
        last_name: "Adams".into(),
        password: "secret".into(),
        phone: "1".into(),
        extension: None,
        service_area_id: None,
        language: None,
        department: None,
        designation_id: None,
        token: Some("t".into()),
        application: Some(create_photographer::Application::Planoauth),
        session_view: None,
    };
    let person = create_person::Request {
        x_auth_token: Some("t".into()),
        send_invitation: None,
        render_resource: Some(true),
        email: "jon.doe@foo.edu".into(),
        identifier: None,
        email_group_name: None,
        additional_photo_required: None,
        custom_fields: Some(BTreeMap::from([(
            "First Name".to_string(),
            "A".to_string(),
        )])),
    };
    let lookup = lookup::Request {
        email: "x".into(),
        tag: Some(vec!["a".into()]),
        limit: Some(3),
        x_trace: None,
        x_api_key: "k".into(),
    };
    let encoded = submit_encoded::Request {
        user: "u".into(),
        password: "long enough".into(),
        extra: BTreeMap::new(),
    };
    // The first call compiles any pattern once; later calls reuse it.
    assert!(photographer.validate().is_ok() && person.validate().is_ok());
    assert!(lookup.validate().is_ok() && encoded.validate().is_ok());
    let n = allocations(|| {
        assert!(photographer.validate().is_ok());
        assert!(person.validate().is_ok());
        assert!(lookup.validate().is_ok());
        assert!(encoded.validate().is_ok());
    });
    assert_eq!(n, 0, "validate() allocated on valid requests");

    // The counter does count: a broken rule allocates its message.
    let bad = lookup::Request {
        limit: Some(99),
        ..lookup
    };
    assert!(allocations(|| assert!(bad.validate().is_err())) > 0);
}
