//! Repetition and lexical diversity: the Gopher repetition statistics (Rae et al. 2021,
//! table A1, as datatrove 0.10.1's `GopherRepetitionFilter` computes them), vocabulary
//! richness (type-token ratio, hapax ratio, MATTR, MTLD), compressibility and repeated
//! sentence openers.
//!
//! Filler repeats itself: the same lines and paragraphs (boilerplate, templates), the same
//! phrases ("it is important to note that"), the same few words, the same way of opening a
//! sentence. These features measure that at every scale, from the whole text (compression) to
//! words (type-token ratios).
//!
//! The 13 Gopher statistics are computed together in one pass and cached in the document
//! (`GopherStats`, `doc.cache.gopher`). Their word n-grams use a tokeniser modelled on the one
//! datatrove uses for English (spaCy's blank English tokenizer), see `gopher_tokens`; n-grams
//! are compared through 64-bit hashes of their tokens, never built as strings.

use std::cell::RefCell;
use std::hash::Hasher;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::analysis::Slot;
use super::{lz4_size, ratio, Analysis, Applicability, Cue, Feature};
use crate::text::ascii::all_ascii_letters;
use crate::text::Document;

// ---------------------------------------------------------------------------------------------
// Gopher statistics
// ---------------------------------------------------------------------------------------------

/// Index of each Gopher statistic in [`GopherStats::values`], in the reference column order.
const I_DUP_PARA_FRAC: usize = 0;
const I_DUP_PARA_CHAR_FRAC: usize = 1;
const I_DUP_LINE_FRAC: usize = 2;
const I_DUP_LINE_CHAR_FRAC: usize = 3;
/// `I_TOP_NGRAM + n - 2` is the top n-gram statistic for n = 2, 3, 4.
const I_TOP_NGRAM: usize = 4;
/// `I_DUP_NGRAM + n - 5` is the duplicate n-gram statistic for n = 5..=10.
const I_DUP_NGRAM: usize = 7;
const GOPHER_STATS: usize = 13;

/// The 13 Gopher repetition statistics of a document, computed once and cached in the
/// analysis.
#[derive(Debug, Clone, Default)]
pub(crate) struct GopherStats {
    /// The statistics in the order of the reference columns (`dup_para_frac` ...
    /// `dup_10_gram_char_frac`); `None` for an empty text.
    values: Option<[f64; GOPHER_STATS]>,
}

impl GopherStats {
    /// The cached statistics of `doc`.
    pub(crate) fn of<'a>(doc: &'a Analysis<'_>) -> &'a GopherStats {
        doc.cached(Slot::Gopher, || GopherStats::compute(doc))
    }

    /// Statistic number `i` (see the index constants); `None` for an empty text.
    fn get(&self, i: usize) -> Option<f64> {
        self.values.map(|v| v[i])
    }

    fn compute(doc: &Document) -> GopherStats {
        let chars = doc.char_count();
        if chars == 0 {
            return GopherStats { values: None };
        }
        let total = chars as f64;
        let mut v = [0.0; GOPHER_STATS];

        // Paragraphs and lines. The normalised text is trimmed, has no blank line runs and no
        // whitespace at line ends, so `doc.paragraphs()` and `doc.lines()` are exactly
        // datatrove's `re.split(r"\n{2,}", text.strip())` and `re.split("\n+", text)`.
        let (n, dups, dup_chars) = duplicates(doc, doc.paragraphs());
        v[I_DUP_PARA_FRAC] = dups as f64 / n.max(1) as f64;
        v[I_DUP_PARA_CHAR_FRAC] = dup_chars as f64 / total;
        let (n, dups, dup_chars) = duplicates(doc, doc.lines());
        v[I_DUP_LINE_FRAC] = dups as f64 / n.max(1) as f64;
        v[I_DUP_LINE_CHAR_FRAC] = dup_chars as f64 / total;

        // Word n-grams.
        let spans = gopher_tokens(doc);
        let ngrams = NgramStats::compute(doc, &spans);
        for n in 2..=4 {
            v[I_TOP_NGRAM + n - 2] = ngrams.top[n] as f64 / total;
        }
        for n in 5..=10 {
            v[I_DUP_NGRAM + n - 5] = ngrams.dup[n] as f64 / total;
        }
        GopherStats { values: Some(v) }
    }
}

/// Number of pieces, duplicates (occurrences after the first) and their characters.
fn duplicates(doc: &Document, spans: &[crate::text::Span]) -> (usize, usize, usize) {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    seen.reserve(spans.len());
    let (mut dups, mut dup_chars) = (0, 0);
    for s in spans {
        let piece = doc.slice(*s);
        if !seen.insert(piece) {
            dups += 1;
            dup_chars += doc.chars_in(piece);
        }
    }
    (spans.len(), dups, dup_chars)
}

/// murmur3's 64-bit finaliser: a bijective mix with full avalanche.
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of an n-gram extended by one token.
fn extend(gram: u64, token: u64) -> u64 {
    fmix64(gram.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ token)
}

/// Hash of the token `bytes[start..end]`. Nearly all tokens have at most sixteen bytes:
/// those are read as two integers (zero-padded) and mixed with their length, without a loop
/// over bytes.
fn token_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let Some([w0, w1]) = crate::text::ascii::load_padded16(bytes, start, end) else {
        let mut h = FxHasher::default();
        h.write(&bytes[start..end]);
        return fmix64(h.finish() ^ len as u64);
    };
    let mixed = w0.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ w1.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    fmix64(mixed ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Top and duplicate n-gram character counts.
struct NgramStats {
    /// `top[n]`: characters of the most common n-gram (tokens joined by single spaces) times
    /// its count, n = 2..=4.
    top: [usize; 5],
    /// `dup[n]`: characters of duplicate n-grams (tokens joined without spaces) found by
    /// datatrove's left-to-right scan, n = 5..=10.
    dup: [usize; 11],
}

impl NgramStats {
    /// The n-gram statistics of the tokens `spans` of `doc`.
    ///
    /// Level by level (n = 2..=10), n-grams are hashed from the (n-1)-gram hash and one token
    /// hash. An n-gram can only occur twice if its (n-1)-gram prefix at the same position and
    /// the (n-1)-gram one position later both occur twice, so from n = 3 on only those
    /// positions are hashed and counted: in ordinary prose a few percent of positions.
    fn compute(doc: &Document, spans: &[(u32, u32)]) -> NgramStats {
        NGRAM_SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => Self::compute_with(doc, spans, &mut scratch),
            // Not reachable (no re-entry), but never panic: use fresh buffers.
            Err(_) => Self::compute_with(doc, spans, &mut NgramScratch::default()),
        })
    }

    fn compute_with(doc: &Document, spans: &[(u32, u32)], sc: &mut NgramScratch) -> NgramStats {
        let mut out = NgramStats { top: [0; 5], dup: [0; 11] };
        let n_tok = spans.len();
        if n_tok < 2 {
            return out;
        }
        let text = doc.text();
        let mut counter = doc.char_counter();
        sc.reset(n_tok);
        let NgramScratch { hashes, prefix, gram, repeated, cand, next, table, stamp, slot, seen } = sc;
        // prefix[i] = characters in tokens 0..i. Filled by `extend` over the spans, which
        // sizes the vectors once instead of checking their room at every token.
        hashes.extend(spans.iter().map(|&(s, e)| token_hash(text.as_bytes(), s as usize, e as usize)));
        prefix.push(0usize);
        let mut acc = 0usize;
        prefix.extend(spans.iter().map(|&(s, e)| {
            acc += counter.chars(s, e);
            acc
        }));
        let chars = |i: usize, n: usize| prefix[i + n] - prefix[i];

        // gram[i]: hash of the current-level n-gram at position i (valid for candidates).
        gram.extend_from_slice(hashes);
        // repeated[i]: the current-level n-gram at i occurs at least twice.
        repeated.resize(n_tok, false);
        // Candidates of the current level, in increasing order. A bigram can only occur twice
        // if both its tokens do: a small table of token counts (0, 1, 2 or more) indexed by
        // hash bits rules out the bigrams of tokens that occur once (a collision only adds
        // a candidate).
        let table_len = (4 * n_tok).next_power_of_two().clamp(1 << 10, 1 << 20);
        seen.clear();
        seen.resize(table_len, 0);
        let bucket = |h: u64| (h >> 32) as usize & (table_len - 1);
        for &h in hashes.iter() {
            let c = &mut seen[bucket(h)];
            *c = (*c + 1).min(2);
        }
        // Every position is written and the length advanced by the test's answer: about
        // half the bigrams pass, too irregularly for a branch on it to be predicted.
        let mut may_repeat = hashes.iter().map(|&h| seen[bucket(h)] == 2);
        let mut this = may_repeat.next().unwrap_or(false);
        cand.resize(n_tok, 0);
        let mut kept = 0;
        for (i, next_repeats) in may_repeat.enumerate() {
            cand[kept] = i as u32;
            kept += usize::from(this & next_repeats);
            this = next_repeats;
        }
        cand.truncate(kept);
        // `slot[i]`: the entry of `table` that counts the n-gram at i.
        slot.resize(n_tok, 0);

        for n in 2..=10usize {
            if n_tok < n {
                break;
            }
            let last_start = n_tok - n;
            // Positions whose n-gram may repeat: at level 2 all; later, those whose two
            // (n-1)-grams both repeat (their flags are still in `repeated`).
            // (Written without a branch on the test, as above.)
            next.clear();
            next.resize(cand.len(), 0);
            let mut kept = 0;
            for &i in cand.iter() {
                let i = i as usize;
                if i > last_start {
                    break;
                }
                next[kept] = i as u32;
                kept += usize::from(n == 2 || (repeated[i] & repeated[i + 1]));
            }
            next.truncate(kept);
            for &i in cand.iter() {
                repeated[i as usize] = false;
            }
            std::mem::swap(cand, next);
            // Count the distinct n-grams in an open-addressing table at most half full,
            // keyed by the n-gram hash. Entries of earlier levels (and documents) carry an
            // older stamp and count as empty, so the table is never cleared.
            let mask = (2 * cand.len()).next_power_of_two().max(16) - 1;
            if table.len() <= mask {
                table.clear();
                table.resize(mask + 1, NgramEntry::default());
                *stamp = 0;
            }
            *stamp = stamp.wrapping_add(1);
            if *stamp == 0 {
                table.fill(NgramEntry::default());
                *stamp = 1;
            }
            let stamp = *stamp;
            // Most common n-gram; ties go to the first seen (Python's Counter.most_common):
            // the highest count, then the lowest first position.
            let mut best: Option<(u32, u32)> = None;
            // The hashes first, each entry's line asked for as soon as its hash is known.
            for &i in cand.iter() {
                let i = i as usize;
                let h = extend(gram[i], hashes[i + n - 1]);
                gram[i] = h;
                crate::prefetch::prefetch(&table[h as usize & mask]);
            }
            for &i in cand.iter() {
                let i = i as usize;
                let h = gram[i];
                let mut s = h as usize & mask;
                loop {
                    let e = &mut table[s];
                    if e.stamp != stamp {
                        *e = NgramEntry { key: h, count: 1, first: i as u32, stamp, remembered: false };
                        break;
                    }
                    if e.key == h {
                        e.count += 1;
                        let (c, f) = (e.count, e.first);
                        if best.is_none_or(|(bc, bf)| c > bc || (c == bc && f < bf)) {
                            best = Some((c, f));
                        }
                        break;
                    }
                    s = (s + 1) & mask;
                }
                slot[i] = s as u32;
            }
            for &i in cand.iter() {
                let i = i as usize;
                repeated[i] = table[slot[i] as usize].count >= 2;
            }
            if n <= 4 {
                // Without a repeated n-gram every count is 1 and the first n-gram wins.
                let (c, f) = best.unwrap_or((1, 0));
                out.top[n] = (chars(f as usize, n) + n - 1) * c as usize;
            } else {
                // datatrove's scan: an n-gram seen before adds its characters and the scan
                // jumps n words ahead, otherwise it is remembered and the scan moves one word.
                // An n-gram that occurs once in the text is never a repeat and is never looked
                // up later, so only the repeated ones (all among the candidates) are visited:
                // `idx` is the first position the scan has not yet passed.
                let mut dup = 0usize;
                let mut idx = 0usize;
                for &p in cand.iter() {
                    let p = p as usize;
                    if p < idx || !repeated[p] {
                        continue;
                    }
                    let e = &mut table[slot[p] as usize];
                    if e.remembered {
                        dup += chars(p, n);
                        idx = p + n;
                    } else {
                        e.remembered = true;
                        idx = p + 1;
                    }
                }
                out.dup[n] = dup;
            }
            if cand.is_empty() && n >= 4 {
                // Nothing repeats any more: the remaining duplicate counts are 0.
                break;
            }
        }
        out
    }
}

