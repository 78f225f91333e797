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
                __ep::ParamSpec::body("encodedImage", __ep::WireKind::Text).required(),
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
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[serde(crate = "__ep::serde")]
    pub struct PersonRef {
        /// `id`; required.
        pub id: i64,
    }
    /// The object `Photo`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
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
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
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
