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
/// (<see cref="NewQueryShapeSignal"/> saw compilation start) translates the original expression for SQL Server
/// (<see cref="SqlServerTranslator"/>) and throws if SQL Server cannot, after telling the host's probe.
/// </summary>
public sealed class RecordingQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model,
    IDbContextOptions contextOptions)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger,
        currentContext, evaluatableExpressionFilter, model)
{
    private readonly SqlServerTranslationProbe? _probe = contextOptions.FindExtension<CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService(typeof(SqlServerTranslationProbe)) as SqlServerTranslationProbe;

    public override TResult Execute<TResult>(Expression query)
    {
        NewQueryShapeSignal.Compiling = false;
        var result = base.Execute<TResult>(query);
        CheckIfNew(query, typeof(TResult));
        return result;
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        NewQueryShapeSignal.Compiling = false;
        // EF compiles synchronously, before the first await: the signal has fired (or not) when this returns.
        var result = base.ExecuteAsync<TResult>(query, cancellationToken);
        CheckIfNew(query, typeof(TResult));
        return result;
    }

    private void CheckIfNew(Expression query, Type resultType)
    {
        if (!NewQueryShapeSignal.Compiling) return;
        NewQueryShapeSignal.Compiling = false;
        if ((_probe?.Translator ?? SqlServerTranslator.Shared).Translate(query, resultType) is { Failure: { } failure })
        {
            _probe?.Add(failure);
            throw new SqlServerTranslationException(failure);
        }
    }
}
