//! The CSV task table converted by LibreOffice Calc with the README's recipe (comma, double
//! quote, UTF-8: `--infilter=CSV:44,34,76,1`; headless Calc ignores the BOM that Excel reads
//! and would take the bytes as Latin-1), to xlsx, read back with calamine: the Vietnamese
//! headers and unit names are intact, the BOM does not leak into the first header, and the
//! ISO `Hạn` column is read as dates. Needs `soffice` (Debian `libreoffice-calc-nogui`;
//! `.ci/run` installs it).

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `soffice` on PATH, if any.
fn soffice() -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("soffice"))
            .find(|p| p.is_file())
    })
}

/// The CSV's rows (BOM stripped), header first.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the CSV opens with a BOM"
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A cell as text; a date cell as its ISO date (serial days from 1899-12-30).
fn cell_text(d: &Data) -> String {
    match d {
        Data::DateTime(t) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = epoch + chrono::Duration::days(t.as_f64().floor() as i64);
            day.format("%Y-%m-%d").to_string()
        }
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

#[test]
fn the_csv_opens_in_libreoffice_with_vietnamese_and_dates_intact() {
    let Some(soffice) = soffice() else {
        eprintln!(
            "\n*** SKIPPED the_csv_opens_in_libreoffice: soffice is missing \
             (install libreoffice-calc-nogui) ***\n"
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let csv_path = tmp.path().join("nhiem-vu.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .current_dir(root())
        .args([
            "extract",
            "tests/data/seeds",
            "--format",
            "csv",
            "-q",
            "--out",
        ])
        .arg(&csv_path)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let profile = format!("file://{}", tmp.path().join("profile").display());
    let conv = Command::new(&soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
        ])
        .arg("--outdir")
        .arg(tmp.path())
        .arg(&csv_path)
        .output()
        .unwrap();
    let xlsx = tmp.path().join("nhiem-vu.xlsx");
    assert!(xlsx.is_file(), "{}", String::from_utf8_lossy(&conv.stderr));

    let rows = csv_rows(&csv_path);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let header: Vec<String> = rows[0].clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (lead, due) = (col("Đơn vị chủ trì"), col("Hạn"));
    assert_eq!(sheet.height(), rows.len(), "one Calc row per CSV row");
    for (c, h) in header.iter().enumerate() {
        assert_eq!(
            sheet.get((0, c)).map(cell_text).as_deref(),
            Some(h.as_str())
        );
    }
    let (mut units, mut dates) = (0, 0);
    for (r, row) in rows.iter().enumerate().skip(1) {
        let got = |c: usize| sheet.get((r, c)).map(cell_text).unwrap_or_default();
        assert_eq!(got(lead), row[lead], "row {r}: lead unit");
        assert_eq!(
            got(col("Nội dung nhiệm vụ")),
            row[col("Nội dung nhiệm vụ")],
            "row {r}"
        );
        units += usize::from(
            row[lead]
                .chars()
                .any(|c| "ạảãầấậểễệịọỏốồộờớợụủứừựỳỷỹđĐ".contains(c)),
        );
        // An ISO date is a date cell in Calc, the same day.
        if row[due].len() == 10 {
            assert!(
                matches!(sheet.get((r, due)), Some(Data::DateTime(_))),
                "row {r}: {:?} is not a date cell: {:?}",
                row[due],
                sheet.get((r, due))
            );
            assert_eq!(got(due), row[due], "row {r}: due date");
            dates += 1;
        }
    }
    assert!(
        units > 5 && dates > 5,
        "{units} Vietnamese unit names, {dates} dates"
    );
}
