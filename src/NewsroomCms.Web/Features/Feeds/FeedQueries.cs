using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Web.Features.Feeds;

/// <summary>A section as feeds and sitemaps see it.</summary>
public sealed record SectionEntry(int Id, int? ParentId, string Name, string Slug, bool IsHidden);

/// <summary>A public page listed in a sitemap, before its address is made absolute.</summary>
public sealed record SitemapEntry(int Id, string Slug, DateTime? LastModified);

/// <summary>The kinds of pages whose sitemap files are cut into ranges of ids.</summary>
public enum SitemapPart
{
    Articles,
    Tags,
    Authors,
}

/// <summary>
/// The database side of feeds and sitemaps. Only published articles ever come out of here; tags and
/// authors only when they have one.
/// </summary>
public sealed class FeedQueries(NewsroomDbContext db, IOptions<SiteOptions> site)
{
    private IQueryable<Article> Published => db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    private IQueryable<Tag> PublicTags => db.Tags.AsNoTracking()
        .Where(t => t.Articles.Any(a => a.Status == ArticleStatus.Published));

    private IQueryable<Author> PublicAuthors => db.Authors.AsNoTracking()
        .Where(au => db.ArticleAuthors.Any(b => b.AuthorId == au.Id && b.Article!.Status == ArticleStatus.Published));

    /// <summary>The name in the site settings, or the configured one while the settings are not filled in.</summary>
    public async Task<string> PublicationNameAsync(CancellationToken cancellationToken)
    {
        var name = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.PublicationName)
            .FirstOrDefaultAsync(cancellationToken);
        return site.Value.PublicationNameOr(name);
    }

    public Task<List<SectionEntry>> SectionsAsync(CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking()
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id)
            .Select(s => new SectionEntry(s.Id, s.ParentId, s.Name, s.Slug, s.IsHidden))
            .ToListAsync(cancellationToken);

    /// <summary>The newest published articles, of the given sections only when <paramref name="sectionIds"/> is set.</summary>
    public Task<List<FeedItem>> LatestAsync(IReadOnlyCollection<int>? sectionIds, int count, CancellationToken cancellationToken)
    {
        var articles = Published;
        if (sectionIds is not null)
        {
            articles = articles.Where(a => a.SectionId != null && sectionIds.Contains(a.SectionId.Value));
        }

        return articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new FeedItem(
                a.Id,
                a.Title,
                a.Slug,
                a.Sapo,
                a.PublishedAt!.Value,
                a.PublicUpdatedAt,
                a.Section == null ? null : a.Section.Name,
                a.Authors.OrderBy(b => b.Position).Select(b => b.Author!.PenName).ToList()))
            // The bylines by a query of their own, joined to the feed's articles: in one query SQLite built
            // every byline of the paper (a LEFT JOIN to a joined subquery), 2 s a feed at a million articles.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Articles published at or after <paramref name="sinceUtc"/>, newest first.</summary>
    public Task<List<NewsEntry>> PublishedSinceAsync(DateTime sinceUtc, int count, CancellationToken cancellationToken) =>
        Published
            .Where(a => a.PublishedAt >= sinceUtc)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new NewsEntry(a.Slug, a.Title, a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>When the newest article went public, per section (null key: articles without one), and overall.</summary>
    public async Task<(Dictionary<int, DateTime> BySection, DateTime? Newest)> NewestPublicationsAsync(CancellationToken cancellationToken)
    {
        var rows = await Published
            .GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Newest = g.Max(a => a.PublishedAt) })
            .ToListAsync(cancellationToken);
        var bySection = rows
            .Where(r => r.SectionId is not null && r.Newest is not null)
            .ToDictionary(r => r.SectionId!.Value, r => r.Newest!.Value);
        var newest = rows.Max(r => r.Newest);
        return (bySection, newest);
    }

    /// <summary>How many URLs of this part the site has.</summary>
    public Task<int> CountAsync(SitemapPart part, CancellationToken cancellationToken) => part switch
    {
        SitemapPart.Articles => Published.CountAsync(cancellationToken),
        SitemapPart.Tags => PublicTags.CountAsync(cancellationToken),
        _ => PublicAuthors.CountAsync(cancellationToken),
    };

    /// <summary>
    /// The numbers (from 1) of the id ranges of <paramref name="size"/> ids that hold at least one public page
    /// of this part: range n is ids (n-1)*size+1 to n*size. Only ids are read, from indexes.
    /// </summary>
    public Task<List<int>> RangesAsync(SitemapPart part, int size, CancellationToken cancellationToken) => part switch
    {
        SitemapPart.Articles => Published.Select(a => (a.Id - 1) / size + 1).Distinct().OrderBy(n => n).ToListAsync(cancellationToken),
        SitemapPart.Tags => PublicTags.Select(t => (t.Id - 1) / size + 1).Distinct().OrderBy(n => n).ToListAsync(cancellationToken),
        _ => PublicAuthors.Select(au => (au.Id - 1) / size + 1).Distinct().OrderBy(n => n).ToListAsync(cancellationToken),
    };

    /// <summary>
    /// The public pages of this part whose ids are in range <paramref name="number"/> (all of them when null),
    /// by id. A range is a seek on the primary key, however many articles the site has.
    /// </summary>
    public Task<List<SitemapEntry>> EntriesAsync(SitemapPart part, int? number, int size, CancellationToken cancellationToken)
    {
        // int bounds, so that the comparison is on the column itself and stays a seek.
        var (from, to) = number is { } n
            ? ((int)Math.Min((long)(n - 1) * size, int.MaxValue), (int)Math.Min((long)n * size, int.MaxValue))
            : (0, int.MaxValue);
        return part switch
        {
            SitemapPart.Articles => Published
                .Where(a => a.Id > from && a.Id <= to)
                .OrderBy(a => a.Id)
                .Select(a => new SitemapEntry(a.Id, a.Slug, a.PublicUpdatedAt ?? a.PublishedAt))
                .ToListAsync(cancellationToken),
            SitemapPart.Tags => PublicTags
                .Where(t => t.Id > from && t.Id <= to)
                .OrderBy(t => t.Id)
                .Select(t => new SitemapEntry(t.Id, t.Slug, null))
                .ToListAsync(cancellationToken),
            _ => PublicAuthors
                .Where(au => au.Id > from && au.Id <= to)
                .OrderBy(au => au.Id)
                .Select(au => new SitemapEntry(au.Id, au.Slug, null))
                .ToListAsync(cancellationToken),
        };
    }
}

public sealed record NewsEntry(string Slug, string Title, DateTime PublishedAt);
