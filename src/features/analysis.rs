//! [`Analysis`]: one document seen through one feature [`Context`], with the work that several
//! features share (per-word facts, lexicon matches, Gopher statistics, syllable totals)
//! computed on first use and kept for the others.
//!
//! The caches live here, on the features side, and not in the [`Document`]: the text layer
//! knows nothing of features, and a result that depends on the context (lexicon matches
//! depend on the lexicon set) is cached next to the context that produced it. Extracting one
//! document with two contexts means two analyses, so neither sees the other's results.

use std::any::Any;
use std::cell::OnceCell;

use super::Context;
use crate::lexicon::LexiconHits;
use crate::text::Document;

/// The shared analyses a document can cache, one slot each. A family that needs a new cache
/// adds its slot here and keeps the cached type in its own module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Per distinct word: [`super::word_facts::WordFacts`].
    WordFacts,
    /// Syllable, word, sentence and letter totals of the readability formulas.
    Syllables,
    /// Lexicon matches of the context's lexicon set.
    Lexicon,
    /// The thirteen Gopher repetition statistics.
    Gopher,
    /// Gopher's word counts (stop words, alphabetic words, mean word length).
    GopherWords,
    /// Occurrences of each English function word.
    FunctionWords,
    /// Words of each suffix group.
    Suffixes,
    /// Characters of each alphabetic word.
    WordLengths,
    /// Counts of punctuation marks per sentence.
    PunctMarks,
}

const SLOTS: usize = Slot::PunctMarks as usize + 1;

/// One document and one context, with the features' shared work cached.
///
/// It dereferences to the [`Document`], so a feature reads the text's words and sentences as
/// it would from the document itself.
pub struct Analysis<'a> {
    doc: &'a Document,
    cx: &'a Context,
    slots: [OnceCell<Box<dyn Any>>; SLOTS],
}

impl<'a> Analysis<'a> {
    /// An analysis of `doc` with the lexicons of `cx`; nothing is computed until asked for.
    pub fn new(doc: &'a Document, cx: &'a Context) -> Analysis<'a> {
        Analysis { doc, cx, slots: Default::default() }
    }

    /// The document.
    pub fn document(&self) -> &'a Document {
        self.doc
    }

    /// The feature context (lexicons).
    pub fn context(&self) -> &'a Context {
        self.cx
    }

    /// The value in `slot`, computed by `init` the first time. A slot always holds values of
    /// one type: each is read and written by one module.
    pub(crate) fn cached<T: Any>(&self, slot: Slot, init: impl FnOnce() -> T) -> &T {
        let value = self.slots[slot as usize].get_or_init(|| Box::new(init()));
        match value.downcast_ref::<T>() {
            Some(v) => v,
            // Each slot has one owner that stores one type, so this is never reached.
            None => unreachable!("cache slot {slot:?} holds another type"),
        }
    }

    /// The lexicon matches of this analysis's lexicon set (cached).
    pub(crate) fn lexicon_hits(&self) -> &LexiconHits {
        self.cached(Slot::Lexicon, || self.cx.lexicons.hits(self.doc))
    }
}

impl std::ops::Deref for Analysis<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        self.doc
    }
}

impl std::fmt::Debug for Analysis<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let filled: Vec<usize> = (0..SLOTS).filter(|&i| self.slots[i].get().is_some()).collect();
        f.debug_struct("Analysis").field("words", &self.doc.word_count()).field("cached_slots", &filled).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_is_computed_once() {
        let doc = Document::new("One two three.");
        let cx = Context::default();
        let a = Analysis::new(&doc, &cx);
        let mut calls = 0;
        assert_eq!(
            *a.cached(Slot::Suffixes, || {
                calls += 1;
                7u32
            }),
            7
        );
        assert_eq!(
            *a.cached(Slot::Suffixes, || {
                calls += 1;
                8u32
            }),
            7
        );
        assert_eq!(calls, 1);
        assert_eq!(a.word_count(), 3, "reads the document through Deref");
    }
}