/// One distinct n-gram of the current level in [`NgramScratch::table`].
#[derive(Clone, Copy, Default)]
struct NgramEntry {
    /// The n-gram's hash.
    key: u64,
    /// Occurrences so far.
    count: u32,
    /// Position of its first occurrence.
    first: u32,
    /// The level the entry belongs to; any other stamp marks a free entry.
    stamp: u32,
    /// Already seen by the duplicate scan (n >= 5).
    remembered: bool,
}

/// Buffers of [`NgramStats::compute`], kept per thread so that a document costs no
/// allocation once the buffers have grown.
#[derive(Default)]
struct NgramScratch {
    hashes: Vec<u64>,
    prefix: Vec<usize>,
    gram: Vec<u64>,
    repeated: Vec<bool>,
    cand: Vec<u32>,
    next: Vec<u32>,
    table: Vec<NgramEntry>,
    /// Stamp of the last level counted in `table` (0: none).
    stamp: u32,
    slot: Vec<u32>,
    seen: Vec<u8>,
}

impl NgramScratch {
    /// Empty the buffers for a document of `n_tok` tokens (the table is emptied by its
    /// stamps). A table left large by a long document is dropped.
    fn reset(&mut self, n_tok: usize) {
        if self.table.len() > (1 << 16).max(8 * n_tok) {
            self.table = Vec::new();
            self.stamp = 0;
        }
        self.hashes.clear();
        self.prefix.clear();
        self.gram.clear();
        self.repeated.clear();
        self.cand.clear();
        self.next.clear();
        self.slot.clear();
    }
}

thread_local! {
    static NGRAM_SCRATCH: RefCell<NgramScratch> = RefCell::new(NgramScratch::default());
}

// ---------------------------------------------------------------------------------------------
// Tokeniser for the Gopher n-grams
// ---------------------------------------------------------------------------------------------

/// The word tokens of `doc` for the Gopher n-gram statistics, as byte spans of the normalised
/// text, modelled on spaCy's blank English tokenizer (which datatrove uses): each
/// whitespace-separated chunk (a run of adjacent document tokens) is split the way spaCy
/// splits it: leading and trailing punctuation peeled off one piece at a time, the special
/// cases ("don't" -> "do" "n't", "Mr." and "U.S." kept whole, "cannot" -> "can" "not"),
/// URLs and e-mail addresses kept whole, and infixes (hyphens and slashes between letters,
/// ellipses, a period between a lowercase and an uppercase letter) split off.
pub(crate) fn gopher_tokens(doc: &Document) -> Vec<(u32, u32)> {
    let text = doc.text();
    let toks = doc.tokens();
    let mut out = Vec::with_capacity(toks.len() + toks.len() / 8);
    let mut scratch = Scratch::default();
    let mut i = 0;
    while i < toks.len() {
        let start = toks[i].start as usize;
        let mut end = toks[i].end as usize;
        let mut j = i + 1;
        while j < toks.len() && toks[j].start as usize == end {
            end = toks[j].end as usize;
            j += 1;
        }
        chunk_tokens(text, start, end, &mut out, &mut scratch);
        i = j;
    }
    out
}

/// The tokens of the chunk `text[start..end]`, appended to `out`: the common shapes by fast
/// paths, the rest by [`split_chunk`]; all give what [`split_chunk`] and [`merge_specials`]
/// give (see the test `fast_chunk_paths_agree_with_the_general_one`).
fn chunk_tokens(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>, scratch: &mut Scratch) {
    let chunk = &text[start..end];
    let first = out.len();
    if all_ascii_letters(text.as_bytes(), start, end) {
        // Plain words: only a special case ("cannot", "dont") can split them.
        match special(chunk) {
            Some(pieces) => emit_special(pieces, start, out),
            None => out.push((start as u32, end as u32)),
        }
        return;
    }
    if let Some((w0, w1)) = simple_chunk(chunk) {
        // Brackets or quotes, a plain word or number, then punctuation: every mark is a
        // token.
        for k in 0..w0 {
            out.push(((start + k) as u32, (start + k + 1) as u32));
        }
        match special(&chunk[w0..w1]) {
            Some(pieces) => emit_special(pieces, start + w0, out),
            None => out.push(((start + w0) as u32, (start + w1) as u32)),
        }
        for k in w1..chunk.len() {
            out.push(((start + k) as u32, (start + k + 1) as u32));
        }
    } else if let Some(apostrophe) = letters_apostrophe_letters(chunk) {
        // "Trump's", "it's", "O'Brien", "don't": a special case, or "'s" split off the
        // end (and the word before it a special case or kept), or the chunk kept whole.
        if let Some(pieces) = special(chunk) {
            emit_special(pieces, start, out);
        } else if matches!(&chunk[apostrophe + 1..], "s" | "S") {
            match special(&chunk[..apostrophe]) {
                Some(pieces) => emit_special(pieces, start, out),
                None => out.push((start as u32, (start + apostrophe) as u32)),
            }
            out.push(((start + apostrophe) as u32, end as u32));
        } else {
            out.push((start as u32, end as u32));
        }
    } else {
        split_chunk(chunk, start, out, scratch);
    }
    if out.len() - first >= 2 {
        merge_specials(text, out, first);
    }
}

/// The byte offset of the apostrophe when `chunk` is ASCII letters, `'`, ASCII letters.
fn letters_apostrophe_letters(chunk: &str) -> Option<usize> {
    let b = chunk.as_bytes();
    let a = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let ok = a > 0 && b.get(a) == Some(&b'\'') && a + 1 < b.len() && b[a + 1..].iter().all(u8::is_ascii_alphabetic);
    ok.then_some(a)
}

/// The common chunk shape that needs none of the general machinery: opening brackets or
/// double quotes, a word of ASCII letters or a number of ASCII digits, closing punctuation,
/// where spaCy peels every mark off as its own token. Returns the word's byte range. Chunks
/// where a period could stay on the word ("Mr.", "U.", "a."), that hold two periods (an
/// ellipsis) or where a special case spans the word and a mark ("8)") are left to
/// [`split_chunk`].
fn simple_chunk(chunk: &str) -> Option<(usize, usize)> {
    let b = chunk.as_bytes();
    let w0 = b.iter().take_while(|&&c| matches!(c, b'(' | b'[' | b'{' | b'"')).count();
    let letters = b[w0..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    // Or a number of ASCII digits ("2020,", "(42)").
    let digits = if letters == 0 { b[w0..].iter().take_while(|c| c.is_ascii_digit()).count() } else { 0 };
    let w1 = w0 + letters + digits;
    if w1 == w0 {
        return None;
    }
    let mut dots = 0;
    for &c in &b[w1..] {
        match c {
            b'.' => dots += 1,
            b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | b'"' => {}
            _ => return None,
        }
    }
    if dots > 1 {
        return None;
    }
    // The general path stops peeling marks at a special case ("8)" in "(8).", an
    // emoticon): none may span the word and some of the marks around it. The chunk is
    // ASCII, so every slice is at character boundaries.
    for a in 0..=w0 {
        for z in w1..=b.len() {
            if (a, z) != (w0, w1) && special(&chunk[a..z]).is_some() {
                return None;
            }
        }
    }
    if dots == 1 && special(&chunk[w0..w1]).is_some() {
        // A split word before a period ("wed." gives "we" "d."): the general path.
        return None;
    }
    if dots == 1 && b.get(w1) == Some(&b'.') {
        // The period directly follows the word: spaCy splits it after a digit, a lowercase
        // letter or two capitals, unless word + period is a special case.
        let last = b[w1 - 1];
        let two_caps = w1 - w0 >= 2 && last.is_ascii_uppercase() && b[w1 - 2].is_ascii_uppercase();
        if !(digits > 0 || last.is_ascii_lowercase() || two_caps) {
            return None;
        }
    }
    Some((w0, w1))
}

/// spaCy's second pass (`_apply_special_cases`): adjacent tokens of one chunk that together
/// spell a special case are re-tokenised as that special case ("D-Calif.," gives "D" "-"
/// "Calif" "." "," by the affix and infix rules, then "Calif" "." becomes "Calif."; ")" ":"
/// becomes the emoticon "):"; "'" "'" becomes "''"). Longer matches are tried first.
fn merge_specials(text: &str, out: &mut Vec<(u32, u32)>, first: usize) {
    let mut i = first;
    while i + 1 < out.len() {
        let mut merged = false;
        for k in [3usize, 2] {
            if i + k > out.len() {
                continue;
            }
            let (a, b) = (out[i].0 as usize, out[i + k - 1].1 as usize);
            let s = &text[a..b];
            // Only abbreviations (ending in a period) and punctuation sequences (emoticons,
            // "''") can be re-joined.
            let candidate = s.ends_with('.') || s.bytes().all(|c| c.is_ascii_punctuation());
            if !candidate {
                continue;
            }
            if let Some(pieces) = special(s) {
                let mut repl = Vec::with_capacity(pieces.len());
                emit_special(pieces, a, &mut repl);
                let n = repl.len();
                out.splice(i..i + k, repl);
                i += n;
                merged = true;
                break;
            }
        }
        if !merged {
            i += 1;
        }
    }
}

/// Reusable buffers of the chunk splitter.
#[derive(Default)]
struct Scratch {
    suffixes: Vec<(u32, u32)>,
    chars: Vec<(usize, char)>,
}

fn emit_special(pieces: &[u8], start: usize, out: &mut Vec<(u32, u32)>) {
    let mut s = start;
    for &len in pieces {
        out.push((s as u32, (s + len as usize) as u32));
        s += len as usize;
    }
}

/// spaCy's `_split_affixes` + `_attach_tokens` on one whitespace-free chunk.
fn split_chunk(chunk: &str, base: usize, out: &mut Vec<(u32, u32)>, scratch: &mut Scratch) {
    let span = |a: usize, b: usize| ((base + a) as u32, (base + b) as u32);
    if let Some(pieces) = special(chunk) {
        emit_special(pieces, base, out);
        return;
    }
    scratch.suffixes.clear();
    let (mut lo, mut hi) = (0usize, chunk.len());
    let mut last_size = usize::MAX;
    while lo < hi && hi - lo != last_size {
        let cur = &chunk[lo..hi];
        if special(cur).is_some() {
            break;
        }
        last_size = hi - lo;
        let pre = find_prefix(cur);
        if pre != 0 && pre < cur.len() && special(&cur[pre..]).is_some() {
            out.push(span(lo, lo + pre));
            lo += pre;
            break;
        }
        let suf = find_suffix(&cur[pre..]);
        if suf != 0 && suf < cur.len() && special(&cur[..cur.len() - suf]).is_some() {
            scratch.suffixes.push(span(hi - suf, hi));
            hi -= suf;
            break;
        }
        if pre != 0 && suf != 0 && pre + suf <= cur.len() {
            out.push(span(lo, lo + pre));
            scratch.suffixes.push(span(hi - suf, hi));
            lo += pre;
            hi -= suf;
        } else if pre != 0 {
            out.push(span(lo, lo + pre));
            lo += pre;
        } else if suf != 0 {
            scratch.suffixes.push(span(hi - suf, hi));
            hi -= suf;
        }
    }
    if lo < hi {
        let core = &chunk[lo..hi];
        if let Some(pieces) = special(core) {
            emit_special(pieces, base + lo, out);
        } else if url_match(core) {
            out.push(span(lo, hi));
        } else {
            split_infixes(core, base + lo, out, &mut scratch.chars);
        }
    }
    out.extend(scratch.suffixes.iter().rev());
}

/// Punctuation that spaCy peels off either end of a chunk (`LIST_PUNCT` plus the ellipsis).
fn is_affix_punct(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            ',' | ':' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '_' | '#' | '*' | '&'
        );
    }
    matches!(
        c,
        '…' | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '¿'
            | '؟'
            | '¡'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '_'
            | '#'
            | '*'
            | '&'
            | '。'
            | '？'
            | '！'
            | '，'
            | '、'
            | '；'
            | '：'
            | '～'
            | '·'
            | '।'
            | '،'
            | '۔'
            | '؛'
            | '٪'
    )
}

