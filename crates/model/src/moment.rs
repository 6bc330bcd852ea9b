//! A calendar date or a local date-time, serialised as ISO 8601.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A due or start point: a whole day, or a time on a day (Vietnam, +07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    /// A whole day ("2026-06-30").
    Date(NaiveDate),
    /// A time with offset ("2025-10-28T17:00:00+07:00").
    DateTime(DateTime<FixedOffset>),
}

impl Moment {
    /// The calendar day of this moment.
    pub fn date(&self) -> NaiveDate {
        match self {
            Moment::Date(d) => *d,
            Moment::DateTime(t) => t.date_naive(),
        }
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Moment::DateTime(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

impl std::str::FromStr for Moment {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Moment::Date(d));
        }
        DateTime::parse_from_rfc3339(s)
            .map(Moment::DateTime)
            .map_err(|e| format!("not an ISO date or date-time: {s:?} ({e})"))
    }
}

impl schemars::JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM:SS+07:00).",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z))?$"
        })
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn round_trips_date_and_datetime() {
        let d = Moment::Date(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-06-30\"");
        let tz = FixedOffset::east_opt(7 * 3600).unwrap();
        let t = Moment::DateTime(tz.with_ymd_and_hms(2025, 10, 28, 17, 0, 0).unwrap());
        let s = serde_json::to_string(&t).unwrap();
        assert_eq!(s, "\"2025-10-28T17:00:00+07:00\"");
        let back: Moment = serde_json::from_str(&s).unwrap();
        assert_eq!(back, t);
    }
}
