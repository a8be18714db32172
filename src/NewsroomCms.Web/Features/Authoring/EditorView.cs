using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Authoring;

public sealed record EditorView(
    int Id,
    ArticleStatus Status,
    ArticleInput Input,
    IReadOnlyList<Choice> Sections,
    IReadOnlyList<Choice> Authors,
    FeaturedImageView? FeaturedImage,
    IReadOnlyList<RevisionRow> Revisions,
    IReadOnlyList<NoteRow> Notes,
    IReadOnlyList<MissingPart> Missing,
    ConflictView? Conflict,
    DateTime UpdatedAt,
    bool CanSubmit,
    EditorSettings Settings);

public sealed record Choice(int Id, string Name);

public sealed record FeaturedImageView(int Id, string Url, int Width, int Height);

public sealed record RevisionRow(int Number, DateTime CreatedAt, string By, string? Reason);

public sealed record NoteRow(DateTime CreatedAt, string By, string Text);

/// <summary>The version someone else saved while this person was editing, shown beside theirs.</summary>
public sealed record ConflictView(string Title, string Sapo, string Body, DateTime SavedAt, string SavedBy);

/// <summary>What the browser-side editor needs to know (TinyMCE language and licence, upload address, allowed video hosts).</summary>
public sealed record EditorSettings(string Language, string LicenseKey, IReadOnlyList<string> VideoHosts, int AutosaveSeconds);

public sealed record PreviewView(int Id, ArticleStatus Status, Portal.ArticlePage Article, IReadOnlyList<WorkflowAction> Actions, bool CanEdit, IReadOnlyList<NoteRow> Notes);

/// <summary>
/// A revision, with a restore button for whom may change the content now: the form sends the
/// article's version, so a change made since is noticed. <c>Error</c> says why a restore did not happen.
/// </summary>
public sealed record RevisionView(int ArticleId, ArticleRevision Revision, RevisionMetadata Metadata, string By, bool CanRestore, Guid Version, string? Error);

/// <summary>Two versions of an article side by side; no sides and no diff when it has no revision yet.</summary>
public sealed record CompareView(
    int ArticleId,
    IReadOnlyList<RevisionRow> Revisions,
    CompareSide? Older,
    CompareSide? Newer,
    RevisionDiff? Diff,
    bool CanRestore,
    Guid Version);

/// <summary>A side of the comparison: a revision, or the article as it is now when <paramref name="Number"/> is null.</summary>
public sealed record CompareSide(int? Number, DateTime At, string By);

public sealed class EditorOptions
{
    public const string SectionName = "Editor";

    /// <summary>"gpl" for the self-hosted open-source TinyMCE; a newsroom with a commercial licence sets its key here.</summary>
    public string LicenseKey { get; set; } = "gpl";

    /// <summary>How often the editor saves a changed article on its own.</summary>
    public TimeSpan AutosaveInterval { get; set; } = TimeSpan.FromSeconds(30);
}
