//! The server's side of a spec: reading a request as it arrives, and writing
//! a response as the API would. Generated `Request::from_http_request` and
//! `Response::to_http_response` call these with their spec's param table.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::validate::ValidationErrors;

/// Where a param travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// In the path, filling a `{placeholder}`.
    Path,
    /// In the query string.
    Query,
    /// In a header.
    Header,
    /// In the body.
    Body,
}

impl In {
    /// Every location, by the spec's word for it.
    pub const ALL: [(&'static str, In); 4] = [
        ("path", In::Path),
        ("query", In::Query),
        ("header", In::Header),
        ("body", In::Body),
    ];

    /// The spec's word for the location.
    pub fn name(self) -> &'static str {
        match self {
            In::Path => "path",
            In::Query => "query",
            In::Header => "header",
            In::Body => "body",
        }
    }
}

/// How body params travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// `application/json`.
    Json,
    /// The JSON text base64-encoded, as `text/plain`.
    Base64Json,
    /// `application/x-www-form-urlencoded`, nested values in brackets.
    Form,
    /// No body.
    None,
}

impl BodyEncoding {
    /// Every encoding, by the spec's word for it.
    pub const ALL: [(&'static str, BodyEncoding); 4] = [
        ("json", BodyEncoding::Json),
        ("base64_json", BodyEncoding::Base64Json),
        ("form", BodyEncoding::Form),
        ("none", BodyEncoding::None),
    ];
}

/// How a param's text on the wire becomes its JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireKind {
    /// A string.
    Text,
    /// An `i64`.
    Integer,
    /// An `f64`.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Anything else: kept as the text was, or as JSON where JSON travels.
    Other,
    /// An array: a query param repeated once per item, or `name[i]` in a form.
    List(&'static WireKind),
    /// A map: `name[key]` in a form.
    Map(&'static WireKind),
}

/// One param of a spec, as the server reads it.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// The wire name.
    pub name: &'static str,
    /// Where it travels.
    pub location: In,
    /// How its text reads.
    pub kind: WireKind,
    /// Whether the request must carry it.
    pub required: bool,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// A body field whose entries sit in the body itself, not under its name.
    pub flatten: bool,
    /// A param a client fills in (the credential, a shared param): a walk
    /// over `Link`s carries it to the next page.
    pub client: bool,
    /// Where inside the value `null` is refused: `lines[].qty`, with `[]`
    /// for each array item and `{}` for each map value.
    pub non_null: &'static [&'static str],
}

impl ParamSpec {
    /// A param that is optional, not nullable, not flattened.
    pub const fn new(name: &'static str, location: In, kind: WireKind) -> Self {
        ParamSpec {
            name,
            location,
            kind,
            required: false,
            nullable: false,
            flatten: false,
            client: false,
            non_null: &[],
        }
    }

    /// Where inside the value the spec allows no `null`.
    pub const fn non_null(self, paths: &'static [&'static str]) -> Self {
        ParamSpec {
            non_null: paths,
            ..self
        }
    }

    /// A path param.
    pub const fn path(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Path, kind)
    }

    /// A query param.
    pub const fn query(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Query, kind)
    }

    /// A header param.
    pub const fn header(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Header, kind)
    }

    /// A body param.
    pub const fn body(name: &'static str, kind: WireKind) -> Self {
        ParamSpec::new(name, In::Body, kind)
    }

    /// The request must carry it.
    pub const fn required(self) -> Self {
        ParamSpec {
            required: true,
            ..self
        }
    }

    /// It may be `null`.
    pub const fn nullable(self) -> Self {
        ParamSpec {
            nullable: true,
            ..self
        }
    }

    /// Its entries sit in the body itself.
    pub const fn flatten(self) -> Self {
        ParamSpec {
            flatten: true,
            ..self
        }
    }

    /// A client fills it in (the credential, a shared param).
    pub const fn client(self) -> Self {
        ParamSpec {
            client: true,
            ..self
        }
    }
}

