//! Layer `codec`: bodies read as they arrive, both ways. Server-sent
//! events (the WHATWG HTML standard's `text/event-stream`, §9.2.6) and
//! JSON lines are cut into items chunk by chunk, with no I/O: the clients
//! feed the chunks they read, and a chunk boundary anywhere (inside a
//! CRLF, inside a UTF-8 character, inside the byte order mark) gives the
//! items a whole body would. Writing them, for servers and fakes, sits
//! beside.

use std::collections::VecDeque;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, EventError, RawEvent};
use crate::spec::StreamKind;

use super::json::{body, without_values};

/// One server-sent event, its data typed as the spec's item type (the
/// response's `body`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event<T> {
    /// The event's type (its `event` field); `None` for the default,
    /// `message`.
    pub event: Option<String>,
    /// The last event ID when the event was dispatched: its own `id`
    /// field, else the one an earlier event set, as `EventSource` keeps
    /// it (what a client sends back as `Last-Event-ID` to resume).
    pub id: Option<String>,
    /// The reconnection time the event's block sets (`retry`).
    pub retry: Option<Duration>,
    /// The data (the `data` lines joined with `\n`), typed.
    pub data: T,
}

impl<T> Event<T> {
    /// An event of the default type (`message`) with `data` and no
    /// `id` or `retry`.
    pub fn new(data: T) -> Event<T> {
        Event {
            event: None,
            id: None,
            retry: None,
            data,
        }
    }
}

/// The byte order mark a stream may start with; the standard drops it.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a decoder refuses: an item (or a line in it) longer than the
/// client's body cap, so no stream can make the client hold without bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

/// Cuts a `text/event-stream` body into events, as the WHATWG standard's
/// event stream interpretation does: lines end at CRLF, LF or CR; a line
/// starting with `:` is a comment; `field: value` (one leading space
/// dropped); `data` lines joined with `\n`; `id` kept unless it holds NUL;
/// `retry` only when all ASCII digits; an empty line dispatches the event
/// (none when it has no data); an event the body ends in the middle of is
/// dropped.
#[derive(Debug, Clone)]
pub struct SseDecoder {
    /// The bytes of the line being read.
    line: Vec<u8>,
    /// The last byte read was a CR: a LF right after it ends no line.
    after_cr: bool,
    /// How many bytes of a leading byte order mark were read, until the
    /// first byte that is not one (then `None`).
    bom: Option<usize>,
    data: String,
    event: String,
    block_retry: Option<u64>,
    last_id: String,
    retry: Option<u64>,
    limit: usize,
}

impl SseDecoder {
    /// A decoder that refuses a line or event longer than `limit` bytes.
    pub fn new(limit: usize) -> SseDecoder {
        SseDecoder {
            line: Vec::new(),
            after_cr: false,
            bom: Some(0),
            data: String::new(),
            event: String::new(),
            block_retry: None,
            last_id: String::new(),
            retry: None,
            limit,
        }
    }

    /// Reads `chunk`, adding every event it completes to `out`.
    pub fn feed(&mut self, mut chunk: &[u8], out: &mut VecDeque<RawEvent>) -> Result<(), TooLarge> {
        while let (Some(seen), Some(&byte)) = (self.bom, chunk.first()) {
            if byte == BOM[seen] {
                chunk = &chunk[1..];
                self.bom = (seen + 1 < BOM.len()).then_some(seen + 1);
            } else {
                // Not a byte order mark after all: what looked like one
                // starts the first line.
                self.line.extend_from_slice(&BOM[..seen]);
                self.bom = None;
            }
        }
        while !chunk.is_empty() {
            if std::mem::take(&mut self.after_cr) && chunk[0] == b'\n' {
                chunk = &chunk[1..];
                continue;
            }
            match memchr::memchr2(b'\r', b'\n', chunk) {
                Some(end) => {
                    self.line.extend_from_slice(&chunk[..end]);
                    self.after_cr = chunk[end] == b'\r';
                    chunk = &chunk[end + 1..];
                    self.end_line(out);
                }
                None => {
                    self.line.extend_from_slice(chunk);
                    chunk = &[];
                }
            }
            if self.line.len() + self.data.len() > self.limit {
                return Err(TooLarge);
            }
        }
        Ok(())
    }

    /// The body has ended: an event not closed by an empty line is
    /// dropped, as the standard says.
    pub fn finish(&mut self) {
        self.line.clear();
        self.data.clear();
        self.event.clear();
        self.block_retry = None;
    }

