namespace NewsroomCms.Web.Hosting.Generation;

/// <summary>
/// The words generated articles are made of: real Vietnamese words and phrases of a provincial paper,
/// listed from common to rare. <see cref="ArticleTextGenerator"/> draws them with weights that fall with
/// the rank (Zipf), so "của", "năm" and "phát triển" are everywhere and the end of each list is rare, as
/// in real copy. Every tone mark and đ occur. Written by the team; the sentences they make mean nothing.
/// </summary>
internal static class NewsVocabulary
{
    /// <summary>Words of any article, most frequent first.</summary>
    public static readonly string[] Common =
    [
        "của", "và", "các", "có", "được", "trong", "là", "cho", "với", "những", "người", "năm", "đã", "này",
        "một", "không", "về", "tại", "từ", "theo", "đến", "để", "phát triển", "công tác", "thực hiện", "trên",
        "như", "nhiều", "cũng", "tỉnh", "đồng thời", "huyện", "xã", "nhân dân", "địa phương", "cán bộ", "hoạt động",
        "triển khai", "kế hoạch", "tiếp tục", "nâng cao", "chất lượng", "hiệu quả", "người dân", "chính quyền",
        "ngày", "tháng", "tổ chức", "đánh giá", "kết quả", "nhiệm vụ", "chỉ đạo", "mục tiêu", "giải pháp", "tăng",
        "giảm", "so với", "cùng kỳ", "đạt", "hơn", "khoảng", "gần", "tổng số", "đồng", "tỷ đồng", "triệu đồng",
        "quy định", "trách nhiệm", "công trình", "xây dựng", "hỗ trợ", "đảm bảo", "an toàn", "môi trường",
        "bền vững", "cộng đồng", "gia đình", "thời gian", "qua", "sau", "trước", "khi", "đang", "sẽ", "còn", "rất",
        "lớn", "mới", "nhỏ", "cao", "thấp", "tốt", "khó khăn", "thuận lợi", "vướng mắc", "tháo gỡ", "đề xuất",
        "kiến nghị", "yêu cầu", "cần", "phải", "nhằm", "góp phần", "tích cực", "chủ động", "kịp thời", "đầy đủ",
        "cụ thể", "chung", "riêng", "toàn", "các cấp", "sở", "ngành", "đơn vị", "cơ quan", "lãnh đạo", "chủ tịch",
        "phó chủ tịch", "giám đốc", "trưởng phòng", "bí thư", "ông", "bà", "anh", "chị", "em", "cho biết", "chia sẻ",
        "nhấn mạnh", "khẳng định", "phát biểu", "trao đổi", "thông tin", "báo cáo", "số liệu", "đến nay", "hiện nay",
        "thời điểm", "giai đoạn", "lần", "đợt", "tuần", "sáng", "chiều", "tối", "hôm nay", "vừa qua", "sắp tới",
        "đầu năm", "cuối năm", "mỗi", "từng", "cả", "nhất", "đều", "vẫn", "chỉ", "đã có", "trở thành", "mang lại",
        "tạo điều kiện", "thu hút", "quan tâm", "chú trọng", "đẩy mạnh", "tăng cường", "phối hợp", "kiểm tra",
        "giám sát", "rà soát", "hướng dẫn", "tuyên truyền", "vận động", "nhận thức", "ý thức", "trật tự", "đô thị",
        "nông thôn", "miền núi", "vùng sâu", "vùng xa", "ven biển", "khu dân cư", "thôn", "ấp", "bản", "phường",
        "thị trấn", "thành phố", "thị xã", "trung tâm", "khu vực", "tuyến đường", "cây cầu", "con sông", "bờ biển",
        "cánh đồng", "mùa vụ", "lúa", "nông dân", "ruộng", "nước", "điện", "mưa", "nắng", "gió", "bão", "lũ", "đất",
        "nhà", "chợ", "giá", "hàng hóa", "thị trường", "thu nhập", "việc làm", "lao động", "thanh niên", "phụ nữ",
        "trẻ em", "học sinh", "sinh viên", "giáo viên", "bác sĩ", "bệnh nhân", "bệnh viện", "trạm y tế",
        "sức khỏe", "đời sống", "vật chất", "tinh thần", "truyền thống", "hiện đại", "cơ sở", "hạ tầng",
        "kỹ thuật", "công nghệ", "số hóa", "chuyển đổi số", "trực tuyến", "điện tử", "dịch vụ công", "hồ sơ",
        "thủ tục", "hành chính", "minh bạch", "công khai", "kỷ luật", "kỷ cương", "đoàn kết", "thống nhất",
        "niềm tin", "sự đồng thuận", "phong trào", "thi đua", "khen thưởng", "bằng khen", "giấy khen", "danh hiệu",
        "tập thể", "cá nhân", "tiêu biểu", "xuất sắc", "điển hình", "mô hình", "sáng kiến", "kinh nghiệm",
        "bài học", "hạn chế", "tồn tại", "nguyên nhân", "khắc phục", "chấn chỉnh", "xử lý", "vi phạm", "nghiêm",
        "đúng", "đủ", "nhanh", "chậm", "tiến độ", "hoàn thành", "bàn giao", "đưa vào sử dụng", "khởi công",
        "khánh thành", "nghiệm thu", "vận hành", "kinh phí", "nguồn vốn", "ngân sách", "xã hội hóa", "tài trợ",
        "ủng hộ", "quyên góp", "trao tặng", "phần quà", "suất học bổng", "hộ gia đình", "người cao tuổi",
        "người khuyết tật", "đồng bào", "dân tộc thiểu số", "tôn giáo", "tín ngưỡng", "phong tục", "tập quán",
        "bản sắc", "giá trị", "niềm tự hào", "quê hương", "đất nước", "Tổ quốc", "lịch sử", "cách mạng", "anh hùng",
        "liệt sĩ", "thương binh", "người có công", "tri ân", "đền ơn đáp nghĩa", "nghĩa tình", "sẻ chia",
        "yêu thương", "gắn bó", "đồng hành", "lắng nghe", "thấu hiểu", "kỳ vọng", "mong muốn", "ước mơ",
        "nỗ lực", "cố gắng", "quyết tâm", "vượt khó", "vươn lên", "thoát nghèo", "làm giàu", "khởi nghiệp",
        "ý tưởng", "sản phẩm", "thương hiệu", "chất lượng cao", "an toàn thực phẩm", "truy xuất nguồn gốc",
        "tiêu chuẩn", "chứng nhận", "OCOP", "hợp tác xã", "tổ hợp tác", "liên kết", "chuỗi giá trị", "bao tiêu",
        "đầu ra", "ổn định", "lâu dài", "tiềm năng", "lợi thế", "thế mạnh", "cơ hội", "thách thức", "rủi ro",
        "biến đổi khí hậu", "xâm nhập mặn", "sạt lở", "ngập úng", "hạn hán", "thiên tai", "ứng phó", "phòng chống",
        "cứu hộ", "cứu nạn", "di dời", "khẩn cấp", "thiệt hại", "khắc phục hậu quả", "tái thiết", "phục hồi",
    ];

