namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// How <c>_ArticleItem</c> shows one article in a list; <c>ImageSizes</c> is the <c>sizes</c> of its photo, or
/// null to show none. Photos load lazily unless <c>LazyImage</c> is false (the first items, on a phone's first
/// screen); <c>PriorityImage</c> marks the photo most likely to be the page's largest paint.
/// </summary>
public sealed record ArticleItem(ArticleSummary Article, int HeadingLevel, string? ImageSizes, bool ShowSapo, bool ShowSection = true, bool LazyImage = true, string? CssClass = null, bool PriorityImage = false);

/// <summary>
/// The search form: <c>Id</c> for its field, unique on the page; <c>Label</c> names the form where a page has
/// two (the masthead's and the 404 page's), so each search landmark is told apart.
/// </summary>
public sealed record SearchBox(string Id, string? Label);

/// <summary>A photo in a list: lazy below a phone's first screen, fetched first when it is the page's main picture.</summary>
public sealed record Picture(ListImage Image, string Sizes, bool Lazy, bool Priority = false);

/// <summary><c>sizes</c> for the layouts' columns, phones first.</summary>
public static class ImageSizes
{
    public const string Lead = "(max-width: 800px) 100vw, 800px";
    public const string Card = "(max-width: 600px) 100vw, 300px";
    public const string Thumbnail = "(max-width: 600px) 35vw, 200px";
}
