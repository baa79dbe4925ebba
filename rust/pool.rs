//! Big output buffers kept for the next call instead of being freed.
//!
//! A token frame is about 44 bytes a token: 48 MB for 8 MB of text. When polars
//! drops the frame, glibc hands buffers that big straight back to the system, and
//! the next call page-faults every page of its new ones in again, zeroed: a quarter
//! of the one pass's time, measured. So the frames' release callback shelves its
//! big buffers here (up to a cap), and the next call builds its columns in them.
//! The batch functions keep their tokens' scratch buffers here too.
//! `clear` hands them all back to the system.
//!
//! Every big buffer of a pooled type that goes into a frame must come from `take`:
//! only then is the kind of buffer shelved one that later calls ask for.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

use crate::tokenizer::Token;

/// Buffers smaller than this are left to malloc, which keeps and reuses them itself.
pub const MIN_BYTES: usize = 1 << 20;

/// Bytes the shelves hold at most unless `set_cap` says otherwise, all types
/// together: a few calls' worth of the largest frame of an 8 MB batch. Past it the
/// longest-kept buffers go first, so buffers of a kind no longer asked for do not
/// hold the room.
pub const CAP_BYTES: usize = 256 << 20;

static CAP: AtomicUsize = AtomicUsize::new(CAP_BYTES);

/// The bytes the shelves may hold.
pub fn cap() -> usize {
    CAP.load(Ordering::Relaxed)
}

/// Let the shelves hold at most `bytes` from now on (0: keep nothing), freeing the
/// longest-kept buffers past it; the cap before.
pub fn set_cap(bytes: usize) -> usize {
    let before = CAP.swap(bytes, Ordering::Relaxed);
    if let Some(mut shelves) = shelves() {
        while shelves.bytes > bytes && free_oldest(&mut shelves) {}
    }
    before
}

/// A shelf: emptied buffers, each with the order it was shelved in.
type Shelf<T> = Vec<(u64, Vec<T>)>;

/// The shelves, by element type.
pub struct Shelves {
    bytes: usize,
    shelved: u64,
    u8s: Shelf<u8>,
    u32s: Shelf<u32>,
    u128s: Shelf<u128>,
    tokens: Shelf<Token>,
}

static SHELVES: Mutex<Shelves> = Mutex::new(Shelves {
    bytes: 0,
    shelved: 0,
    u8s: Vec::new(),
    u32s: Vec::new(),
    u128s: Vec::new(),
    tokens: Vec::new(),
});

/// The shelves, if they can be had soon. Never a wait: a process forked while
/// another thread held the lock would find it held for ever, so after a short spin
/// the caller does without (a fresh buffer, or one freed). A poisoned lock only
/// means a thread panicked while holding it: the shelves are whole vectors still.
fn shelves() -> Option<MutexGuard<'static, Shelves>> {
    for _ in 0..1000 {
        match SHELVES.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => std::hint::spin_loop(),
        }
    }
    None
}

/// An element type whose buffers are kept.
pub trait Pooled: Sized + Send + 'static {
    fn shelf(shelves: &mut Shelves) -> &mut Shelf<Self>;
}

/// Each element type's shelf.
macro_rules! shelf_of {
    ($($t:ty => $field:ident),*) => {$(
        impl Pooled for $t {
            fn shelf(shelves: &mut Shelves) -> &mut Shelf<$t> {
                &mut shelves.$field
            }
        }
    )*};
}

shelf_of!(u8 => u8s, u32 => u32s, u128 => u128s, Token => tokens);

fn size_of_buffer<T>(v: &Vec<T>) -> usize {
    v.capacity() * std::mem::size_of::<T>()
}

/// An empty vector with room for `capacity` items: a shelved one when there is one
/// (the smallest big enough, else the largest, grown), else a new one.
pub fn take<T: Pooled>(capacity: usize) -> Vec<T> {
    if capacity * std::mem::size_of::<T>() >= MIN_BYTES {
        if let Some(mut shelves) = shelves() {
            let shelf = T::shelf(&mut shelves);
            let room = |i: &usize| shelf[*i].1.capacity();
            let pick = (0..shelf.len())
                .filter(|i| room(i) >= capacity)
                .min_by_key(room)
                .or_else(|| (0..shelf.len()).max_by_key(room));
            if let Some(i) = pick {
                let (_, mut v) = shelf.swap_remove(i);
                shelves.bytes -= size_of_buffer(&v);
                // Growing a shelved buffer keeps its pages: only the new ones fault.
                v.reserve_exact(capacity);
                return v;
            }
        }
    }
    Vec::with_capacity(capacity)
}

/// Shelve `v` for a later `take`, emptied, if it is big (making room by freeing
/// the longest-kept buffers); else free it.
pub fn give<T: Pooled>(mut v: Vec<T>) {
    let (bytes, cap) = (size_of_buffer(&v), cap());
    if !(MIN_BYTES..=cap).contains(&bytes) {
        return;
    }
    v.clear();
    if let Some(mut shelves) = shelves() {
        while shelves.bytes + bytes > cap && free_oldest(&mut shelves) {}
        shelves.bytes += bytes;
        shelves.shelved += 1;
        let order = shelves.shelved;
        T::shelf(&mut shelves).push((order, v));
    }
}

