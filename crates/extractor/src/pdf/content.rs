//! Page content streams parsed without lopdf's combinator parser, with the same result where
//! lopdf reads the whole stream, and the way poppler reads it where lopdf does not.
//!
//! Profiling a 960-page document showed a fifth of the time in lopdf's `Content::decode`: a
//! nom parser that tries every operand kind in turn and builds an error on each miss. Real
//! content streams are mostly numbers, names, strings, comments and operators, so this module
//! reads that common subset directly and hands anything else (inline images, `true`/`null`
//! operands, references inside arrays, `#` escapes in names, odd bytes, deep nesting,
//! truncated input) to lopdf's strict parser, whole stream at a time. Where the fast reader
//! answers, the answer is the one lopdf gives on the same stream without its comments (lopdf
//! itself stops silently at a comment followed by blank space, losing the rest of the page).
//! A stream lopdf refuses is read leniently ([`read`]): unreadable bytes are skipped with the
//! operator they belonged to, the way poppler goes on after a bad token, and reported.

use super::caps;
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Object, StringFormat};

/// Deepest array, dictionary or string nesting read here; deeper goes to lopdf.
const MAX_DEPTH: usize = 16;

/// A content stream read, and why part of it could not be (`None` when all of it was read).
pub(crate) struct Read {
    /// The operators read.
    pub content: Content,
    /// The first unreadable spot and how much was read around it.
    pub trouble: Option<String>,
    /// Which caps ([`caps`]) the stream reached, and what was left out for each.
    pub capped: Vec<String>,
}

/// Parse a content stream as lopdf's strict `Content::decode_strict` would; `None` when the
/// stream has bytes no operator reads. A stream over a cap comes back capped (see [`read`]).
#[cfg(test)]
pub(crate) fn parse(data: &[u8]) -> Option<Content> {
    strict(data).map(|(content, _)| content)
}

/// [`parse`] with the caps reached. lopdf's parser has no caps, so it only sees streams
/// small enough that whatever it builds stays small; a larger one is read leniently.
fn strict(data: &[u8]) -> Option<(Content, Vec<String>)> {
    let mut lexer = Lexer::new(data, false);
    match lexer.content() {
        Some(content) => Some((content, lexer.capped())),
        None if data.len() <= caps::MAX_STRICT_FALLBACK_BYTES => {
            Content::decode_strict(data).ok().map(|c| (c, Vec::new()))
        }
        None => None,
    }
}

/// Read a content stream whatever it holds: [`parse`] when it parses, else leniently. Either
/// way at most [`caps::MAX_OPERATORS`] operators, arrays of [`caps::MAX_ARRAY_ITEMS`] items
/// and `q` nested [`caps::MAX_Q_DEPTH`] deep are kept; the rest is left out and named.
pub(crate) fn read(data: &[u8]) -> Read {
    if let Some((content, capped)) = strict(data) {
        return Read {
            content,
            trouble: None,
            capped,
        };
    }
    let mut lexer = Lexer::new(data, true);
    let content = lexer.content().unwrap_or(Content { operations: vec![] });
    let trouble = lexer.trouble.take().map(|(at, token)| {
        format!(
            "content stream has bytes no operator reads at offset {at} ({token:?}); {} operators read around them",
            content.operations.len()
        )
    });
    let capped = lexer.capped();
    Read {
        content,
        trouble,
        capped,
    }
}

/// `true`, `false` and `null` as operand values.
fn keyword(word: &[u8]) -> Option<Object> {
    match word {
        b"true" => Some(Object::Boolean(true)),
        b"false" => Some(Object::Boolean(false)),
        b"null" => Some(Object::Null),
        _ => None,
    }
}

/// Whitespace between content-stream tokens at the top level (lopdf's `content_space`).
fn is_content_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// PDF whitespace, as inside arrays, dictionaries and hex strings.
fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// A character that may appear in an operator.
fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"')
}

/// The reader. Strict (`lenient == false`): `None` from any method means "not the common
/// case, ask lopdf". Lenient: `true`, `false`, `null`, `#` escapes and inline images are read
/// too, and a spot no method reads is skipped (see [`Lexer::recover`]).
struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
    lenient: bool,
    /// Lenient mode: the offset and first bytes of the first unreadable spot.
    trouble: Option<(usize, String)>,
    /// Reading stopped at [`caps::MAX_OPERATORS`] operators.
    ops_capped: bool,
    /// Array items left out past [`caps::MAX_ARRAY_ITEMS`].
    items_dropped: u64,
    /// Current `q` nesting, and the `q`/`Q` pairs left out past [`caps::MAX_Q_DEPTH`].
    q_depth: usize,
    q_dropped: u64,
}

