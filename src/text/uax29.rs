//! Fast UAX #29 segmentation of normalised text, checked against `unicode-segmentation`.
//!
//! `unicode-segmentation` is the reference implementation of Unicode word and sentence
//! boundaries, but its sentence iterator runs at about 40 MB/s and its word iterator at about
//! 100 MB/s, which alone would take the whole feature budget (25 MB/s for everything). This
//! module gives the same boundaries faster:
//!
//! - words: text is cut at ASCII whitespace (a UAX #29 word boundary on both sides in
//!   normalised text); pure-ASCII pieces are segmented by the rules WB5-WB13b with the ASCII
//!   classes (letters, digits, `: . ' , ; _`), other pieces by `unicode-segmentation`;
//! - sentences: the rules SB3-SB11, with character classes from Rust's Unicode properties
//!   (`is_lowercase`, `is_uppercase`, `is_alphabetic`, `is_numeric`, `is_whitespace`) and tables
//!   of the terminators, closing punctuation, continuation punctuation and extending marks
//!   that occur in practice.
//!
//! The property tests at the bottom check that both agree with `unicode-segmentation` on random
//! strings over an alphabet that covers every class (ASCII, accented Latin, Greek, Cyrillic,
//! CJK, kana, CJK and Arabic punctuation, guillemets, dashes, combining marks, emoji).
//! Deviations are limited to characters outside the tables (rare terminators of other scripts,
//! numeric symbols such as ² or ½).

use super::ascii;
use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of the UAX #29 word segments of `text` that are not whitespace.
pub(crate) fn word_segments(text: &str, mut emit: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let ascii;
        (i, ascii) = ascii::non_whitespace_run(bytes, start);
        if ascii {
            ascii_word_segments(bytes, start, i, &mut emit);
        } else {
            for (off, seg) in text[start..i].split_word_bound_indices() {
                if !seg.chars().all(char::is_whitespace) {
                    emit(start + off, start + off + seg.len());
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wb {
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLetQ,
    ExtendNumLet,
    Other,
}

/// Word-break class of every ASCII byte (non-ASCII bytes never reach it).
static ASCII_WB: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_wb_slow(b as u8);
        b += 1;
    }
    t
};

#[inline]
fn ascii_wb(b: u8) -> Wb {
    ASCII_WB[(b & 0x7F) as usize]
}

const fn ascii_wb_slow(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b':' => Wb::MidLetter,
        b',' | b';' => Wb::MidNum,
        b'.' | b'\'' => Wb::MidNumLetQ,
        b'_' => Wb::ExtendNumLet,
        _ => Wb::Other,
    }
}

/// WB5-WB13b on `text[start..end]`, a piece of ASCII text without whitespace.
fn ascii_word_segments(text: &[u8], start: usize, end: usize, emit: &mut impl FnMut(usize, usize)) {
    let b = &text[..end];
    let n = end;
    let mut s = start;
    while s < n {
        let mut e = s + 1;
        if matches!(ascii_wb(b[s]), Wb::Letter | Wb::Numeric | Wb::ExtendNumLet) {
            // Letters always join letters (WB5): skip a run of them at once.
            e = ascii::letter_run_end(text, s, n).max(e);
            while e < n {
                let prev = ascii_wb(b[e - 1]);
                let cur = ascii_wb(b[e]);
                let joins = matches!(
                    (prev, cur),
                    (Wb::Letter | Wb::Numeric | Wb::ExtendNumLet, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet)
                );
                if joins {
                    e += 1;
                    continue;
                }
                if e + 1 < n {
                    let next = ascii_wb(b[e + 1]);
                    let letter_mid =
                        prev == Wb::Letter && matches!(cur, Wb::MidLetter | Wb::MidNumLetQ) && next == Wb::Letter;
                    let number_mid =
                        prev == Wb::Numeric && matches!(cur, Wb::MidNum | Wb::MidNumLetQ) && next == Wb::Numeric;
                    if letter_mid || number_mid {
                        e += 2;
                        continue;
                    }
                }
                break;
            }
        }
        emit(s, e);
        s = e;
    }
}

/// Sentence-break classes (UAX #29, table 4).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sb {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Other,
    /// Not a class of UAX #29: a byte of [`SparseClasses`] that is not the first of a
    /// character, or an extending mark attached to the character before it (SB5).
    Skip,
}

