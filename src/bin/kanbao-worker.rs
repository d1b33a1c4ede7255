//! Kanbao's parse worker: parses pages off the main thread, so the page stays responsive while
//! hundreds of files come in. It speaks the messages of `src/worker_protocol.rs`.

// Shared with the app: the worker is a second binary of the same package.
#[path = "../browser_decode.rs"]
mod browser_decode;
#[path = "../worker_protocol.rs"]
#[allow(dead_code)]
mod worker_protocol;

use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use worker_protocol::{ParseReply, ParseRequest, Ready};

fn answer(request: ParseRequest) -> ParseReply {
    let decoded = kanbao_parse::decode_with(&request.bytes, &browser_decode::BrowserGb18030);
    let page = kanbao_parse::parse_decoded(&decoded, &request.name);
    ParseReply {
        id: request.id,
        result: Ok((page, decoded.text)),
    }
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let reply = match ParseRequest::from_js(&data) {
            Some(request) => answer(request),
            None => ParseReply {
                id: js_sys::Reflect::get(&data, &"id".into())
                    .ok()
                    .and_then(|v| v.as_f64())
                    .map_or(0, |n| n as u32),
                result: Err("not a parse request".into()),
            },
        };
        let _ = reply_to.post_message(&reply.to_js());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    // Messages that arrive before the wasm has started are lost: tell the page when to send.
    let _ = scope.post_message(&Ready.to_js());
}
