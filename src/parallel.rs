//! Work on many inputs on every core, with results delivered in input order.
//!
//! Workers take the next input from a shared counter and send their result to the calling
//! thread, which puts results back in order and hands each to `emit` as soon as all before it
//! have been emitted. A worker does not start an input more than `window` places ahead of the
//! last emitted one, so at most `window` results wait in memory however many inputs there are:
//! one slow file holds the others back instead of letting them pile up.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many threads to use when none is asked for: every core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Calls `work` on every item on `threads` threads and `emit` on each result in the items'
/// order. `emit` returning `Break` (output closed) stops the work early. A panic in `work`
/// is resumed on the calling thread once the workers have stopped.
pub fn for_each_ordered<I, T, W, E>(items: &[I], threads: usize, work: W, mut emit: E)
where
    I: Sync,
    T: Send,
    W: Fn(&I) -> T + Sync,
    E: FnMut(T) -> ControlFlow<()>,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        // One file, or one core: no thread to start, nothing to reorder.
        for item in items {
            if emit(work(item)).is_break() {
                break;
            }
        }
        return;
    }
    let shared = Shared {
        window: 32 * threads,
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        emitted: Mutex::new(0),
        advanced: Condvar::new(),
    };
    let (tx, rx) = mpsc::sync_channel::<(usize, std::thread::Result<T>)>(shared.window);

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (shared, work) = (&shared, &work);
            scope.spawn(move || shared.work(items, work, tx));
        }
        drop(tx);
        let panicked = shared.emit_in_order(&rx, &mut emit);
        // Workers blocked on a full channel wake up when it is dropped.
        drop(rx);
        if let Some(payload) = panicked {
            panic::resume_unwind(payload);
        }
    });
}

/// What the workers and the calling thread share.
struct Shared {
    /// How far ahead of the last emitted input a worker may start.
    window: usize,
    /// The next input to start.
    next: AtomicUsize,
    /// Set when `emit` breaks or a worker panics: no new input is started.
    stop: AtomicBool,
    /// How many results have been emitted; workers wait on `advanced` for it to grow.
    emitted: Mutex<usize>,
    advanced: Condvar,
}

impl Shared {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// A worker: takes the next input until none is left, the run stops or the receiver is gone.
    fn work<I, T>(
        &self,
        items: &[I],
        work: &impl Fn(&I) -> T,
        tx: mpsc::SyncSender<(usize, std::thread::Result<T>)>,
    ) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            if i >= items.len() || self.stopped() {
                break;
            }
            {
                let mut done = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
                while i >= *done + self.window && !self.stopped() {
                    done = self.advanced.wait(done).unwrap_or_else(|e| e.into_inner());
                }
            }
            if self.stopped() {
                break;
            }
            let result = panic::catch_unwind(AssertUnwindSafe(|| work(&items[i])));
            if tx.send((i, result)).is_err() {
                break;
            }
        }
    }

    /// Stops the run and wakes every worker waiting for the window to move.
    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let _guard = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
        self.advanced.notify_all();
    }

    /// On the calling thread: puts results back in input order and emits each as soon as all
    /// before it have been. Returns a worker's panic, to be resumed once the workers stop.
    fn emit_in_order<T>(
        &self,
        rx: &mpsc::Receiver<(usize, std::thread::Result<T>)>,
        emit: &mut impl FnMut(T) -> ControlFlow<()>,
    ) -> Option<Box<dyn std::any::Any + Send>> {
        // pending[k] is the result for input `base + k`.
        let mut pending: VecDeque<Option<T>> = VecDeque::with_capacity(self.window);
        let mut base = 0;
        for (i, result) in rx.iter() {
            let value = match result {
                Ok(v) => v,
                Err(payload) => {
                    self.halt();
                    return Some(payload);
                }
            };
            let k = i - base;
            if pending.len() <= k {
                pending.resize_with(k + 1, || None);
            }
            pending[k] = Some(value);
            let mut flowed = 0;
            while let Some(Some(_)) = pending.front() {
                let value = pending.pop_front().flatten().expect("front is ready");
                flowed += 1;
                if emit(value).is_break() {
                    self.halt();
                    break;
                }
            }
            if self.stopped() {
                break;
            }
            if flowed > 0 {
                base += flowed;
                let mut done = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
                *done = base;
                self.advanced.notify_all();
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        for_each_ordered(
            &items,
            4,
            |&i| {
                // Later items finish first now and then.
                if i % 7 == 0 {
                    std::thread::sleep(Duration::from_micros(200));
                }
                i * 2
            },
            |v| {
                seen.push(v);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn at_most_a_window_of_results_waits() {
        let items: Vec<usize> = (0..400).collect();
        let started = AtomicUsize::new(0);
        let mut emitted = 0;
        let mut max_ahead = 0;
        for_each_ordered(
            &items,
            2,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                if i == 0 {
                    // The first file is slow: the others must not all run ahead of it.
                    std::thread::sleep(Duration::from_millis(50));
                }
                i
            },
            |_| {
                max_ahead = max_ahead.max(started.load(Ordering::SeqCst) - emitted);
                emitted += 1;
                ControlFlow::Continue(())
            },
        );
        assert_eq!(emitted, 400);
        assert!(max_ahead <= 32 * 2 + 2, "ran {max_ahead} ahead");
    }

    #[test]
    fn a_closed_output_stops_the_work() {
        let items: Vec<usize> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let mut emitted = 0;
        for_each_ordered(
            &items,
            2,
            |&i| {
                done.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| {
                emitted += 1;
                if emitted == 10 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(emitted, 10);
        assert!(done.load(Ordering::SeqCst) < 1_000);
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let result = panic::catch_unwind(|| {
            for_each_ordered(
                &items,
                2,
                |&i| {
                    assert!(i != 50, "boom");
                    i
                },
                |_| ControlFlow::Continue(()),
            )
        });
        assert!(result.is_err());
    }

    #[test]
    fn one_thread_runs_inline() {
        let items = [1, 2, 3];
        let mut seen = Vec::new();
        for_each_ordered(
            &items,
            1,
            |&i| i + 1,
            |v| {
                seen.push(v);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, [2, 3, 4]);
    }
}
