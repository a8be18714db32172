using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsroomCms.Tests.Data;

/// <summary>
/// Puts one made-up row in every table of whatever schema a SQLite database has, built from the
/// schema itself (column types, NOT NULL, foreign keys), so that upgrade tests keep working unchanged
/// as migrations are added.
/// </summary>
internal static class SampleRows
{
    /// <summary>Returns the tables that got a row. <paramref name="run"/> keeps values of repeated calls unique.</summary>
    public static async Task<IReadOnlyList<string>> AddToEveryTableAsync(SqliteConnection connection, int run)
    {
        var tables = await TablesAsync(connection);
        var foreignKeys = new Dictionary<string, List<ForeignKey>>();
        foreach (var table in tables)
        {
            foreignKeys[table] = await ForeignKeysAsync(connection, table);
        }

        foreach (var table in ParentsFirst(tables, foreignKeys))
        {
            var columns = await ColumnsAsync(connection, table);
            var rowIdAlias = columns.Count(c => c.PrimaryKey) == 1 && columns.Single(c => c.PrimaryKey).Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
            var values = new List<(string Column, string Value)>();
            foreach (var column in columns)
            {
                if (rowIdAlias && column.PrimaryKey)
                {
                    continue;
                }

                var foreignKey = foreignKeys[table].FirstOrDefault(fk => fk.Column == column.Name);
                var value = foreignKey switch
                {
                    // A row cannot point at itself before it exists.
                    { Parent: var parent } when parent == table => "NULL",
                    // The newest parent row, so a second run's composite keys differ from the first's.
                    not null => $"(SELECT {Quote(foreignKey.ParentColumn)} FROM {Quote(foreignKey.Parent)} ORDER BY rowid DESC LIMIT 1)",
                    _ => SampleValue(column.Type, run),
                };
                values.Add((column.Name, value));
            }

            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", values.Select(v => Quote(v.Column)))}) VALUES ({string.Join(", ", values.Select(v => v.Value))})";
            await insert.ExecuteNonQueryAsync();
        }

        return tables;
    }

    public static Task<List<string>> TablesAsync(SqliteConnection connection) =>
        QueryAsync(
            connection,
            // Not EF's own tables: a row in its migration lock table would make the next migration wait forever.
            // Not full-text tables (virtual, and their shadow tables named after them): the app fills those itself.
            """
            SELECT name FROM sqlite_master AS t
            WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '__EFMigrations%'
              AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
              AND NOT EXISTS (
                  SELECT 1 FROM sqlite_master AS v
                  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\_%' ESCAPE '\')
            ORDER BY name
            """,
            r => r.GetString(0));

    public static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string SampleValue(string type, int run)
    {
        // SQLite's type affinity rules, as EF Core's SQLite provider names its column types.
        var upper = type.ToUpperInvariant();
        if (upper.Contains("INT", StringComparison.Ordinal))
        {
            return run.ToString(CultureInfo.InvariantCulture);
        }

        if (upper.Contains("REAL", StringComparison.Ordinal) || upper.Contains("FLOA", StringComparison.Ordinal) || upper.Contains("DOUB", StringComparison.Ordinal))
        {
            return (run + 0.5).ToString(CultureInfo.InvariantCulture);
        }

        return upper.Contains("BLOB", StringComparison.Ordinal) ? "randomblob(8)" : $"'sample-{run}-{Guid.NewGuid():N}'";
    }

    private static List<string> ParentsFirst(List<string> tables, Dictionary<string, List<ForeignKey>> foreignKeys)
    {
        var ordered = new List<string>();
        var remaining = new List<string>(tables);
        while (remaining.Count > 0)
        {
            // A cycle between tables (never made by our model so far) falls back to the remaining order.
            var next = remaining.FirstOrDefault(t => foreignKeys[t].All(fk => fk.Parent == t || ordered.Contains(fk.Parent))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static Task<List<Column>> ColumnsAsync(SqliteConnection connection, string table) =>
        QueryAsync(connection, $"SELECT name, type, pk FROM pragma_table_info('{table}')", r => new Column(r.GetString(0), r.GetString(1), r.GetInt64(2) > 0));

    private static Task<List<ForeignKey>> ForeignKeysAsync(SqliteConnection connection, string table) =>
        QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('{table}')", r => new ForeignKey(r.GetString(0), r.GetString(1), r.GetString(2)));

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, string Type, bool PrimaryKey);

    private sealed record ForeignKey(string Column, string Parent, string ParentColumn);
}
