//! Encoding requests onto `http` types and decoding responses from them.
//! Generated code calls these with its spec's names; it knows nothing of
//! any transport.

use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;

use crate::codec::text::each_text;
use crate::error::Error;
use crate::response::ResponseSpec;

/// Builds an `http::Request` piece by piece. The first problem met is kept
/// and returned by the finishing call, so generated code stays a flat list
/// of calls.
pub struct Encoder {
    method: http::Method,
    url: String,
    has_query: bool,
    headers: http::HeaderMap,
    error: Option<String>,
}

impl Encoder {
    /// Starts a request to `base_url`, which may end in `/` and may carry a
    /// path prefix (`https://host/v2`).
    pub fn new(method: http::Method, base_url: &str) -> Encoder {
        let mut error = None;
        match base_url.split_once("://") {
            Some((scheme, rest))
                if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
            {
                if rest.is_empty() || rest.starts_with('/') {
                    error = Some(format!("the base URL `{base_url}` has no host"));
                } else if base_url.contains(['?', '#']) {
                    error = Some(format!(
                        "the base URL `{base_url}` has a query or fragment; give only scheme, host and path prefix"
                    ));
                }
            }
            _ => {
                error = Some(format!(
                    "the base URL `{base_url}` is not an http or https URL (like `https://api.example.com`)"
                ))
            }
        }
        Encoder {
            method,
            url: {
                let base = base_url.trim_end_matches('/');
                // Room for a typical path and query, so pushes rarely reallocate.
                let mut url = String::with_capacity(base.len() + 96);
                url.push_str(base);
                url
            },
            has_query: false,
            headers: http::HeaderMap::with_capacity(4),
            error,
        }
    }

    fn fail(&mut self, why: String) {
        self.error.get_or_insert(why);
    }

    /// A literal piece of the spec's path, written as is.
    pub fn path(&mut self, literal: &str) {
        self.url.push_str(literal);
    }

