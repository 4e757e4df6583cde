namespace DisclosurePortal.Data.Migrations.SqlServer;

// The T-SQL counterparts of SearchIndexSql.OtherContent (issue 22, docs/adr/0042): published 网上信箱 messages, public
// 民意征集 consultations and published 办事指南 in SearchEntries, kept by one trigger per table on the inserted/deleted
// sets, then backfilled. The sort key's low half is 2³¹ + (kind − 3) × 2²⁹ + the id, above every record version's id.
// NOT RUN ON ANY MACHINE THESE TESTS REACH (no SQL Server here): the script is reviewed in docs/sql/sqlserver.sql.
public partial class SearchOtherContent
{
    private const string Columns =
        "[Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], " +
        "[DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId]";

    private static string Exec(string sql) => "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');";

    /// <summary>The entry of each row of <paramref name="table"/> (alias <paramref name="alias"/>): the SELECT and FROM, the caller's JOIN and WHERE follow.</summary>
    private static string Rows(int kind, string alias, string date, string table)
    {
        var offset = (1L << 31) + (kind - 3) * (1L << 29);
        var rest = kind switch
        {
            3 => "m.[Subject], NULL, NULL, m.[Body] + N' ' + COALESCE(m.[Reply], N''), 0, 0, COALESCE(m.[AssignedDepartmentId], 0), NULL, NULL, m.[AnsweredOn]",
            4 => "c.[Title], NULL, NULL, c.[DraftingExplanation] + N' ' + c.[DraftBody], c.[DomainId], 0, c.[DepartmentId], NULL, NULL, c.[StartsOn]",
            _ => "g.[Name], NULL, NULL, g.[Conditions] + N' ' + g.[LegalBasis] + N' ' + g.[TimeLimit] + N' ' + g.[Fees] + N' ' + g.[PlaceAndHours], g.[DomainId], 0, g.[DepartmentId], NULL, NULL, g.[PublishedOn]",
        };
        return $"SELECT CAST(DATEDIFF(day, '19700101', COALESCE({alias}.[{date}], '19700101')) AS bigint) * 4294967296 + {offset} + {alias}.[Id], {kind}, NULL, NULL, NULL, {rest}, {alias}.[Id]\n" +
               $"            FROM [{table}] AS {alias}";
    }

    private const string MessageWhere = "m.[Published] = 1 AND m.[PublicationConsent] = 1 AND m.[State] = 5";
    private const string ConsultationWhere = "c.[State] IN (3, 4)";
    private const string GuideWhere = "g.[State] = 3 AND g.[RevisionOfId] IS NULL";

    private static readonly string[] ProviderSql =
    [
        Exec($"""
        CREATE TRIGGER [Messages_Search] ON [Messages] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([Published]) OR UPDATE([PublicationConsent]) OR UPDATE([State]) OR UPDATE([Subject]) OR UPDATE([Body]) OR UPDATE([Reply]) OR UPDATE([AnsweredOn]) OR UPDATE([AssignedDepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 3;
            INSERT INTO [SearchEntries] ({Columns})
            {Rows(3, "m", "AnsweredOn", "Messages")}
            JOIN inserted AS n ON n.[Id] = m.[Id]
            WHERE {MessageWhere};
        END
        """),
        Exec($"""
        CREATE TRIGGER [Consultations_Search] ON [Consultations] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([State]) OR UPDATE([Title]) OR UPDATE([DraftBody]) OR UPDATE([DraftingExplanation]) OR UPDATE([StartsOn]) OR UPDATE([DomainId]) OR UPDATE([DepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 4;
            INSERT INTO [SearchEntries] ({Columns})
            {Rows(4, "c", "StartsOn", "Consultations")}
            JOIN inserted AS n ON n.[Id] = c.[Id]
            WHERE {ConsultationWhere};
        END
        """),
        Exec($"""
        CREATE TRIGGER [ServiceGuides_Search] ON [ServiceGuides] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
               AND NOT (UPDATE([State]) OR UPDATE([RevisionOfId]) OR UPDATE([Name]) OR UPDATE([Conditions]) OR UPDATE([LegalBasis]) OR UPDATE([TimeLimit]) OR UPDATE([Fees]) OR UPDATE([PlaceAndHours]) OR UPDATE([PublishedOn]) OR UPDATE([DomainId]) OR UPDATE([DepartmentId]))
                RETURN;
            DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 5;
            INSERT INTO [SearchEntries] ({Columns})
            {Rows(5, "g", "PublishedOn", "ServiceGuides")}
            JOIN inserted AS n ON n.[Id] = g.[Id]
            WHERE {GuideWhere};
        END
        """),
        $"INSERT INTO [SearchEntries] ({Columns})\n{Rows(3, "m", "AnsweredOn", "Messages")}\nWHERE {MessageWhere};",
        $"INSERT INTO [SearchEntries] ({Columns})\n{Rows(4, "c", "StartsOn", "Consultations")}\nWHERE {ConsultationWhere};",
        $"INSERT INTO [SearchEntries] ({Columns})\n{Rows(5, "g", "PublishedOn", "ServiceGuides")}\nWHERE {GuideWhere};",
    ];

    private static readonly string[] ProviderSqlDown =
    [
        "DROP TRIGGER IF EXISTS [ServiceGuides_Search];",
        "DROP TRIGGER IF EXISTS [Consultations_Search];",
        "DROP TRIGGER IF EXISTS [Messages_Search];",
        "DELETE FROM [SearchEntries] WHERE [Kind] > 2;",
    ];
}
