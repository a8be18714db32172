using System.Net;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

/// <summary>Past its limit (two URLs here, 50,000 in production) the sitemap becomes an index of files cut by id ranges.</summary>
public sealed class SitemapIndexTests(SitemapIndexAppFactory app) : IClassFixture<SitemapIndexAppFactory>
{
    private const int Size = SitemapIndexAppFactory.MaxUrls;

    [Fact]
    public async Task ABigSiteGetsAValidIndexOfValidFilesThatTogetherListEveryPublicPageOnce()
    {
        var section = await FeedData.SectionAsync(app, "Chính trị");
        var author = await FeedData.AuthorAsync(app, "Quốc Việt");
        var published = new List<Article>();
        var unpublished = new List<Article>();
        for (var i = 0; i < 4; i++)
        {
            published.Add(await FeedData.ArticleAsync(app, $"Kỳ họp HĐND phần {i}", section: section, authors: [author], tags: ["Kỳ họp"]));
        }

        // A whole id range of articles readers cannot see: it gets no file.
        for (var i = 0; i < Size + 1; i++)
        {
            unpublished.Add(await FeedData.ArticleAsync(app, $"Bản nháp {i}", ArticleStatus.Draft));
        }

        published.Add(await FeedData.ArticleAsync(app, "Bế mạc kỳ họp", section: section, authors: [author]));
        var tag = await FeedData.TagAsync(app, "Kỳ họp");

        var response = await FeedClient.GetAsync(app, "/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/xml", response.ContentType?.MediaType);
        Assert.Empty(FeedClient.IndexErrors(response.Body));
        var index = response.Xml();
        Assert.Equal(FeedClient.Sitemap + "sitemapindex", index.Root!.Name);
        var files = FeedClient.Locations(index);
        var articleRanges = published.Select(a => (a.Id - 1) / Size + 1).Distinct().Order().ToList();
        Assert.Equal(
            [
                "https://localhost/sitemap-pages.xml",
                .. articleRanges.Select(n => $"https://localhost/sitemap-articles-{n}.xml"),
                $"https://localhost/sitemap-tags-{(tag.Id - 1) / Size + 1}.xml",
                $"https://localhost/sitemap-authors-{(author.Id - 1) / Size + 1}.xml",
            ],
            files);
        Assert.DoesNotContain($"https://localhost/sitemap-articles-{(unpublished[1].Id - 1) / Size + 1}.xml", files);

        var listed = new List<string>();
        foreach (var file in files)
        {
            var child = await FeedClient.GetAsync(app, new Uri(file).AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, child.Status);
            Assert.Empty(FeedClient.UrlSetErrors(child.Body));
            var locations = FeedClient.Locations(child.Xml());
            if (!file.EndsWith("/sitemap-pages.xml", StringComparison.Ordinal))
            {
                Assert.InRange(locations.Count, 1, Size);
            }

            listed.AddRange(locations);
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(
            published.Select(a => $"https://localhost/bai-viet/{a.Slug}").Order(StringComparer.Ordinal),
            listed.Where(l => l.Contains("/bai-viet/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("https://localhost/", listed);
        Assert.Contains($"https://localhost/chuyen-muc/{section.Slug}", listed);
        Assert.Contains($"https://localhost/the/{tag.Slug}", listed);
        Assert.Contains($"https://localhost/tac-gia/{author.Slug}", listed);
        Assert.DoesNotContain(listed, l => unpublished.Any(a => l.EndsWith("/" + a.Slug, StringComparison.Ordinal)));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await FeedClient.GetAsync(app, $"/sitemap-articles-{(unpublished[1].Id - 1) / Size + 1}.xml")).Status);
    }
}
