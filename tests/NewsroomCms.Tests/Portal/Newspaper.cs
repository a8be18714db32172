using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// A newspaper's content written straight to the database, as the newsroom's tools leave it: sections,
/// pen names, tags and articles in any workflow state. Names get a unique suffix so tests sharing a database
/// never meet each other's data.
/// </summary>
public static class Newspaper
{
    public static readonly NewsroomTime HaNoi = new("Asia/Ho_Chi_Minh");

    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Section> SectionAsync(NewsroomAppFactory app, string name, bool hidden = false, int displayOrder = 100)
    {
        var unique = Unique(name);
        var section = new Section { Name = unique, Slug = VietnameseText.Slugify(unique), DisplayOrder = displayOrder, IsHidden = hidden };
        await SaveAsync(app, db => db.Sections.Add(section));
        return section;
    }

    public static async Task<Author> AuthorAsync(NewsroomAppFactory app, string penName, string? bio = null, MediaAsset? photo = null)
    {
        var unique = Unique(penName);
        var author = new Author { PenName = unique, Slug = VietnameseText.Slugify(unique), Bio = bio, PhotoId = photo?.Id, CreatedAt = Now(app) };
        await SaveAsync(app, db => db.Authors.Add(author));
        return author;
    }

    public static async Task<Tag> TagAsync(NewsroomAppFactory app, string name)
    {
        var tag = Tag.Create(Unique(name));
        await SaveAsync(app, db => db.Tags.Add(tag));
        return tag;
    }

    /// <summary>An image record (no file: pages only link to it).</summary>
    public static async Task<MediaAsset> ImageAsync(NewsroomAppFactory app, int width, int height)
    {
        var name = Guid.NewGuid().ToString("N");
        var image = new MediaAsset
        {
            StoredName = $"{name[..2]}/{name}.jpg",
            OriginalFileName = "anh.jpg",
            ContentType = "image/jpeg",
            ByteSize = 1000,
            Width = width,
            Height = height,
            UploadedAt = Now(app),
        };
        await SaveAsync(app, db => db.MediaAssets.Add(image));
        return image;
    }

    public static async Task<Article> ArticleAsync(
        NewsroomAppFactory app,
        string title,
        Section? section = null,
        ArticleStatus status = ArticleStatus.Published,
        DateTime? publishedAt = null,
        DateTime? updatedAt = null,
        IEnumerable<Tag>? tags = null,
        IEnumerable<Author>? authors = null,
        MediaAsset? image = null,
        string? sapo = null)
    {
        var unique = Unique(title);
        var now = Now(app);
        var published = status is ArticleStatus.Published or ArticleStatus.Unpublished;
        var article = new Article
        {
            Title = unique,
            Slug = VietnameseText.Slugify(unique),
            Sapo = sapo ?? "Sáng nay, tại trụ sở UBND tỉnh, hội nghị đã diễn ra với sự tham dự của lãnh đạo các sở, ngành.",
            Body = "<p>Hội nghị được kết nối trực tuyến đến các huyện, thị xã và thành phố.</p>",
            Status = status,
            SectionId = section?.Id,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = status == ArticleStatus.Draft ? null : now,
            PublishedAt = published ? publishedAt ?? now : null,
            PublicUpdatedAt = published ? updatedAt : null,
            ScheduledAt = status == ArticleStatus.Scheduled ? now.AddDays(1) : null,
            FeaturedImageId = image?.Id,
            FeaturedImageAlt = image is null ? null : "Quang cảnh hội nghị",
            FeaturedImageCaption = image is null ? null : "Các đại biểu dự hội nghị tại điểm cầu tỉnh.",
            FeaturedImageCredit = image is null ? null : "Minh Đức",
        };
        await SaveAsync(app, db =>
        {
            foreach (var tag in tags ?? [])
            {
                article.Tags.Add(db.Tags.Find(tag.Id)!);
            }

            var position = 0;
            foreach (var author in authors ?? [])
            {
                article.Authors.Add(new ArticleAuthor { AuthorId = author.Id, Position = position++ });
            }

            db.Articles.Add(article);
        });
        await CopyToLinksAsync(app, article.Id);
        return article;
    }