/// Which documented response an API gives a request it refuses, by kind
/// (the spec's `refusals`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refusals {
    /// A required param is absent.
    pub missing: Option<&'static str>,
    /// A param is malformed or breaks a rule.
    pub invalid: Option<&'static str>,
    /// The body cannot be read (content type, encoding, not JSON).
    pub body: Option<&'static str>,
}

impl Refusals {
    /// The response named for `error`: `missing` and `body` fall back to
    /// `invalid`, the most general refusal.
    pub fn for_error(&self, error: &RequestError) -> Option<&'static str> {
        match error {
            RequestError::NotThisEndpoint => None,
            RequestError::Missing { .. } => self.missing.or(self.invalid),
            RequestError::Body { .. } => self.body.or(self.invalid),
            RequestError::Malformed { .. } | RequestError::Invalid(_) => self.invalid,
        }
    }
}

/// Why an incoming request was refused, the way an API says it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RequestError {
    /// The method or path is not this endpoint's.
    NotThisEndpoint,
    /// A required param is absent.
    Missing {
        /// The param's wire name.
        param: String,
        /// Where it should have travelled.
        location: In,
    },
    /// A param is present but is not of its type.
    Malformed {
        /// The param's wire name.
        param: String,
        /// What is wrong, without the value.
        message: String,
    },
    /// The body could not be read at all.
    Body {
        /// What is wrong.
        message: String,
    },
    /// Every param was read, and some break the spec's rules.
    Invalid(ValidationErrors),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::NotThisEndpoint => {
                f.write_str("the method or path is not this endpoint's")
            }
            RequestError::Missing { param, location } => {
                write!(
                    f,
                    "the required param `{param}` ({}) is missing",
                    location.name()
                )
            }
            RequestError::Malformed { param, message } => {
                write!(f, "the param `{param}` is not valid: {message}")
            }
            RequestError::Body { message } => write!(f, "the body cannot be read: {message}"),
            RequestError::Invalid(errors) => write!(f, "{errors}"),
        }
    }
}

impl std::error::Error for RequestError {}

/// Reads a request into one JSON object of every param under its wire name,
/// ready for the generated `Request::from_params`.
pub fn decode_request<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    metadata: &crate::Metadata,
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let params = metadata.params;
    if request.method() != metadata.method.to_http() {
        return Err(RequestError::NotThisEndpoint);
    }
    let path_values =
        match_path(metadata.path, request.uri().path()).ok_or(RequestError::NotThisEndpoint)?;
    let encoding = metadata.body;
    let has_body_params = params.iter().any(|p| p.location == In::Body);
    let mut object = if has_body_params && encoding != BodyEncoding::None {
        read_body(request, encoding, params)?
    } else {
        serde_json::Map::new()
    };
    // A body key named like a path, query or header param is not that param.
    for param in params.iter().filter(|p| p.location != In::Body) {
        object.remove(param.name);
    }
    let query = request
        .uri()
        .query()
        .map(parse_pairs)
        .transpose()?
        .unwrap_or_default();
    for param in params {
        let texts: Vec<String> = match param.location {
            In::Body => continue,
            In::Path => path_values
                .iter()
                .filter(|(name, _)| name == param.name)
                .map(|(_, v)| v.clone())
                .collect(),
            In::Query => query
                .iter()
                .filter(|(name, _)| name == param.name)
                .map(|(_, v)| v.clone())
                .collect(),
            In::Header => request
                .headers()
                .get_all(param.name)
                .iter()
                .map(|v| {
                    v.to_str()
                        .map(str::to_string)
                        .map_err(|_| RequestError::Malformed {
                            param: param.name.to_string(),
                            message: "not visible ASCII".into(),
                        })
                })
                .collect::<Result<_, _>>()?,
        };
        if let Some(value) = typed(param, &texts)? {
            object.insert(param.name.to_string(), value);
        }
    }
    for param in params.iter().filter(|p| p.required && !p.flatten) {
        match object.get(param.name) {
            None => {
                return Err(RequestError::Missing {
                    param: param.name.to_string(),
                    location: param.location,
                })
            }
            Some(serde_json::Value::Null) if !param.nullable => {
                return Err(RequestError::Missing {
                    param: param.name.to_string(),
                    location: param.location,
                })
            }
            _ => {}
        }
    }
    // `null` is a value only where the spec says `nullable`; elsewhere an
    // optional param is left out, not sent as null.
    for param in params
        .iter()
        .filter(|p| !p.required && !p.nullable && !p.flatten)
    {
        if object.get(param.name) == Some(&serde_json::Value::Null) {
            return Err(RequestError::Malformed {
                param: param.name.to_string(),
                message:
                    "it is null, and the spec does not mark it `nullable` (leave it out instead)"
                        .into(),
            });
        }
    }
    for param in params.iter().filter(|p| !p.non_null.is_empty()) {
        let Some(value) = object.get(param.name) else {
            continue;
        };
        for path in param.non_null {
            if let Some(at) = null_at(value, path, param.name.to_string()) {
                return Err(RequestError::Malformed {
                    param: param.name.to_string(),
                    message: format!(
                        "`{at}` is null, and the spec does not mark it `nullable` (leave it out instead)"
                    ),
                });
            }
        }
    }
    Ok(object)
}

