//! An advisory lock on the `--out` folder (`flock` on the folder itself, so no file is left
//! behind): two batches working one folder would do every document twice and race on its
//! files.

use std::fs::File;
use std::os::unix::io::AsRawFd;
use std::path::Path;

/// The lock, held until dropped (the kernel also drops it when the process ends).
pub struct OutLock {
    _dir: File,
}

impl OutLock {
    /// Take the lock on `dir`, or say that another batch holds it.
    pub fn take(dir: &Path) -> Result<OutLock, String> {
        let d = dir.display();
        let handle = File::open(dir).map_err(|e| {
            let why = crate::msg::io(&e);
            tr!("cannot open {d}: {why}", "không mở được {d}: {why}")
        })?;
        // SAFETY: flock on a descriptor we own; no memory is shared.
        let rc = unsafe { libc::flock(handle.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            return Err(tr!(
                "another nhiemvu extract is writing to {d}; wait for it or use another --out",
                "một lệnh nhiemvu extract khác đang ghi vào {d}; hãy chờ nó xong hoặc dùng --out khác"
            ));
        }
        Ok(OutLock { _dir: handle })
    }
}
