using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Accounts;

/// <summary>Sign-in behaviour that depends on configuration, so each test starts its own app.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task FourthSignInAttemptInAMinuteGetsTheTooManyAttemptsPage()
    {
        using var app = new NewsroomAppFactory().With("Accounts:LoginAttemptsPerMinute", "3");
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var client = new FormClient(app).InEnglish();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user.Email!, "sai-mat-khau-987")).Status);
        }

        var limited = await client.SignInAsync(user.Email!, TestUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Too many attempts", limited.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", limited.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task DisabledAccountCannotSignInAndItsOpenSessionEnds()
    {
        using var app = new NewsroomAppFactory().With("Accounts:SessionRevalidationInterval", "00:00:00");
        var user = await TestUsers.CreateAsync(app, Roles.Reporter);
        using var earlierSession = new FormClient(app);
        await earlierSession.SignInAsync(user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await earlierSession.GetAsync("/newsroom")).Status);

        await TestUsers.UpdateAsync(app, user.Email!, async (users, stored) =>
        {
            stored.IsDisabled = true;
            await users.UpdateAsync(stored);
            await users.UpdateSecurityStampAsync(stored);
        });

        // The session is checked once more than the interval has passed since the cookie was issued.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = await earlierSession.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.StartsWith("/account/login", next.RedirectPath, StringComparison.Ordinal);

        using var newSession = new FormClient(app).InEnglish();
        var refused = await newSession.SignInAsync(user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This account is disabled.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await newSession.GetAsync("/newsroom")).Status);
    }
}
