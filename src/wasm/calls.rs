//! The calls in progress, kept in wasm memory between steps: JavaScript
//! holds only a call's number.
use alloc::vec::Vec;
use core::cell::Cell;

use crate::call::{Call, Step};
use crate::error::Error;

/// A value for a module that runs on one thread.
pub struct SingleThreaded<T>(pub T);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread, so the
// value is never reached from two threads.
unsafe impl<T> Sync for SingleThreaded<T> {}

/// The calls in progress, by number. Each function takes the list out of
/// its cell and puts it back, so no reference into it outlives a function.
static CALLS: SingleThreaded<Cell<Vec<(u32, Call)>>> = SingleThreaded(Cell::new(Vec::new()));

/// The number the next call gets.
static NEXT: SingleThreaded<Cell<u32>> = SingleThreaded(Cell::new(0));

/// Keeps `call` and takes its first step; returns its number with the step.
pub fn start(mut call: Call) -> (u32, Step) {
    let step = call.start();
    let number = NEXT.0.get();
    NEXT.0.set(number.wrapping_add(1));
    if !matches!(step, Step::Done(_)) {
        keep(number, call);
    }
    (number, step)
}

/// The step that `advance` takes call `number` to. No borrow of the table
/// is held while it runs; a call that is done is forgotten.
pub fn resume(number: u32, advance: impl FnOnce(&mut Call) -> Step) -> Step {
    let mut calls = CALLS.0.take();
    let at = calls.iter().position(|(n, _)| *n == number);
    let found = at.map(|at| calls.swap_remove(at).1);
    CALLS.0.set(calls);
    let Some(mut call) = found else {
        return Step::Done(Err(Error::misdriven()));
    };
    let step = advance(&mut call);
    if !matches!(step, Step::Done(_)) {
        keep(number, call);
    }
    step
}

fn keep(number: u32, call: Call) {
    let mut calls = CALLS.0.take();
    calls.push((number, call));
    CALLS.0.set(calls);
}
