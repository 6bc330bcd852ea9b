//! From a PDF or text file to a [`DocumentRecord`]: pages, clean text, structure, tasks.
//!
//! Data flows one way: [`pdf`] (or [`text_input`]) gives pages, the normalizer cleans them,
//! [`header`] and [`outline`] build the document's structure, [`tasks`] turns outline units
//! into tasks with [`deadline`]s and [`target`]s. Nothing here knows an output format.
//!
//! The rules hold no word lists of their own: every Vietnamese word they match comes from
//! `nhiemvu_normalizer::lexicon` (add a word there, as one row). A rule that decides a
//! task's lead or due date has a name ([`nhiemvu_model::UnitRule`],
//! [`nhiemvu_model::DateRule`]) that the task carries, so a reader can see why.
//!
//! ```no_run
//! let rec = nhiemvu_extractor::process_file(std::path::Path::new("corpus/003.pdf"), &Default::default());
//! println!("{} tasks", rec.tasks.len());
//! ```

pub mod analyse;
pub mod budget;
pub mod deadline;
pub mod error;
pub mod header;
pub mod limits;
pub mod ocr;
pub mod outline;
pub mod pdf;
pub mod pipeline;
pub mod signature;
pub mod table;
pub mod target;
pub mod task_table;
pub mod tasks;
pub mod text_input;
pub mod textlayer;
pub mod units;

pub use error::ExtractError;
pub use nhiemvu_model::DocumentRecord;
pub use pipeline::{process_bytes, process_file, Options};
