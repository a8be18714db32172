using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Tests.Security;

public sealed class ArticleHtmlSanitizerTests
{
    private readonly ArticleHtmlSanitizer _sanitizer = new(new EmbedOptions());

    /// <summary>Each attack carries the text "Tin mới", which must survive while the named part must not.</summary>
    public static TheoryData<string, string> Attacks => new()
    {
        // Script tags in various cases, encodings and broken forms.
        { "<p>Tin mới<script>alert(1)</script></p>", "alert" },
        { "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT><p>Tin mới</p>", "evil.example" },
        { "<ScRiPt>alert(1)</sCrIpT><p>Tin mới</p>", "alert" },
        { "<p>Tin mới</p><scr<script>ipt>alert(1)</script>", "alert" },
        { "<<script>script>alert(1)<</script>/script><p>Tin mới</p>", "alert" },
        { "<IMG \"\"\"><SCRIPT>alert(1)</SCRIPT>\"><p>Tin mới</p>", "alert" },
        { "<p>Tin <b>mới<script>alert(1)</b></script></p>", "alert" },
        { "<p>Tin mới</p><template><script>alert(1)</script></template>", "alert" },
        { "<p>Tin mới</p><plaintext><script>alert(1)</script>", "alert" },
        // Event handlers, quoted, unquoted and glued to the previous attribute.
        { "<img src=x onerror=alert(1)><p>Tin mới</p>", "onerror" },
        { "<p>Tin mới <img src=\"https://anh.example/a.jpg\" onerror=\"alert(1)\"></p>", "onerror" },
        { "<p>Tin mới <img src=https://anh.example/a.jpg onerror=alert(1)//></p>", "onerror" },
        { "<p>Tin mới <img src=\"https://anh.example/a.jpg\"/onerror=alert(1)></p>", "onerror" },
        { "<a href=https://baotinh.vn/ onmouseover=alert(1)>Tin mới</a>", "onmouseover" },
        { "<a href=\"https://baotinh.vn/\"onclick=\"alert(1)\">Tin mới</a>", "onclick" },
        { "<body onload=alert(1)><p>Tin mới</p>", "onload" },
        { "<details open ontoggle=alert(1)>Tin mới</details>", "ontoggle" },
        { "<isindex type=image src=1 onerror=alert(1)><p>Tin mới</p>", "onerror" },
        { "<p>Tin mới</p><video><source onerror=\"alert(1)\"></video><audio src=x onerror=alert(1)>", "onerror" },
        { "<p>Tin mới</p><iframe src=\"https://www.youtube.com/embed/abc\" onload=\"alert(1)\"></iframe>", "onload" },
        // SVG, MathML and parser-confusion (mutation XSS) tricks.
        { "<svg onload=alert(1)><p>Tin mới</p></svg>", "onload" },
        { "<svg><script>alert(1)</script></svg><p>Tin mới</p>", "alert" },
        { "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg><p>Tin mới</p>", "javascript" },
        { "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>Tin mới</p>", "onerror" },
        { "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\"></svg><p>Tin mới</p>", "onerror" },
        { "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript><p>Tin mới</p>", "onerror" },
        // Link URLs that run code or leave the allowed schemes.
        { "<a href=\"javascript:alert(1)\">Tin mới</a>", "javascript" },
        { "<a href=\"JaVaScRiPt:alert(1)\">Tin mới</a>", "javascript" },
        { "<a href=\"jav&#x09;ascript:alert(1)\">Tin mới</a>", "ascript" },
        { "<a href=\"java&#10;script:alert(1)\">Tin mới</a>", "script:" },
        { "<a href=\" &#14; javascript:alert(1)\">Tin mới</a>", "javascript" },
        { "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">Tin mới</a>", "alert" },
        { "<a href=\"vbscript:msgbox(1)\">Tin mới</a>", "vbscript" },
        { "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Tin mới</a>", "data:" },
        { "<a href=\"//evil.example/\">Tin mới</a>", "evil" },
        { "<a href=\"https://baotinh.vn/\" target=\"_blank\" rel=\"opener\">Tin mới</a>", "rel=\"opener\"" },
        { "<p>Tin mới</p><button formaction=\"javascript:alert(1)\">Bấm</button>", "formaction" },
        { "<table background=\"javascript:alert(1)\"><tr><td>Tin mới</td></tr></table>", "javascript" },
        // Frames that are not allow-listed video players.
        { "<iframe src=\"https://evil.example/\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"javascript:alert(1)\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"http://www.youtube.com/embed/abc\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"https://www.youtube.com.evil.example/embed/abc\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"https://www.youtube.com@evil.example/embed/abc\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"https://www.youtube.com:8443/embed/abc\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"https://www.youtube.com/watch?v=abc\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe src=\"https://www.facebook.com/login.php\"></iframe><p>Tin mới</p>", "iframe" },
        { "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe><p>Tin mới</p>", "srcdoc" },
        { "<frame src=\"javascript:alert(1)\"><p>Tin mới</p>", "javascript" },
        { "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\"><p>Tin mới</p>", "evil" },
        // Styles that hide or cover content, or run code in old browsers.
        { "<style>p{display:none}</style><p>Tin mới</p>", "display" },
        { "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:#fff\">Tin mới</p>", "position" },
        { "<a href=\"https://baotinh.vn/\" style=\"position:absolute;opacity:0;display:block\">Tin mới</a>", "style" },
        { "<div style=\"background-image:url(javascript:alert(1))\">Tin mới</div>", "javascript" },
        { "<div style=\"width:expression(alert(1))\">Tin mới</div>", "expression" },
        { "<p>Tin mới</p><xss style=\"behavior:url(xss.htc)\">x</xss>", "behavior" },
        { "<p class=\"hidden\" id=\"login\">Tin mới</p>", "hidden" },
        { "<p id=\"login\">Tin mới</p>", "login" },
        // Page-level tags.
        { "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><p>Tin mới</p>", "refresh" },
        { "<base href=\"https://evil.example/\"><p>Tin mới</p>", "evil" },
        { "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><p>Tin mới</p>", "evil" },
        { "<form action=\"https://evil.example/\"><input name=\"password\"><button>Gửi</button></form><p>Tin mới</p>", "evil" },
        { "<p>Tin mới</p><input type=\"password\" name=\"matkhau\">", "matkhau" },
        // Comments hiding markup, including Internet Explorer's conditional ones.
        { "<!--<script>alert(1)</script>--><p>Tin mới</p>", "alert" },
        { "<!--[if gte IE 4]><script>alert(1)</script><![endif]--><p>Tin mới</p>", "alert" },
        { "<![if !IE]><script>alert(1)</script><![endif]><p>Tin mới</p>", "alert" },
        { "<p>Tin mới<!-- ghi chú nội bộ --></p>", "ghi chú" },
        // Images from anywhere but our media or https.
        { "<p>Tin mới <img src=\"http://anh.example/a.jpg\"></p>", "<img" },
        { "<p>Tin mới <img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"></p>", "data:" },
        { "<p>Tin mới <img src=\"blob:https://baotinh.vn/1234\"></p>", "blob:" },
        { "<p>Tin mới <img src=\"javascript:alert(1)\"></p>", "javascript" },
        { "<p>Tin mới <img src=\"/media/../newsroom/users\"></p>", "<img" },
        { "<p>Tin mới <img src=\"file:///C:/Users/pv/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg\"></p>", "file:" },
        { "<p>Tin mới <img src=\"https://anh.example/a.jpg\" srcset=\"javascript:alert(1) 1x\"></p>", "srcset" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void AttackLosesItsDangerousPartAndKeepsTheText(string attack, string dangerous)
    {
        var html = _sanitizer.Sanitize(attack);

        Assert.DoesNotContain(dangerous, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tin mới", _sanitizer.ToPlainText(html), StringComparison.Ordinal);
        AssertOnlyThePolicy(html);
    }

    [Fact]
    public void FramesetLeavesNothing() =>
        Assert.Equal("", _sanitizer.Sanitize("<frameset onload=alert(1)><frame src=\"javascript:alert(1)\"></frameset>"));

    private const string WordPaste = """
        <html xmlns:v="urn:schemas-microsoft-com:vml"
        xmlns:o="urn:schemas-microsoft-com:office:office"
        xmlns:w="urn:schemas-microsoft-com:office:word"
        xmlns="http://www.w3.org/TR/REC-html40">
        <head>
        <meta http-equiv=Content-Type content="text/html; charset=utf-8">
        <meta name=ProgId content=Word.Document>
        <meta name=Generator content="Microsoft Word 15">
        <!--[if gte mso 9]><xml>
         <o:OfficeDocumentSettings>
          <o:AllowPNG/>
         </o:OfficeDocumentSettings>
        </xml><![endif]-->
        <style>
        <!--
         /* Style Definitions */
         p.MsoNormal, li.MsoNormal, div.MsoNormal
        	{mso-style-unhide:no;
        	margin:0in;
        	font-size:12.0pt;
        	font-family:"Times New Roman",serif;}
        @page WordSection1
        	{size:8.5in 11.0in;}
        -->
        </style>
        </head>
        <body lang=EN-US style='tab-interval:.5in;word-wrap:break-word'>
        <!--StartFragment-->
        <h1><span lang=VI style='font-size:16.0pt;font-family:"Times New Roman",serif'>Kinh tế tỉnh tăng trưởng
        7,2%<o:p></o:p></span></h1>

        <p class=MsoNormal style='text-align:justify;line-height:150%'><b><span lang=VI
        style='font-size:13.0pt;line-height:150%;font-family:"Times New Roman",serif;
        mso-fareast-font-family:"Times New Roman"'>Sáng 17/1, UBND tỉnh tổ chức hội nghị
        trực tuyến đánh giá tình hình kinh tế - xã hội năm 2023.<o:p></o:p></span></b></p>

        <p class=MsoNormal style='text-align:justify;line-height:150%'><span lang=VI
        style='font-size:13.0pt;line-height:150%;mso-bidi-font-weight:bold'>Hội nghị kết nối từ
        <st1:place w:st="on">Bến Tre</st1:place> đến 145 điểm cầu. Theo báo cáo, GRDP ước
        đạt 7,2%, trong đó <i style='mso-bidi-font-style:normal'>khu vực nông nghiệp</i> tăng
        3,5%. Chi tiết xem tại <a href="https://baotinh.vn/kinh-te/grdp-2023.html"><span
        style='color:#0563C1'>báo cáo của Sở Kế hoạch và Đầu tư</span></a>.<o:p></o:p></span></p>

        <p class=MsoNormal><o:p>&nbsp;</o:p></p>

        <p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
        lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
        Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><![endif]><span lang=VI>Thu ngân sách đạt 12.450 tỷ đồng;<o:p></o:p></span></p>

        <p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
        lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
        Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><![endif]><span lang=VI>Tỷ lệ hộ nghèo giảm còn 2,1%.<o:p></o:p></span></p>

        <p class=MsoNormal><span lang=VI>Năm 2024, tỉnh đặt ba mục tiêu:<o:p></o:p></span></p>

        <p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span
        lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><![endif]><span lang=VI>Tăng trưởng từ 7,5 - 8%;<o:p></o:p></span></p>

        <p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span
        lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><![endif]><span lang=VI>Thu ngân sách trên 13.000 tỷ đồng.<o:p></o:p></span></p>

        <p class=MsoNormal align=center style='text-align:center'><!--[if gte vml 1]><v:shape
         id="Picture_x0020_1" o:spid="_x0000_i1025" type="#_x0000_t75" style='width:451pt;height:254pt'>
         <v:imagedata src="file:///C:/Users/pv/AppData/Local/Temp/msohtmlclip1/01/clip_image001.jpg"
          o:title=""/>
        </v:shape><![endif]--><![if !vml]><img width=602 height=339
        src="file:///C:/Users/pv/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"
        v:shapes="Picture_x0020_1"><![endif]><span lang=VI><o:p></o:p></span></p>

        <p class=MsoNormal style='text-align:justify'><span lang=VI style='font-size:13.0pt'><font
        face="Times New Roman">Phát biểu bế mạc, Chủ tịch UBND tỉnh nhấn mạnh: “Không để việc hôm nay
        sang ngày mai”.</font></span><span style='mso-spacerun:yes'>&nbsp; </span><a name="_GoBack"></a></p>
        <!--EndFragment-->
        </body>
        </html>
        """;

    [Fact]
    public void WordPasteKeepsParagraphsEmphasisListsAndLinksAndDropsTheRest()
    {
        var expected = string.Join('\n',
            "<h2>Kinh tế tỉnh tăng trưởng 7,2%</h2>",
            "<p><strong>Sáng 17/1, UBND tỉnh tổ chức hội nghị trực tuyến đánh giá tình hình kinh tế - xã hội năm 2023.</strong></p>",
            "<p>Hội nghị kết nối từ Bến Tre đến 145 điểm cầu. Theo báo cáo, GRDP ước đạt 7,2%, trong đó <em>khu vực nông nghiệp</em> tăng 3,5%. "
                + "Chi tiết xem tại <a href=\"https://baotinh.vn/kinh-te/grdp-2023.html\">báo cáo của Sở Kế hoạch và Đầu tư</a>.</p>",
            "<ul><li>Thu ngân sách đạt 12.450 tỷ đồng;</li><li>Tỷ lệ hộ nghèo giảm còn 2,1%.</li></ul>",
            "<p>Năm 2024, tỉnh đặt ba mục tiêu:</p>",
            "<ol><li>Tăng trưởng từ 7,5 - 8%;</li><li>Thu ngân sách trên 13.000 tỷ đồng.</li></ol>",
            "<p>Phát biểu bế mạc, Chủ tịch UBND tỉnh nhấn mạnh: “Không để việc hôm nay sang ngày mai”.</p>");

        Assert.Equal(expected, _sanitizer.Sanitize(WordPaste));
    }

    private const string GoogleDocsPaste =
        "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-6f1a2b3c-7fff-1d2e-4a5b-0c9d8e7f6a5b\">"
        + "<h1 dir=\"ltr\" style=\"line-height:1.38;margin-top:20pt;margin-bottom:6pt;\"><span style=\"font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Cồn Phụng hút khách dịp cuối năm</span></h1>"
        + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\">"
        + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Cồn Phụng</span>"
        + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\"> (huyện Châu Thành) được ví là </span>"
        + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">“xứ dừa”</span>"
        + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\"> thu nhỏ của miền Tây…</span></p>"
        + "<br>"
        + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Du khách có thể:</span></p>"
        + "<ul style=\"margin-top:0;margin-bottom:0;padding-inline-start:48px;\">"
        + "<li dir=\"ltr\" style=\"list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;\" aria-level=\"1\"><p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\" role=\"presentation\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">đi xuồng ba lá trong rạch;</span></p></li>"
        + "<li dir=\"ltr\" style=\"list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;\" aria-level=\"1\"><p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\" role=\"presentation\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">nghe </span><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">đờn ca tài tử</span><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">.</span></p></li></ul>"
        + "<br>"
        + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Xem thêm: </span>"
        + "<a href=\"https://baotinh.vn/du-lich/con-phung.html\" style=\"text-decoration:none;\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Cẩm nang du lịch cồn Phụng</span></a></p>"
        + "</b><br class=\"Apple-interchange-newline\">";

    [Fact]
    public void GoogleDocsPasteKeepsParagraphsEmphasisListsAndLinksWithoutMakingTheArticleBold()
    {
        var expected = string.Join('\n',
            "<h2>Cồn Phụng hút khách dịp cuối năm</h2>",
            "<p><strong>Cồn Phụng</strong> (huyện Châu Thành) được ví là <em>“xứ dừa”</em> thu nhỏ của miền Tây…</p>",
            "<p>Du khách có thể:</p>",
            "<ul><li>đi xuồng ba lá trong rạch;</li><li>nghe <strong><em>đờn ca tài tử</em></strong>.</li></ul>",
            "<p>Xem thêm: <a href=\"https://baotinh.vn/du-lich/con-phung.html\">Cẩm nang du lịch cồn Phụng</a></p>");

        Assert.Equal(expected, _sanitizer.Sanitize(GoogleDocsPaste));
    }

    [Fact]
    public void YouTubeEmbedIsKeptLazyAndSandboxedWithOnlyPlayerPermissions()
    {
        var html = _sanitizer.Sanitize(
            "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&amp;start=10\" "
            + "title=\"YouTube video player\" frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; "
            + "gyroscope; picture-in-picture; web-share; camera; microphone\" referrerpolicy=\"no-referrer\" allowfullscreen></iframe>");

        Assert.Equal(
            "<p><iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&amp;start=10\" "
            + "title=\"YouTube video player\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; "
            + "picture-in-picture; web-share\" allowfullscreen=\"\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\" "
            + "sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox\"></iframe></p>",
            html);
    }

    [Theory]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://player.vimeo.com/video/76979871")]
    [InlineData("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fbaotinh%2Fvideos%2F1234567890&show_text=false")]
    public void DefaultVideoPlayersAreKept(string source)
    {
        var html = _sanitizer.Sanitize($"<p><iframe src=\"{source}\"></iframe></p>");
        Assert.StartsWith($"<p><iframe src=\"{source.Replace("&", "&amp;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredVideoHostsReplaceTheDefaults()
    {
        var sanitizer = FromSettings("""{ "Embeds": { "AllowedVideoHosts": [ "video.baotinh.vn/embed/" ] } }""");

        Assert.Contains("<iframe src=\"https://video.baotinh.vn/embed/42\"", sanitizer.Sanitize("<iframe src=\"https://video.baotinh.vn/embed/42\"></iframe>"), StringComparison.Ordinal);
        Assert.Equal("", sanitizer.Sanitize("<iframe src=\"https://video.baotinh.vn/admin\"></iframe>"));
        Assert.Equal("", sanitizer.Sanitize("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>"));
    }

    [Fact]
    public void AnEmptyVideoHostListAllowsNoEmbeds() =>
        Assert.Equal("", FromSettings("""{ "Embeds": { "AllowedVideoHosts": [] } }""").Sanitize("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>"));

    [Fact]
    public void WithoutSettingsTheDefaultVideoHostsApply() =>
        Assert.Contains("<iframe", FromSettings("{}").Sanitize("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>"), StringComparison.Ordinal);

    [Fact]
    public void AVideoHostWrittenAsAUrlIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new ArticleHtmlSanitizer(new EmbedOptions { AllowedVideoHosts = ["https://www.youtube.com/embed/"] }));

    [Fact]
    public void TheAppProvidesOneSanitizerWithTheConfiguredHosts()
    {
        using var app = new NewsroomAppFactory().With("Embeds:AllowedVideoHosts:0", "video.baotinh.vn");

        var sanitizer = app.Services.GetRequiredService<ArticleHtmlSanitizer>();

        Assert.Same(sanitizer, app.Services.GetRequiredService<ArticleHtmlSanitizer>());
        Assert.Equal("", sanitizer.Sanitize("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>"));
        Assert.Contains("<iframe", sanitizer.Sanitize("<iframe src=\"https://video.baotinh.vn/v/1\"></iframe>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"https://baotinh.vn/a\" target=\"_blank\">x</a>", "<p><a href=\"https://baotinh.vn/a\" target=\"_blank\" rel=\"noopener noreferrer\">x</a></p>")]
    [InlineData("<a href=\"https://baotinh.vn/a\" target=\"_self\" rel=\"nofollow\" title=\"Tin  liên quan\">x</a>", "<p><a href=\"https://baotinh.vn/a\" title=\"Tin liên quan\">x</a></p>")]
    [InlineData("<a href=\"http://baotinh.vn/\">x</a>", "<p><a href=\"http://baotinh.vn/\">x</a></p>")]
    [InlineData("<a href=\"/chuyen-muc/kinh-te\">x</a>", "<p><a href=\"/chuyen-muc/kinh-te\">x</a></p>")]
    [InlineData("<a href=\"mailto:toasoan@baotinh.vn\">x</a>", "<p><a href=\"mailto:toasoan@baotinh.vn\">x</a></p>")]
    [InlineData("<a href=\"tel:+842753822456\">x</a>", "<p><a href=\"tel:+842753822456\">x</a></p>")]
    [InlineData("<a href=\"bai-viet.html\">x</a>", "<p>x</p>")]
    [InlineData("<a href=\"#_ftn1\">x</a>", "<p>x</p>")]
    [InlineData("<a href=\"ftp://baotinh.vn/\">x</a>", "<p>x</p>")]
    [InlineData("<p>x<a name=\"_GoBack\"></a></p>", "<p>x</p>")]
    public void LinksKeepOnlyAllowedTargets(string input, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(input));

    [Theory]
    [InlineData(
        "<img src=\"/media/2026/11/hoi-nghi.jpg\" alt=\"Hội nghị\" width=\"800\" height=\"450\" loading=\"lazy\">",
        "<p><img src=\"/media/2026/11/hoi-nghi.jpg\" alt=\"Hội nghị\" width=\"800\" height=\"450\" loading=\"lazy\"></p>")]
    [InlineData(
        "<img src=\"https://anh.baotinh.vn/a.jpg\" alt=\"A\" width=\"auto\" loading=\"sometimes\" style=\"float:left\" class=\"x\">",
        "<p><img src=\"https://anh.baotinh.vn/a.jpg\" alt=\"A\"></p>")]
    [InlineData(
        "<figure class=\"image\"><img src=\"/media/lua.jpg\" alt=\"Lúa chín\"><figcaption>Nông dân thu hoạch lúa Đông Xuân. <em>Ảnh: Minh Khoa</em></figcaption></figure>",
        "<figure><img src=\"/media/lua.jpg\" alt=\"Lúa chín\"><figcaption>Nông dân thu hoạch lúa Đông Xuân. <em>Ảnh: Minh Khoa</em></figcaption></figure>")]
    public void ImagesAndCaptionedPhotosAreKept(string input, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(input));

    public static TheoryData<string, string> Structures => new()
    {
        {
            "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
            "<h2>A</h2>\n<h2>B</h2>\n<h3>C</h3>\n<h4>D</h4>\n<h4>E</h4>\n<h4>F</h4>"
        },
        { "<div>Một</div><div><div>Hai</div>Ba</div>", "<p>Một</p>\n<p>Hai</p>\n<p>Ba</p>" },
        { "Dòng một<br>dòng hai<br><br><p>Đoạn</p>", "<p>Dòng một<br>dòng hai</p>\n<p>Đoạn</p>" },
        { "<p>\n  Một\n   hai  </p>", "<p>Một hai</p>" },
        { "<p>&nbsp;</p><p><br></p><p><strong> </strong></p><p>Nội dung</p><ul><li> </li></ul><blockquote> </blockquote>", "<p>Nội dung</p>" },
        { "<blockquote>“Câu nói”, ông nói.</blockquote>", "<blockquote><p>“Câu nói”, ông nói.</p></blockquote>" },
        {
            "<p>H<sub>2</sub>O, m<sup>2</sup>, <u>gạch dưới</u>, <s>gạch bỏ</s>, <strike>cũ</strike>, <code>x</code></p><hr><pre>  a\n  b</pre>",
            "<p>H<sub>2</sub>O, m<sup>2</sup>, <u>gạch dưới</u>, <s>gạch bỏ</s>, <s>cũ</s>, <code>x</code></p>\n<hr>\n<pre>  a\n  b</pre>"
        },
        {
            "<p><span style=\"font-weight:bold;font-style:italic\">cả hai</span> <span style=\"mso-bidi-font-weight:bold\">thường</span></p>",
            "<p><strong><em>cả hai</em></strong> thường</p>"
        },
        {
            "<table border=\"1\" style=\"width:100%\"><caption>Kết quả</caption><thead><tr><th scope=\"col\" style=\"color:red\">Chỉ tiêu</th>"
                + "<th colspan=\"2\">Năm</th></tr></thead><tbody><tr><td width=\"200\" valign=\"top\"><p class=\"MsoNormal\">GRDP</p></td>"
                + "<td rowspan=\"2\">7,2%</td><td>8%</td></tr></tbody></table>",
            "<table><caption>Kết quả</caption><thead><tr><th scope=\"col\">Chỉ tiêu</th><th colspan=\"2\">Năm</th></tr></thead>"
                + "<tbody><tr><td>GRDP</td><td rowspan=\"2\">7,2%</td><td>8%</td></tr></tbody></table>"
        },
    };

    [Theory]
    [MemberData(nameof(Structures))]
    public void StructureIsNormalizedToThePolicy(string input, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(input));

    [Fact]
    public void DecomposedVietnameseAndTheLookalikeEthBecomeProperVietnamese()
    {
        var decomposed = "<p title=\"Nguyễn Văn Đạt\">Ông Nguyễn Văn Đạt, Giám đốc <img src=\"/media/dat.jpg\" alt=\"Ông Đạt\"></p>"
            .Normalize(NormalizationForm.FormD).Replace('Đ', '\u00D0');

        Assert.Equal("<p>Ông Nguyễn Văn Đạt, Giám đốc <img src=\"/media/dat.jpg\" alt=\"Ông Đạt\"></p>", _sanitizer.Sanitize(decomposed));
    }

    [Fact]
    public void CurlyQuotesEllipsisAndDashesAreKeptAsTyped()
    {
        const string Typed = "<p>“Tăng trưởng 7,5 – 8%”… ‘KT - XH’ — 3,5 tỷ USD</p>";
        Assert.Equal(Typed, _sanitizer.Sanitize(Typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p> </p><!-- x -->")]
    public void NothingToKeepGivesAnEmptyBody(string? input) =>
        Assert.Equal("", _sanitizer.Sanitize(input));

    [Fact]
    public void DeeplyNestedPasteKeepsItsText()
    {
        var nested = string.Concat(Enumerable.Repeat("<div><span style=\"font-weight:bold\">", 1000)) + "Tin mới";
        Assert.Equal("<p><strong>Tin mới</strong></p>", _sanitizer.Sanitize(nested));
    }

    public static TheoryData<string> Samples
    {
        get
        {
            var samples = new TheoryData<string> { WordPaste, GoogleDocsPaste };
            foreach (var attack in Attacks)
            {
                samples.Add((string)attack[0]);
            }

            foreach (var structure in Structures)
            {
                samples.Add((string)structure[0]);
            }

            return samples;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SanitizedHtmlComesBackUnchanged(string sample)
    {
        var once = _sanitizer.Sanitize(sample);
        Assert.Equal(once, _sanitizer.Sanitize(once));
    }

    [Fact]
    public void PlainTextHasOneLinePerBlockWithEntitiesDecoded()
    {
        var text = _sanitizer.ToPlainText(
            "<h2>Tiêu đề</h2><p>Giá&nbsp;3,5 tỷ &amp; “hơn”<br>dòng hai</p><ul><li>một</li><li>hai</li></ul>"
            + "<table><tr><td>GRDP</td><td>7,2%</td></tr></table><script>alert(1)</script>");

        Assert.Equal("Tiêu đề\nGiá 3,5 tỷ & “hơn”\ndòng hai\nmột\nhai\nGRDP 7,2%", text);
    }

    [Fact]
    public void PlainTextOfAWordPasteIsTheReportersText()
    {
        var text = _sanitizer.ToPlainText(WordPaste.Normalize(NormalizationForm.FormD));

        Assert.StartsWith("Kinh tế tỉnh tăng trưởng 7,2%\nSáng 17/1, UBND tỉnh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mso", text, StringComparison.Ordinal);
        Assert.EndsWith("“Không để việc hôm nay sang ngày mai”.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<script>alert(1)</script>")]
    public void PlainTextOfNothingIsEmpty(string? input) =>
        Assert.Equal("", _sanitizer.ToPlainText(input));

    private static ArticleHtmlSanitizer FromSettings(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        using var services = new ServiceCollection().AddArticleHtmlSanitizer(configuration).BuildServiceProvider();
        return services.GetRequiredService<ArticleHtmlSanitizer>();
    }

    /// <summary>Reads the output as a browser would and checks every element and attribute against the policy.</summary>
    private static void AssertOnlyThePolicy(string html)
    {
        string[] tags =
        [
            "p", "h2", "h3", "h4", "br", "hr", "blockquote", "strong", "em", "u", "s", "sub", "sup", "code", "pre", "ul", "ol", "li",
            "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "iframe",
        ];
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, tags);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                Assert.DoesNotContain(attribute.Name, new[] { "style", "class", "id", "srcdoc", "srcset" });
            }

            var url = element.GetAttribute("href") ?? element.GetAttribute("src");
            if (url is not null)
            {
                var scheme = new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                Assert.False(scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal) || scheme.StartsWith("data:", StringComparison.Ordinal), url);
            }

            if (element.LocalName == "iframe")
            {
                Assert.StartsWith("https://www.youtube.com/embed/", element.GetAttribute("src"), StringComparison.Ordinal);
            }
        }
    }
}
