namespace NewsroomCms.Web.Features.Shared;

/// <summary>One page of a list read whole, with where it stands among the others.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="Pages">How many pages the items fill (at least 1, an empty list being one empty page).</param>
/// <param name="Total">How many items there are on every page.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Pages, int Total);

public static class Paged
{
    /// <summary>Page <paramref name="page"/> of <paramref name="all"/>; a page past either end shows the nearest one.</summary>
    public static Paged<T> Of<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        return new Paged<T>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pages, all.Count);
    }
}

/// <summary>What <c>_Pager.cshtml</c> shows: links to the pages around this one, under a label naming the list.</summary>
/// <param name="Page">This page, from 1.</param>
/// <param name="Pages">How many pages there are; with only one, nothing is shown.</param>
/// <param name="Label">Names the list paged through, for screen readers (the page has other navigation).</param>
/// <param name="Link">The address of a page, by its number.</param>
public sealed record Pager(int Page, int Pages, string Label, Func<int, string> Link);
