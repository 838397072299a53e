//! The classifier: training, evaluation, the model file and prediction.

pub mod calibration;
pub mod folds;
pub mod metrics;
pub mod threshold;
pub mod forest;
pub mod logistic;
pub mod prep;
pub mod dataset;
pub mod file;
pub mod predict;
pub mod train;
