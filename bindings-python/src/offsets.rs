//! Byte offsets (what the core's spans hold) to Python string indices (code
//! points), with one table per input.
//!
//! The table lists every multi-byte character of the input with the number of
//! extra bytes (bytes beyond one per character) up to and including it. For
//! ASCII input, the common case, it is empty and conversion is the identity.

/// The byte-to-code-point table of one input.
#[derive(Debug, Clone, Default)]
pub struct Offsets {
    /// `(start byte of a multi-byte character, extra bytes so far)`, by start.
    wide: Vec<(usize, usize)>,
    /// The input's length in bytes and in code points.
    len_bytes: usize,
    len_chars: usize,
}

impl Offsets {
    /// Builds the table for `text` (valid UTF-8).
    pub fn new(text: &str) -> Offsets {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // Skip ASCII (most of the prose): 32 bytes at a time, then
                // up to the next wide character.
                while let Some(block) = bytes.get(i..i + 32) {
                    let mut any = 0u64;
                    for word in block.chunks_exact(8) {
                        any |= u64::from_le_bytes(word.try_into().unwrap());
                    }
                    if any & 0x8080_8080_8080_8080 != 0 {
                        break;
                    }
                    i += 32;
                }
                while i < bytes.len() && bytes[i] < 0x80 {
                    i += 1;
                }
                continue;
            }
            let width = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            extra += width - 1;
            wide.push((i, extra));
            i += width;
        }
        Offsets {
            wide,
            len_bytes: bytes.len(),
            len_chars: bytes.len() - extra,
        }
    }

    /// The table of an ASCII text of `len` bytes (the identity).
    pub fn ascii(len: usize) -> Offsets {
        Offsets {
            wide: Vec::new(),
            len_bytes: len,
            len_chars: len,
        }
    }

    /// True when byte offsets and code-point offsets are the same (ASCII input).
    pub fn is_identity(&self) -> bool {
        self.wide.is_empty()
    }

    /// The code-point index of byte offset `byte`: the number of characters
    /// that start before it. Offsets past the end map to the length in
    /// characters; an offset inside a character maps to that character.
    pub fn char_index(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        if self.wide.is_empty() {
            return byte;
        }
        // Characters starting before `byte`.
        let n = self.wide.partition_point(|&(start, _)| start < byte);
        if n == 0 {
            return byte;
        }
        let (start, extra) = self.wide[n - 1];
        let width_extra = if n >= 2 {
            extra - self.wide[n - 2].1
        } else {
            extra
        };
        let end = start + width_extra + 1;
        if byte < end {
            // Inside the character that starts at `start`: its own index.
            start - (extra - width_extra)
        } else {
            byte - extra
        }
    }
}

/// Where decoding stopped in invalid UTF-8: byte offset, 1-based line and
/// column (characters), and code-point offset of the first bad byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadUtf8 {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub char_offset: usize,
    pub byte: Option<u8>,
    /// The input ends inside a character.
    pub truncated: bool,
}

impl BadUtf8 {
    pub fn locate(bytes: &[u8], err: std::str::Utf8Error) -> BadUtf8 {
        let offset = err.valid_up_to();
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let prefix = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
        // Line ends as the core counts them: `\n`, `\r\n` and a lone `\r`.
        let b = prefix.as_bytes();
        let line = 1
            + (0..b.len())
                .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
                .count();
        let line_start = prefix.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let column = prefix[line_start..].chars().count() + 1;
        BadUtf8 {
            offset,
            line,
            column,
            char_offset: prefix.chars().count(),
            byte: bytes.get(offset).copied(),
            truncated: err.error_len().is_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        for text in [
            "",
            "plain ascii text that is long enough",
            "£300 – Ms X’s “view”\u{a0}12 months…",
            "😀a😀bb😀",
            "é",
            "0123456789abcdef0123456789abcdef£0123456789abcdef0123456789abcdef€x",
            "a long ascii run of more than thirty-two bytes, then ’ and 😀 at the end",
        ] {
            let t = Offsets::new(text);
            let mut chars = 0;
            for (b, _) in text.char_indices() {
                assert_eq!(t.char_index(b), chars, "{text:?} at {b}");
                chars += 1;
            }
            assert_eq!(t.char_index(text.len()), text.chars().count());
            assert_eq!(t.char_index(text.len() + 5), text.chars().count());
        }
    }

    #[test]
    fn matches_char_indices_on_mixed_runs() {
        // ASCII runs of every length around the 32-byte blocks, between wide
        // characters of every width.
        let wide = ['£', '’', '😀', '\u{a0}'];
        let mut seed = 12345u32;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..8 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let run = (seed >> 16) as usize % 70;
                text.extend(std::iter::repeat('a').take(run));
                text.push(wide[(seed >> 8) as usize % wide.len()]);
            }
            let t = Offsets::new(&text);
            for (chars, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(t.char_index(b), chars);
            }
            assert_eq!(t.char_index(text.len()), text.chars().count());
        }
        assert!(Offsets::ascii(10).is_identity());
        assert_eq!(Offsets::ascii(10).char_index(99), 10);
    }
}
