//! Hostile files, rebuilt here at test time (none is committed: some are tens of MB): a
//! ToUnicode CMap declaring a range of four billion codes, a Flate predictor with a
//! gigantic /Colors, a page of millions of path operators, a huge TJ array, a million
//! nested `q`. Mixed with good files under a memory cap, every input gets a record (an
//! error, a warning or its text), the good files are read, and the batch exits 1 or 0 but
//! never dies.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A PDF from its objects (numbered 1…), object 1 the catalog; a correct xref table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

/// One page whose content is `content`, with font F1 (extra font keys in `font`).
fn one_page(content: &[u8], font: &str, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", content),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica {font} >>").into_bytes(),
    ];
    objs.extend(extra);
    pdf(&objs)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use flate2::write::ZlibEncoder;
    let mut e = ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The hostile files, by name.
fn hostile() -> Vec<(&'static str, Vec<u8>)> {
    let text = b"BT /F1 12 Tf 72 720 Td (Giao So Y te trien khai) Tj ET".to_vec();
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
        1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n\
        endcmap end end";
    let cmap_bomb = one_page(&text, "/ToUnicode 6 0 R", vec![stream("", cmap)]);
    let predictor = {
        let data = deflate(&text);
        let content = stream(
            "/Filter /FlateDecode /DecodeParms << /Predictor 10 /Colors 536870913 /Columns 1 >>",
            &data,
        );
        let mut objs = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        ];
        objs.push(content);
        pdf(&objs)
    };
    let paths = {
        let mut c = Vec::with_capacity(24 << 20);
        while c.len() < 24 << 20 {
            c.extend_from_slice(b"0 0 m 1 1 l S\n");
        }
        one_page(&c, "", vec![])
    };
    let tj = {
        let mut c = b"BT /F1 12 Tf 72 720 Td [".to_vec();
        while c.len() < 12 << 20 {
            c.extend_from_slice(b"(a) -1 ");
        }
        c.extend_from_slice(b"] TJ ET");
        one_page(&c, "", vec![])
    };
    let nested = {
        let mut c = b"q ".repeat(1_000_000);
        c.extend_from_slice(&text);
        one_page(&c, "", vec![])
    };
    vec![
        ("cmap-range-bomb.pdf", cmap_bomb),
        ("predictor-bomb.pdf", predictor),
        ("path-operators.pdf", paths),
        ("tj-array.pdf", tj),
        ("nested-q.pdf", nested),
    ]
}

#[test]
fn hostile_files_mixed_with_good_ones_each_get_a_record_and_the_batch_lives() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let names: Vec<&str> = hostile()
        .into_iter()
        .map(|(name, bytes)| {
            std::fs::write(input.join(name), bytes).unwrap();
            name
        })
        .collect();
    let good = ["000_cc8a43722e178857.pdf", "003_40982fe340064d63.pdf"];
    for g in good {
        std::fs::copy(root().join("corpus").join(g), input.join(g)).unwrap();
    }
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args([
            "extract",
            "-q",
            "--max-memory",
            "1G",
            "--time-limit",
            "60",
            "--out",
        ])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{:?} {stderr}",
        o.status
    );
    for name in names.iter().chain(&good) {
        let path = out.join(format!("{name}.json"));
        let rec: Value = serde_json::from_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: no record: {e}")),
        )
        .unwrap();
        if good.contains(name) {
            assert!(rec["error"].is_null(), "{name}: {}", rec["error"]);
            assert!(
                rec["tasks"].as_array().unwrap().len() > 5,
                "{name} lost its tasks"
            );
        } else {
            eprintln!(
                "{name}: error {} · warnings {}",
                rec["error"]["kind"],
                rec["warnings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w["kind"].as_str().unwrap_or("?"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            // Whatever it says — an error kind, warnings, or its text — it says it.
            let said = !rec["error"].is_null()
                || !rec["warnings"].as_array().unwrap().is_empty()
                || !rec["pages"].as_array().unwrap().is_empty();
            assert!(said, "{name}: an empty record");
        }
    }
}
