//! Whole batches of documents to flat columns, ready to cross into Arrow.

use crate::amounts::{parse_amounts_keyed, Amount};
pub use crate::arrow::StrColumn;
use crate::arrow::{short_view, span_view, stored_view};
use crate::dates::parse_dates_keyed;
use crate::langdetect::{decide, detect, one_lang, scores, sentence_langs_in, whole_lang, Runs};
use crate::lexicon::{lexicon, Lexicon};
use crate::names::Names;
use crate::phrases::Keys;
use crate::pool;
use crate::threads;
use crate::tokenizer::{tokenize, tokenize_into, Token, KIND_NAMES};
use std::mem::MaybeUninit;

/// The columns every frame starts with: the document, the span in code points, and
/// the span's text.
pub struct SpanColumns {
    pub doc: Vec<u32>,
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub text: StrColumn,
}

impl SpanColumns {
    /// Empty columns with room for `rows` spans, in kept buffers when big (see
    /// `pool`: a frame's big buffers are shelved when it is dropped, so each big
    /// column must be built in one taken from there, or the shelves fill up with
    /// buffers nobody takes).
    pub(crate) fn with_capacity(rows: usize) -> SpanColumns {
        let mut text = StrColumn::new();
        text.views = pool::take(rows);
        SpanColumns {
            doc: pool::take(rows),
            start: pool::take(rows),
            end: pool::take(rows),
            text,
        }
    }

    /// One span of document `doc`: code points `chars`, bytes `bytes` of `text`.
    pub(crate) fn push(
        &mut self,
        doc: usize,
        text: &str,
        chars: (usize, usize),
        bytes: (usize, usize),
    ) {
        self.doc.push(doc as u32);
        self.start.push(chars.0 as u32);
        self.end.push(chars.1 as u32);
        self.text.push(&text[bytes.0..bytes.1]);
    }

    pub fn len(&self) -> usize {
        self.doc.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.is_empty()
    }
}

pub struct TokenColumns {
    /// The token's text is `spans.text`.
    pub spans: SpanColumns,
    /// The kind's name (`KIND_NAMES`) as a string view: every name fits in one.
    pub kind: Vec<u128>,
}

pub struct AmountColumns {
    pub spans: SpanColumns,
    pub kind: Vec<u8>,
    /// NaN stands for null: a parsed number is never NaN.
    pub value: Vec<f64>,
    pub low: Vec<f64>,
    pub high: Vec<f64>,
    /// 0 is null, `i + 1` is `units[i]`.
    pub unit: Vec<u8>,
    pub units: Vec<String>,
    pub qualifier: Vec<u8>,
}

/// Run `work` on every document, on `threads` threads (0: all cores; 1: this
/// thread). Results keep the documents' order, so the output is the same
/// whatever the thread count.
pub fn per_doc<T: Send>(texts: &[&str], threads: usize, work: impl Fn(&str) -> T + Sync) -> Vec<T> {
    per_doc_indexed(texts, threads, |i| work(texts[i]))
}

/// `per_doc` over the indices of `texts`, for work that needs more than the text
/// (its language, its reference date). Too little work to share stays on this
/// thread (`threads::for_texts`).
pub(crate) fn per_doc_indexed<T: Send>(
    texts: &[&str],
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    let n = texts.len();
    let threads = threads::for_texts(texts, threads);
    if threads == 1 || n < 2 {
        return (0..n).map(&work).collect();
    }
    threads::install(threads, || (0..n).into_par_iter().map(&work).collect())
}

/// Offsets leave as u32 and strings as Arrow views, whose lengths are i32: a text
/// of 2 GiB or more is refused up front (no span of it can then be too long).
fn check_sizes(texts: &[&str]) -> Result<(), String> {
    match texts.iter().position(|t| t.len() > i32::MAX as usize) {
        Some(i) => Err(format!(
            "texts[{i}]: longer than {} bytes, split it",
            i32::MAX
        )),
        None if texts.len() > u32::MAX as usize => Err("more than 4 Gi texts in one batch".into()),
        None => Ok(()),
    }
}

