//! Worker processes: documents are parsed in long-lived child processes (`nhiemvu worker`),
//! one per job slot, fed over pipes, as Apache Tika isolates its parsers. A child that dies
//! (abort, out of memory, stack overflow, any signal) or passes its time limit is killed and
//! replaced; its document gets a `crashed`, `memory_limit` or `time_limit` record and the
//! batch goes on. Each child caps its own address space (`--max-memory`, `setrlimit`).
//!
//! Protocol: the parent writes one JSON request a line (`{"path": …, "display": …}`); the
//! child answers each with one line, the document record as compact JSON.

use clap::Args;
use nhiemvu_model::{DocumentRecord, ErrorInfo, ErrorKind, Source, SourceFormat};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Environment variable of the fault-injection hook used by the tests: `SUBSTRING:FAULT`
/// makes a worker fail on inputs whose path holds SUBSTRING (FAULT: `abort`, `alloc`,
/// `hang`, `overflow`, `exit`). Read only by worker processes.
pub const FAULT_ENV: &str = "NHIEMVU_WORKER_FAULT";

/// Lines of a dead child's stderr kept to explain its death.
const STDERR_TAIL: usize = 20;

/// Arguments of the hidden `nhiemvu worker` command (started by `extract`, not by people).
#[derive(Args, Debug, Clone)]
pub struct WorkerArgs {
    /// Seconds one document may take (checked between steps; 0: none).
    #[arg(long, default_value_t = 0)]
    pub time_limit: u64,
    /// Address-space cap of this process in bytes (0: none).
    #[arg(long, default_value_t = 0)]
    pub max_memory: u64,
    /// OCR mode (auto, never, force), as given to `extract`.
    #[arg(long, default_value = "auto")]
    pub ocr: nhiemvu_extractor::ocr::OcrMode,
}

/// One request to a worker.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    path: PathBuf,
    display: String,
}

/// Why a document got no record from its worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The worker died; the text names the signal or exit status and its last words.
    Crashed(String),
    /// The worker ran out of its memory cap.
    MemoryLimit(String),
    /// The worker passed the hard time limit and was killed.
    TimeLimit(Duration),
}

impl Failure {
    /// The failure as an error record for `display` (hash and format as known).
    pub fn record(&self, display: &str, sha256: &str) -> DocumentRecord {
        let (kind, message) = match self {
            Failure::Crashed(why) => (ErrorKind::Crashed, format!("worker process died: {why}")),
            Failure::MemoryLimit(why) => (
                ErrorKind::MemoryLimit,
                format!("over the memory limit: {why}"),
            ),
            Failure::TimeLimit(d) => (
                ErrorKind::TimeLimit,
                format!("killed after {} s (hard time limit)", d.as_secs()),
            ),
        };
        DocumentRecord::failed(
            Source::new(display, sha256, 0, format_of(display)),
            ErrorInfo { kind, message },
        )
    }
}

/// PDF by extension, else text.
pub(crate) fn format_of(display: &str) -> SourceFormat {
    let pdf = Path::new(display)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    }
}

