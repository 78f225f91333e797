//! Layer `client`: sending an [`Upload`](crate::Upload) that is not in
//! memory (a file, a reader, a stream) as it is read: a `Read` for the
//! blocking transport, a `Stream` of chunks for the async one (files and
//! readers read on tokio's blocking threads), each checking the param's
//! `max_length` (and a given length) chunk by chunk, so an upload stops
//! before it sends a byte too many. A transport that takes bodies whole
//! gets the upload read into memory first, within the client's
//! `max_body_size`.

use std::io::{self, Read, Seek, SeekFrom};
use std::sync::{Arc, Mutex, PoisonError};

use crate::error::{Error, UploadError};
use crate::upload::{FileSource, Limits, OnceBody, OnceSource, Source, UploadBody};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How much a file or a reader is read at a time.
#[cfg(feature = "client")]
const CHUNK: usize = 64 * 1024;

/// Where a send's upload records why it stopped: the transport reports
/// that rather than the HTTP stack's own error about a broken body.
#[derive(Clone, Default)]
pub(crate) struct Watch(Arc<Mutex<Option<UploadError>>>);

impl Watch {
    fn record(&self, error: UploadError) -> io::Error {
        let message = error.to_string();
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(error);
        io::Error::other(message)
    }

    /// The upload's own failure, if it had one, even where a response came
    /// back: a server that answers a body cut off (an HTTP stack may still
    /// read its answer) never received the whole upload.
    pub fn check(&self) -> Result<(), Error> {
        match self.0.lock().unwrap_or_else(PoisonError::into_inner).take() {
            Some(failure) => Err(Error::Upload(Box::new(failure))),
            None => Ok(()),
        }
    }

    /// The upload's own failure in place of `error`, if it had one.
    pub fn error_or(&self, error: Error) -> Error {
        match self.0.lock().unwrap_or_else(PoisonError::into_inner).take() {
            Some(failure) => Error::Upload(Box::new(failure)),
            None => error,
        }
    }
}

/// The bytes read so far, against the param's rules and a given length.
struct Meter {
    limits: Limits,
    declared: Option<u64>,
    read: u64,
    watch: Watch,
}

impl Meter {
    fn new(body: &UploadBody, watch: Watch) -> Meter {
        Meter {
            limits: body.limits,
            declared: body.upload.content_length(),
            read: 0,
            watch,
        }
    }

    /// How many of `n` bytes just read are sent: all of them, unless they
    /// pass `max_length` (an error: the upload stops before sending them)
    /// or the length the body was given (cut there: that many bytes are
    /// the body).
    fn chunk(&mut self, n: usize) -> Result<usize, io::Error> {
        let n = match self.declared {
            Some(len) => {
                let left = len.saturating_sub(self.read);
                n.min(usize::try_from(left).unwrap_or(usize::MAX))
            }
            None => n,
        };
        let after = self.read + n as u64;
        if let Some(max) = self.limits.max.filter(|max| after > *max) {
            return Err(self.watch.record(UploadError::TooLong {
                param: self.limits.param,
                max,
            }));
        }
        self.read = after;
        Ok(n)
    }

    /// Whether the body has all the bytes of the length it was given.
    fn full(&self) -> bool {
        self.declared == Some(self.read)
    }

    /// The body has ended: short of a given length or of `min_length`
    /// is an error, which cuts the upload off before its end.
    fn end(&mut self) -> Result<(), io::Error> {
        if let Some(expected) = self.declared.filter(|d| self.read < *d) {
            return Err(self.watch.record(UploadError::Length {
                expected,
                actual: self.read,
            }));
        }
        if let Some(min) = self.limits.min.filter(|min| self.read < *min) {
            return Err(self.watch.record(UploadError::TooShort {
                param: self.limits.param,
                min,
                actual: self.read,
            }));
        }
        Ok(())
    }

    /// Reading failed: the upload's own error where it is one.
    fn fail(&self, error: BoxError) -> io::Error {
        self.watch.record(as_upload_error(error))
    }
}

/// An error from a source as the upload's: its own (`Spent`) kept, any
/// other a read failure.
fn as_upload_error(error: BoxError) -> UploadError {
    let error = match error.downcast::<UploadError>() {
        Ok(own) => return *own,
        Err(other) => other,
    };
    match error.downcast::<io::Error>() {
        Ok(io) if io.get_ref().is_some_and(|e| e.is::<UploadError>()) => {
            match io.into_inner().map(|e| e.downcast::<UploadError>()) {
                Some(Ok(own)) => *own,
                Some(Err(other)) => UploadError::Read(other),
                None => UploadError::Read("an I/O error".into()),
            }
        }
        Ok(io) => UploadError::Read(io),
        Err(other) => UploadError::Read(other),
    }
}

