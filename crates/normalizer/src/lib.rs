//! Vietnamese text canonicalization. Knows nothing of PDF.
//!
//! - [`text`]: NFC, one tone style for matching, dashes, spaces, invisible characters.
//! - [`legacy`]: TCVN3 (ABC) and VNI-Windows mojibake detected and mapped to Unicode.
//! - [`readability`]: how much of a page reads as Vietnamese (OCR-needed warnings).
//! - [`segment`]: syllables glued by extraction ("chủtrì", "uỷUBND") split apart again.
//! - [`markup`]: markdown-ish portal and converter text: emphasis, `|` tables, flavours.
//! - [`layout`]: raw page text to clean lines and paragraphs with offsets back into the page,
//!   page numbers, running headers, footnotes and signature-stamp text set apart.
//! - [`lexicon`]: every Vietnamese word list and pattern fragment as sorted, tested tables.
//! - [`units`], [`numbers`]: canonical unit names, Vietnamese number notation, Roman numerals.
//!
//! ```
//! use nhiemvu_normalizer::text::match_key;
//! assert_eq!(match_key("Hoà  Bình"), match_key("hòa bình"));
//! ```

pub mod layout;
pub mod legacy;
pub mod lexicon;
pub mod markup;
pub mod numbers;
pub mod ocr;
pub mod readability;
pub mod segment;
pub mod text;
pub mod units;
