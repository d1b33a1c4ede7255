//! Kanbao's parse worker: parses imported pages off the main thread, so the page stays
//! responsive while hundreds of files come in.
//!
//! Says `{ready: true}` once it listens, then takes `{id, name, bytes: Uint8Array}` and answers
//! `{id, page, text}`: the parsed page and the decoded text its spans index.

// Shared with the app: the worker is a second binary of the same package.
#[path = "../browser_decode.rs"]
mod browser_decode;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn answer(data: &JsValue) -> Result<JsValue, JsValue> {
    let id = Reflect::get(data, &"id".into())?;
    let name = Reflect::get(data, &"name".into())?
        .as_string()
        .unwrap_or_default();
    let bytes = Uint8Array::new(&Reflect::get(data, &"bytes".into())?).to_vec();
    let decoded = kanbao_parse::decode_with(&bytes, &browser_decode::BrowserGb18030);
    let page = kanbao_parse::parse_decoded(&decoded, &name);
    let text = decoded.text;
    let out = Object::new();
    Reflect::set(&out, &"id".into(), &id)?;
    Reflect::set(&out, &"page".into(), &serde_wasm_bindgen::to_value(&page)?)?;
    Reflect::set(&out, &"text".into(), &text.into())?;
    Ok(out.into())
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let reply = answer(&data).unwrap_or_else(|err| {
            let out = Object::new();
            let _ = Reflect::set(
                &out,
                &"id".into(),
                &Reflect::get(&data, &"id".into()).unwrap_or_default(),
            );
            let _ = Reflect::set(&out, &"error".into(), &err);
            out.into()
        });
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    // Messages that arrive before the wasm has started are lost: tell the page when to send.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
