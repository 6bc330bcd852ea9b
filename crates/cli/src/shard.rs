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

/// `--shard K/N` or `--shard auto` (index and count from the batch engine's environment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardSpec {
    /// A slice given on the command line.
    Fixed(Shard),
    /// Read when the run starts, see [`Shard::from_env`].
    Auto,
}

impl FromStr for ShardSpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(ShardSpec::Auto)
        } else {
            s.parse().map(ShardSpec::Fixed)
        }
    }
}

impl Shard {
    /// The shard a batch engine gave this process: a Kubernetes Indexed Job
    /// (`JOB_COMPLETION_INDEX`, 0-based), a Slurm array (`SLURM_ARRAY_TASK_ID` from
    /// `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT`) or an AWS Batch array job
    /// (`AWS_BATCH_JOB_ARRAY_INDEX`, 0-based). The count comes from `count` (`--shard-count`)
    /// when given, else from the engine (Slurm) or `NHIEMVU_SHARD_COUNT`.
    pub fn from_env(
        env: impl Fn(&str) -> Option<String>,
        count: Option<u64>,
    ) -> Result<Shard, String> {
        let num = |k: &str| -> Result<Option<u64>, String> {
            env(k)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .map_err(|_| format!("{k}={v:?} is not a number"))
                })
                .transpose()
        };
        let env_count = num("NHIEMVU_SHARD_COUNT")?;
        let (zero_based, engine_count, engine) = if let Some(i) = num("JOB_COMPLETION_INDEX")? {
            (i, None, "JOB_COMPLETION_INDEX")
        } else if let Some(i) = num("SLURM_ARRAY_TASK_ID")? {
            let min = num("SLURM_ARRAY_TASK_MIN")?.unwrap_or(0);
            let i = i
                .checked_sub(min)
                .ok_or_else(|| "SLURM_ARRAY_TASK_ID below SLURM_ARRAY_TASK_MIN".to_string())?;
            (i, num("SLURM_ARRAY_TASK_COUNT")?, "SLURM_ARRAY_TASK_ID")
        } else if let Some(i) = num("AWS_BATCH_JOB_ARRAY_INDEX")? {
            (i, None, "AWS_BATCH_JOB_ARRAY_INDEX")
        } else {
            return Err(
                "--shard auto: no JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or \
                        AWS_BATCH_JOB_ARRAY_INDEX in the environment"
                    .to_string(),
            );
        };
        let count = count.or(engine_count).or(env_count).ok_or_else(|| {
            format!("--shard auto with {engine}: give the number of shards (--shard-count N)")
        })?;
        if count == 0 || zero_based >= count {
            return Err(format!("{engine} gives shard {zero_based} of {count}"));
        }
        Ok(Shard {
            index: zero_based + 1,
            count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn auto_reads_the_batch_engines() {
        let k8s = [("JOB_COMPLETION_INDEX", "2")];
        assert_eq!(
            Shard::from_env(env(&k8s), Some(4)),
            Ok(Shard { index: 3, count: 4 })
        );
        assert!(
            Shard::from_env(env(&k8s), None).is_err(),
            "k8s needs a count"
        );
        let slurm = [
            ("SLURM_ARRAY_TASK_ID", "1"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_COUNT", "8"),
        ];
        assert_eq!(
            Shard::from_env(env(&slurm), None),
            Ok(Shard { index: 1, count: 8 })
        );
        let aws = [
            ("AWS_BATCH_JOB_ARRAY_INDEX", "0"),
            ("NHIEMVU_SHARD_COUNT", "2"),
        ];
        assert_eq!(
            Shard::from_env(env(&aws), None),
            Ok(Shard { index: 1, count: 2 })
        );
        assert!(Shard::from_env(env(&[("JOB_COMPLETION_INDEX", "4")]), Some(4)).is_err());
        assert!(Shard::from_env(env(&[]), Some(4)).is_err());
        assert_eq!("auto".parse::<ShardSpec>(), Ok(ShardSpec::Auto));
    }

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
