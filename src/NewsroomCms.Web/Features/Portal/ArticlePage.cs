using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// An article as its public page shows it. <c>SectionHidden</c>: a hidden section is named but not linked
/// and leaves the breadcrumb; <c>ParentSection</c> is the section's visible parent, for the breadcrumb;
/// <c>SectionId</c> and <c>TagIds</c> choose "Tin liên quan".
/// </summary>
public sealed record ArticlePage(
    int Id,
    string Title,
    string Slug,
    string Sapo,
    string Body,
    DateTime? PublishedAt,
    DateTime? PublicUpdatedAt,
    DateTime UpdatedAt,
    string? SectionName,
    string? SectionSlug,
    IReadOnlyList<LinkedName> Authors,
    IReadOnlyList<LinkedName> Tags,
    PageImage? FeaturedImage,
    IReadOnlyList<CorrectionNotice> Corrections,
    int? SectionId,
    bool SectionHidden,
    LinkedName? ParentSection,
    IReadOnlyList<int> TagIds)
{
    /// <summary>
    /// The one way to read an article for its public page; the newsroom preview uses it too, so the preview
    /// is exactly what readers will see. <paramref name="articles"/> narrows to the article (by slug or id).
    /// </summary>
    /// <remarks>
    /// The article first, then its byline, tags and corrections each by the article's id. One query with the
    /// three lists joined in makes SQLite build the whole link tables before joining (a LEFT JOIN to a
    /// joined subquery is materialized): a second per page at a hundred thousand articles.
    /// </remarks>
    public static async Task<ArticlePage?> LoadAsync(NewsroomDbContext db, IQueryable<Article> articles, CancellationToken cancellationToken = default)
    {
        var head = await articles.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Sapo,
                a.Body,
                a.PublishedAt,
                a.PublicUpdatedAt,
                a.UpdatedAt,
                a.SectionId,
                SectionName = a.Section == null ? null : a.Section.Name,
                SectionSlug = a.Section == null ? null : a.Section.Slug,
                SectionHidden = a.Section != null && a.Section.IsHidden,
                Parent = a.Section != null && a.Section.Parent != null && !a.Section.Parent.IsHidden
                    ? new LinkedName(a.Section.Parent.Name, a.Section.Parent.Slug)
                    : null,
                Image = a.FeaturedImage == null
                    ? null
                    : new PageImage(a.FeaturedImage.StoredName, a.FeaturedImage.ContentType, a.FeaturedImage.Width, a.FeaturedImage.Height, a.FeaturedImageCaption, a.FeaturedImageCredit, a.FeaturedImageAlt),
                HasCorrections = a.Corrections.Any(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var authors = await db.ArticleAuthors.AsNoTracking()
            .Where(b => b.ArticleId == head.Id)
            .OrderBy(b => b.Position)
            .Select(b => new LinkedName(b.Author!.PenName, b.Author.Slug))
            .ToListAsync(cancellationToken);
        var tags = await db.Articles.AsNoTracking()
            .Where(a => a.Id == head.Id)
            .SelectMany(a => a.Tags)
            .OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.Slug })
            .ToListAsync(cancellationToken);
        // Most articles never need one: no query for them.
        var corrections = head.HasCorrections
            ? await db.ArticleCorrections.AsNoTracking()
                .Where(c => c.ArticleId == head.Id)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Select(c => new CorrectionNotice(c.Notice, c.CreatedAt))
                .ToListAsync(cancellationToken)
            : [];

        return new ArticlePage(
            head.Id, head.Title, head.Slug, head.Sapo, head.Body, head.PublishedAt, head.PublicUpdatedAt, head.UpdatedAt,
            head.SectionName, head.SectionSlug, authors, [.. tags.Select(t => new LinkedName(t.Name, t.Slug))], head.Image, corrections,
            head.SectionId, head.SectionHidden, head.Parent, [.. tags.Select(t => t.Id)]);
    }
}

/// <summary>A đính chính as readers see it: the notice and when it was published.</summary>
public sealed record CorrectionNotice(string Notice, DateTime CreatedAt);

public sealed record LinkedName(string Name, string Slug);

public sealed record PageImage(string StoredName, string ContentType, int Width, int Height, string? Caption, string? Credit, string? Alt);
