using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Infrastructure;

/// <summary>Accounts made straight through Identity, as an administrator would have made them.</summary>
public static class TestUsers
{
    /// <summary>Meets the password rules: 10 characters, a lower-case letter and a digit.</summary>
    public const string Password = "mat-khau-2026";

    /// <summary>A new account with a unique email, so tests sharing a database never see each other's users.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(this NewsroomAppFactory app, string? role, string? displayName = null)
    {
        var email = $"{(role ?? "member").ToLowerInvariant()}-{Guid.NewGuid():N}@baotinh.vn";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? "Nguyễn Văn Thử",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        AssertSucceeded(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            AssertSucceeded(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    /// <summary>Runs <paramref name="change"/> on the stored account and saves it.</summary>
    public static async Task UpdateUserAsync(this NewsroomAppFactory app, string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        await change(users, user);
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
