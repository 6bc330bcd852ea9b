//! `--shard K/N`: a deterministic slice of the inputs by a stable hash of the path string,
//! so N machines given the same arguments split the work without overlap or gaps.

use sha2::{Digest, Sha256};
use std::str::FromStr;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, 1..=count.
    pub index: u64,
    /// How many slices.
    pub count: u64,
}

impl Shard {
    /// True when the input at `path` (the string written into `source.path`) belongs here.
    /// The first 8 bytes of the SHA-256 of the path, as a big-endian number, modulo N.
    pub fn contains(&self, path: &str) -> bool {
        let digest = Sha256::digest(path.as_bytes());
        let mut head = [0u8; 8];
        head.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(head) % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("expected K/N such as 2/8, got {s:?}"))?;
        let index: u64 = k
            .trim()
            .parse()
            .map_err(|_| format!("shard index {k:?} is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("shard count {n:?} is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("need 1 <= K <= N, got {index}/{count}"));
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/3", "4/3", "1/0", "a/3", "3", "1/x"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_paths_and_do_not_move() {
        let paths: Vec<String> = (0..200).map(|i| format!("corpus/{i:03}_kh.pdf")).collect();
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        for p in &paths {
            assert_eq!(shards.iter().filter(|s| s.contains(p)).count(), 1, "{p}");
        }
        for s in &shards {
            let n = paths.iter().filter(|p| s.contains(p)).count();
            assert!(n > 30, "shard {s:?} has only {n} of 200");
        }
        // Pinned values (computed independently): the slice never depends on the platform,
        // the run or the release.
        for (path, of3, of8) in [
            ("corpus/000_cc8a43722e178857.pdf", 3, 7),
            ("tests/data/seeds/003_40982fe340064d63.txt", 2, 5),
            ("Kế hoạch 146.pdf", 3, 2),
        ] {
            assert!(
                Shard {
                    index: of3,
                    count: 3
                }
                .contains(path),
                "{path}"
            );
            assert!(
                Shard {
                    index: of8,
                    count: 8
                }
                .contains(path),
                "{path}"
            );
        }
        assert!(Shard { index: 1, count: 1 }.contains("anything"));
    }
}
