using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Data.Sqlite;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Feeds;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;
using NewsroomCms.Web.Features.Site;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Tests.Performance;

/// <summary>
/// The public pages' queries read Articles through an index, never by scanning the table: a scan is
/// fine with the demo's eight articles and a timeout with a million. The tests run the real code (the
/// front page, the feeds' and sitemaps' queries, the search, whose SQL is written by hand for the FTS5
/// table) and record the SQL it sends, or take the command of the query a list page asks PortalReading
/// for, and ask SQLite for the plan (<c>EXPLAIN QUERY PLAN</c>) with the same parameters, on a database
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
    public async Task TheHomePageAndASectionPageReadArticlesThroughIndexes()
    {
        var plans = await PlansOfAsync(async db =>
        {
            var reading = Reading(db);
            await reading.FrontPageAsync();
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            await reading.PageAsync(reading.SectionNewest(section), new ListRequest(3, null));
        }, everyTable: true);

        Assert.NotEmpty(plans);
        Assert.All(plans, AssertNoScanOfBigTables);
        Assert.Contains(plans, plan => plan.Any(step => step.Contains("IX_Articles_Status_PublishedAt", StringComparison.Ordinal)));
        // The editors' choices are read alone: joined to Articles with the status, SQLite walked every
        // published article's index entry to find the seven chosen.
        Assert.All(plans.Where(plan => plan[^1].Contains("\"FrontPageSlots\"", StringComparison.Ordinal)), plan =>
            Assert.DoesNotContain(plan, step => step.Contains("(Status=?)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FeedsAndSitemapsReadArticlesThroughIndexes()
    {
        var plans = await PlansOfAsync(async db =>
        {
            var feeds = new FeedQueries(db, Options.Create(new SiteOptions()));
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            await feeds.LatestAsync(null, 20, CancellationToken.None);
            await feeds.LatestAsync([section], 20, CancellationToken.None);
            await feeds.PublishedSinceAsync(NewsroomAppFactory.Start.UtcDateTime.AddDays(-2), 1000, CancellationToken.None);
            await feeds.EntriesAsync(SitemapPart.Articles, 1, 10_000, CancellationToken.None);
        });

        Assert.True(plans.Count >= 4, $"{plans.Count} queries");
        Assert.All(plans, AssertNoScanOfArticles);
        // Nor of the bylines: joined to the feed's articles as a subquery, SQLite built every byline of the
        // paper for each feed (190 ms at 100,000 articles, 2 s at a million under load).
        Assert.All(plans, AssertNoScanOfBigTables);
    }

    [Theory]
    [InlineData("kinh tế", 10_000)] // ranked
    [InlineData("kinh te", 10_000)]
    [InlineData("năm", 10)] // more matches than the ranking limit: the newest among them
    [InlineData("phát triển kinh tế bền vững", 10_000)]
    public async Task SearchReadsArticlesByIdFromTheIndexMatches(string typed, int maxRanked)
    {
        var plans = await PlansOfAsync(async db =>
        {
            var search = new SiteSearch(db, Options.Create(new SearchOptions { MaxRankedResults = maxRanked }));
            var results = await search.SearchAsync(SearchText.Parse(typed), 1);
            Assert.NotEmpty(results.Hits);
        });

        Assert.True(plans.Count >= 3, $"{plans.Count} queries");
        Assert.All(plans, AssertNoScanOfArticles);
        Assert.All(plans, AssertNoScanOfBigTables);
        Assert.All(plans, plan => Assert.Contains(plan, step => step.Contains("PRIMARY KEY", StringComparison.Ordinal) || step.Contains("VIRTUAL TABLE", StringComparison.Ordinal)));
        // Thousands of matches meet Articles through the narrow index, never by reading each article's row.
        Assert.All(plans.Where(plan => plan[^1].Contains("\"ArticleSearch\" AS", StringComparison.Ordinal) || plan[^1].Contains(" AS m", StringComparison.Ordinal)), plan =>
            Assert.Contains(plan, step => step.Contains("COVERING INDEX " + SqliteNewsroomDbContext.ArticleStatusByIdIndex, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The whole article page: the article, its byline, tags and corrections, related and most-read articles.
    /// Nothing may walk a whole table but the few sections: a LEFT JOIN to the link tables once made SQLite
    /// copy all of ArticleTags and ArticleAuthors for every page view.
    /// </summary>
    [Fact]
    public async Task ArticlePageReadsOnlyItsOwnRows()
    {
        var slug = "";
        await WithDbAsync(async db => slug = await db.Articles.Where(a => a.Tags.Count >= 2 && a.FeaturedImageId != null).Select(a => a.Slug).FirstAsync());
        var plans = await PlansOfAsync(async db =>
        {
            var reading = Reading(db);
            // As PortalController.Article reads it.
            var article = await ArticlePage.LoadAsync(db, reading.Published.Where(a => a.Slug == slug));
            Assert.NotNull(article);
            Assert.NotEmpty(article.Tags);
            await reading.RelatedAsync(article.Id, article.SectionId, article.TagIds);
            await reading.MostReadAsync();
        }, everyTable: true);

        Assert.True(plans.Count >= 4, $"{plans.Count} queries");
        Assert.All(plans, AssertNoScanOfBigTables);
        Assert.Contains(plans, plan => plan.Any(step => step.Contains("IX_Articles_Slug", StringComparison.Ordinal)));
        // Most read: only the last few days' views, never every day ever counted.
        Assert.Contains(plans, plan => plan.Any(step => step.Contains("IX_ArticleDailyViews_Day", StringComparison.Ordinal)));
        // Related articles: each shared tag's newest links, never a walk of the paper's published articles.
        Assert.Contains(plans, plan => plan.Any(step => step.Contains("IX_ArticleTags_TagId_PublishedAt_ArticleId (TagId=? AND PublishedAt>?)", StringComparison.Ordinal)));
        // Related and most-read articles by id: looked up, not found by walking every published article
        // (the newest-first walk of IX_Articles_Status_PublishedAt stops at its LIMIT).
        Assert.DoesNotContain(plans, plan => plan.Any(step =>
            step.Contains("(Status=?)", StringComparison.Ordinal) && !step.Contains("IX_Articles_Status_PublishedAt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheReviewQueueIsReadFromItsOwnIndexNotFromTheArticles()
    {
        await WithDbAsync(async db =>
        {
            // As ReviewController.Index reads it.
            var query = db.Articles.Where(a => a.Status == ArticleStatus.Submitted)
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Title, a.SectionId, Section = a.Section!.Name, a.CreatedById, Reporter = a.CreatedBy!.DisplayName, a.SubmittedAt });

            var plan = await PlanAsync(db, query);

            Assert.Contains(plan, step => step.Contains("COVERING INDEX " + SqliteNewsroomDbContext.ReviewQueueIndex, StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task SectionPagesUseTheSectionIndexEvenFarBack(int page)
    {
        await WithDbAsync(async db =>
        {
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            var reading = Reading(db);
            // As the section page asks PortalReading.
            var plan = await PlanAsync(db, reading.PageQuery(reading.SectionNewest(section), page));

            AssertNoScanOfArticles(plan);
            Assert.Contains(plan, step => step.Contains("IX_Articles_SectionId_Status_PublishedAt", StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// A page reached through the "older articles" link starts at the article it follows: a range of the
    /// list's index that begins there, so page 1,000 costs what page 1 does.
    /// </summary>
    [Fact]
    public async Task APageReachedThroughItsLinkStartsWhereThePageBeforeEnded()
    {
        await WithDbAsync(async db =>
        {
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            var tag = await db.Tags.Select(t => t.Id).FirstAsync();
            var author = await db.Authors.Select(a => a.Id).FirstAsync();
            var reading = Reading(db);
            var after = new ListPlace { PublishedAt = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), Id = 500 };

            var sectionPlan = await PlanAsync(db, reading.PageQuery(reading.SectionNewest(section), 1000, after));
            var tagPlan = await PlanAsync(db, reading.PageQuery(reading.TaggedNewest(tag), 1000, after));
            var authorPlan = await PlanAsync(db, reading.PageQuery(reading.SignedNewest(author), 1000, after));

            AssertNoScanOfBigTables(sectionPlan);
            AssertNoScanOfBigTables(tagPlan);
            AssertNoScanOfBigTables(authorPlan);
            Assert.Contains(sectionPlan, step => step.Contains("INDEX IX_Articles_SectionId_Status_PublishedAt (SectionId=? AND Status=? AND PublishedAt<?)", StringComparison.Ordinal));
            Assert.Contains(tagPlan, step => step.Contains("INDEX IX_ArticleTags_TagId_PublishedAt_ArticleId (TagId=? AND PublishedAt>? AND PublishedAt<?)", StringComparison.Ordinal));
            Assert.Contains(authorPlan, step => step.Contains("INDEX IX_ArticleAuthors_AuthorId_PublishedAt_ArticleId (AuthorId=? AND PublishedAt>? AND PublishedAt<?)", StringComparison.Ordinal));
            // Nothing skipped: no OFFSET in the SQL.
            Assert.All(new[] { sectionPlan, tagPlan, authorPlan }, plan => Assert.DoesNotContain("OFFSET", plan[^1], StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// A tag's or pen name's page is one range of its links' index, newest first, whatever the tag's size:
    /// walking the published articles and checking each for the tag read the whole index for a tag used once.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task TagAndAuthorPagesReadARangeOfTheirLinksIndex(int page)
    {
        await WithDbAsync(async db =>
        {
            var tag = await db.Tags.Select(t => t.Id).FirstAsync();
            var author = await db.Authors.Select(a => a.Id).FirstAsync();
            var reading = Reading(db);
            // As the tag and author pages ask PortalReading.
            var tagPlan = await PlanAsync(db, reading.PageQuery(reading.TaggedNewest(tag), page));
            var authorPlan = await PlanAsync(db, reading.PageQuery(reading.SignedNewest(author), page));

            AssertNoScanOfBigTables(tagPlan);
            AssertNoScanOfBigTables(authorPlan);
            Assert.Contains(tagPlan, step => step.Contains("COVERING INDEX IX_ArticleTags_TagId_PublishedAt_ArticleId (TagId=? AND PublishedAt>?)", StringComparison.Ordinal));
            Assert.Contains(authorPlan, step => step.Contains("COVERING INDEX IX_ArticleAuthors_AuthorId_PublishedAt_ArticleId (AuthorId=? AND PublishedAt>?)", StringComparison.Ordinal));
            // The index is in the order wanted: nothing sorts the tag's links.
            Assert.Single(tagPlan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.Single(authorPlan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        });
    }

    /// <summary>A new snapshot each time: every query runs.</summary>
    private static PortalReading Reading(NewsroomDbContext db) =>
        new(db, TimeProvider.System, new NewsroomTime("Asia/Ho_Chi_Minh"), new PortalSnapshot(TimeProvider.System, Options.Create(new OutputCacheSettings()), Options.Create(new PortalOptions())), Options.Create(new PortalOptions()));

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

    /// <summary>
    /// Runs real code (a controller action, a query service) on a context that records every command it
    /// sends, and returns the plan of each SELECT that reads Articles.
    /// </summary>
    private async Task<List<List<string>>> PlansOfAsync(Func<NewsroomDbContext, Task> run, bool everyTable = false)
    {
        var recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<SqliteNewsroomDbContext>()
            .UseSqlite($"Data Source={database.App.DatabasePath}")
            .AddInterceptors(recorder)
            .Options;
        await using var db = new SqliteNewsroomDbContext(options);
        await run(db);

        var plans = new List<List<string>>();
        await using var connection = new SqliteConnection($"Data Source={database.App.DatabasePath}");
        await connection.OpenAsync();
        foreach (var (sql, parameters) in recorder.Commands.Where(c => everyTable || c.Sql.Contains("\"Articles\"", StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            plans.Add(await ReadPlanAsync(command, sql));
        }

        return plans;
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
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
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        return await ReadPlanAsync(command, sql);
    }

    /// <summary>The plan's steps, those that scan Articles marked "ARTICLES " (the plan names tables by their alias in the SQL).</summary>
    private static async Task<List<string>> ReadPlanAsync(DbCommand command, string sql)
    {
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        var aliases = ArticlesAlias().Matches(sql).Select(m => m.Groups[1].Value).Append("Articles").ToHashSet();
        // The SQL last, so a failure says which query scanned.
        return [.. steps.Select(step => ScanOf().Match(step) is { Success: true } scan && aliases.Contains(scan.Groups[1].Value) ? "ARTICLES " + step : step), "SQL: " + sql];
    }

    /// <summary>A bare "SCAN a" of Articles reads the whole table; "SCAN a USING INDEX …" walks an index in order and stops at the LIMIT.</summary>
    private static void AssertNoScanOfArticles(List<string> plan) =>
        Assert.DoesNotContain(plan, step => step.StartsWith("ARTICLES ", StringComparison.Ordinal) && !step.Contains(" USING ", StringComparison.Ordinal));

    /// <summary>
    /// No bare "SCAN" of a table but the handful of sections, the one settings row and the front page's seven
    /// slots. The plan names tables by their alias, so the SQL says which table an alias stands for; a scan
    /// of a subquery's alias reads rows the subquery already found, and its own steps are checked too.
    /// </summary>
    private static void AssertNoScanOfBigTables(List<string> plan)
    {
        string[] small = ["Sections", "SiteSettings", "FrontPageSlots"];
        var tables = new Dictionary<string, string>();
        foreach (Match match in TableAlias().Matches(plan[^1]))
        {
            tables[match.Groups[2].Value] = match.Groups[1].Value;
        }

        Assert.DoesNotContain(plan, step => ScanOf().Match(step.StartsWith("ARTICLES ", StringComparison.Ordinal) ? step[9..] : step) is { Success: true } scan
            && !step.Contains(" USING ", StringComparison.Ordinal)
            && tables.TryGetValue(scan.Groups[1].Value, out var table)
            && !small.Contains(table));
    }

    [GeneratedRegex("(?:FROM|JOIN)\\s+\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex("\"Articles\" AS \"?(\\w+)\"?")]
    private static partial Regex ArticlesAlias();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanOf();
}
