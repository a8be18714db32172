using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Users;

public sealed partial class UsersTests : IClassFixture<NewsroomAppFactory>
{
    private const string Password = TestUsers.Password;
    private readonly NewsroomAppFactory _app;

    public UsersTests(NewsroomAppFactory app) => _app = app;

    [Fact]
    public async Task AdminCreatesAReporterWhoCanSignIn()
    {
        using var admin = await SignedInAsync(Roles.Admin);
        var email = Unique("pv");

        var created = await admin.SubmitAsync("/newsroom/users/new", "/newsroom/users/new", new Dictionary<string, string>
        {
            ["DisplayName"] = "Trần Thị Phóng Viên",
            ["Email"] = email,
            ["Password"] = Password,
            ["Roles"] = Roles.Reporter,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        var list = await admin.GetAsync("/newsroom/users");
        Assert.Contains("Trần Thị Phóng Viên", list.Html, StringComparison.Ordinal);
        Assert.Contains(email, list.Html, StringComparison.Ordinal);

        using var reporter = new FormClient(_app);
        var signIn = await SignInAsync(reporter, email, Password);
        Assert.Equal("/newsroom", signIn.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task InvalidNewUserKeepsWhatWasTypedAndSaysWhy()
    {
        using var admin = await SignedInAsync(Roles.Admin);

        var page = await admin.SubmitAsync("/newsroom/users/new", "/newsroom/users/new", new Dictionary<string, string>
        {
            ["DisplayName"] = "Lê Văn Đạt",
            ["Email"] = Unique("dat"),
            ["Password"] = "short",
            ["Roles"] = Roles.Editor,
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("value=\"Lê Văn Đạt\"", page.Html, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"role-Editor\"[^>]*checked"), page.Html);
        Assert.Contains("field-validation-error", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewUserNeedsARoleAndAUniqueEmail()
    {
        using var admin = await SignedInAsync(Roles.Admin);
        var existing = await CreateUserAsync(Roles.Reporter);

        var fields = new Dictionary<string, string>
        {
            ["DisplayName"] = "Người trùng",
            ["Email"] = existing.Email!,
            ["Password"] = Password,
        };

        var noRole = await admin.SubmitAsync("/newsroom/users/new", "/newsroom/users/new", fields);
        Assert.Equal(HttpStatusCode.OK, noRole.Status);
        Assert.Matches("data-valmsg-for=\"Roles\">\\s*<span class=\"field-validation-error\"", noRole.Html);

        fields["Roles"] = Roles.Reporter;
        var duplicate = await admin.SubmitAsync("/newsroom/users/new", "/newsroom/users/new", fields);
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains(existing.Email!, duplicate.Html, StringComparison.Ordinal);
        Assert.Equal(1, CountMatches(duplicate.Html, "field-validation-error\""));
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionAndBlocksSignIn()
    {
        using var admin = await SignedInAsync(Roles.Admin);
        var reporter = await CreateUserAsync(Roles.Reporter);
        using var reporterClient = new FormClient(_app);
        await SignInAsync(reporterClient, reporter.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, (await reporterClient.GetAsync("/newsroom")).Status);

        var disabled = await admin.SubmitAsync($"/newsroom/users/{reporter.Id}", $"/newsroom/users/{reporter.Id}/disable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);

        // The session check runs at most once per interval; move the clock past it.
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterDisable = await reporterClient.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.Status);
        Assert.StartsWith("/account/login", afterDisable.Location?.PathAndQuery ?? afterDisable.Location?.OriginalString, StringComparison.Ordinal);

        var again = await SignInAsync(new FormClient(_app), reporter.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("validation-summary-errors", again.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselves()
    {
        var (admin, self) = await SignedInWithUserAsync(Roles.Admin);
        using (admin)
        {
            var page = await admin.SubmitAsync($"/newsroom/users/{self.Id}", $"/newsroom/users/{self.Id}/disable", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("validation-summary-errors", page.Html, StringComparison.Ordinal);
            Assert.False((await FindAsync(self.Id)).IsDisabled);
        }
    }

    [Fact]
    public async Task ResetPasswordShowsANewPasswordOnceThatWorks()
    {
        using var admin = await SignedInAsync(Roles.Admin);
        var editor = await CreateUserAsync(Roles.Editor);

        var page = await admin.SubmitAsync($"/newsroom/users/{editor.Id}", $"/newsroom/users/{editor.Id}/reset-password", new Dictionary<string, string>());
        var newPassword = SecretPattern().Match(page.Html).Groups[1].Value;
        Assert.Equal(16, newPassword.Length);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(new FormClient(_app), editor.Email!, Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(new FormClient(_app), editor.Email!, newPassword)).Status);
        Assert.DoesNotContain(newPassword, (await admin.GetAsync($"/newsroom/users/{editor.Id}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolesCanBeChangedButTheLastAdminKeepsAdmin()
    {
        var (admin, self) = await SignedInWithUserAsync(Roles.Admin);
        using (admin)
        {
            var reporter = await CreateUserAsync(Roles.Reporter);
            var saved = await admin.SubmitAsync($"/newsroom/users/{reporter.Id}", $"/newsroom/users/{reporter.Id}/roles", new Dictionary<string, string> { ["Roles"] = Roles.Editor });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            using (var scope = _app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                Assert.Equal([Roles.Editor], await users.GetRolesAsync((await users.FindByIdAsync(reporter.Id))!));
            }

            // Other admins exist in this shared database, so disable them all but this one first.
            await DisableOtherAdminsAsync(self.Id);
            var refused = await admin.SubmitAsync($"/newsroom/users/{self.Id}", $"/newsroom/users/{self.Id}/roles", new Dictionary<string, string> { ["Roles"] = Roles.Editor });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("validation-summary-errors", refused.Html, StringComparison.Ordinal);
        }
    }

    private async Task<FormClient> SignedInAsync(string role) => (await TestUsers.SignedInAsync(_app, role)).Client;

    private Task<(FormClient Client, ApplicationUser User)> SignedInWithUserAsync(string role) => TestUsers.SignedInAsync(_app, role);

    private static Task<FormClient.Page> SignInAsync(FormClient client, string email, string password) => TestUsers.SignInAsync(client, email, password);

    private Task<ApplicationUser> CreateUserAsync(string role) => TestUsers.CreateAsync(_app, role);

    private async Task<ApplicationUser> FindAsync(string id)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private async Task DisableOtherAdminsAsync(string keepId)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var other in (await users.GetUsersInRoleAsync(Roles.Admin)).Where(a => a.Id != keepId))
        {
            other.IsDisabled = true;
            await users.UpdateAsync(other);
        }
    }

    private static string Unique(string prefix) => TestUsers.UniqueEmail(prefix);

    private static int CountMatches(string text, string value) => Regex.Count(text, Regex.Escape(value));

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
