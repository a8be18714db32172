namespace NewsroomCms.Web.Features.Site;

/// <summary>Strings of the error pages.</summary>
public sealed class SiteResource;
