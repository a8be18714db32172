namespace NewsroomCms.Web.Features.Newsroom;

/// <summary>Strings of the back-office home.</summary>
public sealed class NewsroomResource;