impl TokenColumns {
    /// Empty columns with room for `rows` tokens.
    /// Kept buffers of an earlier call's frame are reused (see `pool`).
    fn with_capacity(rows: usize) -> TokenColumns {
        TokenColumns {
            spans: SpanColumns::with_capacity(rows),
            kind: pool::take(rows),
        }
    }

    /// The next `n` rows of every column, not written yet (room made for them).
    fn spare(&mut self, n: usize) -> RowSlots<'_> {
        let s = &mut self.spans;
        s.doc.reserve(n);
        s.start.reserve(n);
        s.end.reserve(n);
        s.text.views.reserve(n);
        self.kind.reserve(n);
        RowSlots {
            doc: &mut s.doc.spare_capacity_mut()[..n],
            start: &mut s.start.spare_capacity_mut()[..n],
            end: &mut s.end.spare_capacity_mut()[..n],
            view: &mut s.text.views.spare_capacity_mut()[..n],
            kind: &mut self.kind.spare_capacity_mut()[..n],
        }
    }

    /// Every column's length set to `rows`.
    ///
    /// # Safety
    /// Each column's first `rows` slots must be written (`spare`'s, say).
    unsafe fn set_rows(&mut self, rows: usize) {
        let s = &mut self.spans;
        s.doc.set_len(rows);
        s.start.set_len(rows);
        s.end.set_len(rows);
        s.text.views.set_len(rows);
        self.kind.set_len(rows);
    }

    /// Columns holding the runs' tokens, written on `threads` threads (those of the
    /// rayon pool it runs in, see `threads::install`): each run into its own rows
    /// (known once every text is tokenized) and its own data buffer, so no run
    /// waits for another and the columns are the same whatever the thread count.
    fn from_runs<A: Sync>(texts: &[&str], runs: &[Run<A>], threads: usize) -> TokenColumns {
        let total = rows(runs);
        let mut cols = TokenColumns::with_capacity(total);
        let mut free = cols.spare(total);
        let kinds = KIND_NAMES.map(|name| short_view(name).expect("a kind name fits in a view"));
        let parts: Vec<(RowSlots, &Run<A>)> = runs
            .iter()
            .map(|run| (free.split_off_front(run.tokens.len()), run))
            .collect();
        let fill = |(index, (slots, run)): (usize, (RowSlots, &Run<A>))| {
            slots.fill(texts, run, index as u32, &kinds)
        };
        let filled: Vec<(usize, Vec<u8>)> = if threads == 1 || parts.len() < 2 {
            parts.into_iter().enumerate().map(fill).collect()
        } else {
            use rayon::prelude::*;
            parts.into_par_iter().enumerate().map(fill).collect()
        };
        // Every slot was written, or nothing is claimed to be (a panic reaches
        // Python as an internal error, never as uninitialised rows).
        let written: usize = filled.iter().map(|(n, _)| n).sum();
        assert_eq!(written, total, "token rows written");
        // SAFETY: the first `total` slots of each column (`spare`) were split among
        // the runs, and each run wrote every slot of its share in each column (`fill`
        // checks it) and together they hold `total` (checked above).
        unsafe { cols.set_rows(total) };
        // Data buffer i is run i's, as its views say.
        cols.spans.text.buffers = filled.into_iter().map(|(_, data)| data).collect();
        cols
    }
}

/// Rows of the token columns not written yet.
struct RowSlots<'a> {
    doc: &'a mut [MaybeUninit<u32>],
    start: &'a mut [MaybeUninit<u32>],
    end: &'a mut [MaybeUninit<u32>],
    view: &'a mut [MaybeUninit<u128>],
    kind: &'a mut [MaybeUninit<u128>],
}

