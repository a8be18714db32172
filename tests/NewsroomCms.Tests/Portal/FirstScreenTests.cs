using System.Net;
using System.Text.RegularExpressions;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// What gets a reader's first screen painted quickly on a phone's network: nothing to wait for before the
/// first paint, the main photo asked for first, photos further down only when scrolled to, and static
/// files a browser keeps.
/// </summary>
public sealed partial class FirstScreenTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    [Fact]
    public async Task TheStylesheetIsInThePageAndNothingHoldsBackTheFirstPaint()
    {
        var page = await ReaderPage.GetAsync(app, "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var css = Assert.Single(page.Document.QuerySelectorAll("head style")).TextContent;
        Assert.Contains(".masthead {", css, StringComparison.Ordinal);
        Assert.Contains("content-visibility: auto", css, StringComparison.Ordinal);
        // Comments and indentation stay in the file.
        Assert.DoesNotContain("/*", css, StringComparison.Ordinal);
        Assert.DoesNotContain("\n ", css, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("link[rel='stylesheet'], script[src]"));
    }

    /// <summary>
    /// A published app serves a fingerprinted name with "Cache-Control: max-age=31536000, immutable"; a test
    /// runs a build, whose static files are sent without a lifetime, so only the name is checked here.
    /// </summary>
    [Fact]
    public async Task TheLogoIsLinkedByItsFingerprintedName()
    {
        var page = await ReaderPage.GetAsync(app, "/");
        var src = page.Find(".masthead .brand img")?.GetAttribute("src") ?? "";

        Assert.Matches(FingerprintedLogo(), src);
        using var client = app.CreateClient();
        using var logo = await client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheArticlesPhotoIsAskedForFirstAndRelatedPhotosWhenScrolledTo()
    {
        var tag = await TagAsync(app, "Nông nghiệp");
        var related = await ArticleAsync(app, "Giá phân bón giảm", tags: [tag], image: await ImageAsync(app, 1600, 900), publishedAt: Now(app).AddHours(-1));
        var article = await ArticleAsync(app, "Thu hoạch lúa Đông Xuân", tags: [tag], image: await ImageAsync(app, 1600, 900));

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        var featured = page.Find("figure.featured img")!;
        Assert.Equal("high", featured.GetAttribute("fetchpriority"));
        Assert.Null(featured.GetAttribute("loading"));
        Assert.Contains(PortalPaths.ArticlePath(related.Slug), page.ArticleLinks(".related"));
        var thumbnail = page.Find(".related img")!;
        Assert.Equal("lazy", thumbnail.GetAttribute("loading"));
        Assert.Null(thumbnail.GetAttribute("fetchpriority"));
    }

    [Fact]
    public async Task AListLoadsThePhotosOfItsFirstThreeStoriesAtOnceAndTheOthersWhenScrolledTo()
    {
        var section = await SectionAsync(app, "Kinh tế");
        for (var i = 0; i < 5; i++)
        {
            await ArticleAsync(app, $"Tin kinh tế {i}", section, image: await ImageAsync(app, 1200, 800), publishedAt: Now(app).AddMinutes(-i));
        }

        var page = await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug));

        var loading = page.Document.QuerySelectorAll("main ul.list img").Select(img => img.GetAttribute("loading")).ToList();
        Assert.Equal([null, null, null, "lazy", "lazy"], loading);
        Assert.Empty(page.Document.QuerySelectorAll("main ul.list img[fetchpriority]"));
    }

    [Fact]
    public async Task TheHomePagesLeadPhotoIsAskedForFirst()
    {
        var lead = await ArticleAsync(app, "Khánh thành cầu mới", image: await ImageAsync(app, 1600, 900));
        await SetFrontPageAsync(app, (0, lead.Id));

        var page = await ReaderPage.GetAsync(app, "/");

        var photo = page.Find("section.lead img")!;
        Assert.Equal("high", photo.GetAttribute("fetchpriority"));
        Assert.Null(photo.GetAttribute("loading"));
        Assert.Single(page.Document.QuerySelectorAll("img[fetchpriority='high']"));
    }

    [GeneratedRegex(@"^/img/logo\.[a-z0-9]+\.png$")]
    private static partial Regex FingerprintedLogo();
}
