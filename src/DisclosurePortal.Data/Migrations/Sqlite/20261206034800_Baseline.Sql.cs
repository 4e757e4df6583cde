namespace DisclosurePortal.Data.Migrations.Sqlite;

// The provider's own SQL that the model cannot express, frozen as this migration ran it: the full-text index, the
// triggers that keep SearchEntries and PublishedCounts equal to what is published (docs/adr/0009, 0017), the audit
// chain's head row and its append-only triggers (docs/adr/0023). A change to them is a new migration; the runtime copies
// (SearchIndexSql, PublishedCountsSql, AuditChainSql, used by the bulk generator) must match: MigrationSchemaTests.
public partial class Baseline
{
    private static readonly string[] ProviderSql =
    [
        """
            CREATE VIRTUAL TABLE "SearchText" USING fts5(
                "Title", "DocumentNumber", "IndexNumber", "Body",
                content='SearchEntries', content_rowid='Id', tokenize='trigram');
            """,
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
        """
            CREATE TRIGGER "RecordVersions_Search_Insert" AFTER INSERT ON "RecordVersions" WHEN NEW."IsPublished" BEGIN
                INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                SELECT ((CAST(julianday(coalesce(v."PublishedOn", '1970-01-01')) - 2440587.5 AS INTEGER) << 32) + v."Id"), 1, v."RecordId", v."Id", NULL, v."Title", v."DocumentNumber", r."IndexNumber", v."Body",
                   v."DomainId", v."StageId", v."DepartmentId", v."Kind", v."Validity", v."PublishedOn"
            FROM "RecordVersions" AS v JOIN "Records" AS r ON r."Id" = v."RecordId"
            WHERE v."IsPublished" AND v."Id" = NEW."Id";
            END;
            """,
        """
            CREATE TRIGGER "RecordVersions_Search_Update" AFTER UPDATE OF  "IsPublished", "Title", "DocumentNumber", "Body", "PublishedOn", "Validity", "Kind", "DomainId", "StageId", "DepartmentId"  ON "RecordVersions" BEGIN
                DELETE FROM "SearchEntries" WHERE "RecordVersionId" = OLD."Id";
                INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                SELECT ((CAST(julianday(coalesce(v."PublishedOn", '1970-01-01')) - 2440587.5 AS INTEGER) << 32) + v."Id"), 1, v."RecordId", v."Id", NULL, v."Title", v."DocumentNumber", r."IndexNumber", v."Body",
                   v."DomainId", v."StageId", v."DepartmentId", v."Kind", v."Validity", v."PublishedOn"
            FROM "RecordVersions" AS v JOIN "Records" AS r ON r."Id" = v."RecordId"
            WHERE v."IsPublished" AND v."Id" = NEW."Id";
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
        """
            CREATE TRIGGER "CatalogueItems_Search_Insert" AFTER INSERT ON "CatalogueItems" WHEN NEW."Status" = 1 BEGIN
                INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                SELECT -i."Id", 2, NULL, NULL, i."Id", i."NameLevel1" || ' · ' || i."NameLevel2", NULL, NULL, i."Content" || ' ' || i."Basis",
                   i."DomainId", i."StageId", i."DepartmentId", NULL, NULL, NULL
            FROM "CatalogueItems" AS i
            WHERE i."Status" = 1 AND i."Id" = NEW."Id";
            END;
            """,
        """
            CREATE TRIGGER "CatalogueItems_Search_Update" AFTER UPDATE OF  "NameLevel1", "NameLevel2", "Content", "Basis", "Status", "DomainId", "StageId", "DepartmentId"  ON "CatalogueItems" BEGIN
                DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
                INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                SELECT -i."Id", 2, NULL, NULL, i."Id", i."NameLevel1" || ' · ' || i."NameLevel2", NULL, NULL, i."Content" || ' ' || i."Basis",
                   i."DomainId", i."StageId", i."DepartmentId", NULL, NULL, NULL
            FROM "CatalogueItems" AS i
            WHERE i."Status" = 1 AND i."Id" = NEW."Id";
            END;
            """,
        """
            CREATE TRIGGER "CatalogueItems_Search_Delete" AFTER DELETE ON "CatalogueItems" BEGIN
                DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
            END;
            """,
        """
            CREATE TRIGGER "RecordVersions_Counts_Insert" AFTER INSERT ON "RecordVersions" WHEN NEW."IsPublished" BEGIN
                INSERT INTO "PublishedCounts" ("CatalogueItemId", "DomainId", "StageId", "DepartmentId", "Count")
                SELECT NEW."CatalogueItemId", NEW."DomainId", NEW."StageId", NEW."DepartmentId", 1 WHERE 1
                ON CONFLICT ("CatalogueItemId", "DomainId", "StageId", "DepartmentId") DO UPDATE SET "Count" = "PublishedCounts"."Count" + 1;
            END;
            """,
        """
            CREATE TRIGGER "RecordVersions_Counts_Update" AFTER UPDATE OF "IsPublished", "CatalogueItemId", "DomainId", "StageId", "DepartmentId" ON "RecordVersions" BEGIN
                UPDATE "PublishedCounts" SET "Count" = "Count" - 1
                WHERE OLD."IsPublished" AND "CatalogueItemId" = OLD."CatalogueItemId" AND "DomainId" = OLD."DomainId"
                  AND "StageId" = OLD."StageId" AND "DepartmentId" = OLD."DepartmentId";
                INSERT INTO "PublishedCounts" ("CatalogueItemId", "DomainId", "StageId", "DepartmentId", "Count")
                SELECT NEW."CatalogueItemId", NEW."DomainId", NEW."StageId", NEW."DepartmentId", 1 WHERE NEW."IsPublished"
                ON CONFLICT ("CatalogueItemId", "DomainId", "StageId", "DepartmentId") DO UPDATE SET "Count" = "PublishedCounts"."Count" + 1;
            END;
            """,
        """
            CREATE TRIGGER "RecordVersions_Counts_Delete" AFTER DELETE ON "RecordVersions" WHEN OLD."IsPublished" BEGIN
                UPDATE "PublishedCounts" SET "Count" = "Count" - 1
                WHERE 1 AND "CatalogueItemId" = OLD."CatalogueItemId" AND "DomainId" = OLD."DomainId"
                  AND "StageId" = OLD."StageId" AND "DepartmentId" = OLD."DepartmentId";
            END;
            """,
        """
            INSERT INTO "AuditChainHeads" ("Id", "Sequence", "LastHash") SELECT 1, COUNT(*), NULL FROM "AuditEvents";
            """,
        """
            CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
            WHEN OLD."Hash" IS NOT NULL OR NEW."Hash" IS NULL OR NEW."Id" IS NOT OLD."Id" OR NEW."Sequence" IS NOT OLD."Sequence" OR NEW."OccurredAt" IS NOT OLD."OccurredAt" OR NEW."ActorId" IS NOT OLD."ActorId" OR NEW."ActorName" IS NOT OLD."ActorName" OR NEW."Action" IS NOT OLD."Action" OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId" OR NEW."Summary" IS NOT OLD."Summary"
            BEGIN SELECT RAISE(ABORT, 'AuditEvents are append-only: an audit event cannot be changed'); END;
            """,
        """
            CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
            BEGIN SELECT RAISE(ABORT, 'AuditEvents are append-only: an audit event cannot be deleted'); END;
            """,
        """
            CREATE TRIGGER "AuditEvents_Chained" BEFORE INSERT ON "AuditEvents" WHEN NEW."Hash" IS NULL
            BEGIN SELECT RAISE(ABORT, 'AuditEvents are append-only: an audit event must be chained'); END;
            """,
    ];

    private static readonly string[] ProviderSqlDown =
    [
        """
            DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate";
            """,
        """
            DROP TRIGGER IF EXISTS "AuditEvents_NoDelete";
            """,
        """
            DROP TRIGGER IF EXISTS "AuditEvents_Chained";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Counts_Insert";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Counts_Update";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Counts_Delete";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Search_Insert";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Search_Update";
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Search_Delete";
            """,
        """
            DROP TRIGGER IF EXISTS "Records_Search_Update";
            """,
        """
            DROP TRIGGER IF EXISTS "CatalogueItems_Search_Insert";
            """,
        """
            DROP TRIGGER IF EXISTS "CatalogueItems_Search_Update";
            """,
        """
            DROP TRIGGER IF EXISTS "CatalogueItems_Search_Delete";
            """,
        """
            DROP TRIGGER IF EXISTS "SearchEntries_Insert";
            """,
        """
            DROP TRIGGER IF EXISTS "SearchEntries_Update";
            """,
        """
            DROP TRIGGER IF EXISTS "SearchEntries_Delete";
            """,
        """
            DROP TABLE IF EXISTS "SearchText";
            """,
    ];
}
