using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Accounts;

/// <summary>Adds the display name to the sign-in cookie so the layout need not query the user.</summary>
public sealed class NewsroomClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "newsroom:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

/// <summary>Identity asks this before every sign-in: a disabled account is "not allowed".</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(!user.IsDisabled);
}

public static class ClaimsPrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NewsroomClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}

/// <summary>Identity's password and user-name messages in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountsResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["An unknown error occurred."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Someone else changed this account at the same time. Reload and try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["The password is not correct."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["The link or token is not valid any more."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), text["This login is already linked to another account."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["The user name '{0}' is not valid.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["The email address '{0}' is not valid.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["An account with '{0}' already exists.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["An account with the email address '{0}' already exists.", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), text["The role '{0}' is not valid.", role ?? ""]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), text["The role '{0}' already exists.", role]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["This account already has a password."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["Lockout is not enabled for this account."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["The account already has the role '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["The account does not have the role '{0}'.", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["The password must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["The password must use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["The password must contain a symbol."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["The password must contain a digit (0-9)."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["The password must contain a lower-case letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["The password must contain an upper-case letter."]);

    // Each message is looked up with a literal key so the resource completeness test can find it.
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
