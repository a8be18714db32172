using NewsroomCms.Web.Features.Feeds;

namespace NewsroomCms.Tests.Feeds;

/// <summary>With Site:PublicBaseUrl set, links start with it whatever host the request came in on.</summary>
public sealed class PublicBaseUrlTests(PublicBaseUrlAppFactory app) : IClassFixture<PublicBaseUrlAppFactory>
{
    private const string Base = PublicBaseUrlAppFactory.BaseUrl;

    [Fact]
    public async Task FeedLinksAndGuidsUseTheConfiguredAddress()
    {
        var section = await FeedData.SectionAsync(app, "Giáo dục");
        var article = await FeedData.ArticleAsync(app, "Khai giảng năm học mới", section: section);

        var channel = (await FeedClient.XmlAsync(app, $"/chuyen-muc/{section.Slug}/rss")).Root!.Element("channel")!;

        Assert.Equal($"{Base}/chuyen-muc/{section.Slug}", (string?)channel.Element("link"));
        Assert.Equal($"{Base}/chuyen-muc/{section.Slug}/rss", (string?)channel.Element(FeedClient.Atom + "link")!.Attribute("href"));
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal($"{Base}/bai-viet/{article.Slug}", (string?)item.Element("link"));
        Assert.Equal($"tag:baotinh.vn,2026:article:{article.Id}", (string?)item.Element("guid"));
        Assert.Equal($"{Base}/", (string?)(await FeedClient.XmlAsync(app, "/rss")).Root!.Element("channel")!.Element("link"));
    }

    [Fact]
    public async Task SitemapsAndRobotsTxtUseTheConfiguredAddress()
    {
        var article = await FeedData.ArticleAsync(app, "Hội thi giáo viên giỏi");

        var sitemap = await FeedClient.GetAsync(app, "/sitemap.xml");
        var news = await FeedClient.XmlAsync(app, "/sitemap-news.xml");
        var robots = (await FeedClient.GetAsync(app, "/robots.txt")).Body.Split('\n');

        Assert.Empty(FeedClient.UrlSetErrors(sitemap.Body));
        Assert.All(FeedClient.Locations(sitemap.Xml()), l => Assert.StartsWith(Base + "/", l, StringComparison.Ordinal));
        Assert.Contains($"{Base}/bai-viet/{article.Slug}", FeedClient.Locations(news));
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots);
        Assert.Contains($"Sitemap: {Base}/sitemap-news.xml", robots);
    }

    [Fact]
    public void TheRssGuidIsATagUriOfTheArticleId()
    {
        Assert.Equal("tag:baotinh.vn,2026:article:42", RssWriter.ItemGuid("baotinh.vn", 42));
    }
}
