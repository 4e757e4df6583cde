namespace DisclosurePortal.Data.Migrations.SqlServer;

// SQL Server's own SQL for what the model cannot express, the T-SQL counterparts of the SQLite and PostgreSQL Baselines'
// (docs/adr/0027): the triggers that keep SearchEntries and PublishedCounts equal to what is published (ADR 9, ADR 17),
// the audit chain's head row and its append-only trigger (ADR 23). No full-text index: search reads SearchEntries with
// CHARINDEX (SqlServerSearchIndex). Triggers fire once per statement, so each works on the inserted/deleted sets.
// NOT RUN ON ANY MACHINE THESE TESTS REACH (no SQL Server here): the script is reviewed in docs/sql/sqlserver.sql.
public partial class Baseline
{
    private const string SearchColumns =
        "[Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], " +
        "[DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn]";

    // CREATE TRIGGER must begin its batch: each is run through EXEC so that the idempotent script (IF NOT EXISTS … BEGIN
    // … END around every statement) stays valid, as EF Core's documentation advises.
    private static string Exec(string sql) => "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');";

    private static readonly string[] ProviderSql =
    [
        Exec($"""
        CREATE TRIGGER [RecordVersions_Search] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([IsPublished]) OR UPDATE([Title]) OR UPDATE([DocumentNumber]) OR UPDATE([Body]) OR UPDATE([PublishedOn])
                        OR UPDATE([Validity]) OR UPDATE([Kind]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[RecordVersionId] = d.[Id];
            INSERT INTO [SearchEntries] ({SearchColumns})
            SELECT CAST(DATEDIFF(day, '19700101', COALESCE(v.[PublishedOn], '19700101')) AS bigint) * 4294967296 + v.[Id], 1, v.[RecordId], v.[Id], NULL,
                   v.[Title], v.[DocumentNumber], r.[IndexNumber], v.[Body], v.[DomainId], v.[StageId], v.[DepartmentId], v.[Kind], v.[Validity], v.[PublishedOn]
            FROM inserted AS n
            JOIN [RecordVersions] AS v ON v.[Id] = n.[Id]
            JOIN [Records] AS r ON r.[Id] = v.[RecordId]
            WHERE v.[IsPublished] = 1;
        END
        """),
        Exec("""
        CREATE TRIGGER [Records_Search] ON [Records] AFTER UPDATE AS
        BEGIN
            SET NOCOUNT ON;
            IF NOT UPDATE([IndexNumber]) RETURN;
            UPDATE e SET e.[IndexNumber] = n.[IndexNumber] FROM [SearchEntries] AS e JOIN inserted AS n ON e.[RecordId] = n.[Id];
        END
        """),
        Exec($"""
        CREATE TRIGGER [CatalogueItems_Search] ON [CatalogueItems] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([NameLevel1]) OR UPDATE([NameLevel2]) OR UPDATE([Content]) OR UPDATE([Basis]) OR UPDATE([Status])
                        OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[CatalogueItemId] = d.[Id];
            INSERT INTO [SearchEntries] ({SearchColumns})
            SELECT -i.[Id], 2, NULL, NULL, i.[Id], i.[NameLevel1] + N' · ' + i.[NameLevel2], NULL, NULL, i.[Content] + N' ' + i.[Basis],
                   i.[DomainId], i.[StageId], i.[DepartmentId], NULL, NULL, NULL
            FROM inserted AS n
            JOIN [CatalogueItems] AS i ON i.[Id] = n.[Id]
            WHERE i.[Status] = 1;
        END
        """),
        Exec("""
        CREATE TRIGGER [RecordVersions_Counts] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([IsPublished]) OR UPDATE([CatalogueItemId]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
                RETURN;
            UPDATE c SET c.[Count] = c.[Count] - d.[N]
            FROM [PublishedCounts] AS c
            JOIN (SELECT [CatalogueItemId], [DomainId], [StageId], [DepartmentId], COUNT(*) AS [N] FROM deleted WHERE [IsPublished] = 1
                  GROUP BY [CatalogueItemId], [DomainId], [StageId], [DepartmentId]) AS d
              ON c.[CatalogueItemId] = d.[CatalogueItemId] AND c.[DomainId] = d.[DomainId] AND c.[StageId] = d.[StageId] AND c.[DepartmentId] = d.[DepartmentId];
            MERGE [PublishedCounts] WITH (HOLDLOCK) AS c
            USING (SELECT [CatalogueItemId], [DomainId], [StageId], [DepartmentId], COUNT(*) AS [N] FROM inserted WHERE [IsPublished] = 1
                   GROUP BY [CatalogueItemId], [DomainId], [StageId], [DepartmentId]) AS n
              ON c.[CatalogueItemId] = n.[CatalogueItemId] AND c.[DomainId] = n.[DomainId] AND c.[StageId] = n.[StageId] AND c.[DepartmentId] = n.[DepartmentId]
            WHEN MATCHED THEN UPDATE SET c.[Count] = c.[Count] + n.[N]
            WHEN NOT MATCHED THEN INSERT ([CatalogueItemId], [DomainId], [StageId], [DepartmentId], [Count])
                 VALUES (n.[CatalogueItemId], n.[DomainId], n.[StageId], n.[DepartmentId], n.[N]);
        END
        """),
        """
        INSERT INTO [AuditChainHeads] ([Id], [Sequence], [LastHash]) SELECT 1, COUNT(*), NULL FROM [AuditEvents];
        """,
        // Refuses what PostgreSQL's AuditEvents_AppendOnly refuses: an unchained insert, any delete, and any update but
        // sealing (a hash filled in once, nothing else changed). TRUNCATE fires no trigger on SQL Server: the portal's
        // login must not hold ALTER on the table (docs/adr/0027).
        Exec("""
        CREATE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF NOT EXISTS (SELECT 1 FROM deleted)
            BEGIN
                IF EXISTS (SELECT 1 FROM inserted WHERE [Hash] IS NULL)
                    THROW 50023, N'AuditEvents are append-only: an audit event must be chained', 1;
                RETURN;
            END
            IF NOT EXISTS (SELECT 1 FROM inserted)
                THROW 50023, N'AuditEvents are append-only: an audit event cannot be deleted', 1;
            IF EXISTS (
                SELECT 1 FROM inserted AS n JOIN deleted AS o ON o.[Id] = n.[Id]
                WHERE NOT (o.[Hash] IS NULL AND n.[Hash] IS NOT NULL)
                   OR EXISTS (SELECT n.[Sequence], n.[OccurredAt], n.[ActorId], n.[ActorName], n.[Action], n.[EntityType], n.[EntityId], n.[Summary]
                              EXCEPT
                              SELECT o.[Sequence], o.[OccurredAt], o.[ActorId], o.[ActorName], o.[Action], o.[EntityType], o.[EntityId], o.[Summary]))
               OR (SELECT COUNT(*) FROM inserted) <> (SELECT COUNT(*) FROM inserted AS n JOIN deleted AS o ON o.[Id] = n.[Id])
                THROW 50023, N'AuditEvents are append-only: an audit event cannot be changed', 1;
        END
        """),
    ];

    private static readonly string[] ProviderSqlDown =
    [
        "DROP TRIGGER IF EXISTS [AuditEvents_AppendOnly];",
        "DROP TRIGGER IF EXISTS [RecordVersions_Counts];",
        "DROP TRIGGER IF EXISTS [CatalogueItems_Search];",
        "DROP TRIGGER IF EXISTS [Records_Search];",
        "DROP TRIGGER IF EXISTS [RecordVersions_Search];",
    ];
}
