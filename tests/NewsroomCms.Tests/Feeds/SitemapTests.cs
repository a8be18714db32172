using System.Net;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

public sealed class SitemapTests(FeedsAppFactory app) : IClassFixture<FeedsAppFactory>
{
    [Fact]
    public async Task WhileTheSiteFitsTheSitemapIsOneValidUrlSetOfEveryPublicPage()
    {
        var section = await FeedData.SectionAsync(app, "Văn hóa");
        var hidden = await FeedData.SectionAsync(app, "Trang nội bộ", hidden: true);
        var author = await FeedData.AuthorAsync(app, "Thu Thủy");
        var publishedAt = FeedData.Now(app).AddHours(-3);
        var article = await FeedData.ArticleAsync(app, "Lễ hội Nghinh Ông", publishedAt: publishedAt, section: section, authors: [author], tags: ["Lễ hội"]);
        var tag = await FeedData.TagAsync(app, "Lễ hội");

        var response = await FeedClient.GetAsync(app, "/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/xml", response.ContentType?.MediaType);
        Assert.Equal("utf-8", response.ContentType?.CharSet);
        Assert.Empty(FeedClient.UrlSetErrors(response.Body));
        var sitemap = response.Xml();
        Assert.Equal(FeedClient.Sitemap + "urlset", sitemap.Root!.Name);
        var locations = FeedClient.Locations(sitemap);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Contains("https://localhost/", locations);
        Assert.Contains($"https://localhost/chuyen-muc/{section.Slug}", locations);
        Assert.DoesNotContain($"https://localhost/chuyen-muc/{hidden.Slug}", locations);
        Assert.Contains($"https://localhost/the/{tag.Slug}", locations);
        Assert.Contains($"https://localhost/tac-gia/{author.Slug}", locations);
        var url = sitemap.Root.Elements().Single(u => (string?)u.Element(FeedClient.Sitemap + "loc") == $"https://localhost/bai-viet/{article.Slug}");
        var lastmod = FeedClient.ParseW3C((string)url.Element(FeedClient.Sitemap + "lastmod")!);
        Assert.Equal(TimeSpan.FromHours(7), lastmod.Offset);
        Assert.Equal(FeedClient.Utc(publishedAt), lastmod.UtcDateTime);
        var sectionUrl = sitemap.Root.Elements().Single(u => (string?)u.Element(FeedClient.Sitemap + "loc") == $"https://localhost/chuyen-muc/{section.Slug}");
        Assert.Equal(FeedClient.Utc(publishedAt), FeedClient.ParseW3C((string)sectionUrl.Element(FeedClient.Sitemap + "lastmod")!).UtcDateTime);
    }

    [Fact]
    public async Task AnUpdatedArticlesLastmodIsItsPublicUpdateTime()
    {
        var article = await FeedData.ArticleAsync(app, "Đính chính số liệu mùa vụ", publishedAt: FeedData.Now(app).AddDays(-10));
        var updatedAt = FeedData.Now(app).AddMinutes(-7);
        await FeedData.UpdateAsync(app, article.Id, a => a.PublicUpdatedAt = updatedAt);

        var sitemap = await FeedClient.XmlAsync(app, "/sitemap.xml");

        var url = sitemap.Root!.Elements().Single(u => (string?)u.Element(FeedClient.Sitemap + "loc") == $"https://localhost/bai-viet/{article.Slug}");
        var lastmod = FeedClient.ParseW3C((string)url.Element(FeedClient.Sitemap + "lastmod")!);
        Assert.Equal(FeedClient.Utc(updatedAt), lastmod.UtcDateTime);
    }

    [Fact]
    public async Task TagsAndAuthorsAreListedOnlyOnceTheyHaveAPublishedArticle()
    {
        var author = await FeedData.AuthorAsync(app, "Cộng tác viên mới");
        await FeedData.ArticleAsync(app, "Bài đang viết", ArticleStatus.Draft, authors: [author], tags: ["Chưa đăng gì"]);
        var tag = await FeedData.TagAsync(app, "Chưa đăng gì");

        var locations = FeedClient.Locations(await FeedClient.XmlAsync(app, "/sitemap.xml"));

        Assert.DoesNotContain($"https://localhost/the/{tag.Slug}", locations);
        Assert.DoesNotContain($"https://localhost/tac-gia/{author.Slug}", locations);
    }

    [Fact]
    public async Task ThePagesSitemapHasTheHomePageAndTheListedSections()
    {
        var section = await FeedData.SectionAsync(app, "Du lịch");
        var hidden = await FeedData.SectionAsync(app, "Lưu trữ", hidden: true);

        var response = await FeedClient.GetAsync(app, "/sitemap-pages.xml");

        Assert.Empty(FeedClient.UrlSetErrors(response.Body));
        var locations = FeedClient.Locations(response.Xml());
        Assert.Equal("https://localhost/", locations[0]);
        Assert.Contains($"https://localhost/chuyen-muc/{section.Slug}", locations);
        Assert.DoesNotContain($"https://localhost/chuyen-muc/{hidden.Slug}", locations);
        Assert.DoesNotContain(locations, l => l.Contains("/bai-viet/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/sitemap-articles-100000.xml")]
    [InlineData("/sitemap-tags-100000.xml")]
    [InlineData("/sitemap-authors-100000.xml")]
    [InlineData("/sitemap-articles-0.xml")]
    [InlineData("/sitemap-articles-x.xml")]
    public async Task ASitemapFileWithoutPublicPagesIsNotFound(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.GetAsync(app, path)).Status);
    }

    [Fact]
    public async Task SitemapsMayBeCachedForFiveMinutes()
    {
        foreach (var path in new[] { "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml", "/robots.txt" })
        {
            var response = await FeedClient.GetAsync(app, path);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.True(response.Headers.CacheControl?.Public, path);
            Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        }
    }

    [Fact]
    public async Task RobotsTxtKeepsCrawlersOutOfTheBackOfficeAndSearchAndListsBothSitemaps()
    {
        var response = await FeedClient.GetAsync(app, "/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/plain", response.ContentType?.MediaType);
        var lines = response.Body.Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        foreach (var path in new[] { "/newsroom", "/account", "/setup", "/tim-kiem" })
        {
            Assert.Contains($"Disallow: {path}", lines);
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /bai-viet", StringComparison.Ordinal) || l == "Disallow: /");
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", lines);
        Assert.Contains("Sitemap: https://localhost/sitemap-news.xml", lines);
    }

    [Fact]
    public async Task HeadRequestsAreAnsweredLikeGets()
    {
        using var http = app.CreateClient();
        foreach (var path in new[] { "/rss", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt" })
        {
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public void TheSchemasCatchABrokenSitemap()
    {
        // The validation the tests rely on is real: a url without loc, a bad date and an unknown element fail.
        const string Broken = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><lastmod>26/11/2026</lastmod></url>
              <page><loc>https://localhost/</loc></page>
            </urlset>
            """;

        Assert.NotEmpty(FeedClient.UrlSetErrors(Broken));
        Assert.NotEmpty(FeedClient.UrlSetErrors("""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" />"""));
        Assert.NotEmpty(FeedClient.IndexErrors("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://localhost/a.xml</loc><loc>https://localhost/b.xml</loc></sitemap></sitemapindex>"""));
        Assert.NotEmpty(FeedClient.UrlSetErrors("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://localhost/bai-viet/a</loc><news:news><news:title>Thiếu tên báo</news:title></news:news></url>
            </urlset>
            """, news: true));
    }
}