    /// A path param: one segment, percent-encoded, so `/`, spaces and
    /// non-ASCII reach the server intact.
    pub fn path_param<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let mut count = 0;
        let url = &mut self.url;
        let mut empty = false;
        let written = each_text(value, |text| {
            count += 1;
            if count > 1 {
                return;
            }
            match text {
                "" => empty = true,
                // Dot segments would be resolved away by URL parsers.
                "." => url.push_str("%2E"),
                ".." => url.push_str("%2E%2E"),
                text => percent_encode(text, url),
            }
        });
        match written {
            Err(why) => self.fail(format!("the path param `{name}`: {why}")),
            Ok(()) if count != 1 => {
                self.fail(format!("the path param `{name}` must be one scalar value"))
            }
            Ok(()) if empty => self.fail(format!(
                "the path param `{name}` is empty: the path would lose a segment"
            )),
            Ok(()) => {}
        }
    }

    /// A query param: `None` is left out, an array repeats the key.
    pub fn query<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let (url, has_query) = (&mut self.url, &mut self.has_query);
        let written = each_text(value, |text| {
            url.push(if *has_query { '&' } else { '?' });
            *has_query = true;
            percent_encode(name, url);
            url.push('=');
            percent_encode(text, url);
        });
        if let Err(why) = written {
            self.fail(format!("the query param `{name}`: {why}"));
        }
    }

    /// A `sensitive` header param: like [`header`](Self::header), and marked
    /// sensitive (`HeaderValue::set_sensitive`), so middleware that prints
    /// headers and HTTP/2's header compression leave it alone.
    pub fn secret_header<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.put_header(name, value, true);
    }

    /// A header param: `None` is left out.
    pub fn header<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.put_header(name, value, false);
    }

    fn put_header<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        sensitive: bool,
    ) {
        let Ok(header) = http::HeaderName::from_bytes(name.as_bytes()) else {
            return self.fail(format!("`{name}` is not a header name"));
        };
        let (headers, mut unfit) = (&mut self.headers, false);
        let written = each_text(value, |text| match http::HeaderValue::from_str(text) {
            Ok(mut value) => {
                value.set_sensitive(sensitive);
                headers.append(header.clone(), value);
            }
            Err(_) => unfit = true,
        });
        match written {
            Err(why) => self.fail(format!("the header `{name}`: {why}")),
            // The value may be a secret: say what is wrong, never what it is.
            Ok(()) if unfit => self.fail(format!(
                "the header `{name}` has a value that cannot travel in a header (a line break or a non-visible character)"
            )),
            Ok(()) => {}
        }
    }

    fn finish(
        mut self,
        body: Vec<u8>,
        content_type: Option<&'static str>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        if let Some(why) = self.error {
            return Err(Error::Encode(why));
        }
        if let Some(ct) = content_type {
            self.headers.insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static(ct),
            );
        }
        self.headers
            .entry(http::header::ACCEPT)
            .or_insert(http::HeaderValue::from_static("application/json"));
        // The URL string becomes the URI without a copy.
        let uri = http::Uri::try_from(self.url)
            .map_err(|e| Error::Encode(format!("the request URL is not valid: {e}")))?;
        let mut request = http::Request::new(body);
        *request.method_mut() = self.method;
        *request.uri_mut() = uri;
        *request.headers_mut() = self.headers;
        Ok(request)
    }

    /// Finishes with no body.
    pub fn no_body(self) -> Result<http::Request<Vec<u8>>, Error> {
        self.finish(Vec::new(), None)
    }

    /// Finishes with `body` as JSON.
    pub fn json<T: Serialize + ?Sized>(self, body: &T) -> Result<http::Request<Vec<u8>>, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Encode(e.to_string()))?;
        self.finish(bytes, Some("application/json"))
    }

    /// Finishes with `body` as JSON text, base64-encoded, sent as `text/plain`.
    pub fn base64_json<T: Serialize + ?Sized>(
        self,
        body: &T,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Encode(e.to_string()))?;
        self.finish(base64_encode(&bytes).into_bytes(), Some("text/plain"))
    }

    /// Finishes with the body params `write` writes, in `encoding`.
    pub fn body(
        self,
        encoding: crate::server::BodyEncoding,
        write: impl FnOnce(&mut BodyFields<'_>),
    ) -> Result<http::Request<Vec<u8>>, Error> {
        use crate::server::BodyEncoding;
        let mut json = Vec::with_capacity(128);
        let mut serializer = serde_json::Serializer::new(&mut json);
        let written = serde::Serializer::serialize_map(&mut serializer, None).and_then(|map| {
            let mut fields = BodyFields { map, error: None };
            write(&mut fields);
            match fields.error {
                Some(e) => Err(e),
                None => serde::ser::SerializeMap::end(fields.map),
            }
        });
        if let Err(e) = written {
            return Err(Error::Encode(e.to_string()));
        }
        match encoding {
            BodyEncoding::Json => self.finish(json, Some("application/json")),
            BodyEncoding::Base64Json => {
                self.finish(base64_encode(&json).into_bytes(), Some("text/plain"))
            }
            BodyEncoding::Form => self.form_from_json(&json),
            BodyEncoding::None => self.finish(Vec::new(), None),
        }
    }

    /// Finishes with `body` as `application/x-www-form-urlencoded`, nested
    /// values in bracket notation (`a[b]=1&c[0]=x`), in declaration order.
    pub fn form<T: Serialize + ?Sized>(self, body: &T) -> Result<http::Request<Vec<u8>>, Error> {
        // Through JSON text, read back keeping the order fields were written.
        let json = serde_json::to_vec(body).map_err(|e| Error::Encode(e.to_string()))?;
        self.form_from_json(&json)
    }

    fn form_from_json(self, json: &[u8]) -> Result<http::Request<Vec<u8>>, Error> {
        let tree: FormNode =
            serde_json::from_slice(json).map_err(|e| Error::Encode(e.to_string()))?;
        let mut out = String::new();
        if let FormNode::Map(members) = &tree {
            for (key, v) in members {
                form_pairs(key.clone(), v, &mut out);
            }
        }
        self.finish(out.into_bytes(), Some("application/x-www-form-urlencoded"))
    }
}

