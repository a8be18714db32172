using System.Net;
using System.Xml.Linq;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

/// <summary>The Google News sitemap: articles of the last 48 hours by the clock, newest first, at most three here (1,000 in production).</summary>
public sealed class NewsSitemapTests(NewsSitemapAppFactory app) : IClassFixture<NewsSitemapAppFactory>
{
    [Fact]
    public async Task EachArticleHasThePublicationItsVietnameseLanguageItsPublicationTimeAndTitle()
    {
        // Everything other tests published is older than this article (at most three are listed).
        app.Clock.Advance(TimeSpan.FromHours(1));
        await FeedData.SetPublicationNameAsync(app, "Báo Sông Lam điện tử");
        var publishedAt = FeedData.Now(app).AddMinutes(-10);
        var article = await FeedData.ArticleAsync(app, "Tỉnh đón 1 triệu lượt khách & kỷ lục mới", publishedAt: publishedAt);

        var response = await FeedClient.GetAsync(app, "/sitemap-news.xml");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/xml", response.ContentType?.MediaType);
        Assert.Empty(FeedClient.UrlSetErrors(response.Body, news: true));
        var news = Entry(response.Xml(), article.Slug)!.Element(FeedClient.News + "news")!;
        var publication = news.Element(FeedClient.News + "publication")!;
        Assert.Equal("Báo Sông Lam điện tử", (string?)publication.Element(FeedClient.News + "name"));
        Assert.Equal("vi", (string?)publication.Element(FeedClient.News + "language"));
        var date = FeedClient.ParseW3C((string)news.Element(FeedClient.News + "publication_date")!);
        Assert.Equal(TimeSpan.FromHours(7), date.Offset);
        Assert.Equal(FeedClient.Utc(publishedAt), date.UtcDateTime);
        Assert.Equal("Tỉnh đón 1 triệu lượt khách & kỷ lục mới", (string?)news.Element(FeedClient.News + "title"));

        // The feeds carry the same name.
        var rss = await FeedClient.XmlAsync(app, "/rss");
        Assert.Equal("Báo Sông Lam điện tử", (string?)rss.Root!.Element("channel")!.Element("title"));
    }

    [Fact]
    public async Task AnArticleIsListedForFortyEightHoursAfterItWentPublic()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        var article = await FeedData.ArticleAsync(app, "Khởi công nhà máy điện gió");

        app.Clock.Advance(TimeSpan.FromHours(47));
        var at47Hours = await FeedClient.XmlAsync(app, "/sitemap-news.xml");
        app.Clock.Advance(TimeSpan.FromHours(2));
        var at49Hours = await FeedClient.XmlAsync(app, "/sitemap-news.xml");

        Assert.NotNull(Entry(at47Hours, article.Slug));
        Assert.Null(Entry(at49Hours, article.Slug));
        // Out of the news sitemap, still in the sitemap.
        Assert.Contains($"https://localhost/bai-viet/{article.Slug}", FeedClient.Locations(await FeedClient.XmlAsync(app, "/sitemap.xml")));
    }

    [Fact]
    public async Task OnlyTheNewestArticlesUpToTheLimitAreListedNewestFirst()
    {
        // Everything other tests published is older than these.
        app.Clock.Advance(TimeSpan.FromHours(1));
        var now = FeedData.Now(app);
        var articles = new List<Article>();
        for (var i = 5; i >= 1; i--)
        {
            articles.Add(await FeedData.ArticleAsync(app, $"Bản tin nhanh {i}", publishedAt: now.AddMinutes(-i)));
        }

        var sitemap = await FeedClient.XmlAsync(app, "/sitemap-news.xml");

        Assert.Equal(
            articles.AsEnumerable().Reverse().Take(NewsSitemapAppFactory.MaxArticles).Select(a => $"https://localhost/bai-viet/{a.Slug}"),
            FeedClient.Locations(sitemap));
    }

    [Fact]
    public async Task ArticlesReadersCannotSeeAreNeverListedEvenWhenRecent()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        var takenDown = await FeedData.ArticleAsync(app, "Bài đã gỡ", ArticleStatus.Unpublished, publishedAt: FeedData.Now(app));
        var scheduled = await FeedData.ArticleAsync(app, "Bài hẹn giờ", ArticleStatus.Scheduled);

        var body = (await FeedClient.GetAsync(app, "/sitemap-news.xml")).Body;

        Assert.DoesNotContain(takenDown.Slug, body, StringComparison.Ordinal);
        Assert.DoesNotContain(scheduled.Slug, body, StringComparison.Ordinal);
    }

    private static XElement? Entry(XDocument sitemap, string slug) =>
        sitemap.Root!.Elements(FeedClient.Sitemap + "url")
            .SingleOrDefault(u => (string?)u.Element(FeedClient.Sitemap + "loc") == $"https://localhost/bai-viet/{slug}");
}
