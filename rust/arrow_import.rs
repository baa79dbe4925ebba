//! Texts read where they lie, from an Arrow C stream of strings: what a polars
//! Series (or a pyarrow array) hands over through `__arrow_c_stream__`. No Python
//! string is made per text and no byte is copied; each string is checked to be
//! UTF-8 (foreign memory is not trusted to be) and a null is read as an empty text.
//! <https://arrow.apache.org/docs/format/CStreamInterface.html>

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;

use crate::arrow::{ArrowArray, ArrowSchema};

#[repr(C)]
pub struct ArrowArrayStream {
    get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    private_data: *mut c_void,
}

impl Drop for ArrowArrayStream {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: the stream is live and `release` is its producer's.
            unsafe { release(self) }
        }
    }
}

/// The string layouts read: offsets of 32 or 64 bits ("u", "U") and views ("vu").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Utf8,
    LargeUtf8,
    View,
}

/// A stream's arrays, held (and released on drop) while their strings are read.
pub struct ArrowTexts {
    layout: Layout,
    arrays: Vec<ArrowArray>,
}

// SAFETY: the arrays are only read, never written, while held; the C Data Interface
// lets their release callbacks run on any thread.
unsafe impl Sync for ArrowTexts {}

impl ArrowTexts {
    /// Take over the stream at `stream` (moved out: the original is left released, as
    /// the PyCapsule protocol asks) and read all its arrays.
    ///
    /// # Safety
    /// `stream` must point to a live `ArrowArrayStream`.
    pub unsafe fn from_stream(stream: *mut ArrowArrayStream) -> Result<ArrowTexts, String> {
        // SAFETY: live, by the caller's promise; moving out = copy, then clear `release`.
        let mut stream = unsafe {
            let moved = ptr::read(stream);
            (*stream).release = None;
            moved
        };
        let (Some(get_schema), Some(get_next)) = (stream.get_schema, stream.get_next) else {
            return Err("texts: an Arrow stream without its callbacks".into());
        };
        let mut schema = ArrowSchema::empty();
        // SAFETY: the stream is live; `schema` is a released struct for it to fill.
        let rc = unsafe { get_schema(&mut stream, &mut schema) };
        if rc != 0 {
            return Err(stream_error(&mut stream, "schema", rc));
        }
        let layout = layout_of(&schema)?;
        let mut arrays = Vec::new();
        loop {
            let mut array = ArrowArray::empty();
            // SAFETY: as above, for the next array.
            let rc = unsafe { get_next(&mut stream, &mut array) };
            if rc != 0 {
                return Err(stream_error(&mut stream, "array", rc));
            }
            if !array.is_live() {
                break; // the end of the stream
            }
            check_shape(&array, layout)?;
            arrays.push(array);
        }
        Ok(ArrowTexts { layout, arrays })
    }

