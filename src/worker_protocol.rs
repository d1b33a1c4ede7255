//! The messages between the app and its parse worker (`src/bin/kanbao-worker.rs`), defined
//! once for both sides. The worker says [`Ready`] once it listens, then answers each
//! [`ParseRequest`] with a [`ParseReply`] of the same id.

use js_sys::{Object, Reflect, Uint8Array};
use kanbao_parse::Page;
use wasm_bindgen::{JsCast, JsValue};

/// The worker listens: requests sent before it would be lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ready;

/// One page to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseRequest {
    pub id: u32,
    /// The page's file name (the parser's `source.name`).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the worker made of a request: the parsed page and the decoded text its spans index,
/// or why it could not.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseReply {
    pub id: u32,
    pub result: Result<(Page, String), String>,
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum FromWorker {
    Ready(Ready),
    Reply(Box<ParseReply>),
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let out = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&out, &(*key).into(), value);
    }
    out.into()
}

impl ParseRequest {
    /// The request as posted: `{id, name, bytes: Uint8Array}`.
    pub fn to_js(&self) -> JsValue {
        object(&[
            ("id", self.id.into()),
            ("name", self.name.as_str().into()),
            ("bytes", Uint8Array::from(self.bytes.as_slice()).into()),
        ])
    }

    /// Reads a posted request; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<ParseRequest> {
        let id = get(value, "id").as_f64()? as u32;
        let name = get(value, "name").as_string()?;
        let bytes = get(value, "bytes").dyn_ref::<Uint8Array>()?.to_vec();
        Some(ParseRequest { id, name, bytes })
    }
}

impl Ready {
    /// `{ready: true}`.
    pub fn to_js(self) -> JsValue {
        object(&[("ready", true.into())])
    }
}

impl ParseReply {
    /// The reply as posted: `{id, page, text}`, or `{id, error}`.
    pub fn to_js(&self) -> JsValue {
        match &self.result {
            Ok((page, text)) => match serde_wasm_bindgen::to_value(page) {
                Ok(page) => object(&[
                    ("id", self.id.into()),
                    ("page", page),
                    ("text", text.as_str().into()),
                ]),
                Err(e) => object(&[("id", self.id.into()), ("error", e.to_string().into())]),
            },
            Err(error) => object(&[("id", self.id.into()), ("error", error.as_str().into())]),
        }
    }
}

impl FromWorker {
    /// Reads a message from the worker; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<FromWorker> {
        if get(value, "ready").as_bool() == Some(true) {
            return Some(FromWorker::Ready(Ready));
        }
        let id = get(value, "id").as_f64()? as u32;
        let error = get(value, "error");
        let result = if error.is_undefined() {
            let page: Result<Page, String> =
                serde_wasm_bindgen::from_value(get(value, "page")).map_err(|e| e.to_string());
            page.map(|page| (page, get(value, "text").as_string().unwrap_or_default()))
        } else {
            Err(error.as_string().unwrap_or_else(|| format!("{error:?}")))
        };
        Some(FromWorker::Reply(Box::new(ParseReply { id, result })))
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_message_reads_back_as_it_was_written() {
        let request = ParseRequest {
            id: 7,
            name: "page.txt".into(),
            bytes: "海港新闻\n\n本报讯(记者 王超)近日。\n".as_bytes().to_vec(),
        };
        assert_eq!(
            ParseRequest::from_js(&request.to_js()),
            Some(request.clone())
        );
        assert_eq!(
            FromWorker::from_js(&Ready.to_js()),
            Some(FromWorker::Ready(Ready))
        );
        let text = String::from_utf8(request.bytes.clone()).unwrap();
        let page = kanbao_parse::parse_str(&text, &request.name);
        let reply = ParseReply {
            id: 7,
            result: Ok((page, text)),
        };
        assert_eq!(
            FromWorker::from_js(&reply.to_js()),
            Some(FromWorker::Reply(Box::new(reply)))
        );
        let failed = ParseReply {
            id: 8,
            result: Err("not a parse request".into()),
        };
        assert_eq!(
            FromWorker::from_js(&failed.to_js()),
            Some(FromWorker::Reply(Box::new(failed)))
        );
        assert_eq!(ParseRequest::from_js(&JsValue::from_str("hello")), None);
    }
}
