//! From pages to metadata and tasks: the text half of the pipeline.

use crate::deadline::{self, DateContext};
use crate::{header, outline, table, target, tasks};
use nhiemvu_model::{Footnote, Metadata, Page, Provenance, Task, Unit, Warning};
use nhiemvu_normalizer::layout::{self, CleanText, PageIn, Paragraph};
use nhiemvu_normalizer::units;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// What the text half of the pipeline finds in a document.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Header and end-matter metadata.
    pub metadata: Metadata,
    /// Tasks in document order.
    pub tasks: Vec<Task>,
    /// Footnote bodies.
    pub footnotes: Vec<Footnote>,
    /// Non-fatal findings.
    pub warnings: Vec<Warning>,
}

/// Analyse `pages` of a document whose bytes hash to `sha256`.
pub fn analyse(pages: &[Page], sha256: &str) -> Analysis {
    let (clean, paras) = clean_paragraphs(pages);
    let texts: Vec<String> = paras.iter().map(|p| p.text.clone()).collect();
    let (mut metadata, regions) = header::parse(&texts);
    if let Some(first) = pages.first() {
        header::merge_stamped(&mut metadata, first);
    }
    let locality = metadata
        .issuer
        .as_deref()
        .and_then(units::locality_from_issuer)
        .or_else(|| units::Locality::most_named_in(&texts));
    metadata.locality = locality.as_ref().map(|l| l.to_string());

    let range = body_range(&regions);
    let body: Vec<String> = texts[range.clone()].to_vec();
    let offset = range.start;
    let refs: Vec<&str> = body.iter().map(|s| s.as_str()).collect();
    let tree = outline::build(&refs, continues_item);
    if std::env::var_os("NHIEMVU_DEBUG_OUTLINE").is_some() {
        eprintln!("regions {:?} kind {:?}", regions, metadata.kind);
        for (i, t) in texts.iter().enumerate() {
            eprintln!("P{i}: {}", t.chars().take(100).collect::<String>());
        }
        for n in &tree.nodes {
            let t = n.paras.first().map(|&p| body[p].as_str()).unwrap_or("");
            eprintln!("{:>12} {}", n.path, t.chars().take(90).collect::<String>());
        }
    }
    let drafts = tasks::find(&tree, &body, metadata.kind, &metadata.addressees);

    let ctx = DateContext {
        date: metadata.date,
        year: metadata.year,
        month: metadata.month,
        text_date: None,
    }
    .anchored_on(&body);
    let env = TaskEnv {
        sha256,
        ctx,
        locality: locality.clone(),
    };
    // Tasks are independent once found: their dates and targets are read on every core.
    let mut out_tasks: Vec<Task> = drafts
        .par_iter()
        .map(|d| {
            let para_idx: Vec<usize> = d.paras.iter().map(|p| p + offset).collect();
            let provenance = provenance_of(&clean, &paras, &para_idx);
            let mut task = env.task(&d.section, &d.text, &d.leads, &d.coordinators, provenance);
            // The block's time field, or a heading that says when its items must be done,
            // dates the items that have no date of their own.
            let own = task.deadline.take();
            task.deadline = deadline::with_outline(
                &d.text,
                own,
                &tree,
                &body,
                (&d.section, &d.paras),
                &env.ctx,
            );
            task
        })
        .collect();
    // Documents issued with this one (a Kế hoạch attached to a Quyết định) carry tasks too.
    for (k, &(kind, start, end)) in regions.attachments.iter().enumerate() {
        let body: Vec<String> = texts[start..end].to_vec();
        let refs: Vec<&str> = body.iter().map(|s| s.as_str()).collect();
        let tree = outline::build(&refs, continues_item);
        for d in tasks::find(&tree, &body, kind, &[]) {
            let para_idx: Vec<usize> = d.paras.iter().map(|p| p + start).collect();
            let provenance = provenance_of(&clean, &paras, &para_idx);
            let section = format!("KT{}.{}", k + 1, d.section);
            out_tasks.push(env.task(&section, &d.text, &d.leads, &d.coordinators, provenance));
        }
    }
    // Footnote items that name their unit in parentheses are tasks too.
    let mut footnotes = Vec::new();
    for f in &clean.footnotes {
        let prov = Provenance {
            page: f.page,
            start: f.start,
            end: f.end,
            end_page: None,
        };
        footnotes.push(Footnote {
            marker: f.marker.clone(),
            text: f.text.clone(),
            provenance: prov,
        });
        for (k, item) in footnote_items(&f.text).into_iter().enumerate() {
            let p = crate::units::parties_in(&item);
            if p.leads.is_empty() || !item.trim_end().trim_end_matches(['.', ';']).ends_with(')') {
                continue;
            }
            let section = format!("fn{}.{}", f.marker, k + 1);
            out_tasks.push(env.task(&section, &item, &p.leads, &p.coordinators, prov));
        }
    }
    // KPI tables in appendices: each row with a responsible unit is a task.
    for (k, &a) in regions.appendices.iter().enumerate() {
        let Some(first) = paras.get(a).and_then(|p| p.lines.first().copied()) else {
            continue;
        };
        let until = regions
            .appendices
            .get(k + 1)
            .and_then(|&n| paras.get(n))
            .and_then(|p| p.lines.first().copied())
            .unwrap_or(clean.all_lines.len());
        let idx: Vec<usize> = (first..until)
            // Repeated table headers count as running headers; the table needs them.
            .filter(|&i| {
                matches!(
                    clean.all_lines[i].role,
                    layout::LineRole::Body | layout::LineRole::RunningHeader
                )
            })
            .collect();
        // Raw line text (NFC, spacing kept): blank runs place values in their columns.
        let lines: Vec<String> = idx
            .iter()
            .map(|&i| {
                let l = &clean.all_lines[i];
                let raw = pages
                    .iter()
                    .find(|p| p.number == l.page)
                    .map(|p| &p.text[l.start..l.end]);
                nhiemvu_normalizer::text::nfc(raw.unwrap_or(&l.text))
            })
            .collect();
        if !table::is_kpi_table(&lines) {
            continue;
        }
        // PDF input: rebuild rows from positions; text input: from the lines.
        let first_page = clean.all_lines[first].page;
        let runs: Vec<(u32, &nhiemvu_model::TextLine)> = pages
            .iter()
            .filter(|p| p.number >= first_page)
            .flat_map(|p| {
                let skip = if p.number == first_page {
                    p.lines
                        .iter()
                        .position(|r| r.text.trim_start().to_lowercase().starts_with("phụ lục"))
                        .unwrap_or(0)
                } else {
                    0
                };
                p.lines.iter().skip(skip).map(move |r| (p.number, r))
            })
            .collect();
        let by_position = table::rows_from_runs(&runs, &table::header_years(&lines));
        let rows = if by_position.len() >= 2 {
            by_position
        } else {
            table::rows(&lines)
        };
        for row in rows {
            if row.responsible.is_empty() {
                continue;
            }
            let prov = match row.page {
                Some(pg) => {
                    let text = pages
                        .iter()
                        .find(|p| p.number == pg)
                        .map(|p| p.text.as_str())
                        .unwrap_or("");
                    let probe: String = row
                        .indicator
                        .split_whitespace()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let start = text.find(&probe).unwrap_or(0);
                    Provenance {
                        page: pg,
                        start,
                        end: start + probe.len(),
                        end_page: None,
                    }
                }
                None => {
                    let (f, l) = (
                        &clean.all_lines[idx[row.first_line]],
                        &clean.all_lines[idx[row.last_line]],
                    );
                    Provenance {
                        page: f.page,
                        start: f.start,
                        end: l.end,
                        end_page: (l.page != f.page).then_some(l.page),
                    }
                }
            };
            let section = format!("PL{}.{}", k + 1, row.number);
            let mut task = env.task(&section, &row.text, &row.responsible, &[], prov);
            task.deadline = deadline::find_deadline(&row.indicator, &ctx);
            task.targets = row
                .values
                .iter()
                .zip(&row.years)
                .map(|(v, y)| target::parse_cell(v, *y).unwrap_or_else(|| raw_target(v, *y)))
                .collect();
            // A single milestone is the row's due date.
            if let ([_], [Some(y)]) = (row.values.as_slice(), row.years.as_slice()) {
                let due =
                    chrono::NaiveDate::from_ymd_opt(*y, 12, 31).map(nhiemvu_model::Moment::Date);
                let d = task.deadline.get_or_insert(nhiemvu_model::Deadline {
                    due: None,
                    start: None,
                    recurrence: None,
                    ongoing: false,
                    raw: String::new(),
                    due_rule: None,
                });
                if d.due.is_none() {
                    d.due = due;
                    d.raw = format!("Đến hết năm {y}");
                }
            }
            out_tasks.push(task);
        }
    }
    for (i, a) in regions.appendices.iter().enumerate() {
        if let (Some(app), Some(p)) = (metadata.appendices.get_mut(i), paras.get(*a)) {
            app.page = clean.all_lines[p.lines[0]].page;
        }
    }
    Analysis {
        metadata,
        tasks: out_tasks,
        footnotes,
        warnings: Vec::new(),
    }
}

