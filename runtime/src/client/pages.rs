//! Layer `client`: the walk over an endpoint's pages (its spec's
//! `pages`), written once for the async stream and the blocking iterator:
//! [`Walk`] says what to fetch and what each page gives the caller; the
//! clients only deliver the requests.
//!
//! The walk sends the first request as the caller built it. After each page
//! that is a documented success, it reads the page's items (and, for a
//! cursor, the next cursor) from the body, or the `Link` header, and builds
//! the next request: for a param that moves, by serializing the request by
//! wire name, setting that param, and reading it back with `from_params`,
//! so no code is generated per paged endpoint beyond its table. It ends
//! when no page follows (an empty page for page numbers and offsets, no
//! next cursor or link for the others) or after a page that is not a
//! success; a server that repeats a cursor, a link or the same items, or
//! names a next page after a run of empty ones, ends it with an error
//! instead of looping.

use std::collections::{HashSet, VecDeque};

use serde_json::Value;

use crate::codec::json::without_values;
use crate::codec::request::{copy_request, Params};
use crate::endpoint::{EndpointResponse, Paged};
use crate::error::{Error, PageError, PageStop, RawResponse};
use crate::spec::{In, PageStyle, Paging, WireKind};

use super::retry::Answer;
use super::settings::Settings;
use super::trace::SendSpan;

/// What to send next.
pub(crate) enum Next<E> {
    /// A request built from params.
    Request(E),
    /// The previous request, to another URL (a `Link`).
    Link(Box<http::Request<Vec<u8>>>),
}

/// What the page after a sent one is built from: the sent request's URL,
/// and its params by wire name (a walk that moves a param) or a copy of it
/// to send to the next link (a `Link` walk).
pub(crate) struct Outgoing {
    pub uri: http::Uri,
    pub from: Source,
}

/// What the next page's request is built from.
pub(crate) enum Source {
    /// The params of the request sent, by wire name.
    Params(serde_json::Map<String, Value>),
    /// The request sent, for the next link.
    Sent(Box<http::Request<Vec<u8>>>),
}

impl Source {
    /// The params to move one of (none for a link walk, which has no param).
    fn into_params(self) -> serde_json::Map<String, Value> {
        match self {
            Source::Params(params) => params,
            Source::Sent(_) => serde_json::Map::new(),
        }
    }
}

/// One page as fetched: the typed response, the items it holds (for a
/// documented success), and why the walk stops here, if it does early.
pub(crate) struct Page<R> {
    pub response: R,
    pub items: Vec<Value>,
    /// Why the walk cannot go on: told by the walk over items; the walk over
    /// pages tells it too unless the page is a failure, which says it.
    pub stop: Option<Error>,
    /// Whether the page is a documented success.
    pub success: bool,
}

/// Where a walk over pages is: what to send next, and what it has seen.
pub(crate) struct Pager<E> {
    paging: Paging,
    next: Option<Next<E>>,
    pages: usize,
    seen: HashSet<String>,
    /// The items of the last page, as text, to catch a server that ignores
    /// the param that moves.
    last_items: Option<String>,
    /// The first request's URL: a `Link` must stay on its origin.
    origin: Option<String>,
    /// Empty pages in a row.
    empty_run: usize,
}

/// How many empty pages in a row a cursor or link walk follows.
const MAX_EMPTY_RUN: usize = 16;

impl<E: Paged> Pager<E> {
    pub fn new(first: E) -> Pager<E> {
        Pager {
            paging: E::PAGING,
            next: Some(Next::Request(first)),
            pages: 0,
            seen: HashSet::new(),
            last_items: None,
            origin: None,
            empty_run: 0,
        }
    }

    /// What to send next, with what `after` needs to build the request
    /// after it; `None` when the walk is over.
    pub fn take(&mut self) -> Option<Next<E>> {
        self.next.take()
    }

    /// The number of the page being fetched, from 1.
    pub fn page_number(&self) -> usize {
        self.pages + 1
    }

    fn fail(&self, stop: PageStop, message: impl Into<String>, raw: Option<RawResponse>) -> Error {
        Error::Pages(Box::new(PageError {
            page: self.page_number(),
            stop,
            message: message.into(),
            raw,
        }))
    }