    /// The number of texts.
    pub fn len(&self) -> usize {
        self.arrays.iter().map(ArrowArray::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every text, in order; an error names the first that is not UTF-8 or points
    /// outside its buffer.
    pub fn strs(&self) -> Result<Vec<&str>, String> {
        let mut out = Vec::with_capacity(self.len());
        for array in &self.arrays {
            let first = out.len();
            for i in 0..array.len() {
                // SAFETY: `check_shape` saw the buffers this layout needs.
                let bytes = unsafe { self.bytes(array, i) }
                    .map_err(|e| format!("texts[{}]: {e}", first + i))?;
                // The fast check; std's, only to say where a bad text goes wrong.
                let text = simdutf8::basic::from_utf8(bytes).map_err(|_| {
                    let at = std::str::from_utf8(bytes)
                        .err()
                        .map_or(0, |e| e.valid_up_to());
                    format!("texts[{}]: not UTF-8 at byte {at}", first + i)
                })?;
                out.push(text);
            }
        }
        Ok(out)
    }

    /// Row i's bytes (empty for a null).
    ///
    /// # Safety
    /// `array` passed `check_shape` for `self.layout` and i < its length.
    unsafe fn bytes<'a>(&'a self, array: &'a ArrowArray, i: usize) -> Result<&'a [u8], String> {
        let at = array.offset as usize + i;
        // SAFETY (whole body): the buffers are the producer's, of the sizes the format
        // gives for `offset + length` rows; views are bounded by the sizes buffer.
        unsafe {
            let buffers = std::slice::from_raw_parts(array.buffers, array.n_buffers as usize);
            let validity = buffers[0].cast::<u8>();
            if !validity.is_null() && *validity.add(at / 8) >> (at % 8) & 1 == 0 {
                return Ok(&[]);
            }
            let (start, end, data) = match self.layout {
                Layout::Utf8 => {
                    let offsets = buffers[1].cast::<i32>();
                    let (a, b) = (*offsets.add(at), *offsets.add(at + 1));
                    (i64::from(a), i64::from(b), buffers[2])
                }
                Layout::LargeUtf8 => {
                    let offsets = buffers[1].cast::<i64>();
                    (*offsets.add(at), *offsets.add(at + 1), buffers[2])
                }
                Layout::View => {
                    let view = buffers[1].cast::<u8>().add(16 * at);
                    let word = |k: usize| {
                        let mut w = [0u8; 4];
                        ptr::copy_nonoverlapping(view.add(k), w.as_mut_ptr(), 4);
                        u32::from_ne_bytes(w) as usize
                    };
                    let len = word(0);
                    if len <= 12 {
                        return Ok(std::slice::from_raw_parts(view.add(4), len));
                    }
                    let (index, offset) = (word(8), word(12));
                    let data = &buffers[2..buffers.len() - 1];
                    let sizes = buffers[buffers.len() - 1].cast::<i64>();
                    let size = match data.get(index) {
                        Some(_) => *sizes.add(index),
                        None => {
                            return Err(format!("a view into buffer {index} of {}", data.len()))
                        }
                    };
                    if (offset + len) as i64 > size {
                        return Err(format!("a view past the end of buffer {index}"));
                    }
                    (offset as i64, (offset + len) as i64, data[index])
                }
            };
            if start < 0 || end < start {
                return Err(format!("offsets {start}..{end}"));
            }
            if end == start {
                return Ok(&[]);
            }
            if data.is_null() {
                return Err("no data buffer".into());
            }
            let base = data.cast::<u8>().add(start as usize);
            Ok(std::slice::from_raw_parts(base, (end - start) as usize))
        }
    }
}

fn stream_error(stream: &mut ArrowArrayStream, what: &str, rc: c_int) -> String {
    // SAFETY: `get_last_error` of a live stream gives null or a C string it owns.
    let detail = stream
        .get_last_error
        .map(|f| unsafe { f(stream) })
        .filter(|p| !p.is_null())
        .map(|p| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("error code {rc}"));
    format!("texts: the Arrow stream gave no {what}: {detail}")
}

fn layout_of(schema: &ArrowSchema) -> Result<Layout, String> {
    if schema.format.is_null() {
        return Err("texts: an Arrow schema without a format".into());
    }
    // SAFETY: a live schema's format is a NUL-terminated string.
    let format = unsafe { CStr::from_ptr(schema.format) };
    match format.to_bytes() {
        b"u" => Ok(Layout::Utf8),
        b"U" => Ok(Layout::LargeUtf8),
        b"vu" => Ok(Layout::View),
        other => Err(format!(
            "texts: expected an Arrow array of strings, got format {:?}",
            String::from_utf8_lossy(other)
        )),
    }
}

/// Refuse an array whose buffers cannot be those of its layout.
fn check_shape(array: &ArrowArray, layout: Layout) -> Result<(), String> {
    // Validity, offsets or views, then data (for views: data buffers and their sizes).
    if array.length < 0 || array.offset < 0 || array.n_buffers < 3 {
        return Err(format!(
            "texts: a malformed Arrow array ({} rows at offset {}, {} buffers)",
            array.length, array.offset, array.n_buffers
        ));
    }
    if array.length == 0 {
        return Ok(());
    }
    // SAFETY: a live array has `n_buffers` buffer pointers.
    let buffers = unsafe { std::slice::from_raw_parts(array.buffers, array.n_buffers as usize) };
    if buffers[1].is_null() || (layout == Layout::View && buffers[buffers.len() - 1].is_null()) {
        return Err("texts: an Arrow array without its offsets or views".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrow::{Column, StrColumn};
    use std::collections::VecDeque;

    /// A stream over arrays made here, as a producer would hand it over.
    struct Source {
        schema: Option<ArrowSchema>,
        arrays: VecDeque<ArrowArray>,
    }

    unsafe extern "C" fn get_schema(s: *mut ArrowArrayStream, out: *mut ArrowSchema) -> c_int {
        unsafe {
            let source = &mut *(*s).private_data.cast::<Source>();
            match source.schema.take() {
                Some(schema) => {
                    ptr::write(out, schema);
                    0
                }
                None => 5,
            }
        }
    }

    unsafe extern "C" fn get_next(s: *mut ArrowArrayStream, out: *mut ArrowArray) -> c_int {
        unsafe {
            let source = &mut *(*s).private_data.cast::<Source>();
            ptr::write(
                out,
                source.arrays.pop_front().unwrap_or_else(ArrowArray::empty),
            );
            0
        }
    }

    unsafe extern "C" fn release(s: *mut ArrowArrayStream) {
        unsafe {
            drop(Box::from_raw((*s).private_data.cast::<Source>()));
            (*s).release = None;
        }
    }

    /// The columns as one stream, each array with its first `skip` rows sliced off.
    fn stream(columns: Vec<Column>, skip: i64) -> ArrowArrayStream {
        let mut schema = None;
        let mut arrays = VecDeque::new();
        for column in columns {
            let (s, mut a) = column.export();
            a.offset += skip;
            a.length -= skip;
            schema.get_or_insert(s);
            arrays.push_back(a);
        }
        ArrowArrayStream {
            get_schema: Some(get_schema),
            get_next: Some(get_next),
            get_last_error: None,
            release: Some(release),
            private_data: Box::into_raw(Box::new(Source { schema, arrays })).cast(),
        }
    }

    fn read_from(columns: Vec<Column>, skip: i64) -> Result<Vec<String>, String> {
        let mut s = stream(columns, skip);
        let texts = unsafe { ArrowTexts::from_stream(&mut s) }?;
        assert!(s.release.is_none(), "the stream was moved out");
        Ok(texts.strs()?.into_iter().map(String::from).collect())
    }

    fn read(columns: Vec<Column>) -> Result<Vec<String>, String> {
        read_from(columns, 0)
    }

    fn views(texts: &[&str]) -> Column {
        let mut col = StrColumn::new();
        for t in texts {
            col.push(t);
        }
        Column::strings("t", col)
    }

    #[test]
    fn views_short_and_long_over_chunks() {
        let long = "Nvidia zainwestuje do 100 miliardów dolarów w OpenAI";
        let got = read(vec![views(&["a", long]), views(&[]), views(&["40 亿美元"])]).unwrap();
        assert_eq!(got, ["a", long, "40 亿美元"]);
    }

    #[test]
    fn offset_layouts_with_nulls_and_an_offset() {
        let rows: [Option<&[u8]>; 4] = [
            Some(b"Microsoft"),
            None,
            Some(b""),
            Some("3,500億ドル".as_bytes()),
        ];
        for large in [false, true] {
            let got = read_from(vec![Column::offset_strings("t", &rows, large)], 1).unwrap();
            assert_eq!(got, ["", "", "3,500億ドル"], "large: {large}");
        }
    }

    #[test]
    fn not_utf8_is_refused_with_its_row() {
        let rows: [Option<&[u8]>; 2] = [Some(b"fine"), Some(b"ok\xff")];
        let err = read(vec![Column::offset_strings("t", &rows, false)]).unwrap_err();
        assert_eq!(err, "texts[1]: not UTF-8 at byte 2");
    }

    #[test]
    fn a_view_outside_its_buffers_is_refused() {
        let long = "a text longer than twelve bytes";
        let (schema, array) = views(&["ok", long]).export();
        // Point the long string's view at a data buffer that is not there.
        unsafe {
            let views = (*array.buffers.add(1)).cast::<u8>().cast_mut();
            views.add(16 + 8).copy_from(7u32.to_ne_bytes().as_ptr(), 4);
        }
        let mut s = stream(vec![], 0);
        let source = unsafe { &mut *s.private_data.cast::<Source>() };
        source.schema = Some(schema);
        source.arrays.push_back(array);
        let texts = unsafe { ArrowTexts::from_stream(&mut s) }.unwrap();
        assert_eq!(
            texts.strs().unwrap_err(),
            "texts[1]: a view into buffer 7 of 1"
        );
    }

    #[test]
    fn other_types_are_refused() {
        let err = read(vec![Column::u32("n", vec![1, 2])]).unwrap_err();
        assert!(err.contains("expected an Arrow array of strings"), "{err}");
    }

    #[test]
    fn an_empty_stream_gives_no_texts() {
        let mut s = stream(vec![], 0);
        // No schema to give: the producer's error code comes back as a message.
        let err = unsafe { ArrowTexts::from_stream(&mut s) }.err().unwrap();
        assert!(err.contains("gave no schema: error code 5"), "{err}");
        let got = read(vec![views(&[])]).unwrap();
        assert!(got.is_empty());
    }
}
