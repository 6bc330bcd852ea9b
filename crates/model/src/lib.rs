//! The one data model every nhiemvu crate shares.
//!
//! A [`DocumentRecord`] is what the pipeline produces for one input file:
//! where it came from ([`Source`]), its metadata ([`Metadata`]), the tasks it
//! assigns ([`Task`]), its digital signatures, its page texts and any warnings
//! or the error that stopped it. The extractor fills it, the exporter
//! serialises it; neither redefines it. Every extracted value keeps its raw
//! text and a [`Provenance`] pointing back into a page.
//!
//! ```
//! use nhiemvu_model::{DocumentRecord, Source, SourceFormat};
//! let rec = DocumentRecord::new(Source::new("a.txt", "00", 1, SourceFormat::Text));
//! assert_eq!(rec.schema_version, nhiemvu_model::SCHEMA_VERSION);
//! assert!(rec.tasks.is_empty());
//! ```

mod moment;

pub use moment::Moment;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the JSON contract; bumped on any breaking change (see CHANGELOG.md).
pub const SCHEMA_VERSION: &str = "2";

/// The JSON Schema (draft 2020-12) of one output document, generated from these types.
/// `schema/document.schema.json` is this, committed; a test fails when they drift.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(DocumentRecord);
    let mut v = serde_json::to_value(&schema).expect("a schema serialises");
    // A contract, not a hint: its address, its version as a constant, and no field it does
    // not name (a misspelled field is an error for consumers that validate).
    v["$id"] = serde_json::Value::String(SCHEMA_ID.to_string());
    v["properties"]["schema_version"]["const"] = serde_json::Value::String(SCHEMA_VERSION.into());
    close_objects(&mut v);
    v
}

/// The schema's `$id`.
pub const SCHEMA_ID: &str = "https://nhiemvu.invalid/schema/document.schema.json";

/// `additionalProperties: false` on every object schema that lists its properties.
fn close_objects(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert(
                    "additionalProperties".into(),
                    serde_json::Value::Bool(false),
                );
            }
            for (_, child) in map.iter_mut() {
                close_objects(child);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// Everything the pipeline says about one input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentRecord {
    /// Contract version, [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// The tool that produced the record, so stale outputs can be detected.
    pub tool: ToolInfo,
    /// The input file.
    pub source: Source,
    /// Header, title, signers and references; `None` when the document could not be read.
    pub document: Option<Metadata>,
    /// Instructions found in the document.
    pub tasks: Vec<Task>,
    /// Digital signatures found in the PDF.
    pub signatures: Vec<Signature>,
    /// Footnotes removed from the running text, linked to their markers.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Per-page text as extracted (before cleaning), the anchor of every provenance.
    pub pages: Vec<Page>,
    /// What was odd but did not stop the document.
    pub warnings: Vec<Warning>,
    /// Set when the document could not be processed; then `tasks` is empty.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<ErrorInfo>,
}

impl DocumentRecord {
    /// An empty record for `source`, ready to be filled.
    pub fn new(source: Source) -> Self {
        DocumentRecord {
            schema_version: SCHEMA_VERSION.to_string(),
            tool: ToolInfo::default(),
            source,
            document: None,
            tasks: Vec::new(),
            signatures: Vec::new(),
            footnotes: Vec::new(),
            pages: Vec::new(),
            warnings: Vec::new(),
            error: None,
        }
    }

    /// A record that says `source` could not be processed.
    pub fn failed(source: Source, error: ErrorInfo) -> Self {
        let mut rec = DocumentRecord::new(source);
        rec.error = Some(error);
        rec
    }
}

/// Name and version of the producing tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ToolInfo {
    /// Always "nhiemvu".
    pub name: String,
    /// The crate version that produced the record.
    pub version: String,
}