    /// <summary>Rare words: the long tail, each met in a small share of articles.</summary>
    public static readonly string[] Rare =
    [
        "sơn mài", "gốm Chăm", "nước mắm", "yến sào", "thổ cẩm", "mây tre đan", "bánh tráng", "nón lá", "rượu cần",
        "cồng chiêng", "đờn ca tài tử", "bài chòi", "hát bội", "múa lân", "ghe ngo", "đua thuyền", "thả diều",
        "chọi trâu", "kéo co", "đẩy gậy", "bắn nỏ", "ném còn", "đánh đu", "cây nêu", "bánh chưng", "bánh tét",
        "mứt gừng", "hạt điều", "hồ tiêu", "sầu riêng", "măng cụt", "chôm chôm", "thanh long", "bưởi da xanh",
        "xoài cát", "nhãn lồng", "vải thiều", "khoai lang", "khoai mì", "mía đường", "cà phê", "chè búp",
        "ca cao", "dừa sáp", "rong biển", "tôm hùm", "cá bớp", "cá ngừ đại dương", "mực một nắng", "ốc hương",
        "sò huyết", "hàu sữa", "nghêu", "cua biển", "ba ba", "lươn", "ếch", "dê núi", "bò tót", "voọc chà vá",
        "sếu đầu đỏ", "rừng ngập mặn", "rừng phòng hộ", "đầm phá", "cửa biển", "hải đăng", "đèn biển", "gành đá",
        "thác nước", "hang động", "suối khoáng nóng", "ruộng bậc thang", "đồi chè", "cánh đồng điện gió",
        "điện mặt trời áp mái", "khinh khí cầu", "dù lượn", "lặn ngắm san hô", "chèo thuyền kayak", "cắm trại",
        "leo núi", "xe đạp địa hình", "cờ tướng", "cờ vua", "vovinam", "pencak silat", "đấu vật", "bóng chuyền bãi biển",
        "bóng ném", "quần vợt", "cầu lông", "bơi lội", "điền kinh", "việt dã", "marathon", "thư pháp", "tranh cổ động",
        "ký họa", "điêu khắc", "nhiếp ảnh", "phim tài liệu", "sách nói", "thư viện số", "bảo tàng ảo", "mộc bản",
        "sắc phong", "văn bia", "đình làng", "miếu thờ", "lăng mộ", "thành cổ", "tháp Chàm", "chùa cổ", "nhà thờ đá",
        "giếng cổ", "cây di sản", "cổ thụ", "làng nghề", "nghề rèn", "nghề dệt", "nghề gốm", "nghề muối",
        "đồng muối", "diêm dân", "ngư phủ", "tàu cá vỏ thép", "nghề lưới vây", "câu mực", "ngư trường", "âu thuyền",
        "cảng cá", "chợ phiên", "chợ nổi", "chợ đêm", "phố đi bộ", "quảng trường", "công viên", "vườn hoa", "hồ điều hòa",
        "kè chắn sóng", "đê bao", "cống ngăn mặn", "hồ chứa", "kênh mương", "trạm bơm", "giếng khoan", "bể lọc",
        "nhà máy nước", "lò đốt rác", "bãi chôn lấp", "phân loại rác", "ủ phân hữu cơ", "túi ni lông", "ống hút tre",
    ];

