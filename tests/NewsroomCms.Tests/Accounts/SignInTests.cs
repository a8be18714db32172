using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Accounts;

public sealed class SignInTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private const string WrongPassword = "sai-mat-khau-987";

    [Fact]
    public async Task RightPasswordLeadsToTheNewsroom()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter, "Lê Văn Đúng");
        using var client = new FormClient(app);

        var signedIn = await client.SignInAsync(user.Email!, TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/newsroom", signedIn.Location?.OriginalString);
        var desk = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains("Lê Văn Đúng", desk.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInGoesBackToTheLocalPageThatAskedForIt()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Editor);
        using var client = new FormClient(app);

        var signedIn = await client.SignInAsync(user.Email!, TestUsers.Password, returnUrl: "/newsroom?tab=review");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/newsroom?tab=review", signedIn.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/newsroom")]
    [InlineData("/\\evil.example")]
    public async Task SignInNeverFollowsAReturnUrlToAnotherSite(string returnUrl)
    {
        var user = await TestUsers.CreateAsync(app, Roles.Editor);
        using var client = new FormClient(app);

        var signedIn = await client.SignInAsync(user.Email!, TestUsers.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/newsroom", signedIn.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPasswordShowsTheFormAgainWithTheEmailButNotThePassword()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app).InEnglish();

        var refused = await client.SignInAsync(user.Email!, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The email or password is not correct.", refused.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{user.Email}\"", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task UnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        // Some account must exist, or the sign-in page leads to /setup.
        await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app).InEnglish();

        var refused = await client.SignInAsync($"khong-co-{Guid.NewGuid():N}@baotinh.vn", WrongPassword);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The email or password is not correct.", refused.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefused()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app).InEnglish();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user.Email!, WrongPassword)).Status);
        }

        var refused = await client.SignInAsync(user.Email!, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        // Identity 10 sets the lockout end by the system clock, not the app's TimeProvider, so the
        // minutes shown here are not those of the fake clock; the number is not asserted.
        Assert.Contains("Too many wrong passwords: this account is locked for", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app);
        await client.SignInAsync(user.Email!, TestUsers.Password);
        var desk = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, desk.Status);

        var signedOut = await client.PostAsync("/account/logout", new Dictionary<string, string>(), desk.AntiforgeryToken);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/", signedOut.Location?.OriginalString);
        var after = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/account/login", after.RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutWithoutAnAntiforgeryTokenIsRejectedAndTheSessionStays()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app);
        await client.SignInAsync(user.Email!, TestUsers.Password);

        var rejected = await client.PostAsync("/account/logout", new Dictionary<string, string>(), antiforgeryToken: null);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task SignInWithoutAnAntiforgeryTokenIsRejected()
    {
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app);
        await client.GetAsync("/account/login");

        var rejected = await client.PostAsync(
            "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestUsers.Password },
            antiforgeryToken: null);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Contains("href=\"/\"", rejected.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/newsroom")).Status);
    }
}
