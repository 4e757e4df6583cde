using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchOtherContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SourceId_Kind",
                table: "SearchEntries",
                columns: new[] { "SourceId", "Kind" });

            // Provider SQL (issue 22): published messages, public consultations and published 办事指南 in the search index,
            // kept by triggers like records and catalogue items (docs/adr/0042).
            foreach (var sql in DisclosurePortal.Data.Search.SearchIndexSql.OtherContent(DisclosurePortal.Data.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DisclosurePortal.Data.Search.SearchIndexSql.OtherUninstall(DisclosurePortal.Data.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);
            migrationBuilder.Sql("DELETE FROM \"SearchEntries\" WHERE \"Kind\" > 2;");
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_SourceId_Kind",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "SearchEntries");
        }
    }
}
