//! Text that fits a width: shortening labels at the end, the start or the middle, and
//! keeping a set of similar labels (ids with a shared prefix and suffix) distinguishable.

use super::text::Font;

/// The largest `k` in `0..=max` for which `fits(k)` holds, for a `fits` that holds up to some
/// `k` and fails beyond it (0 when nothing fits). Binary search: widths are costly to measure.
fn longest_fitting(max: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0usize, max);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// `s` shortened at the end with `…` so that it fits `max_px`.
pub(crate) fn fit_end(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let make = |keep: usize| chars[..keep].iter().collect::<String>() + "…";
    let keep = longest_fitting(chars.len(), |k| font.width(&make(k)) <= max_px);
    let head: String = chars[..keep].iter().collect();
    format!("{}…", head.trim_end())
}

/// `s` shortened in the middle with `…` so that it fits `max_px`: keeps the start (a folder,
/// a rank) and the end (a file name, a count), which tell labels apart best.
pub(crate) fn fit_middle(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let make = |keep: usize| -> String {
        let head = keep / 3;
        let tail = keep - head;
        let mut out: String = chars[..head].iter().collect();
        out.push('…');
        out.extend(&chars[chars.len() - tail..]);
        out
    };
    make(longest_fitting(chars.len().saturating_sub(1), |k| font.width(&make(k)) <= max_px))
}

/// `s` shortened at the start with `…` so that it fits `max_px` (keeps the end).
pub(crate) fn fit_start(s: &str, max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let make =
        |keep: usize| -> String { std::iter::once('…').chain(chars[chars.len() - keep..].iter().copied()).collect() };
    make(longest_fitting(chars.len(), |k| font.width(&make(k)) <= max_px))
}

/// Lengths in characters of the prefix and the suffix that all `labels` share (they never
/// overlap within the shortest label). One label or none share nothing.
pub(crate) fn common_affixes<'a>(labels: impl IntoIterator<Item = &'a str>) -> (usize, usize) {
    let labels: Vec<Vec<char>> = labels.into_iter().map(|l| l.chars().collect()).collect();
    if labels.len() < 2 {
        return (0, 0);
    }
    let shortest = labels.iter().map(Vec::len).min().unwrap_or(0);
    let prefix = (0..shortest).take_while(|&i| labels.iter().all(|l| l[i] == labels[0][i])).count();
    let suffix = (0..shortest - prefix)
        .take_while(|&i| labels.iter().all(|l| l[l.len() - 1 - i] == labels[0][labels[0].len() - 1 - i]))
        .count();
    (prefix, suffix)
}

/// `s`, one of several labels that share a prefix of `prefix` and a suffix of `suffix`
/// characters, shortened to fit `max_px` so that its distinct middle stays visible: cut at the
/// end if the middle survives, else at the start, else drop the shared prefix and cut the rest
/// at the end. Ids such as `corpus-test-217-model-x` and `corpus-test-201-model-x` stay
/// distinguishable where cutting in the middle would make them identical.
pub(crate) fn fit_distinct(s: &str, (prefix, suffix): (usize, usize), max_px: i32, font: &Font) -> String {
    if font.width(s) <= max_px {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mid_end = n.saturating_sub(suffix).max(prefix.min(n));
    let end_cut = fit_end(s, max_px, font);
    if prefix + suffix > 0 && end_cut.chars().count() > mid_end {
        return end_cut;
    }
    let start_cut = fit_start(s, max_px, font);
    if prefix + suffix > 0 && start_cut.chars().count() > n - prefix.min(n) {
        return start_cut;
    }
    if prefix == 0 {
        // A path: its file name tells it apart best.
        return match s.rsplit_once(['/', '\\']) {
            Some((_, name)) if !name.is_empty() => format!("…/{}", fit_end(name, max_px - font.width("…/"), font)),
            _ => end_cut,
        };
    }
    let rest: String = chars[prefix.min(n)..].iter().collect();
    format!("…{}", fit_end(&rest, max_px - font.width("…"), font))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::kit::style;

    #[test]
    fn fitting_text_keeps_ends_and_width() {
        let f = style::text(style::LABEL, style::BLACK);
        let id = "datasets/articles/very/long/folder/name/the-ultimate-guide-to-mindful-productivity.txt";
        assert!(f.width(id) > 300);
        let mid = fit_middle(id, 300, &f);
        assert!(f.width(&mid) <= 300, "{mid}");
        assert!(mid.starts_with("datasets") && mid.ends_with(".txt") && mid.contains('…'), "{mid}");
        let end = fit_end(id, 300, &f);
        assert!(f.width(&end) <= 300 && end.ends_with('…') && end.starts_with("datasets/"), "{end}");
        assert_eq!(fit_end("short", 300, &f), "short");
        assert_eq!(fit_middle("short", 300, &f), "short");
        // Nothing fits: only the ellipsis is left, never a panic.
        assert_eq!(fit_end(id, 0, &f), "…");
        assert_eq!(fit_middle(id, 0, &f), "…");
    }

    #[test]
    fn distinct_labels_keep_what_differs() {
        let f = style::text(style::LABEL, style::BLACK);
        let ids =
            ["outfox-test-217-gpt-3.5-turbo-0613-outfox_attack", "outfox-test-201-gpt-3.5-turbo-0613-outfox_attack"];
        let aff = common_affixes(ids);
        assert_eq!(aff, (13, 33));
        let a = fit_distinct(ids[0], aff, 240, &f);
        let b = fit_distinct(ids[1], aff, 240, &f);
        assert!(a.contains("217") && b.contains("201"), "{a} / {b}");
        assert!(f.width(&a) <= 240);
        // Shared endings: cut at the start.
        let ids = ["a-very-long-shared-folder-name/x1.txt", "a-very-long-shared-folder-name/y2.txt"];
        let aff = common_affixes(ids);
        let a = fit_distinct(ids[0], aff, 150, &f);
        assert!(a.starts_with('…') && a.ends_with("x1.txt"), "{a}");
        // Paths with nothing in common: keep the file name.
        let a = fit_distinct("datasets/articles/the-ultimate-guide.txt", (0, 0), 200, &f);
        assert!(a.starts_with("…/the-ultimate") && f.width(&a) <= 200, "{a}");
        // Nothing shared: cut at the end.
        assert_eq!(common_affixes(["abc", "xyz"]), (0, 0));
        assert_eq!(common_affixes(["only"]), (0, 0));
        assert_eq!(common_affixes(["same", "same"]), (4, 0));
        assert_eq!(
            fit_distinct("feature_with_a_long_name_per_1k_words", (0, 0), 120, &f),
            fit_end("feature_with_a_long_name_per_1k_words", 120, &f)
        );
        assert_eq!(fit_start("abcdef", 0, &f), "…");
    }
}
