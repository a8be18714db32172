using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Security;

public static class ArticleHtmlSanitizerSetup
{
    /// <summary>Registers <see cref="ArticleHtmlSanitizer"/> with the <see cref="EmbedOptions"/> from configuration.</summary>
    public static IServiceCollection AddArticleHtmlSanitizer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbedOptions>().Configure(options => options.Bind(configuration));
        return services.AddSingleton(sp => new ArticleHtmlSanitizer(sp.GetRequiredService<IOptions<EmbedOptions>>().Value));
    }
}
