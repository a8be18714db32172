namespace NewsroomCms.Web.Domain;

/// <summary>An uploaded image, stored under a random name outside wwwroot.</summary>
public class MediaAsset
{
    public const int StoredNameMaxLength = 100;
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 50;

    public int Id { get; set; }
    public string StoredName { get; set; } = "";
    public string OriginalFileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long ByteSize { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? AltText { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public ApplicationUser? UploadedBy { get; set; }
}
