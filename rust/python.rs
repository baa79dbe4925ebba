//! The Python bindings (`dealscope._core`): columns out as raw buffers, the GIL
//! released for the whole batch, and no panic allowed to reach Python.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyCapsule, PyDict, PyList, PyString};
use std::sync::Mutex;

use crate::amounts::KIND_NAMES as AMOUNT_KIND_NAMES;
use crate::arrow::{self, ArrowArray, ArrowSchema, Column};
use crate::arrow_import::{ArrowArrayStream, ArrowTexts};
use crate::batch::{self, SpanColumns};
use crate::cues;
use crate::dates::PRECISION_NAMES;
use crate::lexicon::{FLAG_NAMES, QUAL_NAMES, RELATION_NAMES};
use crate::pool;
use crate::sentences::sentences_batch;
use crate::tokenizer::KIND_NAMES;

/// A frame's columns as one Arrow struct array, which polars takes without a copy
/// through the Arrow PyCapsule interface (`pl.DataFrame(batch)`); taken once.
#[pyclass(module = "dealscope._core")]
struct ArrowBatch {
    inner: Mutex<Option<(ArrowSchema, ArrowArray)>>,
    rows: usize,
}

#[pymethods]
impl ArrowBatch {
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        // Our schema is the one on offer: a request for another is not honoured, as
        // the protocol allows.
        let _ = requested_schema;
        let taken = self.inner.lock().ok().and_then(|mut inner| inner.take());
        let (schema, array) =
            taken.ok_or_else(|| PyValueError::new_err("the batch was taken already"))?;
        Ok((
            PyCapsule::new(py, schema, Some(c"arrow_schema".to_owned()))?,
            PyCapsule::new(py, array, Some(c"arrow_array".to_owned()))?,
        ))
    }

    fn __len__(&self) -> usize {
        self.rows
    }
}

/// A frame made in Rust (without the GIL, inside `run`), handed to Python.
type Frame = (ArrowSchema, ArrowArray);

fn batch((schema, array): Frame) -> ArrowBatch {
    ArrowBatch {
        rows: array.len(),
        inner: Mutex::new(Some((schema, array))),
    }
}

/// The columns every frame starts with: doc, start, end and the text of the span.
fn span_columns(spans: SpanColumns, text_name: &str) -> Vec<Column> {
    vec![
        Column::u32("doc", spans.doc),
        Column::u32("start", spans.start),
        Column::u32("end", spans.end),
        Column::strings(text_name, spans.text),
    ]
}

/// Code names as `Column::coded` takes them.
fn names(names: &[&'static str]) -> Vec<Option<&'static str>> {
    names.iter().copied().map(Some).collect()
}

/// The texts of a call: Python strings, or an Arrow stream of strings (a polars
/// Series) read where it lies.
enum Texts {
    Python(Vec<PyBackedStr>),
    Arrow(ArrowTexts),
}

impl Texts {
    fn new(obj: &Bound<'_, PyAny>) -> PyResult<Texts> {
        if !obj.hasattr("__arrow_c_stream__")? {
            return Ok(Texts::Python(obj.extract()?));
        }
        let capsule = obj.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let stream = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: a capsule of this name holds a live `ArrowArrayStream` (the PyCapsule
        // protocol); `from_stream` moves it out, leaving the capsule's copy released.
        let texts = unsafe { ArrowTexts::from_stream(stream.as_ptr().cast::<ArrowArrayStream>()) };
        texts.map(Texts::Arrow).map_err(PyValueError::new_err)
    }

    /// The texts as the batch functions take them (an Arrow text is checked to be
    /// UTF-8 here, so call this inside `run`).
    fn strs(&self) -> Result<Vec<&str>, String> {
        match self {
            Texts::Python(texts) => Ok(texts.iter().map(|t| &**t).collect()),
            Texts::Arrow(texts) => texts.strs(),
        }
    }
}

/// The language codes as the batch functions take them.
fn codes(langs: &[Option<String>]) -> Vec<Option<&str>> {
    langs.iter().map(|l| l.as_deref()).collect()
}

/// Run a batch without the GIL; a panic becomes a RuntimeError, an error a ValueError.
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T, String> + Send) -> PyResult<T> {
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(work)));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(message)) => Err(PyValueError::new_err(message)),
        Err(_) => Err(PyRuntimeError::new_err(
            "dealscope core: internal error (a bug: please report the input)",
        )),
    }
}

fn token_frame(cols: batch::TokenColumns) -> Result<Frame, String> {
    let mut columns = span_columns(cols.spans, "token");
    columns.push(Column::short_strings("kind", cols.kind));
    arrow::frame(columns)
}

#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn tokenize(py: Python<'_>, texts: &Bound<'_, PyAny>, threads: usize) -> PyResult<ArrowBatch> {
    let texts = Texts::new(texts)?;
    let frame = run(py, || {
        token_frame(batch::tokenize_batch(&texts.strs()?, threads)?)
    })?;
    Ok(batch(frame))
}

