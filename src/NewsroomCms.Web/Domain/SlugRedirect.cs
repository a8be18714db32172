namespace NewsroomCms.Web.Domain;

/// <summary>
/// A public URL that used to name something. When an article, section, tag or author is renamed or
/// merged, its old slug is kept here so old links answer 301 with the current URL.
/// </summary>
public class SlugRedirect
{
    public const int SlugMaxLength = Article.SlugMaxLength;

    public int Id { get; set; }
    public SlugKind Kind { get; set; }
    public string OldSlug { get; set; } = "";

    /// <summary>The id of the article, section, tag or author the old slug now leads to.</summary>
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum SlugKind
{
    Article = 0,
    Section = 1,
    Tag = 2,
    Author = 3,
}
