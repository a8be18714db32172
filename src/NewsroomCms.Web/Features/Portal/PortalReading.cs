using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// The lists readers see: the front page, section, tag and author pages, related and most-read articles.
/// Every query starts from <see cref="Published"/>, so nothing else can reach a public page.
/// </summary>
public sealed class PortalReading(NewsroomDbContext db, TimeProvider clock, NewsroomTime time, PortalSnapshot snapshot, IOptions<PortalOptions> options)
{
    public const int LatestCount = 10;
    public const int SectionBlockCount = 4;
    public const int RelatedCount = 5;
    public const int MostReadCount = 5;

    /// <summary>Shared-tag candidates looked at for "Tin liên quan": the newest ones, so a big tag stays cheap.</summary>
    private const int RelatedCandidates = 50;

    public IQueryable<Article> Published => db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    /// <summary>
    /// The editors' lead and featured stories where they are still published; every other place is filled
    /// with the newest articles not already on the page. Then the latest list and a block per visible section.
    /// </summary>
    public async Task<FrontPage> FrontPageAsync(CancellationToken cancellationToken = default)
    {
        // The slots alone, then their articles by id: joined in SQL with "Status = Published", SQLite walked
        // every published article looking for the few chosen (60 ms a front page at a million articles).
        var slots = await db.FrontPageSlots.AsNoTracking()
            .Where(s => s.Position >= FrontPageSlot.LeadPosition && s.Position <= FrontPageSlot.FeaturedCount)
            .Select(s => new { s.Position, s.ArticleId })
            .ToListAsync(cancellationToken);
        var chosenArticles = await PublishedByIdAsync([.. slots.Select(c => c.ArticleId)], cancellationToken);
        var chosen = slots.Where(c => chosenArticles.ContainsKey(c.ArticleId)).ToList();
        var chosenIds = chosen.Select(c => c.ArticleId).ToList();

        var places = FrontPageSlot.FeaturedCount + 1;
        var fillers = new Queue<ArticleSummary>(await Newest(Published.Where(a => !chosenIds.Contains(a.Id)))
            .Take(places - chosen.Count + LatestCount)
            .Select(ArticleSummary.FromArticle)
            .ToListAsync(cancellationToken));
        var top = new List<ArticleSummary>(places);
        for (var position = 0; position < places; position++)
        {
            var slot = chosen.FirstOrDefault(c => c.Position == position);
            if (slot is not null && chosenArticles.TryGetValue(slot.ArticleId, out var picked))
            {
                top.Add(picked);
            }
            else if (fillers.Count > 0)
            {
                top.Add(fillers.Dequeue());
            }
        }

        var sections = new List<SectionBlock>();
        foreach (var section in await db.Sections.AsNoTracking().Where(s => !s.IsHidden).OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id)
                     .Select(s => new { s.Id, s.Name, s.Slug }).ToListAsync(cancellationToken))
        {
            var articles = await Newest(Published.Where(a => a.SectionId == section.Id))
                .Take(SectionBlockCount)
                .Select(ArticleSummary.FromArticle)
                .ToListAsync(cancellationToken);
            if (articles.Count > 0)
            {
                sections.Add(new SectionBlock(new LinkedName(section.Name, section.Slug), articles));
            }
        }

