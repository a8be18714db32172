namespace NewsroomCms.Web.Hosting;

public sealed record DemoArticle(string Title, string Sapo, string Body, string Section, string[] Tags, string[] Authors);

/// <summary>The sections, pen names and articles of the demo newspaper. Written by the team; fictional.</summary>
public static class DemoContent
{
    public static readonly IReadOnlyList<string> Sections =
        ["Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Quốc phòng - An ninh", "Du lịch"];

    public static readonly IReadOnlyList<(string PenName, string Bio)> Authors =
    [
        ("Trường Hà", "Phóng viên mảng kinh tế, theo dõi nông nghiệp và doanh nghiệp địa phương."),
        ("Minh Đức", "Phóng viên thời sự, chính trị."),
        ("Thu Thủy", "Biên tập viên văn hóa – du lịch."),
    ];

    /// <summary>The lead story, then the featured stories; the remaining places fill with the newest articles.</summary>
    public static readonly IReadOnlyList<string> FrontPage =
    [
        "Hội nghị giao ban trực tuyến công tác năm 2023",
        "Hơn 1.200 hộ nghèo được hỗ trợ xây nhà đại đoàn kết",
        "Đồng bằng thu hoạch lúa Đông Xuân được mùa, được giá",
        "Lễ hội Nghinh Ông thu hút hàng chục nghìn lượt khách",
        "Cồn Phụng – điểm đến xanh giữa dòng Tiền Giang",
    ];

    /// <summary>Today's page views of the demo articles, in the order they are added.</summary>
    public static readonly IReadOnlyList<long> Views = [412, 268, 155, 731, 389, 524, 97, 306];