impl<'a> RowSlots<'a> {
    /// The first `n` rows, leaving the rest.
    fn split_off_front(&mut self, n: usize) -> RowSlots<'a> {
        fn front<'a, T>(slots: &mut &'a mut [T], n: usize) -> &'a mut [T] {
            let (head, tail) = std::mem::take(slots).split_at_mut(n);
            *slots = tail;
            head
        }
        RowSlots {
            doc: front(&mut self.doc, n),
            start: front(&mut self.start, n),
            end: front(&mut self.end, n),
            view: front(&mut self.view, n),
            kind: front(&mut self.kind, n),
        }
    }

    /// `run`'s tokens written in, document by document and column by column (tight
    /// loops with no room to check; views and kinds share one), strings of more than
    /// 12 bytes into a data buffer of its own, data buffer `index` of the column. The
    /// rows written, and the data buffer.
    fn fill<A>(
        mut self,
        texts: &[&str],
        run: &Run<A>,
        index: u32,
        kinds: &[u128; KIND_NAMES.len()],
    ) -> (usize, Vec<u8>) {
        let n = self.doc.len();
        let mut data = run_data(n);
        let mut row = 0;
        let mut from = 0;
        for (k, &end) in run.ends.iter().enumerate() {
            let doc = run.first + k;
            let tokens = &run.tokens[from..end];
            self.write(row, texts[doc], doc, tokens, (&mut data, index), kinds);
            row += end - from;
            from = end;
        }
        // Each loop above wrote rows `row - (end - from)..row` of its column, and
        // the documents' rows follow one another: all `n` are written when `row`
        // reached `n` (every column's share is `n` slots: `split_off_front`).
        assert_eq!(row, n, "a run's token rows");
        (row, data)
    }
}

impl RowSlots<'_> {
    /// Document `doc`'s `tokens` written into rows `row..row + tokens.len()` of each
    /// column (tight loops with no room to check; views and kinds share one), strings
    /// of more than 12 bytes into `data`, data buffer `index` of the column.
    #[inline(always)]
    fn write(
        &mut self,
        row: usize,
        text: &str,
        doc: usize,
        tokens: &[Token],
        (data, index): (&mut Vec<u8>, u32),
        kinds: &[u128; KIND_NAMES.len()],
    ) {
        let rows = row..row + tokens.len();
        let text = text.as_bytes();
        for slot in &mut self.doc[rows.clone()] {
            slot.write(doc as u32);
        }
        for (slot, t) in self.start[rows.clone()].iter_mut().zip(tokens) {
            slot.write(t.start);
        }
        for (slot, t) in self.end[rows.clone()].iter_mut().zip(tokens) {
            slot.write(t.end);
        }
        // Views and kinds in one loop: the kind's load and store ride along.
        let views = self.view[rows.clone()].iter_mut();
        for ((view, kind), t) in views.zip(&mut self.kind[rows]).zip(tokens) {
            view.write(span_view(text, t.bytes(), |long| {
                stored_view(data, index, long)
            }));
            kind.write(kinds[t.kind as usize]);
        }
    }
}

/// The data buffer of a run of `rows` tokens. News text has about 2.5 bytes of tokens
/// longer than 12 bytes a token. A big run's buffer is a kept one, rounded up to what
/// the pool keeps (many runs of a few hundred KB each would otherwise be fresh memory
/// every call).
fn run_data(rows: usize) -> Vec<u8> {
    let want = rows * 3;
    if want >= pool::MIN_BYTES / 8 {
        pool::take(want.max(pool::MIN_BYTES))
    } else {
        Vec::with_capacity(want)
    }
}

/// Consecutive documents' tokens in one buffer, with what `per_doc` made of each.
struct Run<A> {
    /// The first document's index.
    first: usize,
    tokens: Vec<Token>,
    /// Each document's end in `tokens`.
    ends: Vec<usize>,
    found: Vec<A>,
}

/// Runs a thread works through one after another: a few per thread, so that one
/// slow run does not hold the others up.
const RUNS_PER_THREAD: usize = 8;

