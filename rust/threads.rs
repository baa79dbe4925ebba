//! How many threads a call's work runs on, and the rayon pool it runs in.
//!
//! A pool built for each call cost more than a short text's whole parse (tokenize
//! one sentence: 22 µs on this thread, 115 µs with a pool of two built for it), so
//! the last pool is kept for the next call, and work too small to share runs on
//! the calling thread. The output is the same whatever the thread count.

use std::sync::{Arc, Mutex};

use rayon::ThreadPool;

/// Texts of fewer bytes in all are read on the calling thread: below this a second
/// thread cost more than it saved, even with the pool kept (README, Speed: "Short
/// calls").
pub const MIN_SHARED_BYTES: usize = 64 << 10;

/// The threads worth using for `texts` when `threads` are asked for (0: all cores).
pub fn for_texts(texts: &[&str], threads: usize) -> usize {
    // Summed until the bound is passed: a batch of a million texts is not walked.
    let mut bytes = 0;
    for text in texts {
        bytes += text.len();
        if bytes >= MIN_SHARED_BYTES {
            return threads;
        }
    }
    1
}

/// The pool last built: its thread count as asked (0: all cores), the process that
/// built it (a child forked since has none of its threads), and the pool.
type Kept = (usize, u32, Arc<ThreadPool>);

static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// `op` run in a pool of `threads` threads (0: all cores), for its rayon work: the
/// pool of the last call when it has as many, else a new one kept in its place.
/// Calls on other Python threads at once share it (rayon queues their work).
pub fn install<T: Send>(threads: usize, op: impl FnOnce() -> T + Send) -> T {
    match pool(threads) {
        Some(pool) => pool.install(op),
        None => op(),
    }
}

/// The pool for `threads`, or None when the system gives no threads (the work then
/// runs on the calling thread).
fn pool(threads: usize) -> Option<Arc<ThreadPool>> {
    kept_pool(&KEPT, threads, std::process::id())
}

/// `pool`, kept in `kept` by process `pid`.
fn kept_pool(kept: &Mutex<Option<Kept>>, threads: usize, pid: u32) -> Option<Arc<ThreadPool>> {
    // A panic elsewhere while the lock was held left a pool or nothing: both usable.
    let mut kept = kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((n, owner, pool)) = kept.as_ref() {
        if *n == threads && *owner == pid {
            return Some(Arc::clone(pool));
        }
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .ok()?,
    );
    if let Some((_, owner, old)) = kept.replace((threads, pid, Arc::clone(&pool))) {
        if owner != pid {
            // The parent's pool, in a forked child: its threads are not here, and dropping
            // it would wake them through locks one of them may have held at the fork (the
            // child then waits for ever). Its memory is left, once per fork.
            std::mem::forget(old);
        }
    }
    Some(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_work_stays_on_this_thread() {
        let small = ["a"; 10];
        assert_eq!(for_texts(&small, 4), 1);
        let big = "x".repeat(MIN_SHARED_BYTES);
        assert_eq!(for_texts(&[&big], 4), 4);
        assert_eq!(for_texts(&[&big[1..], "y"], 0), 0);
        assert_eq!(for_texts(&[], 3), 1);
    }

    #[test]
    fn the_pool_is_kept_for_the_same_thread_count_and_process() {
        let kept = Mutex::new(None);
        let first = kept_pool(&kept, 3, 1).unwrap();
        assert_eq!(first.current_num_threads(), 3);
        assert!(Arc::ptr_eq(&first, &kept_pool(&kept, 3, 1).unwrap()));
        // Another count replaces it, and lets it go: only `first` holds it now.
        let two = kept_pool(&kept, 2, 1).unwrap();
        assert_eq!(two.current_num_threads(), 2);
        assert_eq!(Arc::strong_count(&first), 1);
        // So does another process (a fork has no threads), but the parent's pool is not
        // dropped there: it is left, not terminated through the parent's locks.
        assert!(!Arc::ptr_eq(&two, &kept_pool(&kept, 2, 7).unwrap()));
        assert_eq!(Arc::strong_count(&two), 2);
        assert_eq!(install(2, rayon::current_num_threads), 2);
    }
}
