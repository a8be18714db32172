using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace NewsroomCms.Web.Features.Notifications;

/// <summary>
/// Writes in-app notifications for the workflow. Nothing is saved here: the caller adds them before the
/// <c>SaveChanges</c> of the change they tell about, so a transition and its notifications are stored
/// together or not at all.
/// </summary>
public sealed class Notifier(NewsroomDbContext db, TimeProvider clock, ILogger<Notifier> logger)
{
    /// <summary>
    /// Tells every active Editor and Admin, except <paramref name="actorId"/>: a submission waiting for
    /// review, a scheduled publication that failed.
    /// </summary>
    public async Task ToEditorsAsync(NotificationKind kind, int articleId, string title, string? actorId, string? note, CancellationToken cancellationToken = default)
    {
        var editorRoles = db.Roles.Where(r => r.Name == Roles.Editor || r.Name == Roles.Admin).Select(r => r.Id);
        var recipients = await db.Users
            .Where(u => !u.IsDisabled && u.Id != actorId && db.UserRoles.Any(ur => ur.UserId == u.Id && editorRoles.Contains(ur.RoleId)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        await AddAsync(recipients, kind, articleId, title, actorId, note, cancellationToken);
    }

    /// <summary>
    /// Tells the people whose article it is, except <paramref name="actorId"/>: its reporter and the users
    /// behind the pen names of its stored byline (an article may be written by two reporters together).
    /// </summary>
    public async Task ToWritersAsync(NotificationKind kind, int articleId, string title, string? reporterId, string? actorId, string? note, CancellationToken cancellationToken = default)
    {
        var byline = await db.ArticleAuthors
            .Where(b => b.ArticleId == articleId && b.Author!.UserId != null)
            .Select(b => b.Author!.UserId!)
            .ToListAsync(cancellationToken);
        var writers = byline.Append(reporterId).OfType<string>().Where(id => id != actorId).Distinct().ToList();
        // Disabled accounts (people who left) are not written to.
        var recipients = await db.Users.Where(u => writers.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);
        await AddAsync(recipients, kind, articleId, title, actorId, note, cancellationToken);
    }

    /// <summary>
    /// Tells one person, unless they are <paramref name="actorId"/> or their account is disabled: the editor
    /// whose open article someone else took over.
    /// </summary>
    public async Task ToPersonAsync(NotificationKind kind, int articleId, string title, string recipientId, string? actorId, string? note, CancellationToken cancellationToken = default)
    {
        var recipients = await db.Users.Where(u => u.Id == recipientId && u.Id != actorId && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);
        await AddAsync(recipients, kind, articleId, title, actorId, note, cancellationToken);
    }

    private async Task AddAsync(List<string> recipients, NotificationKind kind, int articleId, string title, string? actorId, string? note, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        // Kept as text when the notice is made: the list reads the same after a rename or a new title.
        var actorName = actorId is null ? null : await db.Users.Where(u => u.Id == actorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = kind,
                ArticleId = articleId,
                ArticleTitle = Cut(title, Notification.ArticleTitleMaxLength),
                ActorName = actorName is null ? null : Cut(actorName, Notification.ActorNameMaxLength),
                Note = note is null ? null : Cut(note, Notification.NoteMaxLength),
                CreatedAt = now,
            });
        }

        logger.LogInformation("{Kind} on article {ArticleId}: {Count} people to notify", kind, articleId, recipients.Count);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
