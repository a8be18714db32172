using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Media;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>The parts of an article a person chooses between when their save met someone else's.</summary>
public enum ConflictField
{
    Title,
    Sapo,
    Slug,
    Section,
    Tags,
    Byline,
    FeaturedImage,
    Caption,
    Credit,
    AltText,
    Body,
}

public enum KeepSide
{
    Mine = 1,
    Current = 2,
}

/// <summary>
/// What the conflict screen posts: the person's whole version as they had it (hidden fields, so nothing is
/// lost), the version of the article the screen showed, and which side to keep for each part that differs.
/// </summary>
public sealed class ConflictInput
{
    public Guid Version { get; set; }

    public ArticleInput Mine { get; set; } = new();

    public Dictionary<ConflictField, KeepSide> Keep { get; set; } = [];

    /// <summary>The revision that already keeps <see cref="Mine"/>.</summary>
    public int KeptRevision { get; set; }
}

/// <summary>
/// The conflict screen: both versions of each part that differs, side by side. <paramref name="SlugFollowsTitle"/>
/// says the web address is not a choice of its own: on both sides it is made from the title, so it follows the
/// title that is kept.
/// </summary>
public sealed record ConflictView(
    int ArticleId,
    Guid Version,
    ArticleInput Mine,
    int KeptRevision,
    string SavedBy,
    DateTime SavedAt,
    IReadOnlyList<ConflictPart> Parts,
    IReadOnlyDictionary<ConflictField, KeepSide> Chosen,
    bool SlugFollowsTitle);

/// <summary>One differing part. Text parts have a <paramref name="Diff"/> (older side: the current version; newer: mine); the photo has its two images.</summary>
public sealed record ConflictPart(ConflictField Field, FieldDiff? Diff, FeaturedImageView? MineImage, FeaturedImageView? CurrentImage);

/// <summary>Compares a person's version with the article as stored and puts together the version they chose.</summary>
public sealed class SaveConflicts(NewsroomDbContext db, ArticleEditing editing, UserManager<ApplicationUser> users)
{
    /// <summary>The screen for <paramref name="mine"/> against the article as it is stored now. Leaves the context empty.</summary>
    public async Task<ConflictView> BuildAsync(int articleId, ArticleInput mine, int keptRevision, string userId, IReadOnlyDictionary<ConflictField, KeepSide> chosen, CancellationToken cancellationToken = default)
    {
        var (current, parts, slugFollowsTitle) = await CompareAsync(articleId, mine, userId, cancellationToken);
        var savedBy = current.UpdatedById is null ? "" : (await users.FindByIdAsync(current.UpdatedById))?.DisplayName ?? "";
        db.ChangeTracker.Clear();
        return new ConflictView(articleId, current.Version, mine, keptRevision, savedBy, current.UpdatedAt, parts, chosen, slugFollowsTitle);
    }

    /// <summary>
    /// The article as stored now (tracked), the parts where <paramref name="mine"/> differs from it, and
    /// whether the web address just follows the title on both sides.
    /// </summary>
    public async Task<(Article Current, IReadOnlyList<ConflictPart> Parts, bool SlugFollowsTitle)> CompareAsync(int articleId, ArticleInput mine, string userId, CancellationToken cancellationToken = default)
    {
        var mineSnapshot = await editing.SnapshotOfAsync(articleId, mine, userId, reason: null, cancellationToken);
        var current = await editing.LoadAsync(articleId, cancellationToken) ?? throw new InvalidOperationException($"Article {articleId} does not exist.");
        var currentSnapshot = ArticleRevision.Snapshot(current, 0, current.UpdatedById ?? "", current.UpdatedAt, reason: null);
        currentSnapshot.Article = null;
        var diff = RevisionDiff.Between(currentSnapshot, mineSnapshot);
        var slugFollowsTitle = current.PublishedAt is null
            && FollowsTitle(currentSnapshot.Slug, currentSnapshot.Title)
            && FollowsTitle(mineSnapshot.Slug, mineSnapshot.Title);

        var parts = new List<ConflictPart>();
        foreach (var field in Enum.GetValues<ConflictField>())
        {
            if (field == ConflictField.FeaturedImage)
            {
                var mineImage = mineSnapshot.Metadata.FeaturedImageId;
                if (mineImage != current.FeaturedImageId)
                {
                    parts.Add(new ConflictPart(field, null, await ImageAsync(mineImage, cancellationToken), await ImageAsync(current.FeaturedImageId, cancellationToken)));
                }

                continue;
            }

            if (field == ConflictField.Slug && slugFollowsTitle)
            {
                continue;
            }

            var fieldDiff = diff[ToRevisionField(field)];
            if (fieldDiff.Changed)
            {
                parts.Add(new ConflictPart(field, fieldDiff, null, null));
            }
        }

        return (current, parts, slugFollowsTitle);
    }

