using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Tests.Portal;

public sealed class PortalOptionsTests
{
    [Theory]
    [InlineData(0, 3, false)]
    [InlineData(30, 3, true)]
    [InlineData(7200, 3, false)]
    [InlineData(30, 0, false)]
    [InlineData(30, 7, true)]
    [InlineData(30, 8, false)]
    public void TheFlushIntervalAndMostReadDaysStayInRange(int seconds, int days, bool valid) =>
        Assert.Equal(valid, PortalOptions.IsValid(new PortalOptions { ViewFlushInterval = TimeSpan.FromSeconds(seconds), MostReadDays = days }));

    [Fact]
    public async Task TheConfiguredPublicAddressIsTheOneReadersPagesGiveSearchEnginesAndSocialNetworks()
    {
        using var app = new UncachedAppFactory();
        app.With("Site:PublicBaseUrl", "https://baolamgiang.vn");
        var section = await Newspaper.SectionAsync(app, "Kinh tế");
        var author = await Newspaper.AuthorAsync(app, "Trường Hà");
        var article = await Newspaper.ArticleAsync(app, "Giá lúa", section, authors: [author]);

        var page = await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));

        var canonical = "https://baolamgiang.vn" + PortalPaths.ArticlePath(article.Slug);
        Assert.Equal(canonical, page.Link("canonical"));
        Assert.Equal(canonical, page.Meta("og:url"));
        Assert.Equal("https://baolamgiang.vn/img/logo.png", page.Meta("og:image"));
        var news = page.StructuredData("NewsArticle");
        Assert.Equal(canonical, news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("https://baolamgiang.vn/tac-gia/" + author.Slug, news.GetProperty("author")[0].GetProperty("url").GetString());
        Assert.Equal("/chuyen-muc/kinh-te?trang=3", PortalPaths.SectionPath("kinh-te", 3));
        Assert.Equal("/chuyen-muc/kinh-te", PortalPaths.SectionPath("kinh-te", 1));
    }
}
