using System.Net;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// The home page. Each test moves the clock a day on and publishes its articles then, so they are the
/// newest on the page whatever earlier tests left in the shared database.
/// </summary>
public sealed class HomePageTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    [Fact]
    public async Task TheEditorsLeadAndFeaturedStoriesComeFirstInTheirOrderAndOtherPlacesFillWithTheNewest()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var section = await SectionAsync(app, "Thời sự");
        var articles = new List<Article>();
        for (var i = 0; i < 12; i++)
        {
            // Oldest first: articles[11] is the newest.
            articles.Add(await ArticleAsync(app, $"Tin số {i}", section, publishedAt: Now(app).AddMinutes(i - 60)));
        }

        var takenDown = articles[10];
        await SetFrontPageAsync(app, (0, articles[0].Id), (2, articles[1].Id), (3, takenDown.Id), (6, articles[2].Id));
        await SetStatusAsync(app, takenDown.Id, ArticleStatus.Unpublished);

        var home = await ReaderPage.GetAsync(app, "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal([Path(articles[0])], home.ArticleLinks("section.lead"));
        // Place 1 empty: the newest; 2 chosen; 3 taken down: the next newest; 4, 5 empty; 6 chosen.
        Assert.Equal(
            [Path(articles[11]), Path(articles[1]), Path(articles[9]), Path(articles[8]), Path(articles[7]), Path(articles[2])],
            home.ArticleLinks("section.featured"));
        var latest = home.ArticleLinks("section.latest");
        Assert.Equal([Path(articles[6]), Path(articles[5]), Path(articles[4]), Path(articles[3])], latest.Take(4));
        Assert.DoesNotContain(Path(takenDown), home.Html, StringComparison.Ordinal);
        var top = home.ArticleLinks("section.lead").Concat(home.ArticleLinks("section.featured")).Concat(latest).ToList();
        Assert.Equal(top.Count, top.Distinct().Count());
    }

    [Fact]
    public async Task EachVisibleSectionHasABlockOfItsNewestArticlesInDisplayOrder()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var first = await SectionAsync(app, "Kinh tế", displayOrder: -20);
        var second = await SectionAsync(app, "Văn hóa", displayOrder: -10);
        var hidden = await SectionAsync(app, "Tin ảnh", hidden: true, displayOrder: -30);
        var economy = new List<Article>();
        for (var i = 0; i < 6; i++)
        {
            economy.Add(await ArticleAsync(app, $"Kinh tế {i}", first, publishedAt: Now(app).AddMinutes(i - 100)));
        }

        var culture = await ArticleAsync(app, "Lễ hội", second, publishedAt: Now(app).AddMinutes(-200));
        await ArticleAsync(app, "Ảnh đẹp", hidden, publishedAt: Now(app).AddMinutes(-300));
        var draft = await ArticleAsync(app, "Bản nháp kinh tế", first, ArticleStatus.Draft);

        var home = await ReaderPage.GetAsync(app, "/");

        var blocks = home.Document.QuerySelectorAll("section.section-block").ToList();
        var firstBlock = blocks.FindIndex(b => b.QuerySelector("h2 a")?.GetAttribute("href") == PortalPaths.SectionPath(first.Slug));
        var secondBlock = blocks.FindIndex(b => b.QuerySelector("h2 a")?.GetAttribute("href") == PortalPaths.SectionPath(second.Slug));
        Assert.True(firstBlock >= 0 && secondBlock > firstBlock, "blocks in display order");
        Assert.DoesNotContain(blocks, b => b.QuerySelector("h2 a")?.GetAttribute("href") == PortalPaths.SectionPath(hidden.Slug));
        Assert.Equal(
            economy.AsEnumerable().Reverse().Take(PortalReading.SectionBlockCount).Select(Path),
            blocks[firstBlock].QuerySelectorAll("a[href^='/bai-viet/']").Select(a => a.GetAttribute("href")));
        Assert.Equal([Path(culture)], blocks[secondBlock].QuerySelectorAll("a[href^='/bai-viet/']").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(Path(draft), home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySiteSaysNothingIsPublishedYet()
    {
        using var empty = new UncachedAppFactory();

        var home = await ReaderPage.GetAsync(empty, "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(Texts.Vietnamese<PortalResource>(empty, "Nothing has been published yet."), home.Html, StringComparison.Ordinal);
        Assert.Equal("NewsroomCms", home.Text("title"));
    }

    [Fact]
    public async Task TheHomePageHasTheSiteHeadAndNoScript()
    {
        var home = await ReaderPage.GetAsync(app, "/");

        Assert.Equal("website", home.Meta("og:type"));
        Assert.Equal("https://localhost/", home.Link("canonical"));
        Assert.Equal("https://localhost/", home.Meta("og:url"));
        Assert.Equal("https://localhost/img/logo.png", home.Meta("og:image"));
        Assert.Empty(home.Document.QuerySelectorAll("script"));
        Assert.Equal("vi", home.Document.DocumentElement.GetAttribute("lang"));
    }

    private static string Path(Article article) => PortalPaths.ArticlePath(article.Slug);
}
