//! The fuzz targets' shared code: the invariants and the input decoding live
//! beside the regression test that replays the kept corpus (rust/tests).

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

pub use invariants::*;
