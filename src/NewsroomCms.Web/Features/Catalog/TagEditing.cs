using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Workflow;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>
/// Every change editors make to tags: rename, merge one into another, delete an unused one. Tags are created
/// by reporters typing them on articles (<c>ArticleEditing</c>). Each change records old addresses, writes its
/// audit event and saves in <see cref="SaveAsync"/>, the one place tags are saved from here.
/// </summary>
public sealed class TagEditing(
    NewsroomDbContext db,
    SlugHistory slugHistory,
    PortalEviction portalPages,
    PublicArticleChanges publicChanges,
    TimeProvider clock,
    IStringLocalizer<CatalogResource> text)
{
    /// <summary>
    /// Renames. A name or address another tag already has is refused, and that tag is returned in
    /// <see cref="TagRenameResult.CollidesWith"/> so the editor can be offered to merge into it instead.
    /// </summary>
    public async Task<TagRenameResult> RenameAsync(Tag tag, TagInput input, string userId, CancellationToken cancellationToken = default)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var name = VietnameseText.CleanLine(input.Name);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(TagInput.Name), text["Please enter the tag name."]));
        }
        else if (name.Length > Tag.NameMaxLength)
        {
            problems.Add(new(nameof(TagInput.Name), text["The name can be at most {0} characters long.", Tag.NameMaxLength]));
        }

        var slug = CatalogNames.ChooseSlug(input.Slug, name, Tag.SlugMaxLength, text, problems);
        var key = Tag.NormalizeName(name);
        Tag? collision = null;
        if (name.Length is > 0 and <= Tag.NameMaxLength
            && await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id != tag.Id && t.NormalizedName == key, cancellationToken) is { } sameName)
        {
            collision = sameName;
            problems.Add(new(nameof(TagInput.Name), text["There is already a tag named “{0}”.", sameName.Name]));
        }
        else if (!string.IsNullOrEmpty(slug)
            && await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id != tag.Id && t.Slug == slug, cancellationToken) is { } sameSlug)
        {
            collision = sameSlug;
            problems.Add(new(nameof(TagInput.Slug), text["The web address “{0}” belongs to the tag “{1}”.", slug, sameSlug.Name]));
        }

        if (problems.Count > 0)
        {
            return new TagRenameResult(problems, collision);
        }

        var change = CatalogAudit.Renaming(tag.Name, name, tag.Slug, slug!);
        if (change is null)
        {
            return new TagRenameResult(problems, null);
        }

        if (slug != tag.Slug)
        {
            await slugHistory.RememberAsync(SlugKind.Tag, tag.Slug, tag.Id, cancellationToken);
            await slugHistory.ForgetAsync(SlugKind.Tag, slug!, cancellationToken);
        }

        tag.Name = name;
        tag.NormalizedName = key;
        tag.Slug = slug!;
        db.AuditEvents.Add(Audit(userId, CatalogAudit.TagRenamed, tag.Id, change));
        await SaveAsync(cancellationToken);
        await AnnounceAsync(await PublishedWithAsync(tag.Id, cancellationToken), cancellationToken);
        return new TagRenameResult(problems, null);
    }

    /// <summary>
    /// Merges <paramref name="source"/> into <paramref name="target"/>: every article tagged with the source gets
    /// the target (unless it already has it), the source is deleted, and its address and every old address that
    /// led to it now lead to the target. Published articles whose tags changed are announced as updated,
    /// as they are after a rename.
    /// </summary>
    /// <returns>How many articles carried the source tag.</returns>
    public async Task<int> MergeAsync(Tag source, Tag target, string userId, CancellationToken cancellationToken = default)
    {
        if (source.Id == target.Id)
        {
            throw new ArgumentException("A tag cannot be merged into itself.", nameof(target));
        }

        var tagged = await db.ArticleTags.CountAsync(j => EF.Property<int>(j, ArticleTagLink.TagId) == source.Id, cancellationToken);
        var missingTarget = await db.ArticleTags
            .Where(j => EF.Property<int>(j, ArticleTagLink.TagId) == source.Id
                && !db.ArticleTags.Any(k => EF.Property<int>(k, ArticleTagLink.TagId) == target.Id && EF.Property<int>(k, ArticleTagLink.ArticleId) == EF.Property<int>(j, ArticleTagLink.ArticleId)))
            .Select(j => EF.Property<int>(j, ArticleTagLink.ArticleId))
            .ToListAsync(cancellationToken);
        var published = await PublishedWithAsync(source.Id, cancellationToken);

        foreach (var articleId in missingTarget)
        {
            db.ArticleTags.Add(new Dictionary<string, object> { [ArticleTagLink.ArticleId] = articleId, [ArticleTagLink.TagId] = target.Id });
        }

        await slugHistory.RetargetAsync(SlugKind.Tag, source.Id, target.Id, cancellationToken);
        await slugHistory.RememberAsync(SlugKind.Tag, source.Slug, target.Id, cancellationToken);
        await slugHistory.ForgetAsync(SlugKind.Tag, target.Slug, cancellationToken);
        // The database deletes the source's rows in ArticleTags with it (cascade).
        db.Tags.Remove(source);
        db.AuditEvents.Add(Audit(userId, CatalogAudit.TagMerged, source.Id,
            $"“{source.Name}” ({source.Slug}) → “{target.Name}” ({target.Slug}, #{target.Id}): {tagged} articles, {missingTarget.Count} given the tag"));
        await SaveAsync(cancellationToken);
        await AnnounceAsync(published, cancellationToken);
        return tagged;
    }

    /// <summary>Deletes a tag no article uses. Returns how many articles use it; when that is not 0, nothing changed.</summary>
    public async Task<int> DeleteUnusedAsync(Tag tag, string userId, CancellationToken cancellationToken = default)
    {
        var used = await UsageAsync(tag.Id, cancellationToken);
        if (used > 0)
        {
            return used;
        }

        await slugHistory.ForgetTargetAsync(SlugKind.Tag, tag.Id, cancellationToken);
        db.Tags.Remove(tag);
        db.AuditEvents.Add(Audit(userId, CatalogAudit.TagDeleted, tag.Id, $"“{tag.Name}” ({tag.Slug})"));
        await SaveAsync(cancellationToken);
        return 0;
    }

    public Task<int> UsageAsync(int tagId, CancellationToken cancellationToken = default) =>
        db.ArticleTags.CountAsync(j => EF.Property<int>(j, ArticleTagLink.TagId) == tagId, cancellationToken);

    /// <summary>The tag with this name (case and spacing ignored), or else the one whose address the name makes.</summary>
    public async Task<Tag?> FindByNameAsync(string? name, CancellationToken cancellationToken = default)
    {
        var key = Tag.NormalizeName(name ?? "");
        if (key.Length == 0)
        {
            return null;
        }

        var slug = VietnameseText.Slugify(key, Tag.SlugMaxLength);
        return await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken)
            ?? (slug.Length > 0 ? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) : null);
    }

    private Task<List<int>> PublishedWithAsync(int tagId, CancellationToken cancellationToken) =>
        db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.Tags.Any(t => t.Id == tagId))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The tags these published articles show changed (their names and links; the search index holds the
    /// names): each is announced as updated, once saved.
    /// </summary>
    private async Task AnnounceAsync(List<int> articleIds, CancellationToken cancellationToken)
    {
        foreach (var articleId in articleIds)
        {
            await publicChanges.AnnounceAsync(articleId, PublicChange.Updated, cancellationToken);
        }
    }

    /// <summary>
    /// The one place tags are saved. Readers' pages show them (navigation, article pages, their own pages),
    /// so the cached public pages go at once.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await portalPages.EvictAsync(cancellationToken);
    }

    private AuditEvent Audit(string userId, string action, int tagId, string note) =>
        CatalogAudit.Event(clock.GetUtcNow().UtcDateTime, userId, action, nameof(Tag), tagId, note);
}

/// <summary>The problems that stopped a rename, and the other tag it collided with (to offer a merge).</summary>
public sealed record TagRenameResult(IReadOnlyList<KeyValuePair<string, string>> Problems, Tag? CollidesWith);