/// Every text tokenized, in runs of consecutive texts on `threads` threads (one run
/// when 1; in the rayon pool it runs in, see `threads::install`), each run's tokens
/// in one buffer kept in `pool` between calls. One buffer
/// per text would be freed at the end of the call and, at the batch sizes the
/// pipeline uses, faulted in again by the next (a third of tokenize's time).
/// `per_doc` sees each text's tokens as they are made.
fn tokenize_runs<A: Send>(
    lex: &Lexicon,
    texts: &[&str],
    threads: usize,
    per_doc: impl Fn(usize, &[Token]) -> A + Sync,
) -> Vec<Run<A>> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let parts = match threads {
        1 => 1,
        0 => rayon::current_num_threads() * RUNS_PER_THREAD,
        n => n * RUNS_PER_THREAD,
    };
    // Run starts, cut after about total / parts bytes, and before 2 GiB (a run's
    // data buffer holds at most its texts' bytes, and its offsets are i32).
    let mut starts = vec![0];
    let mut size = 0;
    for (i, text) in texts.iter().enumerate() {
        let full = size * parts >= total.max(1) || size + text.len() > i32::MAX as usize;
        if full && i > *starts.last().unwrap_or(&0) {
            starts.push(i);
            size = 0;
        }
        size += text.len();
    }
    let run = |r: usize| {
        let docs = starts[r]..starts.get(r + 1).copied().unwrap_or(texts.len());
        let bytes: usize = texts[docs.clone()].iter().map(|t| t.len()).sum();
        // About one token per five bytes in news text, as `tokenize` reckons.
        let mut tokens = pool::take(bytes / 5 + 4);
        let mut ends = Vec::with_capacity(docs.len());
        let mut found = Vec::with_capacity(docs.len());
        for doc in docs {
            let from = tokens.len();
            tokens = tokenize_into(lex, texts[doc], tokens);
            found.push(per_doc(doc, &tokens[from..]));
            ends.push(tokens.len());
        }
        Run {
            first: starts[r],
            tokens,
            ends,
            found,
        }
    };
    if threads == 1 || starts.len() < 2 {
        (0..starts.len()).map(run).collect()
    } else {
        use rayon::prelude::*;
        (0..starts.len()).into_par_iter().map(run).collect()
    }
}

/// Every text tokenized on this thread and its tokens written into the columns at
/// once, with what `per_doc` made of them: only one text's tokens are held, where
/// `tokenize_runs` keeps a run's (20 bytes a token: pages a first call faults in).
/// The same columns as one run's (`TokenColumns::from_runs`).
fn tokenize_straight<A>(
    lex: &Lexicon,
    texts: &[&str],
    per_doc: impl Fn(usize, &[Token]) -> A,
) -> (TokenColumns, Vec<A>) {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let longest = texts.iter().map(|t| t.len()).max().unwrap_or(0);
    // Rows for about one token per five bytes, as `tokenize_runs` reckons; more grow
    // the columns. A text's tokens are a kept buffer only for a long text.
    let mut cols = TokenColumns::with_capacity(bytes / 5 + 4);
    let mut data = run_data(bytes / 5 + 4);
    let mut tokens = pool::take(longest / 5 + 4);
    let kinds = KIND_NAMES.map(|name| short_view(name).expect("a kind name fits in a view"));
    let mut found = Vec::with_capacity(texts.len());
    for (doc, text) in texts.iter().enumerate() {
        tokens.clear();
        tokens = tokenize_into(lex, text, tokens);
        found.push(per_doc(doc, &tokens));
        let (rows, n) = (cols.spans.len(), tokens.len());
        cols.spare(n)
            .write(0, text, doc, &tokens, (&mut data, 0), &kinds);
        // SAFETY: `write` wrote the `n` slots after the `rows` written so far in each
        // column (`spare`).
        unsafe { cols.set_rows(rows + n) };
    }
    pool::give(tokens);
    cols.spans.text.buffers = vec![data];
    (cols, found)
}

/// What `per_doc` made of each text, in text order; the runs' token buffers go
/// back to `pool`.
fn each_found<A>(runs: Vec<Run<A>>, mut each: impl FnMut(usize, A)) {
    for run in runs {
        for (k, found) in run.found.into_iter().enumerate() {
            each(run.first + k, found);
        }
        pool::give(run.tokens);
    }
}

fn rows<A>(runs: &[Run<A>]) -> usize {
    runs.iter().map(|r| r.tokens.len()).sum()
}

