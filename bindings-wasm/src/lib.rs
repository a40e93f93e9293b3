//! JavaScript bindings for lgsco (in progress).
