//! (in progress)
use crate::error::ParseError;
use crate::tree::Decision;

pub fn assemble(_input: &str) -> Result<Decision, ParseError> {
    Err(ParseError::Empty { line: 1, column: 1, offset: 0 })
}