pub fn tokenize_batch(texts: &[&str], threads: usize) -> Result<TokenColumns, String> {
    check_sizes(texts)?;
    let lex = lexicon()?;
    let threads = threads::for_texts(texts, threads);
    if threads == 1 {
        return Ok(tokenize_straight(lex, texts, |_, _| ()).0);
    }
    // The runs' tokenizing and the columns' writing share one pool.
    Ok(threads::install(threads, || {
        let runs = tokenize_runs(lex, texts, threads, |_, _| ());
        let cols = TokenColumns::from_runs(texts, &runs, threads);
        each_found(runs, |_, ()| ());
        cols
    }))
}

/// How a text's tokens are read (`pyengine/langdetect.py`): in the language given,
/// else detected; sentence by sentence when `by_sentence` (by default, when no
/// language is given), else the whole text in one.
pub(crate) fn runs_of<'a>(
    lex: &'a Lexicon,
    text: &str,
    given: Option<&'a str>,
    by_sentence: Option<bool>,
    tokens: &[crate::tokenizer::Token],
    keys: &Keys,
) -> Runs<'a> {
    // An empty code asks for detection, as in the Python engine (`code or ...`).
    let given = given.filter(|code| !code.is_empty());
    match (given, by_sentence.unwrap_or(given.is_none())) {
        (Some(code), false) => one_lang(code),
        (None, false) => whole_lang(lex, text, tokens, keys),
        (given, true) => sentence_langs_in(lex, text, tokens, keys, given),
    }
}

pub fn detect_batch(texts: &[&str], threads: usize) -> Result<Vec<String>, String> {
    // Token offsets are u32: a text of 4 GiB is refused here, not in the tokenizer.
    check_sizes(texts)?;
    let lex = lexicon()?;
    Ok(per_doc(texts, threads, |t| {
        detect(lex, t, &tokenize(lex, t))
    }))
}

/// Each text's language evidence (see `langdetect::scores`).
pub fn scores_batch(texts: &[&str], threads: usize) -> Result<Vec<Vec<usize>>, String> {
    check_sizes(texts)?;
    let lex = lexicon()?;
    Ok(per_doc(texts, threads, |t| {
        scores(lex, t, &tokenize(lex, t))
    }))
}

/// The language summed scores point to.
pub fn decide_language(s: &[usize]) -> Result<String, String> {
    Ok(decide(lexicon()?, s))
}

impl AmountColumns {
    fn with_capacity(rows: usize) -> AmountColumns {
        AmountColumns {
            spans: SpanColumns::with_capacity(rows),
            // Codes, read into views by `Column::coded` and freed: not taken from the
            // pool, which they would never go back to.
            kind: Vec::with_capacity(rows),
            value: Vec::with_capacity(rows),
            low: Vec::with_capacity(rows),
            high: Vec::with_capacity(rows),
            unit: Vec::with_capacity(rows),
            units: Vec::new(),
            qualifier: Vec::with_capacity(rows),
        }
    }

    fn push_doc(&mut self, doc: usize, text: &str, amounts: Vec<Amount>) {
        for a in amounts {
            self.spans
                .push(doc, text, (a.start, a.end), (a.bstart, a.bend));
            self.kind.push(a.kind as u8);
            self.value.push(a.value.unwrap_or(f64::NAN));
            self.low.push(a.low.unwrap_or(f64::NAN));
            self.high.push(a.high.unwrap_or(f64::NAN));
            let code = match a.unit {
                None => 0,
                Some(u) => match self.units.iter().position(|x| *x == u) {
                    Some(i) => i + 1,
                    None => {
                        self.units.push(u);
                        self.units.len()
                    }
                },
            };
            // Unit names come from the lexicon: far fewer than 255.
            self.unit.push(code.min(255) as u8);
            self.qualifier.push(a.qualifier as u8);
        }
    }
}

pub(crate) fn check_langs(texts: &[&str], langs: &[Option<&str>]) -> Result<(), String> {
    check_sizes(texts)?;
    if langs.len() != texts.len() {
        return Err(format!(
            "{} languages given for {} texts",
            langs.len(),
            texts.len()
        ));
    }
    Ok(())
}

/// One text's amounts from its tokens: keys made once, for detection and the parser.
fn amounts_of(
    lex: &Lexicon,
    text: &str,
    lang: Option<&str>,
    by_sentence: Option<bool>,
    tokens: &[Token],
) -> Vec<Amount> {
    let keys = Keys::new(lex, text, tokens);
    let runs = runs_of(lex, text, lang, by_sentence, tokens, &keys);
    parse_amounts_keyed(lex, text, tokens, keys, runs)
}