    /// The request for what comes next, encoded as `send` encodes it (the
    /// client's defaults, validation), and what the page after it is built
    /// from.
    pub fn encode(
        next: Next<E>,
        settings: &Settings,
    ) -> Result<(http::Request<Vec<u8>>, Outgoing), Error> {
        let (http, params) = match next {
            Next::Request(request) if E::PAGING.style != PageStyle::Link => {
                let params = Self::params_of(&request)?;
                (settings.prepare(request)?, Some(params))
            }
            Next::Request(request) => (settings.prepare(request)?, None),
            Next::Link(http) => (*http, None),
        };
        let from = match params {
            Some(params) => Source::Params(params),
            None => Source::Sent(Box::new(copy_request(&http))),
        };
        let uri = http.uri().clone();
        Ok((http, Outgoing { uri, from }))
    }

    /// Decodes what a page's send came back with, records it on its span,
    /// and reads the page.
    pub fn receive(
        &mut self,
        fetched: Result<(Outgoing, Answer), Error>,
        span: &SendSpan,
    ) -> Result<Page<E::Response>, Error> {
        // The attempts made, also when the last one failed.
        let (attempts, body_spent) = fetched
            .as_ref()
            .map_or((0, false), |(_, sent)| (sent.attempts, sent.body_spent));
        let decoded = fetched.and_then(|(out, sent)| {
            let raw = sent.result?;
            let response = <E::Response as EndpointResponse>::from_http(&raw)?;
            Ok((out, raw, response))
        });
        span.record(decoded.as_ref().map(|(_, _, r)| r), attempts, body_spent);
        let (out, raw, response) = decoded?;
        Ok(self.after(out.from, &out.uri, raw, response))
    }

