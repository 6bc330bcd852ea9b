"""The KPI appendix table of seed 004, rebuilt into rows.

The seed flattens the table (cells wrap over many lines, page headers repeat),
so the rows are written out here by hand. Every cell string is resolved
against the seed text by ``resolve`` before use: the typed value (NFC) is
matched to the seed's own bytes (which contain decomposed letters such as
"mỗi" = "mô" + U+0303), so the PDF carries the seed's exact characters, and a
typo here fails loudly instead of changing the wording.

Milestone columns for rows with empty cells were read from the whitespace in
the extracted text (about two spaces per empty cell).
"""

from __future__ import annotations

import re
import unicodedata

MILESTONES = ["Đến hết năm 2025", "Đến hết năm 2030", "Đến hết năm 2035",
              "Đến hết năm 2040", "Đến hết năm 2045"]
HEAD = ["STT", "Chỉ tiêu", "Mục tiêu theo từng giai đoạn",
        "Đơn vị chịu trách nhiệm thực hiện", "Đơn vị theo dõi, đánh giá"]

DN = "Các Doanh nghiệp bưu chính, Công nghệ thông tin trên địa bàn xã"
VHXH = "Phòng Văn hóa – Xã hội"
VH = "Phòng Văn hóa-Xã hội"
KT = "Phòng Kinh tế"
CQ = "Các cơ quan, đơn vị"
CA = "Công an xã Ea Wy"
TT = "Trung tâm phục vụ hành chính công xã"
P100 = ["100%"] * 5