/// Sentence-break class of every ASCII byte.
static ASCII_SB: [Sb; 128] = {
    let mut t = [Sb::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_sb_slow(b as u8);
        b += 1;
    }
    t
};

#[inline]
fn ascii_sb(b: u8) -> Sb {
    ASCII_SB[(b & 0x7F) as usize]
}

const fn ascii_sb_slow(b: u8) -> Sb {
    match b {
        b'\r' => Sb::Cr,
        b'\n' => Sb::Lf,
        b' ' | b'\t' | 0x0B | 0x0C => Sb::Sp,
        b'a'..=b'z' => Sb::Lower,
        b'A'..=b'Z' => Sb::Upper,
        b'0'..=b'9' => Sb::Numeric,
        b'.' => Sb::ATerm,
        b'!' | b'?' => Sb::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sb::Close,
        b',' | b'-' | b':' | b';' => Sb::SContinue,
        _ => Sb::Other,
    }
}

/// Combining marks, joiners, variation selectors and invisible format characters: the
/// characters that UAX #29 attaches to the character before them (WB4, SB5).
pub(crate) fn is_extend(c: char) -> bool {
    !c.is_ascii() && sb_class(c) == Sb::Extend
}

fn sb_class(c: char) -> Sb {
    if c.is_ascii() {
        return ascii_sb(c as u8);
    }
    let u = c as u32;
    match u {
        0x0085 | 0x2028 | 0x2029 => Sb::Sep,
        0x2024 | 0xFE52 | 0xFF0E => Sb::ATerm,
        0x0589
        | 0x061D..=0x061F
        | 0x06D4
        | 0x0700..=0x0702
        | 0x07F9
        | 0x0964
        | 0x0965
        | 0x104A
        | 0x104B
        | 0x1362
        | 0x1367
        | 0x1368
        | 0x166E
        | 0x1803
        | 0x1809
        | 0x203C
        | 0x203D
        | 0x2047..=0x2049
        | 0x2E2E
        | 0x2E3C
        | 0x3002
        | 0xA4FF
        | 0xA60E
        | 0xA60F
        | 0xA6F3
        | 0xA6F7
        | 0xFE56
        | 0xFE57
        | 0xFF01
        | 0xFF1F
        | 0xFF61 => Sb::STerm,
        0x00AB
        | 0x00BB
        | 0x2018..=0x201F
        | 0x2039
        | 0x203A
        | 0x2045
        | 0x2046
        | 0x207D
        | 0x207E
        | 0x208D
        | 0x208E
        | 0x2308..=0x230B
        | 0x2329
        | 0x232A
        | 0x275B..=0x2760
        | 0x2768..=0x2775
        | 0x27C5
        | 0x27C6
        | 0x27E6..=0x27EF
        | 0x2983..=0x2998
        | 0x29D8..=0x29DB
        | 0x29FC
        | 0x29FD
        | 0x2E00..=0x2E0D
        | 0x2E1C
        | 0x2E1D
        | 0x2E20..=0x2E29
        | 0x3008..=0x3011
        | 0x3014..=0x301B
        | 0x301D..=0x301F
        | 0xFD3E
        | 0xFD3F
        | 0xFE17
        | 0xFE18
        | 0xFE35..=0xFE44
        | 0xFE47
        | 0xFE48
        | 0xFE59..=0xFE5E
        | 0xFF08
        | 0xFF09
        | 0xFF3B
        | 0xFF3D
        | 0xFF5B
        | 0xFF5D
        | 0xFF5F
        | 0xFF60
        | 0xFF62
        | 0xFF63
        | 0x0F3A..=0x0F3D
        | 0x169B
        | 0x169C => Sb::Close,
        0x055D | 0x060C | 0x060D | 0x07F8 | 0x1802 | 0x1808 | 0x2013 | 0x2014 | 0x3001 | 0xFE10 | 0xFE11 | 0xFE13
        | 0xFE31 | 0xFE32 | 0xFE50 | 0xFE51 | 0xFE55 | 0xFE58 | 0xFE63 | 0xFF0C | 0xFF0D | 0xFF1A | 0xFF1B | 0xFF64 => {
            Sb::SContinue
        }
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C
        | 0x200D
        | 0x20D0..=0x20FF
        | 0x3099
        | 0x309A
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0x00AD
        | 0x200B
        | 0x200E
        | 0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0xFEFF => Sb::Extend,
        _ if c.is_whitespace() => Sb::Sp,
        _ if c.is_lowercase() => Sb::Lower,
        _ if c.is_uppercase() => Sb::Upper,
        _ if c.is_alphabetic() => Sb::OLetter,
        _ if c.is_numeric() && !matches!(u, 0x00B2 | 0x00B3 | 0x00B9 | 0x00BC..=0x00BE) => Sb::Numeric,
        _ => Sb::Other,
    }
}

