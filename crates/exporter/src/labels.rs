//! The Vietnamese labels people read in the exports (column headings, sheet names, role
//! tabs), in one place: the exporter's only words, none of them read by a rule.

/// "Đơn vị chủ trì": the lead unit column.
pub const LEAD_UNIT: &str = "Đơn vị chủ trì";
/// "Đơn vị phối hợp": the supporting units column.
pub const COORD_UNIT: &str = "Đơn vị phối hợp";
/// The lead role tab.
pub const ROLE_LEAD: &str = "Chủ trì";
/// The supporting role tab.
pub const ROLE_COORD: &str = "Phối hợp";
/// The monitoring tab (every task).
pub const ROLE_ALL: &str = "Theo dõi (tất cả)";
/// The heading of the status grid per lead unit.
pub const BY_LEAD_UNIT: &str = "Theo đơn vị chủ trì";
