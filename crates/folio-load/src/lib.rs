//! Reading a data folder from disk: every file below it, as [`SourceFile`]s in a stable order.
//!
//! This is the only place that touches the file system for ingest; the build script and the
//! command line share it. Besides the folder, it reads one file above it: the MkDocs
//! configuration of a folder that is MkDocs' `docs_dir`, for the order of its pages. Hidden
//! files and folders (names starting with `.`) are left out, as version-control and editor
//! files are, but for the folder's `.folioignore`; everything else is handed to ingest, which
//! decides what to read and warns about what it skips.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use folio_core::ingest::{ignore, order};
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

/// Reads every non-hidden file below `dir` (and its `.folioignore`), sorted by relative path,
/// and the MkDocs configuration above it when `dir` is its `docs_dir` (as `../mkdocs.yml`), for the order of
/// the pages.
pub fn load_dir(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.extend(mkdocs_above(dir)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The MkDocs configuration of the folder above `dir`, if it names `dir` as its `docs_dir`.
fn mkdocs_above(dir: &Path) -> Result<Option<SourceFile>, LoadError> {
    let Ok(dir) = dir.canonicalize() else {
        return Ok(None);
    };
    let Some(parent) = dir.parent() else {
        return Ok(None);
    };
    for name in order::MKDOCS {
        let path = parent.join(name);
        if !path.is_file() {
            continue;
        }
        let bytes = fs::read(&path).map_err(err(&path))?;
        // A configuration that is not YAML is taken when the folder has the default name, so
        // that the build says what is wrong with it.
        let docs_dir = std::str::from_utf8(&bytes)
            .ok()
            .and_then(order::mkdocs_docs_dir)
            .unwrap_or_else(|| "docs".into());
        let names_dir = parent
            .join(docs_dir)
            .canonicalize()
            .is_ok_and(|docs| docs == dir);
        if names_dir {
            return Ok(Some(SourceFile {
                path: format!("../{name}"),
                bytes,
            }));
        }
    }
    Ok(None)
}

/// Makes an I/O error on `path` a [`LoadError`].
fn err(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError {
    let path = path.to_path_buf();
    move |cause| LoadError { path, cause }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> Result<(), LoadError> {
    for entry in fs::read_dir(dir).map_err(err(dir))? {
        let entry = entry.map_err(err(dir))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && !(dir == root && name == ignore::FILE_NAME) {
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

/// Writes the list of the images a build of `data` publishes (the paths of
/// [`Ingested::media`], separated by NUL bytes) to `<target>/folio-media/<key>.txt`, where the
/// key is [`folder_key`] of `data`: the build script writes it, and `tools/seal_dist.py`, which
/// copies the images into the app's `media/`, reads it.
pub fn write_media_list(target: &Path, data: &Path, media: &[String]) -> Result<(), LoadError> {
    let folder = data.canonicalize().map_err(err(data))?;
    let dir = target.join("folio-media");
    let path = dir.join(format!("{}.txt", folder_key(&folder.to_string_lossy())));
    fs::create_dir_all(&dir).map_err(err(&dir))?;
    fs::write(&path, media.join("\0")).map_err(err(&path))
}

/// The 64-bit FNV-1a hash of a folder's canonical path, in hexadecimal: a file name that
/// stands for the folder.
pub fn folder_key(canonical: &str) -> String {
    let mut key: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in canonical.bytes() {
        key = (key ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{key:016x}")
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
        fs::write(dir.join(".folioignore"), "b.txt").unwrap();
        fs::write(dir.join("sub/.folioignore"), "a.md").unwrap();
        let files = load_dir(&dir).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, [".folioignore", "b.txt", "sub/a.md"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reads_the_mkdocs_configuration_of_its_docs_dir() {
        let root = std::env::temp_dir().join(format!("folio-load-mkdocs-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("pages")).unwrap();
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("pages/a.md"), "A").unwrap();
        fs::write(root.join("docs/b.md"), "B").unwrap();
        let config = "site_name: S\ndocs_dir: pages\nnav:\n  - a.md\n";
        fs::write(root.join("mkdocs.yml"), config).unwrap();
        let names = |dir: &str| -> Vec<String> {
            load_dir(&root.join(dir))
                .unwrap()
                .into_iter()
                .map(|f| f.path)
                .collect()
        };
        assert_eq!(names("pages"), ["../mkdocs.yml", "a.md"]);
        assert_eq!(names("docs"), ["b.md"]);
        let files = load_dir(&root.join("pages")).unwrap();
        assert_eq!(files[0].bytes, config.as_bytes());
        // Not YAML: taken for a folder named `docs`, so that the build can say so.
        fs::write(root.join("mkdocs.yml"), "nav: [\n").unwrap();
        assert_eq!(names("docs"), ["../mkdocs.yml", "b.md"]);
        assert_eq!(names("pages"), ["a.md"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn the_media_list_is_named_by_the_fnv1a_hash_of_the_folder() {
        // The published FNV-1a 64 values; tools/test_seal_dist.py checks the same.
        assert_eq!(folder_key(""), "cbf29ce484222325");
        assert_eq!(folder_key("a"), "af63dc4c8601ec8c");
        let root = std::env::temp_dir().join(format!("folio-load-media-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("data")).unwrap();
        let media = ["a.png".to_string(), "b/c.svg".to_string()];
        write_media_list(&root.join("target"), &root.join("data"), &media).unwrap();
        let key = folder_key(&root.join("data").canonicalize().unwrap().to_string_lossy());
        let written = fs::read(root.join(format!("target/folio-media/{key}.txt"))).unwrap();
        assert_eq!(written, b"a.png\0b/c.svg");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn names_a_missing_folder() {
        let err = load_dir(Path::new("/no/such/folio/dir")).unwrap_err();
        assert!(err.to_string().starts_with("/no/such/folio/dir"), "{err}");
    }
}
