using Microsoft.AspNetCore.Hosting;
using NewsroomCms.Testing;

namespace NewsroomCms.BrowserTests.Infrastructure;

/// <summary>The app as a browser sees it: with its stylesheets and scripts.</summary>
public sealed class KestrelAppFactory : NewsroomAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the host serves only a published wwwroot; from bin/ the files are found through
        // the static web assets manifest, without which the CSS comes back empty.
        builder.UseStaticWebAssets();
    }
}
