using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// The audit chain (docs/adr/0023): each event's place in the chain, the one-row chain head, and the triggers that
/// keep the audit table append-only. Events already written are numbered in Id order here and hashed on the next
/// start (<see cref="AuditChainHead.SealOnStartAsync"/>): SQLite has no SHA-256 to do it in SQL.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203120000_AuditChain")]
public sealed class AuditChain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var provider = Provider(migrationBuilder);
        migrationBuilder.AddColumn<long>(name: "Sequence", table: "AuditEvents", nullable: false, defaultValue: 0L);
        migrationBuilder.Sql("""
            UPDATE "AuditEvents" SET "Sequence" = numbered."Position"
            FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS "Position" FROM "AuditEvents") AS numbered
            WHERE numbered."Id" = "AuditEvents"."Id";
            """);
        // The model has no default (every event is numbered by the chain); SQLite keeps it, as ADD COLUMN NOT NULL needs one.
        if (provider == DatabaseProvider.PostgreSQL)
            migrationBuilder.Sql("""ALTER TABLE "AuditEvents" ALTER COLUMN "Sequence" DROP DEFAULT;""");
        migrationBuilder.CreateIndex("IX_AuditEvents_Sequence", "AuditEvents", "Sequence", unique: true);

        migrationBuilder.CreateTable(
            name: "AuditChainHeads",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                LastHash = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditChainHeads", x => x.Id));
        migrationBuilder.Sql($"""INSERT INTO "AuditChainHeads" ("Id", "Sequence", "LastHash") SELECT {AuditChainHead.TheRow}, COUNT(*), NULL FROM "AuditEvents";""");

        foreach (var statement in AuditChainSql.Install(provider))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in AuditChainSql.Uninstall(Provider(migrationBuilder)))
            migrationBuilder.Sql(statement);
        migrationBuilder.DropTable("AuditChainHeads");
        migrationBuilder.DropIndex("IX_AuditEvents_Sequence", "AuditEvents");
        migrationBuilder.DropColumn("Sequence", "AuditEvents");
    }

    private static DatabaseProvider Provider(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
}
