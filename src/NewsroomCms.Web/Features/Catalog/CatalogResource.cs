namespace NewsroomCms.Web.Features.Catalog;

/// <summary>Strings of the sections, tags and author profiles pages.</summary>
public sealed class CatalogResource;
