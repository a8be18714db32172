using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Notifications;

public sealed record NotificationRow(long Id, NotificationKind Kind, string? ArticleTitle, string? ActorName, string? Note, DateTime CreatedAt, bool IsRead);

public sealed record NotificationsView(IReadOnlyList<NotificationRow> Rows, int Page, bool HasMore, int Unread);

/// <summary>Each notification as a sentence in the reader's language, made when the page is shown.</summary>
public static class NotificationText
{
    /// <summary>A long note is cut in the list; the whole of it is on the article's page.</summary>
    public const int NoteShownLength = 300;

    /// <summary>How <see cref="NotificationKind.Scheduled"/> keeps the publication time in <see cref="Notification.Note"/>: UTC, round-trip format.</summary>
    public static string ScheduledAtNote(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string Sentence(this IStringLocalizer<NotificationsResource> text, NotificationRow row, NewsroomTime time)
    {
        var title = string.IsNullOrWhiteSpace(row.ArticleTitle) ? text["(untitled)"].Value : row.ArticleTitle;
        var actor = row.ActorName ?? text["The newsroom"].Value;
        var note = row.Note is null ? "" : row.Note.Length <= NoteShownLength ? row.Note : row.Note[..NoteShownLength] + "…";
        return row.Kind switch
        {
            NotificationKind.Submitted => text["{0} sent “{1}” for review.", actor, title],
            NotificationKind.ChangesRequested => text["{0} sent “{1}” back with a note: {2}", actor, title, note],
            NotificationKind.Scheduled when ScheduledAt(row.Note) is { } at => text["{0} scheduled “{1}” to be published at {2}.", actor, title, time.FormatShort(at)],
            NotificationKind.Scheduled => text["{0} scheduled “{1}” for publication.", actor, title],
            NotificationKind.Published when row.ActorName is null => text["“{0}” was published at its scheduled time.", title],
            NotificationKind.Published => text["{0} published “{1}”.", actor, title],
            NotificationKind.TakenDown => text["{0} took “{1}” down. Reason: {2}", actor, title, note],
            NotificationKind.Corrected => text["{0} published a correction to “{1}”: {2}", actor, title, note],
            NotificationKind.ScheduleFailed => text["“{0}” could not be published at its scheduled time. Error: {1}", title, note],
            NotificationKind.EditLockTakenOver => text["{0} took over editing “{1}”.", actor, title],
            NotificationKind.NoteAdded => text["{0} added a note to “{1}”: {2}", actor, title, note],
            _ => title,
        };
    }

    private static DateTime? ScheduledAt(string? note) =>
        DateTime.TryParse(note, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at.ToUniversalTime() : null;
}
