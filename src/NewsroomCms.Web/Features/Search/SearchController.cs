using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Web.Features.Search;

/// <summary>The readers' search page; the search box on every public page sends its query here.</summary>
[AllowAnonymous]
[ReaderLanguage]
public sealed class SearchController(SiteSearch search) : Controller
{
    [HttpGet("/tim-kiem")]
    public async Task<IActionResult> Index(string? q, string? trang, CancellationToken cancellationToken)
    {
        var query = SearchText.Parse(q);
        // Read by hand: a page number that is not one shows the first page, not an error.
        var page = int.TryParse(trang, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var results = query.Problem == SearchProblem.None ? await search.SearchAsync(query, page, cancellationToken) : null;
        return View("Search", new SearchView(query, page, results));
    }
}

/// <param name="Query">What the reader typed, read.</param>
/// <param name="Page">The page asked for, from 1.</param>
/// <param name="Results">Null when the query was not searched (nothing typed, or a problem to tell the reader).</param>
public sealed record SearchView(SearchQuery Query, int Page, SearchResults? Results)
{
    public int PageCount => Results is null ? 0 : (Results.Total + SiteSearch.PageSize - 1) / SiteSearch.PageSize;

    /// <summary>The place of this page's first result in the whole list.</summary>
    public int FirstNumber => (Page - 1) * SiteSearch.PageSize + 1;

    /// <summary>Pages to link to: the first, the last and two either side of this one, with 0 for a gap.</summary>
    public IReadOnlyList<int> PageLinks
    {
        get
        {
            var links = new List<int>();
            foreach (var page in Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= 2))
            {
                if (links.Count > 0 && page > links[^1] + 1)
                {
                    links.Add(0);
                }

                links.Add(page);
            }

            return links;
        }
    }

    /// <summary>The parts as HTML, searched words in &lt;mark&gt;, every part's text encoded.</summary>
    public static IHtmlContent Marked(IReadOnlyList<TextPart> parts)
    {
        var html = new HtmlContentBuilder(parts.Count * 3);
        foreach (var part in parts)
        {
            if (part.IsMatch)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }

    public string PageUrl(int page) =>
        "/tim-kiem?q=" + Uri.EscapeDataString(Query.Text) + (page > 1 ? "&trang=" + page.ToString(CultureInfo.InvariantCulture) : "");
}
