using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
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
    DateTime UpdatedAt,
    bool CanSubmit,
    EditorSettings Settings,
    EditorLock Lock);

/// <summary>
/// The editor's side of the edit lock. <paramref name="HeldBy"/> is someone else who has the article open
/// (the page is then read-only, with a take-over link); <paramref name="KeptRevision"/> the revision that
/// keeps what this person sent when it could not be applied.
/// </summary>
public sealed record EditorLock(LockHolder? HeldBy, int? KeptRevision, bool ReadOnly)
{
    /// <summary>This person has the article open: the editor works as usual.</summary>
    public static readonly EditorLock Held = new(null, null, ReadOnly: false);

    /// <summary>Read-only for another reason than the lock (the article's state).</summary>
    public static readonly EditorLock ReadOnlyPage = new(null, null, ReadOnly: true);
}

public sealed record Choice(int Id, string Name);

public sealed record FeaturedImageView(int Id, string Url, int Width, int Height);

public sealed record RevisionRow(int Number, DateTime CreatedAt, string By, string? Reason);

public sealed record NoteRow(DateTime CreatedAt, string By, string Text);

/// <summary>What the browser-side editor needs to know (TinyMCE language and licence, upload address, allowed video hosts).</summary>
public sealed record EditorSettings(string Language, string LicenseKey, IReadOnlyList<string> VideoHosts, int AutosaveSeconds, int HeartbeatSeconds)
{
    /// <summary>
    /// How the page hands its settings to the script: Vietnamese letters as themselves, not \u escapes (the
    /// attribute is HTML-encoded anyway). One instance for the app: options cache the serialization metadata
    /// they build, so new options per page would rebuild it on every open of the editor.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}

/// <summary>The page that warns before taking over an article someone else has open.</summary>
public sealed record TakeOverView(int ArticleId, string Title, LockHolder Holder, string? Error);

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

    /// <summary>How often an open editor tells the server it is still there (an autosave counts as one).</summary>
    public TimeSpan LockHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after the last heartbeat the edit lock ends on its own (a closed laptop, a lost connection).
    /// Keep it a few heartbeats long, so one late heartbeat does not hand the article to someone else.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A heartbeat interval of at least a second, and a lock that outlives at least two heartbeats.</summary>
    public static bool IsValid(EditorOptions options) =>
        options.AutosaveInterval > TimeSpan.Zero
        && options.LockHeartbeatInterval >= TimeSpan.FromSeconds(1)
        && options.LockTimeout >= options.LockHeartbeatInterval * 2;
}
