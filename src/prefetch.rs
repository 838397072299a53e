//! A hint to the processor to bring a value's cache line in ahead of its use: the crate's one
//! `unsafe` block (the crate denies `unsafe_code` everywhere else).
#![allow(unsafe_code)]

/// Asks the processor to load the cache line of `value` into its nearest cache, without
/// waiting for it: a later read then finds it at hand. Unlike a plain load, a prefetch does
/// not hold up the instructions after it while memory answers.
#[inline(always)]
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it reads nothing into the program and never faults,
    // and the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(value).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
