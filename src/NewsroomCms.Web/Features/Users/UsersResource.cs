using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Users;

/// <summary>Strings of the user-management pages.</summary>
public sealed class UsersResource;

public static class RoleNames
{
    /// <summary>The role as people call it; the stored role names stay English constants.</summary>
    public static string RoleName(this IStringLocalizer<UsersResource> text, string role) => role switch
    {
        Roles.Admin => text["Administrator"],
        Roles.Editor => text["Editor"],
        Roles.Reporter => text["Reporter"],
        _ => role,
    };
}
