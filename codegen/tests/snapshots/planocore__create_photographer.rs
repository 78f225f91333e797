/// Create a Photographer
///
/// `POST /api/v1/photographers/create`
///
/// Base URL: <https://planocore.planomatic.com>
///
/// PlanoCore (Planomatic). Documented at <https://planocore.planomatic.com/documentation/api/v1/photographers/create>; the page does not print the route, which follows the API's `/api/v1/<resource>/<action>` shape. Every param travels in the JSON body, the token included.
pub mod create_photographer {
    use ::endpoints::__private as __ep;
    /// The params of `POST /api/v1/photographers/create`.
    ///
    /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
    #[derive(Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
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
        pub token: __ep::String,
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
                __ep::check_str(
                    v,
                    __ep::None,
                    __ep::None,
                    __ep::None,
                    __ep::Some(__ep::Format::Email),
                    &p,
                    errors,
                );
            }
            if let __ep::Some(v) = &self.application {
                let p = path.field("application");
                __ep::Validate::validate_into(v, &p, errors);
            }
        }
    }
    impl __ep::Endpoint for Request {
        type Response = Response;
        const NAME: &'static str = "create_photographer";
        const METHOD: __ep::http::Method = __ep::http::Method::POST;
        const PATH: &'static str = "/api/v1/photographers/create";
        const BASE_URL: __ep::Option<&'static str> = __ep::Some(
            "https://planocore.planomatic.com",
        );
        const BODY: __ep::BodyEncoding = __ep::BodyEncoding::Json;
        const PARAMS: &'static [__ep::ParamSpec] = &[
            __ep::ParamSpec {
                name: "view",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "email",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "first_name",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "last_name",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "password",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "phone",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "extension",
                location: __ep::In::Body,
                kind: __ep::WireKind::Integer,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "service_area_id",
                location: __ep::In::Body,
                kind: __ep::WireKind::Integer,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "language",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "department",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "designation_id",
                location: __ep::In::Body,
                kind: __ep::WireKind::Integer,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "token",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: true,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "application",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: false,
                nullable: false,
                flatten: false,
            },
            __ep::ParamSpec {
                name: "session_view",
                location: __ep::In::Body,
                kind: __ep::WireKind::Text,
                required: false,
                nullable: false,
                flatten: false,
            },
        ];
        const RESPONSES: &'static [(&'static str, __ep::Option<u16>)] = &[
            ("action-successful", __ep::Some(200)),
            ("invalid-token", __ep::Some(401)),
            ("session-expired", __ep::Some(401)),
            ("client-required", __ep::Some(401)),
            ("missing-param", __ep::Some(400)),
            ("invalid-param", __ep::Some(400)),
            ("application-crash", __ep::Some(500)),
            ("mandrill-email-failed", __ep::Some(500)),
            ("invalid-content-type", __ep::Some(400)),
            ("route-non-existent", __ep::Some(500)),
            ("no-params-decoded", __ep::None),
            ("invalid-encoded-params", __ep::None),
            ("route-not-found", __ep::None),
            ("identify-request-error", __ep::None),
            ("service-not-found", __ep::None),
        ];
        const STATUS_FIELD: __ep::Option<&'static str> = __ep::Some("status");
        const REFUSALS: __ep::Refusals = __ep::Refusals {
            missing: __ep::Some("missing-param"),
            invalid: __ep::Some("invalid-param"),
            body: __ep::Some("invalid-content-type"),
        };
        fn to_http_request(
            &self,
            base_url: &str,
        ) -> __ep::Result<__ep::http::Request<__ep::Vec<u8>>, __ep::Error> {
            let mut w = __ep::Encoder::new(Self::METHOD, base_url);
            w.path("/api/v1/photographers/create");
            w.json(self)
        }
        fn from_http_response<B: AsRef<[u8]>>(
            response: __ep::http::Response<B>,
        ) -> __ep::Result<Response, __ep::Error> {
            if let __ep::Ok(body) = __ep::body::<Envelope>(response.body().as_ref()) {
                let status = response.status().as_u16();
                let __ep::Some(i) = __ep::dispatch(
                    status,
                    __ep::Some(body.status.as_str()),
                    Self::RESPONSES,
                ) else {
                    return __ep::Ok(
                        Response::Unknown(__ep::RawResponse::from_http(&response)),
                    );
                };
                let reply = __ep::Reply { status, body };
                return __ep::Ok(
                    match i {
                        0 => Response::ActionSuccessful(reply),
                        1 => Response::InvalidToken(reply),
                        2 => Response::SessionExpired(reply),
                        3 => Response::ClientRequired(reply),
                        4 => Response::MissingParam(reply),
                        5 => Response::InvalidParam(reply),
                        6 => Response::ApplicationCrash(reply),
                        7 => Response::MandrillEmailFailed(reply),
                        8 => Response::InvalidContentType(reply),
                        9 => Response::RouteNonExistent(reply),
                        10 => Response::NoParamsDecoded(reply),
                        11 => Response::InvalidEncodedParams(reply),
                        12 => Response::RouteNotFound(reply),
                        13 => Response::IdentifyRequestError(reply),
                        _ => Response::ServiceNotFound(reply),
                    },
                );
            }
            let slug = __ep::status_slug(response.body().as_ref(), "status");
            let __ep::Some(i) = __ep::dispatch(
                response.status().as_u16(),
                slug.as_deref(),
                Self::RESPONSES,
            ) else {
                return __ep::Ok(
                    Response::Unknown(__ep::RawResponse::from_http(&response)),
                );
            };
            let decoded: __ep::Result<Response, __ep::String> = match i {
                0 => __ep::reply(&response).map(Response::ActionSuccessful),
                1 => __ep::reply(&response).map(Response::InvalidToken),
                2 => __ep::reply(&response).map(Response::SessionExpired),
                3 => __ep::reply(&response).map(Response::ClientRequired),
                4 => __ep::reply(&response).map(Response::MissingParam),
                5 => __ep::reply(&response).map(Response::InvalidParam),
                6 => __ep::reply(&response).map(Response::ApplicationCrash),
                7 => __ep::reply(&response).map(Response::MandrillEmailFailed),
                8 => __ep::reply(&response).map(Response::InvalidContentType),
                9 => __ep::reply(&response).map(Response::RouteNonExistent),
                10 => __ep::reply(&response).map(Response::NoParamsDecoded),
                11 => __ep::reply(&response).map(Response::InvalidEncodedParams),
                12 => __ep::reply(&response).map(Response::RouteNotFound),
                13 => __ep::reply(&response).map(Response::IdentifyRequestError),
                _ => __ep::reply(&response).map(Response::ServiceNotFound),
            };
            decoded
                .map_err(|why| __ep::decode_error(Self::RESPONSES[i].0, why, &response))
        }
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
            match self {
                Self::ActionSuccessful(_) => "action-successful",
                Self::InvalidToken(_) => "invalid-token",
                Self::SessionExpired(_) => "session-expired",
                Self::ClientRequired(_) => "client-required",
                Self::MissingParam(_) => "missing-param",
                Self::InvalidParam(_) => "invalid-param",
                Self::ApplicationCrash(_) => "application-crash",
                Self::MandrillEmailFailed(_) => "mandrill-email-failed",
                Self::InvalidContentType(_) => "invalid-content-type",
                Self::RouteNonExistent(_) => "route-non-existent",
                Self::NoParamsDecoded(_) => "no-params-decoded",
                Self::InvalidEncodedParams(_) => "invalid-encoded-params",
                Self::RouteNotFound(_) => "route-not-found",
                Self::IdentifyRequestError(_) => "identify-request-error",
                Self::ServiceNotFound(_) => "service-not-found",
                Self::Unknown(_) => "unknown",
            }
        }
        /// The HTTP status the server sent.
        pub fn http_status(&self) -> u16 {
            match self {
                Self::ActionSuccessful(r) => r.status,
                Self::InvalidToken(r) => r.status,
                Self::SessionExpired(r) => r.status,
                Self::ClientRequired(r) => r.status,
                Self::MissingParam(r) => r.status,
                Self::InvalidParam(r) => r.status,
                Self::ApplicationCrash(r) => r.status,
                Self::MandrillEmailFailed(r) => r.status,
                Self::InvalidContentType(r) => r.status,
                Self::RouteNonExistent(r) => r.status,
                Self::NoParamsDecoded(r) => r.status,
                Self::InvalidEncodedParams(r) => r.status,
                Self::RouteNotFound(r) => r.status,
                Self::IdentifyRequestError(r) => r.status,
                Self::ServiceNotFound(r) => r.status,
                Self::Unknown(raw) => raw.status(),
            }
        }
        /// Whether the spec documents this response as a success; for
        /// `Unknown`, whether the status is 2xx.
        pub fn is_success(&self) -> bool {
            match self {
                Self::ActionSuccessful(_) => true,
                Self::InvalidToken(_) => false,
                Self::SessionExpired(_) => false,
                Self::ClientRequired(_) => false,
                Self::MissingParam(_) => false,
                Self::InvalidParam(_) => false,
                Self::ApplicationCrash(_) => false,
                Self::MandrillEmailFailed(_) => false,
                Self::InvalidContentType(_) => false,
                Self::RouteNonExistent(_) => false,
                Self::NoParamsDecoded(_) => false,
                Self::InvalidEncodedParams(_) => false,
                Self::RouteNotFound(_) => false,
                Self::IdentifyRequestError(_) => false,
                Self::ServiceNotFound(_) => false,
                Self::Unknown(raw) => (200..300).contains(&raw.status()),
            }
        }
        /// The response on the wire, as the API would send it (for
        /// servers and fakes); `Unknown` exactly as it was received.
        pub fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> {
            match self {
                Self::ActionSuccessful(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "action-successful")),
                    )
                }
                Self::InvalidToken(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "invalid-token")),
                    )
                }
                Self::SessionExpired(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "session-expired")),
                    )
                }
                Self::ClientRequired(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "client-required")),
                    )
                }
                Self::MissingParam(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "missing-param")),
                    )
                }
                Self::InvalidParam(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "invalid-param")),
                    )
                }
                Self::ApplicationCrash(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "application-crash")),
                    )
                }
                Self::MandrillEmailFailed(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "mandrill-email-failed")),
                    )
                }
                Self::InvalidContentType(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "invalid-content-type")),
                    )
                }
                Self::RouteNonExistent(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "route-non-existent")),
                    )
                }
                Self::NoParamsDecoded(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "no-params-decoded")),
                    )
                }
                Self::InvalidEncodedParams(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "invalid-encoded-params")),
                    )
                }
                Self::RouteNotFound(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "route-not-found")),
                    )
                }
                Self::IdentifyRequestError(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "identify-request-error")),
                    )
                }
                Self::ServiceNotFound(r) => {
                    __ep::encode_response(
                        r.status,
                        &r.body,
                        __ep::Some(("status", "service-not-found")),
                    )
                }
                Self::Unknown(raw) => raw.to_http(),
            }
        }
    }
    impl __ep::EndpointResponse for Response {
        fn name(&self) -> &'static str {
            Response::name(self)
        }
        fn http_status(&self) -> u16 {
            Response::http_status(self)
        }
        fn is_success(&self) -> bool {
            Response::is_success(self)
        }
        fn to_http_response(&self) -> __ep::http::Response<__ep::Vec<u8>> {
            Response::to_http_response(self)
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
        pub const VALUES: &'static [&'static str] = &["default", "internalapps_view"];
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
        ///
        /// `data`.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub data: __ep::Option<__ep::serde_json::Value>,
        /// The session object (also returned with `client-required`).
        ///
        /// `session`.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub session: __ep::Option<__ep::serde_json::Value>,
        /// Every other key of the body, kept as sent.
        ///
        /// `extra`.
        #[serde(flatten)]
        pub extra: __ep::BTreeMap<__ep::String, __ep::serde_json::Value>,
    }
}
