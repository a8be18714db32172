namespace NewsroomCms.Web.Domain;

/// <summary>
/// Page views of one article on one newsroom day. Views are counted in memory and added here in
/// batches, so a page view never waits on a database write.
/// </summary>
public class ArticleDailyViews
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}
