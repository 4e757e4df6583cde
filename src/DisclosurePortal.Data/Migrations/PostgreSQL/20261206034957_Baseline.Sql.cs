namespace DisclosurePortal.Data.Migrations.PostgreSQL;

// The provider's own SQL that the model cannot express, frozen as this migration ran it: the full-text index, the
// triggers that keep SearchEntries and PublishedCounts equal to what is published (docs/adr/0009, 0017), the audit
// chain's head row and its append-only triggers (docs/adr/0023). A change to them is a new migration; the runtime copies
// (SearchIndexSql, PublishedCountsSql, AuditChainSql, used by the bulk generator) must match: MigrationSchemaTests.
public partial class Baseline
{
    private static readonly string[] ProviderSql =
    [
        """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            """,
        """
            CREATE INDEX "IX_SearchEntries_Text" ON "SearchEntries" USING gin (("Title" || ' ' || coalesce("DocumentNumber", '') || ' ' || coalesce("IndexNumber", '') || ' ' || "Body") gin_trgm_ops);
            """,
        """
            CREATE FUNCTION "SearchEntries_FromRecordVersion"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "SearchEntries" WHERE "RecordVersionId" = OLD."Id";
                END IF;
                IF TG_OP <> 'DELETE' AND NEW."IsPublished" THEN
                    INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                    SELECT ((coalesce(v."PublishedOn", DATE '1970-01-01') - DATE '1970-01-01')::bigint * 4294967296 + v."Id"), 1, v."RecordId", v."Id", NULL, v."Title", v."DocumentNumber", r."IndexNumber", v."Body",
                   v."DomainId", v."StageId", v."DepartmentId", v."Kind", v."Validity", v."PublishedOn"
            FROM "RecordVersions" AS v JOIN "Records" AS r ON r."Id" = v."RecordId"
            WHERE v."IsPublished" AND v."Id" = NEW."Id";
                END IF;
                RETURN NULL;
            END
            $body$;
            """,
        """
            CREATE TRIGGER "RecordVersions_Search" AFTER INSERT OR DELETE OR UPDATE OF  "IsPublished", "Title", "DocumentNumber", "Body", "PublishedOn", "Validity", "Kind", "DomainId", "StageId", "DepartmentId"  ON "RecordVersions"
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
        """
            CREATE FUNCTION "SearchEntries_FromCatalogueItem"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "SearchEntries" WHERE "CatalogueItemId" = OLD."Id";
                END IF;
                IF TG_OP <> 'DELETE' AND NEW."Status" = 1 THEN
                    INSERT INTO "SearchEntries" ("Id", "Kind", "RecordId", "RecordVersionId", "CatalogueItemId", "Title", "DocumentNumber", "IndexNumber", "Body",
            "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "PublishedOn")
                    SELECT -i."Id", 2, NULL, NULL, i."Id", i."NameLevel1" || ' · ' || i."NameLevel2", NULL, NULL, i."Content" || ' ' || i."Basis",
                   i."DomainId", i."StageId", i."DepartmentId", NULL, NULL, NULL
            FROM "CatalogueItems" AS i
            WHERE i."Status" = 1 AND i."Id" = NEW."Id";
                END IF;
                RETURN NULL;
            END
            $body$;
            """,
        """
            CREATE TRIGGER "CatalogueItems_Search" AFTER INSERT OR DELETE OR UPDATE OF  "NameLevel1", "NameLevel2", "Content", "Basis", "Status", "DomainId", "StageId", "DepartmentId"  ON "CatalogueItems"
            FOR EACH ROW EXECUTE FUNCTION "SearchEntries_FromCatalogueItem"();
            """,
        """
            CREATE FUNCTION "PublishedCounts_FromRecordVersion"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD."IsPublished" THEN
                    UPDATE "PublishedCounts" SET "Count" = "Count" - 1
                WHERE TRUE AND "CatalogueItemId" = OLD."CatalogueItemId" AND "DomainId" = OLD."DomainId"
                  AND "StageId" = OLD."StageId" AND "DepartmentId" = OLD."DepartmentId";
                END IF;
                IF TG_OP <> 'DELETE' AND NEW."IsPublished" THEN
                    INSERT INTO "PublishedCounts" ("CatalogueItemId", "DomainId", "StageId", "DepartmentId", "Count")
                SELECT NEW."CatalogueItemId", NEW."DomainId", NEW."StageId", NEW."DepartmentId", 1 WHERE TRUE
                ON CONFLICT ("CatalogueItemId", "DomainId", "StageId", "DepartmentId") DO UPDATE SET "Count" = "PublishedCounts"."Count" + 1;
                END IF;
                RETURN NULL;
            END
            $body$;
            """,
        """
            CREATE TRIGGER "RecordVersions_Counts" AFTER INSERT OR DELETE OR UPDATE OF "IsPublished", "CatalogueItemId", "DomainId", "StageId", "DepartmentId" ON "RecordVersions"
            FOR EACH ROW EXECUTE FUNCTION "PublishedCounts_FromRecordVersion"();
            """,
        """
            INSERT INTO "AuditChainHeads" ("Id", "Sequence", "LastHash") SELECT 1, COUNT(*), NULL FROM "AuditEvents";
            """,
        """
            CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW."Hash" IS NULL THEN RAISE EXCEPTION 'AuditEvents are append-only: an audit event must be chained'; END IF;
                    RETURN NEW;
                END IF;
                IF TG_OP = 'UPDATE' AND OLD."Hash" IS NULL AND NEW."Hash" IS NOT NULL
                   AND (NEW."Id", NEW."Sequence", NEW."OccurredAt", NEW."ActorId", NEW."ActorName", NEW."Action", NEW."EntityType", NEW."EntityId", NEW."Summary") IS NOT DISTINCT FROM (OLD."Id", OLD."Sequence", OLD."OccurredAt", OLD."ActorId", OLD."ActorName", OLD."Action", OLD."EntityType", OLD."EntityId", OLD."Summary") THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'AuditEvents are append-only: % refused', TG_OP;
            END
            $body$;
            """,
        """
            CREATE TRIGGER "AuditEvents_AppendOnly" BEFORE INSERT OR UPDATE OR DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
            """,
        """
            CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents" FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
            """,
    ];

    private static readonly string[] ProviderSqlDown =
    [
        """
            DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";
            """,
        """
            DROP TRIGGER IF EXISTS "AuditEvents_AppendOnly" ON "AuditEvents";
            """,
        """
            DROP FUNCTION IF EXISTS "AuditEvents_AppendOnly"();
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Counts" ON "RecordVersions";
            """,
        """
            DROP FUNCTION IF EXISTS "PublishedCounts_FromRecordVersion"();
            """,
        """
            DROP TRIGGER IF EXISTS "RecordVersions_Search" ON "RecordVersions";
            """,
        """
            DROP TRIGGER IF EXISTS "Records_Search" ON "Records";
            """,
        """
            DROP TRIGGER IF EXISTS "CatalogueItems_Search" ON "CatalogueItems";
            """,
        """
            DROP FUNCTION IF EXISTS "SearchEntries_FromRecordVersion"();
            """,
        """
            DROP FUNCTION IF EXISTS "SearchEntries_FromRecord"();
            """,
        """
            DROP FUNCTION IF EXISTS "SearchEntries_FromCatalogueItem"();
            """,
        """
            DROP INDEX IF EXISTS "IX_SearchEntries_Text";
            """,
    ];
}
