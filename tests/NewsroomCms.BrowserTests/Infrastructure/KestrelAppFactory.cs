using Microsoft.AspNetCore.Hosting;
using NewsroomCms.Testing;

namespace NewsroomCms.BrowserTests.Infrastructure;

/// <summary>The app as a browser sees it: with its stylesheets and scripts.</summary>
public sealed class KestrelAppFactory : NewsroomAppFactory
{
    public KestrelAppFactory()
    {
        // Expected in a throwaway test site (plain HTTP, unencrypted keys in a temporary database), so only noise.
        With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.HttpsPolicy", "Error");
        With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the host expects a published wwwroot. Run from bin/, the gzip copies the build keeps
        // in obj/ (what a browser asks for) are found only through the static web assets manifest.
        builder.UseStaticWebAssets();
    }
}
