//! Runs each exported call's future to completion as a JavaScript `Promise`.
//!
//! One call is one task, polled again right away whenever a promise it
//! awaits settles (a `Promise.then` callback, so never inside another poll).
//! This replaces `js_sys::futures::future_to_promise` and its microtask
//! queue, which cost about a kilobyte gzip more in this module.
use alloc::boxed::Box;
use alloc::rc::Rc;
use core::cell::{Cell, RefCell};
use core::future::Future;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

type Call = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

struct Task {
    future: RefCell<Option<Call>>,
    /// A wake-up arrived while the task was being polled.
    woken: Cell<bool>,
    resolve: Function,
    reject: Function,
}

/// A promise that settles with the outcome of `future`.
pub fn to_promise(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let mut future: Option<Call> = Some(Box::pin(future));
    let mut task = None;
    let promise = Promise::new(&mut |resolve, reject| {
        task = Some(Rc::new(Task {
            future: RefCell::new(future.take()),
            woken: Cell::new(false),
            resolve,
            reject,
        }));
    });
    if let Some(task) = task {
        poll(&task);
    }
    promise
}

/// Polls `task` until it is pending with no wake-up outstanding, or done.
fn poll(task: &Rc<Task>) {
    let Ok(mut slot) = task.future.try_borrow_mut() else {
        task.woken.set(true);
        return;
    };
    while let Some(future) = slot.as_mut() {
        task.woken.set(false);
        let waker = waker(task.clone());
        let outcome = match future.as_mut().poll(&mut Context::from_waker(&waker)) {
            Poll::Ready(Ok(value)) => (&task.resolve, value),
            Poll::Ready(Err(error)) => (&task.reject, error),
            Poll::Pending if task.woken.get() => continue,
            Poll::Pending => return,
        };
        *slot = None;
        let _ = outcome.0.call1(&JsValue::UNDEFINED, &outcome.1);
    }
}

const VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);

fn waker(task: Rc<Task>) -> Waker {
    // SAFETY: the data pointer is an `Rc<Task>` the vtable below owns.
    unsafe { Waker::from_raw(RawWaker::new(Rc::into_raw(task).cast(), &VTABLE)) }
}

unsafe fn clone(task: *const ()) -> RawWaker {
    Rc::increment_strong_count(task.cast::<Task>());
    RawWaker::new(task, &VTABLE)
}

unsafe fn wake(task: *const ()) {
    poll(&Rc::from_raw(task.cast::<Task>()));
}

unsafe fn wake_by_ref(task: *const ()) {
    poll(&ManuallyDrop::new(Rc::from_raw(task.cast::<Task>())));
}

unsafe fn drop_waker(task: *const ()) {
    drop(Rc::from_raw(task.cast::<Task>()));
}
