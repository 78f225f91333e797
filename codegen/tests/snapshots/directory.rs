pub mod cloudcard {
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
            pub fn email_group_name(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Self {
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
        #[allow(missing_docs)]
        #[serde(crate = "__ep::serde")]
        pub struct DownloadStrategy {
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub id: __ep::Option<__ep::String>,
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub name: __ep::Option<__ep::String>,
        }
        /// The object `PhotoDimensions`.
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
            pub links: __ep::Option<
                __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
            >,
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
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
    /// Create a Photo
    ///
    /// `POST /api/photos`
    ///
    /// Base URL: <https://api.onlinephotosubmission.com>
    ///
    /// CloudCard (Online Photo Submission). Submits a photo for a cardholder, as a base64-encoded JPEG.
    pub mod create_photo {
        use ::endpoints::__private as __ep;
        /// The params of `POST /api/photos`.
        ///
        /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
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
            /// The cardholder the photo is of.
            ///
            /// `person` in the body; required.
            pub person: PersonRef,
            /// The photo: a JPEG, base64-encoded on the wire.
            ///
            /// `encodedImage` in the body; required; min_length 1.
            pub encoded_image: __ep::Bytes,
        }
        impl __ep::fmt::Debug for Request {
            fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
                f.debug_struct("Request")
                    .field("x_auth_token", &__ep::Redacted)
                    .field("person", &self.person)
                    .field("encoded_image", &self.encoded_image)
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
                    let v = &self.encoded_image;
                    let p = path.field("encodedImage");
                    __ep::ByteRules {
                        min_length: __ep::Some(1),
                        max_length: __ep::None,
                    }
                        .check(v.len(), &p, errors);
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
                        person: __ep::None,
                        encoded_image: __ep::None,
                    },
                    state: __ep::PhantomData,
                }
            }
        }
        /// A builder for [`Request`]: a setter per param; `build()` compiles once `person`, `encodedImage` are set.
        #[must_use = "a builder does nothing until `build()`"]
        #[allow(clippy::type_complexity)]
        pub struct Builder<__S0 = missing::person, __S1 = missing::encoded_image> {
            params: BuilderParams,
            state: __ep::PhantomData<(__S0, __S1)>,
        }
        struct BuilderParams {
            x_auth_token: __ep::Option<__ep::String>,
            person: __ep::Option<PersonRef>,
            encoded_image: __ep::Option<__ep::Bytes>,
        }
        /// The required params a [`Builder`] has not set yet, by name.
        #[allow(non_camel_case_types)]
        pub mod missing {
            /// Not set yet.
            pub struct person;
            /// Not set yet.
            pub struct encoded_image;
        }
        impl<__S0, __S1> Builder<__S0, __S1> {
            /// Sets `X-Auth-Token` (required; the client fills it in when unset).
            pub fn x_auth_token(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.x_auth_token = __ep::Some(value.into());
                self
            }
            /// Sets `person` (required).
            pub fn person(
                mut self,
                value: impl __ep::Into<PersonRef>,
            ) -> Builder<__ep::Set, __S1> {
                self.params.person = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `encodedImage` (required).
            pub fn encoded_image(
                mut self,
                value: impl __ep::Into<__ep::Bytes>,
            ) -> Builder<__S0, __ep::Set> {
                self.params.encoded_image = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// The request, every required param set.
            pub fn build(self) -> Request
            where
                __S0: __ep::IsSet,
                __S1: __ep::IsSet,
            {
                let BuilderParams { x_auth_token, person, encoded_image } = self.params;
                Request {
                    x_auth_token,
                    person: __ep::built(person),
                    encoded_image: __ep::built(encoded_image),
                }
            }
        }
        impl __ep::Endpoint for Request {
            type Response = Response;
            const METADATA: __ep::Metadata = __ep::Metadata {
                name: "create_photo",
                method: __ep::Method::Post,
                path: "/api/photos",
                idempotent: false,
                base_url: __ep::Some("https://api.onlinephotosubmission.com"),
                body: __ep::BodyEncoding::Json,
                params: &[
                    __ep::ParamSpec::header("X-Auth-Token", __ep::WireKind::Text)
                        .required()
                        .client(),
                    __ep::ParamSpec::body("person", __ep::WireKind::Other)
                        .required()
                        .non_null(&["id"]),
                    __ep::ParamSpec::body("encodedImage", __ep::WireKind::Text)
                        .required(),
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
                w.path("/api/photos");
                w.secret_header(
                    const { __ep::http::HeaderName::from_static("x-auth-token") },
                    "X-Auth-Token",
                    &self.x_auth_token,
                );
                w.body(
                    Self::BODY,
                    |b| {
                        b.field("person", &self.person);
                        b.field("encodedImage", &self.encoded_image);
                    },
                )
            }
            fn from_params(
                params: &mut __ep::Params,
            ) -> __ep::Result<Self, __ep::RequestError> {
                __ep::Ok(Self {
                    x_auth_token: params.take("X-Auth-Token")?,
                    person: params.take("person")?,
                    encoded_image: params.take("encodedImage")?,
                })
            }
            fn apply_defaults(&mut self, defaults: &__ep::Defaults) {
                defaults.fill_credential(&mut self.x_auth_token);
            }
        }
        /// The object `PersonRef`.
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
        #[serde(crate = "__ep::serde")]
        pub struct PersonRef {
            /// `id`; required.
            pub id: i64,
        }
        /// The object `Photo`.
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
        #[allow(missing_docs)]
        #[serde(crate = "__ep::serde")]
        pub struct Photo {
            /// `id`; required.
            pub id: i64,
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub status: __ep::Option<__ep::String>,
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub links: __ep::Option<PhotoLinks>,
            /// Every other key of the photo, kept as sent.
            #[serde(flatten)]
            pub extra: __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
        }
        impl __ep::Validate for Photo {
            fn validate_into(
                &self,
                path: &__ep::Path<'_>,
                errors: &mut __ep::ValidationErrors,
            ) {
                if let __ep::Some(v) = &self.links {
                    let p = path.field("links");
                    __ep::Validate::validate_into(v, &p, errors);
                }
            }
        }
        /// The object `PhotoLinks`.
        #[derive(
            Debug,
            Clone,
            PartialEq,
            __ep::serde::Serialize,
            __ep::serde::Deserialize
        )]
        #[serde(crate = "__ep::serde")]
        pub struct PhotoLinks {
            /// Where the processed photo's bytes are.
            ///
            /// `bytes`; format `uri`.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub bytes: __ep::Option<__ep::String>,
        }
        impl __ep::Validate for PhotoLinks {
            fn validate_into(
                &self,
                path: &__ep::Path<'_>,
                errors: &mut __ep::ValidationErrors,
            ) {
                if let __ep::Some(v) = &self.bytes {
                    let p = path.field("bytes");
                    __ep::StrRules {
                        format: __ep::Some(__ep::Format::Uri),
                        ..__ep::StrRules::NONE
                    }
                        .check(v, &p, errors);
                }
            }
        }
        /// What the server answered: a variant per documented response,
        /// or `Unknown` with everything it sent.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum Response {
            /// `created` (HTTP 201)
            Created(__ep::Reply<Photo>),
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
                __ep::ResponseSpec::new("created", __ep::Some(201), true),
            ];
            const STATUS_FIELD: __ep::Option<&'static str> = __ep::None;
            const DECODE: &'static [__ep::Decode<Self>] = &[
                |response| response.reply().map(Self::Created),
            ];
            fn unknown(raw: __ep::RawResponse) -> Self {
                Self::Unknown(raw)
            }
            fn view(&self) -> __ep::ResponseView<'_> {
                match self {
                    Self::Created(r) => __ep::ResponseView::Documented(0, r),
                    Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
                }
            }
        }
    }
    /// A photo's bytes
    ///
    /// `GET /api/photos/{id}/bytes`
    ///
    /// Base URL: <https://api.onlinephotosubmission.com>
    ///
    /// CloudCard (Online Photo Submission). The processed photo, as image bytes.
    pub mod get_photo_bytes {
        use ::endpoints::__private as __ep;
        /// The params of `GET /api/photos/{id}/bytes`.
        ///
        /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
        #[derive(Clone, PartialEq, __ep::serde::Serialize)]
        #[serde(crate = "__ep::serde")]
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
            /// The photo's id.
            ///
            /// `id` in the path; required.
            pub id: i64,
        }
        impl __ep::fmt::Debug for Request {
            fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
                f.debug_struct("Request")
                    .field("x_auth_token", &__ep::Redacted)
                    .field("id", &self.id)
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
                        id: __ep::None,
                    },
                    state: __ep::PhantomData,
                }
            }
        }
        /// A builder for [`Request`]: a setter per param; `build()` compiles once `id` is set.
        #[must_use = "a builder does nothing until `build()`"]
        #[allow(clippy::type_complexity)]
        pub struct Builder<__S0 = missing::id> {
            params: BuilderParams,
            state: __ep::PhantomData<(__S0,)>,
        }
        struct BuilderParams {
            x_auth_token: __ep::Option<__ep::String>,
            id: __ep::Option<i64>,
        }
        /// The required params a [`Builder`] has not set yet, by name.
        #[allow(non_camel_case_types)]
        pub mod missing {
            /// Not set yet.
            pub struct id;
        }
        impl<__S0> Builder<__S0> {
            /// Sets `X-Auth-Token` (required; the client fills it in when unset).
            pub fn x_auth_token(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.x_auth_token = __ep::Some(value.into());
                self
            }
            /// Sets `id` (required).
            pub fn id(mut self, value: impl __ep::Into<i64>) -> Builder<__ep::Set> {
                self.params.id = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// The request, every required param set.
            pub fn build(self) -> Request
            where
                __S0: __ep::IsSet,
            {
                let BuilderParams { x_auth_token, id } = self.params;
                Request {
                    x_auth_token,
                    id: __ep::built(id),
                }
            }
        }
        impl __ep::Endpoint for Request {
            type Response = Response;
            const METADATA: __ep::Metadata = __ep::Metadata {
                name: "get_photo_bytes",
                method: __ep::Method::Get,
                path: "/api/photos/{id}/bytes",
                idempotent: false,
                base_url: __ep::Some("https://api.onlinephotosubmission.com"),
                body: __ep::BodyEncoding::Json,
                params: &[
                    __ep::ParamSpec::header("X-Auth-Token", __ep::WireKind::Text)
                        .required()
                        .client(),
                    __ep::ParamSpec::path("id", __ep::WireKind::Integer).required(),
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
                w.path("/api/photos/");
                w.path_param("id", &self.id);
                w.path("/bytes");
                w.secret_header(
                    const { __ep::http::HeaderName::from_static("x-auth-token") },
                    "X-Auth-Token",
                    &self.x_auth_token,
                );
                w.accept("image/jpeg");
                w.no_body()
            }
            fn from_params(
                params: &mut __ep::Params,
            ) -> __ep::Result<Self, __ep::RequestError> {
                __ep::Ok(Self {
                    x_auth_token: params.take("X-Auth-Token")?,
                    id: params.take("id")?,
                })
            }
            fn apply_defaults(&mut self, defaults: &__ep::Defaults) {
                defaults.fill_credential(&mut self.x_auth_token);
            }
        }
        /// What the server answered: a variant per documented response,
        /// or `Unknown` with everything it sent.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum Response {
            /// `photo` (HTTP 200)
            ///
            /// The processed photo.
            Photo(__ep::Reply<__ep::Binary>),
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
                __ep::ResponseSpec::new("photo", __ep::Some(200), true)
                    .with_content_type("image/jpeg"),
            ];
            const STATUS_FIELD: __ep::Option<&'static str> = __ep::None;
            const DECODE: &'static [__ep::Decode<Self>] = &[
                |response| response.binary_reply().map(Self::Photo),
            ];
            fn unknown(raw: __ep::RawResponse) -> Self {
                Self::Unknown(raw)
            }
            fn view(&self) -> __ep::ResponseView<'_> {
                match self {
                    Self::Photo(r) => __ep::ResponseView::Documented(0, r),
                    Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
                }
            }
        }
    }
}
pub mod planocore {
    use ::endpoints::__private as __ep;
    /// The shared param `application`: `Client::builder(…).param(APPLICATION, …)` gives every request that leaves it unset this value.
    pub const APPLICATION: __ep::SharedParam<Application> = __ep::SharedParam::new(
        "application",
    );
    /// The documented values. A value outside them is kept in `Other`, and `validate` refuses it in a request.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum Application {
        /// `planoauth`
        Planoauth,
        /// `planoorder`
        Planoorder,
        /// `planox2`
        Planox2,
        /// A value outside the documented ones, kept as sent.
        Other(__ep::String),
    }
    impl Application {
        /// The documented values, as on the wire.
        pub const VALUES: &'static [&'static str] = &[
            "planoauth",
            "planoorder",
            "planox2",
        ];
        /// The value on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Planoauth => "planoauth",
                Self::Planoorder => "planoorder",
                Self::Planox2 => "planox2",
                Self::Other(v) => v,
            }
        }
        /// The variant for a value on the wire.
        pub fn from_wire(value: &str) -> Self {
            match value {
                "planoauth" => Self::Planoauth,
                "planoorder" => Self::Planoorder,
                "planox2" => Self::Planox2,
                other => Self::Other(other.into()),
            }
        }
    }
    impl __ep::serde::Serialize for Application {
        fn serialize<S: __ep::serde::Serializer>(
            &self,
            s: S,
        ) -> __ep::Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }
    impl<'de> __ep::serde::Deserialize<'de> for Application {
        fn deserialize<D: __ep::serde::Deserializer<'de>>(
            d: D,
        ) -> __ep::Result<Self, D::Error> {
            __ep::deserialize_str_enum(d, Self::from_wire)
        }
    }
    impl __ep::Validate for Application {
        fn validate_into(
            &self,
            path: &__ep::Path<'_>,
            errors: &mut __ep::ValidationErrors,
        ) {
            __ep::check_known(
                !matches!(self, Self::Other(_)),
                Self::VALUES,
                path,
                errors,
            );
        }
    }
    /// Every PlanoCore answer: its `status` slug, the result under `data`, the session under `session`. Keys the documentation does not name are kept in `extra`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[serde(crate = "__ep::serde")]
    pub struct Envelope {
        /// The response's slug, such as `action-successful`.
        ///
        /// `status`; required.
        pub status: __ep::String,
        /// The result, when the request returns data.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub data: __ep::Option<__ep::serde_json::Value>,
        /// The session object (also returned with `client-required`).
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub session: __ep::Option<__ep::serde_json::Value>,
        /// Every other key of the body, kept as sent.
        #[serde(flatten)]
        pub extra: __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
    }
    /// What the server answered: a variant per documented response,
    /// or `Unknown` with everything it sent.
    #[derive(Debug, Clone, PartialEq)]
    #[allow(clippy::large_enum_variant)]
    pub enum Response {
        /// `action-successful` (HTTP 200)
        ///
        /// This status indicates that the request was successful. If the request returns data, it can be found in the data key.
        ActionSuccessful(__ep::Reply<Envelope>),
        /// `invalid-token` (HTTP 401)
        ///
        /// This status is returned when the authentication token passed is invalid.
        InvalidToken(__ep::Reply<Envelope>),
        /// `session-expired` (HTTP 401)
        ///
        /// This status is returned a session is older than seven days or hasn't been used in 72 hours. The user will need to reauthenticate. We allow our users to save a remember_me preference which will make there sessions last indefinitely.
        SessionExpired(__ep::Reply<Envelope>),
        /// `client-required` (HTTP 401)
        ///
        /// This status is returned when the user making the request doesn't have a client, employee or liaison record: they have no roles or permissions. The user should be redirected to the PlanoAuth clients registration page, where `/api/v1/users/client_register` registers them as a client. The response still carries a `session` object, because a session token is needed to register.
        ClientRequired(__ep::Reply<Envelope>),
        /// `missing-param` (HTTP 400)
        ///
        /// This status is returned when a required param was not passed with the request.
        MissingParam(__ep::Reply<Envelope>),
        /// `invalid-param` (HTTP 400)
        ///
        /// This status is returned when a param was invalid when passed. For example, passing an id that doesn't exist or passing an invalid email address.
        InvalidParam(__ep::Reply<Envelope>),
        /// `application-crash` (HTTP 500)
        ///
        /// This status is returned when there is an internal server error. Please try again later.
        ApplicationCrash(__ep::Reply<Envelope>),
        /// `mandrill-email-failed` (HTTP 500)
        ///
        /// This status is returned when there was an issue using Mandrill to send an email. The dev team is notified; these errors most likely correlate with a data issue.
        MandrillEmailFailed(__ep::Reply<Envelope>),
        /// `invalid-content-type` (HTTP 400)
        ///
        /// This status is returned if the request was made with the incorrect content-type so the request params could not be read.
        InvalidContentType(__ep::Reply<Envelope>),
        /// `route-non-existent` (HTTP 500)
        ///
        /// Response returned when HTTP route does not exist.
        RouteNonExistent(__ep::Reply<Envelope>),
        /// `no-params-decoded`, uncommon
        ///
        /// This status is returned the request body was decoded, but no params where found. The page documents no HTTP code.
        NoParamsDecoded(__ep::Reply<Envelope>),
        /// `invalid-encoded-params`, uncommon
        ///
        /// This status is returned when the request body could not be decoded properly: generally a `sensitive_params` API whose request body was not base64 encoded. The page documents no HTTP code.
        InvalidEncodedParams(__ep::Reply<Envelope>),
        /// `route-not-found`, uncommon
        ///
        /// This status is returned when the route record being requested hasn't been deployed yet. The page documents no HTTP code.
        RouteNotFound(__ep::Reply<Envelope>),
        /// `identify-request-error`, uncommon
        ///
        /// This status is returned when there is an internal server error before the route could be identified. Please try again later. The page documents no HTTP code.
        IdentifyRequestError(__ep::Reply<Envelope>),
        /// `service-not-found`, uncommon
        ///
        /// This status is returned when the route's API service record being requested hasn't been deployed yet. The page documents no HTTP code.
        ServiceNotFound(__ep::Reply<Envelope>),
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
        const WITH_REPLY: &'static [fn(__ep::Reply<Envelope>) -> Self] = &[
            Self::ActionSuccessful,
            Self::InvalidToken,
            Self::SessionExpired,
            Self::ClientRequired,
            Self::MissingParam,
            Self::InvalidParam,
            Self::ApplicationCrash,
            Self::MandrillEmailFailed,
            Self::InvalidContentType,
            Self::RouteNonExistent,
            Self::NoParamsDecoded,
            Self::InvalidEncodedParams,
            Self::RouteNotFound,
            Self::IdentifyRequestError,
            Self::ServiceNotFound,
        ];
    }
    impl __ep::EndpointResponse for Response {
        const RESPONSES: &'static [__ep::ResponseSpec] = &[
            __ep::ResponseSpec::new("action-successful", __ep::Some(200), true),
            __ep::ResponseSpec::new("invalid-token", __ep::Some(401), false),
            __ep::ResponseSpec::new("session-expired", __ep::Some(401), false),
            __ep::ResponseSpec::new("client-required", __ep::Some(401), false),
            __ep::ResponseSpec::new("missing-param", __ep::Some(400), false),
            __ep::ResponseSpec::new("invalid-param", __ep::Some(400), false),
            __ep::ResponseSpec::new("application-crash", __ep::Some(500), false),
            __ep::ResponseSpec::new("mandrill-email-failed", __ep::Some(500), false),
            __ep::ResponseSpec::new("invalid-content-type", __ep::Some(400), false),
            __ep::ResponseSpec::new("route-non-existent", __ep::Some(500), false),
            __ep::ResponseSpec::new("no-params-decoded", __ep::None, false),
            __ep::ResponseSpec::new("invalid-encoded-params", __ep::None, false),
            __ep::ResponseSpec::new("route-not-found", __ep::None, false),
            __ep::ResponseSpec::new("identify-request-error", __ep::None, false),
            __ep::ResponseSpec::new("service-not-found", __ep::None, false),
        ];
        const STATUS_FIELD: __ep::Option<&'static str> = __ep::Some("status");
        const DECODE: &'static [__ep::Decode<Self>] = &[
            |response| response.reply().map(Self::ActionSuccessful),
            |response| response.reply().map(Self::InvalidToken),
            |response| response.reply().map(Self::SessionExpired),
            |response| response.reply().map(Self::ClientRequired),
            |response| response.reply().map(Self::MissingParam),
            |response| response.reply().map(Self::InvalidParam),
            |response| response.reply().map(Self::ApplicationCrash),
            |response| response.reply().map(Self::MandrillEmailFailed),
            |response| response.reply().map(Self::InvalidContentType),
            |response| response.reply().map(Self::RouteNonExistent),
            |response| response.reply().map(Self::NoParamsDecoded),
            |response| response.reply().map(Self::InvalidEncodedParams),
            |response| response.reply().map(Self::RouteNotFound),
            |response| response.reply().map(Self::IdentifyRequestError),
            |response| response.reply().map(Self::ServiceNotFound),
        ];
        fn unknown(raw: __ep::RawResponse) -> Self {
            Self::Unknown(raw)
        }
        fn from_http<B: AsRef<[u8]>>(
            response: &__ep::http::Response<B>,
        ) -> __ep::Result<Self, __ep::Error> {
            __ep::decode_shared_body(
                response,
                |body| __ep::Some(body.status.as_str()),
                Self::WITH_REPLY,
            )
        }
        fn view(&self) -> __ep::ResponseView<'_> {
            match self {
                Self::ActionSuccessful(r) => __ep::ResponseView::Documented(0, r),
                Self::InvalidToken(r) => __ep::ResponseView::Documented(1, r),
                Self::SessionExpired(r) => __ep::ResponseView::Documented(2, r),
                Self::ClientRequired(r) => __ep::ResponseView::Documented(3, r),
                Self::MissingParam(r) => __ep::ResponseView::Documented(4, r),
                Self::InvalidParam(r) => __ep::ResponseView::Documented(5, r),
                Self::ApplicationCrash(r) => __ep::ResponseView::Documented(6, r),
                Self::MandrillEmailFailed(r) => __ep::ResponseView::Documented(7, r),
                Self::InvalidContentType(r) => __ep::ResponseView::Documented(8, r),
                Self::RouteNonExistent(r) => __ep::ResponseView::Documented(9, r),
                Self::NoParamsDecoded(r) => __ep::ResponseView::Documented(10, r),
                Self::InvalidEncodedParams(r) => __ep::ResponseView::Documented(11, r),
                Self::RouteNotFound(r) => __ep::ResponseView::Documented(12, r),
                Self::IdentifyRequestError(r) => __ep::ResponseView::Documented(13, r),
                Self::ServiceNotFound(r) => __ep::ResponseView::Documented(14, r),
                Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
            }
        }
    }
    /// The shared param `session_view`: `Client::builder(…).param(SESSION_VIEW, …)` gives every request that leaves it unset this value.
    pub const SESSION_VIEW: __ep::SharedParam<__ep::String> = __ep::SharedParam::new(
        "session_view",
    );
    /// Create a Photographer
    ///
    /// `POST /api/v1/photographers/create`
    ///
    /// Base URL: <https://planocore.planomatic.com>
    ///
    /// PlanoCore (Planomatic). Documented at <https://planocore.planomatic.com/documentation/api/v1/photographers/create>; the page does not print the route, which follows the API's `/api/v1/<resource>/<action>` shape. Every param travels in the JSON body, the token included.
    pub mod create_photographer {
        use ::endpoints::__private as __ep;
        pub use super::{Envelope, Application, APPLICATION, SESSION_VIEW, Response};
        /// The params of `POST /api/v1/photographers/create`.
        ///
        /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
        ///
        /// Example body:
        ///
        /// ```json
        /// {
        ///   "token": "app-or-session-token",
        ///   "application": "planoauth",
        ///   "view": "default",
        ///   "email": "ansel@example.com",
        ///   "first_name": "Ansel",
        ///   "last_name": "Adams",
        ///   "password": "initial-password",
        ///   "phone": "+1 555 0100",
        ///   "extension": 12
        /// }
        /// ```
        #[derive(Clone, PartialEq, __ep::serde::Serialize)]
        #[serde(crate = "__ep::serde")]
        pub struct Request {
            /// View of object your would like to be returned.
            ///
            /// `view` in the body; one of `default`, `internalapps_view`.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub view: __ep::Option<View>,
            /// This is the email address of the Photographer to be Created. It must be unique.
            ///
            /// `email` in the body; required; format `email`.
            pub email: __ep::String,
            /// This is the first name of the Photographer to be Created.
            ///
            /// `first_name` in the body; required.
            pub first_name: __ep::String,
            /// This is the last name of the Photographer to be Created.
            ///
            /// `last_name` in the body; required.
            pub last_name: __ep::String,
            /// This is the initial password of the Photographer to be Created.
            ///
            /// `password` in the body; required; sensitive (never shown by `Debug`).
            pub password: __ep::String,
            /// This is the phone number of the Photographer to be Created.
            ///
            /// `phone` in the body; required.
            pub phone: __ep::String,
            /// This is the internal phone extension of the Photographer to be Created.
            ///
            /// `extension` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub extension: __ep::Option<i64>,
            /// This is the internal ID of the Service Area of the Photographer to be Created.
            ///
            /// `service_area_id` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub service_area_id: __ep::Option<i64>,
            /// This is the language abbreviation default for the Photographer to be Created.
            ///
            /// `language` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub language: __ep::Option<__ep::String>,
            /// This is the slug for the department of the Photographer to be Created.
            ///
            /// `department` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub department: __ep::Option<__ep::String>,
            /// This is the designation ID of the Photographer to be Created.
            ///
            /// `designation_id` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub designation_id: __ep::Option<i64>,
            /// Authentication token for either an application or session.
            ///
            /// `token` in the body; required; sensitive (never shown by `Debug`).
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub token: __ep::Option<__ep::String>,
            /// Slug of application being requested. This is used to determine the role being used to make the request and therefore evaluate if the requester has the correct permissions.
            ///
            /// `application` in the body; one of `planoauth`, `planoorder`, `planox2`.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub application: __ep::Option<Application>,
            /// View of session object you would like returned.
            ///
            /// `session_view` in the body.
            #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
            pub session_view: __ep::Option<__ep::String>,
        }
        impl __ep::fmt::Debug for Request {
            fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
                f.debug_struct("Request")
                    .field("view", &self.view)
                    .field("email", &self.email)
                    .field("first_name", &self.first_name)
                    .field("last_name", &self.last_name)
                    .field("password", &__ep::Redacted)
                    .field("phone", &self.phone)
                    .field("extension", &self.extension)
                    .field("service_area_id", &self.service_area_id)
                    .field("language", &self.language)
                    .field("department", &self.department)
                    .field("designation_id", &self.designation_id)
                    .field("token", &__ep::Redacted)
                    .field("application", &self.application)
                    .field("session_view", &self.session_view)
                    .finish()
            }
        }
        impl __ep::Validate for Request {
            fn validate_into(
                &self,
                path: &__ep::Path<'_>,
                errors: &mut __ep::ValidationErrors,
            ) {
                if let __ep::Some(v) = &self.view {
                    let p = path.field("view");
                    __ep::Validate::validate_into(v, &p, errors);
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
                if self.token.is_none() {
                    errors
                        .push(
                            &path.field("token"),
                            __ep::Rule::Missing {
                                credential: true,
                            },
                        );
                }
                if let __ep::Some(v) = &self.application {
                    let p = path.field("application");
                    __ep::Validate::validate_into(v, &p, errors);
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
                        view: __ep::None,
                        email: __ep::None,
                        first_name: __ep::None,
                        last_name: __ep::None,
                        password: __ep::None,
                        phone: __ep::None,
                        extension: __ep::None,
                        service_area_id: __ep::None,
                        language: __ep::None,
                        department: __ep::None,
                        designation_id: __ep::None,
                        token: __ep::None,
                        application: __ep::None,
                        session_view: __ep::None,
                    },
                    state: __ep::PhantomData,
                }
            }
        }
        /// A builder for [`Request`]: a setter per param; `build()` compiles once `email`, `first_name`, `last_name`, `password`, `phone` are set.
        #[must_use = "a builder does nothing until `build()`"]
        #[allow(clippy::type_complexity)]
        pub struct Builder<
            __S0 = missing::email,
            __S1 = missing::first_name,
            __S2 = missing::last_name,
            __S3 = missing::password,
            __S4 = missing::phone,
        > {
            params: BuilderParams,
            state: __ep::PhantomData<(__S0, __S1, __S2, __S3, __S4)>,
        }
        struct BuilderParams {
            view: __ep::Option<View>,
            email: __ep::Option<__ep::String>,
            first_name: __ep::Option<__ep::String>,
            last_name: __ep::Option<__ep::String>,
            password: __ep::Option<__ep::String>,
            phone: __ep::Option<__ep::String>,
            extension: __ep::Option<i64>,
            service_area_id: __ep::Option<i64>,
            language: __ep::Option<__ep::String>,
            department: __ep::Option<__ep::String>,
            designation_id: __ep::Option<i64>,
            token: __ep::Option<__ep::String>,
            application: __ep::Option<Application>,
            session_view: __ep::Option<__ep::String>,
        }
        /// The required params a [`Builder`] has not set yet, by name.
        #[allow(non_camel_case_types)]
        pub mod missing {
            /// Not set yet.
            pub struct email;
            /// Not set yet.
            pub struct first_name;
            /// Not set yet.
            pub struct last_name;
            /// Not set yet.
            pub struct password;
            /// Not set yet.
            pub struct phone;
        }
        impl<__S0, __S1, __S2, __S3, __S4> Builder<__S0, __S1, __S2, __S3, __S4> {
            /// Sets `view`.
            pub fn view(mut self, value: impl __ep::Into<View>) -> Self {
                self.params.view = __ep::Some(value.into());
                self
            }
            /// Sets `email` (required).
            pub fn email(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Builder<__ep::Set, __S1, __S2, __S3, __S4> {
                self.params.email = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `first_name` (required).
            pub fn first_name(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Builder<__S0, __ep::Set, __S2, __S3, __S4> {
                self.params.first_name = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `last_name` (required).
            pub fn last_name(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Builder<__S0, __S1, __ep::Set, __S3, __S4> {
                self.params.last_name = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `password` (required).
            pub fn password(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Builder<__S0, __S1, __S2, __ep::Set, __S4> {
                self.params.password = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `phone` (required).
            pub fn phone(
                mut self,
                value: impl __ep::Into<__ep::String>,
            ) -> Builder<__S0, __S1, __S2, __S3, __ep::Set> {
                self.params.phone = __ep::Some(value.into());
                Builder {
                    params: self.params,
                    state: __ep::PhantomData,
                }
            }
            /// Sets `extension`.
            pub fn extension(mut self, value: impl __ep::Into<i64>) -> Self {
                self.params.extension = __ep::Some(value.into());
                self
            }
            /// Sets `service_area_id`.
            pub fn service_area_id(mut self, value: impl __ep::Into<i64>) -> Self {
                self.params.service_area_id = __ep::Some(value.into());
                self
            }
            /// Sets `language`.
            pub fn language(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.language = __ep::Some(value.into());
                self
            }
            /// Sets `department`.
            pub fn department(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.department = __ep::Some(value.into());
                self
            }
            /// Sets `designation_id`.
            pub fn designation_id(mut self, value: impl __ep::Into<i64>) -> Self {
                self.params.designation_id = __ep::Some(value.into());
                self
            }
            /// Sets `token` (required; the client fills it in when unset).
            pub fn token(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.token = __ep::Some(value.into());
                self
            }
            /// Sets `application`.
            pub fn application(mut self, value: impl __ep::Into<Application>) -> Self {
                self.params.application = __ep::Some(value.into());
                self
            }
            /// Sets `session_view`.
            pub fn session_view(mut self, value: impl __ep::Into<__ep::String>) -> Self {
                self.params.session_view = __ep::Some(value.into());
                self
            }
            /// The request, every required param set.
            pub fn build(self) -> Request
            where
                __S0: __ep::IsSet,
                __S1: __ep::IsSet,
                __S2: __ep::IsSet,
                __S3: __ep::IsSet,
                __S4: __ep::IsSet,
            {
                let BuilderParams {
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
                    token,
                    application,
                    session_view,
                } = self.params;
                Request {
                    view,
                    email: __ep::built(email),
                    first_name: __ep::built(first_name),
                    last_name: __ep::built(last_name),
                    password: __ep::built(password),
                    phone: __ep::built(phone),
                    extension,
                    service_area_id,
                    language,
                    department,
                    designation_id,
                    token,
                    application,
                    session_view,
                }
            }
        }
        impl __ep::Endpoint for Request {
            type Response = Response;
            const METADATA: __ep::Metadata = __ep::Metadata {
                name: "create_photographer",
                method: __ep::Method::Post,
                path: "/api/v1/photographers/create",
                idempotent: false,
                base_url: __ep::Some("https://planocore.planomatic.com"),
                body: __ep::BodyEncoding::Json,
                params: &[
                    __ep::ParamSpec::body("view", __ep::WireKind::Text),
                    __ep::ParamSpec::body("email", __ep::WireKind::Text).required(),
                    __ep::ParamSpec::body("first_name", __ep::WireKind::Text).required(),
                    __ep::ParamSpec::body("last_name", __ep::WireKind::Text).required(),
                    __ep::ParamSpec::body("password", __ep::WireKind::Text).required(),
                    __ep::ParamSpec::body("phone", __ep::WireKind::Text).required(),
                    __ep::ParamSpec::body("extension", __ep::WireKind::Integer),
                    __ep::ParamSpec::body("service_area_id", __ep::WireKind::Integer),
                    __ep::ParamSpec::body("language", __ep::WireKind::Text),
                    __ep::ParamSpec::body("department", __ep::WireKind::Text),
                    __ep::ParamSpec::body("designation_id", __ep::WireKind::Integer),
                    __ep::ParamSpec::body("token", __ep::WireKind::Text)
                        .required()
                        .client(),
                    __ep::ParamSpec::body("application", __ep::WireKind::Text).client(),
                    __ep::ParamSpec::body("session_view", __ep::WireKind::Text).client(),
                ],
                refusals: __ep::Refusals {
                    missing: __ep::Some("missing-param"),
                    invalid: __ep::Some("invalid-param"),
                    body: __ep::Some("invalid-content-type"),
                },
            };
            fn to_http_request(
                &self,
                base_url: &str,
            ) -> __ep::Result<__ep::http::Request<__ep::Vec<u8>>, __ep::Error> {
                let mut w = __ep::Encoder::new(Self::METHOD, base_url);
                w.path("/api/v1/photographers/create");
                w.body(
                    Self::BODY,
                    |b| {
                        b.optional("view", &self.view);
                        b.field("email", &self.email);
                        b.field("first_name", &self.first_name);
                        b.field("last_name", &self.last_name);
                        b.field("password", &self.password);
                        b.field("phone", &self.phone);
                        b.optional("extension", &self.extension);
                        b.optional("service_area_id", &self.service_area_id);
                        b.optional("language", &self.language);
                        b.optional("department", &self.department);
                        b.optional("designation_id", &self.designation_id);
                        b.optional("token", &self.token);
                        b.optional("application", &self.application);
                        b.optional("session_view", &self.session_view);
                    },
                )
            }
            fn from_params(
                params: &mut __ep::Params,
            ) -> __ep::Result<Self, __ep::RequestError> {
                __ep::Ok(Self {
                    view: params.take("view")?,
                    email: params.take("email")?,
                    first_name: params.take("first_name")?,
                    last_name: params.take("last_name")?,
                    password: params.take("password")?,
                    phone: params.take("phone")?,
                    extension: params.take("extension")?,
                    service_area_id: params.take("service_area_id")?,
                    language: params.take("language")?,
                    department: params.take("department")?,
                    designation_id: params.take("designation_id")?,
                    token: params.take("token")?,
                    application: params.take("application")?,
                    session_view: params.take("session_view")?,
                })
            }
            fn apply_defaults(&mut self, defaults: &__ep::Defaults) {
                defaults.fill_credential(&mut self.token);
                defaults.fill("application", &mut self.application);
                defaults.fill("session_view", &mut self.session_view);
            }
        }
        /// The documented values. A value outside them is kept in `Other`, and `validate` refuses it in a request.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum View {
            /// `default`
            Default,
            /// `internalapps_view`
            InternalappsView,
            /// A value outside the documented ones, kept as sent.
            Other(__ep::String),
        }
        impl View {
            /// The documented values, as on the wire.
            pub const VALUES: &'static [&'static str] = &[
                "default",
                "internalapps_view",
            ];
            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Default => "default",
                    Self::InternalappsView => "internalapps_view",
                    Self::Other(v) => v,
                }
            }
            /// The variant for a value on the wire.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    "default" => Self::Default,
                    "internalapps_view" => Self::InternalappsView,
                    other => Self::Other(other.into()),
                }
            }
        }
        impl __ep::serde::Serialize for View {
            fn serialize<S: __ep::serde::Serializer>(
                &self,
                s: S,
            ) -> __ep::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> __ep::serde::Deserialize<'de> for View {
            fn deserialize<D: __ep::serde::Deserializer<'de>>(
                d: D,
            ) -> __ep::Result<Self, D::Error> {
                __ep::deserialize_str_enum(d, Self::from_wire)
            }
        }
        impl __ep::Validate for View {
            fn validate_into(
                &self,
                path: &__ep::Path<'_>,
                errors: &mut __ep::ValidationErrors,
            ) {
                __ep::check_known(
                    !matches!(self, Self::Other(_)),
                    Self::VALUES,
                    path,
                    errors,
                );
            }
        }
    }
}
