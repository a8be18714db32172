using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// Commands for automation (Docker, scripts), run by the same executable as the site:
/// <c>NewsroomCms.Web migrate</c>, <c>create-user</c>, <c>seed-demo</c>, <c>reindex-search</c>. Passwords come from standard
/// input, never from the command line where other users of the machine could read them.
/// </summary>
public static class AdminCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string UsageText = """
        Usage: NewsroomCms.Web <command> [options]

        Commands:
          migrate                                    Apply database migrations and exit.
          create-user --email E --name N --role R    Create an account; the password is read from standard input.
                                                     R is Admin, Editor or Reporter.
          seed-demo [--with-accounts]                Add demo sections, authors and articles; with --with-accounts also
                                                     a demo reporter and editor, each with a random password shown once.
          reindex-search                             Rebuild the readers' search index from the published articles
                                                     (after a restore or an import; safe while the site runs).

        Without a command the site runs. Configuration comes from appsettings.json and environment variables
        (Database__Provider, ConnectionStrings__Newsroom, ...).
        """;

    /// <summary>A first argument that is a word (not an option or key=value) names a command.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var name = args.Length > 0 ? args[0] : "";
        if (!TryParseOptions(args.Skip(1).ToArray(), out var options, out var flags))
        {
            return PrintUsage(error, "Options must be written as --name value.");
        }

        try
        {
            return name switch
            {
                "migrate" => await MigrateAsync(services, output),
                "create-user" => await CreateUserAsync(services, options, input, output, error),
                "seed-demo" => await SeedDemoAsync(services, flags, output),
                "reindex-search" => await ReindexSearchAsync(services, output),
                "help" or "--help" => PrintUsage(output, null, Ok),
                _ => PrintUsage(error, $"Unknown command '{name}'."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"{name} failed: {ex.Message}");
            return Failed;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await DatabaseSetup.PrepareAsync(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>(), migrate: true);
        output.WriteLine("The database is up to date.");
        return Ok;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var displayName) || !options.TryGetValue("role", out var roleName))
        {
            return PrintUsage(error, "create-user needs --email, --name and --role.");
        }

        var role = Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return PrintUsage(error, $"Unknown role '{roleName}'. Use Admin, Editor or Reporter.");
        }

        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("Write the new account's password on standard input, e.g. `read -s P && echo \"$P\" | NewsroomCms.Web create-user ...`.");
            return Usage;
        }

        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = ApplicationUser.NewAccount(email, displayName, clock.GetUtcNow().UtcDateTime);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem.Description);
            }

            return Failed;
        }

        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        db.AuditEvents.Add(AuditEvent.ForUser(clock.GetUtcNow().UtcDateTime, null, AuditActions.UserCreated, user.Id, role));
        await db.SaveChangesAsync();
        output.WriteLine($"Created {role} account {user.Email}.");
        return Ok;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, HashSet<string> flags, TextWriter output)
    {
        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(flags.Contains("with-accounts"), output);
        return Ok;
    }

    private static async Task<int> ReindexSearchAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
        output.WriteLine($"Indexed {indexed} published articles for search.");
        return Ok;
    }

    private static Task PrepareDatabaseAsync(IServiceProvider scoped) =>
        DatabaseSetup.PrepareAsync(
            scoped.GetRequiredService<NewsroomDbContext>(),
            scoped.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup);

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out HashSet<string> flags)
    {
        options = new(StringComparer.OrdinalIgnoreCase);
        flags = new(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                return false;
            }

            var key = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[key] = args[++i];
            }
            else
            {
                flags.Add(key);
            }
        }

        return true;
    }

    private static int PrintUsage(TextWriter writer, string? problem, int exitCode = Usage)
    {
        if (problem is not null)
        {
            writer.WriteLine(problem);
            writer.WriteLine();
        }

        writer.WriteLine(UsageText);
        return exitCode;
    }
}