/// The first stage of [`analyse`]: `pages` cleaned into lines (page numbers, running
/// headers, footnotes and stamps set apart) and rejoined into paragraphs.
pub fn clean_paragraphs(pages: &[Page]) -> (layout::CleanText, Vec<layout::Paragraph>) {
    let inputs: Vec<PageIn<'_>> = pages
        .iter()
        .map(|p| PageIn {
            number: p.number,
            text: &p.text,
            lines: &p.lines,
        })
        .collect();
    let clean = layout::clean_pages(&inputs);
    let paras = layout::paragraphs(&clean);
    (clean, paras)
}

/// The paragraphs tasks are looked for in: between the header and the end matter,
/// appendices left out.
pub fn body_range(regions: &header::Regions) -> std::ops::Range<usize> {
    let end = regions
        .appendices
        .first()
        .copied()
        .unwrap_or(regions.body_end)
        .min(regions.body_end);
    regions.body_start.min(end)..end
}

/// An unmarked paragraph continues the list item before it when it starts in lower case
/// (a page break mid-sentence) or opens with a verb and no subject.
pub fn continues_item(text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase())
        || (tasks::is_instruction(text)
            && crate::units::unit_phrase_len(text).is_none()
            && text.starts_with("Phối hợp"))
}

/// What every task of one document shares: the document hash (for ids), its date (for
/// deadlines) and its locality (for unit names).
struct TaskEnv<'a> {
    sha256: &'a str,
    ctx: DateContext,
    locality: Option<units::Locality>,
}