/// A file from its start to its length, each read a seek and a read
/// under the file's lock (clones of one upload may send at once).
struct FileReader {
    file: Arc<FileSource>,
    at: u64,
    end: u64,
}

impl Read for FileReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.end.saturating_sub(self.at);
        if left == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let mut file = self
            .file
            .file
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(self.at))?;
        let n = file.read(&mut buf[..want])?;
        self.at += n as u64;
        Ok(n)
    }
}

/// A one-shot reader, taken from its upload at the first read (so a
/// send that never reads it, a connection refused, leaves it for a
/// retry).
struct OnceReader {
    once: Arc<OnceSource>,
    reader: Option<Box<dyn Read + Send>>,
}

impl Read for OnceReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.reader.is_none() {
            self.reader = match self.once.take() {
                Some(OnceBody::Reader(reader)) => Some(reader),
                #[cfg(feature = "client")]
                Some(OnceBody::Stream(_)) => {
                    return Err(io::Error::other(UploadError::StreamOnBlocking))
                }
                None => return Err(io::Error::other(UploadError::Spent)),
            };
        }
        match &mut self.reader {
            Some(reader) => reader.read(buf),
            None => Ok(0),
        }
    }
}

/// The upload as a reader of its bytes, from their start.
fn open_reader(body: &UploadBody) -> Box<dyn Read + Send> {
    match body.upload.source() {
        Source::Memory(bytes) => Box::new(io::Cursor::new(bytes.clone())),
        Source::File(file) => Box::new(FileReader {
            at: file.start,
            end: file.start + file.len,
            file: Arc::clone(file),
        }),
        Source::Once(once) => Box::new(OnceReader {
            once: Arc::clone(once),
            reader: None,
        }),
    }
}

/// An upload's body for the blocking transport: its bytes as they are
/// read, checked against its rules.
#[cfg(any(feature = "blocking", test))]
pub(crate) struct UploadReader {
    inner: Box<dyn Read + Send>,
    meter: Meter,
    ended: bool,
}

#[cfg(any(feature = "blocking", test))]
impl UploadReader {
    /// The reader of `body`; an async stream cannot be one.
    pub fn new(body: &UploadBody, watch: Watch) -> Result<UploadReader, UploadError> {
        if let Source::Once(once) = body.upload.source() {
            if once.is_stream() {
                return Err(UploadError::StreamOnBlocking);
            }
        }
        Ok(UploadReader {
            inner: open_reader(body),
            meter: Meter::new(body, watch),
            ended: false,
        })
    }
}

#[cfg(any(feature = "blocking", test))]
impl Read for UploadReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ended || buf.is_empty() {
            return Ok(0);
        }
        if self.meter.full() {
            // The length it was given is sent: nothing past it is read.
            self.meter.end()?;
            self.ended = true;
            return Ok(0);
        }
        let n = loop {
            match self.inner.read(buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.meter.fail(Box::new(e))),
            }
        };
        if n == 0 {
            self.meter.end()?;
            self.ended = true;
            return Ok(0);
        }
        self.meter.chunk(n)
    }
}

/// Reads the upload a request carries into its body, within `limit`
/// bytes, for a transport that takes bodies whole; a request without one
/// is given back as it is.
#[cfg(any(feature = "blocking", test))]
pub(crate) fn buffer_blocking(
    mut request: http::Request<Vec<u8>>,
    limit: usize,
) -> Result<http::Request<Vec<u8>>, Error> {
    let Some(body) = request.extensions_mut().remove::<UploadBody>() else {
        return Ok(request);
    };
    let too_large = || Error::Upload(Box::new(UploadError::TooLargeToBuffer { limit }));
    if body
        .upload
        .content_length()
        .is_some_and(|n| n > limit as u64)
    {
        return Err(too_large());
    }
    let watch = Watch::default();
    let reader = UploadReader::new(&body, watch.clone()).map_err(|e| Error::Upload(Box::new(e)))?;
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| watch.error_or(Error::Upload(Box::new(UploadError::Read(Box::new(e))))))?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    *request.body_mut() = bytes;
    Ok(request)
}

#[cfg(feature = "client")]
pub(crate) use chunks::{buffer_async, UploadStream};

#[cfg(feature = "client")]
mod chunks {
    use std::pin::Pin;
    use std::sync::Mutex;
    use std::task::{Context, Poll};

    use futures_util::{Stream, StreamExt};

    use super::*;
    use crate::upload::ChunkStream;

