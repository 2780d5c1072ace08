//! Terminal presentation. `render` is the only importer of colored.

pub mod render;