    public static async Task SetStatusAsync(NewsroomAppFactory app, int articleId, ArticleStatus status)
    {
        await QueryAsync(app, db => db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, status)));
        await CopyToLinksAsync(app, articleId);
    }

    /// <summary>The publication time onto the article's tag and byline links, as every public change does.</summary>
    private static async Task CopyToLinksAsync(NewsroomAppFactory app, int articleId)
    {
        using var scope = app.Services.CreateScope();
        await PublishedLinks.CopyAsync(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>(), articleId);
    }

    /// <summary>The editors' front page as they would leave it: article id per position.</summary>
    public static async Task SetFrontPageAsync(NewsroomAppFactory app, params (int Position, int ArticleId)[] slots)
    {
        var editor = await TestUsers.CreateAsync(app, Roles.Editor);
        await SaveAsync(app, db =>
        {
            db.FrontPageSlots.RemoveRange(db.FrontPageSlots);
            foreach (var (position, articleId) in slots)
            {
                db.FrontPageSlots.Add(new FrontPageSlot { Position = position, ArticleId = articleId, AssignedAt = Now(app), AssignedById = editor.Id });
            }
        });
    }

    public static Task AddViewsAsync(NewsroomAppFactory app, int articleId, DateOnly day, long views) =>
        SaveAsync(app, db => db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = articleId, Day = day, Views = views }));

    public static DateTime Now(NewsroomAppFactory app) => app.Clock.GetUtcNow().UtcDateTime;

    public static DateOnly Today(NewsroomAppFactory app) => HaNoi.Today(app.Clock.GetUtcNow());

    /// <remarks>The query may write: what the portal keeps between changes is forgotten, as after a change in the app.</remarks>
    public static async Task<T> QueryAsync<T>(NewsroomAppFactory app, Func<NewsroomDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        var result = await query(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
        app.Services.GetRequiredService<PortalSnapshot>().Forget();
        return result;
    }

    /// <remarks>What the portal keeps between changes is forgotten, as after a change in the app.</remarks>
    public static async Task SaveAsync(NewsroomAppFactory app, Action<NewsroomDbContext> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        change(db);
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<PortalSnapshot>().Forget();
    }
}

/// <summary>A public page as a reader's browser gets it, parsed.</summary>
public sealed class ReaderPage
{
    private ReaderPage(HttpStatusCode status, string html, Uri? location)
    {
        Status = status;
        Html = html;
        Location = location;
        Document = new HtmlParser().ParseDocument(html);
    }

    public HttpStatusCode Status { get; }
    public string Html { get; }
    public Uri? Location { get; }
    public IHtmlDocument Document { get; }

    /// <summary>Where a redirect goes, as a path.</summary>
    public string? RedirectPath => Location is { IsAbsoluteUri: true } ? Location.PathAndQuery : Location?.OriginalString;

    public static async Task<ReaderPage> GetAsync(NewsroomAppFactory app, string path)
    {
        using var client = new FormClient(app);
        using var response = await client.Http.GetAsync(path);
        return new ReaderPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// <summary>The article addresses linked inside the first element matching <paramref name="selector"/>, in page order.</summary>
    public List<string> ArticleLinks(string selector = "main") =>
        Document.QuerySelector(selector) is { } scope
            ? scope.QuerySelectorAll("a[href^='/bai-viet/']").Select(a => a.GetAttribute("href")!).ToList()
            : [];

    public string? Meta(string property) =>
        Document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    public List<string> MetaAll(string property) =>
        Document.QuerySelectorAll($"meta[property='{property}']").Select(m => m.GetAttribute("content")!).ToList();

    public string? Link(string rel) => Document.QuerySelector($"head link[rel='{rel}']")?.GetAttribute("href");

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    /// <summary>The page's JSON-LD documents, parsed, found by their <c>@type</c>.</summary>
    public JsonElement StructuredData(string type) =>
        Document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == type);

    public IElement? Find(string selector) => Document.QuerySelector(selector);
}
