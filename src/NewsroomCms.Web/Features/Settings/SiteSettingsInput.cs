using System.ComponentModel.DataAnnotations;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Settings;

/// <summary>The paper's name and the press-law details shown in every public page's footer.</summary>
public sealed class SiteSettingsInput
{
    [Required(ErrorMessage = "Please enter {0}.")]
    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Publication name")]
    public string? PublicationName { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Governing body")]
    public string? GoverningBody { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Press agency")]
    public string? AgencyName { get; set; }

    [StringLength(SiteSettings.ShortMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Licence number")]
    public string? LicenceNumber { get; set; }

    [Display(Name = "Licence date")]
    [DataType(DataType.Date)]
    public DateOnly? LicenceDate { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Licence issued by")]
    public string? LicenceIssuer { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Editor-in-chief")]
    public string? EditorInChief { get; set; }

    [StringLength(SiteSettings.TextMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Address")]
    public string? Address { get; set; }

    [StringLength(SiteSettings.ShortMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [RegularExpression(@"^[0-9+(). -]*[0-9][0-9+(). -]*$", ErrorMessage = "{0} may contain only digits, spaces and + ( ) . -")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [StringLength(SiteSettings.ShortMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [EmailAddress(ErrorMessage = "{0} is not a valid email address.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    public static SiteSettingsInput From(SiteSettings settings) => new()
    {
        PublicationName = settings.PublicationName,
        GoverningBody = settings.GoverningBody,
        AgencyName = settings.AgencyName,
        LicenceNumber = settings.LicenceNumber,
        LicenceDate = settings.LicenceDate,
        LicenceIssuer = settings.LicenceIssuer,
        EditorInChief = settings.EditorInChief,
        Address = settings.Address,
        Phone = settings.Phone,
        Email = settings.Email,
    };

    /// <summary>Copies the trimmed values; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> ApplyTo(SiteSettings settings)
    {
        var changed = new List<string>();
        void Set(string name, string current, string? value, Action<string> assign)
        {
            var clean = VietnameseText.CleanLine(value);
            if (clean != current)
            {
                assign(clean);
                changed.Add(name);
            }
        }

        Set(nameof(PublicationName), settings.PublicationName, PublicationName, v => settings.PublicationName = v);
        Set(nameof(GoverningBody), settings.GoverningBody, GoverningBody, v => settings.GoverningBody = v);
        Set(nameof(AgencyName), settings.AgencyName, AgencyName, v => settings.AgencyName = v);
        Set(nameof(LicenceNumber), settings.LicenceNumber, LicenceNumber, v => settings.LicenceNumber = v);
        if (LicenceDate != settings.LicenceDate)
        {
            settings.LicenceDate = LicenceDate;
            changed.Add(nameof(LicenceDate));
        }

        Set(nameof(LicenceIssuer), settings.LicenceIssuer, LicenceIssuer, v => settings.LicenceIssuer = v);
        Set(nameof(EditorInChief), settings.EditorInChief, EditorInChief, v => settings.EditorInChief = v);
        Set(nameof(Address), settings.Address, Address, v => settings.Address = v);
        Set(nameof(Phone), settings.Phone, Phone, v => settings.Phone = v);
        Set(nameof(Email), settings.Email, Email, v => settings.Email = v);
        return changed;
    }
}
