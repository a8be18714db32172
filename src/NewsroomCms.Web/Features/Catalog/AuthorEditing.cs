using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Workflow;
using NewsroomCms.Web.Features.Media;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>
/// Every change to author profiles (bút danh), from the editors' pages and from a reporter's own profile page:
/// create, edit (pen name, address, bio, photo, account), retire and bring back, delete an unused one. Old
/// addresses are recorded, each change is audited, and <see cref="SaveAsync"/> is the one place they are saved.
/// </summary>
public sealed class AuthorEditing(
    NewsroomDbContext db,
    SlugHistory slugHistory,
    PortalEviction portalPages,
    PublicArticleChanges publicChanges,
    MediaUploads uploads,
    TimeProvider clock,
    IStringLocalizer<CatalogResource> text)
{
    public async Task<CatalogResult<Author>> CreateAsync(AuthorInput input, string actorId, CancellationToken cancellationToken = default)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var values = await CheckAsync(null, input, actorId, problems, cancellationToken);
        if (values is null)
        {
            return new(null, problems);
        }

        var author = new Author { CreatedAt = Now };
        Apply(author, values);
        db.Authors.Add(author);
        await slugHistory.ForgetAsync(SlugKind.Author, author.Slug, cancellationToken);
        await SaveAsync(cancellationToken);
        db.AuditEvents.Add(Audit(actorId, CatalogAudit.AuthorCreated, author.Id, $"“{author.PenName}” ({author.Slug})", to: author.UserId));
        await SaveAsync(cancellationToken);
        return new(author, []);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> UpdateAsync(Author author, AuthorInput input, string actorId, CancellationToken cancellationToken = default)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var values = await CheckAsync(author, input, actorId, problems, cancellationToken);
        if (values is null)
        {
            return problems;
        }

        var changes = new List<string>();
        var renaming = CatalogAudit.Renaming(author.PenName, values.PenName, author.Slug, values.Slug);
        if (renaming is not null)
        {
            changes.Add(renaming);
        }

        if (author.Bio != values.Bio)
        {
            changes.Add("bio");
        }

        if (author.PhotoId != values.PhotoId)
        {
            changes.Add($"photo {Describe(author.PhotoId)} → {Describe(values.PhotoId)}");
        }

        var (oldSlug, oldUserId) = (author.Slug, author.UserId);
        if (values.Slug != oldSlug)
        {
            await slugHistory.RememberAsync(SlugKind.Author, oldSlug, author.Id, cancellationToken);
            await slugHistory.ForgetAsync(SlugKind.Author, values.Slug, cancellationToken);
        }

        Apply(author, values);
        if (changes.Count > 0)
        {
            db.AuditEvents.Add(Audit(actorId, CatalogAudit.AuthorChanged, author.Id, string.Join("; ", changes)));
        }

        if (oldUserId != values.UserId)
        {
            var names = await db.Users.Where(u => u.Id == oldUserId || u.Id == values.UserId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            string Name(string? id) => id is null ? "none" : $"“{names.GetValueOrDefault(id, id)}”";
            db.AuditEvents.Add(Audit(actorId, CatalogAudit.AuthorLinked, author.Id, $"“{author.PenName}”: account {Name(oldUserId)} → {Name(values.UserId)}", from: oldUserId, to: values.UserId));
        }

        await SaveAsync(cancellationToken);
        if (renaming is not null)
        {
            // Bylines show the pen name and link to the author's page; the search index holds the pen name.
            var published = await db.ArticleAuthors
                .Where(b => b.AuthorId == author.Id && b.Article!.Status == ArticleStatus.Published)
                .Select(b => b.ArticleId)
                .ToListAsync(cancellationToken);
            foreach (var articleId in published)
            {
                await publicChanges.AnnounceAsync(articleId, PublicChange.Updated, cancellationToken);
            }
        }

        return problems;

        static string Describe(int? photoId) => photoId is { } id ? "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
    }

    /// <summary>A retired pen name stays on the articles it signed but cannot be put on new ones.</summary>
    public async Task SetRetiredAsync(Author author, bool retired, string actorId, CancellationToken cancellationToken = default)
    {
        if (author.IsRetired == retired)
        {
            return;
        }

        author.IsRetired = retired;
        db.AuditEvents.Add(Audit(actorId, retired ? CatalogAudit.AuthorRetired : CatalogAudit.AuthorUnretired, author.Id, $"“{author.PenName}”",
            from: retired ? Active : Retired, to: retired ? Retired : Active));
        await SaveAsync(cancellationToken);
    }

    /// <summary>A pen name a newsroom member adds for themselves on their profile page; its address is made unique.</summary>
    public async Task<Author> AddOwnAsync(string penName, string? bio, string userId, CancellationToken cancellationToken = default)
    {
        var clean = VietnameseText.CleanLine(penName);
        var stem = VietnameseText.Slugify(clean, Author.SlugMaxLength) is { Length: > 0 } made ? made : "tac-gia";
        var author = new Author
        {
            PenName = clean,
            Slug = await UniqueSlugAsync(null, stem, cancellationToken),
            Bio = CleanBio(bio),
            UserId = userId,
            CreatedAt = Now,
        };
        db.Authors.Add(author);
        await slugHistory.ForgetAsync(SlugKind.Author, author.Slug, cancellationToken);
        await SaveAsync(cancellationToken);
        db.AuditEvents.Add(Audit(userId, CatalogAudit.AuthorCreated, author.Id, $"“{author.PenName}” ({author.Slug})", to: userId));
        await SaveAsync(cancellationToken);
        return author;
    }

    /// <summary>Deletes a pen name that no article carries (the caller checks); its old addresses lead nowhere any more.</summary>
    public async Task DeleteAsync(Author author, string actorId, CancellationToken cancellationToken = default)
    {
        await slugHistory.ForgetTargetAsync(SlugKind.Author, author.Id, cancellationToken);
        db.Authors.Remove(author);
        db.AuditEvents.Add(Audit(actorId, CatalogAudit.AuthorDeleted, author.Id, $"“{author.PenName}” ({author.Slug})", from: author.UserId));
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// True when the account (or, for null, the profiles without an account) already has this pen name, case
    /// and spacing ignored. Two people may share a pen name; one person has each of theirs once.
    /// </summary>
    public async Task<bool> HasPenNameAsync(string? userId, string penName, int? exceptAuthorId = null, CancellationToken cancellationToken = default)
    {
        var key = CatalogNames.Key(penName);
        var names = await db.Authors.Where(a => a.Id != exceptAuthorId && a.UserId == userId).Select(a => a.PenName).ToListAsync(cancellationToken);
        return names.Exists(name => CatalogNames.Key(name) == key);
    }

    /// <summary>Plain text: NFC, one kind of line break, no surrounding white space; null when empty.</summary>
    public static string? CleanBio(string? bio)
    {
        var clean = VietnameseText.Normalize(bio).ReplaceLineEndings("\n").Trim();
        return clean.Length == 0 ? null : clean;
    }

    private const string Active = "Active";
    private const string Retired = "Retired";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The one place author profiles are saved. Readers' pages show them (navigation, article pages, their own pages),
    /// so the cached public pages go at once.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await portalPages.EvictAsync(cancellationToken);
    }

    private sealed record Values(string PenName, string Slug, string? Bio, string? UserId, int? PhotoId);

    private static void Apply(Author author, Values values)
    {
        author.PenName = values.PenName;
        author.Slug = values.Slug;
        author.Bio = values.Bio;
        author.UserId = values.UserId;
        author.PhotoId = values.PhotoId;
    }

    /// <summary>
    /// The cleaned values, or null with the problems. A new photo is stored first, and chosen in
    /// <paramref name="input"/>, so that a form sent back for another field keeps it.
    /// </summary>
    private async Task<Values?> CheckAsync(Author? author, AuthorInput input, string actorId, List<KeyValuePair<string, string>> problems, CancellationToken cancellationToken)
    {
        var penName = VietnameseText.CleanLine(input.PenName);
        if (input.PhotoFile is { } file)
        {
            var upload = await uploads.SaveAsync(file, caption: null, credit: null, alt: penName, actorId, cancellationToken);
            if (upload.Asset is { } asset)
            {
                input.PhotoId = asset.Id;
            }
            else
            {
                problems.Add(new(nameof(AuthorInput.PhotoFile), upload.Error!));
            }
        }

        if (penName.Length == 0)
        {
            problems.Add(new(nameof(AuthorInput.PenName), text["Please enter the pen name."]));
        }
        else if (penName.Length > Author.PenNameMaxLength)
        {
            problems.Add(new(nameof(AuthorInput.PenName), text["The pen name can be at most {0} characters long.", Author.PenNameMaxLength]));
        }

        var bio = CleanBio(input.Bio);
        if (bio?.Length > Author.BioMaxLength)
        {
            problems.Add(new(nameof(AuthorInput.Bio), text["The bio can be at most {0} characters long (it has {1}).", Author.BioMaxLength, bio.Length]));
        }

        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId;
        if (userId is not null && userId != author?.UserId && !await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken))
        {
            problems.Add(new(nameof(AuthorInput.UserId), text["That account does not exist or is disabled. Choose an active account, or none."]));
        }

        if (input.PhotoId is { } photoId && photoId != author?.PhotoId && !await db.MediaAssets.AnyAsync(m => m.Id == photoId, cancellationToken))
        {
            problems.Add(new(nameof(AuthorInput.PhotoId), text["The chosen photo no longer exists. Choose or upload another."]));
        }

        var id = author?.Id;
        if (penName.Length > 0)
        {
            if (await HasPenNameAsync(userId, penName, id, cancellationToken))
            {
                problems.Add(new(nameof(AuthorInput.PenName), userId is null
                    ? text["Another profile without an account already has this pen name."]
                    : text["This account already has the pen name “{0}”.", penName]));
            }
        }

        string? slug;
        if (string.IsNullOrWhiteSpace(input.Slug))
        {
            // Made from the pen name: two people may share a name, so a number makes the address unique.
            slug = CatalogNames.ChooseSlug(null, penName, Author.SlugMaxLength, text, problems);
            if (!string.IsNullOrEmpty(slug))
            {
                slug = await UniqueSlugAsync(id, slug, cancellationToken);
            }
        }
        else
        {
            slug = CatalogNames.ChooseSlug(input.Slug, penName, Author.SlugMaxLength, text, problems);
            if (slug is not null && await db.Authors.Where(a => a.Id != id && a.Slug == slug).Select(a => a.PenName).FirstOrDefaultAsync(cancellationToken) is { } owner)
            {
                problems.Add(new(nameof(AuthorInput.Slug), text["The web address “{0}” belongs to the author “{1}”. Choose another.", slug, owner]));
            }
        }

        return problems.Count > 0 || string.IsNullOrEmpty(slug) ? null : new Values(penName, slug, bio, userId, input.PhotoId);
    }

    private async Task<string> UniqueSlugAsync(int? id, string wanted, CancellationToken cancellationToken)
    {
        var taken = await db.Authors
            .Where(a => a.Id != id && (a.Slug == wanted || a.Slug.StartsWith(wanted + "-")))
            .Select(a => a.Slug)
            .ToListAsync(cancellationToken);
        return CatalogNames.Unique(wanted, taken.ToHashSet(StringComparer.Ordinal), Author.SlugMaxLength);
    }

    private AuditEvent Audit(string actorId, string action, int authorId, string note, string? from = null, string? to = null) =>
        CatalogAudit.Event(Now, actorId, action, nameof(Author), authorId, note, from, to);
}
