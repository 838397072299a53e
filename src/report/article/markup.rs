//! Text with ranges wrapped in elements, as HTML: every character of the text escaped, and the
//! elements nested properly even where two ranges cross (the inner one is closed and reopened
//! around the boundary, so it becomes several elements with the same attributes).

use crate::report::page::escape;

/// One range of the text to wrap: `open` and `close` are the element's tags (already escaped
/// HTML); lower `layer` wraps outside higher layers when two ranges start together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wrap {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) layer: u8,
    pub(crate) open: String,
    pub(crate) close: &'static str,
}

/// `text` as escaped HTML with each of `wraps` around its range. Ranges must lie on character
/// boundaries of `text`; empty or out-of-range ones are left out.
pub(crate) fn markup(text: &str, wraps: &[Wrap]) -> String {
    let mut order: Vec<usize> = (0..wraps.len())
        .filter(|&i| {
            let w = &wraps[i];
            w.start < w.end && w.end <= text.len() && text.is_char_boundary(w.start) && text.is_char_boundary(w.end)
        })
        .collect();
    // Outer first: earlier start, then lower layer, then longer.
    order.sort_by(|&a, &b| {
        let (x, y) = (&wraps[a], &wraps[b]);
        x.start.cmp(&y.start).then(x.layer.cmp(&y.layer)).then(y.end.cmp(&x.end))
    });
    let mut cuts: Vec<usize> = order.iter().flat_map(|&i| [wraps[i].start, wraps[i].end]).collect();
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + wraps.len() * 48);
    let mut open: Vec<usize> = Vec::new();
    let mut next = order.iter().peekable();
    let mut pos = 0usize;
    for cut in cuts {
        out.push_str(&escape(&text[pos..cut]));
        pos = cut;
        // Close what ends here, and whatever was opened inside it (to reopen it after).
        if let Some(first) = open.iter().position(|&i| wraps[i].end <= pos) {
            let reopen: Vec<usize> = open[first..].iter().copied().filter(|&i| wraps[i].end > pos).collect();
            for &i in open[first..].iter().rev() {
                out.push_str(wraps[i].close);
            }
            open.truncate(first);
            for i in reopen {
                out.push_str(&wraps[i].open);
                open.push(i);
            }
        }
        while let Some(&&i) = next.peek() {
            if wraps[i].start != pos {
                break;
            }
            next.next();
            out.push_str(&wraps[i].open);
            open.push(i);
        }
    }
    for &i in open.iter().rev() {
        out.push_str(wraps[i].close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{markup, Wrap};

    fn w(start: usize, end: usize, layer: u8, tag: &str) -> Wrap {
        Wrap { start, end, layer, open: format!("<{tag}>"), close: if tag == "b" { "</b>" } else { "</i>" } }
    }

    #[test]
    fn nests_and_splits_crossing_ranges() {
        assert_eq!(markup("a<b>c", &[]), "a&lt;b&gt;c");
        // "abcdef": b over 1..4, i over 2..5 crosses it: i is closed at 4 and reopened.
        assert_eq!(markup("abcdef", &[w(1, 4, 0, "b"), w(2, 5, 1, "i")]), "a<b>b<i>cd</i></b><i>e</i>f");
        // Same start: the lower layer outside.
        assert_eq!(markup("abc", &[w(0, 2, 1, "i"), w(0, 3, 0, "b")]), "<b><i>ab</i>c</b>");
        // Out of range and inside a character are left out.
        assert_eq!(markup("é", &[w(0, 1, 0, "b"), w(0, 9, 0, "i")]), "é");
    }
}
