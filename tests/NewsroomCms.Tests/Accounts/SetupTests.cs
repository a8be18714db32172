using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Accounts;

public sealed class SetupTests : IDisposable
{
    private readonly NewsroomAppFactory _app = new();

    [Fact]
    public async Task BackOfficeLeadsToSetupUntilTheFirstAdminExists()
    {
        using var client = new FormClient(_app);

        var newsroom = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, newsroom.Status);
        Assert.Equal("/setup", newsroom.Location?.OriginalString);

        var created = await client.SubmitAsync("/setup", "/setup", new Dictionary<string, string>
        {
            ["DisplayName"] = "Nguyễn Văn Quản Trị",
            ["Email"] = "admin@baotinh.vn",
            ["Password"] = "mat-khau-2026",
            ["ConfirmPassword"] = "mat-khau-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/newsroom", created.Location?.OriginalString);

        var desk = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains("Nguyễn Văn Quản Trị", desk.Html, StringComparison.Ordinal);

        var setupAgain = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setupAgain.Status);
    }

    [Fact]
    public async Task TwoPeopleSubmittingSetupAtOnceMakeOnlyOneAdmin()
    {
        using var first = new FormClient(_app);
        using var second = new FormClient(_app);
        var firstToken = (await first.GetAsync("/setup")).AntiforgeryToken;
        var secondToken = (await second.GetAsync("/setup")).AntiforgeryToken;

        var results = await Task.WhenAll(
            first.PostAsync("/setup", SetupForm("Người Thứ Nhất", "mot@baotinh.vn"), firstToken),
            second.PostAsync("/setup", SetupForm("Người Thứ Hai", "hai@baotinh.vn"), secondToken));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect && r.Location?.OriginalString == "/newsroom");
        Assert.Single(results, r => r.Status == HttpStatusCode.NotFound);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Single(await users.Users.ToListAsync());
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
    }

    [Fact]
    public async Task SetupIsNotFoundOnceAnAccountExists()
    {
        await TestUsers.CreateAsync(_app, Roles.Editor);
        using var client = new FormClient(_app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).Status);
        // A valid token from another form of the site, so only the setup rule can refuse the post.
        var token = (await client.GetAsync("/account/login")).AntiforgeryToken;
        var posted = await client.PostAsync("/setup", SetupForm("Kẻ Đến Sau", "sau@baotinh.vn"), token);

        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        using var scope = _app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("sau@baotinh.vn"));
    }

    private static Dictionary<string, string> SetupForm(string name, string email) => new()
    {
        ["DisplayName"] = name,
        ["Email"] = email,
        ["Password"] = "mat-khau-2026",
        ["ConfirmPassword"] = "mat-khau-2026",
    };

    public void Dispose() => _app.Dispose();
}
