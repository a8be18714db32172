using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Feeds;

/// <summary>Feeds and sitemaps go through the portal's output cache: from memory until the next public change.</summary>
public sealed class FeedCachingTests(FeedCachingTests.CachedApp app) : IClassFixture<FeedCachingTests.CachedApp>
{
    [Fact]
    public async Task FeedsAndSitemapsAreServedFromTheCacheUntilAPublicationIsAnnounced()
    {
        var section = await FeedData.SectionAsync(app, "Biển đảo");
        string[] paths = ["/rss", $"/chuyen-muc/{section.Slug}/rss", "/sitemap.xml", "/sitemap-news.xml"];
        await FeedData.ArticleAsync(app, "Tàu kiểm ngư xuất bến", section: section);
        foreach (var path in paths)
        {
            await FeedClient.GetAsync(app, path);
        }

        // Written without the announcement a publication makes: the cached documents do not know it yet.
        var silent = await FeedData.ArticleAsync(app, "Ngư dân trúng mùa cá", section: section);
        foreach (var path in paths)
        {
            Assert.DoesNotContain(silent.Slug, (await FeedClient.GetAsync(app, path)).Body, StringComparison.Ordinal);
        }

        var submitted = await FeedData.ArticleAsync(app, "Khánh thành cảng cá mới", ArticleStatus.Submitted, section: section);
        using (var scope = app.Services.CreateScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<ArticlePublishing>();
            Assert.True(await publishing.TryPublishAsync(submitted.Id, WorkflowAction.Publish, ArticleStatus.Submitted, FeedData.Now(app), userId: null));
        }

        foreach (var path in paths)
        {
            var body = (await FeedClient.GetAsync(app, path)).Body;
            Assert.Contains(submitted.Slug, body, StringComparison.Ordinal);
            Assert.Contains(silent.Slug, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/rss", "gzip")]
    [InlineData("/sitemap.xml", "br")]
    [InlineData("/robots.txt", "gzip")]
    public async Task FeedsAreCompressedAndKeepTheirFiveMinuteLifetimeAndAnETag(string path, string encoding)
    {
        var first = await FeedClient.GetAsync(app, path, r => r.Headers.AcceptEncoding.ParseAdd(encoding));
        var cached = await FeedClient.GetAsync(app, path, r => r.Headers.AcceptEncoding.ParseAdd(encoding));

        foreach (var response in new[] { first, cached })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal([encoding], response.ContentHeaders.ContentEncoding);
            Assert.True(response.Headers.CacheControl?.Public);
            Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    public sealed class CachedApp : NewsroomAppFactory
    {
        public CachedApp()
        {
            With("Workflow:SchedulerEnabled", "false");
        }
    }
}
