using System.Data.Common;
using DisclosurePortal.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Data.Search;

/// <summary>
/// SQLite's half of the search tokenizer (docs/adr/0041): the SQL function <c>"SearchTokens"(text)</c>, which the triggers
/// of the FTS5 table call to turn a title or body into the tokens it indexes (<see cref="SearchTokens.Join"/>). SQLite
/// has no such function of its own, so every connection that may write a record, a catalogue item or a search entry
/// must have it: <see cref="DatabaseSetup.Configure"/> adds this interceptor to every context, and a tool that opens a
/// connection itself calls <see cref="Register"/>. A connection without it (the sqlite3 shell, say) can read everything
/// but cannot publish: its trigger fails with "no such function: SearchTokens", and nothing is written.
/// </summary>
public sealed class SqliteSearchFunctions : DbConnectionInterceptor
{
    public const string TokensFunction = "SearchTokens";

    public static readonly SqliteSearchFunctions Instance = new();

    private SqliteSearchFunctions()
    {
    }

    /// <summary>Adds the search functions to an open SQLite connection (they last as long as it stays open).</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?>(TokensFunction, text => text is null ? null : SearchTokens.Join(text), isDeterministic: true);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite) Register(sqlite);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite) Register(sqlite);
        return Task.CompletedTask;
    }
}
