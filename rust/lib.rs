//! dealscope's core: multilingual tokenizing and amount parsing.
//!
//! Every language fact comes from the lexicon files of the Python package
//! (embedded at compile time); the pure-Python engine reads the same files
//! and follows the same rules, and the test suite requires identical output.

pub mod amounts;
pub mod arrow;
pub mod arrow_import;
pub mod batch;
pub mod chars;
pub mod cues;
pub mod dates;
pub mod fxhash;
pub mod langdetect;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod phrases;
pub mod pool;
pub mod sentences;
pub mod threads;
pub mod tokenizer;
pub mod view;

#[cfg(feature = "python")]
mod python;
