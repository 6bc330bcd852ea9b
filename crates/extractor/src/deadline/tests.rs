//! Table-driven deadline tests: a phrase in a realistic sentence, the document date, and
//! the expected due, start and frequency. Edge cases are named: month ends, leap years,
//! quarters in Roman and Arabic numerals, years left out, cited documents, plan periods.

use super::*;

/// (sentence, document date "YYYY-MM-DD" or "" for month and year only, due, start, freq)
type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // Date-times.
    ("Tham mưu báo cáo tổng thể về kết quả thực hiện, gửi UBND tỉnh trước 17h00 ngày 28/10/2025.", "2025-10-21", Some("2025-10-28T17:00:00+07:00"), None, None),
    ("Gửi báo cáo về Sở Nội vụ trước 17 giờ ngày 05/3/2026.", "2026-02-20", Some("2026-03-05T17:00:00+07:00"), None, None),
    ("Hoàn thành trước 9h30 ngày 2/4/2026 để tổng hợp.", "2026-03-20", Some("2026-04-02T09:30:00+07:00"), None, None),
    ("Nộp hồ sơ chậm nhất 16h ngày 15/01/2026.", "2026-01-05", Some("2026-01-15T16:00:00+07:00"), None, None),
    ("Báo cáo kết quả trước 10 giờ 30 phút ngày 20/12/2025.", "2025-12-01", Some("2025-12-20T10:30:00+07:00"), None, None),
    ("Gửi danh sách trước 14h00, ngày 08/5/2026 qua hệ thống.", "2026-05-01", Some("2026-05-08T14:00:00+07:00"), None, None),
    ("Đăng ký tham dự trước 11h ngày 3/6 qua thư điện tử.", "2026-05-25", Some("2026-06-03T11:00:00+07:00"), None, None),
    // Dates.
    ("Hoàn thành trước ngày 31/7/2025.", "2025-06-25", Some("2025-07-31"), None, None),
    ("Các nhiệm vụ được giao hoàn thành trước 31/12/2025 theo kế hoạch.", "2025-10-21", Some("2025-12-31"), None, None),
    ("Triển khai đến 30/12/2025.", "2025-10-01", Some("2025-12-30"), None, None),
    ("Chậm nhất ngày 15/4/2026 phải gửi báo cáo về Văn phòng.", "2026-03-30", Some("2026-04-15"), None, None),
    ("Hạn chót nộp hồ sơ là ngày 05/02/2026.", "2026-01-20", Some("2026-02-05"), None, None),
    ("Xong trước 1/9/2026 để đưa vào sử dụng năm học mới.", "2026-05-10", Some("2026-09-01"), None, None),
    ("Hoàn thành trước ngày 30 tháng 6 năm 2026.", "2026-03-01", Some("2026-06-30"), None, None),
    ("Báo cáo UBND tỉnh trước ngày 15/6.", "2026-03-01", Some("2026-06-15"), None, None),
    ("Báo cáo UBND tỉnh trước ngày 15/2.", "2026-03-01", Some("2027-02-15"), None, None),
    ("Gửi kết quả rà soát trước ngày 10.", "2026-03-04", Some("2026-03-10"), None, None),
    ("Gửi kết quả rà soát trước ngày 10.", "2026-03-20", Some("2026-04-10"), None, None),
    ("Nộp báo cáo trước ngày 25-11-2025.", "2025-11-01", Some("2025-11-25"), None, None),
    ("Hoàn thành chậm nhất là ngày 29/02/2028.", "2028-01-10", Some("2028-02-29"), None, None),
    // Months.
    ("Tập trung phân tích sâu, làm rõ nguyên nhân, hoàn thành trong tháng 10/2025.", "2025-10-21", Some("2025-10-31"), None, None),
    ("Tổ chức hội nghị sơ kết trong tháng 02/2028.", "2027-12-15", Some("2028-02-29"), None, None),
    ("Tổ chức hội nghị sơ kết trong tháng 2/2026.", "2025-12-15", Some("2026-02-28"), None, None),
    ("Triển khai thí điểm trong tháng 11 năm 2025.", "2025-09-01", Some("2025-11-30"), None, None),
    ("Hoàn thành việc lắp đặt đến hết tháng 4/2026.", "2026-01-05", Some("2026-04-30"), None, None),
    ("Từ tháng 9/2026, áp dụng quy trình mới tại bộ phận một cửa.", "2026-06-01", None, Some("2026-09-01"), None),
    // Quarters.
    ("Ký kết chương trình phối hợp trong quý I/2026.", "2026-01-22", Some("2026-03-31"), None, None),
    ("Hoàn thành trong quý II/2026.", "2026-01-22", Some("2026-06-30"), None, None),
    ("Chi trả bằng tiền mặt đến hết quý I/2026.", "2026-01-22", Some("2026-03-31"), None, None),
    ("Đưa vào vận hành trong quý 3/2026.", "2026-01-10", Some("2026-09-30"), None, None),
    ("Hoàn thành trong quý IV năm 2026.", "2026-01-10", Some("2026-12-31"), None, None),
    ("Triển khai trong Quý 2/2026 tại các xã.", "2026-01-10", Some("2026-06-30"), None, None),
    ("Từ quý II/2026 chuyển sang chi trả qua tài khoản.", "2026-01-22", None, Some("2026-04-01"), None),
    ("Kể từ quý 3/2026 thực hiện thanh toán không dùng tiền mặt.", "2026-01-22", None, Some("2026-07-01"), None),
    ("Chi trả bằng tiền mặt đến hết quý I/2026; từ quý II/2026 chuyển sang chi trả qua tài khoản.", "2026-01-22", Some("2026-03-31"), Some("2026-04-01"), None),
    // Years.
    ("Hoàn thành trong năm 2026.", "2026-01-09", Some("2026-12-31"), None, None),
    ("Phấn đấu đến cuối năm 2026 có 100% sản phẩm được truy xuất nguồn gốc.", "2026-01-22", Some("2026-12-31"), None, None),
    ("Nâng tỷ lệ lên 30% GRDP đến hết năm 2030.", "2025-10-21", Some("2030-12-31"), None, None),
    ("Triển khai các dịch vụ thông minh đến năm 2030.", "2025-07-01", Some("2030-12-31"), None, None),
    ("Năm 2026, Ban Chấp hành thống nhất ban hành 3 Nghị quyết chuyên đề.", "2026-01-09", Some("2026-12-31"), None, None),
    ("Đến năm 2027 hoàn thành xây dựng cơ sở dữ liệu.", "2025-05-01", Some("2027-12-31"), None, None),
    ("Hoàn thành trước năm 2028.", "2025-05-01", Some("2028-12-31"), None, None),
    ("Đảm bảo hệ thống đi vào hoạt động từ đầu năm 2026.", "2025-10-21", None, Some("2026-01-01"), None),
    ("Tập trung lãnh đạo ngay từ những tuần đầu, tháng đầu của năm 2026.", "2026-01-09", None, Some("2026-01-01"), None),
    ("Hoàn thành 6 tháng đầu năm 2026.", "2026-01-09", Some("2026-06-30"), None, None),
    ("Tổng kết trong 6 tháng cuối năm 2026.", "2026-01-09", Some("2026-12-31"), None, None),
    // Starts and ranges.
    ("Thực hiện từ ngày 11/8/2025.", "2025-08-01", None, Some("2025-08-11"), None),
    ("Áp dụng kể từ ngày 01/01/2026.", "2025-12-01", None, Some("2026-01-01"), None),
    ("Tổ chức đợt cao điểm từ ngày 01/5/2026 đến ngày 31/5/2026.", "2026-04-20", Some("2026-05-31"), Some("2026-05-01"), None),
    ("Bắt đầu từ 15/9/2026, các trường triển khai sổ điểm điện tử.", "2026-08-01", None, Some("2026-09-15"), None),
    // Recurrences.
    ("Định kỳ hàng Quý (trước ngày 10 của tháng cuối Quý), 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) báo cáo kết quả.", "2025-07-01", Some("2025-09-10"), None, Some("quarterly")),
    ("Định kỳ hằng quý (trước ngày 05 của tháng cuối quý) báo cáo UBND xã.", "2025-07-01", Some("2025-09-05"), None, Some("quarterly")),
    ("Duy trì sinh hoạt định kỳ ngày 03 hàng tháng và sinh hoạt chuyên đề mỗi quý 1 lần.", "2026-01-09", None, None, Some("monthly")),
    ("Báo cáo kết quả thực hiện hằng tháng về Văn phòng UBND tỉnh.", "2026-01-09", None, None, Some("monthly")),
    ("Hàng tuần cập nhật số liệu lên hệ thống.", "2026-01-09", None, None, Some("weekly")),
    ("Thực hiện chế độ báo cáo theo ngày, tháng, quý và năm trên hệ thống.", "2025-12-15", None, None, Some("daily")),
    ("Hằng ngày theo dõi tình hình dịch bệnh trên địa bàn.", "2026-01-09", None, None, Some("daily")),
    ("Định kỳ hằng năm tổ chức kiểm tra, đánh giá.", "2026-01-09", None, None, Some("yearly")),
    ("Định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ.", "2026-01-09", None, None, Some("semiannual")),
    ("Số lượng công trình khoa học được nghiệm thu mỗi năm.", "2025-07-01", None, None, Some("yearly")),
    ("Hàng năm và đột xuất báo cáo kết quả về Ban Chỉ đạo.", "2026-01-09", None, None, Some("yearly")),
    ("Báo cáo định kỳ hằng tháng trước ngày 20 hằng tháng.", "2026-01-09", Some("2026-01-20"), None, Some("monthly")),
    // Not deadlines.
    ("Triển khai theo Kế hoạch số 01-KH/BCĐ ngày 11/7/2025 của Ban Chỉ đạo tỉnh.", "2025-10-21", None, None, None),
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", "2025-10-21", None, None, None),
    ("Chủ trì, phối hợp với Công an xã triển khai Quyết định 06/QĐ-TTg ngày 06/01/2022, giai đoạn 2022-2025, tầm nhìn đến năm 2030.", "2025-07-01", None, None, None),
    ("Khẩn trương triển khai đồng bộ Kế hoạch phát triển khoa học năm 2026 của phường.", "2026-01-22", None, None, None),
    ("Cụ thể hóa nhiệm vụ vào chương trình, kế hoạch công tác hằng năm của cơ quan.", "2025-12-15", None, None, None),
    ("Thời gian thực hiện: Theo Kế hoạch đào tạo công chức cấp xã hằng năm.", "2026-01-09", None, None, None),
    ("Xây dựng, công bố báo cáo thường niên về thị trường lao động của tỉnh.", "2026-01-09", None, None, Some("yearly")),
    ("Định kỳ báo cáo kết quả thực hiện về Sở Nội vụ.", "2026-01-09", None, None, Some("irregular")),
    ("Xây dựng kế hoạch vận hành, bảo dưỡng định kỳ, hướng dẫn người dân sử dụng.", "2026-01-09", None, None, None),
    ("Tham mưu bố trí kinh phí chi thường xuyên hằng năm để thực hiện Kế hoạch.", "2026-01-09", None, None, None),
    ("Xác định chỉ tiêu, mục tiêu, nhiệm vụ hàng năm của Chương trình.", "2026-01-09", None, None, None),
    ("Bố trí ít nhất 2% ngân sách trong 05 năm tiếp theo.", "2025-07-01", None, None, None),
    ("Đẩy nhanh tiến độ giải ngân các dự án về chuyển đổi số năm 2025.", "2025-10-21", None, None, None),
    ("Tuyên truyền Nghị quyết chuyên đề “Cải cách hành chính gắn với chuyển đổi số đến năm 2030”.", "2026-01-09", None, None, None),
    ("Xây dựng kế hoạch giai đoạn 2026-2030 trình HĐND xã.", "2026-01-09", None, None, None),
    ("Tỷ lệ trả kết quả trực tuyến đạt 4.796/5.050 hồ sơ.", "2026-01-22", None, None, None),
    ("Phấn đấu xếp hạng top 10/102 xã, phường.", "2026-01-22", None, None, None),
    ("Thực hiện Công văn số 150/UBND-VHXH ngày 30/7/2025 về triển khai phong trào.", "2025-10-01", None, None, None),
    ("Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 02 năm 2026 của UBND tỉnh.", "2026-03-01", None, None, None),
    ("Nhiệm kỳ 2025-2030 tập trung phát triển kinh tế số.", "2026-01-09", None, None, None),
    // A plan's horizon, its object listing places, or written "đến hết năm": no deadline.
    ("Rà soát, bổ sung quy hoạch trạm sạc trong các khu đô thị mới, khu dân cư và cụm công nghiệp đến năm 2035.", "2026-01-09", None, None, None),
    ("Xây dựng kịch bản phát triển du lịch từ nay đến hết năm 2026; triển khai các giải pháp kích cầu.", "2026-03-02", None, None, None),
    ("Hoàn thành số hóa hồ sơ đất đai đến hết năm 2027.", "2026-03-02", Some("2027-12-31"), None, None),
    ("Rà soát hồ sơ theo Thông báo số 09-TB/VPTU ngày 21/10/2025 của Văn phòng Tỉnh ủy.", "2025-10-25", None, None, None),
    ("Hoàn thành mục tiêu của Nghị quyết Đại hội là “Quy mô kinh tế số đến hết năm 2030 đạt 30% GRDP trở lên”.", "2025-10-21", Some("2030-12-31"), None, None),
    ("Phát động phong trào “Thi đua hoàn thành trước năm 2027”.", "2026-01-09", None, None, None),
    ("Kể từ tháng 4/2026, định kỳ hằng tháng gửi báo cáo trước ngày 10.", "2026-03-05", Some("2026-04-10"), Some("2026-04-01"), Some("monthly")),
    ("Tham mưu sơ kết giữa kỳ việc thực hiện Nghị quyết vào năm 2028.", "2026-01-09", Some("2028-12-31"), None, None),
    // Ongoing.
    ("Thường xuyên theo dõi, đôn đốc việc thực hiện.", "2026-01-09", None, None, None),
    ("Kịp thời tháo gỡ khó khăn, vướng mắc.", "2026-01-09", None, None, None),
    // Mixed clauses: the one dated clause sets the due date.
    ("Tăng cường quản lý tài nguyên; phát động chiến dịch trong quý I/2026; xử lý nghiêm vi phạm.", "2026-01-09", Some("2026-03-31"), None, None),
    ("Hỗ trợ người dân chuyển đổi số; trong năm 2026 nghiên cứu tổ chức các buổi Livestream.", "2026-01-22", Some("2026-12-31"), None, None),
    ("Tham mưu UBND tỉnh chỉ đạo các sở hoàn thành 25 nhiệm vụ trước 31/12/2025 theo Kế hoạch số 02-KH/BCĐTW.", "2025-10-21", Some("2025-12-31"), None, None),
    ("Tổ chức triển khai Nghị quyết số 04-NQ/ĐU về chuyển đổi số đến năm 2030; ký kết chương trình hợp tác trong quý I/2026.", "2026-01-22", Some("2026-03-31"), None, None),
    // Dates whose year is left out, with only a month known in the header.
    ("Báo cáo trước ngày 20/11.", "", Some("2025-11-20"), None, None),
    // Times in any common form, before or after the date (issue 15 point 3).
    ("Gửi báo cáo về Sở Tài chính trước 16 giờ 30 ngày 12/8/2026.", "2026-08-01", Some("2026-08-12T16:30:00+07:00"), None, None),
    ("Nộp hồ sơ dự thầu chậm nhất 16h30 ngày 14/9/2026.", "2026-08-20", Some("2026-09-14T16:30:00+07:00"), None, None),
    ("Hoàn thiện dự thảo, gửi Văn phòng trước 16:30 ngày 07/10/2026.", "2026-09-25", Some("2026-10-07T16:30:00+07:00"), None, None),
    ("Đăng ký danh sách trước 17 giờ ngày 05 tháng 7 năm 2026.", "2026-06-20", Some("2026-07-05T17:00:00+07:00"), None, None),
    ("Tổng hợp kết quả, báo cáo trước ngày 22/5/2026 lúc 15h00 để Chủ tịch xem xét.", "2026-05-10", Some("2026-05-22T15:00:00+07:00"), None, None),
    ("Cung cấp số liệu chậm nhất ngày 18/11/2026 (10 giờ 30) cho Cục Thống kê.", "2026-11-01", Some("2026-11-18T10:30:00+07:00"), None, None),
    ("Gửi ý kiến góp ý trước 8h ngày 3/12 qua hệ thống quản lý văn bản.", "2026-11-25", Some("2026-12-03T08:00:00+07:00"), None, None),
    // Dates in words, with "mồng", and split across line wraps.
    ("Hoàn thành việc kiểm kê trước ngày 05 tháng 7 năm 2026.", "2026-06-01", Some("2026-07-05"), None, None),
    ("Tổ chức ra quân chậm nhất ngày mồng 5 tháng 7.", "2026-06-01", Some("2026-07-05"), None, None),
    ("Hoàn thành trước mùng 8 tháng 3 năm 2027.", "2026-12-01", Some("2027-03-08"), None, None),
    ("Gửi báo cáo tổng kết trước ngày 20\ntháng 11 năm\n2025.", "2025-10-01", Some("2025-11-20"), None, None),
    ("Hoàn thành chậm\nnhất ngày 14/8/2026.", "2026-08-01", Some("2026-08-14"), None, None),
    // Months and quarters without a year: the document year or the next occurrence.
    ("Hoàn thành việc rà soát trong tháng 9.", "2026-06-10", Some("2026-09-30"), None, None),
    ("Tổ chức hội nghị tổng kết trong tháng 01.", "2026-11-20", Some("2027-01-31"), None, None),
    ("Đưa phần mềm vào sử dụng trong quý III.", "2026-06-10", Some("2026-09-30"), None, None),
    ("Triển khai thí điểm trong quý I, nhân rộng từ quý III/2027.", "2026-10-05", Some("2027-03-31"), Some("2027-07-01"), None),
    ("Từ tháng 10 áp dụng biểu mẫu mới tại bộ phận một cửa.", "2026-06-10", None, Some("2026-10-01"), None),
    // Weekly, monthly and intervals.
    ("Gửi báo cáo tiến độ trước 16 giờ thứ Sáu hằng tuần về Văn phòng UBND tỉnh.", "2026-06-10", Some("2026-06-12T16:00:00+07:00"), None, Some("weekly")),
    ("Báo cáo Sở Y tế chậm nhất ngày 05 hằng tháng; báo cáo tổng kết năm 2026 trước ngày 12/12/2026.", "2026-03-02", Some("2026-12-12"), None, Some("monthly")),
    ("Họp giao ban vào sáng thứ Hai hằng tuần tại trụ sở.", "2026-06-10", None, None, Some("weekly")),
    ("Định kỳ 6 tháng (trước ngày 20/6) và hằng năm (trước ngày 05/12) gửi báo cáo về Sở Nội vụ.", "2026-03-02", Some("2026-06-20"), None, Some("semiannual")),
    ("Tổ chức kiểm tra các cơ sở sản xuất trong tháng 5 và tháng 6/2026.", "2026-04-02", Some("2026-06-30"), None, None),
    ("Hoàn thành trước 17h00 ngày 3 20/5/2026 (Sở Tài chính thẩm định).", "2026-04-02", Some("2026-05-20T17:00:00+07:00"), None, None),
    ("Trực chỉ huy 24/24 giờ trong những ngày nghỉ Tết.", "2026-01-20", None, None, None),
    ("Tổ chức giao ban 02 tuần/lần để nắm tình hình.", "2026-06-10", None, None, Some("weekly")),
    ("Kiểm tra thực địa 3 tháng một lần tại các điểm sạt lở.", "2026-06-10", None, None, Some("quarterly")),
    ("Gửi báo cáo tiến độ về Sở Xây dựng chậm nhất vào ngày 05 hằng tháng.", "2026-06-10", Some("2026-07-05"), None, Some("monthly")),
    ("Cập nhật dữ liệu chậm nhất là ngày 25 hằng tháng.", "2026-06-10", Some("2026-06-25"), None, Some("monthly")),
    // Event-relative: no date is invented.
    ("Lấy ý kiến cộng đồng dân cư trước khi phê duyệt phương án bồi thường.", "2026-06-10", None, None, None),
    ("Bàn giao mặt bằng ngay sau khi có quyết định thu hồi đất.", "2026-06-10", None, None, None),
    // A cited document's date is never a deadline, glued or not.
    ("Thống nhất với Tờ trình số 12/TTr-SXD ngày 01/6/2026 về sửa chữa trụ sở.", "2026-06-10", None, None, None),
    ("Ban Thường vụ nhất trí với Tờtrình số 14-TTr/VP ngày 03/6/2026 về mua sắm thiết bị.", "2026-06-10", None, None, None),
    ("Thực hiện Công văn số 88/UBND-KT ngày 05 tháng 6 năm 2026 của UBND huyện.", "2026-06-10", None, None, None),
    ("Hằng năm gửi số liệu kiểm kê trước ngày 31 tháng 3, kể từ năm 2028.", "2026-06-10", Some("2028-03-31"), Some("2028-01-01"), Some("yearly")),
    // Glued syllables in the text layer (P10).
    ("Gửi báo cáo về Văn phòng trướcngày 15/7/2026.", "2026-06-10", Some("2026-07-15"), None, None),
    ("Hoàn thành chậmnhất ngày 20/8/2026.", "2026-06-10", Some("2026-08-20"), None, None),
    ("Thực hiện kểtừ ngày 01/9/2026 tại các xã.", "2026-06-10", None, Some("2026-09-01"), None),
    ("Hoànthành trong quý III/2026.", "2026-06-10", Some("2026-09-30"), None, None),
    ("Quán triệt Quy định số 95-QĐ/TW ngày 14/5/2026 của Ban Bí thư về công tác kiểm tra.", "2026-06-10", None, None, None),
    ("Triển khai Kết luận liên ngành tỉnh số 07/KL-LN ngày 02/4/2026 giữa Công an tỉnh và Viện kiểm sát.", "2026-06-10", None, None, None),
    ("(Kèm theo Quyết định số: 415/QĐ-UBND ngày 08 tháng 6 năm 2026 của UBND tỉnh) Tổ chức hội nghị triển khai.", "2026-06-10", None, None, None),
    ("Điều chỉnh quy hoạch hạ tầng cấp nước trong các khu công nghiệp của tỉnh đến năm 2035.", "2026-06-10", None, None, None),
    ("Căn cứ Quyếtđịnh số 301/QĐ-UBND ngày 2/6/2026, hoàn thành trước ngày 30/6/2026.", "2026-06-10", Some("2026-06-30"), None, None),
    // Several dates in one item: the last one (guide rule 9).
    ("Hoàn thiện hồ sơ thiết kế trước ngày 12/8/2026; trình thẩm định, gửi Sở Xây dựng trước ngày 28/8/2026.", "2026-07-20", Some("2026-08-28"), None, None),
    ("Lập danh sách trong tháng 9/2026, tổ chức chi trả xong trước 15/11/2026.", "2026-07-20", Some("2026-11-15"), None, None),
    ("Hoàn thành giải phóng mặt bằng trong quý III/2026 và khởi công trước ngày 20/10/2026.", "2026-07-20", Some("2026-10-20"), None, None),
    // Dates that describe objects are not deadlines (guide rule 10).
    ("Bố trí đủ vốn cho các công trình khởi công trong tháng 10/2026.", "2026-07-20", None, None, None),
    ("Rà soát các chương trình dự kiến thực hiện trong năm 2027 của huyện.", "2026-07-20", None, None, None),
    ("Thẩm định 6 dự án sẽ triển khai trong quý IV/2026 trên địa bàn.", "2026-07-20", None, None, None),
    ("Chi trả trợ cấp cho các hộ đã được phê duyệt trong tháng 7/2026.", "2026-07-20", None, None, None),
    ("Hoàn thiện dự thảo Đề án, trình UBND tỉnh trước ngày 15 tháng 9 năm 2026; trong đó nêu rõ các chỉ tiêu phải đạt đến năm 2030 của từng ngành.", "2026-07-20", Some("2026-09-15"), None, None),
    ("Phấn đấu đạt 30% số xã ngay trong năm 2026; đến năm 2030 đạt 100% số xã.", "2026-07-20", Some("2030-12-31"), None, None),
    ("Giải ngân vốn cho các dự án khởi công trong năm 2026, hoàn thành trước ngày 30/11/2026.", "2026-07-20", Some("2026-11-30"), None, None),
];

