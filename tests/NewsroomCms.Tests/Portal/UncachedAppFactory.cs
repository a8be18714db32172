using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// The app with the output cache off, for tests that write articles straight to the database (no public
/// change is announced, so a cached page would not know) and read every page fresh.
/// </summary>
public sealed class UncachedAppFactory : NewsroomAppFactory
{
    public UncachedAppFactory() => With("OutputCache:Enabled", "false");
}