/// Quotes and brackets of spaCy's `LIST_QUOTES`.
fn is_quote(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '"' | '`');
    }
    matches!(
        c,
        '\'' | '"'
            | '”'
            | '“'
            | '`'
            | '‘'
            | '´'
            | '’'
            | '‚'
            | '„'
            | '»'
            | '«'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '⟦'
            | '⟧'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '฿' | '﷼' | '\u{20A0}'..='\u{20BF}')
}

/// Symbols ("icons", Unicode category So) that spaCy splits off: an approximation by blocks.
fn is_icon(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    matches!(c,
        '¦' | '©' | '®' | '°'
        | '\u{2100}'..='\u{2101}' | '\u{2103}'..='\u{2106}' | '\u{2108}'..='\u{2109}'
        | '\u{2114}' | '\u{2116}'..='\u{2117}' | '\u{211E}'..='\u{2123}' | '\u{2125}'
        | '\u{2127}' | '\u{2129}' | '\u{212E}' | '\u{2195}'..='\u{21FF}'
        | '\u{2300}'..='\u{23FF}' | '\u{2400}'..='\u{244A}' | '\u{249C}'..='\u{24E9}'
        | '\u{2500}'..='\u{25B6}' | '\u{25B8}'..='\u{25C0}' | '\u{25C2}'..='\u{25F7}'
        | '\u{2600}'..='\u{266E}' | '\u{2670}'..='\u{2767}' | '\u{2794}'..='\u{27BF}'
        | '\u{2800}'..='\u{28FF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{1F000}'..='\u{1F3FA}' | '\u{1F400}'..='\u{1FAFF}')
}

/// A letter without case (CJK, Arabic, Hebrew, Indic): spaCy's lower- and upper-case classes
/// both include these scripts.
fn caseless_letter(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

fn lower_like(c: char) -> bool {
    c.is_lowercase() || caseless_letter(c)
}

fn upper_like(c: char) -> bool {
    c.is_uppercase() || caseless_letter(c)
}

/// Length in bytes of the prefix spaCy would split off `s` (0 for none).
fn find_prefix(s: &str) -> usize {
    let mut it = s.chars();
    let Some(c) = it.next() else { return 0 };
    match c {
        '§' | '%' | '=' | '—' | '–' => c.len_utf8(),
        '+' => usize::from(!it.next().is_some_and(|n| n.is_ascii_digit())),
        '.' => {
            let run = s.bytes().take_while(|&b| b == b'.').count();
            if run >= 2 {
                run
            } else {
                0
            }
        }
        'U' if s.starts_with("US$") => 3,
        'C' | 'A' if s[1..].starts_with('$') => 2,
        c if is_affix_punct(c) || is_quote(c) || is_currency(c) || is_icon(c) => c.len_utf8(),
        _ => 0,
    }
}

/// spaCy's unit suffixes (split off after a digit: "5km" -> "5" "km").
const UNITS: &[&str] = &[
    "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²", "mm³", "ha", "µm", "nm",
    "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s", "km/h", "kmh", "mph", "hPa", "Pa", "mbar", "mb",
    "MB", "kb", "KB", "gb", "GB", "tb", "TB", "T", "G", "M", "K", "%",
];

/// Length in bytes of the suffix spaCy would split off `s` (0 for none): the leftmost
/// position from which one of its suffix patterns matches up to the end (Python's
/// `re.search` semantics).
fn find_suffix(s: &str) -> usize {
    let n = s.len();
    let Some(last) = s.chars().next_back() else {
        return 0;
    };
    let before = |k: usize| s[..k].chars().next_back();
    let mut start = n;
    if is_affix_punct(last) || is_quote(last) || is_icon(last) || matches!(last, '—' | '–') {
        start = n - last.len_utf8();
    }
    if last == '.' {
        let run = s.bytes().rev().take_while(|&b| b == b'.').count();
        if run >= 2 {
            start = start.min(n - run);
        } else if let Some(p) = before(n - 1) {
            let dot_after = p.is_ascii_digit()
                || lower_like(p)
                || matches!(p, '%' | '²' | '-' | '+' | '|')
                || is_affix_punct(p)
                || is_quote(p);
            let pp = before(n - 1 - p.len_utf8());
            let two_upper = upper_like(p) && pp.is_some_and(upper_like);
            let degree = matches!(p, 'F' | 'f' | 'C' | 'c' | 'K' | 'k') && pp == Some('°');
            if dot_after || two_upper || degree {
                start = start.min(n - 1);
            }
        }
    }
    if s.ends_with("'s") || s.ends_with("'S") {
        start = start.min(n - 2);
    }
    // Currency and units after a digit ("5$", "5km", "50%"), and "5+".
    let after_digit = |len: usize| len < n && before(n - len).is_some_and(|c| c.is_ascii_digit());
    if last == '+' && after_digit(1) {
        start = start.min(n - 1);
    }
    if is_currency(last) && after_digit(last.len_utf8()) {
        start = start.min(n - last.len_utf8());
    }
    for cur in ["US$", "C$", "A$"] {
        if s.ends_with(cur) && after_digit(cur.len()) {
            start = start.min(n - cur.len());
        }
    }
    if (last.is_alphabetic() || matches!(last, '%' | '²' | '³')) && s.bytes().any(|b| b.is_ascii_digit()) {
        for unit in UNITS {
            if s.ends_with(unit) && after_digit(unit.len()) {
                start = start.min(n - unit.len());
            }
        }
    }
    n - start
}

/// Split `core` at spaCy's English infixes and emit the pieces.
fn split_infixes(core: &str, base: usize, out: &mut Vec<(u32, u32)>, chars: &mut Vec<(usize, char)>) {
    let span = |a: usize, b: usize| ((base + a) as u32, (base + b) as u32);
    // Fast exit: no character that can start an infix.
    let ascii_clean = core.is_ascii()
        && !core
            .bytes()
            .any(|b| matches!(b, b'.' | b'+' | b'-' | b'*' | b'^' | b',' | b'~' | b':' | b'<' | b'>' | b'=' | b'/'));
    if ascii_clean {
        out.push(span(0, core.len()));
        return;
    }
    if !core.chars().any(|c| {
        matches!(c, '.' | '…' | '+' | '-' | '*' | '^' | ',' | '–' | '—' | '~' | ':' | '<' | '>' | '=' | '/')
            || is_icon(c)
    }) {
        out.push(span(0, core.len()));
        return;
    }
    chars.clear();
    chars.extend(core.char_indices());
    let at = |k: usize| chars.get(k).map(|x| x.1);
    let byte = |k: usize| chars.get(k).map_or(core.len(), |x| x.0);
    let alpha = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut start = 0usize; // byte offset of the current piece
    let mut k = 0usize;
    while k < chars.len() {
        let c = chars[k].1;
        let prev = if k > 0 { at(k - 1) } else { None };
        let next = at(k + 1);
        let alnum_before = prev.is_some_and(|p| p.is_alphabetic() || p.is_ascii_digit());
        // The one-character infixes, in spaCy's order: ellipsis character, icon, an
        // operator between digits, a period between lowercase and uppercase, a comma between
        // letters, a hyphen or tilde between letters/digits and a letter, and : < > = /
        // between a letter/digit and a letter.
        let single = c == '…'
            || is_icon(c)
            || (matches!(c, '+' | '-' | '*' | '^')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit() || n == '-'))
            || (c == '.'
                && prev.is_some_and(|p| lower_like(p) || is_quote(p))
                && next.is_some_and(|n| upper_like(n) || is_quote(n)))
            || (c == ',' && alpha(prev) && alpha(next))
            || (alnum_before && matches!(c, '-' | '–' | '—' | '~') && alpha(next))
            || (alnum_before && matches!(c, ':' | '<' | '>' | '=' | '/') && alpha(next));
        let len: usize = if c == '.' && next == Some('.') {
            chars[k..].iter().take_while(|x| x.1 == '.').count()
        } else if single {
            1
        } else if alnum_before && c == '-' && next == Some('-') {
            // "--" and "---" before a letter.
            if alpha(at(k + 2)) {
                2
            } else if at(k + 2) == Some('-') && alpha(at(k + 3)) {
                3
            } else {
                0
            }
        } else if alnum_before && c == '—' && next == Some('—') && alpha(at(k + 2)) {
            2
        } else {
            0
        };
        if len == 0 {
            k += 1;
            continue;
        }
        let (ms, me) = (chars[k].0, byte(k + len));
        // spaCy ignores an infix at the very start of the core.
        if ms != 0 {
            if ms != start {
                out.push(span(start, ms));
            }
            out.push(span(ms, me));
            start = me;
        }
        k += len;
    }
    if start < core.len() {
        out.push(span(start, core.len()));
    }
}

