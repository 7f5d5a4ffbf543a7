//! Integration tests against a real PostgreSQL (DESIGN §6): one test binary, one server per
//! process, one database per test.

mod admin;
mod audit;
mod backup;
mod chart_snapshots;
mod claims;
mod constraints;
mod customers;
mod documents;
mod fixtures;
mod geography;
mod harness;
mod issue;
mod launcher;
mod lookup;
mod maintain;
mod migrations;
mod oversight;
mod partitions;
mod pdpa;
mod policies;
mod quote;
mod reconcile;
mod renewals;
mod replica;
mod security;
mod seeds;
mod staff;
mod tui;
