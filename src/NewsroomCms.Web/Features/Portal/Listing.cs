using System.Globalization;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// Paging of the section, tag and author pages: "?trang=2", 20 articles a page. The "older articles" link
/// also says which article the page follows ("&amp;sau=123"), so a page reached through the links starts
/// right after it in the index instead of stepping over every article on the pages before.
/// </summary>
public static class Listing
{
    public const int PageSize = 20;
    public const string PageParameter = "trang";
    public const string AfterParameter = "sau";

    /// <summary>Deeper than this is not a page anyone reached by following links.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// The page a request asks for: 1 without the parameter; null (answer 404) for anything but one whole
    /// number from 1 to <see cref="MaxPage"/> written plainly ("02", "+2", "2.0" and "trang=1&amp;trang=2" are not).
    /// </summary>
    private static int? RequestedPage(IQueryCollection query) =>
        query.ContainsKey(PageParameter) ? PlainNumber(query, PageParameter, MaxPage) : 1;

    /// <summary>
    /// The page and the article it follows, or null (answer 404) for a page <see cref="RequestedPage"/>
    /// refuses, or an article id not written plainly, or one given for the first page (no link makes those).
    /// </summary>
    public static ListRequest? Requested(IQueryCollection query)
    {
        if (RequestedPage(query) is not { } page)
        {
            return null;
        }

        if (!query.ContainsKey(AfterParameter))
        {
            return new ListRequest(page, null);
        }

        return page > 1 && PlainNumber(query, AfterParameter, int.MaxValue) is { } after ? new ListRequest(page, after) : null;
    }

    private static int? PlainNumber(IQueryCollection query, string name, int max)
    {
        var values = query[name];
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= 10 } text || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        return long.Parse(text, CultureInfo.InvariantCulture) is var number && number <= max ? (int)number : null;
    }
}

/// <param name="Page">From 1.</param>
/// <param name="After">The id of the last article of the page before, when the request came through its link.</param>
public sealed record ListRequest(int Page, int? After);