impl Default for ToolInfo {
    fn default() -> Self {
        ToolInfo {
            name: "nhiemvu".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// What kind of file the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// A PDF file.
    Pdf,
    /// UTF-8 text already extracted elsewhere.
    Text,
}

/// The input file a record was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line, without loss: a byte that is not part of valid
    /// UTF-8 is written `%XX` (uppercase hex) and a `%` followed by two hex digits `%25`, so
    /// every `%XX` stands for one byte; any other path is written as it is.
    pub path: String,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// Number of pages (1 for a text file without form feeds).
    pub pages: u32,
    /// "pdf" or "text".
    pub format: SourceFormat,
}

impl Source {
    /// A source description.
    pub fn new(path: &str, sha256: &str, pages: u32, format: SourceFormat) -> Self {
        Source {
            path: path.to_string(),
            sha256: sha256.to_string(),
            pages,
            format,
        }
    }
}

/// One page's text, as extracted, plus text found in its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The page text in reading order; provenance offsets are byte offsets into it.
    pub text: String,
    /// Text drawn by widget/FreeText annotations (signature stamps, stamped numbers).
    #[serde(default)]
    pub annotations: Vec<AnnotationText>,
    /// Share of tokens that read as Vietnamese (0..1); `None` when not measured.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub readability: Option<f32>,
    /// Where the text came from: "text_layer" (the PDF's text, or the text file) or "ocr".
    #[serde(default)]
    pub text_source: TextSource,
    /// How an OCR'd page was read (confidence, resolution); absent for other pages.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ocr: Option<OcrInfo>,
    /// Positioned lines, kept for layout work; not serialised.
    #[serde(skip)]
    pub lines: Vec<TextLine>,
}

/// Where a page's text came from, so a reader knows which values to double-check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    /// The PDF's own text layer, or the text of a text file.
    #[default]
    TextLayer,
    /// Read from the page image by optical character recognition.
    Ocr,
    /// The PDF's text layer as poppler's `pdftotext` decodes it: a page whose fonts our own
    /// reader could not decode (a `poppler_text` warning says why).
    Poppler,
}

/// How one page was OCR'd.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OcrInfo {
    /// Mean word confidence of the OCR engine, 0..1.
    pub confidence: f32,
    /// Resolution of the image read, dots per inch.
    pub dpi: u32,
}

/// A rectangle in PDF user space (points, origin bottom-left).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rect {
    /// Left.
    pub x0: f32,
    /// Bottom.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Top.
    pub y1: f32,
}

/// One horizontal run of text with its position, the unit of layout analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TextLine {
    /// Text of the run.
    pub text: String,
    /// Bounding box of the run.
    pub rect: Rect,
    /// Dominant font size in points.
    pub font_size: f32,
    /// Font name of the first glyph (e.g. ".VnTime", "LiberationSerif-Bold").
    pub font: String,
}

/// Where an annotation's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    /// A form widget; signature fields are widgets.
    Widget,
    /// A FreeText annotation.
    FreeText,
    /// Another subtype with an appearance stream.
    Other,
}

/// Text drawn by an annotation's appearance stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnnotationText {
    /// Annotation subtype.
    pub kind: AnnotationKind,
    /// Form field name (`/T`), when the annotation is a field.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub field: Option<String>,
    /// True when the field is a signature field (`/FT /Sig`).
    #[serde(default)]
    pub signature_field: bool,
    /// The annotation rectangle on the page.
    pub rect: Rect,
    /// The text its appearance draws, lines joined with '\n'.
    pub text: String,
}

/// Kind of document, from its kind line (or "V/v" for a Công văn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Kết luận.
    KetLuan,
    /// Thông báo.
    ThongBao,
    /// Kế hoạch.
    KeHoach,
    /// Báo cáo.
    BaoCao,
    /// Công văn (official letter with a "V/v" subject).
    CongVan,
    /// Quyết định.
    QuyetDinh,
    /// Chỉ thị.
    ChiThi,
    /// Nghị quyết.
    NghiQuyet,
    /// Tờ trình.
    ToTrinh,
    /// Giấy mời.
    GiayMoi,
    /// Công điện (an urgent telegram-style instruction).
    CongDien,
    /// Chương trình (programme of work or action).
    ChuongTrinh,
    /// Hướng dẫn.
    HuongDan,
    /// Quy chế.
    QuyChe,
    /// Quy định.
    QuyDinh,
    /// Đề án.
    DeAn,
    /// Phương án.
    PhuongAn,
    /// Biên bản (minutes).
    BienBan,
    /// Thông tư.
    ThongTu,
    /// Nghị định.
    NghiDinh,
    /// Luật (a law, cited).
    Luat,
    /// Anything else.
    #[default]
    Other,
}

/// Whether the header follows the state (Decree 30) or Party (HD 36) form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocForm {
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    State,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    Party,
}

