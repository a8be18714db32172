using System.Globalization;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>Audit events of sections, tags and author profiles: entity type, id and an action name per change.</summary>
public static class CatalogAudit
{
    public const string SectionCreated = "section.created";
    public const string SectionRenamed = "section.renamed";
    public const string SectionMoved = "section.moved";
    public const string SectionHidden = "section.hidden";
    public const string SectionShown = "section.shown";

    public const string TagRenamed = "tag.renamed";
    public const string TagMerged = "tag.merged";
    public const string TagDeleted = "tag.deleted";

    public const string AuthorCreated = "author.created";
    public const string AuthorChanged = "author.changed";
    public const string AuthorLinked = "author.linked";
    public const string AuthorRetired = "author.retired";
    public const string AuthorUnretired = "author.unretired";
    public const string AuthorDeleted = "author.deleted";

    public static AuditEvent Event(DateTime at, string? userId, string action, string entityType, int id, string? note = null, string? from = null, string? to = null) => new()
    {
        OccurredAt = at,
        UserId = userId,
        Action = action,
        EntityType = entityType,
        EntityId = id.ToString(CultureInfo.InvariantCulture),
        FromState = Cut(from, AuditEvent.StateMaxLength),
        ToState = Cut(to, AuditEvent.StateMaxLength),
        Note = Cut(note, AuditEvent.NoteMaxLength),
    };

    /// <summary>"name “A” → “B”; slug a → b", naming only what changed; null when nothing did.</summary>
    public static string? Renaming(string oldName, string newName, string oldSlug, string newSlug)
    {
        var parts = new List<string>();
        if (oldName != newName)
        {
            parts.Add($"name “{oldName}” → “{newName}”");
        }

        if (oldSlug != newSlug)
        {
            parts.Add($"slug {oldSlug} → {newSlug}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
