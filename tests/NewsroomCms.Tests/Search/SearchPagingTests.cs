using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Tests.Search;

/// <summary>The app with a ranking limit of 1,000, so a test can have more matches than that.</summary>
public sealed class SearchLimitAppFactory : NewsroomAppFactory
{
    public const int Limit = 1000;

    public SearchLimitAppFactory() => With("Search:MaxRankedResults", Limit.ToString(CultureInfo.InvariantCulture));
}

public sealed class SearchPagingTests(SearchLimitAppFactory app) : IClassFixture<SearchLimitAppFactory>
{
    [Fact]
    public async Task ResultsComeTenAPageWithTheirCountAndLinksToTheOtherPages()
    {
        var published = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            published.Add(await SearchSite.SlugAsync(app, await SearchSite.PublishAsync(app, $"Hoa súng nở rộ ở đầm sen số {i + 1}")));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await SearchSite.SearchAsync(app, "hoa súng");
        var second = SearchSite.Results(await SearchSite.SearchAsync(app, "hoa súng", 2));
        var third = SearchSite.Results(await SearchSite.SearchAsync(app, "hoa súng", 3));

        Assert.Contains("Tìm thấy 23 kết quả cho “hoa súng”", first.Html, StringComparison.Ordinal);
        Assert.Equal(10, SearchSite.Results(first).Count);
        Assert.Equal(10, second.Count);
        Assert.Equal(3, third.Count);
        Assert.Equal(published.Order(), SearchSite.Results(first).Concat(second).Concat(third).Order());
        Assert.Contains("<ol class=\"article-list search-results\" start=\"21\"", (await SearchSite.SearchAsync(app, "hoa súng", 3)).Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tim-kiem?q=hoa%20s%C3%BAng&amp;trang=2\" rel=\"next\"", first.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tim-kiem?q=hoa%20s%C3%BAng\" aria-current=\"page\"", first.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tim-kiem?q=hoa%20s%C3%BAng&amp;trang=3\" aria-label=\"Trang 3\"", first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("1.5")]
    public async Task APageNumberThatIsNotOneShowsTheFirstPage(string page)
    {
        var id = await SearchSite.PublishAsync(app, "Chim cò về làm tổ ở vườn nhà");
        using var client = new FormClient(app);

        var result = await client.GetAsync("/tim-kiem?q=chim+co+ve+lam+to&trang=" + Uri.EscapeDataString(page));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(await SearchSite.SlugAsync(app, id), SearchSite.Results(result));
    }

    [Fact]
    public async Task APagePastTheLastResultSaysSoAndLinksToTheFirst()
    {
        await SearchSite.PublishAsync(app, "Mùa nước nổi ở đồng bằng");

        var page = await SearchSite.SearchAsync(app, "mua nuoc noi", 5);

        Assert.Empty(SearchSite.Results(page));
        Assert.Contains(Texts.Vietnamese<SearchResource>(app, "This page is past the last result."), page.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/tim-kiem?q=mua%20nuoc%20noi\">", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SearchSite.SearchAsync(app, "mua nuoc noi", int.MaxValue)).Status);
    }

    /// <summary>
    /// 1,001 articles hold "lục bình" (odd ones) or "lúc bình" (even ones): more than the limit, so the
    /// query is not ranked. Their ids are not in the order they were published in.
    /// </summary>
    [Fact]
    public async Task AQueryMatchingMoreThanTheLimitShowsTheNewestFirstAndAnApproximateCount()
    {
        var articles = await ManyAsync(SearchLimitAppFactory.Limit + 1);

        var page = await SearchSite.SearchAsync(app, "luc binh");
        var exact = await SearchSite.SearchAsync(app, "lục bình");

        Assert.Contains("Tìm thấy hơn 1.000 kết quả cho “luc binh”", page.Html, StringComparison.Ordinal);
        Assert.Contains(Texts.Vietnamese<SearchResource>(app, "So many articles match that the newest are shown first. Add words to narrow the search."), page.Html, StringComparison.Ordinal);
        Assert.Equal(articles.OrderByDescending(a => a.PublishedAt).Take(SiteSearch.PageSize).Select(a => a.Slug), SearchSite.Results(page));
        // With marks typed, the articles with those marks come first, newest first among them.
        Assert.Equal(
            articles.Where(a => a.Title.Contains("lục", StringComparison.Ordinal)).OrderByDescending(a => a.PublishedAt).Take(SiteSearch.PageSize).Select(a => a.Slug),
            SearchSite.Results(exact));
        // Pages go on up to the limit, not beyond.
        Assert.Equal(SiteSearch.PageSize, SearchSite.Results(await SearchSite.SearchAsync(app, "luc binh", SearchLimitAppFactory.Limit / SiteSearch.PageSize)).Count);
        Assert.Empty(SearchSite.Results(await SearchSite.SearchAsync(app, "luc binh", SearchLimitAppFactory.Limit / SiteSearch.PageSize + 1)));
    }

    private async Task<List<Article>> ManyAsync(int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var articles = Enumerable.Range(0, count).Select(i => new Article
        {
            Title = (i % 2 == 1 ? "Dọn lục bình" : "Gặp nhau lúc bình minh") + " số " + i.ToString(CultureInfo.InvariantCulture),
            Slug = "luc-binh-" + i.ToString(CultureInfo.InvariantCulture),
            Sapo = "Tin ngắn.",
            Body = "<p>Tin ngắn.</p>",
            Status = ArticleStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
            // A permutation of the minutes before now: publication order unrelated to the ids.
            PublishedAt = now.AddMinutes(-1 - ((i * 389 + 500) % count)),
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
        // The window is the 1,000 most recent matches by id: the first article is left out of it.
        return [.. articles.Skip(1)];
    }
}
