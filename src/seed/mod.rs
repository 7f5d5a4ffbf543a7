//! Data for trying and measuring prakan: the demo book of business and the scale load.

pub mod catalog;
pub mod copy;
pub mod demo;
pub mod scale;
pub mod synth;
