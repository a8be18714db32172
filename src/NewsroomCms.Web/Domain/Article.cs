namespace NewsroomCms.Web.Domain;

public class Article
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 200;
    public const int SapoMaxLength = 1000;
    public const int CaptionMaxLength = 500;
    public const int CreditMaxLength = 200;
    public const int AltTextMaxLength = 300;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>The lead paragraph, plain text.</summary>
    public string Sapo { get; set; } = "";

    /// <summary>Sanitized HTML.</summary>
    public string Body { get; set; } = "";

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>Optional while drafting; required to submit.</summary>
    public int? SectionId { get; set; }
    public Section? Section { get; set; }

    public ICollection<Tag> Tags { get; set; } = [];

    /// <summary>The byline, ordered by <see cref="ArticleAuthor.Position"/>.</summary>
    public ICollection<ArticleAuthor> Authors { get; set; } = [];

    public int? FeaturedImageId { get; set; }
    public MediaAsset? FeaturedImage { get; set; }
    public string? FeaturedImageCaption { get; set; }
    public string? FeaturedImageCredit { get; set; }
    public string? FeaturedImageAlt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who last changed the content (autosaves included), to name them when two people collide.</summary>
    public string? UpdatedById { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>
    /// When readers were last shown a change to the published article (an update or a correction): the
    /// public "cập nhật" time and dateModified. Autosaves and workflow steps do not move it.
    /// </summary>
    public DateTime? PublicUpdatedAt { get; set; }
    public DateTime? ScheduledAt { get; set; }

    /// <summary>When an editor first acted on the current submission; from then on the reporter cannot withdraw it.</summary>
    public DateTime? ReviewStartedAt { get; set; }

    /// <summary>Null for imported or demo articles that no account wrote.</summary>
    public string? CreatedById { get; set; }
    public ApplicationUser? CreatedBy { get; set; }

    /// <summary>
    /// Optimistic concurrency token. A GUID replaced on every save works the same on SQLite and
    /// SQL Server (rowversion does not exist on SQLite).
    /// </summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public ICollection<ArticleRevision> Revisions { get; set; } = [];
    public ICollection<EditorialNote> Notes { get; set; } = [];
    public ICollection<ArticleCorrection> Corrections { get; set; } = [];

    /// <summary>What is still missing before the article can go to an editor; empty when it is complete.</summary>
    public IReadOnlyList<MissingPart> MissingForSubmission()
    {
        var missing = new List<MissingPart>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            missing.Add(MissingPart.Title);
        }

        if (string.IsNullOrWhiteSpace(Sapo))
        {
            missing.Add(MissingPart.Sapo);
        }

        if (!ArticleText.HasText(Body))
        {
            missing.Add(MissingPart.Body);
        }

        if (SectionId is null)
        {
            missing.Add(MissingPart.Section);
        }

        if (Authors.Count == 0)
        {
            missing.Add(MissingPart.Author);
        }

        if (FeaturedImageId is not null && string.IsNullOrWhiteSpace(FeaturedImageAlt))
        {
            missing.Add(MissingPart.FeaturedImageAlt);
        }

        return missing;
    }
}

public enum MissingPart
{
    Title,
    Sapo,
    Body,
    Section,
    Author,
    FeaturedImageAlt,
}

public class ArticleAuthor
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int AuthorId { get; set; }
    public Author? Author { get; set; }

    /// <summary>0-based place in the byline.</summary>
    public int Position { get; set; }

    /// <summary>
    /// The article's publication time while it is published, otherwise null: a pen name's newest articles
    /// are then one range of an index of these rows. Kept by <c>PublishedLinks</c>.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
}