/// spaCy's `URL_MATCH`, simplified: optional scheme, optional user info, a host name with a
/// lowercase top-level domain, optional port and path ("www.bbc.co.uk/news", "me@x.com",
/// "https://t.co/x"). IP addresses are not recognised.
fn url_match(s: &str) -> bool {
    if !s.contains('.') {
        return false;
    }
    let mut rest = s;
    if let Some(p) = rest.find("://") {
        let scheme = &rest[..p];
        if scheme.chars().count() >= 2
            && scheme.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '+' | '-' | '.'))
        {
            rest = &rest[p + 3..];
        }
    }
    if let Some(p) = rest.rfind('@') {
        if p > 0 && host_and_path(&rest[p + 1..]) {
            return true;
        }
    }
    host_and_path(rest)
}

fn host_and_path(s: &str) -> bool {
    let end = s.find([':', '/', '?', '#']).unwrap_or(s.len());
    let (host, mut tail) = s.split_at(end);
    if !is_host(host) {
        return false;
    }
    if let Some(port) = tail.strip_prefix(':') {
        let digits = port.bytes().take_while(u8::is_ascii_digit).count();
        if !(2..=5).contains(&digits) {
            return false;
        }
        tail = &port[digits..];
    }
    tail.is_empty() || tail.starts_with(['/', '?', '#'])
}

fn is_host(h: &str) -> bool {
    let Some((labels, tld)) = h.rsplit_once('.') else {
        return false;
    };
    let tld_len = tld.chars().count();
    if !(2..=63).contains(&tld_len) || !tld.chars().all(char::is_lowercase) || labels.is_empty() {
        return false;
    }
    let edge = |c: char| c.is_ascii_alphanumeric() || ('\u{a1}'..='\u{ffff}').contains(&c);
    labels.split('.').all(|l| {
        let (Some(first), Some(last)) = (l.chars().next(), l.chars().next_back()) else {
            return false;
        };
        edge(first) && edge(last) && l.chars().count() <= 64 && l.chars().all(|c| edge(c) || c == '_' || c == '-')
    })
}

/// spaCy's English special cases: how a chunk (or what remains of it after peeling affixes)
/// is split, as piece lengths in bytes. Contractions are split ("don't" -> "do" "n't",
/// "cannot" -> "can" "not"); abbreviations keep their period ("Mr.", "Calif.", "a.m.").
#[inline]
fn special(s: &str) -> Option<&'static [u8]> {
    let b = s.as_bytes();
    if b.len() > MAX_SPECIAL || b.len() < 2 {
        return None;
    }
    let specials = &*SPECIALS;
    // Most words are no special case: a table of (length, first byte, last byte) rules them
    // out without hashing.
    let (first, last) = (b[0], b[b.len() - 1]);
    if first < 0x80 && last < 0x80 {
        let mask = specials.filter[b.len()][usize::from(last)];
        if mask & (1u128 << first) == 0 {
            return None;
        }
    }
    special_lookup(specials, s)
}

/// The hash lookup behind [`special`]'s filter, kept out of line: few words get this far.
#[inline(never)]
fn special_lookup(specials: &'static Specials, s: &str) -> Option<&'static [u8]> {
    specials.map.get(s).map(Vec::as_slice)
}

/// The longest special case in bytes.
const MAX_SPECIAL: usize = 12;

/// The special cases and a filter over (length, last byte, first byte) of the ASCII ones.
struct Specials {
    map: FxHashMap<String, Vec<u8>>,
    /// `filter[len][last] & (1 << first)` is set when a special case of `len` bytes starts
    /// with the ASCII byte `first` and ends with `last`.
    filter: Vec<[u128; 128]>,
}

/// Abbreviations that keep their final period in spaCy's English tokenizer.
const ABBREVIATIONS: &[&str] = &[
    "Adm.",
    "Ak.",
    "Ala.",
    "Apr.",
    "Ariz.",
    "Ark.",
    "Aug.",
    "Bros.",
    "Calif.",
    "Co.",
    "Colo.",
    "Conn.",
    "Corp.",
    "D.C.",
    "Dec.",
    "Del.",
    "Dr.",
    "E.G.",
    "E.g.",
    "Feb.",
    "Fla.",
    "Ga.",
    "Gen.",
    "Gov.",
    "I.E.",
    "I.e.",
    "Ia.",
    "Id.",
    "Ill.",
    "Inc.",
    "Ind.",
    "Jan.",
    "Jr.",
    "Jul.",
    "Jun.",
    "Kan.",
    "Kans.",
    "Ky.",
    "La.",
    "Ltd.",
    "Mar.",
    "Mass.",
    "Md.",
    "Messrs.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mt.",
    "N.C.",
    "N.D.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "Neb.",
    "Nebr.",
    "Nev.",
    "Nov.",
    "Oct.",
    "Okla.",
    "Ore.",
    "Pa.",
    "Ph.D.",
    "Prof.",
    "Rep.",
    "Rev.",
    "S.C.",
    "Sen.",
    "Sep.",
    "Sept.",
    "St.",
    "Tenn.",
    "Va.",
    "Wash.",
    "Wis.",
    "a.m.",
    "co.",
    "e.g.",
    "i.e.",
    "p.m.",
    "v.s.",
    "vs.",
    "ä.",
    "ö.",
    "ü.",
    // Single tokens that the affix rules would otherwise split.
    "'s",
    "'S",
    "'d",
    "'ll",
    "'re",
    "'ve",
    "'m",
    "''",
    "o'clock",
    "O'clock",
    "ma'am",
    "Ma'am",
    "'em",
    "'cause",
    "'bout",
    "'nuff",
    "ol'",
    "Ol'",
    "doin'",
    "goin'",
    "havin'",
    "lovin'",
    "nothin'",
    "nuthin'",
    "somethin'",
    "and/or",
    "w/o",
    "C++",
    ":)",
    ":(",
    ":-)",
    ":-(",
    ";)",
    ";-)",
    ":D",
    ":P",
    ":p",
    ":/",
    ":|",
    ":o",
    ":O",
    ":'(",
    ":')",
    "=)",
    "(:",
    "):",
    "<3",
    "</3",
    "^_^",
    "-_-",
    "XD",
    "xD",
    ":*",
    ":-*",
    ";D",
    ":-D",
    ":-P",
    ":-p",
    ":]",
    "=D",
    "8)",
    "8-)",
    ":((",
    ":))",
];

/// Auxiliaries that take "n't" (spaCy's list; "ca" for can't, "wo" for won't, "sha" for
/// shan't, "ai" for ain't).
const NT_BASES: &[&str] = &[
    "ai", "are", "ca", "could", "dare", "did", "does", "do", "had", "has", "have", "is", "may", "might", "must",
    "need", "ought", "sha", "should", "was", "were", "wo", "would",
];

/// Pronouns and wh-words that take the clitics 'd, 'll, 're, 've, 's in spaCy's exceptions.
const PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "that", "there", "these", "this", "those", "what", "when", "where",
    "who", "why", "how",
];

static SPECIALS: LazyLock<Specials> = LazyLock::new(|| {
    let map = build_specials();
    let mut filter = vec![[0u128; 128]; MAX_SPECIAL + 1];
    for k in map.keys() {
        let b = k.as_bytes();
        debug_assert!(b.len() <= MAX_SPECIAL, "{k}");
        let (first, last) = (b[0], b[b.len() - 1]);
        if first < 0x80 && last < 0x80 && b.len() <= MAX_SPECIAL {
            filter[b.len()][usize::from(last)] |= 1u128 << first;
        }
    }
    Specials { map, filter }
});

fn build_specials() -> FxHashMap<String, Vec<u8>> {
    let mut map: FxHashMap<String, Vec<u8>> = FxHashMap::default();
    // Insert `pieces` (lowercase) and its title-case form.
    let mut add = |pieces: &[&str]| {
        let lens: Vec<u8> = pieces.iter().map(|p| p.len() as u8).collect();
        let word: String = pieces.concat();
        let mut title = String::with_capacity(word.len());
        let mut chars = word.chars();
        if let Some(c) = chars.next() {
            title.extend(c.to_uppercase());
            title.push_str(chars.as_str());
        }
        if title.len() == word.len() {
            map.insert(title, lens.clone());
        }
        map.insert(word, lens);
    };
    for base in NT_BASES {
        add(&[base, "n't"]);
        add(&[base, "nt"]);
    }
    let takes = |clitic: &str, p: &str| match clitic {
        "d" | "ll" => true,
        "re" => !matches!(p, "i" | "he" | "she" | "it" | "that" | "this"),
        "ve" => !matches!(p, "he" | "she" | "it" | "that" | "this"),
        _ => false,
    };
    for p in PRONOUNS {
        for clitic in ["d", "ll", "re", "ve"] {
            if takes(clitic, p) {
                add(&[p, &format!("'{clitic}")]);
                // Without the apostrophe only where the result is not an English word.
                let plain = format!("{p}{clitic}");
                if !matches!(plain.as_str(), "shed" | "ill" | "hell" | "shell" | "well" | "were" | "whore" | "itre") {
                    add(&[p, clitic]);
                }
            }
        }
    }
    for p in ["he", "how", "she", "that", "there", "this", "what", "when", "where", "who", "why"] {
        add(&[p, "s"]);
    }
    for m in ["could", "might", "must", "should", "would", "not"] {
        add(&[m, "'ve"]);
        add(&[m, "ve"]);
    }
    add(&["i", "'m"]);
    add(&["i", "m"]);
    add(&["i", "'m", "a"]);
    add(&["can", "not"]);
    add(&["gon", "na"]);
    add(&["got", "ta"]);
    add(&["y'", "all"]);
    add(&["y", "all"]);
    add(&["c'm", "on"]);
    for h in 1..=12 {
        let h = h.to_string();
        for suffix in ["am", "pm", "a.m.", "p.m."] {
            add(&[&h, suffix]);
        }
    }
    for c in 'a'..='z' {
        map.insert(format!("{c}."), vec![2]);
    }
    for a in ABBREVIATIONS {
        map.insert((*a).to_string(), vec![a.len() as u8]);
    }
    map
}