/// When the oldest buffer of `shelf` was shelved.
fn oldest<T>(shelf: &Shelf<T>) -> Option<u64> {
    shelf.iter().map(|(order, _)| *order).min()
}

/// Remove the oldest buffer of `shelf`; its size.
fn remove_oldest<T>(shelf: &mut Shelf<T>) -> usize {
    let first = oldest(shelf);
    match shelf.iter().position(|(order, _)| Some(*order) == first) {
        Some(i) => size_of_buffer(&shelf.swap_remove(i).1),
        None => 0,
    }
}

/// Free the longest-kept buffer of any type; false when the shelves are empty.
fn free_oldest(s: &mut Shelves) -> bool {
    let firsts = [
        oldest(&s.u8s),
        oldest(&s.u32s),
        oldest(&s.u128s),
        oldest(&s.tokens),
    ];
    let Some(which) = (0..firsts.len())
        .filter(|k| firsts[*k].is_some())
        .min_by_key(|k| firsts[*k])
    else {
        return false;
    };
    s.bytes -= match which {
        0 => remove_oldest(&mut s.u8s),
        1 => remove_oldest(&mut s.u32s),
        2 => remove_oldest(&mut s.u128s),
        _ => remove_oldest(&mut s.tokens),
    };
    true
}

/// Bytes the shelves hold now.
pub fn held() -> usize {
    shelves().map_or(0, |shelves| shelves.bytes)
}

/// Free every shelved buffer; returns the bytes handed back.
pub fn clear() -> usize {
    let Some(mut shelves) = shelves() else {
        return 0;
    };
    let bytes = shelves.bytes;
    // Taken out first, so the memory is freed after the lock is let go.
    let taken = (
        std::mem::take(&mut shelves.u8s),
        std::mem::take(&mut shelves.u32s),
        std::mem::take(&mut shelves.u128s),
        std::mem::take(&mut shelves.tokens),
    );
    shelves.bytes = 0;
    drop(shelves);
    drop(taken);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: the shelves are process-wide, and tests run in parallel.
    #[test]
    fn buffers_are_kept_reused_and_cleared_and_the_oldest_go_past_the_cap() {
        clear();
        let mib = MIN_BYTES;
        let big = mib / 4; // u32s: exactly MIN_BYTES
        let mut v: Vec<u32> = take(big);
        v.extend(0..big as u32);
        let ptr = v.as_ptr();
        give(v);
        assert_eq!(held(), mib);
        // The next call of that size gets the same memory back, empty.
        let again: Vec<u32> = take(big);
        assert_eq!((again.as_ptr(), again.len()), (ptr, 0));
        assert_eq!(held(), 0);
        give(again);

        // Small buffers are not kept, nor any bigger than the cap.
        give(vec![0u8; 100]);
        give(Vec::<u8>::with_capacity(CAP_BYTES + 1));
        assert_eq!(held(), mib);

        // Up to the cap (16 MiB each, never written: no memory is touched).
        let mut kept = 1;
        while held() + 16 * mib <= CAP_BYTES {
            give(Vec::<u128>::with_capacity(mib));
            kept += 16;
        }
        assert_eq!(held(), kept * mib);
        // Past it, the oldest go first: the u32 buffer was shelved before them.
        give(Vec::<u128>::with_capacity(mib));
        assert_eq!(held(), (kept - 1 + 16) * mib);
        let fresh: Vec<u32> = take(big);
        assert_eq!(held(), (kept + 15) * mib); // nothing of that type was left
        drop(fresh);

        // Too small a shelved buffer is grown rather than left unused.
        let grown: Vec<u128> = take(2 * mib);
        assert!(grown.capacity() >= 2 * mib);
        assert_eq!(held(), (kept - 1) * mib);
        assert_eq!(clear(), (kept - 1) * mib);
        assert_eq!(held(), 0);

        // With the lock held elsewhere (as a forked child may find it), no wait:
        // a fresh buffer is made, and one given back is freed.
        let held_elsewhere = SHELVES.lock().unwrap();
        let v: Vec<u32> = take(big);
        assert!(v.capacity() >= big);
        give(v);
        drop(held_elsewhere);
        assert_eq!(held(), 0);

        // A lower cap frees the oldest past it at once and holds from then on; 0
        // keeps nothing.
        for _ in 0..4 {
            give(Vec::<u32>::with_capacity(big));
        }
        assert_eq!(set_cap(2 * mib + mib / 2), CAP_BYTES);
        assert_eq!(held(), 2 * mib);
        give(Vec::<u32>::with_capacity(big));
        assert_eq!(held(), 2 * mib);
        set_cap(0);
        assert_eq!(held(), 0);
        give(Vec::<u32>::with_capacity(big));
        assert_eq!(held(), 0);
        assert_eq!(set_cap(CAP_BYTES), 0);
    }
}
