using System.Linq.Expressions;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Portal;

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
    IReadOnlyList<CorrectionNotice> Corrections)
{
    /// <summary>
    /// The one projection of an article for its public page; the newsroom preview uses it too, so the
    /// preview is exactly what readers will see.
    /// </summary>
    public static readonly Expression<Func<Article, ArticlePage>> FromArticle = a => new ArticlePage(
        a.Id,
        a.Title,
        a.Slug,
        a.Sapo,
        a.Body,
        a.PublishedAt,
        a.PublicUpdatedAt,
        a.UpdatedAt,
        a.Section == null ? null : a.Section.Name,
        a.Section == null ? null : a.Section.Slug,
        a.Authors.OrderBy(b => b.Position).Select(b => new LinkedName(b.Author!.PenName, b.Author.Slug)).ToList(),
        a.Tags.OrderBy(t => t.Name).Select(t => new LinkedName(t.Name, t.Slug)).ToList(),
        a.FeaturedImage == null
            ? null
            : new PageImage(a.FeaturedImage.StoredName, a.FeaturedImage.ContentType, a.FeaturedImage.Width, a.FeaturedImage.Height, a.FeaturedImageCaption, a.FeaturedImageCredit, a.FeaturedImageAlt),
        a.Corrections.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => new CorrectionNotice(c.Notice, c.CreatedAt)).ToList());
}

/// <summary>A đính chính as readers see it: the notice and when it was published.</summary>
public sealed record CorrectionNotice(string Notice, DateTime CreatedAt);

public sealed record LinkedName(string Name, string Slug);

public sealed record PageImage(string StoredName, string ContentType, int Width, int Height, string? Caption, string? Credit, string? Alt);
