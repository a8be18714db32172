using System.Globalization;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>Paging of the section, tag and author pages: "?trang=2", 20 articles a page.</summary>
public static class Listing
{
    public const int PageSize = 20;
    public const string PageParameter = "trang";

    /// <summary>Deeper than this is not a page anyone reached by following links.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// The page a request asks for: 1 without the parameter; null (answer 404) for anything but one whole
    /// number from 1 to <see cref="MaxPage"/> written plainly ("02", "+2", "2.0" and "trang=1&amp;trang=2" are not).
    /// </summary>
    public static int? RequestedPage(IQueryCollection query)
    {
        if (!query.TryGetValue(PageParameter, out var values))
        {
            return 1;
        }

        if (values.Count != 1 || values[0] is not { Length: > 0 and <= 6 } text || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        var page = int.Parse(text, CultureInfo.InvariantCulture);
        return page <= MaxPage ? page : null;
    }
}
