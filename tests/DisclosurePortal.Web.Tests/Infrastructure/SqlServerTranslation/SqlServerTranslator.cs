using System.Collections;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

/// <summary>
/// Translates LINQ queries written against the portal's context (on SQLite or PostgreSQL) for SQL Server, without a
/// server: the query's roots, and the contexts and queries it captured, are swapped for those of one process-wide
/// <see cref="SqlServerPortalDbContext"/> whose connection is never opened; the query is run there, and the command
/// EF would send is captured and answered with an empty result. An exception after a command was captured (e.g.
/// "Sequence contains no elements" on the empty result) is fine; one before it means SQL Server cannot run the query.
/// Each shape is translated once per process; statements go to <c>sqlserver-queries.sql</c> and failures to
/// <c>sqlserver-untranslatable.txt</c> in <c>$DP_TEST_OUTPUT</c> (or tests/output).
/// </summary>
public sealed partial class SqlServerTranslator
{
    private static readonly Lazy<SqlServerTranslator> LazyShared = new(() => new SqlServerTranslator(OutputFolder()));
    public static SqlServerTranslator Shared => LazyShared.Value;

    private static readonly MethodInfo ExecuteMethod = typeof(IQueryProvider).GetMethods()
        .Single(m => m.Name == nameof(IQueryProvider.Execute) && m.IsGenericMethodDefinition);
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    private readonly Lock _gate = new();
    private readonly CommandCapture _capture = new();
    private readonly PortalDbContext _context;
    private readonly IAsyncQueryProvider _provider;
    private readonly Dictionary<string, SqlServerTranslation> _shapes = [];
    private readonly HashSet<string> _statements = [];
    private readonly string? _queriesFile;
    private readonly string? _failuresFile;
    private readonly string? _summaryFile;
    private int _translated, _skipped, _failed;

    public SqlServerTranslator(string? outputFolder)
    {
        _context = NoSqlServer.Context(_capture);
        _provider = _context.GetService<IAsyncQueryProvider>();
        if (outputFolder is null) return;
        Directory.CreateDirectory(outputFolder);
        _queriesFile = Path.Combine(outputFolder, "sqlserver-queries.sql");
        _failuresFile = Path.Combine(outputFolder, "sqlserver-untranslatable.txt");
        _summaryFile = Path.Combine(outputFolder, "sqlserver-translation-summary.txt");
        File.WriteAllText(_queriesFile,
            "-- Every query the web tests ran, as EF Core translates it for SQL Server (written by the tests; no server involved).\n\n");
        File.WriteAllText(_failuresFile, "");
        WriteSummary();
    }

    /// <summary>Translates <paramref name="query"/>, executed by EF with result type <paramref name="resultType"/>.</summary>
    public SqlServerTranslation Translate(Expression query, Type resultType)
    {
        lock (_gate)
        {
            var rewriter = new ToSqlServer(_context, _provider);
            Expression rewritten;
            try
            {
                rewritten = rewriter.Visit(query);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                return Remember(query.ToString(), query, new SqlServerTranslation(
                    [], new SqlServerTranslationFailure(Describe(query), $"the test harness could not move the query to SQL Server: {e.Message}"), null));
            }

            // Expression.ToString leaves out which entity a root is; the rewriter lists them.
            var key = $"{resultType}|{string.Join(",", rewriter.Roots)}|{rewritten}";
            if (_shapes.TryGetValue(key, out var known)) return known;
            if (rewriter.ProviderSpecific is { } reason)
                return Remember(key, query, new SqlServerTranslation([], null, reason));
            return Remember(key, query, Run(query, rewritten, resultType));
        }
    }

    private SqlServerTranslation Run(Expression original, Expression rewritten, Type resultType)
    {
        _capture.Start();
        Exception? error = null;
        try
        {
            var result = ExecuteMethod.MakeGenericMethod(SynchronousResultType(resultType)).Invoke(_provider, [rewritten]);
            if (result is IEnumerable rows and not string)
            {
                var rowsEnumerator = rows.GetEnumerator();
                try { rowsEnumerator.MoveNext(); }
                finally { (rowsEnumerator as IDisposable)?.Dispose(); }
            }
        }
        catch (Exception e)
        {
            error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
        }
        finally
        {
            _context.ChangeTracker.Clear();
        }
        var commands = _capture.Stop();
        if (commands.Count > 0 || error is null) return new SqlServerTranslation(commands, null, null);
        return new SqlServerTranslation([], new SqlServerTranslationFailure(Describe(original), $"{error.GetType().Name}: {error.Message}"), null);
    }

