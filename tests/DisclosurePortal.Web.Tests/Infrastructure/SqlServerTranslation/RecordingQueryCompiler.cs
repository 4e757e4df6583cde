using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

// EF1001: QueryCompiler is EF's internal API. It is the one place that sees a LINQ query before EF extracts its
// parameters (the expression SQL Server must translate too); a test-only subclass, pinned by the EF version we test.
#pragma warning disable EF1001

/// <summary>
/// The app's query compiler in tests: runs the query as EF does, and when EF compiles a shape for the first time
/// (<see cref="SqlServerTranslationProbe"/> saw compilation start) hands the original expression to the probe,
/// which translates it for SQL Server and throws if SQL Server cannot.
/// </summary>
public sealed class RecordingQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger,
        currentContext, evaluatableExpressionFilter, model)
{
    public override TResult Execute<TResult>(Expression query)
    {
        SqlServerTranslationProbe.Compiling = null;
        var result = base.Execute<TResult>(query);
        CheckIfNew(query, typeof(TResult));
        return result;
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        SqlServerTranslationProbe.Compiling = null;
        // EF compiles synchronously, before the first await: the probe has fired (or not) when this returns.
        var result = base.ExecuteAsync<TResult>(query, cancellationToken);
        CheckIfNew(query, typeof(TResult));
        return result;
    }

    private static void CheckIfNew(Expression query, Type resultType)
    {
        if (SqlServerTranslationProbe.Compiling is not { } probe) return;
        SqlServerTranslationProbe.Compiling = null;
        probe.Check(query, resultType);
    }
}
