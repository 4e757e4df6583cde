using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// Full-text search (docs/adr/0009): the SearchEntries table, filled from what is already published and from the
/// catalogue in use (backfill), kept in step by triggers; SQLite adds an FTS5 trigram table, PostgreSQL pg_trgm.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130100000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SearchEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                RecordId = table.Column<int>(nullable: true),
                RecordVersionId = table.Column<int>(nullable: true),
                CatalogueItemId = table.Column<int>(nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                DocumentNumber = table.Column<string>(maxLength: 100, nullable: true),
                IndexNumber = table.Column<string>(maxLength: 40, nullable: true),
                Body = table.Column<string>(nullable: false),
                DomainId = table.Column<int>(nullable: false),
                StageId = table.Column<int>(nullable: false),
                DepartmentId = table.Column<int>(nullable: false),
                RecordKind = table.Column<int>(nullable: true),
                Validity = table.Column<int>(nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SearchEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_SearchEntries_CatalogueItemId", "SearchEntries", "CatalogueItemId", unique: true);
        migrationBuilder.CreateIndex("IX_SearchEntries_RecordId", "SearchEntries", "RecordId");
        migrationBuilder.CreateIndex("IX_SearchEntries_RecordVersionId", "SearchEntries", "RecordVersionId", unique: true);

        foreach (var statement in SearchIndexSql.Install(Provider(migrationBuilder)))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SearchIndexSql.Uninstall(Provider(migrationBuilder)))
            migrationBuilder.Sql(statement);
        migrationBuilder.DropTable("SearchEntries");
    }

    private static DatabaseProvider Provider(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
}
