using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Domain;

/// <summary>The workflow table, checked for every (status, action, who) combination.</summary>
public sealed class ArticleWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 7, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, WorkflowActor> Actors = new()
    {
        ["owner reporter"] = new(IsOwner: true, IsEditor: false),
        ["other reporter"] = new(IsOwner: false, IsEditor: false),
        ["editor"] = new(IsOwner: false, IsEditor: true),
        ["system"] = WorkflowActor.System,
    };

    /// <summary>(from, action) → (to, who may) exactly as the editorial workflow defines it.</summary>
    private static readonly Dictionary<(ArticleStatus, WorkflowAction), (ArticleStatus To, string[] Who)> Allowed = new()
    {
        [(ArticleStatus.Draft, WorkflowAction.Submit)] = (ArticleStatus.Submitted, ["owner reporter", "editor"]),
        [(ArticleStatus.Submitted, WorkflowAction.Withdraw)] = (ArticleStatus.Draft, ["owner reporter"]),
        [(ArticleStatus.Submitted, WorkflowAction.RequestChanges)] = (ArticleStatus.ChangesRequested, ["editor"]),
        [(ArticleStatus.ChangesRequested, WorkflowAction.Resubmit)] = (ArticleStatus.Submitted, ["owner reporter", "editor"]),
        [(ArticleStatus.Submitted, WorkflowAction.Publish)] = (ArticleStatus.Published, ["editor"]),
        [(ArticleStatus.Submitted, WorkflowAction.Schedule)] = (ArticleStatus.Scheduled, ["editor"]),
        [(ArticleStatus.Scheduled, WorkflowAction.Unschedule)] = (ArticleStatus.Submitted, ["editor"]),
        [(ArticleStatus.Scheduled, WorkflowAction.PublishScheduled)] = (ArticleStatus.Published, ["system"]),
        [(ArticleStatus.Published, WorkflowAction.TakeDown)] = (ArticleStatus.Unpublished, ["editor"]),
        [(ArticleStatus.Unpublished, WorkflowAction.Republish)] = (ArticleStatus.Published, ["editor"]),
    };

    public static TheoryData<ArticleStatus, WorkflowAction, string> EveryCombination()
    {
        var data = new TheoryData<ArticleStatus, WorkflowAction, string>();
        foreach (var status in Enum.GetValues<ArticleStatus>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var actor in Actors.Keys)
                {
                    data.Add(status, action, actor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void OnlyTheTableAllowsATransition(ArticleStatus from, WorkflowAction action, string actor)
    {
        // Every precondition met, so only the table and the actor decide.
        var request = new WorkflowRequest(action, Actors[actor], Now, Note: "Ghi chú", ScheduledAt: action == WorkflowAction.PublishScheduled ? Now.AddMinutes(-1) : Now.AddHours(2));

        var decision = ArticleWorkflow.Decide(from, request);

        if (Allowed.TryGetValue((from, action), out var rule) && rule.Who.Contains(actor))
        {
            Assert.True(decision.Allowed);
            Assert.Equal(rule.To, decision.To);
        }
        else
        {
            Assert.False(decision.Allowed);
            Assert.Equal(from, decision.To);
            Assert.Equal(Allowed.ContainsKey((from, action)) ? WorkflowRefusal.NotAllowed : WorkflowRefusal.NotPossibleInThisState, decision.Refusal);
        }
    }

    [Fact]
    public void AReporterCannotWithdrawOnceAnEditorHasActed()
    {
        var decision = ArticleWorkflow.Decide(ArticleStatus.Submitted, new WorkflowRequest(WorkflowAction.Withdraw, Actors["owner reporter"], Now, EditorHasActed: true));
        Assert.Equal(WorkflowRefusal.EditorHasActed, decision.Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void SendingBackNeedsANoteAndTakingDownNeedsAReason(string? note)
    {
        Assert.Equal(WorkflowRefusal.NoteRequired, ArticleWorkflow.Decide(ArticleStatus.Submitted, new WorkflowRequest(WorkflowAction.RequestChanges, Actors["editor"], Now, note)).Refusal);
        Assert.Equal(WorkflowRefusal.ReasonRequired, ArticleWorkflow.Decide(ArticleStatus.Published, new WorkflowRequest(WorkflowAction.TakeDown, Actors["editor"], Now, note)).Refusal);
    }

    [Fact]
    public void SchedulingNeedsAFutureTimeAndTheSystemPublishesOnlyWhenDue()
    {
        var editor = Actors["editor"];
        Assert.Equal(WorkflowRefusal.TimeNotInFuture, ArticleWorkflow.Decide(ArticleStatus.Submitted, new WorkflowRequest(WorkflowAction.Schedule, editor, Now, ScheduledAt: Now)).Refusal);
        Assert.Equal(WorkflowRefusal.TimeNotInFuture, ArticleWorkflow.Decide(ArticleStatus.Submitted, new WorkflowRequest(WorkflowAction.Schedule, editor, Now)).Refusal);
        Assert.Equal(WorkflowRefusal.NotDueYet, ArticleWorkflow.Decide(ArticleStatus.Scheduled, new WorkflowRequest(WorkflowAction.PublishScheduled, WorkflowActor.System, Now, ScheduledAt: Now.AddSeconds(1))).Refusal);
        Assert.True(ArticleWorkflow.Decide(ArticleStatus.Scheduled, new WorkflowRequest(WorkflowAction.PublishScheduled, WorkflowActor.System, Now, ScheduledAt: Now)).Allowed);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, true, false)]
    [InlineData(ArticleStatus.ChangesRequested, true, false)]
    [InlineData(ArticleStatus.Submitted, false, true)]
    [InlineData(ArticleStatus.Scheduled, false, true)]
    [InlineData(ArticleStatus.Published, false, true)]
    [InlineData(ArticleStatus.Unpublished, false, false)]
    public void ContentBelongsToTheReporterUntilSubmittedThenToEditors(ArticleStatus status, bool ownerMayEdit, bool editorMayEdit)
    {
        Assert.Equal(ownerMayEdit, ArticleWorkflow.CanEditContent(status, Actors["owner reporter"]));
        Assert.Equal(editorMayEdit, ArticleWorkflow.CanEditContent(status, Actors["editor"]));
        Assert.False(ArticleWorkflow.CanEditContent(status, Actors["other reporter"]));
    }
}
