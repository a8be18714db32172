namespace NewsroomCms.Web.Domain;

/// <summary>A note in the article's editorial thread, visible to its reporter.</summary>
public class EditorialNote
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string AuthorId { get; set; } = "";
    public ApplicationUser? Author { get; set; }
}