/// The wire path of a `null` at `path` inside `value` (`lines[].qty`: `[]`
/// each item, `{}` each map value), if there is one. `at` is where `value`
/// sits.
fn null_at(value: &serde_json::Value, path: &str, at: String) -> Option<String> {
    use serde_json::Value as V;
    let (step, rest) = if let Some(rest) = path.strip_prefix("[]") {
        ("[]", rest)
    } else if let Some(rest) = path.strip_prefix("{}") {
        ("{}", rest)
    } else {
        let path = path.strip_prefix('.').unwrap_or(path);
        let end = path.find(['.', '[', '{']).unwrap_or(path.len());
        (&path[..end], &path[end..])
    };
    match (step, value) {
        ("", value) => value.is_null().then_some(at),
        ("[]", V::Array(items)) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| null_at(item, rest, format!("{at}[{i}]"))),
        ("{}", V::Object(members)) => members
            .iter()
            .find_map(|(k, v)| null_at(v, rest, format!("{at}[{k:?}]"))),
        ("[]" | "{}", _) => None,
        (field, V::Object(members)) => members
            .get(field)
            .and_then(|v| null_at(v, rest, format!("{at}.{field}"))),
        _ => None,
    }
}

/// A request's params by wire name, as the server read them; the generated
/// `Request::from_params` takes each into its field.
pub struct Params {
    object: serde_json::Map<String, serde_json::Value>,
}

impl Params {
    /// The params of one request.
    pub fn new(object: serde_json::Map<String, serde_json::Value>) -> Self {
        Params { object }
    }

    /// Takes the param `name` into its type; an absent one reads as `null`
    /// (`None` for an optional field). An error names the param.
    pub fn take<T: DeserializeOwned>(&mut self, name: &'static str) -> Result<T, RequestError> {
        let value = self.object.remove(name).unwrap_or(serde_json::Value::Null);
        T::deserialize(value).map_err(|e| RequestError::Malformed {
            param: name.to_string(),
            message: crate::wire::without_values(&e.to_string()),
        })
    }

    /// Takes the optional, nullable param `name`: absent, `null` or a value.
    pub fn take_nullable<T: DeserializeOwned>(
        &mut self,
        name: &'static str,
    ) -> Result<crate::Nullable<T>, RequestError> {
        match self.object.contains_key(name) {
            true => self.take(name),
            false => Ok(crate::Nullable::Absent),
        }
    }

    /// Takes every param not yet taken, for an optional flattened field:
    /// none left is `None`.
    pub fn rest_optional<T: DeserializeOwned>(
        &mut self,
        name: &'static str,
    ) -> Result<Option<T>, RequestError> {
        if self.object.is_empty() {
            return Ok(None);
        }
        self.rest(name).map(Some)
    }

    /// Takes every param not yet taken, for a flattened field.
    pub fn rest<T: DeserializeOwned>(&mut self, name: &'static str) -> Result<T, RequestError> {
        let rest = std::mem::take(&mut self.object);
        T::deserialize(serde_json::Value::Object(rest)).map_err(|e| RequestError::Malformed {
            param: name.to_string(),
            message: crate::wire::without_values(&e.to_string()),
        })
    }
}

