//! Parsing imports in the parse worker (`src/bin/kanbao-worker.rs`), with the main thread as
//! the fallback where no worker can start (a bundle opened from disk).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use kanbao_parse::Page;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The loader Trunk writes beside the worker's wasm.
const WORKER_URL: &str = "./kanbao-worker_loader.js";

type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

/// A running parse worker. Dropping it ends the worker.
#[derive(Debug)]
pub struct ParseWorker {
    worker: Worker,
    /// Resolves when the worker listens; rejects if it cannot start.
    ready: Promise,
    pending: Pending,
    next_id: RefCell<u32>,
    _onmessage: Closure<dyn Fn(MessageEvent)>,
    _onerror: Closure<dyn Fn(JsValue)>,
}

impl ParseWorker {
    /// Starts a worker, or `None` where the browser will not (file://, a strict sandbox).
    pub fn start() -> Option<ParseWorker> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let pending: Pending = Rc::default();
        // The ready signal is request 0.
        let answers = pending.clone();
        let ready = Promise::new(&mut |resolve, reject| {
            answers.borrow_mut().insert(0, (resolve, reject));
        });
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            if Reflect::get(&data, &"ready".into())
                .ok()
                .and_then(|v| v.as_bool())
                == Some(true)
            {
                if let Some((resolve, _)) = answers.borrow_mut().remove(&0) {
                    let _ = resolve.call0(&JsValue::NULL);
                }
                return;
            }
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(-1.0) as u32;
            if let Some((resolve, reject)) = answers.borrow_mut().remove(&id) {
                let failed = Reflect::get(&data, &"error".into())
                    .ok()
                    .filter(|e| !e.is_undefined());
                let _ = match failed {
                    Some(error) => reject.call1(&JsValue::NULL, &error),
                    None => resolve.call1(&JsValue::NULL, &data),
                };
            }
        });
        // A worker that cannot load (its script missing) fails every request; callers fall back.
        let failures = pending.clone();
        let onerror = Closure::<dyn Fn(JsValue)>::new(move |error: JsValue| {
            for (_, (_, reject)) in failures.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Some(ParseWorker {
            worker,
            ready,
            pending,
            next_id: RefCell::new(0),
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// Parses one page in the worker: the page and the decoded text its spans index.
    pub async fn parse(&self, name: &str, bytes: &[u8]) -> Result<(Page, String), JsValue> {
        JsFuture::from(self.ready.clone()).await?;
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        let message = Object::new();
        Reflect::set(&message, &"id".into(), &id.into())?;
        Reflect::set(&message, &"name".into(), &name.into())?;
        Reflect::set(&message, &"bytes".into(), &Uint8Array::from(bytes))?;
        let pending = self.pending.clone();
        let answer = Promise::new(&mut |resolve, reject| {
            pending.borrow_mut().insert(id, (resolve, reject));
        });
        self.worker.post_message(&message)?;
        let data = JsFuture::from(answer).await?;
        let page: Page = serde_wasm_bindgen::from_value(Reflect::get(&data, &"page".into())?)?;
        let text = Reflect::get(&data, &"text".into())?
            .as_string()
            .unwrap_or_default();
        Ok((page, text))
    }
}

impl Drop for ParseWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
