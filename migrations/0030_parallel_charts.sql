-- Parallel query is off for the prakan database (set with the database's other settings by
-- `prakan migrate`): a screen reads a page of rows, and at 5 M customers the planner chose
-- parallel plans for them whose workers took longer to start than the page took to read
-- (a claim queue page: 5 ms alone, 16-28 ms with a worker). The charts' computations read
-- the whole book and keep it.
ALTER FUNCTION chart_claims_by_status_compute() SET max_parallel_workers_per_gather = 2;
ALTER FUNCTION chart_claims_ageing_compute() SET max_parallel_workers_per_gather = 2;
ALTER FUNCTION chart_premium_written_compute(integer) SET max_parallel_workers_per_gather = 2;
ALTER FUNCTION chart_loss_ratio_compute(integer) SET max_parallel_workers_per_gather = 2;
ALTER FUNCTION chart_reconciliation_backlog_compute() SET max_parallel_workers_per_gather = 2;