// ---------------------------------------------------------------------------------------------
// Lexical diversity
// ---------------------------------------------------------------------------------------------

/// MATTR window in words (Covington & McFall 2010 use 500 for long texts; 50 suits articles
/// of a few hundred words).
const MATTR_WINDOW: usize = 50;

/// MTLD factor threshold (McCarthy & Jarvis 2010).
const MTLD_THRESHOLD: f64 = 0.72;
/// The threshold as the fraction 18 / 25, so that "TTR <= 0.72" is tested in integers,
/// without a division per word. The two tests agree for any count below 10^13: a ratio of
/// counts that is not exactly 18 / 25 differs from it by at least 1 / (25 x tokens), far more
/// than the rounding of `types as f64 / tokens as f64`.
const MTLD_THRESHOLD_NUM: usize = 18;
const MTLD_THRESHOLD_DEN: usize = 25;

fn type_token_ratio(doc: &Document) -> Option<f64> {
    ratio(doc.word_freq().len() as f64, doc.word_count() as f64)
}

fn hapax_ratio(doc: &Document) -> Option<f64> {
    let freq = doc.word_freq();
    let once = freq.iter().filter(|&&f| f == 1).count();
    ratio(once as f64, freq.len() as f64)
}

fn mattr(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let n = ids.len();
    if n < MATTR_WINDOW {
        return type_token_ratio(doc);
    }
    let mut counts = vec![0u32; doc.word_freq().len()];
    let mut types = 0usize;
    for &id in &ids[..MATTR_WINDOW] {
        let c = &mut counts[id as usize];
        types += usize::from(*c == 0);
        *c += 1;
    }
    let mut sum = types;
    for i in MATTR_WINDOW..n {
        let out = &mut counts[ids[i - MATTR_WINDOW] as usize];
        *out -= 1;
        types -= usize::from(*out == 0);
        let inc = &mut counts[ids[i] as usize];
        types += usize::from(*inc == 0);
        *inc += 1;
        sum += types;
    }
    let windows = n - MATTR_WINDOW + 1;
    Some(sum as f64 / (windows * MATTR_WINDOW) as f64)
}

/// One MTLD pass: words divided by factors, a factor ending whenever the running TTR of the
/// current segment falls to the threshold, plus partial credit for the unfinished segment.
fn mtld_pass(ids: impl Iterator<Item = u32>, n: usize, seen: &mut [u32], pass: u32) -> f64 {
    // `seen[id] == stamp` marks the word as seen in the current segment; a new stamp per
    // segment avoids clearing the array.
    let mut stamp = pass << 24;
    let (mut tokens, mut types) = (0usize, 0usize);
    let mut factors = 0.0;
    for id in ids {
        tokens += 1;
        // Without a branch: whether a word is new is as good as random.
        let s = &mut seen[id as usize];
        types += usize::from(*s != stamp);
        *s = stamp;
        if types * MTLD_THRESHOLD_DEN <= tokens * MTLD_THRESHOLD_NUM {
            factors += 1.0;
            tokens = 0;
            types = 0;
            stamp += 1;
        }
    }
    let ttr = if tokens == 0 { 1.0 } else { types as f64 / tokens as f64 };
    factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
    if factors > 0.0 {
        n as f64 / factors
    } else {
        // No segment ever fell to the threshold and the last one has no repeated word: the
        // whole text is less than one factor; its length is the best finite estimate.
        n as f64
    }
}

fn mtld(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let n = ids.len();
    if n == 0 {
        return None;
    }
    // Stamps are (pass << 24) + segment: segments per pass are at most n / 2 + 1; for longer
    // texts than 2^25 words fall back to clearing by a larger array of u32 stamps per pass.
    let mut seen = vec![u32::MAX; doc.word_freq().len()];
    if n >= (1 << 24) {
        // Practically unreachable (16M words); keep the result finite and exact by using
        // separate arrays.
        let f = mtld_pass(ids.iter().copied(), n, &mut seen, 0);
        let mut seen2 = vec![u32::MAX; doc.word_freq().len()];
        let b = mtld_pass(ids.iter().rev().copied(), n, &mut seen2, 0);
        return Some((f + b) / 2.0);
    }
    let f = mtld_pass(ids.iter().copied(), n, &mut seen, 0);
    let b = mtld_pass(ids.iter().rev().copied(), n, &mut seen, 1);
    Some((f + b) / 2.0)
}

// ---------------------------------------------------------------------------------------------
// Compression and openers
// ---------------------------------------------------------------------------------------------

/// LZ4 block-compressed size / size. LZ4 rather than deflate: deflate's state (about 200 KB
/// of hash tables) must be cleared for every article, which cost more than the rest of the
/// feature set on news-length texts; LZ4's is one table of 8 KB (16 KB from 64 KiB of text
/// on). The size comes from [`lz4_size`] without writing the block.
fn compression_ratio(doc: &Document) -> Option<f64> {
    let text = doc.text().as_bytes();
    if text.is_empty() {
        return None;
    }
    ratio(lz4_compressed_len(text) as f64, text.len() as f64)
}

/// Per-thread LZ4 state, reused across articles so that compressing one allocates nothing:
/// the hash table of [`lz4_size`] for texts under 64 KiB (sized without writing the block),
/// and for longer ones lz4_flex's 32-bit table and an output buffer (the choice
/// `lz4_flex::block::compress` makes, so the sizes are the same).
struct Lz4Scratch {
    small: Box<[u16; lz4_size::TABLE_LEN]>,
    large: Option<lz4_flex::block::CompressTable>,
    out: Vec<u8>,
}

thread_local! {
    static LZ4_SCRATCH: RefCell<Lz4Scratch> = RefCell::new(Lz4Scratch {
        small: Box::new([0; lz4_size::TABLE_LEN]),
        large: None,
        out: Vec::new(),
    });
}

/// The LZ4 block-compressed size of `text` in bytes.
fn lz4_compressed_len(text: &[u8]) -> usize {
    use lz4_flex::block::{compress_into_with_table, get_maximum_output_size, CompressTable};
    LZ4_SCRATCH.with(|cell| {
        let scratch = &mut *cell.borrow_mut();
        if text.len() < lz4_size::MAX_INPUT {
            return lz4_size::compressed_len(text, &mut scratch.small);
        }
        let max = get_maximum_output_size(text.len());
        if scratch.out.len() < max {
            scratch.out.resize(max, 0);
        }
        let table = scratch.large.get_or_insert_with(CompressTable::large);
        // The buffer holds the worst case, so this cannot fail; the fallback keeps a bug here
        // from ever becoming a panic.
        let written = compress_into_with_table(text, &mut scratch.out[..max], table)
            .unwrap_or_else(|_| lz4_flex::block::compress(text).len());
        // One huge article must not pin its buffer for the rest of the run.
        if scratch.out.len() > 1 << 22 {
            scratch.out = Vec::new();
        }
        written
    })
}

fn repeated_opener_ratio(doc: &Document) -> Option<f64> {
    let ids = doc.word_ids();
    let mut openers: FxHashSet<u32> =
        FxHashSet::with_capacity_and_hasher(doc.sentence_word_ranges().len(), Default::default());
    let (mut sentences, mut repeats) = (0usize, 0usize);
    for &(start, end) in doc.sentence_word_ranges() {
        if start == end {
            continue;
        }
        sentences += 1;
        if !openers.insert(ids[start as usize]) {
            repeats += 1;
        }
    }
    ratio(repeats as f64, sentences as f64)
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------

/// Shared text of the Gopher n-gram docs.
macro_rules! gopher_tokeniser_limits {
    () => {
        "The tokeniser is chaff's model of spaCy's blank English tokenizer, which datatrove uses: \
UAX #29 chunks between spaces split the way spaCy splits them (punctuation peeled off the ends, \
\"don't\" -> \"do\" \"n't\", \"Mr.\" and \"U.S.\" kept whole, URLs kept whole, hyphens between \
letters split off). It is not spaCy: rare special cases (most emoticons, clitic chains such as \
\"could've'nt\") are left out; on the 1,500 reference rows its tokens equal spaCy 3.8's on 1,488 \
and the other 12 differ only where chaff's normaliser changed the text. n-grams are compared by \
a 64-bit hash of their tokens (a collision needs two different n-grams with equal hashes, \
probability about 2^-64 per pair: negligible)."
    };
}

/// Duplicate paragraph fraction.
pub(crate) const DUP_PARA_FRAC: Feature = Feature {
    name: "dup_para_frac",
    summary: "Gopher: share of paragraphs that repeat an earlier paragraph exactly.",
    doc: "What it measures: how many paragraphs are exact copies of an earlier one (Gopher's duplicate paragraph fraction, Rae et al. 2021, table A1; Gopher drops documents above 0.30). Templates, boilerplate and looping generators repeat whole paragraphs.\n\
Formula: paragraphs = the normalised text split on blank lines; duplicates = occurrences of a paragraph after its first; duplicates / paragraphs. Same as datatrove 0.10.1's GopherRepetitionFilter.\n\
Example: \"Buy now.\\n\\nGreat deal.\\n\\nBuy now.\" -> 3 paragraphs, 1 duplicate -> 1 / 3 = 0.3333.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue: several training corpora are flattened to a single paragraph, where it is always 0.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_PARA_FRAC),
    evidence: None,
};

/// Duplicate paragraph character fraction.
pub(crate) const DUP_PARA_CHAR_FRAC: Feature = Feature {
    name: "dup_para_char_frac",
    summary: "Gopher: characters in repeated paragraphs / characters of the text.",
    doc: "What it measures: how much of the text, in characters, is taken by exact copies of earlier paragraphs (Gopher's duplicate paragraph character fraction; threshold 0.20).\n\
Formula: sum of the characters (code points) of each paragraph occurrence after its first / characters of the whole normalised text (separators included, as datatrove divides by len(text)).\n\
Example: \"Buy now.\\n\\nGreat deal.\\n\\nBuy now.\" -> the second \"Buy now.\" has 8 characters; the text has 8 + 2 + 11 + 2 + 8 = 31 -> 8 / 31 = 0.2581.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue (see dup_para_frac).",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_PARA_CHAR_FRAC),
    evidence: None,
};

/// Duplicate line fraction.
pub(crate) const DUP_LINE_FRAC: Feature = Feature {
    name: "dup_line_frac",
    summary: "Gopher: share of lines that repeat an earlier line exactly.",
    doc: "What it measures: how many lines are exact copies of an earlier line (Gopher's duplicate line fraction; threshold 0.30). Repeated headings, bylines, \"Read more\" and list templates show up here.\n\
Formula: lines = the normalised text split on runs of line breaks (blank lines do not count); duplicates = occurrences after the first; duplicates / lines. Same as datatrove 0.10.1.\n\
Example: \"Share this\\nGood news today.\\nShare this\\nShare this\" -> 4 lines, 2 duplicates -> 0.5.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue: flattened corpora have one line per paragraph or per text.",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_LINE_FRAC),
    evidence: None,
};