pub fn amounts_batch(
    texts: &[&str],
    langs: &[Option<&str>],
    by_sentence: Option<bool>,
    threads: usize,
) -> Result<AmountColumns, String> {
    check_langs(texts, langs)?;
    let lex = lexicon()?;
    let found = per_doc_indexed(texts, threads, |i| {
        amounts_of(
            lex,
            texts[i],
            langs[i],
            by_sentence,
            &tokenize(lex, texts[i]),
        )
    });
    let mut cols = AmountColumns::with_capacity(found.iter().map(Vec::len).sum());
    for (doc, (text, amounts)) in texts.iter().zip(found).enumerate() {
        cols.push_doc(doc, text, amounts);
    }
    Ok(cols)
}

/// `tokenize_batch` and `amounts_batch` in one pass: each text tokenized once.
pub fn tokens_amounts_batch(
    texts: &[&str],
    langs: &[Option<&str>],
    by_sentence: Option<bool>,
    threads: usize,
) -> Result<(TokenColumns, AmountColumns), String> {
    check_langs(texts, langs)?;
    let lex = lexicon()?;
    let amounts =
        |doc: usize, tokens: &[Token]| amounts_of(lex, texts[doc], langs[doc], by_sentence, tokens);
    let amount_columns = |found: &mut dyn Iterator<Item = (usize, Vec<Amount>)>, rows| {
        let mut out = AmountColumns::with_capacity(rows);
        for (doc, amounts) in found {
            out.push_doc(doc, texts[doc], amounts);
        }
        out
    };
    let threads = threads::for_texts(texts, threads);
    if threads == 1 {
        let (tokens_out, found) = tokenize_straight(lex, texts, amounts);
        let rows = found.iter().map(Vec::len).sum();
        return Ok((
            tokens_out,
            amount_columns(&mut found.into_iter().enumerate(), rows),
        ));
    }
    // The runs' tokenizing and the columns' writing share one pool.
    Ok(threads::install(threads, || {
        let runs = tokenize_runs(lex, texts, threads, amounts);
        let tokens_out = TokenColumns::from_runs(texts, &runs, threads);
        let rows: usize = runs.iter().flat_map(|r| &r.found).map(Vec::len).sum();
        let mut found = Vec::with_capacity(texts.len());
        each_found(runs, |doc, amounts| found.push((doc, amounts)));
        (tokens_out, amount_columns(&mut found.into_iter(), rows))
    }))
}

pub struct DateColumns {
    pub spans: SpanColumns,
    /// Days since 1970-01-01; `i32::MIN` stands for null.
    pub date: Vec<i32>,
    pub precision: Vec<u8>,
    pub relation: Vec<u8>,
    pub relative: Vec<u8>,
}

/// `refs`: each text's reference date in days since 1970 (for relative expressions).
pub fn dates_batch(
    texts: &[&str],
    langs: &[Option<&str>],
    by_sentence: Option<bool>,
    refs: &[Option<i32>],
    threads: usize,
) -> Result<DateColumns, String> {
    check_sizes(texts)?;
    if langs.len() != texts.len() || refs.len() != texts.len() {
        return Err(format!(
            "{} languages and {} dates given for {} texts",
            langs.len(),
            refs.len(),
            texts.len()
        ));
    }
    let lex = lexicon()?;
    let found = per_doc_indexed(texts, threads, |i| {
        let text = texts[i];
        let tokens = tokenize(lex, text);
        let keys = Keys::new(lex, text, &tokens);
        let runs = runs_of(lex, text, langs[i], by_sentence, &tokens, &keys);
        parse_dates_keyed(lex, text, &tokens, keys, runs, refs[i])
    });
    let rows = found.iter().map(Vec::len).sum();
    let mut cols = DateColumns {
        spans: SpanColumns::with_capacity(rows),
        date: Vec::with_capacity(rows),
        // Codes and flags, read into their columns and freed (as `AmountColumns`').
        precision: Vec::with_capacity(rows),
        relation: Vec::with_capacity(rows),
        relative: Vec::with_capacity(rows),
    };
    for (doc, (text, dates)) in texts.iter().zip(found).enumerate() {
        for d in dates {
            cols.spans
                .push(doc, text, (d.start, d.end), (d.bstart, d.bend));
            cols.date.push(d.date.unwrap_or(i32::MIN));
            cols.precision.push(d.precision as u8);
            cols.relation.push(d.relation as u8);
            cols.relative.push(u8::from(d.relative));
        }
    }
    Ok(cols)
}

