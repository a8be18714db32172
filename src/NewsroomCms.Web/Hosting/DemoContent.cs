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

    public static readonly IReadOnlyList<DemoArticle> Articles =
    [
        new(
            "Hội nghị giao ban trực tuyến công tác năm 2023",
            "Sáng 17/1, UBND tỉnh tổ chức hội nghị giao ban trực tuyến đánh giá kết quả thực hiện nhiệm vụ phát triển KT - XH năm 2023 và triển khai kế hoạch năm 2024.",
            "<p>Hội nghị được kết nối trực tuyến đến các huyện, thị xã và thành phố trong tỉnh.</p><p>Theo báo cáo, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,2%, thu ngân sách vượt dự toán.</p>",
            "Thời sự",
            ["Giao ban", "KT - XH"],
            ["Minh Đức"]),
        new(
            "Đồng bằng thu hoạch lúa Đông Xuân được mùa, được giá",
            "Chiều 5/3, tại xã Đức Thạnh, nông dân bắt đầu thu hoạch lúa vụ Đông Xuân với năng suất bình quân 7,5 tấn/ha, giá bán cao hơn vụ trước.",
            "<p>Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp.</p><p>“Năm nay bà con phấn khởi lắm”, ông Nguyễn Văn Đạt chia sẻ.</p>",
            "Kinh tế",
            ["Nông nghiệp", "Lúa gạo"],
            ["Trường Hà"]),
    ];
}
