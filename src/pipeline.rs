//! Parallel, order-preserving, bounded-memory processing of an article stream.
//!
//! Articles are read in batches (bounded by count and by bytes), each batch is processed on all
//! cores with rayon while the next one is read, and results go to the sink in input order. Memory
//! stays at about two batches whatever the input size.

use crate::article::Article;
use crate::error::ArticleError;

/// Batch limits.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    /// Most articles per batch.
    pub max_articles: usize,
    /// Most text bytes per batch (a single larger article still forms a batch of one).
    pub max_bytes: usize,
}

impl Default for BatchLimits {
    fn default() -> Self {
        BatchLimits { max_articles: 2048, max_bytes: 16 << 20 }
    }
}

fn next_batch<I>(items: &mut I, limits: BatchLimits) -> Vec<Result<Article, ArticleError>>
where
    I: Iterator<Item = Result<Article, ArticleError>>,
{
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    for item in items.by_ref() {
        if let Ok(a) = &item {
            bytes += a.text.len();
        }
        batch.push(item);
        if batch.len() >= limits.max_articles || bytes >= limits.max_bytes {
            break;
        }
    }
    batch
}

/// Apply `work` to every article of `items` in parallel and hand the results to `sink` in input
/// order (errors from the input pass through unchanged). Stops early if `sink` fails.
pub fn process_ordered<I, T, F, S, E>(mut items: I, limits: BatchLimits, work: F, mut sink: S) -> Result<(), E>
where
    I: Iterator<Item = Result<Article, ArticleError>> + Send,
    T: Send,
    F: Fn(Article) -> Result<T, ArticleError> + Sync,
    S: FnMut(Result<T, ArticleError>) -> Result<(), E>,
{
    use rayon::prelude::*;
    let mut batch = next_batch(&mut items, limits);
    while !batch.is_empty() {
        let (results, next): (Vec<Result<T, ArticleError>>, _) = rayon::join(
            || batch.into_par_iter().map(|item| item.and_then(&work)).collect(),
            || next_batch(&mut items, limits),
        );
        for r in results {
            sink(r)?;
        }
        batch = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Origin;

    #[test]
    fn keeps_order_and_passes_errors() {
        let items: Vec<Result<Article, ArticleError>> = (0..100)
            .map(|i| {
                if i % 7 == 0 {
                    Err(ArticleError::new(Origin::at("x", i), "bad"))
                } else {
                    Ok(Article::new(i.to_string(), Origin::file("x"), "t".repeat(i as usize)))
                }
            })
            .collect();
        let mut out = Vec::new();
        let limits = BatchLimits { max_articles: 8, max_bytes: 50 };
        process_ordered(
            items.into_iter(),
            limits,
            |a| Ok(a.text.len()),
            |r| {
                out.push(r.map_err(|e| e.origin.line.unwrap_or(0) as usize));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let expected: Vec<Result<usize, usize>> = (0..100).map(|i| if i % 7 == 0 { Err(i) } else { Ok(i) }).collect();
        assert_eq!(out, expected);
    }
}
