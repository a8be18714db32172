namespace NewsroomCms.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Production DBAs may apply migrations themselves (the <c>migrate</c> command or a script).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
