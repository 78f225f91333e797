//! Layer `endpoint`: values a client gives every request that leaves them unset: the API's
//! credential, and the params its spec marks `shared`.

use std::any::{Any, TypeId};
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

/// A param every endpoint of an API shares (a spec marks it `"shared":
/// true`), as a typed key: generated code declares one constant per shared
/// param (`planocore::APPLICATION`), and a client builder takes a default
/// value for it with `.param(planocore::APPLICATION, …)`.
pub struct SharedParam<T> {
    name: &'static str,
    ty: PhantomData<fn() -> T>,
}

impl<T> SharedParam<T> {
    /// The key of the param named `name` on the wire, whose values are `T`.
    /// Generated code declares one per shared param; a key made by hand
    /// with another type fills nothing.
    #[doc(hidden)]
    pub const fn new(name: &'static str) -> Self {
        SharedParam {
            name,
            ty: PhantomData,
        }
    }

    /// The param's wire name.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T> Clone for SharedParam<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SharedParam<T> {}

impl<T> fmt::Debug for SharedParam<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedParam({})", self.name)
    }
}

/// What a client fills into the requests that do not set it themselves:
/// the credential (into the param the spec marks `credential`, wherever it
/// travels) and the values of shared params. A request's own value wins.
///
/// The credential is never shown: `Debug` prints `<redacted>`.
///
/// Defaults are kept by param name and type: two modules generated from
/// the same spec have two `Application` types, and a default for each is
/// kept apart, each filling its own module's requests.
#[doc(hidden)]
#[derive(Clone, Default)]
pub struct Defaults {
    credential: Option<Arc<str>>,
    params: Vec<(&'static str, TypeId, Arc<dyn Any + Send + Sync>)>,
}

impl Defaults {
    /// No credential, no shared params.
    pub fn new() -> Defaults {
        Defaults::default()
    }

    /// Sets the credential.
    pub fn set_credential(&mut self, secret: impl Into<String>) {
        self.credential = Some(Arc::from(secret.into()));
    }

    /// Sets the default value of the shared param `key`.
    pub fn set<T: Clone + Send + Sync + 'static>(&mut self, key: SharedParam<T>, value: T) {
        let ty = TypeId::of::<T>();
        let value: Arc<dyn Any + Send + Sync> = Arc::new(value);
        match self
            .params
            .iter_mut()
            .find(|(name, t, _)| *name == key.name && *t == ty)
        {
            Some(slot) => slot.2 = value,
            None => self.params.push((key.name, ty, value)),
        }
    }

    /// Whether nothing is set: requests go out as they are.
    pub fn is_empty(&self) -> bool {
        self.credential.is_none() && self.params.is_empty()
    }

    /// Fills a credential param the request leaves unset.
    pub fn fill_credential(&self, slot: &mut Option<String>) {
        if slot.is_none() {
            if let Some(secret) = &self.credential {
                *slot = Some(secret.to_string());
            }
        }
    }

    /// Fills the shared param `name` when the request leaves it unset and a
    /// default of its type is set (a default of another type, for another
    /// module's or API's param of the same name, is that param's).
    pub fn fill<T: Clone + 'static>(&self, name: &str, slot: &mut Option<T>) {
        if slot.is_some() {
            return;
        }
        let ty = TypeId::of::<T>();
        let value = self
            .params
            .iter()
            .find(|(n, t, _)| *n == name && *t == ty)
            .and_then(|(_, _, v)| v.downcast_ref::<T>());
        if let Some(value) = value {
            *slot = Some(value.clone());
        }
    }
}

impl fmt::Debug for Defaults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.params.iter().map(|(name, _, _)| *name).collect();
        f.debug_struct("Defaults")
            .field(
                "credential",
                &self.credential.as_ref().map(|_| super::Redacted),
            )
            .field("params", &names)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{Defaults, SharedParam};

    const APPLICATION: SharedParam<String> = SharedParam::new("application");
    const LIMIT: SharedParam<i64> = SharedParam::new("limit");

    #[test]
    fn fills_only_what_the_request_leaves_unset() {
        let mut defaults = Defaults::new();
        defaults.set_credential("s3cret");
        defaults.set(APPLICATION, "planoauth".to_string());
        defaults.set(APPLICATION, "planoorder".to_string());
        let (mut token, mut own) = (None, Some("mine".to_string()));
        let mut app: Option<String> = None;
        defaults.fill_credential(&mut token);
        defaults.fill_credential(&mut own);
        defaults.fill("application", &mut app);
        assert_eq!(token.as_deref(), Some("s3cret"));
        assert_eq!(own.as_deref(), Some("mine"));
        assert_eq!(app.as_deref(), Some("planoorder"));
        // A default of another type is another param's, kept apart.
        let mut limit: Option<i64> = None;
        defaults.fill("application", &mut limit);
        assert_eq!(limit, None);
        defaults.set(LIMIT, 50);
        defaults.fill("limit", &mut limit);
        assert_eq!(limit, Some(50));
        const OTHER_APPLICATION: SharedParam<i64> = SharedParam::new("application");
        defaults.set(OTHER_APPLICATION, 7);
        let (mut text, mut number): (Option<String>, Option<i64>) = (None, None);
        defaults.fill("application", &mut text);
        defaults.fill("application", &mut number);
        assert_eq!((text.as_deref(), number), (Some("planoorder"), Some(7)));
    }

    #[test]
    fn debug_never_shows_the_credential() {
        let mut defaults = Defaults::new();
        defaults.set_credential("s3cret");
        defaults.set(APPLICATION, "planoauth".to_string());
        let shown = format!("{defaults:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("<redacted>") && shown.contains("application"));
    }
}
