//! Layer `client`: a streamed response read as it arrives, as both client
//! shells read it: which answer is the stream, and the items cut from the
//! chunks and typed. The shells only read the chunks (awaiting or
//! blocking); the cutting is `codec::stream`'s.

use std::collections::VecDeque;
use std::time::Duration;

use crate::codec::response::dispatch;
use crate::codec::stream::ItemDecoder;
use crate::endpoint::{StreamItems, Streaming};
use crate::error::{Error, RawEvent};
use crate::spec::StreamKind;

/// What a streaming call (`download`, `events`) came back with: the
/// response its spec declares a stream, its body still arriving, or any
/// other answer, read whole (within `max_body_size`) and decoded as `send`
/// decodes it, so an error response loses nothing.
#[derive(Debug)]
pub enum Streamed<R, B> {
    /// The streamed response: its status and headers, and its body as it
    /// arrives.
    Stream(StreamReply<B>),
    /// Any other answer, decoded.
    Response(R),
}

impl<R, B> Streamed<R, B> {
    /// The stream, or the other answer as the error.
    pub fn into_stream(self) -> Result<StreamReply<B>, R> {
        match self {
            Streamed::Stream(reply) => Ok(reply),
            Streamed::Response(response) => Err(response),
        }
    }

    /// The same answer, its stream's body made another.
    pub(crate) fn map_body<C>(self, f: impl FnOnce(B) -> C) -> Streamed<R, C> {
        match self {
            Streamed::Stream(reply) => Streamed::Stream(StreamReply {
                status: reply.status,
                headers: reply.headers,
                body: f(reply.body),
            }),
            Streamed::Response(response) => Streamed::Response(response),
        }
    }
}

/// The streamed response: status and headers as they came, and the body
/// as it arrives (a stream or reader of bytes, or of items).
#[derive(Debug)]
pub struct StreamReply<B> {
    /// The HTTP status the server sent.
    pub status: u16,
    /// The headers the server sent.
    pub headers: http::HeaderMap,
    /// The body, as it arrives.
    pub body: B,
}

/// Whether an answer of `status` is `E`'s streamed response (told apart by
/// its code: a stream's body cannot be read for a status slug first).
pub(crate) fn is_stream<E: Streaming>(status: u16) -> bool {
    dispatch(status, None, E::RESPONSES) == Some(E::STREAM)
}

/// Whether an error reading a stream is its connection breaking off (reset,
/// timed out), which a subscription answers by reconnecting; any other (an
/// item past `max_body_size`) another connection would meet again.
pub(crate) fn broke_off(error: &Error) -> bool {
    matches!(
        error,
        Error::Transport(_) | Error::Connect(_) | Error::Timeout
    )
}

/// The items of a stream, cut from its chunks as they are read and typed:
/// what both shells' item streams hold beside the body they read.
pub(crate) struct Items<T> {
    decoder: ItemDecoder,
    ready: VecDeque<RawEvent>,
    decode: fn(RawEvent) -> Result<T, Error>,
    /// What ends the stream, given after the items before it.
    error: Option<Error>,
    ended: bool,
    limit: usize,
}

impl<T> Items<T> {
    /// The items of `E`'s stream; an item past `limit` bytes ends it.
    pub fn new<E: StreamItems<Item = T>>(limit: usize) -> Items<T> {
        let sse = E::RESPONSES.get(E::STREAM).and_then(|r| r.stream) == Some(StreamKind::Sse);
        Items {
            decoder: if sse {
                ItemDecoder::sse(limit)
            } else {
                ItemDecoder::lines(limit)
            },
            ready: VecDeque::new(),
            decode: E::item,
            error: None,
            ended: false,
            limit,
        }
    }

    /// The next item the chunks read so far complete, or what ended the
    /// stream; `None` when more must be read (or the stream is over).
    pub fn next_ready(&mut self) -> Option<Result<T, Error>> {
        match self.ready.pop_front() {
            Some(raw) => Some((self.decode)(raw)),
            None => self.error.take().map(Err),
        }
    }

    /// Whether the body is read to its end (or failed): nothing more to read.
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// A chunk as read.
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.decoder.feed(chunk, &mut self.ready).is_err() {
            self.fail(Error::BodyTooLarge { limit: self.limit });
        }
    }

    /// The body has ended.
    pub fn end(&mut self) {
        self.decoder.finish(&mut self.ready);
        self.ended = true;
    }

    /// Reading the body failed: the items before are still given.
    pub fn fail(&mut self, error: Error) {
        self.error = Some(error);
        self.ended = true;
    }

    /// The last event ID the stream set (server-sent events).
    pub fn last_event_id(&self) -> Option<&str> {
        self.decoder.last_event_id()
    }

    /// The reconnection time the stream last set (server-sent events).
    pub fn retry(&self) -> Option<Duration> {
        self.decoder.retry()
    }
}
