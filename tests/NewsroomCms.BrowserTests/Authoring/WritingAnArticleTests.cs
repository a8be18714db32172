using Microsoft.Playwright;
using NetVips;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Authoring;

public sealed class WritingAnArticleTests(NewsroomSite site) : AuthoringTest<NewsroomSite>(site)
{
    private const string ConferenceTitle = "Hội nghị giao ban trực tuyến công tác năm 2023";

    private const string ConferenceSapo =
        "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị giao ban trực tuyến với các huyện, thị xã và thành phố.";

    /// <summary>
    /// What Word puts on the clipboard: a styled paragraph with a bold run and a link, a bulleted list
    /// as Word's list paragraphs (bullet in an <c>mso-list:Ignore</c> span), and a run in another font.
    /// </summary>
    private const string WordClipboard = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
        <head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
        <style><!-- p.MsoNormal, li.MsoNormal {mso-style-parent:""; margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;} --></style></head>
        <body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
        <!--StartFragment--><p class=MsoNormal style='margin-bottom:6.0pt;text-align:justify;mso-line-height-alt:14.0pt'><span lang=VI style='font-size:13.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:"Times New Roman"'>Phát biểu tại hội nghị, Chủ tịch UBND tỉnh nhấn mạnh <b style='mso-bidi-font-weight:normal'>nhiệm vụ trọng tâm của năm</b> là đẩy nhanh giải ngân vốn đầu tư công. Chi tiết xem tại <a href="https://baotinh.vn/kinh-te/dau-tu-cong">Cổng thông tin điện tử tỉnh</a>.<o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI style='font-size:13.0pt'>Hoàn thành kế hoạch thu ngân sách<o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpLast style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI style='font-size:13.0pt'>Giải ngân vốn đầu tư công đúng tiến độ<o:p></o:p></span></p>
        <p class=MsoNormal><span style='font-family:"Arial",sans-serif;mso-bidi-font-family:Arial'>Hội nghị kết thúc vào buổi trưa cùng ngày.</span><o:p></o:p></p>
        <!--EndFragment-->
        </body></html>
        """;

    [Fact]
    public async Task AReporterTypesAndPastesFromWordAndTheBodyIsKeptCleanAfterSaving()
    {
        var page = await SignInAsReporterAsync("Nguyễn Thị Mai");
        var id = await StartArticleAsync(page);

        await Title(page).PressSequentiallyAsync(ConferenceTitle);
        await Expect(page.GetByText("0 từ, 0 ký tự")).ToBeVisibleAsync();
        await Sapo(page).PressSequentiallyAsync(ConferenceSapo);
        await Expect(page.GetByText($"23 từ, {ConferenceSapo.Length} ký tự")).ToBeVisibleAsync();

        await TypeInBodyAsync(page, "Tham dự hội nghị có lãnh đạo các sở, ban, ngành.");
        await Body(page).PressAsync("Enter");
        await PasteHtmlAsync(Body(page), WordClipboard);
        await Expect(Body(page)).ToContainTextAsync("Hội nghị kết thúc vào buổi trưa cùng ngày.");

        await SaveDraftAsync(page);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã lưu lúc {NewsroomClock()}." })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await WaitForEditorAsync(page);

        await Expect(Title(page)).ToHaveValueAsync(ConferenceTitle);
        await Expect(Slug(page)).ToHaveValueAsync("hoi-nghi-giao-ban-truc-tuyen-cong-tac-nam-2023");
        await Expect(Sapo(page)).ToHaveValueAsync(ConferenceSapo);
        var body = Body(page);
        await Expect(body.Locator("p").First).ToHaveTextAsync("Tham dự hội nghị có lãnh đạo các sở, ban, ngành.");
        await Expect(body.Locator("strong")).ToHaveTextAsync("nhiệm vụ trọng tâm của năm");
        await Expect(body.GetByRole(AriaRole.Link, new() { Name = "Cổng thông tin điện tử tỉnh" }))
            .ToHaveAttributeAsync("href", "https://baotinh.vn/kinh-te/dau-tu-cong");
        await Expect(body.Locator("ul > li")).ToHaveTextAsync(["Hoàn thành kế hoạch thu ngân sách", "Giải ngân vốn đầu tư công đúng tiến độ"]);
        await Expect(body.Locator("p").Last).ToHaveTextAsync("Hội nghị kết thúc vào buổi trưa cùng ngày.");
        // Nothing was left unsaved: no offer to restore an older copy.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục bản chưa lưu" })).ToHaveCountAsync(0);

        var stored = await StoredArticleAsync(id);
        Assert.Equal(ConferenceTitle, stored.Title);
        Assert.Equal("hoi-nghi-giao-ban-truc-tuyen-cong-tac-nam-2023", stored.Slug);
        foreach (var word in new[] { "mso-", "style=", "class=", "<span", "<font", "<o:p", "<!--" })
        {
            Assert.False(stored.Body.Contains(word, StringComparison.OrdinalIgnoreCase), $"The stored body still has “{word}”:\n{stored.Body}");
        }

        Assert.Contains("<strong>nhiệm vụ trọng tâm của năm</strong>", stored.Body, StringComparison.Ordinal);
        Assert.Contains("<li>Hoàn thành kế hoạch thu ngân sách</li>", stored.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeaturedPhotoIsUploadedWithItsCaptionStaysAfterReloadingAndCanBeRemoved()
    {
        var page = await SignInAsReporterAsync("Trần Văn Hùng");
        var id = await StartArticleAsync(page);
        await Title(page).FillAsync("Lúa Đông Xuân được mùa");

        await page.GetByLabel("Chọn ảnh").SetInputFilesAsync(new FilePayload
        {
            Name = "lua-dong-xuan.jpg",
            MimeType = "image/jpeg",
            Buffer = Photo(800, 600),
        });
        // No alternative text typed yet: the preview is still there for the eye.
        var featured = page.GetByRole(AriaRole.Group, new() { Name = "Ảnh đại diện" });
        var preview = featured.Locator("img");
        await Expect(preview).ToHaveAttributeAsync("width", "800");
        await Expect(preview).ToHaveAttributeAsync("height", "600");
        await Expect(preview).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await preview.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The uploaded photo does not load.");

        await page.GetByLabel("Chú thích ảnh").FillAsync("Nông dân xã Tân Phú thu hoạch lúa.");
        await page.GetByLabel("Nguồn ảnh").FillAsync("Hoàng Anh");
        await page.GetByLabel("Mô tả thay thế").FillAsync("Cánh đồng lúa chín vàng, người nông dân gặt lúa");
        await SaveDraftAsync(page);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu lúc" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await WaitForEditorAsync(page);

        preview = featured.GetByRole(AriaRole.Img, new() { Name = "Cánh đồng lúa chín vàng, người nông dân gặt lúa" });
        await Expect(preview).ToHaveAttributeAsync("width", "800");
        await Expect(preview).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await preview.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The saved photo does not load.");
        await Expect(page.GetByLabel("Chú thích ảnh")).ToHaveValueAsync("Nông dân xã Tân Phú thu hoạch lúa.");
        await Expect(page.GetByLabel("Nguồn ảnh")).ToHaveValueAsync("Hoàng Anh");

        var stored = await StoredArticleAsync(id);
        Assert.NotNull(stored.FeaturedImageId);
        Assert.Equal("Cánh đồng lúa chín vàng, người nông dân gặt lúa", stored.FeaturedImageAlt);

        await featured.GetByRole(AriaRole.Button, new() { Name = "Bỏ ảnh đại diện" }).ClickAsync();
        await Expect(featured.Locator("img")).ToHaveCountAsync(0);
        await SaveDraftAsync(page);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu lúc" })).ToBeVisibleAsync();
        Assert.Null((await StoredArticleAsync(id)).FeaturedImageId);
    }

    [Fact]
    public async Task AFileThatIsNotAPhotoIsRefusedInVietnameseAndNothingTypedIsLost()
    {
        var page = await SignInAsReporterAsync("Lê Quang Vinh");
        await StartArticleAsync(page);
        await Title(page).FillAsync("Khánh thành cầu Bến Đá");
        await Sapo(page).FillAsync("Cây cầu nối hai xã ven sông được đưa vào sử dụng.");
        await TypeInBodyAsync(page, "Công trình có tổng vốn đầu tư 45 tỷ đồng.");

        await page.GetByLabel("Chọn ảnh").SetInputFilesAsync(new FilePayload
        {
            Name = "anh-cau.jpg",
            MimeType = "image/jpeg",
            Buffer = "Đây không phải là ảnh."u8.ToArray(),
        });

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Không tải ảnh lên được" })).ToHaveTextAsync(
            "Không tải ảnh lên được: Tệp này không phải là ảnh. Hãy tải lên ảnh JPEG, PNG, WebP hoặc GIF.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ảnh đại diện" }).Locator("img")).ToHaveCountAsync(0);
        await Expect(Title(page)).ToHaveValueAsync("Khánh thành cầu Bến Đá");
        await Expect(Sapo(page)).ToHaveValueAsync("Cây cầu nối hai xã ven sông được đưa vào sử dụng.");
        await Expect(Body(page)).ToHaveTextAsync("Công trình có tổng vốn đầu tư 45 tỷ đồng.");
    }

    [Fact]
    public async Task ACompleteArticleGoesToTheEditorsAndCanBeWithdrawnToTheDrafts()
    {
        var page = await SignInAsReporterAsync("Phạm Thu Hằng");
        var id = await StartArticleAsync(page);
        await Title(page).FillAsync("Tỉnh đón 1,2 triệu lượt khách dịp Tết");
        await Sapo(page).FillAsync("Lượng khách du lịch đến tỉnh trong dịp Tết tăng 15% so với cùng kỳ năm trước.");
        await TypeInBodyAsync(page, "Các khu du lịch sinh thái đón đông khách nhất.");
        await Section(page).SelectOptionAsync(new SelectOptionValue { Label = "Du lịch" });
        await Expect(page.GetByLabel("Tác giả 1", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\d+"));
        await page.GetByLabel("Tác giả 2", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Thu Thủy" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/newsroom"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi bài “Tỉnh đón 1,2 triệu lượt khách dịp Tết” cho biên tập viên.");
        var withEditors = page.GetByRole(AriaRole.Region, new() { Name = "Đã gửi biên tập (1)" });
        await Expect(withEditors.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tỉnh đón 1,2 triệu lượt khách dịp Tết" }))
            .ToContainTextAsync("Chờ duyệt");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Bản nháp (0)" })).ToBeVisibleAsync();

        // The editor's address now shows the article read-only, as it will be published.
        await page.GotoAsync($"/newsroom/articles/{id}/edit");
        await Expect(page).ToHaveURLAsync(PreviewAddress());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh đón 1,2 triệu lượt khách dịp Tết", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tiêu đề")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Xem trước" })).ToContainTextAsync("Chờ duyệt");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rút về bản nháp" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditorAddress());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Bài viết đã trở về danh sách bản nháp của bạn." })).ToBeVisibleAsync();
        await WaitForEditorAsync(page);
        await Expect(Title(page)).ToHaveValueAsync("Tỉnh đón 1,2 triệu lượt khách dịp Tết");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục bản chưa lưu" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại bài viết của tôi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Bản nháp (1)" })).ToContainTextAsync("Tỉnh đón 1,2 triệu lượt khách dịp Tết");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Đã gửi biên tập (0)" })).ToBeVisibleAsync();
        var stored = await StoredArticleAsync(id);
        Assert.Equal(["Phạm Thu Hằng", "Thu Thủy"], stored.Authors.OrderBy(a => a.Position).Select(a => a.Author!.PenName));
    }

    [Fact]
    public async Task AnIncompleteArticleIsNotSentSaysWhatIsMissingAndKeepsTheText()
    {
        var page = await SignInAsReporterAsync("Đinh Công Sơn");
        var id = await StartArticleAsync(page);
        await Title(page).FillAsync("Mưa lớn gây sạt lở đường tỉnh 723");
        await TypeInBodyAsync(page, "Lực lượng chức năng đang khắc phục hậu quả.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(EditorAddress());
        var missing = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Đã lưu nhưng chưa gửi." });
        await Expect(missing.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["sapo (đoạn dẫn)", "chuyên mục"]);
        await WaitForEditorAsync(page);
        await Expect(Title(page)).ToHaveValueAsync("Mưa lớn gây sạt lở đường tỉnh 723");
        await Expect(Body(page)).ToHaveTextAsync("Lực lượng chức năng đang khắc phục hậu quả.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục bản chưa lưu" })).ToHaveCountAsync(0);

        var stored = await StoredArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Equal("Mưa lớn gây sạt lở đường tỉnh 723", stored.Title);
    }

    [Fact]
    public async Task TheDeskEditorAndPreviewHaveNoAccessibilityViolations()
    {
        var page = await SignInAsReporterAsync("Vũ Hải Yến");
        await AddArticleAsync("Vũ Hải Yến", "Lễ hội Làng Sen khai mạc", ArticleStatus.Published);
        await AddArticleAsync("Vũ Hải Yến", "Chợ nổi Cái Răng vào mùa", ArticleStatus.ChangesRequested, "Bổ sung ý kiến của ban quản lý chợ.");
        var submitted = await StartArticleAsync(page);
        await Title(page).FillAsync("Khai mạc Hội báo Xuân");
        await Sapo(page).FillAsync("Hội báo Xuân năm nay trưng bày hơn 200 ấn phẩm báo chí.");
        await TypeInBodyAsync(page, "Hội báo mở cửa đến hết ngày mùng 10 tháng Giêng.");
        await Section(page).SelectOptionAsync(new SelectOptionValue { Label = "Văn hóa" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/newsroom"));

        // The editor with TinyMCE, the list of what is missing and a revision.
        await StartArticleAsync(page);
        await Title(page).FillAsync("Giá lúa tăng nhẹ đầu vụ");
        await TypeInBodyAsync(page, "Thương lái thu mua lúa tươi tại ruộng.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Đã lưu nhưng chưa gửi." })).ToBeVisibleAsync();
        await WaitForEditorAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại bài viết của tôi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Trả lại để sửa (1)" })).ToContainTextAsync("Bổ sung ý kiến của ban quản lý chợ.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Bản nháp (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Đã gửi biên tập (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Bài mới đăng" })).ToContainTextAsync("Lễ hội Làng Sen khai mạc");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/newsroom/articles/{submitted}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Khai mạc Hội báo Xuân", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Dispatches a real paste event carrying <paramref name="html"/>, as the browser does for Ctrl+V.</summary>
    private static async Task PasteHtmlAsync(ILocator editable, string html) =>
        await editable.EvaluateAsync(
            """
            (target, html) => {
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', new DOMParser().parseFromString(html, 'text/html').body.textContent);
                target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            html);

    /// <summary>A real JPEG photo: a colour gradient, so it is not a trivially compressible flat image.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var red = x[0] * (255.0 / width);
        using var green = x[1] * (255.0 / height);
        using var blue = (x[0] * 0.1) + 60;
        using var rgb = red.Bandjoin(green, blue);
        using var photo = rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: 85);
    }
}
