//! Layer `client`: trying a request again: when it is safe, how long to
//! wait, and never past the client's timeout. [`Attempts`] is the one
//! attempt loop of both clients, as decisions only: it says what to send
//! and how long to wait, and the async and blocking clients do the sending
//! and the waiting (smithy-rs's split of `RetryStrategy` from the
//! orchestrator).
//!
//! Safe means: the request never left (no connection could be made), or the
//! server answered with a status the policy names (by default 429 and 503)
//! and the endpoint is idempotent (its method is, or its spec says so). A
//! retried request is sent again from its bytes, whole; an upload from a
//! file is read again from its start, and a one-shot upload (a reader, a
//! stream) is sent again only if no attempt read a byte of it
//! (`Sent::body_spent` says when that stopped a retry).

use std::time::{Duration, Instant, SystemTime};

use crate::codec::request::copy_request;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::upload::can_send_again;

use super::settings::Settings;

/// When and how a client tries a request again. Clients have none unless
/// one is set (`ClientBuilder::retry`).
///
/// ```
/// use std::time::Duration;
/// let policy = endpoints_runtime::RetryPolicy::new()
///     .max_attempts(4)
///     .initial_backoff(Duration::from_millis(200))
///     .max_backoff(Duration::from_secs(5))
///     .on_statuses(&[429, 502, 503]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    statuses: Vec<u16>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl RetryPolicy {
    /// Three attempts in all, waits from 100 ms doubling to at most 10 s,
    /// with jitter; on 429 and 503 (`Retry-After` honoured).
    pub fn new() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
            statuses: vec![429, 503],
        }
    }

    /// How many attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the second attempt; each later wait doubles.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest wait the backoff reaches (a server's `Retry-After` may
    /// ask for longer, within the client's timeout).
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The statuses that are retried on idempotent endpoints (default 429
    /// and 503).
    pub fn on_statuses(mut self, statuses: &[u16]) -> Self {
        self.statuses = statuses.to_vec();
        self
    }

    /// The wait before attempt `attempt + 1`: exponential, capped, with
    /// jitter (a random point in its upper half), so clients that failed
    /// together do not come back together.
    fn backoff(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(31);
        let base = self
            .initial_backoff
            .saturating_mul(1u32 << doublings)
            .min(self.max_backoff);
        base / 2 + base.mul_f64(random_fraction() / 2.0)
    }

    /// How long to wait before trying again after attempt `attempt` ended
    /// in `outcome`, or `None` to stop: the attempt is final, was the last
    /// allowed, or the wait would end past `deadline`.
    pub(crate) fn next_wait(
        &self,
        attempt: u32,
        idempotent: bool,
        outcome: &Result<http::Response<Vec<u8>>, Error>,
        deadline: Instant,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let wait = match outcome {
            // Never sent: safe for any method.
            Err(Error::Connect(_)) => self.backoff(attempt),
            Ok(response) if idempotent && self.statuses.contains(&response.status().as_u16()) => {
                retry_after(response.headers()).unwrap_or_else(|| self.backoff(attempt))
            }
            _ => return None,
        };
        (Instant::now() + wait <= deadline).then_some(wait)
    }
}

/// A server's `Retry-After`: seconds, or an HTTP date.
fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// A number in [0, 1) that differs from call to call: std's hasher keys are
/// random per `RandomState`, which is all jitter needs.
fn random_fraction() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// How many attempts one `send` made, with its outcome.
#[derive(Debug)]
pub struct Sent<T> {
    /// The final answer: the last response (documented or `Unknown`), or
    /// the last error.
    pub result: Result<T, Error>,
    /// How many times the request was sent (0 when it was refused before
    /// sending: invalid, or not encodable).
    pub attempts: u32,
    /// `true` when the retry policy would have sent the request again but
    /// its body was a one-shot upload (`Upload::reader`, `Upload::stream`)
    /// that the last attempt had read: `result` is that attempt's answer.
    /// Bytes and files are sent again; a one-shot body only if no attempt
    /// read a byte of it (a connection never made).
    pub body_spent: bool,
}

