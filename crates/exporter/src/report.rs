//! The tracking report: ONE self-contained HTML file (no network; it works from a USB stick)
//! with the status grid per lead unit and in total, due-soon (7/3/1 days) and overdue lists,
//! tabs by role (lead, supporting, monitoring), a timeline by deadline month, KPI targets,
//! the documents with their signature status, and the documents that failed or need OCR,
//! each named. Filters by unit, status and document run in the page (also from the URL
//! fragment: `report.html#unit=Sở Y tế&status=overdue&role=lead`), without a server.

use crate::labels;
use crate::table::kind_label;
use crate::tracking::{
    grid_by_lead, month_key, no_task_reason, signature_label, signature_state, track_all,
    unit_name, Completions, Status, Tracked,
};
use chrono::NaiveDate;
use nhiemvu_model::DocumentRecord;
use std::collections::BTreeMap;
use std::fmt::Write;

/// HTML-escape text for element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// dd/mm/yyyy, as offices write dates.
fn vn_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

const STYLE: &str = r#"
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;font-size:.92em}
th{background:#f0f3f7;text-align:left}td.n{text-align:right}
tr.overdue td{background:#fde2e1}tr.soon td{background:#ffe9c7}
.tabs button{padding:.4em 1em;margin-right:.3em;border:1px solid #99a;background:#fff;cursor:pointer}
.tabs button.on{background:#234;color:#fff}
.filters label{margin-right:1em}.muted{color:#777}.bad{color:#b00}
"#;

/// The script: filters rows by unit, role, status and document, recomputes the counts.
const SCRIPT: &str = r#"
(function(){
const $=s=>document.querySelector(s),$$=s=>Array.from(document.querySelectorAll(s));
const state={unit:'',role:'all',status:'',doc:''};
function has(list,u){return list.split('|').indexOf(u)>=0}
function shown(tr){
 const lead=tr.dataset.lead,coord=tr.dataset.coord,u=state.unit;
 if(u){ if(state.role==='lead'&&!has(lead,u))return false;
   if(state.role==='coord'&&!has(coord,u))return false;
   if(state.role==='all'&&!has(lead,u)&&!has(coord,u))return false;}
 if(state.status&&tr.dataset.status!==state.status)return false;
 if(state.doc&&tr.dataset.doc!==state.doc)return false;
 return true}
function apply(){
 const rows=$$('#tasks tbody tr');let n=0;const counts={};
 rows.forEach(tr=>{const v=shown(tr);tr.hidden=!v;if(v){n++;counts[tr.dataset.status]=(counts[tr.dataset.status]||0)+1}});
 $('#shown').textContent=n;
 $$('#total-grid td[data-status]').forEach(td=>{td.textContent=counts[td.dataset.status]||0});
 $('#total-grid td.all').textContent=n;
 $$('.tabs button').forEach(b=>b.classList.toggle('on',b.dataset.role===state.role));
 $('#f-unit').value=state.unit;$('#f-status').value=state.status;$('#f-doc').value=state.doc;
 const parts=[];for(const k of ['unit','role','status','doc'])if(state[k]&&!(k==='role'&&state[k]==='all'))parts.push(k+'='+encodeURIComponent(state[k]));
 history.replaceState(null,'',parts.length?'#'+parts.join('&'):location.pathname)}
function fromHash(){
 const h=decodeURIComponent(location.hash.replace(/^#/,''));
 h.split('&').forEach(p=>{const i=p.indexOf('=');if(i>0){const k=p.slice(0,i);if(k in state)state[k]=p.slice(i+1)}})}
$('#f-unit').onchange=e=>{state.unit=e.target.value;apply()};
$('#f-status').onchange=e=>{state.status=e.target.value;apply()};
$('#f-doc').onchange=e=>{state.doc=e.target.value;apply()};
$$('.tabs button').forEach(b=>b.onclick=()=>{state.role=b.dataset.role;apply()});
fromHash();apply();
})();
"#;

/// The report of `records` judged on `as_of`; `link` gives the address of a record's
/// source file (a page number is added as `#page=N`).
pub fn html(
    records: &[DocumentRecord],
    as_of: NaiveDate,
    completions: &Completions,
    link: &dyn Fn(&DocumentRecord) -> String,
) -> String {
    let tasks = track_all(records, as_of, completions);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>Theo dõi thực hiện nhiệm vụ — {}</title><style>{STYLE}</style></head><body>\n",
        vn_date(as_of)
    );
    let _ = write!(
        h,
        "<h1>Theo dõi thực hiện nhiệm vụ</h1>\n<p>Ngày đánh giá: <b id=\"as-of\">{}</b> \
         (giờ Việt Nam) · {} văn bản · <b id=\"task-count\">{}</b> nhiệm vụ · đang hiển thị \
         <b id=\"shown\">{}</b></p>\n",
        vn_date(as_of),
        records.len(),
        tasks.len(),
        tasks.len()
    );
    filters(&mut h, records, &tasks);
    grid(&mut h, &tasks);
    due_lists(&mut h, &tasks);
    timeline(&mut h, &tasks);
    targets(&mut h, &tasks);
    task_table(&mut h, &tasks, link);
    documents(&mut h, records, link);
    failed(&mut h, records);
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body></html>\n");
    h
}

fn filters(h: &mut String, records: &[DocumentRecord], tasks: &[Tracked<'_>]) {
    let mut units: Vec<&str> = tasks
        .iter()
        .flat_map(|t| t.task.assignees.iter().chain(&t.task.coordinators))
        .map(unit_name)
        .collect();
    units.sort();
    units.dedup();
    h.push_str("<div class=\"filters\"><label>Đơn vị <select id=\"f-unit\"><option value=\"\">(tất cả)</option>");
    for u in units {
        let _ = write!(h, "<option>{}</option>", esc(u));
    }
    h.push_str("</select></label><label>Trạng thái <select id=\"f-status\"><option value=\"\">(tất cả)</option>");
    for s in Status::ALL {
        let _ = write!(h, "<option value=\"{}\">{}</option>", s.key(), s.label());
    }
    h.push_str(
        "</select></label><label>Văn bản <select id=\"f-doc\"><option value=\"\">(tất cả)</option>",
    );
    for r in records.iter().filter(|r| !r.tasks.is_empty()) {
        let _ = write!(
            h,
            "<option value=\"{}\">{}</option>",
            esc(&r.source.path),
            esc(&doc_name(r))
        );
    }
    let _ = writeln!(
        h,
        "</select></label></div>\n<div class=\"tabs\"><button data-role=\"lead\">{}</button>\
         <button data-role=\"coord\">{}</button><button data-role=\"all\">{}</button></div>",
        labels::ROLE_LEAD,
        labels::ROLE_COORD,
        labels::ROLE_ALL
    );
}

fn grid(h: &mut String, tasks: &[Tracked<'_>]) {
    let (rows, total) = grid_by_lead(tasks);
    h.push_str("<h2>Tình hình thực hiện</h2>\n<table id=\"total-grid\"><tr><th>Tổng số</th>");
    for s in Status::ALL {
        let _ = write!(h, "<th>{}</th>", s.label());
    }
    let _ = write!(h, "</tr><tr><td class=\"n all\">{}</td>", total.total());
    for s in Status::ALL {
        let _ = write!(
            h,
            "<td class=\"n\" data-status=\"{}\">{}</td>",
            s.key(),
            total.get(s)
        );
    }
    let _ = write!(
        h,
        "</tr></table>\n<h2>{}</h2>\n<table id=\"unit-grid\"><tr><th>{}</th><th>Tổng số</th>",
        labels::BY_LEAD_UNIT,
        labels::LEAD_UNIT
    );
    for s in Status::ALL {
        let _ = write!(h, "<th>{}</th>", s.label());
    }
    h.push_str("</tr>\n");
    for (unit, g) in &rows {
        let name = if unit.is_empty() {
            "(chưa xác định)"
        } else {
            unit
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td>",
            esc(name),
            g.total()
        );
        for s in Status::ALL {
            let _ = write!(h, "<td class=\"n\">{}</td>", g.get(s));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
}

fn due_lists(h: &mut String, tasks: &[Tracked<'_>]) {
    for (days, id) in [(1, "due-1"), (3, "due-3"), (7, "due-7")] {
        let list: Vec<&Tracked<'_>> = tasks.iter().filter(|t| t.due_within(days)).collect();
        let _ = write!(
            h,
            "<h2>Sắp đến hạn trong {days} ngày ({})</h2>\n<ul id=\"{id}\">",
            list.len()
        );
        for t in list {
            item(h, t);
        }
        h.push_str("</ul>\n");
    }
    let overdue: Vec<&Tracked<'_>> = tasks
        .iter()
        .filter(|t| t.status == Status::Overdue)
        .collect();
    let _ = write!(
        h,
        "<h2 class=\"bad\">Quá hạn ({})</h2>\n<ul id=\"overdue\">",
        overdue.len()
    );
    for t in overdue {
        item(h, t);
    }
    h.push_str("</ul>\n");
}

/// One task in a list: its text, lead and due date.
fn item(h: &mut String, t: &Tracked<'_>) {
    let due = t.due.map(vn_date).unwrap_or_default();
    let _ = write!(
        h,
        "<li><a href=\"#t-{}\">{}</a> — {} — hạn {}</li>",
        esc(&t.task.id),
        esc(&short(&t.task.text, 140)),
        esc(&units(&t.task.assignees)),
        due
    );
}

fn timeline(h: &mut String, tasks: &[Tracked<'_>]) {
    let mut by: BTreeMap<String, Vec<&Tracked<'_>>> = BTreeMap::new();
    for t in tasks {
        if let Some(d) = t.due {
            by.entry(month_key(d)).or_default().push(t);
        }
    }
    h.push_str("<h2>Theo thời hạn (tháng)</h2>\n<table id=\"timeline\"><tr><th>Tháng</th><th>Số nhiệm vụ</th><th>Quá hạn</th></tr>\n");
    for (month, ts) in &by {
        let late = ts.iter().filter(|t| t.status == Status::Overdue).count();
        let _ = writeln!(
            h,
            "<tr><td>{month}</td><td class=\"n\">{}</td><td class=\"n\">{late}</td></tr>",
            ts.len()
        );
    }
    h.push_str("</table>\n");
}

fn targets(h: &mut String, tasks: &[Tracked<'_>]) {
    let _ = writeln!(
        h,
        "<h2>Chỉ tiêu</h2>\n<table id=\"targets\"><tr><th>Chỉ tiêu</th><th>Nhiệm vụ</th><th>{}</th></tr>",
        labels::LEAD_UNIT
    );
    for t in tasks {
        for tg in &t.task.targets {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td><a href=\"#t-{}\">{}</a></td><td>{}</td></tr>",
                esc(&tg.raw),
                esc(&t.task.id),
                esc(&short(&t.task.text, 100)),
                esc(&units(&t.task.assignees))
            );
        }
    }
    h.push_str("</table>\n");
}

fn task_table(h: &mut String, tasks: &[Tracked<'_>], link: &dyn Fn(&DocumentRecord) -> String) {
    let _ = writeln!(
        h,
        "<h2>Nhiệm vụ</h2>\n<table id=\"tasks\"><thead><tr><th>#</th><th>Nội dung</th>\
         <th>{}</th><th>{}</th><th>Thời hạn</th><th>Trạng thái</th><th>Văn bản</th>\
         </tr></thead><tbody>",
        labels::ROLE_LEAD,
        labels::ROLE_COORD
    );
    for (i, t) in tasks.iter().enumerate() {
        let class = match (t.status, t.days_left) {
            (Status::Overdue, _) => " class=\"overdue\"",
            (Status::Open, Some(d)) if d <= 3 => " class=\"soon\"",
            _ => "",
        };
        let names =
            |us: &[nhiemvu_model::Unit]| us.iter().map(unit_name).collect::<Vec<_>>().join("|");
        let raw = t.task.deadline.as_ref().map_or("", |d| d.raw.as_str());
        let due = t.due.map(vn_date).unwrap_or_default();
        let days = match (t.days_left, t.status.is_done()) {
            (Some(d), false) if d < 0 => format!(" (quá {} ngày)", -d),
            (Some(d), false) => format!(" (còn {d} ngày)"),
            _ => String::new(),
        };
        let _ = writeln!(
            h,
            "<tr id=\"t-{id}\"{class} data-lead=\"{lead}\" data-coord=\"{coord}\" data-status=\"{st}\" \
             data-doc=\"{doc}\"><td class=\"n\">{n}</td><td>{text}</td><td>{leads}</td><td>{coords}</td>\
             <td>{due}{days}<br><span class=\"muted\">{raw}</span></td><td>{label}</td>\
             <td><a href=\"{href}#page={page}\">{docname}, tr. {page}</a></td></tr>",
            id = esc(&t.task.id),
            lead = esc(&names(&t.task.assignees)),
            coord = esc(&names(&t.task.coordinators)),
            st = t.status.key(),
            doc = esc(&t.record.source.path),
            n = i + 1,
            text = esc(&t.task.text),
            leads = esc(&units(&t.task.assignees)),
            coords = esc(&units(&t.task.coordinators)),
            raw = esc(raw),
            label = t.status.label(),
            href = esc(&link(t.record)),
            page = t.task.provenance.page,
            docname = esc(&doc_name(t.record)),
        );
    }
    h.push_str("</tbody></table>\n");
}

fn documents(h: &mut String, records: &[DocumentRecord], link: &dyn Fn(&DocumentRecord) -> String) {
    h.push_str(
        "<h2>Văn bản</h2>\n<table id=\"documents\"><tr><th>Văn bản</th><th>Ngày</th>\
        <th>Cơ quan ban hành</th><th>Người ký</th><th>Nhiệm vụ</th><th>Chữ ký số</th></tr>\n",
    );
    for r in records {
        let doc = r.document.as_ref();
        let date = doc.and_then(|d| d.date).map(vn_date).unwrap_or_default();
        let issuer = doc.and_then(|d| d.issuer.as_deref()).unwrap_or("");
        let signer = doc
            .and_then(|d| d.signers.first())
            .and_then(|s| s.name.as_deref())
            .unwrap_or("");
        let state = signature_state(r);
        let _ = writeln!(
            h,
            "<tr data-signature=\"{state}\"><td><a href=\"{}\">{}</a></td><td>{date}</td><td>{}</td>\
             <td>{}</td><td class=\"n\">{}</td><td{}>{}</td></tr>",
            esc(&link(r)),
            esc(&doc_name(r)),
            esc(issuer),
            esc(signer),
            r.tasks.len(),
            if state == "invalid" { " class=\"bad\"" } else { "" },
            signature_label(state)
        );
    }
    h.push_str("</table>\n");
}

fn failed(h: &mut String, records: &[DocumentRecord]) {
    let list: Vec<(&DocumentRecord, String)> = records
        .iter()
        .filter_map(|r| no_task_reason(r).map(|why| (r, why)))
        .collect();
    let _ = write!(
        h,
        "<h2>Văn bản không cho nhiệm vụ ({})</h2>\n<ul id=\"no-tasks\">",
        list.len()
    );
    for (r, why) in list {
        let _ = write!(h, "<li><b>{}</b>: {}</li>", esc(&r.source.path), esc(&why));
    }
    h.push_str("</ul>\n");
}

fn units(us: &[nhiemvu_model::Unit]) -> String {
    us.iter().map(unit_name).collect::<Vec<_>>().join("; ")
}

/// "Kế hoạch 12/KH-UBND" or the file name.
fn doc_name(r: &DocumentRecord) -> String {
    match &r.document {
        Some(d) => match &d.number {
            Some(n) => format!("{} {n}", kind_label(d.kind)),
            None => format!("{} ({})", kind_label(d.kind), file_name(&r.source.path)),
        },
        None => file_name(&r.source.path),
    }
}

fn file_name(p: &str) -> String {
    p.rsplit('/').next().unwrap_or(p).to_string()
}

/// At most `n` characters, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests;
