using System.Globalization;
using System.Net;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

public sealed class ArticlePageTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task TheArticleShowsBreadcrumbsBylineDatesPhotoAndTagsAndItsStructuredDataSaysTheSame()
    {
        var section = await SectionAsync(app, "Thời sự");
        var first = await AuthorAsync(app, "Minh Đức");
        var second = await AuthorAsync(app, "Thu Thủy");
        var tags = new[] { await TagAsync(app, "Giao ban"), await TagAsync(app, "UBND tỉnh") };
        var image = await ImageAsync(app, 2400, 1600);
        var publishedAt = new DateTime(2026, 11, 26, 7, 5, 42, DateTimeKind.Utc);
        var updatedAt = new DateTime(2026, 11, 26, 9, 40, 10, DateTimeKind.Utc);
        var article = await ArticleAsync(app, "Hội nghị giao ban trực tuyến", section, publishedAt: publishedAt, updatedAt: updatedAt, tags: tags, authors: [first, second], image: image);
        var canonical = "https://localhost" + PortalPaths.ArticlePath(article.Slug);

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["/", PortalPaths.SectionPath(section.Slug)], page.Document.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Trang chủ", section.Name], page.Document.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.TextContent));
        Assert.Equal(article.Title, page.Text("article h1"));
        Assert.Equal(article.Sapo, page.Text("article .sapo"));
        Assert.Equal(
            [(PortalPaths.AuthorPath(first.Slug), first.PenName), (PortalPaths.AuthorPath(second.Slug), second.PenName)],
            page.Document.QuerySelectorAll("article .byline a").Select(a => (a.GetAttribute("href"), a.TextContent)));

        var times = page.Document.QuerySelectorAll("article .meta time").ToList();
        Assert.Equal(2, times.Count);
        Assert.StartsWith("Đăng lúc", times[0].ParentElement!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Thứ Năm, 26/11/2026 14:05 (GMT+7)", times[0].TextContent);
        Assert.Equal("2026-11-26T14:05:00+07:00", times[0].GetAttribute("datetime"));
        Assert.StartsWith("Cập nhật lúc", times[1].ParentElement!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Thứ Năm, 26/11/2026 16:40 (GMT+7)", times[1].TextContent);
        Assert.Equal("2026-11-26T16:40:00+07:00", times[1].GetAttribute("datetime"));

        var img = page.Find("figure.featured img")!;
        Assert.Equal(("2400", "1600", "Quang cảnh hội nghị"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
        var caption = page.Text("figure.featured figcaption");
        Assert.Contains("Các đại biểu dự hội nghị tại điểm cầu tỉnh.", caption, StringComparison.Ordinal);
        Assert.Contains("Ảnh: Minh Đức", caption, StringComparison.Ordinal);
        Assert.Equal(tags.Select(t => PortalPaths.TagPath(t.Slug)).Order(), page.Document.QuerySelectorAll("article ul.tags a").Select(a => a.GetAttribute("href")!).Order());

        // The head: title, description, canonical, OpenGraph, Twitter.
        Assert.Equal(article.Title + " – NewsroomCms", page.Text("title"));
        Assert.Equal(article.Sapo, page.Meta("description"));
        Assert.Equal(canonical, page.Link("canonical"));
        Assert.Equal("article", page.Meta("og:type"));
        Assert.Equal(article.Title, page.Meta("og:title"));
        Assert.Equal(article.Sapo, page.Meta("og:description"));
        Assert.Equal(canonical, page.Meta("og:url"));
        var shared = $"https://localhost/media/{image.StoredName[..^4]}-1600.jpg";
        Assert.Equal(shared, page.Meta("og:image"));
        Assert.Equal(("1600", "1067"), (page.Meta("og:image:width"), page.Meta("og:image:height")));
        Assert.Equal("2026-11-26T14:05:00+07:00", page.Meta("article:published_time"));
        Assert.Equal("2026-11-26T16:40:00+07:00", page.Meta("article:modified_time"));
        Assert.Equal(section.Name, page.Meta("article:section"));
        Assert.Equal(tags.Select(t => t.Name).Order(), page.MetaAll("article:tag").Order());
        Assert.Equal("summary_large_image", page.Meta("twitter:card"));
        Assert.Equal(article.Title, page.Meta("twitter:title"));
        Assert.Equal(shared, page.Meta("twitter:image"));

        // JSON-LD: what readers see, to the minute.
        var news = page.StructuredData("NewsArticle");
        Assert.Equal("https://schema.org", news.GetProperty("@context").GetString());
        Assert.Equal(article.Title, news.GetProperty("headline").GetString());
        Assert.Equal(article.Sapo, news.GetProperty("description").GetString());
        Assert.Equal([shared], news.GetProperty("image").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(times[0].GetAttribute("datetime"), news.GetProperty("datePublished").GetString());
        Assert.Equal(times[1].GetAttribute("datetime"), news.GetProperty("dateModified").GetString());
        AssertShowsTheSameMinute(news.GetProperty("datePublished").GetString()!, times[0].TextContent);
        AssertShowsTheSameMinute(news.GetProperty("dateModified").GetString()!, times[1].TextContent);
        Assert.Equal(
            [("Person", first.PenName, "https://localhost/tac-gia/" + first.Slug), ("Person", second.PenName, "https://localhost/tac-gia/" + second.Slug)],
            news.GetProperty("author").EnumerateArray().Select(a => (a.GetProperty("@type").GetString(), a.GetProperty("name").GetString(), a.GetProperty("url").GetString())));
        var publisher = news.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("NewsroomCms", publisher.GetProperty("name").GetString());
        Assert.Equal("https://localhost/img/logo.png", publisher.GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal(section.Name, news.GetProperty("articleSection").GetString());
        Assert.Equal(tags.Select(t => t.Name).Order(), news.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).Order());
        Assert.Equal(canonical, news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());

        var breadcrumbs = page.StructuredData("BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(
            [(1, "Trang chủ", "https://localhost/"), (2, section.Name, "https://localhost" + PortalPaths.SectionPath(section.Slug)), (3, article.Title, canonical)],
            breadcrumbs.Select(b => (b.GetProperty("position").GetInt32(), b.GetProperty("name").GetString(), b.GetProperty("item").GetString())));

        // The logo is there. The JSON-LD is data, which the CSP does not govern: it needs no nonce, and the
        // page (stored as it is in the output cache) carries none, nor does its policy.
        using var client = new FormClient(app);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/img/logo.png")).StatusCode);
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.False(s.HasAttribute("nonce")));
        using var response = await client.Http.GetAsync(PortalPaths.ArticlePath(article.Slug));
        Assert.Contains("script-src 'self';", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnUpdateTheModifiedDateIsThePublishedOneAndNoUpdateLineShows()
    {
        var section = await SectionAsync(app, "Xã hội");
        var article = await ArticleAsync(app, "Trao nhà đại đoàn kết", section, publishedAt: new DateTime(2026, 11, 25, 23, 30, 0, DateTimeKind.Utc));

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        var time = Assert.Single(page.Document.QuerySelectorAll("article .meta time"));
        Assert.Equal("Thứ Năm, 26/11/2026 06:30 (GMT+7)", time.TextContent);
        Assert.DoesNotContain("Cập nhật lúc", page.Html, StringComparison.Ordinal);
        var news = page.StructuredData("NewsArticle");
        Assert.Equal("2026-11-26T06:30:00+07:00", news.GetProperty("datePublished").GetString());
        Assert.Equal("2026-11-26T06:30:00+07:00", news.GetProperty("dateModified").GetString());
        Assert.Equal(page.Meta("article:published_time"), page.Meta("article:modified_time"));
        Assert.False(news.TryGetProperty("image", out _));
        Assert.Equal("https://localhost/img/logo.png", page.Meta("og:image"));
        Assert.Equal("summary", page.Meta("twitter:card"));
    }

    [Fact]
    public async Task ArticleTextCannotEndTheStructuredDataScript()
    {
        const string hostile = "Cảnh báo </script><script>alert(1)</script> & <!-- “lừa đảo”";
        var article = await ArticleAsync(app, hostile, await SectionAsync(app, "An ninh"), sapo: "Đừng bấm </SCRIPT> vào liên kết lạ.");

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        Assert.Equal(2, page.Document.QuerySelectorAll("script").Length);
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        var news = page.StructuredData("NewsArticle");
        Assert.Equal(article.Title, news.GetProperty("headline").GetString());
        Assert.Equal("Đừng bấm </SCRIPT> vào liên kết lạ.", news.GetProperty("description").GetString());
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RelatedArticlesShareTagsFirstThenComeFromTheSameSectionAndArePublishedOnes()
    {
        var section = await SectionAsync(app, "Nông nghiệp");
        var other = await SectionAsync(app, "Kinh tế");
        var rice = await TagAsync(app, "Lúa gạo");
        var export = await TagAsync(app, "Xuất khẩu");
        var main = await ArticleAsync(app, "Giá lúa tăng", section, publishedAt: Now(app).AddHours(-10), tags: [rice, export]);
        var bothTags = await ArticleAsync(app, "Xuất khẩu gạo kỷ lục", other, publishedAt: Now(app).AddHours(-9), tags: [rice, export]);
        var oneTag = await ArticleAsync(app, "Giống lúa mới", other, publishedAt: Now(app).AddHours(-1), tags: [rice]);
        var sameSectionNewer = await ArticleAsync(app, "Thời tiết thuận lợi", section, publishedAt: Now(app).AddHours(-2));
        var sameSectionOlder = await ArticleAsync(app, "Thủy lợi nội đồng", section, publishedAt: Now(app).AddHours(-20));
        var unrelated = await ArticleAsync(app, "Giá vàng", other, publishedAt: Now(app).AddHours(-1));
        var hidden = new[]
        {
            await ArticleAsync(app, "Bản nháp gạo", section, ArticleStatus.Draft, tags: [rice, export]),
            await ArticleAsync(app, "Chờ duyệt gạo", section, ArticleStatus.Submitted, tags: [rice, export]),
            await ArticleAsync(app, "Hẹn giờ gạo", section, ArticleStatus.Scheduled, tags: [rice, export]),
            await ArticleAsync(app, "Đã gỡ gạo", section, ArticleStatus.Unpublished, publishedAt: Now(app), tags: [rice, export]),
        };

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(main.Slug));

        Assert.Equal(
            new[] { bothTags, oneTag, sameSectionNewer, sameSectionOlder }.Select(a => PortalPaths.ArticlePath(a.Slug)),
            page.ArticleLinks("section.related"));
        Assert.Contains("Tin liên quan", page.Text("section.related h2"), StringComparison.Ordinal);
        Assert.DoesNotContain(PortalPaths.ArticlePath(unrelated.Slug), page.Html, StringComparison.Ordinal);
        Assert.All(hidden, h => Assert.DoesNotContain(PortalPaths.ArticlePath(h.Slug), page.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MostReadAddsUpTheLastThreeNewsroomDaysOfPublishedArticles()
    {
        using var site = new UncachedAppFactory();
        var section = await SectionAsync(site, "Thể thao");
        var today = Today(site);
        var steady = await ArticleAsync(site, "Đội tuyển tỉnh thắng", section);
        var recent = await ArticleAsync(site, "Giải chạy bộ", section);
        var old = await ArticleAsync(site, "Tin cũ được đọc nhiều", section);
        var takenDown = await ArticleAsync(site, "Tin đã gỡ", section, ArticleStatus.Unpublished);
        var draft = await ArticleAsync(site, "Tin nháp", section, ArticleStatus.Draft);
        await AddViewsAsync(site, steady.Id, today, 50);
        await AddViewsAsync(site, steady.Id, today.AddDays(-1), 30);
        await AddViewsAsync(site, recent.Id, today, 60);
        await AddViewsAsync(site, recent.Id, today.AddDays(-2), 5);
        await AddViewsAsync(site, old.Id, today, 10);
        await AddViewsAsync(site, old.Id, today.AddDays(-3), 1000);
        await AddViewsAsync(site, takenDown.Id, today, 5000);
        await AddViewsAsync(site, draft.Id, today, 4000);

        var page = await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(old.Slug));

        Assert.Equal("Đọc nhiều", page.Text("section.most-read h2"));
        Assert.Equal(
            new[] { steady, recent, old }.Select(a => PortalPaths.ArticlePath(a.Slug)),
            page.ArticleLinks("section.most-read"));
        Assert.Equal(page.ArticleLinks("section.most-read"), (await ReaderPage.GetAsync(site, "/")).ArticleLinks("section.most-read"));
    }

    [Fact]
    public async Task AnArticleInAHiddenSectionIsReadableWithoutALinkToItsSection()
    {
        var hidden = await SectionAsync(app, "Chuyên mục ẩn", hidden: true);
        var article = await ArticleAsync(app, "Bài trong chuyên mục ẩn", hidden);

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(PortalPaths.SectionPath(hidden.Slug), page.Html, StringComparison.Ordinal);
        Assert.Equal(2, page.StructuredData("BreadcrumbList").GetProperty("itemListElement").GetArrayLength());
    }

    [Fact]
    public async Task RenamedArticlesRedirectAndTakenDownOnesAreGone()
    {
        var section = await SectionAsync(app, "Văn hóa");
        var renamed = await ArticleAsync(app, "Lễ hội Nghinh Ông", section);
        var takenDown = await ArticleAsync(app, "Bài bị gỡ", section, ArticleStatus.Unpublished);
        await SaveAsync(app, db => db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Article, OldSlug = "le-hoi-cu", TargetId = renamed.Id, CreatedAt = Now(app) }));

        var moved = await ReaderPage.GetAsync(app, "/bai-viet/le-hoi-cu");
        var gone = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(takenDown.Slug));

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal(PortalPaths.ArticlePath(renamed.Slug), moved.RedirectPath);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("Bài viết này đã bị gỡ", gone.Html, StringComparison.Ordinal);
        Assert.NotNull(gone.Find("form[action='/tim-kiem'] input[name='q']"));
    }

    /// <summary>The JSON-LD moment, written as the page writes times for readers.</summary>
    private static void AssertShowsTheSameMinute(string iso, string visible)
    {
        var moment = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(7), moment.Offset);
        Assert.Equal(HaNoi.FormatLong(moment.UtcDateTime, Vietnamese), visible);
    }
}