/// Does an extending mark belong to the character before it, of class `previous` (`None` at
/// the start)? It does (SB5) unless there is none or it is a line or paragraph separator; a
/// mark that does not is classified as Other.
fn attaches_to(previous: Option<Sb>) -> bool {
    previous.is_some_and(|p| !matches!(p, Sb::Cr | Sb::Lf | Sb::Sep))
}

/// The sentence-break classes of a text's significant characters, with their byte offsets.
trait Classes {
    fn len(&self) -> usize;
    fn class(&self, i: usize) -> Sb;
    fn offset(&self, i: usize) -> usize;
    /// The first index from `from` on that may hold a CR, LF, Sep, ATerm or STerm (the only
    /// classes that can start a break); any earlier one would do, so the default is `from`.
    #[inline]
    fn next_break_candidate(&self, from: usize) -> usize {
        from
    }
    /// The index of the character after the one at `i` (or [`Classes::len`]).
    #[inline]
    fn next(&self, i: usize) -> usize {
        i + 1
    }
    /// The index of the character before the one at `i > 0`.
    #[inline]
    fn prev(&self, i: usize) -> usize {
        i - 1
    }
}

/// ASCII text: one character per byte, classes from a table.
struct AsciiClasses<'a>(&'a [u8]);

impl Classes for AsciiClasses<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn class(&self, i: usize) -> Sb {
        ascii_sb(self.0[i])
    }
    #[inline]
    fn offset(&self, i: usize) -> usize {
        i
    }
    /// Eight bytes at a time: in prose only about one byte in fifty can end a sentence.
    #[inline]
    fn next_break_candidate(&self, from: usize) -> usize {
        let b = self.0;
        ascii::first_marked(b, from, b.len(), ascii::sentence_break_candidates, ascii::is_sentence_break_candidate)
    }
}

/// Other text: significant characters listed with their offsets; extending marks belong to the
/// character before them (SB5), except after a paragraph separator.
struct CharClasses(Vec<(u32, Sb)>);

impl CharClasses {
    /// Classify `text`, reusing the buffer.
    fn fill(&mut self, text: &str) {
        let cls = &mut self.0;
        cls.clear();
        cls.reserve(text.len());
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most characters of a line with an accent or a dash are still ASCII: their runs
            // are found eight bytes at a time and classified in one go.
            if bytes[i] < 0x80 {
                let run_end = ascii::next_non_ascii(bytes, i);
                cls.extend((i..run_end).map(|k| (k as u32, ascii_sb(bytes[k]))));
                i = run_end;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            let at = i;
            i += c.len_utf8();
            let k = sb_class(c);
            if k == Sb::Extend {
                if attaches_to(cls.last().map(|&(_, p)| p)) {
                    continue;
                }
                cls.push((at as u32, Sb::Other));
                continue;
            }
            cls.push((at as u32, k));
        }
    }
}

impl Classes for CharClasses {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn class(&self, i: usize) -> Sb {
        self.0[i].1
    }
    #[inline]
    fn offset(&self, i: usize) -> usize {
        self.0[i].0 as usize
    }
    #[inline]
    fn next_break_candidate(&self, from: usize) -> usize {
        let rest = self.0.get(from..).unwrap_or_default();
        from + rest.iter().take_while(|(_, k)| !matches!(k, Sb::Cr | Sb::Lf | Sb::Sep | Sb::ATerm | Sb::STerm)).count()
    }
}

/// A line that is mostly ASCII, indexed by byte: ASCII bytes are classified from the table
/// and the few other characters are listed with their classes. The other bytes of a character,
/// and extending marks attached to the character before them (SB5), are [`Sb::Skip`], passed
/// over by [`Classes::next`] and [`Classes::prev`]. An em dash or an accent in a paragraph
/// then costs a lookup, not a classified copy of the whole paragraph as in [`CharClasses`].
struct SparseClasses<'a> {
    bytes: &'a [u8],
    /// Byte offset and class of each character that is not ASCII, in order.
    wide: Vec<(u32, Sb)>,
}