#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn detect_languages(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: usize,
) -> PyResult<Vec<String>> {
    let texts = Texts::new(texts)?;
    run(py, || batch::detect_batch(&texts.strs()?, threads))
}

/// Additive language evidence per text, for texts read in pieces.
#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn language_scores(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: usize,
) -> PyResult<Vec<Vec<usize>>> {
    let texts = Texts::new(texts)?;
    run(py, || batch::scores_batch(&texts.strs()?, threads))
}

#[pyfunction]
fn decide_language(py: Python<'_>, scores: Vec<usize>) -> PyResult<String> {
    run(py, || batch::decide_language(&scores))
}

fn amount_frame(cols: batch::AmountColumns) -> Result<Frame, String> {
    let units: Vec<Option<&str>> = std::iter::once(None)
        .chain(cols.units.iter().map(|u| Some(u.as_str())))
        .collect();
    let mut columns = span_columns(cols.spans, "text");
    columns.extend([
        Column::coded("kind", &cols.kind, &names(&AMOUNT_KIND_NAMES)),
        Column::f64_nan_null("value", cols.value),
        Column::f64_nan_null("low", cols.low),
        Column::f64_nan_null("high", cols.high),
        Column::coded("unit", &cols.unit, &units),
        Column::coded("qualifier", &cols.qualifier, &names(&QUAL_NAMES)),
    ]);
    arrow::frame(columns)
}

/// `work` on the texts and their language codes, without the GIL: one frame out.
fn frame_of(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    langs: &[Option<String>],
    work: impl FnOnce(&[&str], &[Option<&str>]) -> Result<Frame, String> + Send,
) -> PyResult<ArrowBatch> {
    let texts = Texts::new(texts)?;
    let lang_refs = codes(langs);
    let frame = run(py, || work(&texts.strs()?, &lang_refs))?;
    Ok(batch(frame))
}

#[pyfunction]
#[pyo3(signature = (texts, langs, threads=0, by_sentence=None))]
fn parse_amounts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    langs: Vec<Option<String>>,
    threads: usize,
    by_sentence: Option<bool>,
) -> PyResult<ArrowBatch> {
    frame_of(py, texts, &langs, |texts, langs| {
        amount_frame(batch::amounts_batch(texts, langs, by_sentence, threads)?)
    })
}

/// `tokenize` and `parse_amounts` in one pass over the texts.
#[pyfunction]
#[pyo3(signature = (texts, langs, threads=0, by_sentence=None))]
fn tokens_and_amounts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    langs: Vec<Option<String>>,
    threads: usize,
    by_sentence: Option<bool>,
) -> PyResult<(ArrowBatch, ArrowBatch)> {
    let texts = Texts::new(texts)?;
    let lang_refs = codes(&langs);
    let (tokens, amounts) = run(py, || {
        let refs = texts.strs()?;
        let (tokens, amounts) =
            batch::tokens_amounts_batch(&refs, &lang_refs, by_sentence, threads)?;
        Ok((token_frame(tokens)?, amount_frame(amounts)?))
    })?;
    Ok((batch(tokens), batch(amounts)))
}

#[pyfunction]
#[pyo3(signature = (texts, langs, refs, threads=0, by_sentence=None))]
fn parse_dates(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    langs: Vec<Option<String>>,
    refs: Vec<Option<i32>>,
    threads: usize,
    by_sentence: Option<bool>,
) -> PyResult<ArrowBatch> {
    frame_of(py, texts, &langs, |texts, langs| {
        let cols = batch::dates_batch(texts, langs, by_sentence, &refs, threads)?;
        let mut columns = span_columns(cols.spans, "text");
        columns.extend([
            Column::date32("date", cols.date, i32::MIN),
            Column::coded("precision", &cols.precision, &names(&PRECISION_NAMES)),
            Column::coded("relation", &cols.relation, &names(&RELATION_NAMES)),
            Column::boolean("relative", &cols.relative),
        ]);
        arrow::frame(columns)
    })
}

/// Each text cut into sentences, with the language each is read in.
#[pyfunction]
#[pyo3(signature = (texts, langs, threads=0, by_sentence=None))]
fn sentences(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    langs: Vec<Option<String>>,
    threads: usize,
    by_sentence: Option<bool>,
) -> PyResult<ArrowBatch> {
    frame_of(py, texts, &langs, |texts, langs| {
        let cols = sentences_batch(texts, langs, by_sentence, threads)?;
        let mut columns = span_columns(cols.spans, "sentence");
        columns.insert(1, Column::u32("sid", cols.sid));
        columns.push(Column::strings("lang", cols.lang));
        arrow::frame(columns)
    })
}

#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn find_names(py: Python<'_>, texts: &Bound<'_, PyAny>, threads: usize) -> PyResult<ArrowBatch> {
    let texts = Texts::new(texts)?;
    let frame = run(py, || {
        let cols = batch::names_batch(&texts.strs()?, threads)?;
        let mut columns = span_columns(cols.spans, "text");
        columns.push(Column::u32("entity", cols.entity));
        arrow::frame(columns)
    })?;
    Ok(batch(frame))
}

