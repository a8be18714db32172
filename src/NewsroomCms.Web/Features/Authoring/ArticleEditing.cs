using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Authoring;

/// <summary>
/// Applies what the editor form sent to an article: clean text, sanitized body, a unique slug, tags
/// found or created, the byline and the featured image. Shared by save, autosave and submit.
/// </summary>
public sealed class ArticleEditing(
    NewsroomDbContext db,
    ArticleHtmlSanitizer sanitizer,
    SlugHistory slugHistory,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IStringLocalizer<AuthoringResource> text)
{
    /// <summary>Published articles whose address <see cref="ApplyAsync"/> changed, to announce once saved.</summary>
    private readonly HashSet<int> _newPublicAddresses = [];

    /// <summary>The article with everything the editor shows, tracked for changes.</summary>
    public Task<Article?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Articles
            .Include(a => a.Section)
            .Include(a => a.Tags)
            .Include(a => a.Authors).ThenInclude(b => b.Author)
            .Include(a => a.FeaturedImage)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public WorkflowActor ActorFor(Article article, ClaimsPrincipal user) =>
        new(IsOwner: article.CreatedById is not null && article.CreatedById == users.GetUserId(user),
            IsEditor: user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin));

    /// <summary>Reporters see only their own articles; editors see all.</summary>
    public bool CanSee(Article article, ClaimsPrincipal user)
    {
        var actor = ActorFor(article, user);
        return actor.IsOwner || actor.IsEditor;
    }

    /// <summary>
    /// Copies the input onto the article. Returns problems per field (localized); when there are any,
    /// nothing has been changed on the article.
    /// </summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ApplyAsync(Article article, ArticleInput input, string userId, CancellationToken cancellationToken = default)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var title = VietnameseText.CleanLine(input.Title);
        var slug = await ChooseSlugAsync(article, title, input.Slug, problems, cancellationToken);

        var authorIds = input.AuthorIds.OfType<int>().Distinct().ToList();
        var currentAuthorIds = article.Authors.Select(a => a.AuthorId).ToHashSet();
        var authors = await db.Authors.Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (authorIds.Any(id => !authors.TryGetValue(id, out var author) || (author.IsRetired && !currentAuthorIds.Contains(id))))
        {
            problems.Add(new(nameof(ArticleInput.AuthorIds), text["A chosen author no longer exists or is retired."]));
        }

        // Loaded, not just checked: the revision saved with this change records the section's name.
        var section = input.SectionId is { } sectionId ? await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId, cancellationToken) : null;
        if (input.SectionId is not null && section is null)
        {
            problems.Add(new(nameof(ArticleInput.SectionId), text["The chosen section does not exist."]));
        }

        if (input.FeaturedImageId is { } imageId && !await db.MediaAssets.AnyAsync(m => m.Id == imageId, cancellationToken))
        {
            problems.Add(new(nameof(ArticleInput.FeaturedImageId), text["The featured image no longer exists. Upload it again."]));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (slug != article.Slug && article.PublishedAt is not null)
        {
            // Readers and search engines have the old address: it answers 301 with the new one from now on.
            await slugHistory.RememberAsync(SlugKind.Article, article.Slug, article.Id, cancellationToken);
            await slugHistory.ForgetAsync(SlugKind.Article, slug!, cancellationToken);
            _newPublicAddresses.Add(article.Id);
        }

        article.Title = title;
        article.Slug = slug!;
        article.Sapo = VietnameseText.CleanLine(input.Sapo);
        article.Body = sanitizer.Sanitize(input.Body);
        article.Section = section;
        article.SectionId = section?.Id;
        article.FeaturedImageId = input.FeaturedImageId;
        article.FeaturedImageCaption = NullIfEmpty(input.FeaturedImageCaption);
        article.FeaturedImageCredit = NullIfEmpty(input.FeaturedImageCredit);
        article.FeaturedImageAlt = NullIfEmpty(input.FeaturedImageAlt);
        await SetTagsAsync(article, ArticleInput.ParseTags(input.Tags), cancellationToken);
        SetByline(article, authorIds.Select(id => authors[id]).ToList());
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        article.UpdatedById = userId;
        return problems;
    }

    /// <summary>
    /// True, once, when <see cref="ApplyAsync"/> gave a published article a new address. After saving, the
    /// caller announces the change: readers' cached pages still answer 200 at the old address.
    /// </summary>
    public bool TakePublicAddressChange(int articleId) => _newPublicAddresses.Remove(articleId);

    /// <summary>
    /// True when the article already holds exactly what the form sent, e.g. a keep-alive autosave of the
    /// same text arrived after this page was opened. A stale token is then no conflict: nobody's words differ.
    /// </summary>
    public bool AlreadyStored(Article article, ArticleInput input) =>
        article.Title == VietnameseText.CleanLine(input.Title)
        && article.Sapo == VietnameseText.CleanLine(input.Sapo)
        && article.Body == sanitizer.Sanitize(input.Body)
        && article.SectionId == input.SectionId
        && article.FeaturedImageId == input.FeaturedImageId
        && article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).SequenceEqual(input.AuthorIds.OfType<int>().Distinct())
        && article.Tags.Select(t => t.NormalizedName).Order(StringComparer.Ordinal)
            .SequenceEqual(ArticleInput.ParseTags(input.Tags).Select(Tag.NormalizeName).Order(StringComparer.Ordinal));

    /// <summary>
    /// A revision of the article as it is now, unless it is the same as the latest one (saving twice
    /// without a change should not flood the history). Section, tags and byline must be loaded.
    /// </summary>
    public async Task AddRevisionAsync(Article article, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var latest = await db.ArticleRevisions
            .Where(r => r.ArticleId == article.Id)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);
        var snapshot = ArticleRevision.Snapshot(article, (latest?.Number ?? 0) + 1, userId, clock.GetUtcNow().UtcDateTime, reason);
        if (latest is not null && SameContent(latest, snapshot))
        {
            if (latest.Reason != reason)
            {
                latest.Reason = reason;
            }

            return;
        }

        db.ArticleRevisions.Add(snapshot);
    }

    /// <summary>
    /// Keeps the article as it is stored now as a revision, unless the latest revision already has that
    /// content. Unlike <see cref="AddRevisionAsync"/> it never renames the latest revision. Section, tags
    /// and byline must be loaded. Nothing is saved here.
    /// </summary>
    public async Task KeepStoredAsync(Article article, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var latest = await LatestRevisionAsync(article.Id, cancellationToken);
        var snapshot = ArticleRevision.Snapshot(article, (latest?.Number ?? 0) + 1, userId, clock.GetUtcNow().UtcDateTime, reason);
        if (latest is null || !SameContent(latest, snapshot))
        {
            db.ArticleRevisions.Add(snapshot);
        }
    }

    /// <summary>
    /// What the article would be with what a form sent, as an unsaved revision of <paramref name="userId"/>'s,
    /// without changing the article. The text goes through the same cleaning as a save; when the rest cannot
    /// be applied (a bad slug, a deleted section) the title, sapo and body are still there, with the rest as
    /// stored. Leaves the context empty: load the article again afterwards.
    /// </summary>
    public async Task<ArticleRevision> SnapshotOfAsync(int articleId, ArticleInput input, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var article = await LoadAsync(articleId, cancellationToken) ?? throw new InvalidOperationException($"Article {articleId} does not exist.");
        var problems = await ApplyAsync(article, input, userId, cancellationToken);
        var snapshot = ArticleRevision.Snapshot(article, 0, userId, clock.GetUtcNow().UtcDateTime, reason);
        if (problems.Count > 0)
        {
            snapshot.Title = VietnameseText.CleanLine(input.Title);
            snapshot.Sapo = VietnameseText.CleanLine(input.Sapo);
            snapshot.Body = sanitizer.Sanitize(input.Body);
        }

        // Over-long fields fail validation before a save; kept anyway, cut to what the columns hold.
        snapshot.Title = Cut(snapshot.Title, Article.TitleMaxLength);
        snapshot.Sapo = Cut(snapshot.Sapo, Article.SapoMaxLength);

        // The changes the form made to the article (and any new tags) are dropped; only the copy stays.
        db.ChangeTracker.Clear();
        snapshot.Article = null;
        snapshot.ArticleId = articleId;
        return snapshot;
    }

    /// <summary>
    /// Keeps what a form sent as a revision (see <see cref="SnapshotOfAsync"/>) without changing the article:
    /// text that may not be applied (someone else saved first, or took over) is never thrown away. Returns
    /// the new revision, or the latest one when that already has this content. Saves at once and leaves the
    /// context empty.
    /// </summary>
    public async Task<ArticleRevision> KeepAsRevisionAsync(int articleId, ArticleInput input, string userId, string reason, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await SnapshotOfAsync(articleId, input, userId, reason, cancellationToken);
            var latest = await LatestRevisionAsync(articleId, cancellationToken);
            if (latest is not null && SameContent(latest, snapshot))
            {
                db.ChangeTracker.Clear();
                return latest;
            }

            snapshot.Number = (latest?.Number ?? 0) + 1;
            db.ArticleRevisions.Add(snapshot);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return snapshot;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another revision took this number at the same moment: number it again.
            }
        }
    }

    private Task<ArticleRevision?> LatestRevisionAsync(int articleId, CancellationToken cancellationToken) =>
        db.ArticleRevisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    private static string Cut(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    /// <summary>
    /// Puts an earlier revision's content back on the article and keeps the result as a new revision:
    /// the history only grows. What the article holds now that no revision has (autosaved text) is kept
    /// as a revision first, so restoring never loses work. The slug, tags and byline go through the same
    /// rules as the editor form. A section or authors that no longer exist, and an address that now
    /// belongs to another article or that readers already have (published), stay as they are now; the
    /// notes say so. The featured image stays; its caption, credit and alternative text come back.
    /// Nothing is saved here: the caller saves, or drops the changes when there are problems.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(Article article, ArticleRevision revision, string userId, CancellationToken cancellationToken = default)
    {
        var metadata = revision.Metadata;
        var notes = new List<string>();
        var input = ArticleInput.From(article);
        input.Title = revision.Title;
        input.Sapo = revision.Sapo;
        input.Body = revision.Body;
        input.Tags = string.Join(", ", metadata.Tags);
        input.FeaturedImageCaption = metadata.FeaturedImageCaption;
        input.FeaturedImageCredit = metadata.FeaturedImageCredit;
        input.FeaturedImageAlt = metadata.FeaturedImageAlt;

        if (revision.SectionId is null || await db.Sections.AnyAsync(s => s.Id == revision.SectionId, cancellationToken))
        {
            input.SectionId = revision.SectionId;
        }
        else
        {
            notes.Add(text["The section “{0}” no longer exists, so the current section was kept.", metadata.Section ?? ""]);
        }

        // The same authors the editor form accepts: existing ones, retired only if already on the byline.
        var onByline = article.Authors.Select(a => a.AuthorId).ToList();
        var wanted = metadata.Authors.Select(a => a.Id).ToList();
        var usable = await db.Authors.Where(a => wanted.Contains(a.Id) && (!a.IsRetired || onByline.Contains(a.Id))).Select(a => a.Id).ToListAsync(cancellationToken);
        input.AuthorIds = metadata.Authors.Where(a => usable.Contains(a.Id)).Select(a => (int?)a.Id).ToList();
        var leftOut = metadata.Authors.Where(a => !usable.Contains(a.Id)).Select(a => a.PenName).ToList();
        if (leftOut.Count > 0)
        {
            notes.Add(text["These authors are no longer available and were left out of the byline: {0}.", string.Join(", ", leftOut)]);
        }

        input.Slug = revision.Slug;
        if (revision.Slug != article.Slug && article.PublishedAt is not null)
        {
            input.Slug = article.Slug;
            notes.Add(text["The article has been published, so it keeps its web address."]);
        }
        else if (await db.Articles.AnyAsync(a => a.Id != article.Id && a.Slug == revision.Slug, cancellationToken))
        {
            input.Slug = article.Slug;
            notes.Add(text["The web address “{0}” now belongs to another article, so this one keeps a different address.", revision.Slug]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        var number = latest?.Number ?? 0;
        var before = ArticleRevision.Snapshot(article, number + 1, userId, now, KeptBeforeRestoring);

        var problems = await ApplyAsync(article, input, userId, cancellationToken);
        if (problems.Count > 0)
        {
            return new RestoreResult(null, problems.Select(p => p.Value).ToList(), notes);
        }

        var restored = ArticleRevision.Snapshot(article, number + 1, userId, now, RestoredReason(revision.Number));
        if (SameContent(before, restored))
        {
            return new RestoreResult(null, [], notes);
        }

        if (latest is null || !SameContent(latest, before))
        {
            db.ArticleRevisions.Add(before);
            restored.Number++;
        }

        db.ArticleRevisions.Add(restored);
        return new RestoreResult(restored.Number, [], notes);
    }

    /// <summary>The reason stored with the revision that keeps unsaved work before a restore replaces it.</summary>
    public const string KeptBeforeRestoring = "kept before restoring";

    private const string RestoredPrefix = "restored from revision ";

    public static string RestoredReason(int number) => RestoredPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The revision a restore brought back, read from the reason stored with the new revision.</summary>
    public static int? RestoredFrom(string? reason) =>
        reason is not null && reason.StartsWith(RestoredPrefix, StringComparison.Ordinal)
            && int.TryParse(reason.AsSpan(RestoredPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The user's own pen name for a new article's byline: the first active one, made from their name if they have none.</summary>
    public async Task<Author> OwnPenNameAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var own = await db.Authors.Where(a => a.UserId == user.Id && !a.IsRetired).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return own;
        }

        var penName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "?" : user.DisplayName;
        own = new Author
        {
            PenName = penName,
            Slug = await UniqueSlugAsync(db.Authors.Select(a => a.Slug), VietnameseText.Slugify(penName, Author.SlugMaxLength), Author.SlugMaxLength, cancellationToken),
            UserId = user.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Authors.Add(own);
        return own;
    }

    /// <summary>
    /// An empty slug field, or one the person never touched (still the one made from the old title),
    /// follows the title until the article is first published; after that the address stays.
    /// </summary>
    private async Task<string?> ChooseSlugAsync(Article article, string title, string? requested, List<KeyValuePair<string, string>> problems, CancellationToken cancellationToken)
    {
        var typed = (requested ?? "").Trim().ToLowerInvariant();
        // A placeholder draft slug is never a person's choice, even when it comes from a form opened
        // before an autosave had already given the article its real slug.
        var followsTitle = article.PublishedAt is null
            && (typed.Length == 0
                || typed.StartsWith(DraftSlugPrefix, StringComparison.Ordinal)
                || typed == article.Slug && article.Slug == VietnameseText.Slugify(article.Title, Article.SlugMaxLength));
        string wanted;
        if (followsTitle)
        {
            wanted = title.Length > 0 ? VietnameseText.Slugify(title, Article.SlugMaxLength) : article.Slug;
            if (wanted.Length == 0)
            {
                wanted = article.Slug;
            }
        }
        else if (typed.Length == 0)
        {
            wanted = article.Slug;
        }
        else if (!VietnameseText.IsValidSlug(typed, Article.SlugMaxLength))
        {
            problems.Add(new(nameof(ArticleInput.Slug), text["The slug may contain only lower-case letters a-z, digits and single hyphens, e.g. hoi-nghi-giao-ban-2023."]));
            return null;
        }
        else
        {
            wanted = typed;
        }

        return wanted == article.Slug
            ? wanted
            : await UniqueSlugAsync(db.Articles.Where(a => a.Id != article.Id).Select(a => a.Slug), wanted, Article.SlugMaxLength, cancellationToken);
    }

    public const string DraftSlugPrefix = "nhap-";

    /// <summary>"slug", or "slug-2", "slug-3"... whichever is free, still within the length limit.</summary>
    private static async Task<string> UniqueSlugAsync(IQueryable<string> taken, string wanted, int maxLength, CancellationToken cancellationToken)
    {
        var similar = await taken.Where(s => s == wanted || s.StartsWith(wanted + "-")).ToListAsync(cancellationToken);
        if (!similar.Contains(wanted))
        {
            return wanted;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stem = wanted.Length + suffix.Length <= maxLength ? wanted : VietnameseText.Slugify(wanted, maxLength - suffix.Length);
            var candidate = stem + suffix;
            if (!similar.Contains(candidate) && (stem == wanted || !await taken.AnyAsync(s => s == candidate, cancellationToken)))
            {
                return candidate;
            }
        }
    }

    private async Task SetTagsAsync(Article article, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var normalized = names.ToDictionary(Tag.NormalizeName, name => name);
        var keys = normalized.Keys.ToList();
        var existing = await db.Tags.Where(t => keys.Contains(t.NormalizedName)).ToDictionaryAsync(t => t.NormalizedName, cancellationToken);
        var wanted = new List<Tag>();
        foreach (var (key, name) in normalized)
        {
            var tag = article.Tags.FirstOrDefault(t => t.NormalizedName == key)
                ?? existing.GetValueOrDefault(key)
                ?? await FormerTagAsync(name, cancellationToken);
            if (tag is null)
            {
                tag = Tag.Create(name);
                tag.Slug = await UniqueSlugAsync(db.Tags.Select(t => t.Slug), tag.Slug.Length > 0 ? tag.Slug : "the", Tag.SlugMaxLength, cancellationToken);
                db.Tags.Add(tag);
            }

            if (!wanted.Contains(tag))
            {
                wanted.Add(tag);
            }
        }

        foreach (var tag in article.Tags.Where(t => !wanted.Contains(t)).ToList())
        {
            article.Tags.Remove(tag);
        }

        foreach (var tag in wanted.Where(t => !article.Tags.Contains(t)).ToList())
        {
            article.Tags.Add(tag);
        }
    }

    /// <summary>
    /// The tag a name used to belong to, when editors merged or renamed it: its old address leads there. So a
    /// form opened before the merge, or a reporter typing the old name, gets the tag the editors kept instead
    /// of bringing the old one back.
    /// </summary>
    private async Task<Tag?> FormerTagAsync(string name, CancellationToken cancellationToken)
    {
        var slug = VietnameseText.Slugify(VietnameseText.CleanLine(name), Tag.SlugMaxLength);
        return slug.Length > 0 && await slugHistory.FindTargetAsync(SlugKind.Tag, slug, cancellationToken) is { } id
            ? await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            : null;
    }

    private static void SetByline(Article article, List<Author> authors)
    {
        foreach (var byline in article.Authors.Where(b => !authors.Any(a => a.Id == b.AuthorId)).ToList())
        {
            article.Authors.Remove(byline);
        }

        for (var position = 0; position < authors.Count; position++)
        {
            var existing = article.Authors.FirstOrDefault(b => b.AuthorId == authors[position].Id);
            if (existing is null)
            {
                article.Authors.Add(new ArticleAuthor { Author = authors[position], AuthorId = authors[position].Id, Position = position });
            }
            else
            {
                existing.Position = position;
            }
        }
    }

    /// <summary>
    /// The same title, sapo, body, address, section, tags, byline and featured image: everything a revision
    /// keeps, which is everything readers see of the article.
    /// </summary>
    public static bool SameContent(ArticleRevision a, ArticleRevision b) =>
        a.Title == b.Title && a.Sapo == b.Sapo && a.Body == b.Body && a.Slug == b.Slug && a.MetadataJson == b.MetadataJson;

    private static string? NullIfEmpty(string? value)
    {
        var clean = VietnameseText.CleanLine(value);
        return clean.Length == 0 ? null : clean;
    }
}

/// <summary>
/// The new revision's number, or null when nothing changed: because of <see cref="Problems"/>, or
/// because the article already had that content. <see cref="Notes"/> name what could not come back.
/// </summary>
public sealed record RestoreResult(int? NewRevision, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes);
