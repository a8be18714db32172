using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Infrastructure;

/// <summary>Accounts for tests, made through Identity as the app makes them, each with a unique email.</summary>
public static class TestUsers
{
    /// <summary>Meets the password rules: 10 characters, a lower-case letter and a digit.</summary>
    public const string Password = "mat-khau-2026";

    /// <summary>A new account in <paramref name="role"/>, or in no role when it is null.</summary>
    public static async Task<ApplicationUser> CreateAsync(NewsroomAppFactory app, string? role, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = UniqueEmail((role ?? "member").ToLowerInvariant());
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName ?? ("Người dùng " + role).Trim(),
            EmailConfirmed = true,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        AssertSucceeded(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            AssertSucceeded(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    /// <summary>A new account in <paramref name="role"/> and a client signed in as it through the login form.</summary>
    public static async Task<(FormClient Client, ApplicationUser User)> SignedInAsync(NewsroomAppFactory app, string role, string? displayName = null)
    {
        var user = await CreateAsync(app, role, displayName);
        var client = new FormClient(app);
        var result = await SignInAsync(client, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        return (client, user);
    }

    public static Task<FormClient.Page> SignInAsync(FormClient client, string email, string password) =>
        client.SignInAsync(email, password);

    /// <summary>Changes the stored account, as an administrator's action would.</summary>
    public static async Task UpdateAsync(NewsroomAppFactory app, string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        await change(users, user);
    }

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@baotinh.vn";

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
