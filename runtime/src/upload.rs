//! Layer `values` (beside `bytes`): [`Upload`], the body of a `binary`
//! request whose param says `"stream": true`: bytes in memory, a file, or
//! a one-shot reader or stream, sent as it is read so memory stays
//! bounded whatever its size. The reading itself is the client layer's
//! (`client::upload`); this holds the value, what a send may know of it
//! before reading (its length, whether it can be read again), and the
//! request extension it travels in past the encoder.

// Without a client, nothing reads an upload's file or stream.
#![cfg_attr(not(any(feature = "client", feature = "blocking")), allow(dead_code))]

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read, Seek};
use std::path::Path as FsPath;
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bytes::Bytes;
use crate::validate::{ByteRules, Path, ValidationErrors};

/// The body of a `binary` request whose param says `"stream": true`: bytes
/// in memory, a file, or a one-shot reader or stream of chunks. The
/// clients send a file, a reader or a stream as it is read, never holding
/// it whole; bytes in memory travel as any body does.
///
/// | made from | length known | sent again by a retry policy |
/// |---|---|---|
/// | bytes (`Vec<u8>`, `&'static [u8]`, `Bytes`, `String`) | yes | yes |
/// | a file ([`open`](Self::open), [`file`](Self::file), [`tokio_file`](Self::tokio_file)) | yes, from its metadata | yes: read again from where it started |
/// | a reader ([`reader`](Self::reader)) or a stream ([`stream`](Self::stream)) | if given | only if no byte of it was read (a connection never made) |
///
/// Where the length is known, `min_length` and `max_length` are checked
/// before sending and the length is sent as `Content-Length`; where it is
/// not, the body is sent chunked, and the upload stops with
/// `Error::Upload` at the first chunk that passes `max_length`, so the
/// server never gets more. Its `Debug` shows what it is made from and its
/// length, never a byte (nor a file's path).
///
/// A clone shares its file or its one-shot reader or stream: a clone of a
/// one-shot upload is read by whichever send comes first.
///
/// ```no_run
/// # fn run() -> std::io::Result<()> {
/// use endpoints_runtime::Upload;
///
/// let small = Upload::from(b"a few bytes".to_vec());
/// let big = Upload::open("backup.tar")?;
/// let piped = Upload::reader(std::io::stdin(), None);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Upload {
    source: Source,
}

#[derive(Clone)]
pub(crate) enum Source {
    Memory(Cow<'static, [u8]>),
    File(Arc<FileSource>),
    Once(Arc<OnceSource>),
}

/// A file, read from `start` for `len` bytes; the lock keeps each seek
/// with its read when clones send at once.
pub(crate) struct FileSource {
    pub file: Mutex<std::fs::File>,
    pub start: u64,
    pub len: u64,
}

/// A reader or stream that can be read once: taken by the first send
/// that reads a byte of it.
pub(crate) struct OnceSource {
    pub body: Mutex<Option<OnceBody>>,
    pub len: Option<u64>,
}

/// What a one-shot upload reads from.
pub(crate) enum OnceBody {
    Reader(Box<dyn Read + Send>),
    #[cfg(feature = "client")]
    Stream(ChunkStream),
}

/// A one-shot upload's chunks (async).
#[cfg(feature = "client")]
pub(crate) type ChunkStream = std::pin::Pin<
    Box<
        dyn futures_util::Stream<
                Item = Result<bytes::Bytes, Box<dyn std::error::Error + Send + Sync>>,
            > + Send,
    >,
>;

impl Upload {
    /// The file at `path`, opened now (so a missing file is an error
    /// here, not at send time) and read from its start at each send.
    pub fn open(path: impl AsRef<FsPath>) -> io::Result<Upload> {
        Upload::file(std::fs::File::open(path)?)
    }

    /// An open file, read from where its cursor stands now to its end (its
    /// length taken from its metadata now). Each send, a retry's
    /// included, reads it from that place again.
    pub fn file(file: std::fs::File) -> io::Result<Upload> {
        let start = (&file).stream_position()?;
        let len = file.metadata()?.len().saturating_sub(start);
        Ok(Upload {
            source: Source::File(Arc::new(FileSource {
                file: Mutex::new(file),
                start,
                len,
            })),
        })
    }

    /// An open tokio file, as [`file`](Self::file) takes a std one (feature
    /// `client`).
    #[cfg(feature = "client")]
    pub async fn tokio_file(file: tokio::fs::File) -> io::Result<Upload> {
        Upload::file(file.into_std().await)
    }

    /// A reader, read once as the body is sent, with its length if known:
    /// sent as `Content-Length`, and that many bytes are the body (nothing
    /// past them is read; a reader that ends short of them stops the
    /// upload with an error). Cannot be sent again once read; on the async
    /// client each read runs on tokio's blocking threads.
    pub fn reader(reader: impl Read + Send + 'static, len: Option<u64>) -> Upload {
        Upload::once(OnceBody::Reader(Box::new(reader)), len)
    }