pub struct NameColumns {
    pub spans: SpanColumns,
    /// Index into `entities` of names.toml.
    pub entity: Vec<u32>,
}

static NAMES: std::sync::OnceLock<Result<Names, String>> = std::sync::OnceLock::new();

pub fn names() -> Result<&'static Names, String> {
    NAMES
        .get_or_init(Names::load)
        .as_ref()
        .map_err(Clone::clone)
}

pub fn names_batch(texts: &[&str], threads: usize) -> Result<NameColumns, String> {
    check_sizes(texts)?;
    let lex = lexicon()?;
    let names = names()?;
    let found = per_doc(texts, threads, |text| names.find(lex, text));
    let rows = found.iter().map(Vec::len).sum();
    let mut cols = NameColumns {
        spans: SpanColumns::with_capacity(rows),
        entity: pool::take(rows),
    };
    for (doc, (text, matches)) in texts.iter().zip(found).enumerate() {
        for m in matches {
            cols.spans
                .push(doc, text, (m.start, m.end), (m.bstart, m.bend));
            cols.entity.push(m.entity as u32);
        }
    }
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows = (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u128>, Vec<Vec<u8>>);

    fn rows_of(c: &TokenColumns) -> Rows {
        let s = &c.spans;
        let text = (0..s.text.len()).map(|i| s.text.get(i)).collect();
        (
            s.doc.clone(),
            s.start.clone(),
            s.end.clone(),
            c.kind.clone(),
            text,
        )
    }

    #[test]
    fn runs_give_the_same_columns_whatever_the_thread_count() {
        // Empty texts among them, and (at 7 threads) more runs wanted than texts;
        // tokens longer than a view holds (in the columns' data buffers), and texts
        // of a token every two bytes, more than `tokenize_straight` first makes room
        // for (one every five).
        let texts: Vec<String> = (0..40)
            .map(|i| match i % 7 {
                0 => String::new(),
                3 => "a ".repeat(300 * i),
                _ => format!(
                    "Doc {i}: Amazon investirà {i} miliardi di dollari e 5 di euro \
                     nell'infrastrutturazione del Rechenzentrumsprojekt."
                ),
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let langs = vec![None; texts.len()];
        let one = tokenize_batch(&texts, 1).unwrap();
        assert_eq!(one.spans.doc.last(), Some(&39));
        let (_, amounts) = tokens_amounts_batch(&texts, &langs, None, 1).unwrap();
        let values = |a: &AmountColumns| a.value.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(amounts.spans.len(), 2 * 28); // two amounts in each text of words
        assert!(one.spans.text.buffers.iter().any(|data| !data.is_empty()));
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        assert!(one.spans.len() > bytes / 5 + 4, "the columns grew");
        assert!(
            bytes >= threads::MIN_SHARED_BYTES,
            "enough text to share out"
        );
        for threads in [2, 3, 7] {
            assert_eq!(
                rows_of(&tokenize_batch(&texts, threads).unwrap()),
                rows_of(&one)
            );
            let (t, a) = tokens_amounts_batch(&texts, &langs, None, threads).unwrap();
            assert_eq!(rows_of(&t), rows_of(&one));
            assert_eq!(
                (a.spans.doc.clone(), values(&a)),
                (amounts.spans.doc.clone(), values(&amounts))
            );
        }
        for texts in [&[][..], &[""][..], &["solo"][..]] {
            let want = rows_of(&tokenize_batch(texts, 1).unwrap());
            assert_eq!(rows_of(&tokenize_batch(texts, 4).unwrap()), want);
        }
    }
}
