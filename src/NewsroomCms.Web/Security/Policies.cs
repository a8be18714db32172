using Microsoft.AspNetCore.Authorization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Security;

/// <summary>Capability policies; controllers name the capability, never a list of roles.</summary>
public static class Policies
{
    /// <summary>Any newsroom member: the back office home, own profile.</summary>
    public const string Newsroom = nameof(Newsroom);

    /// <summary>Admin pages: users, site settings, audit log.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>The review queue and the editor's decisions: send back, publish, schedule, take down.</summary>
    public const string Review = nameof(Review);

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Newsroom, policy => policy.RequireRole(Roles.All));
        options.AddPolicy(ManageUsers, policy => policy.RequireRole(Roles.Admin));
        options.AddPolicy(Review, policy => policy.RequireRole(Roles.Editor, Roles.Admin));
    }
}
