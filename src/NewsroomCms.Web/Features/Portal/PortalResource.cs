namespace NewsroomCms.Web.Features.Portal;

/// <summary>Strings of the public pages.</summary>
public sealed class PortalResource;