/// Duplicate line character fraction.
pub(crate) const DUP_LINE_CHAR_FRAC: Feature = Feature {
    name: "dup_line_char_frac",
    summary: "Gopher: characters in repeated lines / characters of the text.",
    doc: "What it measures: how much of the text, in characters, is taken by exact copies of earlier lines (Gopher's duplicate line character fraction; threshold 0.20).\n\
Formula: sum of the characters of each line occurrence after its first / characters of the whole normalised text (line breaks included).\n\
Example: \"Share this\\nGood news today.\\nShare this\\nShare this\" -> 2 x 10 = 20 duplicate characters; the text has 10 + 1 + 16 + 1 + 10 + 1 + 10 = 49 -> 20 / 49 = 0.4082.\n\
Limits: not applicable to an empty text. Matches datatrove exactly on all 1,500 reference rows. A layout cue (see dup_line_frac).",
    applies: Applicability::Any,
    cue: Cue::Layout,
    compute: |doc: &Analysis<'_>| GopherStats::of(doc).get(I_DUP_LINE_CHAR_FRAC),
    evidence: None,
};

macro_rules! top_ngram_feature {
    ($id:ident, $n:literal, $name:literal, $threshold:literal, $example:literal, $agreement:literal) => {
        #[doc = concat!("Top ", stringify!($n), "-gram character fraction.")]
        pub(crate) const $id: Feature = Feature {
            name: $name,
            summary: concat!(
                "Gopher: characters covered by the most common word ",
                stringify!($n),
                "-gram / characters of the text."
            ),
            doc: concat!(
                "What it measures: how much of the text the single most frequent word ",
                stringify!($n),
                "-gram covers (Gopher's top ",
                stringify!($n),
                "-gram character fraction, Rae et al. 2021, table A1; Gopher drops documents above ",
                $threshold,
                "). Filler that hammers one phrase scores high.\n",
                "Formula: tokens = words and punctuation marks (see Limits); n-grams = ",
                stringify!($n),
                " consecutive tokens joined by single spaces; the most common one (ties: the first seen, as Python's Counter.most_common) counts even when it occurs once; its characters x its count / characters of the normalised text. 0 when the text has fewer than ",
                stringify!($n),
                " tokens (datatrove skips the test there; the reference values are 0).\n",
                "Example: ",
                $example,
                "\n",
                "Limits: not applicable to empty text or unspaced scripts. Case-sensitive, as datatrove. ",
                gopher_tokeniser_limits!(),
                " Agreement with datatrove 0.10.1 on its 1,500 reference rows (tests/gopher_reference.rs): ",
                $agreement
            ),
            applies: Applicability::SpaceSeparated,
            cue: Cue::Style,
            compute: |doc: &Analysis<'_>| {
                GopherStats::of(doc).get(I_TOP_NGRAM + $n - 2)
            },
            evidence: None,
        };
    };
}

