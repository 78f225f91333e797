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