impl<'a> SparseClasses<'a> {
    /// Classify `line` if at most one byte in [`SPARSE_MIN_BYTES_PER_WIDE`] starts a character
    /// that is not ASCII; `None` for denser text, which [`CharClasses`] handles better.
    fn of(line: &'a str, wide: &mut Vec<(u32, Sb)>) -> Option<SparseClasses<'a>> {
        let bytes = line.as_bytes();
        wide.clear();
        let limit = bytes.len() / SPARSE_MIN_BYTES_PER_WIDE;
        // The class of the last character that is not Skip (`None` at the start of the line).
        let mut last: Option<Sb> = None;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i = ascii::next_non_ascii(bytes, i);
                last = Some(ascii_sb(bytes[i - 1]));
                continue;
            }
            if wide.len() >= limit {
                return None;
            }
            let Some(c) = line[i..].chars().next() else { break };
            let mut k = sb_class(c);
            if k == Sb::Extend {
                k = if attaches_to(last) { Sb::Skip } else { Sb::Other };
            }
            wide.push((i as u32, k));
            if k != Sb::Skip {
                last = Some(k);
            }
            i += c.len_utf8();
        }
        Some(SparseClasses { bytes, wide: std::mem::take(wide) })
    }

    /// The class of the character that starts at byte `i`, which is not ASCII.
    #[cold]
    fn wide_class(&self, i: usize) -> Sb {
        match self.wide.binary_search_by_key(&(i as u32), |&(at, _)| at) {
            Ok(k) => self.wide[k].1,
            Err(_) => Sb::Skip,
        }
    }
}

/// [`SparseClasses`] are used for lines with at most one character that is not ASCII per
/// this many bytes.
const SPARSE_MIN_BYTES_PER_WIDE: usize = 16;

impl Classes for SparseClasses<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.bytes.len()
    }
    #[inline]
    fn class(&self, i: usize) -> Sb {
        let b = self.bytes[i];
        if b < 0x80 {
            ascii_sb(b)
        } else if b & 0xC0 == 0x80 {
            Sb::Skip
        } else {
            self.wide_class(i)
        }
    }
    #[inline]
    fn offset(&self, i: usize) -> usize {
        i
    }
    #[inline]
    fn next(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.bytes.len() && self.bytes[j] >= 0x80 && self.class(j) == Sb::Skip {
            j += 1;
        }
        j
    }
    #[inline]
    fn prev(&self, i: usize) -> usize {
        let mut j = i - 1;
        // The first character of a line is never Skip.
        while j > 0 && self.bytes[j] >= 0x80 && self.class(j) == Sb::Skip {
            j -= 1;
        }
        j
    }
    /// The first ASCII terminator or line end found eight bytes at a time, or an earlier
    /// character of another script that can end a sentence.
    #[inline]
    fn next_break_candidate(&self, from: usize) -> usize {
        let b = self.bytes;
        let ascii =
            ascii::first_marked(b, from, b.len(), ascii::sentence_break_candidates, ascii::is_sentence_break_candidate);
        let first_wide = self.wide.partition_point(|&(at, _)| (at as usize) < from);
        self.wide[first_wide..]
            .iter()
            .take_while(|&&(at, _)| (at as usize) < ascii)
            .find(|(_, k)| matches!(k, Sb::Cr | Sb::Lf | Sb::Sep | Sb::ATerm | Sb::STerm))
            .map_or(ascii, |&(at, _)| at as usize)
    }
}

/// Byte ranges of the UAX #29 sentence segments of `text` (whitespace after a sentence belongs
/// to it, as in `unicode-segmentation`).
pub(crate) fn sentence_segments(text: &str) -> Vec<(usize, usize)> {
    // Prose has a sentence every hundred or so bytes.
    let mut out = Vec::with_capacity(text.len() / 96 + 4);
    if text.is_ascii() {
        segment_sentences(&AsciiClasses(text.as_bytes()), text.len(), 0, &mut out);
        return out;
    }
    // A line feed always ends a sentence (SB4) and no rule looks across one, so each line can
    // be segmented on its own: lines of pure ASCII then take the fast path even when another
    // line of the text has an em dash or an accent.
    let mut classes = CharClasses(Vec::new());
    let mut wide = Vec::new();
    let mut base = 0;
    for line in text.split_inclusive('\n') {
        if line.is_ascii() {
            segment_sentences(&AsciiClasses(line.as_bytes()), line.len(), base, &mut out);
        } else if let Some(sparse) = SparseClasses::of(line, &mut wide) {
            segment_sentences(&sparse, line.len(), base, &mut out);
            wide = sparse.wide;
        } else {
            classes.fill(line);
            segment_sentences(&classes, line.len(), base, &mut out);
        }
        base += line.len();
    }
    out
}

