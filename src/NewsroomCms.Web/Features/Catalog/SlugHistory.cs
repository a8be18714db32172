using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>
/// Old public URLs. Whoever renames an article, section, tag or author (or merges one into another) calls
/// <see cref="RememberAsync"/>; the public pages call <see cref="FindTargetAsync"/> for a slug they do not know
/// and answer 301 with the current URL.
/// </summary>
public sealed class SlugHistory(NewsroomDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records that <paramref name="oldSlug"/> now leads to <paramref name="targetId"/>, and points every older
    /// slug of the same thing there too. Call before SaveChanges; nothing is saved here.
    /// </summary>
    public async Task RememberAsync(SlugKind kind, string oldSlug, int targetId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(oldSlug))
        {
            return;
        }

        var existing = await db.SlugRedirects.FirstOrDefaultAsync(r => r.Kind == kind && r.OldSlug == oldSlug, cancellationToken);
        if (existing is null)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, OldSlug = oldSlug, TargetId = targetId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            existing.TargetId = targetId;
        }
    }

    /// <summary>
    /// A slug becomes current again (a thing renamed back, or a new thing taking a free slug): it must not
    /// redirect any more. Call before SaveChanges.
    /// </summary>
    public async Task ForgetAsync(SlugKind kind, string slug, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.Kind == kind && r.OldSlug == slug).ToListAsync(cancellationToken));

    /// <summary>Moves every redirect to <paramref name="fromId"/> over to <paramref name="toId"/> (merging tags). Call before SaveChanges.</summary>
    public async Task RetargetAsync(SlugKind kind, int fromId, int toId, CancellationToken cancellationToken = default)
    {
        foreach (var redirect in await db.SlugRedirects.Where(r => r.Kind == kind && r.TargetId == fromId).ToListAsync(cancellationToken))
        {
            redirect.TargetId = toId;
        }
    }

    /// <summary>The thing is deleted: none of its old slugs leads anywhere any more. Call before SaveChanges.</summary>
    public async Task ForgetTargetAsync(SlugKind kind, int targetId, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.Kind == kind && r.TargetId == targetId).ToListAsync(cancellationToken));

    /// <summary>The old slugs that lead to <paramref name="targetId"/>, in alphabetical order.</summary>
    public Task<List<string>> OldSlugsAsync(SlugKind kind, int targetId, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == kind && r.TargetId == targetId)
            .OrderBy(r => r.OldSlug)
            .Select(r => r.OldSlug)
            .ToListAsync(cancellationToken);

    /// <summary>The id an old slug now leads to, or null.</summary>
    public Task<int?> FindTargetAsync(SlugKind kind, string slug, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == kind && r.OldSlug == slug)
            .Select(r => (int?)r.TargetId)
            .FirstOrDefaultAsync(cancellationToken);
}