# ("I", section title) or (STT, indicator, [2025, 2030, 2035, 2040, 2045], responsible, monitor)
ROWS: list[tuple] = [
    ("I", "Phát triển hạ tầng"),
    ("1", "- Tỷ lệ phủ sóng 5G trên địa bàn", ["≥ 60%", "100%", "", "", ""], DN, VHXH),
    ("2", "- Tỷ lệ phủ sóng 6G trên địa bàn", ["", "", "≥ 50%", "≥ 80%", "100%"], DN, VHXH),
    ("3", "- Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.",
     ["≥ 60%", "100%", "", "", ""], DN, VHXH),
    ("4", "- Trung tâm an ninh mạng cấp xã (hoặc thuê dịch vụ giám sát an toàn thông tin); "
          "giám sát, ứng cứu sự cố cho toàn hệ thống cấp xã.", ["Có", "", "", "", ""], CA, CA),
    ("II", "Phát triển nguồn lực"),
    ("5", "- Tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo",
     ["≥ 1,0%", "≥ 1,5%", "≥ 2%", "≥ 2,5%", "≥ 3%"], KT, "Phòng Kinh tês"),
    ("6", "- Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
     ["≥ 1,0% GRDP"] + ["≥ 3,0% GRDP"] * 4, VH, VH),
    ("7", "- Cán bộ, công chức cấp xã, thôn, buôn được bồi dưỡng kỹ năng số căn bản.",
     ["≥ 80%", "100%", "100%", "100%", "100%"], "VP Đảng ủy xã, VP HĐND và UBND xã",
     "Văn phòng Đảng ủy; Phòng Văn hóa-Xã hội"),
    ("8", "- Cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.",
     ["≥80%", "100%", "100%", "100%", "100%"], "VP Đảng ủy xã, VP HĐND và UBND xã",
     "Văn phòng Đảng ủy; Phòng Văn hóa-Xã hội"),
    ("9", "- Dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông.",
     ["≥80%", "≥90%", "≥95%", "≥97%", "≥ 99%"], "12 trường học, 36 thôn buôn", VH),
    ("10", "- Số người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ, đổi mới "
           "sáng tạo trên 01 vạn dân.", ["6", "12", "20", "33", "54"], CQ, VH),
    ("11", "- Dân số trưởng thành thường xuyên sử dụng dịch vụ số (chăm sóc sức khỏe từ xa, "
           "học trực tuyến nâng cao, giao dịch tài chính số,…).", ["", "", "", "80-90%", "≥ 90%"], CQ, VH),
    ("III", "Phát triển khoa học, công nghệ"),
    ("12", "- Số lượng doanh nghiệp khoa học và công nghệ trên địa bàn xã",
     ["≥ 1", "≥ 2", "≥ 5", "≥ 10", "≥ 15"], "Phòng Văn hóa-Xã hội, Phòng Kinh tế", VH),
    ("13", "- Số lượng công trình khoa học và công nghệ cấp tỉnh được nghiệm thu mỗi năm.",
     ["", "≥ 3", "≥ 5", "≥ 9", "≥ 16"], CQ, VH),
    ("14", "- Số lượng nhiệm vụ khoa học và công nghệ cấp tỉnh triển khai mỗi năm",
     ["≥ 1", "≥ 3", "≥ 5", "≥ 9", "≥ 15"], VH, VH),
    ("15", "- Tỷ lệ doanh nghiệp sử dụng kết quả nghiên cứu từ viện, trường trong sản xuất/kinh doanh",
     ["≥ 2%", "≥ 5%", "≥ 10%", "≥ 20%", "≥ 30%"], VH, VH),
    ("16", "- Số lượng bài bài báo khoa học có địa chỉ tác giả tại tỉnh (Scopus/ISI) mỗi năm.",
     ["", "≥ 1", "≥ 2", "≥ 4", "≥ 6"], VH, VH),
    ("17", "- Số lượng công trình đạt giải thưởng khoa học và công nghệ quốc gia/khu vực mỗi năm.",
     ["", "", "≥ 1", "≥ 1", "≥ 2"], VH, VH),
    ("18", "- Số lượng trung tâm nghiên cứu, phát triển trọng điểm ở tỉnh thu hút nhà khoa học, "
           "doanh nghiệp đầu tư", ["", "", "", "1 - 2", ""], VH, VH),
    ("19", "Ứng dụng AI, IoT, Big Data,… trong quản lý môi trường, đô thị thông minh; nâng cao "
           "chất lượng sống người dân", ["Ứng dụng"] * 5, VH, VH),
    ("IV", "Phát triển hệ sinh thái đổi mới sáng tạo"),
    ("20", "- Số lượng doanh nghiệp khoa học và công nghệ", ["", "≥ 1", "≥2", "", ""], VH, VH),
    ("21", "- Số lượng doanh nghiệp khởi nghiệp sáng tạo", ["", "≥ 1", "≥ 3", "≥ 5", "≥ 8"], KT, KT),
    ("22", "- Số lượng vườn ươm/trung tâm đổi mới sáng tạo", ["", "≥ 1", "≥ 2", "≥ 3", "≥ 5"], KT, KT),
    ("23", "- Tỷ lệ doanh nghiệp có hoạt động đổi mới quy trình, mô hình kinh doanh.",
     ["", "≥ 5%", "≥ 10%", "≥ 20%", "≥ 30%"], KT, KT),
    ("24", "- Số lượng sản phẩm đổi mới sáng tạo được thương mại hóa mỗi năm",
     ["≥ 1", "≥2", "≥ 3", "≥4", "≥5"], KT, KT),
    ("25", "- Số lượng sáng chế, giải pháp hữu ích có địa chỉ tại tỉnh mỗi năm.",
     ["≥ 1", "≥ 2", "≥3", "≥ 4", "≥5"], VH, VH),
    ("26", "- Số lượng bài báo khoa học ứng dụng liên quan đổi mới sáng tạo mỗi năm.",
     ["≥2", "≥ 5", "≥ 8", "≥ 10", "≥ 15"], VH, ""),
    ("27", "- Tỷ lệ doanh nghiệp vừa và nhỏ có hợp tác nghiên cứu, phát triển với các Viện/Trường",
     ["", "≥ 2%", "≥ 4%", "≥ 6%", "≥ 8%"], KT, KT),
    ("28", "- Số lượng sáng kiến trong khu vực công được công nhận mỗi năm",
     ["≥ 2", "≥ 5", "≥ 7", "≥ 9", "≥ 12"], VH, VH),
    ("V", "Phát triển chuyển đổi số"),
    ("29", "- Chỉ số chuyển đổi số cấp xã.", ["≥ 0.60", "≥ 0.75", "≥ 0.85", "≥ 0.92", "1"], VH, VH),
    ("30", "- Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa "
           "Trung ương và địa phương, giữa các cấp chính quyền.", P100, CQ, TT),
    ("31", "- Tỷ lệ thủ tục hành chính liên quan đến đào tạo, nghiên cứu, sản xuất, kinh doanh "
           "phải được thực hiện trực tuyến.", P100, CQ, VHXH),
    ("32", "- Tỷ lệ giao dịch hành chính thuộc diện “phi tiếp xúc”.",
     ["70%", "100%", "100%", "100%", "100%"], CQ, ""),
    ("33", "- Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.",
     ["70%", "100%", "100%", "100%", "100%"], CQ, TT),
    ("34", "- Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện.",
     P100, CQ, VHXH),
    ("35", "- Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.",
     ["≥ 70%", "≥ 85%", "≥ 95%", "100%", "100%"], CQ, VHXH),
    ("36", "- Tỷ lệ hệ thống thông tin của tỉnh được vận hành trên nền tảng điện toán đám mây.",
     ["≥ 40%", "≥ 70%", "≥ 90%", "100%", "100%"], CQ, VHXH),
    ("37", "- Tỷ lệ cơ sở dữ liệu của tỉnh được số hóa và liên thông với Trung ương.",
     ["≥ 50%", "≥ 80%", "100%", "100%", "100%"], CQ, "Trun tâm phục vụ hành chính công xã"),
    ("38", "- Tỷ lệ  dữ liệu của xã được tích hợp với trục liên thông dữ liệu cấp tỉnh.",
     ["≥ 60%", "≥ 85%", "100%", "100%", "100%"], CQ, VHXH),
    ("39", "- Tỷ lệ  doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số.",
     ["≥ 5%", "≥ 10%", "≥ 15%", "≥ 25%", "50%"], KT, KT),
    ("40", "- Tỷ lệ  người dân có tài khoản định danh điện tử (VNeID).",
     ["≥ 90%", "100%", "100%", "100%", "100%"], CA, CA),
    ("41", "- Tỷ lệ  người dân có chữ ký số", ["", "≥ 10%", "≥ 20%", "≥ 30%", "≥ 40%"], CQ, VHXH),
    ("42", "- Tỷ lệ đảng ủy, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất.",
     ["≥ 60%", "≥ 90%", "100%", "100%", "100%"], "Văn phòng Đảng ủy xã; Phòng Văn hóa - Xã hội",
     "Văn phòng Đảng ủy; Phòng Văn hóa – Xã hội"),
    ("43", "- Quy mô kinh tế số.", ["≥ 2% GRDP", "≥ 5% GRDP", "≥ 10% GRDP", "≥ 15% GRDP", "≥ 25% GRDP"],
     CQ, KT),
    ("44", "- Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ở mức cao, "
           "hướng tới phát triển bền vững và nâng cao năng lực cạnh tranh địa phương",
     ["", "", "", "", "Đóng góp"], CQ, KT),
]