    /// The params of `request` by wire name, before it is sent.
    pub fn params_of(request: &E) -> Result<serde_json::Map<String, Value>, Error> {
        match serde_json::to_value(request) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err(Error::Encode(
                "the request did not serialize as params".into(),
            )),
            Err(e) => Err(Error::Encode(e.to_string())),
        }
    }

    /// Reads a fetched page and decides what comes after it, built `from`
    /// the request sent to `uri`.
    pub fn after(
        &mut self,
        from: Source,
        uri: &http::Uri,
        raw: http::Response<Vec<u8>>,
        response: E::Response,
    ) -> Page<E::Response> {
        if self.origin.is_none() {
            self.origin = Some(origin(uri));
        }
        let mut items = Vec::new();
        let stop = self.read(from, uri, &raw, &response, &mut items).err();
        if stop.is_some() {
            self.next = None;
        }
        self.pages += 1;
        Page {
            success: response.is_success(),
            response,
            items,
            stop,
        }
    }

    /// Puts the page's items in `items` and sets what to send next; an
    /// error when the walk cannot go on (the items stay, unless they repeat
    /// the page before).
    fn read(
        &mut self,
        from: Source,
        uri: &http::Uri,
        raw: &http::Response<Vec<u8>>,
        response: &E::Response,
        items: &mut Vec<Value>,
    ) -> Result<(), Error> {
        let keep = || Some(RawResponse::from_http(raw));
        if !response.is_success() {
            return Err(self.fail(
                PageStop::NotSuccess,
                format!(
                    "the page was answered `{}` (HTTP {}), not a success",
                    response.name(),
                    response.http_status()
                ),
                keep(),
            ));
        }
        let mut body: Value = serde_json::from_slice(raw.body()).map_err(|e| {
            self.fail(
                PageStop::NoItems,
                format!("the page's body is not JSON: {e}"),
                keep(),
            )
        })?;
        let found = match at_mut(&mut body, self.paging.items).map(Value::take) {
            Some(Value::Array(found)) => found,
            // No items: `null`, or a key a later page leaves out when it
            // has none. On the first page a missing key is more likely a
            // wrong path in the spec, which must not pass for an empty list.
            Some(Value::Null) => Vec::new(),
            None if self.pages > 0 => Vec::new(),
            _ => {
                return Err(self.fail(
                    PageStop::NoItems,
                    format!(
                        "the page's body has no array of items at `{}`",
                        display_path(self.paging.items)
                    ),
                    keep(),
                ))
            }
        };
        let text = serde_json::to_string(&found).unwrap_or_default();
        let repeated = !found.is_empty() && self.last_items.as_deref() == Some(text.as_str());
        self.last_items = Some(text);
        let count = found.len() as i64;
        if repeated {
            // Whatever moves the pages, the server did not move: its items
            // are the page before's, and going on would give them again.
            let why = match self.paging.style {
                PageStyle::Link => "it does not follow its own links".to_string(),
                _ => format!("it does not read `{}`", self.paging.param),
            };
            return Err(self.fail(
                PageStop::RepeatedItems,
                format!("the server answered the same items as the page before: {why}"),
                keep(),
            ));
        }
        *items = found;
        let next = match self.paging.style {
            // The last page: an empty one, or one whose body says no page
            // follows (Django REST framework's `"next": null`), so the
            // walk never asks past the end.
            PageStyle::Page | PageStyle::Offset if count == 0 || self.says_last(&body) => None,
            PageStyle::Page | PageStyle::Offset => {
                let mut params = from.into_params();
                let (start, step) = match self.paging.style {
                    PageStyle::Page => (1, 1),
                    _ => (0, count),
                };
                let now = match params.get(self.paging.param) {
                    None | Some(Value::Null) => start,
                    Some(v) => v.as_i64().ok_or_else(|| {
                        self.fail(
                            PageStop::Rebuild,
                            format!("the param `{}` is not a whole number", self.paging.param),
                            None,
                        )
                    })?,
                };
                let Some(next) = now.checked_add(step) else {
                    return Err(self.fail(
                        PageStop::Overflow,
                        format!(
                            "the param `{}` would pass the largest integer",
                            self.paging.param
                        ),
                        None,
                    ));
                };
                params.insert(self.paging.param.into(), Value::from(next));
                Some(Next::Request(self.rebuild(params)?))
            }
            PageStyle::Cursor => match at(&body, self.paging.next) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if s.is_empty() => None,
                Some(cursor @ (Value::String(_) | Value::Number(_))) => {
                    let key = cursor.to_string();
                    if !self.seen.insert(key) {
                        return Err(self.fail(
                            PageStop::RepeatedCursor,
                            format!(
                                "the server gave a cursor at `{}` it gave before: the walk would never end",
                                display_path(self.paging.next)
                            ),
                            keep(),
                        ));
                    }
                    let mut params = from.into_params();
                    params.insert(self.paging.param.into(), self.cursor_value(cursor));
                    Some(Next::Request(self.rebuild(params)?))
                }
                Some(_) => {
                    return Err(self.fail(
                        PageStop::BadCursor,
                        format!(
                            "the next cursor at `{}` is not a string or a number",
                            display_path(self.paging.next)
                        ),
                        keep(),
                    ))
                }
            },
            PageStyle::Link => match self.next_url(&body, raw.headers()) {
                None => None,
                Some(link) => {
                    let linked = self
                        .resolve(&link, uri)
                        .map_err(|(stop, why)| self.fail(stop, why, keep()))?;
                    if !self.seen.insert(linked.to_string()) {
                        return Err(self.fail(
                            PageStop::RepeatedLink,
                            format!("the server's {} names a page fetched before: the walk would never end", self.link_source()),
                            keep(),
                        ));
                    }
                    match from {
                        Source::Sent(mut next) => {
                            *next.uri_mut() = self.with_client_params(linked, uri);
                            Some(Next::Link(next))
                        }
                        // A link walk keeps the request it sent.
                        Source::Params(_) => None,
                    }
                }
            },
        };
        // A cursor or a link may lead on past an empty page; a run of them,
        // each naming a next one, is a server that will not end.
        self.empty_run = match (&next, count) {
            (Some(_), 0) => self.empty_run + 1,
            _ => 0,
        };
        if self.empty_run > MAX_EMPTY_RUN {
            return Err(self.fail(
                PageStop::EmptyRun,
                format!("{MAX_EMPTY_RUN} empty pages in a row, each naming a next one: the walk would never end"),
                keep(),
            ));
        }
        self.next = next;
        Ok(())
    }

    /// Whether the body says no page follows: its `next` (where the spec
    /// names one) is `null`, absent or empty.
    fn says_last(&self, body: &Value) -> bool {
        !self.paging.next.is_empty()
            && match at(body, self.paging.next) {
                None | Some(Value::Null | Value::Bool(false)) => true,
                Some(Value::String(s)) => s.is_empty(),
                Some(_) => false,
            }
    }

    /// The next page's URL: the body's `next` where the spec names one
    /// (a URL, as Django REST framework writes it), else the `Link`
    /// header's `rel="next"`.
    fn next_url(&self, body: &Value, headers: &http::HeaderMap) -> Option<String> {
        if self.paging.next.is_empty() {
            return next_link(headers);
        }
        match at(body, self.paging.next) {
            Some(Value::String(url)) if !url.is_empty() => Some(url.clone()),
            _ => None,
        }
    }

    /// Where the next page's URL comes from, for messages.
    fn link_source(&self) -> String {
        match self.paging.next {
            "" => "`Link: rel=\"next\"`".to_string(),
            next => format!("body's `{}`", display_path(next)),
        }
    }

    /// A cursor as the param's type reads it: a number for a text param
    /// becomes its text.
    fn cursor_value(&self, cursor: &Value) -> Value {
        let text = E::PARAMS
            .iter()
            .find(|p| p.name == self.paging.param)
            .is_some_and(|p| matches!(p.kind, WireKind::Text));
        match cursor {
            Value::Number(n) if text => Value::String(n.to_string()),
            other => other.clone(),
        }
    }

    /// The linked URL, with the query params a client fills in (the
    /// credential, shared params) and the fixed ones that the sent request
    /// carried and the link leaves out: a server's link need not repeat them.
    fn with_client_params(&self, link: http::Uri, sent: &http::Uri) -> http::Uri {
        let carried: Vec<(String, String)> =
            form_urlencoded::parse(sent.query().unwrap_or("").as_bytes())
                .filter(|(name, _)| {
                    E::PARAMS.iter().any(|p| {
                        (p.client || p.fixed.is_some()) && p.location == In::Query && p.name == name
                    })
                })
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        let query = link.query().unwrap_or("");
        let present: Vec<String> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, _)| k.into_owned())
            .collect();
        let missing: Vec<&(String, String)> = carried
            .iter()
            .filter(|(k, _)| !present.contains(k))
            .collect();
        if missing.is_empty() {
            return link;
        }
        let mut added = form_urlencoded::Serializer::new(String::new());
        for (k, v) in missing {
            added.append_pair(k, v);
        }
        let added = added.finish();
        let joined = if query.is_empty() {
            format!("{}?{added}", link.path())
        } else {
            format!("{}?{query}&{added}", link.path())
        };
        let mut parts = link.clone().into_parts();
        match joined.parse() {
            Ok(path_and_query) => {
                parts.path_and_query = Some(path_and_query);
                http::Uri::from_parts(parts).unwrap_or(link)
            }
            Err(_) => link,
        }
    }

    fn rebuild(&self, params: serde_json::Map<String, Value>) -> Result<E, Error> {
        E::from_params(&mut Params::new(params)).map_err(|e| {
            self.fail(
                PageStop::Rebuild,
                format!("the next page's request could not be built: {e}"),
                None,
            )
        })
    }

    /// The URL a `Link` names, resolved against the request's, on the
    /// first request's origin only: a link elsewhere would carry the
    /// credential to another host.
    fn resolve(&self, link: &str, base: &http::Uri) -> Result<http::Uri, (PageStop, String)> {
        let absolute = if link.starts_with("http://") || link.starts_with("https://") {
            link.to_string()
        } else if link.starts_with('/') && !link.starts_with("//") {
            format!("{}{link}", origin(base))
        } else if let Some(query) = link.strip_prefix('?') {
            format!("{}{}?{query}", origin(base), base.path())
        } else {
            // The link is not shown: it may carry a key in its query.
            return Err((
                PageStop::BadLink,
                format!(
                    "the {} URL is neither absolute nor rooted",
                    self.link_source()
                ),
            ));
        };
        let uri: http::Uri = absolute.parse().map_err(|e| {
            (
                PageStop::BadLink,
                format!("the {} URL is not valid: {e}", self.link_source()),
            )
        })?;
        if Some(origin(&uri)) != self.origin {
            return Err((
                PageStop::ForeignOrigin,
                format!(
                    "the {} URL is on another origin; the walk does not follow it there with this request's credentials",
                    self.link_source()
                ),
            ));
        }
        Ok(uri)
    }
}