        return new FrontPage(top.FirstOrDefault(), top.Skip(1).ToList(), fillers.ToList(), sections);
    }

    /// <summary>A section's published articles, newest first, from the index (SectionId, Status, PublishedAt).</summary>
    public IQueryable<ListPlace> SectionNewest(int sectionId) =>
        Published.Where(a => a.SectionId == sectionId).Select(a => new ListPlace { PublishedAt = a.PublishedAt, Id = a.Id });

    /// <summary>A tag's published articles, newest first, from its links alone (<see cref="PublishedLinks"/>).</summary>
    public IQueryable<ListPlace> TaggedNewest(int tagId) =>
        PublishedTagLinks(tagId).Select(l => new ListPlace { PublishedAt = EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt), Id = EF.Property<int>(l, ArticleTagLink.ArticleId) });

    private IQueryable<Dictionary<string, object>> PublishedTagLinks(int tagId) =>
        db.ArticleTags.AsNoTracking()
            .Where(l => EF.Property<int>(l, ArticleTagLink.TagId) == tagId && EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt) != null);

    private IQueryable<Dictionary<string, object>> TagLinksNewest(int tagId) =>
        PublishedTagLinks(tagId)
            .OrderByDescending(l => EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt)).ThenByDescending(l => EF.Property<int>(l, ArticleTagLink.ArticleId));

    /// <summary>A pen name's published articles, newest first, from its bylines alone (<see cref="PublishedLinks"/>).</summary>
    public IQueryable<ListPlace> SignedNewest(int authorId) =>
        db.ArticleAuthors.AsNoTracking()
            .Where(b => b.AuthorId == authorId && b.PublishedAt != null)
            .Select(b => new ListPlace { PublishedAt = b.PublishedAt, Id = b.ArticleId });

    /// <summary>
    /// The page <paramref name="request"/> asks for of <paramref name="places"/>, newest first, with one more
    /// row to tell whether a next page exists.
    /// </summary>
    /// <remarks>
    /// The page's ids are picked first, from the list's index alone, and only those articles are read. Asked
    /// for by its number, a deep page walks the index entries of the pages before it (a millisecond for page
    /// 1,000); reached through the "older articles" link it starts right after the article the link names,
    /// wherever that is. An article no longer in the list (taken down since) leaves the number to find it.
    /// The status is checked on the rows read: a tag's or pen name's links carry the publication time of
    /// published articles (<see cref="PublishedLinks"/>), and a link a moment behind a take-down must not
    /// show the article.
    /// </remarks>
    public async Task<ListPage> PageAsync(IQueryable<ListPlace> places, ListRequest request, CancellationToken cancellationToken = default)
    {
        var after = request.After is { } id ? await places.Where(p => p.Id == id).FirstOrDefaultAsync(cancellationToken) : null;
        var rows = await PageQuery(places, request.Page, after).ToListAsync(cancellationToken);
        var published = rows.Where(a => a.Status == ArticleStatus.Published).Take(Listing.PageSize).ToList();
        return new ListPage(published, request.Page, rows.Count > Listing.PageSize);
    }

    /// <summary>The query behind <see cref="PageAsync"/>, for checking its plan.</summary>
    internal IQueryable<ArticleSummary> PageQuery(IQueryable<ListPlace> places, int page, ListPlace? after = null)
    {
        var newest = after is { PublishedAt: { } at }
            // "PublishedAt <= at" as well, for SQLite to start its walk of the index there.
            ? Newest(places.Where(p => p.PublishedAt <= at && (p.PublishedAt < at || p.Id < after.Id)))
            : Newest(places).Skip((page - 1) * Listing.PageSize);
        var ids = newest.Take(Listing.PageSize + 1).Select(p => p.Id);
        return Newest(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))).Select(ArticleSummary.FromArticle);
    }

    /// <summary>"Tin liên quan": articles sharing the most tags first, then the newest of the same section.</summary>
    /// <remarks>
    /// The candidates are each shared tag's newest articles, from the tag's links (<see cref="PublishedLinks"/>),
    /// so a big tag stays cheap and a rare one needs no search through the paper.
    /// </remarks>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(int articleId, int? sectionId, IReadOnlyCollection<int> tagIds, CancellationToken cancellationToken = default)
    {
        var related = new List<ArticleSummary>();
        if (tagIds.Count > 0)
        {
            var candidates = tagIds
                .Select(tagId => TagLinksNewest(tagId)
                    .Where(l => EF.Property<int>(l, ArticleTagLink.ArticleId) != articleId)
                    .Take(RelatedCandidates)
                    .Select(l => new { ArticleId = EF.Property<int>(l, ArticleTagLink.ArticleId), PublishedAt = EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt) }))
                .Aggregate((all, next) => all.Concat(next));
            // Counted in SQL: the page gets its few best rows, not every candidate link.
            var best = await candidates
                .GroupBy(l => l.ArticleId)
                .Select(g => new { ArticleId = g.Key, Shared = g.Count(), PublishedAt = g.Max(l => l.PublishedAt) })
                .OrderByDescending(g => g.Shared).ThenByDescending(g => g.PublishedAt).ThenByDescending(g => g.ArticleId)
                .Take(RelatedCount)
                .Select(g => g.ArticleId)
                .ToListAsync(cancellationToken);
            var found = await PublishedByIdAsync(best, cancellationToken);
            related.AddRange(best.Where(found.ContainsKey).Select(id => found[id]));
        }

        if (related.Count < RelatedCount && sectionId is { } section)
        {
            var shown = related.Select(a => a.Id).Append(articleId).ToList();
            related.AddRange(await Newest(Published.Where(a => a.SectionId == section && !shown.Contains(a.Id)))
                .Take(RelatedCount - related.Count)
                .Select(ArticleSummary.FromArticle)
                .ToListAsync(cancellationToken));
        }

        return related;
    }

    /// <summary>
    /// "Đọc nhiều": the most viewed published articles of the last <see cref="PortalOptions.MostReadDays"/>
    /// newsroom days, as of the last written view counts (kept until then: <see cref="PortalSnapshot"/>).
    /// </summary>
    public Task<IReadOnlyList<MostRead>> MostReadAsync(CancellationToken cancellationToken = default) =>
        snapshot.MostReadAsync(() => CountMostReadAsync(cancellationToken));

    /// <remarks>
    /// The days are listed one by one rather than as "Day >= since": with a range SQLite prefers to walk the
    /// whole table in article order (to group without sorting), every day of views ever counted. The articles
    /// are then looked up by id: joined in the same query, SQLite walks every published article instead.
    /// </remarks>
    private async Task<IReadOnlyList<MostRead>> CountMostReadAsync(CancellationToken cancellationToken)
    {
        var today = time.Today(clock.GetUtcNow());
        var days = Enumerable.Range(0, options.Value.MostReadDays).Select(back => today.AddDays(-back)).ToList();
        var mostViewed = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => days.Contains(v.Day))
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId)
            // A few more than shown, for any taken down since they were read.
            .Take(MostReadCount * 4)
            .ToListAsync(cancellationToken);
        var articles = await PublishedByIdAsync([.. mostViewed.Select(v => v.ArticleId)], cancellationToken);
        return [.. mostViewed
            .Where(v => articles.ContainsKey(v.ArticleId))
            .Select(v => (Views: v.Views, Article: articles[v.ArticleId]))
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.Article.PublishedAt).ThenByDescending(x => x.Article.Id)
            .Take(MostReadCount)
            .Select(x => new MostRead(x.Article.Id, x.Article.Title, x.Article.Slug, x.Views))];
    }

    /// <summary>The published articles among <paramref name="ids"/>, by id.</summary>
    /// <remarks>
    /// The status is checked on the rows read rather than in SQL: told "Status = Published" as well, SQLite
    /// walks the index entries of every published article instead of looking up the few ids. No query at
    /// all for no ids: "IN ()" makes SQLite plan a scan it then never runs.
    /// </remarks>
    private async Task<Dictionary<int, ArticleSummary>> PublishedByIdAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleSummary.FromArticle).ToListAsync(cancellationToken);
        return rows.Where(a => a.Status == ArticleStatus.Published).ToDictionary(a => a.Id);
    }

    /// <summary>Newest first; the id settles articles published in the same instant, so pages never overlap.</summary>
    private static IOrderedQueryable<Article> Newest(IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    private static IOrderedQueryable<ListPlace> Newest(IQueryable<ListPlace> places) =>
        places.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id);
}

