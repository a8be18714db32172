using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Tests.Catalog;

/// <summary>Sections, tags, authors and articles written straight to the database, and what the catalog pages left there.</summary>
public static partial class CatalogSteps
{
    public static async Task<T> QueryAsync<T>(NewsroomAppFactory app, Func<NewsroomDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    /// <summary>An editor signed in, reading the pages in English.</summary>
    public static async Task<FormClient> EditorAsync(NewsroomAppFactory app, string role = Roles.Editor)
    {
        var (client, _) = await TestUsers.SignedInAsync(app, role);
        return client.InEnglish();
    }

    public static Task<int> SectionAsync(NewsroomAppFactory app, string name, string? slug = null, int order = 100) => QueryAsync(app, async db =>
    {
        var section = new Section { Name = name, Slug = slug ?? VietnameseText.Slugify(name, Section.SlugMaxLength), DisplayOrder = order };
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        return section.Id;
    });

    public static Task<int> TagAsync(NewsroomAppFactory app, string name, string? slug = null) => QueryAsync(app, async db =>
    {
        var tag = Tag.Create(name);
        tag.Slug = slug ?? tag.Slug;
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    });

    /// <summary>An article with these tags (found by name, or created) in <paramref name="status"/>.</summary>
    public static Task<int> ArticleAsync(NewsroomAppFactory app, ArticleStatus status, int? sectionId, params string[] tags) => QueryAsync(app, async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = "Bài viết " + Guid.NewGuid().ToString("N")[..6],
            Slug = "bai-" + Guid.NewGuid().ToString("N"),
            Sapo = "Tóm tắt.",
            Body = "<p>Nội dung.</p>",
            Status = status,
            SectionId = sectionId,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = status is ArticleStatus.Published or ArticleStatus.Unpublished ? now : null,
        };
        foreach (var name in tags)
        {
            var key = Tag.NormalizeName(name);
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key) ?? db.Tags.Local.FirstOrDefault(t => t.NormalizedName == key);
            if (tag is null)
            {
                tag = Tag.Create(name);
                db.Tags.Add(tag);
            }

            article.Tags.Add(tag);
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
        // The publication time onto the tag links, as publishing leaves them.
        await PublishedLinks.CopyAsync(db, article.Id);
        return article.Id;
    });

    public static Task<List<string>> TagNamesAsync(NewsroomAppFactory app, int articleId) =>
        QueryAsync(app, db => db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Tags).Select(t => t.Name).OrderBy(n => n).ToListAsync());

    public static Task<int?> RedirectAsync(NewsroomAppFactory app, SlugKind kind, string oldSlug) =>
        QueryAsync(app, db => db.SlugRedirects.Where(r => r.Kind == kind && r.OldSlug == oldSlug).Select(r => (int?)r.TargetId).SingleOrDefaultAsync());

    public static Task<List<AuditEvent>> AuditAsync(NewsroomAppFactory app, string entityType, int id) =>
        QueryAsync(app, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id)
            .ToListAsync());

    /// <summary>Posts <paramref name="fields"/> from the form on <paramref name="formPage"/>, with its antiforgery token.</summary>
    public static Task<FormClient.Page> SubmitAsync(FormClient client, string formPage, string action, Dictionary<string, string>? fields = null) =>
        client.SubmitAsync(formPage, action, fields ?? []);

    public static void AssertRedirect(FormClient.Page page, string to)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(to, page.RedirectPath);
    }

    /// <summary>The page was shown again, with this message next to the field and the field marked invalid.</summary>
    public static void AssertFieldError(FormClient.Page page, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var html = WebUtility.HtmlDecode(page.Html);
        var id = field.Replace('.', '_') + "-error";
        var error = Regex.Match(html, $"<span[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        Assert.True(error.Success, $"no error element for {field}");
        Assert.Equal(message, error.Groups[1].Value.Trim());
        Assert.Matches($"name=\"{Regex.Escape(field)}\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*name=\"{Regex.Escape(field)}\"", html);
    }

    /// <summary>The value the page shows in the text field named <paramref name="field"/>.</summary>
    public static string? FieldValue(FormClient.Page page, string field)
    {
        var input = Regex.Match(page.Html, $"<input[^>]*name=\"{Regex.Escape(field)}\"[^>]*>");
        var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
        return input.Success ? WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : "") : null;
    }

    public static string Decoded(FormClient.Page page) => WebUtility.HtmlDecode(page.Html);
}