/// `scheme://authority` of a URI.
fn origin(uri: &http::Uri) -> String {
    format!(
        "{}://{}",
        uri.scheme_str().unwrap_or("http"),
        uri.authority().map_or("", |a| a.as_str())
    )
}

/// The value at a dotted path (`data.items`); the whole value for `""`.
fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .filter(|key| !key.is_empty())
        .try_fold(value, |v, key| v.get(key))
}

/// [`at`], to take the value out.
fn at_mut<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.')
        .filter(|key| !key.is_empty())
        .try_fold(value, |v, key| v.get_mut(key))
}

fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(the body)"
    } else {
        path
    }
}

/// The `rel="next"` target of a response's `Link` headers (RFC 8288): every
/// link value of every `Link` header, `rel` read as a space-separated list.
pub(crate) fn next_link(headers: &http::HeaderMap) -> Option<String> {
    for header in headers.get_all(http::header::LINK) {
        let Ok(text) = header.to_str() else { continue };
        let mut rest = text;
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>').map(|c| open + c) else {
                break;
            };
            let target = &rest[open + 1..close];
            let after = &rest[close + 1..];
            // The link's params run to the first comma outside quotes.
            let mut quoted = false;
            let comma = after.char_indices().find_map(|(at, c)| {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => return Some(at),
                    _ => {}
                }
                None
            });
            let (params, next) = match comma {
                Some(comma) => (&after[..comma], comma + 1),
                None => (after, after.len()),
            };
            let is_next = params.split(';').any(|param| {
                let Some((key, value)) = param.split_once('=') else {
                    return false;
                };
                key.trim().eq_ignore_ascii_case("rel")
                    && value
                        .trim()
                        .trim_matches('"')
                        .split_ascii_whitespace()
                        .any(|rel| rel.eq_ignore_ascii_case("next"))
            });
            if is_next {
                return Some(target.trim().to_string());
            }
            rest = &after[next..];
        }
    }
    None
}

