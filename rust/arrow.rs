//! Columns out as Arrow C Data Interface arrays, the form polars (and pyarrow)
//! import without a copy: each buffer stays the Rust `Vec` it was built in and is
//! freed by the release callback once the consumer is done with it.
//! <https://arrow.apache.org/docs/format/CDataInterface.html>

use std::ffi::{c_char, c_void, CStr, CString};
use std::ops::Range;
use std::ptr;

use crate::pool::{self, Pooled};

/// Strings as Arrow string views: 16 bytes each, holding a string of up to 12 bytes
/// itself and pointing into `buffers` for a longer one. Most tokens are short, so most
/// are never copied out of the text a second time.
pub struct StrColumn {
    pub views: Vec<u128>,
    pub buffers: Vec<Vec<u8>>,
    /// Bytes a buffer may hold: a view's offset is an i32.
    limit: usize,
}

impl Default for StrColumn {
    fn default() -> StrColumn {
        StrColumn::new()
    }
}

/// By length, the mask keeping a string's bytes of a 16-byte word (from a table: a
/// variable shift of a u128 takes a dozen instructions).
const INLINE_MASKS: [u128; 13] = {
    let mut masks = [0u128; 13];
    let mut len = 1;
    while len < 13 {
        masks[len] = (1u128 << (len * 8)) - 1;
        len += 1;
    }
    masks
};

/// The view of the span `span` of `text`; a string longer than 12 bytes is stored
/// by `long`, which gives its view. `span` must lie on character boundaries.
#[inline]
pub fn span_view(text: &[u8], span: Range<usize>, long: impl FnOnce(&[u8]) -> u128) -> u128 {
    let len = span.end - span.start;
    // Short spans with 16 bytes of text from their start (nearly all tokens): one
    // 16-byte load and a mask make the view, no copy of variable length.
    if cfg!(target_endian = "little") && len <= 12 && span.start + 16 <= text.len() {
        let mut word = [0u8; 16];
        word.copy_from_slice(&text[span.start..span.start + 16]);
        len as u128 | (u128::from_le_bytes(word) & INLINE_MASKS[len]) << 32
    } else if len <= 12 {
        view(&text[span], 0, 0)
    } else {
        long(&text[span])
    }
}

/// The view of `s` if it fits in one (12 bytes at most).
pub fn short_view(s: &str) -> Option<u128> {
    (s.len() <= 12).then(|| view(s.as_bytes(), 0, 0))
}

/// The view of `bytes`, longer than 12, appended to `data`, data buffer `index` of
/// its column (`data` must stay under 2 GiB: offsets are i32).
#[inline]
pub fn stored_view(data: &mut Vec<u8>, index: u32, bytes: &[u8]) -> u128 {
    let v = view(bytes, index, data.len() as u32);
    data.extend_from_slice(bytes);
    v
}

/// The view of `bytes`, copied to the last of `buffers` first if longer than 12 (a
/// new buffer when the last would grow past `limit` bytes).
fn stash(buffers: &mut Vec<Vec<u8>>, limit: usize, bytes: &[u8]) -> u128 {
    if bytes.len() <= 12 {
        return view(bytes, 0, 0);
    }
    let full = buffers.last().is_none_or(|b| b.len() + bytes.len() > limit);
    if full {
        // From the pool like every big buffer: one that grew from nothing would be
        // shelved when its frame goes and never asked for again.
        buffers.push(pool::take(pool::MIN_BYTES.min(limit).max(bytes.len())));
    }
    let index = buffers.len() - 1;
    let buffer = &mut buffers[index];
    let v = view(bytes, index as u32, buffer.len() as u32);
    buffer.extend_from_slice(bytes);
    v
}

impl StrColumn {
    pub fn new() -> StrColumn {
        StrColumn::with_limit(i32::MAX as usize)
    }

    fn with_limit(limit: usize) -> StrColumn {
        StrColumn {
            views: Vec::new(),
            buffers: Vec::new(),
            limit,
        }
    }

    /// `s` must not be longer than `limit` (the batch functions refuse texts of 2 GiB).
    #[inline]
    pub fn push(&mut self, s: &str) {
        let v = stash(&mut self.buffers, self.limit, s.as_bytes());
        self.views.push(v);
    }

    pub fn len(&self) -> usize {
        self.views.len()
    }

    pub fn is_empty(&self) -> bool {
        self.views.is_empty()
    }