/// Append the segments of a text (or line) of `text_len` bytes classified as `cls` to `out`,
/// offset by `base`.
fn segment_sentences<C: Classes>(cls: &C, text_len: usize, base: usize, out: &mut Vec<(usize, usize)>) {
    let n = cls.len();
    let offset = |i: usize| if i < n { cls.offset(i) } else { text_len };
    let mut start = 0usize;
    let mut cut = |at: usize, out: &mut Vec<(usize, usize)>| {
        if at > start {
            out.push((base + start, base + at));
            start = at;
        }
    };
    let mut i = 0;
    while i < n {
        match cls.class(i) {
            Sb::Cr => {
                let next = cls.next(i);
                let end = if next < n && cls.class(next) == Sb::Lf { cls.next(next) } else { next };
                cut(offset(end), out);
                i = end;
            }
            Sb::Lf | Sb::Sep => {
                let next = cls.next(i);
                cut(offset(next), out);
                i = next;
            }
            t @ (Sb::ATerm | Sb::STerm) => {
                let aterm = t == Sb::ATerm;
                let after = cls.next(i);
                if aterm && after < n {
                    let next = cls.class(after);
                    // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
                    if next == Sb::Numeric
                        || (next == Sb::Upper && i > 0 && matches!(cls.class(cls.prev(i)), Sb::Upper | Sb::Lower))
                    {
                        i = after;
                        continue;
                    }
                }
                let mut j = after;
                while j < n && cls.class(j) == Sb::Close {
                    j = cls.next(j);
                }
                let mut k = j;
                while k < n && cls.class(k) == Sb::Sp {
                    k = cls.next(k);
                }
                if k >= n {
                    break;
                }
                match cls.class(k) {
                    Sb::Cr => {
                        let next = cls.next(k);
                        let end = if next < n && cls.class(next) == Sb::Lf { cls.next(next) } else { next };
                        cut(offset(end), out);
                        i = end;
                    }
                    Sb::Lf | Sb::Sep => {
                        let next = cls.next(k);
                        cut(offset(next), out);
                        i = next;
                    }
                    next => {
                        if aterm {
                            // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
                            let mut m = k;
                            while m < n
                                && !matches!(
                                    cls.class(m),
                                    Sb::OLetter
                                        | Sb::Upper
                                        | Sb::Lower
                                        | Sb::Cr
                                        | Sb::Lf
                                        | Sb::Sep
                                        | Sb::ATerm
                                        | Sb::STerm
                                )
                            {
                                m += 1;
                            }
                            if m < n && cls.class(m) == Sb::Lower {
                                i = k;
                                continue;
                            }
                        }
                        // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
                        if matches!(next, Sb::SContinue | Sb::ATerm | Sb::STerm) {
                            i = k;
                            continue;
                        }
                        // SB11: break after the closing punctuation and spaces.
                        cut(offset(k), out);
                        i = k;
                    }
                }
            }
            _ => i = cls.next_break_candidate(i + 1),
        }
    }
    cut(text_len, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference_words(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .filter(|(_, s)| !s.chars().all(char::is_whitespace))
            .map(|(i, s)| (i, i + s.len()))
            .collect()
    }

    fn fast_words(text: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        word_segments(text, |s, e| v.push((s, e)));
        v
    }

    fn reference_sentences(text: &str) -> Vec<(usize, usize)> {
        if text.is_empty() {
            return Vec::new();
        }
        text.split_sentence_bound_indices().map(|(i, s)| (i, i + s.len())).collect()
    }

    /// Characters of every class the segmenters distinguish.
    const ALPHABET: &[char] = &[
        'a', 'b', 'z', 'A', 'B', 'Z', 'é', 'É', 'ß', 'ñ', 'λ', 'Σ', 'ж', 'Д', '0', '7', '9', ' ', ' ', ' ', '\n', '\t',
        '.', '.', '!', '?', ',', ';', ':', '\'', '"', '(', ')', '[', '_', '-', '$', '%', '#', '/', '&', '*', '«', '»',
        '—', '–', '、', '。', '！', '？', '「', '」', '日', '本', 'あ', 'カ', 'ー', '\u{0301}', '🙂', '€', '،', '؟',
        'ا',
    ];

    fn text_strategy() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..60).prop_map(|v| v.into_iter().collect())
    }

    /// Long ASCII texts, which take the eight-bytes-at-a-time paths.
    fn ascii_strategy() -> impl Strategy<Value = String> {
        let ascii: Vec<char> = ALPHABET.iter().copied().filter(char::is_ascii).collect();
        proptest::collection::vec(proptest::sample::select(ascii), 0..200).prop_map(|v| v.into_iter().collect())
    }

    /// Long texts of ASCII with a few other characters (a dash, an accent, a combining
    /// mark, a line separator), the shape that [`SparseClasses`] segments.
    fn mostly_ascii_strategy() -> impl Strategy<Value = String> {
        let ascii: Vec<char> = ALPHABET.iter().copied().filter(char::is_ascii).chain(['\r']).collect();
        let other: Vec<char> =
            ALPHABET.iter().copied().filter(|c| !c.is_ascii()).chain(['\u{2028}', '\u{0085}', '\u{200D}']).collect();
        let char = prop_oneof![40 => proptest::sample::select(ascii), 1 => proptest::sample::select(other)];
        proptest::collection::vec(char, 0..400).prop_map(|v| v.into_iter().collect())
    }

    /// [`sentence_segments`] with every line that is not ASCII classified by
    /// [`SparseClasses`], however dense its other characters.
    fn sparse_sentences(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut base = 0;
        for line in text.split_inclusive('\n') {
            let wide = line.char_indices().filter(|(_, c)| !c.is_ascii()).count();
            let padded = format!("{line}{}", " ".repeat(wide * SPARSE_MIN_BYTES_PER_WIDE));
            let sparse = SparseClasses::of(&padded, &mut Vec::new()).expect("sparse enough");
            let sparse = SparseClasses { bytes: line.as_bytes(), wide: sparse.wide };
            segment_sentences(&sparse, line.len(), base, &mut out);
            base += line.len();
        }
        out
    }

    fn normalised_strategy() -> impl Strategy<Value = String> {
        text_strategy().prop_map(|s| crate::text::normalize::normalize(&s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn words_match_unicode_segmentation(text in normalised_strategy()) {
            prop_assert_eq!(fast_words(&text), reference_words(&text));
        }

        #[test]
        fn sentences_match_unicode_segmentation(text in text_strategy()) {
            prop_assert_eq!(sentence_segments(&text), reference_sentences(&text));
        }

        #[test]
        fn sparse_sentences_match_unicode_segmentation(text in text_strategy()) {
            prop_assert_eq!(sparse_sentences(&text), reference_sentences(&text));
        }

        #[test]
        fn mostly_ascii_sentences_match_unicode_segmentation(text in mostly_ascii_strategy()) {
            prop_assert_eq!(sentence_segments(&text), reference_sentences(&text));
        }

        #[test]
        fn ascii_words_match_unicode_segmentation(text in ascii_strategy()) {
            prop_assert_eq!(fast_words(&text), reference_words(&text));
        }

        #[test]
        fn ascii_sentences_match_unicode_segmentation(text in ascii_strategy()) {
            prop_assert_eq!(sentence_segments(&text), reference_sentences(&text));
        }
    }

    #[test]
    fn worked_examples() {
        let t = "Mr. Smith paid $1,500.50 for U.S. stock, didn't he? Yes!\nNext line";
        let words: Vec<&str> = fast_words(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            words,
            [
                "Mr", ".", "Smith", "paid", "$", "1,500.50", "for", "U.S", ".", "stock", ",", "didn't", "he", "?",
                "Yes", "!", "Next", "line"
            ]
        );
        let sents: Vec<&str> = sentence_segments(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(sents, ["Mr. ", "Smith paid $1,500.50 for U.S. stock, didn't he? ", "Yes!\n", "Next line"]);
        assert_eq!(sentence_segments(t), reference_sentences(t));
    }
}
