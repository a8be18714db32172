namespace NewsroomCms.Web.Domain;

/// <summary>
/// An editor's choice for the home page: position 0 is the lead story, 1 and up the featured stories
/// in order. Empty or unpublished slots fill with the latest articles.
/// </summary>
public class FrontPageSlot
{
    public const int LeadPosition = 0;
    public const int FeaturedCount = 6;

    public int Position { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime AssignedAt { get; set; }
    public string AssignedById { get; set; } = "";
}
