using System.ComponentModel.DataAnnotations;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Users;

public sealed class CreateUserInput
{
    [Required(ErrorMessage = "Please enter {0}.")]
    [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}.")]
    [EmailAddress(ErrorMessage = "{0} is not a valid email address.")]
    [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}.")]
    [DataType(DataType.Password)]
    [Display(Name = "Initial password")]
    public string Password { get; set; } = "";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];
}

public sealed class UserRolesInput
{
    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];
}

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt);

public sealed record UserDetails(UserRow User, bool IsCurrentUser, string? NewPassword);
