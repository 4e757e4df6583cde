using DisclosurePortal.Data.Search;

namespace DisclosurePortal.Data.Listing;

/// <summary>
/// Issue 20 §3 made a record's catalogue item, domain and stage optional (a record may be filed in a column only).
/// SQLite alters a column by rebuilding its table, which drops the table's triggers; and the triggers must now skip the
/// column-only rows: they are counted and indexed under item, domain and stage 0 (docs/adr/0032). This reinstalls the
/// triggers on RecordVersions and Records from the runtime copies (<see cref="SearchIndexSql"/>,
/// <see cref="PublishedCountsSql"/>), which MigrationSchemaTests compares with a migrated database, and on SQL Server
/// alters its two T-SQL triggers of the Baseline alike (reviewed in docs/sql/sqlserver.sql; no SQL Server runs here).
/// </summary>
public static class ColumnPlacementSql
{
    public static IReadOnlyList<string> ReinstallRecordTriggers(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite =>
        [
            .. new[] { "RecordVersions_Search_Insert", "RecordVersions_Search_Update", "RecordVersions_Search_Delete", "Records_Search_Update" }
                .Select(t => $"DROP TRIGGER IF EXISTS \"{t}\";"),
            .. PublishedCountsSql.Uninstall(provider),
            .. SearchIndexSql.SourceTriggers(provider).Where(s => s.Contains("ON \"RecordVersions\"", StringComparison.Ordinal) || s.Contains("ON \"Records\"", StringComparison.Ordinal)),
            .. PublishedCountsSql.Triggers(provider),
        ],
        DatabaseProvider.PostgreSQL =>
        [
            "DROP TRIGGER IF EXISTS \"RecordVersions_Search\" ON \"RecordVersions\";",
            "DROP FUNCTION IF EXISTS \"SearchEntries_FromRecordVersion\"();",
            .. PublishedCountsSql.Uninstall(provider),
            .. SearchIndexSql.SourceTriggers(provider).Where(s => s.Contains("\"SearchEntries_FromRecordVersion\"", StringComparison.Ordinal)),
            .. PublishedCountsSql.Triggers(provider),
        ],
        DatabaseProvider.SqlServer => SqlServerTriggers,
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    private const string SearchColumns =
        "[Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], " +
        "[DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn]";

    // CREATE OR ALTER TRIGGER must begin its batch: run through EXEC, as the Baseline's are.
    private static string Exec(string sql) => "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');";

    private static readonly string[] SqlServerTriggers =
    [
        Exec($"""
        CREATE OR ALTER TRIGGER [RecordVersions_Search] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([IsPublished]) OR UPDATE([Title]) OR UPDATE([DocumentNumber]) OR UPDATE([Body]) OR UPDATE([PublishedOn])
                        OR UPDATE([Validity]) OR UPDATE([Kind]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[RecordVersionId] = d.[Id];
            INSERT INTO [SearchEntries] ({SearchColumns})
            SELECT CAST(DATEDIFF(day, '19700101', COALESCE(v.[PublishedOn], '19700101')) AS bigint) * 4294967296 + v.[Id], 1, v.[RecordId], v.[Id], NULL,
                   v.[Title], v.[DocumentNumber], r.[IndexNumber], v.[Body], COALESCE(v.[DomainId], 0), COALESCE(v.[StageId], 0), v.[DepartmentId],
                   v.[Kind], v.[Validity], v.[PublishedOn]
            FROM inserted AS n
            JOIN [RecordVersions] AS v ON v.[Id] = n.[Id]
            JOIN [Records] AS r ON r.[Id] = v.[RecordId]
            WHERE v.[IsPublished] = 1;
        END
        """),
        Exec("""
        CREATE OR ALTER TRIGGER [RecordVersions_Counts] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([IsPublished]) OR UPDATE([CatalogueItemId]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
                RETURN;
            UPDATE c SET c.[Count] = c.[Count] - d.[N]
            FROM [PublishedCounts] AS c
            JOIN (SELECT COALESCE([CatalogueItemId], 0) AS [CatalogueItemId], COALESCE([DomainId], 0) AS [DomainId], COALESCE([StageId], 0) AS [StageId],
                         [DepartmentId], COUNT(*) AS [N] FROM deleted WHERE [IsPublished] = 1
                  GROUP BY COALESCE([CatalogueItemId], 0), COALESCE([DomainId], 0), COALESCE([StageId], 0), [DepartmentId]) AS d
              ON c.[CatalogueItemId] = d.[CatalogueItemId] AND c.[DomainId] = d.[DomainId] AND c.[StageId] = d.[StageId] AND c.[DepartmentId] = d.[DepartmentId];
            MERGE [PublishedCounts] WITH (HOLDLOCK) AS c
            USING (SELECT COALESCE([CatalogueItemId], 0) AS [CatalogueItemId], COALESCE([DomainId], 0) AS [DomainId], COALESCE([StageId], 0) AS [StageId],
                          [DepartmentId], COUNT(*) AS [N] FROM inserted WHERE [IsPublished] = 1
                   GROUP BY COALESCE([CatalogueItemId], 0), COALESCE([DomainId], 0), COALESCE([StageId], 0), [DepartmentId]) AS n
              ON c.[CatalogueItemId] = n.[CatalogueItemId] AND c.[DomainId] = n.[DomainId] AND c.[StageId] = n.[StageId] AND c.[DepartmentId] = n.[DepartmentId]
            WHEN MATCHED THEN UPDATE SET c.[Count] = c.[Count] + n.[N]
            WHEN NOT MATCHED THEN INSERT ([CatalogueItemId], [DomainId], [StageId], [DepartmentId], [Count])
                 VALUES (n.[CatalogueItemId], n.[DomainId], n.[StageId], n.[DepartmentId], n.[N]);
        END
        """),
    ];
}