/// `Deserialize` for a generated `Request`: an object of params by wire
/// name, read through `from_params`, so no serde derive is generated for it.
pub fn deserialize_params<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: crate::Endpoint,
{
    let object = <serde_json::Map<String, serde_json::Value> as serde::Deserialize>::deserialize(
        deserializer,
    )?;
    T::from_params(&mut Params::new(object)).map_err(serde::de::Error::custom)
}

/// The JSON value of a non-body param from its texts on the wire.
fn typed(param: &ParamSpec, texts: &[String]) -> Result<Option<serde_json::Value>, RequestError> {
    if let WireKind::List(item) = param.kind {
        if texts.is_empty() {
            return Ok(None);
        }
        let items = texts
            .iter()
            .map(|t| scalar(param.name, *item, t))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Some(serde_json::Value::Array(items)));
    }
    match texts {
        [] => Ok(None),
        [one] => scalar(param.name, param.kind, one).map(Some),
        _ => Err(RequestError::Malformed {
            param: param.name.to_string(),
            message: "sent more than once".into(),
        }),
    }
}

fn scalar(name: &str, kind: WireKind, text: &str) -> Result<serde_json::Value, RequestError> {
    let bad = |what: &str| RequestError::Malformed {
        param: name.to_string(),
        message: format!("it is not {what}"),
    };
    Ok(match kind {
        WireKind::Integer => text.parse::<i64>().map_err(|_| bad("an integer"))?.into(),
        WireKind::Number => {
            let n: f64 = text.parse().map_err(|_| bad("a number"))?;
            serde_json::Number::from_f64(n)
                .ok_or_else(|| bad("a finite number"))?
                .into()
        }
        WireKind::Boolean => match text {
            "true" => true.into(),
            "false" => false.into(),
            _ => return Err(bad("`true` or `false`")),
        },
        WireKind::Text | WireKind::Other | WireKind::List(_) | WireKind::Map(_) => text.into(),
    })
}

fn read_body<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    encoding: BodyEncoding,
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let bytes = request.body().as_ref();
    let content_type = request
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let expected = match encoding {
        BodyEncoding::Json => "application/json",
        BodyEncoding::Base64Json => "text/plain",
        BodyEncoding::Form => "application/x-www-form-urlencoded",
        BodyEncoding::None => return Ok(serde_json::Map::new()),
    };
    if let Some(ct) = &content_type {
        if ct != expected {
            return Err(RequestError::Body {
                message: format!("the content type is `{ct}`, not `{expected}`"),
            });
        }
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Map::new());
    }
    let value = match encoding {
        BodyEncoding::Json => json_object(bytes)?,
        BodyEncoding::Base64Json => {
            let text = std::str::from_utf8(bytes).map_err(|_| RequestError::Body {
                message: "the encoded body is not text".into(),
            })?;
            let decoded = base64_decode(text.trim()).ok_or_else(|| RequestError::Body {
                message: "the body is not valid base64".into(),
            })?;
            json_object(&decoded)?
        }
        _ => {
            let text = std::str::from_utf8(bytes).map_err(|_| RequestError::Body {
                message: "the form body is not UTF-8".into(),
            })?;
            form_object(&parse_pairs(text)?, params)?
        }
    };
    Ok(value)
}

/// The body's JSON object. `integer` is a number without a fraction, as
/// JSON Schema (and the OpenAPI export) reads it: `5.0` is the integer 5,
/// rewritten as text before parsing, so a number outside `i64` stays a
/// number that no integer param accepts (never clamped to the nearest one).
fn json_object(bytes: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let rewritten = crate::wire::integers_written_whole(bytes);
    match serde_json::from_slice(rewritten.as_deref().unwrap_or(bytes)) {
        Ok(serde_json::Value::Object(members)) => Ok(members),
        Ok(_) => Err(RequestError::Body {
            message: "the body is not a JSON object".into(),
        }),
        Err(e) => Err(RequestError::Body {
            message: format!("the body is not JSON: {e}"),
        }),
    }
}

