//! Reads a bundle by hand, in the encoding postcard gives it when the writer serialises it
//! through serde's derives: the app then carries this one small reader instead of serde's
//! generic deserialisers (about 14 kB of WASM for the same work).
//!
//! The encoding, as postcard defines it: integers other than `u8` as LEB128 varints, `u8` as
//! one byte, `bool` as one byte 0 or 1, `f32` as four bytes little-endian, a string or a
//! sequence as its length (a varint) then its items, an `Option` as 0, or 1 and the value, an
//! enum as its variant's index (a varint) then the variant's fields, a struct or a tuple as its
//! fields in order. Fields marked `#[serde(skip)]` are not written and read back as their
//! defaults. The tests in `super` check that this reader and the writer agree on every type.
//!
//! Damaged input is an error naming what was being read and where, never a panic: lengths are
//! checked against the bytes left before anything is allocated, and blocks may nest only
//! [`MAX_DEPTH`] deep, so that no input can exhaust the stack.

use super::Bundle;
use crate::error::Error;
use crate::index::SearchIndex;
use crate::model::{
    Alert, AlertKind, Align, Block, Corpus, Document, List, ListItem, Metadata, Preformatted,
    Section, SourceFormat, Span, Stamp, Style, Table, Text,
};
use crate::topics::{Group, Source, Topic, TopicSection, Topics};

/// How deep blocks may nest (quotes, call-outs and list items within one another).
pub const MAX_DEPTH: usize = 64;

/// The bundle encoded in `bytes`, and the bytes after it.
pub fn bundle(bytes: &[u8]) -> crate::Result<(Bundle, &[u8])> {
    let mut r = Reader {
        bytes,
        at: 0,
        why: "",
    };
    let read = |r: &mut Reader| -> Result<Bundle> {
        Ok(Bundle {
            corpus: Corpus {
                documents: r.list(document)?,
            },
            index: search_index(r)?,
            topics: Topics {
                topics: r.list(topic)?,
            },
        })
    };
    match read(&mut r) {
        Ok(bundle) => Ok((bundle, &bytes[r.at..])),
        Err(Stop) => Err(Error::Format(format!(
            "{} at byte {} of the bundle",
            r.why, r.at
        ))),
    }
}

/// Reading stopped: the reader holds why and where. (An error without data keeps the many
/// `?` of the reader cheap.)
struct Stop;

type Result<T> = std::result::Result<T, Stop>;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    why: &'static str,
}

impl Reader<'_> {
    fn fail(&mut self, why: &'static str) -> Stop {
        self.why = why;
        Stop
    }

    fn byte(&mut self) -> Result<u8> {
        let Some(&b) = self.bytes.get(self.at) else {
            return Err(self.fail("the blob ends early"));
        };
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                return Err(self.fail("a number too large"));
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.fail("a number too long"))
    }

    /// A length of items that take at least one byte each, so no more than the bytes left.
    fn len(&mut self) -> Result<usize> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.at {
            return Err(self.fail("a length past the end"));
        }
        Ok(n)
    }

    fn flag(&mut self) -> Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.fail("a bad flag")),
        }
    }

    /// An enum's variant, one of `count`.
    fn variant(&mut self, count: u32) -> Result<u32> {
        let v = self.varint()?;
        if v >= count {
            return Err(self.fail("an unknown variant"));
        }
        Ok(v)
    }

    fn bytes(&mut self) -> Result<Vec<u8>> {
        let n = self.len()?;
        let out = self.bytes[self.at..self.at + n].to_vec();
        self.at += n;
        Ok(out)
    }

    fn string(&mut self) -> Result<String> {
        let bytes = self.bytes()?;
        String::from_utf8(bytes).map_err(|_| self.fail("bad UTF-8 in the string before"))
    }

    fn f32(&mut self) -> Result<f32> {
        let mut b = [0u8; 4];
        for x in &mut b {
            *x = self.byte()?;
        }
        Ok(f32::from_le_bytes(b))
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        if self.flag()? {
            value(self).map(Some)
        } else {
            Ok(None)
        }
    }

    fn strings(&mut self) -> Result<Vec<String>> {
        self.list(Self::string)
    }

    fn text(&mut self) -> Result<Option<String>> {
        self.option(Self::string)
    }
}

