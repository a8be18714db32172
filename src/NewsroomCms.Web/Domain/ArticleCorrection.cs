namespace NewsroomCms.Web.Domain;

/// <summary>
/// A đính chính: a public notice that a published article was corrected. Every correction is kept,
/// shown on the article newest first, and never edited afterwards.
/// </summary>
public class ArticleCorrection
{
    public const int NoticeMaxLength = 2000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>Plain text shown to readers.</summary>
    public string Notice { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public ApplicationUser? CreatedBy { get; set; }
}
