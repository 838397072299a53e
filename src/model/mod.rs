//! The classifier: training, evaluation, the model file and prediction.

pub mod calibration;
pub mod dataset;
pub mod evaluate;
pub mod file;
pub mod folds;
pub mod forest;
pub mod logistic;
pub mod metrics;
pub mod predict;
pub mod prep;
pub mod recalibrate;
pub mod shipped;
pub mod threshold;
pub mod train;
