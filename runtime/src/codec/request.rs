//! Layer `codec`: a request on the wire, both ways. [`Encoder`] writes
//! one from a generated request's fields; [`decode_request`] reads one back
//! into params by wire name (the server's side), by the same tables.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, RequestError};
use crate::nullable::{MaybeAbsent, Nullable};
use crate::spec::{BodyEncoding, In, Metadata, ParamSpec, QueryStyle, WireKind};
use crate::upload::{Limits, Upload, UploadBody};
use crate::validate::ByteRules;

use super::form::{form_from_json, form_object, parse_pairs};
use super::json::{integers_written_whole, without_values};
use super::multipart::Parts;
use super::text::{
    base64_decode, base64_encode, each_text, percent_decode, percent_encode, percent_encode_also,
};

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
        self.put_path_param(name, value, "");
    }

    /// A path param that shares its segment with another one
    /// (`/files/{name}.{ext}`, `/range/{from}-{to}`): as [`Encoder::path_param`],
    /// and the characters of the literal text between the segment's
    /// placeholders (`separators`, here `.` and `-`) are percent-encoded
    /// inside the value too, so the segment's raw separators are the spec's
    /// own and any server splits it where the spec does: `a.b` and `c`
    /// travel as `a%2Eb.c`.
    pub fn path_param_beside<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        separators: &str,
    ) {
        self.put_path_param(name, value, separators);
    }

    /// A path param that is an array of scalars, in OpenAPI's `simple`
    /// style: the items joined by `,` in one segment (`/lines/1,4,7`), each
    /// percent-encoded with its own commas (and the segment's `separators`)
    /// encoded too, so a server splits the list where the client joined it.
    pub fn path_list<T: Serialize + ?Sized>(&mut self, name: &str, value: &T, separators: &str) {
        let url = &mut self.url;
        let start = url.len();
        let also = format!(",{separators}");
        let mut count = 0;
        let written = each_text(value, |text| {
            if count > 0 {
                url.push(',');
            }
            count += 1;
            percent_encode_also(text, &also, url);
        });
        match written {
            Err(why) => self.fail(format!("the path param `{name}`: {why}")),
            Ok(()) if self.url.len() == start => self.fail(format!(
                "the path param `{name}` is empty: the path would lose a segment"
            )),
            Ok(()) => {
                // Dot segments would be resolved away by URL parsers.
                let dots = self.url[start..].len();
                if self.url[start..].bytes().all(|b| b == b'.') && dots <= 2 {
                    self.url.truncate(start);
                    self.url.push_str(&"%2E".repeat(dots));
                }
            }
        }
    }

    fn put_path_param<T: Serialize + ?Sized>(&mut self, name: &str, value: &T, separators: &str) {
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
                text if separators.is_empty() => percent_encode(text, url),
                text => percent_encode_also(text, separators, url),
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

    /// A query key alone, with no `=` (`?acl`): a fixed query param whose
    /// value is empty, as APIs that route by a key's presence write it.
    /// Servers read it as the key with an empty value.
    pub fn query_key(&mut self, name: &str) {
        push_query_key(&mut self.url, &mut self.has_query, name);
    }

    /// A query param: `None` is left out, an array repeats the key.
    pub fn query<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let (url, has_query) = (&mut self.url, &mut self.has_query);
        let written = each_text(value, |text| push_query_pair(url, has_query, name, text));
        if let Err(why) = written {
            self.fail(format!("the query param `{name}`: {why}"));
        }
    }

    /// A query array under one key, its items joined by `separator` (`,`
    /// or `|`: `ids=1,2`). Each item is percent-encoded, its own
    /// separators too (`%2C`), so a server that splits before decoding
    /// gets the items back whole. An empty array sends nothing, as the
    /// key per item would.
    pub fn query_joined<T: Serialize + ?Sized>(&mut self, name: &str, value: &T, separator: char) {
        let (url, has_query) = (&mut self.url, &mut self.has_query);
        let mut count = 0;
        let written = each_text(value, |text| {
            if count == 0 {
                push_query_key(url, has_query, name);
                url.push('=');
            } else {
                url.push(separator);
            }
            count += 1;
            // `,` and `|` are no unreserved characters: an item's own are
            // sent escaped.
            percent_encode(text, url);
        });
        if let Err(why) = written {
            self.fail(format!("the query param `{name}`: {why}"));
        }
    }

    /// A query param written in brackets, as a form body writes values
    /// (`filter[status]=open`, `expand[0]=a`, `lines[0][qty]=2`): OpenAPI's
    /// `deepObject`. `None` and `null` send nothing.
    pub fn query_brackets<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let json = match serde_json::to_vec(value) {
            Ok(json) => json,
            Err(e) => return self.fail(format!("the query param `{name}`: {e}")),
        };
        let (url, has_query) = (&mut self.url, &mut self.has_query);
        let written = super::form::bracket_pairs(name, &json, &mut |key, text| {
            push_query_pair(url, has_query, key, text)
        });
        if let Err(e) = written {
            self.fail(format!("the query param `{name}`: {e}"));
        }
    }

    /// A flattened query map: each entry a query param of its own
    /// (`?search=leads&owner=ann`), an array value its key once per item.
    /// An entry a server would read as another param is refused: one
    /// named like any other param of the endpoint (`names`: `limit`), or
    /// under a bracketed one (`bracketed`: `filter[status]` beside
    /// `filter`).
    pub fn query_entries<V: Serialize>(
        &mut self,
        map: &std::collections::BTreeMap<String, V>,
        names: &[&str],
        bracketed: &[&str],
    ) {
        for (key, value) in map {
            let under = |name: &&&str| {
                key.strip_prefix(**name)
                    .is_some_and(|rest| rest.starts_with('['))
            };
            let taken = names
                .iter()
                .find(|n| *n == key)
                .or_else(|| bracketed.iter().find(under));
            match taken {
                Some(name) => self.fail(format!(
                    "the map entry `{key}` would be read as the param `{name}`"
                )),
                None => self.query(key, value),
            }
        }
    }

    /// The media types the endpoint answers with, as its `Accept` header
    /// (`image/png, application/json;q=0.9`); without it, `application/json`.
    pub fn accept(&mut self, media_types: &'static str) {
        match http::HeaderValue::from_str(media_types) {
            Ok(value) => {
                self.headers.insert(http::header::ACCEPT, value);
            }
            Err(_) => self.fail(format!("`{media_types}` cannot travel as `Accept`")),
        }
    }

    /// A cookie param: `name=value` in the request's one `Cookie` header
    /// (pairs joined by `; `), the value percent-encoded where RFC 6265
    /// allows no raw byte. `None` is left out.
    pub fn cookie<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.put_cookie(name, value, false);
    }

    /// A `sensitive` cookie param: the `Cookie` header is then marked
    /// sensitive, as a sensitive header is.
    pub fn secret_cookie<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.put_cookie(name, value, true);
    }

    fn put_cookie<T: Serialize + ?Sized>(&mut self, name: &str, value: &T, sensitive: bool) {
        // The pairs so far live in the one `Cookie` header itself: an
        // endpoint without cookies pays nothing for them.
        let earlier = self.headers.get(http::header::COOKIE);
        let mut cookies = earlier
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .unwrap_or_default();
        let secret = sensitive || earlier.is_some_and(http::HeaderValue::is_sensitive);
        let mut count = 0;
        let written = each_text(value, |text| {
            count += 1;
            if !cookies.is_empty() {
                cookies.push_str("; ");
            }
            cookies.push_str(name);
            cookies.push('=');
            cookies.extend(percent_encoding::utf8_percent_encode(text, COOKIE_VALUE));
        });
        match written {
            Err(why) => return self.fail(format!("the cookie `{name}`: {why}")),
            Ok(()) if count > 1 => {
                return self.fail(format!("the cookie `{name}` must be one scalar value"))
            }
            Ok(()) if count == 0 => return,
            Ok(()) => {}
        }
        match http::HeaderValue::from_str(&cookies) {
            Ok(mut value) => {
                value.set_sensitive(secret);
                self.headers.insert(http::header::COOKIE, value);
            }
            Err(_) => self.fail(format!(
                "the cookie name `{name}` cannot travel in a header"
            )),
        }
    }

    /// A `sensitive` header param: like [`header`](Self::header), and marked
    /// sensitive (`HeaderValue::set_sensitive`), so middleware that prints
    /// headers and HTTP/2's header compression leave it alone.
    pub fn secret_header<T: Serialize + ?Sized>(
        &mut self,
        name: http::HeaderName,
        spelled: &'static str,
        value: &T,
    ) {
        self.put_header(name, spelled, value, true);
    }

    /// A header param: `None` is left out. `name` is the header's name as
    /// `http` holds it (generated code makes it once, at compile time);
    /// `spelled` is the spec's spelling, for messages.
    pub fn header<T: Serialize + ?Sized>(
        &mut self,
        name: http::HeaderName,
        spelled: &'static str,
        value: &T,
    ) {
        self.put_header(name, spelled, value, false);
    }

    /// A header list: its items' texts joined by commas in one field line
    /// (OpenAPI's `simple` style; an empty list sends no header). An item
    /// that holds a comma would read back as two, so it is refused.
    pub fn header_list<T: Serialize + ?Sized>(
        &mut self,
        name: http::HeaderName,
        spelled: &'static str,
        value: &T,
        sensitive: bool,
    ) {
        let mut items: Vec<String> = Vec::new();
        let written = each_text(value, |text| items.push(text.to_string()));
        if let Err(why) = written {
            return self.fail(format!("the header `{spelled}`: {why}"));
        }
        if items.iter().any(|item| item.contains(',')) {
            return self.fail(format!(
                "the header `{spelled}` has an item that holds a comma, which separates its items"
            ));
        }
        if items.is_empty() {
            return;
        }
        match http::HeaderValue::from_str(&items.join(",")) {
            Ok(mut joined) => {
                joined.set_sensitive(sensitive);
                self.headers.append(name, joined);
            }
            Err(_) => self.fail(format!(
                "the header `{spelled}` has a value that cannot travel in a header (a line break or a non-visible character)"
            )),
        }
    }

    fn put_header<T: Serialize + ?Sized>(
        &mut self,
        header: http::HeaderName,
        name: &'static str,
        value: &T,
        sensitive: bool,
    ) {
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
        self,
        body: Vec<u8>,
        content_type: Option<&'static str>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        self.finish_with(body, content_type.map(http::HeaderValue::from_static))
    }

    fn finish_with(
        mut self,
        body: Vec<u8>,
        content_type: Option<http::HeaderValue>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        if let Some(why) = self.error {
            return Err(Error::Encode(why));
        }
        if let Some(ct) = content_type {
            self.headers.insert(http::header::CONTENT_TYPE, ct);
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

    /// Finishes with one param as the whole body, as JSON sent as
    /// `media_type` (a JSON array or scalar); `None` sends no body.
    pub fn whole_json<T: Serialize + ?Sized>(
        self,
        value: Option<&T>,
        media_type: &'static str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let body = value
            .map(serde_json::to_vec)
            .transpose()
            .map_err(|e| Error::Encode(e.to_string()))?;
        self.whole(body, media_type)
    }

    /// Finishes with one `bytes` param as the whole body, sent as they
    /// are as `media_type`; `None` sends no body.
    pub fn whole_binary<T: AsRef<[u8]> + ?Sized>(
        self,
        value: Option<&T>,
        media_type: &'static str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        self.whole(value.map(|v| v.as_ref().to_vec()), media_type)
    }

    /// Finishes with one `bytes` param that says `"stream": true` as the
    /// whole body, sent as `media_type`; `None` sends no body. Bytes in
    /// memory are the body, as `whole_binary` sends them; a file, a reader
    /// or a stream travels in the request's extensions, the body left
    /// empty, for the client to send as it reads it, by `rules` (the
    /// param `param`'s `min_length` and `max_length`).
    pub fn whole_upload(
        self,
        value: Option<&Upload>,
        media_type: &'static str,
        param: &'static str,
        rules: ByteRules,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let Some(upload) = value else {
            return self.whole(None, media_type);
        };
        if let Some(bytes) = upload.as_bytes() {
            return self.whole(Some(bytes.to_vec()), media_type);
        }
        let mut request = self.finish(Vec::new(), Some(media_type))?;
        request.extensions_mut().insert(UploadBody {
            upload: upload.clone(),
            limits: Limits {
                param,
                min: rules.min_length.map(|n| n as u64),
                max: rules.max_length.map(|n| n as u64),
            },
        });
        Ok(request)
    }

    /// Finishes with one `string` param as the whole body, sent as UTF-8
    /// text as `media_type`; `None` sends no body.
    pub fn whole_text<T: AsRef<str> + ?Sized>(
        self,
        value: Option<&T>,
        media_type: &'static str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        self.whole(value.map(|v| v.as_ref().as_bytes().to_vec()), media_type)
    }

    /// A whole body as `media_type`, or no body (and no `Content-Type`).
    fn whole(
        self,
        body: Option<Vec<u8>>,
        media_type: &'static str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        match body {
            None => self.finish(Vec::new(), None),
            Some(body) => self.finish(body, Some(media_type)),
        }
    }

    /// Finishes with the parts `write` writes, as `multipart/form-data`.
    pub fn multipart(
        mut self,
        write: impl FnOnce(&mut Parts),
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let mut parts = Parts::default();
        write(&mut parts);
        if let Some(why) = parts.error.take() {
            self.fail(why);
        }
        let (body, content_type) = parts.finish();
        let content_type = http::HeaderValue::from_str(&content_type)
            .map_err(|_| Error::Encode("the multipart boundary cannot travel".into()))?;
        self.finish_with(body, Some(content_type))
    }

    /// Finishes with the body params `write` writes, in `encoding`.
    pub fn body(
        self,
        encoding: BodyEncoding,
        write: impl FnOnce(&mut BodyFields<'_>),
    ) -> Result<http::Request<Vec<u8>>, Error> {
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
            // Generated code sends these bodies with `whole_binary` and
            // `whole_text`, never field by field.
            BodyEncoding::Binary | BodyEncoding::Text | BodyEncoding::Multipart => {
                Err(Error::Encode(
                    "binary, text and multipart bodies are not written field by field".into(),
                ))
            }
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
        let form = form_from_json(json).map_err(Error::Encode)?;
        self.finish(form.into_bytes(), Some("application/x-www-form-urlencoded"))
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
    pub fn optional<T: MaybeAbsent>(&mut self, name: &str, value: &T) {
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

/// A query key, percent-encoded, after `?` or, where the query has a pair
/// already, `&`.
fn push_query_key(url: &mut String, has_query: &mut bool, key: &str) {
    url.push(if *has_query { '&' } else { '?' });
    *has_query = true;
    percent_encode(key, url);
}

/// `key=text`, percent-encoded, as [`push_query_key`] places a key.
fn push_query_pair(url: &mut String, has_query: &mut bool, key: &str, text: &str) {
    push_query_key(url, has_query, key);
    url.push('=');
    percent_encode(text, url);
}

/// Reads a request into one JSON object of every param under its wire name,
/// ready for the generated `Request::from_params`.
pub fn decode_request<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    metadata: &Metadata,
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let params = metadata.params;
    if request.method() != metadata.method.to_http() {
        return Err(RequestError::NotThisEndpoint);
    }
    let path_values =
        match_path_raw(metadata.path, request.uri().path()).ok_or(RequestError::NotThisEndpoint)?;
    let query = request
        .uri()
        .query()
        .map(parse_pairs)
        .transpose()?
        .unwrap_or_default();
    // A fixed param names the endpoint, so it is read before the body.
    for param in params {
        if let Some(value) = param.fixed {
            let texts = wire_texts(request, param, &query, &path_values)?;
            match texts.as_slice() {
                [] => {
                    return Err(RequestError::Missing {
                        param: param.name.to_string(),
                        location: param.location,
                    })
                }
                [one] if one == value => {}
                _ => {
                    return Err(RequestError::Malformed {
                        param: param.name.to_string(),
                        message: format!(
                            "the endpoint `{}` is sent with `{value}` alone",
                            metadata.name
                        ),
                    })
                }
            }
        }
    }
    let encoding = metadata.body;
    let has_body_params = params.iter().any(|p| p.location == In::Body);
    let whole = params.iter().find(|p| p.whole_body.is_some());
    let mut object = match whole {
        Some(param) if encoding != BodyEncoding::None => read_whole_body(request, encoding, param)?,
        _ if has_body_params && encoding != BodyEncoding::None => {
            read_body(request, encoding, params)?
        }
        _ => serde_json::Map::new(),
    };
    // A body key named like a path, query or header param is not that
    // param (a param that shares its name with a body param is keyed apart).
    for param in params.iter().filter(|p| p.location != In::Body) {
        object.remove(param.key().as_ref());
    }
    for param in params.iter().filter(|p| p.fixed.is_none()) {
        if param.location == In::Body {
            continue;
        }
        if param.location == In::Query && param.flatten {
            // Every key no other param names is an entry (the map's
            // own name too: it has no key on the wire).
            let named = |key: &str| {
                params.iter().any(|p| {
                    (key == p.name && p.name != param.name)
                        || (p.style == QueryStyle::Brackets
                            && key
                                .strip_prefix(p.name)
                                .is_some_and(|rest| rest.starts_with('[')))
                })
            };
            // A map of `any` keeps each text as it is.
            let of = match param.kind {
                WireKind::Map(of) => *of,
                _ => WireKind::Text,
            };
            for (key, text) in query.iter().filter(|(key, _)| !named(key)) {
                if object.contains_key(key) {
                    return Err(RequestError::Malformed {
                        param: param.name.to_string(),
                        message: format!("`{key}` is sent more than once"),
                    });
                }
                object.insert(key.clone(), scalar(key, of, text)?);
            }
            continue;
        }
        if param.location == In::Query && param.style == QueryStyle::Brackets {
            if let Some(value) = super::form::bracketed(&query, param)? {
                object.insert(param.key().into_owned(), value);
            }
            continue;
        }
        let texts = wire_texts(request, param, &query, &path_values)?;
        if let Some(value) = typed(param, &texts)? {
            object.insert(param.key().into_owned(), value);
        }
    }
    for param in params.iter().filter(|p| p.required && !p.flatten) {
        match object.get(param.key().as_ref()) {
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
        if object.get(param.key().as_ref()) == Some(&serde_json::Value::Null) {
            return Err(RequestError::Malformed {
                param: param.name.to_string(),
                message:
                    "it is null, and the spec does not mark it `nullable` (leave it out instead)"
                        .into(),
            });
        }
    }
    for param in params.iter().filter(|p| !p.non_null.is_empty()) {
        let Some(value) = object.get(param.key().as_ref()) else {
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

/// The texts a non-body param has on the wire: the path's value, each
/// query pair of its name, its cookie, each of its header's values.
fn wire_texts<B>(
    request: &http::Request<B>,
    param: &ParamSpec,
    query: &[(String, String)],
    path_values: &[(String, String)],
) -> Result<Vec<String>, RequestError> {
    Ok(match param.location {
        In::Body => Vec::new(),
        // Still percent-encoded: a list is split at its raw commas first.
        In::Path => {
            let malformed = || RequestError::Malformed {
                param: param.name.to_string(),
                message: "the path segment is not valid percent-encoding".into(),
            };
            let mut texts = Vec::new();
            for (_, raw) in path_values.iter().filter(|(name, _)| name == param.name) {
                if matches!(param.kind, WireKind::List(_)) {
                    for item in raw.split(',') {
                        texts.push(percent_decode(item).ok_or_else(malformed)?);
                    }
                } else {
                    texts.push(percent_decode(raw).ok_or_else(malformed)?);
                }
            }
            texts
        }
        In::Query => match param.style.separator() {
            Some(separator) => joined_query_items(request.uri().query(), param, separator)?,
            None => query
                .iter()
                .filter(|(name, _)| name == param.name)
                .map(|(_, v)| v.clone())
                .collect(),
        },
        // A name sent twice (a browser sends one per matching path,
        // the most specific first): the first.
        In::Cookie => cookies(request.headers())
            .find(|(name, _)| *name == param.name)
            .map(|(_, value)| {
                percent_decode(value).ok_or_else(|| RequestError::Malformed {
                    param: param.name.to_string(),
                    message: "the cookie is not valid percent-encoding".into(),
                })
            })
            .transpose()?
            .into_iter()
            .collect(),
        In::Header => {
            let mut texts = Vec::new();
            for value in request.headers().get_all(param.name) {
                let text = value.to_str().map_err(|_| RequestError::Malformed {
                    param: param.name.to_string(),
                    message: "not visible ASCII".into(),
                })?;
                // A list's items, joined by commas in each field line
                // (empty ones, which RFC 9110 lets a list carry, are none).
                match param.kind {
                    WireKind::List(_) => texts.extend(
                        text.split(',')
                            .map(|item| item.trim_matches([' ', '\t']))
                            .filter(|item| !item.is_empty())
                            .map(str::to_string),
                    ),
                    _ => texts.push(text.to_string()),
                }
            }
            texts
        }
    })
}

/// The items of a query array joined under its key (`ids=1,2`), split at
/// the raw separators before decoding, so an item's own (`%2C`) stay in
/// it; every pair of its key adds its items. An empty value is no item.
fn joined_query_items(
    query: Option<&str>,
    param: &ParamSpec,
    separator: char,
) -> Result<Vec<String>, RequestError> {
    let malformed = || RequestError::Malformed {
        param: param.name.to_string(),
        message: "the query value is not valid percent-encoding".into(),
    };
    // Form decoding of one component: `+` is a space.
    let decode = |raw: &str| percent_decode(&raw.replace('+', " "));
    let mut items = Vec::new();
    for pair in query.unwrap_or_default().split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if decode(key).as_deref() != Some(param.name) || value.is_empty() {
            continue;
        }
        for item in value.split(separator) {
            items.push(decode(item).ok_or_else(malformed)?);
        }
    }
    Ok(items)
}

/// How a request fits an endpoint among others on its method and path:
/// how many of its fixed params the request carries, each with its one
/// value, then how many of its required query, header and cookie params,
/// then whether its body is of the endpoint's media type; `None` when it
/// lacks a fixed or required param or carries another value. A router
/// picks the endpoint it fits with the most fixed params, then the most
/// required ones (S3's `DELETE /{Bucket}/{Key}?uploadId=…` aborts an
/// upload, the same without `uploadId` deletes the object), then the one
/// whose body's media type it sends (Azure's `POST /analyze` of an image's
/// URL in JSON, or of the image's bytes).
#[allow(dead_code)] // used by the fake server, behind a feature
pub(crate) fn route_fit<B>(
    request: &http::Request<B>,
    metadata: &Metadata,
) -> Option<(usize, usize, bool)> {
    let body = body_fits(request, metadata);
    let asked = |p: &&ParamSpec| {
        p.fixed.is_some()
            || (p.required && matches!(p.location, In::Query | In::Header | In::Cookie))
    };
    if !metadata.params.iter().any(|p| asked(&p)) {
        return Some((0, 0, body));
    }
    let path_values = match_path_raw(metadata.path, request.uri().path())?;
    let query = request
        .uri()
        .query()
        .map(parse_pairs)
        .transpose()
        .ok()?
        .unwrap_or_default();
    let (mut fixed, mut required) = (0, 0);
    for param in metadata.params.iter().filter(asked) {
        if param.fixed.is_some() {
            let texts = wire_texts(request, param, &query, &path_values).ok()?;
            if texts.len() != 1 || Some(texts[0].as_str()) != param.fixed {
                return None;
            }
            fixed += 1;
            continue;
        }
        let present = match param.location {
            // Its key, or, in brackets, a key under it (`filter[status]`).
            In::Query => query.iter().any(|(key, _)| {
                key == param.name
                    || key
                        .strip_prefix(param.name)
                        .is_some_and(|rest| rest.starts_with('['))
            }),
            In::Header => request.headers().contains_key(param.name),
            _ => !wire_texts(request, param, &query, &path_values)
                .ok()?
                .is_empty(),
        };
        if !present {
            return None;
        }
        required += 1;
    }
    Some((fixed, required, body))
}

/// Whether the request's `Content-Type` is the media type of the
/// endpoint's body (any JSON one for a JSON body; none for an endpoint
/// without a body).
fn body_fits<B>(request: &http::Request<B>, metadata: &Metadata) -> bool {
    let sent = media_type(request);
    let whole = metadata
        .params
        .iter()
        .find_map(|p| p.whole_body)
        .map(crate::spec::essence);
    let has_body = metadata.params.iter().any(|p| p.location == In::Body);
    let Some(sent) = sent else {
        return metadata.body == BodyEncoding::None || !has_body;
    };
    if !has_body {
        return false;
    }
    match metadata.body {
        BodyEncoding::None => false,
        BodyEncoding::Json => match whole {
            Some(own) if own != "application/json" => sent == own,
            _ => sent == "application/json" || sent.ends_with("+json"),
        },
        BodyEncoding::Base64Json => sent == "text/plain",
        BodyEncoding::Form => sent == "application/x-www-form-urlencoded",
        BodyEncoding::Multipart => sent == "multipart/form-data",
        BodyEncoding::Binary | BodyEncoding::Text => match whole.as_deref() {
            Some("*/*") => true,
            Some(own) => match own.strip_suffix("/*") {
                Some(kind) => sent.split('/').next() == Some(kind),
                None => sent == own,
            },
            None => false,
        },
    }
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
            message: without_values(&e.to_string()),
        })
    }

    /// Takes the optional, nullable param `name`: absent, `null` or a value.
    pub fn take_nullable<T: DeserializeOwned>(
        &mut self,
        name: &'static str,
    ) -> Result<Nullable<T>, RequestError> {
        match self.object.contains_key(name) {
            true => self.take(name),
            false => Ok(Nullable::Absent),
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
            message: without_values(&e.to_string()),
        })
    }
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

pub(crate) fn scalar(
    name: &str,
    kind: WireKind,
    text: &str,
) -> Result<serde_json::Value, RequestError> {
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
        WireKind::Scalars(members) => members
            .iter()
            .find_map(|kind| scalar(name, *kind, text).ok())
            .unwrap_or_else(|| text.into()),
        WireKind::Union(members) => members
            .iter()
            .filter(|kind| is_scalar(**kind))
            .find_map(|kind| scalar(name, *kind, text).ok())
            .unwrap_or_else(|| text.into()),
        WireKind::Text
        | WireKind::Other
        | WireKind::List(_)
        | WireKind::Map(_)
        | WireKind::Object(_)
        | WireKind::File
        | WireKind::Bytes => text.into(),
    })
}

/// Whether a kind reads one text (and not an object or an array).
fn is_scalar(kind: WireKind) -> bool {
    matches!(
        kind,
        WireKind::Text
            | WireKind::Integer
            | WireKind::Number
            | WireKind::Boolean
            | WireKind::Scalars(_)
            | WireKind::Bytes
    )
}

/// The content type's media type, lowercase, without parameters.
fn media_type<B>(request: &http::Request<B>) -> Option<String> {
    request
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(crate::spec::essence)
}

/// A body that is one param as a whole: `{name: value}`, or nothing for
/// an empty body. Bytes become base64 text, which `Bytes` reads back.
fn read_whole_body<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    encoding: BodyEncoding,
    param: &ParamSpec,
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let bytes = request.body().as_ref();
    let mut object = serde_json::Map::new();
    if bytes.is_empty() {
        return Ok(object);
    }
    let value: serde_json::Value = match encoding {
        BodyEncoding::Binary => base64_encode(bytes).into(),
        BodyEncoding::Text => std::str::from_utf8(bytes)
            .map_err(|_| RequestError::Body {
                message: "the text body is not UTF-8".into(),
            })?
            .into(),
        _ => {
            // JSON, by any JSON media type: `application/json` or `…+json`.
            if let Some(ct) = media_type(request) {
                if ct != "application/json" && !ct.ends_with("+json") {
                    return Err(RequestError::Body {
                        message: format!("the content type is `{ct}`, not JSON"),
                    });
                }
            }
            let rewritten = integers_written_whole(bytes);
            serde_json::from_slice(rewritten.as_deref().unwrap_or(bytes)).map_err(|e| {
                RequestError::Body {
                    message: format!("the body is not JSON: {e}"),
                }
            })?
        }
    };
    // An optional body sent as JSON `null` is no body: a body is never
    // `null` in a spec (SPEC_FORMAT.md), and a document that says it may
    // be means it may be left out.
    if value.is_null() && !param.required {
        return Ok(object);
    }
    object.insert(param.name.to_string(), value);
    Ok(object)
}