    /// <summary>The synchronous result that makes EF run the same query: SQL Server's SQL does not depend on it.</summary>
    private static Type SynchronousResultType(Type resultType)
    {
        if (!resultType.IsGenericType) return resultType;
        var definition = resultType.GetGenericTypeDefinition();
        if (definition == typeof(IAsyncEnumerable<>)) return typeof(IEnumerable<>).MakeGenericType(resultType.GetGenericArguments());
        if (definition == typeof(Task<>) || definition == typeof(ValueTask<>)) return resultType.GetGenericArguments()[0];
        return resultType;
    }

    private SqlServerTranslation Remember(string key, Expression original, SqlServerTranslation translation)
    {
        _shapes[key] = translation;
        if (translation.Failure is { } failure)
        {
            _failed++;
            if (_failuresFile is not null) File.AppendAllText(_failuresFile, failure + "\n\n");
        }
        else if (translation.SkippedBecause is { } reason)
        {
            _skipped++;
            if (_queriesFile is not null) File.AppendAllText(_queriesFile, $"-- skipped ({reason}): {Describe(original)}\n\n");
        }
        else
        {
            _translated++;
            var text = new StringBuilder();
            foreach (var sql in translation.Sql.Where(_statements.Add))
                text.Append("-- ").Append(Describe(original)).Append('\n').Append(sql.TrimEnd()).Append(";\n\n");
            if (_queriesFile is not null && text.Length > 0) File.AppendAllText(_queriesFile, text.ToString());
        }
        WriteSummary();
        return translation;
    }

    private void WriteSummary()
    {
        if (_summaryFile is null) return;
        File.WriteAllText(_summaryFile,
            $"query shapes translated for SQL Server: {_translated}\n" +
            $"distinct statements (sqlserver-queries.sql): {_statements.Count}\n" +
            $"skipped, raw or provider-specific SQL by design: {_skipped}\n" +
            $"untranslatable (sqlserver-untranslatable.txt): {_failed}\n" +
            "Database.ExecuteSql* never reaches the query compiler and is not counted: it is provider SQL by design.\n");
    }