/// A document number and symbol split into parts ("146/KH-UBND", "09-TB/VPTU").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocNumber {
    /// As written after "Số".
    pub raw: String,
    /// The serial number; `None` when left blank for the signing service.
    pub serial: Option<String>,
    /// Kind code ("KH", "TB", "NQ"); `None` for a Công văn symbol.
    pub kind_code: Option<String>,
    /// Issuer code(s) ("UBND-KGVX", "VPTU").
    pub issuer_code: Option<String>,
}

/// A person who signed the document, from the signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Signer {
    /// "TM.", "KT.", "TL.", "TUQ.", "Q." or `None`.
    pub authority: Option<String>,
    /// On whose behalf ("Ban Thường vụ", "Ủy ban nhân dân").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_behalf_of: Option<String>,
    /// Position lines ("Phó Chánh Văn phòng").
    pub position: Option<String>,
    /// The signer's name.
    pub name: Option<String>,
}

/// Another document the text cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    /// The citation as written.
    pub text: String,
    /// Kind of the cited document.
    pub kind: DocKind,
    /// Number and symbol ("57-NQ/TW").
    pub number: Option<String>,
    /// Its date when given.
    pub date: Option<NaiveDate>,
    /// Who issued it when given ("Bộ Chính trị").
    pub issuer: Option<String>,
}

/// An appendix (PHỤ LỤC) and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Appendix {
    /// Label as written ("Phụ lục", "PHỤ LỤC I").
    pub label: String,
    /// Its title line(s).
    pub title: Option<String>,
    /// Page it starts on.
    pub page: u32,
}

/// Document metadata from the header, signature block and body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
pub struct Metadata {
    /// Kind of document.
    pub kind: DocKind,
    /// Number and symbol as written; `None` when blank.
    pub number: Option<String>,
    /// The number split into parts.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub number_parts: Option<DocNumber>,
    /// Issuing body, canonical ("Ủy ban nhân dân tỉnh Đắk Lắk").
    pub issuer: Option<String>,
    /// The body above the issuer in the header ("UBND TỈNH LÂM ĐỒNG").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issuer_parent: Option<String>,
    /// State or Party form.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub form: Option<DocForm>,
    /// Place in the date line.
    pub place: Option<String>,
    /// The administrative unit the document belongs to ("phường Ea Kao"), from the issuer
    /// or the text; unit names are completed with it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub locality: Option<String>,
    /// Full date; `None` when the day or month is blank.
    pub date: Option<NaiveDate>,
    /// The date line as written ("ngày    tháng 10 năm 2025").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date_raw: Option<String>,
    /// Header fields filled from text the signing service stamped into blanks
    /// ("number", "day"), read from annotation appearances; "date_signing_time" when the
    /// date is the signing time of the issuer's signature (its day blank or unreadable).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub stamped: Vec<String>,
    /// Year from the date line even when day or month are blank.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub year: Option<i32>,
    /// Month from the date line even when the day is blank.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<u32>,
    /// Title or "V/v" subject.
    pub title: Option<String>,
    /// "Kính gửi" addressees.
    pub addressees: Vec<String>,
    /// Signature block.
    pub signers: Vec<Signer>,
    /// "Nơi nhận" list.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Appendices.
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// Cited documents.
    pub references: Vec<Reference>,
}

/// An organisational unit as written and in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Unit {
    /// Canonical name: abbreviations expanded, NFC, one tone style.
    pub name: String,
    /// As written in the document.
    pub raw: String,
}

/// How often a recurring duty repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recurrence {
    /// How often: "daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "irregular".
    pub freq: Frequency,
    /// RFC 5545 RRULE ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10").
    pub rule: Option<String>,
    /// The phrase it came from.
    pub raw: String,
}

/// The period of a recurring duty; serialised as the lower-case English word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// Every day ("hằng ngày").
    Daily,
    /// Every week ("hằng tuần", "02 tuần/lần").
    Weekly,
    /// Every month ("hằng tháng").
    Monthly,
    /// Every quarter ("định kỳ hằng quý").
    Quarterly,
    /// Every six months ("định kỳ 6 tháng").
    Semiannual,
    /// Every year ("hằng năm").
    Yearly,
    /// Repeats, but with no fixed period ("đột xuất").
    Irregular,
}

