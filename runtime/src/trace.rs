//! A span per send (feature `tracing`): the endpoint's name, method and path
//! template (never the filled-in path, which may carry ids or secrets), then
//! the status, the documented response's name, the attempts and the
//! duration. No value of a request or response is ever recorded.

use std::time::Instant;

use tracing::field::Empty;

use crate::retry::Sent;
use crate::{Endpoint, EndpointResponse};

/// The span of one `send` of `E`, its outcome fields still empty.
pub(crate) fn span<E: Endpoint>() -> tracing::Span {
    tracing::info_span!(
        "endpoints.send",
        endpoint = E::NAME,
        method = E::METADATA.method.as_str(),
        path = E::PATH,
        status = Empty,
        response = Empty,
        attempts = Empty,
        duration_ms = Empty,
        error = Empty,
    )
}

/// Records how the send ended.
pub(crate) fn record<R: EndpointResponse>(span: &tracing::Span, sent: &Sent<R>, started: Instant) {
    record_outcome(span, sent.result.as_ref(), sent.attempts, started);
}

/// Records how a send ended: its response or error, attempts, duration.
pub(crate) fn record_outcome<R: EndpointResponse>(
    span: &tracing::Span,
    result: Result<&R, &crate::Error>,
    attempts: u32,
    started: Instant,
) {
    span.record("attempts", attempts);
    span.record("duration_ms", started.elapsed().as_secs_f64() * 1000.0);
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
