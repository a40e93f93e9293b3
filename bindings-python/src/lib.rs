//! Python bindings for lgsco (in progress).