impl Frequency {
    /// The serialised word ("monthly"), for messages and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Semiannual => "semiannual",
            Frequency::Yearly => "yearly",
            Frequency::Irregular => "irregular",
        }
    }
}

/// When a task must be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// Date or date-time by which it is due; `None` for open-ended.
    pub due: Option<Moment>,
    /// When it starts ("từ quý II/2026" → 2026-04-01).
    pub start: Option<Moment>,
    /// Periodic duties.
    pub recurrence: Option<Recurrence>,
    /// True for "thường xuyên", "kịp thời": ongoing, no date.
    #[serde(default)]
    pub ongoing: bool,
    /// The phrase(s) it came from.
    pub raw: String,
    /// The named rule that read the due date (or the recurrence), for auditors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_rule: Option<DateRule>,
}

/// The named rule that decided a task's lead or supporting units (annotation guide §3, 6, 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitRule {
    /// "Giao X …", "Yêu cầu X …", "Đề nghị X …": the addressee of the order.
    GiaoX,
    /// "X chủ trì …", "X triển khai …": the subject of the item's own sentence.
    XChuTri,
    /// "… (X)" closing the item.
    TrailingParen,
    /// "phối hợp (với) X": supporting units named in the item.
    PhoiHopX,
    /// The nearest enclosing heading that names a unit ("2. Sở Y tế:", "Trách nhiệm của X").
    Heading,
    /// A lead-in paragraph that names the units of the list below it.
    LeadIn,
    /// The addressees of a letter (Kính gửi) when the body speaks to them.
    Addressees,
    /// Another item gives this part's tasks to a unit ("X chủ trì các nhiệm vụ tại mục IV.1").
    CrossReference,
    /// A table column ("Đơn vị chủ trì", "Đơn vị phối hợp").
    TableColumn,
    /// Labelled fields after the item ("Đơn vị chủ trì: X", "Đơn vị phối hợp: Y").
    FieldLabel,
    /// The unit in a footnote item's parenthesis.
    Footnote,
}

/// The named rule that read a task's due date or recurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateRule {
    /// A date written in the item itself.
    OwnDate,
    /// A heading above the item says when its items must be done (guide rule 11).
    HeadingDate,
    /// A periodic duty ("hằng tháng", "định kỳ hằng quý").
    Recurrence,
    /// Ongoing with no date ("thường xuyên").
    Ongoing,
    /// A table column ("Thời gian hoàn thành").
    TableColumn,
    /// A labelled field after the item ("Thời gian thực hiện: Quý IV/2026").
    FieldLabel,
    /// Only a start is given ("từ quý II/2026"), no due date.
    Start,
    /// Tied to an event, not a date ("trước khi khởi công"): kept as raw, no date invented.
    Event,
}

/// How a target value compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Comparator {
    /// At least.
    #[serde(rename = ">=")]
    Ge,
    /// At most.
    #[serde(rename = "<=")]
    Le,
    /// Exactly.
    #[serde(rename = "=")]
    Eq,
    /// Between `value` and `value_max`.
    #[serde(rename = "range")]
    Range,
}

/// A measurable value a task commits to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// As written ("ít nhất 50%", "≥ 1,0% GRDP", "top 10/102").
    pub raw: String,
    /// Numeric value; `None` for qualitative cells ("Có").
    pub value: Option<f64>,
    /// Upper bound for a range ("80-90%").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value_max: Option<f64>,
    /// "%", "% GRDP", "rank", or a counted noun ("nhiệm vụ").
    pub unit: Option<String>,
    /// Comparison.
    pub comparator: Comparator,
    /// What is measured, when stated.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub measure: Option<String>,
    /// Milestone year (table columns "Đến hết năm 2030").
    pub by: Option<i32>,
}

/// Where a value came from: a page and byte offsets into that page's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// 1-based page number.
    pub page: u32,
    /// Byte offset of the start in `pages[page-1].text`.
    pub start: usize,
    /// Byte offset of the end (exclusive); may lie on a later page when the text crosses one.
    pub end: usize,
    /// The page `end` refers to, when different from `page`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end_page: Option<u32>,
}