/// What a send came back with, as it came, and its attempts.
pub(crate) type Answer = Sent<http::Response<Vec<u8>>>;

impl<T> Sent<T> {
    /// A send that never left: the request could not be made ready.
    pub(crate) fn unsent(error: Error) -> Sent<T> {
        Sent {
            result: Err(error),
            attempts: 0,
            body_spent: false,
        }
    }
}

impl Answer {
    /// The answer decoded as `E`'s response.
    pub(crate) fn decode<E: Endpoint>(self) -> Sent<E::Response> {
        Sent {
            result: self.result.and_then(E::from_http_response),
            attempts: self.attempts,
            body_spent: self.body_spent,
        }
    }
}

/// The attempts of one send by the client's retry policy, as decisions.
pub(crate) struct Attempts<'a> {
    policy: Option<&'a RetryPolicy>,
    /// Kept to send again when a policy may retry.
    request: Option<http::Request<Vec<u8>>>,
    idempotent: bool,
    deadline: Instant,
    attempt: u32,
}

/// What the client does after an attempt.
pub(crate) enum After {
    /// Wait this long, then send this request.
    Retry(Duration, http::Request<Vec<u8>>),
    /// The send is over: the last answer, as it came.
    Done(Sent<http::Response<Vec<u8>>>),
}

impl<'a> Attempts<'a> {
    /// The attempts of `request`, started at `started`, and the request
    /// for the first.
    pub fn start(
        settings: &'a Settings,
        request: http::Request<Vec<u8>>,
        idempotent: bool,
        started: Instant,
    ) -> (Attempts<'a>, http::Request<Vec<u8>>) {
        let policy = settings.retry.as_ref();
        let (kept, first) = match policy {
            Some(_) => (Some(copy_request(&request)), request),
            None => (None, request),
        };
        let attempts = Attempts {
            policy,
            request: kept,
            idempotent,
            deadline: started + settings.timeout,
            attempt: 1,
        };
        (attempts, first)
    }

    /// How long the next attempt may take, when a policy bounds it (the
    /// whole send, retries and waits included, stays within the client's
    /// timeout); `None` leaves it to the transport. The blocking client
    /// leaves it to its transport, which bounds every read.
    #[cfg(any(feature = "client", test))]
    pub fn time_left(&self) -> Option<Duration> {
        self.policy
            .map(|_| self.deadline.saturating_duration_since(Instant::now()))
    }

    /// How many attempts were made so far.
    pub fn made(&self) -> u32 {
        self.attempt
    }

