using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>
/// The reasons stored with revisions kept so that nobody's text is lost when two people meet on one
/// article. They are stored in a fixed (English) form with the other person's name, as the revision
/// keeps section and author names, and are put into words when shown.
/// </summary>
public static class RevisionReasons
{
    /// <summary>The article as stored when someone took over editing it (what the previous holder had autosaved).</summary>
    private const string KeptAtTakeOverPrefix = "kept when taken over by ";

    /// <summary>What the previous holder sent after someone took over: not applied to the article, kept here.</summary>
    private const string UnsavedAtTakeOverPrefix = "unsaved when taken over by ";

    /// <summary>A person's whole version when their save met someone else's, kept before they choose what to keep.</summary>
    public const string KeptAtConflict = "kept at a save conflict";

    public static string KeptAtTakeOver(string takerName) => WithName(KeptAtTakeOverPrefix, takerName);

    public static string UnsavedAtTakeOver(string takerName) => WithName(UnsavedAtTakeOverPrefix, takerName);

    /// <summary>The reason in words for the revision list, or null when the plain list says enough ("saved").</summary>
    public static string? Describe(this IStringLocalizer<AuthoringResource> text, string? reason, string by)
    {
        if (reason is null)
        {
            return null;
        }

        if (ArticleEditing.RestoredFrom(reason) is { } number)
        {
            return text["restored from revision {0}", number];
        }

        if (reason == ArticleEditing.KeptBeforeRestoring)
        {
            return text["kept before a restore"];
        }

        if (reason == Workflow.ArticleCorrections.RevisionReason)
        {
            return text["correction"];
        }

        if (reason == KeptAtConflict)
        {
            return text["the version of {0} when someone else had saved first", by];
        }

        if (reason.StartsWith(KeptAtTakeOverPrefix, StringComparison.Ordinal))
        {
            return text["kept when {0} took over", reason[KeptAtTakeOverPrefix.Length..]];
        }

        if (reason.StartsWith(UnsavedAtTakeOverPrefix, StringComparison.Ordinal))
        {
            return text["unsaved text of {0} when {1} took over", by, reason[UnsavedAtTakeOverPrefix.Length..]];
        }

        return null;
    }

    private static string WithName(string prefix, string name)
    {
        var room = ArticleRevision.ReasonMaxLength - prefix.Length;
        return prefix + (name.Length <= room ? name : name[..room]);
    }
}
