using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using static NewsroomCms.Tests.Catalog.CatalogSteps;

namespace NewsroomCms.Tests.Catalog;

/// <summary>Every page and form of sections, tags and authors is for editors and admins, checked on the server.</summary>
public sealed class CatalogAccessTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private static readonly string[] Pages = ["/newsroom/sections", "/newsroom/sections/{section}", "/newsroom/tags", "/newsroom/tags/{tag}", "/newsroom/authors", "/newsroom/authors/new", "/newsroom/authors/{author}"];

    private static readonly string[] Forms =
    [
        "/newsroom/sections", "/newsroom/sections/{section}", "/newsroom/sections/{section}/move-up", "/newsroom/sections/{section}/move-down",
        "/newsroom/sections/{section}/hide", "/newsroom/sections/{section}/show",
        "/newsroom/tags/{tag}", "/newsroom/tags/{tag}/merge", "/newsroom/tags/{tag}/delete",
        "/newsroom/authors/new", "/newsroom/authors/{author}", "/newsroom/authors/{author}/retire", "/newsroom/authors/{author}/unretire",
    ];

    [Fact]
    public async Task AReporterIsDeniedEveryPageAndEveryChange()
    {
        var ids = await ThingsAsync();
        var (reporter, _) = await TestUsers.SignedInAsync(app, Roles.Reporter);
        using (reporter)
        {
            var token = (await reporter.GetAsync("/newsroom")).AntiforgeryToken;
            var desk = await reporter.GetAsync("/newsroom");
            Assert.DoesNotContain("href=\"/newsroom/sections\"", desk.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/newsroom/tags\"", desk.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/newsroom/authors\"", desk.Html, StringComparison.Ordinal);

            foreach (var page in Pages)
            {
                AssertDenied(await reporter.GetAsync(ids.Fill(page)), page);
            }

            foreach (var form in Forms)
            {
                AssertDenied(await reporter.PostAsync(ids.Fill(form), Attempt(ids), token), form);
            }

            await AssertUnchangedAsync(ids);
        }
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        var ids = await ThingsAsync();
        // Until an account exists the back office leads to /setup instead.
        await TestUsers.CreateAsync(app, Roles.Reporter);
        using var anonymous = new FormClient(app);

        foreach (var path in Pages.Select(ids.Fill))
        {
            var get = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.Status);
            Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", get.RedirectPath);
        }

        foreach (var form in Forms)
        {
            var post = await anonymous.PostAsync(ids.Fill(form), Attempt(ids), antiforgeryToken: null);
            Assert.Equal(HttpStatusCode.Redirect, post.Status);
            Assert.StartsWith("/account/login", post.RedirectPath, StringComparison.Ordinal);
        }

        await AssertUnchangedAsync(ids);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task EditorsAndAdminsOpenEveryPageFromTheNavigation(string role)
    {
        var ids = await ThingsAsync();
        using var client = await EditorAsync(app, role);

        var desk = await client.GetAsync("/newsroom");
        Assert.Contains("<li><a href=\"/newsroom/sections\">Sections</a></li>", desk.Html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/newsroom/tags\">Tags</a></li>", desk.Html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/newsroom/authors\">Authors</a></li>", desk.Html, StringComparison.Ordinal);
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(ids.Fill(page));
            Assert.True(response.Status == HttpStatusCode.OK, $"{page}: {response.Status}");
            Assert.NotNull(response.AntiforgeryToken);
        }
    }

    private static void AssertDenied(FormClient.Page page, string what)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"{what}: {page.Status}");
        Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
    }

    /// <summary>Fields that would change something if the request got through.</summary>
    private static Dictionary<string, string> Attempt(Ids ids) => new()
    {
        ["Input.Name"] = "Đã bị đổi",
        ["Input.Slug"] = "da-bi-doi-" + Guid.NewGuid().ToString("N")[..6],
        ["Input.PenName"] = "Đã bị đổi",
        ["Merge.TargetId"] = ids.OtherTag.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Ids> ThingsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var section = await SectionAsync(app, "Chuyên mục " + suffix);
        var tag = await TagAsync(app, "Thẻ " + suffix);
        var other = await TagAsync(app, "Thẻ khác " + suffix);
        var author = await QueryAsync(app, async db =>
        {
            var profile = new Author { PenName = "Tác giả " + suffix, Slug = "tac-gia-" + suffix, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Authors.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
        return new Ids(section, tag, other, author);
    }

    private async Task AssertUnchangedAsync(Ids ids)
    {
        Assert.DoesNotContain(await QueryAsync(app, db => db.AuditEvents.Select(e => e.Action).ToListAsync()),
            action => action.StartsWith("section.", StringComparison.Ordinal) || action.StartsWith("tag.", StringComparison.Ordinal) || action.StartsWith("author.", StringComparison.Ordinal));
        Assert.Equal(2, await QueryAsync(app, db => db.Tags.CountAsync(t => t.Id == ids.Tag || t.Id == ids.OtherTag)));
    }

    private sealed record Ids(int Section, int Tag, int OtherTag, int Author)
    {
        public string Fill(string path) => path
            .Replace("{section}", Section.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{tag}", Tag.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{author}", Author.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