    /// A blocking reader as chunks, each read on tokio's blocking threads.
    fn blocking_chunks(reader: Box<dyn Read + Send>) -> ChunkStream {
        Box::pin(futures_util::stream::unfold(
            Some(reader),
            |reader| async move {
                let mut reader = reader?;
                let read = tokio::task::spawn_blocking(move || {
                    let mut buf = vec![0u8; CHUNK];
                    let n = loop {
                        match reader.read(&mut buf) {
                            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                            other => break other,
                        }
                    };
                    (reader, buf, n)
                })
                .await;
                match read {
                    Ok((reader, mut buf, Ok(n))) if n > 0 => {
                        buf.truncate(n);
                        Some((Ok(bytes::Bytes::from(buf)), Some(reader)))
                    }
                    Ok((_, _, Ok(_))) => None,
                    Ok((_, _, Err(e))) => Some((Err(Box::new(e) as BoxError), None)),
                    Err(e) => Some((Err(Box::new(e) as BoxError), None)),
                }
            },
        ))
    }

    enum Chunks {
        /// A one-shot stream, taken at the first poll (a send that never
        /// reads it leaves it for a retry).
        Pending(Arc<OnceSource>),
        Reading(ChunkStream),
    }

    /// An upload's body for the async transport: its chunks as they are
    /// read, checked against its rules. `Sync` (the lock is never
    /// contended: it is only taken through `&mut`), as reqwest's bodies
    /// must be.
    pub(crate) struct UploadStream {
        chunks: Mutex<Chunks>,
        meter: Meter,
        ended: bool,
    }

    impl UploadStream {
        pub fn new(body: &UploadBody, watch: Watch) -> UploadStream {
            let chunks = match body.upload.source() {
                Source::Once(once) if once.is_stream() => Chunks::Pending(Arc::clone(once)),
                _ => Chunks::Reading(blocking_chunks(open_reader(body))),
            };
            UploadStream {
                chunks: Mutex::new(chunks),
                meter: Meter::new(body, watch),
                ended: false,
            }
        }
    }

