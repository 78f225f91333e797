/// Create a Person
///
/// `POST /api/people`
///
/// Base URL: <https://api.onlinephotosubmission.com>
///
/// CloudCard (Online Photo Submission). Creates a cardholder; updating a person through this endpoint is deprecated (use Update a Person).
pub mod create_person {
    use ::endpoints::__private as __ep;
    /// The params of `POST /api/people`.
    ///
    /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
    ///
    /// Example body: `{"email":"jon.doe@foo.edu"}`.
    #[derive(Clone, PartialEq, __ep::serde::Serialize)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct Request {
        /// The API token (see CloudCard's Authentication page).
        ///
        /// Header `X-Auth-Token`; required; sensitive (never shown by `Debug`).
        #[serde(
            rename = "X-Auth-Token",
            default,
            skip_serializing_if = "__ep::Option::is_none"
        )]
        pub x_auth_token: __ep::Option<__ep::String>,
        /// If false, the cardholder does not receive an email invitation; if true or not specified, one is sent.
        ///
        /// `sendInvitation` in the query; default `true` (assumed by the API when absent; never sent for you).
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub send_invitation: __ep::Option<bool>,
        /// If true, the answer is `201 Created` with the person in the body instead of `202 Accepted`. The page gives no default.
        ///
        /// `renderResource` in the query.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub render_resource: __ep::Option<bool>,
        /// The cardholder's email address. Also used as the username.
        ///
        /// `email` in the body; required; format `email`.
        pub email: __ep::String,
        /// The organization's unique identifier for the cardholder, i.e. student ID or employee ID.
        ///
        /// `identifier` in the body.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub identifier: __ep::Option<__ep::String>,
        /// The email recipient group into which the cardholder should be placed.
        ///
        /// `emailGroupName` in the body.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub email_group_name: __ep::Option<__ep::String>,
        /// If true, the cardholder is required to submit all supplemental documents defined for the organization (government issued ID, signature, …). The page's example sends the string "true"; the field is documented as a flag and sent as a JSON boolean.
        ///
        /// `additionalPhotoRequired` in the body.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub additional_photo_required: __ep::Option<bool>,
        /// A map of key value pairs: the keys are the names of the organization's custom fields (spaces and mixed case are common), the values this cardholder's values.
        ///
        /// `customFields` in the body.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub custom_fields: __ep::Option<__ep::BTreeMap<__ep::String, __ep::String>>,
    }
    impl __ep::fmt::Debug for Request {
        fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
            f.debug_struct("Request")
                .field("x_auth_token", &__ep::Redacted)
                .field("send_invitation", &self.send_invitation)
                .field("render_resource", &self.render_resource)
                .field("email", &self.email)
                .field("identifier", &self.identifier)
                .field("email_group_name", &self.email_group_name)
                .field("additional_photo_required", &self.additional_photo_required)
                .field("custom_fields", &self.custom_fields)
                .finish()
        }
    }
    impl __ep::Validate for Request {
        fn validate_into(
            &self,
            path: &__ep::Path<'_>,
            errors: &mut __ep::ValidationErrors,
        ) {
            if self.x_auth_token.is_none() {
                errors
                    .push(
                        &path.field("X-Auth-Token"),
                        __ep::Rule::Missing {
                            credential: true,
                        },
                    );
            }
            {
                let v = &self.email;
                let p = path.field("email");
                __ep::StrRules {
                    format: __ep::Some(__ep::Format::Email),
                    ..__ep::StrRules::NONE
                }
                    .check(v, &p, errors);
            }
        }
    }
    impl<'de> __ep::serde::Deserialize<'de> for Request {
        fn deserialize<D: __ep::serde::Deserializer<'de>>(
            d: D,
        ) -> __ep::Result<Self, D::Error> {
            __ep::deserialize_params(d)
        }
    }
    impl Request {
        /// Starts a [`Builder`]: a setter per param, then `build()`.
        pub fn builder() -> Builder {
            Builder {
                params: BuilderParams {
                    x_auth_token: __ep::None,
                    send_invitation: __ep::None,
                    render_resource: __ep::None,
                    email: __ep::None,
                    identifier: __ep::None,
                    email_group_name: __ep::None,
                    additional_photo_required: __ep::None,
                    custom_fields: __ep::None,
                },
                state: __ep::PhantomData,
            }
        }
    }
    /// A builder for [`Request`]: a setter per param; `build()` compiles once `email` is set.
    #[must_use = "a builder does nothing until `build()`"]
    #[allow(clippy::type_complexity)]
    pub struct Builder<__S0 = missing::email> {
        params: BuilderParams,
        state: __ep::PhantomData<(__S0,)>,
    }
    struct BuilderParams {
        x_auth_token: __ep::Option<__ep::String>,
        send_invitation: __ep::Option<bool>,
        render_resource: __ep::Option<bool>,
        email: __ep::Option<__ep::String>,
        identifier: __ep::Option<__ep::String>,
        email_group_name: __ep::Option<__ep::String>,
        additional_photo_required: __ep::Option<bool>,
        custom_fields: __ep::Option<__ep::BTreeMap<__ep::String, __ep::String>>,
    }
    /// The required params a [`Builder`] has not set yet, by name.
    #[allow(non_camel_case_types)]
    pub mod missing {
        /// Not set yet.
        pub struct email;
    }
    impl<__S0> Builder<__S0> {
        /// Sets `X-Auth-Token` (required; the client fills it in when unset).
        pub fn x_auth_token(mut self, value: impl __ep::Into<__ep::String>) -> Self {
            self.params.x_auth_token = __ep::Some(value.into());
            self
        }
        /// Sets `sendInvitation`.
        pub fn send_invitation(mut self, value: impl __ep::Into<bool>) -> Self {
            self.params.send_invitation = __ep::Some(value.into());
            self
        }
        /// Sets `renderResource`.
        pub fn render_resource(mut self, value: impl __ep::Into<bool>) -> Self {
            self.params.render_resource = __ep::Some(value.into());
            self
        }
        /// Sets `email` (required).
        pub fn email(
            mut self,
            value: impl __ep::Into<__ep::String>,
        ) -> Builder<__ep::Set> {
            self.params.email = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `identifier`.
        pub fn identifier(mut self, value: impl __ep::Into<__ep::String>) -> Self {
            self.params.identifier = __ep::Some(value.into());
            self
        }
        /// Sets `emailGroupName`.
        pub fn email_group_name(mut self, value: impl __ep::Into<__ep::String>) -> Self {
            self.params.email_group_name = __ep::Some(value.into());
            self
        }
        /// Sets `additionalPhotoRequired`.
        pub fn additional_photo_required(
            mut self,
            value: impl __ep::Into<bool>,
        ) -> Self {
            self.params.additional_photo_required = __ep::Some(value.into());
            self
        }
        /// Sets `customFields`.
        pub fn custom_fields(
            mut self,
            value: impl __ep::Into<__ep::BTreeMap<__ep::String, __ep::String>>,
        ) -> Self {
            self.params.custom_fields = __ep::Some(value.into());
            self
        }
        /// The request, every required param set.
        pub fn build(self) -> Request
        where
            __S0: __ep::IsSet,
        {
            let BuilderParams {
                x_auth_token,
                send_invitation,
                render_resource,
                email,
                identifier,
                email_group_name,
                additional_photo_required,
                custom_fields,
            } = self.params;
            Request {
                x_auth_token,
                send_invitation,
                render_resource,
                email: __ep::built(email),
                identifier,
                email_group_name,
                additional_photo_required,
                custom_fields,
            }
        }
    }
    impl __ep::SuccessExample for Request {
        const EXAMPLE_RESPONSE: usize = 1;
        const EXAMPLE_BODY: &'static str = "{\"accountExpired\":false,\"accountLocked\":false,\"activatedDate\":null,\"additionalPhotoRequired\":true,\"additionalPhotos\":{},\"authorities\":[{\"authority\":\"ROLE_CARDHOLDER\",\"id\":3,\"version\":0}],\"canSwitchOrganizations\":false,\"canViewOrganizationList\":false,\"currentPhoto\":null,\"customFields\":{\"Notes\":null},\"dateTermsAccepted\":null,\"domainClass\":\"com.campuscardtools.myphotoid.Person\",\"email\":\"black.beard@pirates.com\",\"emailGroup\":{\"id\":23,\"name\":\"Default\",\"receivableEmails\":\"login,approval,denial,BAD,GOOD,MAYBE,welcome\"},\"enabled\":true,\"homeOrganization\":{\"id\":92,\"hasDescendents\":false,\"descendents\":[]},\"id\":385828,\"identifier\":\"K0001\",\"links\":{\"login\":null},\"organization\":{\"id\":92,\"domainClass\":\"com.campuscardtools.myphotoid.Organization\",\"name\":\"Test Org.\",\"isPaid\":true,\"termsOfService\":\"null\",\"photoRequirements\":[],\"customFields\":[{\"name\":\"Notes\",\"prompt\":null,\"sortOrder\":1,\"showInList\":true,\"allowUserInput\":false,\"requireUserInput\":false,\"lastUpdated\":\"2018-12-18T21:05:18Z\",\"id\":100067,\"version\":0}],\"customCssUrl\":\"https://sharptopco.github.io/cloudcard-custom-assets/blankcssfile.css\",\"logoutUrl\":null,\"useEmailAsUsername\":true,\"usePersonIdentifier\":true,\"personIdentifierLabel\":\"ID Number\",\"downloadStrategy\":{\"id\":\"EXTERNAL\",\"name\":\"External Application\"},\"downloadLabel\":\"Download Photos\",\"photoDimensions\":{\"width\":200,\"height\":200,\"description\":\"200:200 (1:1)\",\"id\":3,\"version\":0},\"preventMultiplePhotos\":false,\"approvalsPerDay\":0,\"approvalsMadeToday\":0,\"canApproveMorePhotosToday\":true,\"emailReplyTo\":\"Hello From CloudCard <hello@cloudcardtools.com>\",\"helperBotDelay\":1000},\"passwordExpired\":false,\"passwordResetRequired\":false,\"readOnly\":false,\"unsubscribe\":false,\"username\":\"black.beard@pirates.com\"}";
    }
    impl __ep::Endpoint for Request {
        type Response = Response;
        const METADATA: __ep::Metadata = __ep::Metadata {
            name: "create_person",
            method: __ep::Method::Post,
            path: "/api/people",
            idempotent: false,
            base_url: __ep::Some("https://api.onlinephotosubmission.com"),
            body: __ep::BodyEncoding::Json,
            params: &[
                __ep::ParamSpec::header("X-Auth-Token", __ep::WireKind::Text)
                    .required()
                    .client(),
                __ep::ParamSpec::query("sendInvitation", __ep::WireKind::Boolean),
                __ep::ParamSpec::query("renderResource", __ep::WireKind::Boolean),
                __ep::ParamSpec::body("email", __ep::WireKind::Text).required(),
                __ep::ParamSpec::body("identifier", __ep::WireKind::Text),
                __ep::ParamSpec::body("emailGroupName", __ep::WireKind::Text),
                __ep::ParamSpec::body(
                    "additionalPhotoRequired",
                    __ep::WireKind::Boolean,
                ),
                __ep::ParamSpec::body(
                        "customFields",
                        __ep::WireKind::Map(&__ep::WireKind::Text),
                    )
                    .non_null(&["{}"]),
            ],
            refusals: __ep::Refusals {
                missing: __ep::None,
                invalid: __ep::None,
                body: __ep::None,
            },
        };
        fn to_http_request(
            &self,
            base_url: &str,
        ) -> __ep::Result<__ep::http::Request<__ep::Vec<u8>>, __ep::Error> {
            let mut w = __ep::Encoder::new(Self::METHOD, base_url);
            w.path("/api/people");
            w.secret_header(
                const { __ep::http::HeaderName::from_static("x-auth-token") },
                "X-Auth-Token",
                &self.x_auth_token,
            );
            w.query("sendInvitation", &self.send_invitation);
            w.query("renderResource", &self.render_resource);
            w.body(
                Self::BODY,
                |b| {
                    b.field("email", &self.email);
                    b.optional("identifier", &self.identifier);
                    b.optional("emailGroupName", &self.email_group_name);
                    b.optional(
                        "additionalPhotoRequired",
                        &self.additional_photo_required,
                    );
                    b.optional("customFields", &self.custom_fields);
                },
            )
        }
        fn from_params(
            params: &mut __ep::Params,
        ) -> __ep::Result<Self, __ep::RequestError> {
            __ep::Ok(Self {
                x_auth_token: params.take("X-Auth-Token")?,
                send_invitation: params.take("sendInvitation")?,
                render_resource: params.take("renderResource")?,
                email: params.take("email")?,
                identifier: params.take("identifier")?,
                email_group_name: params.take("emailGroupName")?,
                additional_photo_required: params.take("additionalPhotoRequired")?,
                custom_fields: params.take("customFields")?,
            })
        }
        fn apply_defaults(&mut self, defaults: &__ep::Defaults) {
            defaults.fill_credential(&mut self.x_auth_token);
        }
    }
    /// The cardholder's organization.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct Organization {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub domain_class: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub name: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub is_paid: __ep::Option<bool>,
        /// `termsOfService`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub terms_of_service: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub photo_requirements: __ep::Option<__ep::Vec<__ep::serde_json::Value>>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub custom_fields: __ep::Option<__ep::Vec<CustomField>>,
        /// `customCssUrl`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub custom_css_url: __ep::Nullable<__ep::String>,
        /// `logoutUrl`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub logout_url: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub use_email_as_username: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub use_person_identifier: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub person_identifier_label: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub download_strategy: __ep::Option<DownloadStrategy>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub download_label: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub photo_dimensions: __ep::Option<PhotoDimensions>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub prevent_multiple_photos: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub approvals_per_day: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub approvals_made_today: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub can_approve_more_photos_today: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub email_reply_to: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub helper_bot_delay: __ep::Option<i64>,
    }
    /// The object `CustomField`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct CustomField {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub name: __ep::Option<__ep::String>,
        /// `prompt`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub prompt: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub sort_order: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub show_in_list: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub allow_user_input: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub require_user_input: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub last_updated: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub version: __ep::Option<i64>,
    }
    /// The object `DownloadStrategy`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct DownloadStrategy {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub name: __ep::Option<__ep::String>,
    }
    /// The object `PhotoDimensions`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct PhotoDimensions {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub width: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub height: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub description: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub version: __ep::Option<i64>,
    }
    /// A cardholder, as the page's example (with `renderResource=true`) shows it. Only `id` and `email` are required; keys the page does not show are kept in `extra`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct Person {
        /// `id`; required.
        pub id: i64,
        /// `email`; required.
        pub email: __ep::String,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub username: __ep::Option<__ep::String>,
        /// `identifier`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub identifier: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub account_expired: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub account_locked: __ep::Option<bool>,
        /// `activatedDate`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub activated_date: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub additional_photo_required: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub additional_photos: __ep::Option<
            __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
        >,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub authorities: __ep::Option<__ep::Vec<Authority>>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub can_switch_organizations: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub can_view_organization_list: __ep::Option<bool>,
        /// `currentPhoto`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub current_photo: __ep::Nullable<__ep::serde_json::Value>,
        /// Custom field name to value; values may be null.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub custom_fields: __ep::Option<
            __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
        >,
        /// `dateTermsAccepted`; may be null.
        #[serde(default, skip_serializing_if = "__ep::Nullable::is_absent")]
        pub date_terms_accepted: __ep::Nullable<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub domain_class: __ep::Option<__ep::String>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub email_group: __ep::Option<EmailGroup>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub enabled: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub home_organization: __ep::Option<HomeOrganization>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub links: __ep::Option<__ep::BTreeMap<__ep::String, __ep::serde_json::Value>>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub organization: __ep::Option<Organization>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub password_expired: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub password_reset_required: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub read_only: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub unsubscribe: __ep::Option<bool>,
        /// Every other key of the person, kept as sent.
        #[serde(flatten)]
        pub extra: __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
    }
    /// The object `Authority`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct Authority {
        /// `authority`; required.
        pub authority: __ep::String,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub version: __ep::Option<i64>,
    }
    /// The object `EmailGroup`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct EmailGroup {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub name: __ep::Option<__ep::String>,
        /// Comma-separated kinds of email the group receives.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub receivable_emails: __ep::Option<__ep::String>,
    }
    /// The object `HomeOrganization`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct HomeOrganization {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub id: __ep::Option<i64>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub has_descendents: __ep::Option<bool>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub descendents: __ep::Option<__ep::Vec<__ep::serde_json::Value>>,
    }
    /// The `accepted` response, with its headers.
    #[derive(Debug, Clone, PartialEq)]
    pub struct AcceptedReply {
        /// The HTTP status the server sent.
        pub status: u16,
        /// The new person's URL: <https://api.onlinephotosubmission.com/api/people/{id}>
        ///
        /// Header `Location`; required.
        pub location: __ep::String,
        /// The body.
        pub body: __ep::serde_json::Value,
    }
    impl __ep::ReplyParts for AcceptedReply {
        fn status(&self) -> u16 {
            self.status
        }
        fn to_http(
            &self,
            slug: __ep::Option<(&str, &str)>,
        ) -> __ep::http::Response<__ep::Vec<u8>> {
            let mut response = __ep::encode_response(self.status, &self.body, slug);
            __ep::set_header(&mut response, "Location", &self.location);
            response
        }
    }
    /// What the server answered: a variant per documented response,
    /// or `Unknown` with everything it sent.
    #[derive(Debug, Clone, PartialEq)]
    #[allow(clippy::large_enum_variant)]
    pub enum Response {
        /// `accepted` (HTTP 202)
        ///
        /// The person is being created; `Location` names it.
        Accepted(AcceptedReply),
        /// `created` (HTTP 201)
        ///
        /// With `renderResource=true`: the new person.
        ///
        /// Example body:
        ///
        /// ```json
        /// {
        ///   "accountExpired": false,
        ///   "accountLocked": false,
        ///   "activatedDate": null,
        ///   "additionalPhotoRequired": true,
        ///   "additionalPhotos": {},
        ///   "authorities": [
        ///     {
        ///       "authority": "ROLE_CARDHOLDER",
        ///       "id": 3,
        ///       "version": 0
        ///     }
        ///   ],
        ///   "canSwitchOrganizations": false,
        ///   "canViewOrganizationList": false,
        ///   "currentPhoto": null,
        ///   "customFields": {
        ///     "Notes": null
        ///   },
        ///   "dateTermsAccepted": null,
        ///   "domainClass": "com.campuscardtools.myphotoid.Person",
        ///   "email": "black.beard@pirates.com",
        ///   "emailGroup": {
        ///     "id": 23,
        ///     "name": "Default",
        ///     "receivableEmails": "login,approval,denial,BAD,GOOD,MAYBE,welcome"
        ///   },
        ///   "enabled": true,
        ///   "homeOrganization": {
        ///     "id": 92,
        ///     "hasDescendents": false,
        ///     "descendents": []
        ///   },
        ///   "id": 385828,
        ///   "identifier": "K0001",
        ///   "links": {
        ///     "login": null
        ///   },
        ///   "organization": {
        ///     "id": 92,
        ///     "domainClass": "com.campuscardtools.myphotoid.Organization",
        ///     "name": "Test Org.",
        ///     "isPaid": true,
        ///     "termsOfService": "null",
        ///     "photoRequirements": [],
        ///     "customFields": [
        ///       {
        ///         "name": "Notes",
        ///         "prompt": null,
        ///         "sortOrder": 1,
        ///         "showInList": true,
        ///         "allowUserInput": false,
        ///         "requireUserInput": false,
        ///         "lastUpdated": "2018-12-18T21:05:18Z",
        ///         "id": 100067,
        ///         "version": 0
        ///       }
        ///     ],
        ///     "customCssUrl": "https://sharptopco.github.io/cloudcard-custom-assets/blankcssfile.css",
        ///     "logoutUrl": null,
        ///     "useEmailAsUsername": true,
        ///     "usePersonIdentifier": true,
        ///     "personIdentifierLabel": "ID Number",
        ///     "downloadStrategy": {
        ///       "id": "EXTERNAL",
        ///       "name": "External Application"
        ///     },
        ///     "downloadLabel": "Download Photos",
        ///     "photoDimensions": {
        ///       "width": 200,
        ///       "height": 200,
        ///       "description": "200:200 (1:1)",
        ///       "id": 3,
        ///       "version": 0
        ///     },
        ///     "preventMultiplePhotos": false,
        ///     "approvalsPerDay": 0,
        ///     "approvalsMadeToday": 0,
        ///     "canApproveMorePhotosToday": true,
        ///     "emailReplyTo": "Hello From CloudCard <hello@cloudcardtools.com>",
        ///     "helperBotDelay": 1000
        ///   },
        ///   "passwordExpired": false,
        ///   "passwordResetRequired": false,
        ///   "readOnly": false,
        ///   "unsubscribe": false,
        ///   "username": "black.beard@pirates.com"
        /// }
        /// ```
        Created(__ep::Reply<Person>),
        /// An answer the spec does not document, kept whole.
        Unknown(__ep::RawResponse),
    }
    impl Response {
        /// The documented name of the response, or `unknown`.
        pub fn name(&self) -> &'static str {
            __ep::EndpointResponse::name(self)
        }
        /// The HTTP status the server sent.
        pub fn http_status(&self) -> u16 {
            __ep::EndpointResponse::http_status(self)
        }
        /// Whether the spec documents this response as a success; for
        /// `Unknown`, whether the status is 2xx.
        pub fn is_success(&self) -> bool {
            __ep::EndpointResponse::is_success(self)
        }
        /// The response on the wire, as the API would send it (for
        /// servers and fakes); `Unknown` exactly as it was received.
        pub fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> {
            __ep::EndpointResponse::to_http_response(self)
        }
    }
    impl __ep::EndpointResponse for Response {
        const RESPONSES: &'static [__ep::ResponseSpec] = &[
            __ep::ResponseSpec::new("accepted", __ep::Some(202), true),
            __ep::ResponseSpec::new("created", __ep::Some(201), true),
        ];
        const STATUS_FIELD: __ep::Option<&'static str> = __ep::None;
        const DECODE: &'static [__ep::Decode<Self>] = &[
            |response| __ep::Ok(
                Self::Accepted(AcceptedReply {
                    status: response.status,
                    location: response.required_header("Location")?,
                    body: response.body()?,
                }),
            ),
            |response| response.reply().map(Self::Created),
        ];
        fn unknown(raw: __ep::RawResponse) -> Self {
            Self::Unknown(raw)
        }
        fn view(&self) -> __ep::ResponseView<'_> {
            match self {
                Self::Accepted(r) => __ep::ResponseView::Documented(0, r),
                Self::Created(r) => __ep::ResponseView::Documented(1, r),
                Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
            }
        }
    }
}
