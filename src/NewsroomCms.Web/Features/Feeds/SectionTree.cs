namespace NewsroomCms.Web.Features.Feeds;

/// <summary>
/// The sections as readers see them: a hidden section is not listed, nor is anything under it. A section's
/// feed carries its own articles and those of its listed sub-sections.
/// </summary>
public sealed class SectionTree
{
    private readonly Dictionary<int, SectionEntry> _byId;
    private readonly ILookup<int?, SectionEntry> _children;

    public SectionTree(IReadOnlyList<SectionEntry> sections)
    {
        All = sections;
        _byId = sections.ToDictionary(s => s.Id);
        _children = sections.ToLookup(s => s.ParentId);
    }

    public IReadOnlyList<SectionEntry> All { get; }

    /// <summary>The listed sections, in display order.</summary>
    public IEnumerable<SectionEntry> Visible => All.Where(IsVisible);

    public SectionEntry? VisibleBySlug(string slug) =>
        All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.Ordinal)) is { } section && IsVisible(section) ? section : null;

    public bool IsVisible(SectionEntry section)
    {
        // The depth bound guards against a parent cycle in bad data.
        for (var (current, depth) = (section, 0); depth <= All.Count; depth++)
        {
            if (current.IsHidden)
            {
                return false;
            }

            if (current.ParentId is not { } parentId || !_byId.TryGetValue(parentId, out var parent))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>The section's id and those of the listed sections below it.</summary>
    public List<int> WithVisibleDescendants(SectionEntry section)
    {
        var ids = new List<int> { section.Id };
        var seen = new HashSet<int> { section.Id };
        var queue = new Queue<int>(ids);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in _children[id].Where(c => !c.IsHidden && seen.Add(c.Id)))
            {
                ids.Add(child.Id);
                queue.Enqueue(child.Id);
            }
        }

        return ids;
    }
}
