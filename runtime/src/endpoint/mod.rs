//! Layer `endpoint`: the traits generated code implements ([`Endpoint`],
//! [`EndpointResponse`], [`Paged`]), and what is generic over them. Above
//! `codec`; the clients and the server side build on it.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::codec::json::body;
use crate::codec::json::status_slug;
use crate::codec::request::{decode_request, Params};
use crate::codec::response::{dispatch, Decode, Received, Reply, ResponseView};
use crate::error::{Error, RawEvent, RawResponse, RequestError};
use crate::spec::{BodyEncoding, Metadata, Paging, ParamSpec, Refusals, ResponseSpec};
use crate::validate::{Path, Validate, ValidationErrors};

mod defaults;

pub use defaults::{Defaults, SharedParam};

/// One endpoint of an API: implemented by each generated `Request`.
pub trait Endpoint: Validate + Sized {
    /// The generated `Response` enum: a variant per documented response,
    /// plus `Unknown`.
    type Response: EndpointResponse;

    /// Everything the spec says of the endpoint but its types.
    const METADATA: Metadata;

    /// The spec's `name`.
    const NAME: &'static str = Self::METADATA.name;
    /// The HTTP method.
    const METHOD: http::Method = Self::METADATA.method.to_http();
    /// The path template, placeholders included (`/people/{id}`).
    const PATH: &'static str = Self::METADATA.path;
    /// Whether the request is safe to send twice: its method is idempotent,
    /// or its spec says so. Retry policies resend only these after an answer.
    const IDEMPOTENT: bool = Self::METADATA.idempotent || Self::METADATA.method.is_idempotent();
    /// The API's documented base URL, if the spec gives one.
    const BASE_URL: Option<&'static str> = Self::METADATA.base_url;
    /// How body params travel.
    const BODY: BodyEncoding = Self::METADATA.body;
    /// Every param: wire name, where it travels, how its text reads.
    const PARAMS: &'static [ParamSpec] = Self::METADATA.params;
    /// Every documented response: its name, code and success, in spec order.
    const RESPONSES: &'static [ResponseSpec] = <Self::Response as EndpointResponse>::RESPONSES;
    /// The top-level body field that names the response, if the API has one.
    const STATUS_FIELD: Option<&'static str> = <Self::Response as EndpointResponse>::STATUS_FIELD;
    /// The documented responses the API gives requests it refuses.
    const REFUSALS: Refusals = Self::METADATA.refusals;

    /// Checks every rule of the spec and returns every broken one, each with
    /// its wire path. Allocates nothing when the request is valid.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into(&Path::Root, &mut errors);
        errors.into_result()
    }

    /// The request on the wire, against `base_url` (which may end in `/` and
    /// carry a path prefix). Does not validate: clients do that first.
    fn to_http_request(&self, base_url: &str) -> Result<http::Request<Vec<u8>>, Error>;

    /// Tells the documented responses apart by the spec's rules and decodes
    /// the one that matches; an answer no rule matches is `Unknown`, kept whole.
    fn from_http_response<B: AsRef<[u8]>>(
        response: http::Response<B>,
    ) -> Result<Self::Response, Error> {
        <Self::Response as EndpointResponse>::from_http(&response)
    }

    /// Builds the request from its params, each read by wire name from
    /// `params` into its field's type (the server's side; no rule checked).
    fn from_params(params: &mut Params) -> Result<Self, RequestError>;

    /// Fills the params the request leaves unset that a client gives every
    /// request: the credential, and the spec's `shared` params. Clients call
    /// it before `validate`; a request's own value wins.
    #[doc(hidden)]
    fn apply_defaults(&mut self, defaults: &Defaults) {
        let _ = defaults;
    }

    /// The server's side: reads a request as it arrives (path, query,
    /// headers, body in the spec's encoding), then checks the spec's rules.
    fn from_http_request<B: AsRef<[u8]>>(request: &http::Request<B>) -> Result<Self, RequestError> {
        let object = decode_request(request, &Self::METADATA)?;
        let decoded = Self::from_params(&mut Params::new(object))?;
        decoded.validate().map_err(RequestError::Invalid)?;
        Ok(decoded)
    }
}

