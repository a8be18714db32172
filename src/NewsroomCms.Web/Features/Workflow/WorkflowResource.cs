namespace NewsroomCms.Web.Features.Workflow;

/// <summary>Strings of the review queue and the editor's decisions.</summary>
public sealed class WorkflowResource;
