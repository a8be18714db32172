using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Security;

public sealed class RoleAccessTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private const string Anonymous = "anonymous";
    private const string NoRole = "no role";
    private const int SignInFirst = 302;

    [Theory]
    [InlineData(Anonymous, "/newsroom", SignInFirst)]
    [InlineData(NoRole, "/newsroom", 403)]
    [InlineData(Roles.Reporter, "/newsroom", 200)]
    [InlineData(Roles.Editor, "/newsroom", 200)]
    [InlineData(Roles.Admin, "/newsroom", 200)]
    [InlineData(Anonymous, "/newsroom/users", SignInFirst)]
    [InlineData(Roles.Reporter, "/newsroom/users", 403)]
    [InlineData(Roles.Editor, "/newsroom/users", 403)]
    [InlineData(Roles.Admin, "/newsroom/users", 200)]
    [InlineData(Anonymous, "/newsroom/review", SignInFirst)]
    [InlineData(Roles.Reporter, "/newsroom/review", 403)]
    [InlineData(Roles.Editor, "/newsroom/review", 200)]
    [InlineData(Roles.Admin, "/newsroom/review", 200)]
    [InlineData(Anonymous, "/newsroom/notifications", SignInFirst)]
    [InlineData(NoRole, "/newsroom/notifications", 403)]
    [InlineData(Roles.Reporter, "/newsroom/notifications", 200)]
    [InlineData(Roles.Editor, "/newsroom/notifications", 200)]
    [InlineData(Roles.Admin, "/newsroom/notifications", 200)]
    [InlineData(Anonymous, "/newsroom/front-page", SignInFirst)]
    [InlineData(Roles.Reporter, "/newsroom/front-page", 403)]
    [InlineData(Roles.Editor, "/newsroom/front-page", 200)]
    [InlineData(Roles.Admin, "/newsroom/front-page", 200)]
    [InlineData(Anonymous, "/newsroom/settings", SignInFirst)]
    [InlineData(Roles.Reporter, "/newsroom/settings", 403)]
    [InlineData(Roles.Editor, "/newsroom/settings", 403)]
    [InlineData(Roles.Admin, "/newsroom/settings", 200)]
    public async Task WhoMayOpenWhichBackOfficePage(string who, string path, int expected)
    {
        using var client = new FormClient(app).InEnglish();
        // Made for anonymous visitors too: until an account exists the back office leads to /setup.
        var user = await TestUsers.CreateAsync(app, who is Anonymous or NoRole ? null : who);
        if (who != Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, TestUsers.Password)).Status);
        }

        var page = await client.GetAsync(path);

        switch (expected)
        {
            case SignInFirst:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", page.RedirectPath);
                break;
            case 403:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
                var denied = await client.GetAsync(page.RedirectPath!);
                Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
                Assert.Contains("Access denied", denied.Html, StringComparison.Ordinal);
                Assert.Contains("href=\"/newsroom\"", denied.Html, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal((HttpStatusCode)expected, page.Status);
                break;
        }
    }
}