/// What every generated `Response` enum offers. Generated code declares the
/// table, a decoder per entry, and one match viewing a variant; naming,
/// status, success and encoding are worked out here from them. The enum's inherent
/// methods of the same names need no import.
pub trait EndpointResponse: Sized + 'static {
    /// Every documented response: its name, code and success, in spec order.
    const RESPONSES: &'static [ResponseSpec];
    /// The top-level body field that names the response, if the API has one.
    const STATUS_FIELD: Option<&'static str>;

    /// How each documented response decodes, one entry per entry of
    /// [`RESPONSES`](Self::RESPONSES), in the same order: each builds its
    /// own variant, so no response is ever read as another.
    const DECODE: &'static [Decode<Self>];

    /// An answer the spec does not document, kept whole.
    fn unknown(raw: RawResponse) -> Self;

    /// Which response this is, with its reply.
    fn view(&self) -> ResponseView<'_>;

    /// Tells the documented responses apart by the spec's rules (the body's
    /// status slug first, then a code only one response has) and decodes the
    /// one that matches; an answer no rule matches is `Unknown`, kept whole.
    fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self, Error> {
        decode_response(response)
    }

    /// The documented name (`action-successful`), or `unknown`.
    fn name(&self) -> &'static str {
        match self.view() {
            ResponseView::Documented(i, _) => Self::RESPONSES[i].name,
            ResponseView::Unknown(_) => "unknown",
        }
    }

    /// The HTTP status the server sent.
    fn http_status(&self) -> u16 {
        match self.view() {
            ResponseView::Documented(_, reply) => reply.status(),
            ResponseView::Unknown(raw) => raw.status(),
        }
    }

    /// Whether the spec documents this response as a success (for `Unknown`:
    /// whether the status is 2xx).
    fn is_success(&self) -> bool {
        match self.view() {
            ResponseView::Documented(i, _) => Self::RESPONSES[i].success,
            ResponseView::Unknown(raw) => (200..300).contains(&raw.status()),
        }
    }

    /// The response on the wire, as the API would send it (for servers and
    /// fakes); `Unknown` exactly as it was received.
    fn to_http_response(&self) -> http::Response<Vec<u8>> {
        match self.view() {
            ResponseView::Documented(i, reply) => {
                let spec = &Self::RESPONSES[i];
                let mut http = reply.to_http(Self::STATUS_FIELD.map(|field| (field, spec.name)));
                // A text or binary reply with no type of its own: the spec's.
                if let Some(media) = spec.content_type {
                    if !http.headers().contains_key(http::header::CONTENT_TYPE) {
                        if let Ok(value) = http::HeaderValue::from_str(media) {
                            http.headers_mut().insert(http::header::CONTENT_TYPE, value);
                        }
                    }
                }
                http
            }
            ResponseView::Unknown(raw) => raw.to_http(),
        }
    }
}

/// An endpoint whose spec says how it pages: clients offer
/// `pages(first)` and `items(first)` for it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not page: its spec has no `pages`",
    note = "add `\"pages\": {{ \"style\": …, \"param\": …, \"items\": … }}` to the endpoint's spec"
)]
pub trait Paged: Endpoint + Serialize {
    /// One item of a page, as the spec types the array `pages.items` names
    /// (`serde_json::Value` where it leaves it untyped).
    type Item: serde::de::DeserializeOwned;

    /// How it pages.
    const PAGING: Paging;
}

/// An endpoint with a response its spec declares a stream (`"stream"`):
/// clients read that response's body as it arrives, never held whole nor
/// capped by `max_body_size` (`Client::download`); every other answer is
/// read whole and decoded as `send` decodes it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no streamed response: its spec declares none",
    note = "add `\"stream\": \"bytes\"` (or `\"sse\"`, `\"json_lines\"`) to the response whose body arrives as a stream"
)]
pub trait Streaming: Endpoint {
    /// Which response of [`Endpoint::RESPONSES`] is the stream.
    const STREAM: usize;
}

