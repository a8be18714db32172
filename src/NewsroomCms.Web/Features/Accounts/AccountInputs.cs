using System.ComponentModel.DataAnnotations;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Accounts;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Please enter {0}.")]
    [EmailAddress(ErrorMessage = "{0} is not a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class SetupInput
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
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