    public static readonly IReadOnlyList<DemoArticle> Articles =
    [
        new(
            "Hội nghị giao ban trực tuyến công tác năm 2023",
            "Sáng 17/1, UBND tỉnh tổ chức hội nghị giao ban trực tuyến đánh giá kết quả thực hiện nhiệm vụ phát triển KT - XH năm 2023 và triển khai kế hoạch năm 2024 tới các huyện, thị xã và thành phố.",
            """
            <p>Hội nghị được kết nối trực tuyến từ điểm cầu chính tại trụ sở UBND tỉnh đến 11 điểm cầu cấp huyện và 145 điểm cầu cấp xã.</p>
            <p>Theo báo cáo của Sở Kế hoạch và Đầu tư, năm 2023 tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt 7,2%, cao hơn bình quân cả nước; tổng thu ngân sách nhà nước đạt 12.450 tỷ đồng, vượt 8,3% dự toán. Thu hút đầu tư có nhiều chuyển biến với 46 dự án mới được cấp chủ trương, tổng vốn đăng ký hơn 21.000 tỷ đồng.</p>
            <h2>Tập trung tháo gỡ vướng mắc về mặt bằng</h2>
            <p>Phát biểu chỉ đạo, Chủ tịch UBND tỉnh yêu cầu các sở, ngành và địa phương tập trung tháo gỡ vướng mắc trong giải phóng mặt bằng, đẩy nhanh tiến độ giải ngân vốn đầu tư công ngay từ những tháng đầu năm.</p>
            <blockquote><p>“Mỗi cán bộ phải coi tiến độ dự án là trách nhiệm của chính mình, không để việc hôm nay sang ngày mai”, Chủ tịch UBND tỉnh nhấn mạnh.</p></blockquote>
            <p>Năm 2024, tỉnh đặt mục tiêu tăng trưởng GRDP từ 7,5 - 8%, thu ngân sách đạt trên 13.000 tỷ đồng, tỷ lệ hộ nghèo giảm 1,5%.</p>
            """,
            "Thời sự",
            ["Giao ban", "KT - XH", "UBND tỉnh"],
            ["Minh Đức"]),
        new(
            "Đồng bằng thu hoạch lúa Đông Xuân được mùa, được giá",
            "Chiều 5/3, tại xã Đức Thạnh, nông dân bắt đầu thu hoạch lúa vụ Đông Xuân với năng suất bình quân 7,5 tấn/ha, giá bán tại ruộng cao hơn vụ trước từ 500 - 700 đồng/kg.",
            """
            <p>Toàn tỉnh gieo sạ hơn 62.000 ha lúa vụ Đông Xuân, trong đó trên 70% diện tích sử dụng giống lúa chất lượng cao. Nhờ thời tiết thuận lợi, sâu bệnh được kiểm soát tốt, năng suất nhiều cánh đồng đạt trên 8 tấn/ha.</p>
            <p>Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp ngay từ đầu vụ, giúp nông dân yên tâm sản xuất.</p>
            <blockquote><p>“Năm nay bà con phấn khởi lắm, lúa trúng mà giá lại cao, trừ chi phí mỗi công lời hơn 4 triệu đồng”, ông Nguyễn Văn Đạt, Giám đốc Hợp tác xã Đức Thạnh chia sẻ.</p></blockquote>
            <p>Ngành nông nghiệp khuyến cáo nông dân thu hoạch đúng thời điểm, phơi sấy kịp thời để giữ chất lượng hạt gạo, đồng thời chuẩn bị đất cho vụ Hè Thu sắp tới.</p>
            """,
            "Kinh tế",
            ["Nông nghiệp", "Lúa gạo"],
            ["Trường Hà"]),
        new(
            "Khai mạc kỳ họp thứ 15 HĐND tỉnh khóa X",
            "Sáng 8/12, HĐND tỉnh khóa X khai mạc kỳ họp thứ 15 để xem xét, quyết định nhiều nội dung quan trọng về phát triển KT - XH, bảo đảm QP - AN năm 2024.",
            """
            <p>Kỳ họp diễn ra trong 3 ngày, xem xét 32 báo cáo, tờ trình và dự thảo nghị quyết, trong đó có nghị quyết về kế hoạch đầu tư công trung hạn và chính sách hỗ trợ học sinh vùng khó khăn.</p>
            <p>Tại phiên khai mạc, Chủ tịch HĐND tỉnh đề nghị các đại biểu phát huy tinh thần trách nhiệm, thảo luận thẳng thắn, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn.</p>
            <p>Phiên chất vấn và trả lời chất vấn sẽ tập trung vào các vấn đề cử tri quan tâm: tiến độ các công trình giao thông trọng điểm, công tác quản lý đất đai và chất lượng dịch vụ y tế tuyến cơ sở.</p>
            """,
            "Chính trị",
            ["HĐND tỉnh", "Kỳ họp"],
            ["Minh Đức"]),
        new(
            "Hơn 1.200 hộ nghèo được hỗ trợ xây nhà đại đoàn kết",
            "Năm 2023, Ủy ban MTTQ Việt Nam các cấp trong tỉnh đã vận động hơn 60 tỷ đồng hỗ trợ xây mới và sửa chữa 1.215 căn nhà đại đoàn kết cho hộ nghèo, hộ cận nghèo.",
            """
            <p>Mỗi căn nhà được hỗ trợ từ 50 - 70 triệu đồng, cùng với phần đóng góp ngày công của bà con, dòng họ và lực lượng đoàn viên thanh niên, bộ đội địa phương.</p>
            <p>Bà Lê Thị Hoa (72 tuổi, ấp Phú Thạnh) xúc động khi nhận chìa khóa căn nhà mới: “Cả đời tôi chưa dám nghĩ có ngày được ở nhà tường, mái tôn chắc chắn như vầy”.</p>
            <p>Năm 2024, Mặt trận tỉnh đặt mục tiêu tiếp tục hỗ trợ ít nhất 1.000 căn nhà, ưu tiên hộ có hoàn cảnh đặc biệt khó khăn, gia đình chính sách và đồng bào dân tộc thiểu số.</p>
            """,
            "Xã hội",
            ["An sinh xã hội", "Nhà đại đoàn kết"],
            ["Thu Thủy", "Minh Đức"]),
        new(
            "Lễ hội Nghinh Ông thu hút hàng chục nghìn lượt khách",
            "Lễ hội Nghinh Ông năm nay diễn ra trong 3 ngày với nhiều hoạt động văn hóa dân gian đặc sắc, thu hút hàng chục nghìn người dân và du khách đến tham dự.",
            """
            <p>Lễ hội là dịp để ngư dân vùng biển cầu mong mưa thuận gió hòa, ra khơi thuận buồm xuôi gió, đánh bắt được nhiều tôm cá.</p>
            <p>Điểm nhấn của lễ hội là nghi thức rước Ông trên biển với hàng trăm tàu cá được trang trí cờ hoa rực rỡ. Bên cạnh phần lễ, phần hội có nhiều trò chơi dân gian như kéo co, đua ghe, hát bội, đờn ca tài tử.</p>
            <p>Lễ hội Nghinh Ông đã được công nhận là Di sản văn hóa phi vật thể quốc gia, góp phần quảng bá hình ảnh quê hương đến du khách gần xa.</p>
            """,
            "Văn hóa",
            ["Lễ hội", "Di sản"],
            ["Thu Thủy"]),
        new(
            "Đội tuyển bóng đá tỉnh giành vé dự vòng chung kết giải hạng Nhì",
            "Với chiến thắng 2 - 1 trước đội khách trong trận đấu cuối cùng của vòng bảng chiều 24/6, đội tuyển bóng đá tỉnh đã chính thức giành vé vào vòng chung kết giải hạng Nhì quốc gia.",
            """
            <p>Trên sân nhà trước sự cổ vũ của gần 8.000 khán giả, đội chủ nhà nhập cuộc tự tin và sớm mở tỉ số ở phút 17 nhờ pha đánh đầu của trung vệ Trần Quốc Đạt.</p>
            <p>Sau khi bị gỡ hòa đầu hiệp hai, đội tuyển tỉnh dồn lên tấn công và ghi bàn quyết định ở phút 81 từ một tình huống phản công nhanh.</p>
            <p>Huấn luyện viên trưởng cho biết toàn đội sẽ có một tuần nghỉ ngơi, hồi phục trước khi bước vào vòng chung kết dự kiến diễn ra vào giữa tháng 7.</p>
            """,
            "Thể thao",
            ["Bóng đá", "Giải hạng Nhì"],
            ["Trường Hà"]),
        new(
            "Diễn tập khu vực phòng thủ huyện năm 2023 thành công tốt đẹp",
            "Sau 4 ngày triển khai, cuộc diễn tập khu vực phòng thủ huyện năm 2023 đã kết thúc thành công, bảo đảm an toàn tuyệt đối về người và phương tiện.",
            """
            <p>Cuộc diễn tập nhằm nâng cao năng lực lãnh đạo, chỉ đạo, điều hành của cấp ủy, chính quyền địa phương trong xây dựng khu vực phòng thủ vững chắc, xử lý các tình huống về QP - AN.</p>
            <p>Các lực lượng tham gia đã thực hành thuần thục các nội dung: chuyển địa phương vào trạng thái khẩn cấp về quốc phòng, phòng chống thiên tai, tìm kiếm cứu nạn và bảo đảm hậu cần tại chỗ.</p>
            <p>Ban Chỉ đạo diễn tập tỉnh đánh giá cuộc diễn tập đạt loại giỏi, đúng ý định, sát với thực tế địa bàn.</p>
            """,
            "Quốc phòng - An ninh",
            ["Diễn tập", "Khu vực phòng thủ"],
            ["Minh Đức"]),
        new(
            "Cồn Phụng – điểm đến xanh giữa dòng Tiền Giang",
            "Với vườn cây trái sum suê, những con rạch rợp bóng dừa nước và nghề làm kẹo dừa truyền thống, cồn Phụng đang trở thành điểm du lịch sinh thái được nhiều du khách trong và ngoài nước yêu thích.",
            """
            <p>Từ bến tàu du lịch, chỉ khoảng 15 phút đi thuyền là du khách đã đặt chân lên cồn. Những con đường nhỏ men theo vườn bưởi, vườn chôm chôm dẫn đến các cơ sở làm kẹo dừa, đan giỏ lục bình.</p>
            <p>Du khách có thể ngồi xuồng ba lá len lỏi trong rạch, nghe đờn ca tài tử và thưởng thức trái cây tại vườn.</p>
            <ul>
                <li>Thời điểm đẹp nhất: từ tháng 5 đến tháng 8, mùa trái cây chín rộ.</li>
                <li>Đặc sản nên thử: kẹo dừa, bánh tráng sữa, cá lóc nướng trui.</li>
            </ul>
            <p>Năm 2023, cồn Phụng đón hơn 300.000 lượt khách, tăng 25% so với năm trước.</p>
            """,
            "Du lịch",
            ["Du lịch sinh thái", "Đặc sản"],
            ["Thu Thủy"]),
    ];
}
