using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Notifications;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>
/// A đính chính on a published article: the public notice, the public "updated" time, a revision of the
/// article as readers now see it, the audit event and the writers' notifications, all in the caller's
/// next <c>SaveChanges</c>. The caller then announces <see cref="PublicChange.Corrected"/>.
/// </summary>
/// <remarks>
/// Editors correct from the review page (notice only, the text already fixed) or from the editor, where the
/// fixed text and its notice are saved together.
/// </remarks>
public sealed class ArticleCorrections(NewsroomDbContext db, Notifier notifier)
{
    /// <summary>The reason stored with the revision a correction makes; shown as "correction" in the history.</summary>
    public const string RevisionReason = "Đính chính";

    public const string AuditAction = "article.correct";

    /// <summary>
    /// The notice as readers will see it: plain text, trimmed, its paragraphs kept; empty when there is none.
    /// Browsers send line breaks as two characters but count them as one against maxlength.
    /// </summary>
    public static string Clean(string? notice) => VietnameseText.Normalize(notice).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>
    /// Adds the correction. The article must be <see cref="ArticleStatus.Published"/>, tracked, with its
    /// section, tags and byline loaded (the revision records them); <paramref name="notice"/> is cleaned and
    /// at most <see cref="ArticleCorrection.NoticeMaxLength"/> characters. Nothing is saved here.
    /// </summary>
    public async Task AddAsync(Article article, string notice, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (article.Status != ArticleStatus.Published || notice.Length == 0 || notice.Length > ArticleCorrection.NoticeMaxLength)
        {
            throw new InvalidOperationException("Only a published article takes a correction, with a notice of 1 to 2000 characters.");
        }

        db.ArticleCorrections.Add(new ArticleCorrection { ArticleId = article.Id, Notice = notice, CreatedAt = now, CreatedById = userId });
        article.PublicUpdatedAt = now;
        // Its own revision, even when the text is the same as the last one: the record of what readers saw
        // when the correction was published.
        var number = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        db.ArticleRevisions.Add(ArticleRevision.Snapshot(article, number + 1, userId, now, RevisionReason));
        db.AuditEvents.Add(PublishingAudit.Event(now, userId, AuditAction, article.Id, ArticleStatus.Published, ArticleStatus.Published, notice));
        await notifier.ToWritersAsync(NotificationKind.Corrected, article.Id, article.Title, article.CreatedById, userId, notice, cancellationToken);
    }
}
