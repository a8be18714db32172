using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// Counts article page views in memory and adds them to <see cref="ArticleDailyViews"/> in batches
/// (<see cref="ArticleViewFlusher"/>), so a reader's page view never waits on a database write. Views are
/// counted by the address read (<see cref="ArticleViewCounting"/>, which also sees pages served from the
/// output cache) on the newsroom day they happened, also when they are written after midnight.
/// </summary>
/// <remarks>
/// Each flush adds to the stored numbers with <c>Views = Views + n</c> in the database, so several app
/// instances can count and flush side by side. Views counted since the last flush are lost if the process
/// is killed; a normal stop flushes them.
/// </remarks>
public sealed class ArticleViewCounter(
    IServiceScopeFactory scopes,
    PortalSnapshot snapshot,
    TimeProvider clock,
    NewsroomTime time,
    ILogger<ArticleViewCounter> logger)
{
    private readonly ConcurrentDictionary<(string Slug, DateOnly Day), long> _counts = new();

    /// <summary>The latest flush: flushes run one after another, so the timer's and the one at shutdown never write the same views twice.</summary>
    private Task _lastFlush = Task.CompletedTask;
    private readonly Lock _gate = new();

    /// <summary>One reader saw the article at <c>/bai-viet/{slug}</c>.</summary>
    public void Record(string slug) =>
        _counts.AddOrUpdate((slug, time.Today(clock.GetUtcNow())), 1, static (_, n) => n + 1);

    /// <summary>Views counted and not yet written, for tests and diagnostics.</summary>
    public long Pending => _counts.Values.Sum();

    /// <summary>
    /// Writes every view counted so far, once any flush already running has finished. On failure the views
    /// stay counted for the next flush and the error is rethrown.
    /// </summary>
    /// <returns>How many views were written.</returns>
    public Task<long> FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var flush = FlushAfterAsync(_lastFlush, cancellationToken);
            _lastFlush = flush;
            return flush;
        }
    }

    private async Task<long> FlushAfterAsync(Task previous, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // That flush's caller has its error; its views are still counted and go now.
        }

        var views = _counts.ToArray();
        if (views.Length == 0)
        {
            return 0;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(ct => WriteAsync(db, views, ct), cancellationToken);
        }

        snapshot.ForgetMostRead();

        // Only what was written is taken off: views counted meanwhile stay for the next flush.
        foreach (var (key, count) in views)
        {
            _counts.AddOrUpdate(key, -count, (_, n) => n - count);
            _counts.TryRemove(new KeyValuePair<(string, DateOnly), long>(key, 0));
        }

        return views.Sum(v => v.Value);
    }

    private async Task WriteAsync(NewsroomDbContext db, KeyValuePair<(string Slug, DateOnly Day), long>[] views, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var slugs = views.Select(v => v.Key.Slug).Distinct().ToList();
        // An article deleted or renamed since it was read has nowhere to put its views.
        var ids = await db.Articles.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var perArticle = views
            .Where(v => ids.ContainsKey(v.Key.Slug))
            .GroupBy(v => (ArticleId: ids[v.Key.Slug], v.Key.Day), v => v.Value);
        var missing = new List<ArticleDailyViews>();
        foreach (var group in perArticle)
        {
            var (articleId, day) = group.Key;
            var count = group.Sum();
            var updated = await db.ArticleDailyViews
                .Where(v => v.ArticleId == articleId && v.Day == day)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Views, v => v.Views + count), cancellationToken);
            if (updated == 0)
            {
                missing.Add(new ArticleDailyViews { ArticleId = articleId, Day = day, Views = count });
            }
        }

        if (missing.Count > 0)
        {
            // Another instance may insert the same row meanwhile: then this transaction fails as a whole
            // and the views wait for the next flush, which finds the row and adds to it.
            db.ArticleDailyViews.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogDebug("Wrote {Count} article view counts", views.Length);
    }
}

/// <summary>Flushes <see cref="ArticleViewCounter"/> every <see cref="PortalOptions.ViewFlushInterval"/> and when the app stops.</summary>
public sealed class ArticleViewFlusher(
    ArticleViewCounter counter,
    TimeProvider clock,
    IOptions<PortalOptions> options,
    ILogger<ArticleViewFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ViewFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The host was torn down without stopping first (test hosts do this): nowhere left to write.
            logger.LogInformation("The app stopped before its last article views were written");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The views stay counted; the next run tries again. An exception here would stop the site.
            logger.LogWarning(ex, "Article views could not be written; trying again in {Interval}", options.Value.ViewFlushInterval);
        }
    }
}

/// <summary>
/// Records a view of every article page a reader got: a 200 (rendered or from the output cache) or a 304
/// (their browser's copy is still current), for a GET of <c>/bai-viet/{slug}</c>. Runs outside the output cache.
/// </summary>
public sealed class ArticleViewCounting(RequestDelegate next, ArticleViewCounter counter)
{
    private static readonly PathString Articles = "/bai-viet";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method)
            && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && context.Request.Path.StartsWithSegments(Articles, out var rest)
            && rest.Value is ['/', .. var slug]
            && VietnameseText.IsValidSlug(slug.ToLowerInvariant(), Article.SlugMaxLength))
        {
            counter.Record(slug.ToLowerInvariant());
        }
    }
}
