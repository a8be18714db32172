using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Infrastructure;

/// <summary>What a page says in Vietnamese (the default language), read from the app's own resources.</summary>
public static class Texts
{
    public static string Vietnamese<TResource>(NewsroomAppFactory app, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            var text = app.Services.GetRequiredService<IStringLocalizer<TResource>>()[key, arguments];
            // Otherwise a missing translation would return the English key and the page would match it.
            return text.ResourceNotFound
                ? throw new InvalidOperationException($"No Vietnamese translation for \"{key}\" in {typeof(TResource).Name}.vi.resx.")
                : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
