using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Listing;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// Published counts per catalogue item (docs/adr/0017): the table, filled from what is already published, and the
/// triggers on RecordVersions that keep it in step.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201090000_PublishedCounts")]
public sealed class PublishedCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PublishedCounts",
            columns: table => new
            {
                CatalogueItemId = table.Column<int>(nullable: false),
                DomainId = table.Column<int>(nullable: false),
                StageId = table.Column<int>(nullable: false),
                DepartmentId = table.Column<int>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PublishedCounts", x => new { x.CatalogueItemId, x.DomainId, x.StageId, x.DepartmentId }));
        migrationBuilder.CreateIndex("IX_PublishedCounts_DomainId_StageId", "PublishedCounts", ["DomainId", "StageId"]);
        migrationBuilder.CreateIndex("IX_PublishedCounts_DepartmentId", "PublishedCounts", "DepartmentId");
        foreach (var statement in PublishedCountsSql.Install(Provider(migrationBuilder)))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in PublishedCountsSql.Uninstall(Provider(migrationBuilder)))
            migrationBuilder.Sql(statement);
        migrationBuilder.DropTable("PublishedCounts");
    }

    private static DatabaseProvider Provider(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
}
