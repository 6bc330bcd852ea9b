//! Hostile files, rebuilt here at test time (none is committed: some are tens of MB): a
//! ToUnicode CMap declaring a range of four billion codes, a Flate predictor with a
//! gigantic /Colors, a page of millions of path operators, a huge TJ array, a million
//! nested `q`, a string of a million glyphs, an annotation appearance that draws itself.
//! Each is made cheap by an in-process cap: mixed with good files under a 512 MB per-worker
//! memory cap (a bomb that got through would die as `memory_limit`), every document
//! completes with the cap's warning on page 1 and the text drawn before the bomb, the good
//! files are read, and the batch lives.

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

/// The hostile files: name, bytes, the `limit_reached` (or other) warning each must carry,
/// and whether the page text ("Giao So Y te trien khai", drawn before the bomb) is read.
fn hostile() -> Vec<(&'static str, Vec<u8>, &'static str, bool)> {
    let text = b"BT /F1 12 Tf 72 720 Td (Giao So Y te trien khai) Tj ET\n".to_vec();
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
        1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n\
        endcmap end end";
    let cmap_bomb = one_page(&text, "/ToUnicode 6 0 R", vec![stream("", cmap)]);
    let predictor = {
        let objs = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(
                "/Filter /FlateDecode /DecodeParms << /Predictor 10 /Colors 536870913 /Columns 1 >>",
                &deflate(&text),
            ),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        ];
        pdf(&objs)
    };
    let paths = {
        let mut c = text.clone();
        while c.len() < 24 << 20 {
            c.extend_from_slice(b"0 0 m 1 1 l S\n");
        }
        one_page(&c, "", vec![])
    };
    let tj = {
        let mut c = text.clone();
        c.extend_from_slice(b"BT /F1 12 Tf 72 700 Td [");
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
    // One string of 1.2 million characters: the glyphs past the page's cap are left out.
    let glyphs = {
        let mut c = text.clone();
        c.extend_from_slice(b"BT /F1 1 Tf 72 700 Td (");
        c.extend_from_slice(&b"a".repeat(1_200_000));
        c.extend_from_slice(b") Tj ET");
        one_page(&c, "", vec![])
    };
    // An annotation whose appearance draws itself: the annotation is lost, not the page.
    let annot_cycle = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>".to_vec(),
        stream("", &text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 640] /Contents (So 99/QD) /AP << /N 7 0 R >> >>".to_vec(),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 228 40] /Resources << /XObject << /Me 7 0 R >> >>",
            b"q /Me Do Q",
        ),
    ]);
    vec![
        (
            "cmap-range-bomb.pdf",
            cmap_bomb,
            "ToUnicode CMap maps ranges of up to 4294967296 codes",
            true,
        ),
        (
            "predictor-bomb.pdf",
            predictor,
            "predictor parameters out of range (Colors 536870913",
            true,
        ),
        (
            "path-operators.pdf",
            paths,
            "more than 500000 operators in one content stream",
            true,
        ),
        (
            "tj-array.pdf",
            tj,
            "an array of more than 65536 items",
            true,
        ),
        (
            "nested-q.pdf",
            nested,
            "(q) nested more than 256 deep",
            true,
        ),
        (
            "glyphs.pdf",
            glyphs,
            "more than 500000 glyphs on the page",
            true,
        ),
        ("annotation-cycle.pdf", annot_cycle, "draws itself", true),
    ]
}

#[test]
fn hostile_files_mixed_with_good_ones_each_get_a_record_and_the_batch_lives() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let cases = hostile();
    for (name, bytes, ..) in &cases {
        std::fs::write(input.join(name), bytes).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
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
            "512M",
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
            // Each bomb is made cheap by its cap: the document completes, the page it hit
            // says what was left out, and the text drawn before the bomb is read.
            let (_, _, warning, reads_text) = cases.iter().find(|c| c.0 == *name).unwrap();
            assert!(rec["error"].is_null(), "{name}: {}", rec["error"]);
            let warnings = rec["warnings"].as_array().unwrap();
            let hit = warnings
                .iter()
                .find(|w| w["message"].as_str().unwrap_or("").contains(warning));
            let hit = hit.unwrap_or_else(|| panic!("{name}: no warning {warning:?}: {warnings:?}"));
            assert_eq!(hit["page"], 1, "{name}: {hit}");
            let kind = if name.starts_with("annotation") {
                "annotation_failed"
            } else {
                "limit_reached"
            };
            assert_eq!(hit["kind"], kind, "{name}: {hit}");
            let text = rec["pages"][0]["text"].as_str().unwrap_or("");
            assert_eq!(
                text.contains("Giao So Y te trien khai"),
                *reads_text,
                "{name}: {text:?}"
            );
        }
    }
}
