//! Errors of folio-core: one enum whose messages say what went wrong and where.

use std::fmt;

/// What can go wrong while ingesting sources or decoding a blob. Queries never fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A source file that cannot become a document. `file` is its path in the data folder.
    Source { file: String, cause: String },
    /// Two source files that produce the same document id.
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    /// A data folder with no document in it.
    EmptyCorpus,
    /// Several files that cannot become documents, in folder order.
    #[cfg(feature = "ingest")]
    Several(Vec<Error>),
    /// A blob that cannot be decoded.
    Format(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    #[cfg(feature = "ingest")]
    pub(crate) fn source(file: &str, cause: impl Into<String>) -> Self {
        Error::Source {
            file: file.to_string(),
            cause: cause.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source { file, cause } => write!(f, "{file}: {cause}"),
            Error::DuplicateId { id, first, second } => write!(
                f,
                "{second}: document id `{id}` is already used by {first}; rename one of the files, or leave one out in .folioignore"
            ),
            Error::EmptyCorpus => write!(f, "the data folder holds no document to ingest"),
            #[cfg(feature = "ingest")]
            Error::Several(errors) => {
                write!(f, "{} files cannot be read:", errors.len())?;
                errors.iter().try_for_each(|e| write!(f, "\n  {e}"))
            }
            Error::Format(cause) => write!(f, "corpus blob: {cause}"),
        }
    }
}

impl std::error::Error for Error {}
