//! Tabs of one Kanbao site share one view of the reader's library: a tab that changes the
//! stored pages or corrections says so on a `BroadcastChannel`, and the others read the store
//! again. A tab posts and listens on one channel object, so it never hears its own changes.

use std::cell::RefCell;

use gloo::utils::window;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::BroadcastChannel;
use yew::Callback;

thread_local! {
    static CHANNEL: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// This site's channel: several Kanbao sites may share an origin under different paths.
fn channel() -> Option<BroadcastChannel> {
    CHANNEL.with(|c| {
        if c.borrow().is_none() {
            let path = window().location().pathname().ok()?;
            let site = path.rsplit_once('/').map_or("", |(dir, _)| dir);
            *c.borrow_mut() = BroadcastChannel::new(&format!("kanbao-library:{site}")).ok();
        }
        c.borrow().clone()
    })
}

/// Tells the other tabs that the stored pages or corrections changed.
pub fn library_changed() {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&"changed".into());
    }
}

/// Hears the other tabs' changes while it lives.
pub struct Listener {
    channel: BroadcastChannel,
    _onmessage: Closure<dyn Fn()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
    }
}

/// Calls `onchange` whenever another tab changes the stored pages.
pub fn listen(onchange: Callback<()>) -> Option<Listener> {
    let channel = channel()?;
    let onmessage = Closure::<dyn Fn()>::new(move || onchange.emit(()));
    channel.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    Some(Listener {
        channel,
        _onmessage: onmessage,
    })
}
