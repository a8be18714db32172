using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NewsroomCms.Web.Data.SqlServer;

namespace NewsroomCms.Tests.Data;

/// <summary>
/// DBAs apply the idempotent script by hand, so it must at least be valid T-SQL. No SQL Server runs
/// here; ScriptDom checks the syntax only.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    [Fact]
    public void IdempotentMigrationScriptIsValidTSql()
    {
        var script = IdempotentScript();

        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
        Assert.Empty(ParseErrors(script));
    }

    [Fact]
    public void StatementsWrappedInExecInTheScriptAreValidTSql()
    {
        // EF wraps some statements (filtered indexes, seed data) in EXEC(N'...') so that SQL Server
        // compiles them only when their migration runs; the outer parse sees just a string literal.
        var bodies = ExecBody().Matches(IdempotentScript()).Select(m => m.Groups["body"].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.Empty(ParseErrors(body)));
    }

    private static string IdempotentScript()
    {
        using var db = new SqlServerNewsroomDbContextFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static List<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    [GeneratedRegex(@"EXEC\(N'(?<body>(?:[^']|'')*)'\)")]
    private static partial Regex ExecBody();
}