/// Writes the body params of a request one by one, straight into JSON
/// text: generated encoders call it field by field instead of deriving a
/// serializer per request, so the serde code is compiled once per field
/// type, not once per endpoint. The first error is kept for the finish.
pub struct BodyFields<'a> {
    map: serde_json::ser::Compound<'a, &'a mut Vec<u8>, serde_json::ser::CompactFormatter>,
    error: Option<serde_json::Error>,
}

impl BodyFields<'_> {
    /// A field that is always sent.
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if self.error.is_none() {
            if let Err(e) = serde::ser::SerializeMap::serialize_entry(&mut self.map, name, value) {
                self.error = Some(e);
            }
        }
    }

    /// An optional field: `None` (or a `Nullable`'s `Absent`) is left out.
    pub fn optional<T: crate::MaybeAbsent>(&mut self, name: &str, value: &T) {
        if !value.is_absent() {
            self.field(name, value);
        }
    }

    /// A flattened map: its entries sit in the body itself.
    pub fn flatten<V: Serialize>(&mut self, map: &std::collections::BTreeMap<String, V>) {
        for (key, value) in map {
            self.field(key, value);
        }
    }
}

/// A JSON value that keeps its keys in document order, for form bodies.
enum FormNode {
    Null,
    Scalar(String),
    Seq(Vec<FormNode>),
    Map(Vec<(String, FormNode)>),
}

