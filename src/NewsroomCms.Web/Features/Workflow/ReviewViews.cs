using System.ComponentModel.DataAnnotations;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Shared;

namespace NewsroomCms.Web.Features.Workflow;

/// <summary>What the review forms post. The article's state is never taken from here, only the version the editor saw.</summary>
public sealed class ReviewInput
{
    public Guid Version { get; set; }

    /// <summary>The note for the reporter, or the reason for taking the article down.</summary>
    [StringLength(AuditEvent.NoteMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Note { get; set; }

    /// <summary>Newsroom local time, from a datetime-local input.</summary>
    public DateTime? PublishAt { get; set; }
}

/// <summary>What the correction form posts: the public notice, and the version of the article the editor saw.</summary>
public sealed class CorrectionInput
{
    public Guid Version { get; set; }

    /// <summary>Plain text for readers; its length is checked once cleaned (see <see cref="ArticleCorrections.Clean"/>).</summary>
    public string? Notice { get; set; }
}

public sealed record QueueFilter(int? Section, string? Reporter, string? Q);

public sealed record QueueRow(int Id, string Title, string? Section, string Reporter, DateTime? SubmittedAt);

public sealed record ScheduledRow(int Id, string Title, string? Section, DateTime? ScheduledAt);

public sealed record PublishedRow(int Id, string Title, string Slug, string? Section, DateTime? PublishedAt);

/// <summary>The review queue: a page of the articles waiting, with the scheduled and recently published ones.</summary>
/// <param name="Filter">What the editor filtered by.</param>
/// <param name="Sections">Every section, to filter by.</param>
/// <param name="Reporters">The reporters who have articles waiting, to filter by.</param>
/// <param name="Waiting">This page of the articles waiting that match the filter.</param>
/// <param name="Scheduled">Every scheduled article, soonest first.</param>
/// <param name="RecentlyPublished">The latest published articles.</param>
/// <param name="Missed">Scheduled articles that did not go public on time.</param>
public sealed record QueueView(
    QueueFilter Filter,
    IReadOnlyList<Choice> Sections,
    IReadOnlyList<ReporterChoice> Reporters,
    Paged<QueueRow> Waiting,
    IReadOnlyList<ScheduledRow> Scheduled,
    IReadOnlyList<PublishedRow> RecentlyPublished,
    IReadOnlyList<MissedPublication> Missed);

public sealed record ReporterChoice(string Id, string Name);

public sealed record ReviewView(
    int Id,
    ArticleStatus Status,
    Guid Version,
    string Slug,
    string Reporter,
    DateTime? SubmittedAt,
    DateTime? ScheduledAt,
    ArticlePage Article,
    IReadOnlyList<WorkflowAction> Actions,
    bool CanEdit,
    IReadOnlyList<NoteRow> Notes,
    IReadOnlyList<RevisionRow> Revisions,
    ReviewInput Input,
    WorkflowAction? FailedAction,
    LockHolder? EditingBy,
    CorrectionInput Correction,
    bool CorrectionRefused);
