namespace NewsroomCms.Web.Domain;

/// <summary>
/// The paper's identity and the press-law information a Vietnamese e-newspaper must show in its
/// footer and on its home page. One row, edited by an Admin.
/// </summary>
public class SiteSettings
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 500;
    public const int ShortMaxLength = 100;

    public int Id { get; set; } = SingletonId;

    /// <summary>Tên ấn phẩm, e.g. "Báo Sông Lam điện tử".</summary>
    public string PublicationName { get; set; } = "";

    /// <summary>Cơ quan chủ quản/cơ quan báo chí.</summary>
    public string AgencyName { get; set; } = "";

    /// <summary>Cơ quan chủ quản (governing body), e.g. the provincial Party committee.</summary>
    public string GoverningBody { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public DateOnly? LicenceDate { get; set; }
    public string LicenceIssuer { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Tổng biên tập.</summary>
    public string EditorInChief { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
