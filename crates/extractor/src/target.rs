//! Targets: measurable values a task commits to. (skeleton)

use nhiemvu_model::Target;

/// Find the targets a task's text commits to.
pub fn find_targets(_text: &str) -> Vec<Target> {
    Vec::new()
}

/// Parse one KPI table cell ("≥ 60%", "Có", "1 - 2") for milestone year `by`.
pub fn parse_cell(_cell: &str, _by: Option<i32>) -> Option<Target> {
    None
}