impl<'a> Lexer<'a> {
    fn new(b: &'a [u8], lenient: bool) -> Self {
        Lexer {
            b,
            i: 0,
            lenient,
            trouble: None,
            ops_capped: false,
            items_dropped: 0,
            q_depth: 0,
            q_dropped: 0,
        }
    }

    /// What each cap reached left out, in words.
    fn capped(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.ops_capped {
            out.push(format!(
                "more than {} operators in one content stream; the rest of it was not read",
                caps::MAX_OPERATORS
            ));
        }
        if self.items_dropped > 0 {
            out.push(format!(
                "an array of more than {} items (a TJ array); {} items were left out",
                caps::MAX_ARRAY_ITEMS,
                self.items_dropped
            ));
        }
        if self.q_dropped > 0 {
            out.push(format!(
                "graphics states (q) nested more than {} deep; {} deeper q were left out",
                caps::MAX_Q_DEPTH,
                self.q_dropped
            ));
        }
        out
    }

    /// Keep `word` as an operator unless it is a `q` (or the `Q` closing one) past the nesting
    /// cap: drawing keeps a copy of the graphics state per open `q`.
    fn keep_operator(&mut self, word: &[u8]) -> bool {
        match word {
            b"q" => {
                self.q_depth += 1;
                if self.q_depth > caps::MAX_Q_DEPTH {
                    self.q_dropped += 1;
                    return false;
                }
                true
            }
            b"Q" => {
                let deep = self.q_depth > caps::MAX_Q_DEPTH;
                self.q_depth = self.q_depth.saturating_sub(1);
                !deep
            }
            _ => true,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skip a `%` comment up to (not past) the end of its line.
    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
            self.i += 1;
        }
    }

