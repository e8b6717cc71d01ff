//! The corpus embedded at build time, decoded once when the app starts.

use std::rc::Rc;

use folio_core::Corpus;

/// The blob written by the build script from the data folder.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.folio"));

/// Decodes the embedded corpus. The error is a sentence fit to show to the reader.
pub fn load() -> Result<Rc<Corpus>, String> {
    decode(BLOB)
}

/// Decodes a blob into a corpus that has at least one document.
pub fn decode(bytes: &[u8]) -> Result<Rc<Corpus>, String> {
    let bundle = folio_core::format::decode(bytes).map_err(|e| e.to_string())?;
    if bundle.corpus.documents.is_empty() {
        return Err("the corpus holds no documents".into());
    }
    Ok(Rc::new(bundle.corpus))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_corpus_decodes() {
        let corpus = load().expect("the embedded blob decodes");
        assert!(!corpus.documents.is_empty());
    }

    #[test]
    fn garbage_gives_a_message_not_a_panic() {
        let err = decode(b"not a blob").unwrap_err();
        assert!(err.contains("blob"), "{err}");
    }
}
