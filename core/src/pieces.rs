//! The pieces of a paragraph's or an item's own text.
//!
//! Almost every paragraph and item is one piece of text, so the pieces are
//! held inline while there is one and in a vector only from the second:
//! a paragraph then costs no allocation for them (the parse makes one per
//! paragraph otherwise, and frees it with the tree). They read as a slice
//! and are serialised as a JSON array, exactly like a `Vec<Text>`.

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::span::Text;

/// A sequence of [`Text`] pieces, inline up to one.
#[derive(Clone, Default)]
pub struct Pieces<'a>(Repr<'a>);

#[derive(Clone, Default)]
enum Repr<'a> {
    #[default]
    Empty,
    One(Text<'a>),
    Many(Vec<Text<'a>>),
}

impl<'a> Pieces<'a> {
    pub fn new() -> Self {
        Pieces(Repr::Empty)
    }

    /// Adds a piece at the end.
    pub fn push(&mut self, t: Text<'a>) {
        self.0 = match std::mem::take(&mut self.0) {
            Repr::Empty => Repr::One(t),
            Repr::One(first) => Repr::Many(vec![first, t]),
            Repr::Many(mut v) => {
                v.push(t);
                Repr::Many(v)
            }
        };
    }

    /// The pieces as a vector.
    pub fn into_vec(self) -> Vec<Text<'a>> {
        match self.0 {
            Repr::Empty => Vec::new(),
            Repr::One(t) => vec![t],
            Repr::Many(v) => v,
        }
    }
}

impl<'a> Deref for Pieces<'a> {
    type Target = [Text<'a>];

    fn deref(&self) -> &[Text<'a>] {
        match &self.0 {
            Repr::Empty => &[],
            Repr::One(t) => std::slice::from_ref(t),
            Repr::Many(v) => v,
        }
    }
}

impl DerefMut for Pieces<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match &mut self.0 {
            Repr::Empty => &mut [],
            Repr::One(t) => std::slice::from_mut(t),
            Repr::Many(v) => v,
        }
    }
}

impl<'a> From<Vec<Text<'a>>> for Pieces<'a> {
    fn from(mut v: Vec<Text<'a>>) -> Self {
        match v.len() {
            0 => Pieces(Repr::Empty),
            1 => v.pop().map_or_else(Pieces::new, |t| Pieces(Repr::One(t))),
            _ => Pieces(Repr::Many(v)),
        }
    }
}

impl<'a> FromIterator<Text<'a>> for Pieces<'a> {
    fn from_iter<I: IntoIterator<Item = Text<'a>>>(iter: I) -> Self {
        let mut p = Pieces::new();
        for t in iter {
            p.push(t);
        }
        p
    }
}

impl<'a> IntoIterator for Pieces<'a> {
    type Item = Text<'a>;
    type IntoIter = std::vec::IntoIter<Text<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'p, 'a> IntoIterator for &'p Pieces<'a> {
    type Item = &'p Text<'a>;
    type IntoIter = std::slice::Iter<'p, Text<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Pieces<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Pieces<'_> {}

impl fmt::Debug for Pieces<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Pieces<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, 'a> Deserialize<'de> for Pieces<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Text<'a>>::deserialize(d).map(Pieces::from)
    }
}

/// The same schema as `Vec<Text>`: an array of texts.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Pieces<'_> {
    fn inline_schema() -> bool {
        <Vec<Text<'static>> as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<Text<'static>> as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<Text<'static>> as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Text<'static>> as schemars::JsonSchema>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn t(s: &'static str, at: usize) -> Text<'static> {
        Text::new(s, Span::new(at, at + s.len(), 1))
    }

    #[test]
    fn reads_serialises_and_compares_like_a_vec() {
        for n in 0..4 {
            let v: Vec<Text> = (0..n).map(|i| t("ab", i * 3)).collect();
            let mut p = Pieces::new();
            for x in v.clone() {
                p.push(x);
            }
            assert_eq!(&*p, v.as_slice());
            assert_eq!(p, Pieces::from(v.clone()));
            assert_eq!(p, v.clone().into_iter().collect::<Pieces>());
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
            assert_eq!(format!("{p:?}"), format!("{v:?}"));
            let back: Pieces = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
            assert_eq!(back, p);
            assert_eq!(p.into_vec(), v);
        }
        let mut p = Pieces::from(vec![t("a", 0)]);
        p[0].text = "b".into();
        assert_eq!(p.first().map(|x| x.text.as_ref()), Some("b"));
    }
}
