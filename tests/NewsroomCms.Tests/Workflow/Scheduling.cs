using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Workflow;

/// <summary>Scheduled articles for tests, written to the database as the editor's Schedule button leaves them.</summary>
public static class Scheduling
{
    /// <summary>How long (real time) a test waits for the background scheduler before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    /// <summary>hh:mm:ss in Hà Nội on the day the test app starts (Thursday 26/11/2026), in UTC.</summary>
    public static DateTime Local(int hour, int minute, int second = 0) =>
        HaNoi.ToUtc(new DateTime(2026, 11, 26, hour, minute, second, DateTimeKind.Unspecified));

    public static DateTime Now(NewsroomAppFactory app) => app.Clock.GetUtcNow().UtcDateTime;

    public static async Task<int> CreateAsync(
        NewsroomAppFactory app, DateTime scheduledAt, ArticleStatus status = ArticleStatus.Scheduled, string title = "Khánh thành cầu Rạch Miễu 2")
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var now = Now(app);
        var article = new Article
        {
            Title = title,
            Slug = "khanh-thanh-cau-" + Guid.NewGuid().ToString("N"),
            Sapo = "Sáng nay, cầu Rạch Miễu 2 chính thức thông xe.",
            Body = "<p>Cầu dài hơn 17 km, nối hai tỉnh.</p>",
            Status = status,
            ScheduledAt = scheduledAt,
            SubmittedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    public static async Task<T> QueryAsync<T>(NewsroomAppFactory app, Func<NewsroomDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    public static Task<Article> ArticleAsync(NewsroomAppFactory app, int id) =>
        QueryAsync(app, db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    public static Task<List<AuditEvent>> AuditAsync(NewsroomAppFactory app, int id, string action)
    {
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        return QueryAsync(app, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Article) && e.EntityId == entityId && e.Action == action)
            .OrderBy(e => e.Id)
            .ToListAsync());
    }

    /// <summary>What one run of the scheduler does, in a scope of its own as the scheduler has.</summary>
    public static async Task<int> PublishDueAsync(NewsroomAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticlePublishing>().PublishDueAsync(CancellationToken.None);
    }

    public static async Task<T> WithPublishingAsync<T>(NewsroomAppFactory app, Func<ArticlePublishing, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ArticlePublishing>());
    }

    /// <summary>Polls the database until the background scheduler has given the article this status.</summary>
    public static async Task<Article> WaitForStatusAsync(NewsroomAppFactory app, int id, ArticleStatus status)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var article = await ArticleAsync(app, id);
            if (article.Status == status)
            {
                return article;
            }

            Assert.True(waited.Elapsed < Patience, $"Article {id} is still {article.Status}, not {status}, after {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }
}

/// <summary>
/// The app with the background scheduler off, so that only the test publishes, and two after-publish
/// steps: one that fails for the articles it is told to, then one that records every call.
/// </summary>
public sealed class PublishingAppFactory : NewsroomAppFactory
{
    public PublishingAppFactory() => With("Workflow:SchedulerEnabled", "false");

    public FailingStep Failing { get; } = new();
    public RecordingStep Recording { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPublicArticleChangeHandler>(Failing);
            services.AddSingleton<IPublicArticleChangeHandler>(Recording);
        });
    }
}

public sealed class FailingStep : IPublicArticleChangeHandler
{
    private readonly ConcurrentDictionary<int, bool> _failFor = new();

    public void FailFor(int articleId) => _failFor[articleId] = true;

    public Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken) =>
        _failFor.ContainsKey(articleId) ? throw new InvalidOperationException("The search index did not answer.") : Task.CompletedTask;
}

public sealed class RecordingStep : IPublicArticleChangeHandler
{
    private readonly ConcurrentQueue<(int ArticleId, PublicChange Change)> _calls = new();

    public int CallsFor(int articleId, PublicChange change = PublicChange.Published) =>
        _calls.Count(call => call.ArticleId == articleId && call.Change == change);

    public Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken)
    {
        _calls.Enqueue((articleId, change));
        return Task.CompletedTask;
    }
}
