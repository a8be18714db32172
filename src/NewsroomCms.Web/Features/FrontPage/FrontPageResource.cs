namespace NewsroomCms.Web.Features.FrontPage;

/// <summary>Strings of the editors' front-page page.</summary>
public sealed class FrontPageResource;
