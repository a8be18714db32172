using System.Net;
using System.Net.Http.Headers;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Tests.Site;

public sealed class SiteTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerHealthyWithAWorkingDatabase(string path)
    {
        using var client = new FormClient(app);

        var health = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Html);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/tin-cu/2019/bai.html")]
    [InlineData("/bai-viet/bai-khong-ton-tai")]
    public async Task UnknownAddressGetsTheFriendlyNotFoundPage(string path)
    {
        using var client = new FormClient(app).InEnglish();
        using var response = await client.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // A reader's page: in Vietnamese, with the search form and the ways back to the news.
        Assert.Contains(Texts.Vietnamese<SiteResource>(app, "Page not found"), html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search\" method=\"get\" action=\"/tim-kiem\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewsroomAddressThatDoesNotExistKeepsTheBackOfficeLook()
    {
        var (editor, _) = await TestUsers.SignedInAsync(app, NewsroomCms.Web.Domain.Roles.Editor);
        editor.InEnglish();

        var page = await editor.GetAsync("/newsroom/review/999999");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/tim-kiem\"", page.Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A refused POST is re-executed at /error/400 as a POST. When the form itself could not be read (more
    /// fields or a longer field than forms allow), the error page read it again, bound nothing and answered 500.
    /// </summary>
    [Theory]
    [InlineData(false, "/account/login", "readable")]
    [InlineData(false, "/account/login", "too many fields")]
    [InlineData(false, "/account/login", "a field too long")]
    [InlineData(false, "/account/login", "no body")]
    [InlineData(true, "/newsroom/articles", "readable")]
    [InlineData(true, "/newsroom/articles", "too many fields")]
    [InlineData(true, "/newsroom/articles", "a field too long")]
    [InlineData(true, "/newsroom/articles", "no body")]
    public async Task APostRefusedForItsTokenOrItsFormGetsTheBadRequestPage(bool signedIn, string path, string form)
    {
        using var client = signedIn ? (await TestUsers.SignedInAsync(app, NewsroomCms.Web.Domain.Roles.Editor)).Client : new FormClient(app);
        client.InEnglish();
        using var content = form switch
        {
            "readable" => new StringContent("__RequestVerificationToken=forged&Title=x"),
            "too many fields" => new StringContent(string.Join("&", Enumerable.Range(0, 1100).Select(n => $"f{n}=x")) + "&__RequestVerificationToken=forged"),
            "a field too long" => new StringContent("Body=" + new string('a', 5 * 1024 * 1024) + "&__RequestVerificationToken=forged"),
            _ => new StringContent(""),
        };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.Http.PostAsync(path, content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be handled", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesCarryTheSecurityHeaders()
    {
        using var client = new FormClient(app);
        using var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Single(response.Headers, "Content-Security-Policy"));
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
        Assert.Contains("'self'", policy["script-src"]);
        Assert.DoesNotContain("'unsafe-inline'", policy["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", policy["script-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal("nosniff", Single(response.Headers, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response.Headers, "Referrer-Policy"));
    }

    [Fact]
    public async Task PagesAreInVietnameseByDefault()
    {
        using var client = new FormClient(app);

        var home = await client.GetAsync("/");

        Assert.Contains("<html lang=\"vi\">", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureInTheQueryStringGivesEnglish()
    {
        using var client = new FormClient(app);

        var home = await client.GetAsync(await BackOfficePageAsync() + "?culture=en");

        Assert.Contains("<html lang=\"en\">", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishBrowserGetsEnglish()
    {
        using var client = new FormClient(app);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var home = await client.GetAsync(await BackOfficePageAsync());

        Assert.Contains("<html lang=\"en\">", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageLinkRemembersTheChoiceAndGoesBack()
    {
        using var client = new FormClient(app);
        using var response = await client.Http.GetAsync("/language?culture=en&returnUrl=%2Fbai-viet%2Fkhong-co");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bai-viet/khong-co", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        var page = await BackOfficePageAsync();
        Assert.Contains("<html lang=\"en\">", (await client.GetAsync(page)).Html, StringComparison.Ordinal);

        await client.GetAsync("/language?culture=vi-VN&returnUrl=%2F");
        Assert.Contains("<html lang=\"vi\">", (await client.GetAsync(page)).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task LanguageLinkNeverLeavesTheSite(string returnUrl)
    {
        using var client = new FormClient(app);

        var page = await client.GetAsync($"/language?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Location?.OriginalString);
    }

    [Fact]
    public async Task UnsupportedLanguageKeepsVietnamese()
    {
        using var client = new FormClient(app);

        await client.GetAsync("/language?culture=fr&returnUrl=%2F");

        Assert.Contains("<html lang=\"vi\">", (await client.GetAsync(await BackOfficePageAsync())).Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sign-in page: the language choice is the newsroom's (readers' pages are always Vietnamese). An
    /// account must exist, or every newsroom page leads to /setup.
    /// </summary>
    private async Task<string> BackOfficePageAsync()
    {
        await TestUsers.CreateAsync(app, role: null);
        return "/account/login";
    }

    private static string Single(HttpResponseHeaders headers, string name) =>
        Assert.Single(headers.TryGetValues(name, out var values) ? values : []);

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
}
