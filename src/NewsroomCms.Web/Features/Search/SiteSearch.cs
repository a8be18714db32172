using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Search;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Queries matching at most this many articles are ranked by relevance; those matching more are shown
    /// newest first among this many recent matches, and their count as "more than" this.
    /// </summary>
    /// <remarks>
    /// A search costs about three passes over this many matches at most (count, then the matches with the
    /// exact-diacritics tier): at a million articles 10,000 took 80 ms for a word just over it, 5,000 takes 43.
    /// </remarks>
    public int MaxRankedResults { get; set; } = 5_000;

    internal static bool IsValid(SearchOptions options) => options.MaxRankedResults is >= 1 and <= 1_000_000;
}

/// <summary>
/// The readers' search: one page of published articles for a query, ranked, with highlighted snippets.
/// </summary>
/// <remarks>
/// Ranking reads every match (bm25 is computed per article), which is fine for a few thousand and not for
/// "năm", found in nearly every one of a million articles. So the first query counts the matches, but
/// stops at <see cref="SearchOptions.MaxRankedResults"/> + 1: its cost is bounded whatever the query.
/// Up to the limit, the matches are ranked (tens of milliseconds for 5,000 on SQLite). Above it,
/// the query is too common to rank usefully anyway: the most recent matches (by article id, which the
/// index walks backwards without reading the others) are shown newest first, and the count is shown as
/// "more than 5,000". Every page therefore costs at most about the limit in index reads, on any query.
/// </remarks>
public sealed class SiteSearch(NewsroomDbContext db, IOptions<SearchOptions> options)
{
    public const int PageSize = 10;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken = default)
    {
        if (query.Problem != SearchProblem.None)
        {
            throw new ArgumentException("Only a query without problems can be searched.", nameof(query));
        }

        var sql = SearchSql.For(db.Database);
        var (match, title, exact) = sql.Conditions(query);
        var limit = options.Value.MaxRankedResults;
        const int published = (int)ArticleStatus.Published;

        var found = (await db.Database.SqlQueryRaw<int>(sql.CountMatches, match, published, limit + 1).ToListAsync(cancellationToken)).Single();
        var tooCommon = found > limit;
        var total = Math.Min(found, limit);
        var skip = (long)(Math.Max(page, 1) - 1) * PageSize;
        if (skip >= total)
        {
            return new SearchResults(total, tooCommon, []);
        }

        var ids = tooCommon
            ? await db.Database.SqlQueryRaw<int>(sql.Newest(query.HasMarks), match, exact, published, limit, (int)skip, PageSize).ToListAsync(cancellationToken)
            : await db.Database.SqlQueryRaw<int>(sql.Ranked(query.HasMarks), match, title, exact, published, (int)skip, PageSize).ToListAsync(cancellationToken);
        // The status is checked on the rows read: told "Status = Published" too, SQLite walks every
        // published article's index entry instead of looking up the ten ids.
        var articles = (await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Status, a.Title, a.Slug, a.Sapo, a.Body, a.PublishedAt, Section = a.Section == null ? null : a.Section.Name })
            .ToListAsync(cancellationToken))
            .Where(a => a.Status == ArticleStatus.Published)
            .ToDictionary(a => a.Id);

        // Snippets from the article's own text, so readers see tone marks even when they typed none;
        // normalized, as text stored decomposed would otherwise split words at every mark.
        var hits = ids.Where(articles.ContainsKey).Select(id => articles[id]).Select(a => new SearchHit(
            a.Slug,
            SearchText.Highlight(VietnameseText.CleanLine(a.Title), query.FoldedWords),
            a.Section,
            a.PublishedAt!.Value,
            SearchText.Snippet(VietnameseText.CleanLine(a.Sapo) + " " + ArticleText.ToPlainText(a.Body), query.FoldedWords))).ToList();
        return new SearchResults(total, tooCommon, hits);
    }
}

/// <param name="Total">How many articles match (at most the ranking limit).</param>
/// <param name="MoreThanTotal">More articles match than <paramref name="Total"/>: they are shown newest first.</param>
/// <param name="Hits">The requested page, empty past the last one.</param>
public sealed record SearchResults(int Total, bool MoreThanTotal, IReadOnlyList<SearchHit> Hits);

public sealed record SearchHit(string Slug, IReadOnlyList<TextPart> Title, string? Section, DateTime PublishedAt, IReadOnlyList<TextPart> Snippet);