    /// A stream of chunks (feature `client`; the async client only), read
    /// once as the body is sent, with its length if known (sent as
    /// `Content-Length`; that many bytes are the body, the chunk that
    /// reaches it cut there, and a stream that ends short of it stops the
    /// upload with an error). A chunk that is an error stops the upload
    /// with it. Cannot be sent again once read.
    ///
    /// ```no_run
    /// # fn run() {
    /// let chunks = futures_util::stream::iter((0..4).map(|_| Ok::<_, std::io::Error>(vec![0u8; 1024])));
    /// let upload = endpoints_runtime::Upload::stream(chunks, Some(4096));
    /// # }
    /// ```
    #[cfg(feature = "client")]
    pub fn stream<S, B, E>(stream: S, len: Option<u64>) -> Upload
    where
        S: futures_util::Stream<Item = Result<B, E>> + Send + 'static,
        B: Into<bytes::Bytes>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        use futures_util::StreamExt;
        let chunks = stream.map(|chunk| chunk.map(Into::into).map_err(Into::into));
        Upload::once(OnceBody::Stream(Box::pin(chunks)), len)
    }

    fn once(body: OnceBody, len: Option<u64>) -> Upload {
        Upload {
            source: Source::Once(Arc::new(OnceSource {
                body: Mutex::new(Some(body)),
                len,
            })),
        }
    }

    /// The body's length in bytes, where it is known: the bytes', the
    /// file's, or the one a reader or stream was given.
    pub fn content_length(&self) -> Option<u64> {
        match &self.source {
            Source::Memory(bytes) => Some(bytes.len() as u64),
            Source::File(file) => Some(file.len),
            Source::Once(once) => once.len,
        }
    }

    /// Whether it is a reader or a stream, which can be read only once.
    pub fn is_one_shot(&self) -> bool {
        matches!(self.source, Source::Once(_))
    }

    /// The bytes, for an upload held in memory (what the server's side
    /// reads a request's body into); `None` for a file, a reader or a
    /// stream.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match &self.source {
            Source::Memory(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// Reports a bound the length breaks, where the length is known (a
    /// reader or stream of unknown length is checked as it is read).
    #[doc(hidden)]
    pub fn check_length(&self, rules: ByteRules, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(len) = self.content_length() {
            rules.check(usize::try_from(len).unwrap_or(usize::MAX), path, errors);
        }
    }

    pub(crate) fn source(&self) -> &Source {
        &self.source
    }
}

impl OnceSource {
    /// The body, taken by the send that reads it first; `None` once taken.
    pub fn take(&self) -> Option<OnceBody> {
        self.body
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Whether no send has read it yet.
    pub fn unread(&self) -> bool {
        self.body
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Whether it is an async stream (which the blocking client cannot read).
    pub fn is_stream(&self) -> bool {
        #[cfg(feature = "client")]
        {
            matches!(
                *self.body.lock().unwrap_or_else(PoisonError::into_inner),
                Some(OnceBody::Stream(_))
            )
        }
        #[cfg(not(feature = "client"))]
        false
    }
}

impl Default for Upload {
    /// No bytes.
    fn default() -> Self {
        Upload::from(Vec::new())
    }
}

impl From<Vec<u8>> for Upload {
    fn from(bytes: Vec<u8>) -> Self {
        Upload {
            source: Source::Memory(Cow::Owned(bytes)),
        }
    }
}

impl From<&'static [u8]> for Upload {
    fn from(bytes: &'static [u8]) -> Self {
        Upload {
            source: Source::Memory(Cow::Borrowed(bytes)),
        }
    }
}

impl<const N: usize> From<&'static [u8; N]> for Upload {
    fn from(bytes: &'static [u8; N]) -> Self {
        Upload::from(&bytes[..])
    }
}

impl From<Bytes> for Upload {
    fn from(bytes: Bytes) -> Self {
        Upload::from(bytes.0)
    }
}

impl From<String> for Upload {
    fn from(text: String) -> Self {
        Upload::from(text.into_bytes())
    }
}

impl From<&'static str> for Upload {
    fn from(text: &'static str) -> Self {
        Upload::from(text.as_bytes())
    }
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let made_of = match &self.source {
            Source::Memory(_) => "bytes",
            Source::File(_) => "file",
            Source::Once(_) => "one-shot",
        };
        match self.content_length() {
            Some(n) => write!(f, "Upload({made_of}, {n} bytes)"),
            None => write!(f, "Upload({made_of}, length unknown)"),
        }
    }
}

