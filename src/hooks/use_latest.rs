//! The latest value of a render for listeners set up once: a document or window listener that
//! lives as long as the app reads what the last render gave it, not what the first did.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// A cell holding `value` as of the latest render (`None` only before the first).
#[hook]
pub fn use_latest<T: 'static>(value: T) -> Rc<RefCell<Option<T>>> {
    let cell = use_mut_ref(|| None::<T>);
    *cell.borrow_mut() = Some(value);
    cell
}
