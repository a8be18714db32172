using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Tests.Hosting;

/// <summary><c>generate-articles</c>: load-test content that looks like a provincial paper's.</summary>
public sealed class GenerateArticlesTests(GenerateArticlesTests.Generated generated) : IClassFixture<GenerateArticlesTests.Generated>
{
    private const int Count = 200;

    /// <summary>One app with <see cref="Count"/> generated articles, shared by the tests that only read them.</summary>
    public sealed class Generated : IAsyncLifetime
    {
        public NewsroomAppFactory App { get; } = new();
        public (int ExitCode, string Output, string Error) Run { get; private set; }
        public List<GeneratedRow> Articles { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Run = await RunAsync(App, "generate-articles", "--count", Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42");
            Articles = await ReadAsync(App);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    public sealed record GeneratedRow(
        int Id, string Title, string Slug, string Sapo, string Body, ArticleStatus Status, string? Section, DateTime? PublishedAt,
        List<string> Authors, List<int> AuthorPositions, List<string> Tags, string? Photo, string? PhotoAlt, Guid Version);

    [Fact]
    public void PrintsProgressAndAFinalLineWithCountTimeAndRate()
    {
        Assert.Equal(0, generated.Run.ExitCode);
        Assert.Equal("", generated.Run.Error);
        Assert.Matches(@"Generated 200 articles in \d\d:\d\d:\d\d\.\d \([\d,]+ articles/s", generated.Run.Output);
    }

    [Fact]
    public void MakesThatManyPublishedArticles()
    {
        Assert.Equal(Count, generated.Articles.Count);
        Assert.All(generated.Articles, a => Assert.Equal(ArticleStatus.Published, a.Status));
        Assert.Equal(Count, generated.Articles.Select(a => a.Slug).Distinct().Count());
        Assert.All(generated.Articles, a => Assert.True(VietnameseText.IsValidSlug(a.Slug, Article.SlugMaxLength), a.Slug));
    }

    [Fact]
    public void TitlesSapoAndBodiesHaveNewspaperLengths()
    {
        Assert.All(generated.Articles, a =>
        {
            Assert.InRange(ArticleText.CountWords(a.Title), 8, 15);
            Assert.InRange(ArticleText.CountWords(a.Sapo), 40, 70);
            Assert.InRange(ArticleText.CountWords(ArticleText.ToPlainText(a.Body)), 500, 2000);
            Assert.StartsWith("<p>", a.Body, StringComparison.Ordinal);
            Assert.True(char.IsUpper(a.Title[0]), a.Title);
        });
    }

    [Fact]
    public void TheTextUsesEveryToneMarkAndĐ()
    {
        var all = string.Concat(generated.Articles.Select(a => a.Title + a.Sapo + a.Body)).Normalize(NormalizationForm.FormD);
        // Huyền, sắc, hỏi, ngã, nặng; the breve, circumflex and horn of ă â ê ô ơ ư.
        foreach (var mark in new[] { '\u0300', '\u0301', '\u0309', '\u0303', '\u0323', '\u0306', '\u0302', '\u031B' })
        {
            Assert.Contains(mark, all);
        }

        Assert.Contains('đ', all);
        Assert.Contains('Đ', all);
    }

    [Fact]
    public void CommonWordsAreCommonAndKinhTếIsInAboutATenth()
    {
        double Share(string phrase) => generated.Articles.Count(a => (a.Title + " " + a.Sapo + " " + a.Body).Contains(phrase, StringComparison.OrdinalIgnoreCase)) / (double)Count;

        Assert.True(Share("năm") > 0.9);
        Assert.True(Share("phát triển") > 0.8);
        Assert.InRange(Share("kinh tế"), 0.05, 0.2);
    }

    [Fact]
    public void ArticlesHaveSectionsBylinesAndALongTailOfTags()
    {
        Assert.All(generated.Articles, a =>
        {
            Assert.Contains(a.Section, DemoContent.Sections);
            Assert.InRange(a.Authors.Count, 1, 3);
            Assert.Equal(Enumerable.Range(0, a.Authors.Count), a.AuthorPositions);
            Assert.InRange(a.Tags.Count, 2, 5);
        });
        Assert.Equal(DemoContent.Sections.Count, generated.Articles.Select(a => a.Section).Distinct().Count());
        Assert.True(generated.Articles.Select(a => a.Authors[0]).Distinct().Count() >= 10);
        Assert.Contains(generated.Articles, a => a.Authors.Count > 1);
        // Zipf: the most used tag is on many articles, and many tags are on only one or two.
        var uses = generated.Articles.SelectMany(a => a.Tags).GroupBy(t => t).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(uses[0] >= 20, $"most used tag on {uses[0]} articles");
        Assert.True(uses.Count(n => n <= 2) >= 50, $"{uses.Count(n => n <= 2)} tags on one or two articles");
    }

    [Fact]
    public void PublicationTimesGoBackMoreThanTenYearsFromNow()
    {
        var now = NewsroomAppFactory.Start.UtcDateTime;
        var times = generated.Articles.Select(a => a.PublishedAt!.Value).ToList();
        Assert.True(times.Max() <= now && times.Max() > now.AddMinutes(-1));
        Assert.True(times.Min() < now.AddYears(-10));
        // Ids grow with publication time, as in a newsroom.
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task SomeArticlesHaveAFeaturedPhotoThatThePageShowsAndMediaServes()
    {
        var withPhoto = generated.Articles.Where(a => a.Photo is not null).ToList();
        Assert.InRange(withPhoto.Count, Count / 10, Count / 2);
        Assert.InRange(withPhoto.Select(a => a.Photo).Distinct().Count(), 2, 10);
        Assert.All(withPhoto, a => Assert.False(string.IsNullOrWhiteSpace(a.PhotoAlt)));

        using var client = new FormClient(generated.App);
        var page = await client.GetAsync($"/bai-viet/{withPhoto[0].Slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(withPhoto[0].Title, page.Html, StringComparison.Ordinal);
        Assert.Contains($"/media/{withPhoto[0].Photo}", page.Html, StringComparison.Ordinal);
        using var photo = await client.Http.GetAsync($"/media/{withPhoto[0].Photo}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryArticleIsInTheSearchIndexFoldedAndExact()
    {
        using var scope = generated.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();

        Assert.Equal(Count, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" """));
        Assert.Equal(Count, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s.rowid WHERE a."Status" = 4"""));
        var withKinhTe = generated.Articles.Count(a => (a.Title + " " + a.Sapo + " " + a.Body + " " + string.Join(' ', a.Tags)).Contains("kinh tế", StringComparison.OrdinalIgnoreCase));
        // Folded: a reader who types without marks finds them; exact: the marks are kept.
        Assert.Equal(withKinhTe, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{{title body}}: "kinh te"'"""));
        Assert.Equal(withKinhTe, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{{title_exact body_exact}}: "kinh tế"'"""));
        Assert.Equal(0, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{{title body}}: "kinh tế"'"""));
    }

    /// <summary>
    /// The generator writes the index rows itself, in bulk: token for token, column for column, they are
    /// what the search index writes for those articles (reindex-search rewrites every row the site's way).
    /// </summary>
    [Fact]
    public async Task TheSearchRowsAreWhatTheSearchIndexWritesForEachArticle()
    {
        using var app = new NewsroomAppFactory();
        Assert.Equal(0, (await RunAsync(app, "generate-articles", "--count", "25", "--seed", "5")).ExitCode);
        var generatedRows = await IndexedTokensAsync(app);

        Assert.Equal(0, (await RunAsync(app, "reindex-search")).ExitCode);

        Assert.Equal(25, generatedRows.Select(t => t.Article).Distinct().Count());
        Assert.Equal(generatedRows, await IndexedTokensAsync(app));
    }

    [Fact]
    public async Task TheSearchIndexEndsMergedWithItsSettingsPutBack()
    {
        using var app = new NewsroomAppFactory();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            await db.Database.MigrateAsync();
            // A setting of the index chosen before the run stays; the others keep FTS5's defaults.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch" ("ArticleSearch", rank) VALUES ('automerge', 8)""");
        }

        Assert.Equal(0, (await RunAsync(app, "generate-articles", "--count", "30", "--seed", "2")).ExitCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var settings = await db.Database.SqlQueryRaw<string>("""SELECT "k" || '=' || "v" AS "Value" FROM "ArticleSearch_config" WHERE "k" <> 'version' ORDER BY "k" """).ToListAsync();
            Assert.Equal(["automerge=8", "crisismerge=16", "hashsize=1048576"], settings);
            Assert.Equal(1, await Scalar(db, """SELECT count(DISTINCT "segid") AS "Value" FROM "ArticleSearch_idx" """));
        }
    }

    [Fact]
    public async Task ArticleIdsContinueAfterTheLastOneEverGivenAsSqliteWouldGiveThem()
    {
        using var app = new NewsroomAppFactory();
        Assert.Equal(0, (await RunAsync(app, "generate-articles", "--count", "10", "--seed", "3")).ExitCode);
        int last;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            last = await db.Articles.MaxAsync(a => a.Id);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearch" WHERE rowid = {0}""", last);
            await db.Articles.Where(a => a.Id == last).ExecuteDeleteAsync();
        }

        Assert.Equal(0, (await RunAsync(app, "generate-articles", "--count", "10", "--seed", "4")).ExitCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            // AUTOINCREMENT: the deleted article's id is never given again.
            Assert.Equal([.. Enumerable.Range(ids[0], 9), .. Enumerable.Range(last + 1, 10)], ids);
            Assert.Equal(last + 10, await Scalar(db, """SELECT "seq" AS "Value" FROM "sqlite_sequence" WHERE "name" = 'Articles'"""));
            Assert.Equal(19, await Scalar(db, """SELECT count(*) AS "Value" FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s.rowid"""));
        }
    }

    [Fact]
    public async Task ReadersFindGeneratedArticlesWithTheSiteSearchTypedWithoutMarks()
    {
        var withKinhTe = generated.Articles
            .Where(a => (a.Title + " " + a.Sapo + " " + a.Body).Contains("kinh tế", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Slug)
            .ToList();
        using var client = new FormClient(generated.App);

        var page = await client.GetAsync("/tim-kiem?q=kinh%20te");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(withKinhTe, slug => page.Html.Contains($"/bai-viet/{slug}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameArticlesAndAnotherSeedOthers()
    {
        using var first = new NewsroomAppFactory();
        using var second = new NewsroomAppFactory();
        using var other = new NewsroomAppFactory();

        Assert.Equal(0, (await RunAsync(first, "generate-articles", "--count", "30", "--seed", "7")).ExitCode);
        Assert.Equal(0, (await RunAsync(second, "generate-articles", "--seed", "7", "--count", "30")).ExitCode);
        Assert.Equal(0, (await RunAsync(other, "generate-articles", "--count", "30", "--seed", "8")).ExitCode);

        // Photos are stored under random names like any upload: compare what readers see of them.
        static object Content(GeneratedRow a) => new { a.Title, a.Slug, a.Sapo, a.Body, a.Section, a.PublishedAt, Authors = string.Join('|', a.Authors), Tags = string.Join('|', a.Tags), a.PhotoAlt, a.Version };
        var firstArticles = await ReadAsync(first);
        Assert.Equal(firstArticles.Select(Content), (await ReadAsync(second)).Select(Content));
        Assert.Empty((await ReadAsync(other)).Select(a => a.Title).Intersect(firstArticles.Select(a => a.Title)));
    }

    [Fact]
    public async Task ASecondRunAddsMoreArticlesWithUniqueSlugsAndReusesSectionsTagsAuthorsAndPhotos()
    {
        using var app = new NewsroomAppFactory();
        Assert.Equal(0, (await RunAsync(app, "seed-demo")).ExitCode);
        Assert.Equal(0, (await RunAsync(app, "generate-articles", "--count", "20", "--seed", "3")).ExitCode);
        var before = await CountsAsync(app);

        var again = await RunAsync(app, "generate-articles", "--count", "20", "--seed", "3");

        Assert.Equal(0, again.ExitCode);
        var after = await CountsAsync(app);
        Assert.Equal(before with { Articles = before.Articles + 20 }, after);
        var slugs = (await ReadAsync(app)).Select(a => a.Slug).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Theory]
    [InlineData("generate-articles")]
    [InlineData("generate-articles --count")]
    [InlineData("generate-articles --count 0")]
    [InlineData("generate-articles --count -5")]
    [InlineData("generate-articles --count dozens")]
    [InlineData("generate-articles --count 10000001")]
    [InlineData("generate-articles --count 10 --seed x")]
    [InlineData("generate-articles --count 10 --colour red")]
    [InlineData("generate-articles --count 10 --fast")]
    [InlineData("generate-articles 10")]
    public async Task WrongCommandLinePrintsTheUsageAndAddsNothing(string commandLine)
    {
        var before = await CountsAsync(generated.App);

        var run = await RunAsync(generated.App, commandLine.Split(' '));

        Assert.Equal(AdminCommands.Usage, run.ExitCode);
        Assert.Contains("generate-articles --count N", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(before, await CountsAsync(generated.App));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(NewsroomAppFactory app, params string[] args)
    {
        using var stdin = new StringReader("");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(app.Services, args, stdin, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static async Task<List<GeneratedRow>> ReadAsync(NewsroomAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new GeneratedRow(
                a.Id, a.Title, a.Slug, a.Sapo, a.Body, a.Status, a.Section!.Name, a.PublishedAt,
                a.Authors.OrderBy(b => b.Position).Select(b => b.Author!.PenName).ToList(),
                a.Authors.OrderBy(b => b.Position).Select(b => b.Position).ToList(),
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                a.FeaturedImage == null ? null : a.FeaturedImage.StoredName,
                a.FeaturedImageAlt,
                a.Version))
            .ToListAsync();
    }

    private static async Task<(int Sections, int Authors, int Tags, int Media, int Articles)> CountsAsync(NewsroomAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return (await db.Sections.CountAsync(), await db.Authors.CountAsync(), await db.Tags.CountAsync(), await db.MediaAssets.CountAsync(), await db.Articles.CountAsync());
    }

    /// <summary>Every token of the search index: its article, column and position (FTS5's own view of the index).</summary>
    private static async Task<List<(long Article, int Column, int Offset, string Term)>> IndexedTokensAsync(NewsroomAppFactory app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE temp."SearchTokens" USING fts5vocab(main, 'ArticleSearch', 'instance');
            SELECT "doc", "col", "offset", "term" FROM temp."SearchTokens" ORDER BY "doc", "col", "offset";
            """;
        var tokens = new List<(long, int, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tokens.Add((reader.GetInt64(0), reader.GetString(1) switch { "title" => 0, "body" => 1, "title_exact" => 2, _ => 3 }, reader.GetInt32(2), reader.GetString(3)));
        }

        return tokens;
    }

    /// <summary>EF reads braces in raw SQL as placeholders: FTS5 column filters are written {{ }}.</summary>
    private static async Task<int> Scalar(NewsroomDbContext db, string sql) => (await db.Database.SqlQueryRaw<int>(sql).ToListAsync()).Single();
}