/// Bytes equal bytes; a file or a one-shot body equals only its clones.
impl PartialEq for Upload {
    fn eq(&self, other: &Self) -> bool {
        match (&self.source, &other.source) {
            (Source::Memory(a), Source::Memory(b)) => a == b,
            (Source::File(a), Source::File(b)) => Arc::ptr_eq(a, b),
            (Source::Once(a), Source::Once(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// As `Bytes`: base64 text. Only bytes in memory serialize; a file or a
/// stream is an error (a request holding one is sent, not serialized).
impl Serialize for Upload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.source {
            Source::Memory(bytes) => {
                use base64::Engine;
                serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
            }
            _ => Err(serde::ser::Error::custom(
                "an upload from a file or a stream is sent, not serialized",
            )),
        }
    }
}

/// As `Bytes`: base64 text, read leniently; bytes in memory.
impl<'de> Deserialize<'de> for Upload {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Bytes::deserialize(deserializer).map(Upload::from)
    }
}

/// What travels in a request's extensions in place of its body, for an
/// upload that is not in memory: the upload, and its param's rules to
/// check as it is read. Put there by the encoder; a client's transport
/// reads it as it sends, or the client reads it whole first.
#[derive(Clone)]
pub(crate) struct UploadBody {
    pub upload: Upload,
    pub limits: Limits,
}

/// The rules an upload is read by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// The param's wire name.
    pub param: &'static str,
    pub min: Option<u64>,
    pub max: Option<u64>,
}

impl UploadBody {
    /// Whether a retry can send it again: bytes and files always; a
    /// one-shot body only while no send has read a byte of it.
    pub fn can_send_again(&self) -> bool {
        match self.upload.source() {
            Source::Once(once) => once.unread(),
            _ => true,
        }
    }
}

/// Whether a retry can send `request` again: its body is in memory, or an
/// upload that can be read again.
pub(crate) fn can_send_again<B>(request: &http::Request<B>) -> bool {
    request
        .extensions()
        .get::<UploadBody>()
        .is_none_or(UploadBody::can_send_again)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_each_kind_knows_before_it_is_read() {
        let bytes = Upload::from(b"abc");
        assert_eq!(bytes.content_length(), Some(3));
        assert_eq!(bytes.as_bytes(), Some(&b"abc"[..]));
        assert!(!bytes.is_one_shot());
        assert_eq!(format!("{bytes:?}"), "Upload(bytes, 3 bytes)");
        assert_eq!(bytes, Upload::from(b"abc".to_vec()));
        assert_ne!(bytes, Upload::from(b"abd"));

        let reader = Upload::reader(io::Cursor::new(vec![1, 2]), None);
        assert_eq!(reader.content_length(), None);
        assert!(reader.is_one_shot());
        assert_eq!(format!("{reader:?}"), "Upload(one-shot, length unknown)");
        assert_eq!(reader, reader.clone());
        assert_ne!(reader, Upload::reader(io::empty(), None));
        assert!(serde_json::to_string(&reader).is_err());

        let Source::Once(once) = reader.source() else {
            panic!("a reader is one-shot")
        };
        let body = UploadBody {
            upload: reader.clone(),
            limits: Limits {
                param: "data",
                min: None,
                max: None,
            },
        };
        assert!(body.can_send_again());
        assert!(once.take().is_some());
        // Read by a send: no retry sends it again, nor does a clone.
        assert!(!body.can_send_again());
        assert!(once.take().is_none());
    }

    #[test]
    fn a_file_is_read_from_where_it_stood() {
        let path = std::env::temp_dir().join(format!("endpoints-upload-{}", std::process::id()));
        std::fs::write(&path, b"headerBODY").unwrap();
        let mut file = std::fs::File::open(&path).unwrap();
        std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(6)).unwrap();
        let upload = Upload::file(file).unwrap();
        assert_eq!(upload.content_length(), Some(4));
        assert_eq!(format!("{upload:?}"), "Upload(file, 4 bytes)");
        assert!(!upload.is_one_shot());
        assert_eq!(upload.as_bytes(), None);
        let mut errors = ValidationErrors::new();
        let rules = ByteRules {
            min_length: None,
            max_length: Some(3),
        };
        upload.check_length(rules, &Path::Root, &mut errors);
        assert!(errors.into_result().is_err(), "4 bytes break max_length 3");
        assert!(Upload::open(path.with_extension("missing")).is_err());
        std::fs::remove_file(&path).ok();
    }

    #[test]
    fn bytes_serialize_as_base64_and_read_back() {
        let upload = Upload::from(b"\xff\xd8".to_vec());
        let json = serde_json::to_string(&upload).unwrap();
        assert_eq!(json, r#""/9g=""#);
        assert_eq!(serde_json::from_str::<Upload>(&json).unwrap(), upload);
    }
}