fn ctx(date: &str) -> DateContext {
    if date.is_empty() {
        // "ngày    tháng 10 năm 2025": month and year only.
        return DateContext {
            date: None,
            year: Some(2025),
            month: Some(10),
            text_date: None,
        };
    }
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    DateContext {
        date: Some(d),
        year: Some(d.year()),
        month: Some(d.month()),
        text_date: None,
    }
}

#[test]
fn table_of_phrases() {
    assert!(
        CASES.len() >= 80,
        "the table must hold at least 80 phrases, has {}",
        CASES.len()
    );
    let mut failures = Vec::new();
    for (text, date, due, start, freq) in CASES {
        let got = find_deadline(text, &ctx(date));
        let g_due = got.as_ref().and_then(|d| d.due).map(|m| m.to_string());
        let g_start = got.as_ref().and_then(|d| d.start).map(|m| m.to_string());
        let g_freq = got
            .as_ref()
            .and_then(|d| d.recurrence.as_ref())
            .map(|r| r.freq.as_str().to_string());
        if g_due.as_deref() != *due || g_start.as_deref() != *start || g_freq.as_deref() != *freq {
            failures.push(format!(
                "{text:?}\n   want due {due:?} start {start:?} freq {freq:?}\n   got  due {g_due:?} start {g_start:?} freq {g_freq:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn raw_is_always_kept_and_rules_are_rfc5545() {
    let d = find_deadline(
        "Định kỳ hàng Quý (trước ngày 10 của tháng cuối Quý) báo cáo.",
        &ctx("2025-07-01"),
    )
    .unwrap();
    assert!(!d.raw.is_empty());
    let r = d.recurrence.unwrap();
    assert_eq!(
        r.rule.as_deref(),
        Some("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10")
    );
    let d = find_deadline("sinh hoạt định kỳ ngày 03 hàng tháng", &ctx("2026-01-09")).unwrap();
    assert_eq!(
        d.recurrence.unwrap().rule.as_deref(),
        Some("FREQ=MONTHLY;BYMONTHDAY=3")
    );
    let d = find_deadline(
        "Gửi báo cáo trước 16 giờ thứ Sáu hằng tuần về Văn phòng.",
        &ctx("2026-06-10"),
    )
    .unwrap();
    assert_eq!(
        d.recurrence.unwrap().rule.as_deref(),
        Some("FREQ=WEEKLY;BYDAY=FR;BYHOUR=16")
    );
    let d = find_deadline("Họp giao ban 02 tuần/lần vào thứ Hai.", &ctx("2026-06-10")).unwrap();
    assert_eq!(
        d.recurrence.unwrap().rule.as_deref(),
        Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")
    );
    let d = find_deadline(
        "Lấy ý kiến nhân dân trước khi phê duyệt phương án.",
        &ctx("2026-06-10"),
    )
    .unwrap();
    assert_eq!(
        (d.due, d.raw.as_str(), d.due_rule),
        (None, "trước khi phê duyệt phương án", Some(DateRule::Event))
    );
    let d = find_deadline(
        "Gửi báo cáo tiến độ chậm nhất vào ngày 20 hằng tháng.",
        &ctx("2026-06-10"),
    )
    .unwrap();
    assert_eq!(
        (d.due.map(|m| m.to_string()), d.due_rule),
        (Some("2026-06-20".to_string()), Some(DateRule::Recurrence))
    );
    let d = find_deadline("Hoàn thành trước ngày 20/7/2026.", &ctx("2026-06-10")).unwrap();
    assert_eq!(d.due_rule, Some(DateRule::OwnDate));
    let d = find_deadline("Thường xuyên theo dõi, đôn đốc.", &ctx("2026-01-09")).unwrap();
    assert_eq!(d.due_rule, Some(DateRule::Ongoing));
    assert!(d.ongoing && d.due.is_none());
    assert_eq!(d.raw, "Thường xuyên");
}

/// One reading of `phrase` by the rule named `rule`: "due …", "start …", or "" when that
/// rule reads nothing there.
fn reading(rule: &str, phrase: &str, date: &str) -> String {
    let t = blank_non_deadlines(phrase);
    candidates(&t, &ctx(date))
        .into_iter()
        .find(|f| f.rule == rule)
        .map(|f| format!("{} {}", if f.start { "start" } else { "due" }, f.moment))
        .unwrap_or_default()
}

/// Each date rule's "phrase → reading" rows (rustling style), read against [`EXAMPLE_DATE`].
type RuleExamples = &'static [(&'static str, &'static str)];

const RULE_EXAMPLES: &[(&str, RuleExamples)] = &[
    (
        "date_time",
        &[
            (
                "gửi trước 17h00 ngày 28/10/2026",
                "due 2026-10-28T17:00:00+07:00",
            ),
            (
                "chậm nhất 9 giờ 30 phút ngày 2/4/2026",
                "due 2026-04-02T09:30:00+07:00",
            ),
            (
                "đăng ký trước 11h ngày 3/6",
                "due 2026-06-03T11:00:00+07:00",
            ),
        ],
    ),
    (
        "date_then_time",
        &[
            (
                "gửi trước ngày 20/7/2026 lúc 16h30.",
                "due 2026-07-20T16:30:00+07:00",
            ),
            (
                "hạn ngày 05 tháng 7 năm 2026, 9 giờ.",
                "due 2026-07-05T09:00:00+07:00",
            ),
            (
                "chậm nhất ngày 3/4 (15:00)",
                "due 2026-04-03T15:00:00+07:00",
            ),
            ("trước ngày 20/7/2026 2 hội nghị", ""),
            ("trực 24/24 giờ trong những ngày cao điểm", ""),
        ],
    ),
    (
        "date_words",
        &[
            (
                "hoàn thành trước ngày 30 tháng 6 năm 2026",
                "due 2026-06-30",
            ),
            ("trước ngày 15 tháng 4", "due 2026-04-15"),
        ],
    ),
    (
        "date",
        &[
            ("hoàn thành trước ngày 31/7/2026", "due 2026-07-31"),
            ("thực hiện từ ngày 11/8/2026", "start 2026-08-11"),
            ("báo cáo trước ngày 15/2", "due 2027-02-15"),
            ("nộp trước 25-11-2026", "due 2026-11-25"),
            ("đạt 4.796/5.050 hồ sơ", ""),
            ("top 10/12 xã", ""),
        ],
    ),
    (
        "quarter",
        &[
            ("trong quý I/2026", "due 2026-03-31"),
            ("đưa vào vận hành trong quý 3/2026", "due 2026-09-30"),
            ("từ quý II/2026", "start 2026-04-01"),
            ("trong quý IV năm 2026", "due 2026-12-31"),
            ("Quý II, III/2027", "due 2027-09-30"),
            ("thực hiện trong quý I và quý II/2026", "due 2026-06-30"),
            ("Quý III/2026, 2028", "due 2028-12-31"),
            ("trong quý IV/2026, 2.500 hộ", "due 2026-12-31"),
        ],
    ),
    (
        "half_year",
        &[
            ("hoàn thành 6 tháng đầu năm 2026", "due 2026-06-30"),
            ("trong 6 tháng cuối năm 2026", "due 2026-12-31"),
        ],
    ),
    (
        "month",
        &[
            ("kiểm tra trong tháng 3 và tháng 4/2026", "due 2026-04-30"),
            ("hoàn thành trong tháng 10/2026", "due 2026-10-31"),
            ("tổ chức trong tháng 02/2028", "due 2028-02-29"),
            ("từ tháng 9/2026", "start 2026-09-01"),
        ],
    ),
    (
        "year",
        &[
            ("hoàn thành trong năm 2026", "due 2026-12-31"),
            ("từ đầu năm 2027", "start 2027-01-01"),
            ("Năm 2026, tổ chức", "due 2026-12-31"),
            ("các dự án năm 2025", ""),
        ],
    ),
    (
        "month_no_year",
        &[
            ("hoàn thành trong tháng 9.", "due 2026-09-30"),
            ("xong trước tháng 02 để", "due 2027-02-28"),
            ("từ tháng 5 áp dụng", "start 2026-05-01"),
            ("tháng 9 tổ chức", ""),
        ],
    ),
    (
        "quarter_no_year",
        &[
            ("hoàn thành trong quý III,", "due 2026-09-30"),
            ("trong quý 4 ", "due 2026-12-31"),
            ("trong quý I.", "due 2026-03-31"),
            ("từ quý II ", "start 2026-04-01"),
        ],
    ),
    (
        "day_of_month",
        &[
            ("gửi kết quả trước ngày 20.", "due 2026-03-20"),
            ("gửi kết quả trước ngày 10.", "due 2026-04-10"),
        ],
    ),
];

#[test]
fn every_rule_reads_its_examples() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, _) in RULE_EXAMPLES {
        assert!(
            RULES.iter().any(|r| r.name == *name),
            "examples for an unknown rule {name}"
        );
    }
    for rule in RULES.iter() {
        let examples = RULE_EXAMPLES
            .iter()
            .find(|(n, _)| *n == rule.name)
            .map_or(&[][..], |(_, e)| *e);
        assert!(!examples.is_empty(), "rule {} has no examples", rule.name);
        for (phrase, want) in examples {
            n += 1;
            let got = reading(rule.name, phrase, EXAMPLE_DATE);
            if got != *want {
                failures.push(format!(
                    "{}: {phrase:?} → {got:?}, want {want:?}",
                    rule.name
                ));
            }
        }
    }
    assert!(n >= 20, "only {n} rule examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_heading_that_sets_a_date_gives_it_to_undated_items() {
    let c = ctx("2026-06-10");
    let h = heading_deadline(&["II. CÁC VIỆC PHẢI XONG TRONG THÁNG 9/2026"], &c);
    assert_eq!(
        h.as_ref()
            .and_then(|d| d.due)
            .map(|m| m.to_string())
            .as_deref(),
        Some("2026-09-30")
    );
    assert_eq!(
        h.as_ref().and_then(|d| d.due_rule),
        Some(DateRule::HeadingDate)
    );
    let under = |text: &str| {
        with_heading(text, find_deadline(text, &c), h.clone())
            .and_then(|d| d.due)
            .map(|m| m.to_string())
    };
    assert_eq!(
        under("Kiểm tra an toàn hồ chứa nước trên địa bàn.").as_deref(),
        Some("2026-09-30")
    );
    assert_eq!(
        under("Gửi báo cáo trước ngày 15/8/2026.").as_deref(),
        Some("2026-08-15")
    );
    // An item whose date describes its objects keeps none.
    assert_eq!(
        under("Bố trí nhân lực cho các gói thầu khởi công trong tháng 8/2026."),
        None
    );
    // The nearest heading that sets a date wins; a planning period sets none.
    let near = heading_deadline(
        &[
            "a) Nhóm việc hoàn thành trước ngày 31/7/2026",
            "II. CÁC VIỆC PHẢI XONG TRONG THÁNG 9/2026",
        ],
        &c,
    );
    assert_eq!(
        near.and_then(|d| d.due).map(|m| m.to_string()).as_deref(),
        Some("2026-07-31")
    );
    assert!(heading_deadline(&["III. NHIỆM VỤ NĂM 2027"], &c).is_none());
    assert!(heading_deadline(&["1. Nhiệm vụ trọng tâm trong năm 2026"], &c).is_none());
    assert!(heading_deadline(&["2. Sở Giáo dục và Đào tạo"], &c).is_none());
    // An item above that is a task of its own does not date the items under it.
    assert!(heading_deadline(
        &["- Tổng hợp kết quả, báo cáo UBND huyện trước ngày 10/12/2026."],
        &c
    )
    .is_none());
    // A long item that ends by introducing its parts dates them, whatever its length.
    let long = "3. Sở Xây dựng khẩn trương tổng hợp ý kiến của các sở, ngành về dự thảo \
        Quy hoạch chung đô thị Tân An, làm rõ phương án bố trí quỹ đất nhà ở xã hội, \
        phương án kết nối giao thông với các huyện lân cận và nguồn vốn thực hiện, hoàn \
        thiện hồ sơ, trình UBND tỉnh xem xét, quyết định trước ngày 25 tháng 11 năm 2026. \
        Trong đó lưu ý một số nội dung sau:";
    assert!(long.len() > 300);
    assert_eq!(
        heading_deadline(&[long], &c)
            .and_then(|d| d.due)
            .map(|m| m.to_string())
            .as_deref(),
        Some("2026-11-25")
    );
    // The same item closed by a full stop is a task of its own.
    let closed = long.trim_end_matches(" Trong đó lưu ý một số nội dung sau:");
    assert!(heading_deadline(&[closed], &c).is_none());
}

#[test]
fn a_blank_day_anchors_on_the_latest_date_of_the_opening() {
    let blank = DateContext {
        date: None,
        year: Some(2026),
        month: Some(4),
        text_date: None,
    };
    let opening = vec![
        "Ngày 09/4/2026, Thường trực UBND huyện họp về công tác phòng cháy; ngày 14 tháng 4 năm 2026 kiểm tra thực tế.".to_string(),
        "Kết luận như sau:".to_string(),
    ];
    let c = blank.anchored_on(&opening);
    assert_eq!(c.text_date, NaiveDate::from_ymd_opt(2026, 4, 14));
    let due = |c: &DateContext| {
        find_deadline("Gửi báo cáo chậm nhất vào ngày 20 hằng tháng.", c)
            .and_then(|d| d.due)
            .map(|m| m.to_string())
    };
    assert_eq!(due(&c).as_deref(), Some("2026-04-20"));
    let c = blank.anchored_on(&["Ngày 22/4/2026, đoàn kiểm tra làm việc tại xã.".to_string()]);
    assert_eq!(due(&c).as_deref(), Some("2026-05-20"));
    // No date in the opening: the first of the month.
    let c = blank.anchored_on(&["Thực hiện chỉ đạo của UBND tỉnh.".to_string()]);
    assert_eq!(
        (c.text_date, due(&c).as_deref()),
        (None, Some("2026-04-20"))
    );
    // A dated document keeps its date.
    let dated = ctx("2026-04-25").anchored_on(&opening);
    assert_eq!(due(&dated).as_deref(), Some("2026-05-20"));
}

/// The deadline `with_outline` gives the item whose text starts with `item` in `paras`.
fn outlined(paras: &[&str], item: &str, date: &str) -> Option<String> {
    let tree = crate::outline::build(paras, |_| false);
    let body: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
    let (k, text) = paras
        .iter()
        .enumerate()
        .find(|(_, p)| p.starts_with(item))?;
    let node = tree.nodes.iter().find(|n| n.paras.first() == Some(&k))?;
    let c = ctx(date);
    let d = with_outline(
        text,
        find_deadline(text, &c),
        &tree,
        &body,
        (&node.path, &[k]),
        &c,
    );
    d.map(|d| format!("{:?} {:?}", d.due.map(|m| m.to_string()), d.due_rule))
}

#[test]
fn a_block_time_field_dates_its_items() {
    let block = [
        "1. Về hạ tầng số",
        "a) Nhiệm vụ:",
        "- Nâng cấp mạng nội bộ của các cơ quan cấp huyện.",
        "- Rà soát thiết bị đầu cuối tại bộ phận một cửa.",
        "b) Cơ quan thực hiện:",
        "- Đơn vị chủ trì: Phòng Văn hóa và Thông tin.",
        "- Đơn vị phối hợp: UBND các xã.",
        "c) Thời gian thực hiện: Hoàn thành trong quý III/2026.",
        "2. Về nguồn nhân lực",
        "a) Nhiệm vụ:",
        "- Tập huấn kỹ năng số cho công chức cấp xã.",
        "b) Thời gian thực hiện: Thường xuyên.",
    ];
    let want = Some("Some(\"2026-09-30\") Some(FieldLabel)".to_string());
    assert_eq!(outlined(&block, "- Nâng cấp", "2026-06-10"), want);
    assert_eq!(outlined(&block, "- Rà soát", "2026-06-10"), want);
    // The next block's field ("Thường xuyên") gives no date and is not the first block's.
    assert_eq!(
        outlined(&block, "- Tập huấn", "2026-06-10"),
        Some("None Some(FieldLabel)".to_string())
    );
    // Flat items, each followed by its own fields: the nearest following field counts.
    let flat = [
        "- Rà soát văn bản quy phạm của huyện.",
        "*Đơn vị chủ trì thực hiện: *Phòng Tư pháp.",
        "*Thời gian thực hiện: *Thường xuyên.",
        "- Tổ chức hội thảo chuyên đề về cải cách hành chính.",
        "*Đơn vị chủ trì thực hiện: *Văn phòng HĐND và UBND.",
        "*Thời gian thực hiện: *Hằng năm.",
        "- Chi trả chế độ hỗ trợ cho cán bộ làm công tác pháp chế.",
        "*Thời gian thực hiện: *Từ 01/8/2026.",
    ];
    let start_of = |item: &str| {
        let tree = crate::outline::build(&flat, |_| false);
        let body: Vec<String> = flat.iter().map(|p| p.to_string()).collect();
        let k = flat.iter().position(|p| p.starts_with(item)).unwrap();
        let node = tree
            .nodes
            .iter()
            .find(|n| n.paras.first() == Some(&k))
            .unwrap();
        let c = ctx("2026-06-10");
        let own = find_deadline(flat[k], &c);
        let d = with_outline(flat[k], own, &tree, &body, (&node.path, &[k]), &c).unwrap();
        (
            d.ongoing,
            d.recurrence.map(|r| r.freq),
            d.start.map(|m| m.to_string()),
        )
    };
    assert_eq!(start_of("- Rà soát"), (true, None, None));
    assert_eq!(
        start_of("- Tổ chức"),
        (false, Some(Frequency::Yearly), None)
    );
    assert_eq!(
        start_of("- Chi trả"),
        (false, None, Some("2026-08-01".to_string()))
    );
    // An item's own date wins over the field.
    let own = [
        "a) Nhiệm vụ:",
        "- Hoàn thành sửa chữa trụ sở trước ngày 15/8/2026.",
        "b) Thời gian thực hiện: Năm 2026.",
    ];
    assert_eq!(
        outlined(&own, "- Hoàn thành", "2026-06-10"),
        Some("Some(\"2026-08-15\") Some(OwnDate)".to_string())
    );
}

#[test]
fn prose_sentences_under_an_item_that_dates_its_parts_inherit_the_date() {
    let paras = [
        "1. Sở Y tế khẩn trương hoàn thiện dự thảo Đề án nâng cao năng lực y tế cơ sở, \
         trình UBND tỉnh trước ngày 15 tháng 9 năm 2026. Trong đó lưu ý các nội dung sau:",
        "- Về mạng lưới trạm y tế xã:",
        "Sở Y tế rà soát hiện trạng cơ sở vật chất của các trạm y tế xã vùng cao.",
        "2. Sở Tài chính bố trí kinh phí thực hiện Đề án.",
    ];
    let tree = crate::outline::build(&paras, |_| false);
    let body: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
    let c = ctx("2026-07-01");
    let due_of = |k: usize| {
        let node = tree
            .nodes
            .iter()
            .find(|n| n.paras.first() == Some(&k))
            .unwrap();
        let section = format!("{}.s1", node.path);
        with_outline(
            paras[k],
            find_deadline(paras[k], &c),
            &tree,
            &body,
            (&section, &[k]),
            &c,
        )
        .and_then(|d| d.due)
        .map(|m| m.to_string())
    };
    assert_eq!(due_of(2).as_deref(), Some("2026-09-15"));
    // The next item is not under the dated one.
    assert_eq!(due_of(3), None);
}
