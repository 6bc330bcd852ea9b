//! TODO(skeleton): filled by its issue.