/// An endpoint whose streamed response is of typed items (`"stream":
/// "sse"` or `"json_lines"`): clients offer its items as they arrive
/// (`Client::events`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no stream of items: its spec declares no `sse` or `json_lines` stream",
    note = "declare the response `\"stream\": \"sse\"` or `\"json_lines\"`, with its item type as `body`"
)]
pub trait StreamItems: Streaming {
    /// One item: `Event<T>` for server-sent events, `T` for JSON lines,
    /// `T` the spec's item type.
    type Item;

    /// Types one item as it came; one that does not fit is `Error::Event`,
    /// keeping its raw text.
    fn item(raw: RawEvent) -> Result<Self::Item, Error>;
}

/// An endpoint whose spec gives an example of a documented success (a
/// success response's `examples`): the fake server can answer with it
/// (`fake::FakeServerBuilder::example`, feature `fake-server`). Generated
/// only for such specs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no example of a success: its spec gives none",
    note = "add `\"examples\": [ … ]` to a success response of the spec, or answer with a handler: `endpoint::<E, _>(…)`"
)]
pub trait SuccessExample: Endpoint {
    /// Which response of [`Endpoint::RESPONSES`] the example is of: the
    /// first success that has `examples`.
    const EXAMPLE_RESPONSE: usize;
    /// Its first example body, as JSON text.
    const EXAMPLE_BODY: &'static str;
    /// The headers it declares that have examples of their own: name and
    /// first example.
    const EXAMPLE_HEADERS: &'static [(&'static str, &'static str)] = &[];
}

/// `Deserialize` for a generated `Request`: an object of params by wire
/// name, read through `from_params`, so no serde derive is generated for it.
pub fn deserialize_params<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Endpoint,
{
    let object = <serde_json::Map<String, serde_json::Value> as serde::Deserialize>::deserialize(
        deserializer,
    )?;
    T::from_params(&mut Params::new(object)).map_err(serde::de::Error::custom)
}

/// Tells the documented responses of `R` apart by the spec's rules (the
/// body's status slug first, then a code only one response has) and decodes
/// the one that matches; an answer no rule matches is `Unknown`, kept whole.
pub fn decode_response<R, B>(response: &http::Response<B>) -> Result<R, Error>
where
    R: EndpointResponse,
    B: AsRef<[u8]>,
{
    let received = Received {
        status: response.status().as_u16(),
        headers: response.headers(),
        body: response.body().as_ref(),
    };
    let slug = R::STATUS_FIELD.and_then(|field| status_slug(received.body, field));
    let Some(index) = dispatch(received.status, slug.as_deref(), R::RESPONSES) else {
        return Ok(R::unknown(RawResponse::from_http(response)));
    };
    let Some(decode) = R::DECODE.get(index) else {
        return Ok(R::unknown(RawResponse::from_http(response)));
    };
    decode(received).map_err(|why| {
        Error::decode(
            R::RESPONSES[index].name,
            why,
            RawResponse::from_http(response),
        )
    })
}

/// For an API whose every documented response has one body type that holds
/// the status slug (PlanoCore's `Envelope`): the body is parsed once and the
/// slug read from it, with no scan. A body that is not of that type takes
/// `decode_response`'s path (the general one), so the outcome is the same either way.
pub fn decode_shared_body<R, T, B>(
    response: &http::Response<B>,
    slug: fn(&T) -> Option<&str>,
    variants: &[fn(Reply<T>) -> R],
) -> Result<R, Error>
where
    R: EndpointResponse,
    T: DeserializeOwned,
    B: AsRef<[u8]>,
{
    let Ok(body) = body::<T>(response.body().as_ref()) else {
        return decode_response(response);
    };
    let status = response.status().as_u16();
    Ok(match dispatch(status, slug(&body), R::RESPONSES) {
        Some(index) if index < variants.len() => variants[index](Reply { status, body }),
        _ => R::unknown(RawResponse::from_http(response)),
    })
}

/// Prints `<redacted>` in place of a `sensitive` value.
#[doc(hidden)]
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}