/// One instruction to one or more units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    /// Stable id: same document bytes and task text give the same id.
    pub id: String,
    /// Outline path of the unit ("IV.1", "3.4", "2.2.5", "fn1.2").
    pub section: String,
    /// Full text, normalized (NFC, lines rejoined).
    pub text: String,
    /// Lead units (đơn vị chủ trì).
    pub assignees: Vec<Unit>,
    /// Supporting units (phối hợp).
    pub coordinators: Vec<Unit>,
    /// The named rule that chose the lead units, so a reader can see why a unit leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignees_rule: Option<UnitRule>,
    /// The named rule that chose the supporting units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinators_rule: Option<UnitRule>,
    /// Deadline, if the task has one.
    pub deadline: Option<Deadline>,
    /// Measurable targets.
    pub targets: Vec<Target>,
    /// Where the text came from.
    pub provenance: Provenance,
}

/// A footnote body removed from the running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    /// The marker ("1", "¹").
    pub marker: String,
    /// Body text, normalized.
    pub text: String,
    /// Where the body came from.
    pub provenance: Provenance,
}

/// Verdict on a signature's integrity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStatus {
    /// Digest and signature check out.
    Valid,
    /// The bytes changed after signing.
    DigestMismatch,
    /// The signature does not verify with the certificate's key.
    BadSignature,
    /// Algorithm or format this tool cannot check.
    Unsupported,
}

/// A digital signature in the PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
pub struct Signature {
    /// Field name (`/T`).
    pub field: Option<String>,
    /// `/SubFilter`.
    pub sub_filter: Option<String>,
    /// `/ByteRange`.
    pub byte_range: Vec<u64>,
    /// The `/M` signing time in RFC 3339 with its offset (`2025-03-28T09:15:00+07:00`);
    /// `None` when `/M` is missing or not a PDF date.
    pub signing_time: Option<String>,
    /// `/M` as written in the PDF (`D:20250328091500+07'00'`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signing_time_raw: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// Signer certificate subject, one entry per attribute ("CN=…").
    pub signer_subject: Option<String>,
    /// Signer's common name.
    pub signer_name: Option<String>,
    /// Signer's organisation.
    pub signer_org: Option<String>,
    /// Issuer of the signer certificate.
    pub issuer: Option<String>,
    /// Digest algorithm name ("sha256").
    pub digest_algorithm: Option<String>,
    /// Integrity verdict; `None` when not verified.
    pub status: Option<SignatureStatus>,
    /// True when the ByteRange covers the whole file.
    pub covers_whole_file: Option<bool>,
    /// Why the verdict is not `valid` (algorithm unsupported, digest differs…).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status_reason: Option<String>,
    /// The signed signing-time attribute (not `/M`), RFC 3339 in UTC (`Z`), when present.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signed_signing_time: Option<String>,
    /// Signature algorithm ("rsaEncryption", "ecdsa-with-SHA256").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signature_algorithm: Option<String>,
    /// The signer certificate's serial number, hex.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub serial: Option<String>,
    /// Certificate validity start, RFC 3339 in UTC (`Z`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub valid_from: Option<String>,
    /// Certificate validity end, RFC 3339 in UTC (`Z`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub valid_to: Option<String>,
    /// Signer's e-mail from the certificate.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signer_email: Option<String>,
    /// Signer's organisational unit.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signer_unit: Option<String>,
    /// What revisions appended after this signature change, when it does not cover the file.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modified_after_signing: Option<Modification>,
    /// Chain of trust: always "not_checked" (no national roots shipped).
    pub trust: String,
    /// Text of the visible stamp tied to this signature.
    pub stamp_text: Option<String>,
}

/// What bytes appended after a signature change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Modification {
    /// "nothing_visible", "signatures_only", "forms_and_annotations", "document_structure",
    /// "page_content" or "unreadable", from harmless to content-changing.
    pub change: String,
    /// Pages whose content differs from the signed revision, or that gained or changed an
    /// annotation other than a signature widget (a number stamped on after signing).
    pub changed_pages: Vec<u32>,
    /// Bytes appended after the signed range.
    pub appended_bytes: u64,
    /// Annotations (other than signature widgets) added or changed after signing, with the
    /// page they are on and their text; empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<ChangedAnnotation>,
}

/// An annotation added or changed after a signature: on which page, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChangedAnnotation {
    /// 1-based page number in the current file.
    pub page: u32,
    /// "added" or "changed".
    pub change: String,
    /// The annotation subtype ("FreeText", "Widget", "Stamp"…).
    pub subtype: String,
    /// Its text: `/Contents`, a field value `/V`, or the strings its appearance draws.
    pub text: String,
}