    /// The last event ID set so far (`None` while none is).
    pub fn last_event_id(&self) -> Option<&str> {
        (!self.last_id.is_empty()).then_some(self.last_id.as_str())
    }

    /// The reconnection time the stream last set (`retry`).
    pub fn retry(&self) -> Option<Duration> {
        self.retry.map(Duration::from_millis)
    }

    fn end_line(&mut self, out: &mut VecDeque<RawEvent>) {
        let bytes = std::mem::take(&mut self.line);
        let line = String::from_utf8_lossy(&bytes);
        if line.is_empty() {
            self.dispatch(out);
            return;
        }
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (&*line, ""),
        };
        match field {
            "event" => value.clone_into(&mut self.event),
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
            }
            "id" if !value.contains('\0') => value.clone_into(&mut self.last_id),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                // Digits too many for a u64 are no time anyone waits: ignored.
                if let Ok(ms) = value.parse() {
                    self.retry = Some(ms);
                    self.block_retry = Some(ms);
                }
            }
            _ => {}
        }
    }

    fn dispatch(&mut self, out: &mut VecDeque<RawEvent>) {
        let retry = self.block_retry.take();
        let event = std::mem::take(&mut self.event);
        if self.data.is_empty() {
            return;
        }
        let mut data = std::mem::take(&mut self.data);
        data.pop();
        out.push_back(RawEvent {
            event: (!event.is_empty()).then_some(event),
            id: self.last_event_id().map(str::to_string),
            retry,
            data,
        });
    }
}

/// Cuts a JSON lines body into lines: each line one item, a CR before its
/// LF dropped, blank lines skipped, and a last line without a LF an item
/// too.
#[derive(Debug, Clone)]
pub struct LineDecoder {
    line: Vec<u8>,
    limit: usize,
}

impl LineDecoder {
    /// A decoder that refuses a line longer than `limit` bytes.
    pub fn new(limit: usize) -> LineDecoder {
        LineDecoder {
            line: Vec::new(),
            limit,
        }
    }

    /// Reads `chunk`, adding every line it completes to `out`.
    pub fn feed(&mut self, mut chunk: &[u8], out: &mut VecDeque<RawEvent>) -> Result<(), TooLarge> {
        while let Some(end) = memchr::memchr(b'\n', chunk) {
            self.line.extend_from_slice(&chunk[..end]);
            chunk = &chunk[end + 1..];
            self.end_line(out);
        }
        self.line.extend_from_slice(chunk);
        if self.line.len() > self.limit {
            return Err(TooLarge);
        }
        Ok(())
    }

    /// The body has ended: a last line without its LF is an item.
    pub fn finish(&mut self, out: &mut VecDeque<RawEvent>) {
        self.end_line(out);
    }

    fn end_line(&mut self, out: &mut VecDeque<RawEvent>) {
        let bytes = std::mem::take(&mut self.line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        out.push_back(RawEvent {
            data: String::from_utf8_lossy(bytes).into_owned(),
            ..RawEvent::default()
        });
    }
}

/// A decoder for a stream of either kind of items.
#[derive(Debug, Clone)]
pub enum ItemDecoder {
    /// Server-sent events.
    Sse(SseDecoder),
    /// JSON lines.
    Lines(LineDecoder),
}

impl ItemDecoder {
    /// A decoder of server-sent events, refusing one past `limit` bytes.
    pub fn sse(limit: usize) -> ItemDecoder {
        ItemDecoder::Sse(SseDecoder::new(limit))
    }

    /// A decoder of JSON lines, refusing one past `limit` bytes.
    pub fn lines(limit: usize) -> ItemDecoder {
        ItemDecoder::Lines(LineDecoder::new(limit))
    }

    /// Reads `chunk`, adding every item it completes to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut VecDeque<RawEvent>) -> Result<(), TooLarge> {
        match self {
            ItemDecoder::Sse(d) => d.feed(chunk, out),
            ItemDecoder::Lines(d) => d.feed(chunk, out),
        }
    }

    /// The body has ended.
    pub fn finish(&mut self, out: &mut VecDeque<RawEvent>) {
        match self {
            ItemDecoder::Sse(d) => d.finish(),
            ItemDecoder::Lines(d) => d.finish(out),
        }
    }

