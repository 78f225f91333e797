/// Create an invoice
///
/// `POST /v2/accounts/{account}/invoices`
pub mod create_invoice {
    use ::endpoints::__private as __ep;
    /// The params of `POST /v2/accounts/{account}/invoices`.
    ///
    /// Serializes with every param under its wire name; `to_http_request` puts each where the spec says it travels.
    #[derive(Clone, PartialEq, __ep::serde::Serialize)]
    #[serde(crate = "__ep::serde", rename_all = "camelCase")]
    pub struct Request {
        /// `account` in the path; required; minimum 1.
        pub account: i64,
        /// Header `Authorization`; required; sensitive (never shown by `Debug`).
        #[serde(rename = "Authorization")]
        pub authorization: __ep::String,
        /// `dryRun` in the query; default `false` (assumed by the API when absent; never sent for you).
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub dry_run: __ep::Option<bool>,
        /// `currency` in the body; required; one of `eur`, `usd`.
        pub currency: Currency,
        /// `memo` in the body; max_length 140.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub memo: __ep::Option<__ep::String>,
        /// `lines` in the body; required; min_items 1; max_items 3; unique_items.
        pub lines: __ep::Vec<Line>,
        /// A keyword as a wire name, and an integer enum.
        ///
        /// `type` in the body; one of `1`, `2`, `-3`.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub r#type: __ep::Option<Type>,
        /// `labels` in the body; max_items 2.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub labels: __ep::Option<__ep::BTreeMap<__ep::String, __ep::String>>,
        /// `due` in the body; required; may be null; format `date`.
        pub due: __ep::Option<__ep::String>,
        /// `ratio` in the body; minimum 0; maximum 1.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub ratio: __ep::Option<f64>,
        /// `contact` in the body.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub contact: __ep::Option<Contact>,
        /// `amount` in the body; minimum 0; multiple_of 0.01.
        ///
        /// Example: `19.99`.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub amount: __ep::Option<f64>,
        /// `batch` in the body; multiple_of 12; default `24` (assumed by the API when absent; never sent for you).
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub batch: __ep::Option<i64>,
        /// `codes` in the body; unique_items.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub codes: __ep::Option<__ep::Vec<__ep::String>>,
    }
    impl __ep::fmt::Debug for Request {
        fn fmt(&self, f: &mut __ep::fmt::Formatter<'_>) -> __ep::fmt::Result {
            f.debug_struct("Request")
                .field("account", &self.account)
                .field("authorization", &__ep::Redacted)
                .field("dry_run", &self.dry_run)
                .field("currency", &self.currency)
                .field("memo", &self.memo)
                .field("lines", &self.lines)
                .field("type", &self.r#type)
                .field("labels", &self.labels)
                .field("due", &self.due)
                .field("ratio", &self.ratio)
                .field("contact", &self.contact)
                .field("amount", &self.amount)
                .field("batch", &self.batch)
                .field("codes", &self.codes)
                .finish()
        }
    }
    impl __ep::Validate for Request {
        fn validate_into(
            &self,
            path: &__ep::Path<'_>,
            errors: &mut __ep::ValidationErrors,
        ) {
            {
                let v = &self.account;
                let p = path.field("account");
                __ep::Range {
                    minimum: __ep::Some(1),
                    maximum: __ep::None,
                }
                    .check(*v, &p, errors);
            }
            {
                let v = &self.currency;
                let p = path.field("currency");
                __ep::Validate::validate_into(v, &p, errors);
            }
            if let __ep::Some(v) = &self.memo {
                let p = path.field("memo");
                __ep::StrRules {
                    max_length: __ep::Some(140),
                    ..__ep::StrRules::NONE
                }
                    .check(v, &p, errors);
            }
            {
                let v = &self.lines;
                let p = path.field("lines");
                __ep::Items {
                    min_items: __ep::Some(1),
                    max_items: __ep::Some(3),
                }
                    .check(v.len(), &p, errors);
                __ep::check_unique_json(v, &p, errors);
                for (i, v1) in v.iter().enumerate() {
                    let p1 = p.index(i);
                    __ep::Validate::validate_into(v1, &p1, errors);
                }
            }
            if let __ep::Some(v) = &self.r#type {
                let p = path.field("type");
                __ep::Validate::validate_into(v, &p, errors);
            }
            if let __ep::Some(v) = &self.labels {
                let p = path.field("labels");
                __ep::Items {
                    min_items: __ep::None,
                    max_items: __ep::Some(2),
                }
                    .check(v.len(), &p, errors);
                for (k, v1) in v {
                    let p1 = p.key(k);
                    __ep::StrRules {
                        min_length: __ep::Some(1),
                        ..__ep::StrRules::NONE
                    }
                        .check(v1, &p1, errors);
                }
            }
            if let __ep::Some(v) = &self.due {
                let p = path.field("due");
                __ep::StrRules {
                    format: __ep::Some(__ep::Format::Date),
                    ..__ep::StrRules::NONE
                }
                    .check(v, &p, errors);
            }
            if let __ep::Some(v) = &self.ratio {
                let p = path.field("ratio");
                __ep::Range {
                    minimum: __ep::Some(0f64),
                    maximum: __ep::Some(1f64),
                }
                    .check(*v, &p, errors);
            }
            if let __ep::Some(v) = &self.contact {
                let p = path.field("contact");
                __ep::Validate::validate_into(v, &p, errors);
            }
            if let __ep::Some(v) = &self.amount {
                let p = path.field("amount");
                __ep::Range {
                    minimum: __ep::Some(0f64),
                    maximum: __ep::None,
                }
                    .check(*v, &p, errors);
                __ep::MultipleOf {
                    multiple_of: __ep::Decimal {
                        digits: 1,
                        exponent: -2,
                    },
                }
                    .check(*v, &p, errors);
            }
            if let __ep::Some(v) = &self.batch {
                let p = path.field("batch");
                __ep::MultipleOf {
                    multiple_of: 12,
                }
                    .check(*v, &p, errors);
            }
            if let __ep::Some(v) = &self.codes {
                let p = path.field("codes");
                __ep::check_unique(v, &p, errors);
                for (i, v1) in v.iter().enumerate() {
                    let p1 = p.index(i);
                    __ep::StrRules {
                        min_length: __ep::Some(2),
                        ..__ep::StrRules::NONE
                    }
                        .check(v1, &p1, errors);
                }
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
                    account: __ep::None,
                    authorization: __ep::None,
                    dry_run: __ep::None,
                    currency: __ep::None,
                    memo: __ep::None,
                    lines: __ep::None,
                    r#type: __ep::None,
                    labels: __ep::None,
                    due: __ep::None,
                    ratio: __ep::None,
                    contact: __ep::None,
                    amount: __ep::None,
                    batch: __ep::None,
                    codes: __ep::None,
                },
                state: __ep::PhantomData,
            }
        }
    }
    /// A builder for [`Request`]: a setter per param; `build()` compiles once `account`, `Authorization`, `currency`, `lines`, `due` are set.
    #[must_use = "a builder does nothing until `build()`"]
    #[allow(clippy::type_complexity)]
    pub struct Builder<
        __S0 = missing::account,
        __S1 = missing::authorization,
        __S2 = missing::currency,
        __S3 = missing::lines,
        __S4 = missing::due,
    > {
        params: BuilderParams,
        state: __ep::PhantomData<(__S0, __S1, __S2, __S3, __S4)>,
    }
    struct BuilderParams {
        account: __ep::Option<i64>,
        authorization: __ep::Option<__ep::String>,
        dry_run: __ep::Option<bool>,
        currency: __ep::Option<Currency>,
        memo: __ep::Option<__ep::String>,
        lines: __ep::Option<__ep::Vec<Line>>,
        r#type: __ep::Option<Type>,
        labels: __ep::Option<__ep::BTreeMap<__ep::String, __ep::String>>,
        due: __ep::Option<__ep::Option<__ep::String>>,
        ratio: __ep::Option<f64>,
        contact: __ep::Option<Contact>,
        amount: __ep::Option<f64>,
        batch: __ep::Option<i64>,
        codes: __ep::Option<__ep::Vec<__ep::String>>,
    }
    /// The required params a [`Builder`] has not set yet, by name.
    #[allow(non_camel_case_types)]
    pub mod missing {
        /// Not set yet.
        pub struct account;
        /// Not set yet.
        pub struct authorization;
        /// Not set yet.
        pub struct currency;
        /// Not set yet.
        pub struct lines;
        /// Not set yet.
        pub struct due;
    }
    impl<__S0, __S1, __S2, __S3, __S4> Builder<__S0, __S1, __S2, __S3, __S4> {
        /// Sets `account` (required).
        pub fn account(
            mut self,
            value: impl __ep::Into<i64>,
        ) -> Builder<__ep::Set, __S1, __S2, __S3, __S4> {
            self.params.account = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `Authorization` (required).
        pub fn authorization(
            mut self,
            value: impl __ep::Into<__ep::String>,
        ) -> Builder<__S0, __ep::Set, __S2, __S3, __S4> {
            self.params.authorization = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `dryRun`.
        pub fn dry_run(mut self, value: impl __ep::Into<bool>) -> Self {
            self.params.dry_run = __ep::Some(value.into());
            self
        }
        /// Sets `currency` (required).
        pub fn currency(
            mut self,
            value: impl __ep::Into<Currency>,
        ) -> Builder<__S0, __S1, __ep::Set, __S3, __S4> {
            self.params.currency = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `memo`.
        pub fn memo(mut self, value: impl __ep::Into<__ep::String>) -> Self {
            self.params.memo = __ep::Some(value.into());
            self
        }
        /// Sets `lines` (required).
        pub fn lines(
            mut self,
            value: impl __ep::Into<__ep::Vec<Line>>,
        ) -> Builder<__S0, __S1, __S2, __ep::Set, __S4> {
            self.params.lines = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `type`.
        pub fn r#type(mut self, value: impl __ep::Into<Type>) -> Self {
            self.params.r#type = __ep::Some(value.into());
            self
        }
        /// Sets `labels`.
        pub fn labels(
            mut self,
            value: impl __ep::Into<__ep::BTreeMap<__ep::String, __ep::String>>,
        ) -> Self {
            self.params.labels = __ep::Some(value.into());
            self
        }
        /// Sets `due` (required).
        pub fn due(
            mut self,
            value: impl __ep::Into<__ep::Option<__ep::String>>,
        ) -> Builder<__S0, __S1, __S2, __S3, __ep::Set> {
            self.params.due = __ep::Some(value.into());
            Builder {
                params: self.params,
                state: __ep::PhantomData,
            }
        }
        /// Sets `ratio`.
        pub fn ratio(mut self, value: impl __ep::Into<f64>) -> Self {
            self.params.ratio = __ep::Some(value.into());
            self
        }
        /// Sets `contact`.
        pub fn contact(mut self, value: impl __ep::Into<Contact>) -> Self {
            self.params.contact = __ep::Some(value.into());
            self
        }
        /// Sets `amount`.
        pub fn amount(mut self, value: impl __ep::Into<f64>) -> Self {
            self.params.amount = __ep::Some(value.into());
            self
        }
        /// Sets `batch`.
        pub fn batch(mut self, value: impl __ep::Into<i64>) -> Self {
            self.params.batch = __ep::Some(value.into());
            self
        }
        /// Sets `codes`.
        pub fn codes(mut self, value: impl __ep::Into<__ep::Vec<__ep::String>>) -> Self {
            self.params.codes = __ep::Some(value.into());
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
                account,
                authorization,
                dry_run,
                currency,
                memo,
                lines,
                r#type,
                labels,
                due,
                ratio,
                contact,
                amount,
                batch,
                codes,
            } = self.params;
            Request {
                account: __ep::built(account),
                authorization: __ep::built(authorization),
                dry_run,
                currency: __ep::built(currency),
                memo,
                lines: __ep::built(lines),
                r#type,
                labels,
                due: __ep::built(due),
                ratio,
                contact,
                amount,
                batch,
                codes,
            }
        }
    }
    impl __ep::Endpoint for Request {
        type Response = Response;
        const METADATA: __ep::Metadata = __ep::Metadata {
            name: "create_invoice",
            method: __ep::Method::Post,
            path: "/v2/accounts/{account}/invoices",
            idempotent: false,
            base_url: __ep::None,
            body: __ep::BodyEncoding::Json,
            params: &[
                __ep::ParamSpec::path("account", __ep::WireKind::Integer).required(),
                __ep::ParamSpec::header("Authorization", __ep::WireKind::Text)
                    .required(),
                __ep::ParamSpec::query("dryRun", __ep::WireKind::Boolean),
                __ep::ParamSpec::body("currency", __ep::WireKind::Text).required(),
                __ep::ParamSpec::body("memo", __ep::WireKind::Text),
                __ep::ParamSpec::body(
                        "lines",
                        __ep::WireKind::List(&__ep::WireKind::Other),
                    )
                    .required()
                    .non_null(&["[]", "[].sku", "[].qty", "[].tags", "[].tags[]"]),
                __ep::ParamSpec::body("type", __ep::WireKind::Integer),
                __ep::ParamSpec::body(
                        "labels",
                        __ep::WireKind::Map(&__ep::WireKind::Text),
                    )
                    .non_null(&["{}"]),
                __ep::ParamSpec::body("due", __ep::WireKind::Text).required().nullable(),
                __ep::ParamSpec::body("ratio", __ep::WireKind::Number),
                __ep::ParamSpec::body("contact", __ep::WireKind::Other)
                    .non_null(
                        &[
                            "email",
                            "manager",
                            "manager.email",
                            "manager.manager",
                            "manager.manager.email",
                            "manager.manager.manager",
                            "manager.manager.manager.email",
                            "manager.manager.manager.manager",
                            "manager.manager.manager.reports",
                            "manager.manager.manager.reports[]",
                            "manager.manager.reports",
                            "manager.manager.reports[]",
                            "manager.manager.reports[].email",
                            "manager.manager.reports[].manager",
                            "manager.manager.reports[].reports",
                            "manager.manager.reports[].reports[]",
                            "manager.reports",
                            "manager.reports[]",
                            "manager.reports[].email",
                            "manager.reports[].manager",
                            "manager.reports[].manager.email",
                            "manager.reports[].manager.manager",
                            "manager.reports[].manager.reports",
                            "manager.reports[].manager.reports[]",
                            "manager.reports[].reports",
                            "manager.reports[].reports[]",
                            "manager.reports[].reports[].email",
                            "manager.reports[].reports[].manager",
                            "manager.reports[].reports[].reports",
                            "manager.reports[].reports[].reports[]",
                            "reports",
                            "reports[]",
                            "reports[].email",
                            "reports[].manager",
                            "reports[].manager.email",
                            "reports[].manager.manager",
                            "reports[].manager.manager.email",
                            "reports[].manager.manager.manager",
                            "reports[].manager.manager.reports",
                            "reports[].manager.manager.reports[]",
                            "reports[].manager.reports",
                            "reports[].manager.reports[]",
                            "reports[].manager.reports[].email",
                            "reports[].manager.reports[].manager",
                            "reports[].manager.reports[].reports",
                            "reports[].manager.reports[].reports[]",
                            "reports[].reports",
                            "reports[].reports[]",
                            "reports[].reports[].email",
                            "reports[].reports[].manager",
                            "reports[].reports[].manager.email",
                            "reports[].reports[].manager.manager",
                            "reports[].reports[].manager.reports",
                            "reports[].reports[].manager.reports[]",
                            "reports[].reports[].reports",
                            "reports[].reports[].reports[]",
                            "reports[].reports[].reports[].email",
                            "reports[].reports[].reports[].manager",
                            "reports[].reports[].reports[].reports",
                            "reports[].reports[].reports[].reports[]",
                        ],
                    ),
                __ep::ParamSpec::body("amount", __ep::WireKind::Number),
                __ep::ParamSpec::body("batch", __ep::WireKind::Integer),
                __ep::ParamSpec::body(
                        "codes",
                        __ep::WireKind::List(&__ep::WireKind::Text),
                    )
                    .non_null(&["[]"]),
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
            w.path("/v2/accounts/");
            w.path_param("account", &self.account);
            w.path("/invoices");
            w.secret_header(
                const { __ep::http::HeaderName::from_static("authorization") },
                "Authorization",
                &self.authorization,
            );
            w.query("dryRun", &self.dry_run);
            w.body(
                Self::BODY,
                |b| {
                    b.field("currency", &self.currency);
                    b.optional("memo", &self.memo);
                    b.field("lines", &self.lines);
                    b.optional("type", &self.r#type);
                    b.optional("labels", &self.labels);
                    b.field("due", &self.due);
                    b.optional("ratio", &self.ratio);
                    b.optional("contact", &self.contact);
                    b.optional("amount", &self.amount);
                    b.optional("batch", &self.batch);
                    b.optional("codes", &self.codes);
                },
            )
        }
        fn from_params(
            params: &mut __ep::Params,
        ) -> __ep::Result<Self, __ep::RequestError> {
            __ep::Ok(Self {
                account: params.take("account")?,
                authorization: params.take("Authorization")?,
                dry_run: params.take("dryRun")?,
                currency: params.take("currency")?,
                memo: params.take("memo")?,
                lines: params.take("lines")?,
                r#type: params.take("type")?,
                labels: params.take("labels")?,
                due: params.take("due")?,
                ratio: params.take("ratio")?,
                contact: params.take("contact")?,
                amount: params.take("amount")?,
                batch: params.take("batch")?,
                codes: params.take("codes")?,
            })
        }
    }
    /// The object `Contact`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct Contact {
        /// `email`; required; format `email`.
        pub email: __ep::String,
        /// Recursive: boxed in Rust.
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub manager: __ep::Option<__ep::Box<Contact>>,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub reports: __ep::Option<__ep::Vec<Contact>>,
    }
    impl __ep::Validate for Contact {
        fn validate_into(
            &self,
            path: &__ep::Path<'_>,
            errors: &mut __ep::ValidationErrors,
        ) {
            {
                let v = &self.email;
                let p = path.field("email");
                __ep::StrRules {
                    format: __ep::Some(__ep::Format::Email),
                    ..__ep::StrRules::NONE
                }
                    .check(v, &p, errors);
            }
            if let __ep::Some(v) = &self.manager {
                let p = path.field("manager");
                __ep::Validate::validate_into(v, &p, errors);
            }
            if let __ep::Some(v) = &self.reports {
                let p = path.field("reports");
                for (i, v1) in v.iter().enumerate() {
                    let p1 = p.index(i);
                    __ep::Validate::validate_into(v1, &p1, errors);
                }
            }
        }
    }
    /// The object `Line`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct Line {
        /// `sku`; required; pattern `[A-Z]{3}-[0-9]+`.
        pub sku: __ep::String,
        /// `qty`; required; minimum 1.
        pub qty: i64,
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub tags: __ep::Option<__ep::Vec<__ep::String>>,
    }
    impl __ep::Validate for Line {
        fn validate_into(
            &self,
            path: &__ep::Path<'_>,
            errors: &mut __ep::ValidationErrors,
        ) {
            {
                let v = &self.sku;
                let p = path.field("sku");
                static PATTERN: __ep::Pattern = __ep::Pattern::new("[A-Z]{3}-[0-9]+");
                __ep::StrRules {
                    pattern: __ep::Some(&PATTERN),
                    ..__ep::StrRules::NONE
                }
                    .check(v, &p, errors);
            }
            {
                let v = &self.qty;
                let p = path.field("qty");
                __ep::Range {
                    minimum: __ep::Some(1),
                    maximum: __ep::None,
                }
                    .check(*v, &p, errors);
            }
            if let __ep::Some(v) = &self.tags {
                let p = path.field("tags");
                for (i, v1) in v.iter().enumerate() {
                    let p1 = p.index(i);
                    __ep::StrRules {
                        max_length: __ep::Some(3),
                        ..__ep::StrRules::NONE
                    }
                        .check(v1, &p1, errors);
                }
            }
        }
    }
    /// The documented values. A value outside them is kept in `Other`, and `validate` refuses it in a request.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum Currency {
        /// `eur`
        Eur,
        /// `usd`
        Usd,
        /// A value outside the documented ones, kept as sent.
        Other(__ep::String),
    }
    impl Currency {
        /// The documented values, as on the wire.
        pub const VALUES: &'static [&'static str] = &["eur", "usd"];
        /// The value on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Eur => "eur",
                Self::Usd => "usd",
                Self::Other(v) => v,
            }
        }
        /// The variant for a value on the wire.
        pub fn from_wire(value: &str) -> Self {
            match value {
                "eur" => Self::Eur,
                "usd" => Self::Usd,
                other => Self::Other(other.into()),
            }
        }
    }
    impl __ep::serde::Serialize for Currency {
        fn serialize<S: __ep::serde::Serializer>(
            &self,
            s: S,
        ) -> __ep::Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }
    impl<'de> __ep::serde::Deserialize<'de> for Currency {
        fn deserialize<D: __ep::serde::Deserializer<'de>>(
            d: D,
        ) -> __ep::Result<Self, D::Error> {
            __ep::deserialize_str_enum(d, Self::from_wire)
        }
    }
    impl __ep::Validate for Currency {
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
    pub enum Type {
        /// `1`
        V1,
        /// `2`
        V2,
        /// `-3`
        Minus3,
        /// A value outside the documented ones, kept as sent.
        Other(i64),
    }
    impl Type {
        /// The documented values, as on the wire.
        pub const VALUES: &'static [&'static str] = &["1", "2", "-3"];
        /// The value on the wire.
        pub fn as_i64(&self) -> i64 {
            match self {
                Self::V1 => 1,
                Self::V2 => 2,
                Self::Minus3 => -3,
                Self::Other(v) => *v,
            }
        }
        /// The variant for a value on the wire.
        pub fn from_wire(value: i64) -> Self {
            match value {
                1 => Self::V1,
                2 => Self::V2,
                -3 => Self::Minus3,
                other => Self::Other(other),
            }
        }
    }
    impl __ep::serde::Serialize for Type {
        fn serialize<S: __ep::serde::Serializer>(
            &self,
            s: S,
        ) -> __ep::Result<S::Ok, S::Error> {
            s.serialize_i64(self.as_i64())
        }
    }
    impl<'de> __ep::serde::Deserialize<'de> for Type {
        fn deserialize<D: __ep::serde::Deserializer<'de>>(
            d: D,
        ) -> __ep::Result<Self, D::Error> {
            <i64 as __ep::serde::Deserialize>::deserialize(d).map(Self::from_wire)
        }
    }
    impl __ep::Validate for Type {
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
    /// The object `RejectedBody`.
    #[derive(Debug, Clone, PartialEq, __ep::serde::Serialize, __ep::serde::Deserialize)]
    #[allow(missing_docs)]
    #[serde(crate = "__ep::serde")]
    pub struct RejectedBody {
        #[serde(default, skip_serializing_if = "__ep::Option::is_none")]
        pub reason: __ep::Option<__ep::String>,
    }
    /// The `created` response, with its headers.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreatedReply {
        /// The HTTP status the server sent.
        pub status: u16,
        /// Header `Location`; required.
        pub location: __ep::String,
        /// The body.
        pub body: __ep::serde_json::Value,
    }
    impl __ep::ReplyParts for CreatedReply {
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
        /// `created` (HTTP 201)
        Created(CreatedReply),
        /// `rejected` (HTTP 422)
        Rejected(__ep::Reply<RejectedBody>),
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
            __ep::ResponseSpec::new("rejected", __ep::Some(422), false),
        ];
        const STATUS_FIELD: __ep::Option<&'static str> = __ep::None;
        const DECODE: &'static [__ep::Decode<Self>] = &[
            |response| __ep::Ok(
                Self::Created(CreatedReply {
                    status: response.status,
                    location: response.required_header("Location")?,
                    body: response.body()?,
                }),
            ),
            |response| response.reply().map(Self::Rejected),
        ];
        fn unknown(raw: __ep::RawResponse) -> Self {
            Self::Unknown(raw)
        }
        fn view(&self) -> __ep::ResponseView<'_> {
            match self {
                Self::Created(r) => __ep::ResponseView::Documented(0, r),
                Self::Rejected(r) => __ep::ResponseView::Documented(1, r),
                Self::Unknown(raw) => __ep::ResponseView::Unknown(raw),
            }
        }
    }
}
