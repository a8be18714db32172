namespace NewsroomCms.Web.Domain;

/// <summary>Where an article's edit lock stands for one person at one moment.</summary>
public enum EditLockState
{
    /// <summary>Nobody has the article open.</summary>
    Free,

    /// <summary>Someone had it open (perhaps this person) but their page has stopped sending heartbeats.</summary>
    Expired,

    /// <summary>This person has it open and their page is still alive.</summary>
    Mine,

    /// <summary>Someone else has it open and their page is still alive.</summary>
    HeldByOther,
}

/// <summary>
/// The rules of the soft edit lock, as pure functions of the stored lock and the time: no database,
/// no clock of their own, so they are tested directly.
/// </summary>
public static class EditLockRules
{
    /// <summary>
    /// The state of <paramref name="current"/> for <paramref name="userId"/> at <paramref name="now"/> (UTC).
    /// A lock lives for <paramref name="timeout"/> after its last heartbeat; a clock that went backwards
    /// (heartbeat "in the future") keeps it alive rather than handing the article to someone else.
    /// </summary>
    public static EditLockState StateFor(ArticleEditLock? current, string userId, DateTime now, TimeSpan timeout)
    {
        if (current is null)
        {
            return EditLockState.Free;
        }

        if (!IsLive(current, now, timeout))
        {
            return EditLockState.Expired;
        }

        return current.UserId == userId ? EditLockState.Mine : EditLockState.HeldByOther;
    }

    public static bool IsLive(ArticleEditLock current, DateTime now, TimeSpan timeout) => now - current.HeartbeatAt < timeout;

    /// <summary>
    /// True when <paramref name="userId"/> renewed their own lock less than a tenth of <paramref name="timeout"/>
    /// ago: keeping it then needs no write. Opening the editor, its heartbeat and its autosave often arrive
    /// within seconds of each other, and each write waits for the database's one writer; the lock still has
    /// nine tenths of its life ahead. A heartbeat "in the future" (a clock that went backwards) counts as fresh.
    /// </summary>
    public static bool IsFresh(ArticleEditLock current, string userId, DateTime now, TimeSpan timeout) =>
        current.UserId == userId && now - current.HeartbeatAt < timeout / 10;

    /// <summary>Opening the editor, a heartbeat or a save may take (or keep) the lock in every state but one.</summary>
    public static bool MayTake(EditLockState state) => state != EditLockState.HeldByOther;

    /// <summary>
    /// The lock after <paramref name="userId"/> took or kept it: a lock already theirs keeps the time it
    /// was first taken (the banner says "since"); anything else starts anew.
    /// </summary>
    public static ArticleEditLock Taken(ArticleEditLock? current, int articleId, string userId, DateTime now, TimeSpan timeout) =>
        StateFor(current, userId, now, timeout) == EditLockState.Mine
            ? new ArticleEditLock { ArticleId = articleId, UserId = userId, AcquiredAt = current!.AcquiredAt, HeartbeatAt = now }
            : new ArticleEditLock { ArticleId = articleId, UserId = userId, AcquiredAt = now, HeartbeatAt = now };
}