    /// String i's bytes (for tests and checks: readers use the views).
    pub fn get(&self, i: usize) -> Vec<u8> {
        let v = self.views[i].to_ne_bytes();
        let word = |k: usize| u32::from_ne_bytes([v[k], v[k + 1], v[k + 2], v[k + 3]]) as usize;
        match word(0) {
            len @ 0..=12 => v[4..4 + len].to_vec(),
            len => self.buffers[word(8)][word(12)..word(12) + len].to_vec(),
        }
    }
}

#[repr(C)]
pub struct ArrowSchema {
    pub(crate) format: *const c_char,
    pub(crate) name: *const c_char,
    pub(crate) metadata: *const c_char,
    pub(crate) flags: i64,
    pub(crate) n_children: i64,
    pub(crate) children: *mut *mut ArrowSchema,
    pub(crate) dictionary: *mut ArrowSchema,
    pub(crate) release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    pub(crate) private_data: *mut c_void,
}

#[repr(C)]
pub struct ArrowArray {
    pub(crate) length: i64,
    pub(crate) null_count: i64,
    pub(crate) offset: i64,
    pub(crate) n_buffers: i64,
    pub(crate) n_children: i64,
    pub(crate) buffers: *mut *const c_void,
    pub(crate) children: *mut *mut ArrowArray,
    pub(crate) dictionary: *mut ArrowArray,
    pub(crate) release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    pub(crate) private_data: *mut c_void,
}

// SAFETY: both own everything they point to (through `private_data`) and nothing
// else holds it: moving them to another thread moves that ownership (the C Data
// Interface lets a consumer release them on any thread).
unsafe impl Send for ArrowSchema {}
unsafe impl Send for ArrowArray {}

impl ArrowSchema {
    /// A released schema, for a producer to fill in (see `arrow_import`).
    pub(crate) fn empty() -> ArrowSchema {
        ArrowSchema {
            format: ptr::null(),
            name: ptr::null(),
            metadata: ptr::null(),
            flags: 0,
            n_children: 0,
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }

    /// Whether the struct still owns its data (a consumer that moves it out clears
    /// `release`, as the PyCapsule protocol asks).
    pub fn is_live(&self) -> bool {
        self.release.is_some()
    }
}

impl ArrowArray {
    /// A released array, for a producer to fill in (see `arrow_import`).
    pub(crate) fn empty() -> ArrowArray {
        ArrowArray {
            length: 0,
            null_count: 0,
            offset: 0,
            n_buffers: 0,
            n_children: 0,
            buffers: ptr::null_mut(),
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }

    pub fn is_live(&self) -> bool {
        self.release.is_some()
    }

    pub fn len(&self) -> usize {
        self.length as usize
    }

    pub fn is_empty(&self) -> bool {
        self.length == 0
    }
}

// Dropping a struct nobody took releases it (a capsule never imported, say).
impl Drop for ArrowSchema {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: the struct is live and `release` is its producer's (ours,
            // `release_schema`, or an imported stream's).
            unsafe { release(self) }
        }
    }
}

impl Drop for ArrowArray {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: as for the schema (`release_array`, or an imported stream's).
            unsafe { release(self) }
        }
    }
}

/// Memory a buffer pointer points into, kept alive until the array is released.
trait Buffer: Send {
    fn ptr(&self) -> *const c_void;
}

impl<T: Send> Buffer for Vec<T> {
    fn ptr(&self) -> *const c_void {
        self.as_ptr().cast()
    }
}

/// A buffer shelved in `pool` when its array is released, for the next call to
/// build in (see `pool` for why).
struct Reused<T: Pooled>(Vec<T>);

impl<T: Pooled> Buffer for Reused<T> {
    fn ptr(&self) -> *const c_void {
        self.0.as_ptr().cast()
    }
}

impl<T: Pooled> Drop for Reused<T> {
    fn drop(&mut self) {
        pool::give(std::mem::take(&mut self.0));
    }
}

fn reused<T: Pooled>(values: Vec<T>) -> Option<Box<dyn Buffer>> {
    Some(Box::new(Reused(values)))
}

/// One named column: its Arrow format string and buffers (validity first).
pub struct Column {
    name: CString,
    format: &'static CStr,
    len: usize,
    null_count: usize,
    buffers: Vec<Option<Box<dyn Buffer>>>,
}

