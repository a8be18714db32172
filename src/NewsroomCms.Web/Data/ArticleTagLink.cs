namespace NewsroomCms.Web.Data;

/// <summary>
/// The names of <see cref="NewsroomDbContext.ArticleTags"/>' columns: the links between articles and tags are
/// rows without a class, read with <c>EF.Property</c>.
/// </summary>
public static class ArticleTagLink
{
    public const string Table = "ArticleTags";
    public const string ArticleId = "ArticleId";
    public const string TagId = "TagId";

    /// <summary>The article's publication time while it is published, otherwise null (kept by <c>PublishedLinks</c>).</summary>
    public const string PublishedAt = "PublishedAt";
}
