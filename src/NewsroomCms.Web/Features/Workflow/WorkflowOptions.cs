namespace NewsroomCms.Web.Features.Workflow;

public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>Also catches "30", which configuration reads as 30 days, not seconds.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromHours(1);

    /// <summary>Turned off on an instance that must not publish (a read-only replica, a maintenance run).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due articles: an article goes public at most this long after its time.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When a scheduled article that is still not public counts as missed: a few minutes, and never less
    /// than two runs, so one slow run is not reported to the editors.
    /// </summary>
    public TimeSpan MissedAfter => SchedulerInterval * 2 > TimeSpan.FromMinutes(5) ? SchedulerInterval * 2 : TimeSpan.FromMinutes(5);

    internal static bool IsValid(WorkflowOptions options) =>
        options.SchedulerInterval >= MinimumInterval && options.SchedulerInterval <= MaximumInterval;
}