    /// The last event ID set so far (server-sent events).
    pub fn last_event_id(&self) -> Option<&str> {
        match self {
            ItemDecoder::Sse(d) => d.last_event_id(),
            ItemDecoder::Lines(_) => None,
        }
    }

    /// The reconnection time the stream last set (server-sent events).
    pub fn retry(&self) -> Option<Duration> {
        match self {
            ItemDecoder::Sse(d) => d.retry(),
            ItemDecoder::Lines(_) => None,
        }
    }
}

/// Every item of a whole body of `kind`, as the decoders cut it (none
/// for bytes).
pub fn raw_items(kind: StreamKind, body: &[u8]) -> Vec<RawEvent> {
    let mut out = VecDeque::new();
    let mut decoder = match kind {
        StreamKind::Sse => ItemDecoder::sse(usize::MAX),
        StreamKind::JsonLines => ItemDecoder::lines(usize::MAX),
        StreamKind::Bytes => return Vec::new(),
    };
    // No limit is passed, so none is met.
    let _ = decoder.feed(body, &mut out);
    decoder.finish(&mut out);
    out.into()
}

fn event_error(raw: RawEvent, message: String) -> Error {
    Error::Event(Box::new(EventError { message, raw }))
}

fn typed<T>(raw: RawEvent, data: T) -> Event<T> {
    Event {
        event: raw.event,
        id: raw.id,
        retry: raw.retry.map(Duration::from_millis),
        data,
    }
}

/// A server-sent event whose data is JSON of type `T` (read as a JSON
/// body is: empty data is `null`, `5.0` an integer).
pub fn json_event<T: DeserializeOwned>(raw: RawEvent) -> Result<Event<T>, Error> {
    match json_body(raw.data.as_bytes()) {
        Ok(data) => Ok(typed(raw, data)),
        Err(why) => Err(event_error(raw, format!("the event's data {why}"))),
    }
}

/// A server-sent event whose data is text (a `string` item type, or
/// none): the data as it came, read as a string value.
pub fn text_event<T: DeserializeOwned>(raw: RawEvent) -> Result<Event<T>, Error> {
    let as_str = T::deserialize(
        serde::de::value::StrDeserializer::<serde::de::value::Error>::new(&raw.data),
    );
    match as_str {
        Ok(data) => Ok(typed(raw, data)),
        Err(e) => {
            let why = without_values(&e.to_string());
            Err(event_error(
                raw,
                format!("the event's data does not fit: {why}"),
            ))
        }
    }
}

/// One JSON line, of type `T`.
pub fn json_line<T: DeserializeOwned>(raw: RawEvent) -> Result<T, Error> {
    json_body(raw.data.as_bytes()).map_err(|why| event_error(raw, format!("the line {why}")))
}

/// JSON text as a body is read, with the words of what did not fit (no value).
fn json_body<T: DeserializeOwned>(text: &[u8]) -> Result<T, String> {
    body(text).map_err(|why| {
        why.strip_prefix("the body ")
            .map_or(why.clone(), str::to_string)
    })
}

/// A whole body of server-sent events, each typed; the first that does
/// not fit is the error, naming its place.
pub fn decode_events<T: DeserializeOwned>(
    body: &[u8],
    text: bool,
) -> Result<Vec<Event<T>>, String> {
    let decode = if text { text_event } else { json_event };
    raw_items(StreamKind::Sse, body)
        .into_iter()
        .enumerate()
        .map(|(i, raw)| decode(raw).map_err(|e| item_message(i, &e)))
        .collect()
}

/// A whole body of JSON lines, each typed; the first that does not fit is
/// the error, naming its place.
pub fn decode_lines<T: DeserializeOwned>(body: &[u8]) -> Result<Vec<T>, String> {
    raw_items(StreamKind::JsonLines, body)
        .into_iter()
        .enumerate()
        .map(|(i, raw)| json_line(raw).map_err(|e| item_message(i, &e)))
        .collect()
}

fn item_message(index: usize, error: &Error) -> String {
    match error {
        Error::Event(e) => format!("item {index}: {}", e.message),
        other => format!("item {index}: {other}"),
    }
}

