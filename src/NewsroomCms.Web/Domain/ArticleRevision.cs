namespace NewsroomCms.Web.Domain;

/// <summary>A snapshot of the whole article taken on an explicit save, submit or editorial action.</summary>
public class ArticleRevision
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>1-based, per article.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Sapo { get; set; } = "";
    public string Body { get; set; } = "";
    public int? SectionId { get; set; }

    /// <summary>Tags, byline and featured image as JSON, so the snapshot survives later renames.</summary>
    public string MetadataJson { get; set; } = "{}";

    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public ApplicationUser? CreatedBy { get; set; }

    /// <summary>
    /// Snapshots the whole article as it is now. Load its section, tags and byline authors first, so
    /// their names are kept even if they are renamed later.
    /// </summary>
    public static ArticleRevision Snapshot(Article article, int number, string userId, DateTime now, string? reason) => new()
    {
        Article = article,
        Number = number,
        Title = article.Title,
        Slug = article.Slug,
        Sapo = article.Sapo,
        Body = article.Body,
        SectionId = article.SectionId,
        MetadataJson = System.Text.Json.JsonSerializer.Serialize(RevisionMetadata.Of(article)),
        Reason = reason,
        CreatedAt = now,
        CreatedById = userId,
    };

    public RevisionMetadata Metadata =>
        System.Text.Json.JsonSerializer.Deserialize<RevisionMetadata>(MetadataJson) ?? new RevisionMetadata(null, [], [], null, null, null, null);
}

/// <summary>What a revision keeps besides title, sapo, body and slug.</summary>
public sealed record RevisionMetadata(
    string? Section,
    IReadOnlyList<string> Tags,
    IReadOnlyList<RevisionAuthor> Authors,
    int? FeaturedImageId,
    string? FeaturedImageCaption,
    string? FeaturedImageCredit,
    string? FeaturedImageAlt)
{
    public static RevisionMetadata Of(Article article) => new(
        article.Section?.Name,
        article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
        article.Authors.OrderBy(a => a.Position).Select(a => new RevisionAuthor(a.AuthorId, a.Author?.PenName ?? "")).ToList(),
        article.FeaturedImageId,
        article.FeaturedImageCaption,
        article.FeaturedImageCredit,
        article.FeaturedImageAlt);
}

public sealed record RevisionAuthor(int Id, string PenName);
