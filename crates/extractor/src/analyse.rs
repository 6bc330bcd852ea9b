//! From pages to metadata and tasks: the text half of the pipeline.

use crate::deadline::{self, DateContext};
use crate::{header, outline, table, target, tasks};
use nhiemvu_model::{Footnote, Metadata, Page, Provenance, Task, Unit, Warning};
use nhiemvu_normalizer::layout::{self, CleanText, PageIn, Paragraph};
use nhiemvu_normalizer::lexicon::{markers, verbs};
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
    let body: Vec<String> = plain(&texts[range.clone()]);
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
            let mut task = env.draft_task(d, provenance);
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
        let body: Vec<String> = plain(&texts[start..end]);
        let refs: Vec<&str> = body.iter().map(|s| s.as_str()).collect();
        let tree = outline::build(&refs, continues_item);
        for d in tasks::find(&tree, &body, kind, &[]) {
            let para_idx: Vec<usize> = d.paras.iter().map(|p| p + start).collect();
            let provenance = provenance_of(&clean, &paras, &para_idx);
            let section = format!("KT{}.{}", k + 1, d.section);
            let d = tasks::Draft { section, ..d };
            out_tasks.push(env.draft_task(&d, provenance));
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
        for d in tasks::footnote_tasks(&f.marker, &f.text) {
            out_tasks.push(env.draft_task(&d, prov));
        }
    }
    // KPI tables in appendices: each row with a responsible unit is a task.
    let body_tasks = out_tasks.len();
    let mut row_contents = Vec::new();
    for row in table::appendix_tasks(
        pages,
        &clean,
        &paras,
        &regions.appendices,
        regions.body_end,
        &ctx,
    ) {
        let mut task = env.task(
            &row.section,
            &row.text,
            &row.responsible,
            &row.coordinators,
            row.provenance,
        );
        task.assignees_rule = Some(nhiemvu_model::UnitRule::TableColumn);
        task.coordinators_rule =
            (!task.coordinators.is_empty()).then_some(nhiemvu_model::UnitRule::TableColumn);
        task.deadline = row.deadline;
        task.targets = row.targets;
        row_contents.push(row.content);
        out_tasks.push(task);
    }
    drop_restated(&mut out_tasks, body_tasks, &row_contents);
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

/// A body item restated by a task-table row of the same document is one task, the row's:
/// the body items (the first `body_tasks`) that a row's activity cell (`row_contents`, in
/// the order of the rows after them; empty for KPI rows) restates go.
fn drop_restated(tasks: &mut Vec<Task>, body_tasks: usize, row_contents: &[String]) {
    let body: Vec<&str> = tasks[..body_tasks]
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    let rows: Vec<&str> = row_contents.iter().map(String::as_str).collect();
    let gone = restated(&body, &rows);
    let mut k = 0;
    tasks.retain(|_| {
        k += 1;
        !gone.contains(&(k - 1))
    });
}

fn restated(body: &[&str], rows: &[&str]) -> Vec<usize> {
    let items: Vec<_> = body.iter().map(|t| bigrams(t)).collect();
    let mut gone = Vec::new();
    for row in rows.iter().filter(|r| !r.is_empty()) {
        let row = bigrams(row);
        let best = (0..items.len())
            .filter(|b| !gone.contains(b))
            .map(|b| (b, overlap(&row, &items[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((b, _)) = best.filter(|&(_, s)| s >= RESTATED) {
            gone.push(b);
        }
    }
    gone
}

/// Share of word pairs two texts have in common (of the longer one's) above which one
/// restates the other.
const RESTATED: f64 = 0.6;

fn bigrams(text: &str) -> std::collections::HashSet<(String, String)> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    words
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

fn overlap(
    a: &std::collections::HashSet<(String, String)>,
    b: &std::collections::HashSet<(String, String)>,
) -> f64 {
    let longer = a.len().max(b.len()).max(1);
    a.intersection(b).count() as f64 / longer as f64
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
    let clean = layout::clean_pages_on(&inputs, inputs.len() >= crate::limits::PARALLEL_FROM_PAGES);
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

/// Body paragraphs without Markdown emphasis (text input converted from word processors
/// marks bold headings `**…**`), so markers and headings read as printed.
fn plain(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .map(|t| markers::strip_emphasis(t).into_owned())
        .collect()
}

/// An unmarked paragraph continues the list item before it when it starts in lower case
/// (a page break mid-sentence) or opens with a coordination verb and no subject.
pub fn continues_item(text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase())
        || (tasks::is_instruction(text)
            && crate::units::unit_phrase_len(text).is_none()
            && verbs::begins_with(text, verbs::COORD)
            && !verbs::begins_with(text, verbs::ANSWERS_FOR))
}

/// What every task of one document shares: the document hash (for ids), its date (for
/// deadlines) and its locality (for unit names).
struct TaskEnv<'a> {
    sha256: &'a str,
    ctx: DateContext,
    locality: Option<units::Locality>,
}

impl TaskEnv<'_> {
    /// The task of a draft, with the rules that chose its units.
    fn draft_task(&self, d: &tasks::Draft, provenance: Provenance) -> Task {
        let mut task = self.task(&d.section, &d.text, &d.leads, &d.coordinators, provenance);
        task.assignees_rule = d.leads_rule.filter(|_| !task.assignees.is_empty());
        task.coordinators_rule = d
            .coordinators_rule
            .filter(|_| !task.coordinators.is_empty());
        // An item block's "Thời gian thực hiện: …" field dates tasks that give no date.
        // Only a date: "Thường xuyên" or a period word in a time field state no duty cycle.
        if task.deadline.is_none() {
            let field = d.due_text.as_deref();
            task.deadline = field
                .and_then(|due| deadline::find_deadline(due, &self.ctx))
                .filter(|dl| dl.due.is_some() && dl.recurrence.is_none());
        }
        task
    }

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

#[cfg(test)]
mod tests;
