using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>The words people see for statuses, refusals and missing parts.</summary>
public static class WorkflowMessages
{
    public static string Refusal(this IStringLocalizer<AuthoringResource> text, WorkflowRefusal refusal) => refusal switch
    {
        WorkflowRefusal.NotAllowed => text["You are not allowed to do this with this article."],
        WorkflowRefusal.EditorHasActed => text["An editor is already working on this article: it can no longer be withdrawn."],
        WorkflowRefusal.NoteRequired => text["Write a note saying what should change."],
        WorkflowRefusal.ReasonRequired => text["Write the reason for taking the article down."],
        WorkflowRefusal.TimeNotInFuture => text["Choose a publication time in the future."],
        WorkflowRefusal.NotDueYet => text["The scheduled time has not come yet."],
        _ => text["This action is not possible for an article in this state."],
    };

    public static string Status(this IStringLocalizer<AuthoringResource> text, ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => text["Draft"],
        ArticleStatus.Submitted => text["Waiting for review"],
        ArticleStatus.ChangesRequested => text["Sent back for changes"],
        ArticleStatus.Scheduled => text["Scheduled"],
        ArticleStatus.Published => text["Published"],
        ArticleStatus.Unpublished => text["Taken down"],
        _ => status.ToString(),
    };

    public static string Missing(this IStringLocalizer<AuthoringResource> text, MissingPart part) => part switch
    {
        MissingPart.Title => text["a title"],
        MissingPart.Sapo => text["a sapo (lead paragraph)"],
        MissingPart.Body => text["the body text"],
        MissingPart.Section => text["a section"],
        MissingPart.Author => text["at least one author in the byline"],
        MissingPart.FeaturedImageAlt => text["alternative text for the featured image"],
        _ => part.ToString(),
    };
}