/// A validity bitmap (bit set = value present) from a predicate on each row, and the
/// null count; `None` when no row is null (the bitmap can then be left out).
fn validity(len: usize, present: impl Fn(usize) -> bool) -> (Option<Box<dyn Buffer>>, usize) {
    let mut bits = vec![0u8; len.div_ceil(8)];
    let mut nulls = 0;
    for i in 0..len {
        if present(i) {
            bits[i / 8] |= 1 << (i % 8);
        } else {
            nulls += 1;
        }
    }
    let buffer: Option<Box<dyn Buffer>> = if nulls > 0 {
        Some(Box::new(bits))
    } else {
        None
    };
    (buffer, nulls)
}

fn c_name(name: &str) -> CString {
    // Column names are ours: never a NUL inside.
    CString::new(name).unwrap_or_default()
}

/// A string-view entry: the length, then the bytes themselves when they fit in 12,
/// else their first 4 bytes, the data buffer's index and the offset in it. Native
/// byte order in memory, as Arrow's C interface has it.
#[inline]
fn view(bytes: &[u8], buffer: u32, offset: u32) -> u128 {
    let mut v = [0u8; 16];
    v[..4].copy_from_slice(&(bytes.len() as u32).to_ne_bytes());
    if bytes.len() <= 12 {
        v[4..4 + bytes.len()].copy_from_slice(bytes);
    } else {
        v[4..8].copy_from_slice(&bytes[..4]);
        v[8..12].copy_from_slice(&buffer.to_ne_bytes());
        v[12..16].copy_from_slice(&offset.to_ne_bytes());
    }
    u128::from_ne_bytes(v)
}

impl Column {
    pub fn u32(name: &str, values: Vec<u32>) -> Column {
        Column {
            name: c_name(name),
            format: c"I",
            len: values.len(),
            null_count: 0,
            buffers: vec![None, reused(values)],
        }
    }

    /// Float64 with NaN standing for null (a parsed number is never NaN).
    pub fn f64_nan_null(name: &str, values: Vec<f64>) -> Column {
        let (valid, null_count) = validity(values.len(), |i| !values[i].is_nan());
        Column {
            name: c_name(name),
            format: c"g",
            len: values.len(),
            null_count,
            buffers: vec![valid, Some(Box::new(values))],
        }
    }

    /// Days since 1970 as a date; `null` stands for a missing date.
    pub fn date32(name: &str, days: Vec<i32>, null: i32) -> Column {
        let (valid, null_count) = validity(days.len(), |i| days[i] != null);
        Column {
            name: c_name(name),
            format: c"tdD",
            len: days.len(),
            null_count,
            buffers: vec![valid, Some(Box::new(days))],
        }
    }

    /// 0/1 bytes as booleans (Arrow packs them into bits).
    pub fn boolean(name: &str, values: &[u8]) -> Column {
        let (bits, _) = validity(values.len(), |i| values[i] != 0);
        let bits = bits.unwrap_or_else(|| Box::new(vec![0xFFu8; values.len().div_ceil(8)]));
        Column {
            name: c_name(name),
            format: c"b",
            len: values.len(),
            null_count: 0,
            buffers: vec![None, Some(bits)],
        }
    }

    /// Codes into `names` as strings (`None` names are nulls). Short names live in the
    /// views themselves, so the column is 16 bytes a row and no string data.
    pub fn coded(name: &str, codes: &[u8], names: &[Option<&str>]) -> Column {
        let mut data = Vec::new();
        let table: Vec<Option<u128>> = names
            .iter()
            .map(|n| {
                n.map(|s| {
                    let v = view(s.as_bytes(), 0, data.len() as u32);
                    if s.len() > 12 {
                        data.extend_from_slice(s.as_bytes());
                    }
                    v
                })
            })
            .collect();
        let pick = |c: u8| table.get(usize::from(c)).copied().flatten();
        let mut rows = pool::take(codes.len());
        rows.extend(codes.iter().map(|&c| pick(c).unwrap_or(0)));
        // Every code names a string (token kinds, qualifiers): no row can be null, and
        // the bitmap `validity` would build bit by bit is left out anyway.
        let all_named = names.iter().all(Option::is_some)
            && codes.iter().all(|&c| usize::from(c) < names.len());
        let (valid, null_count) = if all_named {
            (None, 0)
        } else {
            validity(codes.len(), |i| pick(codes[i]).is_some())
        };
        Column::views(name, rows, vec![data], valid, null_count)
    }

    /// A string column of strings held in their views (`short_view`s): no data.
    pub fn short_strings(name: &str, views: Vec<u128>) -> Column {
        Column::views(name, views, Vec::new(), None, 0)
    }

