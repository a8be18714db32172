namespace NewsroomCms.Web.Features.Authoring;

/// <summary>Strings of the article editor, preview and revisions.</summary>
public sealed class AuthoringResource;