impl<'de> serde::Deserialize<'de> for FormNode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;

        impl<'de> Visitor<'de> for V {
            type Value = FormNode;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_unit<E>(self) -> Result<FormNode, E> {
                Ok(FormNode::Null)
            }

            fn visit_bool<E>(self, v: bool) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_i64<E>(self, v: i64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_u64<E>(self, v: u64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_f64<E>(self, v: f64) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(serde_json::Value::from(v).to_string()))
            }

            fn visit_str<E>(self, v: &str) -> Result<FormNode, E> {
                Ok(FormNode::Scalar(v.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FormNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(FormNode::Seq(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FormNode, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, FormNode>()? {
                    members.push(entry);
                }
                Ok(FormNode::Map(members))
            }
        }

        deserializer.deserialize_any(V)
    }
}

fn form_pairs(key: String, value: &FormNode, out: &mut String) {
    match value {
        FormNode::Null => {}
        FormNode::Map(members) => {
            for (k, v) in members {
                form_pairs(format!("{key}[{k}]"), v, out);
            }
        }
        FormNode::Seq(items) => {
            for (i, v) in items.iter().enumerate() {
                form_pairs(format!("{key}[{i}]"), v, out);
            }
        }
        FormNode::Scalar(text) => {
            if !out.is_empty() {
                out.push('&');
            }
            percent_encode(&key, out);
            out.push('=');
            percent_encode(text, out);
        }
    }
}

/// RFC 3986's unreserved characters: all that travels unescaped.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str, out: &mut String) {
    out.extend(percent_encoding::utf8_percent_encode(text, UNRESERVED));
}

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Which documented response a server's answer is, by SPEC_FORMAT.md's
/// rules: the body's status slug first, then a code only one response has.
/// `table` lists each response's name and code.
///
/// A body that names a status the spec does not know is not matched by its
/// code: `{"status": "new-slug"}` under HTTP 200 is news from the server, not
/// the documented 200, so it stays `Unknown`.
pub fn dispatch(status: u16, slug: Option<&str>, table: &[ResponseSpec]) -> Option<usize> {
    if let Some(slug) = slug {
        return table.iter().position(|r| r.name == slug);
    }
    let mut matching = table
        .iter()
        .enumerate()
        .filter(|(_, r)| r.code == Some(status));
    match (matching.next(), matching.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Tells the documented responses of `R` apart by the spec's rules (the
/// body's status slug first, then a code only one response has) and decodes
/// the one that matches; an answer no rule matches is `Unknown`, kept whole.
pub fn decode_response<R, B>(response: &http::Response<B>) -> Result<R, Error>
where
    R: crate::EndpointResponse,
    B: AsRef<[u8]>,
{
    let received = crate::Received {
        status: response.status().as_u16(),
        headers: response.headers(),
        body: response.body().as_ref(),
    };
    let slug = R::STATUS_FIELD.and_then(|field| status_slug(received.body, field));
    let Some(index) = dispatch(received.status, slug.as_deref(), R::RESPONSES) else {
        return Ok(R::unknown(crate::RawResponse::from_http(response)));
    };
    R::decode(index, received).map_err(|why| {
        Error::decode(
            R::RESPONSES[index].name,
            why,
            crate::RawResponse::from_http(response),
        )
    })
}

/// For an API whose every documented response has one body type that holds
/// the status slug (PlanoCore's `Envelope`): the body is parsed once and the
/// slug read from it, with no scan. A body that is not of that type takes
/// [`decode_response`]'s path, so the outcome is the same either way.
pub fn decode_shared_body<R, T, B>(
    response: &http::Response<B>,
    slug: fn(&T) -> Option<&str>,
    variant: fn(usize, crate::Reply<T>) -> R,
) -> Result<R, Error>
where
    R: crate::EndpointResponse,
    T: DeserializeOwned,
    B: AsRef<[u8]>,
{
    let Ok(body) = body::<T>(response.body().as_ref()) else {
        return decode_response(response);
    };
    let status = response.status().as_u16();
    Ok(match dispatch(status, slug(&body), R::RESPONSES) {
        Some(index) => variant(index, crate::Reply { status, body }),
        None => R::unknown(crate::RawResponse::from_http(response)),
    })
}

/// The string at top-level key `field` of a JSON object body, found without
/// parsing the document: a byte scan skips nested values and strings, and
/// only the slug itself is decoded. Keys written with escapes fall back to a
/// serde scan, so the answer is always what a JSON parser would give.
pub fn status_slug(body: &[u8], field: &str) -> Option<String> {
    match scan_top_level_key(body, field.as_bytes()) {
        Scan::Found(at) => {
            let mut de = serde_json::Deserializer::from_slice(&body[at..]);
            <std::borrow::Cow<'_, str> as serde::Deserialize>::deserialize(&mut de)
                .ok()
                .map(std::borrow::Cow::into_owned)
        }
        Scan::Absent => None,
        Scan::Unsure => status_slug_serde(body, field),
    }
}

enum Scan {
    /// The offset of the key's value.
    Found(usize),
    Absent,
    /// An escaped key was met: only a parser can tell.
    Unsure,
}

fn scan_top_level_key(body: &[u8], field: &[u8]) -> Scan {
    let mut i = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    if body.get(i) != Some(&b'{') {
        return Scan::Absent;
    }
    i += 1;
    let mut depth = 1usize;
    // Whether the next string at depth 1 is a key (after `{` or `,`).
    let mut expect_key = true;
    while i < body.len() {
        match body[i] {
            b'"' => {
                let start = i + 1;
                let mut end = start;
                let mut escaped = false;
                // Jump from quote or backslash to the next one: strings are
                // most of a body's bytes.
                loop {
                    // Most strings are short: look at a few bytes by hand
                    // before paying for a memchr call.
                    let near = body
                        .get(end..body.len().min(end + 16))
                        .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'));
                    let next = near.or_else(|| {
                        let from = (end + 16).min(body.len());
                        let far = memchr::memchr2(b'"', b'\\', body.get(from..)?)?;
                        Some(far + from - end)
                    });
                    let Some(j) = next else {
                        end = body.len();
                        break;
                    };
                    end += j;
                    if body[end] == b'"' {
                        break;
                    }
                    escaped = true;
                    end += 2;
                }
                if end >= body.len() {
                    return Scan::Absent;
                }
                if depth == 1 && expect_key {
                    if escaped {
                        return Scan::Unsure;
                    }
                    if &body[start..end.min(body.len())] == field {
                        let colon = body[end + 1..]
                            .iter()
                            .position(|b| !b.is_ascii_whitespace());
                        return match colon.map(|c| end + 1 + c) {
                            Some(c) if body[c] == b':' => Scan::Found(c + 1),
                            _ => Scan::Absent,
                        };
                    }
                    expect_key = false;
                }
                i = end + 1;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Scan::Absent;
                }
            }
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
        i += 1;
    }
    Scan::Absent
}

/// The same answer through serde: skips values without building them.
fn status_slug_serde(body: &[u8], field: &str) -> Option<String> {
    struct Find<'a> {
        field: &'a str,
        found: &'a mut Option<String>,
    }

    impl<'de> Visitor<'de> for Find<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == self.field {
                    let value = map.next_value::<std::borrow::Cow<'de, str>>();
                    *self.found = value.ok().map(std::borrow::Cow::into_owned);
                    // Stop reading: the error only ends the scan early.
                    return Err(serde::de::Error::custom("found"));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }

    let mut found = None;
    let mut de = serde_json::Deserializer::from_slice(body);
    let _ = serde::Deserializer::deserialize_map(
        &mut de,
        Find {
            field,
            found: &mut found,
        },
    );
    found
}

/// Deserializes a body; an empty body reads as `null`. A body that does not
/// fit only because an integer is written `5.0` or `5e2` is read again with
/// it as `5` or `500` (JSON Schema's integer), rewritten as text, never
/// through `f64`: a number that is not exactly an integer in `i64` or `u64`
/// stays what it is and does not fit. The second read costs only bodies that
/// fail the first.
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let bytes = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    serde_json::from_slice(bytes).or_else(|e| {
        let again = integers_written_whole(bytes)
            .and_then(|rewritten| serde_json::from_slice(&rewritten).ok());
        again.ok_or_else(|| format!("the body does not fit: {}", without_values(&e.to_string())))
    })
}

/// JSON text with every number that is exactly an integer in `i64` or `u64`
/// but written with a fraction or an exponent (`5.0`, `-1.20e1`, `5e2`)
/// written as that integer (`5`, `-12`, `500`), digit for digit: no `f64` is
/// involved, so no digit above 2^53 is lost and nothing out of range is
/// clamped (`1e20` stays `1e20`). `None` when there is no such number.
pub(crate) fn integers_written_whole(json: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                // Skip the string, escapes included.
                i += 1;
                while i < json.len() && json[i] != b'"' {
                    i += if json[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < json.len()
                    && matches!(json[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                let token = &json[start..i];
                if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                    if let Some(integer) = exact_integer(token) {
                        let buf = out.get_or_insert_with(|| Vec::with_capacity(json.len()));
                        buf.extend_from_slice(&json[copied..start]);
                        buf.extend_from_slice(integer.as_bytes());
                        copied = i;
                    }
                }
            }
            _ => i += 1,
        }
    }
    let mut buf = out?;
    buf.extend_from_slice(&json[copied.min(json.len())..]);
    Some(buf)
}

/// The integer a JSON number token denotes, as decimal text, when it is
/// exactly one that `i64` or `u64` holds.
fn exact_integer(token: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(token).ok()?;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits: String = [whole, fraction].concat();
    // The value is `digits` × 10^scale.
    let scale = i64::from(exponent) - fraction.len() as i64;
    if scale >= 0 {
        if digits.trim_start_matches('0').is_empty() {
            digits = "0".into();
        } else if digits.trim_start_matches('0').len() as i64 + scale > 20 {
            return None;
        } else {
            digits.extend(std::iter::repeat_n('0', scale as usize));
        }
    } else {
        let drop = usize::try_from(-scale).ok()?;
        let kept = digits.len().saturating_sub(drop);
        if !digits[kept..].bytes().all(|b| b == b'0') {
            return None;
        }
        digits.truncate(kept);
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some("0".into());
    }
    let magnitude: u128 = digits.parse().ok()?;
    let fits = if negative {
        magnitude <= 1u128 << 63
    } else {
        magnitude <= u128::from(u64::MAX)
    };
    fits.then(|| format!("{}{digits}", if negative { "-" } else { "" }))
}

/// serde's message without the values it quotes (`invalid type: string
/// "s3cr3t", expected i64` → `invalid type: string, expected i64`): a value
/// may be a secret. Field and variant names (`missing field `email``) are
/// kept.
pub(crate) fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                let quoted: String = chars.by_ref().take_while(|&c| c != '`').collect();
                if out.ends_with("field ") || out.ends_with("variant ") {
                    out.push('`');
                    out.push_str(&quoted);
                    out.push('`');
                } else {
                    out.truncate(out.trim_end().len());
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.truncate(out.trim_end().len());
            }
            _ => out.push(c),
        }
    }
    out
}

