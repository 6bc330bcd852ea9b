//! The external programs: finding them once, a private temporary folder, and runs of
//! `pdftoppm` and `tesseract` that are killed when they overrun their time.

use once_cell::sync::Lazy;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Which OCR programs this machine has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tools {
    /// `tesseract` on PATH with the `vie` model.
    pub tesseract: bool,
    /// `pdftoppm` (poppler-utils) on PATH, to render pages.
    pub pdftoppm: bool,
}

/// The OCR programs found on PATH, looked up once per process.
pub fn tools() -> Tools {
    static TOOLS: Lazy<Tools> = Lazy::new(|| Tools {
        tesseract: Command::new("tesseract")
            .arg("--list-langs")
            .stderr(Stdio::null())
            .output()
            .is_ok_and(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.trim() == "vie")
            }),
        pdftoppm: Command::new("pdftoppm")
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok(),
    });
    *TOOLS
}

/// A folder of this process's own, removed with everything in it when dropped.
pub(super) struct TempDir(PathBuf);

impl TempDir {
    /// A new empty folder under the system's temporary folder.
    pub(super) fn new() -> Result<Self, String> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("nhiemvu-ocr-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("temporary folder: {e}"))?;
        Ok(TempDir(dir))
    }

    /// The folder.
    pub(super) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run `cmd` to its end or until `timeout`, when it is killed.
fn run(mut cmd: Command, timeout: Duration) -> Result<(), String> {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{name}: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| format!("{name}: {e}"))? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(format!("{name} failed ({status})")),
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{name} ran over {} s", timeout.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(15)),
        }
    }
}

/// Render page `page` of `pdf` in gray at `dpi`; returns the PGM's path (`base`.pgm).
pub(super) fn render(
    pdf: &Path,
    page: u32,
    dpi: u32,
    base: &Path,
    timeout: Duration,
) -> Result<PathBuf, String> {
    let mut cmd = Command::new("pdftoppm");
    let n = page.to_string();
    cmd.args([
        "-r",
        &dpi.to_string(),
        "-gray",
        "-singlefile",
        "-f",
        &n,
        "-l",
        &n,
    ])
    .arg(pdf)
    .arg(base);
    run(cmd, timeout)?;
    Ok(base.with_extension("pgm"))
}

/// Read `img` (at `dpi`) with Tesseract `vie`, one thread, as one block of text (page
/// segmentation mode 6); returns the TSV of its words.
pub(super) fn tesseract(
    img: &Path,
    dpi: u32,
    base: &Path,
    timeout: Duration,
) -> Result<String, String> {
    let mut cmd = Command::new("tesseract");
    cmd.arg(img)
        .arg(base)
        .args(["-l", "vie", "--psm", "6", "--dpi", &dpi.to_string(), "tsv"])
        .env("OMP_THREAD_LIMIT", "1");
    run(cmd, timeout)?;
    let tsv = base.with_extension("tsv");
    let text = std::fs::read_to_string(&tsv).map_err(|e| format!("tesseract output: {e}"))?;
    let _ = std::fs::remove_file(&tsv);
    Ok(text)
}