    /// <summary>Each section's own words, most frequent first. "kinh tế" is an economy word only, so it is in about a tenth of articles.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BySection = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Thời sự"] =
        [
            "hội nghị", "giao ban", "UBND tỉnh", "họp báo", "sự kiện", "tình hình", "giao thông", "tai nạn", "va chạm",
            "ùn tắc", "cháy", "hỏa hoạn", "nguyên nhân", "điều tra", "lực lượng chức năng", "hiện trường", "nạn nhân",
            "thời tiết", "nắng nóng", "không khí lạnh", "áp thấp nhiệt đới", "triều cường", "cảnh báo", "khuyến cáo",
            "dịch vụ", "điện nước", "cắt điện", "sửa chữa", "thông xe", "lễ mít tinh", "kỷ niệm", "ngày thành lập",
        ],
        ["Chính trị"] =
        [
            "Đảng bộ", "đại hội", "nghị quyết", "Hội đồng nhân dân", "kỳ họp", "đại biểu", "cử tri", "tiếp xúc cử tri",
            "chất vấn", "bầu cử", "Mặt trận Tổ quốc", "đoàn thể", "chi bộ", "đảng viên", "kết nạp", "học tập",
            "tư tưởng", "đạo đức", "phong cách", "cải cách hành chính", "chính sách", "phòng chống tham nhũng",
            "tiêu cực", "lãng phí", "bộ máy", "tinh gọn", "sáp nhập", "đơn vị hành chính", "nhiệm kỳ", "quy hoạch",
            "luân chuyển", "bổ nhiệm", "đối ngoại", "kết nghĩa", "hợp tác quốc tế",
        ],
        ["Kinh tế"] =
        [
            "doanh nghiệp", "tăng trưởng", "đầu tư", "dự án", "kinh tế", "GRDP", "thu ngân sách", "sản xuất",
            "khu công nghiệp", "cụm công nghiệp", "vốn", "tín dụng", "ngân hàng", "lãi suất", "xuất khẩu", "nhập khẩu",
            "kim ngạch", "nông sản", "thủy sản", "thương mại", "giải ngân", "đầu tư công", "nhà đầu tư", "mặt bằng",
            "giải phóng mặt bằng", "logistics", "bất động sản", "giá cả", "chỉ số giá", "lạm phát", "tiêu dùng",
            "bán lẻ", "siêu thị", "thương mại điện tử", "năng lượng", "điện gió", "điện mặt trời",
        ],
        ["Xã hội"] =
        [
            "an sinh xã hội", "hộ nghèo", "hộ cận nghèo", "bảo hiểm y tế", "bảo hiểm xã hội", "giáo dục", "trường học",
            "năm học", "kỳ thi", "tốt nghiệp", "tuyển sinh", "y tế", "dịch bệnh", "tiêm chủng", "sốt xuất huyết",
            "nhà ở", "nhà tình thương", "nước sạch", "vệ sinh", "rác thải", "ô nhiễm", "trẻ em", "bạo lực gia đình",
            "bình đẳng giới", "người lao động", "công nhân", "tiền lương", "xuất khẩu lao động", "đào tạo nghề",
            "thất nghiệp", "đuối nước", "kỹ năng sống",
        ],
        ["Văn hóa"] =
        [
            "văn hóa", "di tích", "lễ hội", "nghệ thuật", "di sản", "bảo tàng", "văn nghệ", "nghệ nhân", "ca khúc",
            "âm nhạc", "sân khấu", "triển lãm", "hội họa", "văn học", "tác phẩm", "nhà văn", "nhà thơ", "trình diễn",
            "liên hoan", "bảo tồn", "phát huy", "tôn tạo", "trùng tu", "xếp hạng", "di sản văn hóa phi vật thể",
            "làng văn hóa", "thiết chế văn hóa", "nhà văn hóa", "đọc sách", "thư viện",
        ],
        ["Thể thao"] =
        [
            "bóng đá", "giải đấu", "vận động viên", "huy chương", "thi đấu", "câu lạc bộ", "đội tuyển", "bàn thắng",
            "trận đấu", "vòng loại", "chung kết", "huấn luyện viên", "cầu thủ", "sân vận động", "khán giả", "cổ động viên",
            "Đại hội Thể dục thể thao", "huy chương vàng", "huy chương bạc", "huy chương đồng", "kỷ lục", "tập luyện",
            "thể lực", "chấn thương", "hạng nhất", "giải vô địch", "võ thuật", "bơi", "chạy bộ", "thể thao quần chúng",
        ],
        ["Quốc phòng - An ninh"] =
        [
            "bộ đội", "biên phòng", "công an", "tội phạm", "ma túy", "diễn tập", "quân sự", "phòng cháy chữa cháy",
            "an ninh trật tự", "quốc phòng", "dân quân", "tự vệ", "huấn luyện", "sẵn sàng chiến đấu", "tuyển quân",
            "nhập ngũ", "tân binh", "xuất ngũ", "chủ quyền", "biển đảo", "đường biên giới", "cột mốc", "tuần tra",
            "buôn lậu", "gian lận thương mại", "lừa đảo", "không gian mạng", "đối tượng", "khởi tố", "bắt giữ",
            "tạm giam", "xét xử",
        ],
        ["Du lịch"] =
        [
            "du lịch", "du khách", "điểm đến", "khách sạn", "homestay", "tour", "bãi biển", "ẩm thực", "đặc sản",
            "lưu trú", "lữ hành", "doanh thu du lịch", "lượt khách", "khách quốc tế", "mùa cao điểm", "kỳ nghỉ",
            "trải nghiệm", "sinh thái", "cộng đồng", "cảnh quan", "check-in", "hướng dẫn viên", "quảng bá",
            "xúc tiến", "sản phẩm du lịch", "khu nghỉ dưỡng", "đảo", "vịnh", "núi", "thác", "suối", "đèo",
        ],
    };

    /// <summary>Place names, for leads ("tại xã …") and tags.</summary>
    public static readonly string[] Places =
    [
        "Đức Thạnh", "Bình Minh", "Tân Phú", "An Hòa", "Phước Long", "Hòa Bình", "Thạnh Mỹ", "Long Điền", "Mỹ Xuyên",
        "Vĩnh Lợi", "Quảng Điền", "Hương Trà", "Kim Sơn", "Yên Thế", "Đồng Xoài", "Châu Thành", "Cẩm Lệ", "Ngũ Hành Sơn",
        "Hải Châu", "Sơn Trà", "Ea Kar", "Krông Pắc", "Buôn Đôn", "Đắk Mil", "Ia Grai", "Mường Lát", "Quỳ Hợp", "Tương Dương",
        "Hữu Lũng", "Bắc Sơn", "Tràng Định", "Hạ Lang", "Trùng Khánh", "Bảo Lạc", "Mèo Vạc", "Đồng Văn", "Sìn Hồ",
        "Tủa Chùa", "Côn Đảo", "Phú Quốc", "Lý Sơn", "Cù Lao Chàm", "Bạch Long Vĩ", "Vân Đồn", "Cô Tô", "Cát Bà",
    ];

    /// <summary>Tag names besides places: topics, then events of each year (see <see cref="Tags"/>).</summary>
    private static readonly string[] TopicTags =
    [
        "Giao thông", "Nông nghiệp", "Chuyển đổi số", "Đầu tư công", "Cải cách hành chính", "Nông thôn mới", "Giáo dục",
        "Y tế", "Du lịch biển", "Văn hóa truyền thống", "Bóng đá", "An ninh trật tự", "Phòng chống thiên tai", "Môi trường",
        "Doanh nghiệp", "Khởi nghiệp", "Xuất khẩu", "OCOP", "Giảm nghèo", "An sinh xã hội", "Khu công nghiệp", "Năng lượng",
        "Biển đảo", "Biên giới", "Lễ hội", "Di tích", "Ẩm thực", "Thời tiết", "Mưa lũ", "Hạn mặn", "Giá lúa", "Thủy sản",
        "Cà phê", "Hồ tiêu", "Sầu riêng", "Bất động sản", "Ngân sách", "Giải ngân", "Tuyển sinh", "Thi tốt nghiệp",
        "Tiêm chủng", "Sốt xuất huyết", "Bảo hiểm y tế", "Nhà ở xã hội", "Nước sạch", "Rác thải", "Ma túy", "Lừa đảo qua mạng",
        "Tai nạn giao thông", "Phòng cháy chữa cháy", "Tuyển quân", "Dân quân tự vệ", "Cựu chiến binh", "Người có công",
        "Thanh niên", "Phụ nữ", "Trẻ em", "Người cao tuổi", "Đồng bào dân tộc", "Hội đồng nhân dân", "Đại hội Đảng",
        "Mặt trận Tổ quốc", "Tiếp xúc cử tri", "Sáp nhập", "Quy hoạch", "Đô thị", "Cầu đường", "Cao tốc", "Sân bay",
        "Cảng biển", "Logistics", "Thương mại điện tử", "Thể thao quần chúng", "Điền kinh", "Võ thuật", "Sách", "Âm nhạc",
        "Sân khấu", "Nhiếp ảnh", "Làng nghề", "Homestay", "Check-in", "Gương sáng", "Người tốt việc tốt",
    ];

    private static readonly string[] YearlyEvents =
        ["Tết Nguyên đán", "Kỳ họp HĐND", "Mùa mưa bão", "Kỳ thi tốt nghiệp", "Lễ hội mùa xuân", "Vụ Đông Xuân", "Đại hội TDTT", "Hè"];

    /// <summary>
    /// Several hundred tag names, most used first: topics, then places, then events of a year ("Tết Nguyên
    /// đán 2019"), which are the long tail.
    /// </summary>
    public static IReadOnlyList<string> Tags(int firstYear, int lastYear) =>
        [.. TopicTags, .. Places, .. Enumerable.Range(firstYear, lastYear - firstYear + 1).Reverse().SelectMany(y => YearlyEvents.Select(e => $"{e} {y}"))];

    /// <summary>Pen names (bút danh) for bylines, the most prolific first.</summary>
    public static readonly string[] PenNames =
    [
        "Trường Hà", "Minh Đức", "Thu Thủy", "Hoàng Anh", "Ngọc Hân", "Quốc Việt", "Thanh Tùng", "Lê Hương",
        "Phạm Dũng", "Bảo Ngọc", "Đăng Khoa", "Hải Yến", "Trần Lâm", "Mỹ Duyên", "Văn Sỹ", "Khánh Linh", "Đỗ Tuấn",
        "Huỳnh Như", "Vũ Thắng", "Ánh Tuyết", "Nguyễn Khải", "Diệu Hiền", "Quang Huy", "Thảo Nguyên", "Đức Trí",
        "Phương Thảo", "Hữu Tài", "Kiều Oanh", "Tấn Lộc", "Bích Ngân", "Trọng Nghĩa", "Cẩm Tú", "Đình Phước",
        "Thùy Dương", "Xuân Lộc", "Hạnh Dung",
    ];

    /// <summary>Leads of a sapo or a paragraph: when, and sometimes where.</summary>
    public static readonly string[] TimesOfDay = ["Sáng", "Chiều", "Tối", "Trưa", "Ngày"];

    /// <summary>Who speaks in quotes.</summary>
    public static readonly string[] Speakers =
    [
        "ông Nguyễn Văn Đạt, Giám đốc Hợp tác xã", "bà Trần Thị Thu, Chủ tịch UBND xã", "ông Lê Quốc Bảo, Phó Giám đốc Sở",
        "chị Phạm Thị Hằng, người dân địa phương", "anh Đỗ Minh Khôi, chủ cơ sở", "ông Huỳnh Tấn Phát, Bí thư Đảng ủy xã",
        "bà Võ Thị Ánh, Trưởng phòng", "thượng tá Đặng Văn Hùng, Trưởng Công an huyện",
    ];

    /// <summary>Alternative texts of the generated photos, one per photo.</summary>
    public static readonly string[] PhotoAlts =
    [
        "Cánh đồng lúa chín vàng dưới nắng sớm", "Toàn cảnh hội nghị tại hội trường UBND tỉnh", "Du khách tắm biển buổi chiều",
        "Công nhân thi công trên công trường", "Học sinh trong lễ khai giảng năm học mới", "Đội bóng đá tỉnh trong trận đấu trên sân nhà",
    ];
}
