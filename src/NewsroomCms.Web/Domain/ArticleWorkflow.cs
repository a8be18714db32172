namespace NewsroomCms.Web.Domain;

public enum WorkflowAction
{
    Submit,
    Withdraw,
    RequestChanges,
    Resubmit,
    Publish,
    Schedule,
    Unschedule,
    PublishScheduled,
    TakeDown,
    Republish,
}

/// <summary>Who asks for a transition, relative to the article.</summary>
/// <param name="IsOwner">The reporter who created the article.</param>
/// <param name="IsEditor">An Editor or an Admin.</param>
/// <param name="IsSystem">The scheduler, publishing a scheduled article when its time comes.</param>
public sealed record WorkflowActor(bool IsOwner, bool IsEditor, bool IsSystem = false)
{
    public static readonly WorkflowActor System = new(false, false, true);
}

/// <summary>What the transition needs besides who asks: the note, reason or time some actions require.</summary>
public sealed record WorkflowRequest(
    WorkflowAction Action,
    WorkflowActor Actor,
    DateTime Now,
    string? Note = null,
    DateTime? ScheduledAt = null,
    bool EditorHasActed = false);

public enum WorkflowRefusal
{
    None,
    NotPossibleInThisState,
    NotAllowed,
    EditorHasActed,
    NoteRequired,
    ReasonRequired,
    TimeNotInFuture,
    NotDueYet,
}

/// <summary>The outcome: either the new status, or why not.</summary>
public sealed record WorkflowDecision(bool Allowed, ArticleStatus To, WorkflowRefusal Refusal)
{
    public static WorkflowDecision Refuse(ArticleStatus stay, WorkflowRefusal why) => new(false, stay, why);
}

/// <summary>
/// The editorial workflow, in one place: which action may move an article from which status to which,
/// and who may ask for it. Everything not in the table is refused and changes nothing.
/// </summary>
/// <remarks>
/// | from             | action           | who                              | to               |
/// |------------------|------------------|----------------------------------|------------------|
/// | Draft            | Submit           | its reporter, Editor             | Submitted        |
/// | Submitted        | Withdraw         | its reporter, before an editor acts | Draft         |
/// | Submitted        | RequestChanges   | Editor (note required)           | ChangesRequested |
/// | ChangesRequested | Resubmit         | its reporter, Editor             | Submitted        |
/// | Submitted        | Publish          | Editor                           | Published        |
/// | Submitted        | Schedule         | Editor (time in the future)      | Scheduled        |
/// | Scheduled        | Unschedule       | Editor                           | Submitted        |
/// | Scheduled        | PublishScheduled | the system, once the time is due | Published        |
/// | Published        | TakeDown         | Editor (reason required)         | Unpublished      |
/// | Unpublished      | Republish        | Editor                           | Published        |
/// Admins are Editors here.
/// </remarks>
public static class ArticleWorkflow
{
    private enum Who
    {
        OwnerOrEditor,
        OwnerOnly,
        Editor,
        System,
    }

    private sealed record Transition(ArticleStatus From, WorkflowAction Action, Who Who, ArticleStatus To);

    private static readonly Transition[] s_table =
    [
        new(ArticleStatus.Draft, WorkflowAction.Submit, Who.OwnerOrEditor, ArticleStatus.Submitted),
        new(ArticleStatus.Submitted, WorkflowAction.Withdraw, Who.OwnerOnly, ArticleStatus.Draft),
        new(ArticleStatus.Submitted, WorkflowAction.RequestChanges, Who.Editor, ArticleStatus.ChangesRequested),
        new(ArticleStatus.ChangesRequested, WorkflowAction.Resubmit, Who.OwnerOrEditor, ArticleStatus.Submitted),
        new(ArticleStatus.Submitted, WorkflowAction.Publish, Who.Editor, ArticleStatus.Published),
        new(ArticleStatus.Submitted, WorkflowAction.Schedule, Who.Editor, ArticleStatus.Scheduled),
        new(ArticleStatus.Scheduled, WorkflowAction.Unschedule, Who.Editor, ArticleStatus.Submitted),
        new(ArticleStatus.Scheduled, WorkflowAction.PublishScheduled, Who.System, ArticleStatus.Published),
        new(ArticleStatus.Published, WorkflowAction.TakeDown, Who.Editor, ArticleStatus.Unpublished),
        new(ArticleStatus.Unpublished, WorkflowAction.Republish, Who.Editor, ArticleStatus.Published),
    ];

    public static WorkflowDecision Decide(ArticleStatus from, WorkflowRequest request)
    {
        var transition = s_table.FirstOrDefault(t => t.From == from && t.Action == request.Action);
        if (transition is null)
        {
            return WorkflowDecision.Refuse(from, WorkflowRefusal.NotPossibleInThisState);
        }

        if (!IsAllowed(transition.Who, request.Actor))
        {
            return WorkflowDecision.Refuse(from, WorkflowRefusal.NotAllowed);
        }

        switch (request.Action)
        {
            case WorkflowAction.Withdraw when request.EditorHasActed:
                return WorkflowDecision.Refuse(from, WorkflowRefusal.EditorHasActed);
            case WorkflowAction.RequestChanges when string.IsNullOrWhiteSpace(request.Note):
                return WorkflowDecision.Refuse(from, WorkflowRefusal.NoteRequired);
            case WorkflowAction.TakeDown when string.IsNullOrWhiteSpace(request.Note):
                return WorkflowDecision.Refuse(from, WorkflowRefusal.ReasonRequired);
            case WorkflowAction.Schedule when request.ScheduledAt is not { } at || at <= request.Now:
                return WorkflowDecision.Refuse(from, WorkflowRefusal.TimeNotInFuture);
            case WorkflowAction.PublishScheduled when request.ScheduledAt is not { } due || due > request.Now:
                return WorkflowDecision.Refuse(from, WorkflowRefusal.NotDueYet);
            default:
                return new WorkflowDecision(true, transition.To, WorkflowRefusal.None);
        }
    }

    /// <summary>The actions the actor could take now, to show as buttons (the server still decides on each).</summary>
    public static IReadOnlyList<WorkflowAction> AvailableActions(ArticleStatus from, WorkflowActor actor) =>
        s_table.Where(t => t.From == from && IsAllowed(t.Who, actor)).Select(t => t.Action).ToList();

    /// <summary>
    /// Who may change the content: its reporter while it is theirs to work on (Draft, ChangesRequested);
    /// editors once it is in their hands (Submitted, Scheduled, Published) and on their own drafts.
    /// </summary>
    public static bool CanEditContent(ArticleStatus status, WorkflowActor actor) => status switch
    {
        ArticleStatus.Draft or ArticleStatus.ChangesRequested => actor.IsOwner,
        ArticleStatus.Submitted or ArticleStatus.Scheduled or ArticleStatus.Published => actor.IsEditor,
        _ => false,
    };

    private static bool IsAllowed(Who who, WorkflowActor actor) => who switch
    {
        Who.OwnerOrEditor => actor.IsOwner || actor.IsEditor,
        Who.OwnerOnly => actor.IsOwner,
        Who.Editor => actor.IsEditor,
        Who.System => actor.IsSystem,
        _ => false,
    };
}
