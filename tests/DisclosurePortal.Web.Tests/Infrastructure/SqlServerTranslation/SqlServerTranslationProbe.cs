using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

/// <summary>
/// One per test host (<see cref="PortalFactory"/>): tells the <see cref="RecordingQueryCompiler"/> that EF is compiling
/// a query shape it has not seen (EF calls <see cref="QueryCompilationStarting"/> only then, so shapes already compiled
/// cost nothing), and keeps what SQL Server could not translate in this host, so that the host's disposal fails its
/// test class even when the query ran where no test looks (a background service, a page a test does not check).
/// </summary>
public sealed class SqlServerTranslationProbe : IQueryExpressionInterceptor
{
    [ThreadStatic] internal static SqlServerTranslationProbe? Compiling;

    private readonly ConcurrentQueue<SqlServerTranslationFailure> _failures = new();

    public IReadOnlyList<SqlServerTranslationFailure> Failures => [.. _failures];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Compiling = this;
        return queryExpression;
    }

    /// <summary>Translates the query for SQL Server (once per shape per process); throws if SQL Server cannot.</summary>
    public void Check(Expression query, Type resultType)
    {
        if (SqlServerTranslator.Shared.Translate(query, resultType) is { Failure: { } failure })
        {
            _failures.Enqueue(failure);
            throw new SqlServerTranslationException(failure);
        }
    }
}

public sealed record SqlServerTranslationFailure(string Linq, string Error)
{
    public override string ToString() => $"SQL Server cannot translate this query:\n  {Linq}\nSQL Server's error:\n  {Error}";
}

public sealed class SqlServerTranslationException(SqlServerTranslationFailure failure)
    : InvalidOperationException(failure.ToString())
{
    public SqlServerTranslationFailure Failure { get; } = failure;
}

public static class SqlServerTranslationSetup
{
    /// <summary>Every context configured with this translates each new query shape for SQL Server as it runs.</summary>
    public static DbContextOptionsBuilder TranslateForSqlServer(this DbContextOptionsBuilder options, SqlServerTranslationProbe probe)
    {
#pragma warning disable EF1001 // see RecordingQueryCompiler
        return options.AddInterceptors(probe)
            .ReplaceService<Microsoft.EntityFrameworkCore.Query.Internal.IQueryCompiler, RecordingQueryCompiler>();
#pragma warning restore EF1001
    }
}
