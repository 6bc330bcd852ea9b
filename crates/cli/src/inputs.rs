//! Turning command-line arguments into a deterministic list of inputs and output names.

use std::path::{Path, PathBuf};

/// One document to process and the name of its output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path as given or found under a folder argument.
    pub path: PathBuf,
    /// Output file name: the path relative to its folder argument, '/' → "__", plus ".json".
    pub output_name: String,
}

/// Expand files, folders (recursive: .pdf and .txt, hidden files skipped, sorted) and
/// `@manifest` files into inputs. A missing file stays in the list: it becomes an error
/// record, so every argument is accounted for.
pub fn collect(args: &[String]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for a in args {
        if let Some(manifest) = a.strip_prefix('@') {
            let text = std::fs::read_to_string(manifest)
                .map_err(|e| format!("cannot read manifest {manifest}: {e}"))?;
            for line in text.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') {
                    out.push(file_input(Path::new(line)));
                }
            }
            continue;
        }
        let p = Path::new(a);
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| format!("cannot read folder {a}: {e}"))?;
            found.sort();
            for f in found {
                let rel = f.strip_prefix(p).unwrap_or(&f);
                out.push(Input {
                    output_name: name_for(rel),
                    path: f,
                });
            }
        } else {
            out.push(file_input(p));
        }
    }
    Ok(out)
}

fn file_input(p: &Path) -> Input {
    let name = p
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| p.to_path_buf());
    Input {
        path: p.to_path_buf(),
        output_name: name_for(&name),
    }
}

fn name_for(rel: &Path) -> String {
    let s = rel.to_string_lossy().replace(['/', '\\'], "__");
    let stem = s
        .strip_suffix(".pdf")
        .or_else(|| s.strip_suffix(".PDF"))
        .or_else(|| s.strip_suffix(".txt"))
        .unwrap_or(&s);
    format!("{stem}.json")
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, found)?;
        } else if path
            .extension()
            .map(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
            .unwrap_or(false)
        {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_mirror_relative_paths() {
        assert_eq!(name_for(Path::new("a/x.pdf")), "a__x.json");
        assert_eq!(name_for(Path::new("003.txt")), "003.json");
    }

    #[test]
    fn missing_files_are_kept() {
        let l = collect(&["/nonexistent/x.pdf".to_string()]).unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].output_name, "x.json");
    }
}
