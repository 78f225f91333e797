//! Layer `client`: a span per send (feature `tracing`): the endpoint's
//! name, method and path template (never the filled-in path, which may
//! carry ids or secrets), then the status, the documented response's name,
//! the attempts and the duration. No value of a request or response is
//! ever recorded. Without the feature, [`SendSpan`] keeps only the start.

use std::time::Instant;

use crate::endpoint::{Endpoint, EndpointResponse, Streaming};
use crate::error::Error;

use super::stream::Streamed;

/// The span of one send (or one page's), and when it started.
pub(crate) struct SendSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
    started: Instant,
}

impl SendSpan {
    /// The span of one send of `E`, its outcome fields still empty.
    /// (Without the feature, `E` names nothing: the start is all it keeps.)
    #[cfg_attr(not(feature = "tracing"), allow(clippy::extra_unused_type_parameters))]
    pub fn new<E: Endpoint>() -> SendSpan {
        SendSpan {
            #[cfg(feature = "tracing")]
            span: tracing::info_span!(
                "endpoints.send",
                endpoint = E::NAME,
                method = E::METADATA.method.as_str(),
                path = E::PATH,
                status = tracing::field::Empty,
                response = tracing::field::Empty,
                attempts = tracing::field::Empty,
                duration_ms = tracing::field::Empty,
                error = tracing::field::Empty,
                body_spent = tracing::field::Empty,
            ),
            started: Instant::now(),
        }
    }

    /// When the send started: retries never reach past the client's
    /// timeout counted from here.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Runs `work` inside the span (the blocking client).
    #[cfg(feature = "blocking")]
    pub fn in_scope<R>(&self, work: impl FnOnce() -> R) -> R {
        #[cfg(feature = "tracing")]
        return self.span.in_scope(work);
        #[cfg(not(feature = "tracing"))]
        work()
    }

    /// Runs `work` inside the span (the async client).
    #[cfg(feature = "client")]
    pub async fn instrument<F: std::future::Future>(&self, work: F) -> F::Output {
        #[cfg(feature = "tracing")]
        return tracing::Instrument::instrument(work, self.span.clone()).await;
        #[cfg(not(feature = "tracing"))]
        work.await
    }

    /// Records how the send ended: its response or error, attempts,
    /// duration, and `body_spent` when a retry was owed but the body was a
    /// stream the first attempt had read (see [`Sent::body_spent`](super::Sent)).
    pub fn record<R: EndpointResponse>(
        &self,
        result: Result<&R, &Error>,
        attempts: u32,
        body_spent: bool,
    ) {
        #[cfg(feature = "tracing")]
        {
            let span = &self.span;
            span.record("attempts", attempts);
            if body_spent {
                span.record("body_spent", true);
            }
            span.record("duration_ms", self.started.elapsed().as_secs_f64() * 1000.0);
            match result {
                Ok(response) => {
                    span.record("status", response.http_status());
                    span.record("response", response.name());
                }
                Err(error) => {
                    span.record("error", error.kind());
                    if let Some(raw) = error.raw_response() {
                        span.record("status", raw.status());
                    }
                }
            }
        }
        let _ = (result, attempts, body_spent);
    }

    /// Records how opening a stream of `E` ended: the stream (its status
    /// and response's name, the duration being the wait for its head),
    /// another answer, or an error.
    pub fn record_opened<E: Streaming, B>(
        &self,
        result: Result<&Streamed<E::Response, B>, &Error>,
        attempts: u32,
    ) {
        match result {
            Ok(Streamed::Response(response)) => self.record(Ok(response), attempts, false),
            Err(error) => self.record::<E::Response>(Err(error), attempts, false),
            Ok(Streamed::Stream(reply)) => {
                #[cfg(feature = "tracing")]
                {
                    let span = &self.span;
                    span.record("attempts", attempts);
                    span.record("duration_ms", self.started.elapsed().as_secs_f64() * 1000.0);
                    span.record("status", reply.status);
                    if let Some(spec) = E::RESPONSES.get(E::STREAM) {
                        span.record("response", spec.name);
                    }
                }
                let _ = reply;
            }
        }
    }
}