/// <summary>An article in a list: enough for a headline, its sapo, section and a thumbnail.</summary>
public sealed record ArticleSummary(
    int Id,
    string Title,
    string Slug,
    string Sapo,
    DateTime PublishedAt,
    string? SectionName,
    string? SectionSlug,
    ListImage? Image,
    ArticleStatus Status)
{
    /// <summary>Section links only to visible sections; a hidden section's page does not exist for readers.</summary>
    public static readonly Expression<Func<Article, ArticleSummary>> FromArticle = a => new ArticleSummary(
        a.Id,
        a.Title,
        a.Slug,
        a.Sapo,
        // Every published article has one; rows of others are read only to be left out (PublishedByIdAsync).
        a.PublishedAt ?? a.CreatedAt,
        a.Section == null ? null : a.Section.Name,
        a.Section == null || a.Section.IsHidden ? null : a.Section.Slug,
        a.FeaturedImage == null ? null : new ListImage(a.FeaturedImage.StoredName, a.FeaturedImage.Width, a.FeaturedImage.Height, a.FeaturedImageAlt),
        a.Status);
}

/// <summary>An article's place in a newest-first list: when it was published, then its id.</summary>
public sealed class ListPlace
{
    public DateTime? PublishedAt { get; init; }

    public int Id { get; init; }
}

public sealed record ListImage(string StoredName, int Width, int Height, string? Alt);

public sealed record MostRead(int Id, string Title, string Slug, long Views);

public sealed record SectionBlock(LinkedName Section, IReadOnlyList<ArticleSummary> Articles);

/// <param name="Lead">The lead story, or null while nothing is published.</param>
/// <param name="Featured">Up to <see cref="FrontPageSlot.FeaturedCount"/> featured stories in order.</param>
/// <param name="Latest">The newest articles not shown above.</param>
/// <param name="Sections">The newest articles of each visible section that has any.</param>
public sealed record FrontPage(ArticleSummary? Lead, IReadOnlyList<ArticleSummary> Featured, IReadOnlyList<ArticleSummary> Latest, IReadOnlyList<SectionBlock> Sections);

public sealed record ListPage(IReadOnlyList<ArticleSummary> Articles, int Page, bool HasNext)
{
    /// <summary>The "older articles" address: the next page, after this page's last article.</summary>
    public string NextPath(string path) =>
        Articles.Count > 0 ? PortalPaths.WithPageAfter(path, Page + 1, Articles[^1].Id) : PortalPaths.WithPage(path, Page + 1);
}
