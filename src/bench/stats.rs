//! Latency percentiles and throughput of a run.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Summary {
    pub operations: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
    pub max_ms: f64,
    pub per_second: f64,
}

impl Summary {
    /// Percentiles by nearest rank; throughput over the wall-clock time of the whole run
    /// (warm-up included, so it never flatters).
    pub fn of(mut latencies: Vec<Duration>, wall: Duration) -> Summary {
        latencies.sort_unstable();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |q: f64| -> f64 {
            if latencies.is_empty() {
                return 0.0;
            }
            let rank = ((q * latencies.len() as f64).ceil() as usize).clamp(1, latencies.len());
            ms(latencies[rank - 1])
        };
        let total: Duration = latencies.iter().sum();
        Summary {
            operations: latencies.len(),
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
            mean_ms: if latencies.is_empty() {
                0.0
            } else {
                ms(total) / latencies.len() as f64
            },
            max_ms: latencies.last().map_or(0.0, |d| ms(*d)),
            per_second: latencies.len() as f64 / wall.as_secs_f64().max(1e-9),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let latencies: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let summary = Summary::of(latencies, Duration::from_secs(2));
        assert_eq!(summary.operations, 100);
        assert_eq!(summary.p50_ms, 50.0);
        assert_eq!(summary.p95_ms, 95.0);
        assert_eq!(summary.p99_ms, 99.0);
        assert_eq!(summary.max_ms, 100.0);
        assert!((summary.mean_ms - 50.5).abs() < 1e-9);
        assert!((summary.per_second - 50.0).abs() < 1e-9);
    }

    #[test]
    fn an_empty_run_reports_zeroes() {
        let summary = Summary::of(Vec::new(), Duration::from_secs(1));
        assert_eq!(summary.operations, 0);
        assert_eq!(summary.p99_ms, 0.0);
    }
}
