namespace DisclosurePortal.Data.Listing;

/// <summary>
/// The triggers that keep <see cref="PublishedCount"/> in step with RecordVersions.IsPublished (docs/adr/0017), and the
/// backfill. Used by the migration, by the schema tests on the model's side, and by the data generator's post-load step.
/// </summary>
public static class PublishedCountsSql
{
    private const string Key = "\"CatalogueItemId\", \"DomainId\", \"StageId\", \"DepartmentId\"";

    /// <summary>
    /// The key's values from a version row. A record filed in a column only (issue 20 §3, docs/adr/0032) has no item,
    /// domain or stage: it is counted under 0 for each, so that its department's total includes it while no domain,
    /// stage or item (whose ids start at 1) does. There are no foreign keys on this table.
    /// </summary>
    public static string Values(string row) =>
        $"coalesce({row}.\"CatalogueItemId\", 0), coalesce({row}.\"DomainId\", 0), coalesce({row}.\"StageId\", 0), {row}.\"DepartmentId\"";

    /// <summary>Recounts every row from RecordVersions: the backfill, and a repair after a bulk load without triggers.</summary>
    public static IReadOnlyList<string> Recount() =>
    [
        "DELETE FROM \"PublishedCounts\";",
        $"INSERT INTO \"PublishedCounts\" ({Key}, \"Count\") SELECT {Values("\"RecordVersions\"")}, count(*) FROM \"RecordVersions\" WHERE \"IsPublished\" GROUP BY {Values("\"RecordVersions\"")};",
    ];

    public static IReadOnlyList<string> Install(DatabaseProvider provider) => [.. Recount().Skip(1), .. Triggers(provider)];

    /// <summary>The triggers alone: a bulk load drops them (<see cref="Uninstall"/>), then runs <see cref="Recount"/> and these.</summary>
    public static IReadOnlyList<string> Triggers(DatabaseProvider provider) => Supported(provider) == DatabaseProvider.Sqlite ? SqliteTriggers : PostgresTriggers;

    /// <summary>SQL Server's trigger is T-SQL in its Baseline migration only (docs/adr/0027): the bulk generator does not run there.</summary>
    private static DatabaseProvider Supported(DatabaseProvider provider) => provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSQL
        ? provider
        : throw new NotSupportedException($"The published-count triggers are kept at run time for SQLite and PostgreSQL only, not {provider}.");

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => Supported(provider) == DatabaseProvider.Sqlite
        ?
        [
            "DROP TRIGGER IF EXISTS \"RecordVersions_Counts_Insert\";",
            "DROP TRIGGER IF EXISTS \"RecordVersions_Counts_Update\";",
            "DROP TRIGGER IF EXISTS \"RecordVersions_Counts_Delete\";",
        ]
        :
        [
            "DROP TRIGGER IF EXISTS \"RecordVersions_Counts\" ON \"RecordVersions\";",
            "DROP FUNCTION IF EXISTS \"PublishedCounts_FromRecordVersion\"();",
        ];

    private static string Add(string row, string condition) =>
        $"""
        INSERT INTO "PublishedCounts" ({Key}, "Count")
            SELECT {Values(row)}, 1 WHERE {condition}
            ON CONFLICT ({Key}) DO UPDATE SET "Count" = "PublishedCounts"."Count" + 1;
        """;

    private static string Remove(string row, string condition) =>
        $"""
        UPDATE "PublishedCounts" SET "Count" = "Count" - 1
            WHERE {condition} AND "CatalogueItemId" = coalesce({row}."CatalogueItemId", 0) AND "DomainId" = coalesce({row}."DomainId", 0)
              AND "StageId" = coalesce({row}."StageId", 0) AND "DepartmentId" = {row}."DepartmentId";
        """;

    private const string Watched = "\"IsPublished\", \"CatalogueItemId\", \"DomainId\", \"StageId\", \"DepartmentId\"";

    private static readonly string[] SqliteTriggers =
    [
        $"""
        CREATE TRIGGER "RecordVersions_Counts_Insert" AFTER INSERT ON "RecordVersions" WHEN NEW."IsPublished" BEGIN
            {Add("NEW", "1")}
        END;
        """,
        $"""
        CREATE TRIGGER "RecordVersions_Counts_Update" AFTER UPDATE OF {Watched} ON "RecordVersions" BEGIN
            {Remove("OLD", "OLD.\"IsPublished\"")}
            {Add("NEW", "NEW.\"IsPublished\"")}
        END;
        """,
        $"""
        CREATE TRIGGER "RecordVersions_Counts_Delete" AFTER DELETE ON "RecordVersions" WHEN OLD."IsPublished" BEGIN
            {Remove("OLD", "1")}
        END;
        """,
    ];

    private static readonly string[] PostgresTriggers =
    [
        $$"""
        CREATE FUNCTION "PublishedCounts_FromRecordVersion"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD."IsPublished" THEN
                {{Remove("OLD", "TRUE")}}
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."IsPublished" THEN
                {{Add("NEW", "TRUE")}}
            END IF;
            RETURN NULL;
        END
        $body$;
        """,
        $"""
        CREATE TRIGGER "RecordVersions_Counts" AFTER INSERT OR DELETE OR UPDATE OF {Watched} ON "RecordVersions"
        FOR EACH ROW EXECUTE FUNCTION "PublishedCounts_FromRecordVersion"();
        """,
    ];
}
