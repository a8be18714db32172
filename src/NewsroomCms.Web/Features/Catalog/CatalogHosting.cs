namespace NewsroomCms.Web.Features.Catalog;

public static class CatalogHosting
{
    /// <summary>The services that change sections, tags and author profiles (<see cref="SlugHistory"/> is registered on its own).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services) => services
        .AddScoped<SectionEditing>()
        .AddScoped<TagEditing>()
        .AddScoped<AuthorEditing>();
}