/// The entities of names.toml, in the order `find_names`' entity column counts them.
#[pyfunction]
fn name_entities(py: Python<'_>) -> PyResult<Vec<(String, String, String, String)>> {
    run(py, || {
        Ok(batch::names()?
            .entities
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.kind.clone(),
                    e.role.clone(),
                    e.parent.clone(),
                )
            })
            .collect::<Vec<_>>())
    })
}

/// Each sentence's deal cues (`pipeline.cues.find`): a dict of category → sorted
/// start offsets, keys in the order `find` inserts them; sentence i read in
/// `langs[i]` (a code of the lexicon's languages or `xx`).
#[pyfunction]
#[pyo3(signature = (sentences, langs, threads=0))]
fn deal_cues<'py>(
    py: Python<'py>,
    sentences: &Bound<'py, PyAny>,
    langs: Vec<String>,
    threads: usize,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let texts = if sentences.hasattr("__arrow_c_stream__")? {
        Texts::new(sentences)?
    } else {
        // Read one by one, so that a text that cannot be UTF-8 (a lone surrogate) is
        // named by its place.
        let mut texts = Vec::new();
        for (i, item) in sentences.try_iter()?.enumerate() {
            let item = item?;
            if !item.is_instance_of::<PyString>() {
                let kind = item.get_type().name()?;
                return Err(PyTypeError::new_err(format!(
                    "sentences[{i}]: expected str, got {kind}"
                )));
            }
            let text: PyBackedStr = item.extract().map_err(|_| {
                PyValueError::new_err(format!(
                    "sentences[{i}]: not encodable as UTF-8 (a lone surrogate?)"
                ))
            })?;
            texts.push(text);
        }
        Texts::Python(texts)
    };
    let found = run(py, || {
        let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
        cues::find_batch(&texts.strs()?, &langs, threads)
    })?;
    let names: Vec<Bound<'py, PyString>> = cues::CATEGORIES
        .iter()
        .map(|name| PyString::intern(py, name))
        .collect();
    // Some hundred thousand new containers, none in a cycle: the cyclic collector,
    // which a run of allocations sets off, would walk them again and again.
    let gc = py.import("gc")?;
    let was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let dicts = found
        .into_iter()
        .map(|sentence| {
            let dict = PyDict::new(py);
            for (cat, hits) in sentence {
                dict.set_item(&names[usize::from(cat)], PyList::new(py, hits)?)?;
            }
            Ok(dict)
        })
        .collect();
    if was_enabled {
        gc.call_method0("enable")?;
    }
    dicts
}

/// The names the core gives each code column, and the lexicon's flags (bit i is flag
/// i): a test holds them equal to `frames`' and to the Python lexicon's `FLAG_LISTS`.
#[pyfunction]
fn code_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("token_kind", KIND_NAMES.to_vec()),
        ("amount_kind", AMOUNT_KIND_NAMES.to_vec()),
        ("qualifier", QUAL_NAMES.to_vec()),
        ("precision", PRECISION_NAMES.to_vec()),
        ("relation", RELATION_NAMES.to_vec()),
        ("flag", FLAG_NAMES.to_vec()),
    ]
}

/// Bytes of big output buffers the core keeps for its next call (see `pool`).
#[pyfunction]
fn kept_buffer_bytes() -> usize {
    pool::held()
}

/// Free the kept buffers; the bytes handed back.
#[pyfunction]
fn free_kept_buffers(py: Python<'_>) -> usize {
    py.detach(pool::clear)
}

/// Let the core keep at most `nbytes` of buffers (0: none); the limit before.
#[pyfunction]
fn set_kept_limit(py: Python<'_>, nbytes: usize) -> usize {
    py.detach(|| pool::set_cap(nbytes))
}

/// The bytes of buffers the core may keep.
#[pyfunction]
fn kept_limit() -> usize {
    pool::cap()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(detect_languages, m)?)?;
    m.add_function(wrap_pyfunction!(language_scores, m)?)?;
    m.add_function(wrap_pyfunction!(decide_language, m)?)?;
    m.add_function(wrap_pyfunction!(parse_amounts, m)?)?;
    m.add_function(wrap_pyfunction!(tokens_and_amounts, m)?)?;
    m.add_function(wrap_pyfunction!(parse_dates, m)?)?;
    m.add_function(wrap_pyfunction!(find_names, m)?)?;
    m.add_function(wrap_pyfunction!(name_entities, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(deal_cues, m)?)?;
    m.add_function(wrap_pyfunction!(code_tables, m)?)?;
    m.add_function(wrap_pyfunction!(kept_buffer_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(free_kept_buffers, m)?)?;
    m.add_function(wrap_pyfunction!(set_kept_limit, m)?)?;
    m.add_function(wrap_pyfunction!(kept_limit, m)?)?;
    m.add_class::<ArrowBatch>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
