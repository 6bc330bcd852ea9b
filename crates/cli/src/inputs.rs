//! Command-line arguments to a deterministic list of inputs, each with its output name.
//!
//! Output naming: an input found under a folder argument is named by its path relative to
//! that folder plus `.json` (`corpus/a/x.pdf` given as `corpus` → `a/x.pdf.json`); a file
//! given directly or listed in a manifest is named by its file name plus `.json`
//! (`docs/x.pdf` → `x.pdf.json`). Keeping the extension keeps `x.pdf` and `x.txt` apart.
//! When two inputs still get the same name, the later ones (in argument order) get `~2`,
//! `~3`… before `.json` (`x.pdf~2.json`). Names are computed over the whole list before
//! sharding, so every shard names a document the same way.
//!
//! Paths are written losslessly ([`escape`]): a byte that is not part of valid UTF-8 becomes
//! `%XX` (two uppercase hex digits) and a `%` followed by two hex digits becomes `%25`, both
//! in `source.path` and in the output name; [`unescape`] gives the bytes back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why the arguments could not be expanded; these are usage errors (exit status 2).
#[derive(Debug, Error)]
pub enum InputError {
    /// A `@manifest` could not be read.
    #[error("cannot read manifest {path}: {source}")]
    Manifest {
        /// The manifest path.
        path: String,
        /// Underlying error.
        source: std::io::Error,
    },
}

/// One document to process and the name of its output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path as given, or the folder argument joined with the path found under it.
    pub path: PathBuf,
    /// Output name relative to `--out` (may hold sub-folders), see the module doc.
    pub output_name: String,
}

impl Input {
    /// The path as a string, as it is written into the record's `source.path` ([`escape`]).
    pub fn display(&self) -> String {
        escape(self.path.as_os_str())
    }
}

/// The bytes of an OS string: on Unix exactly, elsewhere its (lossy) UTF-8.
fn os_bytes(s: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        std::borrow::Cow::Borrowed(std::os::unix::ffi::OsStrExt::as_bytes(s))
    }
    #[cfg(not(unix))]
    {
        match s.to_string_lossy() {
            std::borrow::Cow::Borrowed(t) => std::borrow::Cow::Borrowed(t.as_bytes()),
            std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(t.into_bytes()),
        }
    }
}

