using DisclosurePortal.Domain.Search;

namespace DisclosurePortal.Data.Search;

/// <summary>
/// The provider-specific part of the search index (docs/adr/0009, 0041), one statement per string. The index keeps the
/// tokens of <see cref="SearchTokens"/> (pairs of 汉字, runs of digits and of letters), so that words of any length are
/// answered by it: on SQLite a contentless FTS5 table (tokenizer unicode61) whose triggers on SearchEntries give it the
/// tokens that the function "SearchTokens" (<see cref="SqliteSearchFunctions"/>) makes of each column; on PostgreSQL the
/// same function in SQL, a stored tsvector column "SearchVector" (title weight A, 文号 and 索引号 B, body D) and a GIN
/// index on it. Triggers on RecordVersions, Records and CatalogueItems keep SearchEntries equal to what is published.
/// The migrations run these statements; the schema test runs them too on a database created from the model.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>PostgreSQL: the column holding an entry's tokens, which the GIN index and the ranking read.</summary>
    public const string PostgresVector = "\"SearchVector\"";

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

    /// <summary>
    /// The other public content in the index (issue 22): published 网上信箱 messages (answered, published, with the
    /// writer's consent), 民意征集 consultations once approved (the search leaves out those whose 开始日期 is still to
    /// come: the date is not a change a trigger sees) and published 办事指南 (not a pending change to one). They have no
    /// domain or stage unless they name one (0 otherwise, which no filter matches), no kind of record and no validity;
    /// their date is the day answered, opened or published.
    /// </summary>
    private sealed record OtherSource(SearchEntryKind Kind, string Table, string WatchedColumns, string Alias, string Date, string Select)
    {
        /// <summary>2³¹ + (kind − 3) × 2²⁹: the low half of the sort key above every version id, one quarter per kind.</summary>
        public long Offset => (1L << 31) + ((long)Kind - 3) * (1L << 29);

        public string Rows(DatabaseProvider provider) =>
            $"SELECT {Days(provider, $"{Alias}.\"{Date}\"")} + {Offset} + {Alias}.\"Id\", {(int)Kind}, NULL, NULL, NULL, {Select}";

        public string TriggerName => $"{Table}_Search";
    }

    private static readonly OtherSource[] OtherSources =
    [
        new(SearchEntryKind.Message, "Messages", """ "Published", "PublicationConsent", "State", "Subject", "Body", "Reply", "AnsweredOn", "AssignedDepartmentId" """, "m", "AnsweredOn", """
            m."Subject", NULL, NULL, m."Body" || ' ' || coalesce(m."Reply", ''),
                   0, 0, coalesce(m."AssignedDepartmentId", 0), NULL, NULL, m."AnsweredOn", m."Id"
            FROM "Messages" AS m
            WHERE m."Published" AND m."PublicationConsent" AND m."State" = 5
            """),
        new(SearchEntryKind.Consultation, "Consultations", """ "State", "Title", "DraftBody", "DraftingExplanation", "StartsOn", "DomainId", "DepartmentId" """, "c", "StartsOn", """
            c."Title", NULL, NULL, c."DraftingExplanation" || ' ' || c."DraftBody",
                   c."DomainId", 0, c."DepartmentId", NULL, NULL, c."StartsOn", c."Id"
            FROM "Consultations" AS c
            WHERE c."State" IN (3, 4)
            """),
        new(SearchEntryKind.ServiceGuide, "ServiceGuides", """ "State", "RevisionOfId", "Name", "Conditions", "LegalBasis", "TimeLimit", "Fees", "PlaceAndHours", "PublishedOn", "DomainId", "DepartmentId" """, "g", "PublishedOn", """
            g."Name", NULL, NULL, g."Conditions" || ' ' || g."LegalBasis" || ' ' || g."TimeLimit" || ' ' || g."Fees" || ' ' || g."PlaceAndHours",
                   g."DomainId", 0, g."DepartmentId", NULL, NULL, g."PublishedOn", g."Id"
            FROM "ServiceGuides" AS g
            WHERE g."State" = 3 AND g."RevisionOfId" IS NULL
            """),
    ];

    private const string OtherColumns = Columns + ", \"SourceId\"";

    /// <summary>The days from 1970-01-01 to a date (1970-01-01 when null), times 2³².</summary>
    private static string Days(DatabaseProvider provider, string date) => provider switch
    {
        DatabaseProvider.Sqlite => $"(CAST(julianday(coalesce({date}, '1970-01-01')) - 2440587.5 AS INTEGER) << 32)",
        DatabaseProvider.PostgreSQL => $"((coalesce({date}, DATE '1970-01-01') - DATE '1970-01-01')::bigint * 4294967296)",
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    /// <summary>
    /// Messages, consultations and 办事指南 in the index (issue 22, migration SearchOtherContent): their triggers, then
    /// their entries. Part of <see cref="SourceTriggers"/> and <see cref="Backfill"/>.
    /// </summary>
    public static IReadOnlyList<string> OtherContent(DatabaseProvider provider) => [.. OtherSourceTriggers(provider), .. OtherBackfill(provider)];

    private static IEnumerable<string> OtherBackfill(DatabaseProvider provider) =>
        OtherSources.Select(o => $"INSERT INTO \"SearchEntries\" ({OtherColumns})\n{o.Rows(provider)};");

    private static IEnumerable<string> OtherSourceTriggers(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => OtherSources.SelectMany(o => new[]
        {
            $"""
            CREATE TRIGGER "{o.TriggerName}_Insert" AFTER INSERT ON "{o.Table}" BEGIN
                INSERT INTO "SearchEntries" ({OtherColumns})
                {o.Rows(provider)} AND {o.Alias}."Id" = NEW."Id";
            END;
            """,
            $"""
            CREATE TRIGGER "{o.TriggerName}_Update" AFTER UPDATE OF {o.WatchedColumns} ON "{o.Table}" BEGIN
                DELETE FROM "SearchEntries" WHERE "SourceId" = OLD."Id" AND "Kind" = {(int)o.Kind};
                INSERT INTO "SearchEntries" ({OtherColumns})
                {o.Rows(provider)} AND {o.Alias}."Id" = NEW."Id";
            END;
            """,
            $"""
            CREATE TRIGGER "{o.TriggerName}_Delete" AFTER DELETE ON "{o.Table}" BEGIN
                DELETE FROM "SearchEntries" WHERE "SourceId" = OLD."Id" AND "Kind" = {(int)o.Kind};
            END;
            """,
        }),
        DatabaseProvider.PostgreSQL => OtherSources.SelectMany(o => new[]
        {
            $$"""
            CREATE FUNCTION "SearchEntries_From{{o.Table}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "SearchEntries" WHERE "SourceId" = OLD."Id" AND "Kind" = {{(int)o.Kind}};
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO "SearchEntries" ({{OtherColumns}})
                    {{o.Rows(provider)}} AND {{o.Alias}}."Id" = NEW."Id";
                END IF;
                RETURN NULL;
            END
            $body$;
            """,
            $"""
            CREATE TRIGGER "{o.TriggerName}" AFTER INSERT OR DELETE OR UPDATE OF {o.WatchedColumns} ON "{o.Table}"
            FOR EACH ROW EXECUTE FUNCTION "SearchEntries_From{o.Table}"();
            """,
        }),
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    /// <summary>The triggers of <see cref="OtherContent"/>, dropped (their entries stay until SearchEntries is emptied).</summary>
    public static IEnumerable<string> OtherUninstall(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => OtherSources.SelectMany(o => new[] { "_Insert", "_Update", "_Delete" }.Select(t => $"DROP TRIGGER IF EXISTS \"{o.TriggerName}{t}\";")),
        DatabaseProvider.PostgreSQL => OtherSources.SelectMany(o => new[]
        {
            $"DROP TRIGGER IF EXISTS \"{o.TriggerName}\" ON \"{o.Table}\";",
            $"DROP FUNCTION IF EXISTS \"SearchEntries_From{o.Table}\"();",
        }),
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    /// <summary>The entry id of a published version, as the two SortKey expressions below compute it: days since 1970 in the high half, the version id in the low.</summary>
    public static long SortKey(DateOnly publishedOn, int versionId) =>
        ((long)(publishedOn.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) << 32) + versionId;

    private const string SqliteSortKey = """((CAST(julianday(coalesce(v."PublishedOn", '1970-01-01')) - 2440587.5 AS INTEGER) << 32) + v."Id")""";
    private const string PostgresSortKey = """((coalesce(v."PublishedOn", DATE '1970-01-01') - DATE '1970-01-01')::bigint * 4294967296 + v."Id")""";

    /// <summary>Everything, in this order: the full-text structure, the facet index, its triggers, the backfill, the source triggers.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider) =>
        [.. FullTextIndex(provider), .. FacetIndex(provider), .. IndexTriggers(provider), .. Backfill(provider), .. SourceTriggers(provider)];

    // The parts of Install, so that a bulk load (DisclosurePortal.Tools/Generator) can run them itself: Uninstall, load the
    // rows with no trigger firing, then Backfill, FullTextIndex + RebuildFullTextIndex, IndexTriggers, SourceTriggers.

    /// <summary>SQLite: the FTS5 table (empty); PostgreSQL: the tokenizer function, the vector column and its GIN index
    /// (computed and built over the rows present).</summary>
    public static IReadOnlyList<string> FullTextIndex(DatabaseProvider provider) => For(provider, SqliteFullTextIndex, PostgresFullTextIndex);

    /// <summary>
    /// Indexes the entries already in SearchEntries (the FTS5 table is contentless: it is given each entry's tokens), with
    /// 256 MB for the terms pending in memory instead of 1 MB while it runs (far fewer segments to merge), then the
    /// default again. On PostgreSQL adding the column and creating the index did it.
    /// </summary>
    public static IReadOnlyList<string> RebuildFullTextIndex(DatabaseProvider provider) => For(provider,
        [
            "INSERT INTO \"SearchText\" (\"SearchText\", rank) VALUES ('hashsize', 268435456);",
            $"INSERT INTO \"SearchText\" (rowid, {FtsColumns})\nSELECT \"Id\", {TokensOf("")}\nFROM \"SearchEntries\";",
            "INSERT INTO \"SearchText\" (\"SearchText\", rank) VALUES ('hashsize', 1048576);",
        ],
        []);

    private const string FtsColumns = "\"Title\", \"DocumentNumber\", \"IndexNumber\", \"Body\"";

    /// <summary>The four columns' tokens, of the row named by the prefix (NEW., or nothing).</summary>
    private static string TokensOf(string row) =>
        $"\"SearchTokens\"({row}\"Title\"), \"SearchTokens\"({row}\"DocumentNumber\"), \"SearchTokens\"({row}\"IndexNumber\"), \"SearchTokens\"({row}\"Body\")";

    /// <summary>
    /// The migration from the trigram index (docs/adr/0009) to the token index (docs/adr/0041): the old full-text
    /// structure goes (SQLite: the FTS5 table and its triggers; PostgreSQL: the trigram GIN index and pg_trgm, which
    /// nothing else uses), the new one is built over the entries present. SearchEntries and the source triggers stay.
    /// </summary>
    public static IReadOnlyList<string> ReplaceTrigramIndex(DatabaseProvider provider) => For(provider,
        [
            .. new[] { "SearchEntries_Insert", "SearchEntries_Update", "SearchEntries_Delete" }.Select(t => $"DROP TRIGGER IF EXISTS \"{t}\";"),
            "DROP TABLE IF EXISTS \"SearchText\";",
            .. FullTextIndex(provider), .. RebuildFullTextIndex(provider), .. IndexTriggers(provider),
        ],
        ["DROP INDEX IF EXISTS \"IX_SearchEntries_Text\";", "DROP EXTENSION IF EXISTS pg_trgm;", .. FullTextIndex(provider)]);

    /// <summary>
    /// SQLite: an index holding each entry's sort key and its filter and facet columns (issue 22), so that the filters
    /// and the facet counts read a narrow row per match instead of the entry, whose body comes before those columns and
    /// spills over several pages (grouping 188,000 matches: 2 s through the entries, 0.1 s through this index).
    /// PostgreSQL reads the heap row after its GIN index either way (docs/adr/0042).
    /// </summary>
    public static IReadOnlyList<string> FacetIndex(DatabaseProvider provider) => For(provider,
        [$"CREATE INDEX IF NOT EXISTS {SqliteFacetIndex} ON \"SearchEntries\" (\"Id\", \"Kind\", \"DomainId\", \"StageId\", \"DepartmentId\", \"RecordKind\", \"Validity\", \"PublishedOn\");"],
        []);

    /// <summary>SQLite: the name of <see cref="FacetIndex"/>, which the search names (INDEXED BY) so that it reads it rather than the entries.</summary>
    public const string SqliteFacetIndex = "\"IX_SearchEntries_Facets\"";

    /// <summary>SQLite: the triggers that keep the FTS5 table equal to SearchEntries (PostgreSQL's generated column needs none).</summary>
    public static IReadOnlyList<string> IndexTriggers(DatabaseProvider provider) => For(provider, SqliteIndexTriggers, []);

    /// <summary>One INSERT…SELECT each: every published version, the catalogue in use, and the other public content.</summary>
    public static IReadOnlyList<string> Backfill(DatabaseProvider provider) => For(provider,
        [
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{PublishedVersions(SqliteSortKey)};",
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{ActiveItems};",
            .. OtherBackfill(DatabaseProvider.Sqlite),
        ],
        [
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{PublishedVersions(PostgresSortKey)};",
            $"INSERT INTO \"SearchEntries\" ({Columns})\n{ActiveItems};",
            .. OtherBackfill(DatabaseProvider.PostgreSQL),
        ]);

    /// <summary>The triggers on RecordVersions, Records and CatalogueItems that keep SearchEntries equal to what is published.</summary>
    public static IReadOnlyList<string> SourceTriggers(DatabaseProvider provider) => For(provider,
        [.. SqliteSourceTriggers, .. OtherSourceTriggers(DatabaseProvider.Sqlite)],
        [.. PostgresSourceTriggers, .. OtherSourceTriggers(DatabaseProvider.PostgreSQL)]);

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
            $"DROP INDEX IF EXISTS {SqliteFacetIndex};",
            .. OtherUninstall(DatabaseProvider.Sqlite),
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
            $"ALTER TABLE \"SearchEntries\" DROP COLUMN IF EXISTS {PostgresVector};",
            "DROP FUNCTION IF EXISTS \"SearchTokens\"(text);",
            .. OtherUninstall(DatabaseProvider.PostgreSQL),
        ],
        _ => throw new InvalidOperationException($"Unhandled provider {provider}."),
    };

    private static readonly string[] SqliteFullTextIndex =
    [
        // Contentless: the FTS5 table keeps only the index of the tokens; the text stays in SearchEntries. unicode61 splits
        // the tokens at the spaces between them (each is letters, digits or 汉字 only, already in lower case and NFKC).
        """
        CREATE VIRTUAL TABLE "SearchText" USING fts5(
            "Title", "DocumentNumber", "IndexNumber", "Body",
            content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        """,
    ];

    private static readonly string[] SqliteIndexTriggers =
    [
        $"""
        CREATE TRIGGER "SearchEntries_Insert" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchText" (rowid, {FtsColumns})
            VALUES (NEW."Id", {TokensOf("NEW.")});
        END;
        """,
        """
        CREATE TRIGGER "SearchEntries_Delete" AFTER DELETE ON "SearchEntries" BEGIN
            DELETE FROM "SearchText" WHERE rowid = OLD."Id";
        END;
        """,
        $"""
        CREATE TRIGGER "SearchEntries_Update" AFTER UPDATE ON "SearchEntries" BEGIN
            DELETE FROM "SearchText" WHERE rowid = OLD."Id";
            INSERT INTO "SearchText" (rowid, {FtsColumns})
            VALUES (NEW."Id", {TokensOf("NEW.")});
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
        // SearchTokens in SQL (the C# rule is SearchTokens.Tokenize; SearchTokenizerTests compares them): the runs of
        // 汉字, digits and letters of the NFKC, lower-cased text, in order; a run of 汉字 as its pairs and its last
        // character (unnest of the characters beside the characters from the second on), any other run as itself.
        $$"""
        CREATE FUNCTION "SearchTokens"(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $body$
        SELECT coalesce(string_agg(u.x || coalesce(u.y, ''), ' ' ORDER BY m.n, u.i), '')
        FROM regexp_matches(lower(normalize(t, NFKC)), '{{SearchTokens.PostgresRunPattern}}', 'g') WITH ORDINALITY AS m(r, n)
        CROSS JOIN LATERAL (SELECT CASE WHEN m.r[1] ~ '{{SearchTokens.PostgresWordRunStart}}' THEN ARRAY[m.r[1]]
                                        ELSE regexp_split_to_array(m.r[1], '') END AS chars) AS c
        CROSS JOIN LATERAL unnest(c.chars, c.chars[2:]) WITH ORDINALITY AS u(x, y, i)
        $body$;
        """,
        // Title A, 文号 and 索引号 B, body D: ts_rank_cd weighs them so. The tokens are only letters, digits and 汉字, so
        // the 'simple' configuration keeps each as it is, one position each (phrases: <->).
        $"""
        ALTER TABLE "SearchEntries" ADD COLUMN {PostgresVector} tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "SearchTokens"("Title")), 'A')
            || setweight(to_tsvector('simple'::regconfig, "SearchTokens"(coalesce("DocumentNumber", '') || ' ' || coalesce("IndexNumber", ''))), 'B')
            || to_tsvector('simple'::regconfig, "SearchTokens"("Body"))) STORED;
        """,
        $"CREATE INDEX \"IX_SearchEntries_Text\" ON \"SearchEntries\" USING gin ({PostgresVector});",
        // The planner estimates a word's matches from the column's most common tokens: the default keeps 1,000 of them,
        // too few among ~100,000 pairs (通知, in 19 % of a million entries, was guessed at 0.5 %, so its search sorted
        // 188,000 rows instead of walking the newest entries: 2 s, not 0.1 s). 1,000 keeps about 3,000.
        $"ALTER TABLE \"SearchEntries\" ALTER COLUMN {PostgresVector} SET STATISTICS 1000;",
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
