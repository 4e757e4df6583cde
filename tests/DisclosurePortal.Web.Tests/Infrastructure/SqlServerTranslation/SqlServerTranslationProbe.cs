using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

/// <summary>
/// One per test host (<see cref="PortalFactory"/>, registered in the app's services): the queries of this host that SQL
/// Server could not translate, so that the host's disposal fails its test class even when the query ran where no
/// test looks (a background service, a page a test does not check).
/// </summary>
public sealed class SqlServerTranslationProbe
{
    private readonly ConcurrentQueue<SqlServerTranslationFailure> _failures = new();

    public IReadOnlyList<SqlServerTranslationFailure> Failures => [.. _failures];

    /// <summary>The process-wide one, unless a test of the harness keeps its deliberate failures out of the report.</summary>
    public SqlServerTranslator Translator { get; set; } = SqlServerTranslator.Shared;

    internal void Add(SqlServerTranslationFailure failure) => _failures.Enqueue(failure);
}

/// <summary>
/// Tells the <see cref="RecordingQueryCompiler"/> that EF is compiling a query shape it has not seen: EF calls
/// <see cref="QueryCompilationStarting"/> only then, so shapes already compiled cost nothing. One instance for the
/// process: EF keys its internal service providers on query-expression interceptors, and one per host would build
/// one per host (more than twenty fail the app: ManyServiceProvidersCreatedWarning).
/// </summary>
public sealed class NewQueryShapeSignal : IQueryExpressionInterceptor
{
    public static NewQueryShapeSignal Instance { get; } = new();

    [ThreadStatic] internal static bool Compiling;

    private NewQueryShapeSignal() { }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Compiling = true;
        return queryExpression;
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
    /// <remarks>The host's <see cref="SqlServerTranslationProbe"/>, if registered, keeps the failures.</remarks>
    public static DbContextOptionsBuilder TranslateForSqlServer(this DbContextOptionsBuilder options)
    {
#pragma warning disable EF1001 // see RecordingQueryCompiler
        return options.AddInterceptors(NewQueryShapeSignal.Instance)
            .ReplaceService<Microsoft.EntityFrameworkCore.Query.Internal.IQueryCompiler, RecordingQueryCompiler>();
#pragma warning restore EF1001
    }
}