/// An item's data as text: a string as it is when the data is text,
/// else its JSON.
fn data_text<T: Serialize>(data: &T, text: bool) -> String {
    match serde_json::to_value(data) {
        Ok(serde_json::Value::String(s)) if text => s,
        Ok(value) => value.to_string(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

/// Writes server-sent events: `event`, `id` and `retry` where set, the
/// data a `data` line per line of it, an empty line after each.
pub fn write_events<T: Serialize>(events: &[Event<T>], text: bool) -> Vec<u8> {
    let mut out = String::new();
    for event in events {
        if let Some(name) = &event.event {
            out.push_str(&format!("event: {}\n", one_line(name)));
        }
        if let Some(id) = &event.id {
            out.push_str(&format!("id: {}\n", one_line(id)));
        }
        if let Some(retry) = event.retry {
            out.push_str(&format!("retry: {}\n", retry.as_millis()));
        }
        let data = data_text(&event.data, text)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        for line in data.split('\n') {
            out.push_str("data: ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// A field value on one line: a line break would end the field.
fn one_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

/// Writes JSON lines: each item's JSON and a LF.
pub fn write_lines<T: Serialize>(items: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    for item in items {
        out.extend_from_slice(data_text(item, false).as_bytes());
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(body: &[u8]) -> Vec<RawEvent> {
        raw_items(StreamKind::Sse, body)
    }

    fn event(event: Option<&str>, id: Option<&str>, retry: Option<u64>, data: &str) -> RawEvent {
        RawEvent {
            event: event.map(str::to_string),
            id: id.map(str::to_string),
            retry,
            data: data.to_string(),
        }
    }

    #[test]
    fn the_standards_examples_read_as_it_says() {
        // WHATWG HTML §9.2.6's examples.
        let stock = events(b"data: YHOO\ndata: +2\ndata: 10\n\n");
        assert_eq!(stock, [event(None, None, None, "YHOO\n+2\n10")]);

        let body = b": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n";
        assert_eq!(
            events(body),
            [
                event(None, Some("1"), None, "first event"),
                event(None, None, None, "second event"),
            ],
            "an empty `id` resets the last event ID; the unfinished third event is dropped"
        );

        let body = b"data\n\ndata\ndata\n\ndata:";
        assert_eq!(
            events(body),
            [event(None, None, None, ""), event(None, None, None, "\n")]
        );

        let body = b"data:test\n\ndata: test\n\n";
        assert_eq!(
            events(body),
            [
                event(None, None, None, "test"),
                event(None, None, None, "test")
            ]
        );
    }

    #[test]
    fn fields_are_read_as_the_standard_says() {
        let body = "\u{feff}event: add\r\nid: 7\rretry: 1500\r\ndata: {\"n\":1}\r\n\r\n\
                    retry: 2x\nretry: 30\nid: a\0b\n: comment\nunknown: field\ndata\n\n\
                    event: tick\n\nevent: later\ndata: x\n\n";
        assert_eq!(
            events(body.as_bytes()),
            [
                event(Some("add"), Some("7"), Some(1500), "{\"n\":1}"),
                event(None, Some("7"), Some(30), ""),
                event(Some("later"), Some("7"), None, "x"),
            ],
            "BOM dropped; CR, LF, CRLF; `retry` only digits; an `id` with NUL ignored; \
             an event without data not dispatched, its type not carried over"
        );
        let mut decoder = SseDecoder::new(usize::MAX);
        let mut out = VecDeque::new();
        decoder.feed(body.as_bytes(), &mut out).unwrap();
        assert_eq!(decoder.last_event_id(), Some("7"));
        assert_eq!(decoder.retry(), Some(Duration::from_millis(30)));
    }

    #[test]
    fn a_second_byte_order_mark_is_kept_and_a_partial_one_is_text() {
        assert_eq!(
            events("\u{feff}\u{feff}data: x\n\n".as_bytes()),
            [],
            "only one BOM is dropped: the second starts a field named U+FEFF `data`"
        );
        assert_eq!(
            events(b"\xEF\xBBdata: x\n\n"),
            [],
            "half a BOM is text (U+FFFD), starting an unknown field"
        );
        assert_eq!(events(b"\xEFdata: x\n\ndata: y\n\n").len(), 1);
    }

    #[test]
    fn lines_are_json_lines() {
        let items = raw_items(StreamKind::JsonLines, b"{\"a\":1}\r\n\n  \n[2]\n3");
        let data: Vec<&str> = items.iter().map(|e| e.data.as_str()).collect();
        assert_eq!(data, ["{\"a\":1}", "[2]", "3"]);
    }

    #[test]
    fn an_event_past_the_limit_is_refused() {
        let mut decoder = SseDecoder::new(16);
        let mut out = VecDeque::new();
        assert_eq!(decoder.feed(b"data: 0123456789\n", &mut out), Ok(()));
        assert_eq!(decoder.feed(b"data: 0123456789\n", &mut out), Err(TooLarge));
        let mut lines = LineDecoder::new(4);
        assert_eq!(lines.feed(b"1234\n12", &mut out), Ok(()));
        assert_eq!(lines.feed(b"345", &mut out), Err(TooLarge));
    }

    #[test]
    fn items_are_typed_and_a_bad_one_keeps_its_text() {
        let raw = event(Some("add"), Some("1"), Some(10), "{\"n\":1}");
        let typed: Event<serde_json::Value> = json_event(raw.clone()).unwrap();
        assert_eq!(typed.data, serde_json::json!({"n": 1}));
        assert_eq!(typed.retry, Some(Duration::from_millis(10)));
        let Err(Error::Event(bad)) = json_event::<u32>(raw.clone()) else {
            panic!("an object is not a u32");
        };
        assert_eq!(bad.raw, raw);
        let text: Event<String> = text_event(event(None, None, None, "\"quoted\"")).unwrap();
        assert_eq!(text.data, "\"quoted\"", "text data is kept as it came");
        assert!(json_line::<u32>(event(None, None, None, "{")).is_err());
    }

    #[test]
    fn written_events_read_back() {
        let sent = vec![
            Event {
                event: Some("add".to_string()),
                id: Some("1".to_string()),
                retry: Some(Duration::from_millis(250)),
                data: "two\nlines".to_string(),
            },
            Event {
                id: Some("2".to_string()),
                ..Event::new(String::new())
            },
        ];
        let body = write_events(&sent, true);
        assert_eq!(decode_events::<String>(&body, true).unwrap(), sent);
        let items = vec![serde_json::json!({"a": [1]}), serde_json::json!("x")];
        assert_eq!(
            decode_lines::<serde_json::Value>(&write_lines(&items)).unwrap(),
            items
        );
    }

    /// The standard's steps, over the whole body at once, written apart
    /// from the decoder: the text decoded first, then cut into lines.
    fn reference(body: &[u8]) -> Vec<RawEvent> {
        let body = body.strip_prefix(BOM).unwrap_or(body);
        let text = String::from_utf8_lossy(body)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let mut lines: Vec<&str> = text.split('\n').collect();
        // What follows the last line break is an unfinished line.
        lines.pop();
        let mut decoder = SseDecoder::new(usize::MAX);
        let mut out = VecDeque::new();
        for line in lines {
            decoder.line = line.as_bytes().to_vec();
            decoder.end_line(&mut out);
        }
        out.into()
    }

    /// Bytes an event stream is made of, and the ones that trip parsers.
    fn stream_bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let pieces: Vec<&'static [u8]> = vec![
            b"data",
            b"data:",
            b"data: ",
            b"event:",
            b"id:",
            b"retry:",
            b"12",
            b"x",
            b":",
            b" ",
            b"\r",
            b"\n",
            b"\r\n",
            b"\0",
            BOM,
            "é".as_bytes(),
            "😀".as_bytes(),
            b"\xFF",
            b"\xF0\x9F",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..40).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #[test]
        fn chunk_boundaries_never_change_the_events(
            body in stream_bytes(),
            cuts in proptest::collection::vec(0usize..200, 0..8),
        ) {
            let whole = events(&body);
            proptest::prop_assert_eq!(&whole, &reference(&body));
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (body.len() + 1)).collect();
            cuts.sort_unstable();
            let mut decoder = SseDecoder::new(usize::MAX);
            let mut out = VecDeque::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([body.len()]) {
                decoder.feed(&body[from..cut], &mut out).unwrap();
                from = cut;
            }
            decoder.finish();
            proptest::prop_assert_eq!(Vec::from(out), whole);
        }

        #[test]
        fn chunk_boundaries_never_change_the_lines(
            body in stream_bytes(),
            cut in 0usize..200,
        ) {
            let cut = cut % (body.len() + 1);
            let whole = raw_items(StreamKind::JsonLines, &body);
            let mut decoder = LineDecoder::new(usize::MAX);
            let mut out = VecDeque::new();
            decoder.feed(&body[..cut], &mut out).unwrap();
            decoder.feed(&body[cut..], &mut out).unwrap();
            decoder.finish(&mut out);
            proptest::prop_assert_eq!(Vec::from(out), whole);
        }
    }
}
