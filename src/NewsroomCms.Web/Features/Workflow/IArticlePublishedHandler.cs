namespace NewsroomCms.Web.Features.Workflow;

/// <summary>
/// A step to take once an article has gone public, whoever published it (an editor or the scheduler):
/// evict the portal's cached pages, update the search index, send notifications.
/// </summary>
/// <remarks>
/// Register each step as <c>services.AddScoped&lt;IArticlePublishedHandler, TStep&gt;()</c>. Steps run in
/// registration order, once per publication, after the publication has been committed, in the scope of
/// whoever published. A step that throws is logged and audited as <see cref="PublishingAudit.AfterPublishFailed"/>;
/// the article stays published and the next steps still run. A step is not retried, so one that talks to
/// another system should be safe to run again by hand.
/// </remarks>
public interface IArticlePublishedHandler
{
    Task OnPublishedAsync(int articleId, CancellationToken cancellationToken);
}
