using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data.Sqlite;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Benchmarks;

/// <summary>
/// The data behind one uncached article page, on the database <c>run.sh</c> generates, next to the cheapest
/// query there is (one title by its key) through EF and through SQLite alone. The page's rendering and
/// compression are measured by <c>run.sh</c>; this says what its queries add, and what any query costs.
/// </summary>
/// <remarks>
/// In process, one request at a time, each a pooled context as in the site. The articles are taken in turn
/// from the 500 newest published, so each call reads a different article from a warm page cache.
/// </remarks>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class ArticlePageDataBenchmarks
{
    private const string TitleByIdSql = "SELECT \"Title\" FROM \"Articles\" WHERE \"Id\" = $id";

    private string _connectionString = "";
    private PooledDbContextFactory<SqliteNewsroomDbContext> _contexts = null!;
    private PortalSnapshot _snapshot = null!;
    private NewsroomTime _time = null!;
    private IOptions<PortalOptions> _portal = null!;
    private ArticlePage[] _articles = [];
    private int _next;

    [GlobalSetup]
    public void SetUp()
    {
        var database = Environment.GetEnvironmentVariable("NEWSROOMCMS_BENCH_DB")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "newsroomcms-bench", "articles-100000.db");
        if (!File.Exists(database))
        {
            throw new InvalidOperationException($"No database at {database}: run run.sh once (it generates one), or set NEWSROOMCMS_BENCH_DB.");
        }

        // Read-only: the benchmark must not change the database run.sh reuses.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        _contexts = new PooledDbContextFactory<SqliteNewsroomDbContext>(
            new DbContextOptionsBuilder<SqliteNewsroomDbContext>().UseSqlite(_connectionString).Options);
        _portal = Options.Create(new PortalOptions());
        _snapshot = new PortalSnapshot(TimeProvider.System, Options.Create(new OutputCacheSettings()), _portal);
        _time = new NewsroomTime(new NewsroomOptions().TimeZone);

        using var db = _contexts.CreateDbContext();
        var slugs = db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(500)
            .Select(a => a.Slug)
            .ToList();
        _articles = [.. slugs.Select(slug => ArticlePage.LoadAsync(db, db.Articles.Where(a => a.Slug == slug)).GetAwaiter().GetResult()!)];
    }

    private ArticlePage NextArticle() => _articles[_next++ % _articles.Length];

    [Benchmark(Baseline = true, Description = "SQLite alone: one title by id")]
    public async Task<object?> TitleByIdWithSqliteAlone()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = TitleByIdSql;
        command.Parameters.AddWithValue("$id", NextArticle().Id);
        return await command.ExecuteScalarAsync();
    }

    [Benchmark(Description = "EF: one title by id")]
    public async Task<string?> TitleByIdWithEf()
    {
        var id = NextArticle().Id;
        await using var db = _contexts.CreateDbContext();
        return await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync();
    }

    [Benchmark(Description = "the article, its byline and tags")]
    public async Task<ArticlePage?> ArticleItself()
    {
        var slug = NextArticle().Slug;
        await using var db = _contexts.CreateDbContext();
        var reading = Reading(db);
        return await ArticlePage.LoadAsync(db, reading.Published.Where(a => a.Slug == slug));
    }

    [Benchmark(Description = "Tin liên quan")]
    public async Task<IReadOnlyList<ArticleSummary>> Related()
    {
        var article = NextArticle();
        await using var db = _contexts.CreateDbContext();
        return await Reading(db).RelatedAsync(article.Id, article.SectionId, article.TagIds);
    }

    [Benchmark(Description = "the page's data: both of the above")]
    public async Task<IReadOnlyList<ArticleSummary>> PageData()
    {
        var slug = NextArticle().Slug;
        await using var db = _contexts.CreateDbContext();
        var reading = Reading(db);
        var article = await ArticlePage.LoadAsync(db, reading.Published.Where(a => a.Slug == slug));
        return await reading.RelatedAsync(article!.Id, article.SectionId, article.TagIds);
    }

    private PortalReading Reading(SqliteNewsroomDbContext db) => new(db, TimeProvider.System, _time, _snapshot, _portal);

    /// <summary>In this process: no generated project to build, and the app's own assemblies as they are.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(15));
    }
}
