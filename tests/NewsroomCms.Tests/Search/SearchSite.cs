using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Workflow;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Tests.Search;

/// <summary>Articles for search tests, made public the way the newsroom makes them, and the search page as readers use it.</summary>
public static partial class SearchSite
{
    /// <summary>
    /// An article written to the database in <paramref name="status"/>, as the editor leaves it; nothing
    /// is announced, so nothing is indexed.
    /// </summary>
    public static async Task<int> CreateAsync(
        NewsroomAppFactory app,
        string title,
        string? sapo = null,
        string? body = null,
        ArticleStatus status = ArticleStatus.Submitted,
        string[]? tags = null,
        string[]? penNames = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == "thoi-su")
            ?? db.Sections.Add(new Section { Name = "Thời sự", Slug = "thoi-su", DisplayOrder = 1 }).Entity;
        var article = new Article
        {
            Title = title,
            Slug = VietnameseText.Slugify(title, 150) + "-" + Guid.NewGuid().ToString("N")[..8],
            Sapo = sapo ?? "Tin từ tòa soạn.",
            Body = body ?? "<p>Nội dung bài viết.</p>",
            Status = status,
            Section = section,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            PublishedAt = status is ArticleStatus.Published or ArticleStatus.Unpublished ? now : null,
            ScheduledAt = status == ArticleStatus.Scheduled ? now.AddDays(1) : null,
        };
        foreach (var name in tags ?? [])
        {
            var key = Tag.NormalizeName(name);
            article.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key) ?? Tag.Create(name));
        }

        var position = 0;
        foreach (var penName in penNames ?? [])
        {
            var author = await db.Authors.FirstOrDefaultAsync(a => a.PenName == penName)
                ?? new Author { PenName = penName, Slug = VietnameseText.Slugify(penName) + "-" + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
            article.Authors.Add(new ArticleAuthor { Author = author, Position = position++ });
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>An article published as an editor's Publish button publishes it (which updates the index).</summary>
    public static async Task<int> PublishAsync(
        NewsroomAppFactory app, string title, string? sapo = null, string? body = null, string[]? tags = null, string[]? penNames = null, DateTime? publishedAt = null)
    {
        var id = await CreateAsync(app, title, sapo, body, ArticleStatus.Submitted, tags, penNames);
        var at = publishedAt ?? app.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await Scheduling.WithPublishingAsync(app, p => p.TryPublishAsync(id, WorkflowAction.Publish, ArticleStatus.Submitted, at, userId: null)));
        return id;
    }

    /// <summary>Tells the after-change steps what changed, as the editor's save or correction does.</summary>
    public static async Task AnnounceAsync(NewsroomAppFactory app, int id, PublicChange change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublicArticleChanges>().AnnounceAsync(id, change);
    }

    public static async Task<string> SlugAsync(NewsroomAppFactory app, int id) =>
        await Scheduling.QueryAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

    /// <summary>The search page for <paramref name="query"/>, in Vietnamese as readers get it.</summary>
    public static async Task<FormClient.Page> SearchAsync(NewsroomAppFactory app, string query, int? page = null)
    {
        using var client = new FormClient(app);
        var url = "/tim-kiem?q=" + Uri.EscapeDataString(query) + (page is { } p ? "&trang=" + p.ToString(CultureInfo.InvariantCulture) : "");
        var result = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return result;
    }

    /// <summary>The slugs of the articles found, in the order shown.</summary>
    public static async Task<List<string>> FoundAsync(NewsroomAppFactory app, string query, int? page = null) =>
        Results(await SearchAsync(app, query, page));

    public static List<string> Results(FormClient.Page page) =>
        [.. ResultLink().Matches(page.Html).Select(m => m.Groups[1].Value)];

    /// <summary>Whether the index itself holds a row for the article (not only whether readers would see it).</summary>
    public static Task<bool> IsIndexedAsync(NewsroomAppFactory app, int id) =>
        Scheduling.QueryAsync(app, async db =>
            (await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "ArticleSearch" WHERE rowid = {id}""").ToListAsync()).Count > 0);

    [GeneratedRegex("<h2><a href=\"/bai-viet/([^\"]+)\">")]
    private static partial Regex ResultLink();
}
