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
            return app.Services.GetRequiredService<IStringLocalizer<TResource>>()[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