#[cfg(feature = "multipart")]
fn read_multipart<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let content_type = request
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    super::multipart::read_multipart(request.body().as_ref(), content_type, params)
}

#[cfg(not(feature = "multipart"))]
fn read_multipart<B: AsRef<[u8]>>(
    _: &http::Request<B>,
    _: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    Err(RequestError::Body {
        message: "reading multipart bodies needs the `multipart` feature of endpoints".into(),
    })
}

fn read_body<B: AsRef<[u8]>>(
    request: &http::Request<B>,
    encoding: BodyEncoding,
    params: &[ParamSpec],
) -> Result<serde_json::Map<String, serde_json::Value>, RequestError> {
    let bytes = request.body().as_ref();
    let content_type = media_type(request);
    let expected = match encoding {
        BodyEncoding::Json => "application/json",
        BodyEncoding::Base64Json => "text/plain",
        BodyEncoding::Form => "application/x-www-form-urlencoded",
        // Read by `read_whole_body`: their one param is the body.
        BodyEncoding::Binary | BodyEncoding::Text | BodyEncoding::None => {
            return Ok(serde_json::Map::new())
        }
        BodyEncoding::Multipart => return read_multipart(request, params),
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
    let rewritten = integers_written_whole(bytes);
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

/// The placeholders of `path` that fit `template`, percent-decoded. A
/// template segment is literal text, one placeholder with literal text
/// around it (`{name}.json`, `{project}:run`), or several placeholders
/// with literal text between them (`{name}.{ext}`, `{from}-{to}`). Every
/// value is non-empty; literal text that does not match is no match.
#[allow(dead_code)] // used by the fake server, behind a feature, and tests
pub(crate) fn match_path(template: &str, path: &str) -> Option<Vec<(String, String)>> {
    match_path_raw(template, path)?
        .into_iter()
        .map(|(name, raw)| Some((name, percent_decode(&raw)?)))
        .collect()
}

/// As [`match_path`], each value as it is on the wire, still
/// percent-encoded: a list (`1,2,3`) is split before it is decoded, so an
/// item's own `%2C` stays in the item.
fn match_path_raw(template: &str, path: &str) -> Option<Vec<(String, String)>> {
    let mut values = Vec::new();
    let mut parts = path.split('/');
    for segment in template.split('/') {
        let part = parts.next()?;
        if segment.contains('{') {
            match_segment(segment, part, &mut values)?;
        } else if segment != part {
            return None;
        }
    }
    parts.next().is_none().then_some(values)
}

/// One segment of a template against one segment of a path, its values
/// pushed onto `values`.
///
/// The segment's prefix and suffix are fixed; between them each
/// placeholder takes the shortest non-empty text that lets the rest of the
/// segment match: `{name}.{ext}` reads `a.tar.gz` as `a` and `tar.gz`.
/// Clients send a value's separator characters percent-encoded
/// ([`Encoder::path_param_beside`]), so for what they send the split is the
/// one they meant whichever way a server reads it.
///
/// No backtracking: whether the placeholders from the `i`-th on can match
/// from a byte depends only on whether that byte is at most `latest[i]`
/// (a value may be any non-empty text, so starting earlier only makes it
/// longer). A pass from the end finds `latest`; a pass from the start then
/// ends each value at the first separator that still leaves the rest
/// room, which is the shortest choice. Linear in the segment's length,
/// whatever the path a client sends.
fn match_segment(segment: &str, part: &str, values: &mut Vec<(String, String)>) -> Option<()> {
    // literals[0] {names[0]} literals[1] … {names[k - 1]} literals[k]
    let (mut names, mut literals) = (Vec::new(), Vec::new());
    let mut rest = segment;
    while let Some((literal, after)) = rest.split_once('{') {
        let Some((name, after)) = after.split_once('}') else {
            break;
        };
        literals.push(literal);
        names.push(name);
        rest = after;
    }
    literals.push(rest);
    if names.is_empty() {
        return (segment == part).then_some(());
    }
    let middle = part
        .strip_prefix(literals[0])?
        .strip_suffix(literals[names.len()])?;
    let separators = &literals[1..names.len()];
    let bytes = middle.as_bytes();
    // latest[i]: the last byte where value `i` may start.
    let mut latest = vec![0; names.len()];
    let last = names.len().checked_sub(1)?;
    latest[last] = bytes.len().checked_sub(1)?;
    for i in (0..last).rev() {
        let at = memchr::memmem::rfind(&bytes[..latest[i + 1]], separators[i].as_bytes())?;
        latest[i] = at.checked_sub(1)?;
    }
    let mut start = 0;
    for (i, name) in names.iter().enumerate() {
        if start > latest[i] {
            return None;
        }
        let (end, next) = match separators.get(i) {
            None => (bytes.len(), bytes.len()),
            Some(separator) => {
                let room = bytes.get(start + 1..latest[i + 1])?;
                let end = start + 1 + memchr::memmem::find(room, separator.as_bytes())?;
                (end, end + separator.len())
            }
        };
        values.push((name.to_string(), middle.get(start..end)?.to_string()));
        start = next;
    }
    Some(())
}

/// What a cookie value cannot hold raw (RFC 6265's cookie-octet leaves out
/// controls, space, `"`, `,`, `;` and `\\`), and `%` so that decoding gives
/// the value back.
const COOKIE_VALUE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// The `name=value` pairs of a request's `Cookie` headers (RFC 6265
/// §4.2: pairs separated by `; `), as sent.
fn cookies(headers: &http::HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        // RFC 6265 allows a value in double quotes: the quotes are not part
        // of it.
        .map(|(name, value)| {
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            (name.trim(), unquoted)
        })
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
    if let Some(upload) = request.extensions().get::<UploadBody>() {
        copy.extensions_mut().insert(upload.clone());
    }
    copy
}