// Without the `ingest` feature, `Metadata` has no fields besides those the blob stores.
#[cfg_attr(not(feature = "ingest"), allow(clippy::needless_update))]
fn document(r: &mut Reader) -> Result<Document> {
    Ok(Document {
        id: r.string()?,
        title: r.string()?,
        source: r.string()?,
        format: match r.variant(3)? {
            0 => SourceFormat::Text,
            1 => SourceFormat::Markdown,
            _ => SourceFormat::Html,
        },
        meta: Metadata {
            categories: r.strings()?,
            posted: r.option(stamp)?,
            updated: r.option(stamp)?,
            poster: r.text()?,
            author: r.text()?,
            written: r.option(stamp)?,
            tags: r.strings()?,
            notes: r.strings()?,
            ..Metadata::default()
        },
        header: r.strings()?,
        sections: r.list(section)?,
        footer: r.strings()?,
    })
}

fn stamp(r: &mut Reader) -> Result<Stamp> {
    Ok(Stamp {
        iso: r.string()?,
        text: r.string()?,
    })
}

fn section(r: &mut Reader) -> Result<Section> {
    Ok(Section {
        id: r.string()?,
        title: r.string()?,
        level: r.byte()?,
        untitled: r.flag()?,
        blocks: blocks(r, 0)?,
    })
}

fn blocks(r: &mut Reader, depth: usize) -> Result<Vec<Block>> {
    if depth >= MAX_DEPTH {
        return Err(r.fail("blocks nested too deep"));
    }
    r.list(|r| block(r, depth + 1))
}

fn block(r: &mut Reader, depth: usize) -> Result<Block> {
    Ok(match r.variant(6)? {
        0 => Block::Paragraph(text(r)?),
        1 => Block::List(List {
            ordered: r.flag()?,
            notes: r.flag()?,
            items: r.list(|r| {
                Ok(ListItem {
                    marker: r.string()?,
                    task: r.option(Reader::flag)?,
                    blocks: blocks(r, depth)?,
                })
            })?,
        }),
        2 => Block::Quote(blocks(r, depth)?),
        3 => Block::Alert(Alert {
            kind: match r.variant(5)? {
                0 => AlertKind::Note,
                1 => AlertKind::Tip,
                2 => AlertKind::Important,
                3 => AlertKind::Warning,
                _ => AlertKind::Caution,
            },
            blocks: blocks(r, depth)?,
        }),
        4 => Block::Preformatted(Preformatted {
            info: r.text()?,
            text: r.string()?,
        }),
        _ => Block::Table(Table {
            align: r.list(|r| {
                Ok(match r.variant(4)? {
                    0 => Align::None,
                    1 => Align::Left,
                    2 => Align::Center,
                    _ => Align::Right,
                })
            })?,
            head: r.varint()?,
            rows: r.list(|r| r.list(text))?,
        }),
    })
}

fn text(r: &mut Reader) -> Result<Text> {
    Ok(Text {
        spans: r.list(|r| {
            Ok(Span {
                text: r.string()?,
                style: Style {
                    emphasis: r.flag()?,
                    strong: r.flag()?,
                    code: r.flag()?,
                    strikethrough: r.flag()?,
                    note: r.flag()?,
                    image: r.flag()?,
                },
                link: r.text()?,
            })
        })?,
    })
}

fn search_index(r: &mut Reader) -> Result<SearchIndex> {
    Ok(SearchIndex::stored(
        r.bytes()?,
        r.list(|r| Ok((r.varint()?, r.varint()?)))?,
        r.bytes()?,
        r.list(Reader::bytes)?,
    ))
}

fn topic(r: &mut Reader) -> Result<Topic> {
    Ok(Topic {
        id: r.string()?,
        name: r.string()?,
        group: match r.variant(8)? {
            0 => Group::People,
            1 => Group::Organisations,
            2 => Group::Places,
            3 => Group::Themes,
            4 => Group::Categories,
            5 => Group::Tags,
            6 => Group::Custom(r.string()?),
            _ => Group::Other,
        },
        source: match r.variant(3)? {
            0 => Source::Curated,
            1 => Source::Metadata,
            _ => Source::Discovered,
        },
        description: r.text()?,
        forms: r.strings()?,
        mentions: r.varint()?,
        sections: r.list(|r| {
            Ok(TopicSection {
                doc: r.varint()?,
                section: r.varint()?,
                mentions: r.varint()?,
                weight: r.f32()?,
            })
        })?,
    })
}