    impl Stream for UploadStream {
        type Item = Result<bytes::Bytes, io::Error>;

        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            let this = &mut *self;
            if this.ended {
                return Poll::Ready(None);
            }
            let chunks = this
                .chunks
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner);
            if let Chunks::Pending(once) = chunks {
                *chunks = match once.take() {
                    Some(OnceBody::Stream(stream)) => Chunks::Reading(stream),
                    Some(OnceBody::Reader(reader)) => Chunks::Reading(blocking_chunks(reader)),
                    None => {
                        this.ended = true;
                        return Poll::Ready(Some(Err(this.meter.watch.record(UploadError::Spent))));
                    }
                };
            }
            let Chunks::Reading(stream) = chunks else {
                return Poll::Ready(None);
            };
            if this.meter.full() {
                // The length it was given is sent: nothing past it is read.
                this.ended = true;
                return Poll::Ready(this.meter.end().err().map(Err));
            }
            let item = match stream.poll_next_unpin(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(item) => item,
            };
            let outcome = match item {
                Some(Ok(chunk)) if chunk.is_empty() => {
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                Some(Ok(mut chunk)) => this.meter.chunk(chunk.len()).map(|keep| {
                    chunk.truncate(keep);
                    Some(chunk)
                }),
                Some(Err(e)) => Err(this.meter.fail(e)),
                None => this.meter.end().map(|()| None),
            };
            match outcome {
                Ok(Some(chunk)) => Poll::Ready(Some(Ok(chunk))),
                Ok(None) => {
                    this.ended = true;
                    Poll::Ready(None)
                }
                Err(e) => {
                    this.ended = true;
                    Poll::Ready(Some(Err(e)))
                }
            }
        }
    }

    /// The chunks as an HTTP body, for reqwest's `Body::wrap`.
    impl http_body::Body for UploadStream {
        type Data = bytes::Bytes;
        type Error = io::Error;

        fn poll_frame(
            self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<bytes::Bytes>, io::Error>>> {
            self.poll_next(cx)
                .map(|chunk| chunk.map(|chunk| chunk.map(http_body::Frame::data)))
        }

        fn is_end_stream(&self) -> bool {
            self.ended
        }

        fn size_hint(&self) -> http_body::SizeHint {
            match self.meter.declared {
                Some(len) => http_body::SizeHint::with_exact(len.saturating_sub(self.meter.read)),
                None => http_body::SizeHint::default(),
            }
        }
    }

    /// Reads the upload a request carries into its body, within `limit`
    /// bytes, for a transport that takes bodies whole; a request without
    /// one is given back as it is.
    pub(crate) async fn buffer_async(
        mut request: http::Request<Vec<u8>>,
        limit: usize,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let Some(body) = request.extensions_mut().remove::<UploadBody>() else {
            return Ok(request);
        };
        let too_large = || Error::Upload(Box::new(UploadError::TooLargeToBuffer { limit }));
        if body
            .upload
            .content_length()
            .is_some_and(|n| n > limit as u64)
        {
            return Err(too_large());
        }
        let watch = Watch::default();
        let mut stream = UploadStream::new(&body, watch.clone());
        let mut bytes = Vec::new();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| {
                watch.error_or(Error::Upload(Box::new(UploadError::Read(Box::new(e)))))
            })?;
            if bytes.len() + chunk.len() > limit {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        *request.body_mut() = bytes;
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Upload;

    fn body(upload: Upload, min: Option<u64>, max: Option<u64>) -> UploadBody {
        UploadBody {
            upload,
            limits: Limits {
                param: "data",
                min,
                max,
            },
        }
    }

    fn read_all(body: &UploadBody) -> (Result<Vec<u8>, io::Error>, Watch) {
        let watch = Watch::default();
        let mut reader = UploadReader::new(body, watch.clone()).unwrap();
        let mut out = Vec::new();
        let result = reader.read_to_end(&mut out).map(|_| out);
        (result, watch)
    }

    fn failure(watch: &Watch) -> String {
        watch.error_or(Error::Timeout).to_string()
    }

    #[test]
    fn a_reader_stops_at_the_first_byte_past_max_length() {
        // A reader of unknown length, 10 bytes, max_length 6: stopped.
        let ten = body(
            Upload::reader(io::Cursor::new(vec![7u8; 10]), None),
            None,
            Some(6),
        );
        let (read, watch) = read_all(&ten);
        assert!(read.is_err());
        assert!(
            failure(&watch).contains("passed its max_length of 6 bytes"),
            "{}",
            failure(&watch)
        );
        // Read once: a second send finds it spent.
        let (read, watch) = read_all(&ten);
        assert!(read.is_err());
        assert!(failure(&watch).contains("one-shot"), "{}", failure(&watch));

        // Within the bounds, every byte as it came.
        let five = body(
            Upload::reader(io::Cursor::new(vec![1, 2, 3, 4, 5]), None),
            Some(2),
            Some(6),
        );
        assert_eq!(read_all(&five).0.unwrap(), [1, 2, 3, 4, 5]);
        // Short of min_length: cut off at the end.
        let one = body(
            Upload::reader(io::Cursor::new(vec![1]), None),
            Some(2),
            None,
        );
        let (read, watch) = read_all(&one);
        assert!(read.is_err());
        assert!(
            failure(&watch).contains("short of its min_length of 2"),
            "{}",
            failure(&watch)
        );
    }

    #[test]
    fn a_given_length_is_what_is_sent() {
        // Past it, nothing is read: the first 3 bytes are the body.
        let more = Upload::reader(io::Cursor::new(vec![1, 2, 3, 4, 5]), Some(3));
        assert_eq!(read_all(&body(more, None, None)).0.unwrap(), [1, 2, 3]);
        // Short of it, the upload is cut off.
        let less = body(
            Upload::reader(io::Cursor::new(vec![0u8; 2]), Some(3)),
            None,
            None,
        );
        let (read, watch) = read_all(&less);
        assert!(read.is_err());
        let message = failure(&watch);
        assert!(
            message.contains("after 2 bytes, short of the length of 3"),
            "{message}"
        );
    }

    #[test]
    fn a_file_is_read_again_from_its_start() {
        let path =
            std::env::temp_dir().join(format!("endpoints-upload-read-{}", std::process::id()));
        let content: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let file = body(Upload::open(&path).unwrap(), None, None);
        assert_eq!(read_all(&file).0.unwrap(), content);
        assert!(file.can_send_again());
        assert_eq!(read_all(&file).0.unwrap(), content);
        std::fs::remove_file(&path).ok();
    }

    #[test]
    fn buffering_stays_within_the_limit() {
        let request = |upload: Upload| {
            let mut request = http::Request::new(Vec::new());
            request.extensions_mut().insert(body(upload, None, None));
            request
        };
        let buffered = buffer_blocking(
            request(Upload::reader(io::Cursor::new(vec![9u8; 8]), None)),
            8,
        )
        .unwrap();
        assert_eq!(buffered.body(), &[9u8; 8]);
        assert!(buffered.extensions().get::<UploadBody>().is_none());
        let over = buffer_blocking(
            request(Upload::reader(io::Cursor::new(vec![9u8; 9]), None)),
            8,
        );
        assert!(
            matches!(over, Err(Error::Upload(e)) if matches!(*e, UploadError::TooLargeToBuffer { limit: 8 }))
        );
        let known = buffer_blocking(request(Upload::reader(io::empty(), Some(9))), 8);
        assert!(
            matches!(known, Err(Error::Upload(e)) if matches!(*e, UploadError::TooLargeToBuffer { limit: 8 }))
        );
    }
}
