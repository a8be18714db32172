using Microsoft.AspNetCore.Identity;

namespace NewsroomCms.Web.Domain;

public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in; its sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A new account signing in with its email address; the email counts as confirmed because an admin or the first-run setup vouches for it.</summary>
    public static ApplicationUser NewAccount(string email, string displayName, DateTime now) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        EmailConfirmed = true,
        DisplayName = VietnameseText.CleanLine(displayName),
        CreatedAt = now,
    };
}
