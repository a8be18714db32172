namespace NewsroomCms.Web.Domain;

/// <summary>A byline profile (bút danh). It may belong to a user, or to someone without an account.</summary>
public class Author
{
    public const int PenNameMaxLength = 100;
    public const int SlugMaxLength = 120;
    public const int BioMaxLength = 1000;

    public int Id { get; set; }
    public string PenName { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Bio { get; set; }

    public int? PhotoId { get; set; }
    public MediaAsset? Photo { get; set; }

    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }

    /// <summary>A pen name used on published articles is retired instead of deleted.</summary>
    public bool IsRetired { get; set; }

    public DateTime CreatedAt { get; set; }
}
