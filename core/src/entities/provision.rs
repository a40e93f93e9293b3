//! [`Provision`]: one provision of a citation as a path of parts, `26(1)`
//! as `["26", "1"]`.
//!
//! A decision cites a few provisions, each of two or three short parts.
//! Held as a vector of strings, every part and every path would be an
//! allocation of its own: most of the legislation scanner's allocations,
//! each freed again with the decision. Here the parts are
//! held inline (three, of up to 24 bytes each, before anything is
//! allocated), and the path reads, compares and serialises as the list of
//! strings it is.

use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;

/// One provision as a path from the outermost part: `26(1)` ->
/// `["26", "1"]`, `26(6)(a)` -> `["26", "6", "a"]`; units other than
/// sections carry their name: `["Part 3A"]`, `["Schedule 5", "paragraph 5", "2"]`.
///
/// Reads as a slice of its parts (`p[0] == "26"`, `p.len()`, `p.iter()`),
/// and serialises as a JSON array of strings.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Provision {
    parts: SmallVec<[CompactString; 3]>,
}

impl Provision {
    /// A path of no parts, to [`push`](Provision::push) them onto.
    pub fn new() -> Provision {
        Provision::default()
    }

    /// Appends a part.
    pub fn push(&mut self, part: impl Into<CompactString>) {
        self.parts.push(part.into());
    }

    /// The parts as string slices, outermost first.
    pub fn parts(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.parts.iter().map(CompactString::as_str)
    }
}

impl Deref for Provision {
    type Target = [CompactString];

    fn deref(&self) -> &[CompactString] {
        &self.parts
    }
}

impl<S: Into<CompactString>> FromIterator<S> for Provision {
    fn from_iter<I: IntoIterator<Item = S>>(parts: I) -> Provision {
        Provision {
            parts: parts.into_iter().map(Into::into).collect(),
        }
    }
}

/// Compares with a list of parts: `p == ["26", "1"]`.
impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Provision {
    fn eq(&self, other: &[S; N]) -> bool {
        self.parts().eq(other.iter().map(AsRef::as_ref))
    }
}

/// As the list of parts, `["26", "1"]`.
impl fmt::Debug for Provision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.parts()).finish()
    }
}

impl Serialize for Provision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.parts())
    }
}

impl<'de> Deserialize<'de> for Provision {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Provision, D::Error> {
        Vec::<CompactString>::deserialize(deserializer).map(Provision::from_iter)
    }
}

/// The schema of a list of strings, written in place (as `Vec<String>`'s).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Provision {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<String> as schemars::JsonSchema>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String> as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_serialises_as_its_parts() {
        let p: Provision = ["Schedule 5", "paragraph 5", "2"].into_iter().collect();
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], "Schedule 5");
        assert_eq!(p, ["Schedule 5", "paragraph 5", "2"]);
        assert_ne!(p, ["Schedule 5", "paragraph 5"]);
        assert_eq!(format!("{p:?}"), r#"["Schedule 5", "paragraph 5", "2"]"#);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"["Schedule 5","paragraph 5","2"]"#);
        assert_eq!(serde_json::from_str::<Provision>(&json).unwrap(), p);
        // The same JSON as the vector of strings it stands for.
        let v: Vec<String> = p.parts().map(str::to_string).collect();
        assert_eq!(serde_json::to_string(&v).unwrap(), json);
        // Parts longer than the inline room, and more of them, are kept whole.
        let long: Provision = ["a".repeat(40), "b".into(), "c".into(), "d".into()]
            .into_iter()
            .collect();
        assert_eq!(
            long.parts().map(str::len).collect::<Vec<_>>(),
            [40, 1, 1, 1]
        );
    }
}
