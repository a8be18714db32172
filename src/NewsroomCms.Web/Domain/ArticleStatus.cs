namespace NewsroomCms.Web.Domain;

/// <summary>Stored as its number: keep the values stable once migrations use them.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Submitted = 1,
    ChangesRequested = 2,
    Scheduled = 3,
    Published = 4,
    Unpublished = 5,
}
