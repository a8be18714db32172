using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetVips;
using NewsroomCms.BrowserTests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;
using static Microsoft.Playwright.Assertions;

namespace NewsroomCms.BrowserTests.Portal;

/// <summary>A reader on a phone goes from the home page to a section, an article and its author, and searches, without script.</summary>
public sealed class ReadingOnAPhoneTests(NewsroomSite site) : BrowserTest(site)
{
    /// <summary>The paper of each site (one per test class), made by whichever test comes first.</summary>
    private static readonly ConditionalWeakTable<NewsroomSite, Task<Paper>> Papers = new();

    [Fact]
    public async Task AReaderOnAPhoneGoesFromTheHomePageToASectionAnArticleAndItsAuthor()
    {
        var paper = await Papers.GetValue(Site, SeedAsync);
        var page = await NewPageAsync(phone: true);

        await page.GotoAsync("/");
        await Expect(page.Locator(".masthead .brand")).ToHaveTextAsync("Báo Lam Giang điện tử");
        await Expect(page.GetByLabel("Tìm kiếm")).ToBeVisibleAsync();
        await Expect(page.Locator(".site-footer")).ToContainTextAsync("Giấy phép số 125/GP-BTTTT ngày 05/03/2021 do Bộ Thông tin và Truyền thông cấp");
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Chuyên mục" }).GetByRole(AriaRole.Link, new() { Name = paper.Section, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/chuyen-muc/" + paper.SectionSlug));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(paper.Section);
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = paper.Title }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/bai-viet/" + paper.Slug));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(paper.Title);
        await Expect(page.Locator("article.article .meta").First).ToContainTextAsync("Đăng lúc");
        await Expect(page.Locator("article.article .meta").First).ToContainTextAsync("Cập nhật lúc");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đính chính" })).ToBeVisibleAsync();
        await Expect(page.Locator("figure.featured img")).ToHaveJSPropertyAsync("complete", true);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Trang chủ", paper.Section]);
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("article.article .byline").GetByRole(AriaRole.Link, new() { Name = paper.Author }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/tac-gia/" + paper.AuthorSlug));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(paper.Author);
        await Expect(page.Locator(".bio")).ToHaveTextAsync("Phóng viên mảng kinh tế, theo dõi nông nghiệp và doanh nghiệp địa phương.");
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = paper.Title }).First.ClickAsync();
        await page.Locator("article.article ul.tags").GetByRole(AriaRole.Link, new() { Name = paper.Tag }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/the/" + paper.TagSlug));
        await Accessibility.AssertNoViolationsAsync(page);

        var missing = await page.GotoAsync("/bai-viet/bai-viet-khong-con");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy trang");
        await Expect(page.GetByRole(AriaRole.Search, new() { Name = "Tìm bài viết" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AReaderOnAPhonePagesThroughASectionWithTheOlderAndNewerLinks()
    {
        await Papers.GetValue(Site, SeedAsync);
        var page = await NewPageAsync(phone: true);
        await page.GotoAsync("/chuyen-muc/thoi-su");
        var list = page.GetByRole(AriaRole.Main).Locator("ul.list > li");
        await Expect(list).ToHaveCountAsync(20);
        await Expect(list.First).ToContainTextAsync("Tin thời sự số 1");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Trang", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tin cũ hơn" }).ClickAsync();

        // The next page starts after the last article of the first, which its address names.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/chuyen-muc/thoi-su\?trang=2&sau=\d+$"));
        await Expect(list).ToHaveCountAsync(5);
        await Expect(list.First).ToContainTextAsync("Tin thời sự số 21");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Trang", Exact = true })).ToContainTextAsync("Trang 2");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tin cũ hơn" })).ToHaveCountAsync(0);
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tin mới hơn" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/chuyen-muc/thoi-su"));
        await Expect(list.First).ToContainTextAsync("Tin thời sự số 1");
    }

    [Fact]
    public async Task AReaderOnAPhoneSearchesFromTheMastheadWithoutToneMarks()
    {
        var paper = await Papers.GetValue(Site, SeedAsync);
        var page = await NewPageAsync(phone: true);
        await page.GotoAsync("/chuyen-muc/" + paper.SectionSlug);

        // Typed as on a phone keyboard without Vietnamese input: no tone marks, no đ.
        var masthead = page.GetByRole(AriaRole.Banner);
        await masthead.GetByLabel("Tìm kiếm", new() { Exact = true }).FillAsync("dong bang");
        await masthead.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/tim-kiem?q=dong+bang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tìm kiếm");
        await Expect(page.GetByLabel("Từ khóa cần tìm")).ToHaveValueAsync("dong bang");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tìm thấy 1 kết quả cho “dong bang”");
        var results = page.GetByRole(AriaRole.List, new() { Name = "Kết quả tìm kiếm" });
        var found = results.GetByRole(AriaRole.Listitem);
        await Expect(found).ToHaveCountAsync(1);
        await Expect(found.GetByRole(AriaRole.Link, new() { Name = paper.Title })).ToHaveAttributeAsync("href", "/bai-viet/" + paper.Slug);
        // Every word of the title that matches, written with its marks: "Đông" of "Đông Xuân" is a "dong" too.
        await Expect(found.Locator("h2 mark")).ToHaveTextAsync(["Đồng", "bằng", "Đông"]);
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Từ khóa cần tìm").FillAsync("tau ngam");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/tim-kiem?q=tau+ngam"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Không tìm thấy bài viết nào cho “tau ngam”. Hãy kiểm tra chính tả hoặc nhập ít từ hơn.");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Kết quả tìm kiếm" })).ToHaveCountAsync(0);
        await Expect(page.Locator("mark")).ToHaveCountAsync(0);
        await AssertFitsThePhoneAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        // Back to the results, and on to the article.
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Kết quả tìm kiếm" }).GetByRole(AriaRole.Link, new() { Name = paper.Title }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/bai-viet/" + paper.Slug));
    }

    /// <summary>Nothing wider than the screen: a reader never scrolls sideways to read.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the phone.");
    }

    private sealed record Paper(string Section, string SectionSlug, string Title, string Slug, string Author, string AuthorSlug, string Tag, string TagSlug);

    /// <summary>A small paper: settings, two sections, a pen name, a tag, a photo and a few articles, indexed for search.</summary>
    private static async Task<Paper> SeedAsync(NewsroomSite site)
    {
        var editorEmail = $"{Guid.NewGuid():N}@baotinh.vn";
        await site.CreateAccountAsync("Biên tập viên", editorEmail, "bien-tap-2026", Roles.Editor);
        using var scope = site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ImageStore>();
        var now = site.App.Clock.GetUtcNow().UtcDateTime;

        db.SiteSettings.Add(new SiteSettings
        {
            PublicationName = "Báo Lam Giang điện tử",
            GoverningBody = "Tỉnh ủy Lam Giang",
            LicenceNumber = "125/GP-BTTTT",
            LicenceDate = new DateOnly(2021, 3, 5),
            LicenceIssuer = "Bộ Thông tin và Truyền thông",
            EditorInChief = "Nguyễn Thị Thanh Hương",
            Address = "Số 18 đường Lê Lợi, phường Tân An, thành phố Lam Giang",
            Phone = "(0299) 3 822 555",
            Email = "toasoan@baolamgiang.example",
            UpdatedAt = now,
        });
        var economy = new Section { Name = "Kinh tế", Slug = "kinh-te", DisplayOrder = 1 };
        var culture = new Section { Name = "Văn hóa", Slug = "van-hoa", DisplayOrder = 2 };
        var author = new Author { PenName = "Trường Hà", Slug = "truong-ha", Bio = "Phóng viên mảng kinh tế, theo dõi nông nghiệp và doanh nghiệp địa phương.", CreatedAt = now };
        var tag = Tag.Create("Nông nghiệp");
        using var black = Image.Black(1200, 800, bands: 3);
        using var green = black.Linear([1, 1, 1], [40, 110, 60], uchar: true);
        using var photo = green.Copy(interpretation: Enums.Interpretation.Srgb);
        var stored = await store.SaveAsync(photo.JpegsaveBuffer(q: 80), CancellationToken.None);
        var image = new MediaAsset
        {
            StoredName = stored.StoredName,
            OriginalFileName = "canh-dong.jpg",
            ContentType = stored.Format.ContentType,
            ByteSize = stored.ByteSize,
            Width = stored.Width,
            Height = stored.Height,
            UploadedAt = now,
        };

        var lead = Article(
            "Đồng bằng thu hoạch lúa Đông Xuân được mùa, được giá",
            "Chiều 5/3, tại xã Đức Thạnh, nông dân bắt đầu thu hoạch lúa vụ Đông Xuân với năng suất bình quân 7,5 tấn/ha.",
            economy, now.AddHours(-1));
        lead.FeaturedImage = image;
        lead.FeaturedImageAlt = "Nông dân thu hoạch lúa trên cánh đồng";
        lead.FeaturedImageCaption = "Cánh đồng lúa ở xã Đức Thạnh.";
        lead.FeaturedImageCredit = "Trường Hà";
        // Updated and corrected, so the page shows the update line and the correction notices too.
        lead.PublicUpdatedAt = now.AddMinutes(-20);
        var editorId = db.Users.Single(u => u.Email == editorEmail).Id;
        lead.Corrections.Add(new ArticleCorrection { Notice = "Năng suất bình quân là 7,5 tấn/ha, không phải 8,5 tấn/ha như đã đưa.", CreatedAt = now.AddMinutes(-20), CreatedById = editorId });
        lead.Tags.Add(tag);
        lead.Authors.Add(new ArticleAuthor { Author = author, Position = 0 });
        var second = Article("Giá phân bón giảm mạnh đầu vụ", "Giá các loại phân bón trên thị trường giảm từ 10 - 15% so với cùng kỳ.", economy, now.AddHours(-3));
        second.Tags.Add(tag);
        second.Authors.Add(new ArticleAuthor { Author = author, Position = 0 });
        var third = Article("Lễ hội Nghinh Ông thu hút hàng chục nghìn lượt khách", "Lễ hội năm nay diễn ra trong 3 ngày với nhiều hoạt động văn hóa dân gian đặc sắc.", culture, now.AddHours(-2));
        db.Articles.AddRange(lead, second, third);
        // A section of two pages, older than the rest of the paper: number 1 the newest.
        var news = new Section { Name = "Thời sự", Slug = "thoi-su", DisplayOrder = 3 };
        db.Articles.AddRange(Enumerable.Range(1, 25).Select(n => Article($"Tin thời sự số {n}", "Bản tin trong ngày của tỉnh.", news, now.AddDays(-2).AddMinutes(-n))));
        await db.SaveChangesAsync();
        // Written straight to the database, so no public change put them in the search index or gave their links the publication time.
        await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
        await PublishedLinks.CopyAsync(db, articleId: null);
        return new Paper(economy.Name, economy.Slug, lead.Title, lead.Slug, author.PenName, author.Slug, tag.Name, tag.Slug);
    }

    private static Article Article(string title, string sapo, Section section, DateTime publishedAt) => new()
    {
        Title = title,
        Slug = VietnameseText.Slugify(title),
        Sapo = sapo,
        Body = "<p>Toàn tỉnh gieo sạ hơn 62.000 ha lúa vụ Đông Xuân, trong đó trên 70% diện tích sử dụng giống lúa chất lượng cao.</p>",
        Status = ArticleStatus.Published,
        Section = section,
        CreatedAt = publishedAt,
        UpdatedAt = publishedAt,
        SubmittedAt = publishedAt,
        PublishedAt = publishedAt,
    };
}