top_ngram_feature!(
    TOP_2_GRAM_CHAR_FRAC,
    2,
    "top_2_gram_char_frac",
    "0.20",
    "\"the cat saw the cat\" (19 characters) -> 2-grams \"the cat\", \"cat saw\", \"saw the\", \"the cat\"; \"the cat\" (7 characters) occurs twice -> 14 / 19 = 0.7368.",
    "mean absolute error 2.9e-7, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
top_ngram_feature!(
    TOP_3_GRAM_CHAR_FRAC,
    3,
    "top_3_gram_char_frac",
    "0.18",
    "\"Go, go, go!\" (11 characters) -> tokens Go , go , go ! -> 3-grams \"Go , go\", \", go ,\", \"go , go\", \", go !\", all once -> the first, \"Go , go\" (7 characters) -> 7 / 11 = 0.6364.",
    "mean absolute error 5.8e-6, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
top_ngram_feature!(
    TOP_4_GRAM_CHAR_FRAC,
    4,
    "top_4_gram_char_frac",
    "0.16",
    "\"I don't know. I don't know.\" (27 characters) -> tokens I do n't know . I do n't know . -> \"I do n't know\" (13 characters) occurs twice -> 26 / 27 = 0.9630.",
    "mean absolute error 1.6e-5, 100 % of rows within 0.01, 99.2 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);

macro_rules! dup_ngram_feature {
    ($id:ident, $n:literal, $name:literal, $threshold:literal, $example:literal, $agreement:literal) => {
        #[doc = concat!("Duplicate ", stringify!($n), "-gram character fraction.")]
        pub(crate) const $id: Feature = Feature {
            name: $name,
            summary: concat!(
                "Gopher: characters in repeated word ",
                stringify!($n),
                "-grams / characters of the text."
            ),
            doc: concat!(
                "What it measures: how much of the text is covered by word ",
                stringify!($n),
                "-grams that already occurred earlier (Gopher's duplicate ",
                stringify!($n),
                "-gram character fraction, Rae et al. 2021, table A1; Gopher drops documents above ",
                $threshold,
                "). Copied sentences and recycled phrasing score high.\n",
                "Formula: tokens = words and punctuation marks (see Limits). As datatrove 0.10.1: scan the ",
                stringify!($n),
                "-grams from left to right; an n-gram seen before adds its characters (tokens joined without spaces) and the scan jumps ",
                stringify!($n),
                " tokens ahead (the n-grams it skips are neither counted nor remembered), otherwise the n-gram is remembered and the scan moves one token; the total / characters of the whole normalised text (spaces included, so a text made of one sentence written twice stays below 0.5). Both quirks are datatrove's and are kept on purpose, for comparability with it and with Gopher's thresholds. 0 with fewer than ",
                stringify!($n),
                " tokens.\n",
                "Example: \"one two three four five six. one two three four five six.\" (57 characters; 14 tokens, the periods included): ",
                $example,
                "\n",
                "Limits: not applicable to empty text or unspaced scripts. Case-sensitive. n-grams are compared token by token, whereas datatrove compares the strings joined without spaces (\"ab\" \"c\" equals \"a\" \"bc\" there): a deliberate deviation that keeps hashing cheap and only matters in texts with words run together. ",
                gopher_tokeniser_limits!(),
                " Agreement with datatrove 0.10.1 on its 1,500 reference rows (tests/gopher_reference.rs): ",
                $agreement
            ),
            applies: Applicability::SpaceSeparated,
            cue: Cue::Style,
            compute: |doc: &Analysis<'_>| {
                GopherStats::of(doc).get(I_DUP_NGRAM + $n - 5)
            },
            evidence: None,
        };
    };
}

dup_ngram_feature!(
    DUP_5_GRAM_CHAR_FRAC,
    5,
    "dup_5_gram_char_frac",
    "0.15",
    "the 5-gram at token 7, \"one two three four five\", was seen at token 0: 19 characters, and the scan jumps to token 12, past the last 5-gram -> 19 / 57 = 0.3333.",
    "mean absolute error 3.5e-6, 100 % of rows within 0.01, 99.3 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from texts with words run together (4 rows, where joining without spaces makes \"onestep closer\" equal \"one step closer\")."
);
dup_ngram_feature!(
    DUP_6_GRAM_CHAR_FRAC,
    6,
    "dup_6_gram_char_frac",
    "0.14",
    "\"one two three four five six\" at token 7 repeats: 22 characters -> 22 / 57 = 0.3860.",
    "mean absolute error 4.7e-7, 100 % of rows within 0.01, 99.5 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from texts with words run together (2 rows)."
);
dup_ngram_feature!(
    DUP_7_GRAM_CHAR_FRAC,
    7,
    "dup_7_gram_char_frac",
    "0.13",
    "\"one two three four five six .\" at token 7 repeats: 23 characters -> 23 / 57 = 0.4035.",
    "mean absolute error 3.7e-7, 100 % of rows within 0.01, 99.8 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces) or from a text with words run together (1 row)."
);
dup_ngram_feature!(
    DUP_8_GRAM_CHAR_FRAC,
    8,
    "dup_8_gram_char_frac",
    "0.12",
    "no 8-gram repeats (each copy is 7 tokens long) -> 0.",
    "mean absolute error 1.1e-9, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
dup_ngram_feature!(
    DUP_9_GRAM_CHAR_FRAC,
    9,
    "dup_9_gram_char_frac",
    "0.11",
    "no 9-gram repeats -> 0; \"a b c d e f g h i a b c d e f g h i\" (35 characters) -> the 9-gram at token 9 repeats, 9 characters -> 9 / 35 = 0.2571.",
    "mean absolute error 7.3e-10, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);
dup_ngram_feature!(
    DUP_10_GRAM_CHAR_FRAC,
    10,
    "dup_10_gram_char_frac",
    "0.10",
    "no 10-gram repeats -> 0; \"a b c d e f g h i j a b c d e f g h i j\" (39 characters) -> 10 / 39 = 0.2564.",
    "mean absolute error 6.4e-10, 100 % of rows within 0.01, 99.9 % identical (|difference| < 1e-9). Every difference comes from texts that chaff's normaliser changes (12 rows with C1 control characters left from mis-decoded Windows-1252 quotes and dashes, soft hyphens or a hair space, which it drops or turns into spaces)."
);

/// Type-token ratio.
pub(crate) const TYPE_TOKEN_RATIO: Feature = Feature {
    name: "type_token_ratio",
    summary: "Distinct lowercase words / words.",
    doc: "What it measures: vocabulary variety: the share of words that are new. Repetitive filler reuses the same words.\n\
Formula: number of distinct lowercase words / number of words (words = UAX #29 word segments with a letter or digit).\n\
Example: \"The cat saw the dog.\" -> the, cat, saw, dog are 4 distinct of 5 words -> 0.8.\n\
Limits: falls as texts get longer (any text reuses function words), so compare texts of similar length or use mattr_50 / mtld. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| type_token_ratio(doc),
    evidence: None,
};

/// Hapax ratio.
pub(crate) const HAPAX_RATIO: Feature = Feature {
    name: "hapax_ratio",
    summary: "Hapax legomena (words used exactly once) / distinct words.",
    doc: "What it measures: how much of the vocabulary is used only once. Rich, specific writing has many one-off words (names, numbers, precise terms); generic filler cycles through a small vocabulary.\n\
Formula: number of distinct lowercase words that occur exactly once / number of distinct lowercase words (the share of types that are hapaxes; some authors divide by all words instead).\n\
Example: \"The cat saw the dog.\" -> cat, saw, dog occur once, \"the\" twice -> 3 / 4 = 0.75.\n\
Limits: depends on length like type_token_ratio. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Length,
    compute: |doc: &Analysis<'_>| hapax_ratio(doc),
    evidence: None,
};

/// Moving-average type-token ratio.
pub(crate) const MATTR_50: Feature = Feature {
    name: "mattr_50",
    summary: "Moving-average type-token ratio over windows of 50 words.",
    doc: "What it measures: vocabulary variety independent of text length (Covington & McFall 2010): the type-token ratio of every run of 50 consecutive words, averaged.\n\
Formula: for each window of words i..i+50 (i = 0..n-50), distinct lowercase words / 50; the mean over the n - 49 windows. A text with fewer than 50 words gets its plain type-token ratio.\n\
Example: 50 different words followed by the second of them again -> two windows with 50 and 49 distinct words -> (50 + 49) / (2 x 50) = 0.99. \"The cat saw the dog.\" (5 words) -> plain TTR 0.8.\n\
Limits: below 50 words it equals type_token_ratio, which is not comparable with longer texts' values. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| mattr(doc),
    evidence: None,
};

/// Measure of textual lexical diversity.
pub(crate) const MTLD: Feature = Feature {
    name: "mtld",
    summary: "MTLD: mean length in words of runs that keep the type-token ratio above 0.72.",
    doc: "What it measures: lexical diversity as the average number of words a text goes before its running type-token ratio falls to 0.72 (McCarthy & Jarvis 2010). Higher = more varied vocabulary; it depends little on length.\n\
Formula: one pass reads the lowercase words, keeping the TTR of the current segment; when it is <= 0.72 a factor is counted and a new segment starts. The unfinished last segment adds the partial factor (1 - TTR) / (1 - 0.72). Pass value = words / factors. MTLD = mean of a forward and a backward pass. When a pass has no factor at all (every word of the text is distinct), its value is the word count, so the result is always finite.\n\
Example: \"one two three one\" -> each pass ends with TTR 3/4 = 0.75, partial factor (1 - 0.75) / 0.28 = 0.8929 -> 4 / 0.8929 = 4.48. \"yes no yes no maybe maybe\" -> each pass has 2 full factors and no remainder -> 6 / 2 = 3.\n\
Limits: unstable under about 100 words (McCarthy & Jarvis recommend at least 100); the value is in words, not a ratio. Not applicable without words or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| mtld(doc),
    evidence: None,
};

/// Compression ratio.
pub(crate) const COMPRESSION_RATIO: Feature = Feature {
    name: "compression_ratio",
    summary: "LZ4-compressed size / UTF-8 size of the text (lower = more repetitive).",
    doc: "What it measures: redundancy at every scale at once: how well a general-purpose compressor shrinks the text. Repeated phrases, sentences and templates compress well, so lower = more repetitive.\n\
Formula: bytes of an LZ4 block (lz4_flex, no frame header) / UTF-8 bytes of the normalised text.\n\
Example: \"a\" -> one token byte + the literal = 2 bytes -> 2 / 1 = 2.0 (tiny texts expand). 40 times \"a\" -> a token, the literal, a 2-byte offset and one extra match-length byte (a match of 33 at distance 1), then a token and the 6 literals lz4_flex keeps at the end of a block: 5 + 7 = 12 bytes -> 12 / 40 = 0.3.\n\
Limits: depends on length (short texts compress worse: the ratio is high below a few hundred bytes) and on the script (UTF-8 bytes per character). Not applicable to an empty text.",
    applies: Applicability::Any,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| compression_ratio(doc),
    evidence: None,
};

/// Repeated sentence openers.
pub(crate) const REPEATED_OPENER_RATIO: Feature = Feature {
    name: "repeated_opener_ratio",
    summary: "Share of sentences whose first word already opened an earlier sentence.",
    doc: "What it measures: monotonous sentence openings (\"The ... The ... The ...\", \"Additionally, ... Additionally, ...\"): how often a sentence starts with a word that an earlier sentence started with.\n\
Formula: over sentences with at least one word, in order: count those whose first word (lowercase) was the first word of an earlier sentence; / number of such sentences.\n\
Example: \"The cat sat. The dog ran. A bird sang. The end.\" -> openers the, the, a, the: 2 repeats of 4 sentences -> 0.5.\n\
Limits: grows with the number of sentences (there are only so many ways to start one), so long texts score higher. Not applicable without a sentence that has a word, or to unspaced scripts.",
    applies: Applicability::SpaceSeparated,
    cue: Cue::Style,
    compute: |doc: &Analysis<'_>| repeated_opener_ratio(doc),
    evidence: None,
};

/// This family's features, in output column order.
pub(super) const FEATURES: &[Feature] = &[
    DUP_PARA_FRAC,
    DUP_PARA_CHAR_FRAC,
    DUP_LINE_FRAC,
    DUP_LINE_CHAR_FRAC,
    TOP_2_GRAM_CHAR_FRAC,
    TOP_3_GRAM_CHAR_FRAC,
    TOP_4_GRAM_CHAR_FRAC,
    DUP_5_GRAM_CHAR_FRAC,
    DUP_6_GRAM_CHAR_FRAC,
    DUP_7_GRAM_CHAR_FRAC,
    DUP_8_GRAM_CHAR_FRAC,
    DUP_9_GRAM_CHAR_FRAC,
    DUP_10_GRAM_CHAR_FRAC,
    TYPE_TOKEN_RATIO,
    HAPAX_RATIO,
    MATTR_50,
    MTLD,
    COMPRESSION_RATIO,
    REPEATED_OPENER_RATIO,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{assert_na, assert_value, value};

    fn toks(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        gopher_tokens(&doc).iter().map(|&(s, e)| doc.text()[s as usize..e as usize].to_string()).collect()
    }

    #[test]
    fn tokeniser_follows_spacy_english() {
        assert_eq!(
            toks("Don't pay $5 now! \"I'm sure,\" said Mr. Smith of the U.S. today..."),
            [
                "Do", "n't", "pay", "$", "5", "now", "!", "\"", "I", "'m", "sure", ",", "\"", "said", "Mr.", "Smith",
                "of", "the", "U.S.", "today", "..."
            ]
        );
        assert_eq!(
            toks("well-known COVID-19 at 10:30 on 9/11, 50% of 5km. It cannot end.The"),
            [
                "well", "-", "known", "COVID-19", "at", "10:30", "on", "9/11", ",", "50", "%", "of", "5", "km", ".",
                "It", "can", "not", "end", ".", "The"
            ]
        );
        assert_eq!(
            toks("(see www.example.com/a) John's ABC. A.B.C. x--y 5-3 wait...what"),
            [
                "(",
                "see",
                "www.example.com/a",
                ")",
                "John",
                "'s",
                "ABC",
                ".",
                "A.B.C.",
                "x",
                "--",
                "y",
                "5",
                "-",
                "3",
                "wait",
                "...",
                "what"
            ]
        );
    }

    #[test]
    fn fast_chunk_paths_agree_with_the_general_one() {
        let general = |chunk: &str| {
            let mut out = Vec::new();
            split_chunk(chunk, 0, &mut out, &mut Scratch::default());
            if out.len() >= 2 {
                merge_specials(chunk, &mut out, 0);
            }
            out
        };
        let fast = |chunk: &str| {
            let mut out = Vec::new();
            chunk_tokens(chunk, 0, chunk.len(), &mut out, &mut Scratch::default());
            out
        };
        // Words (special cases among them), numbers, and words with an apostrophe inside,
        // between opening and closing marks.
        let words = [
            "said", "Mr", "U", "ABC", "wed", "cannot", "a", "I", "it", "Trump", "don", "dont", "im", "Calif", "gonna",
            "lets", "s", "t", "ll", "ca", "Jan", "vs", "9", "2020", "42", "0", "8", "x", "D", "o", "p", "P", "3",
        ];
        let tails = ["s", "S", "t", "ll", "re", "ve", "d", "m", "Brien", "clock", "n"];
        let mut cores: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for w in words.iter().filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic())) {
            cores.extend(tails.iter().map(|t| format!("{w}'{t}")));
        }
        let opens = ["", "(", "[", "{", "\"", "((", "(\""];
        let closes =
            ["", ".", ",", ")", ").", "),", ":", "!?", "\"", "\".", ".\"", "..", ";", "):", "'", "'s", "]", "}."];
        let mut fast_paths = 0;
        for core in &cores {
            for open in opens {
                for close in closes {
                    let chunk = format!("{open}{core}{close}");
                    assert_eq!(fast(&chunk), general(&chunk), "{chunk}");
                    let b = chunk.as_bytes();
                    let letters = all_ascii_letters(b, 0, b.len());
                    fast_paths += usize::from(
                        letters || simple_chunk(&chunk).is_some() || letters_apostrophe_letters(&chunk).is_some(),
                    );
                }
            }
        }
        // Most shapes take a fast path; the test would be empty otherwise.
        assert!(fast_paths > 1500, "{fast_paths}");
        // Shapes the fast paths must leave alone.
        for chunk in ["Mr.", "U.", "a.", "wed.", "x..", "5km", "U.S.", "$5", "1,000", "5%", "9.5"] {
            assert!(simple_chunk(chunk).is_none(), "{chunk}");
        }
        for chunk in ["'s", "it'", "rock'n'roll", "it's.", "d'état"] {
            assert!(letters_apostrophe_letters(chunk).is_none(), "{chunk}");
        }
        assert_eq!(toks("word):"), ["word", "):"]);
        assert_eq!(toks("\"Yes.\""), ["\"", "Yes", ".", "\""]);
        assert_eq!(toks("Trump's (2020)."), ["Trump", "'s", "(", "2020", ")", "."]);
        assert_eq!(toks("don't"), ["do", "n't"]);
        // An emoticon left when the marks are peeled off: spaCy keeps it whole.
        assert_eq!(toks("(8)."), ["(", "8)", "."]);
    }

    #[test]
    fn paragraph_and_line_worked_examples() {
        let paras = "Buy now.\n\nGreat deal.\n\nBuy now.";
        assert_value(&DUP_PARA_FRAC, paras, 1.0 / 3.0, 1e-12);
        assert_value(&DUP_PARA_CHAR_FRAC, paras, 8.0 / 31.0, 1e-12);
        let lines = "Share this\nGood news today.\nShare this\nShare this";
        assert_value(&DUP_LINE_FRAC, lines, 0.5, 1e-12);
        assert_value(&DUP_LINE_CHAR_FRAC, lines, 20.0 / 49.0, 1e-12);
        // Paragraph lines count as lines too; the blank line does not.
        assert_value(&DUP_LINE_FRAC, paras, 1.0 / 3.0, 1e-12);
        assert_value(&DUP_PARA_FRAC, lines, 0.0, 0.0);
    }

    #[test]
    fn top_ngram_worked_examples() {
        assert_value(&TOP_2_GRAM_CHAR_FRAC, "the cat saw the cat", 14.0 / 19.0, 1e-12);
        // All 3-grams occur once: the first one wins.
        assert_value(&TOP_3_GRAM_CHAR_FRAC, "Go, go, go!", 7.0 / 11.0, 1e-12);
        assert_value(&TOP_4_GRAM_CHAR_FRAC, "I don't know. I don't know.", 26.0 / 27.0, 1e-12);
        // Ties between repeated n-grams go to the first seen: "b c" and "a b" both occur
        // twice, "a b" first.
        assert_value(&TOP_2_GRAM_CHAR_FRAC, "a b c a b c", 6.0 / 11.0, 1e-12);
        // Fewer tokens than n: 0, as in the reference.
        assert_value(&TOP_4_GRAM_CHAR_FRAC, "Hello there", 0.0, 0.0);
    }

    #[test]
    fn dup_ngram_worked_examples() {
        let t = "one two three four five six. one two three four five six.";
        assert_value(&DUP_5_GRAM_CHAR_FRAC, t, 19.0 / 57.0, 1e-12);
        assert_value(&DUP_6_GRAM_CHAR_FRAC, t, 22.0 / 57.0, 1e-12);
        assert_value(&DUP_7_GRAM_CHAR_FRAC, t, 23.0 / 57.0, 1e-12);
        assert_value(&DUP_8_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_9_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_10_GRAM_CHAR_FRAC, t, 0.0, 0.0);
        assert_value(&DUP_9_GRAM_CHAR_FRAC, "a b c d e f g h i a b c d e f g h i", 9.0 / 35.0, 1e-12);
        assert_value(&DUP_10_GRAM_CHAR_FRAC, "a b c d e f g h i j a b c d e f g h i j", 10.0 / 39.0, 1e-12);
    }

    #[test]
    fn token_hash_does_not_depend_on_where_the_token_is() {
        // Near the end of the text sixteen bytes cannot be read at once: the same token must
        // still hash the same.
        for tok in ["a", "said", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "naïve"] {
            let middle = format!("{tok} and more text after it, well past sixteen bytes");
            let end = format!("x {tok}");
            assert_eq!(
                token_hash(middle.as_bytes(), 0, tok.len()),
                token_hash(end.as_bytes(), 2, 2 + tok.len()),
                "{tok}"
            );
        }
        assert_ne!(token_hash(b"abcdefghi", 0, 9), token_hash(b"abcdefghj", 0, 9));
    }

    #[test]
    fn dup_ngram_scan_skips_after_a_hit() {
        // "x x x x x x x x" (8 tokens, 15 chars), 5-grams at 0..=3, all equal: index 0 is
        // remembered, index 1 repeats (5 chars) and the scan jumps to 6 > 3 -> 5 / 15.
        assert_value(&DUP_5_GRAM_CHAR_FRAC, "x x x x x x x x", 5.0 / 15.0, 1e-12);
        // 16 tokens: hits at 1 (jump to 6), 6 (jump to 11), 11 -> 15 chars / 31.
        let t = vec!["x"; 16].join(" ");
        assert_value(&DUP_5_GRAM_CHAR_FRAC, &t, 15.0 / 31.0, 1e-12);
    }

    #[test]
    fn gopher_matches_a_naive_implementation() {
        // A direct transcription of datatrove's functions over chaff's tokens, on texts with
        // heavy and irregular repetition.
        let texts = [
            "a b a b a b c a b c d a b c d e a b c d e f. The end, the end, the end.",
            "To be or not to be, that is the question. To be or not to be! To be or not.",
            "x y z x y z x y z q x y z x y z x y z q x y z x y z",
            // Tokens that occur once between repeated ones, and tokens longer than 8 bytes.
            "Alpha beta gamma. Zeta beta gamma, beta gamma; eta theta beta gamma delta.",
            "Extraordinary circumstances demand extraordinary measures: extraordinary circumstances.",
        ];
        for text in texts {
            assert_gopher_ngrams_match_naive(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Random texts over a few words repeat n-grams of every length, with ties between
        /// equally common n-grams; one thread's reused buffers serve them all.
        #[test]
        fn gopher_ngrams_match_naive_on_random_repetition(
            picks in proptest::collection::vec(0usize..7, 0..600)
        ) {
            let vocab = ["the", "cat", "sat", "on", "mat", "extraordinarily", "."];
            let text: Vec<&str> = std::iter::once("A").chain(picks.iter().map(|&k| vocab[k])).collect();
            assert_gopher_ngrams_match_naive(&text.join(" "));
        }
    }

    /// The top and duplicate n-gram fractions of `text` agree with a direct transcription of
    /// datatrove's functions over chaff's tokens.
    fn assert_gopher_ngrams_match_naive(text: &str) {
        {
            let doc = Document::new(text);
            let words: Vec<String> =
                gopher_tokens(&doc).iter().map(|&(s, e)| doc.text()[s as usize..e as usize].to_string()).collect();
            let total = doc.char_count() as f64;
            for n in 2..=4usize {
                let grams: Vec<String> = words.windows(n).map(|w| w.join(" ")).collect();
                let mut counts: Vec<(String, usize)> = Vec::new();
                for g in &grams {
                    match counts.iter_mut().find(|(k, _)| k == g) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((g.clone(), 1)),
                    }
                }
                let max = counts.iter().map(|x| x.1).max().unwrap_or(0);
                let top = counts.iter().find(|x| x.1 == max).map_or(0, |(k, c)| k.len() * c);
                let f = &FEATURES_GOPHER[I_TOP_NGRAM + n - 2];
                assert_value(f, text, top as f64 / total, 1e-12);
            }
            for n in 5..=10usize {
                let mut seen = std::collections::HashSet::new();
                let (mut dup, mut idx) = (0usize, 0usize);
                while idx + n <= words.len() {
                    let g = words[idx..idx + n].concat();
                    if seen.contains(&g) {
                        dup += g.len();
                        idx += n;
                    } else {
                        seen.insert(g);
                        idx += 1;
                    }
                }
                let f = &FEATURES_GOPHER[I_DUP_NGRAM + n - 5];
                assert_value(f, text, dup as f64 / total, 1e-12);
            }
        }
    }

    const FEATURES_GOPHER: [Feature; 13] = [
        DUP_PARA_FRAC,
        DUP_PARA_CHAR_FRAC,
        DUP_LINE_FRAC,
        DUP_LINE_CHAR_FRAC,
        TOP_2_GRAM_CHAR_FRAC,
        TOP_3_GRAM_CHAR_FRAC,
        TOP_4_GRAM_CHAR_FRAC,
        DUP_5_GRAM_CHAR_FRAC,
        DUP_6_GRAM_CHAR_FRAC,
        DUP_7_GRAM_CHAR_FRAC,
        DUP_8_GRAM_CHAR_FRAC,
        DUP_9_GRAM_CHAR_FRAC,
        DUP_10_GRAM_CHAR_FRAC,
    ];

    #[test]
    fn gopher_not_applicable_cases() {
        for f in &FEATURES_GOPHER {
            assert_na(f, "");
        }
        // Line and paragraph statistics apply to every script; n-grams need spaced words.
        assert_value(&DUP_LINE_FRAC, "今日は晴れ。\n今日は晴れ。", 0.5, 1e-12);
        assert_na(&TOP_2_GRAM_CHAR_FRAC, "今日は晴れ。\n今日は晴れ。");
        assert_value(&DUP_5_GRAM_CHAR_FRAC, "Nothing repeats in this sentence at all.", 0.0, 0.0);
    }

    #[test]
    fn diversity_worked_examples() {
        let t = "The cat saw the dog.";
        assert_value(&TYPE_TOKEN_RATIO, t, 0.8, 1e-12);
        assert_value(&HAPAX_RATIO, t, 0.75, 1e-12);
        assert_value(&MATTR_50, t, 0.8, 1e-12);
        let mut words: Vec<String> = (0..50).map(|i| format!("w{i}")).collect();
        words.push("w1".into());
        assert_value(&MATTR_50, &words.join(" "), 0.99, 1e-12);
        assert_value(&MTLD, "one two three one", 4.0 / (0.25 / 0.28), 1e-9);
        assert_value(&MTLD, "yes no yes no maybe maybe", 3.0, 1e-12);
        // No factor at all: the word count, never infinity.
        assert_value(&MTLD, "one two three", 3.0, 0.0);
        for f in [TYPE_TOKEN_RATIO, HAPAX_RATIO, MATTR_50, MTLD] {
            assert_na(&f, "");
            assert_na(&f, "...");
            assert_na(&f, "今日は晴れです。");
        }
    }

    #[test]
    fn mtld_on_long_repetitive_text_is_finite_and_small() {
        let v = value(&MTLD, &"the same words again ".repeat(500)).unwrap_or(f64::NAN);
        // Every segment "the same words again the ..." falls to 0.72 within a few words.
        assert!(v > 3.0 && v < 8.0, "{v}");
    }

    #[test]
    fn compression_worked_examples() {
        assert_value(&COMPRESSION_RATIO, "a", 2.0, 0.0);
        assert_value(&COMPRESSION_RATIO, &"a".repeat(40), 12.0 / 40.0, 0.0);
        assert_na(&COMPRESSION_RATIO, "");
        // Repetition compresses better than varied text of the same length.
        let rep = value(&COMPRESSION_RATIO, &"Buy it now. ".repeat(50)).unwrap_or(1.0);
        assert!(rep < 0.1, "{rep}");
        // The compressor is reused: the same text twice gives the same value.
        let a = value(&COMPRESSION_RATIO, "The quick brown fox jumps over the lazy dog.");
        let b = value(&COMPRESSION_RATIO, "The quick brown fox jumps over the lazy dog.");
        assert_eq!(a, b);
    }

    #[test]
    fn reused_lz4_state_gives_the_one_shot_sizes() {
        // Texts on both sides of the 64 KiB table switch, in an order that goes back and forth,
        // each compressed with the reused state and with a fresh one-shot call.
        let varied: String = (0..12_000).map(|i| format!("w{} ", i * 7919 % 10_007)).collect();
        assert!(varied.len() > 70_000);
        let texts = [
            "short text, short text.".to_string(),
            varied.clone(),
            "Buy it now. ".repeat(30),
            varied[..70_000].to_string(),
            varied[..65_534].to_string(),
            varied[..65_535].to_string(),
            "a".to_string(),
        ];
        for t in &texts {
            let one_shot = lz4_flex::block::compress(t.as_bytes()).len();
            assert_eq!(lz4_compressed_len(t.as_bytes()), one_shot, "{}", t.len());
        }
    }

    #[test]
    fn repeated_opener_worked_example() {
        assert_value(&REPEATED_OPENER_RATIO, "The cat sat. The dog ran. A bird sang. The end.", 0.5, 1e-12);
        assert_value(&REPEATED_OPENER_RATIO, "One sentence only.", 0.0, 0.0);
        assert_na(&REPEATED_OPENER_RATIO, "");
        assert_na(&REPEATED_OPENER_RATIO, "... !!!");
    }
}
