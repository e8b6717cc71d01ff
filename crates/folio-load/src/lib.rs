//! Reading a data folder from disk: every file below it, as [`SourceFile`]s in a stable order.
//!
//! This is the only place that touches the file system for ingest; the build script and the
//! command line share it. Hidden files and folders (names starting with `.`) are left out, as
//! version-control and editor files are; everything else is handed to ingest, which decides
//! what to read and warns about what it skips.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use folio_core::ingest::{ingest, Ingested, SourceFile, Warning};

/// A folder or file that could not be read.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub cause: std::io::Error,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.cause)
    }
}

impl std::error::Error for LoadError {}

/// Reads every non-hidden file below `dir`, sorted by relative path.
pub fn load_dir(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> Result<(), LoadError> {
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| LoadError { path, cause }
    };
    for entry in fs::read_dir(dir).map_err(err(dir))? {
        let entry = entry.map_err(err(dir))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(err(&path))?;
        if kind.is_dir() {
            walk(root, &path, out)?;
        } else {
            let bytes = fs::read(&path).map_err(err(&path))?;
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(SourceFile { path: name, bytes });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_files_recursively_in_order_and_skips_hidden_ones() {
        let dir = std::env::temp_dir().join(format!("folio-load-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::create_dir_all(dir.join(".git")).unwrap();
        fs::write(dir.join("b.txt"), "B").unwrap();
        fs::write(dir.join("sub/a.md"), "A").unwrap();
        fs::write(dir.join(".hidden"), "H").unwrap();
        fs::write(dir.join(".git/config"), "G").unwrap();
        let files = load_dir(&dir).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, ["b.txt", "sub/a.md"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_a_missing_folder() {
        let err = load_dir(Path::new("/no/such/folio/dir")).unwrap_err();
        assert!(err.to_string().starts_with("/no/such/folio/dir"), "{err}");
    }
}