/// Items of a page, each read into `I`.
pub(crate) fn typed_items<I: serde::de::DeserializeOwned>(
    page: usize,
    items: Vec<Value>,
) -> Vec<Result<I, Error>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            I::deserialize(item).map_err(|e| {
                Error::Pages(Box::new(PageError {
                    page,
                    stop: PageStop::ItemType { index: i },
                    message: format!(
                        "item {i} does not fit the item type: {}",
                        without_values(&e.to_string())
                    ),
                    raw: None,
                }))
            })
        })
        .collect()
}

/// A walk as both clients drive it: what to fetch next, and what each
/// page gives the caller (`O`: the page's response, or its items), queued
/// until asked for.
pub(crate) struct Walk<E: Paged, O> {
    pager: Pager<E>,
    ready: VecDeque<Result<O, Error>>,
    give: Give<E::Response, O>,
}

/// What a walk gives its caller from one page (numbered from 1).
type Give<R, O> = fn(&mut VecDeque<Result<O, Error>>, usize, Page<R>);

/// One page's request, ready for a client to deliver in its span.
pub(crate) struct Fetch {
    encoded: Result<(http::Request<Vec<u8>>, Outgoing), Error>,
    answer: Option<Answer>,
    /// The page's span.
    pub span: SendSpan,
}

impl Fetch {
    /// The request to deliver, once; `None` when it could not be built
    /// (the walk reports why).
    pub fn request(&mut self) -> Option<http::Request<Vec<u8>>> {
        let (http, _) = self.encoded.as_mut().ok()?;
        Some(std::mem::replace(http, http::Request::new(Vec::new())))
    }

    /// What the delivery came back with.
    pub fn answered(&mut self, answer: Answer) {
        self.answer = Some(answer);
    }
}

impl<E: Paged> Walk<E, E::Response> {
    /// Every page's response; a success that ends the walk early is
    /// followed by the error that ended it.
    pub fn pages(first: E) -> Self {
        Walk {
            pager: Pager::new(first),
            ready: VecDeque::new(),
            give: |ready, _, page| {
                let stop = page.stop.filter(|_| page.success);
                ready.push_back(Ok(page.response));
                ready.extend(stop.map(Err));
            },
        }
    }
}