/// Bracket-notation pairs as nested JSON: `a[b]=1` → `{"a":{"b":"1"}}`, and
/// objects keyed `0..n` as arrays. Top-level scalars take their param's type.
fn form_object(
    pairs: &[(String, String)],
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let mut root = serde_json::Map::new();
    for (key, value) in pairs {
        let (head, rest) = key.split_once('[').unwrap_or((key.as_str(), ""));
        let mut path: Vec<&str> = vec![head];
        path.extend(
            rest.split('[')
                .filter(|s| !s.is_empty())
                .map(|s| s.trim_end_matches(']')),
        );
        // Form values are all text: the param's kind says what each was.
        let leaf = match (
            path.len(),
            params
                .iter()
                .find(|p| p.name == head)
                .map(|p| (p.name, p.kind)),
        ) {
            (1, Some((name, kind))) => scalar(name, kind, value)?,
            (2, Some((name, WireKind::List(item) | WireKind::Map(item)))) => {
                scalar(name, *item, value)?
            }
            _ => serde_json::Value::String(value.clone()),
        };
        insert_path(&mut root, &path, leaf).map_err(|()| RequestError::Body {
            message: format!("the form key `{key}` clashes with another"),
        })?;
    }
    // An empty array or map sends no pair at all.
    for param in params
        .iter()
        .filter(|p| p.location == In::Body && p.required)
    {
        if !root.contains_key(param.name) {
            match param.kind {
                WireKind::List(_) => {
                    root.insert(param.name.into(), serde_json::Value::Array(Vec::new()))
                }
                WireKind::Map(_) => root.insert(
                    param.name.into(),
                    serde_json::Value::Object(Default::default()),
                ),
                _ => None,
            };
        }
    }
    Ok(root
        .into_iter()
        .map(|(k, v)| {
            // A map keyed 0..n is still a map when its param says so.
            let is_map = params
                .iter()
                .any(|p| p.name == k && matches!(p.kind, WireKind::Map(_)));
            let v = if is_map { v } else { arrays(v) };
            (k, v)
        })
        .collect())
}

fn insert_path(
    object: &mut serde_json::Map<String, serde_json::Value>,
    path: &[&str],
    leaf: serde_json::Value,
) -> Result<(), ()> {
    match path {
        [] => Err(()),
        [last] => {
            object.insert((*last).to_string(), leaf);
            Ok(())
        }
        [first, rest @ ..] => {
            let entry = object
                .entry((*first).to_string())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            match entry {
                serde_json::Value::Object(inner) => insert_path(inner, rest, leaf),
                _ => Err(()),
            }
        }
    }
}

fn arrays(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(members) => {
            let indexed = !members.is_empty()
                && (0..members.len()).all(|i| members.contains_key(&i.to_string()));
            if indexed {
                let mut members = members;
                (0..members.len())
                    .map(|i| arrays(members.remove(&i.to_string()).unwrap_or_default()))
                    .collect()
            } else {
                members.into_iter().map(|(k, v)| (k, arrays(v))).collect()
            }
        }
        other => other,
    }
}

