namespace NewsroomCms.Web.Domain;

/// <summary>An in-app notice for one user about one article, unread until they open it or mark it read.</summary>
public class Notification
{
    public const int NoteMaxLength = EditorialNote.TextMaxLength;
    public const int ActorNameMaxLength = 200;
    public const int ArticleTitleMaxLength = Article.TitleMaxLength;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser? User { get; set; }
    public NotificationKind Kind { get; set; }

    public int? ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The article's title when the notice was made, so the list reads well without a join.</summary>
    public string? ArticleTitle { get; set; }

    /// <summary>Who caused it, by display name; null for the system (the scheduler).</summary>
    public string? ActorName { get; set; }

    /// <summary>The editor's note, take-down reason or failure, when there is one.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum NotificationKind
{
    Submitted = 0,
    ChangesRequested = 1,
    Published = 2,
    Scheduled = 3,
    TakenDown = 4,
    Corrected = 5,
    EditLockTakenOver = 6,
    ScheduleFailed = 7,
    NoteAdded = 8,
}
