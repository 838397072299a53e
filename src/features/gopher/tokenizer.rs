//! The tokeniser of the Gopher n-grams: chaff's model of spaCy's blank English tokenizer,
//! which datatrove uses. Each whitespace-separated chunk is split the way spaCy splits it;
//! the special cases (abbreviations, emoticons, contractions) come from
//! `src/lexicon/en/spacy_exceptions.txt` and the rules below.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::ascii::all_ascii_letters;
use crate::text::Document;

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

/// Strings spaCy's English tokenizer keeps whole (abbreviations with their period,
/// emoticons), one per line after a `#` header.
const EXCEPTIONS: &str = include_str!("../../lexicon/en/spacy_exceptions.txt");

/// The entries of [`EXCEPTIONS`].
fn exceptions() -> impl Iterator<Item = &'static str> {
    EXCEPTIONS.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

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
    for a in exceptions() {
        map.insert(a.to_string(), vec![a.len() as u8]);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn exceptions_file_is_clean() {
        let path = "src/lexicon/en/spacy_exceptions.txt";
        assert!(EXCEPTIONS.starts_with("# en/spacy_exceptions:"), "{path}: header missing");
        let entries: Vec<&str> = exceptions().collect();
        assert!(entries.len() > 100, "{path}: {} entries, the list looks truncated", entries.len());
        for (k, e) in entries.iter().enumerate() {
            assert!(!e.contains(char::is_whitespace), "{path}: {e:?} has whitespace");
            assert!(e.len() <= MAX_SPECIAL, "{path}: {e:?} is longer than {MAX_SPECIAL} bytes");
            if k > 0 {
                assert!(
                    entries[k - 1] < *e,
                    "{path}: {:?} then {e:?}: sort in byte order, no duplicates",
                    entries[k - 1]
                );
            }
        }
        // They are special cases: kept whole.
        assert_eq!(toks("Calif. is sunny :-) e.g. today"), ["Calif.", "is", "sunny", ":-)", "e.g.", "today"]);
    }
}
