//! Byte-class tests on eight bytes at a time (SWAR), for the scans that run over every word:
//! one test per word instead of a loop whose exit the CPU mispredicts at every word end.

const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x + splat(0x80 - lo)` is set when that byte (with its high
/// bit clear) is at least `lo`; no carry crosses into the next byte.
#[inline]
fn at_least(low7: u64, lo: u8) -> u64 {
    low7.wrapping_add(ONES * u64::from(0x80 - lo))
}

/// High bits of the bytes of `x` below `n` (at most 0x80), exactly, non-ASCII bytes never.
#[inline]
fn below(x: u64, n: u8) -> u64 {
    !at_least(x & !HIGH, n) & !x & HIGH
}

/// High bits of the bytes in `lo..=hi` (for bytes with their high bit clear).
#[inline]
fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    at_least(low7, lo) & !at_least(low7, hi + 1)
}

/// The high bit of every byte of `x` (little-endian) that is not an ASCII letter.
#[inline]
pub(crate) fn not_ascii_letter(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z') & !x;
    !letter & HIGH
}

/// The high bit of every byte of `x` that is not visible ASCII (`!` to `~`).
#[inline]
pub(crate) fn not_visible_ascii(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let visible = in_range(low7, b'!', b'~') & !x;
    !visible & HIGH
}

/// The end of the run from `i` of visible ASCII bytes (`!` to `~`) and single spaces: the
/// first byte that is neither, or the first space of two in a row. Eight bytes at a time (each
/// compared with the byte after it).
#[inline]
pub(crate) fn single_spaced_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(nine) = bytes.get(i..i + 9) {
        let x = u64::from_le_bytes(nine[..8].try_into().expect("eight bytes"));
        let next = u64::from_le_bytes(nine[1..].try_into().expect("eight bytes"));
        let space = equal_to(x, b' ');
        let m = (not_visible_ascii(x) & !space) | (space & equal_to(next, b' '));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if !(b' '..=b'~').contains(&b) || (b == b' ' && bytes.get(i + 1) == Some(&b' ')) {
            return i;
        }
        i += 1;
    }
    i
}

/// The first index in `i..end` whose byte `marks` flags (it gives the high bit of each flagged
/// byte of eight, little-endian; `is_marked` is the same test on one byte), or `end`. Eight
/// bytes at a time; bytes after `end` may be read but never count.
#[inline(always)]
pub(crate) fn first_marked(
    bytes: &[u8],
    mut i: usize,
    end: usize,
    marks: impl Fn(u64) -> u64,
    is_marked: impl Fn(u8) -> bool,
) -> usize {
    while i < end {
        let Some(eight) = bytes.get(i..i + 8) else { break };
        let m = marks(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
        if m != 0 {
            return end.min(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    while i < end && !is_marked(bytes[i]) {
        i += 1;
    }
    i.min(end)
}

/// The high bit of every byte of `x` (little-endian) that is not an ASCII letter or digit.
#[inline]
pub(crate) fn not_ascii_alphanumeric(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let digit = in_range(low7, b'0', b'9');
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z');
    !((digit | letter) & !x) & HIGH
}

/// The high bit of every byte of `x` equal to `b`, exactly (no false hits next to a match).
#[inline]
fn equal_to(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    // A byte of `y` is zero iff neither its high bit nor (its low seven bits + 0x7F) has bit 7.
    !((y & !HIGH).wrapping_add(!HIGH & (ONES * 0x7F)) | y) & HIGH
}

/// Is `b` flagged by [`sentence_break_candidates`]?
#[inline]
pub(crate) fn is_sentence_break_candidate(b: u8) -> bool {
    b <= 0x0D || matches!(b, b'!' | b'.' | b'/' | b'>' | b'?')
}

/// The high bit of every byte of `x` that may end a sentence in ASCII text (`.`, `!`, `?`,
/// carriage return, line feed), and of a few more that the caller tells apart: the other
/// controls up to 0x0D, `/` and `>`. `x | 0x11` is 0x3F exactly for `.`, `/`, `>` and `?`, so
/// three tests do the work of five exact comparisons.
#[inline]
pub(crate) fn sentence_break_candidates(x: u64) -> u64 {
    equal_to(x | (ONES * 0x11), 0x3F) | equal_to(x, b'!') | below(x, 0x0E)
}

/// The high bit of every byte of `x` that is a space or an ASCII control character (0x00 to
/// 0x20): the five whitespace bytes of `u8::is_ascii_whitespace` and the rare other controls,
/// told apart one byte at a time by the caller. Four operations, where five exact byte
/// comparisons take thirty.
#[inline]
fn space_or_control_bytes(x: u64) -> u64 {
    below(x, 0x21)
}

/// The end of the run of bytes from `start` that are not ASCII whitespace, and whether the
/// run is all ASCII.
#[inline]
pub(crate) fn non_whitespace_run(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut high = 0u64;
    let mut i = start;
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let mut candidates = space_or_control_bytes(x);
        while candidates != 0 {
            let k = candidates.trailing_zeros() / 8;
            if bytes[i + k as usize].is_ascii_whitespace() {
                // The bytes before the first whitespace byte.
                let before = (1u64 << (8 * k)) - 1;
                return (i + k as usize, (high | (x & before)) & HIGH == 0);
            }
            // A control character that is not whitespace: on to the next candidate.
            candidates &= candidates - 1;
        }
        high |= x;
        i += 8;
    }
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
        high |= u64::from(bytes[i]);
        i += 1;
    }
    (i, high & HIGH == 0)
}

/// How many bytes of `bytes` are ASCII letters: eight at a time, the letter flags of each
/// eight added up per byte lane (at most 255 rounds before the lanes are summed).
pub(crate) fn count_ascii_letters(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut total = 0usize;
    loop {
        let mut lanes = 0u64;
        let mut rounds = 0;
        for chunk in chunks.by_ref().take(255) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            lanes += (!not_ascii_letter(x) & HIGH) >> 7;
            rounds += 1;
        }
        // The eight lanes (up to 255 each) added pairwise into four 16-bit lanes, whose sum
        // (at most 2,040) the multiplication gathers in the top 16 bits.
        const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
        let pairs = (lanes & LOW_BYTES) + ((lanes >> 8) & LOW_BYTES);
        total += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        if rounds < 255 {
            break;
        }
    }
    total + chunks.remainder().iter().filter(|b| b.is_ascii_alphabetic()).count()
}

/// The end of the run of ASCII letters from `start`, at most `end`.
#[inline]
pub(crate) fn letter_run_end(bytes: &[u8], start: usize, end: usize) -> usize {
    first_marked(bytes, start, end, not_ascii_letter, |b| !b.is_ascii_alphabetic())
}

/// The end of the run of ASCII letters and digits from `start`.
#[inline(always)]
pub(crate) fn alphanumeric_run_end(bytes: &[u8], start: usize) -> usize {
    first_marked(bytes, start, bytes.len(), not_ascii_alphanumeric, |b| !b.is_ascii_alphanumeric())
}

/// The offset of the first non-ASCII byte, or the length.
#[inline]
pub(crate) fn first_non_ascii(bytes: &[u8]) -> usize {
    next_non_ascii(bytes, 0)
}

/// The offset of the first non-ASCII byte from `i` on, or the length.
#[inline]
pub(crate) fn next_non_ascii(bytes: &[u8], i: usize) -> usize {
    first_marked(bytes, i, bytes.len(), |x| x & HIGH, |b| b >= 0x80)
}

/// `bytes[start..end]` (at most eight bytes) as a little-endian integer, zero-padded: one
/// load instead of a loop when eight bytes are readable from `start`.
#[inline]
pub(crate) fn load_padded(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    debug_assert!(len <= 8);
    match bytes.get(start..start + 8) {
        // The mask is worked out without a branch on the length (the lengths of words vary
        // too irregularly to be predicted).
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")) & low_bytes(len),
        None => pack_short(&bytes[start..end]),
    }
}

/// Up to eight bytes as a little-endian integer, zero-padded, built from overlapping loads.
/// A copy of a variable length into a buffer would call `memcpy` and then stall the
/// eight-byte read of that buffer (the store cannot be forwarded to it).
#[inline]
pub(crate) fn pack_short(b: &[u8]) -> u64 {
    let len = b.len();
    debug_assert!(len <= 8);
    match len {
        0 => 0,
        1..=3 => {
            // The first, middle and last bytes cover every byte of one to three.
            u64::from(b[0]) | u64::from(b[len / 2]) << (8 * (len / 2)) | u64::from(b[len - 1]) << (8 * (len - 1))
        }
        _ => {
            // The first and last four bytes overlap (or meet) and cover all of four to eight.
            let four = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
            four(0) | four(len - 4) << (8 * (len - 4))
        }
    }
}

/// The mask of the low `len` bytes of a u64 (`len` at most 8), looked up: a shift by the
/// length would need a branch (or a 128-bit shift) for the eight-byte case.
#[inline]
fn low_bytes(len: usize) -> u64 {
    const MASKS: [u64; 9] = {
        let mut m = [0u64; 9];
        let mut k = 1;
        while k < 9 {
            m[k] = (m[k - 1] << 8) | 0xff;
            k += 1;
        }
        m
    };
    MASKS[len]
}

/// `bytes[start..end]` as two little-endian integers, zero-padded, when it has at most
/// sixteen bytes (else `None`). Where sixteen bytes are readable from `start` (nearly
/// always), two loads and two masks, without a branch on whether the slice is longer than
/// eight bytes (word lengths vary too irregularly for such a branch to be predicted).
#[inline(always)]
pub(crate) fn load_padded16(bytes: &[u8], start: usize, end: usize) -> Option<[u64; 2]> {
    let len = end - start;
    if len > 16 {
        return None;
    }
    let Some(sixteen) = bytes.get(start..start + 16) else {
        let mid = end.min(start + 8);
        return Some([load_padded(bytes, start, mid), load_padded(bytes, mid, end)]);
    };
    let word = |at: usize| u64::from_le_bytes(sixteen[at..at + 8].try_into().expect("eight bytes"));
    Some([word(0) & low_bytes(len.min(8)), word(8) & low_bytes(len.saturating_sub(8))])
}

/// A 0xff byte just above the low `len` bytes (0 for eight): after a word of `len` bytes,
/// padded with zeros, it tells the word from the same bytes followed by NUL bytes.
#[inline]
pub(crate) fn length_marker(len: usize) -> u64 {
    low_bytes((len + 1).min(8)) & !low_bytes(len)
}

/// Are `bytes[start..end]` all ASCII letters? Reads whole eight-byte words (the last one
/// overlapping the one before, or padded with letters when the slice is shorter).
#[inline]
pub(crate) fn all_ascii_letters(bytes: &[u8], start: usize, end: usize) -> bool {
    let len = end - start;
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let letters = ONES * u64::from(b'a');
    // (Near the end of the text, where sixteen bytes cannot be read, the paths below.)
    if let Some([x0, x1]) = (start + 16 <= bytes.len()).then(|| load_padded16(bytes, start, end)).flatten() {
        // Nearly every word: the padding read as 'a'.
        let (pad0, pad1) = (!low_bytes(len.min(8)), !low_bytes(len.saturating_sub(8)));
        return not_ascii_letter(x0 | (letters & pad0)) | not_ascii_letter(x1 | (letters & pad1)) == 0;
    }
    if len >= 8 {
        let mut at = start;
        while at + 8 < end {
            if not_ascii_letter(word(at)) != 0 {
                return false;
            }
            at += 8;
        }
        return not_ascii_letter(word(end - 8)) == 0;
    }
    if start + 8 > bytes.len() {
        return bytes[start..end].iter().all(u8::is_ascii_alphabetic);
    }
    // The bytes after the slice read as 'a'.
    let keep = low_bytes(len);
    let x = (word(start) & keep) | (letters & !keep);
    not_ascii_letter(x) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packing and padded loads give each byte its place, at every length and at the end of
    /// the buffer (where the eight-byte load is not possible).
    #[test]
    fn packs_short_byte_strings_in_place() {
        let bytes: Vec<u8> = (0..12u8).map(|i| 0xf0 ^ (i * 17)).collect();
        for start in 0..bytes.len() {
            for end in start..(start + 8).min(bytes.len()) + 1 {
                let mut eight = [0u8; 8];
                eight[..end - start].copy_from_slice(&bytes[start..end]);
                let expected = u64::from_le_bytes(eight);
                assert_eq!(pack_short(&bytes[start..end]), expected, "{start}..{end}");
                assert_eq!(load_padded(&bytes, start, end), expected, "{start}..{end}");
            }
        }
        assert_eq!(pack_short(b"abc"), 0x63_62_61);
        assert_eq!(pack_short(b"abcde"), 0x65_64_63_62_61);
        assert_eq!(pack_short(b""), 0);
    }

    /// Every byte in every position agrees with the one-byte tests.
    #[test]
    fn agrees_with_the_byte_tests() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut eight = [b'a'; 8];
                eight[lane] = b;
                let x = u64::from_le_bytes(eight);
                let bit = |not: bool| u64::from(not) << (lane * 8 + 7);
                assert_eq!(not_ascii_letter(x), bit(!b.is_ascii_alphabetic()), "byte {b} lane {lane}");
                assert_eq!(not_ascii_alphanumeric(x), bit(!b.is_ascii_alphanumeric()), "byte {b} lane {lane}");
                let breaks = is_sentence_break_candidate(b);
                assert!(breaks || !matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'));
                assert_eq!(sentence_break_candidates(x), bit(breaks), "byte {b} lane {lane}");
                assert_eq!(space_or_control_bytes(x), bit(b <= 0x20), "byte {b} lane {lane}");
                assert_eq!(not_visible_ascii(x), bit(!b.is_ascii_graphic()), "byte {b} lane {lane}");
                // Next to a match, on either side, a byte is still judged on its own.
                for other in [b'.', 0, 1, 0xFF] {
                    let mut pair = [other; 8];
                    pair[lane] = b;
                    let other_bit = |l: usize| u64::from(is_sentence_break_candidate(other)) << (l * 8 + 7);
                    let want = (0..8).filter(|&l| l != lane).map(other_bit).sum::<u64>() | bit(breaks);
                    assert_eq!(
                        sentence_break_candidates(u64::from_le_bytes(pair)),
                        want,
                        "byte {b} lane {lane} among {other}"
                    );
                }
            }
        }
    }

    #[test]
    fn sentence_break_candidates_are_few() {
        // The five sentence-break bytes among 19: the controls 0x00 to 0x0D and ! . / > ?.
        let flagged: Vec<u8> = (0..=255u8).filter(|&b| is_sentence_break_candidate(b)).collect();
        assert_eq!(flagged.len(), 19);
        assert!([b'.', b'!', b'?', b'\r', b'\n'].iter().all(|b| flagged.contains(b)));
    }

    #[test]
    fn whitespace_and_letter_runs() {
        let text = "Wordsmithing\twords,  déjà vu:\r\nabcdefghijklmnopq rstuvwxyz0 \x0b\x0cend\x00of\x1fthe\x01\x0b\x02 t\x7f!";
        let b = text.as_bytes();
        for start in 0..b.len() {
            let end = (start..b.len()).find(|&i| b[i].is_ascii_whitespace()).unwrap_or(b.len());
            assert_eq!(non_whitespace_run(b, start), (end, b[start..end].is_ascii()), "from {start}");
            for limit in start..=b.len() {
                let letters = (start..limit).find(|&i| !b[i].is_ascii_alphabetic()).unwrap_or(limit);
                assert_eq!(letter_run_end(b, start, limit), letters, "{start}..{limit}");
            }
        }
        let spaced = "Two  spaces, one space,   three\tand a tab; a line end \nnext  and the end ";
        for text in [text, spaced, "a b", "a  b", "ab ", ""] {
            let b = text.as_bytes();
            for start in 0..b.len() {
                let stop = |i: usize| !(b' '..=b'~').contains(&b[i]) || (b[i] == b' ' && b.get(i + 1) == Some(&b' '));
                let run = (start..b.len()).find(|&i| stop(i)).unwrap_or(b.len());
                assert_eq!(single_spaced_run_end(b, start), run, "{text:?} from {start}");
            }
        }
        assert_eq!(single_spaced_run_end(spaced.as_bytes(), 0), 3);
        assert_eq!(single_spaced_run_end(spaced.as_bytes(), 5), 23);
        for start in 0..b.len() {
            let alnum = (start..b.len()).find(|&i| !b[i].is_ascii_alphanumeric()).unwrap_or(b.len());
            assert_eq!(alphanumeric_run_end(b, start), alnum, "from {start}");
            let non_ascii = b[start..].iter().position(|&c| c >= 0x80).map_or(b.len() - start, |p| p);
            assert_eq!(first_non_ascii(&b[start..]), non_ascii, "from {start}");
        }
        assert_eq!(first_non_ascii(b), 22);
        assert_eq!(first_non_ascii(b"plain"), 5);
        assert_eq!(non_whitespace_run(b, 0), (12, true));
        assert_eq!(non_whitespace_run(b, 21), (27, false)); // "déjà": two 2-byte letters
    }

    #[test]
    fn ascii_letters_are_counted() {
        assert_eq!(count_ascii_letters(b""), 0);
        assert_eq!(count_ascii_letters(b"Ab1 z"), 3);
        // 8-byte chunks with every byte value, more than 255 chunks of 8 letters (lanes must not
        // overflow), and tails of every length.
        let all: Vec<u8> = (0..=255u8).collect();
        let many = b"abcdefgh".repeat(300);
        for text in [&all[..], &many[..], "déjà vu, ZZ_top[`{@".as_bytes()] {
            for end in 0..=text.len().min(40) {
                let piece = &text[..end];
                assert_eq!(count_ascii_letters(piece), piece.iter().filter(|b| b.is_ascii_alphabetic()).count());
            }
            assert_eq!(count_ascii_letters(text), text.iter().filter(|b| b.is_ascii_alphabetic()).count());
        }
        assert_eq!(count_ascii_letters(&many), 2400);
        assert_eq!(count_ascii_letters(&all), 52);
    }

    #[test]
    fn padded_loads_of_sixteen() {
        let b = b"abcdefghijklmnopqrstuvwxyz";
        let le = |s: &[u8]| {
            let mut eight = [0u8; 8];
            eight[..s.len()].copy_from_slice(s);
            u64::from_le_bytes(eight)
        };
        for start in 0..b.len() {
            for end in start..=b.len() {
                let want = (end - start <= 16).then(|| {
                    let s = &b[start..end];
                    [le(&s[..s.len().min(8)]), le(&s[s.len().min(8)..])]
                });
                assert_eq!(load_padded16(b, start, end), want, "{start}..{end}");
            }
        }
        assert_eq!(load_padded16(b, 0, 9), Some([u64::from_le_bytes(*b"abcdefgh"), u64::from(b'i')]));
    }

    #[test]
    fn padded_loads() {
        let b = b"abcdefghij";
        assert_eq!(load_padded(b, 0, 0), 0);
        assert_eq!(load_padded(b, 0, 1), u64::from(b'a'));
        assert_eq!(load_padded(b, 1, 3), u64::from(b'b') | u64::from(b'c') << 8);
        assert_eq!(load_padded(b, 0, 8), u64::from_le_bytes(*b"abcdefgh"));
        // Near the end, where eight bytes cannot be read.
        assert_eq!(load_padded(b, 8, 10), u64::from(b'i') | u64::from(b'j') << 8);
        assert_eq!(load_padded(b, 3, 10), u64::from_le_bytes(*b"defghij\0"));
    }

    #[test]
    fn letters_in_slices_of_every_length() {
        let text = "Wordsmithing words, déjà vu: abcdefghijklmnopq rstuvwxyz0";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len() {
                assert_eq!(
                    all_ascii_letters(b, start, end),
                    b[start..end].iter().all(u8::is_ascii_alphabetic),
                    "{start}..{end}"
                );
            }
        }
        assert!(all_ascii_letters(b, 0, 12));
        assert!(!all_ascii_letters(b, 0, 13));
    }
}
