//! Parsing pages in the parse worker (`src/bin/kanbao-worker.rs`), with the main thread as
//! the fallback where no worker can start (a bundle opened from disk). The messages are those
//! of [`crate::worker_protocol`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use kanbao_parse::Page;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::error::AppError;
use crate::worker_protocol::{FromWorker, ParseReply, ParseRequest};

/// The loader Trunk writes beside the worker's wasm.
const WORKER_URL: &str = "./kanbao-worker_loader.js";

/// Who waits for what: the ready signal, and each request by id.
#[derive(Debug, Default)]
struct Waiting {
    ready: Option<oneshot::Sender<()>>,
    replies: HashMap<u32, oneshot::Sender<ParseReply>>,
    /// The worker failed (its script did not load, or it stopped): nothing will answer.
    failed: bool,
}

/// Whether the worker has started, as far as is known.
#[derive(Debug)]
enum Start {
    /// Not yet known: resolves when the worker listens, fails if it cannot start.
    Pending(oneshot::Receiver<()>),
    Listening,
    Failed,
}

/// A running parse worker. Dropping it ends the worker.
#[derive(Debug)]
pub struct ParseWorker {
    worker: Worker,
    start: RefCell<Start>,
    waiting: Rc<RefCell<Waiting>>,
    next_id: RefCell<u32>,
    _onmessage: Closure<dyn Fn(MessageEvent)>,
    _onerror: Closure<dyn Fn(JsValue)>,
}

impl ParseWorker {
    /// Starts a worker, or `None` where the browser will not (file://, a strict sandbox).
    pub fn start() -> Option<ParseWorker> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let (ready_tx, ready_rx) = oneshot::channel();
        let waiting = Rc::new(RefCell::new(Waiting {
            ready: Some(ready_tx),
            replies: HashMap::new(),
            failed: false,
        }));
        let answers = waiting.clone();
        let onmessage =
            Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| match FromWorker::from_js(
                &e.data(),
            ) {
                Some(FromWorker::Ready(_)) => {
                    if let Some(tx) = answers.borrow_mut().ready.take() {
                        let _ = tx.send(());
                    }
                }
                Some(FromWorker::Reply(reply)) => {
                    if let Some(tx) = answers.borrow_mut().replies.remove(&reply.id) {
                        let _ = tx.send(*reply);
                    }
                }
                None => {}
            });
        // A worker that cannot load (its script missing) fails every request: dropping the
        // senders tells every waiter.
        let failures = waiting.clone();
        let onerror = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| {
            let mut waiting = failures.borrow_mut();
            waiting.failed = true;
            waiting.ready = None;
            waiting.replies.clear();
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Some(ParseWorker {
            worker,
            start: RefCell::new(Start::Pending(ready_rx)),
            waiting,
            next_id: RefCell::new(0),
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// Waits until the worker listens. A worker that could not start stays failed, so every
    /// later request fails at once (and is parsed on the main thread) rather than waiting for
    /// an answer that never comes. Requests come one at a time (each import awaits its page).
    async fn listening(&self) -> Result<(), AppError> {
        // Taken out first: the borrow must end before an arm sets the state again.
        let state = std::mem::replace(&mut *self.start.borrow_mut(), Start::Failed);
        let pending = match state {
            Start::Pending(rx) => rx,
            Start::Listening => {
                *self.start.borrow_mut() = Start::Listening;
                return Ok(());
            }
            Start::Failed => return Err(AppError::WorkerNotStarted),
        };
        let started = pending.await.is_ok();
        if started {
            *self.start.borrow_mut() = Start::Listening;
            Ok(())
        } else {
            Err(AppError::WorkerNotStarted)
        }
    }

    /// Parses one page in the worker: the page and the decoded text its spans index. The
    /// worker's own error (a String on the wire) becomes [`AppError::WorkerFailed`] here.
    pub async fn parse(&self, name: &str, bytes: &[u8]) -> Result<(Page, String), AppError> {
        self.listening().await?;
        if self.waiting.borrow().failed {
            return Err(AppError::WorkerStopped);
        }
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        let (tx, rx) = oneshot::channel();
        self.waiting.borrow_mut().replies.insert(id, tx);
        let request = ParseRequest {
            id,
            name: name.to_owned(),
            bytes: bytes.to_vec(),
        };
        self.worker
            .post_message(&request.to_js())
            .map_err(|e| AppError::WorkerFailed {
                detail: crate::js::detail(&e),
            })?;
        rx.await
            .map_err(|_| AppError::WorkerStopped)?
            .result
            .map_err(|detail| AppError::WorkerFailed { detail })
    }
}

impl Drop for ParseWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
