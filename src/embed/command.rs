//! What a host tells an explorer: commands, by message to a frame or through the handle
//! `mount` returns, and, to a frame it sizes to its content, which part of the frame is on
//! screen. Anything malformed is refused, never half read.

use wasm_bindgen::{JsCast, JsValue};

/// What a host may ask of an explorer: by message (a frame's parent) or through the handle
/// `mount` returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Open {
        doc: String,
        section: Option<String>,
    },
    Search(String),
    Topics(Vec<String>),
}

/// The longest text a command may carry; longer ones are refused.
const MAX_TEXT: usize = 500;

/// The field `key` of a message.
fn field(data: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(data, &JsValue::from_str(key)).ok()
}

impl Command {
    /// Reads a message `{type: 'folio:open', doc, section?}`, `{type: 'folio:search', query}`
    /// or `{type: 'folio:topics', ids}`. Anything else, or a field of the wrong type or size,
    /// is `None`.
    pub fn from_message(data: &JsValue) -> Option<Command> {
        if !data.is_object() {
            return None;
        }
        let text = |key: &str| {
            field(data, key)?
                .as_string()
                .filter(|s| s.len() <= MAX_TEXT)
        };
        let absent = |key: &str| field(data, key).is_none_or(|v| v.is_undefined());
        match text("type")?.as_str() {
            "folio:open" => {
                let section = text("section");
                (section.is_some() || absent("section")).then_some(())?;
                Some(Command::Open {
                    doc: text("doc").filter(|d| !d.is_empty())?,
                    section: section.filter(|s| !s.is_empty()),
                })
            }
            "folio:search" => Some(Command::Search(text("query")?)),
            "folio:topics" => {
                let ids = field(data, "ids")?.dyn_into::<js_sys::Array>().ok()?;
                let ids: Option<Vec<String>> = ids
                    .iter()
                    .take(100)
                    .map(|id| id.as_string().filter(|s| s.len() <= MAX_TEXT))
                    .collect();
                Some(Command::Topics(ids?))
            }
            _ => None,
        }
    }
}

/// The part of a frame that is on screen, in whole CSS pixels: how far the frame's top is
/// above the top of the host's window (0 when it is below it), and how tall the visible part
/// is. A host that sizes the frame to its content sends it as the page scrolls, so that the
/// frame keeps its top bar and contents in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub top: u32,
    pub height: u32,
}

impl Viewport {
    /// Reads `{type: 'folio:viewport', top, height}`: finite numbers, `top` from 0 to 10⁷ and
    /// `height` from 1 to 10⁵. Anything else is `None`.
    pub fn from_message(data: &JsValue) -> Option<Viewport> {
        if !data.is_object() {
            return None;
        }
        if field(data, "type")?.as_string()? != "folio:viewport" {
            return None;
        }
        let top = field(data, "top")?
            .as_f64()
            .filter(|t| (0.0..=1e7).contains(t))?;
        let height = field(data, "height")?
            .as_f64()
            .filter(|h| (1.0..=1e5).contains(h))?;
        // Whole pixels: formatting a float would add its own code to the WASM.
        Some(Viewport {
            top: top.round() as u32,
            height: height.round() as u32,
        })
    }
}
