using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Feeds;

/// <summary>Sections, authors and articles written straight to the database, as the newsroom's workflow leaves them.</summary>
public static class FeedData
{
    public static DateTime Now(NewsroomAppFactory app) => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A unique suffix, so that tests sharing one app never collide on slugs.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<Section> SectionAsync(NewsroomAppFactory app, string name, bool hidden = false, int? parentId = null)
    {
        var section = new Section { Name = name, Slug = "chuyen-muc-" + Unique(), IsHidden = hidden, ParentId = parentId };
        await WithDbAsync(app, db =>
        {
            db.Sections.Add(section);
            return db.SaveChangesAsync();
        });
        return section;
    }

    public static async Task<Author> AuthorAsync(NewsroomAppFactory app, string penName)
    {
        var author = new Author { PenName = penName, Slug = "tac-gia-" + Unique(), CreatedAt = Now(app) };
        await WithDbAsync(app, db =>
        {
            db.Authors.Add(author);
            return db.SaveChangesAsync();
        });
        return author;
    }

    /// <summary>
    /// An article in <paramref name="status"/>. A published one went public at <paramref name="publishedAt"/>
    /// (now by default); the others keep the times their workflow step left, never shown to readers.
    /// </summary>
    public static async Task<Article> ArticleAsync(
        NewsroomAppFactory app,
        string title,
        ArticleStatus status = ArticleStatus.Published,
        DateTime? publishedAt = null,
        Section? section = null,
        IReadOnlyList<Author>? authors = null,
        IReadOnlyList<string>? tags = null,
        string? sapo = null)
    {
        var now = Now(app);
        var article = new Article
        {
            Title = title,
            Slug = "bai-" + Unique(),
            Sapo = sapo ?? "Sáng nay, tỉnh tổ chức lễ khánh thành.",
            Body = "<p>Nội dung bài viết.</p>",
            Status = status,
            SectionId = section?.Id,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = status == ArticleStatus.Draft ? null : now,
            // Scheduled articles wait for their time; taken-down ones were public once.
            ScheduledAt = status == ArticleStatus.Scheduled ? now.AddHours(1) : null,
            PublishedAt = status is ArticleStatus.Published or ArticleStatus.Unpublished ? publishedAt ?? now : null,
        };
        await WithDbAsync(app, async db =>
        {
            foreach (var (author, position) in (authors ?? []).Select((a, i) => (a, i)))
            {
                article.Authors.Add(new ArticleAuthor { AuthorId = author.Id, Position = position });
            }

            foreach (var name in tags ?? [])
            {
                var normalized = Tag.NormalizeName(name);
                article.Tags.Add(await db.Tags.SingleOrDefaultAsync(t => t.NormalizedName == normalized) ?? Tag.Create(name));
            }

            db.Articles.Add(article);
            await db.SaveChangesAsync();
        });
        return article;
    }

    /// <summary>Changes a stored article, e.g. an editor's public update or a renamed slug.</summary>
    public static Task UpdateAsync(NewsroomAppFactory app, int id, Action<Article> change) =>
        WithDbAsync(app, async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            change(article);
            await db.SaveChangesAsync();
        });

    public static Task<Tag> TagAsync(NewsroomAppFactory app, string name)
    {
        var normalized = Tag.NormalizeName(name);
        return QueryAsync(app, db => db.Tags.AsNoTracking().SingleAsync(t => t.NormalizedName == normalized));
    }

    public static Task SetPublicationNameAsync(NewsroomAppFactory app, string name) =>
        WithDbAsync(app, async db =>
        {
            var settings = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
            if (settings is null)
            {
                settings = new SiteSettings();
                db.SiteSettings.Add(settings);
            }

            settings.PublicationName = name;
            settings.UpdatedAt = Now(app);
            await db.SaveChangesAsync();
        });

    public static async Task<T> QueryAsync<T>(NewsroomAppFactory app, Func<NewsroomDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    private static async Task WithDbAsync(NewsroomAppFactory app, Func<NewsroomDbContext, Task> use)
    {
        using var scope = app.Services.CreateScope();
        await use(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }
}