/// A declared response header, parsed into its type.
pub fn header<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<Option<T>, String> {
    let Some(value) = headers.get(name) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| format!("the header `{name}` is not visible ASCII"))?;
    let as_str =
        T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text));
    match as_str {
        Ok(v) => Ok(Some(v)),
        Err(_) => serde_json::from_str(text)
            .map(Some)
            .map_err(|_| format!("the header `{name}` does not fit its type")),
    }
}

/// A declared response header that the spec marks required.
pub fn required_header<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    name: &str,
) -> Result<T, String> {
    header(headers, name)?.ok_or_else(|| format!("the required header `{name}` is missing"))
}

/// A request again, from its bytes (`http::Request` is not `Clone`): what a
/// retry sends, and what the fake server records.
#[allow(dead_code)] // used by the clients and the fake server, each behind a feature
pub(crate) fn copy_request(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}

/// `skip_serializing_if` for a borrowed optional field: `None`, or a
/// `Nullable`'s `Absent`.
pub fn is_absent<T: crate::MaybeAbsent>(value: &&T) -> bool {
    value.is_absent()
}

/// Deserializes a string enum through `from_wire`, borrowed or owned.
pub fn deserialize_str_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(&str) -> T,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct V<T>(fn(&str) -> T);

    impl<T> Visitor<'_> for V<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            Ok((self.0)(v))
        }
    }

    deserializer.deserialize_str(V(from_wire))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_integers_are_rewritten_and_digit_for_digit() {
        let rewrite = |text: &str| {
            integers_written_whole(text.as_bytes()).map(|b| String::from_utf8(b).unwrap())
        };
        assert_eq!(
            rewrite(r#"{"a":5.0,"b":[-7.00,1.5,2e3],"c":"9.0","d":1.20e1}"#).as_deref(),
            Some(r#"{"a":5,"b":[-7,1.5,2000],"c":"9.0","d":12}"#)
        );
        // Above 2^53, where f64 would lose the last digit.
        assert_eq!(
            rewrite("9007199254740993.0").as_deref(),
            Some("9007199254740993")
        );
        assert_eq!(
            rewrite("-9223372036854775808.0").as_deref(),
            Some("-9223372036854775808")
        );
        assert_eq!(
            rewrite("18446744073709551615.0").as_deref(),
            Some("18446744073709551615")
        );
        assert_eq!(rewrite("-0.0e5").as_deref(), Some("0"));
        assert_eq!(rewrite("0.000e-40").as_deref(), Some("0"));
        // Out of range, fractional, plain integers, strings: left alone.
        for text in [
            "-9223372036854775809.0",
            "18446744073709551616.0",
            "1e20",
            "1e400",
            "5.5",
            "15e-1",
            "-9223372036854775809",
            "5",
            r#"{"k\"5.0":"5.0"}"#,
            "",
            "-",
            "1.e",
            "\"unterminated 5.0",
        ] {
            assert_eq!(rewrite(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_integer_written_with_zeros_reads_as_itself(n: i64, zeros in 1usize..30, exp in 0u32..3) {
            // n.000 × 10^exp ÷ 10^exp, as `n000e-exp`-style text.
            let text = format!("{n}{}.{}e-{exp}", "0".repeat(exp as usize), "0".repeat(zeros));
            let rewritten = integers_written_whole(text.as_bytes()).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(rewritten).unwrap(), n.to_string());
        }

        #[test]
        fn any_text_rewrites_without_panic(text in ".*") {
            let _ = integers_written_whole(text.as_bytes());
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet_with_padding() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"{\"a\":\"\xff\"}"), "eyJhIjoi/yJ9");
    }

    #[test]
    fn path_params_are_one_segment() {
        let mut e = Encoder::new(http::Method::GET, "https://h.example/v2/");
        e.path("/people/");
        e.path_param("id", "a/b c@é");
        let request = e.no_body().unwrap();
        assert_eq!(
            request.uri(),
            "https://h.example/v2/people/a%2Fb%20c%40%C3%A9"
        );
        for (value, segment) in [("..", "%2E%2E"), (".", "%2E"), ("a.b", "a.b")] {
            let mut e = Encoder::new(http::Method::GET, "https://h.example");
            e.path("/items/");
            e.path_param("id", value);
            assert_eq!(
                e.no_body().unwrap().uri().path(),
                format!("/items/{segment}")
            );
        }
        let mut e = Encoder::new(http::Method::GET, "https://h.example");
        e.path("/items/");
        e.path_param("id", "");
        assert!(matches!(e.no_body(), Err(Error::Encode(_))));
    }

    #[test]
    fn query_leaves_out_none_and_repeats_arrays() {
        let mut e = Encoder::new(http::Method::GET, "http://h.example");
        e.path("/x");
        e.query("a", &None::<bool>);
        e.query("b", &Some(true));
        e.query("c", &["x y", "z"]);
        let request = e.no_body().unwrap();
        assert_eq!(request.uri(), "http://h.example/x?b=true&c=x%20y&c=z");
    }

    #[test]
    fn forms_use_brackets() {
        let e = Encoder::new(http::Method::POST, "http://h.example");
        let body = serde_json::json!({"a": {"b": 1}, "c": ["x", "y"], "d": null, "e": "f g"});
        // serde_json's map sorts keys, so this order is alphabetical.
        let request = e.form(&body).unwrap();
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            "a%5Bb%5D=1&c%5B0%5D=x&c%5B1%5D=y&e=f%20g"
        );
    }

    #[test]
    fn bad_base_urls_and_headers_are_encode_errors() {
        for url in ["api.example.com", "https://", "ftp://x", "https://h/?q"] {
            let e = Encoder::new(http::Method::GET, url);
            assert!(matches!(e.no_body(), Err(Error::Encode(_))), "{url}");
        }
        let mut e = Encoder::new(http::Method::GET, "https://h");
        e.header("X-Auth-Token", "secret\nvalue");
        let err = e.no_body().unwrap_err().to_string();
        assert!(
            err.contains("X-Auth-Token") && !err.contains("secret"),
            "{err}"
        );
    }

    #[test]
    fn dispatch_prefers_the_slug_then_a_unique_code() {
        let table = [
            ResponseSpec::new("ok", Some(200), true),
            ResponseSpec::new("a", Some(400), false),
            ResponseSpec::new("b", Some(400), false),
            ResponseSpec::new("rare", None, false),
        ];
        assert_eq!(dispatch(500, Some("a"), &table), Some(1));
        assert_eq!(dispatch(200, Some("nope"), &table), None);
        assert_eq!(dispatch(200, None, &table), Some(0));
        assert_eq!(dispatch(400, None, &table), None);
        assert_eq!(dispatch(200, Some("rare"), &table), Some(3));
        assert_eq!(dispatch(418, None, &table), None);
    }

    #[test]
    fn status_slug_reads_only_the_top_level_string() {
        assert_eq!(
            status_slug(
                br#"{"data":{"status":"inner"},"status":"action-successful"}"#,
                "status"
            ),
            Some("action-successful".into())
        );
        assert_eq!(status_slug(br#"{"status":3}"#, "status"), None);
        assert_eq!(
            status_slug(br#"{"status":"a\"b","x":[}"#, "status"),
            Some("a\"b".into())
        );
        assert_eq!(
            status_slug(br#"{"a":{"b":[1,{"c":2}]},"status":"late"}"#, "status"),
            Some("late".into())
        );
        assert_eq!(status_slug(b"not json", "status"), None);
        assert_eq!(status_slug(b"[1]", "status"), None);
    }

    #[test]
    fn serde_messages_lose_their_values() {
        assert_eq!(
            without_values("invalid type: integer `5`, expected a string at line 1"),
            "invalid type: integer, expected a string at line 1"
        );
        assert_eq!(
            without_values(r#"invalid type: string "s3\"cr3t", expected i64 at line 1 column 9"#),
            "invalid type: string, expected i64 at line 1 column 9"
        );
        assert_eq!(
            without_values("missing field `email`"),
            "missing field `email`"
        );
        assert_eq!(
            without_values("unknown variant `x`, expected one of"),
            "unknown variant `x`, expected one of"
        );
        let err = body::<i64>(br#""token-123""#).unwrap_err();
        assert!(!err.contains("token-123"), "{err}");
    }

    #[test]
    fn integers_written_with_a_zero_fraction_read_as_integers() {
        #[derive(serde::Deserialize, PartialEq, Debug)]
        struct Row {
            id: i64,
            share: f64,
            tags: Vec<i64>,
        }
        let row: Row = body(br#"{"id": 5.0, "share": 2.0, "tags": [1.0, 2]}"#).unwrap();
        assert_eq!(
            row,
            Row {
                id: 5,
                share: 2.0,
                tags: vec![1, 2]
            }
        );
        assert!(body::<Row>(br#"{"id": 5.5, "share": 1, "tags": []}"#).is_err());
    }

    #[test]
    fn headers_parse_into_their_types() {
        let mut h = http::HeaderMap::new();
        h.insert("Location", "https://x/1".parse().unwrap());
        h.insert("X-Count", "42".parse().unwrap());
        assert_eq!(
            required_header::<String>(&h, "location").unwrap(),
            "https://x/1"
        );
        assert_eq!(header::<i64>(&h, "x-count").unwrap(), Some(42));
        assert!(header::<i64>(&h, "Location").is_err());
        assert!(required_header::<String>(&h, "Missing").is_err());
    }

    proptest::proptest! {
        /// The byte scan answers what a JSON parser answers, on any object.
        #[test]
        fn the_slug_scan_agrees_with_a_parser(
            members in proptest::collection::vec((key(), json()), 0..5),
            pretty in proptest::bool::ANY,
        ) {
            let parts: Vec<String> = members
                .iter()
                .map(|(k, v)| {
                    let v = if pretty { serde_json::to_string_pretty(v).unwrap() } else { v.to_string() };
                    format!("{k}: {v}")
                })
                .collect();
            let body = format!("{{ {} }}", parts.join(" , "));
            proptest::prop_assert_eq!(
                status_slug(body.as_bytes(), "status"),
                status_slug_serde(body.as_bytes(), "status")
            );
        }
    }

    /// A key as JSON text: `status`, `status` written with an escape, or
    /// anything else (quotes, brackets and backslashes escaped by serde).
    fn key() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just(r#""status""#.to_string()),
            Just(r#""st\u0061tus""#.to_string()),
            r#"[a-z"{}\[\]:,\\ ]{0,6}"#.prop_map(|k| serde_json::to_string(&k).unwrap()),
        ]
    }

    fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<i32>().prop_map(serde_json::Value::from),
            r#"[a-z"{}\[\],:\\ ]{0,8}"#.prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("status|[a-z]{1,3}", inner, 0..3)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
