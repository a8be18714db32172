using Microsoft.AspNetCore.Identity;

namespace NewsroomCms.Web.Domain;

public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in; its sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
