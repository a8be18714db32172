using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Infrastructure;

/// <summary>Accounts for tests, made through Identity as the app makes them, each with a unique email.</summary>
public static class TestUsers
{
    public const string Password = "mat-khau-2026";

    public static async Task<ApplicationUser> CreateAsync(NewsroomAppFactory app, string role, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = UniqueEmail(role.ToLowerInvariant());
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName ?? "Người dùng " + role, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
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
        client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@baotinh.vn";
}
