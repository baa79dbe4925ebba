//! The Python bindings (`dealscope._core`): columns out as raw buffers, the GIL
//! released for the whole batch, and no panic allowed to reach Python.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict};

use crate::batch::{self, StrColumn};

/// A column of numbers as little-endian bytes (one copy, no Python objects per row).
fn le_bytes<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    v: &[T],
    to: fn(T) -> [u8; N],
) -> Bound<'py, PyBytes> {
    if cfg!(target_endian = "little") && std::mem::size_of::<T>() == N {
        // SAFETY: `T` is one of u32/i64/f64 here: N bytes, no padding, any alignment
        // is fine for u8; on a little-endian machine its memory is the wanted bytes.
        let bytes = unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), v.len() * N) };
        return PyBytes::new(py, bytes);
    }
    let mut out = Vec::with_capacity(v.len() * N);
    for x in v {
        out.extend_from_slice(&to(*x));
    }
    PyBytes::new(py, &out)
}

/// The columns every frame starts with: doc, start, end and the text of the span.
fn span_columns(
    d: &Bound<'_, PyDict>,
    (doc, start, end): (&[u32], &[u32], &[u32]),
    text_name: &str,
    text: &StrColumn,
) -> PyResult<()> {
    let py = d.py();
    d.set_item("doc", le_bytes(py, doc, u32::to_le_bytes))?;
    d.set_item("start", le_bytes(py, start, u32::to_le_bytes))?;
    d.set_item("end", le_bytes(py, end, u32::to_le_bytes))?;
    d.set_item(text_name, strings(py, text))
}

fn strings<'py>(py: Python<'py>, s: &StrColumn) -> (Bound<'py, PyBytes>, Bound<'py, PyBytes>) {
    (le_bytes(py, &s.offsets, i64::to_le_bytes), PyBytes::new(py, &s.data))
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

fn token_dict<'py>(py: Python<'py>, cols: &batch::TokenColumns) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    span_columns(
        &d,
        (&cols.doc, &cols.start, &cols.end),
        "token",
        &cols.token,
    )?;
    d.set_item("kind", PyBytes::new(py, &cols.kind))?;
    Ok(d)
}

#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn tokenize<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    threads: usize,
) -> PyResult<(usize, Bound<'py, PyDict>)> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let cols = run(py, || batch::tokenize_batch(&refs, threads))?;
    Ok((cols.doc.len(), token_dict(py, &cols)?))
}

#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn detect_languages(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    threads: usize,
) -> PyResult<Vec<String>> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    run(py, || batch::detect_batch(&refs, threads))
}

/// Additive language evidence per text, for texts read in pieces.
#[pyfunction]
#[pyo3(signature = (texts, threads=0))]
fn language_scores(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    threads: usize,
) -> PyResult<Vec<Vec<usize>>> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    run(py, || batch::scores_batch(&refs, threads))
}

#[pyfunction]
fn decide_language(py: Python<'_>, scores: Vec<usize>) -> PyResult<String> {
    run(py, || batch::decide_language(&scores))
}

fn amount_dict<'py>(py: Python<'py>, cols: &batch::AmountColumns) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    span_columns(&d, (&cols.doc, &cols.start, &cols.end), "text", &cols.text)?;
    d.set_item("kind", PyBytes::new(py, &cols.kind))?;
    d.set_item("value", le_bytes(py, &cols.value, f64::to_le_bytes))?;
    d.set_item("low", le_bytes(py, &cols.low, f64::to_le_bytes))?;
    d.set_item("high", le_bytes(py, &cols.high, f64::to_le_bytes))?;
    d.set_item("unit", PyBytes::new(py, &cols.unit))?;
    d.set_item("qualifier", PyBytes::new(py, &cols.qualifier))?;
    Ok(d)
}

/// Rows, columns and unit names of an amounts frame.
type Amounts<'py> = (usize, Bound<'py, PyDict>, Vec<String>);

#[pyfunction]
#[pyo3(signature = (texts, langs, threads=0))]
fn parse_amounts<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    langs: Vec<Option<String>>,
    threads: usize,
) -> PyResult<Amounts<'py>> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let lang_refs: Vec<Option<&str>> = langs.iter().map(|l| l.as_deref()).collect();
    let cols = run(py, || batch::amounts_batch(&refs, &lang_refs, threads))?;
    let d = amount_dict(py, &cols)?;
    Ok((cols.doc.len(), d, cols.units))
}

/// `tokenize` and `parse_amounts` in one pass over the texts.
#[pyfunction]
#[pyo3(signature = (texts, langs, threads=0))]
fn tokens_and_amounts<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    langs: Vec<Option<String>>,
    threads: usize,
) -> PyResult<((usize, Bound<'py, PyDict>), Amounts<'py>)> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let lang_refs: Vec<Option<&str>> = langs.iter().map(|l| l.as_deref()).collect();
    let (tokens, amounts) = run(py, || {
        batch::tokens_amounts_batch(&refs, &lang_refs, threads)
    })?;
    let t = (tokens.doc.len(), token_dict(py, &tokens)?);
    let d = amount_dict(py, &amounts)?;
    Ok((t, (amounts.doc.len(), d, amounts.units)))
}

#[pyfunction]
#[pyo3(signature = (texts, langs, refs, threads=0))]
fn parse_dates<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    langs: Vec<Option<String>>,
    refs: Vec<Option<i32>>,
    threads: usize,
) -> PyResult<(usize, Bound<'py, PyDict>)> {
    let refs_text: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let lang_refs: Vec<Option<&str>> = langs.iter().map(|l| l.as_deref()).collect();
    let cols = run(py, || {
        batch::dates_batch(&refs_text, &lang_refs, &refs, threads)
    })?;
    let d = PyDict::new(py);
    span_columns(&d, (&cols.doc, &cols.start, &cols.end), "text", &cols.text)?;
    d.set_item("date", le_bytes(py, &cols.date, i32::to_le_bytes))?;
    d.set_item("precision", PyBytes::new(py, &cols.precision))?;
    d.set_item("relation", PyBytes::new(py, &cols.relation))?;
    d.set_item("relative", PyBytes::new(py, &cols.relative))?;
    Ok((cols.doc.len(), d))
}

#[pyfunction]
#[allow(clippy::type_complexity)]
#[pyo3(signature = (texts, threads=0))]
fn find_names<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    threads: usize,
) -> PyResult<(
    usize,
    Bound<'py, PyDict>,
    Vec<(String, String, String, String)>,
)> {
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let cols = run(py, || batch::names_batch(&refs, threads))?;
    let entities = run(py, || {
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
    })?;
    let d = PyDict::new(py);
    span_columns(&d, (&cols.doc, &cols.start, &cols.end), "text", &cols.text)?;
    d.set_item("entity", le_bytes(py, &cols.entity, u32::to_le_bytes))?;
    Ok((cols.doc.len(), d, entities))
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
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
