namespace NewsroomCms.Web.Domain;

/// <summary>
/// A soft lock: who has the article open in the editor. It lives apart from the article so that a
/// heartbeat never changes the article's concurrency token. It expires when the heartbeats stop.
/// </summary>
public class ArticleEditLock
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser? User { get; set; }
    public DateTime AcquiredAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
}
