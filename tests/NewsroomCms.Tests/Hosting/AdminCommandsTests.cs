using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Tests.Search;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Tests.Hosting;

public sealed partial class AdminCommandsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task MigrateSucceeds()
    {
        var run = await RunAsync(app, "", "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task CreateUserMakesAnAccountThatCanSignIn()
    {
        var email = NewEmail();

        var run = await RunAsync(app, "mat-khau-moi-2026\n", "create-user", "--email", email, "--name", "Trần Thị Phóng Viên", "--role", "Reporter");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(email, run.Output, StringComparison.Ordinal);
        using var client = new FormClient(app);
        var signedIn = await client.SignInAsync(email, "mat-khau-moi-2026");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/newsroom", signedIn.Location?.OriginalString);
        var desk = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains("Trần Thị Phóng Viên", desk.Html, StringComparison.Ordinal);
        Assert.Equal([Roles.Reporter], await RolesOfAsync(email));
    }

    [Fact]
    public async Task CreateUserRefusesAWeakPassword()
    {
        var email = NewEmail();

        var run = await RunAsync(app, "abc\n", "create-user", "--email", email, "--name", "Yếu", "--role", "Editor");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("10", run.Error, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Theory]
    [InlineData("create-user --email {email} --name Thiếu")]
    [InlineData("create-user --email {email} --name Sai --role Chief")]
    [InlineData("create-user email {email} --name Sai --role Reporter")]
    [InlineData("frobnicate --email {email}")]
    public async Task WrongCommandLinePrintsTheUsageAndChangesNothing(string commandLine)
    {
        var email = NewEmail();
        var args = commandLine.Replace("{email}", email, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var run = await RunAsync(app, "mat-khau-moi-2026\n", args);

        Assert.Equal(AdminCommands.Usage, run.ExitCode);
        Assert.Contains("Usage: NewsroomCms.Web", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task CreateUserWithoutAPasswordOnStandardInputIsRefused()
    {
        var email = NewEmail();

        var run = await RunAsync(app, "", "create-user", "--email", email, "--name", "Không Mật Khẩu", "--role", "Reporter");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("standard input", run.Error, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task SeedDemoPublishesTheDemoArticlesOnTheHomePage()
    {
        var run = await RunAsync(app, "", "seed-demo");

        Assert.Equal(0, run.ExitCode);
        using var client = new FormClient(app);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.All(DemoContent.Articles, article => Assert.Contains(article.Title, home.Html, StringComparison.Ordinal));
        Assert.Contains("Kinh tế", home.Html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var sections = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Name).ToListAsync();
        Assert.Equal(DemoContent.Sections.Order(), sections.Order());
    }

    [Fact]
    public async Task SeedDemoAgainAddsNothing()
    {
        Assert.Equal(0, (await RunAsync(app, "", "seed-demo")).ExitCode);
        var before = await CountsAsync();

        var again = await RunAsync(app, "", "seed-demo");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task SeedDemoWithAccountsPrintsTwoAccountsWithFreshRandomPasswordsThatSignIn()
    {
        // Two installations, so the accounts are new in each.
        using var first = new NewsroomAppFactory();
        using var second = new NewsroomAppFactory();

        var firstRun = await RunAsync(first, "", "seed-demo", "--with-accounts");
        var secondRun = await RunAsync(second, "", "seed-demo", "--with-accounts");

        Assert.Equal(0, firstRun.ExitCode);
        Assert.Equal(0, secondRun.ExitCode);
        var firstAccounts = PrintedAccounts(firstRun.Output);
        var secondAccounts = PrintedAccounts(secondRun.Output);
        Assert.Equal([Roles.Reporter, Roles.Editor], firstAccounts.Select(a => a.Role));
        Assert.Equal(firstAccounts.Select(a => a.Email), secondAccounts.Select(a => a.Email));
        Assert.NotEqual(firstAccounts[0].Password, firstAccounts[1].Password);
        Assert.Empty(firstAccounts.Select(a => a.Password).Intersect(secondAccounts.Select(a => a.Password)));
        foreach (var (factory, accounts) in new[] { (first, firstAccounts), (second, secondAccounts) })
        {
            foreach (var account in accounts)
            {
                using var client = new FormClient(factory);
                var signedIn = await client.SignInAsync(account.Email, account.Password);
                Assert.Equal("/newsroom", signedIn.Location?.OriginalString);
            }
        }

        // A second run keeps the passwords people were given and shows none.
        var rerun = await RunAsync(first, "", "seed-demo", "--with-accounts");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Empty(PrintedAccounts(rerun.Output));
        Assert.DoesNotContain(firstAccounts[0].Password, rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReindexSearchIndexesThePublishedArticlesAndSaysHowMany()
    {
        // A database of its own: the seed-demo tests here expect one without articles.
        using var restored = new NewsroomAppFactory();
        // Published straight in the database, as an import or a restore leaves it: not in the index yet.
        var id = await SearchSite.CreateAsync(restored, "Đua ghe ngo mừng lễ hội Ok Om Bok", status: ArticleStatus.Published);
        Assert.False(await SearchSite.IsIndexedAsync(restored, id));
        // ... and its tag's link without the publication time the tag page reads.
        var tag = await Portal.Newspaper.TagAsync(restored, "Ok Om Bok");
        var tagged = await Portal.Newspaper.ArticleAsync(restored, "Thả đèn nước", tags: [tag]);
        await Portal.Newspaper.QueryAsync(restored, db => db.ArticleTags.ExecuteUpdateAsync(set => set.SetProperty(l => EF.Property<DateTime?>(l, ArticleTagLink.PublishedAt), (DateTime?)null)));

        var run = await RunAsync(restored, "", "reindex-search");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using (var scope = restored.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Articles.CountAsync(a => a.Status == ArticleStatus.Published);
            Assert.Equal(
                [$"Indexed {published} published articles for search.", "Gave the tag and byline links of every article its publication time."],
                run.Output.Trim().Split('\n', StringSplitOptions.TrimEntries));
        }

        Assert.Equal(
            [Web.Features.Portal.PortalPaths.ArticlePath(tagged.Slug)],
            (await Portal.ReaderPage.GetAsync(restored, Web.Features.Portal.PortalPaths.TagPath(tag.Slug))).ArticleLinks("main ul.list"));

        Assert.Equal([await SearchSite.SlugAsync(restored, id)], await SearchSite.FoundAsync(restored, "dua ghe ngo"));
        Assert.Contains("reindex-search", AdminCommands.UsageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemoMakesTheDemoArticlesSearchable()
    {
        using var fresh = new NewsroomAppFactory();

        Assert.Equal(0, (await RunAsync(fresh, "", "seed-demo")).ExitCode);

        var found = await SearchSite.FoundAsync(fresh, "hoi nghi giao ban truc tuyen");
        Assert.Equal([VietnameseText.Slugify(DemoContent.Articles[0].Title, Article.SlugMaxLength)], found);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(NewsroomAppFactory factory, string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(factory.Services, args, stdin, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string NewEmail() => $"lenh-{Guid.NewGuid():N}@baotinh.vn";

    private static List<(string Role, string Email, string Password)> PrintedAccounts(string output) =>
        [.. AccountLine().Matches(output).Select(m => (m.Groups["role"].Value, m.Groups["email"].Value, m.Groups["password"].Value))];

    private async Task<bool> ExistsAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email) is not null;
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<(int Sections, int Authors, int Tags, int Articles)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return (await db.Sections.CountAsync(), await db.Authors.CountAsync(), await db.Tags.CountAsync(), await db.Articles.CountAsync());
    }

    [GeneratedRegex(@"^(?<role>\w+): (?<email>\S+@\S+) / (?<password>\S+)", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
