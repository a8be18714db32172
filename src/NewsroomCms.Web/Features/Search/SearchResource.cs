namespace NewsroomCms.Web.Features.Search;

/// <summary>Strings of the readers' search page.</summary>
public sealed class SearchResource;