/// A path or name as UTF-8 without loss: each byte that is not part of valid UTF-8 as `%XX`,
/// and a `%` that is followed by two hex digits as `%25` (so `%XX` always means a byte);
/// everything else as it is. A valid UTF-8 name without `%XX` in it is unchanged.
pub fn escape(s: &std::ffi::OsStr) -> String {
    let bytes = os_bytes(s);
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        for (i, c) in valid.char_indices() {
            let hex_follows = valid
                .as_bytes()
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if c == '%' && hex_follows {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes [`escape`] was given: `%XX` back to the byte XX, everything else as it is
/// (the rule a consumer of `source.path` applies; the tests hold the two to each other).
#[cfg_attr(not(test), allow(dead_code))]
pub fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let byte = b
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (b[i], byte) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// What expanding the arguments gave: the inputs and any problems met while walking folders.
#[derive(Debug, Default)]
pub struct Collected {
    /// Inputs in a deterministic order: arguments in order, folder contents sorted.
    pub inputs: Vec<Input>,
    /// Folder entries that could not be read (reported, not fatal).
    pub walk_errors: Vec<String>,
}

/// Expand files, folders and `@manifest` files into inputs.
///
/// Folders are walked recursively for `.pdf`, `.txt` and `.md` files (any letter case), sorted by
/// name, skipping hidden files and folders (name starting with '.'). A manifest lists one
/// path per line; blank lines and lines starting with `#` are skipped; relative paths are
/// taken as written (relative to the working folder). A path that does not exist stays in
/// the list: it becomes an error record, so every input is accounted for.
pub fn collect(args: &[String]) -> Result<Collected, InputError> {
    let mut found: Vec<(PathBuf, String)> = Vec::new();
    let mut walk_errors = Vec::new();
    for a in args {
        if let Some(manifest) = a.strip_prefix('@') {
            let text =
                std::fs::read_to_string(manifest).map_err(|source| InputError::Manifest {
                    path: manifest.to_string(),
                    source,
                })?;
            for line in text.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') {
                    found.push(file_entry(Path::new(line)));
                }
            }
        } else if Path::new(a).is_dir() {
            walk(Path::new(a), &mut found, &mut walk_errors);
        } else {
            found.push(file_entry(Path::new(a)));
        }
    }
    Ok(Collected {
        inputs: unique_names(found),
        walk_errors,
    })
}

fn file_entry(p: &Path) -> (PathBuf, String) {
    let name = p
        .file_name()
        .map(escape)
        .unwrap_or_else(|| "input".to_string());
    (p.to_path_buf(), format!("{name}.json"))
}

/// PDFs and texts: `.txt`, and `.md` as portals and converters save their text.
fn is_document(p: &Path) -> bool {
    p.extension()
        .map(|e| {
            ["pdf", "txt", "md"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
        .unwrap_or(false)
}

fn walk(root: &Path, found: &mut Vec<(PathBuf, String)>, errors: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            // Not only regular files: a FIFO or device named like a document gets its own
            // error record rather than vanishing from the batch.
            Ok(e) if !e.file_type().is_dir() && is_document(e.path()) => {
                found.push(walked_entry(root, e.path()));
            }
            Ok(_) => {}
            // A dangling link named like a document is an input too (its record says why).
            Err(e) if e.path().is_some_and(is_document) => {
                found.push(walked_entry(root, e.path().unwrap_or(root)));
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
}

/// A path found under `root`, named by its path relative to it.
fn walked_entry(root: &Path, path: &Path) -> (PathBuf, String) {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel
        .components()
        .map(|c| escape(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/");
    (path.to_path_buf(), format!("{rel}.json"))
}

fn unique_names(found: Vec<(PathBuf, String)>) -> Vec<Input> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    found
        .into_iter()
        .map(|(path, name)| {
            let n = seen.entry(name.clone()).or_insert(0);
            *n += 1;
            let output_name = if *n == 1 {
                name
            } else {
                format!("{}~{}.json", name.trim_end_matches(".json"), n)
            };
            Input { path, output_name }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_latin1_file_name_survives_into_the_path_and_the_output_name() {
        use std::os::unix::ffi::OsStrExt;
        // "Quyết định số 5.pdf" saved by an old Windows tool in Latin-1: "Quy\xEAt ..." is
        // not UTF-8 ("\xEA" alone), and a literal "%41" must not read back as "A".
        let raw: &[u8] = b"Quy\xEAt dinh 100%41 50%.pdf";
        let name = std::ffi::OsStr::from_bytes(raw);
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(name), "Giao Sở Xây dựng").unwrap();
        let c = collect(&[d.path().to_string_lossy().into_owned()]).unwrap();
        assert_eq!(c.inputs.len(), 1);
        let input = &c.inputs[0];
        assert_eq!(input.output_name, "Quy%EAt dinh 100%2541 50%.pdf.json");
        assert!(
            input.display().ends_with("/Quy%EAt dinh 100%2541 50%.pdf"),
            "{}",
            input.display()
        );
        assert_eq!(
            unescape(&input.display()),
            input.path.as_os_str().as_bytes()
        );
        assert_eq!(unescape(input.output_name.trim_end_matches(".json")), raw);
        // Two names that a lossy conversion would merge stay apart.
        let other = std::ffi::OsStr::from_bytes(b"Quy\xE9t.pdf");
        let lossy = std::ffi::OsStr::from_bytes(b"Quy\xEBt.pdf");
        assert_ne!(escape(other), escape(lossy));
        assert_eq!(
            escape(std::ffi::OsStr::new("Kế hoạch 01.pdf")),
            "Kế hoạch 01.pdf"
        );
    }

    fn names(c: &Collected) -> Vec<(String, String)> {
        c.inputs
            .iter()
            .map(|i| (i.display(), i.output_name.clone()))
            .collect()
    }

    #[test]
    fn folders_are_walked_sorted_mirrored_and_hidden_files_skipped() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("corpus");
        for f in [
            "b.pdf",
            "a/x.PDF",
            "a/y.txt",
            "a/notes.md",
            "a/notes.docx",
            ".hidden.pdf",
            ".git/z.pdf",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"x").unwrap();
        }
        let c = collect(&[root.to_string_lossy().into_owned()]).unwrap();
        let r = root.to_string_lossy();
        assert_eq!(
            names(&c),
            vec![
                (format!("{r}/a/notes.md"), "a/notes.md.json".to_string()),
                (format!("{r}/a/x.PDF"), "a/x.PDF.json".to_string()),
                (format!("{r}/a/y.txt"), "a/y.txt.json".to_string()),
                (format!("{r}/b.pdf"), "b.pdf.json".to_string()),
            ]
        );
        assert!(c.walk_errors.is_empty());
    }

    #[test]
    fn manifests_skip_blanks_and_comments_and_keep_missing_files() {
        let d = tempfile::tempdir().unwrap();
        let m = d.path().join("list.txt");
        std::fs::write(
            &m,
            "# Kế hoạch tháng 10\n\n  /nonexistent/146-KH.pdf  \nrel/003.txt\n#/skipped.pdf\n",
        )
        .unwrap();
        let c = collect(&[format!("@{}", m.display())]).unwrap();
        assert_eq!(
            names(&c),
            vec![
                (
                    "/nonexistent/146-KH.pdf".to_string(),
                    "146-KH.pdf.json".to_string()
                ),
                ("rel/003.txt".to_string(), "003.txt.json".to_string()),
            ]
        );
    }

    #[test]
    fn a_missing_manifest_is_a_usage_error() {
        let e = collect(&["@/nonexistent/list".to_string()]).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/list"), "{e}");
    }

    #[test]
    fn clashing_names_get_numbered_in_argument_order() {
        let c = collect(&[
            "a/003.pdf".to_string(),
            "b/003.pdf".to_string(),
            "a/003.txt".to_string(),
            "a/003.pdf".to_string(),
        ])
        .unwrap();
        let got: Vec<&str> = c.inputs.iter().map(|i| i.output_name.as_str()).collect();
        assert_eq!(
            got,
            [
                "003.pdf.json",
                "003.pdf~2.json",
                "003.txt.json",
                "003.pdf~3.json"
            ]
        );
    }
}
