//! The binary format that carries a processed corpus from the build into the app.
//!
//! One module writes and reads it. A blob is the magic bytes `FOLIO`, one format-version byte,
//! then the [`Bundle`] encoded with postcard. A reader refuses a blob of another version instead
//! of misreading it. The writer serialises through serde; the reader ([`read`]) is written by
//! hand for the same encoding, so that the app carries no generic deserialiser.

use serde::{Deserialize, Serialize};

mod read;

use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::Corpus;
use crate::topics::Topics;

/// The first bytes of every blob.
pub const MAGIC: &[u8; 5] = b"FOLIO";

/// Bumped whenever the encoded shape of [`Bundle`] changes.
pub const VERSION: u8 = 10;

/// Everything the app needs, as one value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub index: SearchIndex,
    pub topics: Topics,
}

impl Bundle {
    /// The bundle of a corpus: the corpus and its search index.
    pub fn new(corpus: Corpus) -> Bundle {
        let index = SearchIndex::build(&corpus);
        Bundle {
            corpus,
            index,
            topics: Topics::default(),
        }
    }

    /// The bundle with these topics.
    pub fn with_topics(self, topics: Topics) -> Bundle {
        Bundle { topics, ..self }
    }
}

/// Encodes a bundle into a blob.
pub fn encode(bundle: &Bundle) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    let body = postcard::to_allocvec(bundle).map_err(|e| Error::Format(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decodes a blob written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Bundle> {
    let header = MAGIC.len() + 1;
    if bytes.len() < header || &bytes[..MAGIC.len()] != MAGIC {
        return Err(Error::Format("not a folio blob (bad magic bytes)".into()));
    }
    let version = bytes[MAGIC.len()];
    if version != VERSION {
        return Err(Error::Format(format!(
            "blob format version {version}, this build reads version {VERSION}"
        )));
    }
    let (bundle, rest) = read::bundle(&bytes[header..])?;
    if !rest.is_empty() {
        return Err(Error::Format(format!(
            "{} unexpected bytes after the bundle",
            rest.len()
        )));
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Document, Metadata, Section, SourceFormat, Text};

    fn sample() -> Bundle {
        Bundle::new(Corpus {
            documents: vec![Document {
                id: "a".into(),
                title: "A – “quoted”".into(),
                source: "a.txt".into(),
                format: SourceFormat::Text,
                meta: Metadata::default(),
                header: vec!["A – “quoted”".into()],
                sections: vec![Section {
                    id: "intro".into(),
                    title: "Intro".into(),
                    level: 1,
                    untitled: true,
                    blocks: vec![Block::Paragraph(Text::plain("Body\u{a0}text."))],
                }],
                footer: vec![],
            }],
        })
    }

    #[test]
    fn round_trips() {
        let bundle = sample();
        assert_eq!(decode(&encode(&bundle).unwrap()).unwrap(), bundle);
    }

    #[test]
    fn refuses_other_versions_and_garbage() {
        let mut blob = encode(&sample()).unwrap();
        blob[MAGIC.len()] = VERSION + 1;
        let err = decode(&blob).unwrap_err().to_string();
        assert!(err.contains("version"), "{err}");
        assert!(decode(b"nope").is_err());
        let blob = encode(&sample()).unwrap();
        assert!(decode(&blob[..blob.len() - 3]).is_err());
    }
}
