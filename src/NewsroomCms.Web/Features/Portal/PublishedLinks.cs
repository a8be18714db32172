using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// Copies an article's publication time onto its tag and byline links while it is published, and clears it
/// otherwise. Tag and author pages and "Tin liên quan" then read a tag's or pen name's newest articles as one
/// range of an index of the links (TagId or AuthorId, PublishedAt, ArticleId). Without the copy a tag page
/// walked the published articles newest first, checking each for the tag: quick for a common tag, every
/// article of the paper for a tag used once.
/// </summary>
/// <remarks>
/// A step of every public change (publishing, scheduled publishing, taking down, a change of tags or byline
/// of a published article, a tag merged into another), registered before the cached pages are evicted so no
/// page is cached from the old links. Readers' lists still check each article's status, so a link not yet
/// brought up to date can leave an article out for a moment but never show an unpublished one.
/// </remarks>
public sealed class PublishedLinks(NewsroomDbContext db) : IPublicArticleChangeHandler
{
    public Task OnChangedAsync(int articleId, PublicChange change, CancellationToken cancellationToken) =>
        CopyAsync(db, articleId, cancellationToken);

    /// <summary>Brings the links of one article, or of every article when <paramref name="articleId"/> is null, up to date.</summary>
    public static async Task CopyAsync(NewsroomDbContext db, int? articleId, CancellationToken cancellationToken = default)
    {
        var tagLinks = db.ArticleTags.AsQueryable();
        var bylines = db.ArticleAuthors.AsQueryable();
        if (articleId is { } id)
        {
            tagLinks = tagLinks.Where(l => EF.Property<int>(l, ArticleTagLink.ArticleId) == id);
            bylines = bylines.Where(b => b.ArticleId == id);
        }

        await tagLinks.ExecuteUpdateAsync(
            set => set.SetProperty(
                l => EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt),
                l => db.Articles
                    .Where(a => a.Id == EF.Property<int>(l, ArticleTagLink.ArticleId) && a.Status == ArticleStatus.Published)
                    .Select(a => a.PublishedAt)
                    .FirstOrDefault()),
            cancellationToken);
        await bylines.ExecuteUpdateAsync(
            set => set.SetProperty(
                b => b.PublishedAt,
                b => db.Articles
                    .Where(a => a.Id == b.ArticleId && a.Status == ArticleStatus.Published)
                    .Select(a => a.PublishedAt)
                    .FirstOrDefault()),
            cancellationToken);
    }
}
