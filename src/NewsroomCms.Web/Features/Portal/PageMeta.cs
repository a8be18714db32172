using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// The head of a public page: title, canonical address, description, OpenGraph and Twitter tags, and its
/// JSON-LD blocks. Controllers build it; the public layout writes it. The title is the page's own (the
/// layout adds the paper's name; null on the home page); the canonical address is absolute.
/// </summary>
public sealed record PageMeta(string? Title, string? Description, string? CanonicalUrl)
{
    public const string ViewDataKey = "PortalPageMeta";

    /// <summary>"website" or "article".</summary>
    public string OpenGraphType { get; init; } = "website";

    public SocialImage? Image { get; init; }

    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }

    /// <summary>The page's own feed, announced beside the site-wide one (a section's page announces the section's).</summary>
    public FeedLink? Feed { get; init; }

    /// <summary>ISO 8601 with the newsroom's offset, as <see cref="Domain.NewsroomTime.FormatIso"/> writes it.</summary>
    public string? PublishedTime { get; init; }
    public string? ModifiedTime { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Serialized JSON-LD documents, already safe to place inside a script element.</summary>
    public IReadOnlyList<string> StructuredData { get; init; } = [];
}

/// <summary>An RSS feed for <c>&lt;link rel="alternate"&gt;</c>: its title as feed readers list it, and its path on the site.</summary>
public sealed record FeedLink(string Title, string Path);

/// <summary>The picture shared with a link: absolute URL, its size in pixels and its description.</summary>
public sealed record SocialImage(string Url, int Width, int Height, string? Alt);

public static class PageMetaViewData
{
    public static void SetPageMeta(this ViewDataDictionary viewData, PageMeta meta) => viewData[PageMeta.ViewDataKey] = meta;

    public static PageMeta? GetPageMeta(this ViewDataDictionary viewData) => viewData[PageMeta.ViewDataKey] as PageMeta;
}