/// `a=1&b=x%20y` → pairs, percent-decoded (`+` reads as a space). A bad
/// escape or bytes that are not UTF-8 refuse the whole text, where the
/// decoder alone would pass them through or replace them.
fn parse_pairs(text: &str) -> Result<Vec<(String, String)>, RequestError> {
    if percent_decode(text).is_none() {
        return Err(RequestError::Body {
            message: "a query or form pair is not valid percent-encoding".to_string(),
        });
    }
    Ok(form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}

/// The placeholders of `path` that fit `template`, percent-decoded. A
/// template segment is a literal, or one `{name}` with literal text around
/// it (`{name}.json`).
pub(crate) fn match_path(template: &str, path: &str) -> Option<Vec<(String, String)>> {
    let mut values = Vec::new();
    let mut parts = path.split('/');
    for segment in template.split('/') {
        let part = parts.next()?;
        match (segment.find('{'), segment.find('}')) {
            (Some(open), Some(close)) if open < close => {
                let (prefix, suffix) = (&segment[..open], &segment[close + 1..]);
                let inner = part.strip_prefix(prefix)?.strip_suffix(suffix)?;
                if inner.is_empty() {
                    return None;
                }
                values.push((segment[open + 1..close].to_string(), percent_decode(inner)?));
            }
            _ if segment == part => {}
            _ => return None,
        }
    }
    parts.next().is_none().then_some(values)
}

/// Percent-decoding to UTF-8; `None` for a bad escape (`%` not followed by
/// two hex digits, which the decoder would keep as it is) or bad UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escapes_ok = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_ok {
        return None;
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// Standard base64, canonical padding required; `None` when malformed.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// Writes a documented response: status, body as JSON (nothing for `null`),
/// and the status slug into the body for APIs that name responses there.
pub fn encode_response<T: Serialize>(
    status: u16,
    body: &T,
    slug: Option<(&str, &str)>,
) -> http::Response<Vec<u8>> {
    let mut value = match serde_json::to_value(body) {
        Ok(value) => value,
        Err(e) => {
            let message = format!("the response body could not be encoded: {e}");
            return json_response(500, &serde_json::json!({ "error": message }).to_string());
        }
    };
    if let (Some((field, name)), serde_json::Value::Object(members)) = (slug, &mut value) {
        members.insert(field.to_string(), name.into());
    }
    let bytes = if value.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&value).unwrap_or_default()
    };
    let mut response = http::Response::new(bytes);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if !value.is_null() {
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
    }
    response
}

/// A response with a JSON body.
pub fn json_response(status: u16, body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.as_bytes().to_vec());
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

/// Sets a declared response header from its value (`None` leaves it out).
pub fn set_header<T: Serialize + ?Sized>(
    response: &mut http::Response<Vec<u8>>,
    name: &'static str,
    value: &T,
) {
    let text = match serde_json::to_value(value) {
        Ok(serde_json::Value::Null) | Err(_) => return,
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
    };
    if let (Ok(name), Ok(value)) = (
        http::HeaderName::from_bytes(name.as_bytes()),
        http::HeaderValue::from_str(&text),
    ) {
        response.headers_mut().insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_refuses_bad_input() {
        for input in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\x00\x10"] {
            assert_eq!(
                base64_decode(&crate::wire::base64_encode(input)).unwrap(),
                input
            );
        }
        assert_eq!(base64_decode("Zg"), None);
        assert_eq!(base64_decode("Z==="), None);
        assert_eq!(base64_decode("Zh=="), None);
        assert_eq!(base64_decode("Zg==Zg=="), None);
        assert_eq!(base64_decode("Z!=="), None);
    }

    #[test]
    fn paths_match_templates_and_decode_segments() {
        assert_eq!(
            match_path("/people/{email}/photos", "/people/a%2Fb%20%C3%A9/photos"),
            Some(vec![("email".to_string(), "a/b é".to_string())])
        );
        assert_eq!(match_path("/people/{email}", "/people/"), None);
        assert_eq!(match_path("/people/{email}", "/people/a/b"), None);
        assert_eq!(match_path("/people", "/persons"), None);
        assert_eq!(
            match_path("/files/{name}.json", "/files/a%20b.json"),
            Some(vec![("name".to_string(), "a b".to_string())])
        );
        assert_eq!(match_path("/files/{name}.json", "/files/.json"), None);
        assert_eq!(match_path("/files/{name}.json", "/files/a.xml"), None);
        assert_eq!(percent_decode("%+A"), None);
    }

    #[test]
    fn forms_nest_by_brackets() {
        let pairs =
            parse_pairs("title=a+b%26c&meta%5Bk%5D=v&tags%5B0%5D=x&tags%5B1%5D=y&n=3").unwrap();
        let params = [ParamSpec::new("n", In::Body, WireKind::Integer)];
        let object = form_object(&pairs, &params).unwrap();
        assert_eq!(
            serde_json::Value::Object(object),
            serde_json::json!({"title": "a b&c", "meta": {"k": "v"}, "tags": ["x", "y"], "n": 3})
        );
    }
}