impl<E: Paged, I: serde::de::DeserializeOwned> Walk<E, I> {
    /// Every item of every page, read into `I`.
    pub fn items(first: E) -> Self {
        Walk {
            pager: Pager::new(first),
            ready: VecDeque::new(),
            give: |ready, number, page| {
                ready.extend(typed_items::<I>(number, page.items));
                ready.extend(page.stop.map(Err));
            },
        }
    }
}

/// What a walk has for its caller next.
pub(crate) enum Step<O> {
    /// What a fetched page gave.
    Ready(Result<O, Error>),
    /// A page to deliver first, then hand back to [`Walk::receive`].
    Fetch(Box<Fetch>),
    /// The walk is over.
    Over,
}

impl<E: Paged, O> Walk<E, O> {
    /// What the caller gets next: what a fetched page gave, or the next
    /// page to fetch, encoded as `send` encodes a request.
    pub fn step(&mut self, settings: &Settings) -> Step<O> {
        if let Some(out) = self.ready.pop_front() {
            return Step::Ready(out);
        }
        match self.pager.take() {
            Some(next) => {
                // The span, and the page's deadline, start before encoding.
                let span = SendSpan::new::<E>();
                Step::Fetch(Box::new(Fetch {
                    encoded: Pager::encode(next, settings),
                    answer: None,
                    span,
                }))
            }
            None => Step::Over,
        }
    }

    /// Reads what a fetch came back with, and queues what the page gives.
    pub fn receive(&mut self, fetch: Box<Fetch>) {
        let fetch = *fetch;
        let number = self.pager.page_number();
        let fetched = fetch.encoded.and_then(|(_, out)| match fetch.answer {
            Some(answer) => Ok((out, answer)),
            None => Err(Error::Encode("the page was not delivered".into())),
        });
        match self.pager.receive(fetched, &fetch.span) {
            Ok(page) => (self.give)(&mut self.ready, number, page),
            Err(e) => self.ready.push_back(Err(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::next_link;

    fn link(value: &str) -> Option<String> {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::LINK, value.parse().unwrap());
        next_link(&headers)
    }

    #[test]
    fn finds_the_next_link_among_others() {
        assert_eq!(
            link(
                r#"<https://x.example/items?page=3>; rel="next", <https://x.example/items?page=9>; rel="last""#
            ),
            Some("https://x.example/items?page=3".into())
        );
        assert_eq!(
            link(
                r#"<https://x.example/a?page=1>; rel="prev first", </b?c=1,2>; title="a, <b>"; rel="next""#
            ),
            Some("/b?c=1,2".into())
        );
        assert_eq!(
            link("<https://x.example/next>; REL=next"),
            Some("https://x.example/next".into())
        );
        assert_eq!(link(r#"<https://x.example/last>; rel="last""#), None);
        assert_eq!(link("garbage without brackets"), None);
        assert_eq!(link("<unterminated; rel=next"), None);
    }

    proptest::proptest! {
        /// Any header text: no panic. A list of links whose one `rel` is
        /// `next`: that link's target, whatever its neighbours' params say.
        #[test]
        fn the_next_link_is_found_among_any_links(
            noise in "[ -~]{0,60}",
            links in proptest::collection::vec(
                ("[a-z0-9/?=&.,:-]{1,20}", "[a-z ]{0,10}", "[a-z,;= <>]{0,12}"),
                0..4,
            ),
            next_at in 0usize..4,
        ) {
            let mut headers = http::HeaderMap::new();
            if let Ok(value) = noise.parse() {
                headers.insert(http::header::LINK, value);
                let _ = next_link(&headers);
            }
            let mut parts = Vec::new();
            for (i, (target, rel, title)) in links.iter().enumerate() {
                // Any words but `next` (whatever its case) for the others.
                let rel = if i == next_at {
                    "next".to_string()
                } else {
                    rel.split(' ').filter(|w| !w.eq_ignore_ascii_case("next")).collect::<Vec<_>>().join(" ")
                };
                parts.push(format!("<{target}>; title=\"{title}\"; rel=\"{rel}\""));
            }
            headers.insert(http::header::LINK, parts.join(", ").parse().unwrap());
            let expected = links.get(next_at).map(|(target, _, _)| target.clone());
            proptest::prop_assert_eq!(next_link(&headers), expected);
        }
    }
}