impl TaskEnv<'_> {
    /// A task with its stable id, canonical units, deadline and targets.
    fn task(
        &self,
        section: &str,
        text: &str,
        leads: &[String],
        coords: &[String],
        provenance: Provenance,
    ) -> Task {
        let (sha256, ctx, locality) = (self.sha256, &self.ctx, self.locality.as_ref());
        let mut h = Sha256::new();
        h.update(sha256.as_bytes());
        h.update([0]);
        h.update(section.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        let id = hex::encode(&h.finalize()[..8]);
        Task {
            id,
            section: section.to_string(),
            text: text.to_string(),
            assignees: leads.iter().map(|r| unit(r, locality)).collect(),
            coordinators: coords.iter().map(|r| unit(r, locality)).collect(),
            assignees_rule: None,
            coordinators_rule: None,
            deadline: deadline::find_deadline(text, ctx),
            targets: target::find_targets(text),
            provenance,
        }
    }
}

/// A target known only by its text (a cell the target parser does not read).
fn raw_target(v: &str, by: Option<i32>) -> nhiemvu_model::Target {
    nhiemvu_model::Target {
        raw: v.to_string(),
        value: None,
        value_max: None,
        unit: None,
        comparator: nhiemvu_model::Comparator::Eq,
        measure: None,
        by,
    }
}

fn unit(raw: &str, locality: Option<&units::Locality>) -> Unit {
    Unit {
        name: units::canonical_unit(raw, locality),
        raw: raw.to_string(),
    }
}

fn provenance_of(clean: &CleanText, paras: &[Paragraph], idx: &[usize]) -> Provenance {
    let first = idx
        .iter()
        .filter_map(|&i| paras.get(i))
        .flat_map(|p| p.lines.first())
        .next();
    let last = idx
        .iter()
        .rev()
        .filter_map(|&i| paras.get(i))
        .flat_map(|p| p.lines.last())
        .next();
    match (first, last) {
        (Some(&f), Some(&l)) => {
            let (fl, ll) = (&clean.all_lines[f], &clean.all_lines[l]);
            Provenance {
                page: fl.page,
                start: fl.start,
                end: ll.end,
                end_page: (ll.page != fl.page).then_some(ll.page),
            }
        }
        _ => Provenance {
            page: 1,
            start: 0,
            end: 0,
            end_page: None,
        },
    }
}

/// Split a footnote body into its "(1) …; (2) …" items (the whole body when unnumbered).
fn footnote_items(text: &str) -> Vec<String> {
    static ITEM: once_cell::sync::Lazy<regex::Regex> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(r"(?:^|[;.]\s*)\((\d{1,2})\)\s*").unwrap());
    let starts: Vec<(usize, usize)> = ITEM.find_iter(text).map(|m| (m.start(), m.end())).collect();
    if starts.is_empty() {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    for (k, &(_, body_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|s| s.0 + 1).unwrap_or(text.len());
        let end = end.min(text.len()).max(body_start);
        out.push(
            text[body_start..end]
                .trim()
                .trim_end_matches(';')
                .trim()
                .to_string(),
        );
    }
    out
}
