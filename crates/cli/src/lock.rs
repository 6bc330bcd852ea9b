//! An advisory lock on the `--out` folder (`flock` on the folder itself): two batches working
//! one folder would do every document twice and race on its files. Shards of one batch
//! (`--shard K/N`) share the folder: each holds the folder lock shared and its own shard's
//! lock file (`.nhiemvu-shard-K-of-N.lock`, hidden, so never read as input) exclusively, so
//! shard K twice, or a shard and an unsharded run, still refuse each other.

use std::fs::File;
use std::os::unix::io::AsRawFd;
use std::path::Path;

/// The lock, held until dropped (the kernel also drops it when the process ends).
pub struct OutLock {
    _dir: File,
    _shard: Option<File>,
}

impl OutLock {
    /// Take the lock on `dir` for shard `(index, count)` of a batch, or the whole batch
    /// (`None`); say so when another batch holds it.
    pub fn take_for(dir: &Path, shard: Option<(u64, u64)>) -> Result<OutLock, String> {
        let d = dir.display();
        let busy = || {
            tr!(
                "another nhiemvu extract is writing to {d}; wait for it or use another --out",
                "một lệnh nhiemvu extract khác đang ghi vào {d}; hãy chờ nó xong hoặc dùng --out khác"
            )
        };
        let cannot_open = |p: &Path, e: std::io::Error| {
            let (p, why) = (p.display(), crate::msg::io(&e));
            tr!("cannot open {p}: {why}", "không mở được {p}: {why}")
        };
        let handle = File::open(dir).map_err(|e| cannot_open(dir, e))?;
        let mode = if shard.is_some() {
            libc::LOCK_SH
        } else {
            libc::LOCK_EX
        };
        flock(&handle, mode).map_err(|_| busy())?;
        let shard = match shard {
            None => None,
            Some((k, n)) => {
                let path = dir.join(format!(".nhiemvu-shard-{k}-of-{n}.lock"));
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
                    .map_err(|e| cannot_open(&path, e))?;
                flock(&file, libc::LOCK_EX).map_err(|_| busy())?;
                Some(file)
            }
        };
        Ok(OutLock {
            _dir: handle,
            _shard: shard,
        })
    }
}

/// A non-blocking `flock` in `mode`.
fn flock(file: &File, mode: i32) -> Result<(), ()> {
    // SAFETY: flock on a descriptor we own; no memory is shared.
    let rc = unsafe { libc::flock(file.as_raw_fd(), mode | libc::LOCK_NB) };
    if rc == 0 {
        Ok(())
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_share_the_folder_but_not_a_shard_or_the_whole_batch() {
        let d = tempfile::tempdir().unwrap();
        let one = OutLock::take_for(d.path(), Some((1, 4))).expect("shard 1");
        let two = OutLock::take_for(d.path(), Some((2, 4))).expect("shard 2 beside shard 1");
        assert!(
            OutLock::take_for(d.path(), Some((1, 4))).is_err(),
            "shard 1 twice"
        );
        assert!(
            OutLock::take_for(d.path(), None).is_err(),
            "a whole batch beside shards"
        );
        drop((one, two));
        let all = OutLock::take_for(d.path(), None).expect("free again");
        assert!(
            OutLock::take_for(d.path(), Some((3, 4))).is_err(),
            "a shard beside a batch"
        );
        drop(all);
    }
}