/// Something odd that did not stop the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// Machine-readable kind ("ocr_needed", "legacy_encoding", "page_failed").
    pub kind: WarningKind,
    /// Human-readable explanation.
    pub message: String,
    /// Page it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<u32>,
}

impl Warning {
    /// A warning of `kind` about `page`.
    pub fn new(kind: WarningKind, message: impl Into<String>, page: Option<u32>) -> Self {
        Warning {
            kind,
            message: message.into(),
            page,
        }
    }
}

/// Why a document could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    /// Machine-readable kind ("not_pdf", "empty", "encrypted", "panic", "io"…).
    pub kind: ErrorKind,
    /// Human-readable explanation with context.
    pub message: String,
}

/// Closed set of warning kinds; the JSON strings are the snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// An annotation's appearance could not be read.
    AnnotationFailed,
    /// More annotations on a page than the limit; the rest were skipped.
    AnnotationsSkipped,
    /// Part of a page's content (bytes of its content stream, a font) could not be read; the
    /// rest of the page was.
    ContentUnreadable,
    /// Text typed in TCVN3/VNI converted to Unicode.
    LegacyEncoding,
    /// A page reached an in-process cap (operators, glyphs, array items, `q` nesting, CMap
    /// ranges, predictor rows): what was over the cap was left out, the rest was read.
    LimitReached,
    /// No usable text layer on the page.
    OcrNeeded,
    /// A page needed OCR but the OCR tools are not installed.
    OcrUnavailable,
    /// A page could not be read; the others were.
    PageFailed,
    /// A page our reader could not read fully (fonts it cannot decode) was read by poppler's
    /// `pdftotext` instead; its `text_source` is `poppler`.
    PopplerText,
    /// A damaged file (cross-reference table, trailer, stream lengths) was rebuilt by scanning
    /// it for its objects before it was read.
    Repaired,
    /// A signature could not be checked.
    SignatureFailed,
    /// Signature fields present but unreadable.
    SignaturesUnreadable,
}

impl WarningKind {
    /// The JSON string of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::AnnotationFailed => "annotation_failed",
            WarningKind::AnnotationsSkipped => "annotations_skipped",
            WarningKind::ContentUnreadable => "content_unreadable",
            WarningKind::LegacyEncoding => "legacy_encoding",
            WarningKind::LimitReached => "limit_reached",
            WarningKind::OcrNeeded => "ocr_needed",
            WarningKind::OcrUnavailable => "ocr_unavailable",
            WarningKind::PageFailed => "page_failed",
            WarningKind::PopplerText => "poppler_text",
            WarningKind::Repaired => "repaired",
            WarningKind::SignatureFailed => "signature_failed",
            WarningKind::SignaturesUnreadable => "signatures_unreadable",
        }
    }
}

/// Closed set of reasons a document was not processed; the JSON strings are snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The input is empty.
    Empty,
    /// Not a PDF (and not text).
    NotPdf,
    /// Text input that is not UTF-8.
    NotUtf8,
    /// Needs a password.
    Encrypted,
    /// A PDF too damaged to read.
    MalformedPdf,
    /// Over a size, page or nesting limit.
    LimitExceeded,
    /// Over the per-document time limit.
    TimeLimit,
    /// A contained panic.
    Panic,
    /// The worker process parsing the document died (abort, signal, stack overflow).
    Crashed,
    /// The worker process passed its memory limit.
    MemoryLimit,
    /// The input is a FIFO, a device or a socket, not a file; it was not read.
    NotAFile,
}

impl ErrorKind {
    /// The JSON string of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::NotPdf => "not_pdf",
            ErrorKind::NotUtf8 => "not_utf8",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::MalformedPdf => "malformed_pdf",
            ErrorKind::LimitExceeded => "limit_exceeded",
            ErrorKind::TimeLimit => "time_limit",
            ErrorKind::Panic => "panic",
            ErrorKind::Crashed => "crashed",
            ErrorKind::MemoryLimit => "memory_limit",
            ErrorKind::NotAFile => "not_a_file",
        }
    }
}

macro_rules! closed_kind_impls {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        /// Compares with the JSON string, so callers can test `kind == "ocr_needed"`.
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}
closed_kind_impls!(WarningKind);
closed_kind_impls!(ErrorKind);