/// The child side: cap memory, then answer requests until stdin closes.
pub fn serve(args: &WorkerArgs) -> ExitCode {
    if args.max_memory > 0 {
        if let Err(e) = cap_address_space(args.max_memory) {
            eprintln!("nhiemvu worker: cannot set the memory limit: {e}");
        }
    }
    let mut opts = nhiemvu_extractor::Options::default();
    opts.limits.time_limit = (args.time_limit > 0).then(|| Duration::from_secs(args.time_limit));
    opts.ocr = args.ocr;
    let fault = std::env::var(FAULT_ENV).ok();
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(req) = serde_json::from_str::<Request>(&line) else {
            eprintln!("nhiemvu worker: bad request line");
            return ExitCode::from(2);
        };
        if let Some(f) = &fault {
            inject_fault(f, &req.display);
        }
        let rec = crate::extract::process_in_process(&req.path, &req.display, &opts);
        let Ok(json) = serde_json::to_string(&rec) else {
            return ExitCode::from(1);
        };
        drop(rec);
        if writeln!(out, "{json}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// Set this process's address-space limit (RLIMIT_AS) to `bytes`.
fn cap_address_space(bytes: u64) -> std::io::Result<()> {
    let lim = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct we pass and changes only this process's limits.
    let rc = unsafe { libc::setrlimit(libc::RLIMIT_AS, &lim) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The test hook: fail as `spec` ("SUBSTRING:FAULT") says when `display` holds SUBSTRING.
fn inject_fault(spec: &str, display: &str) {
    let Some((needle, fault)) = spec.rsplit_once(':') else {
        return;
    };
    if needle.is_empty() || !display.contains(needle) {
        return;
    }
    match fault {
        "abort" => std::process::abort(),
        "exit" => std::process::exit(3),
        "hang" => loop {
            std::thread::sleep(Duration::from_secs(60));
        },
        "alloc" => {
            // Grow until the address-space cap stops us (the allocator then aborts).
            let mut hoard: Vec<Vec<u8>> = Vec::new();
            loop {
                let mut block = vec![0u8; 64 << 20];
                block[0] = 1;
                hoard.push(block);
                std::hint::black_box(&hoard);
            }
        }
        "overflow" => {
            fn deep(n: u64) -> u64 {
                let pad = [n; 512];
                std::hint::black_box(&pad);
                if n == u64::MAX {
                    return 0;
                }
                deep(n + 1) + pad[0]
            }
            std::hint::black_box(deep(0));
        }
        _ => {}
    }
}

/// One live child.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr: Arc<Mutex<VecDeque<String>>>,
}

impl Worker {
    /// Start `exe worker ARGS` with piped stdin, stdout and stderr.
    fn start(exe: &Path, args: &[String], threads: usize) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
            .arg("worker")
            .args(args)
            .env("RAYON_NUM_THREADS", threads.to_string())
            // Few malloc arenas: each reserves address space that counts against the cap.
            .env("MALLOC_ARENA_MAX", "2")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no stdout"))?;
        let stderr_pipe = child
            .stderr
            .take()
            .ok_or_else(|| std::io::Error::other("no stderr"))?;
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(VecDeque::new()));
        let tail = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines() {
                let Ok(line) = line else { break };
                if let Ok(mut t) = tail.lock() {
                    if t.len() == STDERR_TAIL {
                        t.pop_front();
                    }
                    t.push_back(line);
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            lines,
            stderr,
        })
    }

    /// Send one request and wait for its record, at most `limit`.
    fn ask(&mut self, req: &Request, limit: Option<Duration>) -> Result<DocumentRecord, Failure> {
        let line = serde_json::to_string(req).map_err(|e| Failure::Crashed(e.to_string()))?;
        let sent = writeln!(self.stdin, "{line}").and_then(|_| self.stdin.flush());
        if sent.is_err() {
            return Err(self.death());
        }
        let got = match limit {
            Some(d) => self.lines.recv_timeout(d),
            None => self
                .lines
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        match got {
            Ok(json) => serde_json::from_str(&json)
                .map_err(|e| Failure::Crashed(format!("unreadable answer: {e}"))),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                Err(Failure::TimeLimit(limit.unwrap_or_default()))
            }
            Err(RecvTimeoutError::Disconnected) => Err(self.death()),
        }
    }

    /// Why the child died: its signal or status and the last lines it wrote.
    fn death(&mut self) -> Failure {
        let status = self.child.wait();
        // The stderr reader may still be draining the pipe.
        std::thread::sleep(Duration::from_millis(50));
        let tail: Vec<String> = self
            .stderr
            .lock()
            .map(|t| t.iter().cloned().collect())
            .unwrap_or_default();
        // The line that says most: an allocation failure, else the last that is not a
        // note about backtraces.
        let last = tail
            .iter()
            .find(|l| l.contains("memory allocation of"))
            .or_else(|| {
                tail.iter().rev().find(|l| {
                    let l = l.trim();
                    !l.is_empty() && !l.contains("backtrace")
                })
            })
            .cloned()
            .unwrap_or_default();
        let how = match status {
            Ok(s) => describe_status(s),
            Err(e) => format!("lost ({e})"),
        };
        let why = if last.is_empty() {
            how.clone()
        } else {
            format!("{how}: {last}")
        };
        let oom = tail.iter().any(|l| l.contains("memory allocation of"));
        if oom {
            Failure::MemoryLimit(why)
        } else {
            Failure::Crashed(why)
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// "killed by signal 6 (SIGABRT)", "exit status 3".
fn describe_status(s: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = s.signal() {
        let name = match sig {
            libc::SIGABRT => "SIGABRT",
            libc::SIGKILL => "SIGKILL (possibly the system's out-of-memory killer)",
            libc::SIGSEGV => "SIGSEGV",
            libc::SIGBUS => "SIGBUS",
            libc::SIGILL => "SIGILL",
            libc::SIGFPE => "SIGFPE",
            libc::SIGTERM => "SIGTERM",
            _ => "signal",
        };
        format!("killed by signal {sig} ({name})")
    } else {
        match s.code() {
            Some(c) => format!("exit status {c}"),
            None => "ended".to_string(),
        }
    }
}

/// The command-line word of an OCR mode.
fn ocr_word(mode: nhiemvu_extractor::ocr::OcrMode) -> &'static str {
    use nhiemvu_extractor::ocr::OcrMode;
    match mode {
        OcrMode::Auto => "auto",
        OcrMode::Never => "never",
        OcrMode::Force => "force",
    }
}

/// A pool of worker processes, one per job slot, started lazily and replaced when they die.
pub struct Pool {
    exe: PathBuf,
    args: Vec<String>,
    threads: usize,
    /// Hard time limit per document, enforced here (the child checks its own softer one).
    hard_limit: Option<Duration>,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    /// A pool running `exe worker` with these limits; `threads` rayon threads per worker.
    pub fn new(
        exe: PathBuf,
        time_limit: Option<Duration>,
        max_memory: u64,
        ocr: nhiemvu_extractor::ocr::OcrMode,
        threads: usize,
    ) -> Pool {
        let secs = time_limit.map_or(0, |d| d.as_secs());
        let args = vec![
            format!("--time-limit={secs}"),
            format!("--max-memory={max_memory}"),
            format!("--ocr={}", ocr_word(ocr)),
        ];
        // The child's own check fires between steps; the parent's is the backstop.
        let hard_limit = time_limit.map(|d| d + d / 10 + Duration::from_secs(5));
        Pool {
            exe,
            args,
            threads: threads.max(1),
            hard_limit,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// The record of one document, parsed by a worker; a worker that fails is dropped (and
    /// killed) so the next document gets a fresh one.
    pub fn process(&self, path: &Path, display: &str) -> Result<DocumentRecord, Failure> {
        let worker = self.idle.lock().ok().and_then(|mut v| v.pop());
        let mut worker = match worker {
            Some(w) => w,
            None => Worker::start(&self.exe, &self.args, self.threads)
                .map_err(|e| Failure::Crashed(format!("cannot start a worker: {e}")))?,
        };
        let req = Request {
            path: path.to_path_buf(),
            display: display.to_string(),
        };
        let answer = worker.ask(&req, self.hard_limit);
        if answer.is_ok() {
            if let Ok(mut v) = self.idle.lock() {
                v.push(worker);
            }
        }
        answer
    }
}