    /// <summary>The LINQ as EF prints it (roots as <c>DbSet&lt;Record&gt;()</c>), on one line.</summary>
    internal static string Describe(Expression query)
    {
        string printed;
        try { printed = query.Print(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException) { printed = query.ToString(); }
        return Whitespace().Replace(printed, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string OutputFolder()
    {
        if (Environment.GetEnvironmentVariable("DP_TEST_OUTPUT") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePortal.sln"))) return Path.Combine(dir.FullName, "tests", "output");
        return Path.Combine(Path.GetTempPath(), "dp-test-output");
    }

    /// <summary>
    /// Points a query at the SQL Server context: entity roots by entity type name, captured contexts, DbSets and
    /// queries by their SQL Server equivalents. Notes raw SQL and provider-specific functions, which are not moved.
    /// </summary>
    private sealed class ToSqlServer(DbContext target, IAsyncQueryProvider provider) : ExpressionVisitor
    {
        public string? ProviderSpecific { get; private set; }
        public List<string> Roots { get; } = [];

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
#pragma warning disable EF1001 // the roots of FromSql and SqlQuery are EF internals; they are only recognised here
                case Microsoft.EntityFrameworkCore.Query.Internal.FromSqlQueryRootExpression
                    or Microsoft.EntityFrameworkCore.Query.Internal.SqlQueryRootExpression:
#pragma warning restore EF1001
                    ProviderSpecific ??= "raw SQL";
                    Roots.Add("raw " + Describe(node));
                    return node;
                case EntityQueryRootExpression root when root.GetType() == typeof(EntityQueryRootExpression):
                    Roots.Add(root.EntityType.Name);
                    var entityType = target.Model.FindEntityType(root.EntityType.Name)
                        ?? throw new NotSupportedException($"SQL Server's model has no entity type {root.EntityType.Name}");
                    return new EntityQueryRootExpression(provider, entityType);
                case EntityQueryRootExpression other:
                    throw new NotSupportedException($"unexpected query root {other.GetType().Name}");
                default:
                    return base.VisitExtension(node);
            }
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var assembly = node.Method.DeclaringType?.Assembly.GetName().Name ?? "";
            if (assembly.StartsWith("Npgsql", StringComparison.Ordinal) || assembly == "Microsoft.EntityFrameworkCore.Sqlite")
                ProviderSpecific ??= $"provider-specific function {node.Method.DeclaringType!.Name}.{node.Method.Name}";
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitConstant(ConstantExpression node) => Replace(node.Value, node) ?? node;

        protected override Expression VisitMember(MemberExpression node)
        {
            // Only a closure's context or query needs moving; other captured values stay as they are.
            var isContext = typeof(DbContext).IsAssignableFrom(node.Type);
            if (!isContext && !typeof(IQueryable).IsAssignableFrom(node.Type)) return base.VisitMember(node);
            if (!isContext)
            {
                // closure.db.Records: moving the context is enough, EF evaluates the rest as it does for the app.
                var visited = base.VisitMember(node);
                if (visited != node) return visited;
            }
            return TryEvaluate(node, out var value) && Replace(value, node) is { } replaced ? replaced : base.VisitMember(node);
        }

        private Expression? Replace(object? value, Expression node)
        {
            switch (value)
            {
                case DbContext context when context == target:
                    return null;
                case DbContext when node.Type.IsInstanceOfType(target):
                    return Captured(target, node.Type);
                case DbContext:
                    throw new NotSupportedException($"a captured {node.Type.Name} cannot stand for SQL Server's context");
                case IQueryable query when query.Provider is IAsyncQueryProvider && !ReferenceEquals(query.Provider, provider):
                    // A captured query is inlined, as EF's own parameter extraction does.
                    var expression = Visit(query.Expression);
                    if (node.Type.IsAssignableFrom(expression.Type)) return expression;
                    object moved = query.Expression is EntityQueryRootExpression
                        ? SetMethod.MakeGenericMethod(query.ElementType).Invoke(target, null)!
                        : provider.CreateQuery(expression);
                    return node.Type.IsInstanceOfType(moved)
                        ? Captured(moved, node.Type)
                        : throw new NotSupportedException($"a captured {node.Type.Name} cannot be moved to SQL Server's context");
                default:
                    return null;
            }
        }

        /// <summary>A value captured as the C# compiler captures it (a field of a constant), so EF evaluates it the same way.</summary>
        private static MemberExpression Captured(object value, Type type) =>
            Expression.Field(
                Expression.Constant(Activator.CreateInstance(typeof(System.Runtime.CompilerServices.StrongBox<>).MakeGenericType(type), value)),
                nameof(System.Runtime.CompilerServices.StrongBox<object>.Value));

        /// <summary>Evaluates a chain of fields and properties over a constant (a closure), as the C# compiler emits it.</summary>
        private static bool TryEvaluate(Expression? expression, out object? value)
        {
            value = null;
            switch (expression)
            {
                case ConstantExpression constant:
                    value = constant.Value;
                    return true;
                case MemberExpression member:
                    object? instance = null;
                    if (member.Expression is not null && (!TryEvaluate(member.Expression, out instance) || instance is null)) return false;
                    switch (member.Member)
                    {
                        case FieldInfo field:
                            value = field.GetValue(instance);
                            return true;
                        case PropertyInfo property when property.GetIndexParameters().Length == 0:
                            value = property.GetValue(instance);
                            return true;
                    }
                    return false;
                default:
                    return false;
            }
        }
    }
}

/// <summary>What SQL Server made of one query: its statements, or why it could not, or why it was not asked.</summary>
public sealed record SqlServerTranslation(IReadOnlyList<string> Sql, SqlServerTranslationFailure? Failure, string? SkippedBecause);
