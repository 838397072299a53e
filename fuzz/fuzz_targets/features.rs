//! Arbitrary bytes (lossy UTF-8) through normalisation, `Document::new` and every feature.
//! Checks: nothing panics; every feature value that is `Some` is finite; `Document::lower`
//! keeps the byte offsets of `Document::text`; evidence snippets can be computed.
#![no_main]

use std::sync::LazyLock;

use chaff::{Context, Document, FEATURES};
use libfuzzer_sys::fuzz_target;

static CX: LazyLock<Context> = LazyLock::new(Context::default);

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let _ = chaff::text::normalize::normalize(&raw);
    let doc = Document::new(&raw);
    assert_eq!(doc.lower().len(), doc.text().len(), "lower() must keep the byte offsets of text()");
    let a = chaff::features::Analysis::new(&doc, &CX);
    let fv = chaff::features::extract_from(&a);
    assert_eq!(fv.values.len(), FEATURES.len());
    for (f, v) in FEATURES.iter().zip(&fv.values) {
        if let Some(v) = v {
            assert!(v.is_finite(), "feature {} = {v}", f.name);
        }
        let _ = f.evidence(&a);
    }
});
