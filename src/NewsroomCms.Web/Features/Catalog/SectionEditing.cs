using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>
/// Every change to sections: create, rename (name and web address), reorder, hide and show. Each checks its
/// input, records the old address when the slug changes, writes its audit event and saves in
/// <see cref="SaveAsync"/>, the one place sections are saved.
/// </summary>
public sealed class SectionEditing(NewsroomDbContext db, SlugHistory slugHistory, PortalEviction portalPages, TimeProvider clock, IStringLocalizer<CatalogResource> text)
{
    public async Task<CatalogResult<Section>> CreateAsync(SectionInput input, string userId, CancellationToken cancellationToken = default)
    {
        var name = VietnameseText.CleanLine(input.Name);
        var problems = new List<KeyValuePair<string, string>>();
        var slug = await CheckAsync(null, name, input.Slug, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var last = await db.Sections.MaxAsync(s => (int?)s.DisplayOrder, cancellationToken) ?? 0;
        var section = new Section { Name = name, Slug = slug!, DisplayOrder = last + 1, IsHidden = input.IsHidden };
        db.Sections.Add(section);
        await slugHistory.ForgetAsync(SlugKind.Section, section.Slug, cancellationToken);
        await SaveAsync(cancellationToken);
        db.AuditEvents.Add(Audit(userId, CatalogAudit.SectionCreated, section, $"“{name}” ({section.Slug})", to: section.IsHidden ? Hidden : Visible));
        await SaveAsync(cancellationToken);
        return new(section, []);
    }

    /// <summary>Renames; an address readers may have kept leads to the new one from now on.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> RenameAsync(Section section, SectionInput input, string userId, CancellationToken cancellationToken = default)
    {
        var name = VietnameseText.CleanLine(input.Name);
        var problems = new List<KeyValuePair<string, string>>();
        var slug = await CheckAsync(section.Id, name, input.Slug, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }

        var change = CatalogAudit.Renaming(section.Name, name, section.Slug, slug!);
        if (change is null)
        {
            return problems;
        }

        if (slug != section.Slug)
        {
            await slugHistory.RememberAsync(SlugKind.Section, section.Slug, section.Id, cancellationToken);
            await slugHistory.ForgetAsync(SlugKind.Section, slug!, cancellationToken);
        }

        section.Name = name;
        section.Slug = slug!;
        db.AuditEvents.Add(Audit(userId, CatalogAudit.SectionRenamed, section, change));
        await SaveAsync(cancellationToken);
        return problems;
    }

    /// <summary>Moves a section one place up (<paramref name="offset"/> -1) or down (+1) in the navigation order.</summary>
    /// <returns>False when it already was first (or last) and nothing moved.</returns>
    public async Task<bool> MoveAsync(Section section, int offset, string userId, CancellationToken cancellationToken = default)
    {
        // Renumbered 1..n on every move, so that equal or missing numbers (sections added by hand) sort out.
        var ordered = await db.Sections.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var from = ordered.FindIndex(s => s.Id == section.Id);
        var to = from + offset;
        if (from < 0 || to < 0 || to >= ordered.Count)
        {
            return false;
        }

        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].DisplayOrder = i + 1;
        }

        db.AuditEvents.Add(Audit(userId, CatalogAudit.SectionMoved, section, $"“{section.Name}”", from: Position(from), to: Position(to)));
        await SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>A hidden section is left out of the navigation, the home page and the feeds, and its page is closed to readers; its articles stay readable.</summary>
    public async Task SetHiddenAsync(Section section, bool hidden, string userId, CancellationToken cancellationToken = default)
    {
        if (section.IsHidden == hidden)
        {
            return;
        }

        section.IsHidden = hidden;
        db.AuditEvents.Add(Audit(userId, hidden ? CatalogAudit.SectionHidden : CatalogAudit.SectionShown, section, $"“{section.Name}”",
            from: hidden ? Visible : Hidden, to: hidden ? Hidden : Visible));
        await SaveAsync(cancellationToken);
    }

    private const string Visible = "Visible";
    private const string Hidden = "Hidden";

    private static string Position(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The one place sections are saved. Readers' pages show them (navigation, article pages, their own pages),
    /// so the cached public pages go at once.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await portalPages.EvictAsync(cancellationToken);
    }

    /// <summary>A name no other section has, and a valid web address no other section has; the address on success.</summary>
    private async Task<string?> CheckAsync(int? id, string name, string? typedSlug, List<KeyValuePair<string, string>> problems, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            problems.Add(new(nameof(SectionInput.Name), text["Please enter the section name."]));
        }
        else if (name.Length > Section.NameMaxLength)
        {
            problems.Add(new(nameof(SectionInput.Name), text["The name can be at most {0} characters long.", Section.NameMaxLength]));
        }

        var slug = CatalogNames.ChooseSlug(typedSlug, name, Section.SlugMaxLength, text, problems);
        var others = await db.Sections.Where(s => s.Id != id).Select(s => new { s.Name, s.Slug }).ToListAsync(cancellationToken);
        var key = CatalogNames.Key(name);
        if (name.Length > 0 && others.Find(s => CatalogNames.Key(s.Name) == key) is { } sameName)
        {
            problems.Add(new(nameof(SectionInput.Name), text["There is already a section named “{0}”.", sameName.Name]));
        }

        if (!string.IsNullOrEmpty(slug) && others.Find(s => s.Slug == slug) is { } sameSlug)
        {
            problems.Add(new(nameof(SectionInput.Slug), text["The web address “{0}” belongs to the section “{1}”. Choose another.", slug, sameSlug.Name]));
        }

        return slug;
    }

    private AuditEvent Audit(string userId, string action, Section section, string? note, string? from = null, string? to = null) =>
        CatalogAudit.Event(clock.GetUtcNow().UtcDateTime, userId, action, nameof(Section), section.Id, note, from, to);
}

/// <summary>What a change made, or the problems (field, localized message) that stopped it.</summary>
public sealed record CatalogResult<T>(T? Value, IReadOnlyList<KeyValuePair<string, string>> Problems)
    where T : class;
