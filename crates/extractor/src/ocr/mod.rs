//! OCR for pages without a usable text layer: a page image (the page's own JPEG when it is
//! one image at a good resolution, else the page rendered by `pdftoppm`) read by the
//! Tesseract CLI with the `vie` model, one Tesseract thread per page, pages in parallel.
//!
//! The CLI, not the library: no C build or link step, a crash or a hang stays in a child
//! process that a time limit can kill, and Debian's packages are all a user installs.

mod image;
mod run;
mod stage;
mod tsv;

use crate::budget::Budget;
use rayon::prelude::*;
use std::time::Duration;

pub use run::{tools, Tools};
pub use stage::apply;
pub use tsv::{read_tsv, OcrText};

/// When pages are OCR'd.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OcrMode {
    /// Pages with no text or an unreadable text layer, when Tesseract is installed.
    #[default]
    Auto,
    /// Never; such pages only get an `ocr_needed` warning.
    Never,
    /// Every page of a PDF, whatever its text layer.
    Force,
}

impl std::str::FromStr for OcrMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(OcrMode::Auto),
            "never" => Ok(OcrMode::Never),
            "force" => Ok(OcrMode::Force),
            _ => Err(format!("unknown OCR mode {s:?} (auto, never or force)")),
        }
    }
}

/// Resolution pages are rendered at, and the lowest native image resolution used as is.
pub const RENDER_DPI: u32 = 300;
const NATIVE_MIN_DPI: u32 = 200;
/// Longest time one page's Tesseract run may take.
const PAGE_TIME_LIMIT: Duration = Duration::from_secs(60);

/// One page to OCR: its 1-based number and whether its text layer holds drawn text
/// (a broken font: the page must be rendered, not its images read).
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    /// 1-based page number.
    pub number: u32,
    /// The page has text of its own (unreadable): render it.
    pub has_text: bool,
}

/// One page read by OCR, or why not.
pub type PageResult = Result<OcrText, Failure>;

/// Why a page was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The page draws nothing: there is nothing to read.
    Blank,
    /// The page must be rendered and `pdftoppm` is not installed.
    NoRenderer,
    /// A program failed or overran its time.
    Failed(String),
}

impl From<String> for Failure {
    fn from(e: String) -> Self {
        Failure::Failed(e)
    }
}

/// OCR the `wanted` pages of the PDF `bytes`, in parallel; results in the order asked.
/// Needs [`tools`]`().tesseract`; pages that must be rendered need `pdftoppm` too.
pub fn read_pages(bytes: &[u8], wanted: &[Wanted], budget: &Budget) -> Vec<PageResult> {
    let dir = match run::TempDir::new() {
        Ok(d) => d,
        Err(e) => return wanted.iter().map(|_| Err(e.clone().into())).collect(),
    };
    let pdf_path = dir.path().join("in.pdf");
    let sources = image::page_images(bytes, wanted);
    let needs_pdf = sources.iter().any(|s| matches!(s, image::Source::Render));
    if needs_pdf && tools().pdftoppm {
        if let Err(e) = std::fs::write(&pdf_path, bytes) {
            return wanted.iter().map(|_| Err(e.to_string().into())).collect();
        }
    }
    wanted
        .par_iter()
        .zip(sources.par_iter())
        .map(|(w, src)| {
            let timeout = budget
                .remaining()
                .map_or(PAGE_TIME_LIMIT, |r| r.min(PAGE_TIME_LIMIT));
            if timeout.is_zero() {
                return Err(Failure::Failed("time limit reached before OCR".into()));
            }
            let base = dir.path().join(format!("p{}", w.number));
            let (img, dpi) = match src {
                image::Source::Native(native) => (native.write(&base)?, native.dpi),
                image::Source::Blank => return Err(Failure::Blank),
                image::Source::Render if !tools().pdftoppm => return Err(Failure::NoRenderer),
                image::Source::Render => (
                    run::render(&pdf_path, w.number, RENDER_DPI, &base, timeout)?,
                    RENDER_DPI,
                ),
            };
            let tsv = run::tesseract(&img, dpi, &base, timeout)?;
            let _ = std::fs::remove_file(&img);
            Ok(read_tsv(&tsv, dpi))
        })
        .collect()
}
