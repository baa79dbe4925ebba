//! Big output buffers kept for the next call instead of being freed.
//!
//! A token frame is about 44 bytes a token: 48 MB for 8 MB of text. When polars
//! drops the frame, glibc hands buffers that big straight back to the system, and
//! the next call page-faults every page of its new ones in again, zeroed: a quarter
//! of the one pass's time, measured. So the frames' release callback shelves its
//! big buffers here (up to a cap), and the next call builds its columns in them.
//! The batch functions keep their tokens' scratch buffers here too.
//! `clear` hands them all back to the system.

use std::sync::Mutex;

use crate::tokenizer::Token;

/// Buffers smaller than this are left to malloc, which keeps and reuses them itself.
pub const MIN_BYTES: usize = 1 << 20;

/// Bytes the shelves hold at most, all types together: a few calls' worth of the
/// largest frame of an 8 MB batch.
pub const CAP_BYTES: usize = 256 << 20;

/// Emptied buffers, by element type.
pub struct Shelves {
    bytes: usize,
    u8s: Vec<Vec<u8>>,
    u32s: Vec<Vec<u32>>,
    u128s: Vec<Vec<u128>>,
    tokens: Vec<Vec<Token>>,
}

static SHELVES: Mutex<Shelves> = Mutex::new(Shelves {
    bytes: 0,
    u8s: Vec::new(),
    u32s: Vec::new(),
    u128s: Vec::new(),
    tokens: Vec::new(),
});

/// An element type whose buffers are kept.
pub trait Pooled: Sized + Send + 'static {
    fn shelf(shelves: &mut Shelves) -> &mut Vec<Vec<Self>>;
}

impl Pooled for u8 {
    fn shelf(shelves: &mut Shelves) -> &mut Vec<Vec<u8>> {
        &mut shelves.u8s
    }
}

impl Pooled for u32 {
    fn shelf(shelves: &mut Shelves) -> &mut Vec<Vec<u32>> {
        &mut shelves.u32s
    }
}

impl Pooled for u128 {
    fn shelf(shelves: &mut Shelves) -> &mut Vec<Vec<u128>> {
        &mut shelves.u128s
    }
}

impl Pooled for Token {
    fn shelf(shelves: &mut Shelves) -> &mut Vec<Vec<Token>> {
        &mut shelves.tokens
    }
}

fn size_of_buffer<T>(v: &Vec<T>) -> usize {
    v.capacity() * std::mem::size_of::<T>()
}

/// An empty vector with room for `capacity` items: a shelved one when there is one
/// (the smallest big enough, else the largest, grown), else a new one.
pub fn take<T: Pooled>(capacity: usize) -> Vec<T> {
    if capacity * std::mem::size_of::<T>() >= MIN_BYTES {
        // A poisoned lock only means another thread panicked while holding it: the
        // shelves are still whole vectors, but a fresh buffer is the simple answer.
        if let Ok(mut shelves) = SHELVES.lock() {
            let shelf = T::shelf(&mut shelves);
            let fits = |v: &&Vec<T>| v.capacity() >= capacity;
            let pick = shelf
                .iter()
                .enumerate()
                .filter(|(_, v)| fits(v))
                .min_by_key(|(_, v)| v.capacity())
                .or_else(|| shelf.iter().enumerate().max_by_key(|(_, v)| v.capacity()))
                .map(|(i, _)| i);
            if let Some(i) = pick {
                let mut v = shelf.swap_remove(i);
                shelves.bytes -= size_of_buffer(&v);
                // Growing a shelved buffer keeps its pages: only the new ones fault.
                v.reserve_exact(capacity);
                return v;
            }
        }
    }
    Vec::with_capacity(capacity)
}

/// Shelve `v` for a later `take`, emptied, if it is big and the shelves have room;
/// else free it.
pub fn give<T: Pooled>(mut v: Vec<T>) {
    let bytes = size_of_buffer(&v);
    if bytes < MIN_BYTES {
        return;
    }
    v.clear();
    if let Ok(mut shelves) = SHELVES.lock() {
        if shelves.bytes + bytes <= CAP_BYTES {
            shelves.bytes += bytes;
            T::shelf(&mut shelves).push(v);
        }
    }
}

/// Bytes the shelves hold now.
pub fn held() -> usize {
    SHELVES.lock().map_or(0, |shelves| shelves.bytes)
}

/// Free every shelved buffer; returns the bytes handed back.
pub fn clear() -> usize {
    let Ok(mut shelves) = SHELVES.lock() else {
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
    fn buffers_are_kept_reused_capped_and_cleared() {
        clear();
        let big = MIN_BYTES / 4; // u32s: exactly MIN_BYTES
        let mut v: Vec<u32> = take(big);
        v.extend(0..big as u32);
        let ptr = v.as_ptr();
        give(v);
        assert_eq!(held(), MIN_BYTES);
        // The next call of that size gets the same memory back, empty.
        let again: Vec<u32> = take(big);
        assert_eq!((again.as_ptr(), again.len()), (ptr, 0));
        assert_eq!(held(), 0);
        give(again);

        // Small buffers are not kept; nor are big ones past the cap.
        give(vec![0u8; 100]);
        assert_eq!(held(), MIN_BYTES);
        let mut kept = 1;
        while held() + 16 * MIN_BYTES <= CAP_BYTES {
            give(Vec::<u128>::with_capacity(MIN_BYTES)); // 16 MiB each
            kept += 16;
        }
        give(Vec::<u128>::with_capacity(MIN_BYTES));
        assert_eq!(held(), kept * MIN_BYTES);

        // Too small a shelved buffer is grown rather than left unused.
        let grown: Vec<u128> = take(2 * MIN_BYTES);
        assert!(grown.capacity() >= 2 * MIN_BYTES);
        assert_eq!(held(), (kept - 16) * MIN_BYTES);
        assert_eq!(clear(), (kept - 16) * MIN_BYTES);
        assert_eq!(held(), 0);
    }
}