    /// <summary>
    /// The version the person chose: their own input, with the parts they chose to keep from the current
    /// version taken from it, against the current version's token.
    /// </summary>
    public static ArticleInput Combine(Article current, ArticleInput mine, IEnumerable<ConflictField> parts, IReadOnlyDictionary<ConflictField, KeepSide> chosen, bool slugFollowsTitle)
    {
        var theirs = ArticleInput.From(current);
        var result = new ArticleInput
        {
            Version = current.Version,
            Title = mine.Title,
            Slug = mine.Slug,
            Sapo = mine.Sapo,
            Body = mine.Body,
            SectionId = mine.SectionId,
            Tags = mine.Tags,
            AuthorIds = [.. mine.AuthorIds],
            FeaturedImageId = mine.FeaturedImageId,
            FeaturedImageCaption = mine.FeaturedImageCaption,
            FeaturedImageCredit = mine.FeaturedImageCredit,
            FeaturedImageAlt = mine.FeaturedImageAlt,
        };
        foreach (var field in parts.Where(f => chosen.GetValueOrDefault(f) == KeepSide.Current))
        {
            switch (field)
            {
                case ConflictField.Title: result.Title = theirs.Title; break;
                case ConflictField.Sapo: result.Sapo = theirs.Sapo; break;
                case ConflictField.Slug: result.Slug = theirs.Slug; break;
                case ConflictField.Section: result.SectionId = theirs.SectionId; break;
                case ConflictField.Tags: result.Tags = theirs.Tags; break;
                case ConflictField.Byline: result.AuthorIds = theirs.AuthorIds; break;
                case ConflictField.FeaturedImage: result.FeaturedImageId = theirs.FeaturedImageId; break;
                case ConflictField.Caption: result.FeaturedImageCaption = theirs.FeaturedImageCaption; break;
                case ConflictField.Credit: result.FeaturedImageCredit = theirs.FeaturedImageCredit; break;
                case ConflictField.AltText: result.FeaturedImageAlt = theirs.FeaturedImageAlt; break;
                case ConflictField.Body: result.Body = theirs.Body; break;
            }
        }

        if (slugFollowsTitle)
        {
            // Empty: made from whichever title is kept, as the editor does for an address nobody typed.
            result.Slug = "";
        }

        return result;
    }

    /// <summary>"hoi-nghi" or "hoi-nghi-2" for the title "Hội nghị": an address made from the title, not typed.</summary>
    public static bool FollowsTitle(string slug, string title)
    {
        var made = VietnameseText.Slugify(title, Article.SlugMaxLength);
        if (made.Length == 0)
        {
            return false;
        }

        return slug == made
            || (slug.Length > made.Length + 1 && slug.StartsWith(made + "-", StringComparison.Ordinal) && slug[(made.Length + 1)..].All(char.IsAsciiDigit));
    }

    private static RevisionField ToRevisionField(ConflictField field) => field switch
    {
        ConflictField.Title => RevisionField.Title,
        ConflictField.Sapo => RevisionField.Sapo,
        ConflictField.Slug => RevisionField.Slug,
        ConflictField.Section => RevisionField.Section,
        ConflictField.Tags => RevisionField.Tags,
        ConflictField.Byline => RevisionField.Byline,
        ConflictField.Caption => RevisionField.Caption,
        ConflictField.Credit => RevisionField.Credit,
        ConflictField.AltText => RevisionField.AltText,
        _ => RevisionField.Body,
    };

    private async Task<FeaturedImageView?> ImageAsync(int? id, CancellationToken cancellationToken) => id is { } imageId
        ? await db.MediaAssets.Where(m => m.Id == imageId).Select(m => new FeaturedImageView(m.Id, MediaUrls.Url(m.StoredName), m.Width, m.Height)).FirstOrDefaultAsync(cancellationToken)
        : null;
}
