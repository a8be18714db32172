using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Tests.Performance;

/// <summary>
/// The public pages' queries read Articles through an index, never by scanning the table: a scan is
/// fine with the demo's eight articles and a timeout with a million. Each test takes the SQL of the real
/// EF query (with its parameters) and asks SQLite for its plan (<c>EXPLAIN QUERY PLAN</c>), on a database
/// of generated articles without ANALYZE statistics, as a newsroom's database would be.
/// </summary>
public sealed partial class QueryPlanTests(QueryPlanTests.Database database) : IClassFixture<QueryPlanTests.Database>
{
    public sealed class Database : IAsyncLifetime
    {
        public NewsroomAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await AdminCommands.RunAsync(App.Services, ["generate-articles", "--count", "300", "--seed", "11"], new StringReader(""), output, error);
            Assert.True(exit == 0, error.ToString());
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task HomeLatestArticlesUseTheStatusAndPublicationTimeIndex()
    {
        await WithDbAsync(async db =>
        {
            // As PortalController.Home queries them.
            var query = db.Articles
                .Where(a => a.Status == ArticleStatus.Published)
                .OrderByDescending(a => a.PublishedAt)
                .Take(20)
                .Select(a => new { a.Title, a.Slug, a.Sapo, PublishedAt = a.PublishedAt!.Value, Section = a.Section!.Name });

            var plan = await PlanAsync(db, query);

            AssertNoScanOfArticles(plan);
            Assert.Contains(plan, step => step.Contains("IX_Articles_Status_PublishedAt", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task ArticlePageFindsTheArticleByItsSlug()
    {
        await WithDbAsync(async db =>
        {
            var slug = await db.Articles.Select(a => a.Slug).FirstAsync();
            // As PortalController.Article queries it.
            var query = db.Articles
                .Where(a => a.Slug == slug && a.Status == ArticleStatus.Published)
                .Select(Web.Features.Portal.ArticlePage.FromArticle);

            var plan = await PlanAsync(db, query);

            AssertNoScanOfArticles(plan);
            Assert.Contains(plan, step => step.Contains("IX_Articles_Slug", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task SectionPagesUseTheSectionIndexEvenFarBack()
    {
        await WithDbAsync(async db =>
        {
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            // A section's page N: what /chuyen-muc/{slug}?trang=N needs.
            var query = db.Articles
                .Where(a => a.Status == ArticleStatus.Published && a.SectionId == section)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Skip(999 * 20).Take(21)
                .Select(a => new { a.Title, a.Slug, a.Sapo, a.PublishedAt });

            var plan = await PlanAsync(db, query);

            AssertNoScanOfArticles(plan);
            Assert.Contains(plan, step => step.Contains("IX_Articles_SectionId_Status_PublishedAt", StringComparison.Ordinal));
        });
    }

    /// <remarks>
    /// Written with Any(), as EF writes a many-to-many filter, SQLite walks the newest published articles
    /// (IX_Articles_Status_PublishedAt) and checks each one's link: quick for a common tag, up to the
    /// whole index for a rare one. Starting from IX_ArticleTags_TagId_ArticleId instead sorts all of a
    /// tag's articles, slow for a common one. Neither reads the table; which is better depends on the tag.
    /// </remarks>
    [Fact]
    public async Task TagAndAuthorPagesReadArticlesThroughIndexes()
    {
        await WithDbAsync(async db =>
        {
            var tag = await db.Tags.Select(t => t.Id).FirstAsync();
            var author = await db.Authors.Select(a => a.Id).FirstAsync();
            // A tag's and an author's newest articles: what /the/{slug} and /tac-gia/{slug} need.
            var byTag = db.Articles
                .Where(a => a.Status == ArticleStatus.Published && a.Tags.Any(t => t.Id == tag))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(21)
                .Select(a => new { a.Title, a.Slug, a.PublishedAt });
            var byAuthor = db.Articles
                .Where(a => a.Status == ArticleStatus.Published && a.Authors.Any(b => b.AuthorId == author))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(21)
                .Select(a => new { a.Title, a.Slug, a.PublishedAt });

            var tagPlan = await PlanAsync(db, byTag);
            var authorPlan = await PlanAsync(db, byAuthor);

            AssertNoScanOfArticles(tagPlan);
            AssertNoScanOfArticles(authorPlan);
            Assert.Contains(tagPlan, step => step.Contains("USING INDEX IX_Articles_Status_PublishedAt", StringComparison.Ordinal) || step.Contains("IX_ArticleTags_TagId_ArticleId", StringComparison.Ordinal));
            Assert.Contains(authorPlan, step => step.Contains("USING INDEX IX_Articles_Status_PublishedAt", StringComparison.Ordinal) || step.Contains("IX_ArticleAuthors_AuthorId_ArticleId", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task TheCheckCatchesAScan()
    {
        await WithDbAsync(async db =>
        {
            // Sapo has no index: this query must read every article.
            var plan = await PlanAsync(db, db.Articles.Where(a => a.Sapo.StartsWith("Sáng")).Select(a => a.Id));

            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoScanOfArticles(plan));
        });
    }

    private async Task WithDbAsync(Func<NewsroomDbContext, Task> test)
    {
        using var scope = database.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await test(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The plan's steps ("SEARCH a USING INDEX …"), from the query's own command with its parameters.</summary>
    private static async Task<List<string>> PlanAsync<T>(NewsroomDbContext db, IQueryable<T> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        // The SQL's aliases of Articles ("Articles" AS "a"): the plan names tables by alias.
        var aliases = ArticlesAlias().Matches(query.ToQueryString()).Select(m => m.Groups[1].Value).Append("Articles").ToHashSet();
        return [.. steps.Select(step => ScanOf().Match(step) is { Success: true } scan && aliases.Contains(scan.Groups[1].Value) ? "ARTICLES " + step : step)];
    }

    /// <summary>A bare "SCAN a" of Articles reads the whole table; "SCAN a USING INDEX …" walks an index in order and stops at the LIMIT.</summary>
    private static void AssertNoScanOfArticles(List<string> plan) =>
        Assert.DoesNotContain(plan, step => step.StartsWith("ARTICLES ", StringComparison.Ordinal) && !step.Contains(" USING ", StringComparison.Ordinal));

    [GeneratedRegex("\"Articles\" AS \"(\\w+)\"")]
    private static partial Regex ArticlesAlias();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanOf();
}
