namespace NewsroomCms.Web.Features.Portal;

/// <summary>How <c>_ArticleItem</c> shows one article in a list; <c>ImageSizes</c> is the <c>sizes</c> of its photo, or null to show none.</summary>
public sealed record ArticleItem(ArticleSummary Article, int HeadingLevel, string? ImageSizes, bool ShowSapo, bool ShowSection = true, bool LazyImage = true, string? CssClass = null);

/// <summary>
/// The search form: <c>Id</c> for its field, unique on the page; <c>Label</c> names the form where a page has
/// two (the masthead's and the 404 page's), so each search landmark is told apart.
/// </summary>
public sealed record SearchBox(string Id, string? Label);

public sealed record Picture(ListImage Image, string Sizes, bool Lazy);

/// <summary><c>sizes</c> for the layouts' columns, phones first.</summary>
public static class ImageSizes
{
    public const string Lead = "(max-width: 800px) 100vw, 800px";
    public const string Card = "(max-width: 600px) 100vw, 300px";
    public const string Thumbnail = "(max-width: 600px) 35vw, 200px";
}
