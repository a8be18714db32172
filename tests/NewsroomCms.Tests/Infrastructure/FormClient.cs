using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client: keeps cookies, does not follow redirects (tests assert them), and posts
/// forms with the antiforgery token read from the page that shows the form, as a browser would.
/// </summary>
public sealed partial class FormClient(NewsroomAppFactory factory) : IDisposable
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    public HttpClient Http => _http;

    /// <summary>Asks for English pages, whose text is the resource keys and so does not change with translations.</summary>
    public FormClient InEnglish()
    {
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return this;
    }

    /// <summary>Signs in through the login form, as a person would.</summary>
    public Task<Page> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return SubmitAsync("/account/login", "/account/login", fields);
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Opens <paramref name="formPage"/>, takes its antiforgery token and posts the fields to <paramref name="action"/>.</summary>
    public async Task<Page> SubmitAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        var token = page.AntiforgeryToken ?? throw new InvalidOperationException($"{formPage} has no antiforgery token (status {(int)page.Status}).");
        return await PostAsync(action, fields, token);
    }

    public async Task<Page> PostAsync(string action, IDictionary<string, string> fields, string? antiforgeryToken)
    {
        var body = new Dictionary<string, string>(fields);
        if (antiforgeryToken is not null)
        {
            body["__RequestVerificationToken"] = antiforgeryToken;
        }

        using var content = new FormUrlEncodedContent(body);
        using var response = await _http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();

    public sealed partial record Page(HttpStatusCode Status, string Html, Uri? Location)
    {
        /// <summary>Where a redirect goes, as a path when it stays on this site (the cookie handler writes absolute URLs).</summary>
        public string? RedirectPath => Location switch
        {
            null => null,
            { IsAbsoluteUri: true, Host: "localhost" } => Location.PathAndQuery,
            _ => Location.OriginalString,
        };

        public string? AntiforgeryToken => TokenPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();
    }
}
