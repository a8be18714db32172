using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Features.Accounts;
using NewsroomCms.Web.Features.Shared;

namespace NewsroomCms.Tests.Localization;

/// <summary>
/// The first page anyone sees (/setup, while nobody has an account) is in Vietnamese unless English is asked for.
/// Expected texts come from the app's own localizers, so the assertions follow the .vi.resx files.
/// </summary>
public sealed class SetupLanguageTests : IDisposable
{
    private readonly NewsroomAppFactory _app = new();

    [Fact]
    public async Task SetupIsInVietnameseByDefault()
    {
        using var client = new FormClient(_app);

        var page = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"vi\">", page.Html, StringComparison.Ordinal);
        var heading = Vietnamese<AccountsResource>("Set up the newsroom");
        // Written as characters, not &#x...; entities.
        Assert.Contains($"<h1>{heading}</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<title>{heading} – NewsroomCms</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains(Vietnamese<SharedResource>("Skip to content"), page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupIsInEnglishWhenAskedFor()
    {
        using var client = new FormClient(_app);

        var page = await client.GetAsync("/setup?culture=en");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"en\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>Set up the newsroom</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title>Set up the newsroom – NewsroomCms</title>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupValidationErrorsAreInVietnamese()
    {
        using var client = new FormClient(_app);

        var page = await client.SubmitAsync("/setup", "/setup", new Dictionary<string, string>
        {
            ["DisplayName"] = "",
            ["Email"] = "",
            ["Password"] = "mat-khau-2026",
            ["ConfirmPassword"] = "mat-khau-2026",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Vietnamese<SharedResource>("Please enter {0}.", Vietnamese<SharedResource>("Email")), page.Html, StringComparison.Ordinal);
        Assert.Contains(Vietnamese<SharedResource>("Please enter {0}.", Vietnamese<SharedResource>("Full name")), page.Html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private string Vietnamese<TResource>(string key, params object[] arguments) => Texts.Vietnamese<TResource>(_app, key, arguments);
}