def _alternatives(ch: str) -> str:
    """Regex alternatives for one letter: NFC, base+last mark, fully decomposed."""
    forms = {ch}
    nfd = unicodedata.normalize("NFD", ch)
    if len(nfd) > 1:
        forms.add(nfd)
        forms.add(unicodedata.normalize("NFC", nfd[:-1]) + nfd[-1])
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def resolve(seed_text: str, typed: str) -> str:
    """Return the seed's own spelling of ``typed`` (whitespace may differ).

    Raises ValueError when the seed does not contain the value.
    """
    if not typed:
        return typed
    parts = []
    for ch in typed:
        parts.append(r"\s+" if ch == " " else _alternatives(ch))
    m = re.search("".join(parts), seed_text)
    if not m:
        raise ValueError(f"table cell not found in seed: {typed!r}")
    # keep the seed's characters, normalise only the wrapping whitespace
    return re.sub(r"\s+", " ", m.group())


def resolved_rows(seed_text: str) -> list[tuple]:
    """ROWS with every string replaced by the seed's exact characters."""
    out = []
    for row in ROWS:
        if len(row) == 2:
            out.append((row[0], resolve(seed_text, row[1])))
        else:
            stt, ind, vals, resp, mon = row
            out.append((stt, resolve(seed_text, ind), [resolve(seed_text, v) for v in vals],
                        resolve(seed_text, resp), resolve(seed_text, mon)))
    return out