    /// A string column: its views and data buffers as they are.
    pub fn strings(name: &str, column: StrColumn) -> Column {
        Column::views(name, column.views, column.buffers, None, 0)
    }

    fn views(
        name: &str,
        views: Vec<u128>,
        data: Vec<Vec<u8>>,
        valid: Option<Box<dyn Buffer>>,
        null_count: usize,
    ) -> Column {
        let sizes: Vec<i64> = data.iter().map(|b| b.len() as i64).collect();
        let len = views.len();
        let mut buffers = vec![valid, reused(views)];
        buffers.extend(data.into_iter().map(reused));
        // Last, the data buffers' sizes (how the reader counts the data buffers).
        buffers.push(Some(Box::new(sizes)));
        Column {
            name: c_name(name),
            format: c"vu",
            len,
            null_count,
            buffers,
        }
    }

    fn schema(&self) -> ArrowSchema {
        let private = Box::new(SchemaPrivate {
            name: self.name.clone(),
            children: Vec::new(),
        });
        ArrowSchema {
            format: self.format.as_ptr(),
            name: private.name.as_ptr(),
            metadata: ptr::null(),
            flags: 2, // nullable
            n_children: 0,
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: Some(release_schema),
            private_data: Box::into_raw(private).cast(),
        }
    }

    fn array(self) -> ArrowArray {
        let mut private = Box::new(ArrayPrivate {
            pointers: self
                .buffers
                .iter()
                .map(|b| b.as_ref().map_or(ptr::null(), |b| b.ptr()))
                .collect(),
            buffers: self.buffers,
            children: Vec::new(),
        });
        ArrowArray {
            length: self.len as i64,
            null_count: self.null_count as i64,
            offset: 0,
            n_buffers: private.pointers.len() as i64,
            n_children: 0,
            buffers: private.pointers.as_mut_ptr(),
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: Some(release_array),
            private_data: Box::into_raw(private).cast(),
        }
    }
}

#[cfg(test)]
impl Column {
    /// The column as a lone array with its schema (how `arrow_import`'s tests make
    /// the streams they read).
    pub(crate) fn export(self) -> (ArrowSchema, ArrowArray) {
        (self.schema(), self.array())
    }

    /// Strings in the offsets layouts: "u" (i32 offsets) or, `large`, "U" (i64).
    /// Bytes, not `&str`: a test may need them not to be UTF-8.
    pub(crate) fn offset_strings(name: &str, rows: &[Option<&[u8]>], large: bool) -> Column {
        let mut data = Vec::new();
        let mut ends = vec![0i64];
        for row in rows {
            data.extend_from_slice(row.unwrap_or_default());
            ends.push(data.len() as i64);
        }
        let offsets: Box<dyn Buffer> = if large {
            Box::new(ends)
        } else {
            Box::new(ends.into_iter().map(|e| e as i32).collect::<Vec<i32>>())
        };
        let (valid, null_count) = validity(rows.len(), |i| rows[i].is_some());
        Column {
            name: c_name(name),
            format: if large { c"U" } else { c"u" },
            len: rows.len(),
            null_count,
            buffers: vec![valid, Some(offsets), Some(Box::new(data))],
        }
    }
}

struct SchemaPrivate {
    name: CString,
    children: Vec<*mut ArrowSchema>,
}

struct ArrayPrivate {
    pointers: Vec<*const c_void>,
    #[allow(dead_code)] // held for the pointers above
    buffers: Vec<Option<Box<dyn Buffer>>>,
    children: Vec<*mut ArrowArray>,
}

unsafe extern "C" fn release_schema(schema: *mut ArrowSchema) {
    // SAFETY: called by the consumer (or `Drop`) on a live schema made by `Column`
    // or `frame`: `private_data` is the `SchemaPrivate` boxed there, children boxed too.
    unsafe {
        let Some(schema) = schema.as_mut() else {
            return;
        };
        let private = Box::from_raw(schema.private_data.cast::<SchemaPrivate>());
        for child in private.children {
            drop(Box::from_raw(child)); // releases it unless its consumer moved it out
        }
        schema.release = None;
    }
}

unsafe extern "C" fn release_array(array: *mut ArrowArray) {
    // SAFETY: as `release_schema`, for arrays and `ArrayPrivate`.
    unsafe {
        let Some(array) = array.as_mut() else { return };
        let private = Box::from_raw(array.private_data.cast::<ArrayPrivate>());
        for &child in &private.children {
            drop(Box::from_raw(child));
        }
        drop(private);
        array.release = None;
    }
}

