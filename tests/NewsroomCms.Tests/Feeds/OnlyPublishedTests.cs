using System.Net;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

public sealed class OnlyPublishedTests(FeedsAppFactory app) : IClassFixture<FeedsAppFactory>
{
    [Fact]
    public async Task NoFeedOrSitemapEverShowsAnArticleReadersCannotSee()
    {
        var section = await FeedData.SectionAsync(app, "Pháp luật");
        var shown = await FeedData.ArticleAsync(app, "Bài đã đăng", section: section);
        var hidden = new List<(Article Article, Author Author, string Tag)>();
        foreach (var status in new[] { ArticleStatus.Draft, ArticleStatus.Submitted, ArticleStatus.ChangesRequested, ArticleStatus.Scheduled, ArticleStatus.Unpublished })
        {
            var author = await FeedData.AuthorAsync(app, $"Phóng viên {status}");
            var tag = $"Thẻ riêng {status}";
            var article = await FeedData.ArticleAsync(app, $"Bài {status} không được lộ", status, section: section, authors: [author], tags: [tag]);
            hidden.Add((article, author, (await FeedData.TagAsync(app, tag)).Slug));
        }

        var documents = new List<(string Path, string Body)>();
        foreach (var path in new[] { "/rss", $"/chuyen-muc/{section.Slug}/rss", "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml" })
        {
            var response = await FeedClient.GetAsync(app, path);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            documents.Add((path, response.Body));
        }

        // The id-range files too, whether or not /sitemap.xml is an index.
        foreach (var part in new[] { "articles", "tags", "authors" })
        {
            var response = await FeedClient.GetAsync(app, $"/sitemap-{part}-1.xml");
            documents.Add(($"/sitemap-{part}-1.xml", response.Body));
        }

        string[] listShown = ["/rss", $"/chuyen-muc/{section.Slug}/rss", "/sitemap.xml", "/sitemap-news.xml", "/sitemap-articles-1.xml"];
        Assert.All(documents.Where(d => listShown.Contains(d.Path)), d => Assert.Contains(shown.Slug, d.Body, StringComparison.Ordinal));
        foreach (var (path, body) in documents)
        {
            foreach (var (article, author, tag) in hidden)
            {
                Assert.DoesNotContain(article.Slug, body, StringComparison.Ordinal);
                Assert.DoesNotContain(article.Title, body, StringComparison.Ordinal);
                Assert.DoesNotContain(author.Slug, body, StringComparison.Ordinal);
                Assert.DoesNotContain(tag, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ATakenDownArticleLeavesEveryFeedAndSitemap()
    {
        var article = await FeedData.ArticleAsync(app, "Bài sẽ bị gỡ");
        Assert.Contains(article.Slug, (await FeedClient.GetAsync(app, "/rss")).Body, StringComparison.Ordinal);

        await FeedData.UpdateAsync(app, article.Id, a => a.Status = ArticleStatus.Unpublished);

        foreach (var path in new[] { "/rss", "/sitemap.xml", "/sitemap-news.xml", "/sitemap-articles-1.xml" })
        {
            Assert.DoesNotContain(article.Slug, (await FeedClient.GetAsync(app, path)).Body, StringComparison.Ordinal);
        }
    }
}
