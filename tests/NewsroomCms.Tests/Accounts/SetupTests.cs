using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;

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

    public void Dispose() => _app.Dispose();
}