/// Columns of equal length as one struct array (a frame's rows), with its schema.
pub fn frame(columns: Vec<Column>) -> Result<(ArrowSchema, ArrowArray), String> {
    let len = columns.first().map_or(0, |c| c.len);
    if let Some(c) = columns.iter().find(|c| c.len != len) {
        return Err(format!("column {:?}: {} rows, not {len}", c.name, c.len));
    }
    let schemas: Vec<*mut ArrowSchema> = columns
        .iter()
        .map(|c| Box::into_raw(Box::new(c.schema())))
        .collect();
    let arrays: Vec<*mut ArrowArray> = columns
        .into_iter()
        .map(|c| Box::into_raw(Box::new(c.array())))
        .collect();
    let n = schemas.len() as i64;
    let mut schema_private = Box::new(SchemaPrivate {
        name: CString::default(),
        children: schemas,
    });
    let schema = ArrowSchema {
        format: c"+s".as_ptr(),
        name: schema_private.name.as_ptr(),
        metadata: ptr::null(),
        flags: 0,
        n_children: n,
        children: schema_private.children.as_mut_ptr(),
        dictionary: ptr::null_mut(),
        release: Some(release_schema),
        private_data: Box::into_raw(schema_private).cast(),
    };
    let mut array_private = Box::new(ArrayPrivate {
        pointers: vec![ptr::null()], // a struct array has only a validity buffer
        buffers: Vec::new(),
        children: arrays,
    });
    let array = ArrowArray {
        length: len as i64,
        null_count: 0,
        offset: 0,
        n_buffers: 1,
        n_children: n,
        buffers: array_private.pointers.as_mut_ptr(),
        children: array_private.children.as_mut_ptr(),
        dictionary: ptr::null_mut(),
        release: Some(release_array),
        private_data: Box::into_raw(array_private).cast(),
    };
    Ok((schema, array))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_hold_short_strings_and_point_at_long_ones() {
        let long = "a string longer than twelve bytes";
        let mut col = StrColumn::with_limit(40);
        for s in ["ab", long, "", long, "€uro"] {
            col.push(s);
        }
        // The second long string does not fit in the first buffer's 40 bytes.
        assert_eq!(col.buffers.len(), 2);
        let got: Vec<Vec<u8>> = (0..col.len()).map(|i| col.get(i)).collect();
        let want = ["ab", long, "", long, "€uro"].map(|s| s.as_bytes().to_vec());
        assert_eq!(got, want);
        assert_eq!(&col.views[1].to_ne_bytes()[4..8], b"a st"); // the prefix

        let (_, array) = frame(vec![Column::strings("s", col)]).unwrap();
        // SAFETY: the array is live; its child 0 is the view column built above, and
        // its buffer 4 the two data buffers' sizes.
        let child = unsafe { &**array.children };
        // Validity, views, two data buffers, their sizes.
        assert_eq!((child.length, child.n_buffers), (5, 5));
        let sizes = unsafe { std::slice::from_raw_parts((*child.buffers.add(4)).cast::<i64>(), 2) };
        assert_eq!(sizes, [long.len() as i64; 2]);
    }

    #[test]
    fn nulls_are_counted_and_left_out_of_the_bitmap() {
        let col = Column::f64_nan_null("x", vec![1.0, f64::NAN, 3.0]);
        assert_eq!(col.null_count, 1);
        let coded = Column::coded("u", &[0, 1, 2], &[None, Some("USD"), Some("W")]);
        assert_eq!(coded.null_count, 1);
        // A code past the names is null too, even when every name is given.
        let coded = Column::coded("k", &[0, 1, 2], &[Some("a"), Some("b")]);
        assert_eq!(coded.null_count, 1);
        let coded = Column::coded("k", &[0, 1, 1], &[Some("a"), Some("b")]);
        assert!(coded.null_count == 0 && coded.buffers[0].is_none());
        assert!(frame(vec![col, Column::u32("n", vec![1, 2])]).is_err());
    }

    #[test]
    fn release_clears_the_struct() {
        let (mut schema, mut array) = frame(vec![Column::u32("n", vec![1, 2, 3])]).unwrap();
        assert!(schema.is_live() && array.is_live());
        unsafe {
            release_schema(&mut schema);
            release_array(&mut array);
        }
        assert!(!schema.is_live() && !array.is_live());
    }
}
