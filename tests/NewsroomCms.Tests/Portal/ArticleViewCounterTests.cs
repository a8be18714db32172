using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using static NewsroomCms.Tests.Portal.Newspaper;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// Page views are counted in memory and added to the daily totals by a flush. The background flusher runs
/// on the fake clock, which these tests do not move past its interval, so only the tests' flushes write.
/// </summary>
public sealed class ArticleViewCounterTests(UncachedAppFactory app) : IClassFixture<UncachedAppFactory>
{
    private ArticleViewCounter Counter => app.Services.GetRequiredService<ArticleViewCounter>();

    [Fact]
    public async Task ReadingAnArticleWritesNothingUntilTheFlushAddsTheViewsToTheNewsroomDay()
    {
        var article = await ArticleAsync(app, "Khánh thành cầu", await SectionAsync(app, "Thời sự"));
        await Counter.FlushAsync();

        for (var i = 0; i < 3; i++)
        {
            await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));
        }

        Assert.Empty(await ViewsAsync(article.Id));
        Assert.Equal(3, Counter.Pending);

        Assert.Equal(3, await Counter.FlushAsync());

        var row = Assert.Single(await ViewsAsync(article.Id));
        Assert.Equal((Today(app), 3L), (row.Day, row.Views));
        Assert.Equal(0, Counter.Pending);

        // The next flush adds to the same day's row.
        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));
        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(article.Slug));
        await Counter.FlushAsync();
        Assert.Equal(5, Assert.Single(await ViewsAsync(article.Id)).Views);
        Assert.Equal(0, await Counter.FlushAsync());
    }

    [Fact]
    public async Task PagesServedFromTheOutputCacheOrRevalidatedByTheBrowserAreCountedToo()
    {
        using var site = new NewsroomAppFactory();
        var article = await ArticleAsync(site, "Mùa nước nổi", await SectionAsync(site, "Xã hội"));
        var path = PortalPaths.ArticlePath(article.Slug);
        using var reader = site.CreateClient();
        using var first = await reader.GetAsync(path);
        // Renamed behind the cache's back: the next pages still carry the old title, so they come from the cache.
        await QueryAsync(site, db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, "Tiêu đề mới")));
        Assert.Contains(article.Title, await reader.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(article.Title, await reader.GetStringAsync(path), StringComparison.Ordinal);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await reader.SendAsync(revalidate);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);

        Assert.Equal(4, await site.Services.GetRequiredService<ArticleViewCounter>().FlushAsync());
        Assert.Equal(4, Assert.Single(await QueryAsync(site, db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).ToListAsync())).Views);
    }

    [Fact]
    public async Task ViewsAfterMidnightInHaNoiCountForTheNewDay()
    {
        using var site = new UncachedAppFactory();
        var article = await ArticleAsync(site, "Giao thừa", await SectionAsync(site, "Xã hội"));
        // The factory starts at 14:00 in Hà Nội: 9 h 59 min later it is 23:59, then one minute to midnight.
        site.Clock.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(59));
        var before = Today(site);
        await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(article.Slug));
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(article.Slug));
        await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(article.Slug));

        await site.Services.GetRequiredService<ArticleViewCounter>().FlushAsync();

        var rows = await QueryAsync(site, db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).OrderBy(v => v.Day).ToListAsync());
        Assert.Equal([(before, 1L), (before.AddDays(1), 2L)], rows.Select(r => (r.Day, r.Views)));
    }

    [Fact]
    public async Task OnlyAPublishedArticlesPageIsCounted()
    {
        var section = await SectionAsync(app, "Văn hóa");
        var draft = await ArticleAsync(app, "Bản nháp", section, ArticleStatus.Draft);
        var gone = await ArticleAsync(app, "Bài đã gỡ", section, ArticleStatus.Unpublished);
        await Counter.FlushAsync();

        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(draft.Slug));
        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(gone.Slug));
        await ReaderPage.GetAsync(app, PortalPaths.SectionPath(section.Slug));

        Assert.Equal(0, Counter.Pending);
    }

    [Fact]
    public async Task ViewsOfADeletedArticleAreDroppedAndTheOthersStillWritten()
    {
        var section = await SectionAsync(app, "Kinh tế");
        var kept = await ArticleAsync(app, "Bài còn", section);
        var deleted = await ArticleAsync(app, "Bài bị xóa", section);
        await Counter.FlushAsync();
        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(kept.Slug));
        await ReaderPage.GetAsync(app, PortalPaths.ArticlePath(deleted.Slug));
        await QueryAsync(app, db => db.Articles.Where(a => a.Id == deleted.Id).ExecuteDeleteAsync());

        await Counter.FlushAsync();

        Assert.Equal(1, Assert.Single(await ViewsAsync(kept.Id)).Views);
        Assert.Empty(await ViewsAsync(deleted.Id));
        Assert.Equal(0, Counter.Pending);
    }

    [Fact]
    public async Task ViewsStayCountedWhenTheDatabaseRefusesTheFlush()
    {
        using var site = new UncachedAppFactory();
        var article = await ArticleAsync(site, "Bão số 5", await SectionAsync(site, "Thời sự"));
        var counter = site.Services.GetRequiredService<ArticleViewCounter>();
        await ReaderPage.GetAsync(site, PortalPaths.ArticlePath(article.Slug));
        await QueryAsync(site, db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_views BEFORE INSERT ON ArticleDailyViews BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"));

        await Assert.ThrowsAnyAsync<Exception>(() => counter.FlushAsync());
        Assert.Equal(1, counter.Pending);

        await QueryAsync(site, db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_views;"));
        await counter.FlushAsync();

        Assert.Equal(1, Assert.Single(await QueryAsync(site, db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).ToListAsync())).Views);
    }

    private Task<List<ArticleDailyViews>> ViewsAsync(int articleId) =>
        QueryAsync(app, db => db.ArticleDailyViews.AsNoTracking().Where(v => v.ArticleId == articleId).ToListAsync());
}
