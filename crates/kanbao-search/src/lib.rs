//! Kanbao search (being written).