    /// Decides what follows an attempt that ended with `outcome`.
    pub fn after(&mut self, outcome: Result<http::Response<Vec<u8>>, Error>) -> After {
        let wait = self.policy.and_then(|policy| {
            policy.next_wait(self.attempt, self.idempotent, &outcome, self.deadline)
        });
        let mut body_spent = false;
        match (wait, &self.request) {
            (Some(wait), Some(request)) if can_send_again(request) => {
                self.attempt += 1;
                return After::Retry(wait, copy_request(request));
            }
            (Some(_), Some(_)) => body_spent = true,
            _ => {}
        }
        After::Done(Sent {
            result: outcome,
            attempts: self.attempt,
            body_spent,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, retry_after: Option<&str>) -> Result<http::Response<Vec<u8>>, Error> {
        let mut response = http::Response::new(Vec::new());
        *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
        if let Some(v) = retry_after {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, v.parse().unwrap());
        }
        Ok(response)
    }

    fn request(body: &str) -> http::Request<Vec<u8>> {
        let mut request = http::Request::new(body.as_bytes().to_vec());
        *request.uri_mut() = "http://127.0.0.1/x?y=1".parse().unwrap();
        request
    }

    fn status_of(after: &After) -> Option<u16> {
        match after {
            After::Done(sent) => sent.result.as_ref().ok().map(|r| r.status().as_u16()),
            After::Retry(..) => None,
        }
    }

    /// The loop the clients drive, fed a script of outcomes: how many
    /// attempts, what each retry sends, and when it stops.
    #[test]
    fn attempts_follow_the_policy_and_count() {
        let mut settings = Settings::new("http://127.0.0.1".into());
        // Without a policy: one attempt, whatever the answer, and no copy.
        let (mut attempts, first) = Attempts::start(&settings, request("a"), true, Instant::now());
        assert_eq!(first.body(), b"a");
        assert!(attempts.request.is_none());
        assert!(attempts.time_left().is_none());
        let done = attempts.after(answer(503, None));
        assert!(matches!(&done, After::Done(Sent { attempts: 1, .. })));
        assert_eq!(status_of(&done), Some(503));

        // With one: 503, 503, then the third and last attempt is final.
        settings.retry = Some(
            RetryPolicy::new()
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(2)),
        );
        let (mut attempts, first) = Attempts::start(&settings, request("b"), true, Instant::now());
        assert_eq!(first.body(), b"b");
        assert!(attempts.time_left().is_some());
        for expected_attempt in 2..=3 {
            match attempts.after(answer(503, None)) {
                After::Retry(wait, again) => {
                    assert!(wait <= Duration::from_millis(2));
                    // The request again, whole.
                    assert_eq!(again.body(), b"b");
                    assert_eq!(again.uri(), "http://127.0.0.1/x?y=1");
                    assert_eq!(attempts.attempt, expected_attempt);
                }
                After::Done(_) => panic!("attempt {expected_attempt} was not made"),
            }
        }
        let done = attempts.after(answer(503, None));
        assert!(matches!(&done, After::Done(Sent { attempts: 3, .. })));

        // A success, or an answer not to retry, ends it at once.
        let (mut attempts, _) = Attempts::start(&settings, request("c"), true, Instant::now());
        let done = attempts.after(answer(200, None));
        assert!(matches!(&done, After::Done(Sent { attempts: 1, .. })));
        let (mut attempts, _) = Attempts::start(&settings, request("d"), false, Instant::now());
        let done = attempts.after(answer(503, None));
        assert!(matches!(&done, After::Done(Sent { attempts: 1, .. })));
        // A connection never made is retried whatever the endpoint.
        let (mut attempts, _) = Attempts::start(&settings, request("e"), false, Instant::now());
        let refused = attempts.after(Err(Error::Connect("refused".into())));
        assert!(matches!(refused, After::Retry(..)));
    }

    #[test]
    fn retries_only_what_is_safe_and_within_the_deadline() {
        let policy = RetryPolicy::new();
        let later = Instant::now() + Duration::from_secs(60);
        assert!(policy
            .next_wait(1, true, &answer(503, None), later)
            .is_some());
        assert!(policy
            .next_wait(1, false, &answer(503, None), later)
            .is_none());
        assert!(policy
            .next_wait(1, true, &answer(500, None), later)
            .is_none());
        assert!(policy
            .next_wait(1, true, &answer(200, None), later)
            .is_none());
        let refused = Err(Error::Connect("refused".into()));
        assert!(policy.next_wait(1, false, &refused, later).is_some());
        assert!(policy
            .next_wait(3, true, &answer(503, None), later)
            .is_none());
        let soon = Instant::now() + Duration::from_millis(500);
        assert!(policy
            .next_wait(1, true, &answer(429, Some("1")), soon)
            .is_none());
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let later = Instant::now() + Duration::from_secs(600);
        let policy = RetryPolicy::new();
        assert_eq!(
            policy.next_wait(1, true, &answer(429, Some("7")), later),
            Some(Duration::from_secs(7))
        );
        let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let wait = policy
            .next_wait(1, true, &answer(503, Some(&at)), later)
            .unwrap();
        assert!(
            wait > Duration::from_secs(115) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(5));
        assert_eq!(
            policy.next_wait(1, true, &answer(503, Some(&past)), later),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn backoff_doubles_to_its_cap_with_jitter_in_the_upper_half() {
        let policy = RetryPolicy::new()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        for (attempt, base) in [(1, 100), (2, 200), (3, 350), (9, 350), (40, 350)] {
            for _ in 0..20 {
                let wait = policy.backoff(attempt);
                let base = Duration::from_millis(base);
                assert!(wait >= base / 2 && wait <= base, "{attempt}: {wait:?}");
            }
        }
    }
}
