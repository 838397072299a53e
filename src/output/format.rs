//! Number formats shared by the table writers and the charts.

/// Format a feature value for CSV/JSON text: integers without a fraction, other values with
/// up to 6 decimals (trailing zeros removed).
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A feature value rounded for people: three significant digits, integers as integers.
pub fn readable(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    if v.fract() == 0.0 && a < 1e9 {
        format!("{}", v as i64)
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(format_value(3.0), "3");
        assert_eq!(format_value(0.123456789), "0.123457");
        assert_eq!(format_value(2.5), "2.5");
        assert_eq!(format_value(-0.0000001), "0");
        assert_eq!(format_value(1e20), "100000000000000000000");
    }
}
