using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// Policy interpretations (issue 5, docs/adr/0011): a video interpretation's link on the version; the 政策问答 questions
/// and answers per version; and the links to the interpreted policies moved from the record to the version. The links
/// table is rebuilt (SQLite cannot add a required column with a foreign key): its rows are kept aside, and each
/// existing link is given to every version of its interpretation, which is what the old record-level link meant.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130110000_InterpretationDetails")]
public sealed class InterpretationDetails : Migration
{
    private const string Kept = "InterpretationLinksKept";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "VideoUrl", table: "RecordVersions", maxLength: 500, nullable: true);

        migrationBuilder.CreateTable(
            name: "InterpretationQuestions",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                RecordVersionId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Question = table.Column<string>(maxLength: 300, nullable: false),
                Answer = table.Column<string>(maxLength: 5000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterpretationQuestions", x => x.Id);
                table.ForeignKey("FK_InterpretationQuestions_RecordVersions_RecordVersionId", x => x.RecordVersionId, "RecordVersions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_InterpretationQuestions_RecordVersionId_Position", "InterpretationQuestions", ["RecordVersionId", "Position"], unique: true);

        migrationBuilder.Sql($"""CREATE TABLE "{Kept}" AS SELECT "InterpretationRecordId", "PolicyRecordId", "CreatedAt" FROM "InterpretationLinks";""");
        migrationBuilder.DropTable("InterpretationLinks");
        CreateLinks(migrationBuilder, perVersion: true);
        migrationBuilder.Sql($"""
            INSERT INTO "InterpretationLinks" ("InterpretationRecordId", "RecordVersionId", "PolicyRecordId", "CreatedAt")
            SELECT k."InterpretationRecordId", v."Id", k."PolicyRecordId", k."CreatedAt"
            FROM "{Kept}" AS k JOIN "RecordVersions" AS v ON v."RecordId" = k."InterpretationRecordId"
            ORDER BY v."Id", k."PolicyRecordId";
            """);
        migrationBuilder.Sql($"""DROP TABLE "{Kept}";""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE TABLE "{Kept}" AS
            SELECT "InterpretationRecordId", "PolicyRecordId", MIN("CreatedAt") AS "CreatedAt"
            FROM "InterpretationLinks" GROUP BY "InterpretationRecordId", "PolicyRecordId";
            """);
        migrationBuilder.DropTable("InterpretationLinks");
        CreateLinks(migrationBuilder, perVersion: false);
        migrationBuilder.Sql($"""
            INSERT INTO "InterpretationLinks" ("InterpretationRecordId", "PolicyRecordId", "CreatedAt")
            SELECT "InterpretationRecordId", "PolicyRecordId", "CreatedAt" FROM "{Kept}";
            """);
        migrationBuilder.Sql($"""DROP TABLE "{Kept}";""");
        migrationBuilder.DropTable("InterpretationQuestions");
        migrationBuilder.DropColumn(name: "VideoUrl", table: "RecordVersions");
    }

    /// <summary>The links table with (per version) or without (as in InitialSchema) the version column.</summary>
    private static void CreateLinks(MigrationBuilder m, bool perVersion)
    {
        if (perVersion)
        {
            m.CreateTable(
                name: "InterpretationLinks",
                columns: table => new
                {
                    Id = table.IdentityKey<int>(),
                    InterpretationRecordId = table.Column<int>(nullable: false),
                    RecordVersionId = table.Column<int>(nullable: false),
                    PolicyRecordId = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpretationLinks", x => x.Id);
                    table.ForeignKey("FK_InterpretationLinks_Records_InterpretationRecordId", x => x.InterpretationRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_InterpretationLinks_RecordVersions_RecordVersionId", x => x.RecordVersionId, "RecordVersions", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_InterpretationLinks_Records_PolicyRecordId", x => x.PolicyRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                });
            m.CreateIndex("IX_InterpretationLinks_RecordVersionId_PolicyRecordId", "InterpretationLinks", ["RecordVersionId", "PolicyRecordId"], unique: true);
            m.CreateIndex("IX_InterpretationLinks_InterpretationRecordId", "InterpretationLinks", "InterpretationRecordId");
        }
        else
        {
            m.CreateTable(
                name: "InterpretationLinks",
                columns: table => new
                {
                    Id = table.IdentityKey<int>(),
                    InterpretationRecordId = table.Column<int>(nullable: false),
                    PolicyRecordId = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpretationLinks", x => x.Id);
                    table.ForeignKey("FK_InterpretationLinks_Records_InterpretationRecordId", x => x.InterpretationRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_InterpretationLinks_Records_PolicyRecordId", x => x.PolicyRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                });
            m.CreateIndex("IX_InterpretationLinks_InterpretationRecordId_PolicyRecordId", "InterpretationLinks", ["InterpretationRecordId", "PolicyRecordId"], unique: true);
        }
        m.CreateIndex("IX_InterpretationLinks_PolicyRecordId", "InterpretationLinks", "PolicyRecordId");
    }
}
