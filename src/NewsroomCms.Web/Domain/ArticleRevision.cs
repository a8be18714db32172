namespace NewsroomCms.Web.Domain;

/// <summary>A snapshot of the whole article taken on an explicit save, submit or editorial action.</summary>
public class ArticleRevision
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>1-based, per article.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Sapo { get; set; } = "";
    public string Body { get; set; } = "";
    public int? SectionId { get; set; }

    /// <summary>Tags, byline and featured image as JSON, so the snapshot survives later renames.</summary>
    public string MetadataJson { get; set; } = "{}";

    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public ApplicationUser? CreatedBy { get; set; }
}