    /// Blank space and comments between top-level tokens (lenient: NUL and form feed too).
    fn skip_content_space(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'%' {
                self.skip_comment();
            } else if is_content_space(c) || (self.lenient && is_whitespace(c)) {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    /// Whitespace and comments inside arrays and dictionaries.
    fn skip_space(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'%' {
                self.skip_comment();
            } else if is_whitespace(c) {
                self.i += 1;
            } else {
                break;
            }
        }
        Some(())
    }

    fn content(&mut self) -> Option<Content> {
        let mut operations = Vec::new();
        let mut operands = Vec::new();
        // Lenient: the operator after an unreadable spot lost operands; it is dropped.
        let mut poisoned = false;
        self.skip_content_space();
        while let Some(c) = self.peek() {
            if operations.len() >= caps::MAX_OPERATORS {
                // More to read, past the cap: what was read is the answer, strict or not.
                self.ops_capped = true;
                return Some(Content { operations });
            }
            let start = self.i;
            if is_operator_char(c) {
                while self.peek().is_some_and(is_operator_char) {
                    self.i += 1;
                }
                let word = &self.b[start..self.i];
                if self.lenient {
                    if let Some(value) = keyword(word) {
                        operands.push(value);
                    } else if word == b"BI" {
                        self.skip_inline_image();
                        operands.clear();
                    } else if std::mem::take(&mut poisoned) || !self.keep_operator(word) {
                        operands.clear();
                    } else {
                        operations.push(Operation {
                            operator: String::from_utf8_lossy(word).into_owned(),
                            operands: std::mem::take(&mut operands),
                        });
                    }
                    self.skip_content_space();
                    continue;
                }
                // lopdf reads these as operands (a prefix match), or an inline image.
                if [&b"true"[..], b"false", b"null", b"BI"]
                    .iter()
                    .any(|p| word.starts_with(p))
                {
                    return None;
                }
                let operator = std::str::from_utf8(word).ok()?.to_string();
                if self.keep_operator(word) {
                    operations.push(Operation {
                        operator,
                        operands: std::mem::take(&mut operands),
                    });
                } else {
                    operands.clear();
                }
            } else {
                match self.object(0) {
                    Some(o) => operands.push(o),
                    None if self.lenient => {
                        self.recover(start);
                        operands.clear();
                        poisoned = true;
                    }
                    None => return None,
                }
            }
            self.skip_content_space();
        }
        // Operands with no operator at the end: lopdf drops them silently; let it.
        (self.lenient || operands.is_empty()).then_some(Content { operations })
    }

    /// Lenient: note the unreadable token at `start` and step over it (a delimiter alone, or
    /// a run of regular characters), as poppler's lexer goes on after a bad token.
    fn recover(&mut self, start: usize) {
        if self.trouble.is_none() {
            let end = (start + 12).min(self.b.len());
            let token = String::from_utf8_lossy(&self.b[start..end]).into_owned();
            self.trouble = Some((start, token));
        }
        self.i = start + 1;
        if !is_delimiter(self.b[start]) {
            while self
                .peek()
                .is_some_and(|c| !is_whitespace(c) && !is_delimiter(c))
            {
                self.i += 1;
            }
        }
    }

    /// Lenient: skip an inline image (`BI` dictionary `ID` data `EI`), whose data can hold any
    /// byte; `EI` counts when blank space is on both sides of it.
    fn skip_inline_image(&mut self) {
        let data = self.b[self.i..]
            .windows(4)
            .position(|w| is_whitespace(w[0]) && &w[1..3] == b"ID" && is_whitespace(w[3]))
            .map_or(self.b.len(), |p| self.i + p + 4);
        let end = self.b[data.min(self.b.len())..]
            .windows(4)
            .position(|w| is_whitespace(w[0]) && &w[1..3] == b"EI" && is_whitespace(w[3]))
            .map_or(self.b.len(), |p| data + p + 3);
        self.i = end;
    }

    /// One operand, or one element of an array or dictionary.
    fn object(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'/' => self.name().map(Object::Name),
            b'(' => self.literal_string(),
            b'<' if self.b.get(self.i + 1) == Some(&b'<') => self.dictionary(depth),
            b'<' => self.hex_string(),
            b'[' => self.array(depth),
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `/Name`; names with `#xx` escapes are left to lopdf (lenient: decoded here).
    fn name(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let start = self.i;
        while let Some(c) = self.peek() {
            if c == b'#' {
                return self.lenient.then(|| self.escaped_name(start));
            }
            if is_whitespace(c) || is_delimiter(c) {
                break;
            }
            self.i += 1;
        }
        Some(self.b[start..self.i].to_vec())
    }

    /// The rest of a name with `#xx` escapes, from `start`; a `#` without two hex digits is
    /// kept as it is.
    fn escaped_name(&mut self, start: usize) -> Vec<u8> {
        self.i = start;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if is_whitespace(c) || is_delimiter(c) {
                break;
            }
            let hex = |k: usize| {
                self.b
                    .get(self.i + k)
                    .and_then(|&d| (d as char).to_digit(16))
            };
            match (c, hex(1), hex(2)) {
                (b'#', Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    self.i += 3;
                }
                _ => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
        out
    }

    /// lopdf's `real` (sign, then `1.`, `1.5` or `.5`) or else `integer` (sign, digits).
    fn number(&mut self) -> Option<Object> {
        let start = self.i;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
        }
        let digits = self.digits();
        let text = |l: &Self| std::str::from_utf8(&l.b[start..l.i]).ok();
        if self.peek() == Some(b'.') {
            self.i += 1;
            let fraction = self.digits();
            if digits == 0 && fraction == 0 {
                return None;
            }
            return text(self)?.parse::<f32>().ok().map(Object::Real);
        }
        if digits == 0 {
            return None;
        }
        text(self)?.parse::<i64>().ok().map(Object::Integer)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - start
    }

    /// `(...)` with escapes, balanced parentheses kept, line ends kept as written.
    fn literal_string(&mut self) -> Option<Object> {
        self.i += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            // Lenient: a string left open runs to the end of the stream, as in poppler.
            let Some(c) = self.peek() else {
                return self
                    .lenient
                    .then_some(Object::String(out, StringFormat::Literal));
            };
            self.i += 1;
            match c {
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return self
                            .lenient
                            .then_some(Object::String(out, StringFormat::Literal));
                    };
                    if (b'0'..=b'7').contains(&e) {
                        let mut v: u16 = 0;
                        for _ in 0..3 {
                            match self.peek() {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u16::from(d - b'0');
                                    self.i += 1;
                                }
                                _ => break,
                            }
                        }
                        // The specification says to ignore overflow, as lopdf does.
                        out.push(v as u8);
                        continue;
                    }
                    self.i += 1;
                    match e {
                        // A backslash before a line end continues the line.
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(b'\x08'),
                        b'f' => out.push(b'\x0C'),
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH && !self.lenient {
                        return None;
                    }
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(Object::String(out, StringFormat::Literal));
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }

    /// `<48656C6C6F>`: whitespace ignored, an odd last digit padded with 0.
    fn hex_string(&mut self) -> Option<Object> {
        self.i += 1;
        let mut out = Vec::new();
        let mut high = true;
        loop {
            let Some(c) = self.peek() else {
                return self
                    .lenient
                    .then_some(Object::String(out, StringFormat::Hexadecimal));
            };
            self.i += 1;
            if is_whitespace(c) {
                continue;
            }
            if c == b'>' {
                return Some(Object::String(out, StringFormat::Hexadecimal));
            }
            let v = match (c as char).to_digit(16) {
                Some(v) => v as u8,
                None if self.lenient => continue,
                None => return None,
            };
            if high {
                out.push(v << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= v;
            }
            high = !high;
        }
    }

    /// An array element or dictionary value; a bare word there (`true`, `null`, the `R` of a
    /// reference) goes to lopdf.
    fn element(&mut self, depth: usize) -> Option<Object> {
        if self.peek()?.is_ascii_alphabetic() {
            if !self.lenient {
                return None;
            }
            let start = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                self.i += 1;
            }
            return keyword(&self.b[start..self.i]);
        }
        self.object(depth + 1)
    }

    /// `[ ... ]`.
    fn array(&mut self, depth: usize) -> Option<Object> {
        self.i += 1;
        let mut items = Vec::new();
        self.skip_space()?;
        loop {
            match self.peek()? {
                b']' => {
                    self.i += 1;
                    return Some(Object::Array(items));
                }
                _ => {
                    let item = self.element(depth)?;
                    if items.len() < caps::MAX_ARRAY_ITEMS {
                        items.push(item);
                    } else {
                        self.items_dropped += 1;
                    }
                }
            }
            self.skip_space()?;
        }
    }

    /// `<< /Key value ... >>`, as in marked-content properties.
    fn dictionary(&mut self, depth: usize) -> Option<Object> {
        self.i += 2;
        let mut dict = Dictionary::new();
        self.skip_space()?;
        loop {
            match self.peek()? {
                b'>' if self.b.get(self.i + 1) == Some(&b'>') => {
                    self.i += 2;
                    return Some(Object::Dictionary(dict));
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_space()?;
                    let value = self.element(depth)?;
                    self.skip_space()?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Operators and operands as text: string bytes, number bits and key order included.
    fn shown(content: &Content) -> String {
        let mut out = String::new();
        for op in &content.operations {
            out.push_str(&op.operator);
            out.push('(');
            op.operands.iter().for_each(|o| exact(o, &mut out));
            out.push_str(") ");
        }
        out
    }

    fn exact(o: &Object, out: &mut String) {
        match o {
            Object::String(bytes, format) => out.push_str(&format!("s{format:?}{bytes:?} ")),
            Object::Name(bytes) => out.push_str(&format!("n{bytes:?} ")),
            Object::Real(r) => out.push_str(&format!("r{:x} ", r.to_bits())),
            Object::Array(items) => {
                out.push('[');
                items.iter().for_each(|i| exact(i, out));
                out.push_str("] ");
            }
            Object::Dictionary(dict) => {
                out.push('<');
                for (k, v) in dict.iter() {
                    out.push_str(&format!("k{k:?} "));
                    exact(v, out);
                }
                out.push_str("> ");
            }
            other => out.push_str(&format!("{other:?} ")),
        }
    }

    /// Where the fast reader answers, lopdf gives the same operations.
    fn agrees(data: &[u8]) -> Result<bool, String> {
        let Some(fast) = Lexer::new(data, false).content() else {
            return Ok(false);
        };
        let slow = Content::decode(data)
            .map_err(|e| format!("lopdf refused what the fast reader read: {e}"))?;
        if shown(&fast) != shown(&slow) {
            return Err(format!(
                "differs on {:?}:\nfast {}\nlopdf {}",
                String::from_utf8_lossy(data),
                shown(&fast),
                shown(&slow)
            ));
        }
        Ok(true)
    }

    #[test]
    fn reads_a_word_made_page_like_lopdf() {
        let page = b"0.1 w\nq 0 0.028 595.275 841.861 re\nW* n\nq 0 0 0 rg\nBT\n\
            85.2 774.189 Td /F1 14 Tf[(;%<)-1<3d241d>-6<05>-13(\\\\)-1(\\(a\\))-8(\\101\\n)]TJ\n\
            ET\nQ\n/P <</MCID 3 /Lang (vi-VN)>> BDC (x\\\r\ny) Tj EMC\n";
        assert_eq!(agrees(page), Ok(true));
        let c = parse(page).unwrap();
        let ops: Vec<&str> = c.operations.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(
            ops,
            [
                "w", "q", "re", "W*", "n", "q", "rg", "BT", "Td", "Tf", "TJ", "ET", "Q", "BDC",
                "Tj", "EMC"
            ]
        );
    }

    #[test]
    fn leaves_the_uncommon_to_lopdf_and_still_answers() {
        for data in [
            &b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q"[..],
            b"true Tj",
            b"[1 0 R] TJ",
            b"/A#20B Tf",
            b"(unterminated Tj",
            b"1 2",
            b"q\x00Q",
        ] {
            assert_eq!(
                agrees(data),
                Ok(false),
                "{:?}",
                String::from_utf8_lossy(data)
            );
            let lopdf = Content::decode_strict(data).ok().map(|c| shown(&c));
            assert_eq!(parse(data).map(|c| shown(&c)), lopdf);
        }
    }

    #[test]
    fn corpus_pages_read_like_lopdf() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        let mut streams = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("pdf") {
                continue;
            }
            let doc = pdf_extract::Document::load(&path).unwrap();
            for (_, id) in doc.get_pages() {
                let data = doc.get_page_content(id).unwrap();
                assert_eq!(agrees(&data), Ok(true), "{}", path.display());
                streams += 1;
            }
        }
        assert!(streams >= 20, "only {streams} pages in the corpus");
    }

    /// Tokens that make up content streams, the awkward ones included.
    fn token() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::sample::select(vec![
                "q",
                "Q",
                "BT",
                "ET",
                "Tj",
                "TJ",
                "Td",
                "T*",
                "'",
                "\"",
                "cm",
                "re",
                "W*",
                "n",
                "true",
                "nul",
                "nullx",
                "BI",
                "R",
                "0",
                "-1",
                "+2",
                "1.",
                ".5",
                "-.5",
                "1.2.3",
                "9999999999999999999999",
                "-",
                ".",
                "+",
                "/F1",
                "/",
                "/a#20",
                "()",
                "(a(b)c)",
                "(a\\",
                "(\\n\\t\\b\\f\\r\\(\\)\\\\)",
                "(\\053\\0\\777)",
                "(\\\n)",
                "(\r\n)",
                "(\\q)",
                "<>",
                "<4>",
                "<4 1 f>",
                "<zz>",
                "<<",
                ">>",
                "<</K 1>>",
                "<</K>>",
                "[",
                "]",
                "[1 0 R]",
                "{",
                ")",
                " ",
                "\n",
                "\r",
                "\t",
                "\0",
                "\x0C",
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            prop::collection::vec(any::<u8>(), 0..3),
        ]
    }

    /// One operand of the kinds the fast reader handles itself.
    fn operand() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            prop::sample::select(vec![
                "0",
                "-1",
                "+2",
                "1.",
                ".5",
                "-.5",
                "12.250",
                "/F1",
                "/",
                "/P",
                "()",
                "(a(b)c)",
                "(\\n\\t\\b\\f\\r\\(\\)\\\\)",
                "(\\053\\0\\777\\8)",
                "(\\\n)",
                "(\\\r\n)",
                "(\\\rx)",
                "(\r\n\r)",
                "(\\q)",
                "<>",
                "<4>",
                "<4 1 f\0A>",
                "<</K 1>>",
                "<</K 1 /K 2 /A [1 (x)]>>",
                "[]",
                "[ (a) -1 <05> 2.5 ]",
            ])
            .prop_map(str::to_string),
            "[ -~&&[^()\\\\]]{0,6}".prop_map(|s| format!("({s})")),
            "[0-9a-fA-F \n]{0,6}".prop_map(|s| format!("<{s}>")),
            "-?[0-9]{1,5}(\\.[0-9]{0,3})?".prop_map(|s| s.to_string()),
        ];
        leaf.prop_recursive(3, 12, 4, |inner| {
            prop::collection::vec(inner, 0..4).prop_map(|v| format!("[{}]", v.join(" ")))
        })
    }

    /// Operations of the kinds the fast reader handles itself.
    fn operation() -> impl Strategy<Value = String> {
        let operator = prop::sample::select(vec![
            "q", "Q", "BT", "ET", "Tj", "TJ", "Td", "T*", "'", "\"", "cm", "re", "W*", "n", "Tf",
            "BDC", "EMC", "R", "f",
        ]);
        let space = prop::sample::select(vec!["", " ", "\n", "\r\n", "\t"]);
        (
            prop::collection::vec((operand(), space.clone()), 0..5),
            operator,
            space,
        )
            .prop_map(|(operands, operator, end)| {
                let mut s = String::new();
                for (o, gap) in operands {
                    s.push_str(&o);
                    // Run together, a number or name would swallow what follows.
                    let closed = o.ends_with([')', '>', ']']);
                    s.push_str(if gap.is_empty() && !closed { " " } else { gap });
                }
                format!("{s}{operator}{end}")
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn common_streams_are_read_here_like_lopdf(ops in prop::collection::vec(operation(), 0..12),
                                                  lead in prop::sample::select(vec!["", " ", "\n"])) {
            let data = format!("{lead}{}", ops.concat());
            let verdict = agrees(data.as_bytes());
            prop_assert!(verdict == Ok(true), "{:?} on {:?}", verdict, data);
        }
    }

    #[test]
    fn comments_followed_by_blank_lines_do_not_end_the_page() {
        let page = b"  0 0 1 rg   % blue fill\r\n\r\n  BT\r\n    /F2 10 Tf  % the font\r\n\
            \t  [(Ban) -250 % inside an array\n (Dan)] TJ\n<</K % in a dictionary\n 1>> BDC EMC ET %end";
        let c = parse(page).expect("read here");
        let ops: Vec<&str> = c.operations.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(ops, ["rg", "BT", "Tf", "TJ", "BDC", "EMC", "ET"]);
        // lopdf stops at the first comment followed by blank space and keeps one operator.
        assert_eq!(Content::decode(page).unwrap().operations.len(), 1);
    }

    #[test]
    fn a_stream_lopdf_refuses_is_read_around_its_bad_bytes() {
        let page =
            b"BT /F1 12 Tf 10 10 Td (Xin) Tj ) 5 Tw (chao) Tj [(a) true null] TJ /A#42 9 Tf ET";
        assert!(parse(page).is_none());
        let read = read(page);
        let ops: Vec<&str> = read
            .content
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        // The operator whose operands met the bad byte (`Tw`) is dropped; the rest is kept.
        assert_eq!(ops, ["BT", "Tf", "Td", "Tj", "Tj", "TJ", "Tf", "ET"]);
        assert_eq!(
            read.content.operations[4].operands[0],
            Object::String(b"chao".to_vec(), StringFormat::Literal)
        );
        assert_eq!(
            read.content.operations[6].operands[0],
            Object::Name(b"AB".to_vec())
        );
        let trouble = read.trouble.expect("reported");
        assert!(trouble.contains("offset 31"), "{trouble}");

        let image = b"q BI /W 4 /H 1 /CS /G /BPC 8 ID \xff EI\x00 \x07 EI Q BT (sau) Tj ET ) ";
        let read = super::read(image);
        let ops: Vec<&str> = read
            .content
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        assert_eq!(ops, ["q", "Q", "BT", "Tj", "ET"]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn comments_between_operations_change_nothing(ops in prop::collection::vec(operation(), 0..10),
                                                     notes in prop::collection::vec(("[ -~&&[^\\r\\n]]{0,8}", prop::sample::select(vec!["\n", "\r\n", "\n  \t", "\r \n"])), 10)) {
            let plain = ops.join(" ");
            let mut noted = String::new();
            for (op, (note, gap)) in ops.iter().zip(&notes) {
                noted.push_str(op);
                noted.push_str(&format!(" %{note}{gap}"));
            }
            let plain = parse(plain.as_bytes()).map(|c| shown(&c));
            prop_assert!(plain.is_some());
            prop_assert_eq!(Lexer::new(noted.as_bytes(), false).content().map(|c| shown(&c)), plain);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn generated_streams_read_like_lopdf(tokens in prop::collection::vec(token(), 0..24),
                                             gaps in prop::collection::vec(any::<bool>(), 24)) {
            let mut data = Vec::new();
            for (t, gap) in tokens.iter().zip(&gaps) {
                data.extend_from_slice(t);
                if *gap {
                    data.push(b' ');
                }
            }
            // Comments are read here where lopdf may stop at them: checked on their own in
            // `comments_between_operations_change_nothing`.
            prop_assume!(!data.contains(&b'%'));
            prop_assert!(agrees(&data).is_ok(), "{}", agrees(&data).unwrap_err());
        }
    }
}
