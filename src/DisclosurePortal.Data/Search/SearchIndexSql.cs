namespace DisclosurePortal.Data.Search;

/// <summary>
/// The provider-specific part of the search index (docs/adr/0009), one statement per string: on SQLite an FTS5 table
/// with the trigram tokenizer over SearchEntries (external content) and the triggers that keep both in step; on
/// PostgreSQL the pg_trgm extension, a GIN trigram index over the searched text, and the same triggers as PL/pgSQL.
/// The migration runs <see cref="Install"/>; the schema test runs it too on a database created from the model.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>The text PostgreSQL searches: its GIN index is on exactly this expression, and the query repeats it.</summary>
    public const string PostgresText = """("Title" || ' ' || coalesce("DocumentNumber", '') || ' ' || coalesce("IndexNumber", '') || ' ' || "Body")""";

    private const string Columns = """
        "Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
        "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn"
        """;

    // The columns whose change can change an entry (the rest, such as IsLatest or Version, leave it as it is).
    private const string VersionColumns = """ "IsPublished", "Title", "DocumentNumber", "Body", "PublishedOn", "Validity", "Kind", "DomainId", "StageId", "DepartmentId" """;
    private const string ItemColumns = """ "NameLevel1", "NameLevel2", "Content", "Basis", "Status", "DomainId", "StageId", "DepartmentId" """;

    /// <summary>Every published version, with its record's 索引号 (Kind 1 = Record). A record filed in a column only (issue
    /// 20 §3) is found like any other, under domain and stage 0, which no domain or stage filter matches (no foreign keys).</summary>
    private static string PublishedVersions(string sortKey) => $"""
        SELECT {sortKey}, 1, v."RecordId", v."Id", NULL, v."Title", v."DocumentNumber", r."IndexNumber", v."Body",
               coalesce(v."DomainId", 0), coalesce(v."StageId", 0), v."DepartmentId", v."Kind", v."Validity", v."PublishedOn"
        FROM "RecordVersions" AS v JOIN "Records" AS r ON r."Id" = v."RecordId"
        WHERE v."IsPublished"
        """;

    /// <summary>Every catalogue item in use (Status 1 = Active; Kind 2 = CatalogueItem), sorting after every record.</summary>
    private const string ActiveItems = """
        SELECT -i."Id", 2, NULL, NULL, i."Id", i."NameLevel1" || ' · ' || i."NameLevel2", NULL, NULL, i."Content" || ' ' || i."Basis",
               i."DomainId", i."StageId", i."DepartmentId", NULL, NULL, NULL
        FROM "CatalogueItems" AS i
        WHERE i."Status" = 1
        """;

    /// <summary>The entry id of a published version, as the two SortKey expressions below compute it: days since 1970 in the high half, the version id in the low.</summary>
    public static long SortKey(DateOnly publishedOn, int versionId) =>
        ((long)(publishedOn.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) << 32) + versionId;

    private const string SqliteSortKey = """((CAST(julianday(coalesce(v."PublishedOn", '1970-01-01')) - 2440587.5 AS INTEGER) << 32) + v."Id")""";
    private const string PostgresSortKey = """((coalesce(v."PublishedOn", DATE '1970-01-01') - DATE '1970-01-01')::bigint * 4294967296 + v."Id")""";

    /// <summary>Everything, in this order: the full-text structure, its triggers, the backfill, the source triggers.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider) =>
        [.. FullTextIndex(provider), .. IndexTriggers(provider), .. Backfill(provider), .. SourceTriggers(provider)];

    // The parts of Install, so that a bulk load (DisclosurePortal.Tools/Generator) can run them itself: Uninstall, load the
    // rows with no trigger firing, then Backfill, FullTextIndex + RebuildFullTextIndex, IndexTriggers, SourceTriggers.

    /// <summary>SQLite: the FTS5 table (empty); PostgreSQL: pg_trgm and the GIN index (built over the rows present).</summary>
    public static IReadOnlyList<string> FullTextIndex(DatabaseProvider provider) => For(provider, SqliteFullTextIndex, PostgresFullTextIndex);

    /// <summary>
    /// Indexes the entries already in SearchEntries: FTS5's rebuild (external content), with 256 MB for the terms pending
    /// in memory instead of 1 MB while it runs (far fewer segments to merge: about 40 % faster at a million entries), then
    /// the default again. On PostgreSQL the index creation did it.
    /// </summary>
    public static IReadOnlyList<string> RebuildFullTextIndex(DatabaseProvider provider) => For(provider,
        [
            "INSERT INTO \"SearchText\" (\"SearchText\", rank) VALUES ('hashsize', 268435456);",
            "INSERT INTO \"SearchText\" (\"SearchText\") VALUES ('rebuild');",
            "INSERT INTO \"SearchText\" (\"SearchText\", rank) VALUES ('hashsize', 1048576);",
        ],
        []);

    /// <summary>SQLite: the triggers that keep the FTS5 table equal to SearchEntries (PostgreSQL's index needs none).</summary>
    public static IReadOnlyList<string> IndexTriggers(DatabaseProvider provider) => For(provider, SqliteIndexTriggers, []);

    /// <summary>One INSERT…SELECT each: every published version, and the catalogue in use.</summary>
    public static IReadOnlyList<string> Backfill(DatabaseProvider provider) => For(provider,
        [
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{PublishedVersions(SqliteSortKey)};",
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{ActiveItems};",
        ],
        [
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{PublishedVersions(PostgresSortKey)};",
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{ActiveItems};",
        ]);

    /// <summary>The triggers on RecordVersions, Records and CatalogueItems that keep SearchEntries equal to what is published.</summary>
    public static IReadOnlyList<string> SourceTriggers(DatabaseProvider provider) => For(provider, SqliteSourceTriggers, PostgresSourceTriggers);

    private static IReadOnlyList<string> For(DatabaseProvider provider, IReadOnlyList<string> sqlite, IReadOnlyList<string> postgres) => provider switch
    {
        DatabaseProvider.Sqlite => sqlite,
        DatabaseProvider.PostgreSQL => postgres,
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite =>
        [
            .. new[] { "RecordVersions_Search_Insert", "RecordVersions_Search_Update", "RecordVersions_Search_Delete", "Records_Search_Update",
                       "CatalogueItems_Search_Insert", "CatalogueItems_Search_Update", "CatalogueItems_Search_Delete",
                       "SearchEntries_Insert", "SearchEntries_Update", "SearchEntries_Delete" }.Select(t => $"DROP TRIGGER IF EXISTS \"{t}\";"),
            "DROP TABLE IF EXISTS \"SearchText\";",
        ],
        DatabaseProvider.PostgreSQL =>
        [
            "DROP TRIGGER IF EXISTS \"RecordVersions_Search\" ON \"RecordVersions\";",
            "DROP TRIGGER IF EXISTS \"Records_Search\" ON \"Records\";",
            "DROP TRIGGER IF EXISTS \"CatalogueItems_Search\" ON \"CatalogueItems\";",
            "DROP FUNCTION IF EXISTS \"SearchEntries_FromRecordVersion\"();",
            "DROP FUNCTION IF EXISTS \"SearchEntries_FromRecord\"();",
            "DROP FUNCTION IF EXISTS \"SearchEntries_FromCatalogueItem\"();",
            "DROP INDEX IF EXISTS \"IX_SearchEntries_Text\";",
        ],
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    private static readonly string[] SqliteFullTextIndex =
    [
        // External content: the FTS5 table keeps only the trigram index; the text stays in SearchEntries.
        """
        CREATE VIRTUAL TABLE "SearchText" USING fts5(
            "Title", "DocumentNumber", "IndexNumber", "Body",
            content='SearchEntries', content_rowid='Id', tokenize='trigram');
        """,
    ];

    private static readonly string[] SqliteIndexTriggers =
    [
        """
        CREATE TRIGGER "SearchEntries_Insert" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchText" (rowid, "Title", "DocumentNumber", "IndexNumber", "Body")
            VALUES (NEW."Id", NEW."Title", NEW."DocumentNumber", NEW."IndexNumber", NEW."Body");
        END;
        """,
        """
        CREATE TRIGGER "SearchEntries_Delete" AFTER DELETE ON "SearchEntries" BEGIN
            INSERT INTO "SearchText" ("SearchText", rowid, "Title", "DocumentNumber", "IndexNumber", "Body")
            VALUES ('delete', OLD."Id", OLD."Title", OLD."DocumentNumber", OLD."IndexNumber", OLD."Body");
        END;
        """,
        """
        CREATE TRIGGER "SearchEntries_Update" AFTER UPDATE ON "SearchEntries" BEGIN
            INSERT INTO "SearchText" ("SearchText", rowid, "Title", "DocumentNumber", "IndexNumber", "Body")
            VALUES ('delete', OLD."Id", OLD."Title", OLD."DocumentNumber", OLD."IndexNumber", OLD."Body");
            INSERT INTO "SearchText" (rowid, "Title", "DocumentNumber", "IndexNumber", "Body")
            VALUES (NEW."Id", NEW."Title", NEW."DocumentNumber", NEW."IndexNumber", NEW."Body");
        END;
        """,
    ];

    private static readonly string[] SqliteSourceTriggers =
    [
        $"""
        CREATE TRIGGER "RecordVersions_Search_Insert" AFTER INSERT ON "RecordVersions" WHEN NEW."IsPublished" BEGIN
            INSERT INTO "SearchEntries" ({Columns})
            {PublishedVersions(SqliteSortKey)} AND v."Id" = NEW."Id";
        END;
        """,
        $"""
        CREATE TRIGGER "RecordVersions_Search_Update" AFTER UPDATE OF {VersionColumns} ON "RecordVersions" BEGIN
            DELETE FROM "SearchEntries" WHERE "RecordVersionId" = OLD."Id";
            INSERT INTO "SearchEntries" ({Columns})
            {PublishedVersions(SqliteSortKey)} AND v."Id" = NEW."Id";
        END;
        """,
        """
        CREATE TRIGGER "RecordVersions_Search_Delete" AFTER DELETE ON "RecordVersions" BEGIN
            DELETE FROM "SearchEntries" WHERE "RecordVersionId" = OLD."Id";
        END;
        """,
        """
        CREATE TRIGGER "Records_Search_Update" AFTER UPDATE OF "IndexNumber" ON "Records" BEGIN
            UPDATE "SearchEntries" SET "IndexNumber" = NEW."IndexNumber" WHERE "RecordId" = NEW."Id";
        END;
        """,
        $"""
        CREATE TRIGGER "CatalogueItems_Search_Insert" AFTER INSERT ON "CatalogueItems" WHEN NEW."Status" = 1 BEGIN
            INSERT INTO "SearchEntries" ({Columns})
            {ActiveItems} AND i."Id" = NEW."Id";
        END;
        """,
        $"""
        CREATE TRIGGER "CatalogueItems_Search_Update" AFTER UPDATE OF {ItemColumns} ON "CatalogueItems" BEGIN
            DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
            INSERT INTO "SearchEntries" ({Columns})
            {ActiveItems} AND i."Id" = NEW."Id";
        END;
        """,
        """
        CREATE TRIGGER "CatalogueItems_Search_Delete" AFTER DELETE ON "CatalogueItems" BEGIN
            DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
        END;
        """,
    ];

    private static readonly string[] PostgresFullTextIndex =
    [
        // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
        $"CREATE INDEX \"IX_SearchEntries_Text\" ON \"SearchEntries\" USING gin ({PostgresText} gin_trgm_ops);",
    ];

    private static readonly string[] PostgresSourceTriggers =
    [
        $$"""
        CREATE FUNCTION "SearchEntries_FromRecordVersion"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM "SearchEntries" WHERE "RecordVersionId" = OLD."Id";
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."IsPublished" THEN
                INSERT INTO "SearchEntries" ({{Columns}})
                {{PublishedVersions(PostgresSortKey)}} AND v."Id" = NEW."Id";
            END IF;
            RETURN NULL;
        END
        $body$;
        """,
        $"""
        CREATE TRIGGER "RecordVersions_Search" AFTER INSERT OR DELETE OR UPDATE OF {VersionColumns} ON "RecordVersions"
        FOR EACH ROW EXECUTE FUNCTION "SearchEntries_FromRecordVersion"();
        """,
        """
        CREATE FUNCTION "SearchEntries_FromRecord"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE "SearchEntries" SET "IndexNumber" = NEW."IndexNumber" WHERE "RecordId" = NEW."Id";
            RETURN NULL;
        END
        $body$;
        """,
        """
        CREATE TRIGGER "Records_Search" AFTER UPDATE OF "IndexNumber" ON "Records"
        FOR EACH ROW EXECUTE FUNCTION "SearchEntries_FromRecord"();
        """,
        $$"""
        CREATE FUNCTION "SearchEntries_FromCatalogueItem"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."Status" = 1 THEN
                INSERT INTO "SearchEntries" ({{Columns}})
                {{ActiveItems}} AND i."Id" = NEW."Id";
            END IF;
            RETURN NULL;
        END
        $body$;
        """,
        $"""
        CREATE TRIGGER "CatalogueItems_Search" AFTER INSERT OR DELETE OR UPDATE OF {ItemColumns} ON "CatalogueItems"
        FOR EACH ROW EXECUTE FUNCTION "SearchEntries_FromCatalogueItem"();
        """,
    ];
}
