using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Search;

/// <summary>
/// Keeps the search index (the <c>ArticleSearch</c> table, outside the EF model) equal to what readers can
/// see: one row per published article, written after every public change and never for anything else.
/// </summary>
/// <remarks>
/// Each write is a delete and a conditional insert in one transaction: the insert only happens while the
/// article is published in the database at that moment, so an update that read the article just before
/// an editor took it down leaves nothing behind. A failure is logged and audited by
/// <see cref="PublicArticleChanges"/>; <c>reindex-search</c> (<see cref="RebuildAsync"/>) repairs the index.
/// </remarks>
public sealed class SearchIndex(NewsroomDbContext db, ILogger<SearchIndex> logger) : IPublicArticleChangeHandler
{
    /// <summary>Articles read and written per transaction by <see cref="RebuildAsync"/>.</summary>
    internal const int BatchSize = 200;

    private static readonly Expression<Func<Article, Source>> ToSource = a => new Source(
        a.Id,
        a.Title,
        a.Sapo,
        a.Body,
        a.Tags.Select(t => t.Name).ToList(),
        a.Authors.OrderBy(b => b.Position).Select(b => b.Author!.PenName).ToList());

    private SearchSql Sql => SearchSql.For(db.Database);

    public Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken) =>
        change == PublicChange.TakenDown ? RemoveAsync(articleId, cancellationToken) : UpdateAsync(articleId, cancellationToken);

    /// <summary>Indexes the article as readers see it now, or removes it when they cannot see it.</summary>
    /// <remarks>
    /// Its tags and pen names are read by queries of their own: in one query SQLite joined every tag and byline
    /// of the paper to find this article's, and publishing waited over a second for it.
    /// </remarks>
    public async Task UpdateAsync(int articleId, CancellationToken cancellationToken = default)
    {
        var article = await Published().Where(a => a.Id == articleId).Select(ToSource).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            await RemoveAsync(articleId, cancellationToken);
            return;
        }

        await WriteAsync([article], cancellationToken);
    }

    public async Task RemoveAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await db.Database.ExecuteSqlRawAsync(Sql.Delete, [articleId], cancellationToken);
        logger.LogDebug("Article {ArticleId} removed from the search index", articleId);
    }

    /// <summary>
    /// Indexes every published article again, in batches of <see cref="BatchSize"/> with one transaction
    /// each, then removes whatever else the index holds. Search keeps working meanwhile: each article's row
    /// is replaced, never missing. Safe to run again or while the newsroom works.
    /// </summary>
    /// <returns>How many articles were indexed.</returns>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var indexed = 0;
        var after = 0;
        while (true)
        {
            var batch = await Published()
                .Where(a => a.Id > after)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .Select(ToSource)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await WriteAsync(batch, cancellationToken);
            indexed += batch.Count;
            after = batch[^1].Id;
        }

        await db.Database.ExecuteSqlRawAsync(Sql.DeleteUnpublished, [(int)ArticleStatus.Published], cancellationToken);
        if (Sql.Optimize is { } optimize)
        {
            await db.Database.ExecuteSqlRawAsync(optimize, cancellationToken);
        }

        logger.LogInformation("Search index rebuilt: {Count} published articles", indexed);
        return indexed;
    }

    private IQueryable<Article> Published() => db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    private async Task WriteAsync(IReadOnlyList<Source> articles, CancellationToken cancellationToken)
    {
        var sql = Sql;
        var rows = articles.Select(a => (a.Id, Document: SearchText.Document(a.Title, a.Sapo, a.Body, a.Tags, a.PenNames))).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var (id, document) in rows)
                {
                    await db.Database.ExecuteSqlRawAsync(sql.Delete, [id], ct);
                    await db.Database.ExecuteSqlRawAsync(
                        sql.Insert,
                        [id, document.Title, document.Body, document.TitleExact, document.BodyExact, (int)ArticleStatus.Published],
                        ct);
                }

                await transaction.CommitAsync(ct);
            },
            cancellationToken);
    }

    private sealed record Source(int Id, string Title, string Sapo, string Body, List<string> Tags, List<string> PenNames);
}
